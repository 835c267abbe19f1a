"""Forms of the repository's pages. They check the shape of the input; the services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from rcphub.core.forms import DateInput, ModelChoiceField, ModelMultipleChoiceField, add_service_error
from rcphub.core.models import Visibility
from rcphub.core.validators import validate_upload
from rcphub.reference.models import Country, Entity, GcmObjective, GcmPrinciple
from rcphub.repository.models import (
    ImplementerType,
    KnowledgeKind,
    KnowledgeProduct,
    Pledge,
    PledgeKind,
    PledgeReport,
    PledgeStage,
    Practice,
    Scope,
)
from rcphub.repository.services import LANGUAGES, PLEDGE_FIELDS, PRACTICE_FIELDS

__all__ = [
    "KnowledgeProductForm",
    "PledgeForm",
    "PledgeReportForm",
    "PracticeForm",
    "ReviewForm",
    "add_service_error",
]

UNKNOWN_OBJECTIVE = _("Unknown GCM objective: %(value)s. The objectives are numbered 1 to 23.")
UNKNOWN_OBJECTIVE_PK = _("Unknown GCM objective: %(pk)s. The objectives are numbered 1 to 23.")
UNKNOWN_COUNTRY_PK = _("Unknown country code: %(pk)s. Use ISO 3166 alpha-3 codes such as ALB or SRB.")
UNKNOWN_COUNTRY = _("Unknown country code: %(value)s. Use ISO 3166 alpha-3 codes such as ALB or SRB.")


class EntityChoiceField(ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.acronym} — {obj.name}"


class EntityMultipleChoiceField(ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.acronym} — {obj.name}"


def objectives_field() -> forms.ModelMultipleChoiceField[Any]:
    return forms.ModelMultipleChoiceField(
        label=_("GCM objectives"),
        queryset=GcmObjective.objects.order_by("number"),
        to_field_name="number",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": UNKNOWN_OBJECTIVE, "invalid_pk_value": UNKNOWN_OBJECTIVE_PK},
    )


def countries_field(label: Any) -> forms.ModelMultipleChoiceField[Any]:
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=Country.objects.order_by("name_en"),
        to_field_name="iso3",
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        error_messages={"invalid_choice": UNKNOWN_COUNTRY, "invalid_pk_value": UNKNOWN_COUNTRY_PK},
        help_text=_("Hold Ctrl (or ⌘) to choose several."),
    )


def _initial(obj: Any, names: tuple[str, ...], many: tuple[str, ...]) -> dict[str, Any]:
    initial = {name: getattr(obj, name) for name in names}
    initial.update({name: list(getattr(obj, name).all()) for name in many})
    initial["version"] = obj.version
    return initial


class VersionedForm(forms.Form):
    """A form that carries the version of the object it edits (absent when it creates one)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    def fields_for_service(self) -> dict[str, Any]:
        return {name: value for name, value in self.cleaned_data.items() if name != "version"}


class PracticeForm(VersionedForm):
    title = forms.CharField(label=_("Title"), max_length=300)
    summary = forms.CharField(
        label=_("Summary"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("40 to 1,500 characters: what was done, where, for whom, with what result."),
    )
    body = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 8}), required=False)
    gcm_objectives = objectives_field()
    gcm_principles = forms.ModelMultipleChoiceField(
        label=_("GCM guiding principles"),
        queryset=GcmPrinciple.objects.order_by("letter"),
        to_field_name="letter",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    countries = countries_field(_("Countries where implemented"))
    implementer_types = forms.ModelMultipleChoiceField(
        label=_("Implementer types"),
        queryset=ImplementerType.objects.order_by("order"),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    implementers = EntityMultipleChoiceField(
        label=_("Implementers"),
        queryset=Entity.objects.order_by("acronym"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    scope = forms.ChoiceField(label=_("Scope"), choices=[("", "—"), *Scope.choices], required=False)
    period_start = forms.IntegerField(label=_("From (year)"), min_value=1950, max_value=2100, required=False)
    period_end = forms.IntegerField(label=_("To (year)"), min_value=1950, max_value=2100, required=False)
    links = forms.CharField(
        label=_("Links"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("One address a line."),
    )
    contact = forms.CharField(label=_("Contact"), max_length=300, required=False)
    language = forms.ChoiceField(label=_("Language"), choices=list(LANGUAGES.items()), initial="en")

    # The page does not ask whom the practice is submitted for.
    NAMES = tuple(name for name in PRACTICE_FIELDS if name != "submitted_by_entity")
    MANY = ("gcm_objectives", "gcm_principles", "countries", "implementer_types", "implementers")

    @classmethod
    def initial_for(cls, practice: Practice) -> dict[str, Any]:
        return _initial(practice, cls.NAMES, cls.MANY)


class PledgeForm(VersionedForm):
    pledger = EntityChoiceField(label=_("Pledger"), queryset=Entity.objects.order_by("acronym"))
    kind = forms.ChoiceField(label=_("Kind"), choices=PledgeKind.choices)
    partners = EntityMultipleChoiceField(
        label=_("Partners"),
        queryset=Entity.objects.order_by("acronym"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("For a pledge in partnership."),
    )
    matches = forms.IntegerField(
        label=_("Matches pledge number"),
        min_value=1,
        max_value=2**63 - 1,
        required=False,
        help_text=_("For a matching pledge: the number of the pledge it matches."),
    )
    text = forms.CharField(label=_("Pledge"), widget=forms.Textarea(attrs={"rows": 5}))
    gcm_objectives = objectives_field()
    countries = countries_field(_("Countries"))
    made_on = forms.DateField(label=_("Made on"), required=False, widget=DateInput())
    occasion = forms.CharField(
        label=_("Occasion"),
        max_length=200,
        required=False,
        help_text=_("E.g. International Migration Review Forum 2026."),
    )
    stage = forms.ChoiceField(label=_("Stage"), choices=PledgeStage.choices)
    lead_reporter = EntityChoiceField(
        label=_("Lead reporter"),
        queryset=Entity.objects.order_by("acronym"),
        required=False,
        help_text=_("For joint pledges: the entity that reports on them."),
    )

    # The matched pledge is asked by its number (see `initial_for`).
    NAMES = tuple(name for name in PLEDGE_FIELDS if name != "matches")
    MANY = ("partners", "gcm_objectives", "countries")

    @classmethod
    def initial_for(cls, pledge: Pledge) -> dict[str, Any]:
        initial = _initial(pledge, cls.NAMES, cls.MANY)
        initial["matches"] = pledge.matches_id
        return initial


class PledgeReportForm(VersionedForm):
    reported_on = forms.DateField(label=_("Reported on"), widget=DateInput())
    stage = forms.ChoiceField(label=_("Stage"), choices=PledgeStage.choices)
    narrative = forms.CharField(label=_("What was done"), widget=forms.Textarea(attrs={"rows": 6}))

    @classmethod
    def initial_for(cls, report: PledgeReport) -> dict[str, Any]:
        return _initial(report, ("reported_on", "stage", "narrative"), ())


class ReviewForm(forms.Form):
    """The secretariat's decision on a submission: return it with a comment, or publish it."""

    comment = forms.CharField(
        label=_("Comment to the submitter"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=4000,
        help_text=_("Required to return the submission: say what should change."),
    )
    action = forms.ChoiceField(choices=[("return", _("Return")), ("publish", _("Publish"))])
    # The version of the submission reviewed: a stale one is refused (ConflictError).
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)


class KnowledgeProductForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=KnowledgeKind.choices)
    coalition = ModelChoiceField(label=_("Coalition"), queryset=None, required=False)
    languages = forms.CharField(
        label=_("Languages"),
        max_length=100,
        initial="en",
        help_text=_("Language codes, comma-separated: en, fr, ru."),
    )
    visibility = forms.ChoiceField(
        label=_("Visibility"),
        choices=Visibility.choices,
        initial=Visibility.PUBLIC,
        help_text=_("Internal products are shown to the coalition's members only."),
    )
    file = forms.FileField(
        label=_("File"),
        required=False,
        validators=[validate_upload],
        help_text=_("PDF, Word, OpenDocument, Excel or PowerPoint; leave empty to keep the current file."),
    )
    remove_file = forms.BooleanField(label=_("Remove the current file"), required=False)
    link = forms.URLField(label=_("Link"), max_length=500, required=False, assume_scheme="https")
    published_on = forms.DateField(label=_("Published on"), required=False, widget=DateInput())
    # The version of the product being edited: a stale one is refused (ConflictError).
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    NAMES = ("title", "kind", "coalition", "languages", "visibility", "link", "published_on")

    def __init__(self, *args: Any, coalitions: QuerySet[Any], editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        coalition_field: Any = self.fields["coalition"]
        coalition_field.queryset = coalitions
        if editing:
            self.fields["version"].required = True
        else:
            del self.fields["remove_file"]
            del self.fields["version"]

    @classmethod
    def initial_for(cls, product: KnowledgeProduct) -> dict[str, Any]:
        initial = {name: getattr(product, name) for name in cls.NAMES}
        initial["version"] = product.version
        return initial

    def fields_for_service(self) -> dict[str, Any]:
        fields = {name: self.cleaned_data[name] for name in self.NAMES}
        if self.cleaned_data.get("file"):
            fields["file"] = self.cleaned_data["file"]
        elif self.cleaned_data.get("remove_file"):
            fields["file"] = False
        return fields

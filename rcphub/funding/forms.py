"""Forms of the funding pages. They check the shape of the input; the services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rcphub.core.forms import ModelChoiceField, ModelMultipleChoiceField
from rcphub.core.models import Visibility
from rcphub.funding.models import (
    AMOUNT_DIGITS,
    AMOUNT_PLACES,
    TRANSITIONS,
    ContributionKind,
    Fund,
    FundThematicArea,
    JointProgramme,
    JointProgrammeState,
)
from rcphub.reference.models import Country, Entity, EntityKind


class DateInput(forms.DateInput):
    """A native date picker that posts ISO dates, so the form works without JavaScript."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class EntityChoiceField(ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.acronym})"


class EntitiesChoiceField(ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.acronym} — {obj.name}"


class ThematicAreaChoiceField(ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class CountriesChoiceField(ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name_en)


def amount_field(label: Any, **kwargs: Any) -> forms.DecimalField:
    return forms.DecimalField(label=label, max_digits=AMOUNT_DIGITS, decimal_places=AMOUNT_PLACES, **kwargs)


def currency_form_field(**kwargs: Any) -> forms.CharField:
    # The service refuses codes that are not ISO 4217; the form only takes three letters in any case.
    return forms.CharField(
        label=_("Currency"),
        max_length=3,
        min_length=3,
        help_text=_("ISO 4217 code: USD, EUR, CHF."),
        **kwargs,
    )


class FundForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=300)
    acronym = forms.CharField(label=_("Acronym"), max_length=40)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    target_amount = amount_field(_("Capitalisation target"))
    currency = currency_form_field(initial="USD")
    target_date = forms.DateField(label=_("Target date"), widget=DateInput())
    managed_by = EntityChoiceField(
        label=_("Administrative agent"),
        queryset=Entity.objects.filter(kind=EntityKind.UN_ENTITY).order_by("acronym"),
        required=False,
    )
    visibility = forms.ChoiceField(
        label=_("Visibility"), choices=Visibility.choices, initial=Visibility.PUBLIC
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ContributionForm(forms.Form):
    contributor = EntityChoiceField(
        label=_("Contributor"),
        queryset=Entity.objects.order_by("kind", "name"),
        help_text=_("The contributing Member State or partner."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=ContributionKind.choices)
    amount = amount_field(_("Amount"))
    currency = currency_form_field()
    contributed_on = forms.DateField(label=_("Date"), widget=DateInput())
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, currency: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["currency"].initial = currency


class JointProgrammeForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    thematic_area = ThematicAreaChoiceField(
        label=_("Thematic area"),
        queryset=FundThematicArea.objects.none(),
        to_field_name="code",
        help_text=_("One of the fund's thematic areas."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    countries = CountriesChoiceField(
        label=_("Countries"), queryset=Country.objects.order_by("name_en"), required=False
    )
    entities = EntitiesChoiceField(
        label=_("Participating entities"),
        queryset=Entity.objects.filter(kind=EntityKind.UN_ENTITY).order_by("acronym"),
        required=False,
    )
    budget = amount_field(_("Budget"))
    currency = currency_form_field()
    submitted_on = forms.DateField(
        label=_("In the pipeline since"),
        widget=DateInput(),
        required=False,
        help_text=_("Today if left empty."),
    )
    start_on = forms.DateField(label=_("Start"), widget=DateInput(), required=False)
    end_on = forms.DateField(label=_("End"), widget=DateInput(), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, fund: Fund, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only the fund's own areas are choices: another fund's area is refused here, named on the field.
        field: Any = self.fields["thematic_area"]
        field.queryset = fund.thematic_areas.all()

    @classmethod
    def for_programme(cls, data: Any, joint_programme: JointProgramme) -> JointProgrammeForm:
        initial = {
            name: getattr(joint_programme, name)
            for name in (
                "title",
                "description",
                "budget",
                "currency",
                "submitted_on",
                "start_on",
                "end_on",
                "version",
            )
        }
        initial["thematic_area"] = joint_programme.thematic_area
        initial["countries"] = list(joint_programme.countries.all())
        initial["entities"] = list(joint_programme.entities.all())
        return cls(data, fund=joint_programme.fund, initial=initial)


class TransitionForm(forms.Form):
    state = forms.ChoiceField(label=_("New state"), choices=JointProgrammeState.choices)
    on = forms.DateField(
        label=_("As from"), widget=DateInput(), required=False, help_text=_("Today if left empty.")
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, joint_programme: JointProgramme, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"version": joint_programme.version})
        super().__init__(*args, **kwargs)
        allowed = TRANSITIONS.get(joint_programme.state, frozenset())
        field: Any = self.fields["state"]
        # Every state is accepted from a post, so the service names a step it does not allow; the page offers the allowed ones.
        self.allowed_choices = [(v, label) for v, label in JointProgrammeState.choices if v in allowed]
        field.widget.choices = self.allowed_choices

"""Forms of the follow-up pages. They check the shape of the input; the services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from rcphub.core.forms import (
    DateInput,
    ModelChoiceField,
    ModelMultipleChoiceField,
    StatusFormBase,
    add_service_error,
)
from rcphub.core.models import Visibility
from rcphub.core.validators import validate_upload
from rcphub.followup.models import (
    Commitment,
    DatePrecision,
    FollowUpStatus,
    ManagementResponse,
    ReportingRound,
    Review,
    ReviewGroup,
    ReviewKind,
)
from rcphub.followup.services import COMMITMENT_FIELDS
from rcphub.reference.models import Entity
from rcphub.workplans.forms import ReportingRoundForm

__all__ = [
    "CommitmentEditForm",
    "CommitmentForm",
    "FollowUpReportForm",
    "KeyActionForm",
    "ReportingRoundForm",
    "ReviewEditForm",
    "ReviewForm",
    "ReviewGroupForm",
    "add_service_error",
]


class EntityChoiceField(ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.acronym} — {obj.name}"


class EntityMultipleChoiceField(ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.acronym} — {obj.name}"


# ---------------------------------------------------------------------------------------------
# Reviews


class ReviewEditForm(forms.Form):
    """The fields of a review that those who manage it may change, with the version they read."""

    kind = forms.ChoiceField(label=_("Kind"), choices=ReviewKind.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    issued_on = forms.DateField(
        label=_("Issued on"),
        widget=DateInput(),
        help_text=_("For a review dated by month or year, any day of it: the day is not shown."),
    )
    issued_precision = forms.ChoiceField(
        label=_("Dated by"),
        choices=DatePrecision.choices,
        initial=DatePrecision.DAY,
        required=False,
        help_text=_("How the review is dated: “14 April 2025”, “November 2017” or “2017”."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    url = forms.URLField(label=_("Report (link)"), required=False, max_length=500, assume_scheme="https")
    file = forms.FileField(
        label=_("Report (file)"),
        required=False,
        validators=[validate_upload],
        help_text=_("PDF, Word, OpenDocument, Excel or PowerPoint; leave empty to keep the current file."),
    )
    visibility = forms.ChoiceField(
        label=_("Visibility"),
        choices=Visibility.choices,
        initial=Visibility.INTERNAL,
        help_text=_("Internal reviews are shown to the organisation and the responsible entities only."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def clean_issued_precision(self) -> str:
        return self.cleaned_data.get("issued_precision") or DatePrecision.DAY

    @staticmethod
    def initial_for(review: Review) -> dict[str, Any]:
        """Return the form's initial values from the review."""
        names = (
            "kind",
            "title",
            "issued_on",
            "issued_precision",
            "description",
            "url",
            "visibility",
            "version",
        )
        return {name: getattr(review, name) for name in names}

    def review_fields(self) -> dict[str, Any]:
        """Return the cleaned values `review_update` takes; an empty file field keeps the current file."""
        data = {name: value for name, value in self.cleaned_data.items() if name != "version"}
        if not data.get("file"):
            data.pop("file", None)
        return data


class ReviewForm(ReviewEditForm):
    """A new review, for an organisation the user follows up for."""

    organisation = EntityChoiceField(label=_("Organisation"), queryset=Entity.objects.none())

    field_order = [
        "kind",
        "organisation",
        "title",
        "issued_on",
        "issued_precision",
        "description",
        "url",
        "file",
        "visibility",
    ]

    def __init__(self, *args: Any, organisations: QuerySet[Entity], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["version"]
        field: Any = self.fields["organisation"]
        field.queryset = organisations
        self.fields["file"].help_text = _("PDF, Word, OpenDocument, Excel or PowerPoint.")

    def review_fields(self) -> dict[str, Any]:
        """Return the cleaned values `review_create` takes, the organisation included."""
        data = dict(self.cleaned_data)
        if not data.get("file"):
            data.pop("file", None)
        return data


class ReviewGroupForm(forms.Form):
    code = forms.CharField(
        label=_("Code"), max_length=40, help_text=_("As written in the source: “Component 1”, “A”.")
    )
    title = forms.CharField(label=_("Title"), max_length=300, required=False)


# ---------------------------------------------------------------------------------------------
# Commitments and key actions


class CommitmentForm(forms.Form):
    """A recommendation, an action item or a decision, as the source writes it."""

    number = forms.CharField(label=_("Number"), max_length=20, help_text=_("As written: 1, 2.3, R4, (a)."))
    group = ModelChoiceField(
        label=_("Group"), queryset=ReviewGroup.objects.none(), required=False, empty_label=_("— none —")
    )
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 4}))
    response = forms.ChoiceField(
        label=_("Management response"),
        choices=[("", _("— none —")), *ManagementResponse.choices],
        required=False,
    )
    response_text = forms.CharField(
        label=_("Management response (text)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    responsible_entities = EntityMultipleChoiceField(
        label=_("Responsible entities"), queryset=Entity.objects.none(), required=False
    )
    responsible_text = forms.CharField(
        label=_("Responsibility as written"),
        max_length=300,
        required=False,
        help_text=_("E.g. “OES (CdC)”, “PMU”."),
    )
    due_on = forms.DateField(label=_("Due on"), required=False, widget=DateInput())
    due_text = forms.CharField(
        label=_("Due as written"),
        max_length=200,
        required=False,
        help_text=_("E.g. “By end 2019”, “2019–20”."),
    )

    def __init__(self, *args: Any, review: Review, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["group"].queryset = ReviewGroup.objects.filter(review=review).order_by("order", "id")
        fields["responsible_entities"].queryset = Entity.objects.order_by("acronym")

    def commitment_fields(self) -> dict[str, Any]:
        """Return the cleaned values `commitment_create` and `commitment_update` take."""
        return {name: value for name, value in self.cleaned_data.items() if name != "version"}


class CommitmentEditForm(CommitmentForm):
    """The commitment form with the version it was read at, so that a concurrent edit is refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    @staticmethod
    def initial_for(commitment: Commitment) -> dict[str, Any]:
        """Return the form's initial values from the commitment (responsible entities prefetched)."""
        initial: dict[str, Any] = {name: getattr(commitment, name) for name in COMMITMENT_FIELDS}
        initial["group"] = commitment.group_id
        initial["responsible_entities"] = [entity.pk for entity in commitment.responsible_entities.all()]
        initial["version"] = commitment.version
        return initial


class KeyActionForm(forms.Form):
    text = forms.CharField(label=_("Key action"), widget=forms.Textarea(attrs={"rows": 3}))
    responsible_text = forms.CharField(label=_("Responsibility as written"), max_length=300, required=False)
    due_on = forms.DateField(label=_("Due on"), required=False, widget=DateInput())
    due_text = forms.CharField(label=_("Due as written"), max_length=200, required=False)


# ---------------------------------------------------------------------------------------------
# Progress


class FollowUpReportForm(StatusFormBase):
    """Record the status of a commitment or a key action as at a date, in a reporting round or not."""

    status = forms.ChoiceField(
        label=_("Status"),
        choices=[*FollowUpStatus.choices, ("", _("— no status given —"))],
        required=False,
        help_text=_("Leave “no status given” where the document gives a comment and no status."),
    )
    status_text = forms.CharField(
        label=_("Status as written"),
        max_length=300,
        required=False,
        help_text=_("The document's own words, e.g. “Completed/ongoing”, if they say more than the status."),
    )

    field_order = ["status", "status_text", "as_at", "round", "comment"]

    def __init__(self, *args: Any, review: Review, **kwargs: Any) -> None:
        super().__init__(*args, rounds=ReportingRound.objects.filter(review=review), **kwargs)

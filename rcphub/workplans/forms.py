"""Forms of the work-plan pages. They check the shape of the input; the services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rcphub.coalitions.models import Coalition
from rcphub.coalitions.permissions import coalition_visibility_q
from rcphub.core.forms import (
    DateInput,
    ModelMultipleChoiceField,
    StatusFormBase,
)
from rcphub.core.models import ProgressStatus, Visibility
from rcphub.core.validators import validate_code
from rcphub.reference.models import Country, Entity, GcmObjective, SdgTarget
from rcphub.workplans.models import Activity, Output, ReportingRound, Result, WorkPlan, WorkPlanState
from rcphub.workplans.services import ACTIVITY_FIELDS, ACTIVITY_M2M, MANAGER_ONLY_FIELDS

# ---------------------------------------------------------------------------------------------
# Work plans, results, outputs, reporting rounds


class WorkPlanForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, help_text=_("For example “Work plan 2026”."))
    period_start = forms.DateField(label=_("Period starts"), widget=DateInput())
    period_end = forms.DateField(label=_("Period ends"), widget=DateInput())
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class WorkPlanEditForm(WorkPlanForm):
    """The work plan's own fields, with the version it was read at; the endorsement date once endorsed."""

    endorsed_on = forms.DateField(
        label=_("Endorsed on"),
        required=False,
        widget=DateInput(),
        help_text=_("The date the coalition endorsed the plan."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args: Any, work_plan: WorkPlan, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "title": work_plan.title,
                "period_start": work_plan.period_start,
                "period_end": work_plan.period_end,
                "notes": work_plan.notes,
                "endorsed_on": work_plan.endorsed_on,
                "version": work_plan.version,
            },
        )
        super().__init__(*args, **kwargs)
        if work_plan.state != WorkPlanState.ENDORSED:
            del self.fields["endorsed_on"]

    def workplan_fields(self) -> dict[str, Any]:
        """Return the cleaned values that `workplan_update` takes, the version aside."""
        return {name: value for name, value in self.cleaned_data.items() if name != "version"}


class EndorseForm(forms.Form):
    """The date the coalition endorsed the plan, entered by the secretariat when it endorses it."""

    endorsed_on = forms.DateField(
        label=_("Endorsed on"),
        required=False,
        widget=DateInput(),
        help_text=_("The date the coalition endorsed the plan; today if left empty."),
    )


class ResultForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        validators=[validate_code],
        help_text=_("As written in the plan: 1, 2, 3."),
    )
    title = forms.CharField(label=_("Title"), widget=forms.Textarea(attrs={"rows": 2}))
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    footnotes = forms.CharField(
        label=_("Footnotes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("As written in the plan, one a line."),
    )


class OutputForm(ResultForm):
    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        validators=[validate_code],
        help_text=_("As written in the plan: 1.1, 1.2."),
    )


class ResultEditForm(ResultForm):
    """The result form with the version it was read at, so that a concurrent edit is refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    @staticmethod
    def initial_for(part: Result | Output) -> dict[str, Any]:
        """Return the form's initial values from the result or output."""
        names = ("code", "title", "description", "footnotes", "version")
        return {name: getattr(part, name) for name in names}

    def part_fields(self) -> dict[str, Any]:
        """Return the cleaned values that `result_save` and `output_save` take, the version as expected."""
        fields = dict(self.cleaned_data)
        fields["expected_version"] = fields.pop("version")
        return fields


class OutputEditForm(OutputForm, ResultEditForm):
    """The output form with the version it was read at."""


class ReportingRoundForm(forms.Form):
    as_at = forms.DateField(
        label=_("As at"), widget=DateInput(), help_text=_("The date the round reports on, e.g. 30 June.")
    )
    title = forms.CharField(label=_("Title"), max_length=200, help_text=_("For example “Mid-year review”."))


# ---------------------------------------------------------------------------------------------
# Activities


class EntityChoiceField(ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.acronym} — {obj.name}"


class SdgTargetChoiceField(ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.code} {obj.title[:90]}"


class ActivityForm(forms.Form):
    """The fields of an activity that the secretariat and the lead entities' focal points set."""

    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        validators=[validate_code],
        help_text=_("As written in the plan: i, ii, iii."),
    )
    title = forms.CharField(label=_("Title"), widget=forms.Textarea(attrs={"rows": 2}))
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    lead_entities = EntityChoiceField(
        label=_("Lead entities"), queryset=Entity.objects.none(), required=False
    )
    partner_entities = EntityChoiceField(
        label=_("Partner entities"), queryset=Entity.objects.none(), required=False
    )
    countries = ModelMultipleChoiceField(
        label=_("Countries"), queryset=Country.objects.none(), required=False
    )
    start_on = forms.DateField(label=_("Starts on"), required=False, widget=DateInput())
    end_on = forms.DateField(label=_("Ends on"), required=False, widget=DateInput())
    due_text = forms.CharField(
        label=_("Timing as written"),
        max_length=200,
        required=False,
        help_text=_("As written in the plan, e.g. “Q3 2026”, when there are no dates."),
    )
    sdg_targets = SdgTargetChoiceField(
        label=_("SDG targets"), queryset=SdgTarget.objects.none(), required=False
    )
    gcm_objectives = ModelMultipleChoiceField(
        label=_("GCM objectives"), queryset=GcmObjective.objects.none(), required=False
    )
    collaborating_coalitions = ModelMultipleChoiceField(
        label=_("Collaborating coalitions"), queryset=Coalition.objects.none(), required=False
    )
    visibility = forms.ChoiceField(
        label=_("Visibility"),
        choices=Visibility.choices,
        initial=Visibility.PUBLIC,
        help_text=_("Internal activities are shown to the coalition's members only."),
    )
    footnotes = forms.CharField(
        label=_("Footnotes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, user: Any, manage: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        if not manage:
            # A focal point edits the activity's content; who leads it and who sees it stay with the secretariat.
            for name in MANAGER_ONLY_FIELDS:
                fields[name].disabled = True
                fields[name].help_text = _("Set by the coalition secretariat.")
        fields["lead_entities"].queryset = Entity.objects.order_by("acronym")
        fields["partner_entities"].queryset = Entity.objects.order_by("acronym")
        fields["countries"].queryset = Country.objects.order_by("name_en")
        fields["sdg_targets"].queryset = SdgTarget.objects.order_by("goal__number", "order", "code")
        fields["gcm_objectives"].queryset = GcmObjective.objects.order_by("number")
        # Only coalitions the user may see, so that no internal coalition's name leaks.
        fields["collaborating_coalitions"].queryset = Coalition.objects.filter(
            coalition_visibility_q(user)
        ).order_by("name")

    def activity_fields(self) -> dict[str, Any]:
        """Return the cleaned values that `activity_create` and `activity_update` take."""
        return {name: value for name, value in self.cleaned_data.items() if name != "version"}


class ActivityEditForm(ActivityForm):
    """The activity form with the version it was read at, so that a concurrent edit is refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    @staticmethod
    def initial_for(activity: Activity) -> dict[str, Any]:
        """Return the form's initial values from the activity (many-to-many fields prefetched)."""
        initial: dict[str, Any] = {name: getattr(activity, name) for name in ACTIVITY_FIELDS}
        for name in ACTIVITY_M2M:
            initial[name] = [obj.pk for obj in getattr(activity, name).all()]
        initial["version"] = activity.version
        return initial


# ---------------------------------------------------------------------------------------------
# Progress


class StatusReportForm(StatusFormBase):
    """Record the status of an activity as at a date, in a reporting round or not."""

    status = forms.ChoiceField(label=_("Status"), choices=ProgressStatus.choices)
    status_text = forms.CharField(
        label=_("Status as written"),
        max_length=500,
        required=False,
        help_text=_("The status in the report's own words, e.g. “Completed/ongoing”, if it says more."),
    )

    field_order = ["status", "status_text", "as_at", "round", "comment"]

    def __init__(self, *args: Any, work_plan: WorkPlan, **kwargs: Any) -> None:
        super().__init__(*args, rounds=ReportingRound.objects.filter(work_plan=work_plan), **kwargs)

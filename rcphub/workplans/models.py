"""Annual work plans: results → outputs → activities, with progress reported in dated rounds."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rcphub.coalitions.models import Coalition
from rcphub.core.models import ProgressStatus, StatusReportBase, TimeStampedModel, VersionedModel, Visibility
from rcphub.core.validators import validate_code
from rcphub.reference.models import Country, Entity, GcmObjective, SdgTarget


class WorkPlanState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ENDORSED = "endorsed", _("Endorsed")
    CLOSED = "closed", _("Closed")


# Which state may follow which: the only transitions `workplan_transition` takes.
WORKPLAN_TRANSITIONS: dict[str, frozenset[str]] = {
    WorkPlanState.DRAFT: frozenset({WorkPlanState.ENDORSED}),
    WorkPlanState.ENDORSED: frozenset({WorkPlanState.DRAFT, WorkPlanState.CLOSED}),
    WorkPlanState.CLOSED: frozenset({WorkPlanState.ENDORSED}),
}

# States in which a work plan is a published record that visitors may read.
PUBLISHED_STATES = (WorkPlanState.ENDORSED, WorkPlanState.CLOSED)


class WorkPlan(VersionedModel):
    """A coalition's work plan for a year or another period."""

    coalition = models.ForeignKey(
        Coalition, on_delete=models.PROTECT, related_name="work_plans", verbose_name=_("coalition")
    )
    title = models.CharField(_("title"), max_length=200)
    period_start = models.DateField(_("period starts"))
    period_end = models.DateField(_("period ends"))
    state = models.CharField(
        _("state"), max_length=10, choices=WorkPlanState.choices, default=WorkPlanState.DRAFT
    )
    endorsed_on = models.DateField(
        _("endorsed on"),
        null=True,
        blank=True,
        help_text=_("The date the coalition endorsed the plan, as the secretariat enters it."),
    )
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["coalition__name", "-period_start"]
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="workplan_period_order"
            ),
            models.UniqueConstraint(fields=["coalition", "title"], name="workplan_title_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.coalition} — {self.title}"

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period ends before it starts.")})

    @property
    def period_label(self) -> str:
        """Return the period as people write it: "2026" or "2026–2027"."""
        if self.period_start.year == self.period_end.year:
            return str(self.period_start.year)
        return f"{self.period_start.year}–{self.period_end.year}"


class Result(VersionedModel):
    """A result of the work plan ("Result 1"), with the outputs that lead to it."""

    work_plan = models.ForeignKey(
        WorkPlan, on_delete=models.CASCADE, related_name="results", verbose_name=_("work plan")
    )
    code = models.CharField(_("code"), max_length=40, validators=[validate_code])
    order = models.PositiveIntegerField(_("order"), default=0)
    title = models.TextField(_("title"))
    description = models.TextField(_("description"), blank=True)
    footnotes = models.TextField(
        _("footnotes"), blank=True, help_text=_("As written in the plan, one a line.")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["work_plan", "order", "id"]
        verbose_name = _("result")
        verbose_name_plural = _("results")
        constraints = [models.UniqueConstraint(fields=["work_plan", "code"], name="result_code_unique")]

    def __str__(self) -> str:
        return f"{_('Result')} {self.code}"


class Output(VersionedModel):
    """An output under a result ("1.1"); it is seen by whoever may see its work plan."""

    result = models.ForeignKey(
        Result, on_delete=models.CASCADE, related_name="outputs", verbose_name=_("result")
    )
    code = models.CharField(_("code"), max_length=40, validators=[validate_code])
    order = models.PositiveIntegerField(_("order"), default=0)
    title = models.TextField(_("title"))
    description = models.TextField(_("description"), blank=True)
    footnotes = models.TextField(
        _("footnotes"), blank=True, help_text=_("As written in the plan, one a line.")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["result", "order", "id"]
        verbose_name = _("output")
        verbose_name_plural = _("outputs")
        constraints = [models.UniqueConstraint(fields=["result", "code"], name="output_code_unique")]

    def __str__(self) -> str:
        return f"{_('Output')} {self.code}"


class Activity(VersionedModel):
    output = models.ForeignKey(
        Output, on_delete=models.CASCADE, related_name="activities", verbose_name=_("output")
    )
    code = models.CharField(_("code"), max_length=40, validators=[validate_code])
    order = models.PositiveIntegerField(_("order"), default=0)
    title = models.TextField(_("title"))
    description = models.TextField(_("description"), blank=True)
    lead_entities = models.ManyToManyField(
        Entity, related_name="led_activities", blank=True, verbose_name=_("lead entities")
    )
    partner_entities = models.ManyToManyField(
        Entity, related_name="partnered_activities", blank=True, verbose_name=_("partner entities")
    )
    countries = models.ManyToManyField(
        Country, related_name="activities", blank=True, verbose_name=_("countries")
    )
    start_on = models.DateField(_("starts on"), null=True, blank=True)
    end_on = models.DateField(_("ends on"), null=True, blank=True)
    due_text = models.CharField(
        _("timing as written"),
        max_length=200,
        blank=True,
        help_text=_("As written in the plan, e.g. “Q3 2026”."),
    )
    sdg_targets = models.ManyToManyField(
        SdgTarget, related_name="activities", blank=True, verbose_name=_("SDG targets")
    )
    gcm_objectives = models.ManyToManyField(
        GcmObjective, related_name="activities", blank=True, verbose_name=_("GCM objectives")
    )
    collaborating_coalitions = models.ManyToManyField(
        Coalition,
        related_name="collaborating_activities",
        blank=True,
        verbose_name=_("collaborating coalitions"),
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    footnotes = models.TextField(_("footnotes"), blank=True)
    demand_driven = models.BooleanField(
        _("demand-driven"),
        default=False,
        help_text=_("Added at the request of a UN Country Team (see its support request)."),
    )

    history = HistoricalRecords(
        m2m_fields=[
            lead_entities,
            partner_entities,
            countries,
            sdg_targets,
            gcm_objectives,
            collaborating_coalitions,
        ]
    )

    class Meta:
        ordering = ["output", "order", "id"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.UniqueConstraint(fields=["output", "code"], name="activity_code_unique"),
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(start_on__isnull=True) | Q(end_on__gte=F("start_on")),
                name="activity_dates_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.title[:60]}"

    def clean(self) -> None:
        if self.start_on and self.end_on and self.end_on < self.start_on:
            raise ValidationError({"end_on": _("The activity ends before it starts.")})


class ReportingRound(TimeStampedModel):
    """A dated round in which progress on a work plan is reported, e.g. "Mid-year review"."""

    work_plan = models.ForeignKey(
        WorkPlan, on_delete=models.CASCADE, related_name="rounds", verbose_name=_("work plan")
    )
    as_at = models.DateField(_("as at"))
    title = models.CharField(_("title"), max_length=200)

    history = HistoricalRecords()

    class Meta:
        ordering = ["work_plan", "as_at"]
        verbose_name = _("reporting round")
        verbose_name_plural = _("reporting rounds")
        constraints = [
            models.UniqueConstraint(fields=["work_plan", "as_at"], name="reporting_round_date_unique")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.as_at:%d %b %Y})"


class StatusReport(StatusReportBase):
    """The status of an activity as at a date, reported by a focal point or the secretariat."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="status_reports", verbose_name=_("activity")
    )
    round = models.ForeignKey(
        ReportingRound,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="status_reports",
        verbose_name=_("reporting round"),
    )
    status = models.CharField(_("status"), max_length=20, choices=ProgressStatus.choices)
    status_text = models.CharField(
        _("status as written"),
        max_length=500,
        blank=True,
        help_text=_("The status in the document's own words, e.g. “Completed/ongoing”, beside the status."),
    )
    # Derived, kept by `core.status.refresh_valid_until` whenever reports are written: the date of
    # the activity's next report (empty while none follows). See `core.status.in_force_q`.
    valid_until = models.DateField(
        _("replaced on"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The date of the activity's next report; empty while this one is the latest."),
    )

    history = HistoricalRecords(excluded_fields=["valid_until"])

    class Meta(StatusReportBase.Meta):
        verbose_name = _("status report")
        verbose_name_plural = _("status reports")
        indexes = [
            models.Index(fields=["activity", "as_at", "id"], name="status_report_activity_as_at"),
            # The reports in force on a date, by status: a range scan (counts and lists as at D).
            models.Index(fields=["status", "valid_until", "as_at"], name="status_report_in_force"),
        ]

    def __str__(self) -> str:
        return f"{self.activity.code}: {self.get_status_display()} ({self.as_at})"

"""The follow-up ledger: evaluation recommendations, plans of action and meeting decisions.

One `Review` holds the commitments of one source (an evaluation's management response, a plan of
action, a meeting's decisions); progress is reported in dated rounds. Status as at a date,
overdue, stale and the traffic light are derived from the reports, never stored.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rcphub.coalitions.models import Coalition
from rcphub.core.models import StatusReportBase, TimeStampedModel, VersionedModel, Visibility
from rcphub.core.validators import validate_upload
from rcphub.reference.models import Entity


class ReviewKind(models.TextChoices):
    EVALUATION = "evaluation", _("Evaluation")
    AUDIT = "audit", _("Audit")
    PLAN_OF_ACTION = "plan_of_action", _("Plan of action")
    MEETING_DECISIONS = "meeting_decisions", _("Meeting decisions")
    OTHER = "other", _("Other")


class DatePrecision(models.TextChoices):
    """How much of a date the source gives: a day, a month ("November 2017") or a year."""

    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


class Review(VersionedModel):
    """A source of commitments followed up together: an evaluation, an audit, a plan of action, a meeting."""

    kind = models.CharField(_("kind"), max_length=20, choices=ReviewKind.choices)
    organisation = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviews",
        verbose_name=_("organisation"),
        help_text=_("The organisation that follows up; empty for the platform's own meetings."),
    )
    coalition = models.ForeignKey(
        Coalition,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviews",
        verbose_name=_("coalition"),
        help_text=_("The coalition whose secretariat follows up, if any."),
    )
    title = models.CharField(_("title"), max_length=300)
    issued_on = models.DateField(
        _("issued on"),
        help_text=_("For a review dated by month or year, the first day of that month or year."),
    )
    issued_precision = models.CharField(
        _("issued on (precision)"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("How the review is dated: “14 April 2025”, “November 2017” or “2017”."),
    )
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("report (link)"), blank=True, max_length=500)
    file = models.FileField(
        _("report (file)"), upload_to="followup/reviews/", blank=True, validators=[validate_upload]
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.INTERNAL
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-issued_on", "title"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.issued_on is None:
            return
        if self.issued_precision == DatePrecision.MONTH and self.issued_on.day != 1:
            raise ValidationError(
                {"issued_on": _("A review dated by month is stored as the month's first day.")}
            )
        if self.issued_precision == DatePrecision.YEAR and (self.issued_on.month, self.issued_on.day) != (
            1,
            1,
        ):
            raise ValidationError(
                {"issued_on": _("A review dated by year is stored as the year's first day.")}
            )

    @property
    def has_management_response(self) -> bool:
        """Return True if the review's commitments get a management response (not a plan of action's)."""
        return has_management_response(self.kind)

    @property
    def issued_label(self) -> str:
        """Return the issue date as the review gives it: "14 April 2025", "November 2017" or "2017"."""
        return date_label(self.issued_on, self.issued_precision)


def date_label(day: date, precision: str) -> str:
    """Return a date written to its precision: "14 April 2025", "November 2017", "2017"."""
    from django.utils.formats import date_format

    if precision == DatePrecision.YEAR:
        return str(day.year)
    if precision == DatePrecision.MONTH:
        return date_format(day, "F Y")
    return date_format(day, "j F Y")


class ReviewGroup(VersionedModel):
    """A group of commitments as the source writes it, e.g. "Component 1: Data and evidence"."""

    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="groups", verbose_name=_("review")
    )
    code = models.CharField(_("code"), max_length=40)
    title = models.CharField(_("title"), max_length=300)
    order = models.PositiveIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "order", "id"]
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        constraints = [models.UniqueConstraint(fields=["review", "code"], name="review_group_code_unique")]

    def __str__(self) -> str:
        return f"{self.code}: {self.title}" if self.title else self.code


class ManagementResponse(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    PARTIALLY_ACCEPTED = "partially_accepted", _("Partially accepted")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class FollowUpStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    STARTING = "starting", _("Starting")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
    NO_LONGER_APPLICABLE = "no_longer_applicable", _("No longer applicable")


# The kinds of review whose commitments get a management response: an evaluation's or an audit's
# recommendations (and other reviews, which may). A plan of action's items and a meeting's decisions
# have none, so pages and files show no response column or count for them.
KINDS_WITH_MANAGEMENT_RESPONSE = frozenset({ReviewKind.EVALUATION, ReviewKind.AUDIT, ReviewKind.OTHER})


def has_management_response(kind: str) -> bool:
    """Return True if commitments of a review of this kind get a management response."""
    return kind in KINDS_WITH_MANAGEMENT_RESPONSE


# Statuses after which nothing more is due: such an item is never overdue nor stale.
CLOSED_STATUSES = (FollowUpStatus.COMPLETED, FollowUpStatus.NO_LONGER_APPLICABLE)
OPEN_STATUSES = tuple(value for value in FollowUpStatus.values if value not in CLOSED_STATUSES)


class Commitment(VersionedModel):
    """A recommendation, an action item or a decision, with what was promised and by whom."""

    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="commitments", verbose_name=_("review")
    )
    group = models.ForeignKey(
        ReviewGroup,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="commitments",
        verbose_name=_("group"),
    )
    number = models.CharField(_("number"), max_length=20, help_text=_("As written: 1, 2.3, R4, (a)."))
    order = models.PositiveIntegerField(_("order"), default=0)
    text = models.TextField(_("text"), help_text=_("The recommendation, the action item or the decision."))
    response = models.CharField(
        _("management response"), max_length=20, choices=ManagementResponse.choices, blank=True
    )
    response_text = models.TextField(_("management response (text)"), blank=True)
    responsible_entities = models.ManyToManyField(
        Entity, related_name="responsible_for", blank=True, verbose_name=_("responsible entities")
    )
    responsible_text = models.CharField(
        _("responsibility as written"), max_length=300, blank=True, help_text=_("E.g. “OES (CdC)”, “PMU”.")
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    due_text = models.CharField(
        _("due as written"), max_length=200, blank=True, help_text=_("E.g. “By end 2019”, “2019–20”.")
    )

    history = HistoricalRecords(m2m_fields=[responsible_entities])

    class Meta:
        ordering = ["review", "order", "id"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        constraints = [models.UniqueConstraint(fields=["review", "number"], name="commitment_number_unique")]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:60]}"

    def clean(self) -> None:
        if self.group is not None and self.review_id and self.group.review_id != self.review_id:
            raise ValidationError({"group": _("This group belongs to another review.")})


class KeyAction(VersionedModel):
    """A step of a commitment, with its own responsibility, due date and status."""

    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="key_actions", verbose_name=_("commitment")
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    text = models.TextField(_("text"))
    responsible_text = models.CharField(_("responsibility as written"), max_length=300, blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    due_text = models.CharField(_("due as written"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["commitment", "order", "id"]
        verbose_name = _("key action")
        verbose_name_plural = _("key actions")

    def __str__(self) -> str:
        return self.text[:60]


class ReportingRound(TimeStampedModel):
    """A dated round of progress reports on a review: "Progress report as at 31 December 2018"."""

    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="rounds", verbose_name=_("review")
    )
    as_at = models.DateField(_("as at"))
    title = models.CharField(_("title"), max_length=200)

    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "as_at"]
        verbose_name = _("reporting round")
        verbose_name_plural = _("reporting rounds")
        constraints = [models.UniqueConstraint(fields=["review", "as_at"], name="followup_round_date_unique")]

    def __str__(self) -> str:
        return f"{self.title} ({self.as_at:%d %b %Y})"


class FollowUpReport(StatusReportBase):
    """The status of a commitment, or of one of its key actions, as at a date."""

    commitment = models.ForeignKey(
        Commitment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="status_reports",
        verbose_name=_("commitment"),
    )
    key_action = models.ForeignKey(
        KeyAction,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="status_reports",
        verbose_name=_("key action"),
    )
    round = models.ForeignKey(
        ReportingRound,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="status_reports",
        verbose_name=_("reporting round"),
    )
    # Blank where the source gives a comment and no status: stored as no status, never invented.
    status = models.CharField(_("status"), max_length=24, choices=FollowUpStatus.choices, blank=True)
    status_text = models.CharField(
        _("status as written"),
        max_length=300,
        blank=True,
        help_text=_("The status in the document's own words, e.g. “Completed/ongoing”."),
    )
    # Derived, kept by `core.status.refresh_valid_until` whenever reports are written (see
    # `services.refresh_report_dates`): the date of the subject's next report of any kind, and, for
    # a report giving a status, that of its next report giving one. See `core.status.in_force_q`.
    valid_until = models.DateField(
        _("replaced on"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The date of the next report on the same item; empty while this one is the latest."),
    )
    status_valid_until = models.DateField(
        _("status replaced on"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "For a report giving a status, the date of the next report on the same item giving one; "
            "empty while none follows, or where this report gives no status."
        ),
    )

    history = HistoricalRecords(excluded_fields=["valid_until", "status_valid_until"])

    class Meta(StatusReportBase.Meta):
        verbose_name = _("status report")
        verbose_name_plural = _("status reports")
        constraints = [
            models.CheckConstraint(
                condition=(Q(commitment__isnull=False) & Q(key_action__isnull=True))
                | (Q(commitment__isnull=True) & Q(key_action__isnull=False)),
                name="followup_report_one_subject",
            )
        ]
        indexes = [
            models.Index(fields=["commitment", "as_at", "id"], name="followup_report_commitment"),
            models.Index(fields=["key_action", "as_at", "id"], name="followup_report_key_action"),
            # The report in force on a date, per item: the join's lookup on the item, then the range.
            models.Index(fields=["commitment", "valid_until", "as_at"], name="followup_report_c_in_force"),
            models.Index(fields=["key_action", "valid_until", "as_at"], name="followup_report_k_in_force"),
            models.Index(
                fields=["commitment", "status_valid_until", "as_at"], name="followup_report_c_status"
            ),
            models.Index(
                fields=["key_action", "status_valid_until", "as_at"], name="followup_report_k_status"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display() or _('No status given')} ({self.as_at})"


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", _("Due soon")
    OVERDUE = "overdue", _("Overdue")
    STALE = "stale", _("No report for a long time")


class Reminder(TimeStampedModel):
    """A reminder e-mailed about a commitment; at most one per commitment and day."""

    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("commitment")
    )
    sent_on = models.DateField(_("sent on"))
    kind = models.CharField(_("kind"), max_length=10, choices=ReminderKind.choices)
    recipients = models.TextField(_("recipients"), help_text=_("The addresses written to, one per line."))

    class Meta:
        ordering = ["-sent_on"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [models.UniqueConstraint(fields=["commitment", "sent_on"], name="reminder_once_a_day")]

    def __str__(self) -> str:
        return f"{self.commitment} — {self.sent_on}"


# How long a commitment may go without a report before it is stale (days); settings may change it.
def stale_after_days() -> int:
    return int(getattr(settings, "RCPHUB_FOLLOWUP_STALE_DAYS", 180))

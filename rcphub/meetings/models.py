"""Meetings of the platform and its coalitions: agenda, decisions, minutes.

Each meeting owns a follow-up `Review` (kind "meeting decisions"); each decision is a `Commitment`
in that review, so decisions are followed up like any other commitment (rounds, status, overdue).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rcphub.coalitions.models import Coalition, Platform
from rcphub.core.models import TimeStampedModel, VersionedModel, Visibility
from rcphub.followup.models import Commitment, Review
from rcphub.reference.models import Entity


class MeetingKind(models.TextChoices):
    REGIONAL_UN_SYSTEM_MEETING = "rum", _("Regional UN System Meeting")
    COALITION_MEETING = "coalition", _("Coalition meeting")
    CONSULTATION = "consultation", _("Consultation")
    OTHER = "other", _("Other")


class Meeting(VersionedModel):
    """A meeting of the platform or of one coalition, whose decisions are followed up."""

    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices)
    platform = models.ForeignKey(
        Platform,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("platform"),
    )
    coalition = models.ForeignKey(
        Coalition,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("coalition"),
    )
    title = models.CharField(_("title"), max_length=300)
    held_on = models.DateField(_("held on"))
    place = models.CharField(
        _("place"), max_length=200, blank=True, help_text=_("E.g. “Geneva” or “Online”.")
    )
    chairs = models.ManyToManyField(
        Entity, related_name="meetings_chaired", blank=True, verbose_name=_("chairs")
    )
    participants = models.ManyToManyField(
        Entity, related_name="meetings_attended", blank=True, verbose_name=_("participating entities")
    )
    minutes = models.TextField(_("minutes"), blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.INTERNAL
    )
    review = models.OneToOneField(
        Review, on_delete=models.PROTECT, related_name="meeting", verbose_name=_("review of decisions")
    )

    history = HistoricalRecords(m2m_fields=[chairs, participants])

    class Meta:
        ordering = ["-held_on", "title"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=(Q(platform__isnull=False) & Q(coalition__isnull=True))
                | (Q(platform__isnull=True) & Q(coalition__isnull=False)),
                name="meeting_one_body",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        has_platform, has_coalition = self.platform_id is not None, self.coalition_id is not None
        if has_platform and has_coalition:
            message = _("A meeting is held by the platform or by one coalition, not both.")
            raise ValidationError({"platform": message, "coalition": message})
        if not has_platform and not has_coalition:
            message = _("Choose the platform or the coalition that holds the meeting.")
            raise ValidationError({"platform": message, "coalition": message})


class AgendaItem(TimeStampedModel):
    """An item of a meeting's agenda, numbered as in the annotated agenda."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("meeting")
    )
    number = models.CharField(_("number"), max_length=20, help_text=_("As written: 1, 2, 3(a)."))
    title = models.CharField(_("title"), max_length=300)
    order = models.PositiveIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="agenda_item_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Decision(TimeStampedModel):
    """A decision of a meeting; its number, text, responsibility and due date live in its commitment."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("meeting")
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("agenda item"),
    )
    commitment = models.OneToOneField(
        Commitment, on_delete=models.CASCADE, related_name="decision", verbose_name=_("commitment")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "commitment__order", "id"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return str(self.commitment)

    def clean(self) -> None:
        if self.agenda_item is not None and self.agenda_item.meeting_id != self.meeting_id:
            raise ValidationError({"agenda_item": _("This agenda item belongs to another meeting.")})
        if self.commitment_id and self.meeting_id and self.commitment.review_id != self.meeting.review_id:
            raise ValidationError(
                {"commitment": _("A decision is a commitment in its own meeting's review.")}
            )

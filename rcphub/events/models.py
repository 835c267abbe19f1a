"""The shared calendar: trainings, workshops, briefings, consultations and meetings.

An event belongs to a coalition or, with none, to the whole platform; it may answer a support request
addressed to its coalition. Public events go into the iCalendar feeds (see `ical.py`).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rcphub.coalitions.models import Coalition
from rcphub.core.models import VersionedModel, Visibility
from rcphub.reference.models import Country, Entity
from rcphub.support.models import SupportRequest


class EventKind(models.TextChoices):
    TRAINING = "training", _("Training")
    WORKSHOP = "workshop", _("Workshop")
    BRIEFING = "briefing", _("Briefing")
    CONSULTATION = "consultation", _("Consultation")
    MEETING = "meeting", _("Meeting")


class Event(VersionedModel):
    """A training, workshop, briefing, consultation or meeting on the shared calendar."""

    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    coalition = models.ForeignKey(
        Coalition,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("coalition"),
        help_text=_("Leave empty for a platform-wide event."),
    )
    description = models.TextField(_("description"), blank=True)
    countries = models.ManyToManyField(
        Country, blank=True, related_name="events", verbose_name=_("countries")
    )
    unct_countries = models.ManyToManyField(
        Country,
        blank=True,
        related_name="unct_events",
        verbose_name=_("UN Country Teams served"),
        help_text=_("The countries whose UN Country Team the event served."),
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    online = models.BooleanField(_("online"), default=False)
    place = models.CharField(_("place"), max_length=200, blank=True)
    link = models.URLField(_("link"), max_length=500, blank=True)
    facilitators = models.CharField(
        _("facilitators"), max_length=500, blank=True, help_text=_("Names as they should appear.")
    )
    organisers = models.ManyToManyField(
        Entity, blank=True, related_name="events", verbose_name=_("organising entities")
    )
    support_request = models.ForeignKey(
        SupportRequest,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("answers support request"),
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )

    history = HistoricalRecords(m2m_fields=[countries, unct_countries, organisers])

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("event")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gte=F("starts_at")), name="event_ends_after_start"),
            models.CheckConstraint(condition=Q(online=True) | ~Q(place=""), name="event_online_or_place"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The event ends before it starts.")})
        if not self.online and not self.place.strip():
            raise ValidationError({"place": _("Give the place, or mark the event as online.")})

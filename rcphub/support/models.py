"""Support to UN Country Teams: requests and the expertise roster.

The events that deliver a request are on the shared calendar, in the `events` app.

A request goes submitted → under review → accepted → in progress → delivered, or is declined with a
reason (see REQUEST_TRANSITIONS). Accepting it creates or links a demand-driven activity in the
addressed coalition's work plan. Turnaround (days to decision, days to delivery) is derived from the
dates kept here, never stored.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rcphub.coalitions.models import Coalition
from rcphub.core.models import TimeStampedModel, VersionedModel
from rcphub.reference.models import Country, Entity, GcmObjective, SdgTarget
from rcphub.workplans.models import Activity


class SupportKind(models.TextChoices):
    COUNTRY_ANALYSIS = "country_analysis", _("Common Country Analysis")
    COOPERATION_FRAMEWORK = "cooperation_framework", _("Cooperation Framework")
    TRAINING = "training", _("Training")
    POLICY_ADVICE = "policy_advice", _("Policy advice")
    DATA_STATISTICS = "data_statistics", _("Data and statistics")
    OTHER = "other", _("Other")


class RequestState(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    UNDER_REVIEW = "under_review", _("Under review")
    ACCEPTED = "accepted", _("Accepted")
    IN_PROGRESS = "in_progress", _("In progress")
    DELIVERED = "delivered", _("Delivered")
    DECLINED = "declined", _("Declined")


# The moves a request may make; who may make each is in `permissions.can_transition_request`.
REQUEST_TRANSITIONS: dict[str, frozenset[str]] = {
    RequestState.SUBMITTED: frozenset({RequestState.UNDER_REVIEW, RequestState.DECLINED}),
    RequestState.UNDER_REVIEW: frozenset({RequestState.ACCEPTED, RequestState.DECLINED}),
    RequestState.ACCEPTED: frozenset({RequestState.IN_PROGRESS}),
    RequestState.IN_PROGRESS: frozenset({RequestState.DELIVERED}),
    RequestState.DELIVERED: frozenset(),
    RequestState.DECLINED: frozenset(),
}


class SupportRequest(VersionedModel):
    """A request for support from a Resident Coordinator's office on behalf of a UN Country Team."""

    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="support_requests", verbose_name=_("country")
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="support_requests",
        verbose_name=_("requester"),
    )
    requesting_entity = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="support_requests",
        verbose_name=_("requesting office"),
        help_text=_("The Resident Coordinator's office or entity asking, where not the requester's own."),
    )
    coalition = models.ForeignKey(
        Coalition,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="support_requests",
        verbose_name=_("coalition addressed"),
        help_text=_("Leave empty for the platform secretariat to route the request."),
    )
    kind = models.CharField(_("kind of support"), max_length=30, choices=SupportKind.choices)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"))
    desired_timing = models.CharField(
        _("desired timing"),
        max_length=200,
        blank=True,
        help_text=_("As written, e.g. “before the CCA update in Q2 2026”."),
    )
    desired_by = models.DateField(_("desired by"), null=True, blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=RequestState.choices, default=RequestState.SUBMITTED
    )
    submitted_on = models.DateField(_("submitted on"))
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    started_on = models.DateField(_("work started on"), null=True, blank=True)
    delivered_on = models.DateField(_("delivered on"), null=True, blank=True)
    activity = models.ForeignKey(
        Activity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="support_requests",
        verbose_name=_("work-plan activity"),
    )
    rating = models.PositiveSmallIntegerField(_("rating (1–5)"), null=True, blank=True)
    rating_comment = models.TextField(_("comment on the support"), blank=True)
    rated_on = models.DateField(_("rated on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_on", "-id"]
        verbose_name = _("support request")
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="support_rating_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(decided_on__isnull=True) | Q(decided_on__gte=F("submitted_on")),
                name="support_decided_after_submitted",
            ),
            models.CheckConstraint(
                condition=Q(delivered_on__isnull=True) | Q(delivered_on__gte=F("submitted_on")),
                name="support_delivered_after_submitted",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Expert(TimeStampedModel):
    """A person on the expertise roster; never public."""

    name = models.CharField(_("name"), max_length=200)
    entity = models.ForeignKey(
        Entity, on_delete=models.PROTECT, related_name="experts", verbose_name=_("entity")
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    sdg_targets = models.ManyToManyField(
        SdgTarget, blank=True, related_name="experts", verbose_name=_("SDG targets")
    )
    gcm_objectives = models.ManyToManyField(
        GcmObjective, blank=True, related_name="experts", verbose_name=_("GCM objectives")
    )
    themes = models.CharField(
        _("themes"),
        max_length=500,
        blank=True,
        help_text=_("Comma-separated, e.g. social protection, disability inclusion."),
    )
    languages = models.CharField(
        _("languages"),
        max_length=100,
        default="en",
        help_text=_("Language codes, comma-separated: en, fr, ru."),
    )
    countries = models.ManyToManyField(
        Country, blank=True, related_name="experts", verbose_name=_("countries of experience")
    )
    bio = models.TextField(_("experience"), blank=True)
    available = models.BooleanField(_("available for assignments"), default=True)

    history = HistoricalRecords(m2m_fields=[sdg_targets, gcm_objectives, countries])

    class Meta:
        ordering = ["name"]
        verbose_name = _("expert")

    def __str__(self) -> str:
        return self.name

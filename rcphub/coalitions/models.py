"""The platform, its coalitions, their members and country networks."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rcphub.core.models import TimeStampedModel, VersionedModel, Visibility
from rcphub.core.validators import validate_upload
from rcphub.reference.models import Country, Entity


class Platform(TimeStampedModel):
    """A Regional Collaborative Platform, e.g. the RCP for Europe and Central Asia."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    region = models.CharField(_("region"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("platform")
        verbose_name_plural = _("platforms")

    def __str__(self) -> str:
        return self.acronym or self.name


class CoalitionKind(models.TextChoices):
    ISSUE_BASED_COALITION = "ibc", _("Issue-based coalition")
    WORKING_GROUP = "working_group", _("Working group")
    NETWORK = "network", _("Network")
    TASK_FORCE = "task_force", _("Task force")


class Coalition(VersionedModel):
    """An issue-based coalition or another body of the platform."""

    platform = models.ForeignKey(
        Platform, on_delete=models.PROTECT, related_name="coalitions", verbose_name=_("platform")
    )
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=CoalitionKind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("embedded in"),
    )
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    tor_url = models.URLField(_("terms of reference (link)"), blank=True, max_length=500)
    tor_file = models.FileField(
        _("terms of reference (file)"), upload_to="coalitions/tor/", blank=True, validators=[validate_upload]
    )
    active = models.BooleanField(_("active"), default=True)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("coalition")
        verbose_name_plural = _("coalitions")

    def __str__(self) -> str:
        return self.short_name or self.name

    def clean(self) -> None:
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A coalition cannot be embedded in itself.")})


class CoalitionRole(models.TextChoices):
    CO_CHAIR = "co_chair", _("Co-chair")
    MEMBER = "member", _("Member")
    SECRETARIAT = "secretariat", _("Secretariat")
    OBSERVER = "observer", _("Observer")


def current_membership_q(on: date) -> Q:
    """Return the filter of memberships in force on the date: begun (or undated) and not yet ended."""
    return (Q(since__isnull=True) | Q(since__lte=on)) & (Q(until__isnull=True) | Q(until__gte=on))


class CoalitionMember(TimeStampedModel):
    """An entity's place in a coalition over a period."""

    coalition = models.ForeignKey(
        Coalition, on_delete=models.CASCADE, related_name="members", verbose_name=_("coalition")
    )
    entity = models.ForeignKey(
        Entity, on_delete=models.PROTECT, related_name="coalition_memberships", verbose_name=_("entity")
    )
    role = models.CharField(
        _("role"), max_length=20, choices=CoalitionRole.choices, default=CoalitionRole.MEMBER
    )
    since = models.DateField(_("since"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["coalition", "role", "entity__acronym"]
        verbose_name = _("coalition member")
        verbose_name_plural = _("coalition members")
        constraints = [
            models.UniqueConstraint(
                fields=["coalition", "entity", "role"],
                condition=Q(until__isnull=True),
                name="coalition_member_current",
            ),
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(since__isnull=True) | Q(until__gte=models.F("since")),
                name="coalition_member_until_after_since",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.entity} ({self.get_role_display()})"

    def clean(self) -> None:
        if self.since and self.until and self.until < self.since:
            raise ValidationError({"until": _("The end of membership comes before its start.")})


class CountryNetwork(TimeStampedModel):
    """A country-level network under a coalition, e.g. a UN country network on migration."""

    coalition = models.ForeignKey(
        Coalition, on_delete=models.CASCADE, related_name="networks", verbose_name=_("coalition")
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="networks", verbose_name=_("country")
    )
    name = models.CharField(_("name"), max_length=200)
    established_on = models.DateField(_("established on"), null=True, blank=True)
    tor_url = models.URLField(_("terms of reference (link)"), blank=True, max_length=500)
    tor_file = models.FileField(
        _("terms of reference (file)"), upload_to="networks/tor/", blank=True, validators=[validate_upload]
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["coalition", "country__name_en"]
        verbose_name = _("country network")
        verbose_name_plural = _("country networks")
        constraints = [
            models.UniqueConstraint(fields=["coalition", "country"], name="country_network_unique")
        ]

    def __str__(self) -> str:
        return self.name

"""Briefs: what the region publishes, generated from its records as at any date.

A brief is defined for a scope (the platform, or one coalition or network with those embedded in it)
and a region (a named set of countries). Its figures are computed from the records as at a date (see
`brief/figures.py`); `reports` reads the other apps and writes only its own briefs.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rcphub.coalitions.models import Coalition
from rcphub.core.models import VersionedModel
from rcphub.reference.models import Region, Translated


class BriefAudience(models.TextChoices):
    PUBLIC = "public", _("Public: counts published and public records only")
    MEMBERS = "members", _("Members: may count internal records")


class Brief(Translated, VersionedModel):
    """A regional information brief: a scope, a region, and who it is for."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_fr = models.CharField(_("title (French)"), max_length=200, blank=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=200, blank=True)
    coalition = models.ForeignKey(
        Coalition,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="briefs",
        verbose_name=_("coalition or network"),
        help_text=_(
            "Leave empty for a brief on the whole platform; a coalition counts those embedded in it."
        ),
    )
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="briefs", verbose_name=_("region")
    )
    audience = models.CharField(
        _("audience"), max_length=10, choices=BriefAudience.choices, default=BriefAudience.PUBLIC
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["title_en"]
        verbose_name = _("brief")
        verbose_name_plural = _("briefs")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return self.localized("title")

    @property
    def internal(self) -> bool:
        return self.audience == BriefAudience.MEMBERS

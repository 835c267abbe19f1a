"""Reference data: countries and regions, SDGs, GCM objectives and principles, entities.

Loaded from the versioned files in `data/` by `manage.py load_reference`, matched by code.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Translated(models.Model):
    """Titles or names in English, French and Russian; `localized()` picks the active language."""

    class Meta:
        abstract = True

    def localized(self, field: str) -> str:
        """Return `field` in the active language, falling back to English."""
        language = (get_language() or "en")[:2]
        value = getattr(self, f"{field}_{language}", "") if language in ("fr", "ru") else ""
        return value or getattr(self, f"{field}_en")


class Country(Translated):
    iso2 = models.CharField(_("ISO alpha-2"), max_length=2, unique=True)
    iso3 = models.CharField(_("ISO alpha-3"), max_length=3, unique=True)
    m49 = models.CharField(_("M49 code"), max_length=3, blank=True)
    iso_code = models.BooleanField(
        _("ISO 3166-1 code"), default=True, help_text=_("False for user-assigned codes.")
    )
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_fr = models.CharField(_("name (French)"), max_length=100, blank=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=100, blank=True)
    region = models.CharField(_("region"), max_length=60, blank=True)
    subregion = models.CharField(_("subregion"), max_length=60, blank=True)
    unece_member = models.BooleanField(_("UNECE member State"), default=False)
    programme_country = models.BooleanField(_("programme country"), default=False)
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.localized("name")


class Region(Translated):
    """A named set of countries that a brief or a dashboard counts over, e.g. the UNECE region.

    The regions in `data/regions.json` are loaded by `load_reference`; the secretariat may define
    others in the admin, which the loader leaves alone.
    """

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    countries = models.ManyToManyField(Country, related_name="regions", verbose_name=_("countries"))

    history = HistoricalRecords(m2m_fields=[countries])

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.localized("name")


class SdgGoal(Translated):
    code = models.CharField(_("code"), max_length=2, unique=True)
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    short_title_en = models.CharField(_("short title (English)"), max_length=100)
    short_title_fr = models.CharField(_("short title (French)"), max_length=100, blank=True)
    short_title_ru = models.CharField(_("short title (Russian)"), max_length=100, blank=True)
    title_en = models.TextField(_("title (English)"))
    title_fr = models.TextField(_("title (French)"), blank=True)
    title_ru = models.TextField(_("title (Russian)"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]
        verbose_name = _("SDG goal")
        verbose_name_plural = _("SDG goals")

    def __str__(self) -> str:
        return f"{self.code}. {self.short_title}"

    @property
    def title(self) -> str:
        return self.localized("title")

    @property
    def short_title(self) -> str:
        return self.localized("short_title")


class SdgTarget(Translated):
    goal = models.ForeignKey(
        SdgGoal, on_delete=models.PROTECT, related_name="targets", verbose_name=_("goal")
    )
    code = models.CharField(_("code"), max_length=6, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_en = models.TextField(_("title (English)"))
    title_fr = models.TextField(_("title (French)"), blank=True)
    title_ru = models.TextField(_("title (Russian)"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["goal__number", "order"]
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")

    def __str__(self) -> str:
        return self.code

    @property
    def title(self) -> str:
        return self.localized("title")


class SdgIndicator(Translated):
    target = models.ForeignKey(
        SdgTarget, on_delete=models.PROTECT, related_name="indicators", verbose_name=_("target")
    )
    code = models.CharField(_("code"), max_length=10)
    unsd_code = models.CharField(_("UNSD code"), max_length=12, blank=True)
    in_current_framework = models.BooleanField(_("in the current framework"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_en = models.TextField(_("title (English)"))
    title_fr = models.TextField(_("title (French)"), blank=True)
    title_ru = models.TextField(_("title (Russian)"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["target__goal__number", "target__order", "order"]
        verbose_name = _("SDG indicator")
        verbose_name_plural = _("SDG indicators")
        # An indicator may repeat under several targets, so the code is unique per target.
        constraints = [models.UniqueConstraint(fields=["target", "code"], name="sdg_indicator_code_unique")]

    def __str__(self) -> str:
        return self.code

    @property
    def title(self) -> str:
        return self.localized("title")


class GcmObjective(models.Model):
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    code = models.CharField(_("code"), max_length=10, unique=True)
    short_title = models.CharField(_("short title"), max_length=100)
    title = models.TextField(_("title"))
    paragraph = models.PositiveSmallIntegerField(_("paragraph of A/RES/73/195"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]
        verbose_name = _("GCM objective")
        verbose_name_plural = _("GCM objectives")

    def __str__(self) -> str:
        return f"{self.number}. {self.short_title}"


class GcmPrinciple(models.Model):
    letter = models.CharField(_("letter"), max_length=1, unique=True)
    code = models.CharField(_("code"), max_length=12, unique=True)
    title = models.CharField(_("title"), max_length=200)
    paragraph = models.CharField(_("paragraph"), max_length=10, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["letter"]
        verbose_name = _("GCM guiding principle")
        verbose_name_plural = _("GCM guiding principles")

    def __str__(self) -> str:
        return f"({self.letter}) {self.title}"


class EntityKind(models.TextChoices):
    UN_ENTITY = "un_entity", _("UN entity")
    MEMBER_STATE = "member_state", _("Member State")
    GOVERNMENT_BODY = "government_body", _("Government body")
    LOCAL_AUTHORITY = "local_authority", _("Local authority")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    MIGRANT_ORGANISATION = "migrant_organisation", _("Migrant or diaspora organisation")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    ACADEMIA = "academia", _("Academia")
    TRADE_UNION = "trade_union", _("Trade union")
    IFI = "ifi", _("International financial institution")
    INTERGOVERNMENTAL = "intergovernmental", _("Intergovernmental organisation")
    OTHER = "other", _("Other")


class Entity(models.Model):
    """An organisation that takes part: a UN entity, a Member State, a civil-society body, …"""

    acronym = models.CharField(_("acronym"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=30, choices=EntityKind.choices)
    un_type = models.CharField(
        _("type in the UN system"), max_length=60, blank=True, help_text=_("As on the UN System Chart.")
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="entities",
        verbose_name=_("country"),
    )
    aliases = models.CharField(
        _("other names"), max_length=200, blank=True, help_text=_("Separated by commas.")
    )
    website = models.URLField(_("website"), blank=True, max_length=300)
    unsdg_core_group = models.BooleanField(_("UNSDG core group"), default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["acronym"]
        verbose_name = _("entity")
        verbose_name_plural = _("entities")
        indexes = [models.Index(fields=["kind", "acronym"])]

    def __str__(self) -> str:
        return self.acronym

"""Briefs: what the region publishes, generated from its records as at any date.

A brief is defined for a scope (the platform, or one coalition or network with those embedded in it)
and a region (a named set of countries). Its figures are computed from the records as at a date (see
`brief/figures.py`); `reports` reads the other apps and writes only its own briefs.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rcphub.coalitions.models import Coalition
from rcphub.core.models import TimeStampedModel, VersionedModel
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


class BriefSection(models.TextChoices):
    """The brief's sections, in their order; an edition's narrative is written per section."""

    STRUCTURE = "structure", _("Structure")
    PRACTICES = "practices", _("Practices")
    PLEDGES = "pledges", _("Pledges")
    NETWORKS = "networks", _("Country networks established")
    CHAMPIONS = "champions", _("Champion countries and voluntary national reports")
    SUPPORT = "support", _("Support to UN Country Teams")
    PROGRESS = "progress", _("Work plan progress")
    FOLLOWUP = "followup", _("Follow-up")
    FUNDING = "funding", _("Funding")
    NEXT = "next", _("What comes next")


class EditionState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


# The languages an edition writes its narrative in and is published in (each with a title).
EDITION_LANGUAGES = ("en", "fr", "ru")
NARRATIVE_MAX_CHARS = 4000


class BriefEdition(Translated, VersionedModel):
    """An edition of a brief as at a date: drafted, previewed, then published and frozen.

    `narrative` holds a short Markdown text per section and language: {"practices": {"en": "…"}}.
    Publishing stores the figures (`figures`) and, for each language the edition has a title in, the
    page's sections, the PDF and the Word file (`EditionFile`); they never change afterwards.
    """

    brief = models.ForeignKey(
        Brief, on_delete=models.PROTECT, related_name="editions", verbose_name=_("brief")
    )
    number = models.PositiveIntegerField(_("number"), editable=False)
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_fr = models.CharField(_("title (French)"), max_length=200, blank=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=200, blank=True)
    as_at = models.DateField(_("as at"))
    narrative = models.JSONField(_("narrative"), default=dict, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=EditionState.choices, default=EditionState.DRAFT
    )
    figures = models.JSONField(_("figures (frozen at publication)"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("published by"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["brief", "-number"]
        verbose_name = _("brief edition")
        verbose_name_plural = _("brief editions")
        constraints = [
            models.UniqueConstraint(fields=["brief", "number"], name="reports_edition_number_unique"),
            models.CheckConstraint(
                condition=Q(state=EditionState.DRAFT, published_at__isnull=True, figures__isnull=True)
                | Q(state=EditionState.PUBLISHED, published_at__isnull=False, figures__isnull=False),
                name="reports_edition_frozen_when_published",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.brief} · {self.number}"

    @property
    def title(self) -> str:
        return self.localized("title")

    @property
    def published(self) -> bool:
        return self.state == EditionState.PUBLISHED

    @property
    def languages(self) -> list[str]:
        """The languages the edition is published in: English, and those it has a title in."""
        return [language for language in EDITION_LANGUAGES if getattr(self, f"title_{language}")]

    def narrative_text(self, section: str, language: str) -> str:
        """The Markdown of a section in a language, falling back to English."""
        texts = self.narrative.get(section) or {}
        return str(texts.get(language) or texts.get("en") or "")

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if not isinstance(self.narrative, dict):
            raise ValidationError({"narrative": _("The narrative is a text per section and language.")})
        for section, texts in self.narrative.items():
            if section not in BriefSection.values:
                errors["narrative"] = _("%(section)s is not a section of the brief.") % {"section": section}
            elif not isinstance(texts, dict) or any(
                language not in EDITION_LANGUAGES or not isinstance(text, str)
                for language, text in texts.items()
            ):
                errors[f"narrative_{section}"] = _(
                    "A section's narrative is a text per language (en, fr, ru)."
                )
            elif any(len(text) > NARRATIVE_MAX_CHARS for text in texts.values()):
                errors[f"narrative_{section}"] = _("A section's narrative is at most %(max)d characters.") % {
                    "max": NARRATIVE_MAX_CHARS
                }
        if errors:
            raise ValidationError(errors)


class EditionFileKind(models.TextChoices):
    SECTIONS = "html", _("Page (HTML)")
    PDF = "pdf", _("PDF")
    DOCX = "docx", _("Word (DOCX)")


class EditionFile(TimeStampedModel):
    """One stored file of a published edition, in one language: its page, PDF or Word file."""

    edition = models.ForeignKey(
        BriefEdition, on_delete=models.CASCADE, related_name="files", verbose_name=_("edition")
    )
    language = models.CharField(_("language"), max_length=2)
    kind = models.CharField(_("kind"), max_length=4, choices=EditionFileKind.choices)
    file = models.FileField(_("file"), upload_to="briefs/editions/")
    sha256 = models.CharField(_("SHA-256"), max_length=64)

    class Meta:
        ordering = ["edition", "language", "kind"]
        verbose_name = _("edition file")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "language", "kind"], name="reports_edition_file_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.edition} · {self.language} · {self.kind}"

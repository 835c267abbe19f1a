"""The repository: practices, pledges and their reports, knowledge products, voluntary reports.

Practices, pledges and pledge reports are submitted by members and go draft → submitted →
published or returned (see SUBMISSION_TRANSITIONS); visitors see only what is published. Whether a
pledge is inactive is derived from its reports, never stored (see `PledgeQuerySet.with_activity`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import (
    BooleanField,
    Case,
    DateField,
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rcphub.coalitions.models import Coalition
from rcphub.core.models import TimeStampedModel, VersionedModel, Visibility
from rcphub.core.validators import validate_upload
from rcphub.reference.models import Country, Entity, GcmObjective, GcmPrinciple, SdgTarget, Translated


class SubmissionState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    PUBLISHED = "published", _("Published")
    RETURNED = "returned", _("Returned")


# The moves a submission may make; who may make each is in `permissions.can_transition_submission`.
SUBMISSION_TRANSITIONS: dict[str, frozenset[str]] = {
    SubmissionState.DRAFT: frozenset({SubmissionState.SUBMITTED}),
    SubmissionState.SUBMITTED: frozenset({SubmissionState.PUBLISHED, SubmissionState.RETURNED}),
    SubmissionState.RETURNED: frozenset({SubmissionState.SUBMITTED}),
    SubmissionState.PUBLISHED: frozenset(),
}

# States in which the submitter may still change the submission.
EDITABLE_STATES = (SubmissionState.DRAFT, SubmissionState.RETURNED)


class Submission(VersionedModel):
    """Fields of the submission workflow shared by practices, pledges and pledge reports."""

    state = models.CharField(
        _("state"), max_length=20, choices=SubmissionState.choices, default=SubmissionState.DRAFT
    )
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("submitter")
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)

    class Meta:
        abstract = True


class ImplementerType(models.Model):
    """A kind of implementer of a practice (Member State, local authority, …); loaded by a migration."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("implementer type")

    def __str__(self) -> str:
        return self.name


class Scope(models.TextChoices):
    LOCAL = "local", _("Local")
    NATIONAL = "national", _("National")
    REGIONAL = "regional", _("Regional")
    MULTI_LEVEL = "multi_level", _("Multi-level")
    GLOBAL = "global", _("Global")


class Practice(Submission):
    """A practice in implementing the Global Compact for Migration, as its submitter describes it."""

    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("description"), blank=True)
    gcm_objectives = models.ManyToManyField(
        GcmObjective, blank=True, related_name="practices", verbose_name=_("GCM objectives")
    )
    gcm_principles = models.ManyToManyField(
        GcmPrinciple, blank=True, related_name="practices", verbose_name=_("GCM guiding principles")
    )
    sdg_targets = models.ManyToManyField(
        SdgTarget, blank=True, related_name="practices", verbose_name=_("SDG targets")
    )
    countries = models.ManyToManyField(
        Country, blank=True, related_name="practices", verbose_name=_("countries where implemented")
    )
    implementers = models.ManyToManyField(
        Entity, blank=True, related_name="practices", verbose_name=_("implementers")
    )
    implementer_types = models.ManyToManyField(
        ImplementerType, blank=True, related_name="practices", verbose_name=_("implementer types")
    )
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices, blank=True)
    period_start = models.PositiveSmallIntegerField(_("from (year)"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("to (year)"), null=True, blank=True)
    links = models.TextField(_("links"), blank=True, help_text=_("One address a line."))
    contact = models.CharField(_("contact"), max_length=300, blank=True)
    language = models.CharField(_("language"), max_length=10, default="en")
    submitted_by_entity = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="submitted_practices",
        verbose_name=_("submitted for"),
    )

    history = HistoricalRecords(m2m_fields=[gcm_objectives, countries, implementer_types])

    class Meta:
        ordering = ["-published_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_end__gte=models.F("period_start")),
                name="practice_period_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period ends before it starts.")})


class PledgeKind(models.TextChoices):
    OWN = "own", _("Own pledge")
    PARTNERSHIP = "partnership", _("In partnership")
    MATCHING = "matching", _("Matching another pledge")


class PledgeStage(models.TextChoices):
    PLANNING = "planning", _("Planning")
    IN_PROGRESS = "in_progress", _("In progress")
    FULFILLED = "fulfilled", _("Fulfilled")


# A pledge with no report for this many years is inactive.
INACTIVE_AFTER_YEARS = 2


def inactive_since(as_at: date) -> date:
    """Return the date on or before which a pledge's last report makes it inactive as at `as_at`."""
    try:
        return as_at.replace(year=as_at.year - INACTIVE_AFTER_YEARS)
    except ValueError:  # 29 February
        return as_at.replace(year=as_at.year - INACTIVE_AFTER_YEARS, day=28)


class PledgeQuerySet(models.QuerySet["Pledge"]):
    def with_activity(self, *, as_at: date) -> PledgeQuerySet:
        """Annotate each pledge with `last_reported_on`, `last_sign_on` and `inactive`, as at `as_at`.

        A pledge not fulfilled is inactive when its latest published report dated on or before `as_at`
        (or, with none, the day it was made or published) is two years old or more as at `as_at`.
        """
        latest = (
            PledgeReport.objects.filter(
                pledge=OuterRef("pk"), state=SubmissionState.PUBLISHED, reported_on__lte=as_at
            )
            .order_by("-reported_on")
            .values("reported_on")[:1]
        )
        return self.annotate(
            last_reported_on=Subquery(latest, output_field=DateField()),
            last_sign_on=Coalesce(Subquery(latest, output_field=DateField()), "made_on", "published_on"),
        ).annotate(
            inactive=Case(
                When(
                    ~Q(stage=PledgeStage.FULFILLED) & Q(last_sign_on__lte=inactive_since(as_at)),
                    then=Value(True),
                ),
                default=Value(False),
                output_field=BooleanField(),
            )
        )

    def from_countries(self, country_ids: Iterable[int] | QuerySet[Any]) -> PledgeQuerySet:
        """Keep the pledges from these countries: made by one of them (or an entity based there), or
        concerning one of them. Used by the lists' region filter and by the regional brief."""
        concerning = Pledge.countries.through.objects.filter(
            pledge=OuterRef("pk"), country_id__in=country_ids
        )
        return self.filter(Q(pledger__country_id__in=country_ids) | Exists(concerning))

    def published_by(self, as_at: date) -> PledgeQuerySet:
        """Keep the pledges that stood published on `as_at`: published on or before that day."""
        return self.filter(state=SubmissionState.PUBLISHED, published_on__lte=as_at)

    def inactive(self, inactive: bool = True) -> PledgeQuerySet:
        """Keep the inactive pledges (or, with `inactive=False`, the active ones); the queryset comes
        `with_activity`."""
        return self.filter(Q(inactive=inactive))  # a Q: the annotation is unknown to the type checker


class Pledge(Submission):
    """A pledge by a Member State or a stakeholder to implement the Global Compact for Migration."""

    pledger = models.ForeignKey(
        Entity, on_delete=models.PROTECT, related_name="pledges", verbose_name=_("pledger")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PledgeKind.choices, default=PledgeKind.OWN)
    partners = models.ManyToManyField(
        Entity, blank=True, related_name="partner_pledges", verbose_name=_("partners")
    )
    matches = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="matched_by",
        verbose_name=_("matches pledge"),
    )
    text = models.TextField(_("pledge"))
    gcm_objectives = models.ManyToManyField(
        GcmObjective, blank=True, related_name="pledges", verbose_name=_("GCM objectives")
    )
    countries = models.ManyToManyField(
        Country, blank=True, related_name="pledges", verbose_name=_("countries")
    )
    made_on = models.DateField(_("made on"), null=True, blank=True)
    occasion = models.CharField(
        _("occasion"),
        max_length=200,
        blank=True,
        help_text=_("E.g. International Migration Review Forum 2026."),
    )
    stage = models.CharField(
        _("stage"), max_length=20, choices=PledgeStage.choices, default=PledgeStage.PLANNING
    )
    lead_reporter = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_pledges",
        verbose_name=_("lead reporter"),
        help_text=_("For joint pledges: the entity that reports on them."),
    )

    objects = PledgeQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[gcm_objectives, countries, partners])

    class Meta:
        ordering = ["-made_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="matching", matches__isnull=False) | ~Q(kind="matching"),
                name="pledge_matching_names_pledge",
            ),
            models.CheckConstraint(condition=~Q(matches=models.F("id")), name="pledge_does_not_match_itself"),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class PledgeReport(Submission):
    """A dated report on how a pledge is being implemented."""

    pledge = models.ForeignKey(
        Pledge, on_delete=models.CASCADE, related_name="reports", verbose_name=_("pledge")
    )
    reported_on = models.DateField(_("reported on"))
    stage = models.CharField(_("stage"), max_length=20, choices=PledgeStage.choices)
    narrative = models.TextField(_("narrative"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["-reported_on", "-id"]

    def __str__(self) -> str:
        return f"{self.pledge} ({self.reported_on})"


class KnowledgeKind(models.TextChoices):
    GUIDANCE = "guidance", _("Guidance")
    TOOLKIT = "toolkit", _("Toolkit")
    KEY_MESSAGES = "key_messages", _("Key messages")
    REPORT = "report", _("Report")
    BRIEF = "brief", _("Brief")
    TRAINING_MATERIAL = "training_material", _("Training material")
    TERMS_OF_REFERENCE = "terms_of_reference", _("Terms of reference")


class KnowledgeProduct(VersionedModel):
    """A coalition's guidance, toolkit, key messages or other product, public or internal."""

    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=30, choices=KnowledgeKind.choices)
    coalition = models.ForeignKey(
        Coalition,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="knowledge_products",
        verbose_name=_("coalition"),
    )
    languages = models.CharField(
        _("languages"),
        max_length=100,
        default="en",
        help_text=_("Language codes, comma-separated: en, fr, ru."),
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    file = models.FileField(
        _("file"), upload_to="repository/knowledge/", blank=True, validators=[validate_upload]
    )
    link = models.URLField(_("link"), max_length=500, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_on", "title"]
        constraints = [
            models.CheckConstraint(condition=~Q(file="") | ~Q(link=""), name="knowledge_product_file_or_link")
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if not self.file and not self.link:
            raise ValidationError({"link": _("Give a file or a link.")})


class ReviewCycle(Translated, TimeStampedModel):
    """A cycle of review of the Global Compact that voluntary reports are submitted to, e.g. the
    International Migration Review Forum 2022 or a regional review."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=200, blank=True)
    held_on = models.DateField(_("held on"), help_text=_("The day the forum or review opens."))

    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "slug"]
        verbose_name = _("review cycle")
        verbose_name_plural = _("review cycles")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.localized("name")


class VoluntaryReport(TimeStampedModel):
    """A Member State's voluntary report on implementing the Global Compact, submitted to a review
    cycle (reports recorded before cycles were kept may have none)."""

    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="voluntary_reports", verbose_name=_("country")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    link = models.URLField(_("link"), max_length=500)
    review_cycle = models.ForeignKey(
        ReviewCycle,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="voluntary_reports",
        verbose_name=_("review cycle"),
    )
    submitted_on = models.DateField(
        _("submitted on"),
        null=True,
        blank=True,
        help_text=_(
            "The day the Member State submitted the report; a brief as at a date counts it from then."
        ),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "country__name_en"]
        constraints = [
            models.UniqueConstraint(fields=["country", "year"], name="voluntary_report_country_year_unique")
        ]

    def __str__(self) -> str:
        return f"{self.country} {self.year}"


class ChampionCountry(TimeStampedModel):
    """A Member State that champions the Global Compact in the region."""

    country = models.OneToOneField(
        Country, on_delete=models.PROTECT, related_name="champion", verbose_name=_("country")
    )
    since = models.DateField(_("since"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["country__name_en"]
        verbose_name_plural = _("champion countries")

    def __str__(self) -> str:
        return str(self.country)

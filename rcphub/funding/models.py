"""Pooled funding: a multi-partner trust fund, the contributions to it and the joint programmes it funds.

Amounts are decimals with their currency. Figures in a currency other than the fund's are never added
to the fund's figures: no exchange rate is assumed anywhere.

A joint programme's state as at a date is derived from its dates (see `JointProgramme`), so the fund's
figures can be read as at any date.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pycountry
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rcphub.core.models import TimeStampedModel, VersionedModel, Visibility
from rcphub.funding.permissions import fund_visibility_q
from rcphub.reference.models import Country, Entity, Translated

AMOUNT_DIGITS = 18
AMOUNT_PLACES = 2


# ISO 4217 codes that name no currency: "no currency involved" and "reserved for testing".
NOT_CURRENCIES = frozenset({"XXX", "XTS"})


def validate_currency(value: str) -> None:
    """Refuse a code that is not an ISO 4217 currency (upper case, three letters)."""
    if value in NOT_CURRENCIES or not (
        len(value) == 3 and value.isalpha() and value.isupper() and pycountry.currencies.get(alpha_3=value)
    ):
        raise ValidationError(
            _("“%(value)s” is not an ISO 4217 currency code (e.g. USD, EUR, CHF)."),
            code="invalid_currency",
            params={"value": value[:10]},
        )


def currency_field() -> models.CharField[Any, Any]:
    return models.CharField(
        _("currency"),
        max_length=3,
        validators=[validate_currency],
        help_text=_("ISO 4217 code: USD, EUR, CHF."),
    )


class FundQuerySet(models.QuerySet["Fund"]):
    def visible_to(self, user: Any) -> FundQuerySet:
        """Keep the funds the user may see: public ones, and internal ones for the platform's people.

        Internal funds are seen by the platform secretariat and by every signed-in user who holds a
        membership (works for an entity of the platform); visitors and users without one see public funds.
        """
        return self.filter(fund_visibility_q(user))


class Fund(VersionedModel):
    """A pooled fund with a capitalisation target in its currency, e.g. a multi-partner trust fund."""

    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=40, unique=True)
    description = models.TextField(_("description"), blank=True)
    target_amount = models.DecimalField(
        _("capitalisation target"), max_digits=AMOUNT_DIGITS, decimal_places=AMOUNT_PLACES
    )
    currency = currency_field()
    target_date = models.DateField(
        _("target date"), help_text=_("The date by which the target is to be met.")
    )
    managed_by = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="managed_funds",
        verbose_name=_("administrative agent"),
        help_text=_("The entity that administers the fund, if any."),
    )
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
        help_text=_("Funds are public unless marked internal."),
    )

    objects = FundQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("fund")
        verbose_name_plural = _("funds")
        constraints = [
            models.CheckConstraint(condition=Q(target_amount__gt=0), name="funding_fund_target_positive"),
        ]

    def __str__(self) -> str:
        return self.acronym

    def clean(self) -> None:
        if self.target_amount is not None and self.target_amount <= 0:
            raise ValidationError(
                {"target_amount": _("The capitalisation target must be more than zero.")},
                code="target_positive",
            )


class ContributionKind(models.TextChoices):
    PLEDGED = "pledged", _("Pledged")
    DEPOSITED = "deposited", _("Deposited")


class Contribution(TimeStampedModel):
    """A Member State's (or another partner's) pledge to the fund, or a deposit paid into it.

    A pledge is a firm commitment (a signed contribution agreement); a deposit is money received, in
    payment of a pledge. The fund's "mobilised" figure counts pledges, its "deposited" figure deposits.
    """

    fund = models.ForeignKey(
        Fund, on_delete=models.PROTECT, related_name="contributions", verbose_name=_("fund")
    )
    contributor = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        related_name="fund_contributions",
        verbose_name=_("contributor"),
        help_text=_("The contributing Member State or partner."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ContributionKind.choices)
    amount = models.DecimalField(_("amount"), max_digits=AMOUNT_DIGITS, decimal_places=AMOUNT_PLACES)
    currency = currency_field()
    contributed_on = models.DateField(_("date"), help_text=_("The date of the pledge, or of the deposit."))
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-contributed_on", "-id"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="funding_contribution_amount_positive"),
        ]
        indexes = [models.Index(fields=["fund", "contributed_on"])]

    def __str__(self) -> str:
        return f"{self.contributor} · {self.get_kind_display()} · {self.amount} {self.currency}"

    def clean(self) -> None:
        if self.amount is not None and self.amount <= 0:
            raise ValidationError({"amount": _("The amount must be more than zero.")}, code="amount_positive")


class FundThematicArea(Translated, TimeStampedModel):
    """A thematic area that a fund defines for its joint programmes, e.g. one of the Migration MPTF's five.

    Each fund holds its own list, in its own order; a joint programme is classed under an area of its fund.
    """

    fund = models.ForeignKey(
        Fund, on_delete=models.CASCADE, related_name="thematic_areas", verbose_name=_("fund")
    )
    code = models.SlugField(
        _("code"), max_length=60, help_text=_("Short and stable, unique in the fund: what the API takes.")
    )
    name_en = models.CharField(_("name (English)"), max_length=300)
    name_fr = models.CharField(_("name (French)"), max_length=300, blank=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Areas are listed in this order.")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("thematic area")
        verbose_name_plural = _("thematic areas")
        constraints = [
            models.UniqueConstraint(fields=["fund", "code"], name="funding_thematic_area_code_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.localized("name")


class JointProgrammeState(models.TextChoices):
    PIPELINE = "pipeline", _("Pipeline")
    FUNDED = "funded", _("Funded")
    CLOSED = "closed", _("Closed")


# The state changes a joint programme may go through: a pipeline programme is funded or dropped (closed
# unfunded); a funded one closes.
TRANSITIONS: dict[str, frozenset[str]] = {
    JointProgrammeState.PIPELINE: frozenset({JointProgrammeState.FUNDED, JointProgrammeState.CLOSED}),
    JointProgrammeState.FUNDED: frozenset({JointProgrammeState.CLOSED}),
    JointProgrammeState.CLOSED: frozenset(),
}


class JointProgramme(VersionedModel):
    """A joint programme of several UN entities in one or more countries, funded (or to be) by the fund.

    Its state as at a date D is derived from its dates: not yet known before `submitted_on`; in the
    pipeline from `submitted_on`; funded from `funded_on`; closed from `closed_on` (a programme closed
    without `funded_on` was dropped from the pipeline). The transitions set these dates.
    """

    fund = models.ForeignKey(
        Fund, on_delete=models.PROTECT, related_name="joint_programmes", verbose_name=_("fund")
    )
    title = models.CharField(_("title"), max_length=300)
    thematic_area = models.ForeignKey(
        FundThematicArea,
        on_delete=models.PROTECT,
        related_name="joint_programmes",
        verbose_name=_("thematic area"),
        help_text=_("One of the fund's thematic areas."),
    )
    description = models.TextField(_("description"), blank=True)
    countries = models.ManyToManyField(
        Country, related_name="joint_programmes", blank=True, verbose_name=_("countries")
    )
    entities = models.ManyToManyField(
        Entity, related_name="joint_programmes", blank=True, verbose_name=_("participating entities")
    )
    budget = models.DecimalField(_("budget"), max_digits=AMOUNT_DIGITS, decimal_places=AMOUNT_PLACES)
    currency = currency_field()
    state = models.CharField(
        _("state"), max_length=10, choices=JointProgrammeState.choices, default=JointProgrammeState.PIPELINE
    )
    submitted_on = models.DateField(_("in the pipeline since"))
    funded_on = models.DateField(_("funded on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    start_on = models.DateField(_("start"), null=True, blank=True)
    end_on = models.DateField(_("end"), null=True, blank=True)

    history = HistoricalRecords(m2m_fields=[countries, entities])

    class Meta:
        ordering = ["fund", "title"]
        verbose_name = _("joint programme")
        verbose_name_plural = _("joint programmes")
        constraints = [
            models.CheckConstraint(condition=Q(budget__gte=0), name="funding_jp_budget_not_negative"),
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(start_on__isnull=True) | Q(end_on__gte=F("start_on")),
                name="funding_jp_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(funded_on__isnull=True) | Q(funded_on__gte=F("submitted_on")),
                name="funding_jp_funded_after_submitted",
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True)
                | (
                    Q(closed_on__gte=F("submitted_on"))
                    & (Q(funded_on__isnull=True) | Q(closed_on__gte=F("funded_on")))
                ),
                name="funding_jp_closed_after_funded",
            ),
            models.CheckConstraint(
                condition=(
                    Q(state=JointProgrammeState.PIPELINE)
                    & Q(funded_on__isnull=True)
                    & Q(closed_on__isnull=True)
                )
                | (
                    Q(state=JointProgrammeState.FUNDED)
                    & Q(funded_on__isnull=False)
                    & Q(closed_on__isnull=True)
                )
                | (Q(state=JointProgrammeState.CLOSED) & Q(closed_on__isnull=False)),
                name="funding_jp_state_matches_dates",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.budget is not None and self.budget < 0:
            errors["budget"] = _("The budget cannot be negative.")
        if self.start_on and self.end_on and self.end_on < self.start_on:
            errors["end_on"] = _("The end comes before the start.")
        area_fund_id = self.thematic_area.fund_id if self.thematic_area_id is not None else None
        if area_fund_id is not None and self.fund_id is not None and area_fund_id != self.fund_id:
            errors["thematic_area"] = _("This thematic area is another fund's: choose one of the fund's own.")
        if errors:
            raise ValidationError(errors)

    def state_on(self, as_at: date) -> str | None:
        """Return the state as at the date, from the programme's dates; None before it entered the pipeline."""
        if self.submitted_on > as_at:
            return None
        if self.closed_on is not None and self.closed_on <= as_at:
            return JointProgrammeState.CLOSED
        if self.funded_on is not None and self.funded_on <= as_at:
            return JointProgrammeState.FUNDED
        return JointProgrammeState.PIPELINE

"""Reads on funds, contributions and joint programmes, with the visibility filter; a constant number of
queries per call.

Currency rule: the fund's figures (mobilised, deposited, percentage of the target, budgets by thematic
area) count only amounts in the fund's currency. Amounts in other currencies are totalled per currency
and shown apart, with how many there are; no exchange rate is assumed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Case, CharField, Count, F, Max, Q, QuerySet, Sum, Value, When
from django.utils.translation import gettext as _

from rcphub.core.errors import NotFound
from rcphub.core.history import HistoryEntry, change_history
from rcphub.funding.models import (
    Contribution,
    ContributionKind,
    Fund,
    FundThematicArea,
    JointProgramme,
    JointProgrammeState,
    validate_currency,
)
from rcphub.funding.permissions import can_manage_fund
from rcphub.reference.models import Entity

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
ONE_PLACE = Decimal("0.1")


def money(value: Decimal | None) -> Decimal:
    """Return a sum as an amount with two decimal places (zero for no rows), alike on every database."""
    return (value or ZERO).quantize(CENT)


def percent_of(amount: Decimal, target: Decimal) -> Decimal:
    """Return `amount` as a percentage of `target`, to one decimal place (half up)."""
    if not target:
        return Decimal("0.0")
    return (amount * 100 / target).quantize(ONE_PLACE, rounding=ROUND_HALF_UP)


# ---------------------------------------------------------------------------------------------
# Funds


def fund_visible(user: Any) -> QuerySet[Fund]:
    """Return the funds the user may see."""
    return Fund.objects.visible_to(user)


def _in_fund_currency(kind: str, as_at: date) -> Q:
    return Q(
        contributions__kind=kind,
        contributions__currency=F("currency"),
        contributions__contributed_on__lte=as_at,
    )


def fund_list(*, user: Any, as_at: date) -> QuerySet[Fund]:
    """Return the funds the user may see, each with its figures as at the date (one query).

    Annotated: `pledged_total`, `deposited_total` (in the fund's currency), `contributor_count` (every
    contributor, whatever the currency) and `other_currency_count` (contributions in other currencies).
    """
    dated = Q(contributions__contributed_on__lte=as_at)
    return (
        fund_visible(user)
        .select_related("managed_by")
        .annotate(
            pledged_total=Sum(
                "contributions__amount", filter=_in_fund_currency(ContributionKind.PLEDGED, as_at)
            ),
            deposited_total=Sum(
                "contributions__amount", filter=_in_fund_currency(ContributionKind.DEPOSITED, as_at)
            ),
            contributor_count=Count("contributions__contributor", filter=dated, distinct=True),
            other_currency_count=Count(
                "contributions", filter=dated & ~Q(contributions__currency=F("currency")), distinct=True
            ),
        )
        .order_by("name", "id")
    )


def fund_get(*, fund_id: int, user: Any, with_thematic_areas: bool = False) -> Fund:
    """Return the fund if the user may see it; raise NotFound otherwise (missing and forbidden alike)."""
    funds = fund_visible(user).select_related("managed_by")
    if with_thematic_areas:
        funds = funds.prefetch_related("thematic_areas")
    fund = funds.filter(pk=fund_id).first()
    if fund is None:
        raise NotFound
    return fund


def fund_get_for_manage(*, fund_id: int, user: Any) -> Fund:
    """Return the fund if the user may manage it; raise NotFound otherwise."""
    fund = fund_get(fund_id=fund_id, user=user)
    if not can_manage_fund(user=user, fund=fund):
        raise NotFound
    return fund


def fund_thematic_areas(*, fund: Fund) -> list[FundThematicArea]:
    """Return the fund's thematic areas in its order (the prefetched ones if the fund came with them)."""
    return list(fund.thematic_areas.all())


def fund_thematic_area_get(*, fund: Fund, code: str, field: str = "thematic_area") -> FundThematicArea:
    """Return the fund's thematic area of that code; raise a ValidationError naming `field` if it has none."""
    area = fund.thematic_areas.filter(code=code.strip()).first()
    if area is None:
        raise ValidationError(
            {
                field: _("“%(code)s” is not a thematic area of the fund %(fund)s; its areas: %(codes)s.")
                % {
                    "code": code[:60],
                    "fund": fund.acronym,
                    "codes": ", ".join(fund.thematic_areas.values_list("code", flat=True)) or "—",
                }
            },
            code="thematic_area",
        )
    return area


@dataclass
class CurrencyTotal:
    """Contributions in one currency other than the fund's, as recorded: never converted."""

    currency: str
    pledged: Decimal = ZERO
    deposited: Decimal = ZERO
    count: int = 0


@dataclass
class ContributorRow:
    """What one contributor pledged and deposited in one currency, as at the date."""

    contributor_id: int
    acronym: str
    name: str
    currency: str
    pledged: Decimal = ZERO
    deposited: Decimal = ZERO
    count: int = 0
    last_on: date | None = None
    in_fund_currency: bool = True


@dataclass
class ThematicAreaRow:
    """The fund's joint programmes of one of its thematic areas by state as at the date; budgets in the fund's
    currency."""

    thematic_area: str  # the area's code
    label: str  # its name in the active language
    pipeline_count: int = 0
    pipeline_budget: Decimal = ZERO
    funded_count: int = 0
    funded_budget: Decimal = ZERO
    closed_count: int = 0
    closed_budget: Decimal = ZERO


@dataclass
class ProgrammeCurrencyRow:
    """Joint programmes budgeted in a currency other than the fund's, by state: shown apart."""

    currency: str
    state: str
    count: int
    budget: Decimal

    @property
    def state_label(self) -> str:
        return str(JointProgrammeState(self.state).label)


@dataclass
class Capitalisation:
    """The fund's capitalisation as at a date: what was pledged and deposited against its target."""

    fund: Fund
    as_at: date
    pledged: Decimal
    deposited: Decimal
    contributor_count: int
    contribution_count: int
    other_currencies: list[CurrencyTotal]
    by_contributor: list[ContributorRow]
    thematic_areas: list[ThematicAreaRow]
    programmes_other_currencies: list[ProgrammeCurrencyRow] = field(default_factory=list)

    @property
    def currency(self) -> str:
        return self.fund.currency

    @property
    def target(self) -> Decimal:
        return self.fund.target_amount

    @property
    def percent(self) -> Decimal:
        """Mobilised (pledged in the fund's currency) as a percentage of the target, one decimal place."""
        return percent_of(self.pledged, self.fund.target_amount)

    @property
    def deposited_percent(self) -> Decimal:
        return percent_of(self.deposited, self.fund.target_amount)

    @property
    def remaining(self) -> Decimal:
        """What remains to be mobilised to meet the target; zero once it is met."""
        return max(self.fund.target_amount - self.pledged, ZERO)

    @property
    def other_currency_count(self) -> int:
        """How many contributions are in other currencies, shown apart and not counted against the target."""
        return sum(total.count for total in self.other_currencies)

    @property
    def bar_percent(self) -> Decimal:
        """The percentage capped at 100, for a bar."""
        return min(self.percent, Decimal(100))

    def programme_totals(self) -> dict[str, tuple[int, Decimal]]:
        """Return the count and budget (fund's currency) of joint programmes per state as at the date."""
        return {
            state: (
                sum(getattr(row, f"{state}_count") for row in self.thematic_areas),
                sum((getattr(row, f"{state}_budget") for row in self.thematic_areas), ZERO),
            )
            for state in JointProgrammeState.values
        }


def jp_state_as_at(as_at: date) -> Case:
    """Return the state of a joint programme as at the date, derived from its dates (see `JointProgramme`)."""
    return Case(
        When(closed_on__lte=as_at, then=Value(JointProgrammeState.CLOSED)),
        When(funded_on__lte=as_at, then=Value(JointProgrammeState.FUNDED)),
        default=Value(JointProgrammeState.PIPELINE),
        output_field=CharField(),
    )


def fund_capitalisation(*, fund: Fund, as_at: date) -> Capitalisation:
    """Return the fund's capitalisation as at the date (contributions dated on or before it): three queries,
    two if the fund comes with its thematic areas prefetched.

    Mobilised counts pledges in the fund's currency, deposited counts deposits in it; the percentage is
    mobilised against the target. Contributions in other currencies are totalled per currency apart.
    Joint programmes are counted by the fund's own thematic areas, every area in the fund's order (zeros
    too), in their state as at the date.
    """
    rows = (
        Contribution.objects.filter(fund=fund, contributed_on__lte=as_at)
        .values("contributor_id", "contributor__acronym", "contributor__name", "currency")
        .annotate(
            pledged=Sum("amount", filter=Q(kind=ContributionKind.PLEDGED)),
            deposited=Sum("amount", filter=Q(kind=ContributionKind.DEPOSITED)),
            count=Count("id"),
            last_on=Max("contributed_on"),
        )
        .order_by()
    )
    by_contributor: list[ContributorRow] = []
    others: dict[str, CurrencyTotal] = {}
    pledged = deposited = ZERO
    contribution_count = 0
    for row in rows:
        item = ContributorRow(
            contributor_id=row["contributor_id"],
            acronym=row["contributor__acronym"],
            name=row["contributor__name"],
            currency=row["currency"],
            pledged=money(row["pledged"]),
            deposited=money(row["deposited"]),
            count=row["count"],
            last_on=row["last_on"],
            in_fund_currency=row["currency"] == fund.currency,
        )
        by_contributor.append(item)
        if item.in_fund_currency:
            pledged += item.pledged
            deposited += item.deposited
            contribution_count += item.count
        else:
            total = others.setdefault(item.currency, CurrencyTotal(currency=item.currency))
            total.pledged += item.pledged
            total.deposited += item.deposited
            total.count += item.count
    # Largest pledge in the fund's currency first; other currencies after, by contributor.
    by_contributor.sort(
        key=lambda r: (not r.in_fund_currency, -r.pledged, -r.deposited, r.acronym, r.currency)
    )

    areas = {
        area.pk: ThematicAreaRow(thematic_area=area.code, label=area.name)
        for area in fund_thematic_areas(fund=fund)
    }
    programmes_other: list[ProgrammeCurrencyRow] = []
    programme_rows = (
        JointProgramme.objects.filter(fund=fund, submitted_on__lte=as_at)
        .annotate(state_as_at=jp_state_as_at(as_at))
        .values("thematic_area_id", "state_as_at", "currency")
        .annotate(count=Count("id"), budget_total=Sum("budget"))
        .order_by()
    )
    for programme_row in programme_rows:
        state, budget = programme_row["state_as_at"], money(programme_row["budget_total"])
        if programme_row["currency"] != fund.currency:
            programmes_other.append(
                ProgrammeCurrencyRow(
                    currency=programme_row["currency"],
                    state=state,
                    count=programme_row["count"],
                    budget=budget,
                )
            )
            continue
        area = areas.get(programme_row["thematic_area_id"])
        if area is None:
            continue
        setattr(area, f"{state}_count", getattr(area, f"{state}_count") + programme_row["count"])
        setattr(area, f"{state}_budget", getattr(area, f"{state}_budget") + budget)
    programmes_other.sort(key=lambda r: (r.currency, r.state))

    return Capitalisation(
        fund=fund,
        as_at=as_at,
        pledged=pledged,
        deposited=deposited,
        contributor_count=len({row.contributor_id for row in by_contributor}),
        contribution_count=contribution_count,
        other_currencies=sorted(others.values(), key=lambda t: t.currency),
        by_contributor=by_contributor,
        thematic_areas=list(areas.values()),
        programmes_other_currencies=programmes_other,
    )


def fund_change_history(*, fund: Fund) -> list[HistoryEntry]:
    """Return who changed the fund and when."""
    return change_history(fund)


# ---------------------------------------------------------------------------------------------
# Contributions


@dataclass(frozen=True)
class ContributionFilters:
    fund_id: int | None = None
    contributor: str | None = None  # acronym
    kind: str | None = None
    currency: str | None = None
    since: date | None = None
    until: date | None = None


def contribution_filters_check(*, filters: ContributionFilters) -> None:
    """Refuse an unknown contributor or currency, or a period that ends before it starts; name the field."""
    errors: dict[str, Any] = {}
    if filters.contributor and not Entity.objects.filter(acronym__iexact=filters.contributor).exists():
        errors["contributor"] = _("Unknown contributor “%(value)s”: use its acronym.") % {
            "value": filters.contributor[:40]
        }
    if filters.currency:
        try:
            validate_currency(filters.currency)
        except ValidationError as error:
            errors["currency"] = error.messages[0]
    if filters.since and filters.until and filters.since > filters.until:
        errors["since"] = _("The start date comes after the end date.")
    if errors:
        raise ValidationError(errors)


def contribution_list(*, user: Any, filters: ContributionFilters | None = None) -> QuerySet[Contribution]:
    """Return the contributions to funds the user may see, filtered; latest first."""
    filters = filters or ContributionFilters()
    qs = Contribution.objects.filter(fund__in=fund_visible(user)).select_related("fund", "contributor")
    if filters.fund_id is not None:
        qs = qs.filter(fund_id=filters.fund_id)
    if filters.contributor:
        qs = qs.filter(contributor__acronym__iexact=filters.contributor)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.currency:
        qs = qs.filter(currency=filters.currency)
    if filters.since:
        qs = qs.filter(contributed_on__gte=filters.since)
    if filters.until:
        qs = qs.filter(contributed_on__lte=filters.until)
    return qs.order_by("-contributed_on", "-id")


# ---------------------------------------------------------------------------------------------
# Joint programmes


@dataclass(frozen=True)
class JointProgrammeFilters:
    fund_id: int | None = None
    thematic_area: str | None = None  # the code of an area (each fund's area of that code)
    state: str | None = None
    country: str | None = None  # ISO alpha-2 or alpha-3


def joint_programme_filters_check(*, user: Any, filters: JointProgrammeFilters) -> None:
    """Refuse a thematic area that no fund the user may see (or the fund asked for) has; name the field."""
    if not filters.thematic_area:
        return
    areas = FundThematicArea.objects.filter(fund__in=fund_visible(user), code=filters.thematic_area)
    if filters.fund_id is not None:
        areas = areas.filter(fund_id=filters.fund_id)
    if not areas.exists():
        raise ValidationError(
            {
                "thematic_area": _("No fund here has the thematic area “%(code)s”.")
                % {"code": filters.thematic_area[:60]}
            },
            code="thematic_area",
        )


def joint_programme_list(
    *, user: Any, filters: JointProgrammeFilters | None = None
) -> QuerySet[JointProgramme]:
    """Return the joint programmes of funds the user may see, filtered by fund, area, state and country."""
    filters = filters or JointProgrammeFilters()
    qs = (
        JointProgramme.objects.filter(fund__in=fund_visible(user))
        .select_related("fund", "thematic_area")
        .prefetch_related("countries", "entities")
    )
    if filters.fund_id is not None:
        qs = qs.filter(fund_id=filters.fund_id)
    if filters.thematic_area:
        qs = qs.filter(thematic_area__code=filters.thematic_area)
    if filters.state:
        qs = qs.filter(state=filters.state)
    if filters.country:
        code = filters.country.strip().upper()
        qs = qs.filter(Q(countries__iso3=code) | Q(countries__iso2=code)).distinct()
    return qs.order_by("fund__name", "title", "id")


def joint_programme_get(*, joint_programme_id: int, user: Any) -> JointProgramme:
    """Return the joint programme if the user may see its fund; raise NotFound otherwise."""
    joint_programme = (
        JointProgramme.objects.filter(pk=joint_programme_id, fund__in=fund_visible(user))
        .select_related("fund", "thematic_area")
        .prefetch_related("countries", "entities")
        .first()
    )
    if joint_programme is None:
        raise NotFound
    return joint_programme


def joint_programme_get_for_manage(*, joint_programme_id: int, user: Any) -> JointProgramme:
    """Return the joint programme if the user may manage its fund; raise NotFound otherwise."""
    joint_programme = joint_programme_get(joint_programme_id=joint_programme_id, user=user)
    if not can_manage_fund(user=user, fund=joint_programme.fund):
        raise NotFound
    return joint_programme


def joint_programme_change_history(*, joint_programme: JointProgramme) -> list[HistoryEntry]:
    """Return who changed the joint programme (its state, dates, countries, entities) and when."""
    return change_history(joint_programme)


def fund_contribution_history(*, fund: Fund, limit: int = 50) -> list[Contribution]:
    """Return the latest contributions recorded on the fund, latest first (for the page's record)."""
    return list(fund.contributions.select_related("contributor").order_by("-contributed_on", "-id")[:limit])

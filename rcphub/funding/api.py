"""API of the funding app: funds with their capitalisation as at a date, contributions and joint
programmes with filters, and the platform secretariat's writes.

Amounts are decimals, sent and returned as strings ("1500000.00") with their ISO 4217 currency. Figures
in a currency other than the fund's are never added to the fund's figures. Handlers translate HTTP only.
"""

import re
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from pydantic import BeforeValidator, WithJsonSchema

from rcphub.api.errors import api_field_names
from rcphub.api.pagination import Pagination
from rcphub.api.schemas import BodyDate, BodyIn
from rcphub.core.dates import QueryDate, today
from rcphub.core.errors import NotFound
from rcphub.core.models import Visibility
from rcphub.funding import selectors, services
from rcphub.funding.models import (
    AMOUNT_DIGITS,
    AMOUNT_PLACES,
    Contribution,
    ContributionKind,
    Fund,
    FundThematicArea,
    JointProgramme,
    JointProgrammeState,
)
from rcphub.funding.permissions import can_manage_fund, can_manage_funds
from rcphub.funding.selectors import Capitalisation, ContributionFilters, JointProgrammeFilters
from rcphub.reference.models import Entity
from rcphub.reference.selectors import countries_by_code, entities_by_acronym

router = Router(tags=["funding"])

AS_AT = "The date the figures describe (YYYY-MM-DD): contributions dated on or before it; today if left out."
MAX_ID = 2**63 - 1

# ---------------------------------------------------------------------------------------------
# Schemas


class FundOut(Schema):
    id: int
    name: str
    acronym: str
    description: str
    target_amount: Decimal
    currency: str
    target_date: date
    managed_by: str | None = Field(None, description="The acronym of the administrative agent, if any.")
    visibility: Visibility
    version: int

    @staticmethod
    def resolve_managed_by(fund: Fund) -> str | None:
        return fund.managed_by.acronym if fund.managed_by is not None else None


class FundListOut(FundOut):
    """A fund with its figures as at the date asked, in its own currency."""

    pledged_total: Decimal = Field(description="Mobilised: pledges in the fund's currency.")
    deposited_total: Decimal = Field(description="Deposits in the fund's currency.")
    percent_of_target: Decimal = Field(
        description="Mobilised against the target, in per cent, one decimal place."
    )
    contributor_count: int
    other_currency_count: int = Field(
        description="Contributions in other currencies: not counted, shown apart."
    )

    @staticmethod
    def resolve_pledged_total(fund: Fund) -> Decimal:
        return selectors.money(fund.pledged_total)  # type: ignore[attr-defined]

    @staticmethod
    def resolve_deposited_total(fund: Fund) -> Decimal:
        return selectors.money(fund.deposited_total)  # type: ignore[attr-defined]

    @staticmethod
    def resolve_percent_of_target(fund: Fund) -> Decimal:
        return selectors.percent_of(fund.pledged_total or selectors.ZERO, fund.target_amount)  # type: ignore[attr-defined]


class CurrencyTotalOut(Schema):
    currency: str
    pledged: Decimal
    deposited: Decimal
    count: int


class ContributorOut(Schema):
    contributor: str = Field(
        alias="acronym", description="The contributor's acronym (ISO alpha-3 for a Member State)."
    )
    name: str
    currency: str
    pledged: Decimal
    deposited: Decimal
    count: int
    last_on: date | None
    in_fund_currency: bool


class FundThematicAreaOut(Schema):
    code: str = Field(description="What joint programmes give as their `thematic_area`.")
    name: str = Field(description="In the language asked for, English where it has no translation.")
    name_en: str
    name_fr: str
    name_ru: str
    position: int


class ThematicAreaRefOut(Schema):
    code: str
    name: str


class ThematicAreaOut(Schema):
    thematic_area: str = Field(description="The code of one of the fund's thematic areas.")
    label: str = Field(description="Its name.")
    pipeline_count: int
    pipeline_budget: Decimal
    funded_count: int
    funded_budget: Decimal
    closed_count: int
    closed_budget: Decimal


class ProgrammeCurrencyOut(Schema):
    currency: str
    state: JointProgrammeState
    count: int
    budget: Decimal


class CapitalisationOut(Schema):
    as_at: date
    currency: str = Field(
        description="The fund's currency: every figure here is in it, except `other_currencies`."
    )
    target: Decimal
    pledged: Decimal = Field(
        description="Mobilised: pledges dated on or before `as_at`, in the fund's currency."
    )
    deposited: Decimal = Field(description="Deposits dated on or before `as_at`, in the fund's currency.")
    percent: Decimal = Field(description="Mobilised against the target, in per cent, one decimal place.")
    deposited_percent: Decimal
    contributor_count: int = Field(description="Distinct contributors, whatever the currency.")
    contribution_count: int = Field(description="Contributions in the fund's currency.")
    other_currency_count: int = Field(
        description="Contributions in other currencies, shown apart, never added."
    )
    other_currencies: list[CurrencyTotalOut]
    by_contributor: list[ContributorOut]
    thematic_areas: list[ThematicAreaOut] = Field(
        description="Joint programmes by state as at `as_at` in each of the fund's thematic areas, in its order "
        "(zeros too), budgets in the fund's currency."
    )
    programmes_other_currencies: list[ProgrammeCurrencyOut]


class FundDetailOut(Schema):
    fund: FundOut
    thematic_areas: list[ThematicAreaRefOut] = Field(
        description="The fund's own thematic areas, in its order: the codes its joint programmes take."
    )
    capitalisation: CapitalisationOut
    can_manage: bool


# An amount in a body: a string of digits with at most two decimal places, as the API returns it
# (a JSON number would pass through binary floating point); the schema states what is accepted.
AMOUNT_PATTERN = rf"^\d{{1,{AMOUNT_DIGITS - AMOUNT_PLACES}}}(\.\d{{1,{AMOUNT_PLACES}}})?$"
_AMOUNT_RE = re.compile(AMOUNT_PATTERN)


def _amount_text(value: Any) -> Any:
    if isinstance(value, Decimal) or (isinstance(value, str) and _AMOUNT_RE.match(value)):
        return value
    raise ValueError(
        _(
            "“%(value)s” is not an amount: send digits with at most %(places)d decimal places, e.g. “1500000.00”."
        )
        % {"value": str(value)[:40], "places": AMOUNT_PLACES}
    )


Amount = Annotated[
    Decimal,
    BeforeValidator(_amount_text),
    WithJsonSchema({"type": "string", "pattern": AMOUNT_PATTERN, "examples": ["1500000.00"]}),
]


class FundIn(BodyIn):
    name: str = Field(max_length=300)
    acronym: str = Field(max_length=40)
    description: str = Field("", max_length=20000)
    target_amount: Amount
    currency: str = Field(max_length=10, description="ISO 4217 code.")
    target_date: BodyDate
    managed_by: str | None = Field(None, max_length=40, description="The administrative agent's acronym.")
    visibility: Visibility = Visibility.PUBLIC


class FundUpdateIn(FundIn):
    version: int = Field(ge=1, le=MAX_ID, description="The version you read; 409 if someone saved since.")


class ContributionOut(Schema):
    id: int
    fund: int = Field(alias="fund_id")
    fund_acronym: str = Field(alias="fund.acronym")
    contributor: str = Field(alias="contributor.acronym")
    contributor_name: str = Field(alias="contributor.name")
    kind: ContributionKind
    amount: Decimal
    currency: str
    contributed_on: date
    note: str


class ContributionIn(BodyIn):
    fund: int = Field(ge=1, le=MAX_ID, description="The fund's id.")
    contributor: str = Field(
        max_length=40, description="The contributor's acronym (ISO alpha-3 for a Member State)."
    )
    kind: ContributionKind
    amount: Amount = Field(description="More than zero; at most two decimal places.")
    currency: str = Field(max_length=10, description="ISO 4217 code.")
    contributed_on: BodyDate
    note: str = Field("", max_length=5000)


class JointProgrammeOut(Schema):
    id: int
    fund: int = Field(alias="fund_id")
    fund_acronym: str = Field(alias="fund.acronym")
    title: str
    thematic_area: str = Field(
        alias="thematic_area.code", description="The code of one of the fund's thematic areas."
    )
    thematic_area_name: str = Field(alias="thematic_area.name")
    description: str
    countries: list[str] = Field(description="ISO alpha-3 codes.")
    entities: list[str] = Field(description="Acronyms of the participating entities.")
    budget: Decimal
    currency: str
    state: JointProgrammeState
    submitted_on: date
    funded_on: date | None
    closed_on: date | None
    start_on: date | None
    end_on: date | None
    version: int

    @staticmethod
    def resolve_countries(joint_programme: JointProgramme) -> list[str]:
        return [country.iso3 for country in joint_programme.countries.all()]

    @staticmethod
    def resolve_entities(joint_programme: JointProgramme) -> list[str]:
        return [entity.acronym for entity in joint_programme.entities.all()]


class JointProgrammeIn(BodyIn):
    fund: int = Field(ge=1, le=MAX_ID, description="The fund's id.")
    title: str = Field(max_length=300)
    thematic_area: str = Field(
        max_length=60,
        description="The code of one of the fund's thematic areas (`GET /funds/{id}/thematic-areas`).",
    )
    description: str = Field("", max_length=20000)
    countries: list[str] = Field([], max_length=200, description="ISO alpha-3 (or alpha-2) codes.")
    entities: list[str] = Field([], max_length=200, description="Acronyms of the participating entities.")
    budget: Amount = Field(description="Zero or more; at most two decimal places.")
    currency: str = Field(max_length=10, description="ISO 4217 code.")
    submitted_on: BodyDate | None = Field(None, description="In the pipeline since; today if left out.")
    start_on: BodyDate | None = None
    end_on: BodyDate | None = None


class JointProgrammeUpdateIn(BodyIn):
    title: str = Field(max_length=300)
    thematic_area: str = Field(
        max_length=60,
        description="The code of one of the fund's thematic areas (`GET /funds/{id}/thematic-areas`).",
    )
    description: str = Field("", max_length=20000)
    countries: list[str] = Field([], max_length=200, description="ISO alpha-3 (or alpha-2) codes.")
    entities: list[str] = Field([], max_length=200, description="Acronyms of the participating entities.")
    budget: Amount = Field(description="Zero or more; at most two decimal places.")
    currency: str = Field(max_length=10, description="ISO 4217 code.")
    submitted_on: BodyDate = Field(description="In the pipeline since.")
    start_on: BodyDate | None = None
    end_on: BodyDate | None = None
    version: int = Field(ge=1, le=MAX_ID, description="The version you read; 409 if someone saved since.")


class JointProgrammeTransitionIn(BodyIn):
    state: JointProgrammeState = Field(
        description="funded (from pipeline) or closed (from pipeline or funded)."
    )
    on: BodyDate | None = Field(
        None, description="The date of the step; today if left out; not in the future."
    )
    version: int = Field(ge=1, le=MAX_ID, description="The version you read; 409 if someone saved since.")


class AsAtQuery(Schema):
    as_at: QueryDate | None = Field(None, description=AS_AT)


class ContributionQuery(Schema):
    fund: int | None = Field(None, ge=1, le=MAX_ID, description="The fund's id.")
    contributor: str | None = Field(None, max_length=40, description="The contributor's acronym.")
    kind: ContributionKind | None = None
    currency: str | None = Field(None, max_length=10, description="ISO 4217 code.")
    since: QueryDate | None = Field(None, description="Contributions dated on or after this date.")
    until: QueryDate | None = Field(None, description="Contributions dated on or before this date.")

    def to_filters(self) -> ContributionFilters:
        return ContributionFilters(
            fund_id=self.fund,
            contributor=_clean(self.contributor),
            kind=self.kind.value if self.kind else None,
            currency=(_clean(self.currency) or "").upper() or None,
            since=self.since,
            until=self.until,
        )


class JointProgrammeQuery(Schema):
    fund: int | None = Field(None, ge=1, le=MAX_ID, description="The fund's id.")
    thematic_area: str | None = Field(
        None, max_length=60, description="The code of a thematic area (each fund's area of that code)."
    )
    state: JointProgrammeState | None = Field(None, description="The current state.")
    country: str | None = Field(None, max_length=3, description="ISO alpha-3 or alpha-2 code of a country.")

    def to_filters(self) -> JointProgrammeFilters:
        return JointProgrammeFilters(
            fund_id=self.fund,
            thematic_area=_clean(self.thematic_area),
            state=self.state.value if self.state else None,
            country=_clean(self.country),
        )


def _clean(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def _entity(acronym: str | None, *, field: str) -> Entity | None:
    if not acronym:
        return None
    entity = Entity.objects.filter(acronym__iexact=acronym.strip()).first()
    if entity is None:
        raise ValidationError(
            {field: _("Unknown entity “%(acronym)s”: use its acronym.") % {"acronym": acronym[:40]}}
        )
    return entity


def _capitalisation_out(cap: Capitalisation) -> dict[str, object]:
    return {
        "as_at": cap.as_at,
        "currency": cap.currency,
        "target": cap.target,
        "pledged": cap.pledged,
        "deposited": cap.deposited,
        "percent": cap.percent,
        "deposited_percent": cap.deposited_percent,
        "contributor_count": cap.contributor_count,
        "contribution_count": cap.contribution_count,
        "other_currency_count": cap.other_currency_count,
        "other_currencies": cap.other_currencies,
        "by_contributor": cap.by_contributor,
        "thematic_areas": cap.thematic_areas,
        "programmes_other_currencies": cap.programmes_other_currencies,
    }


# ---------------------------------------------------------------------------------------------
# Funds


@router.get("/funds", response=list[FundListOut])
@paginate(Pagination)
def list_funds(request: HttpRequest, query: Query[AsAtQuery]) -> QuerySet[Fund]:
    """List the funds you may see, each with what it has mobilised against its target as at a date."""
    return selectors.fund_list(user=request.user, as_at=query.as_at or today())


@router.get("/funds/{fund_id}", response=FundDetailOut)
def get_fund(request: HttpRequest, fund_id: int, query: Query[AsAtQuery]) -> dict[str, object]:
    """Show a fund's capitalisation as at a date: mobilised and deposited against the target, contributions
    by contributor and currency, and joint programmes by thematic area and state."""
    fund = selectors.fund_get(fund_id=fund_id, user=request.user, with_thematic_areas=True)
    cap = selectors.fund_capitalisation(fund=fund, as_at=query.as_at or today())
    return {
        "fund": fund,
        "thematic_areas": selectors.fund_thematic_areas(fund=fund),
        "capitalisation": _capitalisation_out(cap),
        "can_manage": can_manage_fund(user=request.user, fund=fund),
    }


@router.get("/funds/{fund_id}/thematic-areas", response=list[FundThematicAreaOut])
def list_fund_thematic_areas(request: HttpRequest, fund_id: int) -> list[FundThematicArea]:
    """List the fund's thematic areas in its order: the codes its joint programmes take as `thematic_area`."""
    fund = selectors.fund_get(fund_id=fund_id, user=request.user, with_thematic_areas=True)
    return selectors.fund_thematic_areas(fund=fund)


@router.post("/funds", response={201: FundOut})
def create_fund(request: HttpRequest, payload: FundIn) -> Fund:
    """Open a fund (platform secretariat)."""
    if not can_manage_funds(user=request.user):
        raise NotFound
    fields = payload.dict()
    fields["managed_by"] = _entity(fields.pop("managed_by"), field="managed_by")
    fields["visibility"] = payload.visibility.value
    return services.fund_create(by=request.user, **fields)


@router.put("/funds/{fund_id}", response=FundOut)
def update_fund(request: HttpRequest, fund_id: int, payload: FundUpdateIn) -> Fund:
    """Replace a fund's fields (platform secretariat); 409 if someone saved it since `version`."""
    fund = selectors.fund_get_for_manage(fund_id=fund_id, user=request.user)
    fields = payload.dict(exclude={"version"})
    fields["managed_by"] = _entity(fields.pop("managed_by"), field="managed_by")
    fields["visibility"] = payload.visibility.value
    return services.fund_update(fund=fund, by=request.user, expected_version=payload.version, **fields)


# ---------------------------------------------------------------------------------------------
# Contributions


@router.get("/contributions", response=list[ContributionOut])
@paginate(Pagination)
def list_contributions(request: HttpRequest, filters: Query[ContributionQuery]) -> QuerySet[Contribution]:
    """List the contributions to the funds you may see, by fund, contributor, kind, currency and dates."""
    contribution_filters = filters.to_filters()
    selectors.contribution_filters_check(filters=contribution_filters)
    return selectors.contribution_list(user=request.user, filters=contribution_filters)


@router.post("/contributions", response={201: ContributionOut})
def create_contribution(request: HttpRequest, payload: ContributionIn) -> Contribution:
    """Record a pledge or a deposit, in its own currency (platform secretariat)."""
    fund = selectors.fund_get_for_manage(fund_id=payload.fund, user=request.user)
    contributor = _entity(payload.contributor, field="contributor")
    assert contributor is not None  # the schema requires it
    return services.contribution_create(
        fund=fund,
        contributor=contributor,
        kind=payload.kind.value,
        amount=payload.amount,
        currency=payload.currency,
        contributed_on=payload.contributed_on,
        note=payload.note,
        by=request.user,
    )


# ---------------------------------------------------------------------------------------------
# Joint programmes


@router.get("/joint-programmes", response=list[JointProgrammeOut])
@paginate(Pagination)
def list_joint_programmes(
    request: HttpRequest, filters: Query[JointProgrammeQuery]
) -> QuerySet[JointProgramme]:
    """List the joint programmes of the funds you may see, by fund, thematic area, state and country."""
    programme_filters = filters.to_filters()
    selectors.joint_programme_filters_check(user=request.user, filters=programme_filters)
    return selectors.joint_programme_list(user=request.user, filters=programme_filters)


@router.get("/joint-programmes/{joint_programme_id}", response=JointProgrammeOut)
def get_joint_programme(request: HttpRequest, joint_programme_id: int) -> JointProgramme:
    """Show a joint programme."""
    return selectors.joint_programme_get(joint_programme_id=joint_programme_id, user=request.user)


@router.post("/joint-programmes", response={201: JointProgrammeOut})
def create_joint_programme(request: HttpRequest, payload: JointProgrammeIn) -> JointProgramme:
    """Add a joint programme to a fund's pipeline (platform secretariat)."""
    fund = selectors.fund_get_for_manage(fund_id=payload.fund, user=request.user)
    fields = payload.dict(exclude={"fund", "countries", "entities"})
    fields["thematic_area"] = selectors.fund_thematic_area_get(fund=fund, code=payload.thematic_area)
    return services.joint_programme_create(
        fund=fund,
        countries=countries_by_code(payload.countries, field="countries"),
        entities=entities_by_acronym(payload.entities, field="entities"),
        by=request.user,
        **fields,
    )


@router.put("/joint-programmes/{joint_programme_id}", response=JointProgrammeOut)
def update_joint_programme(
    request: HttpRequest, joint_programme_id: int, payload: JointProgrammeUpdateIn
) -> JointProgramme:
    """Replace a joint programme's fields (platform secretariat); its state changes only through
    `transition`; 409 if someone saved it since `version`."""
    joint_programme = selectors.joint_programme_get_for_manage(
        joint_programme_id=joint_programme_id, user=request.user
    )
    fields = payload.dict(exclude={"countries", "entities", "version"})
    fields["thematic_area"] = selectors.fund_thematic_area_get(
        fund=joint_programme.fund, code=payload.thematic_area
    )
    return services.joint_programme_update(
        joint_programme=joint_programme,
        countries=countries_by_code(payload.countries, field="countries"),
        entities=entities_by_acronym(payload.entities, field="entities"),
        expected_version=payload.version,
        by=request.user,
        **fields,
    )


@router.post("/joint-programmes/{joint_programme_id}/transition", response=JointProgrammeOut)
def transition_joint_programme(
    request: HttpRequest, joint_programme_id: int, payload: JointProgrammeTransitionIn
) -> JointProgramme:
    """Move a joint programme on: pipeline → funded, pipeline → closed, funded → closed (platform secretariat)."""
    joint_programme = selectors.joint_programme_get_for_manage(
        joint_programme_id=joint_programme_id, user=request.user
    )
    with api_field_names():
        return services.joint_programme_transition(
            joint_programme=joint_programme,
            state=payload.state.value,
            on=payload.on,
            by=request.user,
            expected_version=payload.version,
        )

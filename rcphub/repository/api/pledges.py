"""API on pledges: list (filtered as on the pages), facet counts, the pledging dashboard, one pledge,
drafting and changing. Each pledge says when it was last reported on and whether it is inactive."""

from datetime import date
from typing import Any, Literal

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Schema
from ninja.pagination import paginate

from rcphub.api.pagination import Pagination
from rcphub.api.schemas import BodyDate, BodyIn
from rcphub.core.dates import QueryDate, today
from rcphub.reference.models import EntityKind
from rcphub.repository import selectors, services
from rcphub.repository.api.common import (
    MANY_VALUES,
    MAX_ID,
    VERSION,
    EntityRef,
    FacetsOut,
    SubmissionOut,
    facets_of,
    filtered_list,
    missing,
    router,
    sent_changes,
    sent_values,
)
from rcphub.repository.filters import PLEDGES
from rcphub.repository.models import Pledge, PledgeKind, PledgeStage


class PledgeOut(SubmissionOut):
    id: int
    pledger: EntityRef
    pledger_kind: Literal["member_state", "stakeholder"] = Field(
        description="A Member State, or a stakeholder (any other entity)."
    )
    kind: PledgeKind
    partners: list[EntityRef]
    matches: int | None = Field(alias="matches_id", description="The id of the pledge it matches, if any.")
    text: str
    gcm_objectives: list[int] = Field(description="Numbers of the GCM objectives (1–23).")
    countries: list[str] = Field(description="ISO alpha-3 codes.")
    made_on: date | None
    occasion: str
    stage: PledgeStage
    lead_reporter: EntityRef | None
    last_reported_on: date | None = Field(description="The date of its latest published report, if any.")
    inactive: bool = Field(description="Not fulfilled, and nothing reported for two years as at `as_at`.")

    @staticmethod
    def resolve_pledger_kind(pledge: Pledge) -> str:
        return "member_state" if pledge.pledger.kind == EntityKind.MEMBER_STATE else "stakeholder"

    @staticmethod
    def resolve_partners(pledge: Pledge) -> list[Any]:
        return list(pledge.partners.all())

    @staticmethod
    def resolve_gcm_objectives(pledge: Pledge) -> list[int]:
        return [o.number for o in pledge.gcm_objectives.all()]

    @staticmethod
    def resolve_countries(pledge: Pledge) -> list[str]:
        return [c.iso3 for c in pledge.countries.all()]


class DashboardCountOut(Schema):
    key: str
    label: str
    count: int


class PledgingDashboardOut(Schema):
    as_at: date
    total: int = Field(
        description="Pledges published on or before `as_at`; `GET /pledges/facets?as_at=` the same date "
        "counts as many."
    )
    by_objective: list[DashboardCountOut] = Field(description="All 23 GCM objectives, with zeros.")
    by_pledger: list[DashboardCountOut] = Field(description="Member States and stakeholders.")
    by_stakeholder_kind: list[DashboardCountOut] = Field(description="The stakeholders by kind of entity.")
    by_stage: list[DashboardCountOut]
    inactive_count: int = Field(description="Of those, the pledges inactive as at the date.")
    inactive: list[PledgeOut] = Field(
        description="The longest silent of them (at most 50); the pledge list filters by `inactive`."
    )


class PledgeIn(BodyIn):
    pledger: int = Field(
        ge=1, le=MAX_ID, description="The id of the pledging entity (a Member State or other)."
    )
    kind: PledgeKind = PledgeKind.OWN
    partners: list[int] = Field([], max_length=100, description="Ids of partner entities (joint pledges).")
    matches: int | None = Field(None, description="The id of the pledge it matches (matching pledges).")
    text: str = Field(min_length=1, max_length=10_000)
    gcm_objectives: list[int] = Field([], max_length=23, description="Numbers of GCM objectives (1–23).")
    countries: list[str] = Field([], max_length=300, description="ISO alpha-3 codes.")
    made_on: BodyDate | None = None
    occasion: str = Field("", max_length=200)
    stage: PledgeStage = PledgeStage.PLANNING
    lead_reporter: int | None = Field(None, ge=1, le=MAX_ID)


class PledgeUpdateIn(BodyIn):
    version: int = Field(ge=1, le=MAX_ID, description=VERSION)
    pledger: int | None = Field(None, ge=1, le=MAX_ID)
    kind: PledgeKind | None = None
    partners: list[int] | None = Field(None, max_length=100)
    matches: int | None = None
    text: str | None = Field(None, min_length=1, max_length=10_000)
    gcm_objectives: list[int] | None = Field(None, max_length=23)
    countries: list[str] | None = Field(None, max_length=300)
    made_on: BodyDate | None = None
    occasion: str | None = Field(None, max_length=200)
    stage: PledgeStage | None = None
    lead_reporter: int | None = Field(None, ge=1, le=MAX_ID)


class AsAtQuery(Schema):
    as_at: QueryDate | None = Field(
        None, description="The date `inactive` is worked out at; today if left out."
    )


class DashboardQuery(Schema):
    as_at: QueryDate | None = Field(
        None,
        description="The date the dashboard stands at: it counts the pledges published on or before it "
        "and works out `inactive` at it; today if left out.",
    )


class PledgeFilterQuery(Schema):
    objective: list[str] = Field([], description="GCM objective numbers (1–23). " + MANY_VALUES)
    country: list[str] = Field([], description="ISO alpha-3 codes. " + MANY_VALUES)
    stage: list[str] = Field([], description="planning, in_progress, fulfilled. " + MANY_VALUES)
    kind: list[str] = Field([], description="own, partnership, matching. " + MANY_VALUES)
    pledger_type: list[str] = Field(
        [], description="The pledger's kind of entity: member_state, … " + MANY_VALUES
    )
    year: int | None = Field(None, ge=1900, le=2199, description="The year the pledge was made.")
    inactive: bool | None = Field(
        None, description="Only inactive (true) or active (false) pledges, as at `as_at` or today."
    )
    as_at: QueryDate | None = Field(
        None,
        description="Only the pledges published on or before this date, `inactive` worked out at it: "
        "the pledges the dashboard counts as at the date. Left out, the list holds every pledge you "
        "may see, your drafts and submissions (and, for the secretariat, all of them) included.",
    )
    q: str = Field("", description="Words in the pledge, its occasion or its pledger's name.")
    sort: Literal["newest", "oldest", "pledger"] | None = None


def with_pledge_relations(qs: QuerySet[Pledge]) -> QuerySet[Pledge]:
    """Fetch what a pledge shows with it: its pledger, lead reporter, partners and tags."""
    return qs.select_related("pledger", "lead_reporter").prefetch_related(
        "partners", "gcm_objectives", "countries"
    )


def pledge_shown(pledge_id: int, user: Any, as_at: date | None = None) -> Pledge:
    """Return the pledge as the API shows it, inactive or not as at `as_at`, if the user may see it."""
    return (
        with_pledge_relations(selectors.pledge_list(user=user, as_at=as_at)).filter(pk=pledge_id).first()
        or missing()
    )


@router.get("/pledges", response=list[PledgeOut])
@paginate(Pagination)
def list_pledges(request: HttpRequest, filters: Query[PledgeFilterQuery]) -> QuerySet[Pledge]:
    """List the pledges you may see, filtered and sorted as on the repository's pages, each with its
    latest report date and whether it is inactive today."""
    return with_pledge_relations(filtered_list(PLEDGES, request))


@router.get("/pledges/facets", response=FacetsOut)
def pledge_facets(request: HttpRequest, filters: Query[PledgeFilterQuery]) -> dict[str, Any]:
    """Count the pledges you may see for each value of each filter, the other filters kept.

    Without `as_at`, `count` includes the drafts, submissions and returned pledges you may see; with
    `as_at` it counts only the pledges published by that date, as the pledging dashboard does."""
    return facets_of(PLEDGES, request)


@router.get("/pledges/dashboard", response=PledgingDashboardOut)
def pledging_dashboard(request: HttpRequest, query: Query[DashboardQuery]) -> selectors.PledgingDashboard:
    """The pledging dashboard as at a date: the pledges published on or before it by GCM objective,
    kind of pledger and stage, and the inactive ones (the same figures as the dashboard page).

    Drafts, submissions and returned pledges never count, whoever asks: the figures are those of
    `GET /pledges` and `/pledges/facets` with `?as_at=` the same date, for every reader."""
    dashboard = selectors.pledging_dashboard(user=request.user, as_at=query.as_at or today())
    return dashboard


@router.get("/pledges/{pledge_id}", response=PledgeOut)
def get_pledge(request: HttpRequest, pledge_id: int, query: Query[AsAtQuery]) -> Pledge:
    """Show a pledge you may see."""
    return pledge_shown(pledge_id, request.user, query.as_at)


@router.post("/pledges", response={201: PledgeOut})
def create_pledge(request: HttpRequest, payload: PledgeIn) -> Pledge:
    """Draft a pledge; any member may. A matching pledge names the pledge it matches; a joint one its partners."""
    pledge = services.pledge_create(by=request.user, **sent_values(payload))
    return pledge_shown(pledge.pk, request.user)


@router.patch("/pledges/{pledge_id}", response=PledgeOut)
def update_pledge(request: HttpRequest, pledge_id: int, payload: PledgeUpdateIn) -> Pledge:
    """Change your draft or returned pledge; send only the fields to change."""
    pledge = selectors.pledge_get(pledge_id=pledge_id, user=request.user)
    version, fields = sent_changes(payload, Pledge)
    services.pledge_update(pledge=pledge, by=request.user, expected_version=version, **fields)
    return pledge_shown(pledge_id, request.user)

"""API on support requests, their turnaround and the expertise roster.

Requests are never public: each is seen by its requester, the secretariat of the coalition addressed
and the platform secretariat; the roster and the turnaround figures by members. Handlers translate
HTTP only: visibility, permissions and rules live in the selectors and services.
"""

from datetime import date

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from rcphub.api.errors import api_field_names
from rcphub.api.pagination import Pagination
from rcphub.api.schemas import BodyDate, BodyIn
from rcphub.core.dates import QueryDate, today
from rcphub.core.models import Visibility
from rcphub.support import selectors, services
from rcphub.support.models import Expert, RequestState, SupportKind, SupportRequest
from rcphub.support.selectors import ExpertFilters, RequestFilters, Turnaround

router = Router(tags=["support"])

MAX_ID = 2**63 - 1
VERSION = "The version you read (from the request's `version`); 409 if someone changed it since."

# ---------------------------------------------------------------------------------------------
# Schemas


class SupportRequestOut(Schema):
    id: int
    country: str = Field(alias="country.iso3", description="ISO alpha-3 code of the country or UNCT.")
    country_name: str = Field(alias="country.name_en")
    requester: str = Field(description="The name of the person who asked.")
    requesting_entity: str | None = Field(None, description="Acronym of the requesting office, if given.")
    coalition: str | None = Field(None, description="Slug of the coalition addressed; null if not routed.")
    kind: SupportKind
    title: str
    description: str
    desired_timing: str
    desired_by: date | None
    state: RequestState
    submitted_on: date
    decided_on: date | None
    decision_reason: str
    started_on: date | None
    delivered_on: date | None
    activity: int | None = Field(
        None, alias="activity_id", description="The work-plan activity answering it."
    )
    rating: int | None = Field(description="The requester's rating, 1–5, after delivery.")
    rating_comment: str
    version: int

    @staticmethod
    def resolve_requester(obj: SupportRequest) -> str:
        return str(obj.requester)

    @staticmethod
    def resolve_requesting_entity(obj: SupportRequest) -> str | None:
        return obj.requesting_entity.acronym if obj.requesting_entity is not None else None

    @staticmethod
    def resolve_coalition(obj: SupportRequest) -> str | None:
        return obj.coalition.slug if obj.coalition is not None else None


class SupportRequestIn(BodyIn):
    country: str = Field(max_length=3, description="ISO alpha-2 or alpha-3 code.")
    coalition: str | None = Field(
        None, max_length=100, description="Slug of the coalition addressed; leave out to have it routed."
    )
    kind: SupportKind
    title: str = Field(min_length=1, max_length=300)
    description: str = Field(min_length=1, max_length=20000)
    desired_timing: str = Field("", max_length=200, description="As written, e.g. “Q2 2026”.")
    desired_by: BodyDate | None = None
    requesting_entity: str | None = Field(
        None, max_length=40, description="Acronym of the requesting office, where not your own."
    )


class RequestTransitionIn(BodyIn):
    to_state: RequestState
    reason: str = Field("", max_length=5000, description="Required to decline.")
    on: BodyDate | None = Field(None, description="The date of the step; today if left out.")
    activity_id: int | None = Field(
        None, ge=1, le=MAX_ID, description="On acceptance: an activity of the current work plan to link."
    )
    public: bool = Field(False, description="On acceptance: make the new activity public.")
    version: int = Field(ge=1, le=MAX_ID, description=VERSION)


class RouteIn(BodyIn):
    coalition: str = Field(max_length=100, description="The coalition's slug.")
    version: int = Field(ge=1, le=MAX_ID, description=VERSION)


class RatingIn(BodyIn):
    rating: int = Field(ge=1, le=5)
    comment: str = Field("", max_length=5000)


class RequestQuery(Schema):
    scope: str | None = Field(None, max_length=20, description="mine, coalition or all.")
    state: str | None = Field(None, max_length=20)
    coalition: str | None = Field(None, max_length=100, description="Slug, or `none` for unrouted requests.")
    country: str | None = Field(None, max_length=3, description="ISO alpha-2 or alpha-3 code.")
    kind: str | None = Field(None, max_length=30)

    def to_filters(self) -> RequestFilters:
        return RequestFilters(
            scope=_clean(self.scope),
            state=_clean(self.state),
            coalition=_clean(self.coalition),
            country=_clean(self.country),
            kind=_clean(self.kind),
        )


class FiguresOut(Schema):
    count: int
    mean: float | None = Field(description="Mean days; null if no request counted.")
    median: float | None


class TurnaroundRowOut(Schema):
    coalition: str = Field(alias="coalition.slug")
    coalition_name: str = Field(alias="coalition.name")
    to_decision: FiguresOut = Field(description="Days from submission to acceptance or decline.")
    to_delivery: FiguresOut = Field(description="Days from submission to delivery.")


class TurnaroundOut(Schema):
    since: date
    until: date
    rows: list[TurnaroundRowOut]


class TurnaroundQuery(Schema):
    since: QueryDate | None = Field(
        None, description="First day of the period; 1 January of `until`'s year if left out."
    )
    until: QueryDate | None = Field(None, description="Last day of the period; today if left out.")
    coalition: str | None = Field(None, max_length=100)


class ExpertOut(Schema):
    id: int
    name: str
    entity: str = Field(alias="entity.acronym")
    position: str
    email: str
    themes: list[str]
    sdg_targets: list[str]
    gcm_objectives: list[int]
    countries: list[str] = Field(description="ISO alpha-3 codes.")
    languages: list[str]
    bio: str
    available: bool

    @staticmethod
    def resolve_themes(obj: Expert) -> list[str]:
        return [t.strip() for t in obj.themes.split(",") if t.strip()]

    @staticmethod
    def resolve_languages(obj: Expert) -> list[str]:
        return [t.strip() for t in obj.languages.split(",") if t.strip()]

    @staticmethod
    def resolve_sdg_targets(obj: Expert) -> list[str]:
        return [t.code for t in obj.sdg_targets.all()]

    @staticmethod
    def resolve_gcm_objectives(obj: Expert) -> list[int]:
        return [o.number for o in obj.gcm_objectives.all()]

    @staticmethod
    def resolve_countries(obj: Expert) -> list[str]:
        return [c.iso3 for c in obj.countries.all()]


class ExpertQuery(Schema):
    q: str | None = Field(
        None, max_length=200, description="Words in the name, position, themes or experience."
    )
    theme: str | None = Field(None, max_length=100)
    sdg_target: str | None = Field(None, max_length=6)
    gcm_objective: int | None = Field(None, ge=1, le=99)
    country: str | None = Field(None, max_length=3)
    language: str | None = Field(None, max_length=3)
    entity: str | None = Field(None, max_length=40)

    def to_filters(self) -> ExpertFilters:
        return ExpertFilters(
            q=_clean(self.q),
            theme=_clean(self.theme),
            sdg_target=_clean(self.sdg_target),
            gcm_objective=self.gcm_objective,
            country=_clean(self.country),
            language=_clean(self.language),
            entity=_clean(self.entity),
        )


def _clean(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


# ---------------------------------------------------------------------------------------------
# Support requests


@router.get("/support-requests", response=list[SupportRequestOut])
@paginate(Pagination)
def list_requests(request: HttpRequest, filters: Query[RequestQuery]) -> QuerySet[SupportRequest]:
    """List the support requests you may see (yours, your coalitions', all for the platform), filtered."""
    request_filters = filters.to_filters()
    selectors.request_filters_check(filters=request_filters, user=request.user)
    return selectors.support_request_list(user=request.user, filters=request_filters)


@router.get("/support-requests/{request_id}", response=SupportRequestOut)
def get_request(request: HttpRequest, request_id: int) -> SupportRequest:
    """Show a support request you may see."""
    return selectors.support_request_get(request_id=request_id, user=request.user)


@router.post("/support-requests", response={201: SupportRequestOut})
def create_request(request: HttpRequest, payload: SupportRequestIn) -> SupportRequest:
    """Ask for support on behalf of a UN Country Team (members; in practice Resident Coordinator's offices)."""
    country = selectors.country_for_code(code=payload.country)
    coalition = (
        selectors.coalition_for_slug(slug=payload.coalition, user=request.user) if payload.coalition else None
    )
    entity = (
        selectors.entity_for_acronym(acronym=payload.requesting_entity) if payload.requesting_entity else None
    )
    return services.support_request_submit(
        country=country,
        coalition=coalition,
        requesting_entity=entity,
        kind=payload.kind.value,
        title=payload.title,
        description=payload.description,
        desired_timing=payload.desired_timing,
        desired_by=payload.desired_by,
        by=request.user,
    )


@router.post("/support-requests/{request_id}/transitions", response=SupportRequestOut)
def transition_request(request: HttpRequest, request_id: int, payload: RequestTransitionIn) -> SupportRequest:
    """Take a step on the request: under review, accepted (with a work-plan activity), declined (with a
    reason), in progress, delivered. For the coalition addressed and the platform secretariat."""
    support_request = selectors.support_request_get_for_decision(request_id=request_id, user=request.user)
    with api_field_names(decision_reason="reason", activity="activity_id", state="to_state"):
        activity = (
            selectors.activity_for_link(activity_id=payload.activity_id, user=request.user)
            if payload.activity_id is not None
            else None
        )
        return services.support_request_transition(
            support_request=support_request,
            to_state=payload.to_state.value,
            reason=payload.reason,
            on=payload.on,
            activity=activity,
            visibility=Visibility.PUBLIC if payload.public else Visibility.INTERNAL,
            expected_version=payload.version,
            by=request.user,
        )


@router.post("/support-requests/{request_id}/route", response=SupportRequestOut)
def route_request(request: HttpRequest, request_id: int, payload: RouteIn) -> SupportRequest:
    """Send the request to a coalition (the platform secretariat, before any decision)."""
    support_request = selectors.support_request_get_for_decision(request_id=request_id, user=request.user)
    coalition = selectors.coalition_for_slug(slug=payload.coalition, user=request.user)
    return services.support_request_route(
        support_request=support_request,
        coalition=coalition,
        expected_version=payload.version,
        by=request.user,
    )


@router.post("/support-requests/{request_id}/rating", response=SupportRequestOut)
def rate_request(request: HttpRequest, request_id: int, payload: RatingIn) -> SupportRequest:
    """Rate the support you asked for, once it was delivered (1–5 and a comment), once."""
    support_request = selectors.support_request_get(request_id=request_id, user=request.user)
    return services.support_request_rate(
        support_request=support_request, rating=payload.rating, comment=payload.comment, by=request.user
    )


@router.get("/support-turnaround", response=TurnaroundOut)
def get_turnaround(request: HttpRequest, query: Query[TurnaroundQuery]) -> Turnaround:
    """Days to decision and to delivery per coalition, over the requests decided or delivered in a period
    (both ends included). For members."""
    until = query.until or today()
    since = query.since or until.replace(month=1, day=1)
    slug = _clean(query.coalition)
    # The coalition is checked against those the reader may see, after the members-only check:
    # a hidden coalition and a missing one answer alike.
    return selectors.support_turnaround(user=request.user, since=since, until=until, coalition_slug=slug)


# ---------------------------------------------------------------------------------------------
# Expertise roster


@router.get("/experts", response=list[ExpertOut])
@paginate(Pagination)
def list_experts(request: HttpRequest, filters: Query[ExpertQuery]) -> QuerySet[Expert]:
    """Search the expertise roster (members only)."""
    expert_filters = filters.to_filters()
    qs = selectors.expert_list(user=request.user, filters=expert_filters)
    selectors.expert_filters_check(filters=expert_filters)
    return qs


@router.get("/experts/{expert_id}", response=ExpertOut)
def get_expert(request: HttpRequest, expert_id: int) -> Expert:
    """Show an expert on the roster (members only)."""
    return selectors.expert_get(expert_id=expert_id, user=request.user)

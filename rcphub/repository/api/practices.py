"""API on practices: list (filtered as on the pages), facet counts, one practice, drafting and changing."""

from typing import Any, Literal

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Schema
from ninja.pagination import paginate

from rcphub.api.pagination import Pagination
from rcphub.api.schemas import BodyIn
from rcphub.repository import selectors, services
from rcphub.repository.api.common import (
    MANY_VALUES,
    MAX_ID,
    VERSION,
    YEAR_MAX,
    YEAR_MIN,
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
from rcphub.repository.filters import PRACTICES
from rcphub.repository.models import Practice, Scope


class PracticeOut(SubmissionOut):
    id: int
    title: str
    summary: str
    body: str
    gcm_objectives: list[int] = Field(description="Numbers of the GCM objectives (1–23).")
    gcm_principles: list[str] = Field(description="Letters of the GCM guiding principles.")
    sdg_targets: list[str] = Field(description="Codes of the SDG targets.")
    countries: list[str] = Field(description="ISO alpha-3 codes of the countries where it is implemented.")
    implementers: list[EntityRef]
    implementer_types: list[str] = Field(description="Codes of the implementer types.")
    scope: Scope | Literal[""]
    period_start: int | None
    period_end: int | None
    links: list[str]
    contact: str
    language: str
    submitted_by_entity: EntityRef | None

    @staticmethod
    def resolve_gcm_objectives(practice: Practice) -> list[int]:
        return [o.number for o in practice.gcm_objectives.all()]

    @staticmethod
    def resolve_gcm_principles(practice: Practice) -> list[str]:
        return [p.letter for p in practice.gcm_principles.all()]

    @staticmethod
    def resolve_sdg_targets(practice: Practice) -> list[str]:
        return [t.code for t in practice.sdg_targets.all()]

    @staticmethod
    def resolve_countries(practice: Practice) -> list[str]:
        return [c.iso3 for c in practice.countries.all()]

    @staticmethod
    def resolve_implementers(practice: Practice) -> list[Any]:
        return list(practice.implementers.all())

    @staticmethod
    def resolve_implementer_types(practice: Practice) -> list[str]:
        return [t.code for t in practice.implementer_types.all()]

    @staticmethod
    def resolve_links(practice: Practice) -> list[str]:
        return [line.strip() for line in practice.links.splitlines() if line.strip()]


class PracticeIn(BodyIn):
    title: str = Field(min_length=1, max_length=300)
    summary: str = Field("", max_length=5000)
    body: str = Field("", max_length=50_000)
    gcm_objectives: list[int] = Field([], max_length=23, description="Numbers of GCM objectives (1–23).")
    gcm_principles: list[str] = Field([], max_length=10, description="Letters of GCM guiding principles.")
    sdg_targets: list[str] = Field([], max_length=200, description="Codes of SDG targets, e.g. 10.7.")
    countries: list[str] = Field([], max_length=300, description="ISO alpha-3 codes, e.g. SRB.")
    implementers: list[int] = Field([], max_length=100, description="Ids of entities.")
    implementer_types: list[str] = Field([], max_length=20, description="Codes of implementer types.")
    scope: Scope | Literal[""] = ""
    period_start: int | None = Field(None, ge=YEAR_MIN, le=YEAR_MAX)
    period_end: int | None = Field(None, ge=YEAR_MIN, le=YEAR_MAX)
    links: str = Field("", max_length=5000, description="One address a line.")
    contact: str = Field("", max_length=300)
    language: str = Field("en", max_length=10)
    submitted_by_entity: int | None = Field(
        None, ge=1, le=MAX_ID, description="The entity it is submitted for."
    )


class PracticeUpdateIn(BodyIn):
    version: int = Field(ge=1, le=MAX_ID, description=VERSION)
    title: str | None = Field(None, min_length=1, max_length=300)
    summary: str | None = Field(None, max_length=5000)
    body: str | None = Field(None, max_length=50_000)
    gcm_objectives: list[int] | None = Field(None, max_length=23)
    gcm_principles: list[str] | None = Field(None, max_length=10)
    sdg_targets: list[str] | None = Field(None, max_length=200)
    countries: list[str] | None = Field(None, max_length=300)
    implementers: list[int] | None = Field(None, max_length=100)
    implementer_types: list[str] | None = Field(None, max_length=20)
    scope: Scope | Literal[""] | None = None
    period_start: int | None = Field(None, ge=YEAR_MIN, le=YEAR_MAX)
    period_end: int | None = Field(None, ge=YEAR_MIN, le=YEAR_MAX)
    links: str | None = Field(None, max_length=5000)
    contact: str | None = Field(None, max_length=300)
    language: str | None = Field(None, max_length=10)
    submitted_by_entity: int | None = Field(None, ge=1, le=MAX_ID)


class PracticeFilterQuery(Schema):
    objective: list[str] = Field([], description="GCM objective numbers (1–23). " + MANY_VALUES)
    country: list[str] = Field(
        [], description="ISO alpha-3 codes of countries where implemented. " + MANY_VALUES
    )
    implementer_type: list[str] = Field([], description="Implementer type codes. " + MANY_VALUES)
    scope: list[str] = Field([], description="local, national, regional, multi_level, global. " + MANY_VALUES)
    year: int | None = Field(None, ge=1900, le=2199, description="A year within the practice's period.")
    q: str = Field("", description="Words in the title or summary.")
    sort: Literal["newest", "oldest", "title"] | None = None


def with_practice_relations(qs: QuerySet[Practice]) -> QuerySet[Practice]:
    """Fetch what a practice shows with it: its entity and its tags (a constant number of queries)."""
    return qs.select_related("submitted_by_entity").prefetch_related(
        "gcm_objectives", "gcm_principles", "sdg_targets", "countries", "implementers", "implementer_types"
    )


def practice_shown(practice_id: int, user: Any) -> Practice:
    """Return the practice as the API shows it, if the user may see it (else 404)."""
    return (
        with_practice_relations(selectors.practice_list(user=user)).filter(pk=practice_id).first()
        or missing()
    )


@router.get("/practices", response=list[PracticeOut])
@paginate(Pagination)
def list_practices(request: HttpRequest, filters: Query[PracticeFilterQuery]) -> QuerySet[Practice]:
    """List the practices you may see (published ones; your own drafts; everything for the secretariat),
    filtered and sorted as on the repository's pages."""
    return with_practice_relations(filtered_list(PRACTICES, request))


@router.get("/practices/facets", response=FacetsOut)
def practice_facets(request: HttpRequest, filters: Query[PracticeFilterQuery]) -> dict[str, Any]:
    """Count the practices you may see for each value of each filter, the other filters kept."""
    return facets_of(PRACTICES, request)


@router.get("/practices/{practice_id}", response=PracticeOut)
def get_practice(request: HttpRequest, practice_id: int) -> Practice:
    """Show a practice you may see."""
    return practice_shown(practice_id, request.user)


@router.post("/practices", response={201: PracticeOut})
def create_practice(request: HttpRequest, payload: PracticeIn) -> Practice:
    """Draft a practice; any member may. Submit it when it is ready."""
    practice = services.practice_create(by=request.user, **sent_values(payload))
    return practice_shown(practice.pk, request.user)


@router.patch("/practices/{practice_id}", response=PracticeOut)
def update_practice(request: HttpRequest, practice_id: int, payload: PracticeUpdateIn) -> Practice:
    """Change your draft or returned practice; send only the fields to change."""
    practice = selectors.practice_get_for_edit(practice_id=practice_id, user=request.user)
    version, fields = sent_changes(payload, Practice)
    services.practice_update(practice=practice, by=request.user, expected_version=version, **fields)
    return practice_shown(practice_id, request.user)

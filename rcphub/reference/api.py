"""Read-only API on reference data: countries and regions, SDG goals and targets, GCM objectives and principles, entities.

Reference data is public, so every user reads the same lists.
"""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from rcphub.api.pagination import Pagination
from rcphub.reference import selectors
from rcphub.reference.models import (
    Country,
    Entity,
    EntityKind,
    GcmObjective,
    GcmPrinciple,
    Region,
    SdgGoal,
    SdgTarget,
)

router = Router(tags=["reference"])


class CountryOut(Schema):
    iso2: str
    iso3: str
    m49: str
    name: str = Field(description="The name in the request's language.")
    name_en: str
    name_fr: str
    name_ru: str
    subregion: str
    unece_member: bool
    programme_country: bool
    note: str


class RegionOut(Schema):
    slug: str
    name: str = Field(description="The name in the request's language.")
    name_en: str
    name_fr: str
    name_ru: str
    description: str
    countries: list[str] = Field(description="ISO 3166-1 alpha-3 codes (XKX for Kosovo under UNSCR 1244).")

    @staticmethod
    def resolve_countries(region: Region) -> list[str]:
        return [country.iso3 for country in region.countries.all()]


class SdgTargetOut(Schema):
    code: str
    goal: str = Field(alias="goal.code", description="The code of the target's goal.")
    title: str


class SdgGoalTargetOut(Schema):
    code: str
    title: str


class SdgGoalOut(Schema):
    code: str
    number: int
    short_title: str
    title: str
    targets: list[SdgGoalTargetOut]


class GcmObjectiveOut(Schema):
    number: int
    code: str
    short_title: str
    title: str
    paragraph: int | None


class GcmPrincipleOut(Schema):
    letter: str
    code: str
    title: str
    paragraph: str


class EntityOut(Schema):
    id: int = Field(description="What request bodies name the entity by (e.g. `submitted_by_entity`).")
    acronym: str
    name: str
    kind: str
    un_type: str
    country: str | None = Field(
        None, description="ISO alpha-3 code of the entity's country, for national bodies."
    )
    aliases: list[str]
    website: str
    unsdg_core_group: bool

    @staticmethod
    def resolve_country(entity: Entity) -> str | None:
        return entity.country.iso3 if entity.country else None

    @staticmethod
    def resolve_aliases(entity: Entity) -> list[str]:
        return [alias.strip() for alias in entity.aliases.split(",") if alias.strip()]


class SdgTargetQuery(Schema):
    goal: str | None = Field(None, description="Only the targets of this goal (its code, e.g. 5).")


class EntityQuery(Schema):
    kind: EntityKind | None = None
    q: str | None = Field(None, max_length=100, description="Words in the acronym, name or other names.")


@router.get("/countries", response=list[CountryOut])
def countries(request: HttpRequest) -> QuerySet[Country]:
    """List every country and territory, by name in the request's language."""
    return selectors.country_list()


@router.get("/regions", response=list[RegionOut])
def regions(request: HttpRequest) -> QuerySet[Region]:
    """List the regions (named sets of countries) that briefs and dashboards count over."""
    return selectors.region_list()


@router.get("/sdg-goals", response=list[SdgGoalOut])
def sdg_goals(request: HttpRequest) -> QuerySet[SdgGoal]:
    """List the 17 Sustainable Development Goals with their targets."""
    return selectors.sdg_goal_list_with_targets()


@router.get("/sdg-targets", response=list[SdgTargetOut])
@paginate(Pagination)
def sdg_targets(request: HttpRequest, filters: Query[SdgTargetQuery]) -> QuerySet[SdgTarget]:
    """List the SDG targets, of one goal if asked."""
    return selectors.sdg_target_list(goal=(filters.goal or "").strip() or None)


@router.get("/gcm-objectives", response=list[GcmObjectiveOut])
def gcm_objectives(request: HttpRequest) -> QuerySet[GcmObjective]:
    """List the 23 objectives of the Global Compact for Migration."""
    return selectors.gcm_objective_list()


@router.get("/gcm-principles", response=list[GcmPrincipleOut])
def gcm_principles(request: HttpRequest) -> QuerySet[GcmPrinciple]:
    """List the guiding principles of the Global Compact for Migration."""
    return selectors.gcm_principle_list()


@router.get("/entities", response=list[EntityOut])
@paginate(Pagination)
def entities(request: HttpRequest, filters: Query[EntityQuery]) -> QuerySet[Entity]:
    """List the entities (UN entities, Member States, civil society, …), by kind or by words in their names."""
    return selectors.entity_list(
        filters=selectors.EntityFilters(
            kind=filters.kind.value if filters.kind else "", search=filters.q or ""
        )
    )

"""Reads on reference data; each is a constant number of queries whatever the row count."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from rcphub.core.errors import NotFound
from rcphub.reference.models import (
    Country,
    Entity,
    EntityKind,
    GcmObjective,
    GcmPrinciple,
    Region,
    SdgGoal,
    SdgIndicator,
    SdgTarget,
)


@dataclass(frozen=True)
class ReferenceCounts:
    """How many rows of each kind of reference data the platform holds."""

    countries: int
    unece_members: int
    programme_countries: int
    sdg_goals: int
    sdg_targets: int
    sdg_indicators: int
    gcm_objectives: int
    gcm_principles: int
    entities: int


def reference_counts() -> ReferenceCounts:
    """Return the number of countries, SDG goals, targets and indicators, GCM items and entities."""
    countries = Country.objects.aggregate(
        total=Count("id"),
        unece=Count("id", filter=Q(unece_member=True)),
        programme=Count("id", filter=Q(programme_country=True)),
    )
    return ReferenceCounts(
        countries=countries["total"],
        unece_members=countries["unece"],
        programme_countries=countries["programme"],
        sdg_goals=SdgGoal.objects.count(),
        sdg_targets=SdgTarget.objects.count(),
        sdg_indicators=SdgIndicator.objects.count(),
        gcm_objectives=GcmObjective.objects.count(),
        gcm_principles=GcmPrinciple.objects.count(),
        entities=Entity.objects.count(),
    )


def _language() -> str:
    language = (get_language() or "en")[:2]
    return language if language in ("fr", "ru") else "en"


def country_list() -> QuerySet[Country]:
    """Return the countries ordered by their name in the active language (English where none)."""
    language = _language()
    if language == "en":
        return Country.objects.order_by("name_en")
    # A blank translation falls back to English, as `Country.name` does.
    return Country.objects.annotate(
        sort_name=Coalesce(NullIf(f"name_{language}", Value("")), "name_en")
    ).order_by("sort_name", "name_en")


def region_list() -> QuerySet[Region]:
    """Return the regions with `country_count` and their countries, by English name."""
    return (
        Region.objects.annotate(country_count=Count("countries"))
        .prefetch_related(Prefetch("countries", queryset=Country.objects.order_by("iso3")))
        .order_by("name_en")
    )


def region_get(*, slug: str) -> Region:
    """Return the region with its countries; Region.DoesNotExist for an unknown slug."""
    return region_list().get(slug=slug)


def sdg_goal_list() -> QuerySet[SdgGoal]:
    """Return the 17 goals with the number of their targets and indicators."""
    return SdgGoal.objects.annotate(
        target_count=Count("targets", distinct=True),
        indicator_count=Count("targets__indicators", distinct=True),
    ).order_by("number")


def sdg_goal_get(*, code: str) -> SdgGoal:
    """Return the goal with its targets and their indicators prefetched, or raise NotFound."""
    goal = (
        SdgGoal.objects.filter(code=code)
        .prefetch_related(
            Prefetch(
                "targets",
                queryset=SdgTarget.objects.order_by("order").prefetch_related(
                    Prefetch("indicators", queryset=SdgIndicator.objects.order_by("order"))
                ),
            )
        )
        .first()
    )
    if goal is None:
        raise NotFound
    return goal


def gcm_objective_list() -> QuerySet[GcmObjective]:
    """Return the 23 objectives of the Global Compact for Migration in their order."""
    return GcmObjective.objects.order_by("number")


def gcm_principle_list() -> QuerySet[GcmPrinciple]:
    """Return the guiding principles of the Global Compact for Migration in their order."""
    return GcmPrinciple.objects.order_by("letter")


@dataclass(frozen=True)
class EntityFilters:
    """What the entity list is narrowed to: a kind and words in the acronym, name or other names."""

    kind: str = ""
    search: str = ""


def entity_list(*, filters: EntityFilters) -> QuerySet[Entity]:
    """Return the entities of the kind whose acronym, name or other names contain the search words."""
    qs = Entity.objects.select_related("country")
    if filters.kind:
        if filters.kind not in EntityKind.values:
            return qs.none()
        qs = qs.filter(kind=filters.kind)
    for word in filters.search.split()[:5]:
        qs = qs.filter(Q(acronym__icontains=word) | Q(name__icontains=word) | Q(aliases__icontains=word))
    return qs.order_by("acronym")


def entity_kind_counts() -> dict[str, int]:
    """Return how many entities there are of each kind."""
    return dict(
        Entity.objects.order_by().values_list("kind").annotate(n=Count("id")).values_list("kind", "n")
    )


def sdg_goal_list_with_targets() -> QuerySet[SdgGoal]:
    """Return the 17 goals in order, each with its targets prefetched in order."""
    return SdgGoal.objects.prefetch_related(
        Prefetch("targets", queryset=SdgTarget.objects.order_by("order"))
    ).order_by("number")


def sdg_target_list(*, goal: str | None = None) -> QuerySet[SdgTarget]:
    """Return the SDG targets with their goal, those of the goal with code `goal` if given.

    An unknown goal is refused with a ValidationError on `goal`.
    """
    qs = SdgTarget.objects.select_related("goal").order_by("goal__number", "order")
    if goal:
        if not SdgGoal.objects.filter(code=goal).exists():
            message = _("Unknown SDG goal “%(value)s”.") % {"value": goal[:20]}
            raise ValidationError({"goal": ValidationError(message, code="unknown")})
        qs = qs.filter(goal__code=goal)
    return qs


def countries_by_code(codes: list[str], *, field: str) -> list[Country]:
    """Return the countries named by ISO alpha-2 or alpha-3 codes (any case), in one query.

    Raise a ValidationError on `field` naming the codes that name no country.
    """
    wanted = list(dict.fromkeys(code.strip().upper() for code in codes if code.strip()))
    found = list(Country.objects.filter(Q(iso2__in=wanted) | Q(iso3__in=wanted)))
    known = {c.iso2 for c in found} | {c.iso3 for c in found}
    if missing := [code for code in wanted if code not in known]:
        raise ValidationError(
            {
                field: ValidationError(
                    _("Unknown countries: %(codes)s; use ISO alpha-2 or alpha-3 codes.")
                    % {"codes": ", ".join(code[:10] for code in missing[:10])},
                    code="unknown",
                )
            }
        )
    return found


def entities_by_acronym(acronyms: list[str], *, field: str) -> list[Entity]:
    """Return the entities named by their acronyms (any case), in one query, ordered by acronym.

    Raise a ValidationError on `field` naming the acronyms that name no entity.
    """
    wanted = {acronym.strip().casefold(): acronym.strip() for acronym in acronyms if acronym.strip()}
    if not wanted:
        return []
    condition = Q()
    for acronym in wanted.values():
        condition |= Q(acronym__iexact=acronym)
    found = list(Entity.objects.filter(condition).order_by("acronym"))
    known = {entity.acronym.casefold() for entity in found}
    if missing := [acronym for key, acronym in wanted.items() if key not in known]:
        raise ValidationError(
            {
                field: ValidationError(
                    _("Unknown entities: %(acronyms)s; use their acronyms.")
                    % {"acronyms": ", ".join(acronym[:40] for acronym in missing[:10])},
                    code="unknown",
                )
            }
        )
    return found

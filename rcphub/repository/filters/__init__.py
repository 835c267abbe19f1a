"""Faceted filters of the repository's lists: one module for the pages and the API.

Three lists are filtered: practices, pledges and knowledge products. Each has a django-filter
FilterSet built on what the reader may see (the visibility selectors), so filters, facet counts and
lists never reveal what the reader may not see.

Public functions (`kind` is PRACTICES, PLEDGES or KNOWLEDGE):

- `repository_filter(kind, *, user, params, facets=ALL) -> FilteredList`: validate the query
  (`params`: a QueryDict or a mapping of name to a value or a list of values), raise a
  ValidationError naming each bad field ("objective", "country", "year", …; pages answer 400 via
  `rcphub.core.views.bad_query`, the API 422), and return the filtered, sorted queryset
  (`.items`), the facet counts (`.facets`, see below; pass `facets=()` to skip them) and the
  cleaned values (`.selected`).
- `facet_counts(filterset, facets=None) -> dict[str, list[FacetValue]]`: for each facet, its values
  with the number of distinct items having each, counted on the list filtered by all the OTHER
  selected facets (standard faceted search), so that selecting a value gives a list of that many
  items. Values with no item are left out unless selected. One aggregate query per facet (two for
  the year of practices). The counts of an unfiltered list (nothing selected but the sort) are
  kept in the cache for an hour under the list, the facets, the reader (what they may see), the
  language, the day and the repository's data version (`rcphub.core.dataversion`): any write to
  the data moves the version, so every worker process counts again at once. Filtered lists are
  counted each time.
- `filterset_for(kind, *, user, params) -> RepositoryFilterSet`, for those who need the FilterSet.
- `FACETS[kind]`, `SORTS[kind]` (the sort names and labels; the first is the default).

Filters (several values of one facet are alternatives; different facets all apply):

- practices: `objective` (GCM objective numbers 1–23), `country` (ISO3 codes), `implementer_type`
  (codes), `scope`, `year`, `q`, `sort` (newest, oldest, title). A practice counts in a year when the
  year lies within its period: from `period_start` to `period_end`, an open-ended period running to
  this year, a period with only an end counting in that year; a practice with no period counts in
  the year it was published.
- pledges: `objective`, `country`, `stage`, `kind`, `pledger_type` (the pledger's kind of entity:
  member_state, civil_society, …), `year` (the year the pledge was made), `q`, `sort` (newest,
  oldest, pledger), `inactive` (true/false: nothing reported for two years, as at today or at
  `as_at`), `as_at` (a date: only the pledges published on or before it, with activity as at it —
  what the pledging dashboard counts; `selectors.pledge_list_published`).
- knowledge products: `kind`, `coalition` (slugs), `year` (published), `q`, `sort` (newest, oldest,
  title).

`q` is a plain "contains" filter over titles and text; ranked full-text search is the search app's.

One module a part: `fields` (reading the query string), `facets` (the counters), `base` (the shared
FilterSet), and one a list: `practices`, `pledges`, `knowledge`. Import from here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.core.cache import cache
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import translation

from rcphub.core.dataversion import REPOSITORY, data_version, data_version_pending
from rcphub.core.dates import today
from rcphub.repository.filters.base import KNOWLEDGE, PLEDGES, PRACTICES, FilteredList, RepositoryFilterSet
from rcphub.repository.filters.facets import FacetValue
from rcphub.repository.filters.knowledge import KnowledgeFilterSet
from rcphub.repository.filters.pledges import PledgeFilterSet
from rcphub.repository.filters.practices import PracticeFilterSet, practice_year_q
from rcphub.repository.selectors import knowledge_product_list, pledge_list, practice_list

__all__ = [
    "ALL",
    "FACETS",
    "FILTERSETS",
    "KNOWLEDGE",
    "PLEDGES",
    "PRACTICES",
    "SORTS",
    "FacetValue",
    "FilteredList",
    "KnowledgeFilterSet",
    "PledgeFilterSet",
    "PracticeFilterSet",
    "RepositoryFilterSet",
    "facet_counts",
    "filterset_for",
    "practice_year_q",
    "repository_filter",
]

FILTERSETS: dict[str, type[RepositoryFilterSet]] = {
    PRACTICES: PracticeFilterSet,
    PLEDGES: PledgeFilterSet,
    KNOWLEDGE: KnowledgeFilterSet,
}
# Each list's facets, in the order shown.
FACETS: dict[str, tuple[str, ...]] = {
    kind: tuple(filterset.counters) for kind, filterset in FILTERSETS.items()
}
ALL: tuple[str, ...] | None = None
# Each list's sorts, as (name, label); the first is the default.
SORTS: dict[str, list[tuple[str, Any]]] = {
    kind: [(key, label) for key, (label, _order) in filterset.sorts.items()]
    for kind, filterset in FILTERSETS.items()
}


def _as_querydict(params: Mapping[str, Any] | QueryDict | None) -> QueryDict:
    if isinstance(params, QueryDict):
        return params
    data = QueryDict(mutable=True)
    for name, value in (params or {}).items():
        if value is None:
            continue
        if isinstance(value, list | tuple | set | frozenset):
            data.setlist(name, [str(item) for item in value])
        else:
            data[name] = str(value)
    return data


def filterset_for(
    kind: str, *, user: Any, params: Mapping[str, Any] | QueryDict | None
) -> RepositoryFilterSet:
    """Return the FilterSet of the list `kind` over what the user may see."""
    base: dict[str, Callable[[], QuerySet[Any]]] = {
        PRACTICES: lambda: practice_list(user=user),
        PLEDGES: lambda: pledge_list(user=user),
        KNOWLEDGE: lambda: knowledge_product_list(user=user),
    }
    return FILTERSETS[kind](_as_querydict(params), queryset=base[kind](), user=user)


def repository_filter(
    kind: str,
    *,
    user: Any,
    params: Mapping[str, Any] | QueryDict | None,
    facets: Iterable[str] | None = ALL,
) -> FilteredList:
    """Return the list `kind` filtered and sorted by `params`, with its facet counts.

    Raise a ValidationError naming each bad field.
    """
    filterset = filterset_for(kind, user=user, params=params)
    selected = filterset.validate()
    counts = facet_counts(filterset, facets=facets) if facets != () else {}
    return FilteredList(items=filterset.qs, facets=counts, selected=selected, filterset=filterset)


def facet_counts(
    filterset: RepositoryFilterSet, facets: Iterable[str] | None = None
) -> dict[str, list[FacetValue]]:
    """Return, for each facet, its values with the number of distinct items having each.

    Each facet is counted on the list filtered by all the other selected facets; values with no
    item are left out unless selected. Raise a ValidationError naming each bad field.
    """
    selected = filterset.validate()
    names = tuple(filterset.counters) if facets is None else tuple(facets)
    key = _cache_key(filterset, names, selected)
    if key is not None:
        cached: dict[str, list[FacetValue]] | None = cache.get(key)
        if cached is not None:
            return cached
    result: dict[str, list[FacetValue]] = {}
    for name in names:
        others = filterset.filter_except(name).order_by().values("pk")
        chosen = selected.get(name)
        result[name] = filterset.counters[name](others, chosen, filterset.user)
    if key is not None:
        cache.set(key, result, FACET_CACHE_SECONDS)
    return result


# How long the counts of an unfiltered list stay in the cache (a write makes them unused at once).
FACET_CACHE_SECONDS = 3600
UNSELECTED: tuple[Any, ...] = (None, "", [], ())


def _cache_key(
    filterset: RepositoryFilterSet, names: tuple[str, ...], selected: dict[str, Any]
) -> str | None:
    """Return the cache key of the facet counts, or None if they are not cached: a filter is selected
    (the sort does not count), or the current transaction wrote the data and has not committed.

    What a reader may see depends on who they are (secretariat roles, their own submissions, their
    coalitions, the superuser flag), so the key names the signed-in user and the flag, or "anon" for
    every visitor; labels depend on the language, the years and current memberships on the day.
    """
    if any(value not in UNSELECTED for name, value in selected.items() if name != "sort"):
        return None
    if data_version_pending(REPOSITORY):
        return None
    user = filterset.user
    reader = "anon"
    if getattr(user, "is_authenticated", False):
        # A superuser sees what the same account without the flag does not; the flag moves no version.
        reader = f"user{user.pk}{'s' if user.is_superuser else ''}"
    version = data_version(REPOSITORY, user)
    parts = [
        filterset.list_kind,
        ",".join(names),
        reader,
        translation.get_language() or "",
        today().isoformat(),
    ]
    return "facets:" + ":".join([*parts, version])

"""The filters of the practices list: GCM objective, country, implementer type, scope, year, words.

A practice counts in a year when the year lies within its period: from `period_start` to
`period_end`, an open-ended period running to this year, a period with only an end counting in
that year; a practice with no period counts in the year it was published.
"""

from __future__ import annotations

from typing import Any

import django_filters  # type: ignore[import-untyped]
from django.db.models import Count, F, Max, Min, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy

from rcphub.core.dates import today
from rcphub.reference.models import GcmObjective
from rcphub.repository.filters.base import PRACTICES, RepositoryFilterSet
from rcphub.repository.filters.facets import (
    FacetValue,
    choice_facet,
    country_facet,
    objective_label,
    related_facet,
    year_values,
)
from rcphub.repository.filters.fields import (
    ChoiceKeysFilter,
    CountryFilter,
    ImplementerTypeFilter,
    ObjectiveFilter,
    YearFilter,
)
from rcphub.repository.models import ImplementerType, Practice, Scope, SubmissionState

# The most years the year facet lists.
MAX_YEARS = 40


def practice_year_q(year: int) -> Q:
    """Return the filter of the practices implemented in `year` (see the module's docstring)."""
    q = (
        Q(period_start__lte=year, period_end__gte=year)
        | Q(period_start__isnull=True, period_end=year)
        | Q(period_start__isnull=True, period_end__isnull=True, published_on__year=year)
    )
    if year <= today().year:
        q |= Q(period_start__lte=year, period_end__isnull=True)
    return q


def practice_years(others: QuerySet[Any], chosen: Any, user: Any) -> list[FacetValue]:
    """Count the practices in each year (at most the MAX_YEARS latest), by their periods: two queries."""
    practices = Practice.objects.filter(pk__in=others)
    bounds = practices.aggregate(
        start=Min("period_start"),
        end=Max("period_end"),
        open_start=Min("period_start", filter=Q(period_end__isnull=True)),
        first_published=Min(ExtractYear("published_on"), filter=Q(period_start__isnull=True)),
        last_published=Max(ExtractYear("published_on"), filter=Q(period_start__isnull=True)),
        first_end=Min("period_end"),
    )
    this_year = today().year
    lows = [bounds[k] for k in ("start", "first_published", "first_end") if bounds[k]]
    highs = [bounds[k] for k in ("end", "last_published") if bounds[k]]
    if bounds["open_start"] and bounds["open_start"] <= this_year:
        highs.append(this_year)
    counts: dict[int, int] = {}
    if lows and highs:
        high = max(highs)
        low = max(min(lows), high - MAX_YEARS + 1)
        years = range(low, high + 1)
        totals = practices.aggregate(
            **{f"y{year}": Count("pk", filter=practice_year_q(year)) for year in years}
        )
        counts = {year: totals[f"y{year}"] or 0 for year in years}
    return year_values(counts, chosen)


class PracticeFilterSet(RepositoryFilterSet):
    list_kind = PRACTICES
    text_fields = ("title", "summary")
    sorts = {
        "newest": (gettext_lazy("Newest first"), (F("published_on").desc(nulls_last=True), "-id")),
        "oldest": (gettext_lazy("Oldest first"), (F("published_on").asc(nulls_last=True), "id")),
        "title": (gettext_lazy("Title"), ("title", "id")),
    }

    objective = ObjectiveFilter(method="filter_objective")
    country = CountryFilter(method="filter_country")
    implementer_type = ImplementerTypeFilter(method="filter_implementer_type")
    scope = ChoiceKeysFilter(method="filter_scope", choices=Scope.choices)
    year = YearFilter(method="filter_year")
    # The practices as they stood published on a date (a brief's links): published on or before it.
    as_at = django_filters.DateFilter(method="filter_as_at")

    class Meta:
        model = Practice
        fields: list[str] = []

    def filter_implementer_type(self, queryset: QuerySet[Any], name: str, value: list[str]) -> QuerySet[Any]:
        return self._having(queryset, implementer_types__code__in=value)

    def filter_as_at(self, queryset: QuerySet[Any], name: str, value: Any) -> QuerySet[Any]:
        return queryset.filter(state=SubmissionState.PUBLISHED, published_on__lte=value)

    def filter_scope(self, queryset: QuerySet[Any], name: str, value: list[str]) -> QuerySet[Any]:
        return queryset.filter(scope__in=value)

    def filter_year(self, queryset: QuerySet[Any], name: str, value: int) -> QuerySet[Any]:
        return queryset.filter(practice_year_q(value))

    counters = {
        "objective": lambda others, chosen, user: related_facet(
            GcmObjective, "practices", "number", others, chosen, objective_label
        ),
        "country": country_facet("practices"),
        "implementer_type": lambda others, chosen, user: related_facet(
            ImplementerType, "practices", "code", others, chosen, lambda row: row.name
        ),
        "scope": choice_facet("scope", Scope.choices),
        "year": practice_years,
    }

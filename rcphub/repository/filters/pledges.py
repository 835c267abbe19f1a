"""The filters of the pledges list: GCM objective, country, stage, kind, kind of pledger, the year the
pledge was made, words, whether it is inactive (nothing reported for two years, as at today or at
`as_at`), and `as_at`: the pledges as they stood published on that date, as the pledging dashboard
counts them."""

from __future__ import annotations

from typing import Any

import django_filters  # type: ignore[import-untyped]
from django.db.models import F, QuerySet
from django.utils.translation import gettext_lazy

from rcphub.reference.models import EntityKind, GcmObjective, Region
from rcphub.repository.filters.base import PLEDGES, RepositoryFilterSet
from rcphub.repository.filters.facets import (
    choice_facet,
    country_facet,
    date_year_facet,
    objective_label,
    related_facet,
)
from rcphub.repository.filters.fields import ChoiceKeysFilter, CountryFilter, ObjectiveFilter, YearFilter
from rcphub.repository.models import Pledge, PledgeKind, PledgeQuerySet, PledgeStage
from rcphub.repository.selectors import pledge_list_published


class PledgeFilterSet(RepositoryFilterSet):
    list_kind = PLEDGES
    text_fields = ("text", "occasion", "pledger__acronym", "pledger__name")
    sorts = {
        "newest": (gettext_lazy("Newest first"), (F("made_on").desc(nulls_last=True), "-id")),
        "oldest": (gettext_lazy("Oldest first"), (F("made_on").asc(nulls_last=True), "id")),
        "pledger": (gettext_lazy("Pledger"), ("pledger__acronym", "-id")),
    }

    objective = ObjectiveFilter(method="filter_objective")
    country = CountryFilter(method="filter_country")
    stage = ChoiceKeysFilter(method="filter_stage", choices=PledgeStage.choices)
    kind_ = ChoiceKeysFilter(field_name="kind", method="filter_kind", choices=PledgeKind.choices)
    pledger_type = ChoiceKeysFilter(method="filter_pledger_type", choices=EntityKind.choices)
    year = YearFilter(method="filter_year")
    inactive = django_filters.BooleanFilter(method="filter_inactive")
    as_at = django_filters.DateFilter(method="filter_as_at")

    class Meta:
        model = Pledge
        fields: list[str] = []

    def filter_region(self, queryset: QuerySet[Any], name: str, value: Region) -> QuerySet[Any]:
        # From the region: made by one of its countries or concerning one (the brief's rule).
        return queryset.filter(pk__in=Pledge.objects.from_countries(value.countries.all()).values("pk"))

    def filter_stage(self, queryset: QuerySet[Any], name: str, value: list[str]) -> QuerySet[Any]:
        return queryset.filter(stage__in=value)

    def filter_kind(self, queryset: QuerySet[Any], name: str, value: list[str]) -> QuerySet[Any]:
        return queryset.filter(kind__in=value)

    def filter_pledger_type(self, queryset: QuerySet[Any], name: str, value: list[str]) -> QuerySet[Any]:
        return queryset.filter(pledger__kind__in=value)

    def filter_year(self, queryset: QuerySet[Any], name: str, value: int) -> QuerySet[Any]:
        return queryset.filter(made_on__year=value)

    def filter_inactive(self, queryset: PledgeQuerySet, name: str, value: bool) -> PledgeQuerySet:
        # The list comes from selectors.pledge_list, with activity as at today or at `as_at`.
        return queryset.inactive(value)

    def filter_as_at(self, queryset: PledgeQuerySet, name: str, value: Any) -> PledgeQuerySet:
        # Applied by `base_queryset`, before the other filters: `inactive` reads activity as at the date.
        return queryset

    def base_queryset(self, cleaned: dict[str, Any]) -> QuerySet[Any]:
        """Start from the pledges published as at `as_at` when it is given (the dashboard's pledges)."""
        if cleaned.get("as_at"):
            return pledge_list_published(user=self.user, as_at=cleaned["as_at"])
        return self.queryset

    counters = {
        "objective": lambda others, chosen, user: related_facet(
            GcmObjective, "pledges", "number", others, chosen, objective_label
        ),
        "country": country_facet("pledges"),
        "stage": choice_facet("stage", PledgeStage.choices),
        "kind": choice_facet("kind", PledgeKind.choices),
        "pledger_type": choice_facet("pledger__kind", EntityKind.choices),
        "year": date_year_facet("made_on"),
    }


# A class attribute "kind" would clash with FilterSet internals' names in some tools; the filter is
# declared as `kind_` and renamed here to its query-string name "kind".
PledgeFilterSet.base_filters["kind"] = PledgeFilterSet.base_filters.pop("kind_")

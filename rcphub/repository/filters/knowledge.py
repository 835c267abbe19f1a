"""The filters of the knowledge products list: kind, coalition (among those the reader may see), the
year it was published, words in the title."""

from __future__ import annotations

from typing import Any

from django.db.models import F, QuerySet
from django.utils.translation import gettext_lazy

from rcphub.repository.filters.base import KNOWLEDGE, RepositoryFilterSet
from rcphub.repository.filters.facets import choice_facet, coalition_label, date_year_facet, related_facet
from rcphub.repository.filters.fields import ChoiceKeysFilter, CoalitionFilter, YearFilter, visible_coalitions
from rcphub.repository.models import KnowledgeKind, KnowledgeProduct


class KnowledgeFilterSet(RepositoryFilterSet):
    list_kind = KNOWLEDGE
    text_fields = ("title",)
    sorts = {
        "newest": (gettext_lazy("Newest first"), (F("published_on").desc(nulls_last=True), "-id")),
        "oldest": (gettext_lazy("Oldest first"), (F("published_on").asc(nulls_last=True), "id")),
        "title": (gettext_lazy("Title"), ("title", "id")),
    }

    kind_ = ChoiceKeysFilter(field_name="kind", method="filter_kind", choices=KnowledgeKind.choices)
    coalition = CoalitionFilter(method="filter_coalition")
    year = YearFilter(method="filter_year")

    class Meta:
        model = KnowledgeProduct
        fields: list[str] = []

    def filter_kind(self, queryset: QuerySet[Any], name: str, value: list[str]) -> QuerySet[Any]:
        return queryset.filter(kind__in=value)

    def filter_coalition(self, queryset: QuerySet[Any], name: str, value: list[str]) -> QuerySet[Any]:
        return queryset.filter(coalition__slug__in=value)

    def filter_year(self, queryset: QuerySet[Any], name: str, value: int) -> QuerySet[Any]:
        return queryset.filter(published_on__year=value)

    counters = {
        "kind": choice_facet("kind", KnowledgeKind.choices),
        "coalition": lambda others, chosen, user: related_facet(
            visible_coalitions(user), "knowledge_products", "slug", others, chosen, coalition_label
        ),
        "year": date_year_facet("published_on"),
    }


# Declared as `kind_` (see `filters.pledges`) and renamed to its query-string name "kind".
KnowledgeFilterSet.base_filters["kind"] = KnowledgeFilterSet.base_filters.pop("kind_")

"""What the repository's three filter sets share: the lists' names, the filtered list, and the
FilterSet that applies all of a list's filters but one (for that facet's counts)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

import django_filters  # type: ignore[import-untyped]
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model, Q, QuerySet

from rcphub.reference.models import Region
from rcphub.repository.filters.facets import Counter, FacetValue
from rcphub.repository.filters.fields import KeysFilter

PRACTICES, PLEDGES, KNOWLEDGE = "practices", "pledges", "knowledge"


@dataclass
class FilteredList:
    """A list filtered and sorted, its facet counts and the cleaned values of its filters."""

    items: QuerySet[Any]
    facets: dict[str, list[FacetValue]]
    selected: dict[str, Any] = field(default_factory=dict)
    filterset: Any = None


class RepositoryFilterSet(django_filters.FilterSet):
    """A list's filters; `filter_except` applies all but one (for that facet's counts)."""

    list_kind: ClassVar[str]
    # The facets of the list, in the order shown, and how each is counted (see `facets`).
    counters: ClassVar[dict[str, Counter]]
    sorts: ClassVar[dict[str, tuple[Any, tuple[Any, ...]]]]
    text_fields: ClassVar[tuple[str, ...]]

    q = django_filters.CharFilter(method="filter_text", max_length=200)
    # A named set of countries (`?region=unece`), for links from a brief: more countries than `country` takes.
    region = django_filters.ModelChoiceFilter(
        queryset=Region.objects.all(), to_field_name="slug", method="filter_region"
    )

    def __init__(self, data: Any = None, queryset: Any = None, *, user: Any = None, **kwargs: Any) -> None:
        self.user = user
        super().__init__(data, queryset, **kwargs)
        for name, flt in self.filters.items():
            if isinstance(flt, KeysFilter):
                self.form.fields[name].user = user
        self.form.fields["sort"] = forms.ChoiceField(
            choices=[(key, label) for key, (label, _order) in self.sorts.items()], required=False
        )

    # The filters' methods -------------------------------------------------------------------------
    def _having(self, queryset: QuerySet[Any], **lookup: Any) -> QuerySet[Any]:
        # A subquery, so that an item tagged with two selected values is listed once.
        model: type[Model] = queryset.model
        return queryset.filter(pk__in=model._default_manager.filter(**lookup).values("pk"))

    def filter_objective(self, queryset: QuerySet[Any], name: str, value: list[int]) -> QuerySet[Any]:
        return self._having(queryset, gcm_objectives__number__in=value)

    def filter_country(self, queryset: QuerySet[Any], name: str, value: list[str]) -> QuerySet[Any]:
        return self._having(queryset, countries__iso3__in=value)

    def filter_region(self, queryset: QuerySet[Any], name: str, value: Region) -> QuerySet[Any]:
        return self._having(queryset, countries__in=value.countries.all())

    def filter_text(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        words = value.split()[:10]
        for word in words:
            condition = Q()
            for text_field in self.text_fields:
                condition |= Q(**{f"{text_field}__icontains": word})
            queryset = queryset.filter(condition)
        return queryset

    # Applying them ----------------------------------------------------------------------------------
    def validate(self) -> dict[str, Any]:
        """Return the cleaned values, or raise a ValidationError naming each bad field."""
        if not self.form.is_valid():
            raise ValidationError({name: list(errors) for name, errors in self.form.errors.items()})
        return dict(self.form.cleaned_data)

    def base_queryset(self, cleaned: dict[str, Any]) -> QuerySet[Any]:
        """Return the visible items the filters start from (a list may choose them by its query)."""
        return self.queryset

    def filter_except(self, skip: str | None = None) -> QuerySet[Any]:
        """Return the visible items filtered by every selected facet but `skip` (unsorted)."""
        cleaned = self.validate()
        queryset = self.base_queryset(cleaned)
        for name, value in cleaned.items():
            if name in ("sort", skip) or name not in self.filters:
                continue
            queryset = self.filters[name].filter(queryset, value)
        return queryset

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        filtered = self.filter_except(None)
        sort = self.form.cleaned_data.get("sort") or next(iter(self.sorts))
        return filtered.order_by(*self.sorts[sort][1])

"""Facet counts of the repository's lists: for each facet, its values with the number of distinct
items having each, counted on the list filtered by all the OTHER selected facets.

A counter takes that list (`others`, a queryset of the items' ids), the value or values selected
and the reader, and returns the facet's values; values with no item are left out unless selected.
One aggregate query a facet (two for the year of practices).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Model, Q, QuerySet
from django.db.models.functions import ExtractYear

from rcphub.reference.models import Country


@dataclass(frozen=True)
class FacetValue:
    """A facet's value (as in the query string), its label, its count, and whether it is selected."""

    value: str
    label: str
    count: int
    selected: bool


Counter = Callable[[QuerySet[Any], Any, Any], list[FacetValue]]


def selected_values(chosen: Any) -> set[str]:
    """Return the selected value or values of a facet as texts, as in the query string."""
    if chosen in (None, "", []):
        return set()
    values = chosen if isinstance(chosen, list) else [chosen]
    return {str(value) for value in values}


def related_facet(
    model: type[Model] | QuerySet[Any],
    related: str,
    key: str,
    others: QuerySet[Any],
    chosen: Any,
    label: Callable[[Any], str],
) -> list[FacetValue]:
    """Count the items linked to each row of `model` (a model or a queryset of the rows one may see)
    through `related`, keyed by the row's `key`; a selected value with no item left shows with 0."""
    chosen_set = selected_values(chosen)
    targets = model if isinstance(model, QuerySet) else model._default_manager.all()
    # The filter and the count share one join, and each (value, item) link is unique: a plain count
    # over the links of the filtered items, without DISTINCT and without scanning every link.
    rows = list(targets.filter(**{f"{related}__in": others}).annotate(n=Count(related)))
    if chosen_set - {str(getattr(row, key)) for row in rows}:
        # A selected value with no item left still shows, with 0: count over every value instead.
        rows = list(
            targets.annotate(n=Count(related, filter=Q(**{f"{related}__in": others}), distinct=True)).filter(
                Q(n__gt=0) | Q(**{f"{key}__in": list(chosen_set)})
            )
        )
    return [
        FacetValue(
            value=str(getattr(row, key)),
            label=label(row),
            count=row.n,
            selected=str(getattr(row, key)) in chosen_set,
        )
        for row in rows
    ]


def choice_facet(field_path: str, choices: Iterable[tuple[str, Any]]) -> Counter:
    """Return the counter of a facet over a field with choices, in the order of the choices."""

    def count(others: QuerySet[Any], chosen: Any, user: Any) -> list[FacetValue]:
        model: type[Model] = others.model
        rows = (
            model._default_manager.filter(pk__in=others)
            .values(field_path)
            .annotate(n=Count("pk"))  # one row per item: no DISTINCT needed
            .order_by()
        )
        counts = {row[field_path]: row["n"] for row in rows}
        chosen_set = selected_values(chosen)
        return [
            FacetValue(
                value=value, label=str(label), count=counts.get(value, 0), selected=value in chosen_set
            )
            for value, label in choices
            if counts.get(value) or value in chosen_set
        ]

    return count


def date_year_facet(date_field: str) -> Counter:
    """Return the counter of the years of a date field."""

    def count(others: QuerySet[Any], chosen: Any, user: Any) -> list[FacetValue]:
        model: type[Model] = others.model
        rows = (
            model._default_manager.filter(pk__in=others, **{f"{date_field}__isnull": False})
            .annotate(y=ExtractYear(date_field))
            .values("y")
            .annotate(n=Count("pk"))
            .order_by()
        )
        counts = {row["y"]: row["n"] for row in rows}
        return year_values(counts, chosen)

    return count


def year_values(counts: dict[int, int], chosen: Any) -> list[FacetValue]:
    """Return the years counted, latest first; the selected year shows even with no item."""
    if chosen is not None:
        counts.setdefault(chosen, 0)
    return [
        FacetValue(value=str(year), label=str(year), count=counts[year], selected=year == chosen)
        for year in sorted(counts, reverse=True)
        if counts[year] or year == chosen
    ]


def objective_label(row: Any) -> str:
    """Label a GCM objective as it prints."""
    return str(row)


def coalition_label(row: Any) -> str:
    """Label a coalition by its short name, else its name."""
    return str(row.short_name or row.name)


def country_facet(related: str) -> Counter:
    """Return the counter of the countries linked through `related`, by name."""

    def count(others: QuerySet[Any], chosen: Any, user: Any) -> list[FacetValue]:
        values = related_facet(Country, related, "iso3", others, chosen, lambda row: row.name)
        return sorted(values, key=lambda value: value.label)

    return count

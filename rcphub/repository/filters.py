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
  the year of practices).
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
  oldest, pledger), `inactive` (true/false: nothing reported for two years, as at today).
- knowledge products: `kind`, `coalition` (slugs), `year` (published), `q`, `sort` (newest, oldest,
  title).

`q` is a plain "contains" filter over titles and text; ranked full-text search is the search app's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

import django_filters  # type: ignore[import-untyped]
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, F, Max, Min, Model, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rcphub.accounts.permissions import is_platform_secretariat
from rcphub.coalitions.models import Coalition
from rcphub.coalitions.permissions import member_coalition_ids
from rcphub.core.dates import today
from rcphub.core.models import Visibility
from rcphub.reference.models import Country, EntityKind, GcmObjective
from rcphub.repository.models import (
    ImplementerType,
    KnowledgeKind,
    KnowledgeProduct,
    Pledge,
    PledgeKind,
    PledgeStage,
    Practice,
    Scope,
)
from rcphub.repository.selectors import knowledge_product_list, pledge_list, practice_list

PRACTICES, PLEDGES, KNOWLEDGE = "practices", "pledges", "knowledge"

GCM_OBJECTIVES = range(1, 24)
YEAR_MIN, YEAR_MAX = 1950, 2100
# The most values of one facet a query may select, and the most years the year facet lists.
MAX_VALUES = 40
MAX_YEARS = 40

FACETS: dict[str, tuple[str, ...]] = {
    PRACTICES: ("objective", "country", "implementer_type", "scope", "year"),
    PLEDGES: ("objective", "country", "stage", "kind", "pledger_type", "year"),
    KNOWLEDGE: ("kind", "coalition", "year"),
}
ALL: tuple[str, ...] | None = None


@dataclass(frozen=True)
class FacetValue:
    """A facet's value (as in the query string), its label, its count, and whether it is selected."""

    value: str
    label: str
    count: int
    selected: bool


@dataclass
class FilteredList:
    items: QuerySet[Any]
    facets: dict[str, list[FacetValue]]
    selected: dict[str, Any] = field(default_factory=dict)
    filterset: Any = None


# --- fields: read the query string, refuse unknown values naming the field --------------------------


class KeysField(forms.Field):
    """Several values of a facet (`?country=ALB&country=SRB`), read and checked one by one."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *, facet: str = "", user: Any = None, **kwargs: Any) -> None:
        self.facet, self.user = facet, user
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> list[Any]:
        if value in (None, ""):
            return []
        values = value if isinstance(value, list | tuple) else [value]
        texts = [str(v).strip() for v in values if str(v).strip()]
        if len(texts) > MAX_VALUES:
            raise ValidationError(_("Choose at most %(n)s values.") % {"n": MAX_VALUES})
        return list(dict.fromkeys(self.read(text[:60]) for text in texts))

    def read(self, text: str) -> Any:
        return text

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value:
            self.check(value)

    def check(self, keys: list[Any]) -> None:
        """Refuse keys that name nothing (one query at most)."""


class ObjectiveField(KeysField):
    def read(self, text: str) -> int:
        if not text.isdigit() or int(text) not in GCM_OBJECTIVES:
            raise ValidationError(
                _("Unknown GCM objective: “%(value)s”. The objectives are numbered 1 to 23.")
                % {"value": text}
            )
        return int(text)


class CountryField(KeysField):
    def read(self, text: str) -> str:
        code = text.upper()
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise ValidationError(self._unknown([text]))
        return code

    def check(self, keys: list[Any]) -> None:
        known = set(Country.objects.filter(iso3__in=keys).values_list("iso3", flat=True))
        if unknown := [key for key in keys if key not in known]:
            raise ValidationError(self._unknown(unknown))

    @staticmethod
    def _unknown(codes: list[str]) -> str:
        return _("Unknown country code: %(codes)s. Use ISO 3166 alpha-3 codes such as ALB or SRB.") % {
            "codes": ", ".join(f"“{code}”" for code in codes)
        }


class ImplementerTypeField(KeysField):
    def check(self, keys: list[Any]) -> None:
        known = set(ImplementerType.objects.filter(code__in=keys).values_list("code", flat=True))
        if unknown := [key for key in keys if key not in known]:
            raise ValidationError(
                _("Unknown implementer type: %(codes)s.") % {"codes": ", ".join(f"“{c}”" for c in unknown)}
            )


class CoalitionField(KeysField):
    def check(self, keys: list[Any]) -> None:
        # A coalition the reader may not see answers as one that does not exist.
        known = set(_visible_coalitions(self.user).filter(slug__in=keys).values_list("slug", flat=True))
        if unknown := [key for key in keys if key not in known]:
            raise ValidationError(
                _("Unknown coalition: %(codes)s.") % {"codes": ", ".join(f"“{c}”" for c in unknown)}
            )


class ChoiceKeysField(KeysField):
    def __init__(self, *, choices: Iterable[tuple[str, Any]] = (), **kwargs: Any) -> None:
        self.choices = list(choices)
        super().__init__(**kwargs)

    def read(self, text: str) -> str:
        allowed = [value for value, _label in self.choices]
        if text not in allowed:
            raise ValidationError(
                _("Unknown value: “%(value)s”. Use one of: %(allowed)s.")
                % {"value": text, "allowed": ", ".join(allowed)}
            )
        return text


class YearField(forms.Field):
    def to_python(self, value: Any) -> int | None:
        if isinstance(value, list | tuple):
            value = value[-1] if value else None
        text = str(value or "").strip()
        if not text:
            return None
        if not text.isdigit() or not YEAR_MIN <= int(text) <= YEAR_MAX:
            raise ValidationError(_("Give a year such as 2024, not “%(value)s”.") % {"value": text[:20]})
        return int(text)


class KeysFilter(django_filters.Filter):
    field_class = KeysField


class ObjectiveFilter(KeysFilter):
    field_class = ObjectiveField


class CountryFilter(KeysFilter):
    field_class = CountryField


class ImplementerTypeFilter(KeysFilter):
    field_class = ImplementerTypeField


class CoalitionFilter(KeysFilter):
    field_class = CoalitionField


class ChoiceKeysFilter(KeysFilter):
    field_class = ChoiceKeysField


class YearFilter(django_filters.Filter):
    field_class = YearField


def _visible_coalitions(user: Any) -> QuerySet[Coalition]:
    if is_platform_secretariat(user):
        return Coalition.objects.all()
    return Coalition.objects.filter(Q(visibility=Visibility.PUBLIC) | Q(pk__in=member_coalition_ids(user)))


# --- the filter sets -----------------------------------------------------------------------------------


class RepositoryFilterSet(django_filters.FilterSet):
    """A list's filters; `filter_except` applies all but one (for that facet's counts)."""

    list_kind: ClassVar[str]
    sorts: ClassVar[dict[str, tuple[Any, tuple[Any, ...]]]]
    text_fields: ClassVar[tuple[str, ...]]

    q = django_filters.CharFilter(method="filter_text", max_length=200)

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

    def filter_except(self, skip: str | None = None) -> QuerySet[Any]:
        """Return the visible items filtered by every selected facet but `skip` (unsorted)."""
        cleaned = self.validate()
        queryset = self.queryset
        for name, value in cleaned.items():
            if name in ("sort", skip) or name not in self.filters:
                continue
            queryset = self.filters[name].filter(queryset, value)
        return queryset

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        filtered = self.filter_except(None)
        sort = self.form.cleaned_data.get("sort") or next(iter(self.sorts))
        return filtered.order_by(*self.sorts[sort][1])


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

    class Meta:
        model = Practice
        fields: list[str] = []

    def filter_implementer_type(self, queryset: QuerySet[Any], name: str, value: list[str]) -> QuerySet[Any]:
        return self._having(queryset, implementer_types__code__in=value)

    def filter_scope(self, queryset: QuerySet[Any], name: str, value: list[str]) -> QuerySet[Any]:
        return queryset.filter(scope__in=value)

    def filter_year(self, queryset: QuerySet[Any], name: str, value: int) -> QuerySet[Any]:
        return queryset.filter(practice_year_q(value))


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

    class Meta:
        model = Pledge
        fields: list[str] = []

    def filter_stage(self, queryset: QuerySet[Any], name: str, value: list[str]) -> QuerySet[Any]:
        return queryset.filter(stage__in=value)

    def filter_kind(self, queryset: QuerySet[Any], name: str, value: list[str]) -> QuerySet[Any]:
        return queryset.filter(kind__in=value)

    def filter_pledger_type(self, queryset: QuerySet[Any], name: str, value: list[str]) -> QuerySet[Any]:
        return queryset.filter(pledger__kind__in=value)

    def filter_year(self, queryset: QuerySet[Any], name: str, value: int) -> QuerySet[Any]:
        return queryset.filter(made_on__year=value)

    def filter_inactive(self, queryset: QuerySet[Any], name: str, value: bool) -> QuerySet[Any]:
        # `inactive` is annotated by selectors.pledge_list, as at today.
        return queryset.filter(inactive=value)


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


# A class attribute "kind" would clash with FilterSet internals' names in some tools; the filter is
# declared as `kind_` and renamed here to its query-string name "kind".
for _filterset in (PledgeFilterSet, KnowledgeFilterSet):
    _filterset.base_filters["kind"] = _filterset.base_filters.pop("kind_")

Counter = Callable[[QuerySet[Any], Any, Any], list[FacetValue]]

FILTERSETS: dict[str, type[RepositoryFilterSet]] = {
    PRACTICES: PracticeFilterSet,
    PLEDGES: PledgeFilterSet,
    KNOWLEDGE: KnowledgeFilterSet,
}
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


# --- facet counts ------------------------------------------------------------------------------------


def facet_counts(
    filterset: RepositoryFilterSet, facets: Iterable[str] | None = None
) -> dict[str, list[FacetValue]]:
    """Return, for each facet, its values with the number of distinct items having each.

    Each facet is counted on the list filtered by all the other selected facets; values with no
    item are left out unless selected. Raise a ValidationError naming each bad field.
    """
    selected = filterset.validate()
    names = FACETS[filterset.list_kind] if facets is None else tuple(facets)
    result: dict[str, list[FacetValue]] = {}
    for name in names:
        others = filterset.filter_except(name).order_by().values("pk")
        chosen = selected.get(name)
        counter = _COUNTERS[(filterset.list_kind, name)]
        result[name] = counter(others, chosen, filterset.user)
    return result


def _chosen_set(chosen: Any) -> set[str]:
    if chosen in (None, "", []):
        return set()
    values = chosen if isinstance(chosen, list) else [chosen]
    return {str(value) for value in values}


def _related_facet(
    model: type[Model] | QuerySet[Any],
    related: str,
    key: str,
    others: QuerySet[Any],
    chosen: Any,
    label: Callable[[Any], str],
) -> list[FacetValue]:
    chosen_set = _chosen_set(chosen)
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


def _choice_facet(field_path: str, choices: Iterable[tuple[str, Any]]) -> Counter:
    def count(others: QuerySet[Any], chosen: Any, user: Any) -> list[FacetValue]:
        model: type[Model] = others.model
        rows = (
            model._default_manager.filter(pk__in=others)
            .values(field_path)
            .annotate(n=Count("pk"))  # one row per item: no DISTINCT needed
            .order_by()
        )
        counts = {row[field_path]: row["n"] for row in rows}
        chosen_set = _chosen_set(chosen)
        return [
            FacetValue(
                value=value, label=str(label), count=counts.get(value, 0), selected=value in chosen_set
            )
            for value, label in choices
            if counts.get(value) or value in chosen_set
        ]

    return count


def _date_year_facet(date_field: str) -> Counter:
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
        return _year_values(counts, chosen)

    return count


def _year_values(counts: dict[int, int], chosen: Any) -> list[FacetValue]:
    if chosen is not None:
        counts.setdefault(chosen, 0)
    return [
        FacetValue(value=str(year), label=str(year), count=counts[year], selected=year == chosen)
        for year in sorted(counts, reverse=True)
        if counts[year] or year == chosen
    ]


def _practice_years(others: QuerySet[Any], chosen: Any, user: Any) -> list[FacetValue]:
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
    return _year_values(counts, chosen)


def _objective_label(row: Any) -> str:
    return str(row)


def _coalition_label(row: Any) -> str:
    return str(row.short_name or row.name)


def _country_facet(related: str) -> Counter:
    def count(others: QuerySet[Any], chosen: Any, user: Any) -> list[FacetValue]:
        values = _related_facet(Country, related, "iso3", others, chosen, lambda row: row.name)
        return sorted(values, key=lambda value: value.label)

    return count


_COUNTERS: dict[tuple[str, str], Counter] = {
    (PRACTICES, "objective"): lambda others, chosen, user: _related_facet(
        GcmObjective, "practices", "number", others, chosen, _objective_label
    ),
    (PRACTICES, "country"): _country_facet("practices"),
    (PRACTICES, "implementer_type"): lambda others, chosen, user: _related_facet(
        ImplementerType, "practices", "code", others, chosen, lambda row: row.name
    ),
    (PRACTICES, "scope"): _choice_facet("scope", Scope.choices),
    (PRACTICES, "year"): _practice_years,
    (PLEDGES, "objective"): lambda others, chosen, user: _related_facet(
        GcmObjective, "pledges", "number", others, chosen, _objective_label
    ),
    (PLEDGES, "country"): _country_facet("pledges"),
    (PLEDGES, "stage"): _choice_facet("stage", PledgeStage.choices),
    (PLEDGES, "kind"): _choice_facet("kind", PledgeKind.choices),
    (PLEDGES, "pledger_type"): _choice_facet("pledger__kind", EntityKind.choices),
    (PLEDGES, "year"): _date_year_facet("made_on"),
    (KNOWLEDGE, "kind"): _choice_facet("kind", KnowledgeKind.choices),
    (KNOWLEDGE, "coalition"): lambda others, chosen, user: _related_facet(
        _visible_coalitions(user), "knowledge_products", "slug", others, chosen, _coalition_label
    ),
    (KNOWLEDGE, "year"): _date_year_facet("published_on"),
}

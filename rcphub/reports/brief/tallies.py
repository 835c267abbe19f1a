"""The repository's counts for a region as at any date, read from running totals by publication day.

A practice or a pledge counts as at D when it is published and was published on or before D, so each
of its counts grows on one day, its publication day (a pledge "with a report" on the later of that
day and its first published report's). `region_tallies` reads, for a region, every count the brief
gives on practices and pledges grouped by that day (one GROUP BY per figure, no DISTINCT: each row
of a many-to-many table is one practice and one value), and keeps them as running totals
(`Tally`); the figures as at any date are then a binary search per value.

The tallies are kept in the cache under the region's countries and `records_version`, the newest
history row of every record they count (each change to a practice, a pledge, its report, an entity
or a region writes one, many-to-many changes included: docs/decisions/0008). A change is a new
version, so the next brief reads the records again; nothing is ever invalidated by hand, and each
process may keep its own copy. Only published records are counted, so the tallies are the same for
every reader.
"""

from __future__ import annotations

import hashlib
from array import array
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Exists, F, Min, OuterRef, Q, QuerySet
from django.db.models.functions import Greatest

from rcphub.reference.models import Country, Entity, GcmObjective, Region
from rcphub.repository.models import (
    ImplementerType,
    Pledge,
    PledgeReport,
    Practice,
    SubmissionState,
)

TALLY_CACHE_SECONDS = 24 * 3600


@dataclass
class Tally:
    """Counts that grow by day: the days any value grew (as ordinals), and for each value its running
    total on each of those days (arrays: compact in the cache, read back at once)."""

    days: array[int] = field(default_factory=lambda: array("i"))
    totals: dict[str, array[int]] = field(default_factory=dict)
    keys: frozenset[str] = frozenset()  # values shown at zero; others only once counted

    @classmethod
    def of(cls, rows: Iterable[tuple[Any, date, int]], *, keys: Iterable[Any] = ()) -> Tally:
        """Build from (value, day, count) rows in any order; `keys` are values shown even at zero."""
        fixed = [str(key) for key in keys]
        per_value: dict[str, dict[int, int]] = {key: {} for key in fixed}
        for value, on, n in rows:
            counts = per_value.setdefault(str(value if value is not None else ""), {})
            counts[on.toordinal()] = counts.get(on.toordinal(), 0) + n
        days = sorted({day for counts in per_value.values() for day in counts})
        order = list(per_value) if fixed else sorted(per_value)  # fixed values in their order; others sorted
        totals = {}
        for value in order:
            running, column = 0, array("i")
            for day in days:
                running += per_value[value].get(day, 0)
                column.append(running)
            totals[value] = column
        return cls(days=array("i", days), totals=totals, keys=frozenset(fixed))

    def at(self, as_at: date) -> dict[str, int]:
        """Return each value's count as at the day."""
        index = bisect_right(self.days, as_at.toordinal())
        counts = {}
        for value, column in self.totals.items():
            n = column[index - 1] if index else 0
            if n or value in self.keys:
                counts[value] = n
        return counts

    def total_at(self, as_at: date) -> int:
        """Return the count as at the day of a tally with one value."""
        return sum(self.at(as_at).values())


def records_version() -> tuple[Any, ...]:
    """Return the newest history row (id and time) of each kind of record the tallies count: any change
    is a new one, and a row rolled back is never seen again."""
    tables = [
        model.history.model._meta.db_table for model in (Practice, Pledge, PledgeReport, Entity, Region)
    ]
    quote = connection.ops.quote_name
    sql = "SELECT " + ", ".join(
        f"(SELECT MAX(history_id) FROM {quote(t)}), (SELECT MAX(history_date) FROM {quote(t)})"
        for t in tables
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        row = cursor.fetchone()
    return tuple(row) if row else ()


def region_tallies(region: list[int]) -> dict[str, Tally]:
    """Return the practice and pledge tallies of the region (country ids), from the cache when the
    records have not changed since they were read."""
    fingerprint = f"{sorted(region)}:{records_version()}"
    key = "brief-tallies:" + hashlib.sha256(fingerprint.encode()).hexdigest()
    tallies: dict[str, Tally] | None = cache.get(key)
    if tallies is None:
        tallies = {**_practice_tallies(region), **_pledge_tallies(region)}
        cache.set(key, tallies, TALLY_CACHE_SECONDS)
    return tallies


def _by_day(qs: QuerySet[Any], value: str, day: str) -> list[tuple[Any, date, int]]:
    return list(qs.values_list(value, day).annotate(n=Count("*")).order_by())


def _daily(qs: QuerySet[Any], day: str) -> list[tuple[Any, date, int]]:
    return [("", d, n) for d, n in qs.values_list(day).annotate(n=Count("*")).order_by()]


def _practice_tallies(region: list[int]) -> dict[str, Tally]:
    published = Practice.objects.filter(state=SubmissionState.PUBLISHED, published_on__isnull=False)
    in_country = Practice.countries.through.objects.filter(practice=OuterRef("pk"), country_id__in=region)
    in_region = published.filter(Exists(in_country))
    objectives = Practice.gcm_objectives.through.objects.filter(practice__in=in_region.values("pk"))
    types = Practice.implementer_types.through.objects.filter(practice__in=in_region.values("pk"))
    countries = Practice.countries.through.objects.filter(
        practice__in=published.values("pk"), country_id__in=region
    )
    return {
        "practices_all": Tally.of(_daily(published, "published_on")),
        "practices_in_region": Tally.of(_daily(in_region, "published_on")),
        "practices_by_gcm_objective": Tally.of(
            _by_day(objectives, "gcmobjective__number", "practice__published_on"),
            keys=GcmObjective.objects.order_by("number").values_list("number", flat=True),
        ),
        "practices_by_country": Tally.of(
            _by_day(countries, "country__iso3", "practice__published_on"),
            keys=Country.objects.filter(pk__in=region).values_list("iso3", flat=True),
        ),
        "practices_by_implementer_type": Tally.of(
            _by_day(types, "implementertype__code", "practice__published_on"),
            keys=ImplementerType.objects.values_list("code", flat=True),
        ),
        "practices_by_scope": Tally.of(_by_day(in_region, "scope", "published_on")),
    }


def _pledge_tallies(region: list[int]) -> dict[str, Tally]:
    published = Pledge.objects.filter(state=SubmissionState.PUBLISHED, published_on__isnull=False)
    in_region = published.from_countries(region)
    objectives = Pledge.gcm_objectives.through.objects.filter(pledge__in=in_region.values("pk"))
    reported = in_region.annotate(
        first_report=Min(
            "reports__reported_on",
            filter=Q(reports__state=SubmissionState.PUBLISHED, reports__reported_on__isnull=False),
        )
    ).filter(first_report__isnull=False)
    counted_on = reported.annotate(on=Greatest(F("published_on"), F("first_report"))).values_list(
        "on", flat=True
    )
    return {
        "pledges_all": Tally.of(_daily(published, "published_on")),
        "pledges_in_region": Tally.of(_daily(in_region, "published_on")),
        "pledges_by_gcm_objective": Tally.of(
            _by_day(objectives, "gcmobjective__number", "pledge__published_on"),
            keys=GcmObjective.objects.order_by("number").values_list("number", flat=True),
        ),
        "pledges_by_pledger_kind": Tally.of(_by_day(in_region, "pledger__kind", "published_on")),
        "pledges_with_report": Tally.of(_counted(counted_on)),
    }


def _counted(days: Iterable[date]) -> list[tuple[Any, date, int]]:
    per_day: dict[date, int] = defaultdict(int)
    for day in days:
        per_day[day] += 1
    return [("", day, n) for day, n in per_day.items()]

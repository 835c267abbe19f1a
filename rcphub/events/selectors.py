"""Reads on the shared calendar, with the visibility filter; a constant number of queries per call.

Days are the site's days: an event is on every local day from the day it starts to the day it ends,
and one that ends at midnight ends on the day before (a workshop "9 to 10 March" stored as ending
at 00:00 on 11 March shows on 9 and 10 March only). Weeks start on Monday.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from rcphub.coalitions.models import Coalition
from rcphub.coalitions.permissions import coalition_visibility_q
from rcphub.core.dates import parse_query_date
from rcphub.core.errors import NotFound
from rcphub.core.history import HistoryEntry, change_history
from rcphub.core.models import Visibility
from rcphub.events.models import Event, EventKind
from rcphub.events.permissions import can_manage_event, event_visibility_q
from rcphub.reference.models import Country, Entity
from rcphub.reference.selectors import countries_by_code, entities_by_acronym
from rcphub.support.models import SupportRequest

# The months the calendar pages: wide enough for any real event, narrow enough that a grid's first
# and last weeks stay valid dates.
MIN_YEAR, MAX_YEAR = 1900, 2999

# ---------------------------------------------------------------------------------------------
# Visibility


def public_event_q() -> Q:
    """Return the filter of the events anyone may see: public, and of no coalition or a public one."""
    return Q(visibility=Visibility.PUBLIC) & (
        Q(coalition__isnull=True) | Q(coalition__visibility=Visibility.PUBLIC)
    )


EVENT_PREFETCH = (
    Prefetch(
        "countries", queryset=Country.objects.only("id", "iso2", "iso3", "name_en", "name_fr", "name_ru")
    ),
    Prefetch(
        "unct_countries",
        queryset=Country.objects.only("id", "iso2", "iso3", "name_en", "name_fr", "name_ru"),
    ),
    Prefetch("organisers", queryset=Entity.objects.only("id", "acronym", "name").order_by("acronym")),
)


def _with_related(qs: QuerySet[Event]) -> QuerySet[Event]:
    return qs.select_related("coalition").prefetch_related(*EVENT_PREFETCH)


# ---------------------------------------------------------------------------------------------
# Filters from a query string (pages) or a query schema (API)


@dataclass(frozen=True)
class EventFilters:
    """Filters on events, resolved: the coalition and the country are rows, the dates local days."""

    coalition: Coalition | None = None
    kind: str | None = None
    country: Country | None = None
    starts_from: date | None = None  # events that end on or after this day
    until: date | None = None  # events that start on or before this day

    def query(self) -> dict[str, str]:
        """Return the filters as query-string values, to keep them in links."""
        values = {
            "coalition": self.coalition.slug if self.coalition else "",
            "kind": self.kind or "",
            "country": self.country.iso3 if self.country else "",
            "from": self.starts_from.isoformat() if self.starts_from else "",
            "to": self.until.isoformat() if self.until else "",
        }
        return {name: value for name, value in values.items() if value}


def _text(query: Mapping[str, Any], name: str) -> str:
    value = query.get(name)
    return str(value).strip() if value is not None else ""


def event_filters_parse(*, query: Mapping[str, Any], user: Any) -> EventFilters:
    """Return the filters named in `query` (coalition slug, kind, country ISO code, from, to dates).

    Raise ValidationError naming each bad one: a coalition the user may not see reads as unknown.
    One small query per coalition or country given.
    """
    errors: dict[str, str] = {}
    coalition = None
    if slug := _text(query, "coalition"):
        visible = Coalition.objects.filter(coalition_visibility_q(user), slug=slug)
        coalition = visible.first() if len(slug) <= 100 else None
        if coalition is None:
            errors["coalition"] = _("Unknown coalition “%(value)s”.") % {"value": slug[:40]}
    kind = _text(query, "kind") or None
    if kind is not None and kind not in EventKind.values:
        errors["kind"] = _("Unknown kind “%(value)s”: use one of %(choices)s.") % {
            "value": kind[:40],
            "choices": ", ".join(EventKind.values),
        }
    country = None
    if code := _text(query, "country").upper():
        country = Country.objects.filter(Q(iso2=code) | Q(iso3=code)).first() if len(code) <= 3 else None
        if country is None:
            errors["country"] = _("Unknown country “%(value)s”: use an ISO alpha-2 or alpha-3 code.") % {
                "value": code[:40]
            }
    dates: dict[str, date | None] = {}
    for name in ("from", "to"):
        raw = query.get(name)
        try:
            dates[name] = raw if isinstance(raw, date) else parse_query_date(_text(query, name), field=name)
        except ValidationError as error:
            errors[name] = error.message_dict[name][0]
            dates[name] = None
    if dates["from"] and dates["to"] and dates["from"] > dates["to"]:
        errors["to"] = _("The end of the period comes before its start.")
    if errors:
        raise ValidationError(
            {name: ValidationError(message, code="invalid") for name, message in errors.items()}
        )
    return EventFilters(
        coalition=coalition, kind=kind, country=country, starts_from=dates["from"], until=dates["to"]
    )


def day_start(day: date) -> datetime:
    """Return the moment the local day starts, in the current time zone."""
    return timezone.make_aware(datetime.combine(day, time.min))


def _filtered(qs: QuerySet[Event], filters: EventFilters) -> QuerySet[Event]:
    if filters.coalition is not None:
        qs = qs.filter(coalition_id=filters.coalition.pk)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.country is not None:
        through = Event.countries.through.objects.filter(
            event_id=OuterRef("pk"), country_id=filters.country.pk
        )
        qs = qs.filter(Exists(through))
    if filters.starts_from is not None:
        qs = qs.filter(ends_at__gte=day_start(filters.starts_from))
    if filters.until is not None:
        qs = qs.filter(starts_at__lt=day_start(filters.until + timedelta(days=1)))
    return qs


# ---------------------------------------------------------------------------------------------
# Lists and single events


def event_list(*, user: Any, filters: EventFilters | None = None) -> QuerySet[Event]:
    """Return the events the user may see, filtered, earliest first, coalition, countries and organisers read."""
    qs = Event.objects.filter(event_visibility_q(user))
    if filters is not None:
        qs = _filtered(qs, filters)
    return _with_related(qs).order_by("starts_at", "id")


def event_list_upcoming(*, user: Any, filters: EventFilters, now: datetime) -> QuerySet[Event]:
    """Return the events the user may see that have not ended by `now`, the soonest first."""
    return event_list(user=user, filters=filters).filter(ends_at__gte=now)


def event_list_past(*, user: Any, filters: EventFilters, now: datetime) -> QuerySet[Event]:
    """Return the events the user may see that ended before `now`, the latest first."""
    return event_list(user=user, filters=filters).filter(ends_at__lt=now).order_by("-starts_at", "-id")


def event_list_public(*, coalition: Coalition | None = None) -> QuerySet[Event]:
    """Return the events anyone may see (of the coalition, if given), earliest first: what the feeds publish."""
    qs = Event.objects.filter(public_event_q())
    if coalition is not None:
        qs = qs.filter(coalition_id=coalition.pk)
    return qs.select_related("coalition").order_by("starts_at", "id")


def event_list_for_request(*, support_request: SupportRequest, user: Any) -> QuerySet[Event]:
    """Return the events that answer the support request and that the user may see, earliest first."""
    return event_list(user=user).filter(support_request_id=support_request.pk)


def event_get(*, event_id: int, user: Any) -> Event:
    """Return the event the user may see, or raise NotFound."""
    event = (
        _with_related(Event.objects.filter(event_visibility_q(user), pk=event_id))
        .select_related("support_request")
        .first()
    )
    if event is None:
        raise NotFound
    return event


def event_get_for_manage(*, event_id: int, user: Any) -> Event:
    """Return the event if the user may change it; missing and forbidden answer alike."""
    event = event_get(event_id=event_id, user=user)
    if not can_manage_event(user=user, event=event):
        raise NotFound
    return event


def event_change_history(*, event: Event) -> list[HistoryEntry]:
    """Return who changed what on the event and when, latest first, with the values before."""
    return change_history(event)


def public_coalition_get(*, slug: str) -> Coalition:
    """Return the public coalition with the slug, or raise NotFound: the feeds publish only these."""
    coalition = Coalition.objects.filter(slug=slug, visibility=Visibility.PUBLIC).first()
    if coalition is None:
        raise NotFound
    return coalition


# ---------------------------------------------------------------------------------------------
# The month grid


def month_parse(value: str | None, *, default: date, field: str = "month") -> date:
    """Return the first day of the month written YYYY-MM in `value`, `default` when empty.

    Raise ValidationError naming `field` for anything else, or a year outside MIN_YEAR–MAX_YEAR.
    """
    if value is None or not value.strip():
        return default.replace(day=1)
    text = value.strip()
    match = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if match is not None:
        year, month = int(match.group(1)), int(match.group(2))
        if MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12:
            return date(year, month, 1)
    raise ValidationError(
        {
            field: _("“%(value)s” is not a month: use the form YYYY-MM, years %(min)s to %(max)s.")
            % {"value": text[:40], "min": MIN_YEAR, "max": MAX_YEAR}
        },
        code="invalid_month",
    )


def month_shift(month: date, months: int) -> date | None:
    """Return the first day of the month `months` after (or before) `month`; None outside the calendar's years."""
    index = month.year * 12 + month.month - 1 + months
    year, number = divmod(index, 12)
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    return date(year, number + 1, 1)


def month_weeks(month: date) -> list[list[date]]:
    """Return the weeks (Monday to Sunday) that hold the days of the month of `month`."""
    first = month.replace(day=1)
    following = month_shift(first, 1) or date(MAX_YEAR + 1, 1, 1)
    last = following - timedelta(days=1)
    start = first - timedelta(days=first.weekday())
    end = last + timedelta(days=6 - last.weekday())
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    return [days[n : n + 7] for n in range(0, len(days), 7)]


def event_days(event: Event) -> tuple[date, date]:
    """Return the first and last local days the event is on; ending at midnight ends the day before."""
    starts = timezone.localtime(event.starts_at)
    ends = timezone.localtime(event.ends_at)
    first, last = starts.date(), ends.date()
    if ends.time() == time.min and ends > starts:
        last -= timedelta(days=1)
    return first, max(first, last)


@dataclass
class CalendarDay:
    day: date
    in_month: bool
    is_today: bool
    events: list[Event]


@dataclass
class MonthCalendar:
    """A month as a grid of weeks from Monday, each day with the events on it."""

    month: date
    weeks: list[list[CalendarDay]]
    previous: date | None
    next: date | None
    events: list[Event]  # the events on at least one day of the month, earliest first


def month_calendar(*, user: Any, month: date, filters: EventFilters, today: date) -> MonthCalendar:
    """Return the month's grid with the events the user may see on each day they are on.

    Days of the neighbouring months that fill the first and last weeks carry their events too.
    One query for the events, three for their countries, UN Country Teams served and organisers.
    """
    weeks = month_weeks(month)
    grid_start, grid_end = weeks[0][0], weeks[-1][-1]
    events = list(
        event_list(user=user, filters=filters).filter(
            ends_at__gte=day_start(grid_start), starts_at__lt=day_start(grid_end + timedelta(days=1))
        )
    )
    by_day: dict[date, list[Event]] = {}
    in_month: list[Event] = []
    for event in events:
        first, last = event_days(event)
        day = max(first, grid_start)
        while day <= min(last, grid_end):
            by_day.setdefault(day, []).append(event)
            day += timedelta(days=1)
        if first.replace(day=1) <= month <= last:
            in_month.append(event)
    return MonthCalendar(
        month=month,
        weeks=[
            [
                CalendarDay(
                    day=day,
                    in_month=day.month == month.month,
                    is_today=day == today,
                    events=by_day.get(day, []),
                )
                for day in week
            ]
            for week in weeks
        ],
        previous=month_shift(month, -1),
        next=month_shift(month, 1),
        events=in_month,
    )


# ---------------------------------------------------------------------------------------------
# What an event's input names, resolved


@dataclass
class EventReferences:
    coalition: Coalition | None
    countries: list[Country]
    organisers: list[Entity]
    support_request: SupportRequest | None
    unct_countries: list[Country]


def event_references_resolve(
    *,
    user: Any,
    coalition: str | None,
    countries: list[str],
    organisers: list[str],
    support_request: int | None,
    unct_countries: list[str] | None = None,
) -> EventReferences:
    """Return the coalition (slug), countries and UN Country Teams served (ISO codes), organisers
    (acronyms) and support request (id) an event's input names; raise ValidationError naming each that
    does not exist or the user may not see.

    The request must be addressed to the same coalition; one that is not reads as unknown, so that
    nobody learns of other coalitions' requests. A constant number of queries.
    """
    errors: dict[str, str] = {}
    found_coalition = None
    if coalition:
        found_coalition = Coalition.objects.filter(coalition_visibility_q(user), slug=coalition).first()
        if found_coalition is None:
            errors["coalition"] = _("Unknown coalition “%(value)s”.") % {"value": coalition[:40]}
    found_countries: list[Country] = []
    found_organisers: list[Entity] = []
    try:
        found_countries = countries_by_code(countries, field="countries")
    except ValidationError as error:
        errors.update({name: messages[0] for name, messages in error.message_dict.items()})
    found_unct_countries: list[Country] = []
    try:
        found_unct_countries = countries_by_code(unct_countries or [], field="unct_countries")
    except ValidationError as error:
        errors.update({name: messages[0] for name, messages in error.message_dict.items()})
    try:
        found_organisers = entities_by_acronym(organisers, field="organisers")
    except ValidationError as error:
        errors.update({name: messages[0] for name, messages in error.message_dict.items()})
    found_request = None
    if support_request is not None and "coalition" not in errors:
        same_coalition = (
            Q(coalition_id=found_coalition.pk) if found_coalition is not None else Q(coalition__isnull=True)
        )
        found_request = SupportRequest.objects.filter(same_coalition, pk=support_request).first()
        if found_request is None:
            errors["support_request"] = _(
                "No support request #%(value)s addressed to the event's coalition."
            ) % {"value": support_request}
    if errors:
        raise ValidationError(
            {name: ValidationError(message, code="unknown") for name, message in errors.items()}
        )
    return EventReferences(
        coalition=found_coalition,
        countries=found_countries,
        organisers=found_organisers,
        support_request=found_request,
        unct_countries=found_unct_countries,
    )

"""The month grid: weeks from Monday, month edges, leap days, events over several days and months."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError

from rcphub.events.models import Event
from rcphub.events.selectors import (
    EventFilters,
    event_days,
    month_calendar,
    month_parse,
    month_shift,
    month_weeks,
)
from rcphub.events.tests.builders import at, make_event


def _days_of(calendar, event):
    return [day.day for week in calendar.weeks for day in week if event in day.events]


def test_weeks_start_on_monday_and_cover_the_month_exactly():
    weeks = month_weeks(date(2026, 2, 1))  # 1 February 2026 is a Sunday, 28 February a Saturday
    assert weeks[0][0] == date(2026, 1, 26) and weeks[0][0].weekday() == 0
    assert weeks[-1][-1] == date(2026, 3, 1) and weeks[-1][-1].weekday() == 6
    assert len(weeks) == 5 and all(len(week) == 7 for week in weeks)
    days = [day for week in weeks for day in week]
    assert days == [date(2026, 1, 26) + timedelta(days=n) for n in range(35)]


def test_a_month_starting_on_monday_has_no_days_of_the_month_before():
    weeks = month_weeks(date(2026, 6, 1))  # a Monday; 30 June is a Tuesday
    assert weeks[0][0] == date(2026, 6, 1)
    assert weeks[-1][-1] == date(2026, 7, 5)


def test_february_of_a_leap_year_holds_the_29th():
    weeks = month_weeks(date(2028, 2, 1))
    days = [day for week in weeks for day in week]
    assert date(2028, 2, 29) in days
    assert days[0] == date(2028, 1, 31) and days[-1] == date(2028, 3, 5)


def test_december_runs_into_the_next_year():
    weeks = month_weeks(date(2026, 12, 1))
    assert weeks[0][0] == date(2026, 11, 30) and weeks[-1][-1] == date(2027, 1, 3)


def test_months_shift_across_years_and_stop_at_the_calendars_edges():
    assert month_shift(date(2026, 12, 1), 1) == date(2027, 1, 1)
    assert month_shift(date(2026, 1, 1), -1) == date(2025, 12, 1)
    assert month_shift(date(1900, 1, 1), -1) is None
    assert month_shift(date(2999, 12, 1), 1) is None


@pytest.mark.parametrize(
    "value", ["2026-13", "2026-00", "2026-5", "26-05", "May 2026", "2026-05-01", "1899-12", "3000-01"]
)
def test_a_bad_month_is_refused_naming_the_field(value):
    with pytest.raises(ValidationError) as error:
        month_parse(value, default=date(2026, 5, 17))
    assert list(error.value.message_dict) == ["month"]


def test_month_defaults_to_the_month_of_the_day_given():
    assert month_parse("", default=date(2026, 5, 17)) == date(2026, 5, 1)
    assert month_parse(" 2028-02 ", default=date(2026, 5, 17)) == date(2028, 2, 1)


def test_an_event_ending_at_midnight_ends_the_day_before():
    overnight = Event(starts_at=at(2026, 3, 9, 9), ends_at=at(2026, 3, 11, 0))
    assert event_days(overnight) == (date(2026, 3, 9), date(2026, 3, 10))
    instant = Event(starts_at=at(2026, 3, 9, 0), ends_at=at(2026, 3, 9, 0))
    assert event_days(instant) == (date(2026, 3, 9), date(2026, 3, 9))
    late = Event(starts_at=at(2026, 3, 9, 22), ends_at=at(2026, 3, 10, 1))
    assert event_days(late) == (date(2026, 3, 9), date(2026, 3, 10))


@pytest.mark.django_db
def test_an_event_over_two_months_shows_on_each_of_its_days_in_both_grids(coalition):
    event = make_event(coalition=coalition, starts_at=at(2026, 1, 30, 9), ends_at=at(2026, 2, 2, 13))
    january = month_calendar(
        user=AnonymousUser(), month=date(2026, 1, 1), filters=EventFilters(), today=date(2026, 1, 5)
    )
    february = month_calendar(
        user=AnonymousUser(), month=date(2026, 2, 1), filters=EventFilters(), today=date(2026, 1, 5)
    )
    span = [date(2026, 1, 30), date(2026, 1, 31), date(2026, 2, 1), date(2026, 2, 2)]
    # January's grid runs to Sunday 1 February, February's starts on Monday 26 January.
    assert _days_of(january, event) == span[:3]
    assert _days_of(february, event) == span
    assert january.events == [event] and february.events == [event]
    march = month_calendar(
        user=AnonymousUser(), month=date(2026, 3, 1), filters=EventFilters(), today=date(2026, 1, 5)
    )
    assert _days_of(march, event) == [] and march.events == []


@pytest.mark.django_db
def test_an_event_only_on_the_neighbouring_days_of_the_grid_is_not_counted_in_the_month(coalition):
    # Saturday 31 January 2026 shows in February's grid, but is not in February.
    event = make_event(coalition=coalition, starts_at=at(2026, 1, 31, 10), ends_at=at(2026, 1, 31, 12))
    february = month_calendar(
        user=AnonymousUser(), month=date(2026, 2, 1), filters=EventFilters(), today=date(2026, 2, 3)
    )
    assert _days_of(february, event) == [date(2026, 1, 31)]
    assert february.events == []
    cells = {day.day: day for week in february.weeks for day in week}
    assert not cells[date(2026, 1, 31)].in_month and cells[date(2026, 2, 1)].in_month
    assert cells[date(2026, 2, 3)].is_today and sum(day.is_today for day in cells.values()) == 1


@pytest.mark.django_db
def test_leap_day_event_shows_on_the_29th(coalition):
    event = make_event(coalition=coalition, starts_at=at(2028, 2, 29, 9), ends_at=at(2028, 3, 1, 0))
    february = month_calendar(
        user=AnonymousUser(), month=date(2028, 2, 1), filters=EventFilters(), today=date(2026, 1, 1)
    )
    assert _days_of(february, event) == [date(2028, 2, 29)]
    march = month_calendar(
        user=AnonymousUser(), month=date(2028, 3, 1), filters=EventFilters(), today=date(2026, 1, 1)
    )
    # Ends at midnight: not on 1 March, though the 29th is in March's first week.
    assert _days_of(march, event) == [date(2028, 2, 29)] and march.events == []


@pytest.mark.django_db
def test_days_are_the_sites_days_not_utc(coalition):
    # 00:30 in Geneva on 1 June is still 31 May in UTC.
    event = make_event(coalition=coalition, starts_at=at(2026, 6, 1, 0, 30), ends_at=at(2026, 6, 1, 1, 30))
    june = month_calendar(
        user=AnonymousUser(), month=date(2026, 6, 1), filters=EventFilters(), today=date(2026, 1, 1)
    )
    assert _days_of(june, event) == [date(2026, 6, 1)]

"""The iCalendar feeds: they parse, hold exactly the public events, and cost a constant number of queries."""

from datetime import UTC, datetime

import icalendar
import pytest
from django.urls import reverse

from rcphub.coalitions.tests.factories import CoalitionFactory
from rcphub.events.tests.builders import at, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(coalition, other_coalition):
    hidden_coalition = CoalitionFactory(
        slug="hidden", name="A coalition still being set up", visibility="internal"
    )
    return {
        "platform_public": make_event(
            title="Regional UN System Meeting", kind="meeting", place="Istanbul", online=True
        ),
        "platform_internal": make_event(
            title="Secretariats' call", online=True, place="", visibility="internal"
        ),
        "health_public": make_event(
            coalition=coalition,
            title="Webinar on primary health care",
            place="",
            online=True,
            starts_at=at(2026, 2, 26, 13),
            ends_at=at(2026, 2, 26, 15),
            description="For UNCT health focal points.",
            facilitators="Dr Olena Kovalenko",
        ),
        "health_internal": make_event(
            coalition=coalition, title="Health coalition meeting", visibility="internal"
        ),
        "climate_public": make_event(
            coalition=other_coalition, title="Early warning briefing", kind="briefing"
        ),
        "hidden_public": make_event(coalition=hidden_coalition, title="Kick-off of the new coalition"),
    }


def _parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def _uids(calendar):
    return {str(component["UID"]) for component in calendar.walk("VEVENT")}


def _uid(event):
    return f"event-{event.pk}@rcphub"


def test_platform_feed_holds_exactly_the_events_anyone_may_see(client, events):
    calendar = _parse(client.get(reverse("events:calendar_feed")))
    assert str(calendar["VERSION"]) == "2.0"
    assert "rcphub" in str(calendar["PRODID"])
    assert str(calendar["X-WR-CALNAME"]) == "Regional Collaborative Platform: calendar"
    assert _uids(calendar) == {
        _uid(events["platform_public"]),
        _uid(events["health_public"]),
        _uid(events["climate_public"]),
    }


def test_feeds_are_public_whoever_asks(client, events, platform_secretariat):
    client.force_login(platform_secretariat)
    calendar = _parse(client.get(reverse("events:calendar_feed")))
    assert _uid(events["platform_internal"]) not in _uids(calendar)
    assert _uid(events["hidden_public"]) not in _uids(calendar)
    assert len(_uids(calendar)) == 3


def test_coalition_feed_holds_only_the_coalitions_public_events(client, events, coalition):
    calendar = _parse(client.get(reverse("events:coalition_calendar_feed", args=[coalition.slug])))
    assert _uids(calendar) == {_uid(events["health_public"])}
    assert str(calendar["X-WR-CALNAME"]) == f"{coalition.name}: calendar"


def test_an_internal_or_unknown_coalition_has_no_feed(client, events, platform_secretariat):
    client.force_login(platform_secretariat)
    assert client.get(reverse("events:coalition_calendar_feed", args=["hidden"])).status_code == 404
    assert (
        client.get(reverse("events:coalition_calendar_feed", args=["no-such-coalition"])).status_code == 404
    )


def test_an_event_is_written_as_a_full_vevent_in_utc(client, events):
    event = events["health_public"]
    calendar = _parse(client.get(reverse("events:coalition_calendar_feed", args=["health"])))
    (component,) = calendar.walk("VEVENT")
    assert component.decoded("DTSTART") == datetime(2026, 2, 26, 12, tzinfo=UTC)  # 13:00 in Geneva
    assert component.decoded("DTEND") == datetime(2026, 2, 26, 14, tzinfo=UTC)
    assert b"DTSTART:20260226T120000Z" in calendar.to_ical()
    assert component.decoded("DTSTAMP").utcoffset().total_seconds() == 0
    assert str(component["SUMMARY"]) == "Webinar on primary health care"
    assert str(component["LOCATION"]) == "Online"
    assert "For UNCT health focal points." in str(component["DESCRIPTION"])
    assert "Dr Olena Kovalenko" in str(component["DESCRIPTION"])
    assert str(component["URL"]) == f"http://testserver/support/events/{event.pk}/"
    assert [str(c) for c in component["CATEGORIES"].cats] == ["Training"]


def test_uid_stays_the_same_when_the_event_changes(client, events):
    event = events["climate_public"]
    before = _parse(client.get(reverse("events:calendar_feed")))
    event.title = "Early warning for all: briefing"
    event.place = "Almaty"
    event.save()
    after = _parse(client.get(reverse("events:calendar_feed")))
    changed = [c for c in after.walk("VEVENT") if str(c["UID"]) == _uid(event)]
    assert len(changed) == 1 and str(changed[0]["SUMMARY"]) == "Early warning for all: briefing"
    assert str(changed[0]["LOCATION"]) == "Almaty"
    assert _uids(before) == _uids(after)


@pytest.mark.parametrize("name", ["events:calendar_feed", "events:coalition_calendar_feed"])
def test_feeds_stay_constant_query_as_events_grow(client, django_assert_max_num_queries, coalition, name):
    args = [coalition.slug] if name == "events:coalition_calendar_feed" else []
    for n in range(3):
        make_event(coalition=coalition, title=f"Training {n}", countries=("GEO",), organisers=("WHO",))
    with django_assert_max_num_queries(3) as few:
        assert len(_uids(_parse(client.get(reverse(name, args=args))))) == 3
    for n in range(12):
        make_event(coalition=coalition, title=f"Workshop {n}", countries=("ARM",), organisers=("UNDP",))
    with django_assert_max_num_queries(len(few)):
        assert len(_uids(_parse(client.get(reverse(name, args=args))))) == 15


def test_feed_escapes_commas_semicolons_and_newlines(client, coalition):
    title = "Training: CCA, data; and statistics"
    description = "Line one, with a comma;\nline two\\ends"
    event = make_event(coalition=coalition, title=title, description=description, place="Bishkek, Kyrgyzstan")
    response = client.get(reverse("events:calendar_feed"))
    raw = response.content.decode()
    assert "Training: CCA\\, data\\; and statistics" in raw.replace("\r\n ", "")
    (parsed,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(parsed["SUMMARY"]) == title
    assert str(parsed["DESCRIPTION"]).startswith(description)
    assert str(parsed["LOCATION"]) == "Bishkek, Kyrgyzstan"
    assert str(parsed["URL"]) == f"http://testserver/support/events/{event.pk}/"
    assert parsed.decoded("DTSTART").tzinfo is not None and "Z" in raw.split("DTSTART")[1].split("\r\n")[0]

"""Calendar pages: the month and the list, filters, bad query strings, an event, its forms, query counts."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from rcphub.events.models import Event
from rcphub.events.tests.builders import at, make_event

pytestmark = pytest.mark.django_db

CALENDAR = reverse("events:calendar")


def _cell(response, day):
    html = response.content.decode()
    match = re.search(rf'<td id="day-{day.isoformat()}"[^>]*>.*?</td>', html, re.S)
    assert match, day
    return match.group(0)


def _row(response, event):
    match = re.search(rf'<tr id="event-{event.pk}">.*?</tr>', response.content.decode(), re.S)
    return match.group(0) if match else None


# ---------------------------------------------------------------------------------------------
# Month


def test_month_shows_each_event_on_each_of_its_days_and_marks_today(client, coalition, monkeypatch):
    monkeypatch.setattr("rcphub.events.views.today", lambda: date(2026, 3, 10))
    workshop = make_event(
        coalition=coalition, title="GCM workshop", starts_at=at(2026, 3, 10, 9), ends_at=at(2026, 3, 11, 17)
    )
    response = client.get(CALENDAR, {"month": "2026-03"})
    assert response.status_code == 200
    for day in (date(2026, 3, 10), date(2026, 3, 11)):
        assert f'href="/support/events/{workshop.pk}/"' in _cell(response, day)
    assert "GCM workshop" not in _cell(response, date(2026, 3, 12))
    today_cell = _cell(response, date(2026, 3, 10))
    assert 'aria-current="date"' in today_cell and "today" in today_cell
    assert response.content.decode().count('aria-current="date"') == 1
    # Weeks start on Monday: March 2026's grid opens on Monday 23 February.
    assert re.search(r'<td id="day-(\d{4}-\d{2}-\d{2})"', response.content.decode()).group(1) == "2026-02-23"


def test_month_defaults_to_the_current_month_and_links_its_neighbours(client, monkeypatch):
    monkeypatch.setattr("rcphub.events.views.today", lambda: date(2026, 12, 15))
    response = client.get(CALENDAR, {"coalition": ""})
    assert response.context["calendar"].month == date(2026, 12, 1)
    html = response.content.decode()
    assert re.search(r'href="\?[^"]*month=2026-11[^"]*" rel="prev"', html)
    assert re.search(r'href="\?[^"]*month=2027-01[^"]*" rel="next"', html)


def test_month_keeps_the_filters_in_its_links(client, coalition):
    response = client.get(CALENDAR, {"month": "2026-03", "coalition": coalition.slug, "kind": "workshop"})
    next_link = re.search(r'href="([^"]*)" rel="next"', response.content.decode()).group(1)
    assert "coalition=health" in next_link and "kind=workshop" in next_link and "month=2026-04" in next_link


def test_month_hides_internal_events_from_visitors(client, coalition, member):
    internal = make_event(coalition=coalition, title="Coalition meeting", visibility="internal")
    response = client.get(CALENDAR, {"month": "2026-05"})
    assert "Coalition meeting" not in response.content.decode()
    client.force_login(member)
    response = client.get(CALENDAR, {"month": "2026-05"})
    assert f'href="/support/events/{internal.pk}/"' in _cell(response, date(2026, 5, 12))


def test_month_filters_by_coalition_kind_and_country(client, coalition, other_coalition):
    ours = make_event(coalition=coalition, title="Health training", countries=("GEO",))
    theirs = make_event(
        coalition=other_coalition, title="Climate workshop", kind="workshop", countries=("KAZ",)
    )
    assert client.get(CALENDAR, {"month": "2026-05", "coalition": "health"}).context["calendar"].events == [
        ours
    ]
    assert client.get(CALENDAR, {"month": "2026-05", "kind": "workshop"}).context["calendar"].events == [
        theirs
    ]
    assert client.get(CALENDAR, {"month": "2026-05", "country": "geo"}).context["calendar"].events == [ours]
    assert client.get(CALENDAR, {"month": "2026-05", "country": "KZ"}).context["calendar"].events == [theirs]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"month": "2026-13"}, "month"),
        ({"month": "May"}, "month"),
        ({"view": "week"}, "view"),
        ({"view": "list", "when": "tomorrow"}, "when"),
        ({"coalition": "no-such-coalition"}, "coalition"),
        ({"kind": "party"}, "kind"),
        ({"country": "XX"}, "country"),
        ({"view": "list", "from": "2026-02-30"}, "from"),
        ({"view": "list", "from": "2026-06-01", "to": "2026-05-01"}, "to"),
    ],
)
def test_a_bad_query_answers_400_naming_the_field(client, coalition, query, field):
    response = client.get(CALENDAR, query)
    assert response.status_code == 400
    assert list(response.context["errors"]) == [field]
    assert f"<code>{field}</code>" in response.content.decode()


def test_an_internal_coalition_reads_as_unknown_to_visitors(client, coalition, member):
    coalition.visibility = "internal"
    coalition.save()
    assert client.get(CALENDAR, {"coalition": "health"}).status_code == 400
    client.force_login(member)
    assert client.get(CALENDAR, {"coalition": "health"}).status_code == 200


# ---------------------------------------------------------------------------------------------
# List


def test_list_splits_upcoming_and_past_events(client, coalition):
    now = timezone.now()
    past = make_event(coalition=coalition, title="Past training", starts_at=now - timedelta(days=30))
    running = make_event(
        coalition=coalition,
        title="Running workshop",
        starts_at=now - timedelta(hours=2),
        ends_at=now + timedelta(hours=2),
    )
    later = make_event(coalition=coalition, title="Later briefing", starts_at=now + timedelta(days=3))
    upcoming = client.get(CALENDAR, {"view": "list"})
    assert list(upcoming.context["page"].object_list) == [running, later]
    assert _row(upcoming, past) is None and "Running workshop" in _row(upcoming, running)
    gone = client.get(CALENDAR, {"view": "list", "when": "past"})
    assert list(gone.context["page"].object_list) == [past]


def test_list_filters_by_period_country_and_kind(client, coalition, monkeypatch):
    monkeypatch.setattr("rcphub.events.views.now", lambda: at(2026, 1, 1))
    may = make_event(coalition=coalition, title="May", starts_at=at(2026, 5, 12), countries=("MDA",))
    june = make_event(coalition=coalition, title="June", starts_at=at(2026, 6, 2), kind="workshop")
    make_event(coalition=coalition, title="July", starts_at=at(2026, 7, 1), countries=("MDA",))

    def listed(**query):
        response = client.get(CALENDAR, {"view": "list", **query})
        assert response.status_code == 200
        return list(response.context["page"].object_list)

    assert listed(**{"from": "2026-05-12", "to": "2026-05-12"}) == [may]
    assert listed(**{"from": "2026-05-13", "to": "2026-06-02"}) == [june]
    assert listed(**{"to": "2026-06-30", "country": "MDA"}) == [may]
    assert listed(kind="workshop") == [june]
    assert listed(when="past") == []


@pytest.mark.parametrize("view", ["month", "list"])
def test_calendar_stays_constant_query_as_events_grow(
    client, django_assert_max_num_queries, coalition, member, view
):
    client.force_login(member)
    start = timezone.now() + timedelta(days=1)
    query = {"view": view, "month": timezone.localdate(start).strftime("%Y-%m")}

    def grow(count, offset):
        for n in range(count):
            make_event(
                coalition=coalition,
                title=f"Event {offset + n}",
                starts_at=start,
                ends_at=start + timedelta(hours=2),
                countries=("GEO", "ARM"),
                organisers=("WHO", "UNDP"),
                visibility="internal" if n % 2 else "public",
            )

    grow(3, 0)
    with django_assert_max_num_queries(15) as few:
        assert client.get(CALENDAR, query).status_code == 200
    grow(12, 100)
    with django_assert_max_num_queries(len(few)):
        response = client.get(CALENDAR, query)
    shown = response.context["calendar"].events if view == "month" else response.context["page"].object_list
    assert len(shown) == 15


# ---------------------------------------------------------------------------------------------
# An event


def test_event_page_shows_history_only_to_those_who_may_edit(
    client, coalition, coalition_secretariat, member
):
    event = make_event(
        coalition=coalition, countries=("GEO",), organisers=("WHO",), facilitators="Nino Beridze"
    )
    response = client.get(reverse("events:event_detail", args=[event.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nino Beridze" in html and "Georgia" in html and "Change history" not in html
    client.force_login(member)
    assert (
        "Change history" not in client.get(reverse("events:event_detail", args=[event.pk])).content.decode()
    )
    client.force_login(coalition_secretariat)
    html = client.get(reverse("events:event_detail", args=[event.pk])).content.decode()
    assert "Change history" in html and reverse("events:event_edit", args=[event.pk]) in html


def test_event_page_answers_404_for_hidden_and_missing_events(client, coalition):
    hidden = make_event(coalition=coalition, visibility="internal")
    assert client.get(reverse("events:event_detail", args=[hidden.pk])).status_code == 404
    assert client.get(reverse("events:event_detail", args=[hidden.pk + 1000])).status_code == 404


def _form_data(coalition, **overrides):
    data = {
        "coalition": coalition.pk if coalition else "",
        "kind": "training",
        "title": "Training on adolescent-friendly health services",
        "description": "",
        "starts_at": "2026-06-02T09:00",
        "ends_at": "2026-06-03T16:00",
        "online": "",
        "place": "Dushanbe, UN House",
        "link": "",
        "facilitators": "Dr Zarina Rahimova",
        "visibility": "public",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value != ""}


def test_secretariat_creates_an_event_through_the_form(client, coalition, coalition_secretariat):
    client.force_login(coalition_secretariat)
    assert client.get(reverse("events:event_create")).status_code == 200
    response = client.post(reverse("events:event_create"), _form_data(coalition))
    event = Event.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "events:event_detail", args=[event.pk]
    )
    assert event.starts_at == at(2026, 6, 2, 9) and event.coalition == coalition


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"ends_at": "2026-06-01T09:00"}, "ends_at"),
        ({"place": ""}, "place"),
        ({"starts_at": "soon"}, "starts_at"),
    ],
)
def test_bad_input_reshows_the_form_with_the_error_at_its_field(
    client, coalition, coalition_secretariat, overrides, field
):
    client.force_login(coalition_secretariat)
    response = client.post(reverse("events:event_create"), _form_data(coalition, **overrides))
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    assert not Event.objects.exists()


def test_member_may_not_open_the_event_forms(client, coalition, member):
    event = make_event(coalition=coalition)
    client.force_login(member)
    assert client.get(reverse("events:event_create")).status_code == 403
    assert client.get(reverse("events:event_edit", args=[event.pk])).status_code == 404
    assert client.post(reverse("events:event_delete", args=[event.pk])).status_code == 404
    assert Event.objects.filter(pk=event.pk).exists()


def test_edit_refuses_a_stale_version_with_a_clear_message(client, coalition, coalition_secretariat):
    event = make_event(coalition=coalition)
    client.force_login(coalition_secretariat)
    form = client.get(reverse("events:event_edit", args=[event.pk])).context["form"]
    data = _form_data(coalition, title="Renamed", version=str(form.initial["version"]))
    Event.objects.filter(pk=event.pk).update(version=2)  # someone else saved meanwhile
    response = client.post(reverse("events:event_edit", args=[event.pk]), data)
    assert response.status_code == 200
    assert "Someone else changed this" in response.content.decode()
    assert Event.objects.get(pk=event.pk).title != "Renamed"
    data["version"] = "2"
    assert client.post(reverse("events:event_edit", args=[event.pk]), data).status_code == 302
    assert Event.objects.get(pk=event.pk).title == "Renamed"


def test_secretariat_deletes_an_event_after_confirming(client, coalition, coalition_secretariat):
    event = make_event(coalition=coalition)
    client.force_login(coalition_secretariat)
    assert client.get(reverse("events:event_delete", args=[event.pk])).status_code == 200
    assert Event.objects.filter(pk=event.pk).exists()
    response = client.post(reverse("events:event_delete", args=[event.pk]))
    assert response.status_code == 302 and not Event.objects.filter(pk=event.pk).exists()


def test_event_page_links_the_request_it_answers_for_its_secretariat(
    client, coalition, coalition_secretariat, member
):
    from rcphub.events.tests.builders import make_request

    request = make_request(coalition=coalition, requester=member, title="Review of the CCA health chapter")
    event = make_event(coalition=coalition, support_request=request)
    assert (
        "Review of the CCA health chapter"
        not in client.get(reverse("events:event_detail", args=[event.pk])).content.decode()
    )
    client.force_login(coalition_secretariat)
    html = client.get(reverse("events:event_detail", args=[event.pk])).content.decode()
    assert f'href="{reverse("support:request", args=[request.pk])}"' in html

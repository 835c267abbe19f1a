"""API of the calendar: filters, visibility (404), writes for secretariats, 422 naming fields, 409."""

import json

import pytest
from django.test import Client

from rcphub.events.models import Event
from rcphub.events.tests.builders import at, make_event, make_request

pytestmark = pytest.mark.django_db

API = "/api/v1"
HUGE = 10**20


def _signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def _ids(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def _fields(response):
    assert response.status_code == 422, response.content
    return {tuple(entry["loc"]) for entry in response.json()["detail"]}


def _body(**overrides):
    body = {
        "coalition": "health",
        "kind": "workshop",
        "title": "Workshop on climate-resilient health systems",
        "description": "Heat-health action plans for Ministries of Health.",
        "countries": ["KAZ", "kg"],
        "starts_at": "2026-04-22T09:00:00+05:00",
        "ends_at": "2026-04-23T17:00:00+05:00",
        "online": False,
        "place": "Almaty, UN House",
        "link": "https://example.org/register",
        "facilitators": "Dr Aigerim Nurlanova",
        "organisers": ["WHO", "unep"],
        "visibility": "public",
    }
    body.update(overrides)
    return body


def _post(client, body):
    return client.post(f"{API}/events", json.dumps(body), content_type="application/json")


def _put(client, event, body):
    return client.put(f"{API}/events/{event.pk}", json.dumps(body), content_type="application/json")


def test_list_shows_what_the_reader_may_see(client, coalition, member):
    public = make_event(coalition=coalition, title="Public")
    internal = make_event(coalition=coalition, title="Internal", visibility="internal")
    platform_internal = make_event(title="Secretariats' call", visibility="internal")
    assert _ids(client.get(f"{API}/events")) == [public.pk]
    assert set(_ids(_signed_in(member).get(f"{API}/events"))) == {
        public.pk,
        internal.pk,
        platform_internal.pk,
    }


def test_list_filters_by_coalition_kind_country_and_period(client, coalition, other_coalition):
    may = make_event(coalition=coalition, starts_at=at(2026, 5, 12), countries=("GEO",))
    june = make_event(
        coalition=other_coalition, kind="workshop", starts_at=at(2026, 6, 2), countries=("KAZ",)
    )
    spanning = make_event(coalition=coalition, starts_at=at(2026, 5, 30), ends_at=at(2026, 6, 1, 12))
    assert _ids(client.get(f"{API}/events", {"coalition": "health"})) == [may.pk, spanning.pk]
    assert _ids(client.get(f"{API}/events", {"kind": "workshop"})) == [june.pk]
    assert _ids(client.get(f"{API}/events", {"country": "GE"})) == [may.pk]
    assert _ids(client.get(f"{API}/events", {"from": "2026-06-01"})) == [june.pk, spanning.pk][::-1]
    assert _ids(client.get(f"{API}/events", {"to": "2026-05-29"})) == [may.pk]
    assert _ids(client.get(f"{API}/events", {"from": "2026-05-13", "to": "2026-05-31"})) == [spanning.pk]


def test_list_item_holds_the_events_fields(client, coalition):
    event = make_event(
        coalition=coalition, countries=("GEO",), organisers=("WHO",), facilitators="Nino Beridze"
    )
    (item,) = client.get(f"{API}/events").json()["items"]
    assert item["coalition"] == "health" and item["countries"] == ["GEO"] and item["organisers"] == ["WHO"]
    assert item["starts_at"].startswith("2026-05-12T07:00:00")  # 09:00 in Geneva is 07:00 UTC
    assert item["url"] == f"http://testserver/support/events/{event.pk}/"
    assert item["support_request"] is None and item["version"] == 1


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"coalition": "nowhere"}, "coalition"),
        ({"country": "XX"}, "country"),
        ({"kind": "party"}, "kind"),
        ({"from": "2026-02-30"}, "from"),
        ({"from": "2026-06-01", "to": "2026-05-01"}, "to"),
    ],
)
def test_list_refuses_bad_filters_naming_them(client, query, field):
    assert ("query", field) in _fields(client.get(f"{API}/events", query))


def test_list_stays_constant_query_as_events_grow(django_assert_max_num_queries, coalition, member):
    client = _signed_in(member)
    for n in range(3):
        make_event(coalition=coalition, title=f"E{n}", countries=("GEO",), organisers=("WHO", "UNDP"))
    with django_assert_max_num_queries(12) as few:
        assert len(_ids(client.get(f"{API}/events"))) == 3
    for n in range(12):
        make_event(coalition=coalition, title=f"F{n}", countries=("ARM",), organisers=("UNFPA",))
    with django_assert_max_num_queries(len(few)):
        assert len(_ids(client.get(f"{API}/events"))) == 15


def test_detail_answers_404_for_hidden_missing_and_huge_ids(client, coalition):
    hidden = make_event(coalition=coalition, visibility="internal")
    for event_id in (hidden.pk, hidden.pk + 1000):
        response = client.get(f"{API}/events/{event_id}")
        assert response.status_code == 404 and response.json() == {"detail": "Not found."}
    assert client.get(f"{API}/events/{HUGE}").status_code in (404, 422)


def test_secretariat_creates_an_event(coalition, coalition_secretariat, member):
    request = make_request(coalition=coalition, requester=member)
    response = _post(_signed_in(coalition_secretariat), _body(support_request=request.pk))
    assert response.status_code == 201, response.content
    data = response.json()
    event = Event.objects.get()
    assert data["id"] == event.pk and data["support_request"] == request.pk
    assert sorted(data["countries"]) == ["KAZ", "KGZ"] and sorted(data["organisers"]) == ["UNEP", "WHO"]
    assert event.starts_at == at(2026, 4, 22, 6)  # 09:00 in Almaty (UTC+5) is 06:00 in Geneva (UTC+2)
    assert event.history.first().history_user == coalition_secretariat


@pytest.mark.parametrize(
    ("overrides", "fields"),
    [
        ({"ends_at": "2026-04-22T08:00:00+05:00"}, {"ends_at"}),
        ({"place": ""}, {"place"}),
        ({"place": "", "ends_at": "2026-04-21T09:00:00+05:00"}, {"place", "ends_at"}),
        ({"countries": ["KAZ", "ZZZ"]}, {"countries"}),
        ({"organisers": ["WHO", "NOBODY"]}, {"organisers"}),
        ({"coalition": "nowhere"}, {"coalition"}),
        ({"link": "not a link"}, {"link"}),
        ({"kind": "party"}, {"kind"}),
        ({"starts_at": "soon"}, {"starts_at"}),
    ],
)
def test_create_refuses_bad_input_naming_the_fields_and_writes_nothing(
    coalition, coalition_secretariat, overrides, fields
):
    response = _post(_signed_in(coalition_secretariat), _body(**overrides))
    assert {loc[-1] for loc in _fields(response)} == fields
    assert all(loc[0] == "body" for loc in _fields(response))
    assert not Event.objects.exists() and not Event.history.exists()


def test_create_refuses_another_coalitions_request(coalition, other_coalition, platform_secretariat, member):
    theirs = make_request(coalition=other_coalition, requester=member)
    response = _post(_signed_in(platform_secretariat), _body(support_request=theirs.pk))
    assert _fields(response) == {("body", "support_request")}
    assert not Event.objects.exists()


@pytest.mark.parametrize("role", ["visitor", "member", "focal_point", "outsider"])
def test_only_secretariats_create_events(request, client, coalition, role):
    user = request.getfixturevalue(role)
    api_client = client if role == "visitor" else _signed_in(user)
    response = _post(api_client, _body())
    assert response.status_code in (401, 403, 404)
    assert not Event.objects.exists()


def test_update_replaces_fields_and_refuses_a_stale_version(coalition, coalition_secretariat):
    event = make_event(coalition=coalition)
    client = _signed_in(coalition_secretariat)
    response = _put(client, event, _body(version=1, title="Renamed workshop", countries=["GEO"]))
    assert response.status_code == 200, response.content
    assert response.json()["title"] == "Renamed workshop" and response.json()["version"] == 2
    stale = _put(client, event, _body(version=1, title="Overwritten"))
    assert stale.status_code == 409 and "Someone else changed this" in stale.json()["detail"]
    assert Event.objects.get(pk=event.pk).title == "Renamed workshop"


def test_update_and_delete_answer_404_to_those_who_may_not(coalition, member):
    event = make_event(coalition=coalition)
    client = _signed_in(member)
    assert _put(client, event, _body(version=1)).status_code == 404
    assert client.delete(f"{API}/events/{event.pk}").status_code == 404
    assert Event.objects.get(pk=event.pk).version == 1


def test_delete_by_secretariat(coalition, coalition_secretariat):
    event = make_event(coalition=coalition)
    response = _signed_in(coalition_secretariat).delete(f"{API}/events/{event.pk}")
    assert response.status_code == 204
    assert not Event.objects.exists()

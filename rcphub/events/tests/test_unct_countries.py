"""Events name the UN Country Teams they served: the form, the API both ways, the page, history, and
visibility left as it was."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from rcphub.events.models import Event
from rcphub.events.tests.builders import make_event
from rcphub.reference.models import Country

pytestmark = pytest.mark.django_db

API = "/api/v1"


def _signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def _body(**overrides):
    body = {
        "coalition": "health",
        "kind": "workshop",
        "title": "Workshop on climate-resilient health systems",
        "countries": ["KAZ", "KGZ", "TJK"],
        "unct_countries": ["KAZ", "kg"],
        "starts_at": "2026-04-22T09:00:00+05:00",
        "ends_at": "2026-04-23T17:00:00+05:00",
        "place": "Almaty, UN House",
        "visibility": "public",
    }
    body.update(overrides)
    return body


def _post(client, body):
    return client.post(f"{API}/events", json.dumps(body), content_type="application/json")


def _teams(event):
    return sorted(event.unct_countries.values_list("iso3", flat=True))


def test_api_round_trip_keeps_the_teams_served(coalition, coalition_secretariat):
    client = _signed_in(coalition_secretariat)

    created = _post(client, _body())
    assert created.status_code == 201, created.content
    assert sorted(created.json()["unct_countries"]) == ["KAZ", "KGZ"]
    event = Event.objects.get()
    assert _teams(event) == ["KAZ", "KGZ"]
    assert sorted(event.countries.values_list("iso3", flat=True)) == ["KAZ", "KGZ", "TJK"]

    read = client.get(f"{API}/events/{event.pk}").json()
    assert sorted(read["unct_countries"]) == ["KAZ", "KGZ"]
    body = {**_body(unct_countries=["TJK"]), "version": read["version"]}
    changed = client.put(f"{API}/events/{event.pk}", json.dumps(body), content_type="application/json")
    assert changed.status_code == 200, changed.content
    assert changed.json()["unct_countries"] == ["TJK"]
    assert _teams(event) == ["TJK"]
    listed = client.get(f"{API}/events").json()["items"]
    assert listed[0]["unct_countries"] == ["TJK"]


def test_api_refuses_an_unknown_country_naming_the_field(coalition, coalition_secretariat):
    response = _post(_signed_in(coalition_secretariat), _body(unct_countries=["KAZ", "XXX"]))

    assert response.status_code == 422
    assert [entry["loc"][-1] for entry in response.json()["detail"]] == ["unct_countries"]
    assert "XXX" in response.json()["detail"][0]["msg"]
    assert not Event.objects.exists()


def test_the_teams_served_are_optional(coalition, coalition_secretariat):
    body = _body()
    del body["unct_countries"]

    response = _post(_signed_in(coalition_secretariat), body)
    assert response.status_code == 201 and response.json()["unct_countries"] == []


def _form_data(coalition, **overrides):
    data = {
        "coalition": coalition.pk,
        "kind": "training",
        "title": "Training on adolescent-friendly health services",
        "starts_at": "2026-06-02T09:00",
        "ends_at": "2026-06-03T16:00",
        "place": "Dushanbe, UN House",
        "visibility": "public",
    }
    data.update(overrides)
    return data


def test_form_records_and_shows_the_teams_served(client, coalition, coalition_secretariat):
    tajikistan, uzbekistan = Country.objects.get(iso3="TJK"), Country.objects.get(iso3="UZB")
    client.force_login(coalition_secretariat)

    form_page = client.get(reverse("events:event_create")).content.decode()
    assert "UN Country Teams served" in form_page
    assert "The countries whose UN Country Team the event served." in form_page
    response = client.post(
        reverse("events:event_create"),
        _form_data(coalition, countries=[tajikistan.pk], unct_countries=[tajikistan.pk, uzbekistan.pk]),
    )
    event = Event.objects.get()
    assert response.status_code == 302
    assert _teams(event) == ["TJK", "UZB"]

    edit = client.get(reverse("events:event_edit", args=[event.pk]))
    assert {c.pk for c in edit.context["form"].initial["unct_countries"]} == {tajikistan.pk, uzbekistan.pk}
    page = client.get(reverse("events:event_detail", args=[event.pk])).content.decode()
    assert 'id="unct-countries">Tajikistan, Uzbekistan<' in page


def test_form_puts_an_unknown_country_on_its_field(client, coalition, coalition_secretariat):
    client.force_login(coalition_secretariat)

    response = client.post(reverse("events:event_create"), _form_data(coalition, unct_countries=["999999"]))
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["unct_countries"]
    assert not Event.objects.exists()


def test_history_records_the_teams_served(coalition, coalition_secretariat):
    client = _signed_in(coalition_secretariat)
    _post(client, _body())
    event = Event.objects.get()

    latest = event.history.latest()
    assert sorted(row.country.iso3 for row in latest.unct_countries.all()) == ["KAZ", "KGZ"]


def test_naming_the_teams_changes_nobodys_view_of_an_internal_event(client, coalition, member, outsider):
    event = make_event(coalition=coalition, visibility="internal")
    event.unct_countries.set(Country.objects.filter(iso3__in=["GEO", "ARM"]))

    assert client.get(f"{API}/events/{event.pk}").status_code == 404
    assert client.get(reverse("events:event_detail", args=[event.pk])).status_code == 404
    assert _signed_in(outsider).get(f"{API}/events/{event.pk}").status_code == 404
    assert sorted(_signed_in(member).get(f"{API}/events/{event.pk}").json()["unct_countries"]) == [
        "ARM",
        "GEO",
    ]
    assert client.get(f"{API}/events").json()["count"] == 0

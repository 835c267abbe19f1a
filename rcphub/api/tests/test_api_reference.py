import pytest

from rcphub.api.tests.conftest import API

pytestmark = pytest.mark.django_db


def test_countries_list_the_region_with_codes(client):
    countries = client.get(f"{API}/reference/countries").json()
    serbia = next(c for c in countries if c["iso2"] == "RS")
    assert serbia["iso3"] == "SRB"
    assert serbia["name"] == serbia["name_en"]
    assert any(c["iso2"] == "XK" and c["note"] for c in countries)


def test_regions_list_their_countries_by_iso3(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        regions = client.get(f"{API}/reference/regions").json()
    unece = next(r for r in regions if r["slug"] == "unece")
    assert len(unece["countries"]) == 57
    assert {"SRB", "XKX", "USA"} <= set(unece["countries"])
    assert "MEX" not in unece["countries"]
    assert unece["name"] == "UNECE region"


def test_sdg_goals_carry_their_targets(client):
    goals = client.get(f"{API}/reference/sdg-goals").json()
    assert [g["number"] for g in goals] == list(range(1, 18))
    assert "3.8" in [t["code"] for t in goals[2]["targets"]]
    assert sum(len(g["targets"]) for g in goals) == 169


def test_sdg_targets_filter_by_goal_and_paginate(client):
    page = client.get(f"{API}/reference/sdg-targets", {"goal": "3", "page_size": 5}).json()
    assert page["count"] == 13
    assert len(page["items"]) == 5
    assert {t["goal"] for t in page["items"]} == {"3"}


def test_sdg_targets_unknown_goal_answers_422_naming_it(client):
    response = client.get(f"{API}/reference/sdg-targets", {"goal": "18"})
    assert response.status_code == 422
    assert [d["loc"] for d in response.json()["detail"]] == [["query", "goal"]]


def test_gcm_objectives_and_principles(client):
    assert [o["number"] for o in client.get(f"{API}/reference/gcm-objectives").json()] == list(range(1, 24))
    assert len(client.get(f"{API}/reference/gcm-principles").json()) == 10


def test_entities_filter_by_kind_and_name(client):
    page = client.get(f"{API}/reference/entities", {"kind": "un_entity", "q": "undp"}).json()
    assert "UNDP" in [e["acronym"] for e in page["items"]]
    assert {e["kind"] for e in page["items"]} == {"un_entity"}


def test_entities_carry_the_id_that_request_bodies_take(client):
    from rcphub.reference.models import Entity

    undp = next(
        e
        for e in client.get(f"{API}/reference/entities", {"q": "undp"}).json()["items"]
        if e["acronym"] == "UNDP"
    )
    assert undp["id"] == Entity.objects.get(acronym="UNDP").pk


def test_entities_unknown_kind_answers_422_naming_it(client):
    response = client.get(f"{API}/reference/entities", {"kind": "alien"})
    assert response.status_code == 422
    assert [d["loc"] for d in response.json()["detail"]] == [["query", "kind"]]

"""API on support requests, turnaround and the roster: visibility, steps, 422 naming fields, query counts."""

# ruff: noqa: F811  (pytest fixtures imported from request_fixtures are redefined as arguments)

from datetime import timedelta

import pytest
from django.test import Client

from rcphub.core.dates import today
from rcphub.reference.models import Country
from rcphub.support.models import RequestState, SupportRequest
from rcphub.support.tests.request_fixtures import (  # noqa: F401  (fixtures)
    current_plan,
    make_expert,
    make_request,
    other_rco,
    rco,
)

pytestmark = pytest.mark.django_db

API = "/api/v1"
S = RequestState


def _as(user):
    client = Client()
    client.force_login(user)
    return client


def _post(client, url, body):
    return client.post(url, body, content_type="application/json")


def test_requests_are_never_public(client, rco, coalition, outsider):
    request = make_request(requester=rco, coalition=coalition)
    assert client.get(f"{API}/support-requests").json()["count"] == 0
    assert client.get(f"{API}/support-requests/{request.pk}").status_code == 404
    assert _as(outsider).get(f"{API}/support-requests/{request.pk}").status_code == 404
    assert _as(outsider).get(f"{API}/support-requests/999999").status_code == 404
    assert _as(rco).get(f"{API}/support-requests/{request.pk}").json()["title"] == request.title


def test_rc_office_submits_and_secretariat_accepts_through_the_api(
    rco, coalition, coalition_secretariat, current_plan
):
    body = {
        "country": "UZ",
        "coalition": coalition.slug,
        "kind": "training",
        "title": "Training on the UNCT gender equality scorecard",
        "description": "A two-day training for the UNCT's gender theme group before the scorecard exercise.",
        "desired_timing": "September",
    }
    response = _post(_as(rco), f"{API}/support-requests", body)
    assert response.status_code == 201, response.content
    created = response.json()
    assert (created["country"], created["coalition"], created["state"]) == (
        "UZB",
        coalition.slug,
        "submitted",
    )
    secretariat = _as(coalition_secretariat)
    url = f"{API}/support-requests/{created['id']}/transitions"
    under_review = _post(secretariat, url, {"to_state": "under_review", "version": created["version"]})
    assert under_review.json()["state"] == "under_review"
    accepted = _post(secretariat, url, {"to_state": "accepted", "public": True, "version": 2})
    assert accepted.status_code == 200, accepted.content
    activity_id = accepted.json()["activity"]
    activity = _as(coalition_secretariat).get(f"{API}/activities/{activity_id}").json()
    assert activity["demand_driven"] is True and activity["visibility"] == "public"
    assert activity["countries"] == ["UZB"]


def test_bad_input_answers_422_naming_the_fields(rco, coalition, coalition_secretariat):
    client = _as(rco)
    response = _post(
        client,
        f"{API}/support-requests",
        {"country": "ZZ", "kind": "training", "title": "x", "description": "y"},
    )
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["body", "country"]
    response = _post(
        client, f"{API}/support-requests", {"country": "KG", "kind": "magic", "title": "", "description": "y"}
    )
    assert response.status_code == 422
    assert {tuple(e["loc"]) for e in response.json()["detail"]} >= {("body", "kind"), ("body", "title")}
    response = _post(
        client,
        f"{API}/support-requests",
        {"country": "KG", "coalition": "nowhere", "kind": "training", "title": "x", "description": "y"},
    )
    assert response.json()["detail"][0]["loc"] == ["body", "coalition"]
    assert not SupportRequest.objects.exists()

    request = make_request(requester=rco, coalition=coalition)
    secretariat = _as(coalition_secretariat)
    url = f"{API}/support-requests/{request.pk}/transitions"
    v = request.version
    declined = _post(secretariat, url, {"to_state": "declined", "version": v})
    assert declined.status_code == 422 and declined.json()["detail"][0]["loc"] == ["body", "reason"]
    wrong = _post(secretariat, url, {"to_state": "delivered", "version": v})
    assert wrong.status_code == 422 and wrong.json()["detail"][0]["loc"] == ["body", "to_state"]
    assert "Submitted" in wrong.json()["detail"][0]["msg"]
    stale = _post(secretariat, url, {"to_state": "under_review", "version": 7})
    assert stale.status_code == 409
    unknown = _post(secretariat, url, {"to_state": "under_review", "activity_id": 999999, "version": v})
    assert unknown.status_code == 422 and unknown.json()["detail"][0]["loc"] == ["body", "activity_id"]
    request.refresh_from_db()
    assert request.state == S.SUBMITTED


def test_requester_cannot_take_decisions_and_others_get_404(rco, other_rco, coalition):
    request = make_request(requester=rco, coalition=coalition)
    url = f"{API}/support-requests/{request.pk}/transitions"
    body = {"to_state": "under_review", "version": request.version}
    assert _post(_as(rco), url, body).status_code == 404
    assert _post(_as(other_rco), url, body).status_code == 404


def test_route_and_rate(rco, coalition, platform_secretariat):
    unrouted = make_request(requester=rco)
    routed = _post(
        _as(platform_secretariat),
        f"{API}/support-requests/{unrouted.pk}/route",
        {"coalition": coalition.slug, "version": unrouted.version},
    )
    assert routed.status_code == 200 and routed.json()["coalition"] == coalition.slug
    delivered = make_request(requester=rco, coalition=coalition, state=S.DELIVERED)
    url = f"{API}/support-requests/{delivered.pk}/rating"
    assert _post(_as(rco), url, {"rating": 0}).json()["detail"][0]["loc"] == ["body", "rating"]
    rated = _post(_as(rco), url, {"rating": 3, "comment": "Useful, a little late."})
    assert rated.status_code == 200 and rated.json()["rating"] == 3
    again = _post(_as(rco), url, {"rating": 5})
    assert again.status_code == 422 and again.json()["detail"][0]["loc"] == ["body", "rating"]


def test_list_filters(rco, coalition, platform_secretariat):
    make_request(requester=rco, coalition=coalition, title="A")
    make_request(requester=rco, state=S.DECLINED, country="MD", kind="training", title="B")
    client = _as(platform_secretariat)
    titles = lambda **q: [r["title"] for r in client.get(f"{API}/support-requests", q).json()["items"]]  # noqa: E731
    assert titles(state="declined") == ["B"]
    assert titles(coalition="none") == ["B"]
    assert titles(country="MDA", kind="training") == ["B"]
    assert titles(coalition=coalition.slug) == ["A"]
    bad = client.get(f"{API}/support-requests", {"state": "lost", "scope": "everything"})
    assert bad.status_code == 422
    assert {tuple(e["loc"]) for e in bad.json()["detail"]} == {("query", "state"), ("query", "scope")}


def test_turnaround(rco, coalition, member, client):
    make_request(
        requester=rco,
        coalition=coalition,
        state=S.ACCEPTED,
        submitted_on=today() - timedelta(days=3),
        decided_on=today(),
    )
    assert client.get(f"{API}/support-turnaround").status_code == 404
    body = _as(member).get(f"{API}/support-turnaround", {"since": today().isoformat()}).json()
    assert body["rows"] == [
        {
            "coalition": coalition.slug,
            "coalition_name": coalition.name,
            "to_decision": {"count": 1, "mean": 3.0, "median": 3.0},
            "to_delivery": {"count": 0, "mean": None, "median": None},
        }
    ]


def test_experts_for_members_only_with_filters(client, member):
    a = make_expert("Aida Nurlanovna", languages="ru, en", themes="labour migration")
    a.countries.set([Country.objects.get(iso2="KG")])
    make_expert("Bojana Ilić", entity="UN-Women", languages="en, fr", themes="gender statistics")
    assert client.get(f"{API}/experts").status_code == 404
    assert client.get(f"{API}/experts/{a.pk}").status_code == 404
    signed_in = _as(member)
    names = lambda **q: [e["name"] for e in signed_in.get(f"{API}/experts", q).json()["items"]]  # noqa: E731
    assert names(language="ru") == ["Aida Nurlanovna"]
    assert names(country="KG") == ["Aida Nurlanovna"]
    assert names(q="gender", entity="UN-Women") == ["Bojana Ilić"]
    detail = signed_in.get(f"{API}/experts/{a.pk}").json()
    assert detail["languages"] == ["ru", "en"] and detail["countries"] == ["KGZ"]
    bad = signed_in.get(f"{API}/experts", {"sdg_target": "99.9"})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["query", "sdg_target"]


@pytest.mark.parametrize("size", [2, 15])
def test_list_query_counts(rco, coalition, platform_secretariat, member, size, django_assert_max_num_queries):
    kg = Country.objects.get(iso2="KG")
    for i in range(size):
        make_request(requester=rco, coalition=coalition, title=f"R{i}")
        make_expert(f"Expert {i}").countries.set([kg])
    client = _as(platform_secretariat)
    with django_assert_max_num_queries(8):
        assert client.get(f"{API}/support-requests").json()["count"] == size
    client = _as(member)
    with django_assert_max_num_queries(10):
        assert client.get(f"{API}/experts").json()["count"] == size

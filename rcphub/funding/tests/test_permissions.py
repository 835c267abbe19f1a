"""One table over role × page or API action × fund visibility → HTTP status.

Funds are public unless marked internal; internal ones are seen by the platform secretariat and by
signed-in users holding a membership. Only the platform secretariat writes. Missing and forbidden
answer alike (404); a visitor's write to the API answers 401, a visitor's form page sends to sign-in.
"""

from datetime import date

import pytest
from django.urls import reverse

from rcphub.accounts.tests.factories import UserFactory
from rcphub.funding.tests.factories import build_fund, programme

pytestmark = pytest.mark.django_db

ROLES = (
    "visitor",
    "no_membership",
    "outsider",
    "member",
    "focal_point",
    "coalition_secretariat",
    "platform_secretariat",
)
READERS = dict.fromkeys(ROLES, (200, 200)) | {"visitor": (200, 404), "no_membership": (200, 404)}


def _writers(ok, visitor):
    return dict.fromkeys(ROLES, (404, 404)) | {
        "visitor": (visitor, visitor),
        "platform_secretariat": (ok, ok),
    }


# action -> role -> (status on a public fund, status on an internal fund)
TABLE = {
    "fund_page": READERS,
    "fund_api": READERS,
    "programme_page": READERS,
    "programme_api": READERS,
    "contribution_form": _writers(200, 302),
    "programme_form": _writers(200, 302),
    "transition_form": _writers(200, 302),
    "contribution_api": _writers(201, 401),
    "programme_api_create": _writers(201, 401),
    "transition_api": _writers(200, 401),
}


@pytest.fixture
def no_membership(db):
    return UserFactory(email="nobody@example.org")


def _act(client, action, fund, jp):
    urls = {
        "fund_page": lambda: client.get(reverse("funding:fund_detail", args=[fund.pk])),
        "fund_api": lambda: client.get(f"/api/v1/funds/{fund.pk}"),
        "programme_page": lambda: client.get(reverse("funding:joint_programme_detail", args=[jp.pk])),
        "programme_api": lambda: client.get(f"/api/v1/joint-programmes/{jp.pk}"),
        "contribution_form": lambda: client.get(reverse("funding:contribution_create", args=[fund.pk])),
        "programme_form": lambda: client.get(reverse("funding:joint_programme_edit", args=[jp.pk])),
        "transition_form": lambda: client.get(reverse("funding:joint_programme_transition", args=[jp.pk])),
        "contribution_api": lambda: client.post(
            "/api/v1/contributions",
            {
                "fund": fund.pk,
                "contributor": "SWE",
                "kind": "pledged",
                "amount": "1000000.00",
                "currency": "USD",
                "contributed_on": "2025-05-01",
            },
            content_type="application/json",
        ),
        "programme_api_create": lambda: client.post(
            "/api/v1/joint-programmes",
            {"fund": fund.pk, "title": "New", "thematic_area": "youth", "budget": "10", "currency": "USD"},
            content_type="application/json",
        ),
        "transition_api": lambda: client.post(
            f"/api/v1/joint-programmes/{jp.pk}/transition",
            {"state": "funded", "on": "2025-06-01", "version": jp.version},
            content_type="application/json",
        ),
    }
    return urls[action]()


@pytest.mark.parametrize("visibility", ("public", "internal"))
@pytest.mark.parametrize(("action", "role"), [(a, r) for a, roles in TABLE.items() for r in roles])
def test_permission_table(request, client, action, role, visibility):
    user = request.getfixturevalue(role)
    fund = build_fund(visibility=visibility)
    jp = programme(fund, "Primary health care", submitted_on=date(2025, 1, 10))
    if role != "visitor":
        client.force_login(user)
    expected = TABLE[action][role][0 if visibility == "public" else 1]
    assert _act(client, action, fund, jp).status_code == expected


def test_missing_fund_answers_like_an_internal_one(client):
    internal = build_fund(visibility="internal")
    for url in (
        reverse("funding:fund_detail", args=[internal.pk]),
        reverse("funding:fund_detail", args=[internal.pk + 1000]),
        f"/api/v1/funds/{internal.pk}",
        f"/api/v1/funds/{internal.pk + 1000}",
    ):
        response = client.get(url)
        assert response.status_code == 404
    assert (
        client.get(f"/api/v1/funds/{internal.pk}").json()
        == client.get(f"/api/v1/funds/{internal.pk + 1000}").json()
    )


def test_internal_funds_stay_out_of_lists_for_visitors(client, member):
    public = build_fund(acronym="PUB", name="Public fund")
    internal = build_fund(acronym="INT", name="Internal fund", visibility="internal")
    programme(internal, "Hidden programme")
    from rcphub.funding.tests.factories import contribute

    contribute(internal, "SWE", "100", date(2025, 1, 1))
    page = client.get(reverse("funding:fund_list")).content.decode()
    assert "Public fund" in page and "Internal fund" not in page
    assert [f["acronym"] for f in client.get("/api/v1/funds").json()["items"]] == [public.acronym]
    assert client.get("/api/v1/contributions").json()["count"] == 0
    assert client.get("/api/v1/joint-programmes").json()["count"] == 0
    client.force_login(member)
    assert {f["acronym"] for f in client.get("/api/v1/funds").json()["items"]} == {"PUB", "INT"}
    assert client.get("/api/v1/contributions").json()["count"] == 1

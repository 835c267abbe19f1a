from datetime import date

import pytest

from rcphub.api.tests.conftest import API
from rcphub.coalitions.tests.factories import CoalitionFactory, CoalitionMemberFactory, CountryNetworkFactory
from rcphub.reference.models import Country

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden(db, entity):
    """An internal coalition whose members include UNFPA."""
    hidden = CoalitionFactory(
        name="Task force on internal matters", slug="internal-tf", visibility="internal"
    )
    CoalitionMemberFactory(coalition=hidden, entity=entity("UNFPA"), role="member")
    return hidden


def _slugs(response):
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["items"]]


def test_visitor_lists_public_coalitions_only(client, coalition, other_coalition, hidden):
    assert sorted(_slugs(client.get(f"{API}/coalitions"))) == ["climate", "health"]


def test_member_lists_internal_coalition_of_their_entity(coalition, hidden, member, session_client):
    assert sorted(_slugs(session_client(member).get(f"{API}/coalitions"))) == ["health", "internal-tf"]


def test_coalition_list_names_co_chairs(client, coalition):
    [item] = client.get(f"{API}/coalitions").json()["items"]
    assert item["co_chairs"] == ["UNICEF", "WHO"]
    assert item["parent"] is None


def test_coalition_shows_co_chairs_members_and_networks(client, coalition, entity):
    CoalitionMemberFactory(coalition=coalition, entity=entity("ILO"), role="member", until=date(2020, 1, 1))
    CountryNetworkFactory(
        coalition=coalition, country=Country.objects.get(iso2="RS"), name="UN Network Serbia"
    )
    body = client.get(f"{API}/coalitions/health").json()
    assert body["co_chairs"] == ["UNICEF", "WHO"]
    assert {(m["entity"], m["role"]) for m in body["members"]} == {
        ("WHO", "co_chair"),
        ("UNICEF", "co_chair"),
        ("UNDP", "member"),
        ("UNFPA", "member"),
    }
    assert set(body["members"][0]) == {"entity", "entity_name", "role", "since", "until"}
    assert body["networks"] == [
        {
            "country": "SRB",
            "name": "UN Network Serbia",
            "established_on": None,
            "tor_url": "",
            "tor_file": None,
        }
    ]


def test_internal_coalition_answers_visitor_as_a_missing_one(client, hidden):
    forbidden = client.get(f"{API}/coalitions/internal-tf")
    missing = client.get(f"{API}/coalitions/no-such-coalition")
    assert (forbidden.status_code, forbidden.json()) == (missing.status_code, missing.json())
    assert forbidden.status_code == 404


def test_member_sees_internal_coalition_of_their_entity(hidden, member, session_client):
    assert session_client(member).get(f"{API}/coalitions/internal-tf").status_code == 200

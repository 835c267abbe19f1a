"""Bad API tokens from one address are throttled: after the limit, every token from it answers 429."""

import pytest
from django.core.cache import cache
from django.test import Client

from rcphub.api.tests.conftest import API

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.66"
NEIGHBOUR = "198.51.100.77"
LIMIT = 3


@pytest.fixture(autouse=True)
def low_limit(settings):
    """A small limit, and counters of this file's addresses that no other test sees (the cache outlives tests)."""
    settings.RCPHUB_API_TOKEN_FAILURE_LIMIT = LIMIT
    keys = [f"api-token-failures:{address}" for address in (ATTACKER, NEIGHBOUR)]
    cache.delete_many(keys)
    yield
    cache.delete_many(keys)


def get(address: str, raw: str):
    return Client(REMOTE_ADDR=address).get(f"{API}/activities", headers={"Authorization": f"Bearer {raw}"})


def test_bad_tokens_up_to_the_limit_answer_401_then_429(work_plan):
    assert [get(ATTACKER, f"rcp_guess-{n}").status_code for n in range(LIMIT)] == [401] * LIMIT

    response = get(ATTACKER, "rcp_guess-again")

    assert response.status_code == 429
    assert (
        isinstance(response.json()["detail"], str) and "Too many invalid tokens" in response.json()["detail"]
    )


def test_a_throttled_address_is_refused_even_with_a_good_token(work_plan, member, token_for):
    raw = token_for(member)["Authorization"].partition(" ")[2]
    for n in range(LIMIT):
        get(ATTACKER, f"rcp_guess-{n}")

    assert get(ATTACKER, raw).status_code == 429
    assert get(NEIGHBOUR, raw).status_code == 200


def test_good_tokens_do_not_count(work_plan, member, token_for):
    raw = token_for(member)["Authorization"].partition(" ")[2]

    assert [get(ATTACKER, raw).status_code for _ in range(LIMIT + 1)] == [200] * (LIMIT + 1)
    assert get(ATTACKER, "rcp_guess").status_code == 401


def test_the_counter_is_per_address(work_plan):
    for n in range(LIMIT):
        get(ATTACKER, f"rcp_guess-{n}")

    assert get(NEIGHBOUR, "rcp_guess").status_code == 401

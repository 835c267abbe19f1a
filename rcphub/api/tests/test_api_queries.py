"""The API's lists answer in a constant number of queries: measured with N rows and with 3N rows.

A signed-in member costs four queries before the handler runs: the session, the user, their
memberships and their coalitions.
"""

from datetime import date

import pytest

from rcphub.api.tests.conftest import API, add_activity, first_output, report
from rcphub.coalitions.tests.factories import CoalitionFactory, CoalitionMemberFactory, CountryNetworkFactory
from rcphub.reference.models import Country, Entity

pytestmark = pytest.mark.django_db

N = 4


def _grow_activities(work_plan, count, author, start):
    output = first_output(work_plan)
    for n in range(start, start + count):
        made = add_activity(output, f"q{n}", visibility="internal" if n % 2 else "public")
        report(made, "ongoing", date(2026, 3, 31), author)


def _get(client, url, bound, assert_max_queries):
    with assert_max_queries(bound):
        response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()


# 4 for the member, the count, the page, and one for each of the 6 prefetched many-to-many fields.
ACTIVITY_LIST_QUERIES = 12


def test_activity_list_queries_stay_constant_as_rows_grow(
    work_plan, member, session_client, platform_secretariat, django_assert_max_num_queries
):
    client = session_client(member)
    _grow_activities(work_plan, N, platform_secretariat, start=0)
    small = _get(client, f"{API}/activities", ACTIVITY_LIST_QUERIES, django_assert_max_num_queries)
    _grow_activities(work_plan, 2 * N, platform_secretariat, start=N)
    large = _get(client, f"{API}/activities", ACTIVITY_LIST_QUERIES, django_assert_max_num_queries)
    assert (small["count"], large["count"]) == (N + 2, 3 * N + 2)
    assert all(
        item["lead_entities"] and item["countries"] for item in large["items"] if item["code"].startswith("q")
    )


def test_activity_list_with_filters_adds_one_query_per_checked_filter(
    work_plan, member, session_client, platform_secretariat, django_assert_max_num_queries
):
    client = session_client(member)
    url = f"{API}/activities?country=RS&sdg_target=3.8&gcm_objective=15&lead_entity=UNICEF&status=ongoing"
    _grow_activities(work_plan, N, platform_secretariat, start=0)
    small = _get(client, url, ACTIVITY_LIST_QUERIES + 4, django_assert_max_num_queries)
    _grow_activities(work_plan, 2 * N, platform_secretariat, start=N)
    large = _get(client, url, ACTIVITY_LIST_QUERIES + 4, django_assert_max_num_queries)
    assert (small["count"], large["count"]) == (N, 3 * N)


# 4 for the member, the work plan, results, outputs, activities, 6 prefetches, rounds.
WORKPLAN_TREE_QUERIES = 15


def test_work_plan_tree_queries_stay_constant_as_rows_grow(
    work_plan, member, session_client, platform_secretariat, django_assert_max_num_queries
):
    client = session_client(member)
    url = f"{API}/workplans/{work_plan.pk}?as_at=2026-06-30"
    _grow_activities(work_plan, N, platform_secretariat, start=0)
    small = _get(client, url, WORKPLAN_TREE_QUERIES, django_assert_max_num_queries)
    _grow_activities(work_plan, 2 * N, platform_secretariat, start=N)
    large = _get(client, url, WORKPLAN_TREE_QUERIES, django_assert_max_num_queries)
    assert len(small["results"][0]["outputs"][0]["activities"]) == N + 2
    assert len(large["results"][0]["outputs"][0]["activities"]) == 3 * N + 2
    assert large["status_counts"]["ongoing"] == 3 * N


def _grow_coalitions(count, start):
    for n in range(start, start + count):
        made = CoalitionFactory(name=f"Coalition {n:03}", slug=f"grown-{n}")
        CoalitionMemberFactory(coalition=made, entity=Entity.objects.get(acronym="WHO"), role="co_chair")
        CoalitionMemberFactory(coalition=made, entity=Entity.objects.get(acronym="UNDP"), role="member")


# 4 for the member, the count, the page, the co-chairs.
COALITION_LIST_QUERIES = 7


def test_coalition_list_queries_stay_constant_as_rows_grow(
    coalition, member, session_client, django_assert_max_num_queries
):
    client = session_client(member)
    _grow_coalitions(N, start=0)
    small = _get(client, f"{API}/coalitions", COALITION_LIST_QUERIES, django_assert_max_num_queries)
    _grow_coalitions(2 * N, start=N)
    large = _get(client, f"{API}/coalitions", COALITION_LIST_QUERIES, django_assert_max_num_queries)
    assert (small["count"], large["count"]) == (N + 1, 3 * N + 1)
    assert all(item["co_chairs"] for item in large["items"])


# 4 for the member, the coalition with co-chairs, members, networks.
COALITION_DETAIL_QUERIES = 8


def test_coalition_detail_queries_stay_constant_as_rows_grow(
    coalition, member, session_client, django_assert_max_num_queries
):
    client = session_client(member)
    countries = list(Country.objects.order_by("iso2")[: 3 * N])
    entities = list(
        Entity.objects.filter(kind="un_entity").exclude(coalition_memberships__coalition=coalition)[: 3 * N]
    )

    def grow(start, count):
        for n in range(start, start + count):
            CoalitionMemberFactory(coalition=coalition, entity=entities[n], role="member")
            CountryNetworkFactory(coalition=coalition, country=countries[n])

    grow(0, N)
    small = _get(client, f"{API}/coalitions/health", COALITION_DETAIL_QUERIES, django_assert_max_num_queries)
    grow(N, 2 * N)
    large = _get(client, f"{API}/coalitions/health", COALITION_DETAIL_QUERIES, django_assert_max_num_queries)
    assert (len(small["networks"]), len(large["networks"])) == (N, 3 * N)
    assert len(large["members"]) == 4 + 3 * N


def _grow_plans(count, start):
    for n in range(start, start + count):
        CoalitionFactory(name=f"Coalition {n:03}", slug=f"plans-{n}").work_plans.create(
            title="Work plan 2026",
            period_start=date(2026, 1, 1),
            period_end=date(2026, 12, 31),
            state="endorsed",
        )


# 4 for the member, the count, the page.
WORKPLAN_LIST_QUERIES = 6


def test_work_plan_list_queries_stay_constant_as_rows_grow(
    member, session_client, django_assert_max_num_queries
):
    client = session_client(member)
    _grow_plans(N, start=0)
    small = _get(client, f"{API}/workplans", WORKPLAN_LIST_QUERIES, django_assert_max_num_queries)
    _grow_plans(2 * N, start=N)
    large = _get(client, f"{API}/workplans", WORKPLAN_LIST_QUERIES, django_assert_max_num_queries)
    assert (small["count"], large["count"]) == (N, 3 * N)


# The token's lookup and its last use replace the session and the user.
def test_token_auth_costs_no_more_queries_than_the_session(
    work_plan, member, token_for, client, platform_secretariat, django_assert_max_num_queries
):
    headers = token_for(member)
    _grow_activities(work_plan, N, platform_secretariat, start=0)
    client.get(f"{API}/activities", headers=headers)  # records the first use
    with django_assert_max_num_queries(ACTIVITY_LIST_QUERIES):
        response = client.get(f"{API}/activities", headers=headers)
    assert response.json()["count"] == N + 2

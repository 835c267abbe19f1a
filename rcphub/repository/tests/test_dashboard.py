"""The pledging dashboard: its figures against hand counts, on the page and in the API."""

from datetime import date

import pytest
from django.urls import reverse

from rcphub.reference.models import Country, Entity, EntityKind, GcmObjective
from rcphub.repository.selectors import pledging_dashboard
from rcphub.repository.tests.factories import build_pledge, build_report

pytestmark = pytest.mark.django_db

AS_AT = date(2025, 6, 30)


def tag(pledge, *numbers):
    pledge.gcm_objectives.set(GcmObjective.objects.filter(number__in=numbers))
    return pledge


@pytest.fixture
def pledges(member, focal_point):
    """Three published pledges (Albania, UNDP, a civil-society network), a draft and a submitted one.

    - Albania: objectives 2 and 5, in progress, made 2023-01-10, reported 2024-06-01: active.
    - UNDP: objective 5, planning, made 2021-03-01, never reported: inactive as at 2025-06-30.
    - the network: objective 23, fulfilled, made 2019-12-18: never inactive, being fulfilled.
    - a draft by Albania (objective 2) and a submitted pledge by UNDP (objective 7): never counted.
    """
    network = Entity.objects.create(
        acronym="MRN-ECA",
        name="Migrant Rights Network of Europe and Central Asia",
        kind=EntityKind.CIVIL_SOCIETY,
    )
    albania = tag(
        build_pledge(
            submitter=member,
            state="published",
            pledger="ALB",
            text="Albania will open two migrant resource centres.",
            made_on=date(2023, 1, 10),
            stage="in_progress",
        ),
        2,
        5,
    )
    build_report(pledge=albania, submitter=member, reported_on=date(2024, 6, 1))
    undp = tag(
        build_pledge(
            submitter=focal_point,
            state="published",
            text="UNDP will support labour-market data in Central Asia.",
            made_on=date(2021, 3, 1),
        ),
        5,
    )
    fulfilled = tag(
        build_pledge(
            submitter=member,
            state="published",
            text="Train 50 paralegals.",
            made_on=date(2019, 12, 18),
            stage="fulfilled",
        ),
        23,
    )
    fulfilled.pledger = network
    fulfilled.save()
    tag(build_pledge(submitter=member, state="draft", pledger="ALB", text="Draft pledge."), 2)
    tag(build_pledge(submitter=focal_point, state="submitted", text="Submitted pledge."), 7)
    return {"albania": albania, "undp": undp, "fulfilled": fulfilled}


def counts(rows):
    return {row.key: row.count for row in rows}


@pytest.mark.parametrize("role", ["visitor", "member", "platform_secretariat"])
def test_dashboard_counts_published_pledges_only_whoever_asks(request, pledges, role):
    dashboard = pledging_dashboard(user=request.getfixturevalue(role), as_at=AS_AT)

    assert dashboard.total == 3
    by_objective = counts(dashboard.by_objective)
    assert list(by_objective) == [str(n) for n in range(1, 24)]  # all 23, in order
    assert by_objective == {**{str(n): 0 for n in range(1, 24)}, "2": 1, "5": 2, "23": 1}
    assert counts(dashboard.by_pledger) == {"member_state": 1, "stakeholder": 2}
    assert counts(dashboard.by_stakeholder_kind) == {"un_entity": 1, "civil_society": 1}
    assert counts(dashboard.by_stage) == {"planning": 1, "in_progress": 1, "fulfilled": 1}
    assert [pledge.pk for pledge in dashboard.inactive] == [pledges["undp"].pk]


def test_as_at_changes_which_pledges_are_inactive(pledges):
    assert [p.pk for p in pledging_dashboard(user=None, as_at=date(2022, 6, 30)).inactive] == []
    assert [p.pk for p in pledging_dashboard(user=None, as_at=AS_AT).inactive] == [pledges["undp"].pk]
    later = pledging_dashboard(user=None, as_at=date(2026, 6, 2)).inactive
    assert [p.pk for p in later] == [pledges["undp"].pk, pledges["albania"].pk]  # oldest sign of life first


def test_a_draft_report_does_not_keep_a_pledge_active(pledges, member):
    build_report(pledge=pledges["undp"], submitter=member, reported_on=date(2025, 1, 1), state="draft")

    assert [p.pk for p in pledging_dashboard(user=None, as_at=AS_AT).inactive] == [pledges["undp"].pk]


def test_dashboard_page_shows_the_tables_and_the_chart(client, pledges):
    response = client.get(reverse("repository:pledging_dashboard"), {"as_at": "2025-06-30"})
    html = response.content.decode()

    assert response.status_code == 200
    assert "<svg" in html
    for objective in GcmObjective.objects.all():
        assert f"<tr><td>{objective.code} " in html  # every objective, with zeros
    assert "UNDP will support labour-market data" in html  # inactive
    assert "Albania will open two migrant resource centres" not in html  # active
    assert "Draft pledge" not in html and "Submitted pledge" not in html
    assert "30 June 2025" in html


def test_dashboard_page_reads_without_pledges_and_refuses_a_bad_date(client):
    empty = client.get(reverse("repository:pledging_dashboard"))
    assert empty.status_code == 200
    assert "No pledge is inactive" in empty.content.decode()

    bad = client.get(reverse("repository:pledging_dashboard"), {"as_at": "yesterday"})
    assert bad.status_code == 400
    assert "as_at" in bad.content.decode()


def test_dashboard_api_gives_the_same_figures(client, pledges):
    data = client.get("/api/v1/pledges/dashboard", {"as_at": "2025-06-30"}).json()
    page_figures = pledging_dashboard(user=None, as_at=AS_AT)

    assert data["total"] == page_figures.total == 3
    assert {row["key"]: row["count"] for row in data["by_objective"]} == counts(page_figures.by_objective)
    assert {row["key"]: row["count"] for row in data["by_pledger"]} == {"member_state": 1, "stakeholder": 2}
    assert {row["key"]: row["count"] for row in data["by_stage"]} == counts(page_figures.by_stage)
    assert [pledge["id"] for pledge in data["inactive"]] == [pledges["undp"].pk]
    assert data["inactive"][0]["inactive"] is True
    assert client.get("/api/v1/pledges/dashboard", {"as_at": "2022-06-30"}).json()["inactive"] == []


def test_dashboard_member_states_are_pledgers_of_kind_member_state(pledges):
    albania = Entity.objects.get(acronym="ALB")

    assert albania.kind == EntityKind.MEMBER_STATE
    assert albania.country == Country.objects.get(iso3="ALB")


def test_the_dashboard_lists_the_longest_silent_inactive_pledges_and_counts_them_all(
    client, member, monkeypatch
):
    from datetime import date

    from rcphub.repository import selectors as repository_selectors
    from rcphub.repository.tests.factories import build_pledge

    monkeypatch.setattr(repository_selectors, "INACTIVE_SHOWN", 2)
    silent = [
        build_pledge(submitter=member, state="published", made_on=date(2020, 1, day)) for day in (3, 1, 2)
    ]
    dashboard = repository_selectors.pledging_dashboard(user=None, as_at=date(2026, 6, 30))
    assert dashboard.inactive_count == 3
    assert [p.pk for p in dashboard.inactive] == [silent[1].pk, silent[2].pk]
    listed = client.get("/repository/pledges/", {"inactive": "true"})
    assert listed.status_code == 200 and listed.context["page"].paginator.count == 3
    assert client.get("/repository/pledges/", {"inactive": "maybe"}).status_code in (200, 400)
    assert client.get("/api/v1/pledges", {"inactive": "false"}).json()["count"] == 0


# --- what the dashboard counts: the pledges published by its date, as the list and facets do -------

ROLES = ["visitor", "member", "focal_point", "coalition_secretariat", "platform_secretariat"]


def login(client, user):
    if user.is_authenticated:
        client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("as_at", "expected"),
    [
        (date(2023, 1, 9), 2),  # the day before Albania's pledge was published: the network and UNDP
        (date(2023, 1, 10), 3),  # the day of its publication
        (date(2023, 1, 11), 3),  # the day after
        (date(2019, 12, 17), 0),  # before the first publication
        (date(2000, 1, 1), 0),
    ],
)
def test_dashboard_counts_a_pledge_from_the_day_it_was_published(pledges, as_at, expected):
    dashboard = pledging_dashboard(user=None, as_at=as_at)

    assert dashboard.total == expected
    assert sum(row.count for row in dashboard.by_stage) == expected
    assert sum(row.count for row in dashboard.by_pledger) == expected
    # Albania's pledge serves objectives 2 and 5, UNDP's objective 5, the network's objective 23.
    by_objective = counts(dashboard.by_objective)
    assert by_objective["2"] == (1 if as_at >= date(2023, 1, 10) else 0)
    assert by_objective["23"] == (1 if as_at >= date(2019, 12, 18) else 0)


def test_a_pledge_published_later_than_it_was_made_counts_from_its_publication(member):
    pledge = build_pledge(
        submitter=member, state="published", made_on=date(2024, 3, 1), published_on=date(2024, 5, 20)
    )

    assert pledging_dashboard(user=None, as_at=date(2024, 5, 19)).total == 0
    assert pledging_dashboard(user=None, as_at=date(2024, 5, 20)).total == 1
    assert [p.pk for p in pledging_dashboard(user=None, as_at=date(2026, 5, 21)).inactive] == [pledge.pk]


def test_dashboard_api_as_at_2000_counts_nothing(client, pledges):
    data = client.get("/api/v1/pledges/dashboard", {"as_at": "2000-01-01"}).json()

    assert data["total"] == 0
    assert all(row["count"] == 0 for row in data["by_objective"] + data["by_stage"] + data["by_pledger"])
    assert data["inactive_count"] == 0


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("as_at", ["2023-01-09", "2025-06-30"])
def test_dashboard_total_is_the_facets_count_as_at_the_same_date_for_each_role(
    request, client, pledges, role, as_at
):
    login(client, request.getfixturevalue(role))

    dashboard = client.get("/api/v1/pledges/dashboard", {"as_at": as_at}).json()
    facets = client.get("/api/v1/pledges/facets", {"as_at": as_at}).json()
    listed = client.get("/api/v1/pledges", {"as_at": as_at}).json()

    assert (
        dashboard["total"] == facets["count"] == listed["count"] == {"2023-01-09": 2, "2025-06-30": 3}[as_at]
    )
    stage = next(facet for facet in facets["facets"] if facet["name"] == "stage")
    assert {v["value"]: v["count"] for v in stage["values"]} == {
        row["key"]: row["count"] for row in dashboard["by_stage"] if row["count"]
    }
    inactive = client.get("/api/v1/pledges", {"as_at": as_at, "inactive": "true"}).json()
    assert inactive["count"] == dashboard["inactive_count"]


@pytest.mark.parametrize(
    ("role", "seen"),
    [("visitor", 3), ("member", 4), ("focal_point", 4), ("platform_secretariat", 5)],
)
def test_facets_without_a_date_count_the_drafts_one_may_see_and_the_dashboard_does_not(
    request, client, pledges, role, seen
):
    login(client, request.getfixturevalue(role))

    assert client.get("/api/v1/pledges/facets").json()["count"] == seen
    assert client.get("/api/v1/pledges/dashboard").json()["total"] == 3
    assert client.get("/api/v1/pledges/facets", {"as_at": date.today().isoformat()}).json()["count"] == 3


def test_a_bad_as_at_is_refused_naming_the_field(client):
    for path in ("/api/v1/pledges", "/api/v1/pledges/facets", "/api/v1/pledges/dashboard"):
        response = client.get(path, {"as_at": "2025-13-01"})
        assert response.status_code == 422
        assert "as_at" in str(response.json())
    page = client.get(reverse("repository:pledge_list"), {"as_at": "soon"})
    assert page.status_code == 400 and "as_at" in page.content.decode()


def test_dashboard_page_says_what_it_counts_and_links_the_list_as_at_its_date(
    client, pledges, platform_secretariat
):
    client.force_login(platform_secretariat)

    html = client.get(reverse("repository:pledging_dashboard"), {"as_at": "2023-01-09"}).content.decode()
    assert (
        "2 pledges to implement the Global Compact for Migration published on or before 9 January 2023"
        in html
    )
    assert "drafts, submissions awaiting review and returned pledges never are" in html
    assert f'href="{reverse("repository:pledge_list")}?as_at=2023-01-09"' in html

    listed = client.get(reverse("repository:pledge_list"), {"as_at": "2023-01-09"})
    assert listed.context["page"].paginator.count == 2
    assert "As at 9 January 2023" in listed.content.decode()


def test_dashboard_queries_do_not_grow_with_the_pledges(client, member, django_assert_num_queries):
    def measure() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            pledging_dashboard(user=member, as_at=date(2026, 6, 30))
        return len(captured)

    for day in (1, 2):
        tag(build_pledge(submitter=member, state="published", made_on=date(2020, 1, day)), 3)
    pledging_dashboard(user=member, as_at=date(2026, 6, 30))  # the reader's memberships, read once
    few = measure()
    for day in range(3, 23):
        pledge = tag(build_pledge(submitter=member, state="published", made_on=date(2020, 1, day)), 3, 4)
        pledge.partners.set(Entity.objects.filter(acronym__in=["UNDP", "ALB"]))
    with django_assert_num_queries(few):
        dashboard = pledging_dashboard(user=member, as_at=date(2026, 6, 30))
    assert dashboard.total == dashboard.inactive_count == 22

"""The dashboards: the home page at a glance and a coalition's progress, each figure against a count
written here, for a visitor, a member and the secretariat, as at a date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rcphub.core.dates import today
from rcphub.events.tests.builders import at, make_event
from rcphub.followup.tests.factories import FollowUpReportFactory, build_review
from rcphub.funding.models import Contribution, Fund
from rcphub.reference.models import Country, Entity, SdgTarget
from rcphub.reports.dashboards import coalition_progress, home_figures
from rcphub.repository.tests.factories import build_pledge, build_practice
from rcphub.support.tests.request_fixtures import make_request
from rcphub.workplans.tests.factories import (
    ActivityFactory,
    StatusReportFactory,
    WorkPlanFactory,
)

pytestmark = pytest.mark.django_db

AS_AT = date(2026, 6, 30)


@pytest.fixture
def reported(work_plan, coalition_secretariat):
    """The 2026 plan: activity i ongoing on 31 March then completed on 15 July; ii (internal) completed in May."""
    first, second = work_plan.results.get().outputs.get().activities.order_by("order")
    StatusReportFactory(
        activity=first, status="ongoing", as_at=date(2026, 3, 31), author=coalition_secretariat
    )
    StatusReportFactory(
        activity=first, status="completed", as_at=date(2026, 7, 15), author=coalition_secretariat
    )
    StatusReportFactory(
        activity=second, status="completed", as_at=date(2026, 5, 2), author=coalition_secretariat
    )
    second.countries.set(Country.objects.filter(iso3__in=["XKX"]))
    second.sdg_targets.set(SdgTarget.objects.filter(code__in=["3.8", "5.2"]))
    # A draft plan of the same coalition: members see it, visitors do not.
    draft = WorkPlanFactory(coalition=work_plan.coalition, state="draft", title="Draft plan 2026")
    in_serbia = ActivityFactory(output__result__work_plan=draft, title="Draft activity in Serbia")
    in_serbia.countries.set(Country.objects.filter(iso3="SRB"))
    in_serbia.sdg_targets.set(SdgTarget.objects.filter(code="3.8"))
    ActivityFactory(output=in_serbia.output, title="Draft activity")
    return first, second, draft


# ---------------------------------------------------------------------------------------------
# A coalition's progress


def test_progress_counts_status_as_at_the_date_not_later_reports(reported, coalition, visitor):
    progress = coalition_progress(coalition=coalition, user=visitor, as_at=AS_AT)

    # Only activity i is public in an endorsed plan; its report of 15 July comes after the date.
    assert progress.by_status == {"ongoing": 1}
    assert [(c.iso3, n) for c, n in progress.by_country] == [("SRB", 1)]
    assert len(progress.by_goal) == 17
    assert {goal.number: n for goal, n in progress.by_goal if n} == {3: 1}
    assert progress.support is None  # support requests are never public


def test_progress_after_the_later_report_counts_it(reported, coalition, visitor):
    progress = coalition_progress(coalition=coalition, user=visitor, as_at=date(2026, 7, 15))

    assert progress.by_status == {"completed": 1}


def test_members_count_internal_activities_and_drafts(reported, coalition, coalition_secretariat):
    progress = coalition_progress(coalition=coalition, user=coalition_secretariat, as_at=AS_AT)

    # i ongoing, ii completed (internal), and the draft plan's two activities with no report yet.
    assert progress.by_status == {"ongoing": 1, "completed": 1, "none": 2}
    assert sorted((c.iso3, n) for c, n in progress.by_country) == [("SRB", 2), ("XKX", 1)]
    assert {goal.number: n for goal, n in progress.by_goal if n} == {3: 3, 5: 1}


def test_a_plan_not_in_force_on_the_date_is_not_counted(reported, coalition, platform_secretariat):
    progress = coalition_progress(coalition=coalition, user=platform_secretariat, as_at=date(2025, 6, 30))

    assert progress.by_status == {}
    assert progress.work_plans == []


def test_support_requests_count_what_the_reader_may_see(coalition, coalition_secretariat, member, outsider):
    make_request(requester=member, coalition=coalition, submitted_on=date(2026, 5, 1))
    make_request(
        requester=member,
        coalition=coalition,
        state="delivered",
        submitted_on=date(2026, 3, 1),
        delivered_on=date(2026, 6, 1),
    )
    make_request(requester=outsider, coalition=coalition, state="declined", submitted_on=date(2026, 2, 1))
    make_request(requester=outsider, coalition=coalition, submitted_on=date(2026, 8, 1))  # after the date

    secretariat = coalition_progress(coalition=coalition, user=coalition_secretariat, as_at=AS_AT).support
    own = coalition_progress(coalition=coalition, user=member, as_at=AS_AT).support

    assert secretariat is not None and own is not None
    assert (secretariat.received, secretariat.delivered, secretariat.declined, secretariat.under_way) == (
        3,
        1,
        1,
        1,
    )
    assert (own.received, own.delivered, own.declined) == (2, 1, 0)


def test_upcoming_events_leave_out_past_and_internal_ones_for_visitors(coalition, visitor, member):
    make_event(coalition=coalition, title="Past workshop", starts_at=at(2026, 5, 4))
    make_event(coalition=coalition, title="Coming training", starts_at=at(2026, 9, 14))
    make_event(
        coalition=coalition, title="Internal retreat", starts_at=at(2026, 10, 1), visibility="internal"
    )

    seen = coalition_progress(coalition=coalition, user=visitor, as_at=AS_AT)

    assert [event.title for event in seen.events] == ["Coming training"]
    assert seen.event_count == 1


def test_progress_page_shows_charts_tables_map_notes_and_links(reported, client, coalition):
    response = client.get(reverse("coalition_progress", args=[coalition.slug]), {"as_at": "2026-06-30"})

    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<svg") == 3  # status, SDG goals, and the map
    assert "Serbia" in page and "Kosovo" not in page  # the internal activity's country is not drawn
    assert "do not imply official endorsement" in page
    assert "Security Council resolution 1244" not in page
    plan = reported[0].output.result.work_plan
    assert f'href="{reverse("workplans:detail", args=[plan.pk])}?as_at=2026-06-30"' in page
    assert "Support requests received" not in page
    assert "Internal coordination" not in page


def test_progress_page_notes_kosovo_for_members_who_see_it(
    reported, client, coalition, coalition_secretariat
):
    client.force_login(coalition_secretariat)

    page = client.get(
        reverse("coalition_progress", args=[coalition.slug]), {"as_at": "2026-06-30"}
    ).content.decode()

    assert "Security Council resolution 1244" in page
    assert "Support requests received" in page


@pytest.mark.parametrize("value", ["30/06/2026", "2026-13-01", "yesterday"])
def test_a_bad_as_at_answers_400_naming_it(client, coalition, value):
    response = client.get(reverse("coalition_progress", args=[coalition.slug]), {"as_at": value})

    assert response.status_code == 400
    assert "as_at" in response.content.decode()


def test_an_internal_coalition_progress_is_not_found_for_visitors(client, db):
    from rcphub.coalitions.tests.factories import CoalitionFactory

    CoalitionFactory(name="Internal task team", slug="internal-team", visibility="internal")

    assert client.get(reverse("coalition_progress", args=["internal-team"])).status_code == 404


def test_progress_page_takes_a_constant_number_of_queries(reported, client, coalition, coalition_secretariat):
    client.force_login(coalition_secretariat)
    url = reverse("coalition_progress", args=[coalition.slug])
    output = reported[0].output
    make_event(coalition=coalition, title="First webinar", starts_at=at(2026, 8, 1))
    client.get(url, {"as_at": "2026-06-30"})  # charts rendered once and cached

    with CaptureQueriesContext(connection) as before:
        client.get(url, {"as_at": "2026-06-30"})
    for n in range(4):
        extra = ActivityFactory(output=output, code=f"m{n}", order=10 + n)
        extra.countries.set(Country.objects.filter(iso3="SRB"))
        extra.sdg_targets.set(SdgTarget.objects.filter(code="3.8"))
        make_event(coalition=coalition, title=f"Webinar {n}", starts_at=at(2026, 9, 1 + n))
    with CaptureQueriesContext(connection) as after:
        client.get(url, {"as_at": "2026-06-30"})
    assert len(after) == len(before)


def test_the_coalition_page_gives_the_key_numbers_and_links_its_progress(
    client, coalition, coalition_secretariat
):
    plan = WorkPlanFactory(
        coalition=coalition, state="endorsed", period_start=today() - timedelta(days=30), period_end=today()
    )
    first = ActivityFactory(output__result__work_plan=plan, visibility="public")
    ActivityFactory(output=first.output, visibility="internal")
    StatusReportFactory(activity=first, status="completed", as_at=today(), author=coalition_secretariat)

    page = client.get(reverse("coalitions:detail", args=[coalition.slug])).content.decode()

    assert f'href="{reverse("coalition_progress", args=[coalition.slug])}"' in page
    assert "Today: 1 activity in the work plans under way, 1 completed." in page


# ---------------------------------------------------------------------------------------------
# The home page


@pytest.fixture
def platform_data(reported, review, coalition_secretariat, member, platform_secretariat):
    """Commitments, practices, pledges and funds beside the coalition's work plans."""
    first, second = review.commitments.order_by("order")[:2]
    FollowUpReportFactory(
        commitment=first, status="completed", as_at=date(2026, 2, 1), author=platform_secretariat
    )
    FollowUpReportFactory(
        commitment=second, status="ongoing", as_at=date(2026, 2, 1), author=platform_secretariat
    )
    build_review(visibility="internal", title="Internal audit of the secretariat")  # three more, internal
    build_practice(submitter=member, state="published", published_on=date(2026, 1, 5))
    build_practice(submitter=member, state="published", published_on=date(2026, 2, 5))
    build_practice(submitter=member, state="draft")
    build_pledge(submitter=member, state="published", published_on=date(2026, 1, 5))
    build_pledge(submitter=member, state="submitted")
    public = Fund.objects.create(
        name="Regional Migration Fund",
        acronym="RMF",
        target_amount=1_000_000,
        currency="USD",
        target_date=date(2027, 12, 31),
    )
    Fund.objects.create(
        name="Internal Reserve",
        acronym="IRF",
        target_amount=5_000_000,
        currency="USD",
        target_date=date(2027, 12, 31),
        visibility="internal",
    )
    Contribution.objects.create(
        fund=public,
        contributor=Entity.objects.get(acronym="DEU"),
        kind="pledged",
        amount=250_000,
        currency="USD",
        contributed_on=date(2026, 1, 15),
    )
    return public


def test_home_figures_for_a_visitor(platform_data, visitor):
    figures = home_figures(user=visitor, as_at=AS_AT)

    assert figures.activities_by_status == {"ongoing": 1}
    # The public review's three commitments: 1 completed, 2 ongoing, 3 with no report.
    assert figures.commitments_by_status == {"completed": 1, "ongoing": 1, "none": 1}
    assert figures.commitments_implemented_pct == 33
    assert (figures.practices_published, figures.pledges_published) == (2, 1)
    assert figures.fund is not None and figures.fund.fund.acronym == "RMF"
    assert str(figures.fund.percent) == "25.0"


def test_home_figures_for_a_member_and_the_secretariat(
    platform_data, coalition_secretariat, platform_secretariat
):
    member = home_figures(user=coalition_secretariat, as_at=AS_AT)
    secretariat = home_figures(user=platform_secretariat, as_at=AS_AT)

    assert member.activities_by_status == {"ongoing": 1, "completed": 1, "none": 2}
    assert member.commitment_count == 3  # the internal audit is not theirs
    assert secretariat.commitment_count == 6
    assert secretariat.commitments_implemented_pct == 17
    # Published ones only, whoever reads: the draft and the submitted pledge are not counted.
    assert (secretariat.practices_published, secretariat.pledges_published) == (2, 1)
    assert secretariat.fund is not None and secretariat.fund.fund.acronym == "IRF"


def test_home_page_links_each_figure_to_what_it_counts(platform_data, client, coalition):
    response = client.get(reverse("home"))

    page = response.content.decode()
    assert response.status_code == 200
    assert f'href="{reverse("repository:practice_list")}" id="figure-practices">2<' in page
    assert f'href="{reverse("repository:pledge_list")}" id="figure-pledges">1<' in page
    assert f'href="{reverse("followup:list")}"' in page
    assert (
        f'href="{reverse("funding:fund_detail", args=[platform_data.pk])}?as_at={today().isoformat()}"'
        in page
    )
    assert "Internal Reserve" not in page and "IRF" not in page
    assert f'href="{reverse("coalition_progress", args=[coalition.slug])}"' in page
    assert f'href="{reverse("reference:countries")}"' in page and 'href="/api/v1/docs"' in page


@pytest.mark.parametrize("role", ["visitor", "coalition_secretariat", "platform_secretariat"])
def test_home_page_takes_a_constant_number_of_queries(request, platform_data, client, member, role):
    user = request.getfixturevalue(role)
    if user.is_authenticated:
        client.force_login(user)
    client.get(reverse("home"))  # charts rendered once and cached

    with CaptureQueriesContext(connection) as before:
        client.get(reverse("home"))
    for n in range(3):
        build_practice(submitter=member, state="published", published_on=date(2026, 3, n + 1))
        build_review(title=f"Evaluation {n}")
    with CaptureQueriesContext(connection) as after:
        client.get(reverse("home"))
    assert len(after) == len(before)

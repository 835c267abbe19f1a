"""Support pages: the request list and its filters, new request, detail with decisions, rating,
turnaround, the roster; the work plan's demand-driven badge; query counts at two sizes."""

# ruff: noqa: F811  (pytest fixtures imported from request_fixtures are redefined as arguments)

from datetime import timedelta

import pytest
from django.urls import reverse

from rcphub.core.dates import today
from rcphub.reference.models import Country, GcmObjective, SdgTarget
from rcphub.support.models import RequestState, SupportRequest
from rcphub.support.services import support_request_transition
from rcphub.support.tests.request_fixtures import (  # noqa: F401  (fixtures)
    current_plan,
    make_expert,
    make_request,
    other_rco,
    other_secretariat,
    rco,
)

pytestmark = pytest.mark.django_db

S = RequestState


def _login(client, user):
    client.force_login(user)
    return client


def test_visitors_are_sent_to_log_in_and_outsiders_see_nothing(client, rco, coalition, outsider):
    request = make_request(requester=rco, coalition=coalition)
    for name in ("support:requests", "support:experts", "support:turnaround", "support:request_create"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    _login(client, outsider)
    assert client.get(reverse("support:request", args=[request.pk])).status_code == 404
    assert client.get(reverse("support:request", args=[999999])).status_code == 404
    page = client.get(reverse("support:requests"))
    assert page.status_code == 200 and request.title not in page.content.decode()


def test_rc_office_submits_a_request(client, rco, coalition):
    _login(client, rco)
    page = client.get(reverse("support:request_create"))
    assert page.status_code == 200 and "Coalition addressed" in page.content.decode()
    data = {
        "country": Country.objects.get(iso2="MD").pk,
        "coalition": coalition.pk,
        "kind": "cooperation_framework",
        "title": "Results group on gender equality for the Cooperation Framework",
        "description": "Facilitate the first two meetings of the results group and help draft its workplan.",
        "desired_timing": "Q1",
        "desired_by": "",
    }
    response = client.post(reverse("support:request_create"), data)
    request = SupportRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "support:request", args=[request.pk]
    )
    assert (request.requester, request.country.iso2, request.coalition) == (rco, "MD", coalition)


def test_new_request_form_shows_errors_next_to_fields(client, rco):
    _login(client, rco)
    response = client.post(reverse("support:request_create"), {"title": "", "kind": "nonsense"})
    assert response.status_code == 200
    form = response.context["form"]
    assert {"title", "kind", "description", "country"} <= set(form.errors)
    assert not SupportRequest.objects.exists()


def test_list_filters_by_state_coalition_country_and_kind(
    client, rco, coalition, other_coalition, platform_secretariat
):
    a = make_request(requester=rco, coalition=coalition, title="CCA update in Kyrgyzstan")
    b = make_request(
        requester=rco,
        coalition=other_coalition,
        state=S.DECLINED,
        country="MD",
        title="Climate data in Moldova",
    )
    c = make_request(
        requester=rco, kind="training", country="UZ", title="Gender scorecard training in Uzbekistan"
    )
    _login(client, platform_secretariat)
    url = reverse("support:requests")

    def titles(**query):
        return [r.title for r in client.get(url, query).context["requests"]]

    assert set(titles()) == {a.title, b.title, c.title}
    assert titles(state="declined") == [b.title]
    assert titles(coalition=coalition.slug) == [a.title]
    assert titles(coalition="none") == [c.title]
    assert titles(country="UZB") == [c.title]
    assert titles(kind="training") == [c.title]
    assert titles(scope="mine") == []
    bad = client.get(url, {"state": "lost", "country": "ZZZ"})
    assert bad.status_code == 400
    assert "state" in bad.content.decode() and "country" in bad.content.decode()


def test_secretariat_sees_its_coalitions_requests_and_requester_sees_their_own(
    client, rco, other_rco, coalition, other_coalition, coalition_secretariat
):
    mine = make_request(requester=rco, coalition=coalition, title="Ours")
    theirs = make_request(requester=other_rco, coalition=other_coalition, title="Theirs")
    unrouted = make_request(requester=other_rco, title="Unrouted")
    _login(client, coalition_secretariat)
    assert [r.title for r in client.get(reverse("support:requests")).context["requests"]] == [mine.title]
    _login(client, other_rco)
    assert {r.title for r in client.get(reverse("support:requests")).context["requests"]} == {
        theirs.title,
        unrouted.title,
    }


def test_secretariat_accepts_on_the_detail_page(client, rco, coalition, coalition_secretariat, current_plan):
    request = make_request(requester=rco, coalition=coalition, state=S.UNDER_REVIEW)
    _login(client, coalition_secretariat)
    page = client.get(reverse("support:request", args=[request.pk])).content.decode()
    assert "Accept" in page and "Decline" in page and "Change history" in page
    response = client.post(
        reverse("support:request_transition", args=[request.pk]),
        {"to_state": "accepted", "version": request.version, "reason": "", "on": "", "activity": ""},
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.state == S.ACCEPTED and request.activity.demand_driven
    detail = client.get(reverse("support:request", args=[request.pk])).content.decode()
    assert reverse("workplans:activity", args=[request.activity.pk]) in detail
    # The requester may not see the coalition's internal activity: named, not linked.
    _login(client, rco)
    detail = client.get(reverse("support:request", args=[request.pk])).content.decode()
    assert reverse("workplans:activity", args=[request.activity.pk]) not in detail
    assert "An activity of" in detail


def test_decline_without_reason_shows_the_error_on_the_page(client, rco, coalition, coalition_secretariat):
    request = make_request(requester=rco, coalition=coalition)
    _login(client, coalition_secretariat)
    response = client.post(
        reverse("support:request_transition", args=[request.pk]),
        {"to_state": "declined", "version": request.version, "reason": ""},
    )
    assert response.status_code == 400
    assert "Give the reason for declining" in response.content.decode()
    request.refresh_from_db()
    assert request.state == S.SUBMITTED


def test_stale_version_is_refused_with_a_message(client, rco, coalition, coalition_secretariat):
    request = make_request(requester=rco, coalition=coalition)
    _login(client, coalition_secretariat)
    response = client.post(
        reverse("support:request_transition", args=[request.pk]),
        {"to_state": "under_review", "version": request.version + 3},
    )
    assert response.status_code == 400 and "Someone else changed this" in response.content.decode()


def test_requester_cannot_decide_by_posting(client, rco, coalition):
    request = make_request(requester=rco, coalition=coalition)
    _login(client, rco)
    response = client.post(
        reverse("support:request_transition", args=[request.pk]), {"to_state": "under_review", "version": 1}
    )
    assert response.status_code == 404


def test_platform_routes_a_request(client, rco, coalition, platform_secretariat):
    request = make_request(requester=rco)
    _login(client, platform_secretariat)
    response = client.post(
        reverse("support:request_route", args=[request.pk]), {"coalition": coalition.pk, "version": 1}
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.coalition == coalition


def test_requester_rates_the_delivered_support(client, rco, other_rco, coalition):
    request = make_request(requester=rco, coalition=coalition, state=S.DELIVERED)
    url = reverse("support:request_rate", args=[request.pk])
    _login(client, other_rco)
    assert client.get(url).status_code == 404
    _login(client, rco)
    assert "Rate the support" in client.get(reverse("support:request", args=[request.pk])).content.decode()
    assert client.post(url, {"rating": "5", "comment": "Timely and practical."}).status_code == 302
    request.refresh_from_db()
    assert (request.rating, request.rating_comment) == (5, "Timely and practical.")
    assert client.get(url).status_code == 404  # once only


def test_turnaround_page(client, rco, coalition, member):
    make_request(
        requester=rco,
        coalition=coalition,
        state=S.DECLINED,
        submitted_on=today() - timedelta(days=4),
        decided_on=today(),
    )
    _login(client, member)
    response = client.get(reverse("support:turnaround"), {"since": today().isoformat()})
    row = response.context["turnaround"].rows[0]
    assert (row.coalition, row.to_decision.count, row.to_decision.mean) == (coalition, 1, 4.0)
    assert client.get(reverse("support:turnaround"), {"since": "2026-13-01"}).status_code == 400


# ---------------------------------------------------------------------------------------------
# The work plan page


def test_work_plan_marks_demand_driven_activities_and_links_the_request_for_those_who_may_see_it(
    client, rco, coalition, coalition_secretariat, member, current_plan
):
    request = make_request(
        requester=rco, coalition=coalition, state=S.UNDER_REVIEW, title="CCA migration chapter"
    )
    support_request_transition(support_request=request, to_state=S.ACCEPTED, by=coalition_secretariat)
    url = reverse("workplans:detail", args=[current_plan.pk])
    link = reverse("support:request", args=[request.pk])
    _login(client, coalition_secretariat)
    page = client.get(url).content.decode()
    assert "Demand-driven" in page and link in page
    _login(client, member)  # a member of the coalition: sees the (internal) activity, not the request
    page = client.get(url).content.decode()
    assert "Demand-driven" in page and link not in page


def test_work_plan_page_queries_do_not_grow_with_demand_driven_activities(
    client, rco, coalition, coalition_secretariat, current_plan, django_assert_max_num_queries
):
    url = reverse("workplans:detail", args=[current_plan.pk])
    _login(client, coalition_secretariat)

    def accept(n):
        for i in range(n):
            r = make_request(requester=rco, coalition=coalition, state=S.UNDER_REVIEW, title=f"Request {i}")
            support_request_transition(support_request=r, to_state=S.ACCEPTED, by=coalition_secretariat)

    accept(1)
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    accept(6)
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(url).content.decode()
    assert page.count("Demand-driven</span>") == 7


# ---------------------------------------------------------------------------------------------
# Roster


def test_roster_search(client, member):
    a = make_expert("Aida Nurlanovna", languages="ru, en", themes="labour migration, remittances")
    a.gcm_objectives.set([GcmObjective.objects.get(number=1)])
    a.countries.set([Country.objects.get(iso2="KG")])
    b = make_expert("Bojana Ilić", entity="UN-Women", languages="en, fr", themes="gender statistics")
    b.sdg_targets.set([SdgTarget.objects.get(code="5.4")])
    _login(client, member)
    url = reverse("support:experts")

    def names(**query):
        return [e.name for e in client.get(url, query).context["experts"]]

    assert names() == [a.name, b.name]
    assert names(q="gender") == [b.name]
    assert names(theme="remittances") == [a.name]
    assert names(sdg_target="5.4") == [b.name]
    assert names(gcm_objective="1") == [a.name]
    assert names(country="KGZ") == [a.name]
    assert names(language="fr") == [b.name]
    assert names(language="ru") == [a.name]
    bad = client.get(url, {"sdg_target": "99.9", "gcm_objective": "x"})
    assert bad.status_code == 400 and "sdg_target" in bad.content.decode()
    detail = client.get(reverse("support:expert", args=[a.pk]))
    assert detail.status_code == 200 and "labour migration" in detail.content.decode()


def test_roster_is_not_for_users_without_membership(client, db):
    from rcphub.accounts.tests.factories import UserFactory

    expert = make_expert("Aida Nurlanovna")
    _login(client, UserFactory(email="nobody@example.org"))
    assert client.get(reverse("support:experts")).status_code == 404
    assert client.get(reverse("support:expert", args=[expert.pk])).status_code == 404


# ---------------------------------------------------------------------------------------------
# Query counts at two sizes


def _requests(rco, coalition, n):
    for i in range(n):
        make_request(
            requester=rco,
            coalition=coalition,
            state=[S.SUBMITTED, S.DELIVERED, S.DECLINED][i % 3],
            title=f"R{i}",
        )


@pytest.mark.parametrize("size", [2, 12])
def test_request_list_query_count(
    client, rco, coalition, platform_secretariat, size, django_assert_max_num_queries
):
    _requests(rco, coalition, size)
    _login(client, platform_secretariat)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("support:requests"))
    assert len(response.context["requests"]) == size


@pytest.mark.parametrize("size", [2, 12])
def test_roster_query_count(client, member, size, django_assert_max_num_queries):
    kg = Country.objects.get(iso2="KG")
    for i in range(size):
        make_expert(f"Expert {i}").countries.set([kg])
    _login(client, member)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("support:experts"))
    assert len(response.context["experts"]) == size


@pytest.mark.parametrize("size", [2, 12])
def test_detail_and_turnaround_query_count(
    client, rco, coalition, platform_secretariat, size, django_assert_max_num_queries
):
    _requests(rco, coalition, size)
    request = SupportRequest.objects.first()
    _login(client, platform_secretariat)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("support:request", args=[request.pk])).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(reverse("support:turnaround")).status_code == 200


def test_request_list_is_paginated(client, rco, coalition, platform_secretariat, monkeypatch):
    from rcphub.support import views

    monkeypatch.setattr(views, "PAGE_SIZE", 5)
    _requests(rco, coalition, 7)
    _login(client, platform_secretariat)
    first = client.get(reverse("support:requests"), {"coalition": coalition.slug})
    second = client.get(reverse("support:requests"), {"coalition": coalition.slug, "page": 2})
    assert len(first.context["requests"]) == 5 and len(second.context["requests"]) == 2
    assert f"coalition={coalition.slug}&amp;page=2" in first.content.decode()
    assert client.get(reverse("support:requests"), {"page": "abc"}).status_code == 200

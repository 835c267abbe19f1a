"""The request state machine, the activity created on acceptance, rating, routing and turnaround."""

# ruff: noqa: F811  (pytest fixtures imported from request_fixtures are redefined as arguments)

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from rcphub.core.dates import today
from rcphub.core.errors import TransitionError
from rcphub.reference.models import Country
from rcphub.support.models import RequestState, SupportRequest
from rcphub.support.selectors import support_turnaround
from rcphub.support.services import (
    support_request_rate,
    support_request_route,
    support_request_submit,
    support_request_transition,
)
from rcphub.support.tests.request_fixtures import (  # noqa: F401  (fixtures)
    current_plan,
    make_request,
    other_rco,
    other_secretariat,
    plan_covering_today,
    rco,
)
from rcphub.workplans.models import Activity, Output, Result

pytestmark = pytest.mark.django_db

S = RequestState


def _submit(rco, coalition=None, **more):
    return support_request_submit(
        country=Country.objects.get(iso2="KG"),
        coalition=coalition,
        kind="country_analysis",
        title="  CCA update: migration data in Kyrgyzstan ",
        description="Help the UNCT bring together data on labour migration and remittances.",
        desired_timing="Before the CCA update in Q2",
        by=rco,
        **more,
    )


def test_submit_records_requester_date_and_state(rco, coalition):
    request = _submit(rco, coalition)
    assert request.state == S.SUBMITTED
    assert request.requester == rco
    assert request.submitted_on == today()
    assert request.title == "CCA update: migration data in Kyrgyzstan"
    assert request.history.get().history_user == rco


def test_visitor_and_user_without_membership_cannot_submit(visitor, db):
    from rcphub.accounts.tests.factories import UserFactory

    for user in (visitor, UserFactory(email="nobody@example.org")):
        with pytest.raises(PermissionDenied):
            _submit(user)
    assert not SupportRequest.objects.exists()


def test_submit_refuses_a_date_wished_before_the_request(rco):
    with pytest.raises(ValidationError) as error:
        _submit(rco, desired_by=today() - timedelta(days=1))
    assert "desired_by" in error.value.message_dict
    assert not SupportRequest.objects.exists()


def test_full_path_records_each_date_and_who_decided(rco, coalition, coalition_secretariat, current_plan):
    request = _submit(rco, coalition)
    support_request_transition(support_request=request, to_state=S.UNDER_REVIEW, by=coalition_secretariat)
    assert request.decided_on is None
    support_request_transition(
        support_request=request, to_state=S.ACCEPTED, reason="Fits output 1.1", by=coalition_secretariat
    )
    assert (request.state, request.decided_on, request.decided_by) == (
        S.ACCEPTED,
        today(),
        coalition_secretariat,
    )
    assert request.decision_reason == "Fits output 1.1"
    support_request_transition(support_request=request, to_state=S.IN_PROGRESS, by=coalition_secretariat)
    assert request.started_on == today()
    support_request_transition(support_request=request, to_state=S.DELIVERED, by=coalition_secretariat)
    request.refresh_from_db()
    assert (request.state, request.delivered_on) == (S.DELIVERED, today())
    assert request.history.count() == 5


def test_accepting_creates_a_demand_driven_activity_in_the_current_plan(
    rco, coalition, coalition_secretariat, current_plan
):
    request = make_request(requester=rco, coalition=coalition, state=S.UNDER_REVIEW, desired_timing="Q2")
    support_request_transition(support_request=request, to_state=S.ACCEPTED, by=coalition_secretariat)
    activity = request.activity
    assert activity is not None and activity.demand_driven
    assert activity.output.result.work_plan == current_plan
    assert (activity.output.result.code, activity.output.code, activity.code) == ("DD", "DD.1", "DD.1.1")
    assert activity.title == request.title and activity.description == request.description
    assert activity.due_text == "Q2"
    assert [c.iso2 for c in activity.countries.all()] == ["KG"]
    assert activity.visibility == "internal"
    # A second acceptance reuses the result and output.
    second = make_request(requester=rco, coalition=coalition, state=S.UNDER_REVIEW, title="Gender scorecard")
    support_request_transition(
        support_request=second, to_state=S.ACCEPTED, visibility="public", by=coalition_secretariat
    )
    assert second.activity.code == "DD.1.2" and second.activity.visibility == "public"
    assert Result.objects.filter(work_plan=current_plan, code="DD").count() == 1
    assert Output.objects.filter(result__work_plan=current_plan, code="DD.1").count() == 1


def test_accepting_links_a_given_activity_of_the_current_plan(
    rco, coalition, coalition_secretariat, current_plan
):
    existing = Activity.objects.get(output__result__work_plan=current_plan, code="i")
    request = make_request(requester=rco, coalition=coalition, state=S.UNDER_REVIEW)
    support_request_transition(
        support_request=request, to_state=S.ACCEPTED, activity=existing, by=coalition_secretariat
    )
    existing.refresh_from_db()
    assert request.activity == existing and existing.demand_driven
    assert not Result.objects.filter(code="DD").exists()


def test_accepting_refuses_an_activity_of_another_plan(
    rco, coalition, other_coalition, coalition_secretariat, current_plan
):
    other_plan = plan_covering_today(other_coalition)
    foreign = Activity.objects.get(output__result__work_plan=other_plan)
    request = make_request(requester=rco, coalition=coalition, state=S.UNDER_REVIEW)
    with pytest.raises(ValidationError) as error:
        support_request_transition(
            support_request=request, to_state=S.ACCEPTED, activity=foreign, by=coalition_secretariat
        )
    assert "activity" in error.value.message_dict
    request.refresh_from_db()
    foreign.refresh_from_db()
    assert request.state == S.UNDER_REVIEW and not foreign.demand_driven


def test_accepting_without_a_current_plan_is_a_clear_error_and_writes_nothing(
    rco, coalition, coalition_secretariat
):
    year = today().year
    from rcphub.workplans.tests.factories import WorkPlanFactory

    WorkPlanFactory(coalition=coalition, period_start=date(year - 1, 1, 1), period_end=date(year - 1, 12, 31))
    WorkPlanFactory(
        coalition=coalition, period_start=date(year, 1, 1), period_end=date(year, 12, 31), state="closed"
    )
    request = make_request(requester=rco, coalition=coalition, state=S.UNDER_REVIEW)
    with pytest.raises(ValidationError) as error:
        support_request_transition(support_request=request, to_state=S.ACCEPTED, by=coalition_secretariat)
    assert "no open work plan" in error.value.message_dict["coalition"][0]
    request.refresh_from_db()
    assert request.state == S.UNDER_REVIEW and request.decided_on is None
    assert not Activity.objects.exists() and not Result.objects.filter(code="DD").exists()


def test_a_draft_plan_covering_today_takes_the_activity(rco, coalition, coalition_secretariat):
    plan = plan_covering_today(coalition, state="draft")
    request = make_request(requester=rco, coalition=coalition, state=S.UNDER_REVIEW)
    support_request_transition(support_request=request, to_state=S.ACCEPTED, by=coalition_secretariat)
    assert request.activity.output.result.work_plan == plan


def test_declining_needs_a_reason(rco, coalition, coalition_secretariat):
    request = make_request(requester=rco, coalition=coalition)
    with pytest.raises(ValidationError) as error:
        support_request_transition(
            support_request=request, to_state=S.DECLINED, reason="  ", by=coalition_secretariat
        )
    assert "decision_reason" in error.value.message_dict
    request.refresh_from_db()
    assert request.state == S.SUBMITTED and request.version == 1
    support_request_transition(
        support_request=request,
        to_state=S.DECLINED,
        reason="Covered by the UNCT's own plan.",
        by=coalition_secretariat,
    )
    assert (request.state, request.decided_on, request.decided_by) == (
        S.DECLINED,
        today(),
        coalition_secretariat,
    )


@pytest.mark.parametrize(
    ("state", "to_state"),
    [
        (S.SUBMITTED, S.ACCEPTED),
        (S.SUBMITTED, S.DELIVERED),
        (S.UNDER_REVIEW, S.IN_PROGRESS),
        (S.ACCEPTED, S.DECLINED),
        (S.ACCEPTED, S.DELIVERED),
        (S.DELIVERED, S.IN_PROGRESS),
        (S.DECLINED, S.ACCEPTED),
        (S.DECLINED, S.UNDER_REVIEW),
    ],
)
def test_a_step_the_state_does_not_allow_names_the_state_and_writes_nothing(
    rco, coalition, coalition_secretariat, state, to_state
):
    request = make_request(requester=rco, coalition=coalition, state=state)
    with pytest.raises(TransitionError) as error:
        support_request_transition(
            support_request=request, to_state=to_state, reason="x", by=coalition_secretariat
        )
    message = error.value.message_dict["state"][0]
    assert str(dict(S.choices)[state]) in message and str(dict(S.choices)[to_state]) in message
    fresh = SupportRequest.objects.get(pk=request.pk)
    assert (fresh.state, fresh.version, fresh.history.count()) == (state, 1, 1)


def test_others_cannot_decide(rco, coalition, member, focal_point, other_secretariat, visitor):
    request = make_request(requester=rco, coalition=coalition)
    for user in (rco, member, focal_point, other_secretariat, visitor):
        with pytest.raises(PermissionDenied):
            support_request_transition(support_request=request, to_state=S.UNDER_REVIEW, by=user)


def test_step_dates_may_not_precede_the_last_step_nor_be_in_the_future(rco, coalition, coalition_secretariat):
    request = make_request(requester=rco, coalition=coalition, submitted_on=today() - timedelta(days=10))
    with pytest.raises(ValidationError) as error:
        support_request_transition(
            support_request=request,
            to_state=S.UNDER_REVIEW,
            on=today() - timedelta(days=11),
            by=coalition_secretariat,
        )
    assert "on" in error.value.message_dict
    with pytest.raises(ValidationError):
        support_request_transition(
            support_request=request,
            to_state=S.UNDER_REVIEW,
            on=today() + timedelta(days=1),
            by=coalition_secretariat,
        )


def test_unrouted_request_is_routed_and_decided_by_the_platform(
    rco, coalition, coalition_secretariat, platform_secretariat
):
    request = _submit(rco)
    with pytest.raises(PermissionDenied):
        support_request_transition(support_request=request, to_state=S.UNDER_REVIEW, by=coalition_secretariat)
    with pytest.raises(PermissionDenied):
        support_request_route(support_request=request, coalition=coalition, by=coalition_secretariat)
    support_request_route(support_request=request, coalition=coalition, by=platform_secretariat)
    assert request.coalition == coalition
    support_request_transition(support_request=request, to_state=S.UNDER_REVIEW, by=coalition_secretariat)
    assert request.state == S.UNDER_REVIEW


def test_accepting_an_unrouted_request_asks_for_routing(rco, platform_secretariat):
    request = make_request(requester=rco, state=S.UNDER_REVIEW)
    with pytest.raises(ValidationError) as error:
        support_request_transition(support_request=request, to_state=S.ACCEPTED, by=platform_secretariat)
    assert "coalition" in error.value.message_dict


def test_a_decided_request_can_no_longer_be_routed(rco, coalition, other_coalition, platform_secretariat):
    request = make_request(requester=rco, coalition=coalition, state=S.ACCEPTED)
    with pytest.raises(TransitionError) as error:
        support_request_route(support_request=request, coalition=other_coalition, by=platform_secretariat)
    assert "Accepted" in error.value.message_dict["coalition"][0]


def test_requester_rates_once_after_delivery(rco, other_rco, coalition):
    request = make_request(requester=rco, coalition=coalition, state=S.IN_PROGRESS)
    with pytest.raises(TransitionError):
        support_request_rate(support_request=request, rating=5, by=rco)
    request = make_request(requester=rco, coalition=coalition, state=S.DELIVERED)
    with pytest.raises(PermissionDenied):
        support_request_rate(support_request=request, rating=5, by=other_rco)
    with pytest.raises(ValidationError) as error:
        support_request_rate(support_request=request, rating=6, by=rco)
    assert "rating" in error.value.message_dict
    support_request_rate(support_request=request, rating=4, comment=" Very practical. ", by=rco)
    request.refresh_from_db()
    assert (request.rating, request.rating_comment, request.rated_on) == (4, "Very practical.", today())
    with pytest.raises(ValidationError) as error:
        support_request_rate(support_request=request, rating=2, by=rco)
    assert "already" in error.value.message_dict["rating"][0]


# ---------------------------------------------------------------------------------------------
# Turnaround


def _row(turnaround, coalition):
    return next(r for r in turnaround.rows if r.coalition == coalition)


def test_turnaround_at_edge_dates(rco, coalition, other_coalition, member):
    since, until = date(2026, 3, 1), date(2026, 3, 31)
    # Decided on the day it was submitted, on the first day of the period: 0 days, counted.
    make_request(requester=rco, coalition=coalition, state=S.DECLINED, submitted_on=since, decided_on=since)
    # Decided on the last day: counted (30 days).
    make_request(
        requester=rco, coalition=coalition, state=S.ACCEPTED, submitted_on=date(2026, 3, 1), decided_on=until
    )
    # Decided the day before and the day after the period: not counted.
    make_request(
        requester=rco,
        coalition=coalition,
        state=S.ACCEPTED,
        submitted_on=date(2026, 2, 1),
        decided_on=date(2026, 2, 28),
    )
    make_request(
        requester=rco,
        coalition=coalition,
        state=S.ACCEPTED,
        submitted_on=date(2026, 3, 20),
        decided_on=date(2026, 4, 1),
    )
    # Decided before the period, delivered on its last day: counts for delivery only (59 days).
    make_request(
        requester=rco,
        coalition=coalition,
        state=S.DELIVERED,
        submitted_on=date(2026, 1, 31),
        decided_on=date(2026, 2, 2),
        delivered_on=until,
    )
    # Decided and delivered the same day as submitted, in the period: 0 and 0.
    make_request(
        requester=rco,
        coalition=coalition,
        state=S.DELIVERED,
        submitted_on=date(2026, 3, 9),
        decided_on=date(2026, 3, 9),
        delivered_on=date(2026, 3, 9),
    )
    # Another coalition: 10 days.
    make_request(
        requester=rco,
        coalition=other_coalition,
        state=S.DECLINED,
        submitted_on=date(2026, 3, 1),
        decided_on=date(2026, 3, 11),
    )
    # Not yet decided: not counted anywhere.
    make_request(requester=rco, coalition=coalition, submitted_on=date(2026, 3, 2))

    turnaround = support_turnaround(user=member, since=since, until=until)
    row = _row(turnaround, coalition)
    assert sorted(row.to_decision.days) == [0, 0, 30]
    assert (row.to_decision.count, row.to_decision.mean, row.to_decision.median) == (3, 10.0, 0.0)
    assert sorted(row.to_delivery.days) == [0, 59]
    assert (row.to_delivery.count, row.to_delivery.mean, row.to_delivery.median) == (2, 29.5, 29.5)
    other = _row(turnaround, other_coalition)
    assert (other.to_decision.count, other.to_decision.mean, other.to_delivery.count) == (1, 10.0, 0)
    assert other.to_delivery.mean is None and other.to_delivery.median is None

    one_day = support_turnaround(user=member, since=until, until=until, coalition_slug=coalition.slug)
    assert [r.coalition for r in one_day.rows] == [coalition]
    assert one_day.rows[0].to_decision.days == [30] and one_day.rows[0].to_delivery.days == [59]


def test_turnaround_is_for_members_and_refuses_a_reversed_period(visitor, member):
    from rcphub.core.errors import NotFound

    with pytest.raises(NotFound):
        support_turnaround(user=visitor, since=date(2026, 1, 1), until=date(2026, 12, 31))
    with pytest.raises(ValidationError) as error:
        support_turnaround(user=member, since=date(2026, 2, 1), until=date(2026, 1, 1))
    assert "since" in error.value.message_dict

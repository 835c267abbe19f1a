from io import StringIO

import pytest
from django.core.management import call_command

from rcphub.followup.models import Commitment, FollowUpReport, ManagementResponse, ReportingRound, Review

pytestmark = pytest.mark.django_db

LEDGER = (Review, Commitment, ReportingRound, FollowUpReport)


def _counts():
    return {model.__name__: (model.objects.count(), model.history.count()) for model in LEDGER}


def test_seed_demo_builds_the_follow_up_ledger_once(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    evaluations = Review.objects.filter(kind="evaluation")
    assert evaluations.count() == 2
    for evaluation in evaluations:
        assert 6 <= evaluation.commitments.count() <= 10
        assert evaluation.rounds.count() == 3
    responses = set(Commitment.objects.filter(review__in=evaluations).values_list("response", flat=True))
    assert responses >= set(ManagementResponse.values)
    plan = Review.objects.get(kind="plan_of_action")
    assert plan.groups.count() == 3 and 10 <= plan.commitments.count() <= 14 and plan.rounds.count() == 3
    assert not FollowUpReport.history.filter(history_user__isnull=True).exists()
    before = _counts()
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert _counts() == before
    assert "nothing created" in out.getvalue()


def test_seed_demo_holds_two_meetings_whose_decisions_are_followed_up(settings):
    from rcphub.meetings.models import Decision, Meeting

    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    assert Meeting.objects.count() == 2
    first, second = Meeting.objects.order_by("held_on")
    assert first.decisions.count() >= 3 and second.decisions.count() >= 3
    assert all(
        d.commitment.review_id == d.meeting.review_id for d in Decision.objects.select_related("commitment")
    )
    assert FollowUpReport.objects.filter(commitment__review=first.review, as_at__lte=second.held_on).exists()

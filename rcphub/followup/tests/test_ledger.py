from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from rcphub.core.dates import today
from rcphub.followup.models import FollowUpReport
from rcphub.followup.selectors import (
    CommitmentFilters,
    commitment_list,
    derive_state,
    followup_dashboard,
    review_changes,
    review_get,
    review_ledger,
    review_status_across_rounds,
)
from rcphub.followup.services import (
    commitment_create,
    followup_report_record,
    reporting_round_create,
)
from rcphub.followup.tests.factories import build_review

pytestmark = pytest.mark.django_db


def _row(ledger, number):
    return next(r for r in ledger.rows if r.commitment.number == number)


def _report(commitment, status, as_at, by, **kw):
    return followup_report_record(commitment=commitment, status=status, as_at=as_at, by=by, **kw)


def test_status_as_at_takes_the_last_report_on_or_before_the_date(review, follow_up_officer):
    first = review.commitments.get(number="1")
    _report(first, "starting", date(2025, 12, 31), follow_up_officer)
    _report(first, "ongoing", date(2026, 6, 30), follow_up_officer)
    _report(first, "completed", date(2026, 6, 30), follow_up_officer)  # same day: the later one counts
    assert (
        _row(review_ledger(review=review, user=follow_up_officer, as_at=date(2025, 12, 30)), "1").state.status
        is None
    )
    assert (
        _row(review_ledger(review=review, user=follow_up_officer, as_at=date(2026, 6, 29)), "1").state.status
        == "starting"
    )
    assert (
        _row(review_ledger(review=review, user=follow_up_officer, as_at=date(2026, 6, 30)), "1").state.status
        == "completed"
    )


@pytest.mark.parametrize(
    ("status", "due_on", "as_at", "overdue"),
    [
        (None, date(2026, 3, 31), date(2026, 3, 31), False),  # due that day: not yet overdue
        (None, date(2026, 3, 31), date(2026, 4, 1), True),
        ("ongoing", date(2026, 3, 31), date(2026, 4, 1), True),
        ("completed", date(2026, 3, 31), date(2026, 4, 1), False),
        ("no_longer_applicable", date(2026, 3, 31), date(2027, 1, 1), False),
        ("ongoing", None, date(2030, 1, 1), False),
    ],
)
def test_overdue_at_edge_dates(status, due_on, as_at, overdue):
    state = derive_state(
        status=status, reported_on=as_at, comment="", due_on=due_on, since=date(2025, 1, 1), as_at=as_at
    )
    assert state.overdue is overdue


@pytest.mark.parametrize(("days_since_report", "stale"), [(180, False), (181, True)])
def test_stale_after_the_configured_period(settings, days_since_report, stale):
    settings.RCPHUB_FOLLOWUP_STALE_DAYS = 180
    as_at = date(2026, 6, 30)
    state = derive_state(
        status="ongoing",
        reported_on=as_at - timedelta(days=days_since_report),
        comment="",
        due_on=None,
        since=date(2025, 1, 1),
        as_at=as_at,
    )
    assert state.stale is stale
    assert state.light == ("amber" if stale else "on_track")


def test_unreported_commitment_is_stale_counted_from_the_issue_date(settings):
    settings.RCPHUB_FOLLOWUP_STALE_DAYS = 30
    state = derive_state(
        status=None, reported_on=None, comment="", due_on=None, since=date(2026, 1, 1), as_at=date(2026, 2, 1)
    )
    assert (state.stale, state.light) == (True, "amber")


def test_traffic_lights(settings, review, follow_up_officer):
    settings.RCPHUB_FOLLOWUP_STALE_DAYS = 365
    _report(review.commitments.get(number="1"), "ongoing", date(2026, 1, 15), follow_up_officer)
    _report(review.commitments.get(number="2"), "completed", date(2026, 1, 15), follow_up_officer)
    ledger = review_ledger(review=review, user=follow_up_officer, as_at=date(2026, 4, 1))
    assert [_row(ledger, n).state.light for n in ("1", "2", "3")] == ["red", "green", "grey"]
    assert ledger.counts_by_status()["ongoing"] == 1 and ledger.counts_by_status()["none"] == 1
    assert ledger.counts_by_response() == {
        "accepted": 1,
        "partially_accepted": 1,
        "not_accepted": 1,
        "not_applicable": 0,
        "none": 0,
    }


def test_report_before_the_review_was_issued_is_refused_naming_the_field(review, follow_up_officer):
    with pytest.raises(ValidationError) as error:
        _report(review.commitments.get(number="1"), "ongoing", date(2025, 6, 29), follow_up_officer)
    assert "as_at" in error.value.message_dict
    assert not FollowUpReport.objects.exists()


def test_round_in_the_future_is_refused(review, follow_up_officer):
    with pytest.raises(ValidationError) as error:
        reporting_round_create(
            review=review, as_at=today() + timedelta(days=1), title="Next", by=follow_up_officer
        )
    assert "as_at" in error.value.message_dict


def test_unknown_status_is_refused(review, follow_up_officer):
    with pytest.raises(ValidationError) as error:
        _report(review.commitments.get(number="1"), "done", date(2026, 1, 1), follow_up_officer)
    assert "status" in error.value.message_dict


def test_duplicate_commitment_number_in_one_review_is_refused(review, follow_up_officer):
    count = review.commitments.count()
    with pytest.raises(ValidationError) as error:
        commitment_create(review=review, number="2", text="Again", by=follow_up_officer)
    assert "number" in str(error.value) or error.value.messages
    assert review.commitments.count() == count


def test_focal_point_of_responsible_entity_reports_only_on_its_items(review, focal_point):
    _report(
        review.commitments.get(number="1"), "ongoing", date(2026, 1, 1), focal_point
    )  # UNDP is responsible
    with pytest.raises(PermissionDenied):
        _report(review.commitments.get(number="2"), "ongoing", date(2026, 1, 1), focal_point)


def test_key_action_has_a_status_of_its_own(review, follow_up_officer):
    first = review.commitments.get(number="1")
    key_action = first.key_actions.get()
    _report(first, "completed", date(2026, 1, 10), follow_up_officer, key_action=key_action)
    row = _row(review_ledger(review=review, user=follow_up_officer, as_at=date(2026, 2, 1)), "1")
    assert row.key_actions[0].state.status == "completed"
    assert row.state.status is None


def test_internal_review_is_hidden_from_visitors_and_others(
    visitor, outsider, focal_point, follow_up_officer
):
    internal = build_review(visibility="internal", title="Internal audit of the regional office")
    from rcphub.core.errors import NotFound

    for user in (visitor, outsider):
        with pytest.raises(NotFound):
            review_get(review_id=internal.pk, user=user)
    for user in (focal_point, follow_up_officer):  # UNDP is responsible for an item; UNICEF follows up
        assert review_get(review_id=internal.pk, user=user) == internal


def test_round_changes_list_moves_reports_and_items_that_became_overdue(review, follow_up_officer):
    first, second = review.commitments.get(number="1"), review.commitments.get(number="2")
    _report(first, "starting", date(2025, 12, 31), follow_up_officer)
    _report(second, "starting", date(2025, 12, 31), follow_up_officer)
    _report(second, "completed", date(2026, 6, 30), follow_up_officer)
    changes = review_changes(review=review, since=date(2025, 12, 31), until=date(2026, 6, 30))
    assert [(m.commitment.number, m.before, m.after) for m in changes.moves] == [
        ("2", "starting", "completed")
    ]
    assert [r.status for r in changes.reports] == ["completed"]
    assert [c.number for c in changes.became_overdue] == ["1"]


def test_status_across_rounds(review, follow_up_officer):
    first = review.commitments.get(number="1")
    r1 = reporting_round_create(
        review=review, as_at=date(2025, 12, 31), title="As at 31 December 2025", by=follow_up_officer
    )
    r2 = reporting_round_create(
        review=review, as_at=date(2026, 6, 30), title="As at 30 June 2026", by=follow_up_officer
    )
    _report(first, "starting", None, follow_up_officer, round=r1)
    _report(first, "completed", None, follow_up_officer, round=r2)
    series = review_status_across_rounds(review=review)
    assert [(r.as_at, c["starting"], c["completed"], c["none"]) for r, c in series] == [
        (date(2025, 12, 31), 1, 0, 2),
        (date(2026, 6, 30), 0, 1, 2),
    ]


def test_commitment_list_filters(review, follow_up_officer, visitor):
    _report(review.commitments.get(number="2"), "completed", date(2026, 1, 1), follow_up_officer)

    def numbers(**filters):
        return [
            c.number
            for c in commitment_list(
                user=visitor, filters=CommitmentFilters(**filters), as_at=date(2026, 4, 1)
            )
        ]

    assert numbers(overdue=True) == ["1"]
    assert numbers(overdue=False) == ["2", "3"]
    assert numbers(status="completed") == ["2"]
    assert numbers(status="none") == ["1", "3"]
    assert numbers(responsible_entity="undp") == ["1"]
    assert numbers(organisation="UNICEF", kind="evaluation") == ["1", "2", "3"]
    assert numbers(organisation="UNDP") == []


def test_dashboard_lists_overdue_and_stale_open_items(
    settings, review, platform_secretariat, follow_up_officer
):
    settings.RCPHUB_FOLLOWUP_STALE_DAYS = 90
    _report(review.commitments.get(number="2"), "ongoing", date(2025, 12, 1), follow_up_officer)
    dashboard = followup_dashboard(user=platform_secretariat, as_at=date(2026, 4, 1))
    assert [r.commitment.number for r in dashboard.overdue] == ["1"]
    assert [r.commitment.number for r in dashboard.stale] == ["2", "3"]


def test_ledger_is_constant_query(review, follow_up_officer, django_assert_max_num_queries):
    from rcphub.followup.tests.factories import CommitmentFactory, KeyActionFactory

    with django_assert_max_num_queries(10) as few:
        review_ledger(review=review, user=follow_up_officer, as_at=date(2026, 4, 1))
    for n in range(10):
        KeyActionFactory(commitment=CommitmentFactory(review=review, number=f"x{n}"))
    with django_assert_max_num_queries(len(few)):
        review_ledger(review=review, user=follow_up_officer, as_at=date(2026, 4, 1))

"""What the documents hold: comments with no status, the status as written, reviews dated by month, due text
read as a date (decision 0011)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from rcphub.followup.models import DatePrecision, FollowUpReport, KeyAction, Review
from rcphub.followup.selectors import (
    CommitmentFilters,
    commitment_list,
    followup_dashboard,
    ledger_summary,
    review_changes,
    review_ledger,
    review_list,
    review_status_across_rounds,
)
from rcphub.followup.services import (
    commitment_create,
    commitment_update,
    followup_report_record,
    key_action_save,
    review_create,
    review_update,
)
from rcphub.reference.models import Entity

pytestmark = pytest.mark.django_db


def _row(ledger, number):
    return next(r for r in ledger.rows if r.commitment.number == number)


def _state(review, user, number, as_at):
    return _row(review_ledger(review=review, user=user, as_at=as_at), number).state


@pytest.fixture
def reported(review, follow_up_officer):
    """Recommendation 1: ongoing as at 31 Dec 2025, then a comment and no status as at 31 Mar 2026."""
    first = review.commitments.get(number="1")
    followup_report_record(
        commitment=first,
        status="ongoing",
        status_text="In progress",
        comment="Survey sent to the coalitions.",
        as_at=date(2025, 12, 31),
        by=follow_up_officer,
    )
    followup_report_record(
        commitment=first,
        status="",
        comment="The coalitions' answers are being compiled.",
        as_at=date(2026, 3, 31),
        by=follow_up_officer,
    )
    return first


def test_a_comment_with_no_status_is_stored_as_no_status(reported):
    report = FollowUpReport.objects.get(commitment=reported, as_at=date(2026, 3, 31))
    assert report.status == ""
    assert "No status given" in str(report)


def test_status_as_at_is_the_latest_report_giving_one_and_the_comment_the_latest(
    review, follow_up_officer, reported
):
    day_before = _state(review, follow_up_officer, "1", date(2026, 3, 30))
    assert (day_before.status, day_before.comment) == ("ongoing", "Survey sent to the coalitions.")
    assert day_before.status_text == "In progress"
    on_the_day = _state(review, follow_up_officer, "1", date(2026, 3, 31))
    assert on_the_day.status == "ongoing"
    assert on_the_day.reported_on == date(2025, 12, 31)
    assert on_the_day.comment == "The coalitions' answers are being compiled."
    assert on_the_day.commented_on == date(2026, 3, 31)


def test_an_item_reported_only_with_a_comment_reads_no_status_given(review, follow_up_officer):
    second = review.commitments.get(number="2")
    followup_report_record(
        commitment=second,
        status="",
        comment="Not reported on in this round.",
        as_at=date(2026, 3, 31),
        by=follow_up_officer,
    )
    before = _state(review, follow_up_officer, "2", date(2026, 3, 30))
    after = _state(review, follow_up_officer, "2", date(2026, 3, 31))
    assert (before.status, before.status_label) == (None, "No report yet")
    assert (after.status, after.status_label, after.light) == (None, "No status given", "grey")
    ledger = review_ledger(review=review, user=follow_up_officer, as_at=date(2026, 3, 31))
    assert ledger.counts_by_status()["none"] == 3  # none of the three has a status as at the date
    listed = commitment_list(
        user=follow_up_officer,
        filters=CommitmentFilters(review_id=review.pk, status="none"),
        as_at=date(2026, 3, 31),
    )
    assert {c.number for c in listed} == {"1", "2", "3"}


def test_a_comment_with_no_status_counts_as_a_report_for_staleness(
    settings, review, follow_up_officer, reported
):
    settings.RCPHUB_FOLLOWUP_STALE_DAYS = 180
    as_at = date(2026, 3, 31) + timedelta(days=180)
    assert _state(review, follow_up_officer, "1", as_at).stale is False
    assert _state(review, follow_up_officer, "1", as_at + timedelta(days=1)).stale is True
    summary = ledger_summary(user=follow_up_officer, as_at=as_at)
    assert summary.total.stale == 2  # 2 and 3 not reported since the review was issued; 1 is not stale
    dashboard = followup_dashboard(user=follow_up_officer, as_at=as_at)
    assert reported.pk not in {row.commitment.pk for row in dashboard.stale}


def test_a_comment_with_no_status_leaves_overdue_as_the_status_gives_it(review, follow_up_officer, reported):
    # Due 31 March 2026 and still ongoing: overdue the day after, a comment does not close it.
    assert _state(review, follow_up_officer, "1", date(2026, 4, 1)).overdue is True


def test_rounds_and_changes_count_the_status_given_not_the_comment(review, follow_up_officer, reported):
    moves = review_changes(review=review, since=date(2025, 12, 31), until=date(2026, 3, 31))
    assert [m.commitment.number for m in moves.moves] == []  # the status did not change
    assert len(moves.reports) == 1  # but the comment is a new report
    from rcphub.followup.services import reporting_round_create

    reporting_round_create(
        review=review, as_at=date(2026, 3, 31), title="Progress report", by=follow_up_officer
    )
    ((_round, counts),) = review_status_across_rounds(review=review)
    assert counts["ongoing"] == 1


def test_a_report_with_neither_status_nor_comment_is_refused_on_status(review, follow_up_officer):
    with pytest.raises(ValidationError) as error:
        followup_report_record(
            commitment=review.commitments.get(number="1"), status="", comment="  ", by=follow_up_officer
        )
    assert "status" in error.value.error_dict
    assert not FollowUpReport.objects.exists()


def test_review_dated_by_month_is_stored_as_the_first_day_and_shown_as_the_month(follow_up_officer):
    review = review_create(
        organisation=Entity.objects.get(acronym="UNICEF"),
        kind="plan_of_action",
        title="Plan of action on child-sensitive budgeting",
        issued_on=date(2017, 11, 20),
        issued_precision=DatePrecision.MONTH,
        by=follow_up_officer,
    )
    assert review.issued_on == date(2017, 11, 1)
    assert review.issued_label == "November 2017"
    review = review_update(
        review=review, by=follow_up_officer, expected_version=review.version, issued_precision="year"
    )
    assert (review.issued_on, review.issued_label) == (date(2017, 1, 1), "2017")
    review.issued_on = date(2017, 3, 5)
    with pytest.raises(ValidationError) as error:
        review.full_clean()
    assert "issued_on" in error.value.error_dict


def test_reviews_dated_by_month_sort_among_the_others(follow_up_officer, review):
    review_create(
        organisation=Entity.objects.get(acronym="UNICEF"),
        kind="evaluation",
        title="Evaluation dated by month",
        issued_on=date(2025, 7, 1),
        issued_precision="month",
        by=follow_up_officer,
    )
    titles = [r.title for r in review_list(user=follow_up_officer)]
    assert titles.index("Evaluation dated by month") < titles.index(
        review.title
    )  # July 2025 after 30 June 2025


def test_review_page_and_list_show_the_month(client, follow_up_officer):
    review = review_create(
        organisation=Entity.objects.get(acronym="UNICEF"),
        kind="evaluation",
        title="Evaluation issued in November 2017",
        issued_on=date(2017, 11, 1),
        issued_precision="month",
        visibility="public",
        by=follow_up_officer,
    )
    assert "November 2017" in client.get(reverse("followup:review", args=[review.pk])).content.decode()
    assert "November 2017" in client.get(reverse("followup:list")).content.decode()


def test_due_text_without_a_due_date_gives_the_date_it_means(review, follow_up_officer):
    commitment = commitment_create(
        review=review,
        number="9",
        text="Publish the roadmap.",
        due_text="By end March 2027",
        by=follow_up_officer,
    )
    assert commitment.due_on == date(2027, 3, 31)
    ongoing = commitment_create(
        review=review, number="10", text="Keep the roster current.", due_text="Ongoing", by=follow_up_officer
    )
    assert ongoing.due_on is None
    given = commitment_create(
        review=review,
        number="11",
        text="Hold the regional meeting.",
        due_text="By end 2027",
        due_on=date(2027, 10, 15),
        by=follow_up_officer,
    )
    assert given.due_on == date(2027, 10, 15)  # a date given is kept


def test_a_date_read_from_the_text_follows_the_text_and_one_entered_stays(review, follow_up_officer):
    commitment = commitment_create(
        review=review, number="9", text="Publish the roadmap.", due_text="By end 2027", by=follow_up_officer
    )
    commitment = commitment_update(
        commitment=commitment,
        by=follow_up_officer,
        expected_version=commitment.version,
        due_text="By mid-2028",
        due_on=commitment.due_on,  # the form sends back the date it showed
    )
    assert commitment.due_on == date(2028, 6, 30)
    commitment = commitment_update(
        commitment=commitment,
        by=follow_up_officer,
        expected_version=commitment.version,
        due_on=date(2028, 5, 2),
    )
    commitment = commitment_update(
        commitment=commitment,
        by=follow_up_officer,
        expected_version=commitment.version,
        due_text="Q3 2028",
        due_on=date(2028, 5, 2),
    )
    assert commitment.due_on == date(2028, 5, 2)  # entered by hand: kept


def test_key_action_due_text_gives_its_date_and_makes_it_overdue(review, follow_up_officer):
    first = review.commitments.get(number="1")
    key_action = key_action_save(
        commitment=first, text="Brief the coalitions.", due_text="Q3 2026", by=follow_up_officer
    )
    assert KeyAction.objects.get(pk=key_action.pk).due_on == date(2026, 9, 30)
    ledger = review_ledger(review=review, user=follow_up_officer, as_at=date(2026, 10, 1))
    (row,) = [ka for ka in _row(ledger, "1").key_actions if ka.key_action.pk == key_action.pk]
    assert row.state.overdue is True


def test_status_form_records_a_comment_with_no_status(client, review, follow_up_officer):
    client.force_login(follow_up_officer)
    first = review.commitments.get(number="1")
    response = client.post(
        reverse("followup:commitment_status", args=[first.pk]),
        {
            "status": "",
            "status_text": "",
            "as_at": "2026-03-31",
            "comment": "No update from the country offices.",
        },
    )
    assert response.status_code == 302
    report = FollowUpReport.objects.get()
    assert (report.status, report.comment) == ("", "No update from the country offices.")
    page = client.get(reverse("followup:commitment", args=[first.pk])).content.decode()
    assert "No status given" in page


def test_review_dated_by_month_through_the_form(client, follow_up_officer):
    client.force_login(follow_up_officer)
    response = client.post(
        reverse("followup:review_create"),
        {
            "kind": "plan_of_action",
            "organisation": Entity.objects.get(acronym="UNICEF").pk,
            "title": "Regional plan of action on adolescent health",
            "issued_on": "2017-11-14",
            "issued_precision": "month",
            "visibility": "public",
        },
    )
    assert response.status_code == 302
    review = Review.objects.get(title="Regional plan of action on adolescent health")
    assert (review.issued_on, review.issued_precision) == (date(2017, 11, 1), "month")


def test_plan_of_action_page_shows_no_management_response(client, review):
    review.kind = "plan_of_action"
    review.save()
    page = client.get(reverse("followup:review", args=[review.pk])).content.decode()
    assert "Management response" not in page and "By management response" not in page
    review.kind = "evaluation"
    review.save()
    assert "Management response" in client.get(reverse("followup:review", args=[review.pk])).content.decode()


def test_demo_plan_of_action_has_due_text_only_items_and_a_comment_with_no_status():
    from rcphub.core.demodata import demo_content
    from rcphub.followup.due import due_date

    (plan,) = [
        row for row in demo_content("rcphub.followup.demo", "reviews") if row["kind"] == "plan_of_action"
    ]
    text_only = {
        i["number"]: due_date(i["due_text"])
        for i in plan["commitments"]
        if "due_on" not in i and i.get("due_text")
    }
    assert text_only == {"1.1": date(2025, 12, 31), "1.4": date(2027, 6, 30), "2.3": date(2027, 12, 31)}
    silent = [
        (item["number"], as_at)
        for item in plan["commitments"]
        for as_at, report in item.get("reports", {}).items()
        if "status" not in report
    ]
    assert silent == [("1.2", date(2026, 9, 30))]

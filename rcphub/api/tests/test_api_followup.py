from datetime import date, timedelta

import pytest

from rcphub.accounts.tests.factories import UserFactory
from rcphub.api.tests.conftest import API, ids
from rcphub.core.dates import today
from rcphub.followup.models import FollowUpReport, ReportingRound
from rcphub.followup.tests.factories import (
    CommitmentFactory,
    FollowUpReportFactory,
    KeyActionFactory,
    ReportingRoundFactory,
    ReviewFactory,
    build_review,
)
from rcphub.reference.models import Entity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _stale_after_180_days(settings):
    settings.RCPHUB_FOLLOWUP_STALE_DAYS = 180


def _commitment(review, number):
    return review.commitments.get(number=number)


def _report(author=None, **fields):
    return FollowUpReportFactory(author=author or UserFactory(email="reporter@example.org"), **fields)


def _error(response):
    assert response.status_code == 422, response.content
    return response.json()["detail"]


def _locs(response):
    return [d["loc"] for d in _error(response)]


@pytest.fixture
def hidden_review(db):
    """An internal WHO audit with one recommendation WHO is responsible for: hidden from the cast."""
    review = ReviewFactory(
        kind="audit",
        organisation=Entity.objects.get(acronym="WHO"),
        visibility="internal",
        title="Audit of the regional office",
    )
    CommitmentFactory(review=review, number="A1").responsible_entities.set(
        [Entity.objects.get(acronym="WHO")]
    )
    return review


@pytest.fixture
def internal_review(db):
    """An internal UNFPA evaluation; UNDP is responsible for its recommendation 1, UNICEF for 2."""
    return build_review(organisation="UNFPA", visibility="internal", title="Evaluation of data work")


# ---------------------------------------------------------------------------------------------
# Reviews: who sees what


def test_visitor_lists_only_public_reviews(client, review, hidden_review, internal_review):
    response = client.get(f"{API}/reviews")
    assert ids(response) == {review.pk}
    assert response.json()["count"] == 1


def test_people_of_a_responsible_entity_see_the_internal_review(
    session_client, focal_point, review, hidden_review, internal_review
):
    assert ids(session_client(focal_point).get(f"{API}/reviews")) == {review.pk, internal_review.pk}


def test_people_of_the_organisation_see_its_internal_review(
    session_client, member, review, hidden_review, internal_review
):
    # The member works for UNFPA, the organisation of the internal review.
    assert ids(session_client(member).get(f"{API}/reviews")) == {review.pk, internal_review.pk}


def test_review_lists_its_fields(client, review):
    item = client.get(f"{API}/reviews").json()["items"][0]
    assert item == {
        "id": review.pk,
        "kind": "evaluation",
        "title": review.title,
        "organisation": "UNICEF",
        "coalition": None,
        "issued_on": "2025-06-30",
        "issued_precision": "day",
        "issued_label": "30 June 2025",
        "description": "",
        "url": "",
        "visibility": "public",
        "version": review.version,
    }


def test_reviews_filter_by_organisation_kind_and_coalition(client, review, coalition):
    plan = ReviewFactory(
        kind="plan_of_action", organisation=Entity.objects.get(acronym="WHO"), coalition=coalition
    )
    assert ids(client.get(f"{API}/reviews", {"organisation": "unicef"})) == {review.pk}
    assert ids(client.get(f"{API}/reviews", {"kind": "plan_of_action"})) == {plan.pk}
    assert ids(client.get(f"{API}/reviews", {"coalition": "health"})) == {plan.pk}
    assert ids(client.get(f"{API}/reviews", {"coalition": "no-such-coalition"})) == set()


def test_reviews_with_unknown_organisation_or_kind_answer_422_naming_them(client, review):
    assert _locs(client.get(f"{API}/reviews", {"organisation": "NOPE"})) == [["query", "organisation"]]
    assert _locs(client.get(f"{API}/reviews", {"kind": "survey"})) == [["query", "kind"]]


def test_review_list_is_paginated(client, review):
    for _n in range(3):
        ReviewFactory(organisation=Entity.objects.get(acronym="WHO"))
    page = client.get(f"{API}/reviews", {"page_size": 2, "page": 2}).json()
    assert page["count"] == 4
    assert len(page["items"]) == 2


# ---------------------------------------------------------------------------------------------
# A review's status of implementation as at a date


@pytest.fixture
def reported(review, follow_up_officer):
    """Recommendation 1 starting at the end of 2025; 2 completed mid-June 2026; the key action ongoing."""
    first, second = _commitment(review, "1"), _commitment(review, "2")
    _report(commitment=first, status="starting", as_at=date(2025, 12, 31), comment="Survey sent.")
    _report(commitment=second, status="completed", as_at=date(2026, 6, 15))
    _report(key_action=first.key_actions.get(), status="ongoing", as_at=date(2026, 1, 15))
    return review


def test_review_shows_each_commitment_with_its_state_as_at_the_date(client, reported):
    body = client.get(f"{API}/reviews/{reported.pk}", {"as_at": "2026-06-20"}).json()
    assert body["as_at"] == "2026-06-20"
    assert body["review"]["id"] == reported.pk
    assert body["can_manage"] is False
    first, second, third = body["commitments"]
    assert (first["number"], first["responsible_entities"], first["response"]) == ("1", ["UNDP"], "accepted")
    assert first["state"] == {
        "status": "starting",
        "status_label": "Starting",
        "status_text": "",
        "reported_on": "2025-12-31",
        "comment": "Survey sent.",
        "commented_on": "2025-12-31",
        "overdue": True,
        "stale": False,
        "light": "red",
    }
    assert [k["state"]["status"] for k in first["key_actions"]] == ["ongoing"]
    assert first["key_actions"][0]["due_on"] == "2026-01-31"
    assert first["can_report"] is False
    assert (second["state"]["status"], second["state"]["light"]) == ("completed", "green")
    # Never reported on in the year since the review was issued: stale.
    assert (third["state"]["status"], third["state"]["stale"], third["state"]["light"]) == (
        None,
        True,
        "amber",
    )


def test_review_item_turns_stale_after_the_configured_period_without_report(client, reported):
    def first_state(as_at):
        body = client.get(f"{API}/reviews/{reported.pk}", {"as_at": as_at}).json()
        return body["commitments"][0]["state"]

    # Reported on 2025-12-31; stale after 180 days.
    assert first_state("2026-06-29")["stale"] is False
    assert first_state("2026-06-30")["stale"] is True


def test_review_counts_by_status_response_and_light_as_at_the_date(client, reported):
    body = client.get(f"{API}/reviews/{reported.pk}", {"as_at": "2026-06-14"}).json()
    assert body["counts_by_status"] == {
        "not_started": 0,
        "starting": 1,
        "ongoing": 0,
        "completed": 0,
        "no_longer_applicable": 0,
        "none": 2,
    }
    assert body["counts_by_response"] == {
        "accepted": 1,
        "partially_accepted": 1,
        "not_accepted": 1,
        "not_applicable": 0,
        "none": 0,
    }
    assert body["counts_by_light"] == {"green": 0, "on_track": 0, "amber": 2, "red": 1, "grey": 0}
    later = client.get(f"{API}/reviews/{reported.pk}", {"as_at": "2026-06-15"}).json()
    assert later["counts_by_status"]["completed"] == 1


def test_review_before_any_report_shows_no_status(client, reported):
    body = client.get(f"{API}/reviews/{reported.pk}", {"as_at": "2025-12-30"}).json()
    assert body["counts_by_status"]["none"] == 3
    assert all(row["state"]["status"] is None for row in body["commitments"])


def test_review_tells_its_managers_and_reporters_what_they_may_do(
    session_client, review, follow_up_officer, focal_point
):
    managed = session_client(follow_up_officer).get(f"{API}/reviews/{review.pk}").json()
    assert managed["can_manage"] is True
    assert all(row["can_report"] for row in managed["commitments"])
    reported_on = session_client(focal_point).get(f"{API}/reviews/{review.pk}").json()
    assert reported_on["can_manage"] is False
    assert [row["can_report"] for row in reported_on["commitments"]] == [True, False, False]


def test_review_with_malformed_date_answers_422_naming_as_at(client, review):
    assert _locs(client.get(f"{API}/reviews/{review.pk}", {"as_at": "30/06/2026"})) == [["query", "as_at"]]


def test_hidden_review_answers_visitor_exactly_like_a_missing_one(client, hidden_review):
    for suffix in ("", "/rounds"):
        forbidden = client.get(f"{API}/reviews/{hidden_review.pk}{suffix}")
        missing = client.get(f"{API}/reviews/999999{suffix}")
        assert (forbidden.status_code, forbidden.json()) == (missing.status_code, missing.json())
        assert (forbidden.status_code, forbidden.json()) == (404, {"detail": "Not found."})


# ---------------------------------------------------------------------------------------------
# Reporting rounds


def test_rounds_list_earliest_first(client, review):
    later = ReportingRoundFactory(review=review, as_at=date(2026, 6, 30), title="Mid-2026")
    earlier = ReportingRoundFactory(review=review, as_at=date(2025, 12, 31), title="End 2025")
    assert [r["id"] for r in client.get(f"{API}/reviews/{review.pk}/rounds").json()] == [earlier.pk, later.pk]


def _post_round(client, review, headers, **body):
    return client.post(
        f"{API}/reviews/{review.pk}/rounds", body, content_type="application/json", headers=headers
    )


def test_follow_up_officer_opens_a_round(client, review, follow_up_officer, token_for):
    response = _post_round(
        client, review, token_for(follow_up_officer), as_at="2026-06-30", title=" Mid-2026 "
    )
    assert response.status_code == 201, response.content
    created = ReportingRound.objects.get()
    assert response.json() == {"id": created.pk, "as_at": "2026-06-30", "title": "Mid-2026"}


def test_reporter_who_does_not_manage_gets_404_opening_a_round(client, review, focal_point, token_for):
    response = _post_round(client, review, token_for(focal_point), as_at="2026-06-30", title="Mid-2026")
    assert (response.status_code, response.json()) == (404, {"detail": "Not found."})
    assert not ReportingRound.objects.exists()


def test_visitor_cannot_open_a_round(client, review):
    assert _post_round(client, review, {}, as_at="2026-06-30", title="Mid-2026").status_code == 401
    assert not ReportingRound.objects.exists()


@pytest.mark.parametrize(
    "as_at",
    [
        pytest.param((today() + timedelta(days=1)).isoformat(), id="future"),
        pytest.param("2025-06-29", id="before-issued"),
        pytest.param("2025-12-31", id="duplicate"),
    ],
)
def test_bad_round_date_answers_422_naming_as_at_and_writes_nothing(
    client, review, follow_up_officer, token_for, as_at
):
    ReportingRoundFactory(review=review, as_at=date(2025, 12, 31), title="End 2025")
    response = _post_round(client, review, token_for(follow_up_officer), as_at=as_at, title="Another")
    assert _locs(response) == [["body", "as_at"]]
    assert ReportingRound.objects.count() == 1


# ---------------------------------------------------------------------------------------------
# Commitments


def test_visitor_lists_only_commitments_of_public_reviews(client, review, hidden_review, internal_review):
    response = client.get(f"{API}/commitments")
    assert ids(response) == set(review.commitments.values_list("pk", flat=True))
    assert response.json()["count"] == 3


def test_commitment_lists_its_fields_and_state_as_at(client, reported):
    first = _commitment(reported, "1")
    item = client.get(f"{API}/commitments", {"as_at": "2026-06-20", "review": reported.pk}).json()["items"][0]
    assert item == {
        "id": first.pk,
        "review": reported.pk,
        "review_title": reported.title,
        "kind": "evaluation",
        "organisation": "UNICEF",
        "number": "1",
        "group": None,
        "text": first.text,
        "response": "accepted",
        "response_text": "",
        "responsible_entities": ["UNDP"],
        "responsible_text": "UNDP IRH",
        "due_on": "2026-03-31",
        "due_text": "",
        "version": first.version,
        "state": {
            "status": "starting",
            "status_label": "Starting",
            "status_text": "",
            "reported_on": "2025-12-31",
            "comment": "Survey sent.",
            "commented_on": "2025-12-31",
            "overdue": True,
            "stale": False,
            "light": "red",
        },
    }


@pytest.fixture
def spread(reported, coalition):
    """Besides `reported` (UNICEF evaluation), a WHO plan of action with item P1 UNFPA is responsible for."""
    plan = ReviewFactory(
        kind="plan_of_action", organisation=Entity.objects.get(acronym="WHO"), coalition=coalition
    )
    item = CommitmentFactory(review=plan, number="P1", due_on=date(2027, 6, 30))
    item.responsible_entities.set([Entity.objects.get(acronym="UNFPA")])
    return {"review": reported, "plan": plan, "item": item}


def _filter(client, **params):
    return ids(client.get(f"{API}/commitments", params))


def _numbers(review, *numbers):
    return set(review.commitments.filter(number__in=numbers).values_list("pk", flat=True))


def test_commitments_filter_by_organisation_kind_review_and_responsible_entity(client, spread):
    review, item = spread["review"], spread["item"]
    assert _filter(client, organisation="WHO") == {item.pk}
    assert _filter(client, kind="evaluation") == _numbers(review, "1", "2", "3")
    assert _filter(client, review=spread["plan"].pk) == {item.pk}
    assert _filter(client, responsible_entity="undp") == _numbers(review, "1")
    assert _filter(client, responsible_entity="UNFPA", kind="plan_of_action") == {item.pk}
    assert _filter(client, review=999_999) == set()


def test_commitments_filter_by_status_as_at_a_date(client, spread):
    review, item = spread["review"], spread["item"]
    assert _filter(client, status="starting", as_at="2026-06-30") == _numbers(review, "1")
    assert _filter(client, status="completed", as_at="2026-06-14") == set()
    assert _filter(client, status="completed", as_at="2026-06-15") == _numbers(review, "2")
    assert _filter(client, status="none", as_at="2026-06-30") == _numbers(review, "3") | {item.pk}
    assert _filter(client, status="none", as_at="2025-12-30") == _numbers(review, "1", "2", "3") | {item.pk}


def test_commitments_filter_by_overdue_as_at_a_date(client, spread):
    review, item = spread["review"], spread["item"]
    assert _filter(client, overdue="true", as_at="2026-03-31") == set()
    assert _filter(client, overdue="true", as_at="2026-04-01") == _numbers(review, "1")
    # Recommendation 2 was completed before it fell due; 3 has no due date.
    assert _filter(client, overdue="true", as_at="2027-01-01") == _numbers(review, "1")
    assert _filter(client, overdue="false", as_at="2027-01-01") == _numbers(review, "2", "3") | {item.pk}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"organisation": "NOPE"}, "organisation"),
        ({"responsible_entity": "NOPE"}, "responsible_entity"),
        ({"status": "finished"}, "status"),
        ({"kind": "survey"}, "kind"),
        ({"overdue": "maybe"}, "overdue"),
        ({"as_at": "31/12/2026"}, "as_at"),
    ],
)
def test_unknown_commitment_filter_answers_422_naming_it(client, review, params, field):
    assert _locs(client.get(f"{API}/commitments", params)) == [["query", field]]


def test_unknown_filters_are_all_named_at_once(client, review):
    detail = _error(client.get(f"{API}/commitments", {"organisation": "NOPE", "status": "finished"}))
    assert {tuple(d["loc"]) for d in detail} == {("query", "organisation"), ("query", "status")}
    assert any("NOPE" in d["msg"] for d in detail)


def test_commitment_shows_its_key_actions_and_state_as_at(client, reported):
    first = _commitment(reported, "1")
    body = client.get(f"{API}/commitments/{first.pk}", {"as_at": "2026-01-20"}).json()
    assert (body["id"], body["number"], body["review"]) == (first.pk, "1", reported.pk)
    assert body["state"]["status"] == "starting"
    assert body["state"]["overdue"] is False
    assert [(k["text"], k["state"]["status"]) for k in body["key_actions"]] == [
        ("Survey the coalitions' secretariats.", "ongoing")
    ]
    assert (
        client.get(f"{API}/commitments/{first.pk}", {"as_at": "2026-01-14"}).json()["key_actions"][0][
            "state"
        ]["status"]
        is None
    )


def test_hidden_commitment_answers_visitor_exactly_like_a_missing_one(client, hidden_review):
    hidden = hidden_review.commitments.get()
    for suffix in ("", "/status-reports"):
        forbidden = client.get(f"{API}/commitments/{hidden.pk}{suffix}")
        missing = client.get(f"{API}/commitments/999999{suffix}")
        assert (forbidden.status_code, forbidden.json()) == (missing.status_code, missing.json())
        assert (forbidden.status_code, forbidden.json()) == (404, {"detail": "Not found."})


# ---------------------------------------------------------------------------------------------
# Status reports


def test_status_reports_list_latest_first_with_authors_only_for_reporters(
    client, session_client, review, focal_point, follow_up_officer, member
):
    first = _commitment(review, "1")
    _report(commitment=first, status="starting", as_at=date(2025, 12, 31), author=follow_up_officer)
    _report(
        key_action=first.key_actions.get(), status="completed", as_at=date(2026, 2, 1), author=focal_point
    )
    url = f"{API}/commitments/{first.pk}/status-reports"
    history = client.get(url).json()
    assert [(r["status"], r["as_at"], r["commitment"], r["key_action"]) for r in history] == [
        ("completed", "2026-02-01", first.pk, first.key_actions.get().pk),
        ("starting", "2025-12-31", first.pk, None),
    ]
    assert [r["author"] for r in history] == [None, None]  # a visitor is not told who reported
    assert "email" not in history[0]
    assert [r["author"] for r in session_client(member).get(url).json()] == [None, None]
    names = [focal_point.get_full_name(), follow_up_officer.get_full_name()]
    assert [r["author"] for r in session_client(focal_point).get(url).json()] == names
    assert [r["author"] for r in session_client(follow_up_officer).get(url).json()] == names


def _post_status(client, commitment, headers, **body):
    return client.post(
        f"{API}/commitments/{commitment.pk}/status-reports",
        body,
        content_type="application/json",
        headers=headers,
    )


def test_focal_point_reports_status_of_a_commitment_their_entity_is_responsible_for(
    client, review, focal_point, token_for
):
    first = _commitment(review, "1")
    response = _post_status(
        client, first, token_for(focal_point), status="ongoing", as_at="2026-03-31", comment=" On track. "
    )
    assert response.status_code == 201, response.content
    created = FollowUpReport.objects.get()
    assert response.json() == {
        "id": created.pk,
        "commitment": first.pk,
        "key_action": None,
        "status": "ongoing",
        "status_text": "",
        "as_at": "2026-03-31",
        "comment": "On track.",
        "round": None,
        "author": focal_point.get_full_name(),
        "created_at": response.json()["created_at"],
    }
    assert (created.commitment, created.author) == (first, focal_point)


def test_report_on_a_key_action_in_a_round_takes_the_rounds_date(client, review, focal_point, token_for):
    first = _commitment(review, "1")
    key_action = first.key_actions.get()
    round_ = ReportingRoundFactory(review=review, as_at=date(2026, 6, 30), title="Mid-2026")
    response = _post_status(
        client,
        first,
        token_for(focal_point),
        status="completed",
        round_id=round_.pk,
        key_action_id=key_action.pk,
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["round"], body["as_at"], body["key_action"], body["commitment"]) == (
        round_.pk,
        "2026-06-30",
        key_action.pk,
        first.pk,
    )
    created = FollowUpReport.objects.get()
    assert (created.commitment, created.key_action) == (None, key_action)


def test_report_without_date_is_dated_today(client, review, follow_up_officer, token_for):
    response = _post_status(client, _commitment(review, "2"), token_for(follow_up_officer), status="starting")
    assert response.status_code == 201
    assert response.json()["as_at"] == today().isoformat()


def test_focal_point_gets_404_for_a_commitment_of_another_entity(client, review, focal_point, token_for):
    response = _post_status(client, _commitment(review, "2"), token_for(focal_point), status="ongoing")
    assert (response.status_code, response.json()) == (404, {"detail": "Not found."})
    assert not FollowUpReport.objects.exists()


def test_reporting_on_a_hidden_commitment_answers_like_a_missing_one(
    client, hidden_review, focal_point, token_for
):
    headers = token_for(focal_point)
    forbidden = _post_status(client, hidden_review.commitments.get(), headers, status="ongoing")
    missing = client.post(
        f"{API}/commitments/999999/status-reports",
        {"status": "ongoing"},
        content_type="application/json",
        headers=headers,
    )
    assert (forbidden.status_code, forbidden.json()) == (missing.status_code, missing.json())
    assert forbidden.status_code == 404
    assert not FollowUpReport.objects.exists()


def test_visitor_cannot_report(client, review):
    assert _post_status(client, _commitment(review, "1"), {}, status="ongoing").status_code == 401
    assert not FollowUpReport.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        pytest.param({"as_at": "2025-06-29"}, "as_at", id="before-the-review-was-issued"),
        pytest.param({"as_at": (today() + timedelta(days=1)).isoformat()}, "as_at", id="future"),
        pytest.param({"as_at": "29/06/2025"}, "as_at", id="malformed-date"),
        pytest.param({"status": "finished"}, "status", id="unknown-status"),
        pytest.param({"round_id": 999_999}, "round_id", id="unknown-round"),
        pytest.param({"key_action_id": 999_999}, "key_action_id", id="unknown-key-action"),
    ],
)
def test_bad_status_report_answers_422_naming_the_field_and_writes_nothing(
    client, review, focal_point, token_for, body, field
):
    response = _post_status(
        client, _commitment(review, "1"), token_for(focal_point), **{"status": "ongoing", **body}
    )
    assert _locs(response) == [["body", field]]
    assert not FollowUpReport.objects.exists()


def test_round_or_key_action_of_another_review_answers_422_naming_it(client, review, focal_point, token_for):
    other = build_review(organisation="WHO", title="Another evaluation")
    other_round = ReportingRoundFactory(review=other, as_at=date(2025, 12, 31), title="End 2025")
    other_key_action = _commitment(other, "1").key_actions.get()
    sibling_key_action = KeyActionFactory(commitment=_commitment(review, "2"))
    headers = token_for(focal_point)
    first = _commitment(review, "1")
    assert _locs(_post_status(client, first, headers, status="ongoing", round_id=other_round.pk)) == [
        ["body", "round_id"]
    ]
    for key_action in (other_key_action, sibling_key_action):
        assert _locs(_post_status(client, first, headers, status="ongoing", key_action_id=key_action.pk)) == [
            ["body", "key_action_id"]
        ]
    assert not FollowUpReport.objects.exists()


def test_report_dated_otherwise_than_its_round_answers_422_naming_as_at(
    client, review, focal_point, token_for
):
    round_ = ReportingRoundFactory(review=review, as_at=date(2026, 6, 30), title="Mid-2026")
    response = _post_status(
        client,
        _commitment(review, "1"),
        token_for(focal_point),
        status="ongoing",
        round_id=round_.pk,
        as_at="2026-05-31",
    )
    assert _locs(response) == [["body", "as_at"]]
    assert not FollowUpReport.objects.exists()


# ---------------------------------------------------------------------------------------------
# Query counts: constant as rows grow (N, then 3N)

N = 4


def _grow_reviews(count, start):
    for n in range(start, start + count):
        made = build_review(
            organisation="UNICEF", title=f"Evaluation {n:03}", visibility="internal" if n % 2 else "public"
        )
        _report(commitment=_commitment(made, "1"), status="ongoing", as_at=date(2026, 3, 31))


def _get(client, url, bound, assert_max_queries):
    with assert_max_queries(bound):
        response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()


# 4 for the member (session, user, memberships, coalitions), the count, the page.
REVIEW_LIST_QUERIES = 6


def test_review_list_queries_stay_constant_as_rows_grow(
    member, session_client, django_assert_max_num_queries
):
    client = session_client(member)
    _grow_reviews(N, start=0)
    small = _get(client, f"{API}/reviews", REVIEW_LIST_QUERIES, django_assert_max_num_queries)
    _grow_reviews(2 * N, start=N)
    large = _get(client, f"{API}/reviews", REVIEW_LIST_QUERIES, django_assert_max_num_queries)
    # The member (UNFPA) sees the public ones only: UNFPA is neither organisation nor responsible.
    assert (small["count"], large["count"]) == (N // 2, 3 * N // 2)


# 4 for the member, the count, the page, the responsible entities.
COMMITMENT_LIST_QUERIES = 7


def test_commitment_list_queries_stay_constant_as_rows_grow(
    focal_point, session_client, django_assert_max_num_queries
):
    client = session_client(focal_point)
    url = f"{API}/commitments?as_at=2026-06-30&page_size=500"
    _grow_reviews(N, start=0)
    small = _get(client, url, COMMITMENT_LIST_QUERIES, django_assert_max_num_queries)
    _grow_reviews(2 * N, start=N)
    large = _get(client, url, COMMITMENT_LIST_QUERIES, django_assert_max_num_queries)
    # The focal point (UNDP) is responsible for recommendation 1 of every review, so sees them all.
    assert (small["count"], large["count"]) == (3 * N, 9 * N)
    assert sum(item["state"]["status"] == "ongoing" for item in large["items"]) == 3 * N


def test_commitment_list_with_filters_adds_one_query_per_checked_entity(
    focal_point, session_client, django_assert_max_num_queries
):
    client = session_client(focal_point)
    url = f"{API}/commitments?organisation=UNICEF&responsible_entity=UNDP&status=ongoing&overdue=true&as_at=2026-06-30"
    _grow_reviews(N, start=0)
    small = _get(client, url, COMMITMENT_LIST_QUERIES + 2, django_assert_max_num_queries)
    _grow_reviews(2 * N, start=N)
    large = _get(client, url, COMMITMENT_LIST_QUERIES + 2, django_assert_max_num_queries)
    assert (small["count"], large["count"]) == (N, 3 * N)


def _grow_commitments(review, count, start):
    undp = Entity.objects.get(acronym="UNDP")
    for n in range(start, start + count):
        made = CommitmentFactory(review=review, number=f"g{n}", order=10 + n, due_on=date(2026, 1, 1))
        made.responsible_entities.set([undp])
        KeyActionFactory(commitment=made)
        _report(commitment=made, status="ongoing", as_at=date(2026, 3, 31))


# 4 for the focal point, the review, its key actions, commitments, their responsible entities, rounds.
REVIEW_DETAIL_QUERIES = 9


def test_review_detail_queries_stay_constant_as_rows_grow(
    review, focal_point, session_client, django_assert_max_num_queries
):
    client = session_client(focal_point)
    url = f"{API}/reviews/{review.pk}?as_at=2026-06-30"
    _grow_commitments(review, N, start=0)
    small = _get(client, url, REVIEW_DETAIL_QUERIES, django_assert_max_num_queries)
    _grow_commitments(review, 2 * N, start=N)
    large = _get(client, url, REVIEW_DETAIL_QUERIES, django_assert_max_num_queries)
    assert (len(small["commitments"]), len(large["commitments"])) == (3 + N, 3 + 3 * N)
    assert large["counts_by_status"]["ongoing"] == 3 * N
    assert all(row["can_report"] for row in large["commitments"] if row["number"].startswith("g"))

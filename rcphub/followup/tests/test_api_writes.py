"""The follow-up write API: reviews, groups, commitments and key actions through the same services and
permissions as the pages; 409 on a stale version, 422 naming the field, nothing half-written, history kept."""

from datetime import date

import pytest

from rcphub.accounts.models import Role
from rcphub.accounts.services import api_token_create
from rcphub.accounts.tests.factories import MembershipFactory, UserFactory
from rcphub.followup.models import Commitment, FollowUpReport, KeyAction, Review, ReviewGroup
from rcphub.followup.services import followup_report_record
from rcphub.followup.tests.factories import ReviewFactory
from rcphub.reference.models import Entity

pytestmark = pytest.mark.django_db

API = "/api/v1"


def _headers(user):
    _token, raw = api_token_create(user=user, name="script")
    return {"Authorization": f"Bearer {raw}"}


def _send(client, method, url, user=None, body=None):
    headers = _headers(user) if user is not None else {}
    call = getattr(client, method)
    if method == "delete":
        return call(url, headers=headers)
    return call(url, body or {}, content_type="application/json", headers=headers)


def _locs(response):
    assert response.status_code == 422, response.content
    return [entry["loc"] for entry in response.json()["detail"]]


def _conflict(response):
    assert response.status_code == 409, response.content
    assert "Someone else changed this" in response.json()["detail"]


NEW_REVIEW = {
    "kind": "plan_of_action",
    "organisation": "UNICEF",
    "title": "Regional plan of action on early childhood development",
    "issued_on": "2017-11-20",
    "issued_precision": "month",
    "visibility": "internal",
}


# ---------------------------------------------------------------------------------------------
# Reviews


def test_follow_up_officer_creates_a_review_dated_by_month(client, follow_up_officer):
    response = _send(client, "post", f"{API}/reviews", follow_up_officer, NEW_REVIEW)
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["issued_on"], body["issued_precision"], body["issued_label"]) == (
        "2017-11-01",
        "month",
        "November 2017",
    )
    review = Review.objects.get(pk=body["id"])
    assert review.history.get().history_user == follow_up_officer


@pytest.mark.parametrize("who", ["member", "focal_point", "outsider"])
def test_others_cannot_create_a_review_for_the_organisation(client, request, who):
    response = _send(client, "post", f"{API}/reviews", request.getfixturevalue(who), NEW_REVIEW)
    assert (response.status_code, response.json()) == (404, {"detail": "Not found."})
    assert not Review.objects.exists()


def test_visitor_cannot_write(client, review):
    assert _send(client, "post", f"{API}/reviews", None, NEW_REVIEW).status_code == 401
    first = review.commitments.get(number="1")
    assert _send(client, "patch", f"{API}/commitments/{first.pk}", None, {"version": 1}).status_code == 401
    assert _send(client, "delete", f"{API}/reviews/{review.pk}?version=1").status_code == 401
    assert Review.objects.count() == 1 and review.commitments.count() == 3


def test_review_with_unknown_organisation_or_blank_title_answers_422_naming_it(client, platform_secretariat):
    unknown = _send(
        client, "post", f"{API}/reviews", platform_secretariat, {**NEW_REVIEW, "organisation": "XYZ"}
    )
    assert _locs(unknown) == [["body", "organisation"]]
    blank = _send(client, "post", f"{API}/reviews", platform_secretariat, {**NEW_REVIEW, "title": ""})
    assert _locs(blank) == [["body", "title"]]
    coalition = _send(
        client, "post", f"{API}/reviews", platform_secretariat, {**NEW_REVIEW, "coalition": "nope"}
    )
    assert _locs(coalition) == [["body", "coalition"]]
    assert not Review.objects.exists()


def test_coalition_secretariat_manages_its_coalitions_review(client, coalition, coalition_secretariat):
    response = _send(
        client,
        "post",
        f"{API}/reviews",
        coalition_secretariat,
        {
            "kind": "other",
            "coalition": coalition.slug,
            "title": "Coalition retreat follow-up",
            "issued_on": "2026-01-15",
        },
    )
    assert response.status_code == 201, response.content
    assert Review.objects.get().coalition == coalition


def test_review_patch_changes_only_what_is_sent_and_refuses_a_stale_version(
    client, review, follow_up_officer
):
    url = f"{API}/reviews/{review.pk}"
    response = _send(client, "patch", url, follow_up_officer, {"version": review.version, "title": "Renamed"})
    assert response.status_code == 200, response.content
    assert (response.json()["title"], response.json()["version"]) == ("Renamed", review.version + 1)
    review.refresh_from_db()
    assert review.kind == "evaluation" and review.history.first().history_user == follow_up_officer
    _conflict(_send(client, "patch", url, follow_up_officer, {"version": 1, "title": "Again"}))
    assert Review.objects.get().title == "Renamed"
    assert _locs(_send(client, "patch", url, follow_up_officer, {"version": 2, "title": None})) == [
        ["body", "title"]
    ]


@pytest.mark.parametrize("who", ["member", "focal_point", "outsider", "coalition_secretariat"])
def test_only_those_who_manage_change_or_delete_a_review(client, request, review, who):
    user = request.getfixturevalue(who)
    url = f"{API}/reviews/{review.pk}"
    changed = _send(client, "patch", url, user, {"version": review.version, "title": "Taken over"})
    deleted = _send(client, "delete", f"{url}?version={review.version}", user)
    missing = _send(client, "patch", f"{API}/reviews/999999", user, {"version": 1, "title": "x"})
    assert changed.status_code == deleted.status_code == missing.status_code == 404
    assert changed.json() == missing.json()
    assert Review.objects.get().title != "Taken over"


def test_review_is_deleted_only_before_any_report_and_at_its_version(client, review, follow_up_officer):
    url = f"{API}/reviews/{review.pk}"
    followup_report_record(
        commitment=review.commitments.get(number="2"),
        status="ongoing",
        as_at=date(2025, 12, 31),
        by=follow_up_officer,
    )
    refused = _send(client, "delete", f"{url}?version={review.version}", follow_up_officer)
    assert _locs(refused) == [["body"]]
    assert "Progress has been reported" in refused.json()["detail"][0]["msg"]
    FollowUpReport.objects.all().delete()
    _conflict(_send(client, "delete", f"{url}?version={review.version + 5}", follow_up_officer))
    assert _send(client, "delete", f"{url}?version={review.version}", follow_up_officer).status_code == 204
    assert not Review.objects.exists() and not Commitment.objects.exists()
    assert Review.history.filter(history_type="-").get().history_user == follow_up_officer


def test_a_review_with_groups_is_deleted_with_them(client, review, follow_up_officer):
    group = ReviewGroup.objects.create(review=review, code="C1", title="Data")
    review.commitments.update(group=group)
    response = _send(
        client, "delete", f"{API}/reviews/{review.pk}?version={review.version}", follow_up_officer
    )
    assert response.status_code == 204, response.content
    assert not ReviewGroup.objects.exists()


# ---------------------------------------------------------------------------------------------
# Groups


def test_groups_are_created_changed_and_deleted(client, review, follow_up_officer):
    created = _send(
        client,
        "post",
        f"{API}/reviews/{review.pk}/groups",
        follow_up_officer,
        {"code": "Component 1", "title": "Data"},
    )
    assert created.status_code == 201, created.content
    group = ReviewGroup.objects.get()
    assert created.json() == {
        "id": group.pk,
        "review": review.pk,
        "code": "Component 1",
        "title": "Data",
        "order": 1,
        "version": 1,
    }
    duplicate = _send(
        client,
        "post",
        f"{API}/reviews/{review.pk}/groups",
        follow_up_officer,
        {"code": "Component 1", "title": "Again"},
    )
    assert _locs(duplicate) == [["body", "code"]]
    url = f"{API}/groups/{group.pk}"
    changed = _send(client, "patch", url, follow_up_officer, {"version": 1, "title": "Data and evidence"})
    assert (changed.status_code, changed.json()["title"], changed.json()["version"]) == (
        200,
        "Data and evidence",
        2,
    )
    _conflict(_send(client, "patch", url, follow_up_officer, {"version": 1, "title": "Stale"}))
    listed = client.get(f"{API}/reviews/{review.pk}/groups").json()
    assert [g["code"] for g in listed] == ["Component 1"]
    review.commitments.filter(number="1").update(group=group)
    assert (
        "holds commitments"
        in _send(client, "delete", f"{url}?version=2", follow_up_officer).json()["detail"][0]["msg"]
    )
    review.commitments.update(group=None)
    assert _send(client, "delete", f"{url}?version=2", follow_up_officer).status_code == 204
    assert not ReviewGroup.objects.exists()
    assert ReviewGroup.history.filter(history_type="-").get().history_user == follow_up_officer


def test_focal_point_cannot_manage_groups(client, review, focal_point):
    response = _send(
        client, "post", f"{API}/reviews/{review.pk}/groups", focal_point, {"code": "C1", "title": "Data"}
    )
    assert response.status_code == 404
    assert not ReviewGroup.objects.exists()


# ---------------------------------------------------------------------------------------------
# Commitments


def test_commitment_created_with_due_text_only_gets_the_date_it_means(client, review, follow_up_officer):
    ReviewGroup.objects.create(review=review, code="C2", title="Services")
    body = {
        "number": "4",
        "group": "C2",
        "text": "Train social workers in case management.",
        "responsible_entities": ["UNICEF", "ILO"],
        "responsible_text": "ECARO with ILO",
        "due_text": "By end March 2027",
    }
    response = _send(client, "post", f"{API}/reviews/{review.pk}/commitments", follow_up_officer, body)
    assert response.status_code == 201, response.content
    created = response.json()
    assert (created["due_on"], created["due_text"], created["group"], created["response"]) == (
        "2027-03-31",
        "By end March 2027",
        "C2",
        None,
    )
    assert created["responsible_entities"] == ["ILO", "UNICEF"]
    assert created["state"]["status_label"] == "No report yet"
    commitment = Commitment.objects.get(pk=created["id"])
    assert {h.history_user for h in commitment.history.all()} == {follow_up_officer}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"responsible_entities": ["UNDP", "NOPE"]}, "responsible_entities"),
        ({"number": "1"}, "number"),
        ({"group": "Z9"}, "group"),
        ({"response": "maybe"}, "response"),
        ({"due_on": "2027-02-30"}, "due_on"),
        ({"text": ""}, "text"),
    ],
)
def test_bad_commitment_answers_422_naming_the_field_and_writes_nothing(
    client, review, follow_up_officer, change, field
):
    body = {"number": "4", "text": "Hold a regional exchange.", **change}
    response = _send(client, "post", f"{API}/reviews/{review.pk}/commitments", follow_up_officer, body)
    assert [loc[-1] for loc in _locs(response)] == [field]
    assert review.commitments.count() == 3


def test_commitment_patch_follows_due_text_and_refuses_a_stale_version(client, review, follow_up_officer):
    third = review.commitments.get(number="3")
    url = f"{API}/commitments/{third.pk}"
    response = _send(
        client,
        "patch",
        url,
        follow_up_officer,
        {"version": third.version, "due_text": "By mid-2027", "responsible_entities": ["WHO"]},
    )
    assert response.status_code == 200, response.content
    assert (response.json()["due_on"], response.json()["responsible_entities"]) == ("2027-06-30", ["WHO"])
    assert response.json()["version"] == third.version + 1
    _conflict(_send(client, "patch", url, follow_up_officer, {"version": third.version, "text": "Stale"}))
    third.refresh_from_db()
    assert third.text == "Create a pooled fund for coalition secretariats."
    assert _locs(
        _send(client, "patch", url, follow_up_officer, {"version": third.version, "number": "2"})
    ) == [["body", "number"]]
    assert third.history.first().history_user == follow_up_officer


def test_responsible_focal_point_may_report_but_not_change_a_commitment(client, review, focal_point):
    first = review.commitments.get(number="1")
    changed = _send(
        client,
        "patch",
        f"{API}/commitments/{first.pk}",
        focal_point,
        {"version": first.version, "text": "Mine now"},
    )
    assert changed.status_code == 404
    reported = _send(
        client,
        "post",
        f"{API}/commitments/{first.pk}/status-reports",
        focal_point,
        {"comment": "No update this round.", "as_at": "2026-03-31"},
    )
    assert reported.status_code == 201, reported.content
    assert (reported.json()["status"], reported.json()["comment"]) == (None, "No update this round.")
    ledger = client.get(f"{API}/commitments/{first.pk}", {"as_at": "2026-03-31"}).json()
    assert (ledger["state"]["status"], ledger["state"]["status_label"]) == (None, "No status given")


def test_status_report_with_neither_status_nor_comment_answers_422_on_status(
    client, review, follow_up_officer
):
    first = review.commitments.get(number="1")
    response = _send(
        client, "post", f"{API}/commitments/{first.pk}/status-reports", follow_up_officer, {"status_text": ""}
    )
    assert _locs(response) == [["body", "status"]]
    written = _send(
        client,
        "post",
        f"{API}/commitments/{first.pk}/status-reports",
        follow_up_officer,
        {"status": "ongoing", "status_text": "Completed/ongoing", "as_at": "2026-03-31"},
    )
    assert (written.status_code, written.json()["status_text"]) == (201, "Completed/ongoing")


def test_commitment_is_deleted_only_before_any_report(client, review, follow_up_officer):
    first, second = review.commitments.get(number="1"), review.commitments.get(number="2")
    followup_report_record(
        commitment=first,
        key_action=first.key_actions.get(),
        status="ongoing",
        as_at=date(2025, 12, 31),
        by=follow_up_officer,
    )
    assert _locs(
        _send(client, "delete", f"{API}/commitments/{first.pk}?version={first.version}", follow_up_officer)
    ) == [["body"]]
    _conflict(_send(client, "delete", f"{API}/commitments/{second.pk}?version=9", follow_up_officer))
    assert (
        _send(
            client, "delete", f"{API}/commitments/{second.pk}?version={second.version}", follow_up_officer
        ).status_code
        == 204
    )
    assert set(review.commitments.values_list("number", flat=True)) == {"1", "3"}
    missing_version = _send(client, "delete", f"{API}/commitments/{first.pk}", follow_up_officer)
    assert _locs(missing_version) == [["query", "version"]]


# ---------------------------------------------------------------------------------------------
# Key actions


def test_key_actions_are_created_changed_and_deleted(client, review, follow_up_officer):
    second = review.commitments.get(number="2")
    created = _send(
        client,
        "post",
        f"{API}/commitments/{second.pk}/key-actions",
        follow_up_officer,
        {"text": "Draft the summary.", "due_text": "Q3 2026"},
    )
    assert created.status_code == 201, created.content
    assert (created.json()["due_on"], created.json()["version"]) == ("2026-09-30", 1)
    url = f"{API}/key-actions/{created.json()['id']}"
    changed = _send(client, "patch", url, follow_up_officer, {"version": 1, "due_text": "Q4 2026"})
    assert (changed.status_code, changed.json()["due_on"], changed.json()["text"]) == (
        200,
        "2026-12-31",
        "Draft the summary.",
    )
    _conflict(_send(client, "patch", url, follow_up_officer, {"version": 1, "text": "Stale"}))
    assert _locs(_send(client, "patch", url, follow_up_officer, {"version": 2, "text": None})) == [
        ["body", "text"]
    ]
    assert _send(client, "delete", f"{url}?version=2", follow_up_officer).status_code == 204
    assert not KeyAction.objects.filter(commitment=second).exists()
    assert KeyAction.history.filter(history_type="-").get().history_user == follow_up_officer


def test_key_action_of_another_organisations_review_answers_404(client, follow_up_officer):
    who = ReviewFactory(organisation=Entity.objects.get(acronym="WHO"), visibility="public")
    commitment = Commitment.objects.create(review=who, number="1", text="Share the audit plan.")
    key_action = KeyAction.objects.create(commitment=commitment, text="Circulate it.")
    response = _send(
        client, "patch", f"{API}/key-actions/{key_action.pk}", follow_up_officer, {"version": 1, "text": "x"}
    )
    created = _send(
        client, "post", f"{API}/commitments/{commitment.pk}/key-actions", follow_up_officer, {"text": "x"}
    )
    assert response.status_code == created.status_code == 404
    assert KeyAction.objects.get().text == "Circulate it."


def test_platform_secretariat_manages_every_review(client, review):
    secretariat = UserFactory(email="platform2@example.org")
    MembershipFactory(
        user=secretariat, entity=Entity.objects.get(acronym="UNECE"), role=Role.PLATFORM_SECRETARIAT
    )
    first = review.commitments.get(number="1")
    response = _send(
        client,
        "patch",
        f"{API}/commitments/{first.pk}",
        secretariat,
        {"version": first.version, "due_text": "2026–27"},
    )
    assert (response.status_code, response.json()["due_on"]) == (
        200,
        "2026-03-31",
    )  # a date entered by hand stays


def test_write_operations_are_in_the_openapi_schema(client):
    paths = client.get(f"{API}/openapi.json").json()["paths"]
    assert {"post"} <= set(paths[f"{API}/reviews"])
    assert {"get", "patch", "delete"} <= set(paths[f"{API}/reviews/{{review_id}}"])
    assert {"get", "post"} <= set(paths[f"{API}/reviews/{{review_id}}/groups"])
    assert {"patch", "delete"} <= set(paths[f"{API}/groups/{{group_id}}"])
    assert {"post"} <= set(paths[f"{API}/reviews/{{review_id}}/commitments"])
    assert {"get", "patch", "delete"} <= set(paths[f"{API}/commitments/{{commitment_id}}"])
    assert {"post"} <= set(paths[f"{API}/commitments/{{commitment_id}}/key-actions"])
    assert {"patch", "delete"} <= set(paths[f"{API}/key-actions/{{key_action_id}}"])

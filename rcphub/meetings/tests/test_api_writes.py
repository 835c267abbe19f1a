"""The meetings API: meetings and their decisions read as the pages show them, and created, changed and
deleted through the same services and permissions; 401 for visitors, 404 for those who may not manage
or see, 409 on a stale version, 422 naming the field with nothing written, history kept by the caller."""

from datetime import date

import pytest

from rcphub.accounts.services import api_token_create
from rcphub.followup.models import Commitment, Review
from rcphub.followup.services import followup_report_record
from rcphub.meetings.models import AgendaItem, Decision, Meeting
from rcphub.meetings.services import agenda_item_add
from rcphub.meetings.tests.factories import add_decisions, hold_meeting

pytestmark = pytest.mark.django_db

API = "/api/v1"
OTHERS = ["member", "focal_point", "outsider"]


def _headers(user):
    _token, raw = api_token_create(user=user, name="script")
    return {"Authorization": f"Bearer {raw}"}


def _send(client, method, url, user=None, body=None):
    headers = _headers(user) if user is not None else {}
    call = getattr(client, method)
    if method == "delete":
        return call(url, headers=headers)
    return call(url, body or {}, content_type="application/json", headers=headers)


def _get(client, url, user=None, **params):
    return client.get(url, params, headers=_headers(user) if user is not None else {})


def _locs(response):
    assert response.status_code == 422, response.content
    return [entry["loc"] for entry in response.json()["detail"]]


def _conflict(response):
    assert response.status_code == 409, response.content
    assert "Someone else changed this" in response.json()["detail"]


def _not_found(response):
    assert (response.status_code, response.json()) == (404, {"detail": "Not found."}), response.content


@pytest.fixture
def meeting(coalition, coalition_secretariat):
    """An internal meeting of the health coalition held 2026-01-15, agenda item 1, decisions 1 and 2
    (UNDP responsible, due 2026-03-31), decision 1 under agenda item 1."""
    meeting = hold_meeting(coalition=coalition, by=coalition_secretariat, visibility="internal")
    item = agenda_item_add(
        meeting=meeting, number="1", title="Joint work plan 2026", by=coalition_secretariat
    )
    first, _second = add_decisions(meeting, by=coalition_secretariat, count=2, due_on=date(2026, 3, 31))
    first.agenda_item = item
    first.save()
    return meeting


NEW_MEETING = {
    "coalition": "health",
    "kind": "coalition",
    "title": "Coalition meeting, June 2026",
    "held_on": "2026-06-10",
    "place": "Istanbul",
    "chairs": ["WHO", "UNICEF"],
    "participants": ["UNDP", "UNFPA"],
    "visibility": "internal",
}


# ---------------------------------------------------------------------------------------------
# Reads


def test_member_reads_the_internal_meeting_with_its_decisions(client, meeting, member):
    listed = _get(client, f"{API}/meetings", member).json()
    assert [(m["id"], m["decisions"], m["coalition"]) for m in listed["items"]] == [(meeting.pk, 2, "health")]
    body = _get(client, f"{API}/meetings/{meeting.pk}", member, as_at="2026-04-30").json()
    assert body["meeting"]["review"] == meeting.review_id and body["can_manage"] is False
    assert (body["chairs"], body["agenda"][0]["number"]) == (["WHO"], "1")
    first, second = body["decisions"]
    assert (first["number"], first["agenda_item"], second["agenda_item"]) == ("1", "1", None)
    assert first["responsible_entities"] == ["UNDP"]
    assert (first["state"]["overdue"], first["state"]["status_label"]) == (True, "No report yet")
    assert first["version"] == Decision.objects.get(pk=first["id"]).commitment.version


@pytest.mark.parametrize("who", ["visitor", "outsider"])
def test_internal_meeting_and_its_decisions_stay_hidden(client, request, meeting, who):
    user = None if who == "visitor" else request.getfixturevalue(who)
    assert _get(client, f"{API}/meetings", user).json()["items"] == []
    assert _get(client, f"{API}/meetings", user, coalition="health").json()["items"] == []
    _not_found(_get(client, f"{API}/meetings/{meeting.pk}", user))
    _not_found(_get(client, f"{API}/decisions/{meeting.decisions.first().pk}", user))


def test_visitor_reads_a_public_platform_meeting(client, platform_secretariat):
    meeting = hold_meeting(by=platform_secretariat, title="Regional UN System Meeting 2026")
    (decision,) = add_decisions(meeting, by=platform_secretariat, count=1)
    body = client.get(f"{API}/meetings/{meeting.pk}").json()
    assert (body["meeting"]["platform"], body["meeting"]["coalition"]) == (str(meeting.platform), None)
    assert client.get(f"{API}/decisions/{decision.pk}").json()["commitment"] == decision.commitment_id


@pytest.mark.parametrize("count", [1, 6])
def test_meeting_list_and_detail_take_constant_queries(
    client, coalition, coalition_secretariat, member, django_assert_max_num_queries, count
):
    for n in range(count):
        meeting = hold_meeting(coalition=coalition, by=coalition_secretariat, title=f"Meeting {n}")
        add_decisions(meeting, by=coalition_secretariat, count=count)
    headers = _headers(member)
    with django_assert_max_num_queries(8):
        assert len(client.get(f"{API}/meetings", headers=headers).json()["items"]) == count
    with django_assert_max_num_queries(14):
        assert len(client.get(f"{API}/meetings/{meeting.pk}", headers=headers).json()["decisions"]) == count


# ---------------------------------------------------------------------------------------------
# Meetings


def test_coalition_secretariat_records_a_meeting_with_its_review(client, coalition, coalition_secretariat):
    response = _send(client, "post", f"{API}/meetings", coalition_secretariat, NEW_MEETING)
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["meeting"]["title"], body["meeting"]["version"], body["can_manage"]) == (
        "Coalition meeting, June 2026",
        1,
        True,
    )
    assert (body["chairs"], body["participants"]) == (["UNICEF", "WHO"], ["UNDP", "UNFPA"])
    meeting = Meeting.objects.get(pk=body["meeting"]["id"])
    assert (meeting.coalition, meeting.review.kind, meeting.review.issued_on) == (
        coalition,
        "meeting_decisions",
        date(2026, 6, 10),
    )
    assert {h.history_user for h in meeting.history.all()} == {coalition_secretariat}
    assert meeting.review.history.get().history_user == coalition_secretariat


def test_platform_secretariat_records_a_platform_meeting(client, platform_secretariat):
    platform = hold_meeting(by=platform_secretariat).platform
    body = {**NEW_MEETING, "coalition": None, "platform": platform.name.upper(), "kind": "rum"}
    response = _send(client, "post", f"{API}/meetings", platform_secretariat, body)
    assert response.status_code == 201, response.content
    assert Meeting.objects.get(pk=response.json()["meeting"]["id"]).platform == platform


@pytest.mark.parametrize("who", [*OTHERS, "platform_secretariat_of_nothing"])
def test_a_body_one_may_not_hold_meetings_for_answers_like_an_unknown_one(client, request, coalition, who):
    if who == "platform_secretariat_of_nothing":  # a coalition's secretariat, not the platform's
        user, field = request.getfixturevalue("coalition_secretariat"), "platform"
        body = {**NEW_MEETING, "coalition": "", "platform": coalition.platform.name}
    else:
        user, body, field = request.getfixturevalue(who), NEW_MEETING, "coalition"
    refused = _send(client, "post", f"{API}/meetings", user, body)
    unknown = _send(client, "post", f"{API}/meetings", user, {**body, field: "nowhere"})
    assert _locs(refused) == _locs(unknown) == [["body", field]]
    assert refused.json()["detail"][0]["msg"].replace(body[field], "") == unknown.json()["detail"][0][
        "msg"
    ].replace("nowhere", "")
    assert not Meeting.objects.exists() and not Review.objects.exists()


@pytest.mark.parametrize(
    ("change", "fields"),
    [
        ({"chairs": ["WHO", "NOPE"]}, ["chairs"]),
        ({"participants": ["XYZ"]}, ["participants"]),
        ({"title": ""}, ["title"]),
        ({"held_on": "2026-02-30"}, ["held_on"]),
        ({"kind": "party"}, ["kind"]),
        ({"coalition": None}, ["platform", "coalition"]),
        ({"platform": "RCP"}, ["platform", "coalition"]),
    ],
)
def test_bad_meeting_answers_422_naming_the_field_and_writes_nothing(
    client, coalition_secretariat, change, fields
):
    response = _send(client, "post", f"{API}/meetings", coalition_secretariat, {**NEW_MEETING, **change})
    assert [loc[-1] for loc in _locs(response)] == fields
    assert not Meeting.objects.exists() and not Review.objects.exists()


def test_visitor_cannot_write(client, meeting):
    decision = meeting.decisions.first()
    for method, url in [
        ("post", f"{API}/meetings"),
        ("patch", f"{API}/meetings/{meeting.pk}"),
        ("delete", f"{API}/meetings/{meeting.pk}?version=1"),
        ("post", f"{API}/meetings/{meeting.pk}/agenda-items"),
        ("post", f"{API}/meetings/{meeting.pk}/decisions"),
        ("patch", f"{API}/decisions/{decision.pk}"),
        ("delete", f"{API}/decisions/{decision.pk}?version=1"),
    ]:
        assert _send(client, method, url, None, {"version": 1}).status_code == 401, (method, url)
    assert Meeting.objects.count() == 1 and Decision.objects.count() == 2


def test_meeting_patch_changes_what_is_sent_its_review_follows_and_a_stale_version_is_refused(
    client, meeting, coalition_secretariat
):
    url = f"{API}/meetings/{meeting.pk}"
    response = _send(
        client,
        "patch",
        url,
        coalition_secretariat,
        {"version": 1, "title": "Coalition meeting, January 2026 (resumed)", "visibility": "public"},
    )
    assert response.status_code == 200, response.content
    assert (response.json()["meeting"]["version"], response.json()["meeting"]["place"]) == (2, "Geneva")
    meeting.refresh_from_db()
    assert meeting.review.title == "Decisions of Coalition meeting, January 2026 (resumed)"
    assert meeting.review.visibility == "public"
    assert meeting.history.first().history_user == coalition_secretariat
    assert meeting.review.history.first().history_user == coalition_secretariat
    _conflict(_send(client, "patch", url, coalition_secretariat, {"version": 1, "title": "Stale"}))
    assert _locs(_send(client, "patch", url, coalition_secretariat, {"version": 2, "title": None})) == [
        ["body", "title"]
    ]
    changed = _send(client, "patch", url, coalition_secretariat, {"version": 2, "chairs": ["UNICEF"]})
    assert changed.json()["chairs"] == ["UNICEF"]


def test_meeting_cannot_move_after_its_decisions_fall_due(client, meeting, coalition_secretariat):
    response = _send(
        client,
        "patch",
        f"{API}/meetings/{meeting.pk}",
        coalition_secretariat,
        {"version": 1, "held_on": "2026-04-01"},
    )
    assert _locs(response) == [["body", "held_on"]]
    assert "1, 2" in response.json()["detail"][0]["msg"]
    meeting.refresh_from_db()
    assert (meeting.held_on, meeting.version, meeting.review.issued_on) == (
        date(2026, 1, 15),
        1,
        date(2026, 1, 15),
    )


@pytest.mark.parametrize("who", [*OTHERS, "platform_meeting"])
def test_only_those_who_manage_change_or_delete_a_meeting(client, request, meeting, who):
    user = request.getfixturevalue("coalition_secretariat" if who == "platform_meeting" else who)
    target = meeting
    if who == "platform_meeting":  # a coalition's secretariat does not manage the platform's meetings
        target = hold_meeting(by=request.getfixturevalue("platform_secretariat"), visibility="public")
    url = f"{API}/meetings/{target.pk}"
    _not_found(_send(client, "patch", url, user, {"version": 1, "title": "Taken over"}))
    _not_found(_send(client, "delete", f"{url}?version=1", user))
    _not_found(
        _send(client, "post", f"{url}/agenda-items", user, {"number": "9", "title": "Any other business"})
    )
    _not_found(_send(client, "patch", f"{API}/meetings/999999", user, {"version": 1, "title": "x"}))
    assert not Meeting.objects.filter(title="Taken over").exists()
    assert (
        Meeting.objects.filter(pk=target.pk).exists() and not AgendaItem.objects.filter(number="9").exists()
    )


def test_meeting_is_deleted_only_before_any_decision_is_reported_on(
    client, meeting, coalition_secretariat, focal_point
):
    url = f"{API}/meetings/{meeting.pk}"
    review_id, commitment_ids = (
        meeting.review_id,
        list(Commitment.objects.filter(review=meeting.review).values_list("pk", flat=True)),
    )
    report = followup_report_record(
        commitment=meeting.decisions.last().commitment,
        status="ongoing",
        as_at=date(2026, 2, 1),
        by=focal_point,
    )
    refused = _send(client, "delete", f"{url}?version=1", coalition_secretariat)
    assert _locs(refused) == [["body"]]
    assert "Progress has been reported" in refused.json()["detail"][0]["msg"]
    report.delete()
    _conflict(_send(client, "delete", f"{url}?version=7", coalition_secretariat))
    assert _locs(_send(client, "delete", url, coalition_secretariat)) == [["query", "version"]]
    assert Meeting.objects.count() == 1 and Decision.objects.count() == 2
    assert _send(client, "delete", f"{url}?version=1", coalition_secretariat).status_code == 204
    assert not Meeting.objects.exists() and not Decision.objects.exists() and not AgendaItem.objects.exists()
    assert not Review.objects.filter(pk=review_id).exists()
    assert not Commitment.objects.filter(pk__in=commitment_ids).exists()
    for model in (Meeting, Decision, AgendaItem, Review, Commitment):
        deletions = model.history.filter(history_type="-")
        assert deletions.exists() and {h.history_user for h in deletions} == {coalition_secretariat}, model


# ---------------------------------------------------------------------------------------------
# Agenda items and decisions


def test_agenda_item_is_added_with_a_new_number(client, meeting, coalition_secretariat):
    url = f"{API}/meetings/{meeting.pk}/agenda-items"
    created = _send(client, "post", url, coalition_secretariat, {"number": "2", "title": "Regional brief"})
    assert (created.status_code, created.json()["order"]) == (201, 2)
    assert AgendaItem.objects.get(pk=created.json()["id"]).history.get().history_user == coalition_secretariat
    assert _locs(_send(client, "post", url, coalition_secretariat, {"number": "2", "title": "Again"})) == [
        ["body", "number"]
    ]
    assert meeting.agenda_items.count() == 2


def test_decision_is_recorded_as_a_commitment_of_the_meetings_review(client, meeting, coalition_secretariat):
    body = {
        "number": "3",
        "agenda_item": "1",
        "text": "Prepare a joint note on primary health care financing for the next meeting.",
        "responsible_entities": ["WHO", "UNICEF"],
        "responsible_text": "WHO with UNICEF",
        "due_text": "By end 2026",
    }
    response = _send(client, "post", f"{API}/meetings/{meeting.pk}/decisions", coalition_secretariat, body)
    assert response.status_code == 201, response.content
    created = response.json()
    assert (
        created["agenda_item"],
        created["due_on"],
        created["responsible_entities"],
        created["version"],
    ) == (
        "1",
        "2026-12-31",
        ["UNICEF", "WHO"],
        1,
    )
    decision = Decision.objects.get(pk=created["id"])
    assert (decision.commitment_id, decision.commitment.review_id) == (
        created["commitment"],
        meeting.review_id,
    )
    assert decision.history.get().history_user == coalition_secretariat
    assert {h.history_user for h in decision.commitment.history.all()} == {coalition_secretariat}
    # Its progress is reported like any commitment's.
    assert (
        client.get(f"{API}/reviews/{meeting.review_id}", headers=_headers(coalition_secretariat)).status_code
        == 200
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"number": "1"}, "number"),
        ({"agenda_item": "7"}, "agenda_item"),
        ({"due_on": "2026-01-14"}, "due_on"),
        ({"responsible_entities": ["UNDP", "NOPE"]}, "responsible_entities"),
        ({"text": ""}, "text"),
        ({"number": None}, "number"),
    ],
)
def test_bad_decision_answers_422_naming_the_field_and_writes_nothing(
    client, meeting, coalition_secretariat, change, field
):
    body = {"number": "3", "text": "Share the mapping of country-level health programmes.", **change}
    response = _send(client, "post", f"{API}/meetings/{meeting.pk}/decisions", coalition_secretariat, body)
    assert [loc[-1] for loc in _locs(response)] == [field]
    assert Decision.objects.count() == 2 and Commitment.objects.filter(review=meeting.review).count() == 2


@pytest.mark.parametrize("who", OTHERS)
def test_only_those_who_manage_the_meeting_record_change_or_delete_decisions(client, request, meeting, who):
    user = request.getfixturevalue(who)
    decision = meeting.decisions.first()
    _not_found(
        _send(client, "post", f"{API}/meetings/{meeting.pk}/decisions", user, {"number": "3", "text": "x"})
    )
    _not_found(
        _send(client, "patch", f"{API}/decisions/{decision.pk}", user, {"version": 1, "text": "Taken over"})
    )
    _not_found(_send(client, "delete", f"{API}/decisions/{decision.pk}?version=1", user))
    _not_found(_send(client, "patch", f"{API}/decisions/999999", user, {"version": 1, "text": "x"}))
    assert Decision.objects.count() == 2
    assert not Commitment.objects.filter(text="Taken over").exists()


def test_decision_patch_changes_what_is_sent_and_refuses_a_stale_version(
    client, meeting, coalition_secretariat
):
    _first, second = meeting.decisions.order_by("commitment__order")
    url = f"{API}/decisions/{second.pk}"
    response = _send(
        client,
        "patch",
        url,
        coalition_secretariat,
        {
            "version": 1,
            "agenda_item": "1",
            "text": "Prepare the joint brief with UNFPA.",
            "responsible_entities": ["UNFPA"],
        },
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["agenda_item"], body["responsible_entities"], body["version"], body["due_on"]) == (
        "1",
        ["UNFPA"],
        2,
        "2026-03-31",
    )
    second.refresh_from_db()
    assert second.history.first().history_user == coalition_secretariat
    assert second.commitment.history.first().history_user == coalition_secretariat
    _conflict(_send(client, "patch", url, coalition_secretariat, {"version": 1, "text": "Stale"}))
    assert _locs(_send(client, "patch", url, coalition_secretariat, {"version": 2, "number": "1"})) == [
        ["body", "number"]
    ]
    assert _locs(
        _send(client, "patch", url, coalition_secretariat, {"version": 2, "due_on": "2025-12-31"})
    ) == [["body", "due_on"]]
    off = _send(client, "patch", url, coalition_secretariat, {"version": 2, "agenda_item": None})
    assert (off.status_code, off.json()["agenda_item"], off.json()["version"]) == (200, None, 3)
    second.commitment.refresh_from_db()
    assert second.commitment.text == "Prepare the joint brief with UNFPA."


def test_decision_is_deleted_only_before_any_report(client, meeting, coalition_secretariat, focal_point):
    first, second = meeting.decisions.order_by("commitment__order")
    followup_report_record(
        commitment=first.commitment, status="ongoing", as_at=date(2026, 2, 1), by=focal_point
    )
    refused = _send(client, "delete", f"{API}/decisions/{first.pk}?version=1", coalition_secretariat)
    assert _locs(refused) == [["body"]]
    _conflict(_send(client, "delete", f"{API}/decisions/{second.pk}?version=4", coalition_secretariat))
    assert Decision.objects.count() == 2 and Commitment.objects.filter(review=meeting.review).count() == 2
    commitment_id = second.commitment_id
    assert (
        _send(client, "delete", f"{API}/decisions/{second.pk}?version=1", coalition_secretariat).status_code
        == 204
    )
    assert list(meeting.decisions.all()) == [first]
    assert not Commitment.objects.filter(pk=commitment_id).exists()
    assert Decision.history.filter(history_type="-").get().history_user == coalition_secretariat
    assert Commitment.history.filter(history_type="-").get().history_user == coalition_secretariat


def test_the_follow_up_api_leaves_a_meetings_decisions_and_review_to_the_meeting(
    client, meeting, coalition_secretariat
):
    decision = meeting.decisions.first()
    commitment = decision.commitment
    refused = _send(client, "delete", f"{API}/commitments/{commitment.pk}?version=1", coalition_secretariat)
    assert "meeting's decision" in refused.json()["detail"][0]["msg"]
    review = _send(client, "delete", f"{API}/reviews/{meeting.review_id}?version=1", coalition_secretariat)
    assert "follows its meeting" in review.json()["detail"][0]["msg"]
    assert Decision.objects.count() == 2 and Review.objects.filter(pk=meeting.review_id).exists()
    # Changed or added through the follow-up API, a decision would escape the meeting's own rules
    # (here: due before the meeting was held).
    url = f"{API}/commitments/{commitment.pk}"
    body = {"version": commitment.version, "due_on": "2025-01-01"}
    changed = _send(client, "patch", url, coalition_secretariat, body)
    assert "meeting's decision" in changed.json()["detail"][0]["msg"], changed.content
    added = _send(
        client,
        "post",
        f"{API}/reviews/{meeting.review_id}/commitments",
        coalition_secretariat,
        {"number": "9", "text": "Circulate the minutes", "due_on": "2025-01-01"},
    )
    assert "follows its meeting" in added.json()["detail"][0]["msg"], added.content
    commitment.refresh_from_db()
    assert commitment.due_on == date(2026, 3, 31)
    assert Commitment.objects.filter(review=meeting.review).count() == 2


def test_write_operations_are_in_the_openapi_schema(client):
    schema = client.get(f"{API}/openapi.json").json()
    paths = schema["paths"]
    for path, methods in {
        "/meetings": {"get", "post"},
        "/meetings/{meeting_id}": {"get", "patch", "delete"},
        "/meetings/{meeting_id}/agenda-items": {"post"},
        "/meetings/{meeting_id}/decisions": {"post"},
        "/decisions/{decision_id}": {"get", "patch", "delete"},
    }.items():
        assert methods <= set(paths[f"{API}{path}"]), path
        for method in methods:
            assert paths[f"{API}{path}"][method]["description"], (path, method)
            assert "meetings" in paths[f"{API}{path}"][method]["tags"]
    schemas = schema["components"]["schemas"]
    assert "409" in schemas["MeetingPatchIn"]["properties"]["version"]["description"]
    assert "409" in schemas["DecisionPatchIn"]["properties"]["version"]["description"]
    assert schemas["DecisionIn"]["properties"]["agenda_item"]["anyOf"]

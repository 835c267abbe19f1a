"""Defects found in review of the follow-up ledger, meetings and reports, and guards on rules no other test covers."""

from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from rcphub.followup.models import Commitment, FollowUpReport, KeyAction, ReviewGroup
from rcphub.followup.services import (
    commitment_update,
    followup_report_record,
    key_action_save,
    review_group_save,
)
from rcphub.followup.tests.factories import KeyActionFactory, build_review
from rcphub.meetings.tests.factories import add_decisions, hold_meeting

pytestmark = pytest.mark.django_db


def _commitment(review, number):
    return Commitment.objects.get(review=review, number=number)


# ---------------------------------------------------------------------------------------------
# Defects


def test_public_meeting_of_an_internal_coalition_keeps_its_decisions_hidden_from_visitors_everywhere(
    client, coalition, coalition_secretariat
):
    """The meeting page answers 404 (tested in meetings), but its review of decisions stayed public."""
    meeting = hold_meeting(coalition=coalition, by=coalition_secretariat, visibility="public")
    add_decisions(meeting, by=coalition_secretariat, count=1)
    coalition.visibility = "internal"
    coalition.save()
    review_id = meeting.review_id

    assert client.get(reverse("meetings:detail", args=[meeting.pk])).status_code == 404
    assert client.get(reverse("followup:review", args=[review_id])).status_code == 404
    assert client.get(reverse("reports:followup_status", args=[review_id])).status_code == 404
    assert client.get(f"/api/v1/reviews/{review_id}").status_code == 404
    assert meeting.review.title not in client.get(reverse("followup:list")).content.decode()
    assert client.get("/api/v1/commitments").json()["count"] == 0


def test_meeting_page_and_its_review_of_decisions_agree_on_who_sees_the_decisions(
    client, coalition, coalition_secretariat
):
    """The follow-up edit form lets the secretariat make the meeting's review internal; the meeting
    page (and its notes, and the next meeting's "previous decisions") kept showing the decisions."""
    meeting = hold_meeting(coalition=coalition, by=coalition_secretariat, visibility="public")
    add_decisions(meeting, by=coalition_secretariat, count=1)
    review = meeting.review
    client.force_login(coalition_secretariat)
    client.post(
        reverse("followup:review_edit", args=[review.pk]),
        {
            "kind": review.kind,
            "title": review.title,
            "issued_on": review.issued_on.isoformat(),
            "visibility": "internal",
            "version": review.version,
        },
    )
    client.logout()

    review_shown = client.get(reverse("followup:review", args=[review.pk])).status_code == 200
    meeting_page = client.get(reverse("meetings:detail", args=[meeting.pk]))
    decisions_shown = meeting_page.status_code == 200 and "Decision 1:" in meeting_page.content.decode()
    assert decisions_shown is review_shown


@pytest.mark.parametrize(
    "args",
    [["--days", "1000000000"], ["--date", "9999-12-31"]],
    ids=["days-overflow", "date-at-the-end-of-the-calendar"],
)
def test_reminder_command_refuses_out_of_range_input_with_a_command_error(review, args):
    """It crashed with OverflowError (as_at + timedelta) instead of naming the option."""
    with pytest.raises(CommandError):
        call_command("send_followup_reminders", *args, stdout=StringIO())


# ---------------------------------------------------------------------------------------------
# Guards: writes that must not reach another commitment's or another review's objects


def test_focal_point_gets_404_for_a_key_action_of_another_entitys_commitment(client, review, focal_point):
    key_action = KeyActionFactory(commitment=_commitment(review, "2"))  # UNICEF is responsible for 2
    client.force_login(focal_point)
    url = reverse("followup:key_action_status", args=[key_action.pk])

    assert client.get(url).status_code == 404
    assert client.post(url, {"status": "ongoing", "as_at": "2026-01-15"}).status_code == 404
    assert not FollowUpReport.objects.exists()


def test_report_on_a_key_action_of_another_commitment_is_refused_naming_key_action(review, focal_point):
    other = KeyAction.objects.create(commitment=_commitment(review, "2"), text="Not UNDP's.")
    with pytest.raises(ValidationError) as error:
        followup_report_record(
            commitment=_commitment(review, "1"), key_action=other, status="ongoing", by=focal_point
        )
    assert "key_action" in error.value.message_dict
    assert not FollowUpReport.objects.exists()


def test_manager_cannot_put_a_commitment_in_another_reviews_group(review, follow_up_officer):
    other = build_review(title="Another UNICEF evaluation")
    foreign = ReviewGroup.objects.create(review=other, code="A", title="Elsewhere")
    commitment = _commitment(review, "1")
    with pytest.raises(ValidationError) as error:
        commitment_update(
            commitment=commitment, by=follow_up_officer, expected_version=commitment.version, group=foreign
        )
    assert "group" in error.value.message_dict
    commitment.refresh_from_db()
    assert commitment.group_id is None


def test_commitment_edit_form_refuses_a_group_of_another_review_naming_group(
    client, review, follow_up_officer
):
    foreign = ReviewGroup.objects.create(review=build_review(title="Another"), code="A", title="Elsewhere")
    commitment = _commitment(review, "1")
    client.force_login(follow_up_officer)
    response = client.post(
        reverse("followup:commitment_edit", args=[commitment.pk]),
        {"number": "1", "text": commitment.text, "group": foreign.pk, "version": commitment.version},
    )
    assert response.status_code == 200
    assert "group" in response.context["form"].errors
    commitment.refresh_from_db()
    assert commitment.group_id is None


def test_manager_cannot_change_another_reviews_group_or_key_action(review, follow_up_officer):
    other = build_review(title="Another UNICEF evaluation")
    group = ReviewGroup.objects.create(review=other, code="A", title="Elsewhere")
    key_action = KeyAction.objects.get(commitment=_commitment(other, "1"))
    with pytest.raises(PermissionDenied):
        review_group_save(review=review, code="B", title="Moved", group=group, by=follow_up_officer)
    with pytest.raises(PermissionDenied):
        key_action_save(
            commitment=_commitment(review, "1"), text="Moved", key_action=key_action, by=follow_up_officer
        )
    group.refresh_from_db()
    key_action.refresh_from_db()
    assert (group.code, key_action.text) == ("A", "Survey the coalitions' secretariats.")

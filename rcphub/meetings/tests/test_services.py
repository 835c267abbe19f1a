"""Meeting services: the review of decisions, decisions as commitments, bad input."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from rcphub.coalitions.tests.factories import PlatformFactory
from rcphub.followup.models import Commitment, Review
from rcphub.followup.selectors import commitments_as_at, state_of
from rcphub.followup.services import followup_report_record
from rcphub.meetings.models import AgendaItem, Decision, Meeting
from rcphub.meetings.services import agenda_item_add, decision_create, meeting_create, meeting_update
from rcphub.meetings.tests.factories import add_decisions, hold_meeting
from rcphub.reference.models import Entity

pytestmark = pytest.mark.django_db


def test_meeting_create_opens_its_review_of_decisions(coalition, coalition_secretariat):
    meeting = hold_meeting(coalition=coalition, by=coalition_secretariat, visibility="internal")

    review = meeting.review
    assert review.kind == "meeting_decisions"
    assert review.coalition == coalition
    assert review.organisation is None
    assert review.issued_on == meeting.held_on
    assert review.visibility == "internal"
    assert review.title == "Decisions of Coalition meeting, January 2026"
    assert meeting.history.first().history_user == coalition_secretariat
    assert [e.acronym for e in meeting.chairs.all()] == ["WHO"]


def test_decision_becomes_a_commitment_of_the_meetings_review(coalition, coalition_secretariat, focal_point):
    meeting = hold_meeting(coalition=coalition, by=coalition_secretariat)
    item = agenda_item_add(meeting=meeting, number="2", title="Joint work plan", by=coalition_secretariat)

    decision = decision_create(
        meeting=meeting,
        number="1",
        text="Prepare a regional brief on health financing.",
        responsible_entities=[Entity.objects.get(acronym="UNDP")],
        responsible_text="UNDP IRH",
        due_on=date(2026, 3, 31),
        due_text="By end of March",
        agenda_item=item,
        by=coalition_secretariat,
    )

    commitment = decision.commitment
    assert commitment.review_id == meeting.review_id
    assert commitment.number == "1"
    assert [e.acronym for e in commitment.responsible_entities.all()] == ["UNDP"]
    assert decision.history.first().history_user == coalition_secretariat
    # Followed up like any other commitment: the responsible focal point reports, the state derives.
    followup_report_record(
        commitment=commitment, status="ongoing", as_at=date(2026, 2, 1), comment="Drafting.", by=focal_point
    )
    annotated = commitments_as_at(Commitment.objects.filter(pk=commitment.pk), as_at=date(2026, 4, 30)).get()
    state = state_of(annotated, issued_on=meeting.held_on, as_at=date(2026, 4, 30))
    assert state.status == "ongoing"
    assert state.overdue is True
    assert state.light == "red"


def test_decision_with_a_duplicate_number_is_refused_naming_number(coalition, coalition_secretariat):
    meeting = hold_meeting(coalition=coalition, by=coalition_secretariat)
    add_decisions(meeting, by=coalition_secretariat, count=1)

    with pytest.raises(ValidationError) as error:
        decision_create(meeting=meeting, number=" 1 ", text="Another decision.", by=coalition_secretariat)

    assert "number" in error.value.message_dict
    assert Decision.objects.count() == 1
    assert Commitment.objects.filter(review=meeting.review).count() == 1


def test_decision_due_before_the_meeting_or_on_another_meetings_agenda_item_is_refused(
    coalition, coalition_secretariat
):
    meeting = hold_meeting(coalition=coalition, by=coalition_secretariat)
    other = hold_meeting(coalition=coalition, by=coalition_secretariat, title="Another meeting")
    foreign_item = agenda_item_add(meeting=other, number="1", title="Opening", by=coalition_secretariat)

    with pytest.raises(ValidationError) as error:
        decision_create(
            meeting=meeting,
            number="1",
            text="Late already.",
            due_on=date(2025, 12, 31),
            agenda_item=foreign_item,
            by=coalition_secretariat,
        )

    assert set(error.value.message_dict) == {"due_on", "agenda_item"}
    assert not Commitment.objects.filter(review=meeting.review).exists()


def test_agenda_item_with_a_duplicate_number_is_refused_naming_number(coalition, coalition_secretariat):
    meeting = hold_meeting(coalition=coalition, by=coalition_secretariat)
    agenda_item_add(meeting=meeting, number="1", title="Opening", by=coalition_secretariat)

    with pytest.raises(ValidationError) as error:
        agenda_item_add(meeting=meeting, number="1", title="Again", by=coalition_secretariat)

    assert "number" in error.value.message_dict
    assert AgendaItem.objects.count() == 1


@pytest.mark.parametrize("body", ["both", "neither"])
def test_meeting_of_both_or_neither_platform_and_coalition_is_refused(body, coalition, platform_secretariat):
    platform = PlatformFactory() if body == "both" else None
    reviews_before = Review.objects.count()

    with pytest.raises(ValidationError) as error:
        meeting_create(
            platform=platform,
            coalition=coalition if body == "both" else None,
            kind="other",
            title="Ambiguous meeting",
            held_on=date(2026, 1, 15),
            visibility="public",
            by=platform_secretariat,
        )

    assert {"platform", "coalition"} <= set(error.value.message_dict)
    assert Meeting.objects.count() == 0
    assert Review.objects.count() == reviews_before


def test_database_refuses_a_meeting_of_both_platform_and_coalition(coalition, coalition_secretariat):
    from django.db import IntegrityError, transaction

    meeting = hold_meeting(coalition=coalition, by=coalition_secretariat)
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(platform=PlatformFactory())


def test_coalition_secretariat_manages_own_coalitions_meetings_only(
    coalition, other_coalition, coalition_secretariat, platform_secretariat
):
    own = hold_meeting(coalition=coalition, by=coalition_secretariat)
    other = hold_meeting(coalition=other_coalition, by=platform_secretariat, title="Climate meeting")

    add_decisions(own, by=coalition_secretariat, count=1)
    with pytest.raises(PermissionDenied):
        hold_meeting(coalition=other_coalition, by=coalition_secretariat)
    with pytest.raises(PermissionDenied):
        add_decisions(other, by=coalition_secretariat, count=1)
    with pytest.raises(PermissionDenied):
        agenda_item_add(meeting=other, number="1", title="Opening", by=coalition_secretariat)
    with pytest.raises(PermissionDenied):
        hold_meeting(by=coalition_secretariat, title="Regional UN System Meeting")
    assert not other.decisions.exists()


def test_platform_secretariat_holds_platform_meetings_and_records_their_decisions(platform_secretariat):
    meeting = hold_meeting(by=platform_secretariat, title="Regional UN System Meeting 2026")

    add_decisions(meeting, by=platform_secretariat, count=2)

    assert meeting.review.coalition is None
    assert meeting.review.commitments.count() == 2


def test_meeting_update_keeps_its_review_in_step(coalition, coalition_secretariat):
    meeting = hold_meeting(coalition=coalition, by=coalition_secretariat)

    meeting_update(
        meeting=meeting,
        by=coalition_secretariat,
        expected_version=meeting.version,
        title="Coalition meeting, February 2026",
        held_on=date(2026, 2, 3),
        visibility="internal",
    )

    meeting.review.refresh_from_db()
    assert meeting.review.title == "Decisions of Coalition meeting, February 2026"
    assert meeting.review.issued_on == date(2026, 2, 3)
    assert meeting.review.visibility == "internal"

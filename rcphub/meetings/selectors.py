"""Reads on meetings, with the visibility filter; a constant number of queries per call."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from rcphub.coalitions.models import Coalition, Platform
from rcphub.coalitions.permissions import coalition_visibility_q
from rcphub.core.dates import today
from rcphub.core.errors import NotFound
from rcphub.followup.models import Commitment
from rcphub.followup.selectors import COMMITMENT_PREFETCH, LIGHTS, FollowUpState, commitments_as_at, state_of
from rcphub.meetings.models import AgendaItem, Decision, Meeting
from rcphub.meetings.permissions import can_create_meeting, can_manage_meeting, meeting_visibility_q
from rcphub.reference.models import Entity


def meeting_list(
    *, user: Any, coalition_id: int | None = None, coalition_slug: str | None = None
) -> QuerySet[Meeting]:
    """Return the meetings the user may see, latest first, with their number of decisions.

    With `coalition_id` or `coalition_slug`, only that coalition's (none for a coalition one may not see).
    """
    qs = Meeting.objects.filter(meeting_visibility_q(user))
    if coalition_id is not None:
        qs = qs.filter(coalition_id=coalition_id)
    if coalition_slug is not None:
        qs = qs.filter(coalition__slug=coalition_slug)
    return (
        qs.select_related("platform", "coalition")
        .annotate(decision_count=Count("decisions"))
        .order_by("-held_on", "title")
    )


def meeting_get(*, meeting_id: int, user: Any) -> Meeting:
    """Return the meeting the user may see, or raise NotFound."""
    meeting = (
        Meeting.objects.filter(meeting_visibility_q(user), pk=meeting_id)
        .select_related("platform", "coalition", "review")
        .first()
    )
    if meeting is None:
        raise NotFound
    return meeting


def meeting_get_for_manage(*, meeting_id: int, user: Any) -> Meeting:
    """Return the meeting if the user may manage it; missing and forbidden answer alike."""
    meeting = meeting_get(meeting_id=meeting_id, user=user)
    if not can_manage_meeting(user=user, meeting=meeting):
        raise NotFound
    return meeting


def meeting_body_for_create(
    *, platform: str | None, coalition: str | None, user: Any
) -> tuple[Platform | None, Coalition | None]:
    """Return the platform (by acronym or name) or the coalition (by slug) that holds a new meeting,
    if the user may hold meetings for it.

    Otherwise raise a ValidationError on the field, in the same words whether the body is missing or
    not the user's, so that a coalition one may not see is not told apart from one that does not exist.
    """
    platform, coalition = (platform or "").strip() or None, (coalition or "").strip() or None
    if platform and coalition:
        message = _("A meeting is held by the platform or by one coalition, not both.")
        raise ValidationError({"platform": message, "coalition": message})
    if coalition:
        found = Coalition.objects.filter(coalition_visibility_q(user), slug=coalition).first()
        if found is None or not can_create_meeting(user=user, platform_id=None, coalition_id=found.pk):
            message = _("Unknown coalition “%(value)s”, or not one whose secretariat you are.") % {
                "value": coalition[:100]
            }
            raise ValidationError({"coalition": ValidationError(message, code="unknown")})
        return None, found
    if platform:
        held_by = Platform.objects.filter(Q(acronym__iexact=platform) | Q(name__iexact=platform)).first()
        if held_by is None or not can_create_meeting(user=user, platform_id=held_by.pk, coalition_id=None):
            message = _("Unknown platform “%(value)s”, or not one whose secretariat you are.") % {
                "value": platform[:200]
            }
            raise ValidationError({"platform": ValidationError(message, code="unknown")})
        return held_by, None
    message = _("Choose the platform or the coalition that holds the meeting.")
    raise ValidationError({"platform": message, "coalition": message})


def decision_get(*, decision_id: int, user: Any) -> Decision:
    """Return the decision if the user may see its meeting, or raise NotFound."""
    decision = (
        Decision.objects.filter(meeting_visibility_q(user, prefix="meeting__"), pk=decision_id)
        .select_related("meeting", "meeting__review", "agenda_item", "commitment", "commitment__review")
        .first()
    )
    if decision is None:
        raise NotFound
    return decision


def decision_get_for_manage(*, decision_id: int, user: Any) -> Decision:
    """Return the decision if the user may manage its meeting; missing and forbidden answer alike."""
    decision = decision_get(decision_id=decision_id, user=user)
    if not can_manage_meeting(user=user, meeting=decision.meeting):
        raise NotFound
    return decision


def agenda_item_get_by_number(*, meeting: Meeting, number: str, field: str = "agenda_item") -> AgendaItem:
    """Return the meeting's agenda item numbered `number`, or raise a ValidationError on `field`."""
    item = meeting.agenda_items.filter(number=number.strip()).first()
    if item is None:
        raise ValidationError(
            {
                field: ValidationError(
                    _("The meeting's agenda has no item numbered “%(number)s”.") % {"number": number[:20]},
                    code="unknown",
                )
            }
        )
    return item


# The traffic light drawn with the badge colours the site already has.
LIGHT_BADGES = {
    "green": "completed",
    "on_track": "ongoing",
    "amber": "delayed",
    "red": "cancelled",
    "grey": "none",
}


@dataclass
class DecisionRow:
    """A decision (its commitment, annotated) with its follow-up state as at a date."""

    commitment: Commitment
    state: FollowUpState

    @property
    def decision(self) -> Decision:
        decision: Decision = self.commitment.decision
        return decision

    @property
    def light_label(self) -> str:
        return str(LIGHTS[self.state.light])

    @property
    def light_badge(self) -> str:
        """Return the badge class that colours the traffic light with the site's status colours."""
        return LIGHT_BADGES[self.state.light]

    @property
    def responsibility(self) -> str:
        """Return the responsibility as written, else the responsible entities' acronyms."""
        if self.commitment.responsible_text:
            return self.commitment.responsible_text
        return ", ".join(entity.acronym for entity in self.commitment.responsible_entities.all())

    @property
    def due(self) -> str:
        """Return the due date as written, else the due date."""
        if self.commitment.due_text:
            return self.commitment.due_text
        return self.commitment.due_on.isoformat() if self.commitment.due_on else ""


def _decision_commitments(qs: QuerySet[Commitment], *, as_at: date) -> QuerySet[Commitment]:
    return (
        commitments_as_at(qs, as_at=as_at)
        .select_related("decision__meeting", "decision__agenda_item")
        .prefetch_related(*COMMITMENT_PREFETCH)
    )


def decision_row(*, decision: Decision, as_at: date) -> DecisionRow:
    """Return the decision with its state as at `as_at`."""
    commitment = _decision_commitments(Commitment.objects.filter(decision=decision), as_at=as_at).get()
    return DecisionRow(
        commitment=commitment, state=state_of(commitment, issued_on=decision.meeting.held_on, as_at=as_at)
    )


def meeting_decisions(*, meeting: Meeting, as_at: date) -> list[DecisionRow]:
    """Return the meeting's decisions in order, with their state as at `as_at`."""
    qs = _decision_commitments(Commitment.objects.filter(decision__meeting=meeting), as_at=as_at)
    return [
        DecisionRow(commitment=c, state=state_of(c, issued_on=meeting.held_on, as_at=as_at))
        for c in qs.order_by("order", "id")
    ]


def previous_decisions(*, meeting: Meeting, user: Any) -> list[DecisionRow]:
    """Return the decisions of the same body's earlier meetings that the user may see.

    The same body is the same coalition, or the platform for the platform's meetings. Each decision
    carries its state as at this meeting's date: reports dated after the meeting do not count.
    Latest meeting first; two queries whatever the number of decisions.
    """
    body = (
        Q(decision__meeting__coalition_id=meeting.coalition_id)
        if meeting.coalition_id
        else Q(decision__meeting__platform_id=meeting.platform_id)
    )
    qs = Commitment.objects.filter(
        body,
        meeting_visibility_q(user, prefix="decision__meeting__"),
        decision__meeting__held_on__lt=meeting.held_on,
    )
    return [
        DecisionRow(
            commitment=c, state=state_of(c, issued_on=c.decision.meeting.held_on, as_at=meeting.held_on)
        )
        for c in _decision_commitments(qs, as_at=meeting.held_on).order_by(
            "-decision__meeting__held_on", "decision__meeting_id", "order", "id"
        )
    ]


@dataclass
class MeetingRecord:
    """What the meeting page and the note for the record show."""

    meeting: Meeting
    chairs: list[Entity]
    participants: list[Entity]
    agenda: list[AgendaItem]
    decisions: list[DecisionRow]
    previous: list[DecisionRow]
    as_at: date
    can_manage: bool


def meeting_record(
    *, meeting: Meeting, user: Any, with_previous: bool = True, as_at: date | None = None
) -> MeetingRecord:
    """Return the meeting's chairs, participants, agenda and decisions (status as at `as_at`, today
    if not given).

    With `with_previous`, also the earlier meetings' decisions with their status as at this
    meeting's date. A constant number of queries.
    """
    as_at = as_at or today()
    return MeetingRecord(
        meeting=meeting,
        chairs=list(meeting.chairs.order_by("acronym")),
        participants=list(meeting.participants.order_by("acronym")),
        agenda=list(meeting.agenda_items.order_by("order", "id")),
        decisions=meeting_decisions(meeting=meeting, as_at=as_at),
        previous=previous_decisions(meeting=meeting, user=user) if with_previous else [],
        as_at=as_at,
        can_manage=can_manage_meeting(user=user, meeting=meeting),
    )

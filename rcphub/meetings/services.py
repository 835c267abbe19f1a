"""Writes on meetings. Each service is the one write path for its change, in one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from rcphub.coalitions.models import Coalition, Platform
from rcphub.followup.models import ReviewKind
from rcphub.followup.services import commitment_create, review_create, review_update
from rcphub.meetings.models import AgendaItem, Decision, Meeting
from rcphub.meetings.permissions import can_create_meeting, can_manage_meeting
from rcphub.reference.models import Entity

MEETING_FIELDS = ("kind", "title", "held_on", "place", "minutes", "visibility")
REVIEW_TITLE_MAX = 300


def _review_title(meeting_title: str) -> str:
    # Stored data, so not translated: the review is named the same whatever the reader's language.
    return f"Decisions of {meeting_title}"[:REVIEW_TITLE_MAX]


def _set(meeting: Meeting, fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(MEETING_FIELDS)
    if unknown:
        raise ValueError(f"Not a field here: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(meeting, name, value.strip() if isinstance(value, str) else value)


def _require_manage(user: Any, meeting: Meeting) -> None:
    if not can_manage_meeting(user=user, meeting=meeting):
        raise PermissionDenied


@transaction.atomic
def meeting_create(
    *,
    platform: Platform | None,
    coalition: Coalition | None,
    chairs: Iterable[Entity] = (),
    participants: Iterable[Entity] = (),
    by: Any,
    **fields: Any,
) -> Meeting:
    """Hold a meeting of the platform or of one coalition, and open the review of its decisions.

    The review is of kind "meeting decisions", for the meeting's coalition (none for the platform),
    issued on the meeting's date with the meeting's visibility.
    """
    meeting = Meeting(platform=platform, coalition=coalition)
    _set(meeting, fields)
    meeting.full_clean(exclude=["review"])
    if not can_create_meeting(
        user=by,
        platform_id=platform.pk if platform else None,
        coalition_id=coalition.pk if coalition else None,
    ):
        raise PermissionDenied
    meeting.review = review_create(
        organisation=None,
        coalition=coalition,
        by=by,
        kind=ReviewKind.MEETING_DECISIONS,
        title=_review_title(meeting.title),
        issued_on=meeting.held_on,
        visibility=meeting.visibility,
    )
    meeting._history_user = by  # type: ignore[attr-defined]
    meeting.save()
    meeting.chairs.set(list(chairs))
    meeting.participants.set(list(participants))
    return meeting


@transaction.atomic
def meeting_update(
    *,
    meeting: Meeting,
    by: Any,
    expected_version: int | None = None,
    chairs: Iterable[Entity] | None = None,
    participants: Iterable[Entity] | None = None,
    **fields: Any,
) -> Meeting:
    """Change a meeting (not the body that holds it) and keep its review's title, date and visibility in step.

    Refuse with ConflictError if someone else saved the meeting since `expected_version` was read.
    """
    _require_manage(by, meeting)
    _set(meeting, fields)
    meeting.full_clean()
    meeting._history_user = by  # type: ignore[attr-defined]
    meeting.save_versioned(expected_version=expected_version)
    review_update(
        review=meeting.review,
        by=by,
        expected_version=None,
        from_meeting=True,
        title=_review_title(meeting.title),
        issued_on=meeting.held_on,
        visibility=meeting.visibility,
    )
    if chairs is not None:
        meeting.chairs.set(list(chairs))
    if participants is not None:
        meeting.participants.set(list(participants))
    return meeting


@transaction.atomic
def agenda_item_add(*, meeting: Meeting, number: str, title: str, by: Any) -> AgendaItem:
    """Add an item at the end of the meeting's agenda; its number must be new in the agenda."""
    _require_manage(by, meeting)
    number = number.strip()
    if meeting.agenda_items.filter(number=number).exists():
        raise ValidationError(
            {"number": _("The agenda already has an item numbered “%(number)s”.") % {"number": number}}
        )
    order = int(meeting.agenda_items.aggregate(m=Max("order"))["m"] or 0) + 1
    item = AgendaItem(meeting=meeting, number=number, title=title.strip(), order=order)
    item.full_clean()
    item._history_user = by  # type: ignore[attr-defined]
    item.save()
    return item


@transaction.atomic
def decision_create(
    *,
    meeting: Meeting,
    number: str,
    text: str,
    responsible_entities: Iterable[Entity] = (),
    responsible_text: str = "",
    due_on: date | None = None,
    due_text: str = "",
    agenda_item: AgendaItem | None = None,
    by: Any,
) -> Decision:
    """Record a decision of the meeting as a commitment in the meeting's review.

    Its number must be new among the meeting's decisions, its agenda item one of the meeting's,
    and it cannot fall due before the meeting was held.
    """
    _require_manage(by, meeting)
    number = number.strip()
    errors: dict[str, str] = {}
    if meeting.review.commitments.filter(number=number).exists():
        errors["number"] = _("The meeting already has a decision numbered “%(number)s”.") % {"number": number}
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        errors["agenda_item"] = _("This agenda item belongs to another meeting.")
    if due_on is not None and due_on < meeting.held_on:
        errors["due_on"] = _("A decision cannot fall due before the meeting was held.")
    if errors:
        raise ValidationError(errors)
    commitment = commitment_create(
        review=meeting.review,
        responsible_entities=responsible_entities,
        by=by,
        number=number,
        text=text,
        responsible_text=responsible_text,
        due_on=due_on,
        due_text=due_text,
    )
    decision = Decision(meeting=meeting, agenda_item=agenda_item, commitment=commitment)
    decision.full_clean()
    decision._history_user = by  # type: ignore[attr-defined]
    decision.save()
    return decision

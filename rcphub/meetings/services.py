"""Writes on meetings. Each service is the one write path for its change, in one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils.translation import gettext as _

from rcphub.coalitions.models import Coalition, Platform
from rcphub.core.errors import ConflictError
from rcphub.followup.models import Commitment, FollowUpReport, Review, ReviewKind
from rcphub.followup.services import (
    commitment_create,
    commitment_delete,
    commitment_update,
    review_create,
    review_delete,
    review_update,
)
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
    if "held_on" in fields:
        _refuse_decisions_due_before(meeting)
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


def _refuse_decisions_due_before(meeting: Meeting) -> None:
    # Decisions cannot fall due before their meeting: moving the meeting must keep that true.
    early = (
        Commitment.objects.filter(decision__meeting=meeting, due_on__lt=meeting.held_on)
        .order_by("order", "id")
        .values_list("number", flat=True)
    )
    if numbers := list(early[:10]):
        raise ValidationError(
            {
                "held_on": _("Decisions %(numbers)s fall due before this date: change their due dates first.")
                % {"numbers": ", ".join(numbers)}
            }
        )


def _reported_on(meeting: Meeting, *, decision: Decision | None = None) -> bool:
    where = Q(decision__meeting=meeting) if decision is None else Q(decision=decision)
    commitments = Commitment.objects.filter(where)
    return FollowUpReport.objects.filter(
        Q(commitment__in=commitments) | Q(key_action__commitment__in=commitments)
    ).exists()


def _claim_version(obj: Any, *, expected_version: int | None) -> None:
    # One UPDATE, as in save_versioned: of two writers holding the same version only one passes.
    if expected_version is not None:
        manager = type(obj)._default_manager
        if not manager.filter(pk=obj.pk, version=expected_version).update(version=expected_version + 1):
            raise ConflictError


@transaction.atomic
def meeting_delete(*, meeting: Meeting, expected_version: int | None, by: Any) -> None:
    """Delete a meeting with its agenda, its decisions and the review that follows them up, if no
    progress has been reported on any of its decisions; refuse if someone else saved the meeting since
    `expected_version` was read. Each deletion is in the history with who made it."""
    _require_manage(by, meeting)
    if _reported_on(meeting):
        raise ValidationError(
            {
                NON_FIELD_ERRORS: _(
                    "Progress has been reported on this meeting's decisions: it cannot be deleted."
                )
            }
        )
    _claim_version(meeting, expected_version=expected_version)
    # Decisions before the agenda items they sit under (an agenda item is protected while it has some).
    for decision in meeting.decisions.all():
        decision._history_user = by  # type: ignore[attr-defined]
        decision.delete()
    for item in meeting.agenda_items.all():
        item._history_user = by  # type: ignore[attr-defined]
        item.delete()
    review_id = meeting.review_id
    meeting._history_user = by  # type: ignore[attr-defined]
    meeting.delete()
    # Read afresh: the review no longer has a meeting, so the follow-up's own delete takes the rest.
    review_delete(review=Review.objects.get(pk=review_id), expected_version=None, by=by)


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
        from_meeting=True,
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


DECISION_FIELDS = ("number", "text", "responsible_text", "due_on", "due_text")


@transaction.atomic
def decision_update(
    *,
    decision: Decision,
    by: Any,
    expected_version: int | None,
    agenda_item: AgendaItem | None,
    responsible_entities: Iterable[Entity] | None = None,
    **fields: Any,
) -> Decision:
    """Change a decision: its agenda item, and what its commitment says (number, text, responsibility,
    due date and due text; those not given keep their value).

    The same rules as when it was recorded: a number new among the meeting's decisions, an agenda
    item of the meeting, not due before the meeting was held. The decision's version is its
    commitment's: refuse with ConflictError if someone else saved it since `expected_version` was read.
    """
    meeting = decision.meeting
    _require_manage(by, meeting)
    unknown = set(fields) - set(DECISION_FIELDS)
    if unknown:
        raise ValueError(f"Not a field here: {', '.join(sorted(unknown))}")
    commitment = decision.commitment
    errors: dict[str, str] = {}
    if "number" in fields:
        fields["number"] = number = str(fields["number"]).strip()
        if meeting.review.commitments.filter(number=number).exclude(pk=commitment.pk).exists():
            errors["number"] = _("The meeting already has a decision numbered “%(number)s”.") % {
                "number": number
            }
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        errors["agenda_item"] = _("This agenda item belongs to another meeting.")
    if fields.get("due_on") is not None and fields["due_on"] < meeting.held_on:
        errors["due_on"] = _("A decision cannot fall due before the meeting was held.")
    if errors:
        raise ValidationError(errors)
    commitment_update(
        commitment=commitment,
        from_meeting=True,
        by=by,
        expected_version=expected_version,
        responsible_entities=responsible_entities,
        **fields,
    )
    if agenda_item != decision.agenda_item:
        decision.agenda_item = agenda_item
        decision.full_clean()
        decision._history_user = by  # type: ignore[attr-defined]
        decision.save()
    return decision


@transaction.atomic
def decision_delete(*, decision: Decision, expected_version: int | None, by: Any) -> None:
    """Delete a decision with its commitment, if no progress has been reported on it; refuse if
    someone else saved it since `expected_version` (its commitment's) was read."""
    meeting = decision.meeting
    _require_manage(by, meeting)
    if _reported_on(meeting, decision=decision):
        raise ValidationError(
            {NON_FIELD_ERRORS: _("Progress has been reported on this decision: it cannot be deleted.")}
        )
    commitment_id = decision.commitment_id
    decision._history_user = by  # type: ignore[attr-defined]
    decision.delete()
    # Read afresh: no longer a decision, the commitment goes through the follow-up's own delete.
    commitment_delete(
        commitment=Commitment.objects.select_related("review").get(pk=commitment_id),
        expected_version=expected_version,
        by=by,
    )

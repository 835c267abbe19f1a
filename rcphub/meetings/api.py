"""API on meetings: the meetings one may see, a meeting with its agenda and its decisions (each with its
follow-up state as at a date); meetings, agenda items and decisions created, changed (PATCH: only the
fields sent, with the `version` read) and deleted (`?version=`).

Handlers translate HTTP only: visibility, permissions and rules live in the selectors and services,
the same ones the pages use. What the caller may not see or manage answers 404 like a missing one; a
write without signing in answers 401; bad input 422 naming the field, with nothing written; a stale
`version` 409. A decision is a commitment of its meeting's review: its progress is reported through
`/commitments/{commitment}/status-reports`, but it is changed and deleted here, with its meeting.
"""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from rcphub.api.pagination import Pagination
from rcphub.api.schemas import BodyDate, BodyIn
from rcphub.core.dates import QueryDate, today
from rcphub.core.models import Visibility
from rcphub.followup.api.reads import StateOut
from rcphub.meetings import selectors, services
from rcphub.meetings.models import AgendaItem, Meeting, MeetingKind
from rcphub.meetings.selectors import DecisionRow, MeetingRecord
from rcphub.reference.selectors import entities_by_acronym

router = Router(tags=["meetings"])

AS_AT = "The date the decisions' statuses describe (YYYY-MM-DD); today if left out."
MAX_ID = 2**63 - 1
VERSION = "The version you read (from the object's `version`); 409 if someone saved it since."
DUE_TEXT = (
    "As written: “By the next meeting”, “By end 2026”. Without `due_on`, the date it means is read from it."
)

# ---------------------------------------------------------------------------------------------
# Schemas


class MeetingOut(Schema):
    id: int
    kind: MeetingKind
    title: str
    held_on: date
    place: str
    platform: str | None = Field(None, description="The platform that held it (its acronym), if any.")
    coalition: str | None = Field(
        None, alias="coalition.slug", description="The slug of the coalition that held it, if any."
    )
    visibility: Visibility
    review: int = Field(
        alias="review_id", description="The id of the follow-up review of its decisions (`/reviews/{id}`)."
    )
    version: int = Field(description="Send it back to change or delete the meeting: a stale one answers 409.")

    @staticmethod
    def resolve_platform(meeting: Meeting) -> str | None:
        return str(meeting.platform) if meeting.platform_id is not None else None


class MeetingListOut(MeetingOut):
    decisions: int = Field(alias="decision_count", description="The number of its decisions.")


class AgendaItemOut(Schema):
    id: int
    number: str = Field(description="As written: 1, 2, 3(a).")
    title: str
    order: int


class DecisionOut(Schema):
    """A decision with its follow-up state as at a date (a row built around its commitment)."""

    id: int = Field(alias="decision.id")
    meeting: int = Field(alias="decision.meeting_id", description="The meeting's id.")
    commitment: int = Field(
        alias="commitment.id",
        description="Its commitment in the meeting's review: report progress on it there.",
    )
    number: str = Field(alias="commitment.number", description="As written: 1, 2.3, (a).")
    agenda_item: str | None = Field(None, description="The number of its agenda item, if any.")
    text: str = Field(alias="commitment.text")
    responsible_entities: list[str] = Field(description="Acronyms of the responsible entities.")
    responsible_text: str = Field(alias="commitment.responsible_text", description="As written.")
    due_on: date | None = Field(alias="commitment.due_on")
    due_text: str = Field(alias="commitment.due_text", description="As written: “By the next meeting”.")
    version: int = Field(
        alias="commitment.version", description="Send it back to change or delete the decision."
    )
    state: StateOut

    @staticmethod
    def resolve_agenda_item(row: DecisionRow) -> str | None:
        item = row.decision.agenda_item
        return item.number if item is not None else None

    @staticmethod
    def resolve_responsible_entities(row: DecisionRow) -> list[str]:
        return [entity.acronym for entity in row.commitment.responsible_entities.all()]


class MeetingDetailOut(Schema):
    meeting: MeetingOut
    minutes: str = Field(alias="meeting.minutes")
    chairs: list[str] = Field(description="Acronyms of the chairing entities.")
    participants: list[str] = Field(description="Acronyms of the participating entities.")
    agenda: list[AgendaItemOut]
    as_at: date = Field(description="The date the decisions' states describe.")
    decisions: list[DecisionOut]
    previous_decisions: list[DecisionOut] = Field(
        alias="previous",
        description="The decisions of the same body's earlier meetings you may see, as at this meeting's date.",
    )
    can_manage: bool = Field(description="Whether you may change the meeting, its agenda and its decisions.")

    @staticmethod
    def resolve_chairs(record: MeetingRecord) -> list[str]:
        return [entity.acronym for entity in record.chairs]

    @staticmethod
    def resolve_participants(record: MeetingRecord) -> list[str]:
        return [entity.acronym for entity in record.participants]


class MeetingIn(BodyIn):
    platform: str | None = Field(
        None, max_length=200, description="For a meeting of the platform: its acronym or name."
    )
    coalition: str | None = Field(
        None, max_length=100, description="For a coalition's meeting: its slug (you are its secretariat)."
    )
    kind: MeetingKind
    title: str = Field(min_length=1, max_length=300)
    held_on: BodyDate
    place: str = Field("", max_length=200, description="E.g. “Geneva” or “Online”.")
    chairs: list[str] = Field(default_factory=list, max_length=50, description="Acronyms.")
    participants: list[str] = Field(default_factory=list, max_length=300, description="Acronyms.")
    minutes: str = Field("", max_length=100_000)
    visibility: Visibility = Visibility.INTERNAL


class MeetingPatchIn(BodyIn):
    """The fields to change; those left out keep their value. The body that held it does not change."""

    version: int = Field(ge=1, le=MAX_ID, description=VERSION)
    kind: MeetingKind | None = None
    title: str | None = Field(None, min_length=1, max_length=300)
    held_on: BodyDate | None = Field(None, description="Not after a decision's due date.")
    place: str | None = Field(None, max_length=200)
    chairs: list[str] | None = Field(None, max_length=50, description="Acronyms: the whole list.")
    participants: list[str] | None = Field(None, max_length=300, description="Acronyms: the whole list.")
    minutes: str | None = Field(None, max_length=100_000)
    visibility: Visibility | None = None


class AgendaItemIn(BodyIn):
    number: str = Field(min_length=1, max_length=20, description="As written: 1, 2, 3(a); new in the agenda.")
    title: str = Field(min_length=1, max_length=300)


class DecisionIn(BodyIn):
    number: str = Field(
        min_length=1, max_length=20, description="As written: 1, 2.3, (a); new among the meeting's decisions."
    )
    agenda_item: str | None = Field(
        None, max_length=20, description="The number of one of the meeting's agenda items."
    )
    text: str = Field(
        min_length=1, max_length=20_000, description="The decision as the note for the record gives it."
    )
    responsible_entities: list[str] = Field(default_factory=list, max_length=50, description="Acronyms.")
    responsible_text: str = Field("", max_length=300, description="As written: “Coalition secretariat”.")
    due_on: BodyDate | None = Field(None, description="Not before the meeting was held.")
    due_text: str = Field("", max_length=200, description=DUE_TEXT)


class DecisionPatchIn(BodyIn):
    version: int = Field(ge=1, le=MAX_ID, description=VERSION)
    number: str | None = Field(None, min_length=1, max_length=20)
    agenda_item: str | None = Field(None, max_length=20, description="An agenda item's number; null: none.")
    text: str | None = Field(None, min_length=1, max_length=20_000)
    responsible_entities: list[str] | None = Field(
        None, max_length=50, description="Acronyms: the whole list."
    )
    responsible_text: str | None = Field(None, max_length=300)
    due_on: BodyDate | None = Field(None, description="Null: no due date.")
    due_text: str | None = Field(None, max_length=200, description=DUE_TEXT)


class MeetingQuery(Schema):
    coalition: str | None = Field(None, max_length=100, description="Only this coalition's (its slug).")


class AsAtQuery(Schema):
    as_at: QueryDate | None = Field(None, description=AS_AT)


class VersionQuery(Schema):
    version: int = Field(ge=1, le=MAX_ID, description=VERSION)


# ---------------------------------------------------------------------------------------------
# Helpers


def _sent(payload: Schema, *, nullable: tuple[str, ...] = ()) -> dict[str, Any]:
    """Return the fields sent (version aside), as plain values; null refused where the field takes none."""
    fields = payload.dict(exclude_unset=True)
    fields.pop("version", None)
    refused = {
        name: _("This field cannot be null.")
        for name, value in fields.items()
        if value is None and name not in nullable
    }
    if refused:
        raise ValidationError(refused)
    return {name: getattr(value, "value", value) for name, value in fields.items()}


def _entities(fields: dict[str, Any], *names: str) -> None:
    """Turn the lists of acronyms sent into entities, in place; an unknown one answers 422 on its field."""
    for name in names:
        if fields.get(name) is not None:
            fields[name] = entities_by_acronym(fields[name], field=name)


def _agenda_item(meeting: Meeting, number: str | None) -> AgendaItem | None:
    return selectors.agenda_item_get_by_number(meeting=meeting, number=number) if number else None


def _record(request: HttpRequest, meeting_id: int, as_at: date | None = None) -> MeetingRecord:
    meeting = selectors.meeting_get(meeting_id=meeting_id, user=request.user)
    return selectors.meeting_record(meeting=meeting, user=request.user, as_at=as_at)


def _decision(request: HttpRequest, decision_id: int, as_at: date | None = None) -> DecisionRow:
    decision = selectors.decision_get(decision_id=decision_id, user=request.user)
    return selectors.decision_row(decision=decision, as_at=as_at or today())


# ---------------------------------------------------------------------------------------------
# Meetings


@router.get("/meetings", response=list[MeetingListOut])
@paginate(Pagination)
def list_meetings(request: HttpRequest, filters: Query[MeetingQuery]) -> QuerySet[Meeting]:
    """List the meetings you may see, latest first, with their number of decisions; by coalition."""
    slug = (filters.coalition or "").strip() or None
    return selectors.meeting_list(user=request.user, coalition_slug=slug)


@router.get("/meetings/{meeting_id}", response=MeetingDetailOut)
def get_meeting(request: HttpRequest, meeting_id: int, query: Query[AsAtQuery]) -> MeetingRecord:
    """Show the meeting: its chairs, participants and agenda, its decisions with their follow-up state as
    at a date, and the earlier decisions of the same body as at the meeting's date."""
    return _record(request, meeting_id, query.as_at)


@router.post("/meetings", response={201: MeetingDetailOut})
def create_meeting(request: HttpRequest, payload: MeetingIn) -> MeetingRecord:
    """Record a meeting of the platform (if you are its secretariat) or of a coalition whose secretariat
    you are; the review of its decisions is opened with it. A body you may not hold meetings for is
    refused on its field (422) in the same words as an unknown one."""
    fields = _sent(payload, nullable=("platform", "coalition"))
    platform, coalition = selectors.meeting_body_for_create(
        platform=fields.pop("platform", None), coalition=fields.pop("coalition", None), user=request.user
    )
    _entities(fields, "chairs", "participants")
    meeting = services.meeting_create(platform=platform, coalition=coalition, by=request.user, **fields)
    return _record(request, meeting.pk)


@router.patch("/meetings/{meeting_id}", response=MeetingDetailOut)
def update_meeting(request: HttpRequest, meeting_id: int, payload: MeetingPatchIn) -> MeetingRecord:
    """Change a meeting you manage; send only the fields to change, with the `version` you read.

    Its review's title, date and visibility follow it. It cannot be moved after a decision's due date.
    """
    meeting = selectors.meeting_get_for_manage(meeting_id=meeting_id, user=request.user)
    fields = _sent(payload)
    _entities(fields, "chairs", "participants")
    services.meeting_update(meeting=meeting, by=request.user, expected_version=payload.version, **fields)
    return _record(request, meeting.pk)


@router.delete("/meetings/{meeting_id}", response={204: None})
def delete_meeting(request: HttpRequest, meeting_id: int, query: Query[VersionQuery]) -> tuple[int, None]:
    """Delete a meeting you manage, with its agenda, its decisions and their review, if no progress has
    been reported on any of its decisions (422 otherwise)."""
    meeting = selectors.meeting_get_for_manage(meeting_id=meeting_id, user=request.user)
    services.meeting_delete(meeting=meeting, expected_version=query.version, by=request.user)
    return 204, None


@router.post("/meetings/{meeting_id}/agenda-items", response={201: AgendaItemOut})
def create_agenda_item(request: HttpRequest, meeting_id: int, payload: AgendaItemIn) -> AgendaItem:
    """Add an item at the end of the agenda of a meeting you manage; its number must be new in the agenda."""
    meeting = selectors.meeting_get_for_manage(meeting_id=meeting_id, user=request.user)
    return services.agenda_item_add(
        meeting=meeting, number=payload.number, title=payload.title, by=request.user
    )


# ---------------------------------------------------------------------------------------------
# Decisions


@router.post("/meetings/{meeting_id}/decisions", response={201: DecisionOut})
def create_decision(request: HttpRequest, meeting_id: int, payload: DecisionIn) -> DecisionRow:
    """Record a decision of a meeting you manage, followed up as a commitment of the meeting's review.

    Its number must be new among the meeting's decisions, its agenda item one of the meeting's (by
    number), and it cannot fall due before the meeting was held.
    """
    meeting = selectors.meeting_get_for_manage(meeting_id=meeting_id, user=request.user)
    fields = _sent(payload, nullable=("agenda_item", "due_on"))
    fields["agenda_item"] = _agenda_item(meeting, fields.get("agenda_item"))
    _entities(fields, "responsible_entities")
    decision = services.decision_create(meeting=meeting, by=request.user, **fields)
    return _decision(request, decision.pk)


@router.get("/decisions/{decision_id}", response=DecisionOut)
def get_decision(request: HttpRequest, decision_id: int, query: Query[AsAtQuery]) -> DecisionRow:
    """Show a decision with its follow-up state as at a date."""
    return _decision(request, decision_id, query.as_at)


@router.patch("/decisions/{decision_id}", response=DecisionOut)
def update_decision(request: HttpRequest, decision_id: int, payload: DecisionPatchIn) -> DecisionRow:
    """Change a decision of a meeting you manage; send only the fields to change, with its `version`.

    The same rules as when it was recorded; a due date read from the due text follows the text.
    """
    decision = selectors.decision_get_for_manage(decision_id=decision_id, user=request.user)
    fields = _sent(payload, nullable=("agenda_item", "due_on"))
    agenda_item = (
        _agenda_item(decision.meeting, fields.pop("agenda_item"))
        if "agenda_item" in fields
        else decision.agenda_item
    )
    _entities(fields, "responsible_entities")
    services.decision_update(
        decision=decision,
        by=request.user,
        expected_version=payload.version,
        agenda_item=agenda_item,
        **fields,
    )
    return _decision(request, decision.pk)


@router.delete("/decisions/{decision_id}", response={204: None})
def delete_decision(request: HttpRequest, decision_id: int, query: Query[VersionQuery]) -> tuple[int, None]:
    """Delete a decision of a meeting you manage, with its commitment, if no progress has been reported
    on it (422 otherwise)."""
    decision = selectors.decision_get_for_manage(decision_id=decision_id, user=request.user)
    services.decision_delete(decision=decision, expected_version=query.version, by=request.user)
    return 204, None

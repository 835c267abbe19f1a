"""Writes of the follow-up API: reviews, their groups, commitments and key actions, created, changed
(PATCH: only the fields sent, with the `version` read) and deleted (`?version=`).

The same services and permission predicates as the pages: who may not manage a review gets 404 as
for a review that does not exist, a stale version 409, bad input 422 naming the field, and nothing
is half-written. A meeting's review and its decisions follow their meeting and are changed there.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Model
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema

from rcphub.api.errors import api_field_names
from rcphub.api.schemas import BodyDate, BodyIn
from rcphub.coalitions.models import Coalition
from rcphub.core.dates import today
from rcphub.core.models import Visibility
from rcphub.followup import selectors, services
from rcphub.followup.api.reads import (
    MAX_ID,
    CommitmentRowOut,
    ReviewOut,
    router,
)
from rcphub.followup.models import (
    Commitment,
    DatePrecision,
    KeyAction,
    ManagementResponse,
    Review,
    ReviewGroup,
    ReviewKind,
)
from rcphub.followup.selectors import CommitmentRow
from rcphub.reference.models import Entity
from rcphub.reference.selectors import entities_by_acronym

VERSION = "The version you read (from the object's `version`); 409 if someone saved it since."
DUE_TEXT = "As written: “By end 2019”, “2019–20”. Without `due_on`, the date it means is read from it."

# ---------------------------------------------------------------------------------------------
# Schemas


class ReviewIn(BodyIn):
    kind: ReviewKind
    organisation: str | None = Field(
        None, max_length=40, description="The acronym of the organisation that follows up."
    )
    coalition: str | None = Field(
        None, max_length=100, description="The slug of the coalition whose secretariat follows up, if any."
    )
    title: str = Field(min_length=1, max_length=300)
    issued_on: BodyDate = Field(description="For a review dated by month or year, any day of it.")
    issued_precision: DatePrecision = Field(
        DatePrecision.DAY,
        description="How the review is dated: “14 April 2025” (day), “November 2017” (month).",
    )
    description: str = Field("", max_length=20_000)
    url: str = Field("", max_length=500, description="A link to the report.")
    visibility: Visibility = Visibility.INTERNAL


class ReviewPatchIn(BodyIn):
    """The fields to change; those left out keep their value."""

    version: int = Field(ge=1, le=MAX_ID, description=VERSION)
    kind: ReviewKind | None = None
    title: str | None = Field(None, min_length=1, max_length=300)
    issued_on: BodyDate | None = None
    issued_precision: DatePrecision | None = None
    description: str | None = Field(None, max_length=20_000)
    url: str | None = Field(None, max_length=500)
    visibility: Visibility | None = None


class GroupOut(Schema):
    id: int
    review: int = Field(alias="review_id", description="The review's id.")
    code: str = Field(description="As written: “Component 1”, “A”.")
    title: str
    order: int
    version: int = Field(description="Send it back to change or delete the group.")


class GroupIn(BodyIn):
    code: str = Field(
        min_length=1, max_length=40, description="As written: “Component 1”; new in the review."
    )
    title: str = Field("", max_length=300)


class GroupPatchIn(BodyIn):
    version: int = Field(ge=1, le=MAX_ID, description=VERSION)
    code: str | None = Field(None, min_length=1, max_length=40)
    title: str | None = Field(None, min_length=1, max_length=300)


class CommitmentIn(BodyIn):
    number: str = Field(
        min_length=1, max_length=20, description="As written: 1, 2.3, R4, (a); new in the review."
    )
    group: str | None = Field(None, max_length=40, description="The code of one of the review's groups.")
    text: str = Field(
        min_length=1, max_length=20_000, description="The recommendation, action item or decision."
    )
    response: ManagementResponse | None = Field(
        None, description="The management response; leave out for kinds that have none (plans of action)."
    )
    response_text: str = Field("", max_length=20_000)
    responsible_entities: list[str] = Field(default_factory=list, max_length=50, description="Acronyms.")
    responsible_text: str = Field("", max_length=300, description="As written: “OES (CdC)”, “PMU”.")
    due_on: BodyDate | None = Field(None, description="Left out: read from `due_text` where it names a date.")
    due_text: str = Field("", max_length=200, description=DUE_TEXT)


class CommitmentPatchIn(BodyIn):
    version: int = Field(ge=1, le=MAX_ID, description=VERSION)
    number: str | None = Field(None, min_length=1, max_length=20)
    group: str | None = Field(
        None, max_length=40, description="A group's code; null takes it out of its group."
    )
    text: str | None = Field(None, min_length=1, max_length=20_000)
    response: ManagementResponse | None = Field(None, description="Null: no management response.")
    response_text: str | None = Field(None, max_length=20_000)
    responsible_entities: list[str] | None = Field(None, max_length=50)
    responsible_text: str | None = Field(None, max_length=300)
    due_on: BodyDate | None = None
    due_text: str | None = Field(None, max_length=200, description=DUE_TEXT)


class KeyActionOut(Schema):
    id: int
    commitment: int = Field(alias="commitment_id", description="The commitment's id.")
    order: int
    text: str
    responsible_text: str
    due_on: date | None
    due_text: str
    version: int = Field(description="Send it back to change or delete the key action.")


class KeyActionIn(BodyIn):
    text: str = Field(min_length=1, max_length=20_000)
    responsible_text: str = Field("", max_length=300)
    due_on: BodyDate | None = Field(None, description="Left out: read from `due_text` where it names a date.")
    due_text: str = Field("", max_length=200, description=DUE_TEXT)


class KeyActionPatchIn(BodyIn):
    version: int = Field(ge=1, le=MAX_ID, description=VERSION)
    text: str | None = Field(None, min_length=1, max_length=20_000)
    responsible_text: str | None = Field(None, max_length=300)
    due_on: BodyDate | None = None
    due_text: str | None = Field(None, max_length=200, description=DUE_TEXT)


class VersionQuery(Schema):
    version: int = Field(ge=1, le=MAX_ID, description=VERSION)


# ---------------------------------------------------------------------------------------------
# Helpers


def _sent(payload: Schema, model: type[Model], *, nullable: tuple[str, ...] = ()) -> dict[str, Any]:
    """Return the fields sent (version aside), as plain values; null refused where the field takes none."""
    fields = payload.dict(exclude_unset=True)
    fields.pop("version", None)
    refused = {
        name: _("This field cannot be null.")
        for name, value in fields.items()
        if value is None and name not in nullable and not model._meta.get_field(name).null
    }
    if refused:
        raise ValidationError(refused)
    return {name: getattr(value, "value", value) for name, value in fields.items()}


def _organisation(acronym: str | None) -> Entity | None:
    if not acronym or not acronym.strip():
        return None
    (entity,) = entities_by_acronym([acronym], field="organisation")
    return entity


def _coalition(slug: str | None) -> Coalition | None:
    if not slug or not slug.strip():
        return None
    coalition = Coalition.objects.filter(slug=slug.strip()).first()
    if coalition is None:
        message = _("Unknown coalition “%(value)s”: use its slug.") % {"value": slug[:100]}
        raise ValidationError({"coalition": ValidationError(message, code="unknown")})
    return coalition


def _commitment_fields(review: Review, fields: dict[str, Any]) -> dict[str, Any]:
    """Turn the API's values (a group's code, acronyms, null response) into the service's."""
    if "group" in fields:
        code = fields["group"]
        fields["group"] = selectors.review_group_get_by_code(review=review, code=code) if code else None
    if "response" in fields:
        fields["response"] = fields["response"] or ""
    if fields.get("responsible_entities") is not None:
        fields["responsible_entities"] = entities_by_acronym(
            fields["responsible_entities"], field="responsible_entities"
        )
    return fields


def _commitment_row(request: HttpRequest, commitment: Commitment) -> CommitmentRow:
    fresh = selectors.commitment_get(commitment_id=commitment.pk, user=request.user)
    return selectors.commitment_ledger_row(commitment=fresh, user=request.user, as_at=today())


# ---------------------------------------------------------------------------------------------
# Reviews


@router.post("/reviews", response={201: ReviewOut})
def create_review(request: HttpRequest, payload: ReviewIn) -> Review:
    """Open a review for an organisation you follow up for (or a coalition whose secretariat you are).

    A review dated by month or year is stored as its first day and shown as “November 2017”.
    """
    fields = _sent(payload, Review)
    organisation = _organisation(fields.pop("organisation", None))
    coalition = _coalition(fields.pop("coalition", None))
    review = services.review_create(organisation=organisation, coalition=coalition, by=request.user, **fields)
    return selectors.review_get(review_id=review.pk, user=request.user)


@router.patch("/reviews/{review_id}", response=ReviewOut)
def update_review(request: HttpRequest, review_id: int, payload: ReviewPatchIn) -> Review:
    """Change a review you manage; send only the fields to change, with the `version` you read.

    A meeting's review takes its kind, title, date and visibility from its meeting (422 naming them).
    """
    review = selectors.review_get_for_manage(review_id=review_id, user=request.user)
    services.review_update(
        review=review, by=request.user, expected_version=payload.version, **_sent(payload, Review)
    )
    return selectors.review_get(review_id=review.pk, user=request.user)


@router.delete("/reviews/{review_id}", response={204: None})
def delete_review(request: HttpRequest, review_id: int, query: Query[VersionQuery]) -> tuple[int, None]:
    """Delete a review you manage, with its groups, commitments, key actions and rounds, if no progress
    has been reported on it (422 otherwise) and it is not a meeting's review."""
    review = selectors.review_get_for_manage(review_id=review_id, user=request.user)
    services.review_delete(review=review, expected_version=query.version, by=request.user)
    return 204, None


# ---------------------------------------------------------------------------------------------
# Groups


@router.get("/reviews/{review_id}/groups", response=list[GroupOut])
def list_groups(request: HttpRequest, review_id: int) -> list[ReviewGroup]:
    """List the review's groups of commitments (a plan of action's components), in order."""
    review = selectors.review_get(review_id=review_id, user=request.user)
    return list(review.groups.order_by("order", "id"))


@router.post("/reviews/{review_id}/groups", response={201: GroupOut})
def create_group(request: HttpRequest, review_id: int, payload: GroupIn) -> ReviewGroup:
    """Add a group of commitments (“Component 1: Data and evidence”) to a review you manage."""
    review = selectors.review_get_for_manage(review_id=review_id, user=request.user)
    with api_field_names(**{NON_FIELD_ERRORS: "code"}):  # the one uniqueness rule: the code in the review
        return services.review_group_save(
            review=review, code=payload.code, title=payload.title, by=request.user
        )


@router.patch("/groups/{group_id}", response=GroupOut)
def update_group(request: HttpRequest, group_id: int, payload: GroupPatchIn) -> ReviewGroup:
    """Change a group of a review you manage; send only the fields to change, with its `version`."""
    group = selectors.review_group_get_for_manage(group_id=group_id, user=request.user)
    fields = _sent(payload, ReviewGroup)
    with api_field_names(**{NON_FIELD_ERRORS: "code"}):
        return services.review_group_save(
            review=group.review,
            group=group,
            code=fields.get("code", group.code),
            title=fields.get("title", group.title),
            expected_version=payload.version,
            by=request.user,
        )


@router.delete("/groups/{group_id}", response={204: None})
def delete_group(request: HttpRequest, group_id: int, query: Query[VersionQuery]) -> tuple[int, None]:
    """Delete a group of a review you manage, if it holds no commitments (422 otherwise)."""
    group = selectors.review_group_get_for_manage(group_id=group_id, user=request.user)
    services.review_group_delete(group=group, expected_version=query.version, by=request.user)
    return 204, None


# ---------------------------------------------------------------------------------------------
# Commitments


@router.post("/reviews/{review_id}/commitments", response={201: CommitmentRowOut})
def create_commitment(request: HttpRequest, review_id: int, payload: CommitmentIn) -> CommitmentRow:
    """Add a commitment (recommendation, action item) to a review you manage; its number must be new
    in the review. Due text without a due date gives the date it means (“By end 2019” → 2019-12-31)."""
    review = selectors.review_get_for_manage(review_id=review_id, user=request.user)
    fields = _commitment_fields(review, _sent(payload, Commitment, nullable=("group", "response")))
    entities = fields.pop("responsible_entities", None) or []
    with api_field_names(**{NON_FIELD_ERRORS: "number"}):  # the one uniqueness rule: the number in the review
        commitment = services.commitment_create(
            review=review, responsible_entities=entities, by=request.user, **fields
        )
    return _commitment_row(request, commitment)


@router.patch("/commitments/{commitment_id}", response=CommitmentRowOut)
def update_commitment(request: HttpRequest, commitment_id: int, payload: CommitmentPatchIn) -> CommitmentRow:
    """Change a commitment of a review you manage; send only the fields to change, with its `version`.

    A due date read from the due text follows the text when the text changes.
    """
    commitment = selectors.commitment_get_for_manage(commitment_id=commitment_id, user=request.user)
    fields = _commitment_fields(commitment.review, _sent(payload, Commitment, nullable=("group", "response")))
    entities = fields.pop("responsible_entities", None)
    with api_field_names(**{NON_FIELD_ERRORS: "number"}):
        services.commitment_update(
            commitment=commitment,
            by=request.user,
            expected_version=payload.version,
            responsible_entities=entities,
            **fields,
        )
    return _commitment_row(request, commitment)


@router.delete("/commitments/{commitment_id}", response={204: None})
def delete_commitment(
    request: HttpRequest, commitment_id: int, query: Query[VersionQuery]
) -> tuple[int, None]:
    """Delete a commitment of a review you manage, with its key actions, if no progress has been
    reported on it (422 otherwise); a meeting's decision is deleted on its meeting."""
    commitment = selectors.commitment_get_for_manage(commitment_id=commitment_id, user=request.user)
    services.commitment_delete(commitment=commitment, expected_version=query.version, by=request.user)
    return 204, None


# ---------------------------------------------------------------------------------------------
# Key actions


@router.post("/commitments/{commitment_id}/key-actions", response={201: KeyActionOut})
def create_key_action(request: HttpRequest, commitment_id: int, payload: KeyActionIn) -> KeyAction:
    """Add a key action to a commitment of a review you manage."""
    commitment = selectors.commitment_get_for_manage(commitment_id=commitment_id, user=request.user)
    return services.key_action_save(commitment=commitment, by=request.user, **_sent(payload, KeyAction))


@router.patch("/key-actions/{key_action_id}", response=KeyActionOut)
def update_key_action(request: HttpRequest, key_action_id: int, payload: KeyActionPatchIn) -> KeyAction:
    """Change a key action of a review you manage; send only the fields to change, with its `version`."""
    key_action = selectors.key_action_get_for_manage(key_action_id=key_action_id, user=request.user)
    fields = _sent(payload, KeyAction)
    # Unsent fields keep their value: a due date entered by hand stays, one read from the text follows it.
    current = {name: getattr(key_action, name) for name in ("text", "responsible_text", "due_on", "due_text")}
    return services.key_action_save(
        commitment=key_action.commitment,
        key_action=key_action,
        expected_version=payload.version,
        by=request.user,
        **{**current, **fields},
    )


@router.delete("/key-actions/{key_action_id}", response={204: None})
def delete_key_action(
    request: HttpRequest, key_action_id: int, query: Query[VersionQuery]
) -> tuple[int, None]:
    """Delete a key action of a review you manage, if no progress has been reported on it (422 otherwise)."""
    key_action = selectors.key_action_get_for_manage(key_action_id=key_action_id, user=request.user)
    services.key_action_delete(key_action=key_action, expected_version=query.version, by=request.user)
    return 204, None

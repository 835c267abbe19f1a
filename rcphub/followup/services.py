"""Writes on the follow-up ledger. Each service is the one write path for its change, in one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from rcphub.coalitions.models import Coalition
from rcphub.core.dates import today
from rcphub.core.status import report_date
from rcphub.followup.models import (
    Commitment,
    FollowUpReport,
    KeyAction,
    ReportingRound,
    Review,
    ReviewGroup,
    ReviewKind,
)
from rcphub.followup.permissions import can_create_review, can_manage_review, can_report_on_commitment
from rcphub.reference.models import Entity

REVIEW_FIELDS = ("kind", "title", "issued_on", "description", "url", "file", "visibility")
COMMITMENT_FIELDS = (
    "number",
    "group",
    "text",
    "response",
    "response_text",
    "responsible_text",
    "due_on",
    "due_text",
)


def _next_order(qs: Any) -> int:
    return int(qs.aggregate(m=Max("order"))["m"] or 0) + 1


def _require_manage(user: Any, review: Review) -> None:
    if not can_manage_review(user=user, review=review):
        raise PermissionDenied


@transaction.atomic
def review_create(
    *, organisation: Entity | None, coalition: Coalition | None = None, by: Any, **fields: Any
) -> Review:
    """Open a review for the organisation (or the coalition) that follows it up."""
    if not can_create_review(
        user=by,
        organisation_id=organisation.pk if organisation else None,
        coalition_id=coalition.pk if coalition else None,
    ):
        raise PermissionDenied
    review = Review(organisation=organisation, coalition=coalition)
    _set(review, fields, REVIEW_FIELDS)
    review.full_clean()
    review._history_user = by  # type: ignore[attr-defined]
    review.save()
    return review


# What a meeting's review takes from its meeting: changed there, never on the review alone.
MEETING_FIELDS = ("kind", "title", "issued_on", "visibility")


@transaction.atomic
def review_update(
    *, review: Review, by: Any, expected_version: int | None, from_meeting: bool = False, **fields: Any
) -> Review:
    """Change a review; refuse if someone else saved it since `expected_version` was read.

    The kind, title, date and visibility of a meeting's review follow the meeting (`from_meeting`).
    """
    _require_manage(by, review)
    if review.kind == ReviewKind.MEETING_DECISIONS and not from_meeting:
        errors = {
            name: _("This review follows its meeting: change it on the meeting's page.")
            for name in MEETING_FIELDS
            if name in fields and fields[name] != getattr(review, name)
        }
        if errors:
            raise ValidationError(errors)
    _set(review, fields, REVIEW_FIELDS)
    review.full_clean()
    review._history_user = by  # type: ignore[attr-defined]
    review.save_versioned(expected_version=expected_version)
    return review


def _set(obj: Any, fields: dict[str, Any], allowed: Iterable[str]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValueError(f"Not a field here: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(obj, name, value.strip() if isinstance(value, str) else value)


@transaction.atomic
def review_group_save(
    *, review: Review, code: str, title: str, group: ReviewGroup | None = None, by: Any
) -> ReviewGroup:
    """Create or change a group of the review's commitments ("Component 1: …")."""
    _require_manage(by, review)
    if group is not None and group.review_id != review.pk:
        raise PermissionDenied
    group = group or ReviewGroup(review=review, order=_next_order(review.groups))
    group.code, group.title = code.strip(), title.strip()
    group.full_clean()
    group._history_user = by  # type: ignore[attr-defined]
    group.save()
    return group


@transaction.atomic
def commitment_create(
    *, review: Review, responsible_entities: Iterable[Entity] = (), by: Any, **fields: Any
) -> Commitment:
    """Add a commitment to the review; its number must be new in the review."""
    _require_manage(by, review)
    commitment = Commitment(review=review, order=_next_order(review.commitments))
    _set(commitment, fields, COMMITMENT_FIELDS)
    commitment.full_clean()
    commitment._history_user = by  # type: ignore[attr-defined]
    commitment.save()
    commitment.responsible_entities.set(list(responsible_entities))
    return commitment


@transaction.atomic
def commitment_update(
    *,
    commitment: Commitment,
    by: Any,
    expected_version: int | None,
    responsible_entities: Iterable[Entity] | None = None,
    **fields: Any,
) -> Commitment:
    """Change a commitment; refuse if someone else saved it since `expected_version` was read."""
    _require_manage(by, commitment.review)
    _set(commitment, fields, COMMITMENT_FIELDS)
    commitment.full_clean()
    commitment._history_user = by  # type: ignore[attr-defined]
    commitment.save_versioned(expected_version=expected_version)
    if responsible_entities is not None:
        getattr(commitment, "_prefetched_objects_cache", {}).clear()
        commitment.responsible_entities.set(list(responsible_entities))
    return commitment


@transaction.atomic
def key_action_save(
    *,
    commitment: Commitment,
    text: str,
    responsible_text: str = "",
    due_on: date | None = None,
    due_text: str = "",
    key_action: KeyAction | None = None,
    by: Any,
) -> KeyAction:
    """Create or change a key action of the commitment."""
    _require_manage(by, commitment.review)
    if key_action is not None and key_action.commitment_id != commitment.pk:
        raise PermissionDenied
    key_action = key_action or KeyAction(commitment=commitment, order=_next_order(commitment.key_actions))
    key_action.text, key_action.responsible_text = text.strip(), responsible_text.strip()
    key_action.due_on, key_action.due_text = due_on, due_text.strip()
    key_action.full_clean()
    key_action._history_user = by  # type: ignore[attr-defined]
    key_action.save()
    return key_action


@transaction.atomic
def reporting_round_create(*, review: Review, as_at: date, title: str, by: Any) -> ReportingRound:
    """Open a dated reporting round on the review; not in the future, nor before the review was issued."""
    _require_manage(by, review)
    if as_at > today():
        raise ValidationError({"as_at": _("A reporting round cannot be dated in the future.")})
    if as_at < review.issued_on:
        raise ValidationError({"as_at": _("A reporting round cannot be dated before the review was issued.")})
    round_ = ReportingRound(review=review, as_at=as_at, title=title.strip())
    round_.full_clean()
    round_._history_user = by  # type: ignore[attr-defined]
    round_.save()
    return round_


@transaction.atomic
def followup_report_record(
    *,
    commitment: Commitment,
    status: str,
    key_action: KeyAction | None = None,
    as_at: date | None = None,
    comment: str = "",
    round: ReportingRound | None = None,
    by: Any,
) -> FollowUpReport:
    """Record the status of the commitment (or of one of its key actions) as at a date.

    A report in a round is dated as at the round; none may be dated in the future or before the
    review was issued.
    """
    if not can_report_on_commitment(user=by, commitment=commitment):
        raise PermissionDenied
    if key_action is not None and key_action.commitment_id != commitment.pk:
        raise ValidationError({"key_action": _("This key action belongs to another commitment.")})
    review = commitment.review
    as_at = report_date(
        as_at=as_at,
        round_as_at=round.as_at if round is not None else None,
        round_belongs=round is not None and round.review_id == review.pk,
        not_before=review.issued_on,
        not_before_message=_("A status cannot be reported as at a date before the review was issued."),
    )
    report = FollowUpReport(
        commitment=None if key_action else commitment,
        key_action=key_action,
        status=status,
        as_at=as_at,
        comment=comment.strip(),
        round=round,
        author=by,
    )
    report.full_clean(exclude=["commitment", "key_action", "round", "author"])
    report._history_user = by  # type: ignore[attr-defined]
    report.save()
    return report

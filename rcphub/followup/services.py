"""Writes on the follow-up ledger. Each service is the one write path for its change, in one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils.translation import gettext as _

from rcphub.coalitions.models import Coalition
from rcphub.core.dates import today
from rcphub.core.errors import ConflictError
from rcphub.core.status import refresh_valid_until, report_date
from rcphub.followup.due import due_date
from rcphub.followup.models import (
    Commitment,
    DatePrecision,
    FollowUpReport,
    KeyAction,
    ReportingRound,
    Review,
    ReviewGroup,
    ReviewKind,
)
from rcphub.followup.permissions import can_create_review, can_manage_review, can_report_on_commitment
from rcphub.reference.models import Entity

REVIEW_FIELDS = (
    "kind",
    "title",
    "issued_on",
    "issued_precision",
    "description",
    "url",
    "file",
    "visibility",
)
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
    _normalise_issued_on(review)
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
    _normalise_issued_on(review)
    review.full_clean()
    review._history_user = by  # type: ignore[attr-defined]
    review.save_versioned(expected_version=expected_version)
    return review


def _normalise_issued_on(review: Review) -> None:
    # A review dated "November 2017" is stored as 1 November 2017, so that it sorts and filters by date.
    day = review.issued_on
    if isinstance(day, date):
        if review.issued_precision == DatePrecision.MONTH:
            review.issued_on = day.replace(day=1)
        elif review.issued_precision == DatePrecision.YEAR:
            review.issued_on = day.replace(month=1, day=1)


def _derive_due_on(item: Commitment | KeyAction, *, was_text: str, was_due_on: date | None) -> None:
    """Read the due date from the due text where none is given; a date read from the text before
    follows the text when it changes. A date entered by hand stays as entered."""
    if not item.due_text:
        return
    if item.due_on is None or (
        item.due_text != was_text
        and item.due_on == was_due_on
        and was_text
        and was_due_on == due_date(was_text)
    ):
        item.due_on = due_date(item.due_text)


def _set(obj: Any, fields: dict[str, Any], allowed: Iterable[str]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValueError(f"Not a field here: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(obj, name, value.strip() if isinstance(value, str) else value)


@transaction.atomic
def review_group_save(
    *,
    review: Review,
    code: str,
    title: str,
    group: ReviewGroup | None = None,
    expected_version: int | None = None,
    by: Any,
) -> ReviewGroup:
    """Create or change a group of the review's commitments ("Component 1: …"); refuse a change
    if someone else saved the group since `expected_version` was read."""
    _require_manage(by, review)
    if group is not None and group.review_id != review.pk:
        raise PermissionDenied
    group = group or ReviewGroup(review=review, order=_next_order(review.groups))
    group.code, group.title = code.strip(), title.strip()
    group.full_clean()
    group._history_user = by  # type: ignore[attr-defined]
    group.save_versioned(expected_version=expected_version)
    return group


@transaction.atomic
def commitment_create(
    *,
    review: Review,
    responsible_entities: Iterable[Entity] = (),
    by: Any,
    from_meeting: bool = False,
    **fields: Any,
) -> Commitment:
    """Add a commitment to the review; its number must be new in the review.

    Given due text and no due date, the due date is the one the text means (`due.due_date`), if any.
    A meeting's review takes its commitments only as decisions of its meeting (`from_meeting`: the
    meetings app, which checks the meeting's own rules first).
    """
    _require_manage(by, review)
    if not from_meeting:
        _refuse_if_meeting(review)
    commitment = Commitment(review=review, order=_next_order(review.commitments))
    _set(commitment, fields, COMMITMENT_FIELDS)
    _derive_due_on(commitment, was_text="", was_due_on=None)
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
    from_meeting: bool = False,
    **fields: Any,
) -> Commitment:
    """Change a commitment; refuse if someone else saved it since `expected_version` was read.

    A due date read from the due text follows the text when the text changes. A meeting's decision
    changes only through its meeting (`from_meeting`), whose rules (not due before the meeting was
    held, a number new among its decisions) are checked there.
    """
    _require_manage(by, commitment.review)
    if not from_meeting:
        _refuse_if_decision(commitment)
    was_text, was_due_on = commitment.due_text, commitment.due_on
    _set(commitment, fields, COMMITMENT_FIELDS)
    _derive_due_on(commitment, was_text=was_text, was_due_on=was_due_on)
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
    expected_version: int | None = None,
    by: Any,
) -> KeyAction:
    """Create or change a key action of the commitment; refuse a change if someone else saved it
    since `expected_version` was read. Due text without a due date gives the date it means."""
    _require_manage(by, commitment.review)
    if key_action is not None and key_action.commitment_id != commitment.pk:
        raise PermissionDenied
    key_action = key_action or KeyAction(commitment=commitment, order=_next_order(commitment.key_actions))
    was_text, was_due_on = key_action.due_text, key_action.due_on
    key_action.text, key_action.responsible_text = text.strip(), responsible_text.strip()
    key_action.due_on, key_action.due_text = due_on, due_text.strip()
    _derive_due_on(key_action, was_text=was_text, was_due_on=was_due_on)
    key_action.full_clean()
    key_action._history_user = by  # type: ignore[attr-defined]
    key_action.save_versioned(expected_version=expected_version)
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
    status_text: str = "",
    round: ReportingRound | None = None,
    by: Any,
) -> FollowUpReport:
    """Record the status of the commitment (or of one of its key actions) as at a date.

    The status may be left blank where the document gives none: the report then records its
    comment (or the status as written) and no status, and the status as at any date stays the last
    one given (see docs/decisions/0011). A report in a round is dated as at the round; none may be
    dated in the future or before the review was issued.
    """
    if not can_report_on_commitment(user=by, commitment=commitment):
        raise PermissionDenied
    if key_action is not None and key_action.commitment_id != commitment.pk:
        raise ValidationError({"key_action": _("This key action belongs to another commitment.")})
    if not status and not comment.strip() and not status_text.strip():
        raise ValidationError(
            {"status": _("Give a status, or a comment where the document gives no status.")}
        )
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
        status_text=status_text.strip(),
        as_at=as_at,
        comment=comment.strip(),
        round=round,
        author=by,
    )
    report.full_clean(exclude=["commitment", "key_action", "round", "author"])
    report._history_user = by  # type: ignore[attr-defined]
    report.save()
    return report


# ---------------------------------------------------------------------------------------------
# Deleting: only what nothing has been reported on yet, so that no follow-up history is lost.


def _reported_on_q(**path: Any) -> Any:
    return FollowUpReport.objects.filter(**path).exists()


def _claim_version(obj: Any, *, expected_version: int | None) -> None:
    # Claiming the version is one UPDATE, as in save_versioned: of two writers only one passes.
    if expected_version is not None:
        manager = type(obj)._default_manager
        if not manager.filter(pk=obj.pk, version=expected_version).update(version=expected_version + 1):
            raise ConflictError


def _delete_versioned(obj: Any, *, expected_version: int | None, by: Any) -> None:
    _claim_version(obj, expected_version=expected_version)
    obj._history_user = by
    obj.delete()


def _refuse_if_meeting(review: Review) -> None:
    if hasattr(review, "meeting"):  # the meetings app's one-to-one link to its review
        raise ValidationError(
            {NON_FIELD_ERRORS: _("This review follows its meeting: change it on the meeting's page.")}
        )


def _refuse_if_decision(commitment: Commitment) -> None:
    if hasattr(commitment, "decision"):  # the meetings app's one-to-one link to its commitment
        raise ValidationError(
            {NON_FIELD_ERRORS: _("This commitment is a meeting's decision: change it on the meeting's page.")}
        )


@transaction.atomic
def review_delete(*, review: Review, expected_version: int | None, by: Any) -> None:
    """Delete a review with its groups, commitments, key actions and rounds, if nothing has been
    reported on it and it is not a meeting's review."""
    _require_manage(by, review)
    _refuse_if_meeting(review)
    if _reported_on_q(commitment__review=review) or _reported_on_q(key_action__commitment__review=review):
        raise ValidationError(
            {NON_FIELD_ERRORS: _("Progress has been reported on this review: it cannot be deleted.")}
        )
    _claim_version(review, expected_version=expected_version)
    _delete_contents(review, by=by)
    _delete_versioned(review, expected_version=None, by=by)


def _delete_contents(review: Review, *, by: Any) -> None:
    # One by one so that each deletion is in the history with who did it; commitments before the
    # groups they are in (a group is protected while it holds commitments).
    for commitment in review.commitments.all():
        commitment._history_user = by  # type: ignore[attr-defined]
        commitment.delete()
    for group in review.groups.all():
        group._history_user = by  # type: ignore[attr-defined]
        group.delete()


@transaction.atomic
def review_group_delete(*, group: ReviewGroup, expected_version: int | None, by: Any) -> None:
    """Delete a group of the review's commitments, if it holds none."""
    _require_manage(by, group.review)
    if group.commitments.exists():
        raise ValidationError(
            {NON_FIELD_ERRORS: _("This group holds commitments: move or delete them first.")}
        )
    _delete_versioned(group, expected_version=expected_version, by=by)


@transaction.atomic
def commitment_delete(*, commitment: Commitment, expected_version: int | None, by: Any) -> None:
    """Delete a commitment with its key actions, if nothing has been reported on it and it is not a
    meeting's decision (a decision is changed on its meeting's page)."""
    _require_manage(by, commitment.review)
    _refuse_if_decision(commitment)
    if _reported_on_q(commitment=commitment) or _reported_on_q(key_action__commitment=commitment):
        raise ValidationError(
            {NON_FIELD_ERRORS: _("Progress has been reported on this commitment: it cannot be deleted.")}
        )
    _delete_versioned(commitment, expected_version=expected_version, by=by)


@transaction.atomic
def key_action_delete(*, key_action: KeyAction, expected_version: int | None, by: Any) -> None:
    """Delete a key action, if nothing has been reported on it."""
    _require_manage(by, key_action.commitment.review)
    if _reported_on_q(key_action=key_action):
        raise ValidationError(
            {NON_FIELD_ERRORS: _("Progress has been reported on this key action: it cannot be deleted.")}
        )
    _delete_versioned(key_action, expected_version=expected_version, by=by)


# ---------------------------------------------------------------------------------------------
# The dates reports are replaced on (derived, see `selectors.status`).

# The reports that give a status: only they replace each other's status.
GIVES_STATUS = ~Q(status="")


def followup_report_dates_refresh(reports: Iterable[FollowUpReport]) -> None:
    """Set the dates each report of the reports' commitments and key actions is replaced on.

    `valid_until`: the date of the item's next report of any kind; `status_valid_until`: for a report
    giving a status, the date of the item's next report giving one. Every single save and delete
    does it (`refresh_report_dates`); call it after writing reports in bulk, which sends no signals.
    """
    reports = list(reports)
    with transaction.atomic():  # the items are locked until the end of the writer's transaction
        for subject in ("commitment", "key_action"):
            ids = [getattr(report, f"{subject}_id") for report in reports]
            refresh_valid_until(FollowUpReport, subject_field=subject, subject_ids=ids)
            refresh_valid_until(
                FollowUpReport,
                subject_field=subject,
                subject_ids=ids,
                field="status_valid_until",
                among=GIVES_STATUS,
            )


def refresh_report_dates(sender: Any, instance: FollowUpReport, raw: bool = False, **kwargs: Any) -> None:
    """After a report is saved or deleted, set the dates each report of its item is replaced on.

    A fixture being loaded (`raw`) brings its own dates; a report deleted with its commitment, key
    action or review (the deletion's `origin` is not a report) leaves nothing to keep.
    """
    origin = kwargs.get("origin")
    if origin is not None and getattr(origin, "model", type(origin)) is not FollowUpReport:
        return
    if not raw:
        followup_report_dates_refresh([instance])

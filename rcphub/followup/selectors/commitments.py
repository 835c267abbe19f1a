"""Reads on commitments and key actions: the filtered list, access to one, its history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from rcphub.core.errors import NotFound
from rcphub.core.history import HistoryEntry, change_history
from rcphub.followup.models import CLOSED_STATUSES, Commitment, FollowUpReport, FollowUpStatus, KeyAction
from rcphub.followup.permissions import can_manage_review, can_report_on_commitment, review_visibility_q
from rcphub.followup.selectors.status import commitments_as_at, overdue_q
from rcphub.reference.models import Entity

COMMITMENT_PREFETCH = (
    Prefetch("responsible_entities", queryset=Entity.objects.only("id", "acronym", "name", "kind")),
)


def commitment_get(*, commitment_id: int, user: Any) -> Commitment:
    """Return the commitment of a review the user may see, or raise NotFound."""
    commitment = (
        Commitment.objects.filter(review_visibility_q(user, prefix="review__"), pk=commitment_id)
        .select_related("review__organisation", "review__coalition", "review__meeting", "group")
        .prefetch_related(*COMMITMENT_PREFETCH)
        .first()
    )
    if commitment is None:
        raise NotFound
    return commitment


def commitment_get_for_manage(*, commitment_id: int, user: Any) -> Commitment:
    """Return the commitment if the user may change it; missing and forbidden answer alike."""
    commitment = commitment_get(commitment_id=commitment_id, user=user)
    if not can_manage_review(user=user, review=commitment.review):
        raise NotFound
    return commitment


def commitment_get_for_report(*, commitment_id: int, user: Any) -> Commitment:
    """Return the commitment if the user may report its status; missing and forbidden answer alike."""
    commitment = commitment_get(commitment_id=commitment_id, user=user)
    if not can_report_on_commitment(user=user, commitment=commitment):
        raise NotFound
    return commitment


def key_action_get_for_report(*, key_action_id: int, user: Any) -> KeyAction:
    """Return the key action if the user may report on its commitment; missing and forbidden answer alike."""
    key_action = KeyAction.objects.filter(pk=key_action_id).only("id", "commitment_id").first()
    if key_action is None:
        raise NotFound
    commitment = commitment_get_for_report(commitment_id=key_action.commitment_id, user=user)
    key_action = commitment.key_actions.get(pk=key_action_id)
    key_action.commitment = commitment
    return key_action


def key_action_get_for_manage(*, key_action_id: int, user: Any) -> KeyAction:
    """Return the key action if the user may manage its review; missing and forbidden answer alike."""
    key_action = KeyAction.objects.filter(pk=key_action_id).only("id", "commitment_id").first()
    if key_action is None:
        raise NotFound
    commitment = commitment_get_for_manage(commitment_id=key_action.commitment_id, user=user)
    key_action = commitment.key_actions.get(pk=key_action_id)
    key_action.commitment = commitment
    return key_action


def key_action_get_for_commitment(*, commitment: Commitment, key_action_id: int) -> KeyAction:
    """Return the commitment's key action, or raise ValidationError on `key_action` if it has none with that id."""
    key_action = KeyAction.objects.filter(pk=key_action_id, commitment=commitment).first()
    if key_action is None:
        message = _("Unknown key action “%(value)s” for this commitment.") % {"value": key_action_id}
        raise ValidationError({"key_action": ValidationError(message, code="unknown")})
    key_action.commitment = commitment
    return key_action


@dataclass(frozen=True)
class CommitmentFilters:
    organisation: str | None = None  # acronym
    kind: str | None = None
    review_id: int | None = None
    responsible_entity: str | None = None  # acronym
    status: str | None = None  # as at; "none" for no report yet
    overdue: bool | None = None


def commitment_list(*, user: Any, filters: CommitmentFilters, as_at: date) -> QuerySet[Commitment]:
    """Return the commitments of reviews the user may see, filtered, annotated with their status as at `as_at`."""
    qs = Commitment.objects.filter(review_visibility_q(user, prefix="review__"))
    if filters.organisation:
        qs = qs.filter(review__organisation__acronym__iexact=filters.organisation)
    if filters.kind:
        qs = qs.filter(review__kind=filters.kind)
    if filters.review_id is not None:
        qs = qs.filter(review_id=filters.review_id)
    if filters.responsible_entity:
        qs = qs.filter(
            Exists(
                Commitment.responsible_entities.through.objects.filter(
                    commitment_id=OuterRef("pk"), entity__acronym__iexact=filters.responsible_entity
                )
            )
        )
    qs = commitments_as_at(qs, as_at=as_at)
    if filters.status == "none":
        qs = qs.filter(status_as_at__isnull=True)  # type: ignore[misc]
    elif filters.status:
        qs = qs.filter(status_as_at=filters.status)  # type: ignore[misc]
    if filters.overdue is True:
        qs = qs.filter(overdue_q(as_at))
    elif filters.overdue is False:
        qs = qs.filter(~Q(due_on__lt=as_at) | Q(due_on__isnull=True) | Q(status_as_at__in=CLOSED_STATUSES))
    return (
        qs.select_related("review__organisation", "review__coalition", "group")
        .prefetch_related(*COMMITMENT_PREFETCH)
        .order_by("review_id", "order", "id")
    )


def commitment_status_history(*, commitment: Commitment) -> QuerySet[FollowUpReport]:
    """Return every report on the commitment and its key actions, latest first."""
    return (
        FollowUpReport.objects.filter(Q(commitment=commitment) | Q(key_action__commitment=commitment))
        .select_related("author", "round", "key_action")
        .order_by("-as_at", "-id")
    )


def commitment_change_history(*, commitment: Commitment) -> list[HistoryEntry]:
    """Return who changed what on the commitment and when, latest first, with the values before."""
    return change_history(commitment, excluded=("review", "order"))


COMMITMENT_STATUS_FILTERS = (*FollowUpStatus.values, "none")


def commitment_filters_check(*, filters: CommitmentFilters) -> None:
    """Refuse filters naming an organisation, a responsible entity or a status that does not exist.

    Each entity given costs one small query on reference data; the error names every unknown filter.
    """
    messages: dict[str, str] = {}
    for name, acronym in (
        ("organisation", filters.organisation),
        ("responsible_entity", filters.responsible_entity),
    ):
        if acronym and not Entity.objects.filter(acronym__iexact=acronym).exists():
            messages[name] = _("Unknown entity “%(value)s”: use its acronym.") % {"value": acronym[:40]}
    if filters.status and filters.status not in COMMITMENT_STATUS_FILTERS:
        messages["status"] = _("Unknown status “%(value)s”: use one of %(choices)s.") % {
            "value": filters.status[:40],
            "choices": ", ".join(COMMITMENT_STATUS_FILTERS),
        }
    if messages:
        raise ValidationError(
            {name: ValidationError(message, code="unknown") for name, message in messages.items()}
        )

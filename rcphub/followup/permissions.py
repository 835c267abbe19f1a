"""Who may see, manage and report on reviews and their commitments.

Visitors see reviews marked public. The people of the organisation that follows up, members of the
review's coalition and the people of the entities responsible for its commitments also see internal
ones. Follow-up officers of the organisation (and the coalition's secretariat, for a coalition's
reviews) manage a review; focal points and follow-up officers of a responsible entity report on the
commitments their entity is responsible for; the platform secretariat does everything.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q

from rcphub.accounts.models import Role
from rcphub.accounts.permissions import entity_ids_of, grants_of, is_platform_secretariat
from rcphub.coalitions.permissions import (
    coalition_visibility_q,
    is_coalition_secretariat,
    member_coalition_ids,
)
from rcphub.core.models import Visibility
from rcphub.followup.models import Commitment, Review

# The roles whose holders report on what their entity is responsible for.
REPORTING_ROLES = frozenset({Role.FOCAL_POINT, Role.FOLLOW_UP_OFFICER})


def review_visibility_q(user: Any, prefix: str = "") -> Q:
    """Return the filter of reviews the user may see, on a path ending at a review.

    A commitment is seen with its review (`review_visibility_q(user, prefix="review__")`); a review
    is always fetched through this filter, so the rule has no second, per-object form.
    """
    if is_platform_secretariat(user):
        return Q()
    # A public review of a coalition the reader may not see stays hidden with its coalition.
    q = Q(**{f"{prefix}visibility": Visibility.PUBLIC}) & (
        Q(**{f"{prefix}coalition__isnull": True})
        | coalition_visibility_q(user, prefix=f"{prefix}coalition__")
    )
    entities = entity_ids_of(user)
    if entities:
        responsible = Commitment.objects.filter(
            review_id=OuterRef(f"{prefix}pk" if prefix else "pk"), responsible_entities__in=entities
        )
        q |= Q(**{f"{prefix}organisation_id__in": entities}) | Q(Exists(responsible))
    coalitions = member_coalition_ids(user)
    if coalitions:
        q |= Q(**{f"{prefix}coalition_id__in": coalitions})
    return q


def followed_up_organisation_ids(user: Any) -> frozenset[int]:
    """Return the organisations whose reviews the user follows up, as their follow-up officer."""
    return frozenset(g.entity_id for g in grants_of(user) if g.role == Role.FOLLOW_UP_OFFICER)


def can_manage_review(*, user: Any, review: Review) -> bool:
    """Return True if the user may change the review, its commitments and its rounds."""
    if is_platform_secretariat(user):
        return True
    if review.coalition_id and is_coalition_secretariat(user=user, coalition_id=review.coalition_id):
        return True
    return review.organisation_id is not None and review.organisation_id in followed_up_organisation_ids(user)


def can_create_review(*, user: Any, organisation_id: int | None, coalition_id: int | None) -> bool:
    """Return True if the user may open a review for the organisation (or the coalition)."""
    probe = Review(organisation_id=organisation_id, coalition_id=coalition_id)
    return can_manage_review(user=user, review=probe)


def can_report_on_commitment(*, user: Any, commitment: Commitment) -> bool:
    """Return True if the user may report the status of the commitment and its key actions.

    Uses the prefetched responsible entities when the caller has them.
    """
    if can_manage_review(user=user, review=commitment.review):
        return True
    mine = {g.entity_id for g in grants_of(user) if g.role in REPORTING_ROLES}
    return bool(mine) and any(entity.pk in mine for entity in commitment.responsible_entities.all())

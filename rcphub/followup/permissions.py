"""Who may see, manage and report on reviews and their commitments.

Visitors see reviews marked public. The people of the organisation that follows up, members of the
review's coalition and the people of the entities responsible for its commitments also see internal
ones. Follow-up officers of the organisation (and the coalition's secretariat, for a coalition's
reviews) manage a review; focal points and follow-up officers of a responsible entity report on the
commitments their entity is responsible for; the platform secretariat does everything.
"""

from __future__ import annotations

from typing import Any

from rcphub.accounts.models import Role
from rcphub.accounts.permissions import grants_of, is_platform_secretariat
from rcphub.coalitions.permissions import is_coalition_secretariat
from rcphub.followup.models import Commitment, Review

# The roles whose holders report on what their entity is responsible for.
REPORTING_ROLES = frozenset({Role.FOCAL_POINT, Role.FOLLOW_UP_OFFICER})


def can_manage_review(*, user: Any, review: Review) -> bool:
    """Return True if the user may change the review, its commitments and its rounds."""
    if is_platform_secretariat(user):
        return True
    if review.coalition_id and is_coalition_secretariat(user=user, coalition_id=review.coalition_id):
        return True
    return review.organisation_id is not None and any(
        g.role == Role.FOLLOW_UP_OFFICER and g.entity_id == review.organisation_id for g in grants_of(user)
    )


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

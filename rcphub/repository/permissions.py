"""Who may submit, review and see practices, pledges, pledge reports and knowledge products.

Any signed-in user with a membership is a member and may submit. The repository's secretariat,
which returns and publishes submissions, is the platform secretariat and the secretariat of any
coalition: the repository belongs to the whole platform, not to one coalition. Visitors see what
is published; submitters also see their own drafts; the secretariat sees everything. Knowledge
products follow their coalition's visibility: internal ones are for its members.
"""

from __future__ import annotations

from typing import Any

from rcphub.accounts.models import Role
from rcphub.accounts.permissions import coalition_ids_with_role, grants_of, is_platform_secretariat
from rcphub.coalitions.permissions import has_internal_access
from rcphub.core.models import Visibility
from rcphub.repository.models import (
    EDITABLE_STATES,
    SUBMISSION_TRANSITIONS,
    KnowledgeProduct,
    Submission,
    SubmissionState,
)


def is_repository_secretariat(user: Any) -> bool:
    """Return True if the user reviews submissions: the platform secretariat or any coalition's secretariat."""
    return is_platform_secretariat(user) or bool(coalition_ids_with_role(user, Role.COALITION_SECRETARIAT))


def can_submit(user: Any) -> bool:
    """Return True if the user may draft and submit practices, pledges and reports (any member)."""
    return bool(grants_of(user))


def can_view_submission(*, user: Any, item: Submission) -> bool:
    """Return True if the user may see the practice, pledge or report."""
    if item.state == SubmissionState.PUBLISHED or is_repository_secretariat(user):
        return True
    return bool(getattr(user, "is_authenticated", False)) and item.submitter_id == user.pk


def can_edit_submission(*, user: Any, item: Submission) -> bool:
    """Return True if the user may change the submission: its submitter, while a draft or returned."""
    return (
        item.state in EDITABLE_STATES
        and bool(getattr(user, "is_authenticated", False))
        and (item.submitter_id == user.pk)
    )


def can_transition_submission(*, user: Any, item: Submission, to: str) -> bool:
    """Return True if the user may move the submission to state `to`.

    The submitter submits (and resubmits after a return); the secretariat returns and publishes.
    """
    if to not in SUBMISSION_TRANSITIONS.get(item.state, frozenset()):
        return False
    if to == SubmissionState.SUBMITTED:
        return can_edit_submission(user=user, item=item)
    return is_repository_secretariat(user)


def can_view_knowledge_product(*, user: Any, product: KnowledgeProduct) -> bool:
    """Return True if the user may see the knowledge product (as `selectors.knowledge_product_list`).

    A public product of an internal coalition is for those who may see the coalition.
    """
    coalition = product.coalition
    if coalition is None:
        return product.visibility == Visibility.PUBLIC or is_platform_secretariat(user)
    if product.visibility == Visibility.PUBLIC and coalition.visibility == Visibility.PUBLIC:
        return True
    return has_internal_access(user=user, coalition_id=coalition.pk)


def can_create_knowledge_product(*, user: Any, coalition: Any) -> bool:
    """Return True if the user may add a knowledge product for `coalition` (a Coalition, an id or None).

    The platform secretariat may for any coalition, or for none (the platform's own products); a
    coalition's secretariat for its own coalition.
    """
    if is_platform_secretariat(user):
        return True
    coalition_id = getattr(coalition, "pk", coalition)
    return coalition_id is not None and coalition_id in coalition_ids_with_role(
        user, Role.COALITION_SECRETARIAT
    )


def can_manage_knowledge_product(*, user: Any, product: KnowledgeProduct) -> bool:
    """Return True if the user may change or delete the knowledge product."""
    return can_create_knowledge_product(user=user, coalition=product.coalition_id)


def can_manage_country_records(user: Any) -> bool:
    """Return True if the user may record voluntary reports and champion countries: the platform secretariat."""
    return is_platform_secretariat(user)

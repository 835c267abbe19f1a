"""Who may submit, review and see practices, pledges, pledge reports and knowledge products.

Any signed-in user with a membership is a member and may submit. The repository's secretariat,
which returns and publishes submissions, is the platform secretariat and the secretariat of any
coalition: the repository belongs to the whole platform, not to one coalition. Visitors see what
is published; submitters also see their own drafts; the secretariat sees everything. Knowledge
products follow their coalition's visibility: internal ones are for its members.

Four eyes: nobody returns or publishes what they submitted themselves; another reviewer must. The
platform secretariat is not exempt: a deployment with a single reviewer cannot publish that
reviewer's own submissions (the issue asks for another reviewer, always).

A practice is submitted on behalf of an entity the submitter works for (a membership's entity); the
platform secretariat, which acts across the platform, for any entity.
"""

from __future__ import annotations

from functools import reduce
from operator import and_
from typing import Any

from django.db.models import Q

from rcphub.accounts.models import Role
from rcphub.accounts.permissions import (
    coalition_ids_with_role,
    entity_ids_of,
    grants_of,
    is_platform_secretariat,
)
from rcphub.coalitions.permissions import coalition_item_visibility_q
from rcphub.core.rules import q_matches
from rcphub.repository.models import (
    EDITABLE_STATES,
    SUBMISSION_TRANSITIONS,
    KnowledgeProduct,
    Pledge,
    PledgeReport,
    Practice,
    Submission,
    SubmissionState,
)


def is_repository_secretariat(user: Any) -> bool:
    """Return True if the user reviews submissions: the platform secretariat or any coalition's secretariat."""
    return is_platform_secretariat(user) or bool(coalition_ids_with_role(user, Role.COALITION_SECRETARIAT))


def can_submit(user: Any) -> bool:
    """Return True if the user may draft and submit practices, pledges and reports (any member)."""
    return bool(grants_of(user))


def can_submit_for_entity(*, user: Any, entity: Any) -> bool:
    """Return True if the user may submit on behalf of `entity` (an Entity or an id): one of their
    memberships' entities, or any for the platform secretariat."""
    entity_id = getattr(entity, "pk", entity)
    return is_platform_secretariat(user) or entity_id in entity_ids_of(user)


def is_own_submission(*, user: Any, item: Submission) -> bool:
    """Return True if the user submitted the item: they may not review it (four eyes)."""
    return bool(getattr(user, "is_authenticated", False)) and item.submitter_id == user.pk


def must_leave_review_to_another(*, user: Any, item: Submission) -> bool:
    """Return True if the user reviews submissions but submitted this one: another reviewer must decide."""
    return is_repository_secretariat(user) and is_own_submission(user=user, item=item)


def submission_visibility_q(user: Any, prefix: str = "") -> Q:
    """Return the filter of the practices, pledges and reports the user may see, on a path ending at one.

    Visitors see what is published, submitters also their own, the repository secretariat everything.
    """
    if is_repository_secretariat(user):
        return Q()
    q = Q(**{f"{prefix}state": SubmissionState.PUBLISHED})
    if getattr(user, "is_authenticated", False):
        q |= Q(**{f"{prefix}submitter_id": user.pk})
    return q


# The paths from a submission to those the rule must allow for it to be seen: itself, and for a
# pledge report its pledge (a report is seen only on a pledge one may see).
SUBMISSION_SEEN_THROUGH: dict[type[Submission], tuple[str, ...]] = {
    Practice: ("",),
    Pledge: ("",),
    PledgeReport: ("", "pledge__"),
}


def submission_seen_q(user: Any, kind: type[Submission]) -> Q:
    """Return the filter of the submissions of this kind the user may see: the rule on each path to it."""
    return reduce(and_, (submission_visibility_q(user, path) for path in SUBMISSION_SEEN_THROUGH[kind]))


def can_view_submission(*, user: Any, item: Submission) -> bool:
    """Return True if the user may see the practice, pledge or report (`submission_seen_q` on it)."""
    return q_matches(submission_seen_q(user, type(item)), item)


def can_edit_submission(*, user: Any, item: Submission) -> bool:
    """Return True if the user may change the submission: its submitter, while a draft or returned."""
    return (
        item.state in EDITABLE_STATES
        and bool(getattr(user, "is_authenticated", False))
        and (item.submitter_id == user.pk)
    )


def can_transition_submission(*, user: Any, item: Submission, to: str) -> bool:
    """Return True if the user may move the submission to state `to`.

    The submitter submits (and resubmits after a return); the secretariat returns and publishes what
    others submitted (four eyes: never what the reviewer submitted themselves).
    """
    if to not in SUBMISSION_TRANSITIONS.get(item.state, frozenset()):
        return False
    if to == SubmissionState.SUBMITTED:
        return can_edit_submission(user=user, item=item)
    return is_repository_secretariat(user) and not is_own_submission(user=user, item=item)


def knowledge_product_visibility_q(user: Any, prefix: str = "") -> Q:
    """Return the filter of the knowledge products the user may see, on a path ending at one.

    The rule of a platform's or a coalition's items (`coalition_item_visibility_q`): public products
    of no coalition or of a coalition the user may see, and every product of the user's coalitions.
    A public product of an internal coalition stays hidden from others: it would name the coalition.
    """
    return coalition_item_visibility_q(user, prefix)


def can_view_knowledge_product(*, user: Any, product: KnowledgeProduct) -> bool:
    """Return True if the user may see the product: `knowledge_product_visibility_q` decided on it."""
    return q_matches(knowledge_product_visibility_q(user), product)


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

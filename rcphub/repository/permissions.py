"""Who may submit, review and see practices, pledges, pledge reports and knowledge products.

Any signed-in user with a membership is a member and may submit. The repository's secretariat,
which returns and publishes submissions, is the platform secretariat and the secretariat of any
coalition: the repository belongs to the whole platform, not to one coalition. Visitors see what
is published; submitters also see their own drafts; the secretariat sees everything. Knowledge
products follow their coalition's visibility: internal ones are for its members.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Q

from rcphub.accounts.models import Role
from rcphub.accounts.permissions import coalition_ids_with_role, grants_of, is_platform_secretariat
from rcphub.coalitions.permissions import member_coalition_ids
from rcphub.core.models import Visibility
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


@dataclass(frozen=True)
class VisibilityRule:
    """What a user may see of one kind of item: everything, or the items that meet any of `conditions`.

    A condition maps field paths, as a queryset filter names them (`coalition__visibility`), to the
    value each must have, or to a frozenset of values of which it must have one. Lists read the rule
    as a filter (`q`), one item's checks as a test in Python (`allows`): the rule is written once.
    """

    everything: bool = False
    conditions: tuple[Mapping[str, Any], ...] = ()

    def q(self, prefix: str = "") -> Q:
        """Return the rule as a queryset filter, on a path (`prefix`, e.g. "pledge__") ending at the item."""
        if self.everything:
            return Q()
        if not self.conditions:
            return Q(pk__in=[])
        return reduce(
            or_,
            (
                Q(
                    **{
                        f"{prefix}{path}__in" if isinstance(v, frozenset) else f"{prefix}{path}": v
                        for path, v in c.items()
                    }
                )
                for c in self.conditions
            ),
        )

    def allows(self, item: Any, prefix: str = "") -> bool:
        """Return True if the item (or what `prefix` leads to from it) meets the rule."""
        return self.everything or any(
            all(_meets(_value_at(item, f"{prefix}{path}"), wanted) for path, wanted in condition.items())
            for condition in self.conditions
        )


def _value_at(item: Any, path: str) -> Any:
    for name in path.split("__"):
        if item is None:
            return None
        item = getattr(item, name)
    return item


def _meets(value: Any, wanted: Any) -> bool:
    return value in wanted if isinstance(wanted, frozenset) else bool(value == wanted)


def is_repository_secretariat(user: Any) -> bool:
    """Return True if the user reviews submissions: the platform secretariat or any coalition's secretariat."""
    return is_platform_secretariat(user) or bool(coalition_ids_with_role(user, Role.COALITION_SECRETARIAT))


def can_submit(user: Any) -> bool:
    """Return True if the user may draft and submit practices, pledges and reports (any member)."""
    return bool(grants_of(user))


def submission_visibility(user: Any) -> VisibilityRule:
    """Return which practices, pledges and pledge reports the user may see: visitors what is published,
    submitters also their own, the repository secretariat everything."""
    if is_repository_secretariat(user):
        return VisibilityRule(everything=True)
    conditions: list[Mapping[str, Any]] = [{"state": SubmissionState.PUBLISHED}]
    if getattr(user, "is_authenticated", False):
        conditions.append({"submitter_id": user.pk})
    return VisibilityRule(conditions=tuple(conditions))


# The paths from a submission to those the rule must allow for it to be seen: itself, and for a
# pledge report its pledge (a report is seen only on a pledge one may see).
SUBMISSION_SEEN_THROUGH: dict[type[Submission], tuple[str, ...]] = {
    Practice: ("",),
    Pledge: ("",),
    PledgeReport: ("", "pledge__"),
}


def can_view_submission(*, user: Any, item: Submission) -> bool:
    """Return True if the user may see the practice, pledge or report (as `selectors` lists them)."""
    rule = submission_visibility(user)
    return all(rule.allows(item, prefix=path) for path in SUBMISSION_SEEN_THROUGH[type(item)])


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


def knowledge_product_visibility(user: Any) -> VisibilityRule:
    """Return which knowledge products the user may see: public ones of no coalition or of a public
    coalition, and every product of a coalition whose internal items the user may read; the platform
    secretariat sees everything.

    A public product of an internal coalition is for those who may see the coalition: the product
    would otherwise name a coalition hidden from the reader.
    """
    if is_platform_secretariat(user):
        return VisibilityRule(everything=True)
    public = Visibility.PUBLIC
    return VisibilityRule(
        conditions=(
            {"visibility": public, "coalition_id": None},
            {"visibility": public, "coalition__visibility": public},
            {"coalition_id": member_coalition_ids(user)},
        )
    )


def can_view_knowledge_product(*, user: Any, product: KnowledgeProduct) -> bool:
    """Return True if the user may see the knowledge product (as `selectors.knowledge_product_list`)."""
    return knowledge_product_visibility(user).allows(product)


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

"""One table over role × action × review visibility."""

import pytest

from rcphub.core.errors import NotFound
from rcphub.followup.permissions import can_manage_review, can_report_on_commitment
from rcphub.followup.selectors import review_get
from rcphub.followup.tests.factories import build_review

pytestmark = pytest.mark.django_db

VISIBILITIES = ("public", "internal")
T, F = True, False

# action -> role -> expected for a (public, internal) UNICEF evaluation in which UNDP is responsible for
# commitment 1 and UNICEF for commitment 2.
TABLE = {
    "view_review": {
        "visitor": (T, F),
        "outsider": (T, F),
        "member": (T, F),
        "focal_point": (T, T),  # UNDP is responsible for an item
        "follow_up_officer": (T, T),  # UNICEF follows the review up
        "coalition_secretariat": (T, F),
        "platform_secretariat": (T, T),
    },
    "manage_review": {
        "visitor": (F, F),
        "outsider": (F, F),
        "member": (F, F),
        "focal_point": (F, F),
        "follow_up_officer": (T, T),
        "coalition_secretariat": (F, F),
        "platform_secretariat": (T, T),
    },
    "report_on_own_entitys_item": {
        "visitor": (F, F),
        "outsider": (F, F),
        "member": (F, F),
        "focal_point": (T, T),
        "follow_up_officer": (T, T),
        "coalition_secretariat": (F, F),
        "platform_secretariat": (T, T),
    },
    "report_on_another_entitys_item": {
        "visitor": (F, F),
        "outsider": (F, F),
        "member": (F, F),
        "focal_point": (F, F),
        "follow_up_officer": (T, T),
        "coalition_secretariat": (F, F),
        "platform_secretariat": (T, T),
    },
}


def _can_view(user, review):
    try:
        review_get(review_id=review.pk, user=user)
    except NotFound:
        return False
    return True


def _decide(action, user, review):
    undp_item = review.commitments.get(number="1")
    unicef_item = review.commitments.get(number="2")
    return {
        "view_review": lambda: _can_view(user, review),
        "manage_review": lambda: can_manage_review(user=user, review=review),
        "report_on_own_entitys_item": lambda: can_report_on_commitment(user=user, commitment=undp_item),
        "report_on_another_entitys_item": lambda: can_report_on_commitment(user=user, commitment=unicef_item),
    }[action]()


@pytest.mark.parametrize("visibility", VISIBILITIES)
@pytest.mark.parametrize(("action", "role"), [(a, r) for a, roles in TABLE.items() for r in roles])
def test_permission_table(request, action, role, visibility):
    user = request.getfixturevalue(role)
    review = build_review(visibility=visibility)
    expected = TABLE[action][role][VISIBILITIES.index(visibility)]
    assert _decide(action, user, review) is expected, f"{role} {action} on a {visibility} review"


def test_coalition_secretariat_manages_its_coalitions_reviews_only(
    coalition, other_coalition, coalition_secretariat
):
    own = build_review(visibility="internal", coalition=coalition, title="Review of the health coalition")
    other = build_review(
        visibility="internal", coalition=other_coalition, title="Review of the climate coalition"
    )
    assert can_manage_review(user=coalition_secretariat, review=own) is True
    assert can_manage_review(user=coalition_secretariat, review=other) is False
    assert _can_view(coalition_secretariat, own) is True
    assert _can_view(coalition_secretariat, other) is False

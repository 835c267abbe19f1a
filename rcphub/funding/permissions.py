"""Who may see and manage funds, contributions and joint programmes.

Funds are public unless marked internal. An internal fund, its contributions and its joint programmes
are seen by the platform secretariat and by signed-in users who hold a membership (people working for
an entity of the platform); visitors and users without a membership see public funds only. The platform
secretariat manages funds, records contributions and manages joint programmes; nobody else writes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q

from rcphub.accounts.permissions import grants_of, is_platform_secretariat
from rcphub.core.models import Visibility
from rcphub.core.rules import q_matches

if TYPE_CHECKING:  # the models ask these rules for their named filters, so no import at run time
    from rcphub.funding.models import Fund


def sees_internal_funds(user: Any) -> bool:
    """Return True if the user may see internal funds: the platform secretariat and the platform's members."""
    return is_platform_secretariat(user) or bool(grants_of(user))


def fund_visibility_q(user: Any, prefix: str = "") -> Q:
    """Return the filter of the funds the user may see, on a path ending at a fund: public ones, and
    internal ones for the platform's people (`sees_internal_funds`)."""
    if sees_internal_funds(user):
        return Q()
    return Q(**{f"{prefix}visibility": Visibility.PUBLIC})


def can_view_fund(*, user: Any, fund: Fund) -> bool:
    """Return True if the user may see the fund, its contributions and its joint programmes."""
    return q_matches(fund_visibility_q(user), fund)


def can_manage_funds(*, user: Any) -> bool:
    """Return True if the user may create and change funds."""
    return is_platform_secretariat(user)


def can_manage_fund(*, user: Any, fund: Fund) -> bool:
    """Return True if the user may record contributions to the fund and manage its joint programmes."""
    return can_manage_funds(user=user) and can_view_fund(user=user, fund=fund)

"""The secretariat's dashboard: open commitments overdue or stale across the reviews the user may see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import F

from rcphub.followup.models import Commitment
from rcphub.followup.permissions import review_visibility_q
from rcphub.followup.selectors.commitments import COMMITMENT_PREFETCH
from rcphub.followup.selectors.status import FollowUpState, commitments_as_at, open_q, state_of


@dataclass
class DashboardRow:
    commitment: Commitment
    state: FollowUpState


@dataclass
class FollowUpDashboard:
    as_at: date
    overdue: list[DashboardRow]
    stale: list[DashboardRow]


def followup_dashboard(*, user: Any, as_at: date) -> FollowUpDashboard:
    """Return the open commitments, across the reviews the user may see, that are overdue or stale as at `as_at`."""
    qs = commitments_as_at(
        Commitment.objects.filter(review_visibility_q(user, prefix="review__"), review__issued_on__lte=as_at),
        as_at=as_at,
    ).filter(open_q())
    rows = [
        DashboardRow(commitment=c, state=state_of(c, issued_on=c.review.issued_on, as_at=as_at))
        for c in qs.select_related("review__organisation")
        .prefetch_related(*COMMITMENT_PREFETCH)
        .order_by(F("due_on").asc(nulls_last=True), "review_id", "order")
    ]
    return FollowUpDashboard(
        as_at=as_at,
        overdue=[row for row in rows if row.state.overdue],
        stale=[row for row in rows if row.state.stale and not row.state.overdue],
    )

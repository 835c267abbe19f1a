"""What changed in a review between two dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from rcphub.followup.models import Commitment, FollowUpReport, Review
from rcphub.followup.selectors.status import derive_state, latest_status_subquery, status_label


@dataclass
class StatusMove:
    commitment: Commitment
    before: str | None
    after: str | None

    @property
    def before_label(self) -> str:
        return status_label(self.before)

    @property
    def after_label(self) -> str:
        return status_label(self.after)


@dataclass
class ReviewChanges:
    since: date
    until: date
    reports: list[FollowUpReport]
    moves: list[StatusMove]
    became_overdue: list[Commitment]


def review_changes(*, review: Review, since: date, until: date) -> ReviewChanges:
    """Return what changed in the review after `since` up to and including `until`.

    New reports are those dated in the interval (with or without a status); status moves compare each commitment's status as
    at the two dates; items that became overdue were not overdue as at `since` and are as at `until`.
    """
    rows = (
        review.commitments.annotate(
            before=latest_status_subquery(
                subject="commitment", as_at=since, column="status", with_status=True
            ),
            after=latest_status_subquery(
                subject="commitment", as_at=until, column="status", with_status=True
            ),
        )
        .select_related("group")
        .order_by("group__order", "order", "id")
    )
    moves: list[StatusMove] = []
    became_overdue: list[Commitment] = []
    for commitment in rows:
        before, after = commitment.before, commitment.after
        if before != after:
            moves.append(StatusMove(commitment=commitment, before=before, after=after))
        was = derive_state(
            status=before, reported_on=None, comment="", due_on=commitment.due_on, since=since, as_at=since
        )
        now = derive_state(
            status=after, reported_on=None, comment="", due_on=commitment.due_on, since=until, as_at=until
        )
        if now.overdue and not was.overdue:
            became_overdue.append(commitment)
    reports = list(
        FollowUpReport.objects.filter(
            Q(commitment__review=review) | Q(key_action__commitment__review=review),
            as_at__gt=since,
            as_at__lte=until,
        )
        .select_related("commitment", "key_action__commitment", "author", "round")
        .order_by("as_at", "id")
    )
    return ReviewChanges(
        since=since, until=until, reports=reports, moves=moves, became_overdue=became_overdue
    )

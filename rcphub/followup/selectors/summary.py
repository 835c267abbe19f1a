"""The ledger at a glance: the share of commitments implemented, by organisation and by review, and
how many are overdue or have no recent report, as at a date.

Overdue and stale come from `status.derive_state`, their one home; implemented is the status
"completed" as at the date. One query, whatever the number of commitments.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import QuerySet

from rcphub.followup.models import Commitment, FollowUpStatus
from rcphub.followup.permissions import review_visibility_q
from rcphub.followup.selectors.reviews import ReviewFilters
from rcphub.followup.selectors.status import commitments_as_at, derive_state


@dataclass
class Tally:
    """Commitments counted: how many, how many implemented, overdue and stale as at the date."""

    commitments: int = 0
    implemented: int = 0
    overdue: int = 0
    stale: int = 0

    @property
    def implemented_pct(self) -> int | None:
        """The share implemented, in whole per cent; None where there is no commitment."""
        return round(100 * self.implemented / self.commitments) if self.commitments else None


@dataclass
class TallyRow:
    """One line of a tally: an organisation (by acronym) or a review."""

    key: str  # the organisation's acronym, or the review's id
    label: str
    tally: Tally = field(default_factory=Tally)


@dataclass
class LedgerSummary:
    as_at: date
    total: Tally
    by_organisation: list[TallyRow]
    by_review: list[TallyRow]


def _commitments(user: Any, filters: ReviewFilters | None, as_at: date) -> QuerySet[Commitment]:
    qs = Commitment.objects.filter(review_visibility_q(user, prefix="review__"), review__issued_on__lte=as_at)
    if filters is not None:
        if filters.organisation:
            qs = qs.filter(review__organisation__acronym__iexact=filters.organisation)
        if filters.kind:
            qs = qs.filter(review__kind=filters.kind)
        if filters.coalition:
            qs = qs.filter(review__coalition__slug=filters.coalition)
    return commitments_as_at(qs, as_at=as_at)


def ledger_summary(*, user: Any, as_at: date, filters: ReviewFilters | None = None) -> LedgerSummary:
    """Return the commitments the user may see (of the reviews the filters keep, issued by `as_at`)
    counted as at `as_at`: in all, by organisation and by review."""
    annotated: Any = _commitments(user, filters, as_at)  # annotated with the status as at the date
    rows = annotated.values_list(
        "status_as_at",
        "status_reported_on",
        "status_commented_on",
        "due_on",
        "review_id",
        "review__title",
        "review__issued_on",
        "review__organisation__acronym",
        "review__organisation__name",
    )
    total = Tally()
    organisations: dict[str, TallyRow] = {}
    reviews: dict[int, TallyRow] = {}
    for (
        status,
        reported_on,
        commented_on,
        due_on,
        review_id,
        title,
        issued_on,
        acronym,
        name,
    ) in rows.order_by():
        state = derive_state(
            status=status,
            reported_on=reported_on,
            comment="",
            due_on=due_on,
            since=issued_on,
            as_at=as_at,
            commented_on=commented_on,
        )
        tallies = [total, reviews.setdefault(review_id, TallyRow(key=str(review_id), label=title)).tally]
        if acronym:
            tallies.append(organisations.setdefault(acronym, TallyRow(key=acronym, label=name)).tally)
        for tally in tallies:
            tally.commitments += 1
            tally.implemented += status == FollowUpStatus.COMPLETED
            tally.overdue += state.overdue
            tally.stale += state.stale and not state.overdue
    return LedgerSummary(
        as_at=as_at,
        total=total,
        by_organisation=sorted(organisations.values(), key=lambda row: row.key),
        by_review=sorted(reviews.values(), key=lambda row: row.label),
    )

"""The dashboards' figures: the platform at a glance (the home page) and a coalition's progress as at a date.

Each figure counts only what its reader may see, through each app's visibility rule: activities
through `workplans.permissions.activity_visibility_q` (with `activities_in_force`), commitments
through `followup.permissions.review_visibility_q`, practices and pledges through the repository's
own list filter (as a visitor sees them: published ones), funds through `fund_visibility_q`, support
requests through `support_request_visibility_q` (never public), events through `event_visibility_q`.
Status as at D comes from `core.status.latest_report_subquery`, by way of the apps' selectors. A
constant number of queries, whatever the number of records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from rcphub.coalitions.models import Coalition
from rcphub.events.models import Event
from rcphub.events.selectors import EventFilters, day_start, event_list
from rcphub.followup.models import Commitment, FollowUpStatus
from rcphub.followup.permissions import review_visibility_q
from rcphub.followup.selectors import commitments_as_at
from rcphub.funding.models import Fund
from rcphub.funding.permissions import fund_visibility_q
from rcphub.funding.selectors import Capitalisation, fund_capitalisation
from rcphub.reference.models import Country, SdgGoal
from rcphub.repository.filters import PLEDGES, PRACTICES, repository_filter
from rcphub.support.models import RequestState, SupportRequest
from rcphub.support.permissions import is_member, support_request_visibility_q
from rcphub.workplans.models import WorkPlan
from rcphub.workplans.permissions import workplan_visibility_q
from rcphub.workplans.selectors import activities_in_force, activity_status_counts

# The most upcoming events a coalition's progress lists.
UPCOMING_EVENTS = 5


# ---------------------------------------------------------------------------------------------
# The platform at a glance


@dataclass
class HomeFigures:
    """The home page's key figures as at a date, for one reader."""

    as_at: date
    activities_by_status: dict[str, int]
    commitments_by_status: dict[str, int]
    practices_published: int
    pledges_published: int
    fund: Capitalisation | None

    @property
    def activity_count(self) -> int:
        return sum(self.activities_by_status.values())

    @property
    def commitment_count(self) -> int:
        return sum(self.commitments_by_status.values())

    @property
    def commitments_implemented(self) -> int:
        return self.commitments_by_status.get(FollowUpStatus.COMPLETED, 0)

    @property
    def commitments_implemented_pct(self) -> int | None:
        """The share of commitments implemented (completed as at the date), in whole per cent."""
        total = self.commitment_count
        return round(100 * self.commitments_implemented / total) if total else None


def _status_counts(qs: Any) -> dict[str, int]:
    rows = qs.order_by().values("status_as_at").annotate(n=Count("pk"))
    return {row["status_as_at"] or "none": row["n"] for row in rows}


def home_figures(*, user: Any, as_at: date) -> HomeFigures:
    """Return the platform at a glance as at `as_at`, counting what `user` may see.

    Activities: of the work plans in force on the date, by status. Commitments: of the reviews issued
    by the date, by status (implemented: completed). Practices and pledges: the published ones, as the
    repository's lists show them to everyone. The fund: the largest one the reader may see.
    """
    visitor = AnonymousUser()  # the lists as everyone sees them: the published practices and pledges
    practices = repository_filter(PRACTICES, user=visitor, params={}, facets=()).items
    pledges = repository_filter(PLEDGES, user=visitor, params={}, facets=()).items
    commitments = commitments_as_at(
        Commitment.objects.filter(review_visibility_q(user, prefix="review__"), review__issued_on__lte=as_at),
        as_at=as_at,
    )
    fund = Fund.objects.filter(fund_visibility_q(user)).order_by("-target_amount", "acronym").first()
    return HomeFigures(
        as_at=as_at,
        activities_by_status=activity_status_counts(activities_in_force(user=user, as_at=as_at)),
        commitments_by_status=_status_counts(commitments),
        practices_published=practices.order_by().count(),
        pledges_published=pledges.order_by().count(),
        fund=fund_capitalisation(fund=fund, as_at=as_at) if fund else None,
    )


# ---------------------------------------------------------------------------------------------
# A coalition's progress


@dataclass
class SupportCounts:
    """A coalition's support requests as at a date: received, delivered, declined, and the rest under way."""

    received: int = 0
    delivered: int = 0
    declined: int = 0

    @property
    def under_way(self) -> int:
        return self.received - self.delivered - self.declined


@dataclass
class CoalitionProgress:
    """A coalition's work plan as at a date, with its support requests and upcoming events."""

    coalition: Coalition
    as_at: date
    work_plans: list[WorkPlan]
    by_status: dict[str, int]
    by_country: list[tuple[Country, int]]
    by_goal: list[tuple[SdgGoal, int]]
    support: SupportCounts | None  # None: the reader may not see support requests
    events: list[Event] = field(default_factory=list)
    event_count: int = 0

    @property
    def activity_count(self) -> int:
        return sum(self.by_status.values())


def coalition_progress(*, coalition: Coalition, user: Any, as_at: date) -> CoalitionProgress:
    """Return the progress as at `as_at` of the coalition's work plans in force on that date, as `user` sees them.

    Activities by status as at the date, by country named and by SDG goal (an activity counts once
    for each goal of its targets); the support requests received by the date (for those who may see
    support requests at all); the events the user may see that have not ended by the date.
    """
    activities = activities_in_force(user=user, as_at=as_at, coalition_id=coalition.pk)
    ids = activities.values("pk")
    by_country: list[tuple[Country, int]] = [
        (country, country.n)
        for country in Country.objects.filter(activities__in=ids)
        .annotate(n=Count("activities", distinct=True))
        .order_by("-n", "name_en")
    ]
    goals = SdgGoal.objects.annotate(
        n=Count("targets__activities", filter=Q(targets__activities__in=ids), distinct=True)
    ).order_by("number")
    work_plans = list(
        WorkPlan.objects.filter(
            workplan_visibility_q(user),
            coalition=coalition,
            period_start__lte=as_at,
            period_end__gte=as_at,
        ).order_by("-period_start", "id")
    )
    upcoming = event_list(user=user, filters=EventFilters(coalition=coalition)).filter(
        ends_at__gte=day_start(as_at)
    )
    return CoalitionProgress(
        coalition=coalition,
        as_at=as_at,
        work_plans=work_plans,
        by_status=activity_status_counts(activities),
        by_country=by_country,
        by_goal=[(goal, goal.n) for goal in goals],
        support=_support_counts(coalition, user, as_at) if is_member(user) else None,
        events=list(upcoming[:UPCOMING_EVENTS]),
        event_count=upcoming.count(),
    )


def _support_counts(coalition: Coalition, user: Any, as_at: date) -> SupportCounts:
    counts = SupportRequest.objects.filter(
        support_request_visibility_q(user), coalition=coalition, submitted_on__lte=as_at
    ).aggregate(
        received=Count("pk"),
        delivered=Count("pk", filter=Q(state=RequestState.DELIVERED, delivered_on__lte=as_at)),
        declined=Count("pk", filter=Q(state=RequestState.DECLINED, decided_on__lte=as_at)),
    )
    return SupportCounts(**counts)


def status_rows(counts: dict[str, int], labels: dict[str, Any]) -> list[tuple[str, str, int]]:
    """Return (status, label, number) in the order of the statuses, "No report yet" last, zeros left out."""
    order = [*labels, "none"]
    return [
        (key, str(labels.get(key, _("No report yet"))), counts[key])
        for key in sorted(counts, key=lambda k: order.index(k) if k in order else len(order))
        if counts[key]
    ]

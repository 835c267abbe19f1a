"""Status as at a date, and what is derived from it: overdue, stale, the traffic light."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import F, FilteredRelation, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rcphub.core.status import in_force_q
from rcphub.followup.models import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    Commitment,
    FollowUpReport,
    FollowUpStatus,
    KeyAction,
    stale_after_days,
)

LIGHTS = {
    "green": gettext_lazy("Completed or closed"),
    "on_track": gettext_lazy("Under way"),
    "amber": gettext_lazy("No recent report"),
    "red": gettext_lazy("Overdue"),
    "grey": gettext_lazy("No report yet"),
}


STATUS_LABELS = dict(FollowUpStatus.choices)


def status_label(status: str | None, *, reported: bool = False) -> str:
    """Return the status as people read it: "No report yet" where there is none, "No status given"
    where reports give a comment and no status."""
    if status:
        return str(STATUS_LABELS.get(status, status))
    return str(_("No status given")) if reported else str(_("No report yet"))


@dataclass(frozen=True)
class FollowUpState:
    """The derived state of a commitment or key action as at a date.

    `status` is that of the latest report giving one (`reported_on` its date, `status_text` its
    wording); `comment` is that of the latest report, with or without a status (`commented_on`
    its date), and staleness counts from it: see docs/decisions/0011.
    """

    status: str | None
    reported_on: date | None
    comment: str
    overdue: bool
    stale: bool
    status_text: str = ""
    commented_on: date | None = None

    @property
    def status_label(self) -> str:
        return status_label(self.status, reported=self.commented_on is not None)

    @property
    def last_reported_on(self) -> date | None:
        """Return the date of the latest report, with or without a status."""
        return max((d for d in (self.reported_on, self.commented_on) if d is not None), default=None)

    @property
    def light(self) -> str:
        """Return the traffic light: green (closed), red (overdue), amber (stale), grey (no report), on_track."""
        if self.status in CLOSED_STATUSES:
            return "green"
        if self.overdue:
            return "red"
        if self.stale:
            return "amber"
        if not self.status:
            return "grey"
        return "on_track"


def derive_state(
    *,
    status: str | None,
    reported_on: date | None,
    comment: str | None,
    due_on: date | None,
    since: date,
    as_at: date,
    status_text: str | None = "",
    commented_on: date | None = None,
) -> FollowUpState:
    """Return the state as at `as_at` of an item due on `due_on`, open since `since`.

    Overdue: due before the date and not completed (nor no longer applicable). Stale: open and with
    no report (or none since it opened) for longer than the configured period; a report with a
    comment and no status is a report (`commented_on`), so it counts.
    """
    closed = status in CLOSED_STATUSES
    overdue = not closed and due_on is not None and due_on < as_at
    last = max((d for d in (reported_on, commented_on) if d is not None), default=since)
    stale = not closed and (as_at - last) > timedelta(days=stale_after_days())
    return FollowUpState(
        status=status or None,
        reported_on=reported_on,
        comment=comment or "",
        overdue=overdue,
        stale=stale,
        status_text=status_text or "",
        commented_on=commented_on,
    )


def _in_force_q(as_at: date, *, with_status: bool, prefix: str = "") -> Q:
    """Return the filter of the item's report in force on `as_at`: among the reports giving a status
    (`with_status`, replaced on `status_valid_until`) or among all (replaced on `valid_until`).

    The item's latest such report dated on or before `as_at` (same order: date, then the order
    recorded), found by a range lookup: see `core.status.in_force_q`.
    """
    if with_status:
        return in_force_q(as_at, prefix=prefix, field="status_valid_until") & ~Q(**{f"{prefix}status": ""})
    return in_force_q(as_at, prefix=prefix)


def latest_status_subquery(*, subject: str, as_at: date, column: str, with_status: bool) -> Subquery:
    """Return a subquery of `column` of the subject's latest report dated on or before `as_at`,
    among the reports that give a status (`with_status`) or among all.

    The follow-up twin of `core.status.latest_report_subquery`, for reports that may give a comment
    and no status: the report in force on the date (`_in_force_q`).
    """
    reports = FollowUpReport.objects.filter(
        _in_force_q(as_at, with_status=with_status), **{subject: OuterRef("pk")}
    )
    return Subquery(reports.values(column)[:1])


def _annotate_as_at(qs: QuerySet[Any], *, subject: str, as_at: date) -> QuerySet[Any]:
    # Two outer joins, each on at most one report per item (`status_reports` of a commitment are its
    # own: a key action's reports carry no commitment): the status in force and the report in force.
    prefix = "status_reports__"
    return qs.annotate(
        status_in_force=FilteredRelation(
            "status_reports", condition=_in_force_q(as_at, with_status=True, prefix=prefix)
        ),
        report_in_force=FilteredRelation(
            "status_reports", condition=_in_force_q(as_at, with_status=False, prefix=prefix)
        ),
        status_as_at=F("status_in_force__status"),
        status_reported_on=F("status_in_force__as_at"),
        status_text_as_at=F("status_in_force__status_text"),
        status_comment=F("report_in_force__comment"),
        status_commented_on=F("report_in_force__as_at"),
    )


def commitments_as_at(qs: QuerySet[Commitment], *, as_at: date) -> QuerySet[Commitment]:
    """Annotate commitments with their status as at `as_at` (the latest report giving one, its date
    and wording) and the comment and date of their latest report, with or without a status."""
    return _annotate_as_at(qs, subject="commitment", as_at=as_at)


def key_actions_as_at(qs: QuerySet[KeyAction], *, as_at: date) -> QuerySet[KeyAction]:
    """Annotate key actions as `commitments_as_at` annotates commitments."""
    return _annotate_as_at(qs, subject="key_action", as_at=as_at)


def state_of(item: Commitment | KeyAction, *, issued_on: date, as_at: date) -> FollowUpState:
    """Return the derived state of an item annotated by `commitments_as_at` (or its key-action twin)."""
    return derive_state(
        status=item.status_as_at,  # type: ignore[union-attr]
        reported_on=item.status_reported_on,  # type: ignore[union-attr]
        comment=item.status_comment,  # type: ignore[union-attr]
        due_on=item.due_on,
        since=issued_on,
        as_at=as_at,
        status_text=item.status_text_as_at,  # type: ignore[union-attr]
        commented_on=item.status_commented_on,  # type: ignore[union-attr]
    )


def overdue_q(as_at: date) -> Q:
    """Return the filter of annotated commitments overdue as at the date."""
    return Q(due_on__lt=as_at) & open_q()


def open_q() -> Q:
    """Return the filter of annotated commitments still open: no report yet, or not closed.

    Written positively: a negated IN on a subquery that may be null would drop the unreported ones.
    """
    return Q(status_as_at__isnull=True) | Q(status_as_at__in=OPEN_STATUSES)

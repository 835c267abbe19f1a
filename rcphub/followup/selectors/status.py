"""Status as at a date, and what is derived from it: overdue, stale, the traffic light."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rcphub.core.status import latest_report_subquery
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


def status_label(status: str | None) -> str:
    """Return the status as people read it; "No report yet" where there is none."""
    return str(STATUS_LABELS.get(status, status)) if status else str(_("No report yet"))


@dataclass(frozen=True)
class FollowUpState:
    """The derived state of a commitment or key action as at a date."""

    status: str | None
    reported_on: date | None
    comment: str
    overdue: bool
    stale: bool

    @property
    def status_label(self) -> str:
        return status_label(self.status)

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
) -> FollowUpState:
    """Return the state as at `as_at` of an item due on `due_on`, open since `since`.

    Overdue: due before the date and not completed (nor no longer applicable). Stale: open and with
    no report (or none since it opened) for longer than the configured period.
    """
    closed = status in CLOSED_STATUSES
    overdue = not closed and due_on is not None and due_on < as_at
    last = reported_on or since
    stale = not closed and (as_at - last) > timedelta(days=stale_after_days())
    return FollowUpState(
        status=status, reported_on=reported_on, comment=comment or "", overdue=overdue, stale=stale
    )


def _annotate_as_at(qs: QuerySet[Any], *, subject: str, as_at: date) -> QuerySet[Any]:
    return qs.annotate(
        status_as_at=latest_report_subquery(FollowUpReport, subject_field=subject, as_at=as_at),
        status_reported_on=latest_report_subquery(
            FollowUpReport, subject_field=subject, as_at=as_at, column="as_at"
        ),
        status_comment=latest_report_subquery(
            FollowUpReport, subject_field=subject, as_at=as_at, column="comment"
        ),
    )


def commitments_as_at(qs: QuerySet[Commitment], *, as_at: date) -> QuerySet[Commitment]:
    """Annotate commitments with the status, date and comment of their latest report on or before `as_at`."""
    return _annotate_as_at(qs, subject="commitment", as_at=as_at)


def key_actions_as_at(qs: QuerySet[KeyAction], *, as_at: date) -> QuerySet[KeyAction]:
    """Annotate key actions with the status, date and comment of their latest report on or before `as_at`."""
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
    )


def overdue_q(as_at: date) -> Q:
    """Return the filter of annotated commitments overdue as at the date."""
    return Q(due_on__lt=as_at) & open_q()


def open_q() -> Q:
    """Return the filter of annotated commitments still open: no report yet, or not closed.

    Written positively: a negated IN on a subquery that may be null would drop the unreported ones.
    """
    return Q(status_as_at__isnull=True) | Q(status_as_at__in=OPEN_STATUSES)

"""Tasks a scheduler may enqueue (django-tasks): the same services the commands run."""

from __future__ import annotations

from datetime import date
from typing import Any

from django_tasks import task

from rcphub.core.dates import today
from rcphub.followup.reminders import followup_reminders_send


@task()
def send_followup_reminders(
    as_at: str | None = None, due_within_days: int = 14, dry_run: bool = False
) -> dict[str, Any]:
    """E-mail the day's follow-up reminders; `as_at` is an ISO date (today if left out).

    Arguments and result are plain data, as a queue stores them.
    """
    summary = followup_reminders_send(
        as_at=date.fromisoformat(as_at) if as_at else today(),
        due_within_days=due_within_days,
        dry_run=dry_run,
    )
    return summary.as_dict()

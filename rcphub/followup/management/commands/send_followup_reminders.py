"""E-mail reminders about commitments due soon, overdue or stale: `manage.py send_followup_reminders`."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from rcphub.core.dates import today
from rcphub.followup.reminders import MAX_DUE_WITHIN_DAYS, Outcome, ReminderOutcome, followup_reminders_send


class Command(BaseCommand):
    help = (
        "E-mail those who report on open commitments that are due within N days, overdue or stale; "
        "at most one reminder per commitment and day, however often it runs."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=14,
            help="Remind of commitments due within this many days (default 14).",
        )
        parser.add_argument("--date", help="The date the reminders are as at, YYYY-MM-DD (default today).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be sent; send and record nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        as_at = self._date(options["date"])
        days = options["days"]
        if not 0 <= days <= MAX_DUE_WITHIN_DAYS:
            raise CommandError(f"--days must be between 0 and {MAX_DUE_WITHIN_DAYS}.")
        if as_at.year > 9000:
            raise CommandError(f"--date: {as_at} is too far in the future.")

        def progress(outcome: ReminderOutcome) -> None:
            line = outcome.describe()
            if outcome.outcome == Outcome.FAILED:
                self.stderr.write(self.style.ERROR(line))
            elif outcome.outcome in (Outcome.SENT, Outcome.WOULD_SEND) and int(options["verbosity"]) > 0:
                self.stdout.write(line)
            elif int(options["verbosity"]) > 0:
                self.stdout.write(self.style.WARNING(line))

        summary = followup_reminders_send(
            as_at=as_at, due_within_days=days, dry_run=options["dry_run"], on_outcome=progress
        )
        self.stdout.write(self.style.SUCCESS(summary.describe()))

    @staticmethod
    def _date(value: str | None) -> date:
        if not value:
            return today()
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise CommandError(f"--date: “{value}” is not a date: use the form YYYY-MM-DD.") from None

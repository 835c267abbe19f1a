from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from rcphub.followup.demo import followup_demo_seed
from rcphub.meetings.demo import meetings_demo_seed
from rcphub.workplans.demo import DemoSeedError, demo_seed
from rcphub.workplans.demo.content import DEMO_PASSWORD, USERS


class Command(BaseCommand):
    help = (
        "Create the demo platform, coalitions, work plans with progress, the follow-up ledger, and one "
        "login per role. "
        "Idempotent: a second run creates and changes nothing. Runs only with DEBUG on."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo creates logins with a published password, so it runs only with DEBUG on "
                "(set DEBUG=1)."
            )
        started = time.monotonic()
        say = lambda line: self.stdout.write(f"  {line}")  # noqa: E731
        try:
            with transaction.atomic():
                report = demo_seed(progress=say)
                followup = followup_demo_seed(progress=say)
                meetings = meetings_demo_seed(progress=say)
        except DemoSeedError as error:
            raise CommandError(str(error)) from error
        report.created.update(followup)
        report.created.update(meetings)
        for line in report.skipped_rounds:
            self.stdout.write(self.style.WARNING(f"  not yet opened (dated in the future): {line}"))
        elapsed = time.monotonic() - started
        if not report.changed:
            self.stdout.write(
                self.style.SUCCESS(f"Demo content up to date: nothing created ({elapsed:.1f} s).")
            )
            return
        created = ", ".join(f"{n} {kind}" for kind, n in report.created.items())
        self.stdout.write(self.style.SUCCESS(f"Demo content created in {elapsed:.1f} s: {created}."))
        if report.created["users"]:
            self.stdout.write(f"Demo logins, password “{DEMO_PASSWORD}” (see docs/demo.md):")
            for user in USERS:
                if user.note:
                    self.stdout.write(f"  {user.email}: {user.note}")

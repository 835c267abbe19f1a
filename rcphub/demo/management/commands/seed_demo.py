from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from rcphub.events.demo import events_demo_seed
from rcphub.followup.demo import followup_demo_seed
from rcphub.funding.demo import funding_demo_seed
from rcphub.meetings.demo import meetings_demo_seed
from rcphub.reports.demo import reports_demo_seed
from rcphub.repository.demo import repository_demo_seed
from rcphub.support.demo import support_demo_seed
from rcphub.workplans.demo import DEMO_PASSWORD, USERS, DemoSeedError, demo_seed

DUMMY_EMAIL = "django.core.mail.backends.dummy.EmailBackend"


class Command(BaseCommand):
    help = (
        "Create the demo platform, coalitions, work plans with progress, the follow-up ledger, meetings, the "
        "repository of practices and pledges, support requests, events, two trust funds with their thematic "
        "areas, regional briefs, and one login per role. "
        "Idempotent: a second run creates and changes nothing. Runs only with DEBUG on, never with "
        "production settings (RCPHUB_PRODUCTION=1)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if getattr(settings, "PRODUCTION", False):
            raise CommandError(
                "seed_demo creates logins with a published password, so it never runs with production "
                "settings (RCPHUB_PRODUCTION=1), whatever DEBUG says."
            )
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo creates logins with a published password, so it runs only with DEBUG on "
                "(set DEBUG=1)."
            )
        started = time.monotonic()
        say = lambda line: self.stdout.write(f"  {line}")  # noqa: E731
        try:
            # Demo addresses are not real: the services' e-mails (on publish, return, decision) go nowhere.
            with override_settings(EMAIL_BACKEND=DUMMY_EMAIL), transaction.atomic():
                report = demo_seed(progress=say)
                for seed in (
                    followup_demo_seed,
                    meetings_demo_seed,
                    repository_demo_seed,
                    support_demo_seed,
                    events_demo_seed,
                    funding_demo_seed,
                    reports_demo_seed,
                ):
                    report.created.update(seed(progress=say))
        except DemoSeedError as error:
            raise CommandError(str(error)) from error
        for line in report.skipped_rounds:
            self.stdout.write(self.style.WARNING(f"  not yet opened (dated in the future): {line}"))
        elapsed = time.monotonic() - started
        if not report.changed:
            self.stdout.write(
                self.style.SUCCESS(f"Demo content up to date: nothing created ({elapsed:.1f} s).")
            )
            return
        created = ", ".join(f"{n} {kind}" for kind, n in report.created.items() if n)
        self.stdout.write(self.style.SUCCESS(f"Demo content created in {elapsed:.1f} s: {created}."))
        if report.created["users"]:
            self.stdout.write(f"Demo logins, password “{DEMO_PASSWORD}” (see docs/demo.md):")
            for user in USERS:
                if user.get("note"):
                    self.stdout.write(f"  {user['email']}: {user['note']}")

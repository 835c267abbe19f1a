from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from rcphub.core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup written by `backup` into an empty database (migrated or not) and the media "
        "storage, then check every table's row count and every file's checksum against its manifest."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", type=Path, metavar="SRC")
        parser.add_argument("--database", default="default", help="The database alias to restore into.")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        try:
            report = backup_restore(
                options["source"],
                using=options["database"],
                progress=lambda line: self.stdout.write(f"  {line}"),
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        for line in report.mismatches:
            self.stderr.write(f"  {line}")
        if report.mismatches:
            raise CommandError(
                f"The restored data differs from the manifest in {len(report.mismatches)} places."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {options['source']} in {time.monotonic() - started:.1f} s: "
                f"{sum(report.counts.values())} rows in {len(report.counts)} tables and "
                f"{len(report.manifest['media'])} media files, all matching the manifest."
            )
        )

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from rcphub.core.backup import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Back up the database (PostgreSQL with pg_dump, SQLite with its online backup API) and the media "
        "files into DEST, a folder that does not exist or is empty, with a manifest of counts and checksums."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("destination", type=Path, metavar="DEST")
        parser.add_argument("--database", default="default", help="The database alias to back up.")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        try:
            manifest = backup_create(
                options["destination"],
                using=options["database"],
                progress=lambda line: self.stdout.write(f"  {line}"),
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {options['destination']} in {time.monotonic() - started:.1f} s: "
                f"{rows} rows in {len(manifest['tables'])} tables, {len(manifest['media'])} media files."
            )
        )

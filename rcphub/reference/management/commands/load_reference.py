from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from rcphub.reference.services import DATA_DIR, reference_load


class Command(BaseCommand):
    help = (
        "Load countries, SDGs, GCM objectives and entities from the data files; idempotent, matched by code."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--data-dir", type=Path, default=DATA_DIR)

    def handle(self, *args: Any, **options: Any) -> None:
        report = reference_load(
            data_dir=options["data_dir"], progress=lambda m: self.stdout.write(f"  loading {m}…")
        )
        for name, counts in report.counts.items():
            self.stdout.write(
                f"  {name}: {counts.created} created, {counts.updated} updated, {counts.unchanged} unchanged"
            )
        self.stdout.write(
            self.style.SUCCESS("Reference data loaded." if report.changed else "Reference data up to date.")
        )

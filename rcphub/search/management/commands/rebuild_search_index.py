"""Rebuild the full-text search index from the registered models."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from rcphub.search.services import search_rebuild


class Command(BaseCommand):
    help = "Rebuild the full-text search index of every registered model."

    def handle(self, *args: Any, **options: Any) -> None:
        total = search_rebuild(progress=lambda line: self.stdout.write(line))
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {total} documents."))

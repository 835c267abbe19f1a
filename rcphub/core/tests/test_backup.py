"""Backup and restore round trip: every table's rows and every uploaded file come back as they were.

Transactional: pg_dump reads the database from a connection of its own, so the rows must be committed.
"""

from __future__ import annotations

import hashlib
import shutil
import time
from collections.abc import Iterator
from datetime import date
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connections
from django.test.utils import override_settings

from rcphub.core.backup import _models

pytestmark = pytest.mark.django_db(transaction=True)

RESTORE = "restore_target"
FILES = {
    "repository/products/guide.pdf": b"%PDF-1.4 a guide\n" * 50,
    "repository/products/2026/annex.txt": "Annexe: données régionales\n".encode(),
    "followup/documents/empty.bin": b"",
}


def _seed_every_app() -> None:
    from rcphub.events.demo import events_demo_seed
    from rcphub.followup.demo import followup_demo_seed
    from rcphub.funding.demo import funding_demo_seed
    from rcphub.meetings.demo import meetings_demo_seed
    from rcphub.repository.demo import repository_demo_seed
    from rcphub.support.demo import support_demo_seed
    from rcphub.workplans.demo import demo_seed

    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        demo_seed()
        for seed in (
            followup_demo_seed,
            meetings_demo_seed,
            repository_demo_seed,
            support_demo_seed,
            events_demo_seed,
            funding_demo_seed,
        ):
            seed()
        _brief_with_a_draft_edition()


def _brief_with_a_draft_edition() -> None:
    """A brief and an unpublished edition: publishing renders a PDF, which the reports' demo does 45 s long."""
    from rcphub.accounts.models import User
    from rcphub.reference.models import Region
    from rcphub.reports.services import brief_create, edition_create
    from rcphub.workplans.demo import PLATFORM_USER

    secretariat = User.objects.get(email=PLATFORM_USER)
    brief = brief_create(
        user=secretariat,
        slug="backup-brief",
        title_en="Regional brief",
        title_fr="",
        title_ru="",
        region=Region.objects.order_by("pk")[0],
        coalition=None,
        audience="public",
    )
    edition_create(
        user=secretariat,
        brief=brief,
        title_en="Edition 2026",
        title_fr="",
        title_ru="",
        as_at=date(2026, 6, 30),
        narrative={},
    )


@pytest.fixture
def restore_target(tmp_path: Path) -> Iterator[str]:
    """A second, empty database under the alias RESTORE: a file on SQLite, a new database on PostgreSQL."""
    default = connections["default"]
    settings_dict = {**default.settings_dict, "TEST": dict(default.settings_dict.get("TEST", {}))}
    created = None
    if default.vendor == "sqlite":
        settings_dict["NAME"] = str(tmp_path / "restored.sqlite3")
    elif default.vendor == "postgresql":
        for tool in ("pg_dump", "pg_restore"):
            if shutil.which(tool) is None:
                pytest.skip(f"{tool} is not installed (apt-get install postgresql-client)")
        import psycopg

        created = settings_dict["NAME"] = f"{default.settings_dict['NAME']}_restore"
        params = {
            key: value
            for key, value in {
                "host": settings_dict["HOST"],
                "port": settings_dict["PORT"],
                "user": settings_dict["USER"],
                "password": settings_dict["PASSWORD"],
            }.items()
            if value
        }
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{created}"')
            admin.execute(f'CREATE DATABASE "{created}"')
    else:
        pytest.skip(f"backups support PostgreSQL and SQLite, not {default.vendor}")
    # A connection made here and then left out of the settings counts as made by the test itself, which
    # Django's test case lets it use without a test database of its own.
    connections.settings[RESTORE] = settings_dict
    connections[RESTORE]
    del connections.settings[RESTORE]
    yield RESTORE
    connections[RESTORE].close()
    del connections[RESTORE]
    if created:
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{created}"')


def _rows(alias: str, table: str, pk: str) -> list[tuple[Any, ...]]:
    with connections[alias].cursor() as cursor:
        cursor.execute(f'SELECT * FROM "{table}" ORDER BY "{pk}"')
        return [tuple(row) for row in cursor.fetchall()]


def test_restore_brings_back_every_row_and_every_file(restore_target: str, tmp_path: Path, settings: Any):
    settings.MEDIA_ROOT = tmp_path / "media"
    started = time.monotonic()
    _seed_every_app()
    for name, content in FILES.items():
        assert default_storage.save(name, ContentFile(content)) == name
    seeded = time.monotonic()

    out = StringIO()
    call_command("backup", str(tmp_path / "backup"), stdout=out)
    backed_up = time.monotonic()
    assert "media files copied" in out.getvalue()
    with pytest.raises(CommandError, match="not an empty folder"):
        call_command("backup", str(tmp_path / "backup"), stdout=StringIO())
    with pytest.raises(CommandError, match="not empty"):  # the seeded database itself
        call_command("restore", str(tmp_path / "backup"), stdout=StringIO())

    settings.MEDIA_ROOT = tmp_path / "restored-media"
    out = StringIO()
    call_command("restore", str(tmp_path / "backup"), database=restore_target, stdout=out)
    restored = time.monotonic()
    assert "all matching the manifest" in out.getvalue()

    existing = set(connections["default"].introspection.table_names())
    tables = {m._meta.db_table: str(m._meta.pk.column) for m in _models() if m._meta.db_table in existing}
    counts = {}
    for table, pk in sorted(tables.items()):
        source = _rows("default", table, pk)
        assert _rows(restore_target, table, pk) == source, table
        counts[table] = len(source)
    history = {table: n for table, n in counts.items() if "_historical" in table}
    assert sum(history.values()) > 0 and sum(counts.values()) > 1000
    for name, content in FILES.items():
        with default_storage.open(name, "rb") as handle:
            assert hashlib.sha256(handle.read()).hexdigest() == hashlib.sha256(content).hexdigest()
    empty = sorted(table for table, n in counts.items() if not n)
    print(
        f"\n{connections['default'].vendor}: {sum(counts.values())} rows in {len(counts)} tables "
        f"({sum(history.values())} history rows; empty: {', '.join(empty) or 'none'}); "
        f"seed {seeded - started:.1f} s, backup {backed_up - seeded:.1f} s, restore {restored - backed_up:.1f} s"
    )

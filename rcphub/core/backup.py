"""Back up the database and the uploaded files into a folder with a manifest, and restore them into an
empty database: PostgreSQL through pg_dump/pg_restore, SQLite through its online backup API, the media
files through the default storage. Both copy the rows as stored, so the change history is restored as
it was (saving rows again, as `loaddata` does, would write history that never happened).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

MANIFEST = "manifest.json"
MEDIA_DIR = "media"
DUMP_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
# Rows that `migrate` itself writes into a project table: a freshly migrated database still counts as empty.
MIGRATION_DATA = {"repository.implementertype"}
CHUNK = 1024 * 1024

Progress = Callable[[str], None]


class BackupError(Exception):
    """A backup or a restore that cannot go on; the message says why."""


@dataclass
class RestoreReport:
    manifest: dict[str, Any]
    counts: dict[str, int]
    mismatches: list[str] = field(default_factory=list)


def _models() -> list[type[Model]]:
    """Every concrete model with a table of its own: the apps', their history and their many-to-many tables."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and not model._meta.swapped
    ]


def _tables(connection: BaseDatabaseWrapper) -> list[str]:
    existing = set(connection.introspection.table_names())
    return sorted({model._meta.db_table for model in _models()} & existing)


def _count_rows(cursor: Any, tables: list[str]) -> dict[str, int]:
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # names come from the models, never from input
        counts[table] = cursor.fetchone()[0]
    return counts


def _migration_state(connection: BaseDatabaseWrapper) -> dict[str, str]:
    """Return the latest applied migration of each app."""
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return {}
    latest: dict[str, str] = {}
    for app_label, name in recorder.applied_migrations():
        latest[app_label] = max(latest.get(app_label, name), name)
    return dict(sorted(latest.items()))


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _storage_files(folder: str = "") -> Iterator[str]:
    """Yield the name of every file in the default storage, folder by folder."""
    folders, files = default_storage.listdir(folder)
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for name in sorted(folders):
        yield from _storage_files(f"{folder}/{name}" if folder else name)


def _storage_sha256(name: str) -> str:
    digest = hashlib.sha256()
    with default_storage.open(name, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _postgres_env(connection: BaseDatabaseWrapper, tool: str) -> dict[str, str]:
    """Return the environment that points `tool` (pg_dump, pg_restore) at the connection's database, after
    checking that the tool is installed and no older than the server."""
    if shutil.which(tool) is None:
        raise BackupError(
            _("%(tool)s is not installed (apt-get install postgresql-client).") % {"tool": tool}
        )
    version = subprocess.run([tool, "--version"], capture_output=True, text=True, check=True).stdout
    found = re.search(r"(\d+)\.?\d*", version)
    tool_major = int(found.group(1)) if found else 0
    server_major = connection.pg_version // 10000  # type: ignore[attr-defined]
    if tool_major < server_major:
        raise BackupError(
            _(
                "%(tool)s %(tool_major)s is older than the server (PostgreSQL %(server_major)s): install a newer client."
            )
            % {"tool": tool, "tool_major": tool_major, "server_major": server_major}
        )
    settings_dict = connection.settings_dict
    # Django's dbshell client knows how the settings map onto libpq's variables (password, SSL, options).
    _args, env = connection.client.settings_to_cmd_args_env(settings_dict, [])
    env = {**os.environ, **(env or {})}
    for variable, value in (
        ("PGHOST", settings_dict.get("HOST")),
        ("PGPORT", settings_dict.get("PORT")),
        ("PGUSER", settings_dict.get("USER")),
        ("PGDATABASE", settings_dict.get("NAME") or settings_dict["OPTIONS"].get("dbname")),
    ):
        if value:
            env[variable] = str(value)
    return env


def _run(command: list[str], env: dict[str, str]) -> None:
    run = subprocess.run(command, env=env, capture_output=True, text=True)
    if run.returncode != 0:
        raise BackupError(
            _("%(tool)s failed: %(error)s") % {"tool": command[0], "error": run.stderr.strip()[-2000:]}
        )


def backup_create(
    destination: Path, *, using: str = DEFAULT_DB_ALIAS, progress: Progress = lambda line: None
) -> dict[str, Any]:
    """Write the database, the media files and a manifest of their counts and checksums into `destination`,
    a folder that does not exist or is empty; return the manifest."""
    destination = Path(destination)
    if destination.exists() and (not destination.is_dir() or any(destination.iterdir())):
        raise BackupError(_("%(path)s exists and is not an empty folder.") % {"path": destination})
    connection = connections[using]
    if connection.vendor not in DUMP_FILES:
        raise BackupError(
            _("Backups support PostgreSQL and SQLite, not %(vendor)s.") % {"vendor": connection.vendor}
        )
    if connection.in_atomic_block:
        raise BackupError(_("A backup runs outside a transaction: it reads the database as committed."))
    destination.mkdir(parents=True, exist_ok=True)
    dump = destination / DUMP_FILES[connection.vendor]
    progress(_("dumping the %(vendor)s database…") % {"vendor": connection.vendor})
    if connection.vendor == "postgresql":
        env = _postgres_env(connection, "pg_dump")
        # One snapshot for pg_dump and the counts, so the manifest describes exactly the rows dumped.
        with transaction.atomic(using=using), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            _run(["pg_dump", "-Fc", "--no-owner", f"--snapshot={snapshot}", "-f", str(dump)], env)
            counts = _count_rows(cursor, _tables(connection))
            migrations = _migration_state(connection)
    else:
        connection.ensure_connection()
        with closing(sqlite3.connect(dump)) as copy:
            connection.connection.backup(copy)
            counts = _count_rows(copy.cursor(), _tables(connection))  # the copy's own: one snapshot
        migrations = _migration_state(connection)
    progress(_("%(tables)d tables, %(rows)d rows") % {"tables": len(counts), "rows": sum(counts.values())})
    media: dict[str, str] = {}
    for name in _storage_files():
        target = destination / MEDIA_DIR / name
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with default_storage.open(name, "rb") as source, target.open("wb") as handle:
            for chunk in iter(lambda: source.read(CHUNK), b""):
                digest.update(chunk)
                handle.write(chunk)
        media[name] = digest.hexdigest()
        if len(media) % 100 == 0:
            progress(_("%(files)d media files copied…") % {"files": len(media)})
    progress(_("%(files)d media files copied") % {"files": len(media)})
    manifest = {
        "format": 1,
        "created_at": timezone.now().isoformat(),
        "vendor": connection.vendor,
        "database": {"file": dump.name, "sha256": _sha256_file(dump)},
        "migrations": migrations,
        "tables": counts,
        "media": media,
    }
    (destination / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def _project_rows(connection: BaseDatabaseWrapper) -> dict[str, int]:
    """Return the tables of the project's models that hold rows, apart from those that `migrate` fills."""
    tables = sorted(
        {
            model._meta.db_table
            for model in _models()
            if model.__module__.startswith("rcphub.") and model._meta.label_lower not in MIGRATION_DATA
        }
        & set(connection.introspection.table_names())
    )
    with connection.cursor() as cursor:
        return {table: n for table, n in _count_rows(cursor, tables).items() if n}


def _read_manifest(source: Path) -> dict[str, Any]:
    try:
        manifest: dict[str, Any] = json.loads((source / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(
            _("%(path)s holds no readable manifest: %(error)s") % {"path": source, "error": error}
        ) from error
    return manifest


def backup_restore(
    source: Path, *, using: str = DEFAULT_DB_ALIAS, progress: Progress = lambda line: None
) -> RestoreReport:
    """Restore the backup in `source` into an empty database and the default storage, then compare the
    rows and files with the manifest; the report lists every mismatch."""
    source = Path(source)
    manifest = _read_manifest(source)
    connection = connections[using]
    if manifest["vendor"] != connection.vendor:
        raise BackupError(
            _("This backup is of a %(backup)s database; the target is %(target)s.")
            % {"backup": manifest["vendor"], "target": connection.vendor}
        )
    dump = source / manifest["database"]["file"]
    if not dump.is_file() or _sha256_file(dump) != manifest["database"]["sha256"]:
        raise BackupError(_("%(path)s is missing or does not match its checksum.") % {"path": dump})
    filled = _project_rows(connection)
    if filled:
        listed = ", ".join(f"{table} ({n})" for table, n in list(filled.items())[:5])
        raise BackupError(
            _(
                "The database is not empty (%(count)d tables hold rows: %(tables)s); restore only into an empty one."
            )
            % {"count": len(filled), "tables": listed}
        )
    progress(_("restoring the %(vendor)s database…") % {"vendor": connection.vendor})
    if connection.vendor == "postgresql":
        env = _postgres_env(connection, "pg_restore")
        connection.close()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--exit-on-error",
                "--single-transaction",
                "-d",
                env["PGDATABASE"],
                str(dump),
            ],
            env,
        )
        # pg_restore sets each sequence as dumped; resetting them past the highest id costs nothing.
        models = [model for model in _models() if model._meta.db_table in set(_tables(connection))]
        with transaction.atomic(using=using), connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
    else:
        connection.ensure_connection()
        with closing(sqlite3.connect(dump)) as copy:
            copy.backup(connection.connection)
    media = manifest["media"]
    for done, name in enumerate(sorted(media), start=1):
        if default_storage.exists(name):
            default_storage.delete(name)
        with (source / MEDIA_DIR / name).open("rb") as handle:
            saved = default_storage.save(name, File(handle, name=name))
        if saved != name:
            raise BackupError(_("The storage saved %(name)s as %(saved)s.") % {"name": name, "saved": saved})
        if done % 100 == 0:
            progress(_("%(files)d media files restored…") % {"files": done})
    progress(_("%(files)d media files restored; checking…") % {"files": len(media)})
    with connection.cursor() as cursor:
        counts = _count_rows(cursor, sorted(manifest["tables"]))
    report = RestoreReport(manifest=manifest, counts=counts)
    for table, expected in manifest["tables"].items():
        if counts[table] != expected:
            report.mismatches.append(
                _("%(table)s: %(found)d rows, the manifest says %(expected)d")
                % {"table": table, "found": counts[table], "expected": expected}
            )
    if _migration_state(connection) != manifest["migrations"]:
        report.mismatches.append(_("the migration state differs from the manifest's"))
    for name, expected_sha in media.items():
        if not default_storage.exists(name) or _storage_sha256(name) != expected_sha:
            report.mismatches.append(_("%(name)s: checksum differs from the manifest's") % {"name": name})
    return report

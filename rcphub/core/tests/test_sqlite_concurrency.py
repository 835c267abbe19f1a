"""SQLite as a real embedded default: concurrent writers wait for each other instead of failing."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from django.conf import settings

from rcphub.core.testing import run_python_json
from rcphub.core.tests import sqlite_writers

pytestmark = pytest.mark.serial


def test_sqlite_connections_use_wal_a_busy_timeout_and_immediate_transactions():
    options = settings.DATABASES["default"].get("OPTIONS", {})
    if not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        pytest.skip("the suite runs on PostgreSQL here; the SQLite options are checked on the SQLite run")
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]


def test_concurrent_api_writers_on_a_sqlite_file_see_no_error(tmp_path: Path):
    database = tmp_path / "writers.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "DEBUG": "0"}
    result = run_python_json([sqlite_writers.__file__], env=env, timeout=300)
    expected = sqlite_writers.THREADS * sqlite_writers.PRACTICES
    assert result["errors"] == []
    assert result["statuses"] == {"201": expected}
    assert result["practices"] == expected
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"

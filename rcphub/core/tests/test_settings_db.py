"""The database settings: PostgreSQL connections run with JIT off (docs/decisions/0012)."""

from __future__ import annotations

import os

import pytest
from django.db import connection

from rcphub.core.testing import run_python_json

READ_OPTIONS = (
    "import json, config.settings as s; print(json.dumps(s.DATABASES['default'].get('OPTIONS', {})))"
)


def _options(database_url: str, **extra: str) -> dict[str, object]:
    """The default database's OPTIONS as config/settings.py builds them for this URL and environment."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"RCPHUB_PG_JIT", "RCPHUB_PRODUCTION", "DATABASE_URL"}
    }
    env.update({"DATABASE_URL": database_url, **extra})
    return run_python_json(["-c", READ_OPTIONS], env=env, timeout=60)


@pytest.mark.django_db
def test_postgresql_connections_run_with_jit_off():
    if connection.vendor != "postgresql":
        pytest.skip("the suite runs on SQLite here, which has no JIT; checked on the PostgreSQL run")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


def test_a_postgresql_url_gets_jit_off_unless_rcphub_pg_jit_or_the_url_says():
    url = "postgres://rcphub@db.example.org:5432/rcphub"
    assert _options(url)["options"] == "-c jit=off"
    assert "options" not in _options(url, RCPHUB_PG_JIT="1")
    # Options the URL gives are kept, JIT off added; a URL that sets jit itself decides.
    assert _options(f"{url}?options=-c%20statement_timeout%3D5000")["options"] == (
        "-c statement_timeout=5000 -c jit=off"
    )
    assert _options(f"{url}?options=-c%20jit%3Don")["options"] == "-c jit=on"


def test_a_sqlite_url_gets_no_libpq_options():
    assert "options" not in _options("sqlite:////tmp/rcphub-settings-test.sqlite3")

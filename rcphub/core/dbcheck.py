"""Exit 0 if a PostgreSQL server answers at the URL given, else print why and exit 1.

Used by `make test` to run the PostgreSQL pass where a server exists and to skip it, with the
reason, where none does.
"""

from __future__ import annotations

import sys
from urllib.parse import urlparse


def main(url: str) -> int:
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        print("psycopg is not installed", file=sys.stderr)
        return 1
    parts = urlparse(url)
    try:
        with psycopg.connect(
            host=parts.hostname or "127.0.0.1",
            port=parts.port or 5432,
            user=parts.username or "postgres",
            password=parts.password or None,
            dbname="postgres",
            connect_timeout=3,
        ) as connection:
            connection.execute("select 1")
    except Exception as error:
        print(
            f"PostgreSQL does not answer at {parts.hostname}:{parts.port or 5432}: {error}".strip(),
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "postgres://postgres@127.0.0.1:5432/postgres"))

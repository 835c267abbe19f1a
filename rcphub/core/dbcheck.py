"""Check that a PostgreSQL server answers, and create the project's database on it if asked.

`python -m rcphub.core.dbcheck URL` exits 0 if a server answers at URL, else prints why and exits 1
(`make test` uses it to run the PostgreSQL pass or skip it with the reason).
`python -m rcphub.core.dbcheck --ensure URL` also creates URL's database when it is missing
(`make run` uses it, so that `DATABASE_URL=postgres://… make run` needs no other set-up).
Non-PostgreSQL URLs are accepted as they are.
"""

from __future__ import annotations

import sys
from urllib.parse import unquote, urlparse


def main(argv: list[str]) -> int:
    ensure = "--ensure" in argv
    urls = [a for a in argv if not a.startswith("--")]
    url = urls[0] if urls else "postgres://postgres@127.0.0.1:5432/postgres"
    parts = urlparse(url)
    if parts.scheme not in ("postgres", "postgresql", "pgsql"):
        return 0
    import psycopg
    from psycopg import sql

    name = unquote(parts.path.lstrip("/")) or "postgres"
    try:
        with psycopg.connect(
            host=parts.hostname or "127.0.0.1",
            port=parts.port or 5432,
            user=unquote(parts.username or "postgres"),
            password=unquote(parts.password) if parts.password else None,
            dbname="postgres",
            connect_timeout=3,
            autocommit=True,
        ) as connection:
            connection.execute("select 1")
            if (
                ensure
                and not connection.execute("select 1 from pg_database where datname = %s", [name]).fetchone()
            ):
                connection.execute(sql.SQL("create database {}").format(sql.Identifier(name)))
                print(f"Created the PostgreSQL database {name}.")
    except Exception as error:
        print(
            f"PostgreSQL does not answer at {parts.hostname}:{parts.port or 5432}: {error}".strip(),
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

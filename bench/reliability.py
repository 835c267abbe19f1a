"""Reliability run: mixed reads and writes against the production server while PostgreSQL restarts.

    .venv/bin/python -m bench.reliability --minutes 10 --clients 16
    .venv/bin/python -m bench.reliability --minutes 2 --clients 4 --keep   # reuse the generated data

Scale S data (`bench.generate.generate`) is written into a database of its own,
RELIABILITY_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/rcphub_reliability; created
when missing; `--keep` reuses earlier data). It is served by gunicorn with config/gunicorn.py as
`bench/load.py` does. The bench's users who may write (BENCH_USER, a platform secretariat, and
some focal points and coalition secretariats of bench/users_data.py) get an API token each; one
request each first checks which writes succeed for them: a practice drafted with
`POST /api/v1/practices`, a status report with `POST /api/v1/activities/{id}/status-reports` on
an activity they may report on. Then N clients, each with its own keep-alive connection and user,
send requests one after another for M minutes: three reads (pages and API lists) for one write.
At the middle `--restart-command` restarts the database server once; the restart window runs from
the command's start until a read answers 200 again after it returned.

Each write is acknowledged (2xx, with the created id), refused (4xx: a correct answer) or failed
(5xx, or the connection broke). Afterwards the table gives requests, 5xx and connection errors
inside and outside the window, and checks in the database: every acknowledged id exists and has a
creation history row naming its user; the rows the run's users created since it started beyond the
acknowledged ones are at most the writes that failed mid-flight. Exits 1 when a target is missed:
no 5xx or connection error outside the window, only 503 or connection errors inside it, no read
answered other than 200 outside it, every acknowledged write stored with its history.
"""

from __future__ import annotations

import argparse
import http.client
import io
import json
import os
import random
import shlex
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bench.load import HEADERS, Clients, Server, _request, new_secret_key, production_server
from bench.users_data import USER_EMAIL
from bench.workplans_data import BENCH_USER

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/rcphub_reliability"
# bench/users_data.py's users n: focal points (n % 4 == 1) and coalition secretariats (n % 10 == 2)
WRITER_NUMBERS = (1, 2, 5, 12, 22)
WRITE_SHARE = 0.25


def _default_restart_command() -> str:
    versions = sorted(
        (p.name for p in Path("/etc/postgresql").glob("*") if p.name.isdigit()), key=int, reverse=True
    )
    version = versions[0] if versions else "15"
    return f"pg_ctlcluster --skip-systemctl-redirect {version} main restart"


@dataclass
class Outcome:
    """One request: what it was, when it ran (monotonic seconds), how it ended."""

    kind: str  # read, practice, status_report
    user_id: int
    started: float
    ended: float
    status: int | None  # None: the connection broke
    created_id: int | None = None
    error: str = ""


@dataclass
class Writer:
    user_id: int
    email: str
    token: str
    entity_id: int | None
    activity_id: int | None
    writes: tuple[str, ...] = ()


def _setup_database(url: str, keep: bool) -> None:
    os.environ["DATABASE_URL"] = url
    from rcphub.core.dbcheck import main as ensure_database

    if ensure_database(["--ensure", url]):
        raise SystemExit(f"no PostgreSQL server at {url}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "0")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from rcphub.repository.models import Practice
    from rcphub.workplans.models import WorkPlan

    if connection.vendor != "postgresql":
        raise SystemExit(
            "RELIABILITY_DATABASE_URL must name a PostgreSQL database: the run restarts its server."
        )
    print(f"database: {connection.settings_dict['NAME']}, scale S")
    call_command("migrate", verbosity=0)
    call_command("load_reference", verbosity=0, stdout=io.StringIO())
    if not (keep and WorkPlan.objects.exists() and Practice.objects.exists()):
        from bench.generate import generate

        generate("S")


def _candidates() -> list[Writer]:
    """The bench's users who might write, each with a token, an entity and an activity they may report on."""
    from rcphub.accounts.models import Membership, User
    from rcphub.accounts.services import api_token_create
    from rcphub.core.errors import NotFound
    from rcphub.workplans.models import Activity
    from rcphub.workplans.selectors.activities import activity_get_for_status

    activity_ids = list(Activity.objects.order_by("pk").values_list("pk", flat=True)[:300])
    writers = []
    for email in [BENCH_USER, *(USER_EMAIL.format(n) for n in WRITER_NUMBERS)]:
        user = User.objects.filter(email=email).first()
        if user is None:
            continue
        _token, raw = api_token_create(user=user, name="reliability run")
        entity = (
            Membership.objects.filter(user=user, entity__isnull=False)
            .order_by("pk")
            .values_list("entity_id", flat=True)
            .first()
        )
        activity = None
        for pk in activity_ids:
            try:
                activity_get_for_status(activity_id=pk, user=user)
            except NotFound:
                continue
            activity = pk
            break
        writers.append(Writer(user.pk, email, raw, entity, activity))
    return writers


def _write_request(writer: Writer, kind: str, serial: int) -> tuple[str, bytes]:
    if kind == "practice":
        body: dict[str, Any] = {
            "title": f"Reliability run practice {writer.user_id}-{serial}",
            "summary": "Drafted by bench.reliability.",
        }
        if writer.entity_id is not None:
            body["submitted_by_entity"] = writer.entity_id
        return "/api/v1/practices", json.dumps(body).encode()
    statuses = ("ongoing", "delayed", "completed", "starting")
    body = {"status": statuses[serial % len(statuses)], "comment": f"bench.reliability {serial}"}
    return f"/api/v1/activities/{writer.activity_id}/status-reports", json.dumps(body).encode()


def _headers(writer: Writer) -> dict[str, str]:
    return {**HEADERS, "Authorization": f"Bearer {writer.token}", "Content-Type": "application/json"}


def _send(
    conn: http.client.HTTPConnection, writer: Writer, kind: str, url: str, body: bytes | None
) -> Outcome:
    started = time.monotonic()
    try:
        if body is None:
            status, answer = _request(conn, url, HEADERS)
        else:
            status, answer = _request(conn, url, _headers(writer), method="POST", body=body)
    except (OSError, http.client.HTTPException) as error:
        conn.close()
        return Outcome(kind, writer.user_id, started, time.monotonic(), None, error=type(error).__name__)
    outcome = Outcome(kind, writer.user_id, started, time.monotonic(), status)
    if body is not None and 200 <= status < 300:
        try:
            outcome.created_id = int(json.loads(answer)["id"])
        except (ValueError, KeyError, TypeError):
            outcome.error = "acknowledged without an id"
    elif status >= 400:
        outcome.error = answer[:200].decode(errors="replace")
    return outcome


def _check_writers(server: Server, writers: list[Writer]) -> tuple[list[Writer], list[Outcome]]:
    """One request for each write of each candidate; keep the writes that succeed."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    checks = []
    try:
        for writer in writers:
            kinds = ["practice"] + (["status_report"] if writer.activity_id else [])
            allowed = []
            for kind in kinds:
                url, body = _write_request(writer, kind, 0)
                outcome = _send(conn, writer, kind, url, body)
                checks.append(outcome)
                verdict = "ok" if outcome.created_id else f"{outcome.status} {outcome.error[:80]}"
                print(f"  check {writer.email} {kind}: {verdict}")
                if outcome.created_id:
                    allowed.append(kind)
            writer.writes = tuple(allowed)
    finally:
        conn.close()
    return [w for w in writers if w.writes], checks


def _reads() -> list[str]:
    from rcphub.workplans.models import WorkPlan

    work_plan = WorkPlan.objects.order_by("-id").first()
    assert work_plan is not None
    as_at = date(2026, 6, 30).isoformat()
    return [
        "/",
        "/repository/practices/",
        f"/workplans/{work_plan.pk}/?as_at={as_at}",
        "/api/v1/practices",
        f"/api/v1/activities?status=ongoing&as_at={as_at}",
        f"/api/v1/workplans/{work_plan.pk}?as_at={as_at}",
    ]


class Restart:
    """Runs the restart command once, at `at` seconds, and notes the window until a read answers again."""

    def __init__(self, command: str, port: int, probe_url: str) -> None:
        self.command = command
        self.port = port
        self.probe_url = probe_url
        self.started: float | None = None
        self.ended: float | None = None
        self.command_ended: float | None = None
        self.returncode: int | None = None
        self.output = ""

    def run(self) -> None:
        self.started = time.monotonic()
        done = subprocess.run(
            shlex.split(self.command), capture_output=True, text=True, timeout=300, check=False
        )
        self.command_ended = time.monotonic()
        self.returncode = done.returncode
        self.output = (done.stdout + done.stderr).strip()
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                status, _ = _request(conn, self.probe_url, HEADERS)
            except (OSError, http.client.HTTPException):
                conn.close()
                status = 0
            if status == 200:
                self.ended = time.monotonic()
                break
            time.sleep(0.05)  # probing for the end of the restart, not between measured requests
        conn.close()

    def inside(self, outcome: Outcome) -> bool:
        if self.started is None:
            return False
        end = self.ended if self.ended is not None else float("inf")
        return outcome.started <= end and outcome.ended >= self.started


def _drive(
    server: Server, writers: list[Writer], *, clients: int, seconds: float, restart: Restart, seed: int
) -> list[Outcome]:
    reads = _reads()
    pool = Clients(server.port, clients)
    outcomes: list[Outcome] = []
    lock = threading.Lock()
    begin = time.monotonic()
    stop = begin + seconds

    def client(index: int) -> None:
        rng = random.Random(seed + index)
        writer = writers[index % len(writers)]
        conn = pool.connections[index]
        serial = 0
        mine = []
        while time.monotonic() < stop:
            if rng.random() < WRITE_SHARE:
                serial += 1
                kind = rng.choice(writer.writes)
                url, body = _write_request(writer, kind, index * 1_000_000 + serial)
                outcome = _send(conn, writer, kind, url, body)
            else:
                outcome = _send(conn, writer, "read", rng.choice(reads), None)
            mine.append(outcome)
        with lock:
            outcomes.extend(mine)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    delay = begin + seconds / 2 - time.monotonic()
    if delay > 0:
        time.sleep(delay)  # the restart comes at the middle of the run
    restart.run()
    for thread in threads:
        thread.join()
    pool.close()
    return outcomes


def _database_checks(outcomes: list[Outcome], users: list[int], since: Any) -> dict[str, dict[str, int]]:
    from django.db import connection

    from rcphub.repository.models import Practice
    from rcphub.workplans.models import StatusReport

    connection.close()  # this process's connection did not live through the restart
    models = {
        "practice": (Practice, Practice.objects.filter(submitter_id__in=users, created_at__gte=since)),
        "status_report": (
            StatusReport,
            StatusReport.objects.filter(author_id__in=users, created_at__gte=since),
        ),
    }
    results = {}
    for kind, (model, created) in models.items():
        mine = [o for o in outcomes if o.kind == kind]
        acknowledged = {o.created_id: o.user_id for o in mine if o.created_id}
        failed = sum(1 for o in mine if o.status is None or o.status >= 500)
        found = set(created.values_list("pk", flat=True))
        created_history = model.history.filter(id__in=list(acknowledged), history_type="+")  # type: ignore[attr-defined]
        history = dict(created_history.values_list("id", "history_user_id"))
        results[kind] = {
            "sent": len(mine),
            "acknowledged": len(acknowledged),
            "refused": sum(1 for o in mine if o.status is not None and 400 <= o.status < 500),
            "failed": failed,
            "rows found": len(found),
            "acknowledged missing": len(set(acknowledged) - found),
            "unacknowledged rows": len(found - set(acknowledged)),
            "history missing or wrong user": sum(
                1 for pk, user in acknowledged.items() if history.get(pk) != user
            ),
        }
    return results


def _print_table(title: str, rows: dict[str, dict[str, int]]) -> None:
    columns = list(next(iter(rows.values())))
    width = max(len(c) for c in columns)
    print(f"\n{title}")
    print(f"  {'':<{width}}" + "".join(f"{name:>16}" for name in rows))
    for column in columns:
        print(f"  {column:<{width}}" + "".join(f"{rows[name][column]:>16}" for name in rows))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument(
        "--workers", type=int, default=None, help="gunicorn workers (default config/gunicorn.py's)"
    )
    parser.add_argument("--restart-command", default=_default_restart_command())
    parser.add_argument("--keep", action="store_true", help="reuse data generated by an earlier run")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    url = os.environ.get("RELIABILITY_DATABASE_URL", DEFAULT_URL)
    if url == os.environ.get("DATABASE_URL"):
        raise SystemExit("RELIABILITY_DATABASE_URL must name a database of its own: the run fills it.")
    _setup_database(url, args.keep)
    from django.utils import timezone

    since = timezone.now()
    writers = _candidates()
    secret_key = new_secret_key()
    with production_server(url, secret_key=secret_key, workers=args.workers) as server:
        writers, checks = _check_writers(server, writers)
        if not writers:
            raise SystemExit("none of the bench's users could write: nothing to run")
        print(
            f"{len(writers)} writers; {args.clients} clients for {args.minutes:g} min; restart: {args.restart_command}"
        )
        restart = Restart(args.restart_command, server.port, "/api/v1/practices")
        outcomes = _drive(
            server, writers, clients=args.clients, seconds=args.minutes * 60, restart=restart, seed=args.seed
        )
        log_tail = server.log_tail(60)
        log_text = server.log.read_text(errors="replace")
    failures = []
    if restart.returncode != 0:
        failures.append(f"the restart command exited {restart.returncode}: {restart.output[-300:]}")
    window = None
    if restart.started is not None and restart.ended is not None:
        window = restart.ended - restart.started
    elif restart.started is not None:
        failures.append("no read answered 200 within 120 s after the restart")
    inside = [o for o in outcomes if restart.inside(o)]
    outside = [o for o in outcomes if not restart.inside(o)]

    def counts(group: list[Outcome]) -> dict[str, int]:
        return {
            "requests": len(group),
            "reads": sum(1 for o in group if o.kind == "read"),
            "writes": sum(1 for o in group if o.kind != "read"),
            "2xx": sum(1 for o in group if o.status is not None and 200 <= o.status < 300),
            "4xx": sum(1 for o in group if o.status is not None and 400 <= o.status < 500),
            "503": sum(1 for o in group if o.status == 503),
            "other 5xx": sum(
                1 for o in group if o.status is not None and o.status >= 500 and o.status != 503
            ),
            "connection errors": sum(1 for o in group if o.status is None),
            "reads not 200": sum(1 for o in group if o.kind == "read" and o.status != 200),
        }

    requests = {"outside window": counts(outside), "inside window": counts(inside)}
    writes = _database_checks(checks + outcomes, [w.user_id for w in writers], since)
    if window is not None and restart.started is not None and restart.command_ended is not None:
        command_s = restart.command_ended - restart.started
        print(f"\nrestart window: {window:.2f} s (the command took {command_s:.2f} s)")
    else:
        print("\nrestart window: not closed")
    _print_table("requests", requests)
    _print_table("writes (including the first checks)", writes)
    out = requests["outside window"]
    if out["503"] or out["other 5xx"] or out["connection errors"]:
        failures.append("5xx or connection errors outside the restart window")
    if out["reads not 200"]:
        failures.append("reads answered other than 200 outside the restart window")
    if requests["inside window"]["other 5xx"]:
        failures.append("5xx other than 503 inside the restart window")
    for kind, row in writes.items():
        if row["acknowledged missing"]:
            failures.append(f"acknowledged {kind} ids missing from the database")
        if row["history missing or wrong user"]:
            failures.append(f"acknowledged {kind} without a creation history row naming its user")
        if row["unacknowledged rows"] > row["failed"]:
            failures.append(f"more unacknowledged {kind} rows than writes that failed mid-flight")
    first_errors = [o for o in outcomes if o.status is None or o.status >= 500]
    for o in first_errors[:5]:
        where = "inside" if restart.inside(o) else "outside"
        print(f"  {where}: {o.kind} {o.status or 'connection error'} {o.error[:120]!r}")
    if any(o.status is not None and o.status >= 500 and o.status != 503 for o in outcomes):
        print("\ngunicorn log (tail):\n" + log_tail)
    tracebacks = log_text.count("Traceback")
    print(f"\ngunicorn log: {tracebacks} tracebacks")
    for failure in failures:
        print(f"TARGET MISSED: {failure}")
    if not failures:
        print("all targets met")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

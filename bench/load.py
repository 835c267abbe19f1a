"""The bench's load: the production server on the bench database, driven by N concurrent clients.

`production_server` runs gunicorn with config/gunicorn.py as `make serve` does (RCPHUB_PRODUCTION=1,
DEBUG=0, a throwaway SECRET_KEY, ALLOWED_HOSTS=127.0.0.1, the static files collected into a temporary
STATIC_ROOT) on a free local port, and waits until every worker is up and the site answers. Requests
carry X-Forwarded-Proto: https, as from the reverse proxy in front of it (otherwise the production
settings redirect to https). `drive` times one URL: N threads, each with its own keep-alive
`http.client` connection (reopened when the sync worker closes it), make one untimed warm-up request
each, then together issue requests one after another, no pause, until the row has `samples` timed
responses. Errors are non-200 answers and exceptions; the first is kept with its status and the head
of its body. Each worker's peak memory (VmHWM) is read from /proc after every row, so that a worker
replaced after GUNICORN_MAX_REQUESTS is counted too.
"""

from __future__ import annotations

import http.client
import math
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HEADERS = {"X-Forwarded-Proto": "https", "User-Agent": "rcphub-bench"}
START_TIMEOUT_S = 120.0


def nearest_rank(sorted_values: list[float], percent: float) -> float:
    """The nearest-rank percentile of values sorted ascending (the ⌈p·n⌉-th value)."""
    if not sorted_values:
        return math.nan
    rank = max(1, math.ceil(percent / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (gunicorn's workers, for its master)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # pid (comm) state ppid …: comm may hold spaces, so split after its closing parenthesis
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry))
    return sorted(found)


def _peak_kib(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


@dataclass
class Server:
    """A running gunicorn: where it listens, its master process, its log, each worker's peak memory."""

    port: int
    process: subprocess.Popen[bytes]
    log: Path
    peaks_kib: dict[int, int] = field(default_factory=dict)

    def workers(self) -> list[int]:
        return _children(self.process.pid)

    def sample_memory(self) -> None:
        """Note each live worker's peak resident memory so far (VmHWM, KiB)."""
        for pid in self.workers():
            peak = _peak_kib(pid)
            if peak is not None:
                self.peaks_kib[pid] = max(peak, self.peaks_kib.get(pid, 0))

    def memory(self) -> dict[str, Any]:
        """Each worker's peak memory in MB, by process id, and the largest."""
        mb = {str(pid): round(kib / 1024, 1) for pid, kib in sorted(self.peaks_kib.items())}
        return {"workers_peak_mb": mb, "max_mb": max(mb.values(), default=0.0)}

    def log_tail(self, lines: int = 30) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


def _request(
    conn: http.client.HTTPConnection,
    url: str,
    headers: dict[str, str],
    *,
    method: str = "GET",
    body: bytes | None = None,
) -> tuple[int, bytes]:
    """Send one request on the keep-alive connection (GET unless told); return its status and body."""
    conn.request(method, url, body=body, headers=headers)
    response = conn.getresponse()
    return response.status, response.read()


@contextmanager
def production_server(database_url: str, *, secret_key: str, workers: int | None = None) -> Iterator[Server]:
    """Serve `database_url` with gunicorn (config/gunicorn.py) under the production settings.

    `secret_key` is the server's throwaway SECRET_KEY, which `session_cookie` signs its sessions with.
    """
    work = Path(tempfile.mkdtemp(prefix="rcphub-bench-server-"))
    port = _free_port()
    env = {
        **os.environ,
        "RCPHUB_PRODUCTION": "1",
        "DEBUG": "0",
        "SECRET_KEY": secret_key,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    if workers:
        env["WEB_CONCURRENCY"] = str(workers)
    log = work / "gunicorn.log"
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi", "-c", "config/gunicorn.py"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Server(port=port, process=process, log=log)
    try:
        _wait_until_ready(server, expected=workers)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(work, ignore_errors=True)


def _wait_until_ready(server: Server, *, expected: int | None) -> None:
    """Return once the workers have started and the home page answers; raise with the log otherwise."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise SystemExit(f"gunicorn exited ({server.process.returncode}):\n{server.log_tail()}")
        started = len(server.workers())
        if started and (expected is None or started >= expected):
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
            try:
                status, _body = _request(conn, "/", HEADERS)
                if status < 500:
                    return
            except OSError:
                pass
            finally:
                conn.close()
        time.sleep(0.2)  # waiting for the server to start, not between measured requests
    raise SystemExit(f"gunicorn did not answer within {START_TIMEOUT_S:.0f} s:\n{server.log_tail()}")


class Clients:
    """N threads' keep-alive connections to the server, kept from one row to the next."""

    def __init__(self, port: int, count: int) -> None:
        self.connections = [http.client.HTTPConnection("127.0.0.1", port, timeout=60) for _ in range(count)]

    def close(self) -> None:
        for conn in self.connections:
            conn.close()

    def drive(self, url: str, *, samples: int, cookie: str = "") -> dict[str, Any]:
        """Time `url` until it has `samples` responses; return p50/p95 ms, req/s, errors and the first."""
        headers = {**HEADERS, **({"Cookie": cookie} if cookie else {})}
        lock = threading.Lock()
        issued = 0
        timings: list[float] = []
        errors: list[str] = []
        ready = threading.Barrier(len(self.connections) + 1)

        def client(index: int) -> None:
            nonlocal issued
            conn = self.connections[index]
            try:
                _request(conn, url, headers)  # warm-up, not counted
            except (OSError, http.client.HTTPException):
                conn.close()
            ready.wait()
            while True:
                with lock:
                    if issued >= samples:
                        return
                    issued += 1
                started = time.perf_counter()
                try:
                    status, body = _request(conn, url, headers)
                except (OSError, http.client.HTTPException) as error:
                    conn.close()
                    with lock:
                        errors.append(f"{type(error).__name__}: {error}")
                    continue
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    timings.append(elapsed)
                    if status != 200:
                        errors.append(f"{status}: {body[:200].decode(errors='replace')!r}")

        threads = [threading.Thread(target=client, args=(i,)) for i in range(len(self.connections))]
        for thread in threads:
            thread.start()
        ready.wait()
        started = time.perf_counter()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
        return summary(timings, wall_s=wall, errors=errors)


def summary(timings: list[float], *, wall_s: float, errors: list[str]) -> dict[str, Any]:
    """p50, p95 (nearest rank) in ms, requests per second over the row's wall time, the errors."""
    ordered = sorted(timings)
    return {
        "samples": len(ordered),
        "p50_ms": nearest_rank(ordered, 50),
        "p95_ms": nearest_rank(ordered, 95),
        "rps": len(ordered) / wall_s if wall_s > 0 else math.nan,
        "errors": len(errors),
        "first_error": errors[0] if errors else "",
    }


def new_secret_key() -> str:
    """A throwaway SECRET_KEY for the bench's server."""
    return secrets.token_urlsafe(50)


def session_cookie(user: Any, *, secret_key: str) -> str:
    """A Cookie header signing `user` in: a session saved in the bench database, as a login would.

    The session's data and the user's auth hash are signed with the server's `secret_key`, not this
    process's, or the server would drop the session and answer as to a visitor.
    """
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.test import override_settings
    from django.utils.module_loading import import_string

    with override_settings(SECRET_KEY=secret_key):
        store = import_module(settings.SESSION_ENGINE).SessionStore()
        store[SESSION_KEY] = user._meta.pk.value_to_string(user)
        # the first backend that can load a user (django-axes's, first in the list, checks logins only)
        store[BACKEND_SESSION_KEY] = next(
            path for path in settings.AUTHENTICATION_BACKENDS if hasattr(import_string(path), "get_user")
        )
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


def check_signed_in(server: Server, cookie: str) -> None:
    """Stop unless the server takes `cookie` for a signed-in user (the profile page answers 200)."""
    from django.urls import reverse

    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    try:
        status, _body = _request(conn, reverse("accounts:profile"), {**HEADERS, "Cookie": cookie})
    finally:
        conn.close()
    if status != 200:
        raise SystemExit(
            f"the bench's session did not sign in: the profile page answered {status}:\n{server.log_tail()}"
        )

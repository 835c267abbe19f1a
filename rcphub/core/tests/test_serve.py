"""The production server: gunicorn with config/gunicorn.py serves pages, static files and the API."""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.serial

STARTUP_SECONDS = 30


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Leaves a redirect as the answer (urllib raises it as an HTTPError) instead of following it."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _manage(env: dict[str, str], *args: str) -> None:
    run = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, f"manage.py {' '.join(args)}: {run.stderr[-2000:]}"


def _wait_for_port(server: subprocess.Popen, port: int, log: Path) -> None:
    """Return once the server accepts connections on `port`, polling for at most STARTUP_SECONDS."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            pass
        try:
            # Waits for the server to exit, at most a tenth of a second, between two attempts.
            server.wait(timeout=0.1)
        except subprocess.TimeoutExpired:
            continue
        pytest.fail(f"gunicorn exited with {server.returncode}:\n{log.read_text()[-3000:]}")
    pytest.fail(
        f"gunicorn did not listen on port {port} within {STARTUP_SECONDS} s:\n{log.read_text()[-3000:]}"
    )


def _get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_gunicorn_serves_the_home_page_static_files_and_the_api_under_production_settings(tmp_path: Path):
    port = _free_port()
    static_root = tmp_path / "static"
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GUNICORN_", "RCPHUB_PG_")) and key not in {"DATABASE_URL", "HOST"}
    }
    env.update(
        {
            "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}",
            "DEBUG": "0",
            "RCPHUB_PRODUCTION": "1",
            "SECRET_KEY": f"test-serve-{secrets.token_urlsafe(48)}",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "STATIC_ROOT": str(static_root),
            "MEDIA_ROOT": str(tmp_path / "media"),
            "WEB_CONCURRENCY": "2",
            "HOST": "127.0.0.1",
            "PORT": str(port),
        }
    )
    _manage(env, "migrate", "--noinput")
    _manage(env, "collectstatic", "--noinput")
    hashed = set(json.loads((static_root / "staticfiles.json").read_text())["paths"].values())

    log = tmp_path / "gunicorn.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi", "-c", "config/gunicorn.py"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_for_port(server, port, log)
        base = f"http://127.0.0.1:{port}"
        # As the reverse proxy that terminates TLS sends it; plain HTTP is redirected to HTTPS.
        https = {"X-Forwarded-Proto": "https"}

        status, headers, _ = _get(f"{base}/")
        assert status == 301
        assert headers["Location"] == f"https://127.0.0.1:{port}/"

        status, headers, body = _get(f"{base}/", **https)
        assert status == 200, body[-2000:]
        assert "Strict-Transport-Security" in headers
        # The page links its static files by their hashed names from the manifest.
        linked = [name for name in re.findall(rb'"/static/([^"?#]+)"', body) if name.decode() in hashed]
        assert linked, body[-2000:]
        static_file = linked[0].decode()

        status, headers, body = _get(f"{base}/static/{static_file}", **https)
        assert status == 200
        assert "immutable" in headers["Cache-Control"]
        assert body == (static_root / static_file).read_bytes()

        status, _, body = _get(f"{base}/api/v1/openapi.json", **https)
        assert status == 200
        assert "openapi" in json.loads(body)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    assert server.returncode == 0, log.read_text()[-3000:]
    served = log.read_text()
    assert served.count("Booting worker with pid") == 2
    assert '"GET /api/v1/openapi.json HTTP/1.1" 200' in served

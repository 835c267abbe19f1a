"""gunicorn settings for `make serve`, read from the environment only (like config/settings.py).

    gunicorn config.wsgi -c config/gunicorn.py

WEB_CONCURRENCY   worker processes (default: 2 × cores + 1, at most 4 on a machine of 2 cores or fewer)
HOST, PORT        the address to listen on (default 127.0.0.1:8000; HOST=0.0.0.0 in a container)
GUNICORN_TIMEOUT  seconds a request may take before its worker is restarted (default 60)
GUNICORN_MAX_REQUESTS  requests a worker serves before it is replaced (default 1000, 0 never)
LOG_LEVEL         as for Django (default INFO)

Each worker is a separate process sharing nothing but the database: no state is kept in memory
between requests. Why these choices: docs/decisions/0012-production-server.md.
"""

from __future__ import annotations

import os
from typing import Any


def _env_int(name: str, default: int) -> int:
    """The integer in the environment variable `name`, or `default` when it is unset or empty."""
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def _cores() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _default_workers(cores: int) -> int:
    """gunicorn's rule of thumb, 2 × cores + 1, held to 4 where a small machine has little memory too."""
    workers = 2 * cores + 1
    return min(workers, 4) if cores <= 2 else workers


wsgi_app = "config.wsgi:application"
bind = [f"{os.environ.get('HOST', '127.0.0.1')}:{_env_int('PORT', 8000)}"]
workers = _env_int("WEB_CONCURRENCY", _default_workers(_cores()))
# Sync workers: one request at a time per process. The views are short database-bound requests that
# Django runs synchronously; a slow client is the reverse proxy's to buffer, not a worker's.
worker_class = "sync"

# Each worker imports the application itself: nothing opened at import (a database connection, a
# thread, a font cache) is shared across the fork, and a HUP reloads new code. The price is memory
# that copy-on-write would have shared, small at a few workers.
preload_app = False

# Workers are replaced after a number of requests (with jitter, so that they are not all replaced at
# once), which bounds the memory a long-lived process accumulates.
max_requests = _env_int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = _env_int("GUNICORN_MAX_REQUESTS_JITTER", max(max_requests // 10, 0))

# A regional brief as PDF or a large import takes seconds; a request past this has hung.
timeout = _env_int("GUNICORN_TIMEOUT", 60)
# On SIGTERM, requests under way get this long to finish before the workers are killed.
graceful_timeout = _env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Behind a reverse proxy that keeps connections open to the server.
keepalive = _env_int("GUNICORN_KEEPALIVE", 5)

# The worker heartbeat file on a memory file system, so that a slow disk never stalls a worker.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# Access and error logs on the standard streams, for the service manager or container to collect;
# the access log gives each request's time in milliseconds at the end.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'

# gunicorn ≥ 25 opens a control socket at one path per user ($XDG_RUNTIME_DIR or ~/.gunicorn), which
# two servers on one machine would contend for; nothing here uses it (gunicornc).
control_socket_disable = True


def post_worker_init(worker: Any) -> None:
    """Import every view before the worker takes its first request.

    Django loads the URLconf, and with it every view module, on the first request (about 1.3 s here);
    done now, no visitor waits for it, neither after a start nor after each max_requests replacement,
    while the other workers go on serving.
    """
    from django.urls import get_resolver

    patterns = get_resolver().url_patterns
    worker.log.debug("URLconf loaded: %d patterns", len(patterns))

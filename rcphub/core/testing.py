"""What tests share: where Debian's Chromium is and the flags it runs with here, and a second Python
process that answers in JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

CHROMIUM = os.environ.get("RCPHUB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def browser_login(page: Any, base_url: str, user: Any, next_path: str) -> None:
    """Log `user` in through the login page (factory password) and wait for `next_path`."""
    page.goto(f"{base_url}/accounts/login/?next={next_path}")
    page.get_by_label("E-mail address").fill(user.email)
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base_url}{next_path}")


def run_python_json(args: list[str], *, env: dict[str, str], timeout: int) -> Any:
    """Run `python ARGS` in the project's folder with `env` and return the JSON its last output line
    holds; fail the test with the end of its error output if it exits non-zero."""
    from django.conf import settings

    run = subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


CSP_VIOLATION = "Content-Security-Policy violation:"


def watch_csp(page: Any) -> list[str]:
    """Return the list that collects, from now on, every Content-Security-Policy violation a page of this
    Playwright `page` reports (directive, blocked address, page address)."""
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if m.text.startswith(CSP_VIOLATION) else None)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.error("
        f"'{CSP_VIOLATION} ' + e.violatedDirective + ' ' + e.blockedURI + ' on ' + e.documentURI))"
    )
    page.csp_violations = violations
    return violations

"""What the browser tests share: where Debian's Chromium is and the flags it runs with here."""

from __future__ import annotations

import os
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

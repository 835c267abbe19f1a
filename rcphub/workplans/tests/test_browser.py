"""In a real browser: a focal point records a status and sees it as at that date, not before.

Playwright drives Debian's Chromium (/usr/bin/chromium); the test skips with the reason where
either is missing. Select with `-m browser`.
"""

from __future__ import annotations

import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from rcphub.core.dates import today
from rcphub.workplans.tests.factories import build_work_plan

CHROMIUM = os.environ.get("RCPHUB_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    ),
]


@pytest.fixture
def reference_back_after_flush(django_db_blocker):
    """Reload the reference data once the live server's flush has emptied the test database.

    Requested first, so it is torn down last, after `transactional_db` flushed every table.
    """
    yield
    from rcphub.reference.services import reference_load

    with django_db_blocker.unblock():
        reference_load()


@pytest.fixture
def browser_page():
    playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
    # Playwright's sync API runs an event loop in this thread; the ORM calls made here stay synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        page = browser.new_page()
        yield page
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def test_focal_point_records_status_seen_as_at_that_date_only(
    reference_back_after_flush, live_server, coalition, focal_point, browser_page
):
    if shutil.which(CHROMIUM) is None:  # pragma: no cover - guarded by skipif
        pytest.skip("Chromium is not executable")
    work_plan = build_work_plan(coalition=coalition, state="endorsed")
    activity = work_plan.results.get().outputs.get().activities.get(code="i")
    page = browser_page
    url = f"{live_server.url}/workplans/{work_plan.pk}/"

    page.goto(f"{live_server.url}/accounts/login/?next=/workplans/{work_plan.pk}/")
    page.get_by_label("E-mail address").fill(focal_point.email)
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(url)

    row = page.locator(f"#activity-{activity.pk}")
    row.get_by_text("Record status").click()
    row.get_by_label("Status").select_option("completed")
    row.get_by_label("Comment").fill("Regional review published and presented to the UNCTs.")
    row.get_by_role("button", name="Record").click()
    page.locator(f"#activity-{activity.pk} .badge.completed").wait_for()

    on_the_day = today()
    page.goto(f"{url}?as_at={on_the_day.isoformat()}")
    assert "Completed" in page.locator(f"#activity-{activity.pk} td.status").inner_text()

    page.goto(f"{url}?as_at={(on_the_day - timedelta(days=1)).isoformat()}")
    status_before = page.locator(f"#activity-{activity.pk} td.status .badge").inner_text()
    assert "Completed" not in status_before
    assert activity.status_reports.get().author == focal_point

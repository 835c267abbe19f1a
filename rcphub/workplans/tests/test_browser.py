"""In a real browser: a focal point records a status and sees it as at that date, not before.

Playwright drives Debian's Chromium (/usr/bin/chromium); the test skips with the reason where
either is missing. Select with `-m browser`.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from rcphub.core.dates import today
from rcphub.core.testing import CHROMIUM, browser_login
from rcphub.workplans.tests.factories import build_work_plan

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    ),
]


def test_focal_point_records_status_seen_as_at_that_date_only(
    live_server, coalition, focal_point, browser_page
):
    work_plan = build_work_plan(coalition=coalition, state="endorsed")
    activity = work_plan.results.get().outputs.get().activities.get(code="i")
    page = browser_page
    url = f"{live_server.url}/workplans/{work_plan.pk}/"

    browser_login(page, live_server.url, focal_point, f"/workplans/{work_plan.pk}/")

    row = page.locator(f"#activity-{activity.pk}")
    row.get_by_text("Record status").click()
    row.get_by_label("Status", exact=True).select_option("completed")
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

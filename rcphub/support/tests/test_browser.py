"""In a real browser: an RC office asks for support, the coalition's secretariat accepts it, and the
activity appears in the coalition's work plan marked as demand-driven.

Playwright drives Debian's Chromium (/usr/bin/chromium); the test skips with the reason where either
is missing. Select with `-m browser`.
"""

# ruff: noqa: F811  (pytest fixtures imported from request_fixtures are redefined as arguments)

from __future__ import annotations

from pathlib import Path

import pytest

from rcphub.core.testing import CHROMIUM, browser_login
from rcphub.support.models import RequestState, SupportRequest
from rcphub.support.tests.request_fixtures import current_plan, rco  # noqa: F401  (fixtures)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    ),
]


def _step(page, label):
    page.locator("summary", has_text=label).click()
    page.locator(f'form[aria-label="{label}"] button[type="submit"]').click()
    page.wait_for_load_state()


def test_rc_office_request_is_accepted_into_the_work_plan(
    live_server, coalition, coalition_secretariat, rco, current_plan, browser_page
):
    page = browser_page
    browser_login(page, live_server.url, rco, "/support/requests/new/")
    page.get_by_label("Country or UN Country Team").select_option(label="Kyrgyzstan")
    page.get_by_label("Coalition addressed").select_option(label=coalition.name)
    page.get_by_label("Kind of support").select_option(label="Common Country Analysis")
    page.get_by_label("Title").fill("CCA update: migration data chapter")
    page.get_by_label("What is needed").fill("Help the UNCT bring together data on labour migration.")
    page.get_by_role("button", name="Save").click()
    page.locator("#request-state").wait_for()
    request = SupportRequest.objects.get()
    assert request.requester == rco and "Submitted" in page.locator("#request-state").inner_text()

    page.context.clear_cookies()
    browser_login(page, live_server.url, coalition_secretariat, f"/support/requests/{request.pk}/")
    _step(page, "Take under review")
    assert "Under review" in page.locator("#request-state").inner_text()
    _step(page, "Accept")
    assert "Accepted" in page.locator("#request-state").inner_text()
    request.refresh_from_db()
    assert request.state == RequestState.ACCEPTED and request.activity is not None

    page.goto(f"{live_server.url}/workplans/{current_plan.pk}/")
    row = page.locator(f"#activity-{request.activity.pk}")
    assert "CCA update: migration data chapter" in row.inner_text()
    assert row.locator(".badge.demand-driven").inner_text() == "Demand-driven"
    assert row.locator(f'a[href="/support/requests/{request.pk}/"]').count() == 1

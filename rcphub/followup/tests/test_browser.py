"""In a real browser: a focal point records a round's status on a recommendation, the status-of-
implementation report as at the round's date shows it (and not the day before), and its PDF downloads.

Playwright drives Debian's Chromium; the test skips with the reason where either is missing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rcphub.core.testing import CHROMIUM, browser_login
from rcphub.followup.services import reporting_round_create

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    ),
]


def test_focal_point_reports_a_round_seen_in_the_status_of_implementation_and_its_pdf(
    live_server, review, follow_up_officer, focal_point, browser_page, tmp_path
):
    round_ = reporting_round_create(
        review=review,
        as_at=date(2026, 6, 30),
        title="Progress report as at 30 June 2026",
        by=follow_up_officer,
    )
    first = review.commitments.get(number="1")  # UNDP, the focal point's entity, is responsible
    page = browser_page
    browser_login(page, live_server.url, focal_point, f"/followup/reviews/{review.pk}/")

    row = page.locator(f"#commitment-{first.pk} tr.commitment")
    row.get_by_text("Record status").click()
    row.get_by_label("Status", exact=True).select_option("completed")
    row.get_by_label("Reporting round").select_option(str(round_.pk))
    row.get_by_label("As at").fill("2026-06-30")
    row.get_by_label("Comment").fill("Mapping of coalition support shared with all UNCTs.")
    row.get_by_role("button", name="Record").click()
    page.locator(f"#commitment-{first.pk} tr.commitment .badge.completed").wait_for()
    report = first.status_reports.get()
    assert (report.status, report.as_at, report.round_id, report.author) == (
        "completed",
        date(2026, 6, 30),
        round_.pk,
        focal_point,
    )

    page.goto(f"{live_server.url}/reports/followup/{review.pk}/?as_at=2026-06-30")
    assert (
        "Completed"
        in page.get_by_role("row").filter(has_text="Map the support each coalition").first.inner_text()
    )
    page.goto(f"{live_server.url}/reports/followup/{review.pk}/?as_at=2026-06-29")
    assert (
        "Completed"
        not in page.get_by_role("row").filter(has_text="Map the support each coalition").first.inner_text()
    )

    page.goto(f"{live_server.url}/reports/followup/{review.pk}/?as_at=2026-06-30")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="PDF").first.click()
    saved = tmp_path / "status.pdf"
    download_info.value.save_as(saved)
    assert saved.read_bytes()[:5] == b"%PDF-"

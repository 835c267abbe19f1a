"""In a real browser: the platform secretariat drafts an edition of the regional brief, previews it
with its narrative and publishes it; a visitor opens the edition, follows its practices figure to the
filtered practices list, which counts the same, and downloads its PDF.

Playwright drives Debian's Chromium; the test skips with the reason where either is missing. Select
with `-m browser`.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pdfplumber
import pytest

from rcphub.core.testing import CHROMIUM, browser_login
from rcphub.repository.models import Practice

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    ),
]

# After every publication in the brief's `world`, so that the edition counts what the practices
# list shows today.
AS_AT = date(2025, 12, 31)
TITLE = "Western Balkans brief, end of 2025"
PUBLISH_TIMEOUT_MS = 60_000  # publishing renders and stores the PDF and the Word file


def test_secretariat_publishes_an_edition_a_visitor_follows_a_figure_and_downloads_the_pdf(
    live_server, world, platform_secretariat, browser_page, tmp_path
):
    from playwright.sync_api import expect

    brief = world
    base = live_server.url
    in_region = (
        Practice.objects.filter(
            state="published", published_on__lte=AS_AT, countries__in=brief.region.countries.all()
        )
        .distinct()
        .count()
    )
    assert in_region == 4  # three by mid-2025, one in Montenegro published on 1 July 2025
    page = browser_page

    # The secretariat drafts an edition from the brief as at the date, with a narrative.
    live = f"/briefs/{brief.slug}/?as_at={AS_AT.isoformat()}"
    browser_login(page, base, platform_secretariat, live)
    page.get_by_role("link", name="Draft an edition as at this date").click()
    page.wait_for_url(re.compile(r"/editions/new/"))
    expect(page.get_by_label("As at")).to_have_value(AS_AT.isoformat())
    page.get_by_label("Title (English)").fill(TITLE)
    page.locator('textarea[name="narrative_practices_en"]').fill(
        "Practices spread **across the region** this year."
    )
    page.get_by_role("button", name="Save").click()

    # Its preview says it is a draft and renders the narrative.
    page.wait_for_url(f"{base}/briefs/{brief.slug}/editions/1/")
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    expect(page.get_by_text("Draft: this preview is computed")).to_be_visible()
    expect(page.locator("strong", has_text="across the region")).to_be_visible()
    expect(page.locator("#figure-practices_in_region")).to_have_text(str(in_region))

    # Published, it says so and that it is frozen.
    page.get_by_role("button", name="Publish this edition").click(timeout=PUBLISH_TIMEOUT_MS)
    expect(page.get_by_text("its figures and files are frozen")).to_be_visible(timeout=PUBLISH_TIMEOUT_MS)
    expect(page.get_by_text("Edition 1 published.")).to_be_visible()
    expect(page.get_by_role("button", name="Publish this edition")).to_have_count(0)

    # A visitor, in a browser context of their own, opens the edition and reads the key figure.
    visitor = page.context.browser.new_context().new_page()
    edition = f"{base}/briefs/{brief.slug}/editions/1/"
    visitor.goto(edition)
    expect(visitor.get_by_role("heading", name=TITLE)).to_be_visible()
    expect(visitor.get_by_text("Draft: this preview is computed")).to_have_count(0)
    figure = visitor.locator("#figure-practices_in_region")
    expect(figure).to_have_text(str(in_region))

    # The figure links to the practices list filtered to the region, which counts the same.
    figure.click()
    visitor.wait_for_url(re.compile(r"/repository/practices/\?region="))
    expect(visitor.locator("#result-count")).to_have_text(f"{in_region} practices")

    # Back on the edition, its PDF downloads with the title and the figure.
    visitor.go_back()
    visitor.wait_for_url(edition)
    with visitor.expect_download(timeout=PUBLISH_TIMEOUT_MS) as download_info:
        visitor.get_by_role("link", name="PDF", exact=True).click()
    saved = tmp_path / "edition.pdf"
    download_info.value.save_as(saved)
    with pdfplumber.open(saved) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert TITLE in text
    assert re.search(rf"Published practices implemented in the region\D*\b{in_region}\b", text), text[:2000]
    visitor.context.close()

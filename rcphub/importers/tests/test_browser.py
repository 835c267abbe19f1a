"""In a real browser: the secretariat uploads a Word work plan, answers which entity an ambiguous name
is in the preview, commits, and sees the work plan created with its footnotes and the entity chosen.

Playwright drives Debian's Chromium (/usr/bin/chromium); the test skips with the reason where
either is missing. Select with `-m browser`.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from rcphub.core.testing import CHROMIUM, browser_login
from rcphub.importers.models import Import
from rcphub.importers.tests.documents import (
    docx_bytes,
    footnote,
    number,
    numbering_xml,
    repeat_header,
    set_footnotes,
    set_numbering,
)
from rcphub.workplans.models import Activity, WorkPlan

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    ),
]

TITLE = "Work plan 2026 of the Issue-based Coalition on Health and Well-being"
FOOTNOTE = "Subject to funding from the Joint SDG Fund."
AMBIGUOUS_ACTIVITY = "Country workshops on health financing"


def _workplan_with_a_pmu_docx() -> bytes:
    """Return a work plan, one table per output, where "PMU" leads one activity: UNDP's or IOM's unit."""
    document = docx.Document()
    set_numbering(document, numbering_xml({1: [("lowerRoman", "%1.", 1, None)]}, {1: (1, {})}))
    set_footnotes(document, {1: FOOTNOTE})
    document.add_heading(TITLE, level=0)
    document.add_heading("Result 1: Health systems are resilient and financed fairly", level=1)
    document.add_heading("Output 1.1: Ministries of health draw on regional evidence", level=2)
    header = ["Activity", "Lead", "Partners", "Countries", "Timeline"]
    activities = [
        ("Regional survey of health financing", "UNDP", "IOM", "Armenia; Georgia", "Q1–Q2"),
        (AMBIGUOUS_ACTIVITY, "PMU", "UNDP", "Georgia", "Q3"),
    ]
    table = document.add_table(rows=1 + len(activities), cols=len(header))
    table.style = "Table Grid"
    for column, name in enumerate(header):
        table.cell(0, column).text = name
    repeat_header(table.rows[0])
    for row, (title, *rest) in enumerate(activities, start=1):
        number(table.cell(row, 0).paragraphs[0], 1).add_run(title)
        for column, value in enumerate(rest, start=1):
            table.cell(row, column).text = value
    footnote(table.cell(2, 0).paragraphs[0], 1)
    return docx_bytes(document)


def test_secretariat_imports_a_word_work_plan_answering_its_question_and_sees_its_footnotes(
    live_server, coalition, coalition_secretariat, browser_page, tmp_path
):
    plan = tmp_path / "health-work-plan-2026.docx"
    plan.write_bytes(_workplan_with_a_pmu_docx())
    page = browser_page
    browser_login(page, live_server.url, coalition_secretariat, "/imports/new/")

    page.get_by_label("Document:", exact=True).set_input_files(plan)
    page.get_by_label("Kind of document").select_option(label="Work plan")
    page.get_by_label("Coalition:", exact=True).select_option(label=coalition.name)
    page.get_by_role("button", name="Preview").click()

    page.get_by_role("heading", name="Questions to answer").wait_for()
    import_ = Import.objects.get()
    assert page.url == f"{live_server.url}/imports/{import_.pk}/"
    assert page.get_by_role("row").filter(has_text=AMBIGUOUS_ACTIVITY).get_by_text(FOOTNOTE).is_visible()
    question = page.get_by_label("PMU:", exact=True)
    options = question.locator("option").all_inner_texts()
    assert "IOM – International Organization for Migration" in options
    assert "UNDP – United Nations Development Programme" in options
    question.select_option(label="IOM – International Organization for Migration")
    page.get_by_role("button", name="Commit: create").click()

    page.get_by_role("link", name="Open the work plan created").click()
    work_plan = WorkPlan.objects.get()
    page.wait_for_url(f"{live_server.url}/workplans/{work_plan.pk}/")
    assert page.get_by_role("heading", name=TITLE).is_visible()
    row = page.get_by_role("row").filter(has_text=AMBIGUOUS_ACTIVITY)
    assert row.get_by_text(FOOTNOTE).is_visible()
    assert row.get_by_role("cell", name="IOM", exact=True).is_visible()
    activity = Activity.objects.get(title=AMBIGUOUS_ACTIVITY)
    assert [e.acronym for e in activity.lead_entities.all()] == ["IOM"]
    assert activity.footnotes == FOOTNOTE

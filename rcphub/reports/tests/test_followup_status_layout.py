"""The status-of-implementation files keep a plan of action's components as headings, leave out the
management response for kinds that have none, and lay out a long report on few pages (decision 0011)."""

import io
from datetime import date

import openpyxl
import pdfplumber
import pytest
from docx import Document

from rcphub.accounts.tests.factories import UserFactory
from rcphub.followup.models import ReviewGroup
from rcphub.followup.tests.factories import (
    CommitmentFactory,
    FollowUpReportFactory,
    KeyActionFactory,
    ReportingRoundFactory,
    ReviewFactory,
)
from rcphub.reference.models import Entity
from rcphub.reports import exports
from rcphub.reports.followup import status_of_implementation

pytestmark = pytest.mark.django_db

D = date(2026, 6, 30)

# Lengths as in a real management response: a recommendation of ~90 words, a response of ~70, comments of ~50.
RECOMMENDATION = (
    "Strengthen the coalition's support to UN Country Teams by agreeing, with the regional offices of the "
    "member entities, a joint offer of technical assistance on gender statistics, gender-responsive "
    "budgeting and the prevention of violence against women, with clear entry points for Resident "
    "Coordinators, a costed plan for the next two years and a light mechanism to track requests, "
    "responses and results, so that country teams know what they can ask for and the coalition can "
    "show what its support achieved."
)
RESPONSE = (
    "The coalition agrees. The co-chairs will propose a joint offer to the members at the next meeting, "
    "building on the mapping of expertise done in 2025. The costed plan depends on the resources the "
    "members can commit; the secretariat will report on the requests received and answered twice a year "
    "through the coalition's progress report to the Regional UN System Meeting."
)
COMMENT = (
    "The joint offer was discussed with the co-chairs and shared with four Resident Coordinator offices "
    "for comment; two country teams have already asked for support on gender statistics, and the "
    "secretariat is compiling the answers before the next meeting."
)


def _long_review(*, kind="evaluation", groups=0, commitments=7):
    """A review with `commitments` long recommendations, each with three key actions and two rounds of
    reports; with `groups`, the commitments spread over that many components."""
    review = ReviewFactory(
        kind=kind, organisation=Entity.objects.get(acronym="UNICEF"), issued_on=date(2025, 1, 15)
    )
    components = [
        ReviewGroup.objects.create(
            review=review, code=f"Component {n}", title=f"Data and evidence, part {n}", order=n
        )
        for n in range(1, groups + 1)
    ]
    rounds = [
        ReportingRoundFactory(review=review, as_at=date(2025, 12, 31), title="Progress report 2025"),
        ReportingRoundFactory(review=review, as_at=D, title="Progress report mid-2026"),
    ]
    author = UserFactory(email="reporter@example.org")
    for n in range(1, commitments + 1):
        commitment = CommitmentFactory(
            review=review,
            number=str(n),
            order=n,
            group=components[(n - 1) * groups // commitments] if groups else None,
            text=RECOMMENDATION,
            response="" if kind == "plan_of_action" else "accepted",
            response_text="" if kind == "plan_of_action" else RESPONSE,
            responsible_text="IBC co-chairs (UN Women, UNFPA); secretariat",
            due_text="By end 2026",
            due_on=date(2026, 12, 31),
        )
        for k in range(1, 4):
            key_action = KeyActionFactory(
                commitment=commitment,
                order=k,
                text=f"Key step {k}: agree the terms with the members and report on it to the co-chairs.",
                due_text="Q4 2026",
            )
            FollowUpReportFactory(
                key_action=key_action, round=rounds[1], as_at=D, author=author, comment=COMMENT[:120]
            )
        FollowUpReportFactory(
            commitment=commitment,
            round=rounds[0],
            as_at=rounds[0].as_at,
            status="starting",
            author=author,
            comment=COMMENT,
        )
        FollowUpReportFactory(
            commitment=commitment, round=rounds[1], as_at=D, status="ongoing", author=author, comment=COMMENT
        )
    return review


def _pages(content):
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def test_seven_recommendation_report_fits_on_few_pages(follow_up_officer):
    review = _long_review()
    pages = _pages(
        exports.status_pdf(status_of_implementation(review=review, user=follow_up_officer, as_at=D))
    )
    # 8 pages before the columns were sized to their content (16 for the real report of issue 11).
    assert len(pages) <= 4


def _is_heading_only(text, headings):
    """Return True if the page holds nothing but headings, the table's header and the page number."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    body = [
        line
        for line in lines
        if line not in headings
        and not line.startswith(("No. ", "at 30 June", "2026", "ity"))  # the repeated header row
        and not (line.replace(" ", "").replace("/", "").isdigit())  # "2 / 5"
    ]
    return bool(lines) and not body


@pytest.mark.parametrize("commitments", [5, 7, 9, 12])
def test_no_page_holds_only_a_heading(follow_up_officer, commitments):
    review = _long_review(kind="plan_of_action", groups=3, commitments=commitments)
    report = status_of_implementation(review=review, user=follow_up_officer, as_at=D)
    headings = {section.heading for section in report.sections}
    pages = _pages(exports.status_pdf(report))
    for number, text in enumerate(pages, start=1):
        assert not _is_heading_only(text, headings), (number, text)
        last = [line.strip() for line in text.splitlines() if line.strip()][
            -2:
        ]  # the last line, the page number
        assert not any(line in headings for line in last[:1]), (
            number,
            last,
        )  # never a heading at a page's foot


def test_headings_repeat_the_table_header_on_each_page(follow_up_officer):
    review = _long_review(commitments=7)
    pages = _pages(
        exports.status_pdf(status_of_implementation(review=review, user=follow_up_officer, as_at=D))
    )
    assert len(pages) > 1
    assert all("Recommendation / action" in page for page in pages[1:])


def test_plan_of_action_keeps_components_as_headings_and_has_no_response_in_any_format(
    client, platform_secretariat
):
    review = _long_review(kind="plan_of_action", groups=2, commitments=4)
    client.force_login(platform_secretariat)
    base = f"/reports/followup/{review.pk}"
    query = f"?as_at={D.isoformat()}"
    headings = ["Component 1: Data and evidence, part 1", "Component 2: Data and evidence, part 2"]

    page = client.get(f"{base}/{query}").content.decode()
    assert all(heading in page for heading in headings)
    assert "Management response" not in page and "by-response" not in page

    pdf_text = "\n".join(_pages(client.get(f"{base}/status.pdf{query}").content))
    assert all(heading in pdf_text for heading in headings)
    assert "Management response" not in pdf_text

    document = Document(io.BytesIO(client.get(f"{base}/status.docx{query}").content))
    _status_counts, main = document.tables  # no table of counts by response
    assert [cell.text for cell in main.rows[0].cells][:3] == [
        "No.",
        "Recommendation / action",
        "Responsibility",
    ]
    merged = [row.cells[0].text for row in main.rows if len({cell._tc for cell in row.cells}) == 1]
    assert merged == headings
    assert "Management response" not in " ".join(p.text for p in document.paragraphs)

    workbook = openpyxl.load_workbook(io.BytesIO(client.get(f"{base}/status.xlsx{query}").content))
    rows = list(workbook["Status"].iter_rows(values_only=True))
    assert "Management response" not in rows[0]
    assert [row[0] for row in rows if row[-1] == "Group"] == headings
    assert rows[1][0] == headings[0] and rows[2][0] == "1"
    counts = [row[0] for row in workbook["Counts"].iter_rows(values_only=True)]
    assert "Management response" not in counts


def test_evaluation_keeps_its_response_column_and_counts(follow_up_officer):
    review = _long_review(commitments=2)
    report = status_of_implementation(review=review, user=follow_up_officer, as_at=D)
    assert exports.table_header(report)[2] == "Management response"
    assert [c.key for c in report.counts_by_response] == [
        "accepted",
        "partially_accepted",
        "not_accepted",
        "not_applicable",
    ]


def test_columns_are_sized_to_their_content(follow_up_officer):
    report = status_of_implementation(review=_long_review(commitments=3), user=follow_up_officer, as_at=D)
    shares = dict(zip(exports.table_header(report), exports.column_shares(report), strict=True))
    assert abs(sum(shares.values()) - 100) < 0.5
    assert shares["No."] < shares["Due"] < shares["Recommendation / action"]
    assert shares["Recommendation / action"] > 20 and shares["No."] < 6


def test_a_comment_with_no_status_reads_no_status_given_in_the_files(follow_up_officer, client):
    review = _long_review(commitments=1)
    commitment = review.commitments.get()
    FollowUpReportFactory(
        commitment=commitment,
        as_at=date(2026, 7, 15),
        status="",
        comment="Not reported on: the office moved.",
        author=follow_up_officer,
    )
    FollowUpReportFactory(
        commitment=review.commitments.get(),
        as_at=date(2026, 7, 1),
        status="ongoing",
        status_text="Completed/ongoing",
        author=follow_up_officer,
    )
    report = status_of_implementation(review=review, user=follow_up_officer, as_at=date(2026, 7, 31))
    (line,) = report.lines
    assert (line.status, line.status_text, line.comments) == (
        "ongoing",
        "Completed/ongoing",
        "Not reported on: the office moved.",
    )
    cells = exports.table_rows(report)[0]
    assert cells[5] == "Ongoing\n“Completed/ongoing”"
    silent = CommitmentFactory(review=review, number="2", order=2, text="Publish the roster.")
    FollowUpReportFactory(
        commitment=silent, as_at=date(2026, 7, 15), status="", comment="No news.", author=follow_up_officer
    )
    report = status_of_implementation(review=review, user=follow_up_officer, as_at=date(2026, 7, 31))
    assert report.lines[1].status_label == "No status given"
    assert exports.table_rows(report)[-1][5] == "No status given"

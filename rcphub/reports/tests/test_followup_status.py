"""The status of implementation as at D: one data function, four formats, the same figures."""

import io
import xml.etree.ElementTree as ET
from datetime import date

import openpyxl
import pdfplumber
import pytest
from django.utils.text import slugify
from docx import Document
from lxml import html as lxml_html  # type: ignore[import-untyped]

from rcphub.followup.tests.factories import (
    CommitmentFactory,
    FollowUpReportFactory,
    KeyActionFactory,
    ReportingRoundFactory,
    build_review,
)
from rcphub.reference.models import Entity
from rcphub.reports.followup import status_of_implementation

pytestmark = pytest.mark.django_db

D = date(2026, 6, 30)
FORMATS = ["pdf", "docx", "xlsx"]


def _page_url(review, as_at=D):
    return f"/reports/followup/{review.pk}/?as_at={as_at.isoformat()}"


def _file_url(review, fmt, as_at=D):
    return f"/reports/followup/{review.pk}/status.{fmt}?as_at={as_at.isoformat()}"


@pytest.fixture
def reported(review, follow_up_officer):
    """The `review` fixture with three rounds (the third after D) and reports in and out of rounds.

    As at D: 1 ongoing (completed only after D), 2 ongoing (reported on D itself), 3 no longer
    applicable; the key action of 1 completed.
    """
    first, second, third = (review.commitments.get(number=n) for n in ("1", "2", "3"))
    key_action = first.key_actions.get()
    r1 = ReportingRoundFactory(review=review, as_at=date(2025, 12, 31), title="Progress report 2025")
    r2 = ReportingRoundFactory(review=review, as_at=date(2026, 3, 31), title="Progress report Q1 2026")
    r3 = ReportingRoundFactory(review=review, as_at=date(2026, 9, 30), title="Progress report Q3 2026")

    def report(round_, as_at=None, **fields):
        FollowUpReportFactory(round=round_, as_at=as_at or round_.as_at, author=follow_up_officer, **fields)

    report(r1, commitment=first, status="starting", comment="Terms of reference drafted")
    report(r2, commitment=first, status="ongoing", comment="Survey sent to 12 secretariats")
    report(r3, commitment=first, status="completed", comment="Map published")
    report(r2, key_action=key_action, status="completed", comment="Survey closed")
    report(r1, commitment=second, status="starting", comment="Outline agreed")
    report(None, as_at=D, commitment=second, status="ongoing", comment="Draft with the editors")
    report(r1, commitment=third, status="no_longer_applicable", comment="Not accepted by management")
    return review


def _expected(review, user, as_at=D):
    report = status_of_implementation(review=review, user=user, as_at=as_at)
    return (
        report,
        {c.label: c.count for c in report.counts_by_status},
        {c.label: c.count for c in report.counts_by_response},
        {line.number: line.status_label for line in report.lines},
    )


# ---------------------------------------------------------------------------------------------
# The data function


def test_status_as_at_uses_reports_on_or_before_the_date_only(reported, follow_up_officer):
    report = status_of_implementation(review=reported, user=follow_up_officer, as_at=D)
    lines = {line.number: line for line in report.lines}
    assert {n: line.status for n, line in lines.items()} == {
        "1": "ongoing",  # completed only in the round after D
        "2": "ongoing",  # reported on D itself
        "3": "no_longer_applicable",
    }
    assert lines["1"].comments == "Survey sent to 12 secretariats"
    assert lines["1"].overdue is True  # due 2026-03-31, not completed
    assert [(ka.text, ka.status) for ka in lines["1"].key_actions] == [
        ("Survey the coalitions' secretariats.", "completed")
    ]
    counts = {c.key: c.count for c in report.counts_by_status}
    assert counts == {
        "not_started": 0,
        "starting": 0,
        "ongoing": 2,
        "completed": 0,
        "no_longer_applicable": 1,
    }  # "no report yet" left out when nobody is without a report

    day_before = status_of_implementation(review=reported, user=follow_up_officer, as_at=date(2026, 6, 29))
    assert {line.number: line.status for line in day_before.lines}["2"] == "starting"
    before_any = status_of_implementation(review=reported, user=follow_up_officer, as_at=date(2025, 12, 30))
    assert [line.status for line in before_any.lines] == [None, None, None]
    assert {c.key: c.count for c in before_any.counts_by_status}["none"] == 3


def test_counts_by_response_cover_every_commitment(reported, follow_up_officer):
    report = status_of_implementation(review=reported, user=follow_up_officer, as_at=D)
    assert {c.key: c.count for c in report.counts_by_response} == {
        "accepted": 1,
        "partially_accepted": 1,
        "not_accepted": 1,
        "not_applicable": 0,
    }
    assert [line.responsibility for line in report.lines] == ["UNDP — UNDP IRH", "UNICEF — UNICEF ECARO", ""]


def test_chart_counts_only_rounds_on_or_before_the_date(reported, follow_up_officer):
    report = status_of_implementation(review=reported, user=follow_up_officer, as_at=D)
    assert [r.label for r in report.rounds] == ["2025-12-31", "2026-03-31"]
    assert [{c.key: c.count for c in r.counts if c.count} for r in report.rounds] == [
        {"starting": 2, "no_longer_applicable": 1},
        {"starting": 1, "ongoing": 1, "no_longer_applicable": 1},
    ]
    later = status_of_implementation(review=reported, user=follow_up_officer, as_at=date(2026, 10, 1))
    assert len(later.rounds) == 3


def _bars(svg):
    """Return {round label: {status label: count}} from the bars of a Vega SVG chart."""
    bars: dict = {}
    for element in ET.fromstring(svg).iter():
        if element.get("aria-roledescription") != "bar":
            continue
        fields = dict(part.split(": ", 1) for part in element.get("aria-label").split("; "))
        bars.setdefault(fields["As at"], {})[fields["Status"]] = int(fields["Commitments"])
    return bars


def test_chart_svg_has_one_bar_group_per_round(reported, follow_up_officer):
    report = status_of_implementation(review=reported, user=follow_up_officer, as_at=D)
    bars = _bars(report.chart_svg)
    assert list(bars) == ["2025-12-31", "2026-03-31"]
    assert bars["2026-03-31"] == {"Starting": 1, "Ongoing": 1, "No longer applicable": 1}
    assert all(sum(counts.values()) == 3 for counts in bars.values())


def test_review_without_rounds_has_no_chart(review, follow_up_officer, client):
    report = status_of_implementation(review=review, user=follow_up_officer, as_at=D)
    assert report.rounds == [] and report.chart_svg == "" and report.chart_png() is None
    response = client.get(_page_url(review))
    assert response.status_code == 200
    assert "<svg" not in response.content.decode()


# ---------------------------------------------------------------------------------------------
# Every format, the same figures


def _html_figures(content):
    tree = lxml_html.fromstring(content)

    def counts(cls):
        rows = tree.xpath(f'//table[contains(@class, "{cls}")]/tbody/tr')
        return {
            row.xpath("./th")[0].text_content().strip(): int(row.xpath("./td")[0].text_content())
            for row in rows
        }

    statuses = {
        row.get("data-number"): row.xpath('./td[@class="status"]/span[1]')[0].text_content().strip()
        for row in tree.xpath('//tr[@class="commitment"]')
    }
    return counts("by-status"), counts("by-response"), statuses


def _pdf_figures(content):
    by_status, by_response, statuses = {}, {}, {}
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                heading = table[0][0] if table and table[0] else None
                if heading == "Status":
                    by_status.update({label: int(n) for label, n in table[1:]})
                elif heading == "Management response":
                    by_response.update({label: int(n) for label, n in table[1:]})
                elif heading == "No.":
                    for row in table[1:]:
                        if row[0]:
                            statuses[row[0]] = " ".join(row[5].split())
    return by_status, by_response, statuses


def _docx_figures(content):
    tables = Document(io.BytesIO(content)).tables
    status_table, response_table, main = tables

    def counts(table):
        return {row.cells[0].text: int(row.cells[1].text) for row in table.rows[1:]}

    statuses = {row.cells[0].text: row.cells[5].text for row in main.rows[1:] if row.cells[0].text}
    return counts(status_table), counts(response_table), statuses


def _xlsx_figures(content):
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    assert workbook.sheetnames == ["Status", "Counts", "About"]
    by_status, by_response, target = {}, {}, None
    for label, n, *_rest in workbook["Counts"].iter_rows(values_only=True):
        if label == "Status":
            target = by_status
        elif label == "Management response":
            target = by_response
        elif label == "Reporting round":
            target = None
        elif label and target is not None:
            target[label] = n
    rows = list(workbook["Status"].iter_rows(values_only=True))
    statuses = {row[0]: row[5] for row in rows[1:] if row[-1] == "Commitment"}
    return by_status, by_response, statuses


def test_html_pdf_docx_and_xlsx_show_the_same_figures(reported, follow_up_officer, client):
    _report, by_status, by_response, statuses = _expected(reported, follow_up_officer)
    overdue = {"1"}  # due 2026-03-31, still ongoing as at D
    client.force_login(follow_up_officer)

    page = client.get(_page_url(reported))
    assert page.status_code == 200
    assert _html_figures(page.content) == (by_status, by_response, statuses)

    files = {fmt: client.get(_file_url(reported, fmt)) for fmt in FORMATS}
    assert {fmt: r.status_code for fmt, r in files.items()} == dict.fromkeys(FORMATS, 200)
    assert files["pdf"]["Content-Disposition"] == _filename(reported, "pdf")

    for fmt, read in (("pdf", _pdf_figures), ("docx", _docx_figures), ("xlsx", _xlsx_figures)):
        got_status, got_response, got_rows = read(files[fmt].content)
        assert got_status == by_status, fmt
        assert got_response == by_response, fmt
        assert set(got_rows) == set(statuses), fmt
        for number, cell in got_rows.items():
            assert cell.startswith(statuses[number]), (fmt, number, cell)
            assert ("overdue" in cell) is (number in overdue), (fmt, number, cell)


def test_files_carry_the_as_at_date_and_the_chart(reported, follow_up_officer, client):
    client.force_login(follow_up_officer)
    docx = client.get(_file_url(reported, "docx"))
    document = Document(io.BytesIO(docx.content))
    texts = [p.text for p in document.paragraphs]
    assert reported.title in texts and "Status of implementation as at 30 June 2026" in texts
    assert len(document.inline_shapes) == 1  # the chart, as PNG
    assert document.tables[2].rows[0].cells[5].text == "Status as at 30 June 2026"
    key_action = document.tables[2].rows[2].cells
    assert key_action[1].text.startswith("Key action:") and key_action[5].text == "Completed"

    xlsx = openpyxl.load_workbook(io.BytesIO(client.get(_file_url(reported, "xlsx")).content))
    about = dict(xlsx["About"].iter_rows(values_only=True))
    assert about["Status as at"].date() == D and about["Commitments"] == 3


def _filename(review, fmt):
    return f'attachment; filename="unicef-{slugify(review.title)}-status-as-at-2026-06-30.{fmt}"'


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])  # the PDF's name: in the same-figures test
def test_file_name_states_organisation_review_and_date(reported, follow_up_officer, client, fmt):
    client.force_login(follow_up_officer)
    response = client.get(_file_url(reported, fmt))
    assert response["Content-Disposition"] == _filename(reported, fmt)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.")


def test_page_links_to_every_format_at_the_same_date(reported, follow_up_officer, client):
    client.force_login(follow_up_officer)
    content = client.get(_page_url(reported)).content.decode()
    for fmt in FORMATS:
        assert f"/reports/followup/{reported.pk}/status.{fmt}?as_at=2026-06-30" in content
    assert 'name="as_at" value="2026-06-30"' in content
    assert content.count('aria-roledescription="bar"') == 5  # 2 + 3 stacked bars in two rounds


# ---------------------------------------------------------------------------------------------
# Visibility and bad input


@pytest.fixture
def internal_review(db):
    return build_review(visibility="internal")


@pytest.mark.parametrize("fmt", [None, *FORMATS])
def test_hidden_review_answers_404_in_every_format(internal_review, client, outsider, fmt):
    urls = [_page_url(internal_review)] if fmt is None else [_file_url(internal_review, fmt)]
    missing = _page_url(internal_review).replace(str(internal_review.pk), str(internal_review.pk + 1000))
    urls.append(missing if fmt is None else missing.replace("/?", f"/status.{fmt}?"))
    for user in (None, outsider):
        if user is not None:
            client.force_login(user)
        for url in (*urls, *(u.replace("2026-06-30", "not-a-date") for u in urls)):
            assert client.get(url).status_code == 404, (user, url)


def test_internal_review_shows_to_its_organisation(internal_review, follow_up_officer, focal_point, client):
    for user in (follow_up_officer, focal_point):  # UNICEF follows up; UNDP is responsible for 1
        client.force_login(user)
        assert client.get(_page_url(internal_review)).status_code == 200


@pytest.mark.parametrize("fmt", [None, *FORMATS])
def test_malformed_as_at_answers_400_naming_the_field(review, client, fmt):
    url = _page_url(review) if fmt is None else _file_url(review, fmt)
    response = client.get(url.replace("2026-06-30", "2026-13-45"))
    assert response.status_code == 400
    content = response.content.decode()
    assert "<code>as_at</code>" in content and "2026-13-45" in content


def test_unknown_format_answers_404(review, client):
    assert client.get(_file_url(review, "csv")).status_code == 404


# ---------------------------------------------------------------------------------------------
# Queries


def _grow(review, n, author):
    """Add n commitments, each with a key action and a report, and UNDP responsible."""
    undp = Entity.objects.get(acronym="UNDP")
    for _index in range(n):
        commitment = CommitmentFactory(review=review, response="partially_accepted", due_on=date(2026, 1, 31))
        commitment.responsible_entities.set([undp])
        key_action = KeyActionFactory(commitment=commitment)
        FollowUpReportFactory(commitment=commitment, as_at=date(2026, 3, 31), author=author)
        FollowUpReportFactory(key_action=key_action, as_at=date(2026, 3, 31), author=author)


def test_page_is_constant_query_as_commitments_grow(
    reported, follow_up_officer, client, django_assert_max_num_queries
):
    client.force_login(follow_up_officer)
    n = 5
    _grow(reported, n, follow_up_officer)
    with django_assert_max_num_queries(40) as measured:
        assert client.get(_page_url(reported)).status_code == 200
    _grow(reported, 2 * n, follow_up_officer)
    with django_assert_max_num_queries(len(measured)):
        response = client.get(_page_url(reported))
    assert response.status_code == 200
    assert response.content.decode().count('class="commitment"') == 3 + 3 * n

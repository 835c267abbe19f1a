"""The status of implementation as PDF, DOCX and XLSX, each from `status_of_implementation`."""

from __future__ import annotations

import io
from datetime import date, datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from rcphub.core.documents import docx_bytes, docx_table, pdf_from_template
from rcphub.reports.followup import Count, StatusLine, StatusOfImplementation

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def table_header(report: StatusOfImplementation) -> list[str]:
    """Return the column headings of the main table, the same in every format; no management
    response column for kinds that have none (plans of action, meeting decisions)."""
    as_at = report.as_at_label
    response = [_("Management response")] if report.has_response else []
    return [
        _("No."),
        _("Recommendation / action"),
        *response,
        _("Responsibility"),
        _("Due"),
        _("Status as at %(date)s") % {"date": as_at},
        _("Comments as at %(date)s") % {"date": as_at},
    ]


# Bounds of a column's share of the width (per cent): the number and the due date stay narrow, no
# text column takes more than half.
MIN_SHARE, MAX_SHARE = 4.0, 45.0
# Cells longer than this count as this long: one very long cell should not take the table's width.
LONG_CELL = 600


def column_shares(report: StatusOfImplementation) -> list[float]:
    """Return each column's share of the table's width, in per cent, sized to its content.

    A column's weight is the square root of its mean cell length (the header counts as a cell), so
    long texts get room without starving the short columns; shares are then kept within bounds.
    """
    header = table_header(report)
    rows = table_rows(report)
    weights = []
    for index, heading in enumerate(header):
        lengths = [min(len(row[index]), LONG_CELL) for row in rows] or [0]
        longest_word = max((len(word) for row in rows for word in row[index].split()), default=0)
        mean = sum(lengths) / len(lengths)
        weights.append(max(mean, len(heading) / 2, longest_word * 1.2) ** 0.5)
    total = sum(weights)
    shares = [min(MAX_SHARE, max(MIN_SHARE, 100 * weight / total)) for weight in weights]
    scale = 100 / sum(shares)
    return [round(share * scale, 1) for share in shares]


def _response_cell(line: StatusLine) -> str:
    if line.is_key_action:
        return ""
    return "\n".join(p for p in (line.response_label, line.response_text) if p)


def _status_cell(line: StatusLine) -> str:
    status = line.status_label
    if line.overdue:
        status = _("%(status)s (overdue)") % {"status": status}
    if line.status_text and line.status_text != line.status_label:
        status = f"{status}\n“{line.status_text}”"
    return status


def _text_cell(line: StatusLine) -> str:
    return _("Key action: %(text)s") % {"text": line.text} if line.is_key_action else line.text


def line_cells(item: StatusLine, *, with_response: bool = True) -> list[str]:
    """Return the cells of one line of the main table."""
    response = [_response_cell(item)] if with_response else []
    return [
        item.number,
        _text_cell(item),
        *response,
        item.responsibility,
        item.due,
        _status_cell(item),
        item.comments,
    ]


def table_rows(report: StatusOfImplementation) -> list[list[str]]:
    """Return the main table as text cells: each commitment, then its key actions (no group headings)."""
    return [
        line_cells(item, with_response=report.has_response)
        for line in report.lines
        for item in (line, *line.key_actions)
    ]


def table_sections(report: StatusOfImplementation) -> list[tuple[str, list[tuple[StatusLine, list[str]]]]]:
    """Return the main table by group: each group's heading ("" for none) and its lines with their cells."""
    return [
        (
            section.heading,
            [
                (item, line_cells(item, with_response=report.has_response))
                for line in section.lines
                for item in (line, *line.key_actions)
            ],
        )
        for section in report.sections
    ]


def _count_rows(counts: list[Count]) -> list[list[str]]:
    return [[count.label, str(count.count)] for count in counts]


# ---------------------------------------------------------------------------------------------
# PDF


def status_pdf(report: StatusOfImplementation) -> bytes:
    """Return the status of implementation as a PDF, from the print template."""
    return pdf_from_template(
        "reports/followup_status_print.html",
        {
            "report": report,
            "header": table_header(report),
            "shares": column_shares(report),
            "generated_at": timezone.localtime(),
        },
    )


# ---------------------------------------------------------------------------------------------
# DOCX


def status_docx(report: StatusOfImplementation) -> bytes:
    """Return the status of implementation as a Word document: title, counts, chart, the table."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    document: Any = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    document.styles["Normal"].font.size = Pt(9)

    document.add_heading(report.review.title, level=1)
    document.add_paragraph(report.title)
    document.add_paragraph(
        _("%(organisation)s · %(kind)s issued on %(issued)s")
        % {
            "organisation": report.organisation_label,
            "kind": report.review.get_kind_display(),
            "issued": report.review.issued_label,
        }
    )

    document.add_heading(_("Commitments by status"), level=2)
    docx_table(document, header=[_("Status"), _("Commitments")], rows=_count_rows(report.counts_by_status))
    if report.has_response:
        document.add_heading(_("Commitments by management response"), level=2)
        docx_table(
            document,
            header=[_("Management response"), _("Commitments")],
            rows=_count_rows(report.counts_by_response),
        )

    png = report.chart_png()
    if png is not None:
        document.add_heading(_("Status across reporting rounds"), level=2)
        document.add_picture(io.BytesIO(png), width=Cm(min(24, 6 + 3 * len(report.rounds))))

    document.add_heading(report.title, level=2)
    _docx_main_table(document, report, width=section.page_width - section.left_margin - section.right_margin)
    return docx_bytes(document)


def _docx_main_table(document: Any, report: StatusOfImplementation, *, width: int) -> None:
    """Add the main table: a group's heading as a merged, bold row above its lines; columns sized to
    their content; the header row repeated on each page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    sections = table_sections(report)
    rows: list[list[str]] = []
    headings: list[int] = []
    for heading, lines in sections:
        if heading:
            headings.append(len(rows) + 1)  # +1: the header row
            rows.append([heading] + [""] * (len(table_header(report)) - 1))
        rows.extend(cells for _item, cells in lines)
    table = docx_table(document, header=table_header(report), rows=rows)
    table.autofit = False
    shares = column_shares(report)
    for row in table.rows:
        for cell, share in zip(row.cells, shares, strict=True):
            cell.width = int(width * share / 100)
    for index in headings:
        row = table.rows[index]
        keep = OxmlElement("w:cantSplit")
        row._tr.get_or_add_trPr().append(keep)
        merged = row.cells[0].merge(row.cells[-1])
        merged.text = ""
        merged.paragraphs[0].add_run(rows[index - 1][0]).bold = True
        merged.paragraphs[0].paragraph_format.keep_with_next = True
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:fill"), "E8EDF3")
        merged._tc.get_or_add_tcPr().append(shading)


# ---------------------------------------------------------------------------------------------
# XLSX

XLSX_WIDTH = 240  # characters across the main table's columns


def _protect(sheet: Any) -> None:
    """Keep text that only looks like a formula as text, and wrap long cells."""
    from openpyxl.styles import Alignment

    for cells in sheet.iter_rows():
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
            elif isinstance(cell.value, datetime | date):
                cell.number_format = "yyyy-mm-dd"
            cell.alignment = Alignment(vertical="top", wrap_text=True)


def _bold_row(sheet: Any, row: int) -> None:
    from openpyxl.styles import Font

    for cell in sheet[row]:
        cell.font = Font(bold=True)


def status_xlsx(report: StatusOfImplementation, *, generated_at: datetime | None = None) -> bytes:
    """Return the status of implementation as an XLSX workbook: the table, the counts, "About"."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    generated_at = timezone.localtime(generated_at or timezone.now())
    workbook = Workbook()
    sheet: Any = workbook.active
    sheet.title = _("Status")[:31]
    header = [*table_header(report), _("Level")]
    sheet.append(header)
    heading_rows = []
    for heading, lines in table_sections(report):
        if heading:
            sheet.append([heading, *[""] * (len(header) - 2), _("Group")])
            heading_rows.append(sheet.max_row)
        for item, cells in lines:
            sheet.append([*cells, _("Key action") if item.is_key_action else _("Commitment")])
    _protect(sheet)
    _bold_row(sheet, 1)
    for row in heading_rows:
        _bold_row(sheet, row)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(header) - 1)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    # Columns sized to their content, as in the PDF and Word: XLSX_WIDTH characters in all.
    widths = [max(6, round(XLSX_WIDTH * share / 100)) for share in column_shares(report)]
    for index, width in enumerate([*widths, 14], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width

    counts: Any = workbook.create_sheet(_("Counts")[:31])
    counts.append([_("Status"), _("Commitments")])
    _bold_row(counts, 1)
    for count in report.counts_by_status:
        counts.append([count.label, count.count])
    if report.has_response:
        counts.append([])
        counts.append([_("Management response"), _("Commitments")])
        _bold_row(counts, counts.max_row)
        for count in report.counts_by_response:
            counts.append([count.label, count.count])
    if report.rounds:
        counts.append([])
        counts.append([_("Reporting round"), _("As at"), *[c.label for c in report.rounds[0].counts]])
        _bold_row(counts, counts.max_row)
        for round_ in report.rounds:
            counts.append([round_.title, round_.as_at, *[c.count for c in round_.counts]])
    _protect(counts)
    counts.column_dimensions["A"].width = 32
    counts.column_dimensions["B"].width = 14

    about: Any = workbook.create_sheet(_("About")[:31])
    review = report.review
    facts: list[tuple[str, Any]] = [
        (_("Report"), report.title),
        (_("Review"), review.title),
        (_("Kind"), review.get_kind_display()),
        (_("Organisation"), report.organisation_label),
        (_("Issued on"), review.issued_label),
        (_("Status as at"), report.as_at),
        (_("Commitments"), report.commitment_count),
        (_("Generated at"), generated_at.replace(tzinfo=None)),
        (
            _("Rule"),
            _(
                "Each status is the latest report dated on or before the as-at date; "
                "reports after that date are left out."
            ),
        ),
    ]
    for label, value in facts:
        about.append([label, value])
    _protect(about)
    _bold_row(about, 1)
    about.column_dimensions["A"].width = 18
    about.column_dimensions["B"].width = 80

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

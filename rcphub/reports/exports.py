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
    """Return the column headings of the main table, the same in every format."""
    as_at = report.as_at_label
    return [
        _("No."),
        _("Recommendation / action"),
        _("Management response"),
        _("Responsibility"),
        _("Due"),
        _("Status as at %(date)s") % {"date": as_at},
        _("Comments as at %(date)s") % {"date": as_at},
    ]


def _response_cell(line: StatusLine) -> str:
    if line.is_key_action:
        return ""
    return "\n".join(p for p in (line.response_label, line.response_text) if p)


def _status_cell(line: StatusLine) -> str:
    if line.overdue:
        return _("%(status)s (overdue)") % {"status": line.status_label}
    return line.status_label


def _text_cell(line: StatusLine) -> str:
    return _("Key action: %(text)s") % {"text": line.text} if line.is_key_action else line.text


def line_cells(item: StatusLine) -> list[str]:
    """Return the cells of one line of the main table."""
    return [
        item.number,
        _text_cell(item),
        _response_cell(item),
        item.responsibility,
        item.due,
        _status_cell(item),
        item.comments,
    ]


def table_rows(report: StatusOfImplementation) -> list[list[str]]:
    """Return the main table as text cells: each commitment, then its key actions."""
    return [line_cells(item) for line in report.lines for item in (line, *line.key_actions)]


def _count_rows(counts: list[Count]) -> list[list[str]]:
    return [[count.label, str(count.count)] for count in counts]


# ---------------------------------------------------------------------------------------------
# PDF


def status_pdf(report: StatusOfImplementation) -> bytes:
    """Return the status of implementation as a PDF, from the print template."""
    return pdf_from_template(
        "reports/followup_status_print.html",
        {"report": report, "header": table_header(report), "generated_at": timezone.localtime()},
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
            "issued": report.review.issued_on.isoformat(),
        }
    )

    document.add_heading(_("Commitments by status"), level=2)
    docx_table(document, header=[_("Status"), _("Commitments")], rows=_count_rows(report.counts_by_status))
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
    docx_table(document, header=table_header(report), rows=table_rows(report))
    return docx_bytes(document)


# ---------------------------------------------------------------------------------------------
# XLSX

XLSX_WIDTHS = [8, 60, 30, 28, 16, 22, 60]


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
    sheet.append([*table_header(report), _("Level")])
    for line in report.lines:
        for item in (line, *line.key_actions):
            sheet.append([*line_cells(item), _("Key action") if item.is_key_action else _("Commitment")])
    _protect(sheet)
    _bold_row(sheet, 1)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for index, width in enumerate([*XLSX_WIDTHS, 14], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width

    counts: Any = workbook.create_sheet(_("Counts")[:31])
    counts.append([_("Status"), _("Commitments")])
    _bold_row(counts, 1)
    for count in report.counts_by_status:
        counts.append([count.label, count.count])
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
        (_("Issued on"), review.issued_on),
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

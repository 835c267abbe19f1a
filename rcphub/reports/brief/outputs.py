"""The brief's files: PDF (WeasyPrint, A4), Word (python-docx, charts as images) and its figures as
XLSX, CSV and JSON — each from the one `BriefPage` the web page shows, so every format says the same.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.translation import gettext as _

from rcphub.core.documents import docx_bytes, docx_table, pdf_from_template
from rcphub.reports.brief.changes import Change
from rcphub.reports.briefs import BriefPage

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
}
FIGURE_FORMATS = ("xlsx", "csv", "json")


@dataclass(frozen=True)
class Heading:
    """What heads every file of a brief: its title, what it covers, and whether it is internal."""

    title: str
    subtitle: str
    as_at: date
    internal: bool
    edition: str = ""

    @property
    def internal_notice(self) -> str:
        return (
            _(
                "Internal: this brief may count records that are not public. Do not share it outside the platform."
            )
            if self.internal
            else ""
        )


def filename(slug: str, as_at: date, fmt: str, *, edition: int | None = None, language: str = "") -> str:
    """The file's name: the brief, the edition or the date, the language."""
    parts = [slug, f"edition-{edition}" if edition else as_at.isoformat()]
    if language:
        parts.append(language)
    stem = "brief" if fmt in ("pdf", "docx") else "figures"
    return f"{'-'.join(parts)}-{stem}.{fmt}"


def brief_pdf(
    page: BriefPage,
    heading: Heading,
    *,
    base_url: str | None = None,
    changes: list[Change] | None = None,
    previous: Any = None,
) -> bytes:
    """Return the brief as an A4 PDF: page numbers, table headers repeated, the internal notice on every page."""
    return pdf_from_template(
        "reports/brief_print.html",
        {
            "page": page,
            "heading": heading,
            "changes": changes or [],
            "previous": previous,
            "generated_at": timezone.localtime(),
        },
        base_url=base_url,
    )


def brief_docx(
    page: BriefPage, heading: Heading, *, base_url: str = "", changes: list[Change] | None = None
) -> bytes:
    """Return the brief as a Word file: headings, key figures, real tables and the charts as images."""
    from docx import Document
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2)
    if heading.internal:
        section.header.paragraphs[0].text = heading.internal_notice
    document.add_heading(heading.title, level=0)
    document.add_paragraph(heading.subtitle)
    if heading.internal:
        document.add_paragraph().add_run(heading.internal_notice).bold = True
    if changes:
        document.add_heading(_("What changed since the previous edition"), level=1)
        docx_table(
            document,
            header=[_("Figure"), _("Before"), _("Now")],
            rows=[[change.label, _cell(change.before), _cell(change.after)] for change in changes],
        )
    for part in page.sections:
        document.add_heading(part.heading, level=1)
        if part.narrative:
            for paragraph in _text_paragraphs(part.narrative):
                document.add_paragraph(paragraph)
        for block in part.blocks:
            if block.kind == "keys":
                for key in block.items:
                    line = document.add_paragraph()
                    line.add_run(f"{key.label}: ")
                    line.add_run(key.value).bold = True
                    if key.note:
                        line.add_run(f" ({key.note})")
            elif block.kind == "chart":
                document.add_picture(io.BytesIO(block.chart.png()), width=Cm(16))
                caption = document.add_paragraph(block.chart.description)
                caption.runs[0].font.size = Pt(8)
            elif block.kind == "table":
                document.add_paragraph().add_run(block.caption).bold = True
                docx_table(
                    document,
                    header=[block.heading, _("Number")],
                    rows=[[label, str(count)] for label, count, _link in block.rows],
                )
            elif block.kind == "grid":
                document.add_paragraph().add_run(block.caption).bold = True
                docx_table(document, header=block.header, rows=block.rows)
            elif block.kind == "items":
                if block.label:
                    document.add_heading(block.label, level=2)
                for item in block.items:
                    text = item.text + (f" ({item.note})" if item.note else "")
                    if item.link:
                        text += f" — {_absolute(item.link, base_url)}"
                    document.add_paragraph(text, style="List Bullet")
    for note in page.notes:
        document.add_paragraph(note).runs[0].font.size = Pt(8)
    return docx_bytes(document)


def _cell(value: Any) -> str:
    return "—" if value is None else str(value)


def _absolute(link: str, base_url: str) -> str:
    return link if "://" in link or not base_url else base_url.rstrip("/") + link


def _text_paragraphs(html: str) -> list[str]:
    """The narrative's paragraphs as plain text (Word gets the words, not the HTML)."""
    from lxml import html as lxml_html

    tree = lxml_html.fragment_fromstring(html, create_parent="div")
    paragraphs = [" ".join(element.text_content().split()) for element in tree]
    return [text for text in paragraphs if text] or [" ".join(tree.text_content().split())]


# ---------------------------------------------------------------------------------------------
# The figures as data: one row per figure, or per key of a figure counted by key


def figure_rows(figures: dict[str, Any]) -> list[tuple[str, str, Any]]:
    """Return the figures as rows (figure, key, value): a count by key gives one row per key, a list
    one row per item."""
    rows: list[tuple[str, str, Any]] = []
    for figure, value in figures.items():
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, dict):
                    rows.extend((figure, f"{key}.{field}", part) for field, part in item.items())
                else:
                    rows.append((figure, str(key), item))
        elif isinstance(value, list):
            for index, item in enumerate(value, start=1):
                if isinstance(item, dict):
                    rows.extend((figure, f"{index}.{field}", part) for field, part in item.items())
                else:
                    rows.append((figure, str(index), item))
        else:
            rows.append((figure, "", value))
    return rows


def figures_json(document: dict[str, Any]) -> bytes:
    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()


def figures_csv(figures: dict[str, Any]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["figure", "key", "value"])
    writer.writerows(("" if v is None else v for v in row) for row in figure_rows(figures))
    return buffer.getvalue().encode("utf-8-sig")


def figures_xlsx(figures: dict[str, Any], heading: Heading) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _("Figures")[:31]
    sheet.append([heading.title])
    sheet.append([heading.subtitle])
    if heading.internal:
        sheet.append([heading.internal_notice])
    sheet.append([])
    sheet.append([_("Figure"), _("Key"), _("Value")])
    header_row = sheet.max_row
    for figure, key, value in figure_rows(figures):
        sheet.append([figure, key, value])
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.column_dimensions["A"].width = 36
    sheet.column_dimensions["B"].width = 18
    sheet.column_dimensions["C"].width = 60
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

"""Read a Word file (.docx): headings, paragraphs and tables in body order, numbering labels, footnotes."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from typing import Any

import docx
from django.utils.translation import gettext as _
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from rcphub.importers.readers.errors import ReadError
from rcphub.importers.readers.model import (
    Block,
    Cell,
    Document,
    Footnote,
    Heading,
    Paragraph,
    ReadWarning,
    Row,
    Source,
    Table,
)
from rcphub.importers.readers.numbering import Numbering, val, w

MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Never read: properties, deleted and moved-away text, field codes, text boxes, alternative content.
SKIPPED = {
    w("pPr"),
    w("rPr"),
    w("del"),
    w("delText"),
    w("moveFrom"),
    w("instrText"),
    w("txbxContent"),
    w("footnoteRef"),
    MC_FALLBACK,
}
NOTE_TYPES_SKIPPED = {"separator", "continuationSeparator", "continuationNotice"}
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
SPACES = re.compile(r"[ \t\u00a0]+")


def _part(document: Any, reltype: str) -> Any:
    """Return the root element of the document part related by `reltype`, or None."""
    for rel in document.part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            part = rel.target_part
            element = getattr(part, "element", None)
            if element is not None:
                return element
            return etree.fromstring(part.blob, SAFE_PARSER)
    return None


def paragraph_text(paragraph: Any) -> tuple[str, list[str]]:
    """Return a paragraph's text (spaces collapsed, line breaks kept) and the footnote ids it refers to."""
    parts: list[str] = []
    refs: list[str] = []

    def visit(element: Any) -> None:
        for child in element:
            tag = child.tag
            if tag in SKIPPED or not isinstance(tag, str):
                continue
            if tag == w("t"):
                parts.append(child.text or "")
            elif tag in (w("tab"), w("ptab")):
                parts.append(" ")
            elif tag in (w("br"), w("cr")):
                parts.append("\n")
            elif tag == w("noBreakHyphen"):
                parts.append("-")
            elif tag == w("footnoteReference"):
                refs.append(str(child.get(w("id"))))
            else:
                visit(child)

    visit(paragraph)
    lines = [SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line), refs


def _children(element: Any) -> list[Any]:
    """Return an element's children, content controls (w:sdt) opened in place."""
    out: list[Any] = []
    for child in element:
        if child.tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                out.extend(_children(content))
        else:
            out.append(child)
    return out


def _on(element: Any, tag: str) -> bool:
    value = val(element, tag)
    return value is not None and value not in ("0", "false", "off")


class _WordReader:
    def __init__(self, document: Any, filename: str) -> None:
        self.filename = filename
        self.numbering = Numbering(_part(document, RT.NUMBERING), _part(document, RT.STYLES))
        self.body = document.element.body
        self.footnotes_xml = _part(document, RT.FOOTNOTES)
        self.blocks: list[Block] = []
        self.warnings: list[ReadWarning] = []
        self.ref_order: list[str] = []
        self.paragraph_no = 0
        self.table_no = 0

    def refs(self, refs: list[str]) -> list[str]:
        """Record the footnote references met, in reading order (Word numbers the notes so)."""
        for ref in refs:
            if ref not in self.ref_order:
                self.ref_order.append(ref)
        return refs

    def read(self) -> Document:
        for child in _children(self.body):
            if child.tag == w("p"):
                self.paragraph(child)
            elif child.tag == w("tbl"):
                self.table_no += 1
                self.blocks.append(self.table(child, Source(table=self.table_no)))
        footnotes = self.footnotes()
        for ref in self.ref_order:
            if ref not in footnotes:
                self.warnings.append(
                    ReadWarning(
                        Source(), _("footnote reference %(id)s has no note in the file.") % {"id": ref}
                    )
                )
        return Document(
            filename=self.filename,
            format="docx",
            blocks=self.blocks,
            footnotes=footnotes,
            warnings=self.warnings,
        )

    def paragraph(self, element: Any) -> None:
        label = self.numbering.label(element)
        text, refs = paragraph_text(element)
        if not text and not refs:
            return
        self.paragraph_no += 1
        where = Source(paragraph=self.paragraph_no)
        refs = self.refs(refs)
        level = self.numbering.heading_level(element)
        if level is not None:
            self.blocks.append(Heading(level=level, text=text, label=label, where=where, footnote_refs=refs))
        else:
            style = self.numbering.style_name(val(element.find(w("pPr")), "pStyle"))
            self.blocks.append(
                Paragraph(text=text, label=label, style=style, where=where, footnote_refs=refs)
            )

    def cell(self, element: Any, where: Source) -> Cell:
        paragraphs: list[str] = []
        labels: list[str] = []
        refs: list[str] = []

        def visit(container: Any) -> None:
            for child in _children(container):
                if child.tag == w("p"):
                    label = self.numbering.label(child)
                    text, found = paragraph_text(child)
                    refs.extend(self.refs(found))
                    if text:
                        paragraphs.append(text)
                        labels.append(label)
                elif child.tag == w("tbl"):  # a table in a cell: its text, row by row
                    for tr in _children(child):
                        for tc in _children(tr):
                            if tc.tag == w("tc"):
                                visit(tc)

        visit(element)
        return Cell(text="\n".join(paragraphs), paragraphs=paragraphs, labels=labels, footnote_refs=refs)

    def table(self, element: Any, where: Source) -> Table:
        grid = element.find(w("tblGrid"))
        width = len(grid.findall(w("gridCol"))) if grid is not None else 0
        layout: list[tuple[Any, list[tuple[int, Any, int, str | None]]]] = []
        for tr in (child for child in _children(element) if child.tag == w("tr")):
            trpr = tr.find(w("trPr"))
            column = int(val(trpr, "gridBefore") or 0)
            placed: list[tuple[int, Any, int, str | None]] = []
            for tc in (child for child in _children(tr) if child.tag == w("tc")):
                tcpr = tc.find(w("tcPr"))
                span = max(int(val(tcpr, "gridSpan") or 1), 1)
                vmerge = val(tcpr, "vMerge")
                if val(tcpr, "hMerge") not in (None, "restart") and placed:
                    # Legacy horizontal merge: this cell widens the one to its left.
                    start, first, first_span, first_vmerge = placed[-1]
                    placed[-1] = (start, first, first_span + span, first_vmerge)
                else:
                    placed.append((column, tc, span, vmerge))
                column += span
            width = max(width, column)
            layout.append((trpr, placed))

        above: dict[int, Cell] = {}
        rows: list[Row] = []
        for index, (trpr, placed) in enumerate(layout, start=1):
            row_where = where.with_(row=index)
            cells: list[Cell | None] = [None] * width
            for column, tc, span, vmerge in placed:
                if vmerge not in (None, "restart") and column in above:
                    cell = replace(above[column], covered=True, span=span)
                else:
                    cell = self.cell(tc, row_where)
                    cell.span = span
                    for covered in range(column, column + span):
                        above[covered] = cell
                cells[column] = cell
                for covered in range(column + 1, min(column + span, width)):
                    cells[covered] = replace(cell, covered=True, span=1, footnote_refs=[])
            for column in range(width):
                if cells[column] is None:
                    cells[column] = Cell(text="")
                    above.pop(column, None)
            full = [cell for cell in cells if cell is not None]
            heading_row = width > 1 and len(placed) == 1 and placed[0][2] >= width and not full[0].covered
            rows.append(
                Row(cells=full, where=row_where, is_header=_on(trpr, "tblHeader"), is_heading_row=heading_row)
            )

        title = ""
        if rows and not any(row.is_header for row in rows):
            first = 0
            if rows[0].is_heading_row and len(rows) > 1:
                title = rows[0].cells[0].text
                first = 1
            rows[first].is_header = True
        headers = [row.texts for row in rows if row.is_header]
        # A header typed again in the middle of a table is the header, not data.
        rows = [row for row in rows if row.is_header or row.texts not in headers]
        return Table(rows=rows, where=where, title=title)

    def footnotes(self) -> dict[str, Footnote]:
        notes: dict[str, Footnote] = {}
        if self.footnotes_xml is None:
            return notes
        for note in self.footnotes_xml.iter(w("footnote")):
            if note.get(w("type")) in NOTE_TYPES_SKIPPED:
                continue
            note_id = str(note.get(w("id")))
            texts = [paragraph_text(p)[0] for p in note.iter(w("p"))]
            number = self.ref_order.index(note_id) + 1 if note_id in self.ref_order else None
            notes[note_id] = Footnote(id=note_id, text="\n".join(t for t in texts if t), number=number)
        return notes


def read_docx(data: bytes, *, filename: str) -> Document:
    """Read a Word file's body: headings, paragraphs and tables in order, with numbering and footnotes."""
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError) as error:
        raise ReadError(
            _("the Word file is damaged and cannot be read (%(error)s).") % {"error": str(error)[:200]},
            filename=filename,
        ) from error
    return _WordReader(document, filename).read()

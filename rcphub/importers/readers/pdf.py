"""Read a text PDF with pdfplumber: tables per page (one table continued over pages joined), lines of text."""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import replace
from typing import Any

import pdfplumber
from django.utils.translation import gettext as _
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException

from rcphub.importers.readers.errors import ReadError
from rcphub.importers.readers.model import (
    Block,
    Cell,
    Document,
    Heading,
    Paragraph,
    ReadWarning,
    Row,
    Source,
    Table,
)

# A line that only numbers the page ("3", "Page 3 of 9", "3 / 9") is left out.
PAGE_NUMBER = re.compile(r"^\s*(page\s*)?\d+(\s*(of|/)\s*\d+)?\s*$", re.IGNORECASE)
# A line set this much larger than the body text is a heading.
HEADING_RATIO = 1.15


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _cells(table: Any, texts: list[list[str | None]]) -> list[list[Cell]]:
    """Return a table's rows of cells, the positions a merged cell covers holding its text."""
    grid: list[list[Cell]] = []
    boxes = [row.cells for row in table.rows]
    for r, row in enumerate(texts):
        cells: list[Cell] = []
        for c, text in enumerate(row):
            if text is not None:
                lines = [line.strip() for line in text.split("\n") if line.strip()]
                cells.append(Cell(text="\n".join(lines), paragraphs=lines, labels=[""] * len(lines)))
                continue
            above = grid[r - 1][c] if r and c < len(grid[r - 1]) else None
            upper_box = boxes[r - 1][c] if r and c < len(boxes[r - 1]) else None
            if above is not None and (upper_box is None or above.covered):
                # The cell above spans down to here (pdfplumber gives None below a cell spanning rows).
                cells.append(replace(above, covered=True, span=1))
            elif cells:
                origin = (
                    next(cell for cell in reversed(cells) if not cell.covered)
                    if any(not cell.covered for cell in cells)
                    else cells[-1]
                )
                origin.span += 1
                cells.append(replace(origin, covered=True, span=1))
            else:
                cells.append(Cell(text=""))
        grid.append(cells)
    return grid


def read_pdf(data: bytes, *, filename: str) -> Document:
    """Read a text PDF: its tables and its lines of text outside them, page by page."""
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = list(pdf.pages)
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise ReadError(
            _("the PDF is password-protected; remove the password and upload it again."), filename=filename
        ) from error
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as error:
        raise ReadError(_("the PDF is damaged and cannot be read."), filename=filename) from error
    warnings: list[ReadWarning] = []
    with pdf:
        if not any(page.chars for page in pages):
            raise ReadError(
                _("the PDF has no text layer (a scanned document?); rcphub does not do OCR."),
                filename=filename,
            )
        sizes = Counter(round(char["size"] * 2) / 2 for page in pages for char in page.chars)
        body_size = sizes.most_common(1)[0][0]
        heading_sizes = sorted((size for size in sizes if size >= body_size * HEADING_RATIO), reverse=True)
        placed: list[tuple[int, float, Block | tuple[list[list[Cell]], int]]] = []
        for number, page in enumerate(pages, start=1):
            if not page.chars:
                warnings.append(
                    ReadWarning(Source(page=number), _("the page has no text layer; it is left out."))
                )
                continue
            found = page.find_tables()
            boxes = [table.bbox for table in found]
            for table in found:
                texts = table.extract()
                if texts:
                    placed.append((number, table.bbox[1], (_cells(table, texts), number)))

            def keep(obj: dict[str, Any], boxes: list[Any] = boxes) -> bool:
                return obj.get("object_type") != "char" or not _inside(obj, boxes)

            outside = page.filter(keep)
            for line in outside.extract_text_lines(return_chars=True):
                text = " ".join(line["text"].split())
                if not text or PAGE_NUMBER.match(text):
                    continue
                size = round(max(char["size"] for char in line["chars"]) * 2) / 2
                where = Source(page=number)
                block: Block
                if size in heading_sizes:
                    block = Heading(level=heading_sizes.index(size) + 1, text=text, where=where)
                else:
                    block = Paragraph(text=text, where=where)
                placed.append((number, line["top"], block))
        placed.sort(key=lambda item: (item[0], item[1]))
        blocks = _join_tables([item[2] for item in placed])
    return Document(filename=filename, format="pdf", blocks=blocks, warnings=warnings)


def _join_tables(items: list[Block | tuple[list[list[Cell]], int]]) -> list[Block]:
    """Number the tables, joining one that goes on at the next page under a repeated header."""
    blocks: list[Block] = []
    table_no = 0
    last_page = 0
    for item in items:
        if not isinstance(item, tuple):
            blocks.append(item)
            continue
        grid, page = item
        previous = blocks[-1] if blocks else None
        if (
            isinstance(previous, Table)
            and page == last_page + 1
            and previous.width == len(grid[0])
            and [cell.text for cell in grid[0]] == previous.rows[0].texts
        ):
            table = previous
            grid = grid[1:]
        else:
            table_no += 1
            table = Table(rows=[], where=Source(page=page, table=table_no))
            blocks.append(table)
        for cells in grid:
            number = len(table.rows) + 1
            heading_row = len(cells) > 1 and bool(cells[0].text) and all(cell.covered for cell in cells[1:])
            table.rows.append(
                Row(
                    cells=cells,
                    where=Source(page=page, table=table.where.table, row=number),
                    is_header=number == 1,
                    is_heading_row=heading_row,
                )
            )
        last_page = page
    return blocks

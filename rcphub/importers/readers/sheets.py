"""Read spreadsheets: Excel (.xlsx, each sheet a table) and CSV (one table).

Both find a title row above the header row, fill merged cells, turn dates (real ones and Excel serial
numbers in a date column) into ISO dates, codes stored as floats back into codes ("1.1000000000000001"
is "1.1", 2.0 is "2"), and read "-", "–", "—" and "n/a" as empty.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import openpyxl
from django.utils.translation import gettext as _
from lxml import etree
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.utils.exceptions import InvalidFileException

from rcphub.importers.readers.errors import ReadError
from rcphub.importers.readers.limits import check_rows, max_rows
from rcphub.importers.readers.model import Cell, Document, ReadWarning, Row, Source, Table, Value

EMPTY_MARKS = {"-", "–", "—", "n/a", "n.a.", "n/a."}
DATE_COLUMN = re.compile(r"date|дата|deadline", re.IGNORECASE)
# Excel serial numbers read as dates in a date column: 1 January 1955 to 31 December 2119.
SERIAL_DATES = (20090, 80355)
EXCEL_EPOCH = date(1899, 12, 30)
FLOAT_NOISE = re.compile(r"^-?\d+\.(\d{12,}|0+)$")
HEADER_SEARCH_ROWS = 20
SPACES = re.compile(r"[ \t]+")
SPREADSHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
CSV_DELIMITERS = (",", ";", "\t")

Merge = tuple[int, int, int, int]  # first row, first column, last row, last column (from 1)


def normalise(value: Any) -> tuple[str, Value]:
    """Return a cell value as text and as a typed value, with the spreadsheets' quirks undone."""
    if value is None:
        return "", None
    if isinstance(value, bool):
        return ("TRUE" if value else "FALSE"), str(value)
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat(), value.date()
        return value.isoformat(sep=" ", timespec="minutes"), value.date()
    if isinstance(value, date):
        return value.isoformat(), value
    if isinstance(value, int):
        return str(value), value
    if isinstance(value, float | Decimal):
        number = float(value)
        if number.is_integer():
            return str(int(number)), int(number)
        text = format(number, ".15g")  # 15 significant digits undo binary noise: 1.1000000000000001
        return text, float(text)
    text = str(value)
    if "\n" in text or "\r" in text or "\t" in text or "  " in text or "\u00a0" in text:
        lines = text.replace("\u00a0", " ").replace("\r\n", "\n").split("\n")
        text = "\n".join(SPACES.sub(" ", line).strip() for line in lines).strip()
    else:  # one line, single spaces: only the ends to trim (most cells)
        text = text.strip()
    if text.lower() in EMPTY_MARKS:
        return "", None
    if FLOAT_NOISE.match(text):  # a code written out as a float in a CSV file
        return normalise(float(text))[0], text
    return text, text


def _serial_date(cell: Cell) -> Cell:
    number = cell.value
    if isinstance(number, str) and number.isdigit():
        number = int(number)
    if isinstance(number, int | float) and SERIAL_DATES[0] <= number <= SERIAL_DATES[1]:
        day = EXCEL_EPOCH + timedelta(days=int(number))
        return replace(cell, text=day.isoformat(), paragraphs=[day.isoformat()], value=day)
    return cell


def build_table(
    raw: Iterable[tuple[int, list[Any]]], *, merges: list[Merge], where: Source, line_numbers: bool = False
) -> Table | None:
    """Return the table a sheet holds: title rows, header row, data rows; None for an empty sheet."""
    rows: dict[int, list[Cell]] = {}
    for number, values in raw:
        cells = []
        for value in values:
            text, typed = normalise(value)
            cells.append(
                Cell(text=text, paragraphs=[text] if text else [], labels=[""] if text else [], value=typed)
            )
        rows[number] = cells
    for first_row, first_col, last_row, last_col in merges:
        origin_row = rows.get(first_row)
        if origin_row is None or len(origin_row) < first_col:
            continue
        origin = origin_row[first_col - 1]
        origin.span = last_col - first_col + 1
        for r in range(first_row, last_row + 1):
            if r not in rows:
                continue
            cells = rows[r]
            cells.extend(Cell(text="") for _ in range(len(cells), last_col))
            for c in range(first_col, last_col + 1):
                if (r, c) != (first_row, first_col):
                    cells[c - 1] = replace(origin, covered=True, span=1)
    width = max((i + 1 for cells in rows.values() for i, cell in enumerate(cells) if cell.text), default=0)
    if not width:
        return None
    numbers = [n for n in sorted(rows) if any(cell.text for cell in rows[n][:width])]
    for n in numbers:
        cells = rows[n][:width]
        cells.extend(Cell(text="") for _ in range(len(cells), width))
        rows[n] = cells

    def filled(n: int) -> int:
        return len({id(cell) for cell in rows[n] if cell.text and not cell.covered})

    header_at = next((n for n in numbers[:HEADER_SEARCH_ROWS] if filled(n) >= 2), numbers[0])
    title = "\n".join(next(cell.text for cell in rows[n] if cell.text) for n in numbers if n < header_at)
    header_texts = [cell.text for cell in rows[header_at]]
    date_columns = {i for i, name in enumerate(header_texts) if DATE_COLUMN.search(name)}
    table_rows: list[Row] = []
    for n in numbers:
        if n < header_at:
            continue
        cells = rows[n]
        if n != header_at:
            cells = [_serial_date(cell) if i in date_columns else cell for i, cell in enumerate(cells)]
            if [cell.text for cell in cells] == header_texts:
                continue  # the header typed again further down
        heading_row = width > 1 and cells[0].span >= width and not cells[0].covered
        row_where = where.with_(line=n) if line_numbers else where.with_(row=n)
        table_rows.append(
            Row(cells=cells, where=row_where, is_header=n == header_at, is_heading_row=heading_row)
        )
    return Table(rows=table_rows, where=where, title=title)


def _merges(data: bytes, path: str) -> list[Merge]:
    """Return a sheet's merged ranges, read from its XML part as a stream (openpyxl's read-only mode has none)."""
    merges: list[Merge] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(path.lstrip("/")) as part:
        row_tag, merge_tag = f"{{{SPREADSHEET_NS}}}row", f"{{{SPREADSHEET_NS}}}mergeCell"
        for _event, element in etree.iterparse(
            part, events=("end",), tag=(row_tag, merge_tag), resolve_entities=False, no_network=True
        ):
            if element.tag == merge_tag:
                first_col, first_row, last_col, last_row = range_boundaries(element.get("ref"))
                merges.append((first_row, first_col, last_row, last_col))  # type: ignore[arg-type]
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]
    return merges


def read_xlsx(data: bytes, *, filename: str) -> Document:
    """Read every visible sheet of an Excel workbook as a table, refusing a sheet with too many rows.

    The workbook is opened read-only (rows streamed, never the whole sheet in memory); a sheet's declared
    size is checked before its first row is read, and rows are counted as they stream in case it lies.
    """
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (
        InvalidFileException,
        KeyError,
        ValueError,
        TypeError,
        zipfile.BadZipFile,
        etree.XMLSyntaxError,
    ) as error:
        raise ReadError(_("the Excel file is damaged and cannot be read."), filename=filename) from error
    document = Document(filename=filename, format="xlsx")
    limit = max_rows()
    try:
        for sheet in workbook.worksheets:
            where = Source(sheet=sheet.title)
            if getattr(sheet, "sheet_state", "visible") != "visible":
                document.warnings.append(ReadWarning(where, _("the sheet is hidden; it is left out.")))
                continue
            declared = sheet.max_row
            if declared is not None:
                check_rows(declared, filename=filename, sheet=sheet.title)

            def stream(sheet: Any = sheet) -> Iterable[tuple[int, list[Any]]]:
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                    if number > limit:
                        check_rows(number, filename=filename, sheet=sheet.title)
                    if any(value is not None for value in values):
                        yield number, list(values)

            raw = list(stream())
            path = getattr(sheet, "_worksheet_path", None)
            merges = _merges(data, path) if path else []
            table = build_table(raw, merges=merges, where=where)
            if table is not None:
                document.blocks.append(table)
    finally:
        workbook.close()
    return document


def decode_text(data: bytes, *, filename: str) -> str:
    """Return a text file's text: UTF-8 (with or without a byte-order mark) or Windows-1251."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        try:
            text = data.decode("cp1251")
        except UnicodeDecodeError:
            text = ""
        foreign = [char for char in text if ord(char) > 127]
        cyrillic = [char for char in foreign if "\u0400" <= char <= "\u04ff"]
        if foreign and len(cyrillic) >= 0.8 * len(foreign):
            return text
        raise ReadError(
            _(
                "the text is neither UTF-8 nor Windows-1251 (Cyrillic): its bytes cannot be read; "
                "save the file as “CSV UTF-8” and upload it again."
            ),
            filename=filename,
            where=Source(line=line),
        ) from error


def sniff_delimiter(text: str) -> str:
    """Return the delimiter (comma, semicolon or tab) that splits the first lines into the steadiest columns."""
    sample = "\n".join(text.splitlines()[:30])
    best, best_score = ",", (0, 0)
    for delimiter in CSV_DELIMITERS:
        try:
            widths = [len(row) for row in csv.reader(io.StringIO(sample), delimiter=delimiter) if any(row)]
        except csv.Error:
            continue
        if not widths:
            continue
        width, count = Counter(widths).most_common(1)[0]
        score = (count if width > 1 else 0, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(data: bytes, *, filename: str) -> Document:
    """Read a CSV file as one table; rows are named by the line they start on."""
    text = decode_text(data, filename=filename)
    if "\x00" in text:
        raise ReadError(_("the file is not text (it holds NUL bytes)."), filename=filename)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    limit = max_rows()
    raw: list[tuple[int, list[Any]]] = []
    start = 1
    count = 0
    try:
        for values in reader:
            count += 1
            if count > limit:
                check_rows(count, filename=filename)
            if any(value.strip() for value in values):
                raw.append((start, values))
            start = reader.line_num + 1
    except csv.Error as error:
        raise ReadError(
            _("the line cannot be read as CSV (%(error)s).") % {"error": error},
            filename=filename,
            where=Source(line=start),
        ) from error
    document = Document(filename=filename, format="csv")
    table = build_table(raw, merges=[], where=Source(), line_numbers=True)
    if table is not None:
        document.blocks.append(table)
    return document


def cell_name(column: int, row: int) -> str:
    """Return a cell's name as Excel shows it ("B12") from its column and row numbers (from 1)."""
    return f"{get_column_letter(column)}{row}"

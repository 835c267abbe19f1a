"""Document readers: an uploaded file turned into one neutral, typed structure with provenance.

`read_document(file_or_path, filename)` sniffs the content (a zip holding `word/document.xml` or
`xl/workbook.xml`, a `%PDF` header, text), checks it agrees with the file's extension, and returns a
`Document`; anything it cannot read raises `ReadError`, whose message names the file and the place
(page, sheet, table, row, cell, line), and nothing else happens. The interpreters of each kind (work
plan, review, plan of action, UN INFO export) walk the result; they never open files themselves.

The structure (`model.py`)::

    Document(filename, format, blocks, footnotes, warnings)   format: docx | pdf | xlsx | csv
      blocks, in reading order:
        Heading(level, text, label, where, footnote_refs)    level 1 = top, 0 = a title
        Paragraph(text, label, style, where, footnote_refs)  a PDF gives one per line
        Table(rows, where, title)                           .header, .header_rows, .body, .width
          Row(cells, where, is_header, is_heading_row)     one cell per column
            Cell(text, paragraphs, labels, footnote_refs, span, covered, value)   .parts, .label
      footnotes: {id: Footnote(id, text, number)}
      warnings: [ReadWarning(where, message)]
    Source(page, sheet, table, row, cell, paragraph, line)  str(): "page 3, table 2, row 5"

- `label` is Word's automatic number as rendered ("RESULT 1.", "1.1", "ii."), never part of `text`.
- A merged cell sits at its first column with `span`; every position it covers (right and below) holds
  a copy with `covered=True`, so a column's value is always `row.cells[i]`. A row that is one cell
  across the whole table is `is_heading_row` (a section heading: "Component 1 …", "RESULT 2 …").
- Header rows are flagged `is_header` (Word's repeated header rows, else the first row; a sheet's
  first row with two or more values, the rows above it being the table's `title`); a header repeated
  further down, or at the top of a PDF table continued on the next page, is not read again as data.
- `footnote_refs` lists the footnote ids whose markers the paragraph or cell carries; the notes are in
  `Document.footnotes` (`document.footnote_texts(refs)`).
- Spreadsheet cells: `value` is typed (int, float, ISO `date`, text); "-", "–", "n/a" are empty;
  `cell.parts` splits "; "-separated values.

Safety limits (`limits.py`, each a setting): the file's size (the site's upload limit), the rows of a
sheet or CSV file, and what a Word or Excel archive unpacks to (total, and ratio per part: zip bombs),
all checked before the content is read.
"""

from __future__ import annotations

import io
import logging
import os
import zipfile
from pathlib import Path
from typing import IO, Any

from django.utils.translation import gettext as _

from rcphub.importers.readers import pdf, sheets, word
from rcphub.importers.readers.errors import ReadError
from rcphub.importers.readers.limits import check_archive, check_size, max_bytes
from rcphub.importers.readers.model import (
    Block,
    Cell,
    Document,
    Footnote,
    Format,
    Heading,
    Paragraph,
    ReadWarning,
    Row,
    Source,
    Table,
)

__all__ = [
    "Block",
    "Cell",
    "Document",
    "Footnote",
    "Format",
    "Heading",
    "Paragraph",
    "ReadError",
    "ReadWarning",
    "Row",
    "Source",
    "Table",
    "read_document",
    "sniff_format",
]

logger = logging.getLogger(__name__)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
EXTENSIONS: dict[str, Format] = {"docx": "docx", "xlsx": "xlsx", "pdf": "pdf", "csv": "csv"}
FORMAT_NAMES = {"docx": "Word (.docx)", "xlsx": "Excel (.xlsx)", "pdf": "PDF", "csv": "CSV"}


def _read_bytes(source: str | os.PathLike[str] | IO[bytes] | bytes, filename: str) -> bytes:
    """Return the file's bytes, refusing it (before reading, where its size is known) over the limit."""
    limit = max_bytes()
    if isinstance(source, bytes):
        check_size(len(source), filename=filename)
        return source
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        check_size(path.stat().st_size, filename=filename)
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    else:
        size = getattr(source, "size", None)
        if isinstance(size, int):
            check_size(size, filename=filename)
        if hasattr(source, "seek"):
            source.seek(0)
        data = source.read(limit + 1)
    check_size(len(data), filename=filename)
    return data


def sniff_format(data: bytes, *, filename: str) -> Format:
    """Return the format the content is in, whatever the file is called; refuse what no reader reads."""
    if data[:8] == OLE_MAGIC:
        if ENCRYPTED_PACKAGE in data:
            raise ReadError(
                _("the file is password-protected (encrypted); remove the password and upload it again."),
                filename=filename,
            )
        raise ReadError(
            _("the file is an old Word or Excel 97–2003 file (.doc, .xls); save it as .docx or .xlsx."),
            filename=filename,
        )
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                check_archive(archive, filename=filename)
                names = set(archive.namelist())
        except zipfile.BadZipFile as error:
            raise ReadError(
                _("the file is damaged (not a readable zip archive, as a Word or Excel file is)."),
                filename=filename,
            ) from error
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        raise ReadError(
            _("the file is a zip archive but neither a Word (.docx) nor an Excel (.xlsx) file."),
            filename=filename,
        )
    if b"\x00" not in data[:8192]:
        return "csv"
    raise ReadError(
        _("the file is not a format rcphub reads; use Word (.docx), PDF, Excel (.xlsx) or CSV."),
        filename=filename,
    )


def read_document(
    source: str | os.PathLike[str] | IO[bytes] | bytes, filename: str | None = None
) -> Document:
    """Read an uploaded file (a path, an open binary file or bytes) into a `Document`, or raise ReadError."""
    if filename is None:
        filename = os.path.basename(
            str(getattr(source, "name", source) if not isinstance(source, bytes) else "")
        )
    name = os.path.basename(filename)
    data = _read_bytes(source, name)
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in EXTENSIONS:
        raise ReadError(
            _("files of type “%(ext)s” are not read; use Word (.docx), PDF, Excel (.xlsx) or CSV.")
            % {"ext": extension or "?"},
            filename=name,
        )
    found = sniff_format(data, filename=name)
    if found != EXTENSIONS[extension]:
        raise ReadError(
            _("the file is named as %(named)s but holds %(found)s; check that it is the file you meant.")
            % {"named": FORMAT_NAMES[EXTENSIONS[extension]], "found": FORMAT_NAMES[found]},
            filename=name,
        )
    return _dispatch(found, data, name)


def _dispatch(found: Format, data: bytes, name: str) -> Document:
    readers: dict[Format, Any] = {
        "docx": word.read_docx,
        "pdf": pdf.read_pdf,
        "xlsx": sheets.read_xlsx,
        "csv": sheets.read_csv,
    }
    try:
        document: Document = readers[found](data, filename=name)
    except ReadError:
        raise
    except Exception as error:  # a library choking on a malformed file: the user gets a message, we the trace
        logger.warning("Cannot read %s as %s", name, found, exc_info=True)
        raise ReadError(
            _("the file cannot be read as %(format)s; it may be damaged.") % {"format": FORMAT_NAMES[found]},
            filename=name,
        ) from error
    return document

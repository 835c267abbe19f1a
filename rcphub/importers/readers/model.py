"""The neutral document structure every reader returns (see the package docstring for the whole picture)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from django.utils.translation import gettext as _

Format = Literal["docx", "pdf", "xlsx", "csv"]
# A sheet cell's typed value: text, a whole number, a decimal number, a date; None when empty.
Value = str | int | float | date | None


@dataclass(frozen=True)
class Source:
    """Where something was read: only the parts that apply are set, all counted from 1."""

    page: int | None = None
    sheet: str | None = None
    table: int | None = None
    row: int | None = None
    cell: str | None = None
    paragraph: int | None = None
    line: int | None = None

    def __str__(self) -> str:
        """Return the place as a reader says it: "page 3, table 2, row 5", "sheet Plan, row 12"."""
        parts = []
        if self.page is not None:
            parts.append(_("page %(n)s") % {"n": self.page})
        if self.sheet is not None:
            parts.append(_("sheet %(name)s") % {"name": self.sheet})
        if self.table is not None:
            parts.append(_("table %(n)s") % {"n": self.table})
        if self.row is not None:
            parts.append(_("row %(n)s") % {"n": self.row})
        if self.cell is not None:
            parts.append(_("cell %(name)s") % {"name": self.cell})
        if self.paragraph is not None:
            parts.append(_("paragraph %(n)s") % {"n": self.paragraph})
        if self.line is not None:
            parts.append(_("line %(n)s") % {"n": self.line})
        return ", ".join(parts)

    def with_(self, **parts: int | str | None) -> Source:
        """Return this place narrowed (or changed) by the parts given."""
        values = {name: getattr(self, name) for name in self.__dataclass_fields__}
        values.update(parts)
        return Source(**values)


@dataclass
class Heading:
    """A heading: its outline level (1 = top; 0 for a title), its text and its rendered automatic number."""

    level: int
    text: str
    label: str = ""
    where: Source = field(default_factory=Source)
    footnote_refs: list[str] = field(default_factory=list)


@dataclass
class Paragraph:
    """A paragraph (a line, in a PDF) outside any table, with its automatic number and style name."""

    text: str
    label: str = ""
    style: str = ""
    where: Source = field(default_factory=Source)
    footnote_refs: list[str] = field(default_factory=list)


@dataclass
class Cell:
    """One grid position of a row.

    `paragraphs` are the cell's paragraphs and `labels` their automatic numbers, one for one ("" where a
    paragraph has none); `text` is the paragraphs joined by new lines. A merged cell appears at its first
    position with `span` the number of columns it covers; the other positions it covers (to its right and
    below) hold a copy of its text with `covered` set, so that every row has one cell per column.
    `value` is the typed value of a spreadsheet cell (the text elsewhere).
    """

    text: str
    paragraphs: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    footnote_refs: list[str] = field(default_factory=list)
    span: int = 1
    covered: bool = False
    value: Value = None

    @property
    def parts(self) -> list[str]:
        """Return the "; "-separated values of the cell ("UNDP; UNICEF" gives two), empty ones left out."""
        return [part.strip() for part in self.text.split(";") if part.strip()]

    @property
    def label(self) -> str:
        """Return the automatic number of the cell's first numbered paragraph, or ""."""
        return next((label for label in self.labels if label), "")


@dataclass
class Row:
    """A table row: one cell per column; a header row, or a row that is one cell across the whole table."""

    cells: list[Cell]
    where: Source = field(default_factory=Source)
    is_header: bool = False
    is_heading_row: bool = False

    @property
    def texts(self) -> list[str]:
        """Return the text of each column."""
        return [cell.text for cell in self.cells]

    def is_empty(self) -> bool:
        """Return True if no cell holds any text."""
        return not any(cell.text for cell in self.cells)


@dataclass
class Table:
    """A table: its rows in order (header rows first, flagged), where it starts and the title above it.

    `title` is the title row(s) above a sheet's header row, or a Word table's first row when it is one
    cell across the table and not a marked header.
    """

    rows: list[Row]
    where: Source = field(default_factory=Source)
    title: str = ""

    @property
    def width(self) -> int:
        """Return the number of columns."""
        return max((len(row.cells) for row in self.rows), default=0)

    @property
    def header_rows(self) -> list[Row]:
        """Return the header rows (marked as repeated headers, or the first row where none is marked)."""
        return [row for row in self.rows if row.is_header]

    @property
    def header(self) -> list[str]:
        """Return the column names: each column's text in the header rows, distinct parts joined by " / "."""
        names: list[str] = []
        for column in range(self.width):
            parts: list[str] = []
            for row in self.header_rows:
                text = row.cells[column].text if column < len(row.cells) else ""
                if text and text not in parts:
                    parts.append(text)
            names.append(" / ".join(parts))
        return names

    @property
    def body(self) -> list[Row]:
        """Return the rows that are not header rows."""
        return [row for row in self.rows if not row.is_header]


Block = Heading | Paragraph | Table


@dataclass
class Footnote:
    """A footnote: its id in the file, its number as rendered (order of first reference) and its text."""

    id: str
    text: str
    number: int | None = None


@dataclass
class ReadWarning:
    """Something the reader noticed and went on: a footnote reference with no note, a page with no text."""

    where: Source
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if str(self.where) else self.message


@dataclass
class Document:
    """A file as read: its blocks in reading order, its footnotes by id, and the reader's warnings."""

    filename: str
    format: Format
    blocks: list[Block] = field(default_factory=list)
    footnotes: dict[str, Footnote] = field(default_factory=dict)
    warnings: list[ReadWarning] = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        """Return the tables in reading order (empty: the document has none)."""
        return [block for block in self.blocks if isinstance(block, Table)]

    @property
    def headings(self) -> list[Heading]:
        """Return the headings in reading order."""
        return [block for block in self.blocks if isinstance(block, Heading)]

    @property
    def paragraphs(self) -> list[Paragraph]:
        """Return the paragraphs outside tables in reading order."""
        return [block for block in self.blocks if isinstance(block, Paragraph)]

    def footnote_texts(self, refs: list[str]) -> list[str]:
        """Return the texts of the footnotes referenced, in order, leaving out references with no note."""
        return [self.footnotes[ref].text for ref in refs if ref in self.footnotes]

    def walk(self) -> Iterator[Heading | Paragraph | Row]:
        """Yield every heading, paragraph and table row in reading order."""
        for block in self.blocks:
            if isinstance(block, Table):
                yield from block.rows
            else:
                yield block

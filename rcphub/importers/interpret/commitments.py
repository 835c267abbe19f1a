"""What the review and plan-of-action interpreters share: columns found by their names, cell text,
responsibility read and resolved, the status as written, and dates read from titles.

Pure: the document in, plain values out. The recogniser (recognise.py) is the only thing that knows the
entities; it is passed in and asked through `resolve_responsible`.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

from django.utils.translation import gettext as _

from rcphub.followup.due import MONTHS, due_date
from rcphub.followup.wording import management_response, status_from_text
from rcphub.importers.interpret.proposal import Commitment, Notice, Proposal, Question
from rcphub.importers.interpret.recognise import EntityQuestions, Recogniser, fold
from rcphub.importers.readers import Cell, Document, Heading, Paragraph, Row, Table

# Column roles and the header words that name them, tried in this order; a header takes the first
# role it names (so "Recommendation no." is the number, "Management response" the response).
COLUMN_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "number",
        re.compile(
            r"^(?:no\.?|n°|nº|#|number|ref\.?|reference|item|rec\.?|s/n)$|\b(?:no\.|number|n°|#)(?:$|\s)"
        ),
    ),
    ("response", re.compile(r"\bresponse\b|\bmanagement\b|\baccept")),
    ("responsible", re.compile(r"responsib|\blead\b|\bwho\b|\bunit\b|\bentit|\bowner|\bfocal")),
    ("status", re.compile(r"\bstatus\b|\bstage\b")),
    ("due", re.compile(r"\bdue\b|deadline|timeline|time ?frame|\bby when\b|target date|\bdate\b|\bwhen\b")),
    (
        "comment",
        re.compile(r"comment|progress|update|remark|actions? taken|\bnotes?\b|explanation"),
    ),
    ("recommendation", re.compile(r"recommendation|finding|conclusion|issue")),
    ("action", re.compile(r"\baction|activit|measure|\btask|\bstep|\bdeliverable")),
)


@dataclass
class Columns:
    """The index of each column a table has, by role; `status_and_comment` when one column holds both."""

    indexes: dict[str, int] = field(default_factory=dict)
    status_and_comment: bool = False

    def get(self, role: str) -> int | None:
        return self.indexes.get(role)

    def text(self, row: Row, role: str) -> str:
        """Return the text of the row's cell in that column ("" where the table has none)."""
        index = self.indexes.get(role)
        if index is None or index >= len(row.cells):
            return ""
        return cell_text(row.cells[index])

    def cell(self, row: Row, role: str) -> Cell | None:
        index = self.indexes.get(role)
        if index is None or index >= len(row.cells):
            return None
        return row.cells[index]


def _clean_header(text: str) -> str:
    return fold(text)


def find_columns(table: Table) -> Columns:
    """Return the roles of a table's columns read from its header (each role its first column)."""
    columns = Columns()
    for index, name in enumerate(table.header):
        cleaned = _clean_header(name)
        if not cleaned:
            continue
        roles = [role for role, pattern in COLUMN_WORDS if pattern.search(cleaned)]
        if "status" in roles and "comment" in roles:
            columns.status_and_comment = True
            for role in ("status", "comment"):
                columns.indexes.setdefault(role, index)
            continue
        for role in roles:
            if role not in columns.indexes:
                columns.indexes[role] = index
                break
    return columns


def paragraphs(cell: Cell, document: Document) -> list[str]:
    """Return a cell's paragraphs as written.

    Word gives real paragraphs. A PDF gives a cell's lines as wrapped on the page: they are joined again,
    a new paragraph starting only after a line that ends a sentence and before one that opens one.
    """
    parts = [part.strip() for part in (cell.paragraphs or [cell.text]) if part.strip()]
    if document.format != "pdf":
        return parts
    joined: list[str] = []
    for line in parts:
        if not joined:
            joined.append(line)
            continue
        previous = joined[-1]
        if previous.endswith((".", "!", "?", ":")) and (line[:1].isupper() or line[:1].isdigit()):
            joined.append(line)
        elif previous.endswith(("/", "-", "–", "—")):
            joined[-1] = previous + line
        else:
            joined[-1] = f"{previous} {line}"
    return joined


def cell_text(cell: Cell) -> str:
    """Return a cell's text, its paragraphs on their own lines."""
    return "\n".join(part.strip() for part in (cell.paragraphs or [cell.text]) if part.strip())


def text_of(cell: Cell | None, document: Document) -> str:
    """Return a cell's text as written: Word's paragraphs on their own lines, a PDF's wrapped lines joined."""
    if cell is None:
        return ""
    return "\n".join(paragraphs(cell, document))


def body_rows(table: Table) -> list[Row]:
    """Return the rows that may be items: not header rows, not empty, not the header typed again."""
    header = [_clean_header(text) for text in table.header]
    rows = []
    for row in table.body:
        if row.is_empty():
            continue
        if [_clean_header(text) for text in row.texts] == header:
            continue
        rows.append(row)
    return rows


# --- Numbers ----------------------------------------------------------------------------------------

_LEAD_NUMBER = re.compile(
    r"^(?:(?:recommendation|rec\.|action|item)\s+)?"
    r"(?P<number>\(?[A-Za-z]?\d+(?:\.\d+)*[a-z]?\)?|\(?[a-z]\)|[ivxlc]+\.)[.:)]?\s+(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)


def clean_number(text: str) -> str:
    """Return a number as written without its trailing dot or the word before it: "3." → "3", "R4" → "R4"."""
    cleaned = " ".join(text.split())
    cleaned = re.sub(r"^(?:recommendation|rec\.|action|item)\s+", "", cleaned, flags=re.IGNORECASE)
    return cleaned.rstrip(".:").strip()


def split_lead_number(text: str) -> tuple[str, str]:
    """Return (number, rest) where a text opens with its number ("Recommendation 3: Train …", "1.1 Map …")."""
    found = _LEAD_NUMBER.match(text.strip())
    if found is None:
        return "", text
    return clean_number(found["number"]), found["rest"]


def row_number(columns: Columns, row: Row, text_cell: Cell | None) -> tuple[str, str]:
    """Return the row's number (from its number column, its automatic number, or its text's lead) and
    the text cell's text left once a lead number is taken off ("" when unchanged)."""
    number_cell = columns.cell(row, "number")
    if number_cell is not None:
        number = clean_number(cell_text(number_cell)) or clean_number(number_cell.label)
        if number:
            return number, ""
    if text_cell is not None:
        if text_cell.label:
            return clean_number(text_cell.label), ""
        number, rest = split_lead_number(cell_text(text_cell))
        if number:
            return number, rest
    return "", ""


# --- Responsibility ---------------------------------------------------------------------------------


@dataclass
class Responsibility:
    """A responsibility cell read: the text as written, each name as written, the entities resolved."""

    text: str
    names: list[str]
    entities: list[str]


def document_entities(texts: Iterable[str], recogniser: Recogniser) -> list[str]:
    """Return the acronyms of the entities that the texts name unambiguously: the context of a "PMU"."""
    acronyms: list[str] = []
    for text in texts:
        for match in recogniser.entities(text):
            if match.acronym and match.acronym not in acronyms:
                acronyms.append(match.acronym)
    return acronyms


def resolve_responsible(
    text: str,
    *,
    recogniser: Recogniser,
    entities: EntityQuestions,
    key: str,
    where: str,
    context: Sequence[str],
) -> Responsibility:
    """Return a responsibility read and resolved; an ambiguous name asks a question, an unknown one is a notice.

    The question's keys are "<key>.responsible_entities": the acronym answered is added to that item's
    entities (`recognise.EntityQuestions`).
    """
    text = (
        " ".join(text.split()) if "\n" not in text else "; ".join(line.strip() for line in text.splitlines())
    )
    if not text:
        return Responsibility("", [], [])
    matches = recogniser.entities(text, context=context)
    acronyms = entities.resolve(matches, key=key, field_name="responsible_entities", where=where)
    return Responsibility(text=text, names=[match.text for match in matches], entities=acronyms)


# --- Status -----------------------------------------------------------------------------------------

_LEAD_SPLIT = re.compile(r"\s*(?:\n|:|;|\.\s|\s[-–—]\s)\s*")
LEAD_WORDS = 8


@dataclass
class StatusRead:
    status: str
    status_text: str
    comment: str


def read_status(text: str, *, combined: bool) -> StatusRead:
    """Return the status, the status as written and the comment a status cell gives.

    A status column gives its text as written and the status it reads as ("" where it reads as none).
    A column of status and comment gives a status only where it opens with one, in a few words before a
    colon, a full stop or a new line ("Ongoing: draft shared in November" → ongoing, "Ongoing", the
    rest the comment); a comment that opens with no status gives none: nothing is invented.
    """
    text = text.strip()
    if not text:
        return StatusRead("", "", "")
    if not combined:
        status = status_from_text(text)
        return StatusRead(status.value if status else "", " ".join(text.split()), "")
    parts = _LEAD_SPLIT.split(text, maxsplit=1)
    lead = parts[0].strip()
    rest = parts[1].strip() if len(parts) > 1 else ""
    if lead and len(lead.split()) <= LEAD_WORDS:
        status = status_from_text(lead)
        if status is not None:
            return StatusRead(status.value, lead, rest)
    return StatusRead("", "", text)


# --- Dates in titles --------------------------------------------------------------------------------

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY_WORDS = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR, re.I)
_DAY_US = re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,\s*" + _YEAR, re.I)
_DAY_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
_DAY_NUMERIC = re.compile(r"\b(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>(?:19|20)\d\d)\b")
_MONTH_YEAR = re.compile(r"\b" + _MONTH + r"[\s,]+" + _YEAR + r"\b", re.I)
_YEAR_ALONE = re.compile(r"\b" + _YEAR + r"\b")


def _month(value: str) -> int:
    return int(value) if value.isdigit() else MONTHS[value.lower().rstrip(".")]


def read_date(text: str) -> tuple[date, str] | None:
    """Return the first date a text writes and its precision: a day, a month ("November 2017") or a year.

    A month or a year is given as its first day, as reviews are stored; a day that does not exist is none.
    """
    for pattern in (_DAY_WORDS, _DAY_US, _DAY_ISO, _DAY_NUMERIC):
        found = pattern.search(text)
        if found:
            try:
                return date(int(found["year"]), _month(found["month"]), int(found["day"])), "day"
            except ValueError:
                return None
    found = _MONTH_YEAR.search(text)
    if found:
        return date(int(found["year"]), _month(found["month"]), 1), "month"
    found = _YEAR_ALONE.search(text)
    if found:
        return date(int(found["year"]), 1, 1), "year"
    return None


def end_of(day: date, precision: str) -> date:
    """Return the last day of the period a date stands for ("June 2019" → 30 June 2019)."""
    if precision == "month":
        return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
    if precision == "year":
        return date(day.year, 12, 31)
    return day


_ROUND = re.compile(
    r"\b(?:as (?:at|of)|status (?:report|update)|progress (?:report|update)|update(?:d)? (?:as )?(?:at|of|on)"
    r"|reported (?:at|on|in)|position (?:at|on))\b",
    re.I,
)


@dataclass
class Place:
    """A text of the document with where it was read."""

    text: str
    where: str


def titles(document: Document) -> list[Place]:
    """Return the headings, the paragraphs outside tables and the tables' titles, in reading order."""
    places: list[Place] = []
    for block in document.blocks:
        if isinstance(block, Heading | Paragraph):
            if block.text.strip():
                places.append(Place(block.text.strip(), str(block.where)))
        elif isinstance(block, Table) and block.title.strip():
            places.append(Place(block.title.strip(), str(block.where)))
    return places


def round_date(places: Iterable[Place]) -> tuple[date, str, str] | None:
    """Return the date statuses are as at, the title that gives it and where it was read.

    "Progress report as at 31 December 2018" → 31 December 2018; "Status as of June 2019" → 30 June
    2019 (a month or a year as its last day: the statuses held at its end).
    """
    for place in places:
        announced = _ROUND.search(place.text)
        if announced is None:
            continue
        found = read_date(place.text[announced.start() :])
        if found is not None:
            return end_of(*found), place.text, place.where
    return None


def announces_round(text: str) -> bool:
    """Return True if a title announces a round of statuses ("Progress report as at …", "Status update")."""
    return _ROUND.search(text) is not None


def round_title_without_date(places: Iterable[Place]) -> Place | None:
    """Return a title that announces a round of statuses but gives no date it could be read as."""
    for place in places:
        if _ROUND.search(place.text) and read_date(place.text) is None:
            return place
    return None


# --- Rows as commitments ----------------------------------------------------------------------------


@dataclass
class Reading:
    """What reading one document's rows shares: the document, the recogniser, the questions and notices."""

    document: Document
    recogniser: Recogniser
    entities: EntityQuestions
    context: list[str] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)

    @classmethod
    def start(
        cls, document: Document, recogniser: Recogniser, tables: Iterable[tuple[Table, Columns]]
    ) -> Reading:
        """Begin reading; a generic unit ("PMU") may mean any entity that the responsibility columns name."""
        texts = [columns.text(row, "responsible") for table, columns in tables for row in body_rows(table)]
        return cls(
            document=document,
            recogniser=recogniser,
            entities=EntityQuestions(recogniser),
            context=document_entities(texts, recogniser),
            warnings=[
                Notice(where=str(warning.where), message=warning.message) for warning in document.warnings
            ],
        )

    def notice(self, where: str, message: str, key: str = "") -> None:
        self.warnings.append(Notice(where=where, message=message, key=key))


def read_commitment(
    reading: Reading,
    row: Row,
    columns: Columns,
    *,
    key: str,
    text_role: str,
    titled: bool,
    continuation: bool = False,
) -> Commitment:
    """Return a row read as a commitment: its number, text, response, responsibility, due text and status.

    `titled`: a recommendation's cell of several paragraphs gives its title (the first paragraph) and its
    text (the rest); one paragraph is the title alone. Otherwise the cell is the text. A `continuation`
    (the rest of a row broken at a page) is not warned of for having no number.
    """
    document = reading.document
    where = str(row.where)
    text_cell = columns.cell(row, text_role)
    number, rest = row_number(columns, row, text_cell)
    parts = paragraphs(text_cell, document) if text_cell is not None else []
    if rest:
        parts = [rest.split("\n", 1)[0].strip(), *parts[1:]] if parts else [rest]
    title, text = "", "\n".join(parts)
    if titled and parts:
        title, text = parts[0], "\n".join(parts[1:])
    commitment = Commitment(number=number, title=title, text=text, key=key, where=where)
    if not number and not continuation:
        reading.notice(where, _("The row has no number; give it one before the import is committed."), key)

    response_text = text_of(columns.cell(row, "response"), document)
    if response_text:
        commitment.response_text = response_text
        response = management_response(response_text)
        commitment.response = response.value if response is not None else ""
        if response is None:
            reading.notice(
                where,
                _(
                    "The management response “%(text)s” is not read as accepted, partially accepted or not "
                    "accepted; it is kept as written."
                )
                % {"text": _short(response_text)},
                key,
            )

    responsible = resolve_responsible(
        text_of(columns.cell(row, "responsible"), document),
        recogniser=reading.recogniser,
        entities=reading.entities,
        key=key,
        where=where,
        context=reading.context,
    )
    commitment.responsible_text = responsible.text
    commitment.responsible = responsible.names
    commitment.responsible_entities = responsible.entities

    due_text = " ".join(text_of(columns.cell(row, "due"), document).split())
    if due_text:
        commitment.due_text = due_text
        commitment.due_on = due_date(due_text)
        if commitment.due_on is None:
            reading.notice(
                where,
                _("The due text “%(text)s” gives no date; it is kept as written, with no due date.")
                % {"text": _short(due_text)},
                key,
            )

    status = read_status(text_of(columns.cell(row, "status"), document), combined=columns.status_and_comment)
    commitment.status, commitment.status_text = status.status, status.status_text
    comment = status.comment
    if not columns.status_and_comment:
        comment = text_of(columns.cell(row, "comment"), document)
        if status.status_text and not status.status:
            reading.notice(
                where,
                _("The status “%(text)s” is not one rcphub reads; it is kept as written, with no status.")
                % {"text": _short(status.status_text)},
                key,
            )
    commitment.comment = comment
    return commitment


def continues(row: Row, previous: Row | None, columns: Columns, text_role: str) -> bool:
    """Return True if a row is the rest of the row above, broken at a page: no number, on the next page."""
    if previous is None or row.where.page is None or previous.where.page is None:
        return False
    if row.where.page == previous.where.page:
        return False
    number_cell = columns.cell(row, "number")
    return number_cell is not None and not cell_text(number_cell) and bool(columns.text(row, text_role))


def extend(commitment: Commitment, more: Commitment) -> None:
    """Add what a row broken at a page carries on to the commitment it continues, text to text."""
    carried = "\n".join(part for part in (more.title, more.text) if part)
    if carried:
        if commitment.text or not commitment.title:
            commitment.text = f"{commitment.text} {carried}".strip()
        else:
            commitment.title = f"{commitment.title} {carried}"
    for name in ("response_text", "comment", "status_text", "due_text"):
        added = getattr(more, name)
        if added:
            current = getattr(commitment, name)
            setattr(commitment, name, f"{current} {added}" if current else added)


def _short(text: str, length: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1] + "…"


def file_title(document: Document) -> str:
    """Return the file's name without its extension, the title of last resort."""
    return PurePath(document.filename).stem.replace("_", " ").strip() or document.filename


def set_round(proposal: Proposal, places: list[Place], reading: Reading) -> None:
    """Set the date the statuses are as at, or ask for it where statuses are given and no date is."""
    found = round_date(places)
    if found is not None:
        proposal.as_at, proposal.round_title, _where = found
        return
    announced = round_title_without_date(places)
    if announced is not None:
        proposal.round_title = announced.text
    if not any(item.status_text or item.comment for item in items_of(proposal)):
        return
    proposal.questions.append(
        Question(
            id="round_date",
            about="round_date",
            text=announced.text if announced else "",
            where=announced.where if announced else "",
            keys=[item.key for item in items_of(proposal) if item.status_text or item.comment],
        )
    )
    reading.notice(
        announced.where if announced else "",
        _("The date the statuses and comments are as at was not found; give the round's date."),
    )


def items_of(proposal: Proposal) -> list[Commitment]:
    return [*proposal.commitments, *(item for group in proposal.groups for item in group.items)]


def warn_duplicate_numbers(items: list[Commitment], reading: Reading) -> None:
    seen: dict[str, Commitment] = {}
    for item in items:
        if not item.number:
            continue
        first = seen.setdefault(item.number, item)
        if first is not item:
            reading.notice(
                item.where,
                _("The number “%(number)s” is also that of the item at %(first)s; give one of them another.")
                % {"number": item.number, "first": first.where},
                item.key,
            )

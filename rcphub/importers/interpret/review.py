"""A review's recommendations read from its status-of-implementation table, in Word or PDF.

`interpret_review(document, recogniser=...)` reads every table whose header names a recommendation
(or a number and a management response) as the review's recommendations, in reading order (a PDF
table continued over pages is one table already):

- the **columns** by their names (`commitments.COLUMN_WORDS`): number ("No.", "#", "Rec. no."),
  recommendation, management response, responsibility, due date, status, comment; one column of
  "Status and comment" gives both;
- the **number** from its column, else Word's automatic number of the recommendation's cell, else the
  number it opens with ("Recommendation 3: …"); a row with none is kept and warned of, by its row;
- the **title and text**: a recommendation's cell of several paragraphs (Word's paragraphs, or a PDF's
  lines after a sentence's end) gives its title (the first paragraph) and its text (the rest); a cell
  of one paragraph is the title alone, `text` "" (the commit writes the title and the text as the
  commitment's text);
- the **management response** read from its words ("Accepts", "Partially accepted", "does not
  accept") beside the text as written; a response not read is a warning;
- the **responsibility** as written (`responsible_text`; `responsible` one name per entity named) and
  resolved (`responsible_entities`): an ambiguous name ("PMU") is a question, an unknown one a warning;
- the **status** from a status column as written (`status_text`) and read (`status`, "" where the
  words give none); from a "Status and comment" column only where the cell opens with a status
  ("Ongoing: draft shared …"); a comment with no status has status "": nothing is invented;
- the **round**: the date the statuses are as at, read from a title ("Progress report as at 31
  December 2018" → `as_at` 2018-12-31, `round_title` that title); where the document gives statuses
  or comments and no such date, a question about="round_date";
- the **review**: its title and issue date from the headings and paragraphs ("Evaluation of …, issued
  November 2017" → title "Evaluation of …", `issued` 2017-11-01, `issued_precision` "month"), else the
  first heading that is not the round's, else the file's name.

A row broken at a page (no number, on the next page) is added to the recommendation it continues;
header rows repeated and rows merged across the table (section headings) are not recommendations.
Each commitment's `where` is its row ("page 2, table 1, row 3") and its `key` "commitments.<i>".
"""

from __future__ import annotations

import re
from datetime import date

from django.utils.translation import gettext as _

from rcphub.importers.interpret.commitments import (
    Columns,
    Place,
    Reading,
    announces_round,
    body_rows,
    continues,
    extend,
    file_title,
    find_columns,
    read_commitment,
    read_date,
    set_round,
    titles,
    warn_duplicate_numbers,
)
from rcphub.importers.interpret.proposal import Proposal
from rcphub.importers.interpret.recognise import Recogniser
from rcphub.importers.readers.model import Document, Row, Table

__all__ = ["interpret_review", "review_tables"]

_ISSUED = re.compile(
    r"[,;(\s–—-]*\b(?:issued|dated|published|completed|finali[sz]ed)\b(?:\s+(?:on|in))?\s*", re.I
)
_REVIEW_WORDS = re.compile(
    r"^(?:(?:the|final|independent|joint|mid-term|midterm|thematic|strategic|system-wide)\s+)*"
    r"(?:evaluation|review|audit|assessment|inspection|appraisal)\b",
    re.I,
)


def review_tables(document: Document) -> list[tuple[Table, Columns]]:
    """Return the tables that list recommendations, with their columns."""
    found = []
    for table in document.tables:
        columns = find_columns(table)
        if columns.get("recommendation") is not None or (
            columns.get("number") is not None and columns.get("response") is not None
        ):
            found.append((table, columns))
    return found


def interpret_review(document: Document, *, recogniser: Recogniser) -> Proposal:
    """Return the review and its recommendations that a status-of-implementation table holds."""
    tables = review_tables(document)
    reading = Reading.start(document, recogniser, tables)
    places = titles(document)
    for table, _columns in tables:
        places.extend(Place(row.cells[0].text, str(row.where)) for row in table.body if row.is_heading_row)
    title, issued, precision = _review_title(places, document)
    proposal = Proposal(kind="review", title=title, filename=document.filename)
    proposal.issued, proposal.issued_precision = issued, precision
    if not tables:
        reading.notice(
            "",
            _(
                "No table of recommendations was found (a table with a “Recommendation” column, or a number "
                "and a “Management response” column)."
            ),
        )

    for table, columns in tables:
        text_role = "recommendation" if columns.get("recommendation") is not None else "action"
        previous: Row | None = None
        for row in body_rows(table):
            if row.is_heading_row:
                continue
            if proposal.commitments and continues(row, previous, columns, text_role):
                more = read_commitment(
                    reading,
                    row,
                    columns,
                    key=proposal.commitments[-1].key,
                    text_role=text_role,
                    titled=True,
                    continuation=True,
                )
                extend(proposal.commitments[-1], more)
                previous = row
                continue
            key = f"commitments.{len(proposal.commitments)}"
            proposal.commitments.append(
                read_commitment(reading, row, columns, key=key, text_role=text_role, titled=True)
            )
            previous = row

    set_round(proposal, places, reading)
    warn_duplicate_numbers(proposal.commitments, reading)
    if proposal.issued is None and tables:
        reading.notice(
            "", _("The review's issue date was not found in the document; enter it before the commit.")
        )
    proposal.warnings = [*reading.warnings, *reading.entities.notices]
    proposal.questions = [*proposal.questions, *reading.entities.questions]
    return proposal


def _review_title(places: list[Place], document: Document) -> tuple[str, date | None, str]:
    """Return the review's title, its issue date and the date's precision (None, "" where not given)."""
    for place in places:
        issued = _ISSUED.search(place.text)
        if issued is None:
            continue
        found = read_date(place.text[issued.end() :])
        if found is None:
            continue
        title = place.text[: issued.start()].strip(" ,;.(–—-") or ""
        return title or _first_title(places, document), found[0], found[1]
    for place in places:
        if _REVIEW_WORDS.match(place.text):
            bracket = re.search(r"\(([^)]*)\)\s*\.?$", place.text)
            found = read_date(bracket.group(1)) if bracket else None
            if found is not None and bracket is not None:
                return place.text[: bracket.start()].strip(), found[0], found[1]
            return place.text.rstrip("."), None, ""
    return _first_title(places, document), None, ""


def _first_title(places: list[Place], document: Document) -> str:
    for place in places:
        if not announces_round(place.text):
            return place.text.rstrip(".")
    return places[0].text if places else file_title(document)

"""A plan of action read from its table, in Word or PDF: components and their action items.

`interpret_plan_of_action(document, recogniser=...)` reads every table whose header names an action
(or, where none does, a recommendation) as the plan's items, in reading order:

- a row merged across the table is a **component** (`Group`): "Component 1: Data" → code "1", title
  "Data"; a heading with no code keeps its text as the title, code "" and a warning; items before any
  component go in a group with no code and no title (the commit files them under no group);
- an **action item**: its number (its column, Word's automatic number or the number its text opens
  with; none is a warning naming the row), its text as written (the cell's paragraphs), the
  responsibility as written and resolved (as for reviews: an ambiguous name is a question, an unknown
  one a warning), the **due text** as written and the date it means (`followup.due.due_date`: "By end
  2019" → 2019-12-31, "By end March 2019" → 2019-03-31, "By mid-2020" → 2020-06-30, "2019–20" →
  2020-12-31; text that names no date is kept, with no date and a warning naming the row), and the
  **status** as written beside the status it reads as ("Completed/ongoing" → ongoing, "Starting 2020
  following …" → starting; words that read as none: status "" and a warning);
- where statuses or comments are given, the date they are as at from a title ("Status as at 30 June
  2019"), else a question about="round_date".

Header rows repeated are not items. Each item's `where` is its row and its `key`
"groups.<g>.items.<i>"; a group's key is "groups.<g>".
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from rcphub.importers.interpret.codes import split_code
from rcphub.importers.interpret.commitments import (
    Columns,
    Reading,
    announces_round,
    body_rows,
    cell_text,
    continues,
    extend,
    file_title,
    find_columns,
    read_commitment,
    set_round,
    titles,
    warn_duplicate_numbers,
)
from rcphub.importers.interpret.proposal import Group, Proposal
from rcphub.importers.interpret.recognise import Recogniser
from rcphub.importers.readers.model import Document, Row, Table

__all__ = ["interpret_plan_of_action", "plan_tables"]


def plan_tables(document: Document) -> list[tuple[Table, Columns, str]]:
    """Return the tables that list action items, with their columns and the column holding the action."""
    found = []
    for table in document.tables:
        columns = find_columns(table)
        for role in ("action", "recommendation"):
            if columns.get(role) is not None:
                found.append((table, columns, role))
                break
    return found


def interpret_plan_of_action(document: Document, *, recogniser: Recogniser) -> Proposal:
    """Return the plan of action's components and action items that its table holds."""
    tables = plan_tables(document)
    reading = Reading.start(document, recogniser, [(table, columns) for table, columns, _role in tables])
    places = titles(document)
    title = next((place.text for place in places if not announces_round(place.text)), "") or file_title(
        document
    )
    proposal = Proposal(kind="plan_of_action", title=title, filename=document.filename)
    if not tables:
        reading.notice(
            "", _("No table of action items was found (a table with an “Action” or “Recommendation” column).")
        )

    for table, columns, text_role in tables:
        previous: Row | None = None
        for row in body_rows(table):
            if row.is_heading_row:
                proposal.groups.append(_component(row, index=len(proposal.groups), reading=reading))
                previous = None
                continue
            if not proposal.groups:
                proposal.groups.append(Group(title="", code="", key="groups.0", where=str(row.where)))
            group = proposal.groups[-1]
            if group.items and continues(row, previous, columns, text_role):
                more = read_commitment(
                    reading,
                    row,
                    columns,
                    key=group.items[-1].key,
                    text_role=text_role,
                    titled=False,
                    continuation=True,
                )
                extend(group.items[-1], more)
                previous = row
                continue
            key = f"{group.key}.items.{len(group.items)}"
            group.items.append(
                read_commitment(reading, row, columns, key=key, text_role=text_role, titled=False)
            )
            previous = row

    set_round(proposal, places, reading)
    warn_duplicate_numbers([item for group in proposal.groups for item in group.items], reading)
    proposal.warnings = [*reading.warnings, *reading.entities.notices]
    proposal.questions = [*proposal.questions, *reading.entities.questions]
    return proposal


def _component(row: Row, *, index: int, reading: Reading) -> Group:
    """Return a row merged across the table as a component: "Component 1: Data" → ("1", "Data")."""
    text = " ".join(cell_text(row.cells[0]).split())
    coded = split_code(text)
    group = Group(title=coded.title or text, code=coded.code, key=f"groups.{index}", where=str(row.where))
    if not coded.code:
        group.title = text
        reading.notice(
            group.where,
            _("The component “%(title)s” has no number; give it one before the import is committed.")
            % {"title": text},
            group.key,
        )
    return group

"""The note for the record of a meeting, as PDF (WeasyPrint) and DOCX (python-docx), from one record."""

from __future__ import annotations

from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _

from rcphub.core.documents import docx_bytes, docx_table, pdf_from_template
from rcphub.meetings.selectors import MeetingRecord


def _entities(entities: list[Any]) -> str:
    return ", ".join(entity.acronym for entity in entities) or "—"


def note_pdf(record: MeetingRecord) -> bytes:
    """Return the note for the record of the meeting as a PDF."""
    return pdf_from_template("meetings/note_pdf.html", {"record": record, "meeting": record.meeting})


def decision_table_rows(record: MeetingRecord) -> list[list[str]]:
    """Return the decisions as rows: number, decision, responsibility, due."""
    return [
        [row.commitment.number, row.commitment.text, row.responsibility, row.due] for row in record.decisions
    ]


def note_docx(record: MeetingRecord) -> bytes:
    """Return the note for the record of the meeting as a Word document."""
    from docx import Document

    meeting = record.meeting
    document = Document()
    document.add_heading(_("Note for the record"), level=0)
    document.add_heading(meeting.title, level=1)
    facts = [
        (_("Date"), formats.date_format(meeting.held_on, "j F Y")),
        (_("Place"), meeting.place or "—"),
        (_("Held by"), str(meeting.coalition or meeting.platform)),
        (_("Chairs"), _entities(record.chairs)),
        (_("Participating entities"), _entities(record.participants)),
    ]
    for label, value in facts:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
    document.add_heading(_("Agenda"), level=2)
    if record.agenda:
        for item in record.agenda:
            document.add_paragraph(f"{item.number}. {item.title}")
    else:
        document.add_paragraph(_("No agenda recorded."))
    document.add_heading(_("Decisions"), level=2)
    if record.decisions:
        docx_table(
            document,
            header=[_("No."), _("Decision"), _("Responsibility"), _("Due")],
            rows=decision_table_rows(record),
        )
    else:
        document.add_paragraph(_("No decisions recorded."))
    document.add_heading(_("Minutes"), level=2)
    for line in (meeting.minutes or "—").split("\n"):
        if line.strip():
            document.add_paragraph(line.strip())
    return docx_bytes(document)

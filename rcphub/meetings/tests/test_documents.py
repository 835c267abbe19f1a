"""The note for the record, read back from the PDF and the Word document."""

import io
from datetime import date

import pdfplumber
import pytest
from django.urls import reverse
from docx import Document

from rcphub.meetings.services import agenda_item_add, decision_create
from rcphub.meetings.tests.factories import hold_meeting
from rcphub.reference.models import Entity

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(coalition, coalition_secretariat):
    meeting = hold_meeting(
        coalition=coalition,
        by=coalition_secretariat,
        title="Health coalition meeting, March 2026",
        held_on=date(2026, 3, 12),
        place="Istanbul",
        minutes="The co-chairs opened the meeting.\nMembers agreed the brief.",
    )
    item = agenda_item_add(
        meeting=meeting, number="2", title="Regional health brief", by=coalition_secretariat
    )
    decision_create(
        meeting=meeting,
        number="1",
        text="Publish the regional health brief.",
        responsible_entities=[Entity.objects.get(acronym="UNDP")],
        responsible_text="UNDP and WHO",
        due_on=date(2026, 6, 30),
        due_text="By end of June",
        agenda_item=item,
        by=coalition_secretariat,
    )
    decision_create(
        meeting=meeting,
        number="2",
        text="Invite UNFPA to co-lead the data work.",
        responsible_entities=[Entity.objects.get(acronym="WHO")],
        due_on=date(2026, 9, 30),
        by=coalition_secretariat,
    )
    return meeting


def test_note_pdf_holds_the_title_and_the_decisions(client, meeting):
    response = client.get(reverse("meetings:note_pdf", args=[meeting.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    with pdfplumber.open(io.BytesIO(response.content)) as pdf:
        text = " ".join((page.extract_text() or "") for page in pdf.pages)
    text = " ".join(text.split())
    assert "Health coalition meeting, March 2026" in text
    assert "Publish the regional health brief." in text
    assert "By end of June" in text
    assert "Istanbul" in text
    assert "Members agreed the brief." in text


def test_note_docx_holds_the_decisions_table(client, meeting):
    response = client.get(reverse("meetings:note_docx", args=[meeting.pk]))

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    document = Document(io.BytesIO(response.content))
    (table,) = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows == [
        ["No.", "Decision", "Responsibility", "Due"],
        ["1", "Publish the regional health brief.", "UNDP and WHO", "By end of June"],
        ["2", "Invite UNFPA to co-lead the data work.", "WHO", "2026-09-30"],
    ]
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    assert "Health coalition meeting, March 2026" in paragraphs
    assert "2. Regional health brief" in paragraphs
    assert "Chairs: WHO" in paragraphs
    assert "Participating entities: UNDP, UNFPA, UNICEF" in paragraphs
    assert "Members agreed the brief." in paragraphs

"""The kind of a document told from its headers, and the interpreter each kind goes to."""

import pytest
from django.core.exceptions import ValidationError

from rcphub.importers.interpret.detect import detect_kind, interpret
from rcphub.importers.interpret.recognise import Recogniser
from rcphub.importers.readers import read_document
from rcphub.importers.readers.model import Document, Paragraph
from rcphub.importers.tests import documents as docs

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def recogniser(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return Recogniser.from_reference()


@pytest.mark.parametrize(
    ("builder", "name", "kind"),
    [
        (docs.workplan_headings_docx, "plan.docx", "workplan"),
        (docs.workplan_tables_docx, "plan.docx", "workplan"),
        (docs.workplan_big_table_docx, "plan.docx", "workplan"),
        (docs.tracker_xlsx, "tracker.xlsx", "workplan"),
        (docs.status_table_docx, "status.docx", "review"),
        (docs.plan_of_action_docx, "plan-of-action.docx", "plan_of_action"),
        (docs.uninfo_xlsx, "jwp.xlsx", "uninfo"),
    ],
)
def test_detect_kind(builder, name, kind):
    assert detect_kind(read_document(builder(), name)) == kind


def test_a_document_that_says_nothing_has_no_kind():
    document = Document(
        filename="minutes.docx", format="docx", blocks=[Paragraph(text="Minutes of the meeting")]
    )
    assert detect_kind(document) is None
    with pytest.raises(ValidationError, match=r"minutes\.docx: the kind of document cannot be told"):
        interpret(document, recogniser=Recogniser())


def test_interpret_dispatches_on_the_detected_kind(recogniser):
    proposal = interpret(read_document(docs.workplan_big_table_docx(), "plan.docx"), recogniser=recogniser)
    assert proposal.kind == "workplan"
    assert proposal.item_count() == 9  # 2 results, 3 outputs, 4 activities
    assert interpret(read_document(docs.uninfo_xlsx(), "jwp.xlsx"), recogniser=recogniser).kind == "uninfo"


def test_a_kind_that_does_not_match_names_the_file_and_what_was_found(recogniser):
    document = read_document(docs.workplan_tables_docx(), "coalition plan.docx")
    with pytest.raises(ValidationError) as error:
        interpret(document, "review", recogniser=recogniser)
    message = error.value.messages[0]
    assert message.startswith("coalition plan.docx: expected a review (status of implementation), but found")
    assert "“Activity”" in message
    assert message.endswith("which reads as work plan.")


def test_a_work_plan_asked_of_a_review_is_refused(recogniser):
    document = read_document(docs.status_table_docx(), "status.docx")
    with pytest.raises(ValidationError, match=r"status\.docx: expected a work plan"):
        interpret(document, "workplan", recogniser=recogniser)


def test_an_unknown_kind_is_refused(recogniser):
    document = read_document(docs.tracker_xlsx(), "tracker.xlsx")
    with pytest.raises(ValidationError, match="“minutes” is not a kind rcphub imports"):
        interpret(document, "minutes", recogniser=recogniser)  # type: ignore[arg-type]

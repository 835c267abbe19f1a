"""Reviews read from their status-of-implementation tables, in Word and in PDF."""

from datetime import date

import pytest

from rcphub.importers.interpret.proposal import proposal_from_json
from rcphub.importers.interpret.recognise import Recogniser
from rcphub.importers.interpret.review import interpret_review
from rcphub.importers.readers import read_document
from rcphub.importers.readers.model import Cell, Document, Heading, Paragraph, Row, Source, Table
from rcphub.importers.tests import documents as docs

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def recogniser(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return Recogniser.from_reference()


@pytest.fixture(scope="module")
def word(recogniser):
    return interpret_review(read_document(docs.status_table_docx(), "status.docx"), recogniser=recogniser)


@pytest.fixture(scope="module")
def pdf(recogniser):
    return interpret_review(read_document(docs.status_table_pdf(), "status.pdf"), recogniser=recogniser)


@pytest.fixture(scope="module")
def variant(recogniser):
    return interpret_review(read_document(docs.review_variant_docx(), "review.docx"), recogniser=recogniser)


def _document(
    rows,
    header=("No.", "Recommendation", "Management response", "Responsibility", "Status and comment"),
    *,
    blocks=(),
    pages=None,
    fmt="docx",
):
    """Return a read document holding one table (`pages`: the page of each body row, for a PDF)."""
    table_rows = [
        Row(cells=[Cell(text=name) for name in header], where=Source(table=1, row=1), is_header=True)
    ]
    for index, values in enumerate(rows, start=2):
        page = pages[index - 2] if pages else None
        table_rows.append(
            Row(
                cells=[Cell(text=text, paragraphs=text.split("\n") if text else []) for text in values],
                where=Source(page=page, table=1, row=index),
            )
        )
    return Document(
        filename=f"status.{fmt}", format=fmt, blocks=[*blocks, Table(rows=table_rows, where=Source(table=1))]
    )


def _row(
    response="Accepts", responsible="UNDP", status="Completed", number="1", text="Train the country teams."
):
    return [number, text, response, responsible, status]


def _summary(commitment):
    return (
        commitment.number,
        commitment.title,
        commitment.text,
        commitment.response,
        commitment.response_text,
        commitment.responsible_text,
        commitment.responsible,
        commitment.responsible_entities,
        commitment.status,
        commitment.status_text,
    )


def test_word_status_table_gives_the_review_its_round_and_its_recommendations(word):
    assert word.kind == "review"
    assert word.title == "Evaluation of the Regional Collaborative Platform"
    assert (word.issued, word.issued_precision) == (date(2017, 11, 1), "month")
    assert (word.as_at, word.round_title) == (date(2018, 12, 31), docs.STATUS_TITLE)
    assert [_summary(c) for c in word.commitments] == [
        (
            "1",
            "Strengthen results-based management of the coalition's work plan (1).",
            "",
            "accepted",
            "Accepts",
            "IBC secretariat; UNDP",
            ["IBC secretariat", "UNDP"],
            ["UNDP"],
            "completed",
            "Completed",
        ),
        (
            "2",
            "Set up a joint monitoring framework with the Regional UN Network on Migration (2).",
            "",
            "partially_accepted",
            "Partially accepts",
            "Co-chairs",
            ["Co-chairs"],
            [],
            "ongoing",
            "Ongoing",
        ),
        (
            "3",
            "Mobilise pooled funding for cross-border activities (3).",
            "",
            "accepted",
            "Accepts",
            "IBC secretariat; UNDP",
            ["IBC secretariat", "UNDP"],
            ["UNDP"],
            "not_started",
            "Not started",
        ),
        (
            "4",
            "Train UN Country Teams on the Global Compact for Migration (4).",
            "",
            "not_accepted",
            "Does not accept",
            "Co-chairs",
            ["Co-chairs"],
            [],
            "ongoing",
            "Completed/ongoing",
        ),
    ]
    # The cell of status and comment: the status it opens with, the rest (two paragraphs) the comment.
    assert word.commitments[1].comment == (
        "draft framework shared in November\nA second workshop is planned for March 2019."
    )
    assert [c.comment for c in word.commitments if c.number != "2"] == ["", "", ""]
    assert [(c.key, c.where) for c in word.commitments] == [
        (f"commitments.{i}", f"table 1, row {i + 2}") for i in range(4)
    ]
    assert word.questions == []


def test_word_and_pdf_status_tables_give_the_same_commitments(word, pdf):
    assert (pdf.title, pdf.issued, pdf.issued_precision, pdf.as_at, pdf.round_title) == (
        word.title,
        word.issued,
        word.issued_precision,
        word.as_at,
        word.round_title,
    )
    # The PDF's cells are wrapped on the page: their lines are joined again ("Completed/\nongoing").
    assert [_summary(c) for c in pdf.commitments[:4]] == [_summary(c) for c in word.commitments]
    assert pdf.commitments[1].comment == "draft framework shared in November"


def test_pdf_table_continued_over_pages_is_one_list_named_by_page(pdf):
    assert [c.number for c in pdf.commitments] == [str(i) for i in range(1, 46)]
    assert pdf.commitments[0].where == "page 1, table 1, row 2"
    assert pdf.commitments[-1].where == "page 3, table 1, row 46"
    assert pdf.commitments[-1].key == "commitments.44"
    assert pdf.commitments[-1].title == "Publish an annual progress report to Member States (45)."


def test_unknown_responsibility_is_a_warning_on_its_row(word):
    unknown = [(w.where, w.key, w.message) for w in word.warnings]
    assert (
        "table 1, row 3",
        "commitments.1",
        "“Co-chairs” is not an entity rcphub knows; it is kept as written.",
    ) in unknown
    assert len(unknown) == 4  # one per name not known, on each row


@pytest.mark.parametrize(
    ("written", "response"),
    [
        ("accepts", "accepted"),
        ("Accepts", "accepted"),
        ("Accepted", "accepted"),
        ("partially accepts", "partially_accepted"),
        ("Partially accepted", "partially_accepted"),
        ("UNICEF partially accepts the recommendation.", "partially_accepted"),
        ("does not accept", "not_accepted"),
        ("Not accepted", "not_accepted"),
        ("Accepted; the partially funded pilots go on.", "accepted"),
    ],
)
def test_management_response_is_read_from_its_words_and_kept_as_written(recogniser, written, response):
    proposal = interpret_review(_document([_row(response=written)]), recogniser=recogniser)
    (commitment,) = proposal.commitments
    assert (commitment.response, commitment.response_text) == (response, written)
    assert not [w for w in proposal.warnings if "management response" in w.message]


def test_response_not_read_is_kept_with_a_warning_naming_the_row(variant):
    third = variant.commitments[2]
    assert (third.response, third.response_text) == ("", "Under consideration")
    assert any(
        w.where == "table 1, row 4" and w.key == "commitments.2" and "Under consideration" in w.message
        for w in variant.warnings
    )


def test_recommendation_of_several_paragraphs_gives_its_title_and_text(variant):
    assert variant.title == "Mid-term review of the Regional UN Network on Migration"
    assert (variant.issued, variant.issued_precision) == (date(2019, 1, 1), "year")
    assert [(c.number, c.title, c.text) for c in variant.commitments] == [
        ("R1", "Sharpen the network's focus", "Concentrate on three priorities agreed with Member States."),
        ("R2", "Share data across the region", "Publish the regional migration data portal."),
        ("", "Engage civil society", ""),
        ("R4", "Report jointly", "Issue one annual report of the network."),
    ]
    first = variant.commitments[0]
    assert (first.response, first.response_text) == (
        "accepted",
        "Accepted. The network will revise its terms of reference.",
    )
    assert (first.responsible, first.responsible_entities) == (["IOM", "UNDP"], ["IOM", "UNDP"])


def test_status_column_is_kept_as_written_and_a_comment_with_no_status_gives_none(variant):
    assert [(c.status, c.status_text, c.comment) for c in variant.commitments] == [
        ("completed", "Completed", "Revised terms adopted in May."),
        ("ongoing", "In progress", ""),
        ("", "See annex 2", "Discussed with the co-chairs."),
        ("", "", "No change is planned."),
    ]
    assert any(w.where == "table 1, row 4" and "See annex 2" in w.message for w in variant.warnings)


def test_row_with_no_number_is_kept_and_warned_of_by_its_row(variant):
    assert variant.commitments[2].number == ""
    assert [w.where for w in variant.warnings if "no number" in w.message] == ["table 1, row 4"]


def test_ambiguous_responsibility_is_a_question_offering_the_entities_the_document_names(variant):
    (question,) = [q for q in variant.questions if q.about == "entity"]
    assert (question.text, question.where) == ("PMU", "table 1, row 3")
    assert question.keys == ["commitments.1.responsible_entities"]
    assert [choice.value for choice in question.choices] == ["IOM", "UNDP", "UNHCR", ""]
    second = variant.commitments[1]
    assert (second.responsible_text, second.responsible, second.responsible_entities) == ("PMU", ["PMU"], [])


def test_round_announced_without_a_date_is_a_question(variant):
    assert variant.as_at is None
    assert variant.round_title == "Status update on the recommendations"
    (question,) = [q for q in variant.questions if q.about == "round_date"]
    assert (question.text, question.required, question.answer) == (
        "Status update on the recommendations",
        True,
        "",
    )
    assert question.keys == [f"commitments.{i}" for i in range(4)]
    assert question in variant.unanswered()


def test_no_round_date_is_asked_where_no_status_or_comment_is_given(recogniser):
    proposal = interpret_review(_document([_row(status="")]), recogniser=recogniser)
    assert proposal.as_at is None
    assert proposal.questions == []


@pytest.mark.parametrize(
    ("title", "as_at"),
    [
        ("Progress report as at 31 December 2018", date(2018, 12, 31)),
        ("Status of implementation as of June 2019", date(2019, 6, 30)),
        ("Management response tracker – status update at 2020-03-15", date(2020, 3, 15)),
    ],
)
def test_round_date_is_read_from_the_title(recogniser, title, as_at):
    proposal = interpret_review(
        _document([_row()], blocks=[Heading(level=1, text=title, where=Source(paragraph=1))]),
        recogniser=recogniser,
    )
    assert (proposal.as_at, proposal.round_title) == (as_at, title)
    assert not [q for q in proposal.questions if q.about == "round_date"]


@pytest.mark.parametrize(
    ("written", "issued", "precision", "title"),
    [
        (
            "Evaluation of the SPECA programme, issued 14 April 2025.",
            date(2025, 4, 14),
            "day",
            "Evaluation of the SPECA programme",
        ),
        (
            "Evaluation of the SPECA programme, issued November 2017.",
            date(2017, 11, 1),
            "month",
            "Evaluation of the SPECA programme",
        ),
        (
            "Joint evaluation of the UNDAF for Georgia (2017)",
            date(2017, 1, 1),
            "year",
            "Joint evaluation of the UNDAF for Georgia",
        ),
        ("Audit of the regional hub", None, "", "Audit of the regional hub"),
    ],
)
def test_review_title_and_issue_date_by_day_month_or_year(recogniser, written, issued, precision, title):
    proposal = interpret_review(
        _document([_row()], blocks=[Paragraph(text=written, where=Source(paragraph=1))]),
        recogniser=recogniser,
    )
    assert (proposal.title, proposal.issued, proposal.issued_precision) == (title, issued, precision)
    assert any("issue date" in w.message for w in proposal.warnings) == (issued is None)


@pytest.mark.parametrize(
    ("written", "status", "status_text", "comment"),
    [
        ("Ongoing: draft shared with the network", "ongoing", "Ongoing", "draft shared with the network"),
        ("Completed. The report was published.", "completed", "Completed", "The report was published."),
        ("Starting 2020 following the review", "starting", "Starting 2020 following the review", ""),
        (
            "The draft was shared with the network in November and the consultations are ongoing",
            "",
            "",
            "The draft was shared with the network in November and the consultations are ongoing",
        ),
    ],
)
def test_status_and_comment_column_gives_a_status_only_where_it_opens_with_one(
    recogniser, written, status, status_text, comment
):
    proposal = interpret_review(_document([_row(status=written)]), recogniser=recogniser)
    (commitment,) = proposal.commitments
    assert (commitment.status, commitment.status_text, commitment.comment) == (status, status_text, comment)


def test_header_repeated_and_heading_rows_are_not_recommendations(recogniser):
    header = ["No.", "Recommendation", "Management response", "Responsibility", "Status and comment"]
    rows = [_row(number="1"), ["Governance"] * 5, header, _row(number="2")]
    document = _document(rows)
    document.tables[0].rows[2].is_heading_row = True
    proposal = interpret_review(document, recogniser=recogniser)
    assert [(c.number, c.key, c.where) for c in proposal.commitments] == [
        ("1", "commitments.0", "table 1, row 2"),
        ("2", "commitments.1", "table 1, row 5"),
    ]


def test_row_broken_at_a_page_is_added_to_the_recommendation_it_continues(recogniser):
    rows = [
        _row(number="1", text="Train the country teams on the Global Compact", status="Ongoing: two of"),
        ["", "for Migration.", "", "", "five trainings held."],
        _row(number="2", text="Publish an annual report."),
    ]
    proposal = interpret_review(_document(rows, pages=[1, 2, 2], fmt="pdf"), recogniser=recogniser)
    assert [(c.number, c.title, c.comment) for c in proposal.commitments] == [
        ("1", "Train the country teams on the Global Compact for Migration.", "two of five trainings held."),
        ("2", "Publish an annual report.", ""),
    ]
    assert not [w for w in proposal.warnings if "no number" in w.message]


def test_number_from_the_text_where_there_is_no_number_column(recogniser):
    document = _document(
        [["Recommendation 3: Train the country teams.", "Accepted"], ["Publish a report.", "Accepted"]],
        header=("Recommendation", "Management response"),
    )
    proposal = interpret_review(document, recogniser=recogniser)
    assert [(c.number, c.title) for c in proposal.commitments] == [
        ("3", "Train the country teams."),
        ("", "Publish a report."),
    ]
    assert [w.where for w in proposal.warnings if "no number" in w.message] == ["table 1, row 3"]


def test_duplicate_numbers_are_warned_of(recogniser):
    proposal = interpret_review(_document([_row(number="1"), _row(number="1")]), recogniser=recogniser)
    assert any(w.where == "table 1, row 3" and "table 1, row 2" in w.message for w in proposal.warnings)


def test_document_with_no_table_of_recommendations_says_so(recogniser):
    document = Document(
        filename="notes.docx", format="docx", blocks=[Paragraph(text="Minutes", where=Source(paragraph=1))]
    )
    proposal = interpret_review(document, recogniser=recogniser)
    assert proposal.commitments == []
    assert any("No table of recommendations" in w.message for w in proposal.warnings)


def test_proposal_survives_its_json(variant):
    again = proposal_from_json(variant.to_json())
    assert again == variant
    data = variant.to_json()
    assert "groups" not in data and "results" not in data
    assert data["commitments"][0]["responsible"] == ["IOM", "UNDP"]


@pytest.mark.parametrize(
    ("header", "roles", "combined"),
    [
        (
            ["No.", "Recommendation", "Management response", "Responsibility", "Status and comment"],
            {"number": 0, "recommendation": 1, "response": 2, "responsible": 3, "status": 4, "comment": 4},
            True,
        ),
        (
            ["Rec. no.", "Recommendation", "Management response", "Lead", "Status", "Comment"],
            {"number": 0, "recommendation": 1, "response": 2, "responsible": 3, "status": 4, "comment": 5},
            False,
        ),
        (
            ["#", "Key action", "Responsible unit", "Timeframe", "Status as at date", "Actions taken"],
            {"number": 0, "action": 1, "responsible": 2, "due": 3, "status": 4, "comment": 5},
            False,
        ),
        (["Action item", "Deadline"], {"action": 0, "due": 1}, False),
    ],
)
def test_columns_are_found_by_their_names(header, roles, combined):
    from rcphub.importers.interpret.commitments import find_columns

    columns = find_columns(_document([], header=header).tables[0])
    assert (columns.indexes, columns.status_and_comment) == (roles, combined)

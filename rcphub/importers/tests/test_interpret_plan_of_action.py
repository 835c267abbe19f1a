"""Plans of action read from their tables, in Word and in PDF: components, action items, due dates, statuses."""

from datetime import date

import pytest

from rcphub.importers.interpret.plan_of_action import interpret_plan_of_action
from rcphub.importers.interpret.proposal import proposal_from_json
from rcphub.importers.interpret.recognise import Recogniser
from rcphub.importers.readers import read_document
from rcphub.importers.readers.model import Cell, Document, Row, Source, Table
from rcphub.importers.tests import documents as docs

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def recogniser(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return Recogniser.from_reference()


@pytest.fixture(scope="module")
def word(recogniser):
    return interpret_plan_of_action(
        read_document(docs.plan_of_action_docx(), "plan.docx"), recogniser=recogniser
    )


@pytest.fixture(scope="module")
def pdf(recogniser):
    return interpret_plan_of_action(
        read_document(docs.plan_of_action_pdf(), "plan.pdf"), recogniser=recogniser
    )


@pytest.fixture(scope="module")
def variant(recogniser):
    return interpret_plan_of_action(
        read_document(docs.plan_of_action_variant_docx(), "plan.docx"), recogniser=recogniser
    )


def _document(rows, header=("No.", "Action", "Due", "Status")):
    table_rows = [
        Row(cells=[Cell(text=name) for name in header], where=Source(table=1, row=1), is_header=True)
    ]
    table_rows += [
        Row(
            cells=[Cell(text=text, paragraphs=[text] if text else []) for text in values],
            where=Source(table=1, row=i),
        )
        for i, values in enumerate(rows, start=2)
    ]
    return Document(
        filename="plan.docx", format="docx", blocks=[Table(rows=table_rows, where=Source(table=1))]
    )


def _tree(proposal):
    return [
        (
            group.code,
            group.title,
            [(i.number, i.text, i.due_text, i.due_on, i.status_text, i.status) for i in group.items],
        )
        for group in proposal.groups
    ]


EXPECTED = [
    (
        "1",
        "Coordination and coherence",
        [
            (
                "1.1",
                "Agree the coalition's terms of reference",
                "By end 2019",
                date(2019, 12, 31),
                "Completed/ongoing",
                "ongoing",
            ),
            (
                "1.2",
                "Map the entities' regional programmes",
                "By end March 2019",
                date(2019, 3, 31),
                "Completed",
                "completed",
            ),
        ],
    ),
    (
        "2",
        "Support to UN Country Teams",
        [
            (
                "2.1",
                "Offer a roster of experts to Resident Coordinators",
                "By mid-2020",
                date(2020, 6, 30),
                "Starting 2020 following the review",
                "starting",
            ),
            (
                "2.2",
                "Hold joint trainings for country teams",
                "2019–20",
                date(2020, 12, 31),
                "Ongoing",
                "ongoing",
            ),
        ],
    ),
]


def test_merged_rows_are_components_holding_their_action_items(word):
    assert word.kind == "plan_of_action"
    assert word.title == "Plan of action for the recommendations of the 2018 review"
    assert _tree(word) == EXPECTED
    assert [(g.key, g.where) for g in word.groups] == [
        ("groups.0", "table 1, row 2"),
        ("groups.1", "table 1, row 5"),
    ]
    assert [(i.key, i.where) for g in word.groups for i in g.items] == [
        ("groups.0.items.0", "table 1, row 3"),
        ("groups.0.items.1", "table 1, row 4"),
        ("groups.1.items.0", "table 1, row 6"),
        ("groups.1.items.1", "table 1, row 7"),
    ]
    assert not [w for w in word.warnings if w.key]


def test_pdf_plan_of_action_gives_the_same_components_and_items(pdf):
    # The PDF wraps "By end March\n2019" and "Starting 2020 following the\nreview": read as written.
    assert _tree(pdf) == EXPECTED
    assert pdf.groups[1].items[0].where == "page 1, table 1, row 6"


@pytest.mark.parametrize(
    ("due_text", "due_on"),
    [
        ("By end 2019", date(2019, 12, 31)),
        ("By end March 2019", date(2019, 3, 31)),
        ("By mid-2020", date(2020, 6, 30)),
        ("2019–20", date(2020, 12, 31)),
        ("Q3 2019", date(2019, 9, 30)),
        ("31 December 2019", date(2019, 12, 31)),
    ],
)
def test_due_text_is_kept_as_written_with_the_date_it_means(recogniser, due_text, due_on):
    proposal = interpret_plan_of_action(
        _document([["1", "Map the programmes", due_text, ""]]), recogniser=recogniser
    )
    (item,) = proposal.groups[0].items
    assert (item.due_text, item.due_on) == (due_text, due_on)
    assert not [w for w in proposal.warnings if "due text" in w.message]


@pytest.mark.parametrize("due_text", ["Ongoing", "Continuous", "Within six months", "TBD"])
def test_due_text_that_names_no_date_is_a_warning_naming_the_row(recogniser, due_text):
    proposal = interpret_plan_of_action(
        _document([["1", "Map the programmes", "By end 2019", ""], ["2", "Hold a forum", due_text, ""]]),
        recogniser=recogniser,
    )
    second = proposal.groups[0].items[1]
    assert (second.due_text, second.due_on) == (due_text, None)
    assert [(w.where, w.key) for w in proposal.warnings if "due text" in w.message] == [
        ("table 1, row 3", "groups.0.items.1")
    ]


@pytest.mark.parametrize(
    ("status_text", "status"),
    [
        ("Completed/ongoing", "ongoing"),
        ("Starting 2020 following the review", "starting"),
        ("Completed", "completed"),
        ("Not started", "not_started"),
        ("No longer applicable", "no_longer_applicable"),
    ],
)
def test_status_is_kept_as_written_beside_the_status_it_reads_as(recogniser, status_text, status):
    proposal = interpret_plan_of_action(
        _document([["1", "Map the programmes", "", status_text]]), recogniser=recogniser
    )
    (item,) = proposal.groups[0].items
    assert (item.status_text, item.status) == (status_text, status)


def test_plan_of_action_variant_items_before_a_component_a_component_with_no_number(variant):
    assert variant.title == "Plan of action: UNECE evaluation of the SPECA programme"
    assert [(g.code, g.title, g.key, [i.number for i in g.items]) for g in variant.groups] == [
        ("", "", "groups.0", ["0.1"]),
        ("", "Programme management", "groups.1", ["A.1", ""]),
        ("B", "Outreach", "groups.2", ["B.1"]),
    ]
    assert [w.where for w in variant.warnings if "component" in w.message] == ["table 1, row 3"]


def test_statuses_are_as_at_the_date_the_document_gives(variant):
    assert variant.as_at == date(2019, 6, 30)
    assert variant.round_title == "Status as at 30 June 2019"
    assert not [q for q in variant.questions if q.about == "round_date"]


def test_plan_without_a_status_date_asks_for_the_round_date(word):
    (question,) = word.questions
    assert (question.about, question.required) == ("round_date", True)
    assert question.keys == ["groups.0.items.0", "groups.0.items.1", "groups.1.items.0", "groups.1.items.1"]


def test_warnings_are_named_by_row(variant):
    on_rows = [(w.where, w.key, w.message) for w in variant.warnings if w.key]
    assert on_rows == [
        (
            "table 1, row 3",
            "groups.1",
            "The component “Programme management” has no number; give it one before the import is committed.",
        ),
        (
            "table 1, row 4",
            "groups.1.items.0",
            "The due text “Ongoing” gives no date; it is kept as written, with no due date.",
        ),
        (
            "table 1, row 4",
            "groups.1.items.0",
            "The status “See annex” is not one rcphub reads; it is kept as written, with no status.",
        ),
        (
            "table 1, row 5",
            "groups.1.items.1",
            "The row has no number; give it one before the import is committed.",
        ),
    ]


def test_responsibility_resolved_and_an_ambiguous_unit_asks_a_question(variant):
    first, second = variant.groups[1].items
    assert (first.responsible_text, first.responsible, first.responsible_entities) == (
        "UNECE; ESCAP",
        ["UNECE", "ESCAP"],
        ["UNECE", "ESCAP"],
    )
    assert (second.responsible, second.responsible_entities) == (["PMU"], [])
    (question,) = [q for q in variant.questions if q.about == "entity"]
    assert (question.text, question.where, question.keys) == (
        "PMU",
        "table 1, row 5",
        ["groups.1.items.1.responsible_entities"],
    )
    assert [choice.value for choice in question.choices] == ["UNECE", "ESCAP", ""]


def test_header_rows_repeated_are_not_items(recogniser):
    document = _document(
        [
            ["1", "Map the programmes", "By end 2019", ""],
            ["No.", "Action", "Due", "Status"],
            ["2", "Hold a forum", "2020", ""],
        ]
    )
    proposal = interpret_plan_of_action(document, recogniser=recogniser)
    assert [(i.number, i.where) for i in proposal.groups[0].items] == [
        ("1", "table 1, row 2"),
        ("2", "table 1, row 4"),
    ]


def test_proposal_survives_its_json(word):
    assert proposal_from_json(word.to_json()) == word
    data = word.to_json()
    assert "commitments" not in data
    assert data["groups"][0]["items"][0]["due_on"] == "2019-12-31"

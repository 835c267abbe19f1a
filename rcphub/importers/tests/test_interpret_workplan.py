"""Work plans read from each layout: numbered headings, a table per output, one big table, trackers, the export."""

from datetime import date

import pytest

from rcphub.importers.interpret.proposal import proposal_from_json
from rcphub.importers.interpret.recognise import Recogniser
from rcphub.importers.interpret.workplan import interpret_workplan
from rcphub.importers.readers import read_document
from rcphub.importers.readers.model import Cell, Document, Row, Source, Table
from rcphub.importers.tests import documents as docs

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def recogniser(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return Recogniser.from_reference()


def _read(builder, name, recogniser):
    return interpret_workplan(read_document(builder(), name), recogniser=recogniser)


def _tree(proposal):
    """Return the tree as (code, title, footnotes) per level, activities with countries and entities."""
    return [
        (
            result.code,
            result.title,
            result.footnotes,
            [
                (
                    output.code,
                    output.title,
                    output.footnotes,
                    [
                        (a.code, a.title, a.footnotes, a.countries, a.lead, a.partners)
                        for a in output.activities
                    ],
                )
                for output in result.outputs
            ],
        )
        for result in proposal.results
    ]


def test_numbered_headings_give_the_tree_with_footnotes_and_countries(recogniser):
    proposal = _read(docs.workplan_headings_docx, "plan.docx", recogniser)
    assert proposal.kind == "workplan"
    assert proposal.title == "Work plan 2025 of the Issue-based Coalition on Large Movements of People"
    assert (proposal.year, proposal.period_start, proposal.period_end) == (
        2025,
        date(2025, 1, 1),
        date(2025, 12, 31),
    )
    assert _tree(proposal) == [
        (
            "1",
            docs.RESULT_1,
            [],
            [
                (
                    "1.1",
                    docs.OUTPUT_1_1,
                    [],
                    [
                        ("i", "Regional review of national migration strategies", [], ["AZE", "TKM"], [], []),
                        (
                            "ii",
                            "Peer-learning workshop for migration focal points",
                            [docs.NOTES[1]],
                            [],
                            [],
                            [],
                        ),
                    ],
                ),
                (
                    "1.2",
                    docs.OUTPUT_1_2,
                    [docs.NOTES[2]],
                    [("i", "Guidance note on bilateral labour migration agreements", [], [], [], [])],
                ),
            ],
        ),
        (
            "2",
            docs.RESULT_2,
            [],
            [
                (
                    "2.1",
                    docs.OUTPUT_2_1,
                    [],
                    [
                        (
                            "i",
                            "Training on area-based planning for municipalities in Ukraine",
                            [docs.NOTES[3]],
                            ["UKR"],
                            [],
                            [],
                        )
                    ],
                )
            ],
        ),
    ]
    first = proposal.results[0].outputs[0].activities[0]
    assert first.countries_text == "Azerbaijan and Turkmenistan"
    assert (first.key, first.where) == ("results.0.outputs.0.activities.0", "paragraph 5")
    assert proposal.results[1].outputs[0].key == "results.1.outputs.0"
    assert proposal.warnings == []
    assert proposal.questions == []


def test_a_table_per_output_reads_numbering_entities_countries_and_descriptions(recogniser):
    proposal = _read(docs.workplan_tables_docx, "plan.docx", recogniser)
    assert _tree(proposal) == [
        (
            "1",
            docs.RESULT_1,
            [],
            [
                (
                    "1.1",
                    docs.OUTPUT_1_1,
                    [],
                    [
                        (
                            "i",
                            "Regional review of national migration strategies",
                            [],
                            ["ARM", "GEO"],
                            ["IOM"],
                            ["UNDP", "UNHCR"],
                        ),
                        (
                            "ii",
                            "Peer-learning workshop for migration focal points",
                            [docs.NOTES[1]],
                            [],
                            ["UNDP"],
                            ["IOM"],
                        ),
                        ("iii", "Data dashboard on labour migration", [], ["KGZ"], ["ILO"], []),
                    ],
                ),
                (
                    "1.2",
                    docs.OUTPUT_1_2,
                    [],
                    [
                        (
                            "i",
                            "Guidance note on bilateral labour migration agreements",
                            [],
                            ["TJK"],
                            ["ILO"],
                            ["IOM"],
                        )
                    ],
                ),
            ],
        )
    ]
    first, second, _third = proposal.results[0].outputs[0].activities
    assert first.description == "Covers the strategies adopted since 2019."
    assert (first.due_text, first.where, first.entities_text) == (
        "Q1–Q2",
        "table 1, row 2",
        "IOM; UNDP; UNHCR",
    )
    assert (second.countries, second.countries_text) == ([], "All")  # the whole region: no warning
    assert proposal.warnings == []


def test_a_plan_with_no_year_asks_for_it(recogniser):
    proposal = _read(docs.workplan_tables_docx, "coalition plan.docx", recogniser)
    assert proposal.year is None
    (question,) = proposal.questions
    assert (question.about, question.id, question.required) == ("year", "year", True)
    assert proposal.title == "coalition plan"


def test_one_big_table_reads_merged_result_rows_and_merged_output_cells(recogniser):
    proposal = _read(docs.workplan_big_table_docx, "plan.docx", recogniser)
    assert _tree(proposal) == [
        (
            "1",
            docs.RESULT_1,
            [],
            [
                (
                    "1.1",
                    docs.OUTPUT_1_1,
                    [],
                    [
                        (
                            "i",
                            "Regional review of national migration strategies",
                            [],
                            [],
                            ["IOM"],
                            ["UNDP", "UNHCR"],
                        ),
                        (
                            "ii",
                            "Peer-learning workshop for migration focal points",
                            [docs.NOTES[2]],
                            [],
                            ["UNDP"],
                            ["IOM"],
                        ),
                    ],
                ),
                (
                    "1.2",
                    docs.OUTPUT_1_2,
                    [],
                    [
                        (
                            "i",
                            "Guidance note on bilateral labour migration agreements",
                            [],
                            [],
                            ["ILO"],
                            ["IOM"],
                        )
                    ],
                ),
            ],
        ),
        (
            "2",
            docs.RESULT_2,
            [],
            [
                (
                    "2.1",
                    docs.OUTPUT_2_1,
                    [],
                    [
                        (
                            "i",
                            "Training on area-based planning for municipalities",
                            [],
                            [],
                            ["UNDP"],
                            ["UN-Habitat"],
                        )
                    ],
                )
            ],
        ),
    ]
    assert proposal.results[1].where == "table 1, row 7"


def test_an_excel_tracker_reads_title_codes_dates_statuses_and_puts_activities_under_an_output(recogniser):
    proposal = _read(docs.tracker_xlsx, "tracker.xlsx", recogniser)
    assert proposal.title == docs.TRACKER_TITLE
    assert proposal.year == 2025
    (result,) = proposal.results
    assert (result.code, result.title) == ("1", "Gender-responsive Cooperation Frameworks")
    (output,) = result.outputs
    assert (output.code, output.title) == ("1", result.title)
    rows = [
        (a.code, a.lead, a.partners, a.start_on, a.end_on, a.status, a.status_text) for a in output.activities
    ]
    assert rows == [
        ("1.1", ["UN-Women"], ["UNDP", "UNFPA"], date(2025, 1, 1), date(2025, 6, 30), "ongoing", "Ongoing"),
        ("1.2", ["UNFPA"], [], date(2025, 3, 1), date(2025, 6, 30), "", ""),
        ("1.3", ["UNFPA"], [], date(2025, 3, 1), None, "not_started", "Not started"),
        ("2", ["OHCHR"], ["UN-Women", "UNICEF"], date(2025, 4, 1), None, "completed", "Completed"),
    ]
    assert [w.message for w in proposal.warnings] == [
        "The document names no output above these activities: they are put under an output that repeats their result."
    ]
    assert proposal.warnings[0].where == "sheet Plan, row 5"


def test_a_russian_csv_tracker_recognises_russian_names(recogniser):
    proposal = _read(lambda: docs.tracker_csv("cp1251"), "трекер.csv", recogniser)
    activities = proposal.results[0].outputs[0].activities
    assert [(a.code, a.lead, a.countries) for a in activities] == [
        ("1.1", ["IOM"], ["KAZ", "KGZ"]),
        ("2", ["UNDP"], []),
    ]
    assert len(proposal.warnings) == 2  # no result and no output above the activities


def _document(rows, header=("Activity", "Lead", "Partners", "Countries")):
    """Return a one-table document built in code: a header and activity rows under "Output 1.1"."""
    table = Table(
        rows=[
            Row(cells=[Cell(text=name) for name in header], where=Source(table=1, row=1), is_header=True),
            *(
                Row(cells=[Cell(text=text) for text in row], where=Source(table=1, row=index))
                for index, row in enumerate(rows, start=2)
            ),
        ],
        where=Source(table=1),
    )
    from rcphub.importers.readers.model import Heading

    return Document(
        filename="plan 2026.docx",
        format="docx",
        blocks=[
            Heading(level=1, text="Result 1: Safer migration", where=Source(paragraph=1)),
            Heading(level=2, text="Output 1.1: Evidence", where=Source(paragraph=2)),
            table,
        ],
    )


def test_an_ambiguous_entity_is_a_question_and_an_unknown_country_a_warning(recogniser):
    document = _document(
        [
            ["i. Regional survey", "UNDP", "IOM", "Armenia; Narnia"],
            ["ii. Country workshops", "PMU", "UNDP", "Georgia"],
            ["iii. Policy brief", "Friends of Migration Network", "-", "All"],
        ]
    )
    proposal = interpret_workplan(document, recogniser=recogniser)
    first, second, third = proposal.results[0].outputs[0].activities
    assert (first.countries, first.lead, first.partners) == (["ARM"], ["UNDP"], ["IOM"])
    assert (second.lead, second.partners, second.entities_text) == ([], ["UNDP"], "PMU; UNDP")
    (question,) = proposal.questions
    assert question.about == "entity"
    assert question.text == "PMU"
    assert question.keys == ["results.0.outputs.0.activities.1.lead"]
    assert [choice.value for choice in question.choices] == ["UNDP", "IOM", ""]
    messages = {(w.key, w.where): w.message for w in proposal.warnings}
    assert "“Narnia” is not a country" in messages[("results.0.outputs.0.activities.0", "table 1, row 2")]
    assert (
        "“Friends of Migration Network” is not an entity"
        in messages[("results.0.outputs.0.activities.2", "table 1, row 4")]
    )
    assert (third.lead, third.entities_text) == ([], "Friends of Migration Network")
    assert proposal.year == 2026  # from the file's name


def test_rows_with_no_code_or_a_repeated_code_get_one_from_their_place(recogniser):
    document = _document(
        [["Regional survey", "UNDP", "", ""], ["i. Workshops", "IOM", "", ""], ["i. Brief", "IOM", "", ""]]
    )
    proposal = interpret_workplan(document, recogniser=recogniser)
    assert [a.code for a in proposal.results[0].outputs[0].activities] == ["1", "i", "i-2"]
    messages = [(w.where, w.message) for w in proposal.warnings]
    assert ("table 1, row 2", "“Regional survey” has no code; it is given 1 from its place.") in messages
    assert (
        "table 1, row 4",
        "The code i is used twice at the same level; the second is given i-2.",
    ) in messages


def test_the_proposal_survives_its_json(recogniser):
    proposal = _read(docs.tracker_xlsx, "tracker.xlsx", recogniser)
    data = proposal.to_json()
    assert data["results"][0]["outputs"][0]["activities"][0]["start_on"] == "2025-01-01"
    assert proposal_from_json(data) == proposal


# --- the round trip: rcphub's own export read back ------------------------------------------------


@pytest.fixture
def exported_plan(work_plan, platform_secretariat):
    """The shared work plan with footnotes on its result and output, a second output with no activities
    and a second result with none, exported to XLSX."""
    from rcphub.reference.models import Country, Entity
    from rcphub.workplans.exports import workplan_xlsx
    from rcphub.workplans.models import Activity, Output, Result
    from rcphub.workplans.selectors import workplan_tree

    result = Result.objects.get(work_plan=work_plan, code="1")
    result.footnotes = "Subject to funding from the health MPTF.\nAgreed with the co-chairs."
    result.save()
    output = Output.objects.get(result=result, code="1.1")
    output.footnotes = "Jointly with the UN Country Teams."
    output.save()
    Output.objects.create(result=result, code="1.2", order=2, title="Guidance on health financing")
    Result.objects.create(work_plan=work_plan, code="2", order=2, title="Health emergencies are prepared for")
    activity = Activity.objects.get(output=output, code="i")
    activity.footnotes = "Carried over from 2025."
    activity.save()
    activity.countries.add(Country.objects.get(iso3="XKX"))
    activity.partner_entities.add(Entity.objects.get(acronym="UN-Women"))
    tree = workplan_tree(work_plan=work_plan, user=platform_secretariat, as_at=date(2026, 6, 30))
    return work_plan, workplan_xlsx(tree)


def _database_tree(work_plan):
    from rcphub.workplans.models import Result

    def lines(text):
        return [line for line in text.splitlines() if line.strip()]

    return [
        (
            result.code,
            result.title,
            lines(result.footnotes),
            [
                (
                    output.code,
                    output.title,
                    lines(output.footnotes),
                    [
                        (
                            activity.code,
                            activity.title,
                            lines(activity.footnotes),
                            sorted(c.iso3 for c in activity.countries.all()),
                            sorted(e.acronym for e in activity.lead_entities.all()),
                            sorted(e.acronym for e in activity.partner_entities.all()),
                        )
                        for activity in output.activities.order_by("order", "id")
                    ],
                )
                for output in result.outputs.order_by("order", "id")
            ],
        )
        for result in Result.objects.filter(work_plan=work_plan).order_by("order", "id")
    ]


def test_an_exported_plan_imports_back_to_the_same_tree(exported_plan, recogniser):
    work_plan, data = exported_plan
    proposal = interpret_workplan(read_document(data, "export.xlsx"), recogniser=recogniser)
    imported = [
        (
            r,
            t,
            f,
            [
                (oc, ot, of, [(*a[:3], sorted(a[3]), sorted(a[4]), sorted(a[5])) for a in acts])
                for oc, ot, of, acts in outs
            ],
        )
        for r, t, f, outs in _tree(proposal)
    ]
    assert imported == _database_tree(work_plan)
    assert proposal.title == work_plan.title
    assert (proposal.year, proposal.period_end) == (2026, date(2026, 12, 31))
    assert proposal.warnings == []
    assert proposal.questions == []
    assert proposal.results[1].outputs == []  # a result with no outputs stays whole

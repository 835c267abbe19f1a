"""UN INFO joint work plan exports read as a work plan tree: the fixture in its layout, then the real samples."""

from datetime import date
from pathlib import Path

import pytest
from django.conf import settings

from rcphub.importers.interpret.recognise import Recogniser
from rcphub.importers.interpret.uninfo import interpret_uninfo
from rcphub.importers.readers import read_document
from rcphub.importers.tests import documents as docs

pytestmark = pytest.mark.django_db

SAMPLES = Path(settings.BASE_DIR).parent / "shared" / "data" / "samples" / "uninfo-jwp"


@pytest.fixture(scope="module")
def recogniser(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return Recogniser.from_reference()


def test_the_chain_becomes_results_outputs_and_activities(recogniser):
    proposal = interpret_uninfo(read_document(docs.uninfo_xlsx(), "jwp.xlsx"), recogniser=recogniser)
    assert proposal.kind == "uninfo"
    assert proposal.title == docs.UNINFO_PLAN
    assert (proposal.year, proposal.period_start, proposal.period_end) == (
        2025,
        date(2025, 1, 1),
        date(2029, 12, 31),
    )
    tree = [
        (
            r.code,
            r.title,
            r.description,
            [(o.code, o.title, [a.code for a in o.activities]) for o in r.outputs],
        )
        for r in proposal.results
    ]
    assert tree == [
        (
            "1.1",
            "Migration is safe, orderly and regular for all",
            "Strategic priority 1: People",
            [("1.1.1", "Migration data are collected and used", ["1.1.1.1", "1.1.1.2"])],
        ),
        (
            "2.1",
            "Decent work for young women and men",
            "Strategic priority 2: Prosperity",
            [("2.1.1", "Youth employment services", ["2.1.1.1"])],
        ),
    ]
    survey, training = proposal.results[0].outputs[0].activities
    assert survey.title == "Labour migration survey"
    assert (survey.lead, survey.partners) == (["IOM", "UNDP"], [])
    assert (survey.countries, survey.countries_text) == (["KGZ"], "Kyrgyzstan; Osh region")
    assert survey.sdg_targets == ["10.7", "8.8"]
    assert (survey.status, survey.status_text) == ("ongoing", "Implementation")
    assert (survey.start_on, survey.end_on) == (date(2025, 1, 1), date(2025, 12, 31))
    assert survey.budget == {"2025": 60000.0, "2026": 60000.0}
    assert survey.description == "UN INFO ID: 90001"
    assert training.title == "Training of statisticians on migration statistics"
    assert (training.status, training.status_text, training.lead) == ("not_started", "Pipeline", ["UNECE"])
    assert training.description == "Two regional trainings.\nUN INFO ID: 90002"
    assert training.key == "results.0.outputs.0.activities.1"
    (warning,) = proposal.warnings
    assert (
        warning.message == "“Regional Statistics Unit” is not an entity rcphub knows; it is kept as written."
    )
    assert (warning.where, warning.key) == ("sheet export_2025-07-06, row 3", training.key)
    assert proposal.questions == []


def _sample(name):
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"the UN INFO samples are not here ({SAMPLES}); they live in the shared data folder")
    return read_document(path)


def test_a_multi_country_sample_prefixes_codes_by_country_and_asks_the_year(recogniser):
    proposal = interpret_uninfo(_sample("Europe_and_Central_Asia_governance.xlsx"), recogniser=recogniser)
    activities = [a for r in proposal.results for o in r.outputs for a in o.activities]
    assert len(activities) == 172  # one per row
    first = proposal.results[0]
    assert (first.code, first.title) == ("ALB-3", "Governance, Rule of Law, and Human Rights")
    assert first.description.startswith("Strategic priority 3: Effective, people-centred governance")
    codes = [r.code for r in proposal.results]
    assert len(codes) == len(set(codes))
    assert all(
        r.code.split("-")[0][:3]
        in {
            "ALB",
            "UKR",
            "SRB",
            "MDA",
            "UZB",
            "MNE",
            "GEO",
            "ARM",
            "TJK",
            "KAZ",
            "KGZ",
            "BIH",
            "MKD",
            "AZE",
            "TKM",
            "TUR",
            "BLR",
            "XKX",
        }
        for r in proposal.results
    )
    assert {a.status for a in activities} <= {"ongoing", "completed", "not_started", "delayed", "cancelled"}
    assert all(a.lead for a in activities)
    assert sum(bool(a.budget) for a in activities) > 150
    assert any(a.sdg_targets for a in activities)
    (question,) = proposal.questions
    assert question.about == "year"
    assert question.default.isdigit()


@pytest.mark.parametrize(
    "name",
    ["Arab_States_poverty.xlsx", "Arab_States_work.xlsx", "Latin_America_and_the_Carribean_governance.xlsx"],
)
def test_every_sample_reads_whole(recogniser, name):
    document = _sample(name)
    proposal = interpret_uninfo(document, recogniser=recogniser)
    rows = len([row for row in document.tables[0].body if not row.is_empty()])
    assert sum(len(o.activities) for r in proposal.results for o in r.outputs) == rows
    assert all(
        a.key and a.code and a.where for r in proposal.results for o in r.outputs for a in o.activities
    )

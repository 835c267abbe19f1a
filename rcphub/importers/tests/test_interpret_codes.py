"""Codes as documents write them, and activity statuses as written (pure: no database)."""

import pytest

from rcphub.core.models import ProgressStatus
from rcphub.importers.interpret.codes import code_from_value, normalise_code, split_code
from rcphub.workplans.wording import progress_status_from_text


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("RESULT 1.", "1"),
        ("Output 1.1:", "1.1"),
        ("Outcome 1.1 :", "1.1"),
        ("1.1000000000000001", "1.1"),
        ("2.2999999999999998", "2.3"),
        ("i.", "i"),
        ("i)", "i"),
        ("(a)", "a"),
        ("1.1.", "1.1"),
        (" 1.2.1 ", "1.2.1"),
        ("Key Activity 1.1.1.23:", "1.1.1.23"),
        ("no code here", ""),
    ],
)
def test_normalise_code_reads_the_code_as_written(written, code):
    assert normalise_code(written) == code


def test_code_from_a_spreadsheet_value_drops_the_float_noise():
    assert code_from_value(1.1000000000000001) == "1.1"
    assert code_from_value(2.0) == "2"
    assert code_from_value(17) == "17"
    assert code_from_value(None) == ""


@pytest.mark.parametrize(
    ("text", "code", "title", "level"),
    [
        (
            "RESULT 1. Migration governance is rights-based",
            "1",
            "Migration governance is rights-based",
            "result",
        ),
        ("Result 1: Displaced people are resilient", "1", "Displaced people are resilient", "result"),
        (
            "Output 1.1: National strategies draw on evidence",
            "1.1",
            "National strategies draw on evidence",
            "output",
        ),
        ("1.1 Strengthened data on labour migration", "1.1", "Strengthened data on labour migration", ""),
        ("ii. Peer-learning workshop", "ii", "Peer-learning workshop", ""),
        ("(a) Guidance note", "a", "Guidance note", ""),
        ("Outcome 1.1 : Strengthened institutions", "1.1", "Strengthened institutions", "result"),
        ("Output 1.1.1 - Strengthening institutions", "1.1.1", "Strengthening institutions", "output"),
        ("Component 1: Coordination and coherence", "1", "Coordination and coherence", "component"),
    ],
)
def test_split_code_separates_the_leading_code_from_the_title(text, code, title, level):
    found = split_code(text)
    assert (found.code, found.title, found.level) == (code, title, level)


@pytest.mark.parametrize(
    "text", ["2025 review of national strategies", "Regional review", "Result-based management training"]
)
def test_split_code_leaves_a_title_without_a_code_whole(text):
    assert split_code(text).code == ""
    assert split_code(text).title == text
    assert split_code(text).level == ""


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Completed", ProgressStatus.COMPLETED),
        ("Closed", ProgressStatus.COMPLETED),
        ("Completed/ongoing", ProgressStatus.ONGOING),
        ("Implementation", ProgressStatus.ONGOING),
        ("Finalisation", ProgressStatus.ONGOING),
        ("In progress", ProgressStatus.ONGOING),
        ("Planned", ProgressStatus.STARTING),
        ("Not started", ProgressStatus.NOT_STARTED),
        ("Pipeline", ProgressStatus.NOT_STARTED),
        ("Postponed to 2026", ProgressStatus.DELAYED),
        ("Suspended", ProgressStatus.DELAYED),
        ("Cancelled", ProgressStatus.CANCELLED),
        ("Not completed", None),
        ("See the narrative", None),
    ],
)
def test_progress_status_from_text(text, status):
    assert progress_status_from_text(text) == status

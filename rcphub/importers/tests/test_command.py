"""`manage.py import_document`: --dry-run --json prints the proposal and writes nothing; a real import commits."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from rcphub.followup.models import Review
from rcphub.importers.models import Import, ImportState
from rcphub.importers.tests.conftest import CSV, review_proposal, workplan_proposal
from rcphub.workplans.models import Activity, WorkPlan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "plan.csv"
    path.write_bytes(CSV)
    return path


def _run(*args):
    out = StringIO()
    call_command("import_document", *map(str, args), stdout=out)
    return out.getvalue()


def test_dry_run_json_prints_the_proposal_and_writes_nothing(proposed, plan_file, coalition):
    proposal = workplan_proposal()
    proposed(proposal)
    printed = _run(plan_file, "--kind", "workplan", "--coalition", "health", "--dry-run", "--json")
    assert json.loads(printed) == proposal.to_json()
    assert len(printed.strip().splitlines()) == 1
    assert not Import.objects.exists() and not WorkPlan.objects.exists()


def test_dry_run_without_json_lists_warnings_and_questions(proposed, plan_file):
    proposed(workplan_proposal())
    printed = _run(plan_file, "--dry-run")
    assert "warning: table 1, row 2" in printed and "question entity-1 (entity): PMU" in printed


def test_an_import_takes_the_defaults_or_lists_the_questions_without_one(
    proposed, plan_file, coalition, coalition_secretariat
):
    proposed(workplan_proposal())
    with pytest.raises(CommandError) as raised:
        _run(plan_file, "--coalition", "health", "--user", coalition_secretariat.email)
    assert (
        "entity-1 (entity): PMU" in str(raised.value) and "year" not in str(raised.value).split("default")[-1]
    )
    assert not WorkPlan.objects.exists()
    assert Import.objects.get().state == ImportState.PREVIEWED

    proposal = workplan_proposal()
    proposal.questions[0].default = "UNDP"
    proposed(proposal)
    printed = _run(plan_file, "--coalition", "health", "--user", coalition_secretariat.email)
    work_plan = WorkPlan.objects.get()
    assert f"Created: /workplans/{work_plan.pk}/" in printed and "answer year: 2026 (its default)" in printed
    assert Activity.objects.filter(output__result__work_plan=work_plan).count() == 2


def test_errors_exit_with_the_message(
    proposed, plan_file, tmp_path, coalition, coalition_secretariat, evaluation_officer
):
    broken = tmp_path / "plan.docx"
    broken.write_bytes(b"PK\x03\x04broken")
    with pytest.raises(CommandError, match=r"plan\.docx"):
        _run(broken, "--dry-run", "--json")
    with pytest.raises(CommandError, match="--user"):
        _run(plan_file, "--coalition", "health")
    proposed(review_proposal())
    with pytest.raises(CommandError, match="may not import"):
        _run(plan_file, "--organisation", "UNDP", "--user", coalition_secretariat.email)
    with pytest.raises(CommandError, match="organisation"):
        _run(plan_file, "--coalition", "health", "--kind", "review", "--user", coalition_secretariat.email)
    _run(plan_file, "--organisation", "UNDP", "--user", evaluation_officer.email)
    assert Review.objects.count() == 1
    with pytest.raises(CommandError, match="already imported"):
        _run(plan_file, "--organisation", "UNDP", "--user", evaluation_officer.email)

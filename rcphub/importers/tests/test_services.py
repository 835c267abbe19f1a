"""The import flow: preview → answer → commit creates the tree through the apps' services, all or nothing."""

from __future__ import annotations

import gc

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from rcphub.core.errors import ConflictError, NotFound
from rcphub.followup.models import Commitment, FollowUpReport, Review, ReviewGroup, ReviewKind
from rcphub.importers.models import Import, ImportState
from rcphub.importers.selectors import import_get, import_get_for_commit
from rcphub.importers.services import (
    DuplicateImportError,
    import_answer,
    import_cancel,
    import_commit,
    import_preview,
)
from rcphub.importers.tests.conftest import CSV, plan_of_action_proposal, review_proposal, workplan_proposal
from rcphub.reference.models import Entity
from rcphub.workplans.models import Activity, Output, Result, WorkPlan

pytestmark = pytest.mark.django_db


def _preview(user, coalition=None, organisation=None, data=CSV, kind=None, name="plan.csv"):
    return import_preview(
        file=data, filename=name, kind=kind, coalition=coalition, organisation=organisation, by=user
    )


def test_preview_answer_commit_creates_the_tree_with_history_by_the_committer(
    proposed, coalition, coalition_secretariat, platform_secretariat
):
    proposed(workplan_proposal())
    import_ = _preview(coalition_secretariat, coalition=coalition)
    assert import_.state == ImportState.PREVIEWED
    assert import_.kind == "workplan" and import_.coalition == coalition and import_.size == len(CSV)
    assert import_.file.read() == CSV
    assert any("PMU" in line for line in import_.log)
    assert import_.proposal["coalition"] == "health"
    import_answer(import_=import_, answers={"entity-1": "UNDP"}, by=coalition_secretariat)
    import_commit(
        import_=import_, answers={"year": "2026"}, by=platform_secretariat, expected_version=import_.version
    )

    import_.refresh_from_db()
    work_plan = WorkPlan.objects.get(coalition=coalition)
    assert import_.state == ImportState.COMMITTED
    assert import_.committed_by == platform_secretariat and import_.uploaded_by == coalition_secretariat
    assert import_.created_object == work_plan and import_.created_url == f"/workplans/{work_plan.pk}/"
    assert (work_plan.period_start.isoformat(), work_plan.period_end.isoformat()) == (
        "2026-01-01",
        "2026-12-31",
    )
    result = Result.objects.get(work_plan=work_plan)
    assert result.footnotes == "As agreed at the annual meeting."
    assert list(Output.objects.filter(result=result).values_list("code", flat=True)) == ["1.1", "1.2"]
    first = Activity.objects.get(output__result=result, code="1")
    assert {c.iso3 for c in first.countries.all()} == {"AZE", "TKM"}
    assert [e.acronym for e in first.lead_entities.all()] == ["WHO"]
    assert [e.acronym for e in first.partner_entities.all()] == ["UNDP"]  # the answer to "PMU"
    assert [t.code for t in first.sdg_targets.all()] == ["3.8"]
    assert first.footnotes == "Subject to funding."
    for model in (WorkPlan, Result, Output, Activity):
        assert {h.history_user for h in model.history.all()} == {platform_secretariat}
    assert any("draft plan takes no progress report" in line for line in import_.log)
    assert any("Created the draft work plan" in line for line in import_.log)
    assert import_.history.first().history_user == platform_secretariat


def test_a_failure_mid_commit_writes_nothing_and_keeps_the_import_open(
    proposed, coalition, coalition_secretariat
):
    proposed(workplan_proposal(activities=3, bad_dates=True))
    import_ = _preview(coalition_secretariat, coalition=coalition)
    with pytest.raises(ValidationError) as raised:
        import_commit(import_=import_, answers={"entity-1": "", "year": "2026"}, by=coalition_secretariat)
    assert "Activity 3 of output 1.1" in str(raised.value)
    assert not WorkPlan.objects.exists() and not Result.objects.exists() and not Activity.objects.exists()
    import_.refresh_from_db()
    assert import_.state == ImportState.PREVIEWED
    assert "Commit failed, nothing was written" in import_.log[-1]
    assert import_.proposal["questions"][0]["required"] is False  # "leave out" was recorded as an answer


def test_an_unexpected_failure_marks_the_import_failed_and_writes_nothing(
    proposed, coalition, coalition_secretariat, monkeypatch
):
    from rcphub.workplans import services as workplan_services

    proposed(workplan_proposal())
    import_ = _preview(coalition_secretariat, coalition=coalition)

    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(workplan_services, "activity_bulk_create", broken)
    with pytest.raises(RuntimeError):
        import_commit(
            import_=import_, answers={"entity-1": "UNFPA", "year": "2026"}, by=coalition_secretariat
        )
    assert not WorkPlan.objects.exists()
    import_.refresh_from_db()
    assert import_.state == ImportState.FAILED and "disk full" in import_.log[-1]


def test_commit_refuses_while_questions_are_unanswered_naming_them(
    proposed, coalition, coalition_secretariat
):
    proposal = workplan_proposal()
    proposal.questions[1].default = ""
    proposed(proposal)
    import_ = _preview(coalition_secretariat, coalition=coalition)
    with pytest.raises(ValidationError) as raised:
        import_commit(import_=import_, by=coalition_secretariat)
    assert set(raised.value.message_dict) == {"entity-1", "year"}
    assert not WorkPlan.objects.exists()


def test_answers_are_checked_against_their_questions(proposed, coalition, coalition_secretariat):
    proposed(workplan_proposal())
    import_ = _preview(coalition_secretariat, coalition=coalition)
    with pytest.raises(ValidationError) as raised:
        import_answer(
            import_=import_,
            answers={"entity-1": "UNEP", "year": "twenty", "nope": "x"},
            by=coalition_secretariat,
        )
    assert set(raised.value.message_dict) == {"entity-1", "year", "nope"}
    assert "UNDP" in raised.value.message_dict["entity-1"][0]
    import_.refresh_from_db()
    assert all(q["answer"] == "" for q in import_.proposal["questions"])


def test_a_stale_version_is_refused(proposed, coalition, coalition_secretariat):
    proposed(workplan_proposal())
    import_ = _preview(coalition_secretariat, coalition=coalition)
    read = import_.version
    import_answer(import_=import_, answers={"year": "2026"}, by=coalition_secretariat, expected_version=read)
    stale = Import.objects.get(pk=import_.pk)
    stale.version = read
    with pytest.raises(ConflictError):
        import_commit(
            import_=stale, answers={"entity-1": "UNDP"}, by=coalition_secretariat, expected_version=read
        )
    assert not WorkPlan.objects.exists()


def test_the_same_file_committed_before_is_refused_naming_the_earlier_import(
    proposed, coalition, coalition_secretariat
):
    proposed(workplan_proposal())
    first = _preview(coalition_secretariat, coalition=coalition)
    again = _preview(coalition_secretariat, coalition=coalition)  # previewed, not committed: may come again
    assert again.pk != first.pk and again.sha256 == first.sha256
    import_commit(import_=first, answers={"entity-1": "UNDP", "year": "2026"}, by=coalition_secretariat)
    with pytest.raises(DuplicateImportError) as raised:
        _preview(coalition_secretariat, coalition=coalition)
    assert raised.value.earlier == first
    assert f"/imports/{first.pk}/" in raised.value.message_dict["file"][0]
    assert Import.objects.count() == 2 and WorkPlan.objects.count() == 1


def test_who_may_import_and_see_imports(
    proposed, coalition, coalition_secretariat, member, outsider, focal_point
):
    proposed(workplan_proposal())
    for user in (member, outsider, focal_point):
        with pytest.raises(PermissionDenied):
            _preview(user, coalition=coalition)
    import_ = _preview(coalition_secretariat, coalition=coalition)
    for user in (member, outsider, focal_point):
        with pytest.raises(NotFound):
            import_get(import_id=import_.pk, user=user)
        with pytest.raises(PermissionDenied):
            import_commit(import_=import_, by=user)
    assert import_get_for_commit(import_id=import_.pk, user=coalition_secretariat) == import_
    assert not Import.objects.exclude(pk=import_.pk).exists()


def test_the_kind_needs_its_target(proposed, coalition, coalition_secretariat, evaluation_officer):
    proposed(review_proposal())
    with pytest.raises(ValidationError) as raised:
        _preview(coalition_secretariat, coalition=coalition, kind="review")
    assert "organisation" in raised.value.message_dict
    with pytest.raises(ValidationError) as raised:  # detected as a review, uploaded into a coalition
        _preview(coalition_secretariat, coalition=coalition)
    assert "organisation" in raised.value.message_dict
    assert not Import.objects.exists()


def test_a_review_commits_its_commitments_responses_and_round(proposed, evaluation_officer):
    undp = Entity.objects.get(acronym="UNDP")
    proposed(review_proposal())
    import_ = _preview(evaluation_officer, organisation=undp, name="status.csv")
    import_commit(import_=import_, by=evaluation_officer)
    review = Review.objects.get()
    assert import_.created_object == review and import_.created_url == f"/followup/reviews/{review.pk}/"
    assert (review.kind, review.issued_on.isoformat(), review.issued_precision) == (
        ReviewKind.EVALUATION,
        "2017-11-01",
        "month",
    )
    first = Commitment.objects.get(review=review, number="1")
    assert first.text.startswith("Strengthen results-based management\n\nThe regional hub")
    assert (first.response, first.responsible_text, first.due_text) == (
        "partially_accepted",
        "RBEC; PMU",
        "By end 2019",
    )
    assert [e.acronym for e in first.responsible_entities.all()] == ["UNDP"]
    report = FollowUpReport.objects.get(commitment=first)
    assert (report.status, report.status_text, report.as_at.isoformat()) == (
        "ongoing",
        "Completed/ongoing",
        "2018-12-31",
    )
    assert report.round.title == "Progress report as at 31 December 2018"
    second = FollowUpReport.objects.get(commitment__number="2")
    assert (second.status, second.comment) == ("", "No progress reported.")
    assert {h.history_user for h in Commitment.history.all()} == {evaluation_officer}


def test_a_plan_of_action_keeps_its_components_and_due_dates(proposed, evaluation_officer):
    proposed(plan_of_action_proposal())
    import_ = _preview(evaluation_officer, organisation=Entity.objects.get(acronym="UNDP"), name="poa.csv")
    import_commit(import_=import_, by=evaluation_officer)
    group = ReviewGroup.objects.get()
    assert (group.code, group.title, group.review.kind) == (
        "Component 1",
        "Component 1: Data and evidence",
        "plan_of_action",
    )
    item = Commitment.objects.get()
    assert (item.group, item.due_on.isoformat(), item.response) == (group, "2019-03-31", "")


def test_a_review_with_no_date_of_issue_asks_its_year(proposed, evaluation_officer):
    proposal = review_proposal()
    proposal.issued = None
    proposed(proposal)
    import_ = _preview(evaluation_officer, organisation=Entity.objects.get(acronym="UNDP"), name="status.csv")
    question = next(q for q in import_.proposal["questions"] if q["id"] == "issued")
    assert question["default"] == "2018"
    with pytest.raises(ValidationError) as raised:
        import_commit(import_=import_, by=evaluation_officer)
    assert "issued" in raised.value.message_dict
    import_commit(import_=import_, answers={"issued": "2017"}, by=evaluation_officer)
    assert Review.objects.get().issued_label == "2017"


def test_cancelled_imports_cannot_be_committed(proposed, coalition, coalition_secretariat):
    proposed(workplan_proposal())
    import_ = _preview(coalition_secretariat, coalition=coalition)
    import_cancel(import_=import_, by=coalition_secretariat)
    with pytest.raises(ValidationError):
        import_commit(import_=import_, answers={"year": "2026"}, by=coalition_secretariat)
    assert not WorkPlan.objects.exists()


def test_an_unreadable_file_is_refused_naming_it_and_nothing_is_kept(coalition, coalition_secretariat):
    with pytest.raises(ValidationError) as raised:
        _preview(coalition_secretariat, coalition=coalition, data=b"PK\x03\x04broken", name="plan.docx")
    assert "plan.docx" in str(raised.value)
    assert not Import.objects.exists()
    assert gc.isenabled()  # paused while the document was read, back on even after a refusal


@pytest.mark.parametrize(
    ("name", "build", "into", "created"),
    [
        ("plan.docx", "workplan_headings_docx", "coalition", WorkPlan),
        ("tracker.xlsx", "tracker_xlsx", "coalition", WorkPlan),
        ("uninfo.xlsx", "uninfo_xlsx", "coalition", WorkPlan),
        ("status.docx", "status_table_docx", "organisation", Review),
        ("plan-of-action.docx", "plan_of_action_variant_docx", "organisation", Review),
    ],
)
def test_fixture_documents_import_end_to_end(name, build, into, created, coalition, platform_secretariat):
    from rcphub.importers.interpret.proposal import proposal_from_json
    from rcphub.importers.tests import documents

    target = (
        {"coalition": coalition}
        if into == "coalition"
        else {"organisation": Entity.objects.get(acronym="UNDP")}
    )
    import_ = import_preview(
        file=getattr(documents, build)(), filename=name, by=platform_secretariat, **target
    )
    proposal = proposal_from_json(import_.proposal)
    answers = {
        q.id: q.default
        or (q.choices[0].value if q.choices else {"year": "2019", "round_date": "2020-06-30"}[q.about])
        for q in proposal.unanswered()
    }
    import_commit(import_=import_, answers=answers, by=platform_secretariat)
    assert isinstance(import_.created_object, created)
    if created is WorkPlan:
        count = Activity.objects.filter(output__result__work_plan=import_.created_object).count()
    else:
        count = Commitment.objects.filter(review=import_.created_object).count()
    assert count == sum(len(o.activities) for r in proposal.results for o in r.outputs) + len(
        proposal.commitments
    ) + sum(len(g.items) for g in proposal.groups)
    assert count > 0

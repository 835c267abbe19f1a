"""The work-plan page holds the plan's whole structure: footnotes on results, outputs and activities,
results and outputs with no activities yet, the status as written, the endorsement date the
secretariat enters; and the edit pages for the plan, its results and its outputs."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from rcphub.core.dates import today
from rcphub.workplans.models import Activity, Output, Result, StatusReport, WorkPlan
from rcphub.workplans.tests.factories import (
    OutputFactory,
    ResultFactory,
    StatusReportFactory,
    build_work_plan,
)

pytestmark = pytest.mark.django_db


def _detail(client, work_plan, **query):
    return client.get(reverse("workplans:detail", args=[work_plan.pk]), query)


@pytest.fixture
def structured(work_plan):
    """The endorsed plan with footnotes on result 1, output 1.1 and activity i, an empty output 1.2
    and a result 2 with no outputs yet."""
    result = work_plan.results.get()
    result.footnotes = "Result 1 follows the regional health strategy agreed in 2025."
    result.save()
    output = result.outputs.get()
    output.footnotes = "Evidence from the 2025 UNCT survey."
    output.save()
    Activity.objects.filter(output=output, code="i").update(footnotes="Jointly with the Ministry of Health.")
    OutputFactory(result=result, code="1.2", order=2, title="Peer exchange between UN Country Teams")
    ResultFactory(work_plan=work_plan, code="2", order=2, title="Health financing reaches rural areas")
    return work_plan


def test_visitor_sees_footnotes_and_results_and_outputs_without_activities(client, structured):
    html = _detail(client, structured).content.decode()
    assert "Result 1 follows the regional health strategy agreed in 2025." in html
    assert "Evidence from the 2025 UNCT survey." in html
    assert "Jointly with the Ministry of Health." in html
    assert "1.2 Peer exchange between UN Country Teams" in html
    assert "2. Health financing reaches rural areas" in html
    assert "No activities yet." in html and "No outputs yet." in html
    assert "Internal coordination of country support" not in html  # activity ii stays hidden


def test_a_draft_plans_structure_stays_hidden_from_visitors(client, other_coalition):
    draft = build_work_plan(coalition=other_coalition, state="draft")
    assert _detail(client, draft).status_code == 404


def test_tree_page_is_constant_query_as_results_and_outputs_grow(
    client, coalition, visitor, django_assert_max_num_queries
):
    for n in (2, 8):
        work_plan = build_work_plan(coalition=coalition, state="endorsed")
        WorkPlan.objects.filter(pk=work_plan.pk).update(title=f"Work plan with {n} results")
        for r in range(2, n + 1):
            result = ResultFactory(work_plan=work_plan, code=str(r), order=r, footnotes=f"Note on result {r}")
            for o in range(1, 3):
                OutputFactory(result=result, code=f"{r}.{o}", order=o, footnotes="Note on the output")
        with django_assert_max_num_queries(12):
            response = _detail(client, work_plan)
        assert len(response.context["tree"].results) == n
        assert response.content.decode().count("Note on the output") == (n - 1) * 2


def test_status_as_written_is_shown_beside_the_normalised_status(client, work_plan, coalition_secretariat):
    activity = Activity.objects.get(output__result__work_plan=work_plan, code="i")
    StatusReportFactory(
        activity=activity,
        status="ongoing",
        status_text="Completed/ongoing",
        as_at=date(2026, 3, 31),
        author=coalition_secretariat,
    )
    html = _detail(client, work_plan, as_at="2026-06-30").content.decode()
    assert "Ongoing" in html and "As written: “Completed/ongoing”" in html
    page = client.get(reverse("workplans:activity", args=[activity.pk])).content.decode()
    assert "As written: “Completed/ongoing”" in page
    assert "As written:" not in _detail(client, work_plan, as_at="2026-03-30").content.decode()


def test_focal_point_records_the_status_as_written(client, work_plan, focal_point):
    activity = Activity.objects.get(output__result__work_plan=work_plan, code="i")
    client.force_login(focal_point)
    response = client.post(
        reverse("workplans:activity_status", args=[activity.pk]),
        {
            "status": "starting",
            "status_text": "Starting 2026 following the scoping mission",
            "as_at": "2026-06-30",
        },
    )
    assert response.status_code == 302
    report = StatusReport.objects.get()
    assert (report.status, report.status_text) == ("starting", "Starting 2026 following the scoping mission")
    assert report.history.get().history_user == focal_point


# ---------------------------------------------------------------------------------------------
# Endorsement date


def test_secretariat_enters_the_date_the_coalition_endorsed_the_plan(
    client, coalition, coalition_secretariat
):
    draft = build_work_plan(coalition=coalition, state="draft")
    client.force_login(coalition_secretariat)
    assert 'name="endorsed_on"' in _detail(client, draft).content.decode()
    url = reverse("workplans:transition", args=[draft.pk])
    client.post(url, {"to_state": "endorsed", "endorsed_on": "2025-12-15"})
    draft.refresh_from_db()
    assert (draft.state, draft.endorsed_on) == ("endorsed", date(2025, 12, 15))
    assert draft.history.first().history_user == coalition_secretariat
    assert "15 December 2025" in _detail(client, draft).content.decode()


@pytest.mark.parametrize("value", ["next week", "future"])
def test_a_bad_or_future_endorsement_date_is_refused_with_a_message(
    client, coalition, coalition_secretariat, value
):
    draft = build_work_plan(coalition=coalition, state="draft")
    client.force_login(coalition_secretariat)
    entered = (today() + timedelta(days=3)).isoformat() if value == "future" else value
    response = client.post(
        reverse("workplans:transition", args=[draft.pk]),
        {"to_state": "endorsed", "endorsed_on": entered},
        follow=True,
    )
    draft.refresh_from_db()
    assert (draft.state, draft.endorsed_on) == ("draft", None)
    html = response.content.decode()
    assert (
        ("Endorsed on" in html)
        if value != "future"
        else ("cannot be endorsed on a date in the future" in html)
    )


def test_secretariat_corrects_the_endorsement_date_on_the_edit_page(client, work_plan, coalition_secretariat):
    client.force_login(coalition_secretariat)
    url = reverse("workplans:edit", args=[work_plan.pk])
    assert 'name="endorsed_on"' in client.get(url).content.decode()
    data = {
        "title": work_plan.title,
        "period_start": "2026-01-01",
        "period_end": "2026-12-31",
        "notes": "",
        "endorsed_on": "2025-11-28",
        "version": work_plan.version,
    }
    assert client.post(url, data).status_code == 302
    work_plan.refresh_from_db()
    assert work_plan.endorsed_on == date(2025, 11, 28)
    stale = client.post(url, {**data, "endorsed_on": "2025-11-01"})
    assert "Someone else changed this" in stale.content.decode()
    work_plan.refresh_from_db()
    assert work_plan.endorsed_on == date(2025, 11, 28)


def test_a_drafts_edit_page_has_no_endorsement_date(client, coalition, coalition_secretariat):
    draft = build_work_plan(coalition=coalition, state="draft")
    client.force_login(coalition_secretariat)
    assert 'name="endorsed_on"' not in client.get(reverse("workplans:edit", args=[draft.pk])).content.decode()


# ---------------------------------------------------------------------------------------------
# Results and outputs


def test_secretariat_edits_a_result_and_its_footnotes(client, work_plan, coalition_secretariat):
    result = work_plan.results.get()
    client.force_login(coalition_secretariat)
    url = reverse("workplans:result_edit", args=[result.pk])
    data = {
        "code": "1",
        "title": result.title,
        "description": "",
        "footnotes": "Agreed in 2025.",
        "version": 1,
    }
    assert client.post(url, data).status_code == 302
    result.refresh_from_db()
    assert (result.footnotes, result.version) == ("Agreed in 2025.", 2)
    assert result.history.first().history_user == coalition_secretariat
    stale = client.post(url, {**data, "footnotes": "Overwritten"})
    assert "Someone else changed this" in stale.content.decode()
    result.refresh_from_db()
    assert result.footnotes == "Agreed in 2025."


def test_secretariat_adds_and_edits_an_output_with_footnotes(client, work_plan, coalition_secretariat):
    result = work_plan.results.get()
    client.force_login(coalition_secretariat)
    client.post(
        reverse("workplans:output_create", args=[result.pk]),
        {"code": "1.2", "title": "Peer exchange", "footnotes": "With the WHO country offices."},
    )
    output = Output.objects.get(result=result, code="1.2")
    assert output.footnotes == "With the WHO country offices."
    url = reverse("workplans:output_edit", args=[output.pk])
    duplicate = client.post(url, {"code": "1.1", "title": "Peer exchange", "footnotes": "", "version": 1})
    assert duplicate.status_code == 200
    assert "already exists" in duplicate.content.decode()
    output.refresh_from_db()
    assert (output.code, output.version) == ("1.2", 1)


def test_only_those_who_manage_reach_the_edit_pages(client, work_plan, focal_point, member, outsider):
    result = work_plan.results.get()
    output = result.outputs.get()
    for user in (focal_point, member, outsider):
        client.force_login(user)
        for url in (
            reverse("workplans:edit", args=[work_plan.pk]),
            reverse("workplans:result_edit", args=[result.pk]),
            reverse("workplans:output_edit", args=[output.pk]),
        ):
            assert client.get(url).status_code == 404
    assert Result.objects.get().version == 1

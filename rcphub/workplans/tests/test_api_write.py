"""Write API on work plans, results, outputs and activities: the pages' services and permissions,
401 without signing in, 404 for what the caller may not see or change, 422 naming the field, 409 on a
stale version, nothing half-written, and a history row for each change."""

import json
from datetime import date, timedelta

import pytest
from django.test import Client

from rcphub.core.dates import today
from rcphub.workplans.models import Activity, Output, Result, StatusReport, WorkPlan
from rcphub.workplans.tests.factories import (
    ActivityFactory,
    OutputFactory,
    ResultFactory,
    StatusReportFactory,
    WorkPlanFactory,
)

pytestmark = pytest.mark.django_db

API = "/api/v1"


def _client(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _send(client, method, path, body=None):
    call = getattr(client, method)
    if body is None:
        return call(f"{API}{path}")
    return call(f"{API}{path}", data=json.dumps(body), content_type="application/json")


def _fields(response):
    assert response.status_code == 422, response.content
    return {tuple(entry["loc"]) for entry in response.json()["detail"]}


@pytest.fixture
def draft(coalition):
    """A draft 2027 plan of the health coalition: result 1 → output 1.1 → activity i; result 2 empty."""
    plan = WorkPlanFactory(coalition=coalition, title="Work plan 2027", state="draft")
    result = ResultFactory(work_plan=plan, code="1", order=1, title="Primary health care reaches migrants")
    output = OutputFactory(result=result, code="1.1", order=1, title="Guidance for UN Country Teams")
    ActivityFactory(output=output, code="i", title="Regional guidance note on migrant health")
    ResultFactory(work_plan=plan, code="2", order=2, title="Health financing protects the poorest")
    return plan


def _plan_body(**overrides):
    body = {
        "coalition": "health",
        "title": "Work plan 2028",
        "period_start": "2028-01-01",
        "period_end": "2028-12-31",
        "notes": "Adopted at the coalition's annual meeting.",
    }
    return {**body, **overrides}


def _activity_body(**overrides):
    body = {
        "code": "ii",
        "title": "Peer exchange on health insurance for refugees",
        "description": "Two online sessions for UNCT focal points.",
        "lead_entities": ["who"],
        "partner_entities": ["UNHCR", "IOM"],
        "countries": ["KZ", "KGZ"],
        "due_text": "Q3 2027",
        "sdg_targets": ["3.8"],
        "gcm_objectives": [15],
        "collaborating_coalitions": [],
        "visibility": "public",
        "footnotes": "Subject to funding from the regional fund.",
    }
    return {**body, **overrides}


# ---------------------------------------------------------------------------------------------
# Work plans


def test_secretariat_creates_a_draft_work_plan_with_history(coalition, coalition_secretariat):
    response = _send(_client(coalition_secretariat), "post", "/workplans", _plan_body())
    assert response.status_code == 201, response.content
    plan = WorkPlan.objects.get(title="Work plan 2028")
    assert response.json()["id"] == plan.pk
    assert (response.json()["state"], response.json()["version"], response.json()["coalition"]) == (
        "draft",
        1,
        "health",
    )
    record = plan.history.get()
    assert (record.history_type, record.history_user) == ("+", coalition_secretariat)


@pytest.mark.parametrize("role", ["member", "outsider", "focal_point"])
def test_only_the_secretariat_creates_work_plans_and_others_learn_nothing(request, coalition, role):
    user = request.getfixturevalue(role)
    forbidden = _send(_client(user), "post", "/workplans", _plan_body())
    assert _fields(forbidden) == {("body", "coalition")}
    unknown = _send(_client(user), "post", "/workplans", _plan_body(coalition="no-such-coalition"))
    # A coalition one may not manage reads as one that does not exist.
    assert (
        unknown.json()["detail"][0]["msg"].replace("no-such-coalition", "health")
        == (forbidden.json()["detail"][0]["msg"])
    )
    assert not WorkPlan.objects.filter(title="Work plan 2028").exists()


def test_a_visitor_cannot_write_and_is_told_to_sign_in(coalition, draft):
    client = _client()
    result = draft.results.get(code="1")
    output = result.outputs.get()
    activity = output.activities.get()
    for method, path in [
        ("post", "/workplans"),
        ("put", f"/workplans/{draft.pk}"),
        ("delete", f"/workplans/{draft.pk}"),
        ("post", f"/workplans/{draft.pk}/results"),
        ("put", f"/results/{result.pk}"),
        ("delete", f"/results/{result.pk}"),
        ("post", f"/results/{result.pk}/outputs"),
        ("put", f"/outputs/{output.pk}"),
        ("delete", f"/outputs/{output.pk}"),
        ("post", f"/outputs/{output.pk}/activities"),
        ("put", f"/activities/{activity.pk}"),
        ("delete", f"/activities/{activity.pk}"),
    ]:
        assert _send(client, method, path, {} if method != "delete" else None).status_code == 401, path
    assert WorkPlan.objects.count() == 1 and Activity.objects.count() == 1


def test_create_refuses_bad_input_naming_the_fields(coalition, coalition_secretariat):
    client = _client(coalition_secretariat)
    assert _fields(_send(client, "post", "/workplans", _plan_body(period_end="2027-12-31"))) == {
        ("body", "period_end")
    }
    assert _fields(_send(client, "post", "/workplans", _plan_body(title=""))) == {("body", "title")}
    assert _fields(_send(client, "post", "/workplans", _plan_body(period_start="1 January"))) == {
        ("body", "period_start")
    }
    WorkPlanFactory(coalition=coalition, title="Work plan 2028")
    assert _fields(_send(client, "post", "/workplans", _plan_body())) == {("body", "title")}
    assert WorkPlan.objects.count() == 1


def test_secretariat_changes_a_work_plan_and_a_stale_version_is_refused(draft, coalition_secretariat):
    client = _client(coalition_secretariat)
    body = _plan_body(title="Work plan 2027 (revised)", version=1)
    del body["coalition"]
    response = _send(client, "put", f"/workplans/{draft.pk}", body)
    assert response.status_code == 200, response.content
    assert (response.json()["title"], response.json()["version"]) == ("Work plan 2027 (revised)", 2)
    draft.refresh_from_db()
    assert draft.history.count() == 2 and draft.history.first().history_user == coalition_secretariat
    stale = _send(client, "put", f"/workplans/{draft.pk}", {**body, "title": "Overwritten"})
    assert stale.status_code == 409
    assert "Someone else changed this" in stale.json()["detail"]
    draft.refresh_from_db()
    assert (draft.title, draft.version, draft.history.count()) == ("Work plan 2027 (revised)", 2, 2)


def test_endorsement_date_is_corrected_on_an_endorsed_plan_only(draft, work_plan, coalition_secretariat):
    client = _client(coalition_secretariat)
    body = {
        "title": draft.title,
        "period_start": "2027-01-01",
        "period_end": "2027-12-31",
        "endorsed_on": "2026-11-20",
        "version": 1,
    }
    assert _fields(_send(client, "put", f"/workplans/{draft.pk}", body)) == {("body", "endorsed_on")}
    body = {**body, "title": work_plan.title, "period_start": "2026-01-01", "period_end": "2026-12-31"}
    response = _send(client, "put", f"/workplans/{work_plan.pk}", body)
    assert response.status_code == 200, response.content
    assert response.json()["endorsed_on"] == "2026-11-20"
    work_plan.refresh_from_db()
    assert work_plan.history.first().endorsed_on == date(2026, 11, 20)


def test_member_and_outsider_cannot_change_a_plan_and_get_404(draft, member, outsider):
    body = {"title": "Taken over", "period_start": "2027-01-01", "period_end": "2027-12-31", "version": 1}
    for user in (member, outsider):
        assert _send(_client(user), "put", f"/workplans/{draft.pk}", body).status_code == 404
        assert _send(_client(user), "delete", f"/workplans/{draft.pk}").status_code == 404
    assert _send(_client(member), "put", f"/workplans/{10**6}", body).status_code == 404
    draft.refresh_from_db()
    assert draft.title == "Work plan 2027"


def test_only_an_empty_draft_is_deleted(coalition, draft, work_plan, coalition_secretariat):
    client = _client(coalition_secretariat)
    assert _fields(_send(client, "delete", f"/workplans/{draft.pk}")) == {("body", "results")}
    assert _fields(_send(client, "delete", f"/workplans/{work_plan.pk}")) == {("body", "state")}
    empty = WorkPlanFactory(coalition=coalition, title="Work plan started by mistake")
    assert _send(client, "delete", f"/workplans/{empty.pk}").status_code == 204
    assert not WorkPlan.objects.filter(pk=empty.pk).exists()
    assert WorkPlan.history.filter(id=empty.pk, history_type="-").get().history_user == coalition_secretariat


def test_endorsing_records_the_date_the_coalition_endorsed_the_plan(draft, coalition_secretariat):
    client = _client(coalition_secretariat)
    future = (today() + timedelta(days=1)).isoformat()
    path = f"/workplans/{draft.pk}/transition"
    assert _fields(
        _send(client, "post", path, {"to_state": "endorsed", "endorsed_on": future, "version": 1})
    ) == {("body", "endorsed_on")}
    assert _send(client, "post", path, {"to_state": "endorsed", "version": 7}).status_code == 409
    response = _send(
        client, "post", path, {"to_state": "endorsed", "endorsed_on": "2026-11-20", "version": 1}
    )
    assert response.status_code == 200, response.content
    assert (response.json()["state"], response.json()["endorsed_on"]) == ("endorsed", "2026-11-20")
    assert draft.history.first().endorsed_on == date(2026, 11, 20)


# ---------------------------------------------------------------------------------------------
# Results and outputs


def test_secretariat_adds_changes_and_deletes_results_with_footnotes(draft, coalition_secretariat):
    client = _client(coalition_secretariat)
    body = {"code": "3", "title": "Data on migrants' health", "footnotes": "As agreed with WHO Europe."}
    response = _send(client, "post", f"/workplans/{draft.pk}/results", body)
    assert response.status_code == 201, response.content
    created = Result.objects.get(work_plan=draft, code="3")
    assert (response.json()["footnotes"], response.json()["order"], response.json()["version"]) == (
        "As agreed with WHO Europe.",
        3,
        1,
    )
    response = _send(client, "put", f"/results/{created.pk}", {**body, "title": "Health data", "version": 1})
    assert (response.status_code, response.json()["version"]) == (200, 2)
    stale = _send(client, "put", f"/results/{created.pk}", {**body, "title": "Overwritten", "version": 1})
    assert stale.status_code == 409
    created.refresh_from_db()
    assert created.title == "Health data"
    assert [r.history_type for r in created.history.all()] == ["~", "+"]
    assert _send(client, "delete", f"/results/{created.pk}").status_code == 204
    assert Result.history.filter(id=created.pk, history_type="-").get().history_user == coalition_secretariat


def test_result_input_errors_name_the_field_and_write_nothing(draft, coalition_secretariat):
    client = _client(coalition_secretariat)
    path = f"/workplans/{draft.pk}/results"
    assert _fields(_send(client, "post", path, {"code": "1", "title": "Twice"})) == {("body", "code")}
    assert _fields(_send(client, "post", path, {"code": "1 and 2", "title": "Bad code"})) == {
        ("body", "code")
    }
    assert _fields(_send(client, "post", path, {"code": "4"})) == {("body", "title")}
    two = draft.results.get(code="2")
    assert _fields(_send(client, "put", f"/results/{two.pk}", {"code": "1", "title": "x", "version": 1})) == {
        ("body", "code")
    }
    assert draft.results.count() == 2
    two.refresh_from_db()
    assert (two.code, two.version) == ("2", 1)


def test_results_with_outputs_and_those_of_endorsed_plans_stay(draft, work_plan, coalition_secretariat):
    client = _client(coalition_secretariat)
    assert _fields(_send(client, "delete", f"/results/{draft.results.get(code='1').pk}")) == {
        ("body", "outputs")
    }
    endorsed = work_plan.results.get()
    assert _fields(_send(client, "delete", f"/results/{endorsed.pk}")) == {("body", "state")}
    assert Result.objects.filter(pk=endorsed.pk).exists()


def test_others_cannot_touch_results_and_outputs(draft, member, outsider, focal_point):
    result = draft.results.get(code="2")
    output = draft.results.get(code="1").outputs.get()
    for user in (member, outsider, focal_point):
        client = _client(user)
        new = {"code": "9", "title": "Not theirs"}
        change = {**new, "version": 1}
        assert _send(client, "post", f"/workplans/{draft.pk}/results", new).status_code == 404
        assert _send(client, "put", f"/results/{result.pk}", change).status_code == 404
        assert _send(client, "delete", f"/results/{result.pk}").status_code == 404
        assert _send(client, "post", f"/results/{result.pk}/outputs", new).status_code == 404
        assert _send(client, "put", f"/outputs/{output.pk}", change).status_code == 404
        assert _send(client, "post", f"/outputs/{output.pk}/activities", _activity_body()).status_code == 404
    assert (Result.objects.count(), Output.objects.count(), Activity.objects.count()) == (2, 1, 1)


def test_secretariat_adds_changes_and_deletes_outputs(draft, coalition_secretariat):
    client = _client(coalition_secretariat)
    result = draft.results.get(code="2")
    body = {"code": "2.1", "title": "Costed benefit packages", "footnotes": "With the World Bank."}
    response = _send(client, "post", f"/results/{result.pk}/outputs", body)
    assert response.status_code == 201, response.content
    output = Output.objects.get(result=result)
    assert (response.json()["result"], response.json()["work_plan"]) == (result.pk, draft.pk)
    assert _fields(_send(client, "post", f"/results/{result.pk}/outputs", body)) == {("body", "code")}
    response = _send(client, "put", f"/outputs/{output.pk}", {**body, "footnotes": "", "version": 1})
    assert (response.status_code, response.json()["footnotes"]) == (200, "")
    assert _send(client, "put", f"/outputs/{output.pk}", {**body, "version": 1}).status_code == 409
    assert _fields(_send(client, "delete", f"/outputs/{draft.results.get(code='1').outputs.get().pk}")) == {
        ("body", "activities")
    }
    assert _send(client, "delete", f"/outputs/{output.pk}").status_code == 204
    assert [r.history_type for r in Output.history.filter(id=output.pk)] == ["-", "~", "+"]


# ---------------------------------------------------------------------------------------------
# Activities


def test_secretariat_adds_an_activity_naming_its_lists_by_code(draft, coalition, coalition_secretariat):
    client = _client(coalition_secretariat)
    output = draft.results.get(code="1").outputs.get()
    response = _send(client, "post", f"/outputs/{output.pk}/activities", _activity_body())
    assert response.status_code == 201, response.content
    data = response.json()
    assert (data["lead_entities"], data["partner_entities"], data["countries"]) == (
        ["WHO"],
        ["IOM", "UNHCR"],
        ["KAZ", "KGZ"],
    )
    assert (data["sdg_targets"], data["gcm_objectives"], data["footnotes"], data["version"]) == (
        ["3.8"],
        [15],
        "Subject to funding from the regional fund.",
        1,
    )
    activity = Activity.objects.get(pk=data["id"])
    assert activity.history.first().history_user == coalition_secretariat


def test_activity_input_errors_name_every_field_and_write_nothing(draft, coalition_secretariat):
    client = _client(coalition_secretariat)
    output = draft.results.get(code="1").outputs.get()
    body = _activity_body(
        lead_entities=["NOPE"],
        countries=["XX"],
        sdg_targets=["99.9"],
        gcm_objectives=[42],
        collaborating_coalitions=["no-such-coalition"],
        end_on="2027-01-01",
        start_on="2027-02-01",
    )
    assert _fields(_send(client, "post", f"/outputs/{output.pk}/activities", body)) == {
        ("body", "lead_entities"),
        ("body", "countries"),
        ("body", "sdg_targets"),
        ("body", "gcm_objectives"),
        ("body", "collaborating_coalitions"),
    }
    assert _fields(
        _send(
            client,
            "post",
            f"/outputs/{output.pk}/activities",
            _activity_body(start_on="2027-02-01", end_on="2027-01-01"),
        )
    ) == {("body", "end_on")}
    assert _fields(_send(client, "post", f"/outputs/{output.pk}/activities", _activity_body(code="i"))) == {
        ("body", "code")
    }
    assert _fields(
        _send(client, "post", f"/outputs/{output.pk}/activities", _activity_body(visibility="secret"))
    ) == {("body", "visibility")}
    assert Activity.objects.count() == 1
    assert Activity.history.count() == 1  # the draft's own activity, created by the factory


def test_an_internal_coalition_is_unknown_to_those_who_may_not_see_it(draft, coalition_secretariat):
    from rcphub.coalitions.tests.factories import CoalitionFactory

    CoalitionFactory(name="Task force on internal matters", slug="internal-tf", visibility="internal")
    output = draft.results.get(code="1").outputs.get()
    body = _activity_body(collaborating_coalitions=["internal-tf"])
    response = _send(_client(coalition_secretariat), "post", f"/outputs/{output.pk}/activities", body)
    assert _fields(response) == {("body", "collaborating_coalitions")}


def test_activity_update_checks_the_version_and_a_focal_points_limits(
    work_plan, focal_point, coalition_secretariat
):
    activity = Activity.objects.get(output__result__work_plan=work_plan, code="i")  # led by UNDP
    body = _activity_body(
        code="i", lead_entities=["UNDP"], partner_entities=["WHO"], countries=["RS"], title="Review of access"
    )
    client = _client(focal_point)
    response = _send(client, "put", f"/activities/{activity.pk}", {**body, "version": 1})
    assert response.status_code == 200, response.content
    assert (response.json()["title"], response.json()["version"]) == ("Review of access", 2)
    assert (
        _send(client, "put", f"/activities/{activity.pk}", {**body, "title": "Old", "version": 1}).status_code
        == 409
    )
    changed = {**body, "lead_entities": ["UNICEF"], "version": 2}
    assert _fields(_send(client, "put", f"/activities/{activity.pk}", changed)) == {("body", "lead_entities")}
    activity.refresh_from_db()
    assert (activity.title, activity.version) == ("Review of access", 2)
    assert [e.acronym for e in activity.lead_entities.all()] == ["UNDP"]
    assert activity.history.first().history_user == focal_point
    secretariat = _send(_client(coalition_secretariat), "put", f"/activities/{activity.pk}", changed)
    assert secretariat.status_code == 200 and secretariat.json()["lead_entities"] == ["UNICEF"]


def test_others_cannot_change_or_delete_activities(work_plan, member, outsider):
    public = Activity.objects.get(output__result__work_plan=work_plan, code="i")
    internal = Activity.objects.get(output__result__work_plan=work_plan, code="ii")
    for user in (member, outsider):
        for activity in (public, internal):
            body = {**_activity_body(code=activity.code), "version": 1}
            assert _send(_client(user), "put", f"/activities/{activity.pk}", body).status_code == 404
            assert _send(_client(user), "delete", f"/activities/{activity.pk}").status_code == 404
    assert Activity.objects.filter(output__result__work_plan=work_plan).count() == 2


def test_only_a_drafts_activities_without_progress_are_deleted(
    draft, work_plan, focal_point, coalition_secretariat
):
    client = _client(coalition_secretariat)
    endorsed = Activity.objects.get(output__result__work_plan=work_plan, code="i")
    assert _fields(_send(client, "delete", f"/activities/{endorsed.pk}")) == {("body", "state")}
    activity = Activity.objects.get(output__result__work_plan=draft)
    StatusReportFactory(activity=activity, author=coalition_secretariat)  # reported while it was endorsed
    assert _fields(_send(client, "delete", f"/activities/{activity.pk}")) == {("body", "status_reports")}
    StatusReport.objects.all().delete()
    activity.lead_entities.set([focal_point.memberships.get().entity])
    assert _send(_client(focal_point), "delete", f"/activities/{activity.pk}").status_code == 404
    assert _send(client, "delete", f"/activities/{activity.pk}").status_code == 204
    assert (
        Activity.history.filter(id=activity.pk, history_type="-").get().history_user == coalition_secretariat
    )


def test_status_report_keeps_the_status_as_written(work_plan, coalition_secretariat):
    activity = Activity.objects.get(output__result__work_plan=work_plan, code="i")
    body = {"status": "ongoing", "status_text": "Completed/ongoing", "as_at": "2026-03-31"}
    response = _send(
        _client(coalition_secretariat), "post", f"/activities/{activity.pk}/status-reports", body
    )
    assert response.status_code == 201, response.content
    assert (response.json()["status"], response.json()["status_text"]) == ("ongoing", "Completed/ongoing")
    tree = _send(_client(), "get", f"/workplans/{work_plan.pk}?as_at=2026-06-30").json()
    node = tree["results"][0]["outputs"][0]["activities"][0]
    assert (node["status"], node["status_text"]) == ("ongoing", "Completed/ongoing")


# ---------------------------------------------------------------------------------------------
# The tree and the schema


def test_tree_gives_a_visitor_footnotes_and_results_and_outputs_without_activities(work_plan):
    result = work_plan.results.get()
    result.footnotes = "Follows the regional health strategy."
    result.save()
    output = result.outputs.get()
    output.footnotes = "Evidence from the 2025 UNCT survey."
    output.save()
    OutputFactory(result=result, code="1.2", order=2, title="Peer exchange between UNCTs")
    ResultFactory(work_plan=work_plan, code="2", order=2, title="Health financing reaches rural areas")
    tree = _send(_client(), "get", f"/workplans/{work_plan.pk}").json()
    assert [(r["code"], r["footnotes"], [o["code"] for o in r["outputs"]]) for r in tree["results"]] == [
        ("1", "Follows the regional health strategy.", ["1.1", "1.2"]),
        ("2", "", []),
    ]
    first = tree["results"][0]["outputs"]
    assert first[0]["footnotes"] == "Evidence from the 2025 UNCT survey."
    assert [a["code"] for a in first[0]["activities"]] == ["i"]  # the internal activity stays hidden
    assert first[1]["activities"] == []


def test_openapi_schema_documents_the_write_endpoints(client):
    schema = client.get(f"{API}/openapi.json").json()
    paths = schema["paths"]
    for path, methods in {
        "/workplans": {"get", "post"},
        "/workplans/{work_plan_id}": {"get", "put", "delete"},
        "/workplans/{work_plan_id}/results": {"post"},
        "/results/{result_id}": {"put", "delete"},
        "/results/{result_id}/outputs": {"post"},
        "/outputs/{output_id}": {"put", "delete"},
        "/outputs/{output_id}/activities": {"post"},
        "/activities/{activity_id}": {"get", "put", "delete"},
    }.items():
        assert methods <= set(paths[f"{API}{path}"]), path
        for method in methods:
            assert paths[f"{API}{path}"][method]["description"], (path, method)
    schemas = schema["components"]["schemas"]
    assert "409" in schemas["PartUpdateIn"]["properties"]["version"]["description"]
    assert schemas["ActivityIn"]["properties"]["countries"]["description"]

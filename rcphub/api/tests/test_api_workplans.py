from datetime import date

import pytest

from rcphub.api.tests.conftest import API, ids, report
from rcphub.core.dates import today
from rcphub.workplans.models import WorkPlan

pytestmark = pytest.mark.django_db


def test_visitor_lists_only_endorsed_plans_of_public_coalitions(
    client, work_plan, draft_plan, internal_coalition_plan
):
    assert ids(client.get(f"{API}/workplans")) == {work_plan.pk}


def test_member_lists_drafts_of_own_coalition(work_plan, draft_plan, member, session_client):
    assert ids(session_client(member).get(f"{API}/workplans")) == {work_plan.pk, draft_plan.pk}


def test_work_plans_filter_by_coalition_and_state(work_plan, draft_plan, other_plan, member, session_client):
    client = session_client(member)
    assert ids(client.get(f"{API}/workplans", {"coalition": "climate"})) == {other_plan.pk}
    assert ids(client.get(f"{API}/workplans", {"coalition": "health", "state": "draft"})) == {draft_plan.pk}
    assert ids(client.get(f"{API}/workplans", {"state": "endorsed"})) == {work_plan.pk, other_plan.pk}


def test_unknown_state_filter_answers_422_naming_it(client, work_plan):
    response = client.get(f"{API}/workplans", {"state": "archived"})
    assert response.status_code == 422
    assert [d["loc"] for d in response.json()["detail"]] == [["query", "state"]]


def test_work_plan_tree_shows_statuses_as_at_the_date(client, work_plan, activity, platform_secretariat):
    report(activity("i"), "starting", date(2026, 3, 31), platform_secretariat)
    report(activity("i"), "completed", date(2026, 9, 30), platform_secretariat)
    tree = client.get(f"{API}/workplans/{work_plan.pk}", {"as_at": "2026-06-30"}).json()
    assert tree["work_plan"]["id"] == work_plan.pk
    assert tree["work_plan"]["coalition"] == "health"
    assert tree["as_at"] == "2026-06-30"
    [result] = tree["results"]
    [output] = result["outputs"]
    assert (result["code"], output["code"]) == ("1", "1.1")
    [node] = output["activities"]
    assert node["code"] == "i"
    assert (node["status"], node["status_as_at_date"]) == ("starting", "2026-03-31")
    assert node["lead_entities"] == ["UNDP"]
    assert node["countries"] == ["SRB"]
    assert tree["status_counts"]["starting"] == 1
    earlier = client.get(f"{API}/workplans/{work_plan.pk}", {"as_at": "2026-03-30"}).json()
    assert earlier["results"][0]["outputs"][0]["activities"][0]["status"] is None


def test_work_plan_tree_shows_internal_activities_to_members(work_plan, member, session_client):
    tree = session_client(member).get(f"{API}/workplans/{work_plan.pk}").json()
    assert [a["code"] for a in tree["results"][0]["outputs"][0]["activities"]] == ["i", "ii"]


def test_work_plan_tree_tells_focal_point_what_they_may_report(work_plan, focal_point, session_client):
    tree = session_client(focal_point).get(f"{API}/workplans/{work_plan.pk}").json()
    nodes = {a["code"]: a["can_record_status"] for a in tree["results"][0]["outputs"][0]["activities"]}
    assert nodes == {"i": True, "ii": False}


def test_draft_plan_answers_visitor_as_a_missing_one(client, work_plan, draft_plan):
    draft = client.get(f"{API}/workplans/{draft_plan.pk}")
    missing = client.get(f"{API}/workplans/999999")
    assert (
        (draft.status_code, draft.json())
        == (missing.status_code, missing.json())
        == (404, {"detail": "Not found."})
    )


def _transition(client, work_plan_id, to_state, headers):
    return client.post(
        f"{API}/workplans/{work_plan_id}/transition",
        {"to_state": to_state, "version": WorkPlan.objects.get(pk=work_plan_id).version},
        content_type="application/json",
        headers=headers,
    )


def test_coalition_secretariat_endorses_a_draft(client, draft_plan, coalition_secretariat, token_for):
    response = _transition(client, draft_plan.pk, "endorsed", token_for(coalition_secretariat))
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "endorsed"
    draft_plan.refresh_from_db()
    assert (draft_plan.state, draft_plan.endorsed_on) == ("endorsed", today())


def test_member_cannot_transition_and_gets_404(client, draft_plan, member, token_for):
    response = _transition(client, draft_plan.pk, "endorsed", token_for(member))
    assert (response.status_code, response.json()) == (404, {"detail": "Not found."})
    assert WorkPlan.objects.get(pk=draft_plan.pk).state == "draft"


def test_transition_not_in_the_rules_answers_422_naming_to_state(
    client, work_plan, coalition_secretariat, token_for
):
    response = _transition(client, work_plan.pk, "endorsed", token_for(coalition_secretariat))
    assert response.status_code == 422
    assert [d["loc"] for d in response.json()["detail"]] == [["body", "to_state"]]


def test_unknown_state_answers_422_naming_to_state(client, work_plan, coalition_secretariat, token_for):
    response = _transition(client, work_plan.pk, "archived", token_for(coalition_secretariat))
    assert response.status_code == 422
    assert [d["loc"] for d in response.json()["detail"]] == [["body", "to_state"]]

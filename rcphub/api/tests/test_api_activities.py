from datetime import date, timedelta

import pytest

from rcphub.api.tests.conftest import API, add_activity, first_output, ids, report
from rcphub.core.dates import today
from rcphub.workplans.models import ReportingRound, StatusReport
from rcphub.workplans.tests.factories import WorkPlanFactory

pytestmark = pytest.mark.django_db


# ---------------------------------------------------------------------------------------------
# Who sees what


def test_visitor_lists_only_public_activities_of_endorsed_plans(
    client, work_plan, activity, draft_plan, internal_coalition_plan
):
    assert ids(client.get(f"{API}/activities")) == {activity("i").pk}


def test_member_lists_internal_activities_and_drafts_of_own_coalition(
    work_plan, activity, draft_plan, other_plan, member, session_client
):
    draft_activity = first_output(draft_plan).activities.get()
    other_public = other_plan.results.get().outputs.get().activities.get(code="i")
    response = session_client(member).get(f"{API}/activities")
    assert ids(response) == {activity("i").pk, activity("ii").pk, draft_activity.pk, other_public.pk}


def test_member_cannot_see_other_coalitions_internal_activities(
    work_plan, other_plan, member, session_client
):
    hidden = other_plan.results.get().outputs.get().activities.get(code="ii")
    assert hidden.pk not in ids(session_client(member).get(f"{API}/activities"))
    assert session_client(member).get(f"{API}/activities/{hidden.pk}").status_code == 404


def test_activity_lists_its_fields_and_status_as_at(client, work_plan, activity, platform_secretariat):
    first = activity("i")
    report(first, "starting", date(2026, 3, 31), platform_secretariat)
    item = client.get(f"{API}/activities", {"as_at": "2026-06-30"}).json()["items"][0]
    assert item == {
        "id": first.pk,
        "code": "i",
        "title": first.title,
        "description": "",
        "work_plan": work_plan.pk,
        "coalition": "health",
        "result": "1",
        "output": "1.1",
        "lead_entities": ["UNDP"],
        "partner_entities": ["WHO"],
        "countries": ["SRB"],
        "start_on": None,
        "end_on": None,
        "due_text": "",
        "sdg_targets": ["3.8"],
        "gcm_objectives": [15],
        "demand_driven": False,
        "visibility": "public",
        "footnotes": "",
        "version": first.version,
        "status": "starting",
        "status_text": "",
        "status_as_at_date": "2026-03-31",
    }


def test_activity_list_is_paginated(client, work_plan, activity):
    for n in range(3):
        add_activity(first_output(work_plan), f"p{n}")
    page = client.get(f"{API}/activities", {"page_size": 2, "page": 2}).json()
    assert page["count"] == 4
    assert len(page["items"]) == 2


def test_activity_detail_shows_status_as_at(client, work_plan, activity, platform_secretariat):
    first = activity("i")
    report(first, "starting", date(2026, 3, 31), platform_secretariat)
    report(first, "completed", date(2026, 9, 30), platform_secretariat)
    assert client.get(f"{API}/activities/{first.pk}", {"as_at": "2026-06-30"}).json()["status"] == "starting"
    assert client.get(f"{API}/activities/{first.pk}", {"as_at": "2026-03-30"}).json()["status"] is None
    assert client.get(f"{API}/activities/{first.pk}", {"as_at": "2026-10-01"}).json()["status"] == "completed"


def test_status_history_lists_reports_latest_first(client, work_plan, activity, platform_secretariat, member):
    first = activity("i")
    report(first, "starting", date(2026, 3, 31), platform_secretariat)
    report(first, "completed", date(2026, 9, 30), platform_secretariat)
    history = client.get(f"{API}/activities/{first.pk}/status-reports").json()
    assert [(r["status"], r["as_at"]) for r in history] == [
        ("completed", "2026-09-30"),
        ("starting", "2026-03-31"),
    ]
    assert history[0]["author"] is None  # a visitor is not told who reported
    assert "email" not in history[0]
    client.force_login(member)
    history = client.get(f"{API}/activities/{first.pk}/status-reports").json()
    assert history[0]["author"] == platform_secretariat.get_full_name()


# ---------------------------------------------------------------------------------------------
# Filters


@pytest.fixture
def spread(work_plan, other_plan, platform_secretariat):
    """Activities across two coalitions with distinct countries, targets, objectives, leads and statuses."""
    health = first_output(work_plan)
    climate = first_output(other_plan)
    made = {
        "kz": add_activity(health, "kz", country="KZ", sdg="5.2", gcm=2, lead="UNFPA"),
        "al": add_activity(climate, "al", country="AL", sdg="13.1", gcm=23, lead="UNEP"),
    }
    report(made["kz"], "ongoing", date(2026, 3, 31), platform_secretariat)
    report(made["kz"], "completed", date(2026, 9, 30), platform_secretariat)
    report(made["al"], "delayed", date(2026, 6, 30), platform_secretariat)
    return made


def _filter(client, **params):
    return ids(client.get(f"{API}/activities", params))


def test_filter_by_coalition(client, spread, activity, other_plan):
    climate_public = other_plan.results.get().outputs.get().activities.get(code="i")
    assert _filter(client, coalition="climate") == {climate_public.pk, spread["al"].pk}
    assert _filter(client, coalition="health") == {activity("i").pk, spread["kz"].pk}
    assert _filter(client, coalition="no-such-coalition") == set()


def test_filter_by_work_plan(client, spread, activity, work_plan):
    assert _filter(client, work_plan=work_plan.pk) == {activity("i").pk, spread["kz"].pk}


def test_filter_by_country_takes_alpha2_and_alpha3(client, spread):
    assert _filter(client, country="KZ") == {spread["kz"].pk}
    assert _filter(client, country="kaz") == {spread["kz"].pk}
    assert _filter(client, country="ALB") == {spread["al"].pk}


def test_filter_by_sdg_target(client, spread):
    assert _filter(client, sdg_target="13.1") == {spread["al"].pk}


def test_filter_by_gcm_objective(client, spread):
    assert _filter(client, gcm_objective=2) == {spread["kz"].pk}


def test_filter_by_lead_entity(client, spread, activity, other_plan):
    climate_public = other_plan.results.get().outputs.get().activities.get(code="i")
    assert _filter(client, lead_entity="UNEP") == {spread["al"].pk}
    assert _filter(client, lead_entity="undp") == {activity("i").pk, climate_public.pk}


def test_filter_by_status_as_at_a_date(client, spread, activity, other_plan):
    climate_public = other_plan.results.get().outputs.get().activities.get(code="i")
    assert _filter(client, status="ongoing", as_at="2026-06-30") == {spread["kz"].pk}
    assert _filter(client, status="completed", as_at="2026-06-30") == set()
    assert _filter(client, status="completed", as_at="2026-10-01") == {spread["kz"].pk}
    assert _filter(client, status="delayed", as_at="2026-06-29") == set()
    assert _filter(client, status="none", as_at="2026-06-30") == {activity("i").pk, climate_public.pk}
    assert _filter(client, status="none", as_at="2026-01-01") == {
        activity("i").pk,
        climate_public.pk,
        spread["kz"].pk,
        spread["al"].pk,
    }


def test_filters_combine(client, spread):
    assert _filter(client, coalition="health", sdg_target="5.2", status="ongoing", as_at="2026-04-01") == {
        spread["kz"].pk
    }
    assert _filter(client, coalition="climate", sdg_target="5.2") == set()


# ---------------------------------------------------------------------------------------------
# Bad filters


def _error(response):
    assert response.status_code == 422, response.content
    return response.json()["detail"]


def test_unknown_sdg_target_answers_422_naming_it(client, work_plan):
    detail = _error(client.get(f"{API}/activities", {"sdg_target": "99.9"}))
    assert detail == [
        {"type": "unknown", "loc": ["query", "sdg_target"], "msg": "Unknown SDG target “99.9”."}
    ]


def test_unknown_country_answers_422_naming_it(client, work_plan):
    detail = _error(client.get(f"{API}/activities", {"country": "XX"}))
    assert [d["loc"] for d in detail] == [["query", "country"]]
    assert "XX" in detail[0]["msg"]


def test_unknown_gcm_objective_lead_entity_and_status_answer_422_naming_each(client, work_plan):
    detail = _error(
        client.get(f"{API}/activities", {"gcm_objective": 24, "lead_entity": "NOPE", "status": "done"})
    )
    assert sorted(d["loc"][1] for d in detail) == ["gcm_objective", "lead_entity", "status"]


def test_malformed_as_at_answers_422_naming_it(client, work_plan):
    detail = _error(client.get(f"{API}/activities", {"as_at": "2026-13-45"}))
    assert [d["loc"] for d in detail] == [["query", "as_at"]]
    detail = _error(client.get(f"{API}/workplans/{work_plan.pk}", {"as_at": "yesterday"}))
    assert [d["loc"] for d in detail] == [["query", "as_at"]]


def test_non_numeric_gcm_objective_answers_422_naming_it(client, work_plan):
    detail = _error(client.get(f"{API}/activities", {"gcm_objective": "fifteen"}))
    assert [d["loc"] for d in detail] == [["query", "gcm_objective"]]


# ---------------------------------------------------------------------------------------------
# Status reports


def _post_status(client, activity_id, headers=None, **payload):
    return client.post(
        f"{API}/activities/{activity_id}/status-reports",
        payload,
        content_type="application/json",
        headers=headers,
    )


def test_focal_point_reports_status_of_own_activity(client, work_plan, activity, focal_point, token_for):
    response = _post_status(
        client,
        activity("i").pk,
        token_for(focal_point),
        status="ongoing",
        as_at="2026-03-31",
        comment=" On track. ",
    )
    assert response.status_code == 201, response.content
    created = StatusReport.objects.get()
    assert response.json() == {
        "id": created.pk,
        "activity": activity("i").pk,
        "status": "ongoing",
        "status_text": "",
        "as_at": "2026-03-31",
        "comment": "On track.",
        "round": None,
        "author": focal_point.get_full_name(),
        "created_at": response.json()["created_at"],
    }
    assert created.author == focal_point


def test_report_without_date_is_dated_today(client, work_plan, activity, focal_point, token_for):
    response = _post_status(client, activity("i").pk, token_for(focal_point), status="starting")
    assert response.status_code == 201
    assert response.json()["as_at"] == today().isoformat()


def test_report_in_a_round_takes_the_rounds_date(client, work_plan, activity, focal_point, token_for):
    round_ = ReportingRound.objects.create(
        work_plan=work_plan, as_at=date(2026, 6, 30), title="Mid-year review"
    )
    response = _post_status(
        client, activity("i").pk, token_for(focal_point), status="ongoing", round_id=round_.pk
    )
    assert response.status_code == 201, response.content
    assert (response.json()["round"], response.json()["as_at"]) == (round_.pk, "2026-06-30")


def test_focal_point_gets_404_for_another_entitys_activity(
    client, work_plan, activity, focal_point, token_for
):
    response = _post_status(client, activity("ii").pk, token_for(focal_point), status="ongoing")
    assert response.status_code == 404
    assert not StatusReport.objects.exists()


def test_focal_point_gets_the_same_404_for_other_coalitions_internal_activity_as_for_a_missing_one(
    client, work_plan, other_plan, focal_point, token_for
):
    hidden = other_plan.results.get().outputs.get().activities.get(code="ii")
    headers = token_for(focal_point)
    forbidden = _post_status(client, hidden.pk, headers, status="ongoing")
    missing = _post_status(client, 999_999, headers, status="ongoing")
    assert (forbidden.status_code, forbidden.json()) == (missing.status_code, missing.json())
    assert forbidden.status_code == 404
    assert forbidden.json() == {"detail": "Not found."}
    assert not StatusReport.objects.exists()


def test_status_dated_in_the_future_answers_422_naming_as_at_and_writes_nothing(
    client, work_plan, activity, focal_point, token_for
):
    tomorrow = (today() + timedelta(days=1)).isoformat()
    detail = _error(
        _post_status(client, activity("i").pk, token_for(focal_point), status="ongoing", as_at=tomorrow)
    )
    assert [d["loc"] for d in detail] == [["body", "as_at"]]
    assert "future" in detail[0]["msg"]
    assert not StatusReport.objects.exists()


def test_unknown_status_answers_422_naming_status(client, work_plan, activity, focal_point, token_for):
    detail = _error(_post_status(client, activity("i").pk, token_for(focal_point), status="finished"))
    assert [d["loc"] for d in detail] == [["body", "status"]]
    assert not StatusReport.objects.exists()


def test_malformed_date_in_body_answers_422_naming_as_at(client, work_plan, activity, focal_point, token_for):
    detail = _error(
        _post_status(client, activity("i").pk, token_for(focal_point), status="ongoing", as_at="31/03/2026")
    )
    assert [d["loc"] for d in detail] == [["body", "as_at"]]


def test_round_of_another_work_plan_answers_422_naming_round_id(
    client, work_plan, activity, focal_point, token_for, coalition
):
    elsewhere = WorkPlanFactory(coalition=coalition, title="Another plan")
    round_ = ReportingRound.objects.create(
        work_plan=elsewhere, as_at=date(2026, 6, 30), title="Mid-year review"
    )
    for round_id in (round_.pk, 999_999):
        detail = _error(
            _post_status(
                client, activity("i").pk, token_for(focal_point), status="ongoing", round_id=round_id
            )
        )
        assert [d["loc"] for d in detail] == [["body", "round_id"]]
    assert not StatusReport.objects.exists()


def test_member_who_does_not_lead_gets_404(client, work_plan, activity, member, token_for):
    assert _post_status(client, activity("i").pk, token_for(member), status="ongoing").status_code == 404


def test_no_report_on_a_draft_plan(client, draft_plan, coalition_secretariat, token_for):
    draft_activity = first_output(draft_plan).activities.get()
    response = _post_status(client, draft_activity.pk, token_for(coalition_secretariat), status="ongoing")
    assert response.status_code == 404


def test_hidden_activity_answers_visitor_exactly_like_a_missing_one(client, work_plan, activity, other_plan):
    hidden = other_plan.results.get().outputs.get().activities.get(code="ii")
    for suffix in ("", "/status-reports"):
        forbidden = client.get(f"{API}/activities/{hidden.pk}{suffix}")
        missing = client.get(f"{API}/activities/999999{suffix}")
        assert (forbidden.status_code, forbidden.json()) == (missing.status_code, missing.json())
        assert (forbidden.status_code, forbidden.json()) == (404, {"detail": "Not found."})

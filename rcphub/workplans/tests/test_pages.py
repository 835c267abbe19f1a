"""Work-plan pages: the tree as at a date, the activity page, the forms, what changed, transitions."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from rcphub.core.dates import today
from rcphub.reference.models import Entity
from rcphub.workplans.models import Activity, Output, ReportingRound, Result, StatusReport, WorkPlan
from rcphub.workplans.services import activity_update
from rcphub.workplans.tests.factories import StatusReportFactory, build_work_plan

pytestmark = pytest.mark.django_db


def _activity(work_plan, code="i"):
    return Activity.objects.get(output__result__work_plan=work_plan, code=code)


def _row(response, activity):
    """Return the HTML of the activity's row in the work-plan tree, or None."""
    html = response.content.decode()
    match = re.search(rf'<tr id="activity-{activity.pk}">.*?</tr>', html, re.S)
    return match.group(0) if match else None


def _detail(client, work_plan, as_at=None):
    url = reverse("workplans:detail", args=[work_plan.pk])
    return client.get(url, {"as_at": as_at.isoformat()} if as_at else {})


def _status_post(activity, **data):
    values = {"status": "ongoing", "as_at": date(2026, 6, 30).isoformat(), "comment": ""}
    values.update(data)
    return reverse("workplans:activity_status", args=[activity.pk]), values


def _activity_data(activity, **changes):
    data = {
        "code": activity.code,
        "title": activity.title,
        "description": activity.description,
        "lead_entities": [e.pk for e in activity.lead_entities.all()],
        "partner_entities": [e.pk for e in activity.partner_entities.all()],
        "countries": [c.pk for c in activity.countries.all()],
        "start_on": "",
        "end_on": "",
        "due_text": activity.due_text,
        "sdg_targets": [t.pk for t in activity.sdg_targets.all()],
        "gcm_objectives": [o.pk for o in activity.gcm_objectives.all()],
        "visibility": activity.visibility,
        "footnotes": "",
        "version": activity.version,
    }
    data.update(changes)
    return data


# ---------------------------------------------------------------------------------------------
# The tree as at a date


def test_tree_shows_status_as_at_the_date_and_not_at_an_earlier_date(
    client, work_plan, coalition_secretariat
):
    activity = _activity(work_plan)
    StatusReportFactory(
        activity=activity,
        status="completed",
        as_at=date(2026, 6, 30),
        comment="Review published",
        author=coalition_secretariat,
    )

    row = _row(_detail(client, work_plan, date(2026, 6, 30)), activity)
    assert "Completed" in row
    assert "Review published" in row
    assert "30 Jun 2026" in row

    row = _row(_detail(client, work_plan, date(2026, 6, 29)), activity)
    assert "Completed" not in row
    assert "No report yet" in row


def test_tree_shows_results_outputs_and_activity_columns(client, work_plan):
    response = _detail(client, work_plan, date(2026, 6, 30))
    html = response.content.decode()
    assert response.status_code == 200
    assert "1. Health systems reach people left behind" in html
    assert "1.1 Evidence and guidance for UNCTs" in html
    row = _row(response, _activity(work_plan))
    for text in ("UNDP", "WHO", "SRB", "3.8", ">15<"):
        assert text in row


def test_tree_defaults_to_today_and_lists_rounds_as_quick_links(client, work_plan):
    ReportingRound.objects.create(work_plan=work_plan, as_at=date(2026, 6, 30), title="Mid-year review")
    response = _detail(client, work_plan)
    assert response.context["as_at"] == today()
    assert "?as_at=2026-06-30" in response.content.decode()
    assert "Mid-year review" in response.content.decode()


def test_visitor_does_not_see_internal_activity(client, work_plan):
    response = _detail(client, work_plan)
    assert _row(response, _activity(work_plan, "i")) is not None
    assert _row(response, _activity(work_plan, "ii")) is None
    assert "Internal coordination of country support" not in response.content.decode()
    assert client.get(reverse("workplans:activity", args=[_activity(work_plan, "ii").pk])).status_code == 404


def test_visitor_gets_404_for_a_draft_work_plan_and_its_activities(client, other_coalition):
    draft = build_work_plan(coalition=other_coalition, state="draft")
    assert _detail(client, draft).status_code == 404
    assert client.get(reverse("workplans:activity", args=[_activity(draft).pk])).status_code == 404
    assert client.get(reverse("workplans:changes", args=[draft.pk])).status_code == 404


def test_member_sees_internal_activity_with_its_badge(client, work_plan, member):
    client.force_login(member)
    row = _row(_detail(client, work_plan), _activity(work_plan, "ii"))
    assert "Internal coordination of country support" in row
    assert 'class="badge internal"' in row


def test_member_sees_own_coalitions_draft_work_plan(client, coalition, member):
    draft = build_work_plan(coalition=coalition, state="draft")
    client.force_login(member)
    assert _detail(client, draft).status_code == 200


def test_focal_point_sees_record_status_form_only_for_activity_led_by_own_entity(
    client, work_plan, focal_point
):
    client.force_login(focal_point)
    response = _detail(client, work_plan)
    own, other = _activity(work_plan, "i"), _activity(work_plan, "ii")
    assert f'hx-post="{reverse("workplans:activity_status", args=[own.pk])}"' in _row(response, own)
    assert 'hx-target="#activity-' in _row(response, own)
    assert "Record status" not in _row(response, other)
    assert reverse("workplans:activity_edit", args=[other.pk]) not in _row(response, other)


def test_visitor_sees_no_forms_and_no_transition_buttons(client, work_plan):
    html = _detail(client, work_plan).content.decode()
    assert "Record status" not in html
    assert reverse("workplans:transition", args=[work_plan.pk]) not in html


def test_malformed_as_at_answers_400_naming_the_field(client, work_plan):
    response = client.get(reverse("workplans:detail", args=[work_plan.pk]), {"as_at": "2026-13-45"})
    assert response.status_code == 400
    assert "as_at" in response.content.decode()
    assert "2026-13-45" in response.content.decode()


def test_work_plan_page_is_constant_query_as_activities_grow(
    client, coalition, focal_point, coalition_secretariat, django_assert_max_num_queries
):
    client.force_login(focal_point)
    for n in (4, 12):
        work_plan = build_work_plan(coalition=coalition, state="endorsed", activities=n)
        WorkPlan.objects.filter(pk=work_plan.pk).update(title=f"Work plan with {n} activities")
        for activity in Activity.objects.filter(output__result__work_plan=work_plan):
            StatusReportFactory(activity=activity, author=coalition_secretariat)
        ReportingRound.objects.create(work_plan=work_plan, as_at=date(2026, 3, 31), title="Q1")
        with django_assert_max_num_queries(15):
            response = _detail(client, work_plan, date(2026, 6, 30))
        assert response.context["tree"].activity_count == n


# ---------------------------------------------------------------------------------------------
# Recording status


def test_focal_point_records_status_with_a_normal_post(client, work_plan, focal_point):
    activity = _activity(work_plan)
    client.force_login(focal_point)
    url, data = _status_post(activity, comment="Data collection under way")
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"].startswith(
        f"{reverse('workplans:detail', args=[work_plan.pk])}?as_at=2026-06-30"
    )
    report = StatusReport.objects.get(activity=activity)
    assert (report.status, report.as_at, report.author) == ("ongoing", date(2026, 6, 30), focal_point)
    page = client.get(response["Location"])
    assert "recorded" in page.content.decode()
    assert "Ongoing" in _row(page, activity)


def test_focal_point_records_status_inline_with_htmx_and_gets_the_row(client, work_plan, focal_point):
    activity = _activity(work_plan)
    client.force_login(focal_point)
    url, data = _status_post(activity, view_as_at="2026-06-30", comment="On track")
    response = client.post(url, data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode().strip()
    assert html.startswith(f'<tr id="activity-{activity.pk}">')
    assert "<html" not in html
    assert "Ongoing" in html and "On track" in html
    assert StatusReport.objects.filter(activity=activity, status="ongoing").count() == 1


def test_htmx_status_in_the_future_returns_the_row_with_the_error(client, work_plan, focal_point):
    activity = _activity(work_plan)
    client.force_login(focal_point)
    url, data = _status_post(activity, as_at=(today() + timedelta(days=1)).isoformat())
    response = client.post(url, data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "in the future" in response.content.decode()
    assert not StatusReport.objects.exists()


def test_focal_point_cannot_record_status_for_another_entitys_activity(client, work_plan, focal_point):
    client.force_login(focal_point)
    url, data = _status_post(_activity(work_plan, "ii"))
    assert client.post(url, data).status_code == 404
    assert client.get(url).status_code == 404
    assert not StatusReport.objects.exists()


def test_status_dated_in_the_future_is_a_field_error_and_writes_nothing(client, work_plan, focal_point):
    client.force_login(focal_point)
    url, data = _status_post(_activity(work_plan), as_at=(today() + timedelta(days=1)).isoformat())
    response = client.post(url, data)
    assert response.status_code == 200
    assert "as_at" in response.context["form"].errors
    assert "in the future" in response.content.decode()
    assert not StatusReport.objects.exists()


def test_status_in_a_round_takes_the_rounds_date(client, work_plan, focal_point):
    round_ = ReportingRound.objects.create(work_plan=work_plan, as_at=date(2026, 6, 30), title="Mid-year")
    client.force_login(focal_point)
    url, data = _status_post(_activity(work_plan), as_at=today().isoformat(), round=round_.pk)
    assert client.post(url, data).status_code == 302
    report = StatusReport.objects.get()
    assert (report.as_at, report.round) == (date(2026, 6, 30), round_)


# ---------------------------------------------------------------------------------------------
# Editing and creating


def test_secretariat_edits_any_activity(client, work_plan, coalition_secretariat):
    activity = _activity(work_plan, "ii")
    client.force_login(coalition_secretariat)
    url = reverse("workplans:activity_edit", args=[activity.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, _activity_data(activity, title="Joint country support", due_text="Q3 2026"))
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.title, activity.due_text, activity.version) == ("Joint country support", "Q3 2026", 2)


def test_focal_point_edits_own_activity_but_not_another_entitys(client, work_plan, focal_point):
    own, other = _activity(work_plan, "i"), _activity(work_plan, "ii")
    client.force_login(focal_point)
    response = client.post(
        reverse("workplans:activity_edit", args=[own.pk]), _activity_data(own, title="Review of access")
    )
    assert response.status_code == 302
    assert client.get(reverse("workplans:activity_edit", args=[other.pk])).status_code == 404
    response = client.post(
        reverse("workplans:activity_edit", args=[other.pk]), _activity_data(other, title="Hijacked")
    )
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.title == "Internal coordination of country support"


def test_stale_version_gives_a_form_error_and_keeps_the_other_edit(client, work_plan, coalition_secretariat):
    activity = _activity(work_plan)
    client.force_login(coalition_secretariat)
    stale = _activity_data(activity, title="My edit")
    activity_update(
        activity=_activity(work_plan), by=coalition_secretariat, expected_version=1, title="Their edit"
    )
    response = client.post(reverse("workplans:activity_edit", args=[activity.pk]), stale)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert "Someone else changed this" in response.content.decode()
    assert _activity(work_plan).title == "Their edit"


def test_end_before_start_is_a_field_error_and_writes_nothing(client, work_plan, coalition_secretariat):
    activity = _activity(work_plan)
    client.force_login(coalition_secretariat)
    data = _activity_data(activity, title="Changed", start_on="2026-05-01", end_on="2026-04-01")
    response = client.post(reverse("workplans:activity_edit", args=[activity.pk]), data)
    assert response.status_code == 200
    assert "end_on" in response.context["form"].errors
    activity.refresh_from_db()
    assert (activity.title, activity.version, activity.end_on) == (
        "Regional review of access to primary care",
        1,
        None,
    )


def test_invalid_code_is_a_field_error_and_writes_nothing(client, work_plan, coalition_secretariat):
    output = Output.objects.get(result__work_plan=work_plan)
    client.force_login(coalition_secretariat)
    before = Activity.objects.count()
    response = client.post(
        reverse("workplans:activity_create", args=[output.pk]),
        {"code": "i ii!", "title": "A webinar", "visibility": "public"},
    )
    assert response.status_code == 200
    assert "code" in response.context["form"].errors
    assert "is not a code" in response.content.decode()
    assert Activity.objects.count() == before


def test_duplicate_code_is_an_error_on_the_code_field(client, work_plan, coalition_secretariat):
    output = Output.objects.get(result__work_plan=work_plan)
    client.force_login(coalition_secretariat)
    response = client.post(
        reverse("workplans:activity_create", args=[output.pk]),
        {"code": "i", "title": "A second i", "visibility": "public"},
    )
    assert response.status_code == 200
    assert "code" in response.context["form"].errors
    assert Activity.objects.filter(output=output, code="i").count() == 1


def test_secretariat_builds_a_work_plan_from_the_pages(client, coalition, coalition_secretariat, entity):
    client.force_login(coalition_secretariat)
    response = client.post(
        reverse("workplans:create", args=[coalition.slug]),
        {"title": "Work plan 2027", "period_start": "2027-01-01", "period_end": "2027-12-31"},
    )
    assert response.status_code == 302
    work_plan = WorkPlan.objects.get(coalition=coalition, title="Work plan 2027")
    assert work_plan.state == "draft"

    client.post(reverse("workplans:result_create", args=[work_plan.pk]), {"code": "1", "title": "Result one"})
    result = Result.objects.get(work_plan=work_plan)
    client.post(reverse("workplans:output_create", args=[result.pk]), {"code": "1.1", "title": "Output one"})
    output = Output.objects.get(result=result)
    response = client.post(
        reverse("workplans:activity_create", args=[output.pk]),
        {
            "code": "i",
            "title": "Регіональний семінар",
            "visibility": "internal",
            "lead_entities": [entity("UNDP").pk],
            "start_on": "2027-02-01",
            "end_on": "2027-03-01",
        },
    )
    assert response.status_code == 302
    activity = Activity.objects.get(output=output)
    assert [e.acronym for e in activity.lead_entities.all()] == ["UNDP"]

    html = _detail(client, work_plan).content.decode()
    assert "1. Result one" in html and "1.1 Output one" in html and "Регіональний семінар" in html


def test_new_work_plan_page_offers_the_import_of_a_document(client, coalition, coalition_secretariat):
    client.force_login(coalition_secretariat)
    html = client.get(reverse("workplans:create", args=[coalition.slug])).content.decode()
    assert f'href="{reverse("importers:upload")}?coalition={coalition.slug}&amp;kind=workplan"' in html


def test_work_plan_period_ending_before_it_starts_is_a_field_error(client, coalition, coalition_secretariat):
    client.force_login(coalition_secretariat)
    response = client.post(
        reverse("workplans:create", args=[coalition.slug]),
        {"title": "Work plan 2027", "period_start": "2027-12-31", "period_end": "2027-01-01"},
    )
    assert response.status_code == 200
    assert "period_end" in response.context["form"].errors
    assert not WorkPlan.objects.filter(title="Work plan 2027").exists()


def test_only_those_who_manage_reach_the_create_forms(client, work_plan, focal_point, member):
    result = Result.objects.get(work_plan=work_plan)
    output = Output.objects.get(result=result)
    urls = [
        reverse("workplans:create", args=[work_plan.coalition.slug]),
        reverse("workplans:result_create", args=[work_plan.pk]),
        reverse("workplans:output_create", args=[result.pk]),
        reverse("workplans:activity_create", args=[output.pk]),
        reverse("workplans:round_create", args=[work_plan.pk]),
    ]
    for user in (focal_point, member):
        client.force_login(user)
        assert [client.get(url).status_code for url in urls] == [404] * len(urls)


def test_secretariat_opens_a_reporting_round_listed_on_the_page(client, work_plan, coalition_secretariat):
    client.force_login(coalition_secretariat)
    url = reverse("workplans:round_create", args=[work_plan.pk])
    response = client.post(url, {"as_at": "2026-06-30", "title": "Mid-year review"})
    assert response.status_code == 302
    assert "Mid-year review" in client.get(response["Location"]).content.decode()

    response = client.post(url, {"as_at": (today() + timedelta(days=3)).isoformat(), "title": "Later"})
    assert response.status_code == 200
    assert "as_at" in response.context["form"].errors
    assert ReportingRound.objects.count() == 1


# ---------------------------------------------------------------------------------------------
# Activity page


def test_activity_page_shows_fields_breadcrumbs_and_both_histories(client, work_plan, coalition_secretariat):
    activity = _activity(work_plan)
    StatusReportFactory(
        activity=activity,
        status="starting",
        as_at=date(2026, 3, 31),
        comment="Scoping",
        author=coalition_secretariat,
    )
    activity_update(activity=activity, by=coalition_secretariat, expected_version=1, due_text="Q4 2026")
    client.force_login(coalition_secretariat)
    response = client.get(reverse("workplans:activity", args=[activity.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'aria-label="Breadcrumbs"' in html
    for text in (
        "Issue-based Coalition on Health and Well-being",
        "Work plan 2026",
        "1. Health systems",
        "1.1 Evidence",
        "Serbia",
        "Scoping",
        "Starting",
        "secretariat@example.org",
    ):
        assert text in html, text
    history = response.context["history"]
    assert any(change.after == "Q4 2026" for entry in history for change in entry.changes)
    assert "<del>—</del> → <ins>Q4 2026</ins>" in html
    assert reverse("workplans:activity_edit", args=[activity.pk]) in html
    assert 'id="record-status"' in html


def test_change_history_shows_one_edit_as_one_entry_with_names(
    client, work_plan, coalition_secretariat, entity
):
    activity = _activity(work_plan)
    client.force_login(coalition_secretariat)
    data = _activity_data(
        activity, title="Review of access", partner_entities=[entity("WHO").pk, entity("UNICEF").pk]
    )
    assert client.post(reverse("workplans:activity_edit", args=[activity.pk]), data).status_code == 302
    latest = client.get(reverse("workplans:activity", args=[activity.pk])).context["history"][0]
    assert latest.who == str(coalition_secretariat)
    assert {(c.field, c.before, c.after) for c in latest.changes} == {
        ("title", "Regional review of access to primary care", "Review of access"),
        ("partner entities", "WHO", "UNICEF, WHO"),
    }


def test_activity_page_hides_internal_collaborating_coalitions_from_those_outside(
    client, work_plan, other_coalition, coalition_secretariat, platform_secretariat
):
    other_coalition.visibility = "internal"
    other_coalition.save()
    activity = _activity(work_plan)
    activity_update(
        activity=activity,
        by=coalition_secretariat,
        expected_version=1,
        collaborating_coalitions=[other_coalition],
    )
    html = client.get(reverse("workplans:activity", args=[activity.pk])).content.decode()
    assert "Environment and Climate Change" not in html
    client.force_login(coalition_secretariat)
    html = client.get(reverse("workplans:activity", args=[activity.pk])).content.decode()
    assert "Environment and Climate Change" not in html  # the health secretariat is not a climate member
    client.force_login(platform_secretariat)
    html = client.get(reverse("workplans:activity", args=[activity.pk])).content.decode()
    assert "Environment and Climate Change" in html


def test_visitor_sees_activity_page_without_forms_or_names(client, work_plan, coalition_secretariat):
    activity = _activity(work_plan)
    StatusReportFactory(activity=activity, as_at=date(2026, 3, 31), author=coalition_secretariat)
    html = client.get(reverse("workplans:activity", args=[activity.pk])).content.decode()
    assert "Ongoing" in html
    assert "secretariat@example.org" not in html
    assert reverse("workplans:activity_edit", args=[activity.pk]) not in html
    assert 'id="record-status"' not in html


def test_activity_page_is_constant_query_as_reports_and_edits_grow(
    client, work_plan, coalition_secretariat, entity, django_assert_max_num_queries
):
    activity = _activity(work_plan)
    client.force_login(coalition_secretariat)
    for count in (3, 9):
        StatusReport.objects.filter(activity=activity).delete()
        for day in range(count):
            StatusReportFactory(
                activity=activity, as_at=date(2026, 1, 1) + timedelta(days=day), author=coalition_secretariat
            )
            activity_update(
                activity=_activity(work_plan),
                by=coalition_secretariat,
                expected_version=None,
                due_text=f"Q{day} {count}",
                partner_entities=[entity("WHO"), entity("UNICEF")] if day % 2 else [entity("WHO")],
            )
        with django_assert_max_num_queries(20):
            response = client.get(reverse("workplans:activity", args=[activity.pk]))
        assert len(response.context["reports"]) == count
        assert sum(len(entry.changes) for entry in response.context["history"]) >= count


# ---------------------------------------------------------------------------------------------
# What changed


def test_changes_view_lists_a_status_move(client, work_plan, coalition_secretariat):
    activity = _activity(work_plan)
    StatusReportFactory(
        activity=activity, status="starting", as_at=date(2026, 3, 31), author=coalition_secretariat
    )
    StatusReportFactory(
        activity=activity, status="completed", as_at=date(2026, 6, 30), author=coalition_secretariat
    )
    response = client.get(
        reverse("workplans:changes", args=[work_plan.pk]), {"since": "2026-04-01", "until": "2026-06-30"}
    )
    assert response.status_code == 200
    moves = response.context["changes"].moves
    assert [(m.activity.code, m.before, m.after) for m in moves] == [("i", "starting", "completed")]
    assert "Starting" in response.content.decode() and "Completed" in response.content.decode()


def test_changes_view_defaults_to_the_last_two_rounds(client, work_plan):
    for as_at, title in ((date(2026, 3, 31), "Q1"), (date(2026, 6, 30), "Q2"), (date(2026, 9, 30), "Q3")):
        ReportingRound.objects.create(work_plan=work_plan, as_at=as_at, title=title)
    changes = client.get(reverse("workplans:changes", args=[work_plan.pk])).context["changes"]
    assert (changes.since, changes.until) == (date(2026, 6, 30), date(2026, 9, 30))


def test_changes_view_without_rounds_covers_the_last_30_days(client, work_plan):
    changes = client.get(reverse("workplans:changes", args=[work_plan.pk])).context["changes"]
    assert (changes.since, changes.until) == (today() - timedelta(days=30), today())


def test_changes_view_hides_internal_activities_from_visitors(client, work_plan, coalition_secretariat):
    internal = _activity(work_plan, "ii")
    StatusReportFactory(
        activity=internal, status="delayed", as_at=date(2026, 5, 1), author=coalition_secretariat
    )
    response = client.get(
        reverse("workplans:changes", args=[work_plan.pk]), {"since": "2026-04-01", "until": "2026-06-30"}
    )
    assert response.context["changes"].moves == []
    assert "Internal coordination" not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"since": "yesterday"}, "since"),
        ({"until": "2026-02-30"}, "until"),
        ({"since": "2026-06-30", "until": "2026-03-31"}, "since"),
    ],
)
def test_changes_view_bad_dates_answer_400_naming_the_field(client, work_plan, query, field):
    response = client.get(reverse("workplans:changes", args=[work_plan.pk]), query)
    assert response.status_code == 400
    assert f"<code>{field}</code>" in response.content.decode()


# ---------------------------------------------------------------------------------------------
# Transitions


def test_secretariat_endorses_a_draft_work_plan(client, coalition, coalition_secretariat):
    draft = build_work_plan(coalition=coalition, state="draft")
    client.force_login(coalition_secretariat)
    assert "Endorse" in _detail(client, draft).content.decode()
    response = client.post(
        reverse("workplans:transition", args=[draft.pk]), {"to_state": "endorsed"}, follow=True
    )
    draft.refresh_from_db()
    assert (draft.state, draft.endorsed_on) == ("endorsed", today())
    assert "now “Endorsed”" in response.content.decode()


@pytest.mark.parametrize(
    ("state", "to_state"), [("draft", "closed"), ("endorsed", "endorsed"), ("draft", "bogus")]
)
def test_transitions_the_rules_do_not_allow_are_refused_with_a_message(
    client, coalition, coalition_secretariat, state, to_state
):
    work_plan = build_work_plan(coalition=coalition, state=state)
    client.force_login(coalition_secretariat)
    response = client.post(
        reverse("workplans:transition", args=[work_plan.pk]), {"to_state": to_state}, follow=True
    )
    work_plan.refresh_from_db()
    assert work_plan.state == state
    assert "cannot go from" in response.content.decode()


def test_focal_point_cannot_transition_a_work_plan(client, work_plan, focal_point):
    client.force_login(focal_point)
    response = client.post(reverse("workplans:transition", args=[work_plan.pk]), {"to_state": "closed"})
    assert response.status_code == 404
    work_plan.refresh_from_db()
    assert work_plan.state == "endorsed"


def test_transition_buttons_follow_the_rules_and_the_role(client, work_plan, coalition_secretariat):
    client.force_login(coalition_secretariat)
    transitions = dict(_detail(client, work_plan).context["transitions"])
    assert set(transitions) == {"draft", "closed"}
    work_plan.state = "closed"
    work_plan.save()
    assert _detail(client, work_plan).context["transitions"] == []


def test_edit_link_in_tree_for_secretariat_on_every_activity(client, work_plan, coalition_secretariat):
    client.force_login(coalition_secretariat)
    response = _detail(client, work_plan)
    for code in ("i", "ii"):
        activity = _activity(work_plan, code)
        assert reverse("workplans:activity_edit", args=[activity.pk]) in _row(response, activity)


def test_lead_entities_form_lists_entities(client, work_plan, coalition_secretariat):
    client.force_login(coalition_secretariat)
    response = client.get(reverse("workplans:activity_edit", args=[_activity(work_plan).pk]))
    undp = Entity.objects.get(acronym="UNDP")
    assert f'value="{undp.pk}" selected' in response.content.decode()

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from rcphub.core.dates import today
from rcphub.core.errors import ConflictError, TransitionError
from rcphub.reference.models import Country, Entity
from rcphub.workplans.models import Activity, ReportingRound, StatusReport, WorkPlan
from rcphub.workplans.services import (
    activity_create,
    activity_update,
    output_save,
    reporting_round_create,
    result_save,
    status_report_record,
    workplan_create,
    workplan_transition,
)
from rcphub.workplans.tests.factories import build_work_plan

pytestmark = pytest.mark.django_db


def _activity(work_plan, code="i"):
    return Activity.objects.get(output__result__work_plan=work_plan, code=code)


def test_focal_point_records_status_on_activity_led_by_own_entity(work_plan, focal_point):
    report = status_report_record(
        activity=_activity(work_plan),
        status="ongoing",
        as_at=date(2026, 5, 1),
        comment=" Under way ",
        by=focal_point,
    )
    assert (report.status, report.as_at, report.comment, report.author) == (
        "ongoing",
        date(2026, 5, 1),
        "Under way",
        focal_point,
    )


def test_focal_point_cannot_record_status_on_another_entitys_activity(work_plan, focal_point):
    with pytest.raises(PermissionDenied):
        status_report_record(
            activity=_activity(work_plan, "ii"), status="ongoing", as_at=date(2026, 5, 1), by=focal_point
        )
    assert not StatusReport.objects.exists()


def test_status_report_dated_in_the_future_is_refused_naming_the_field(work_plan, focal_point):
    with pytest.raises(ValidationError) as error:
        status_report_record(
            activity=_activity(work_plan), status="ongoing", as_at=today() + timedelta(days=1), by=focal_point
        )
    assert "as_at" in error.value.message_dict
    assert not StatusReport.objects.exists()


def test_unknown_status_is_refused_naming_the_field(work_plan, focal_point):
    with pytest.raises(ValidationError) as error:
        status_report_record(
            activity=_activity(work_plan), status="finished", as_at=date(2026, 5, 1), by=focal_point
        )
    assert "status" in error.value.message_dict
    assert not StatusReport.objects.exists()


def test_status_report_in_a_round_takes_the_rounds_date(work_plan, focal_point, coalition_secretariat):
    round_ = reporting_round_create(
        work_plan=work_plan, as_at=date(2026, 6, 30), title="Mid-year review", by=coalition_secretariat
    )
    report = status_report_record(
        activity=_activity(work_plan), status="starting", round=round_, by=focal_point
    )
    assert report.as_at == date(2026, 6, 30)
    with pytest.raises(ValidationError) as error:
        status_report_record(
            activity=_activity(work_plan),
            status="ongoing",
            round=round_,
            as_at=date(2026, 6, 1),
            by=focal_point,
        )
    assert "as_at" in error.value.message_dict


def test_round_of_another_work_plan_is_refused(work_plan, other_coalition, focal_point, platform_secretariat):
    other = build_work_plan(coalition=other_coalition, state="endorsed")
    round_ = reporting_round_create(
        work_plan=other, as_at=date(2026, 3, 31), title="Q1", by=platform_secretariat
    )
    with pytest.raises(ValidationError) as error:
        status_report_record(activity=_activity(work_plan), status="ongoing", round=round_, by=focal_point)
    assert "round" in error.value.message_dict


def test_reporting_round_in_the_future_is_refused(work_plan, coalition_secretariat):
    with pytest.raises(ValidationError) as error:
        reporting_round_create(
            work_plan=work_plan, as_at=today() + timedelta(days=3), title="Next", by=coalition_secretariat
        )
    assert "as_at" in error.value.message_dict
    assert not ReportingRound.objects.exists()


def test_endorse_needs_an_activity_and_records_the_date(coalition, coalition_secretariat):
    empty = workplan_create(
        coalition=coalition,
        title="Work plan 2027",
        period_start=date(2027, 1, 1),
        period_end=date(2027, 12, 31),
        by=coalition_secretariat,
    )
    with pytest.raises(TransitionError):
        workplan_transition(work_plan=empty, to_state="endorsed", by=coalition_secretariat)
    work_plan = build_work_plan(coalition=coalition, state="draft")
    workplan_transition(
        work_plan=work_plan, to_state="endorsed", by=coalition_secretariat, on=date(2026, 2, 3)
    )
    work_plan.refresh_from_db()
    assert (work_plan.state, work_plan.endorsed_on) == ("endorsed", date(2026, 2, 3))


def test_transition_rules_refuse_skipping_a_state(coalition, coalition_secretariat):
    work_plan = build_work_plan(coalition=coalition, state="draft")
    with pytest.raises(TransitionError) as error:
        workplan_transition(work_plan=work_plan, to_state="closed", by=coalition_secretariat)
    assert "state" in error.value.message_dict
    assert WorkPlan.objects.get(pk=work_plan.pk).state == "draft"


def test_only_platform_secretariat_reopens_a_closed_work_plan(
    coalition, coalition_secretariat, platform_secretariat
):
    work_plan = build_work_plan(coalition=coalition, state="closed")
    with pytest.raises(PermissionDenied):
        workplan_transition(work_plan=work_plan, to_state="endorsed", by=coalition_secretariat)
    workplan_transition(work_plan=work_plan, to_state="endorsed", by=platform_secretariat)
    assert WorkPlan.objects.get(pk=work_plan.pk).state == "endorsed"


def test_work_plan_ending_before_it_starts_is_refused(coalition, coalition_secretariat):
    with pytest.raises(ValidationError) as error:
        workplan_create(
            coalition=coalition,
            title="Backwards",
            period_start=date(2026, 12, 31),
            period_end=date(2026, 1, 1),
            by=coalition_secretariat,
        )
    assert "period_end" in error.value.message_dict


@pytest.mark.parametrize("code", ["", "1..2", "1 2", "a/b", "x" * 41, "1.", ".1"])
def test_invalid_codes_are_refused_and_nothing_is_written(work_plan, coalition_secretariat, code):
    result = work_plan.results.get()
    before = (result.outputs.count(), work_plan.results.count())
    with pytest.raises(ValidationError) as error:
        output_save(result=result, code=code, title="Something", by=coalition_secretariat)
    assert "code" in error.value.message_dict
    with pytest.raises(ValidationError):
        result_save(work_plan=work_plan, code=code, title="Something", by=coalition_secretariat)
    assert (result.outputs.count(), work_plan.results.count()) == before


@pytest.mark.parametrize("code", ["1", "1.2", "iii", "2.a", "A-3", "10.1.4"])
def test_codes_as_people_write_them_are_accepted(work_plan, coalition_secretariat, code):
    output = output_save(
        result=work_plan.results.get(), code=code, title="Peer exchange", by=coalition_secretariat
    )
    assert output.code == code


def test_duplicate_activity_code_under_one_output_is_refused(work_plan, coalition_secretariat):
    output = work_plan.results.get().outputs.get()
    with pytest.raises(ValidationError) as error:
        activity_create(output=output, code="i", title="Duplicate", by=coalition_secretariat)
    assert error.value.messages


def test_activity_ending_before_it_starts_is_refused_with_nothing_written(work_plan, coalition_secretariat):
    output = work_plan.results.get().outputs.get()
    count = output.activities.count()
    with pytest.raises(ValidationError) as error:
        activity_create(
            output=output,
            code="iv",
            title="Backwards",
            start_on=date(2026, 9, 1),
            end_on=date(2026, 3, 1),
            lead_entities=[Entity.objects.get(acronym="UNDP")],
            by=coalition_secretariat,
        )
    assert "end_on" in error.value.message_dict
    assert output.activities.count() == count


def test_activity_create_sets_relations(work_plan, coalition_secretariat):
    output = work_plan.results.get().outputs.get()
    activity = activity_create(
        output=output,
        code="iv",
        title="Country dialogue on health financing",
        countries=[Country.objects.get(iso2="AL"), Country.objects.get(iso2="MD")],
        lead_entities=[Entity.objects.get(acronym="WHO")],
        by=coalition_secretariat,
    )
    assert sorted(c.iso2 for c in activity.countries.all()) == ["AL", "MD"]
    assert activity.order == 3


def test_concurrent_activity_edits_do_not_overwrite_each_other(work_plan, focal_point, coalition_secretariat):
    activity = _activity(work_plan)
    seen_by_both = activity.version
    activity_update(
        activity=activity, by=coalition_secretariat, expected_version=seen_by_both, title="First edit"
    )
    stale = Activity.objects.get(pk=activity.pk)
    with pytest.raises(ConflictError):
        activity_update(activity=stale, by=focal_point, expected_version=seen_by_both, title="Second edit")
    assert Activity.objects.get(pk=activity.pk).title == "First edit"


def test_activity_update_keeps_history_with_the_value_before(work_plan, coalition_secretariat):
    from rcphub.workplans.selectors import activity_change_history

    activity = _activity(work_plan)
    old_title = activity.title
    activity_update(
        activity=activity, by=coalition_secretariat, expected_version=activity.version, title="Renamed"
    )
    latest = activity_change_history(activity=activity, user=coalition_secretariat)[0]
    change = next(c for c in latest.changes if c.after == "Renamed")
    assert change.before == old_title


def test_history_records_who_made_the_change(work_plan, focal_point):
    activity = _activity(work_plan)
    activity_update(activity=activity, by=focal_point, expected_version=activity.version, due_text="Q4 2026")
    assert activity.history.first().history_user == focal_point


def test_focal_point_cannot_hand_the_activity_to_another_entity_or_hide_it(work_plan, focal_point):
    activity = _activity(work_plan)
    for change in (
        {"lead_entities": [Entity.objects.get(acronym="WHO")]},
        {"visibility": "internal"},
        {"code": "z"},
    ):
        with pytest.raises(ValidationError) as error:
            activity_update(
                activity=_activity(work_plan), by=focal_point, expected_version=activity.version, **change
            )
        assert set(error.value.message_dict) == set(change)
    fresh = _activity(work_plan)
    assert (fresh.code, fresh.visibility, [e.acronym for e in fresh.lead_entities.all()]) == (
        "i",
        "public",
        ["UNDP"],
    )


def test_focal_point_may_resend_unchanged_locked_fields(work_plan, focal_point):
    activity = _activity(work_plan)
    activity_update(
        activity=activity,
        by=focal_point,
        expected_version=activity.version,
        lead_entities=list(activity.lead_entities.all()),
        visibility="public",
        code="i",
        due_text="By end 2026",
    )
    assert _activity(work_plan).due_text == "By end 2026"

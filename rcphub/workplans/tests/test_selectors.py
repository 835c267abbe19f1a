from datetime import date

import pytest

from rcphub.workplans.selectors import workplan_tree
from rcphub.workplans.tests.factories import StatusReportFactory

pytestmark = pytest.mark.django_db


def test_status_as_at_ignores_later_reports(work_plan, platform_secretariat):
    activity = work_plan.results.get().outputs.get().activities.get(code="i")
    StatusReportFactory(
        activity=activity, status="starting", as_at=date(2026, 3, 31), author=platform_secretariat
    )
    StatusReportFactory(
        activity=activity, status="completed", as_at=date(2026, 9, 30), author=platform_secretariat
    )
    tree = workplan_tree(work_plan=work_plan, user=platform_secretariat, as_at=date(2026, 6, 30))
    node = next(a for a in tree.activities() if a.activity.pk == activity.pk)
    assert node.status == "starting"
    tree = workplan_tree(work_plan=work_plan, user=platform_secretariat, as_at=date(2026, 3, 30))
    assert next(a for a in tree.activities() if a.activity.pk == activity.pk).status is None


from rcphub.workplans.selectors import ActivityFilters, activity_list, workplan_changes  # noqa: E402
from rcphub.workplans.tests.factories import ActivityFactory, build_work_plan  # noqa: E402


def _node(tree, code):
    return next(a for a in tree.activities() if a.activity.code == code)


def test_status_as_at_takes_the_last_of_reports_on_the_same_day(work_plan, platform_secretariat):
    activity = work_plan.results.get().outputs.get().activities.get(code="i")
    StatusReportFactory(
        activity=activity, status="starting", as_at=date(2026, 6, 30), author=platform_secretariat
    )
    StatusReportFactory(
        activity=activity, status="delayed", as_at=date(2026, 6, 30), author=platform_secretariat
    )
    tree = workplan_tree(work_plan=work_plan, user=platform_secretariat, as_at=date(2026, 6, 30))
    assert _node(tree, "i").status == "delayed"
    assert tree.status_counts["delayed"] == 1


def test_status_as_at_counts_a_report_dated_on_that_day(work_plan, platform_secretariat):
    activity = work_plan.results.get().outputs.get().activities.get(code="i")
    StatusReportFactory(
        activity=activity, status="completed", as_at=date(2026, 6, 30), author=platform_secretariat
    )
    assert (
        _node(
            workplan_tree(work_plan=work_plan, user=platform_secretariat, as_at=date(2026, 6, 30)), "i"
        ).status
        == "completed"
    )
    assert (
        _node(
            workplan_tree(work_plan=work_plan, user=platform_secretariat, as_at=date(2026, 6, 29)), "i"
        ).status
        is None
    )


def test_visitor_tree_leaves_out_internal_activities(work_plan, visitor, member):
    assert [
        a.activity.code
        for a in workplan_tree(work_plan=work_plan, user=visitor, as_at=date(2026, 6, 30)).activities()
    ] == ["i"]
    assert [
        a.activity.code
        for a in workplan_tree(work_plan=work_plan, user=member, as_at=date(2026, 6, 30)).activities()
    ] == ["i", "ii"]


def test_visitor_tree_shows_outputs_with_only_internal_activities_without_them(work_plan, visitor):
    # An output's visibility follows its plan (issue 11): the output shows, its internal activity does not.
    result = work_plan.results.get()
    from rcphub.workplans.tests.factories import OutputFactory, ResultFactory

    inner = OutputFactory(result=result, code="1.2", title="Coordination of country support")
    ActivityFactory(output=inner, code="i", visibility="internal")
    ResultFactory(work_plan=work_plan, code="2", order=2, title="Results not yet broken down")
    tree = workplan_tree(work_plan=work_plan, user=visitor, as_at=date(2026, 6, 30))
    assert [(r.result.code, [o.output.code for o in r.outputs]) for r in tree.results] == [
        ("1", ["1.1", "1.2"]),
        ("2", []),
    ]
    assert [o.activities for r in tree.results for o in r.outputs if o.output.code == "1.2"] == [[]]


def test_tree_is_constant_query_as_activities_grow(
    coalition, platform_secretariat, django_assert_max_num_queries
):
    small = build_work_plan(coalition=coalition, state="endorsed", activities=3)
    with django_assert_max_num_queries(12) as small_queries:
        workplan_tree(work_plan=small, user=platform_secretariat, as_at=date(2026, 6, 30)).activities()
    small.title = "Older plan"
    small.save()
    large = build_work_plan(coalition=coalition, state="endorsed", activities=30)
    with django_assert_max_num_queries(len(small_queries)):
        workplan_tree(work_plan=large, user=platform_secretariat, as_at=date(2026, 6, 30)).activities()


def test_activity_list_filters_by_status_as_at(work_plan, other_coalition, platform_secretariat, visitor):
    first = work_plan.results.get().outputs.get().activities.get(code="i")
    StatusReportFactory(
        activity=first, status="ongoing", as_at=date(2026, 3, 31), author=platform_secretariat
    )
    StatusReportFactory(
        activity=first, status="completed", as_at=date(2026, 9, 30), author=platform_secretariat
    )
    build_work_plan(coalition=other_coalition, state="endorsed")

    def codes(**filters):
        as_at = filters.pop("as_at", date(2026, 6, 30))
        return sorted(
            (a.output.result.work_plan.coalition.slug, a.code)
            for a in activity_list(user=visitor, filters=ActivityFilters(**filters), as_at=as_at)
        )

    assert codes(status="ongoing") == [("health", "i")]
    assert codes(status="completed") == []
    assert codes(status="completed", as_at=date(2026, 10, 1)) == [("health", "i")]
    assert codes(status="none") == [("climate", "i")]
    assert codes(coalition="health") == [("health", "i")]
    assert codes(country="SRB") == codes(country="rs") == [("climate", "i"), ("health", "i")]
    assert codes(sdg_target="3.8", gcm_objective=15, lead_entity="undp") == [
        ("climate", "i"),
        ("health", "i"),
    ]
    assert codes(lead_entity="WHO") == []  # WHO leads only the internal activities


def test_changes_between_two_dates(work_plan, platform_secretariat):
    activity = work_plan.results.get().outputs.get().activities.get(code="i")
    StatusReportFactory(
        activity=activity, status="starting", as_at=date(2026, 3, 31), author=platform_secretariat
    )
    StatusReportFactory(
        activity=activity, status="ongoing", as_at=date(2026, 6, 30), author=platform_secretariat
    )
    changes = workplan_changes(
        work_plan=work_plan, user=platform_secretariat, since=date(2026, 3, 31), until=date(2026, 6, 30)
    )
    assert [(m.activity.code, m.before, m.after) for m in changes.moves] == [("i", "starting", "ongoing")]
    assert [r.status for r in changes.reports] == ["ongoing"]
    unchanged = workplan_changes(
        work_plan=work_plan, user=platform_secretariat, since=date(2026, 6, 30), until=date(2026, 8, 1)
    )
    assert unchanged.moves == [] and unchanged.reports == []


def test_changes_hide_internal_activities_from_visitors(work_plan, platform_secretariat, visitor):
    internal = work_plan.results.get().outputs.get().activities.get(code="ii")
    StatusReportFactory(
        activity=internal, status="ongoing", as_at=date(2026, 6, 30), author=platform_secretariat
    )
    changes = workplan_changes(
        work_plan=work_plan, user=visitor, since=date(2026, 1, 1), until=date(2026, 12, 31)
    )
    assert changes.moves == [] and changes.reports == []

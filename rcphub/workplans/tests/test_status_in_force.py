"""The report in force on a date (`valid_until`, kept on every write) agrees with the definition:
the latest report dated on or before the date, ties broken by the order recorded. Randomised
writes (single saves, bulk records, edits of a date, deletes, ties on one date) on each database."""

import random
from collections import Counter
from datetime import date, timedelta

import pytest

from rcphub.core.models import ProgressStatus
from rcphub.workplans.models import Activity, StatusReport
from rcphub.workplans.selectors import (
    ActivityFilters,
    activity_list,
    activity_status_counts,
    with_status_as_at,
)
from rcphub.workplans.services import StatusEntry, status_report_bulk_record
from rcphub.workplans.tests.factories import build_work_plan

pytestmark = pytest.mark.django_db

STATUSES = [value for value, _label in ProgressStatus.choices]
DATES = [date(2026, 1, 31) + timedelta(days=45 * n) for n in range(6)]  # few dates: many ties


def by_definition(activity: Activity, on: date) -> str | None:
    report = activity.status_reports.filter(as_at__lte=on).order_by("-as_at", "-id").first()
    return report.status if report else None


def random_writes(rng: random.Random, activities: list[Activity], author) -> None:
    for _step in range(40):
        move = rng.random()
        reports = list(StatusReport.objects.filter(activity__in=activities).order_by("id"))
        if move < 0.45 or not reports:
            StatusReport.objects.create(
                activity=rng.choice(activities),
                status=rng.choice(STATUSES),
                as_at=rng.choice(DATES),
                author=author,
            )
        elif move < 0.65:
            status_report_bulk_record(
                entries=[
                    StatusEntry(
                        activity=rng.choice(activities),
                        status=rng.choice(STATUSES),
                        as_at=rng.choice(DATES),
                        by=author,
                    )
                    for _n in range(rng.randint(1, 4))
                ]
            )
        elif move < 0.8:
            report = rng.choice(reports)
            report.as_at = rng.choice(DATES)  # as the admin may
            report.save()
        elif move < 0.9:
            rng.choice(reports).delete()
        else:
            StatusReport.objects.filter(pk=rng.choice(reports).pk).delete()


@pytest.mark.parametrize("seed", range(6))
def test_status_in_force_agrees_with_the_latest_report_on_or_before_the_date(
    seed, coalition, platform_secretariat
):
    rng = random.Random(seed)
    plan = build_work_plan(coalition=coalition, activities=6)
    activities = list(Activity.objects.filter(output__result__work_plan=plan).order_by("id"))

    random_writes(rng, activities, platform_secretariat)

    for on in [
        DATES[0] - timedelta(days=1),
        *DATES,
        *(d + timedelta(days=1) for d in DATES),
        date(2030, 1, 1),
    ]:
        expected = {a.pk: by_definition(a, on) for a in activities}
        annotated = with_status_as_at(Activity.objects.filter(pk__in=expected), on)
        assert {a.pk: a.status_as_at for a in annotated} == expected, on
        assert annotated.count() == len(activities)  # the join never repeats an activity
        counts = Counter(status or "none" for status in expected.values())
        assert activity_status_counts(annotated) == dict(counts), on
        for status in [*STATUSES, "none"]:
            listed = activity_list(
                user=platform_secretariat,
                filters=ActivityFilters(work_plan_id=plan.pk, status=status),
                as_at=on,
            )
            assert sorted(a.pk for a in listed) == sorted(
                pk for pk, s in expected.items() if (s or "none") == status
            )


def test_each_activity_has_at_most_one_report_in_force_and_the_latest_has_no_end(
    coalition, platform_secretariat
):
    plan = build_work_plan(coalition=coalition, activities=2)
    first = Activity.objects.filter(output__result__work_plan=plan).order_by("id").first()
    early = StatusReport.objects.create(
        activity=first, status="starting", as_at=DATES[0], author=platform_secretariat
    )
    same_day = StatusReport.objects.create(
        activity=first, status="ongoing", as_at=DATES[1], author=platform_secretariat
    )
    last = StatusReport.objects.create(
        activity=first, status="delayed", as_at=DATES[1], author=platform_secretariat
    )

    early.refresh_from_db(), same_day.refresh_from_db(), last.refresh_from_db()
    assert (early.valid_until, same_day.valid_until, last.valid_until) == (DATES[1], DATES[1], None)
    last.delete()
    same_day.refresh_from_db()
    assert same_day.valid_until is None
    # The derived date is not part of the history people read.
    assert "valid_until" not in {f.name for f in StatusReport.history.model._meta.fields}


@pytest.mark.django_db(transaction=True)
def test_a_report_saved_outside_any_transaction_keeps_the_dates_too(coalition, platform_secretariat):
    # As the admin's revert saves: no transaction around the save (PostgreSQL refuses to lock rows then).
    plan = build_work_plan(coalition=coalition, activities=1)
    first = Activity.objects.filter(output__result__work_plan=plan).order_by("id").first()
    early = StatusReport.objects.create(
        activity=first, status="starting", as_at=DATES[0], author=platform_secretariat
    )
    StatusReport.objects.create(activity=first, status="ongoing", as_at=DATES[2], author=platform_secretariat)

    early.refresh_from_db()
    assert early.valid_until == DATES[2]

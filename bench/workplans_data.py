"""Work-plan data of the benchmark: coalitions, one or more plans each, activities and status reports.

Results, outputs, activities, their many-to-many rows and the status reports are streamed
(`bench.streaming.insert`: COPY on PostgreSQL, batched bulk inserts on SQLite) with ids counted
here, so that no table is held in memory; each report's `valid_until` is the date of its
activity's next report (empty for the latest), as `core.status.refresh_valid_until` would set it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from bench.streaming import PROGRESS, reset_sequences

# coalitions, plans per coalition, activities per plan, reports per activity
WORKPLAN_SCALES = {
    "S": (6, 1, 30, 3),
    "M": (60, 1, 100, 5),
    "L": (60, 10, 500, 10),
}
BENCH_USER = "bench.platform@example.org"
STATUSES = ["not_started", "starting", "ongoing", "ongoing", "completed", "delayed"]
FIRST_REPORT = date(2026, 1, 31)
RESULTS_PER_PLAN = 3


def generate_workplans(coalitions: int, plans: int, activities: int, reports: int) -> None:
    """Write the work-plan data with streamed inserts (no history rows: this is load, not an audit trail).

    Run inside a transaction, after `bench.wipe.wipe()` has emptied the tables.
    """
    from rcphub.accounts.models import Membership, User
    from rcphub.coalitions.models import Coalition, CoalitionMember, Platform
    from rcphub.reference.models import Country, Entity, SdgTarget
    from rcphub.workplans.models import Activity, Output, Result, StatusReport, WorkPlan

    author, _ = User.objects.get_or_create(email=BENCH_USER)
    Membership.objects.create(
        user=author, entity=Entity.objects.get(acronym="UNECE"), role="platform_secretariat"
    )
    platform, _ = Platform.objects.get_or_create(name="Benchmark platform")
    entities = list(
        Entity.objects.filter(kind="un_entity", unsdg_core_group=True).values_list("pk", flat=True)
    )
    countries = list(Country.objects.filter(programme_country=True).values_list("pk", flat=True))
    targets = list(SdgTarget.objects.values_list("pk", flat=True)[:60])
    Coalition.objects.bulk_create(
        Coalition(platform=platform, name=f"Coalition {c}", slug=f"bench-{c}", kind="ibc")
        for c in range(coalitions)
    )
    coalition_rows = list(Coalition.objects.filter(slug__startswith="bench-"))
    CoalitionMember.objects.bulk_create(
        CoalitionMember(coalition=c, entity_id=entities[i % len(entities)], role="co_chair")
        for i, c in enumerate(coalition_rows)
    )
    WorkPlan.objects.bulk_create(
        WorkPlan(
            coalition=c,
            title=f"Work plan {2026 - p}",
            period_start=date(2026 - p, 1, 1),
            period_end=date(2026 - p, 12, 31),
            state="endorsed",
        )
        for c in coalition_rows
        for p in range(plans)
    )
    plan_rows = list(WorkPlan.objects.order_by("pk").values_list("pk", "title"))
    per_plan = RESULTS_PER_PLAN * max(1, activities // 30) * 3  # outputs of a plan

    def results() -> Iterator[tuple[Any, ...]]:
        for p, (plan_id, _title) in enumerate(plan_rows):
            for r in range(RESULTS_PER_PLAN):
                yield (p * RESULTS_PER_PLAN + r + 1, plan_id, str(r + 1), r, f"Result {r + 1}")

    def outputs() -> Iterator[tuple[Any, ...]]:
        per_result = per_plan // RESULTS_PER_PLAN
        for p in range(len(plan_rows)):
            for r in range(RESULTS_PER_PLAN):
                for o in range(per_result):
                    code = f"{r + 1}.{o + 1}"
                    pk = p * per_plan + r * per_result + o + 1
                    yield (pk, p * RESULTS_PER_PLAN + r + 1, code, o, f"Output {code}")

    def activity_rows() -> Iterator[tuple[Any, ...]]:
        for p, (_plan_id, title) in enumerate(plan_rows):
            for a in range(activities):
                # outputs in the order the ORM listed them before: by result, then by order
                output = p * per_plan + a % per_plan + 1
                visibility = "internal" if a % 7 == 0 else "public"
                yield (
                    p * activities + a + 1,
                    output,
                    f"a{a + 1}",
                    a,
                    f"Activity {a + 1} of {title}",
                    visibility,
                )

    total = len(plan_rows) * activities
    PROGRESS.run("results", Result, ("id", "work_plan_id", "code", "order", "title"), results())
    PROGRESS.run("outputs", Output, ("id", "result_id", "code", "order", "title"), outputs())
    PROGRESS.run(
        "activities",
        Activity,
        ("id", "output_id", "code", "order", "title", "visibility"),
        activity_rows(),
    )
    ids = range(1, total + 1)
    PROGRESS.run_m2m(
        "activity lead entities", Activity.lead_entities, ((i, entities[i % len(entities)]) for i in ids)
    )
    PROGRESS.run_m2m(
        "activity countries", Activity.countries, ((i, countries[i % len(countries)]) for i in ids)
    )
    PROGRESS.run_m2m(
        "activity SDG targets", Activity.sdg_targets, ((i, targets[i % len(targets)]) for i in ids)
    )
    reset_sequences([Result, Output, Activity])

    def report_rows() -> Iterator[tuple[Any, ...]]:
        for i in ids:
            for r in range(reports):
                replaced = FIRST_REPORT + timedelta(days=30 * (r + 1)) if r + 1 < reports else None
                yield (
                    i,
                    STATUSES[(i + r) % len(STATUSES)],
                    FIRST_REPORT + timedelta(days=30 * r),
                    replaced,
                    author.pk,
                )

    PROGRESS.run(
        "status reports",
        StatusReport,
        ("activity_id", "status", "as_at", "valid_until", "author_id"),
        report_rows(),
    )

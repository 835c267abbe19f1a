"""Work-plan data of the benchmark: coalitions, one or more plans each, activities and status reports."""

from __future__ import annotations

from datetime import date, timedelta

# coalitions, plans per coalition, activities per plan, reports per activity
WORKPLAN_SCALES = {
    "S": (6, 1, 30, 3),
    "M": (60, 1, 100, 5),
    "L": (60, 10, 500, 10),
}
BENCH_USER = "bench.platform@example.org"


def generate_workplans(coalitions: int, plans: int, activities: int, reports: int) -> None:
    """Write the work-plan data with bulk inserts (no history rows: this is load, not an audit trail).

    Run inside a transaction, after `bench.wipe.wipe()` has emptied the tables.
    """
    from rcphub.accounts.models import Membership, User
    from rcphub.coalitions.models import Coalition, CoalitionMember, Platform
    from rcphub.reference.models import Country, Entity, SdgTarget
    from rcphub.workplans.models import Activity, Output, Result, StatusReport, WorkPlan

    statuses = ["not_started", "starting", "ongoing", "ongoing", "completed", "delayed"]
    author, _ = User.objects.get_or_create(email=BENCH_USER)
    Membership.objects.create(
        user=author, entity=Entity.objects.get(acronym="UNECE"), role="platform_secretariat"
    )
    platform, _ = Platform.objects.get_or_create(name="Benchmark platform")
    entities = list(Entity.objects.filter(kind="un_entity", unsdg_core_group=True))
    countries = list(Country.objects.filter(programme_country=True))
    targets = list(SdgTarget.objects.all()[:60])
    Coalition.objects.bulk_create(
        Coalition(platform=platform, name=f"Coalition {c}", slug=f"bench-{c}", kind="ibc")
        for c in range(coalitions)
    )
    coalition_rows = list(Coalition.objects.filter(slug__startswith="bench-"))
    CoalitionMember.objects.bulk_create(
        CoalitionMember(coalition=c, entity=entities[i % len(entities)], role="co_chair")
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
    plan_rows = list(WorkPlan.objects.all())
    Result.objects.bulk_create(
        Result(work_plan=w, code=str(r + 1), order=r, title=f"Result {r + 1}")
        for w in plan_rows
        for r in range(3)
    )
    result_rows = list(Result.objects.all())
    per_result = max(1, activities // 30)
    Output.objects.bulk_create(
        Output(result=r, code=f"{r.code}.{o + 1}", order=o, title=f"Output {r.code}.{o + 1}")
        for r in result_rows
        for o in range(per_result * 3)
    )
    outputs_by_plan: dict[int, list[Output]] = {}
    for output in Output.objects.select_related("result"):
        outputs_by_plan.setdefault(output.result.work_plan_id, []).append(output)
    batch = []
    for plan in plan_rows:
        outs = outputs_by_plan[plan.pk]
        for a in range(activities):
            batch.append(
                Activity(
                    output=outs[a % len(outs)],
                    code=f"a{a + 1}",
                    order=a,
                    title=f"Activity {a + 1} of {plan.title}",
                    visibility="internal" if a % 7 == 0 else "public",
                )
            )
        if len(batch) > 20_000:
            Activity.objects.bulk_create(batch, batch_size=5000)
            batch = []
    Activity.objects.bulk_create(batch, batch_size=5000)
    ids = list(Activity.objects.values_list("id", flat=True))
    Through = Activity.lead_entities.through
    Through.objects.bulk_create(
        (Through(activity_id=i, entity_id=entities[i % len(entities)].pk) for i in ids), batch_size=10_000
    )
    CountryThrough = Activity.countries.through
    CountryThrough.objects.bulk_create(
        (CountryThrough(activity_id=i, country_id=countries[i % len(countries)].pk) for i in ids),
        batch_size=10_000,
    )
    TargetThrough = Activity.sdg_targets.through
    TargetThrough.objects.bulk_create(
        (TargetThrough(activity_id=i, sdgtarget_id=targets[i % len(targets)].pk) for i in ids),
        batch_size=10_000,
    )
    start = date(2026, 1, 31)
    rows = (
        StatusReport(
            activity_id=i,
            status=statuses[(i + r) % len(statuses)],
            as_at=start + timedelta(days=30 * r),
            valid_until=start + timedelta(days=30 * (r + 1)) if r + 1 < reports else None,
            author=author,
        )
        for i in ids
        for r in range(reports)
    )
    StatusReport.objects.bulk_create(rows, batch_size=10_000)

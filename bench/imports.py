"""Issue 11's speed target: a 10 000-row XLSX work plan imports in under 15 s, all or nothing.

`python -m bench --only import` builds an Excel tracker in the layout the work-plan interpreter reads
(`importers.interpret.workplan`, layout d: a title row naming the year, then Result / Result title /
Output / Output title / Code / Activity / Lead / Partners / Countries / Start date / End date): 20
results × 25 outputs × 20 activities, each activity led by a UN entity of the reference data, with a
partner and two programme countries by ISO3 code. As the bench's platform secretariat, into a coalition
of its own, it times `import_preview` (read and interpret) and `import_commit` (the draft plan, its
results, outputs and activities, their history and search documents), and prints each, the total and
whether the total is under 15 s. Then all or nothing: the same workbook with one activity near the
end ending before it starts (the work-plan services refuse it) is previewed and committed; the commit
must raise and leave no new work plan, result, output or activity, and the import open with the error
in its log. What the import wrote is deleted afterwards (rows, history, search documents; the files
go to a temporary media folder), so that `--keep` runs measure the same data.
"""

from __future__ import annotations

import io
import tempfile
import time
from datetime import date
from typing import Any

IMPORT_LABEL = "import 10 000-row XLSX work plan"
TARGET_S = 15.0
RESULTS, OUTPUTS, ACTIVITIES = 20, 25, 20
YEAR = 2027
COALITION_SLUG = "bench-import"
HEADER = [
    "Result",
    "Result title",
    "Output",
    "Output title",
    "Code",
    "Activity",
    "Lead",
    "Partners",
    "Countries",
    "Start date",
    "End date",
]


def workplan_xlsx(
    *, entities: list[str], countries: list[str], broken: int | None = None, title: str = "benchmark"
) -> bytes:
    """Return the tracker workbook; the activity numbered `broken` (from 0) ends before it starts."""
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet: Any = workbook.create_sheet("Work plan")
    sheet.append([f"Work plan {YEAR} – Issue-based coalition on migration ({title})"])
    sheet.append([])
    sheet.append(HEADER)
    n = 0
    for r in range(1, RESULTS + 1):
        for o in range(1, OUTPUTS + 1):
            for a in range(1, ACTIVITIES + 1):
                lead, partner = entities[n % len(entities)], entities[(n + 7) % len(entities)]
                start = date(YEAR, 1 + n % 12, 1)
                end = date(YEAR, 12, 31) if n != broken else date(YEAR - 1, 12, 31)
                sheet.append(
                    [
                        f"{r}",
                        f"Safe, orderly and regular migration, result {r}",
                        f"{r}.{o}",
                        f"Capacities of national partners strengthened, output {r}.{o}",
                        f"{r}.{o}.{a}",
                        f"Regional workshop on migration data for statistical offices, activity {r}.{o}.{a}",
                        lead,
                        partner if partner != lead else "",
                        f"{countries[n % len(countries)]}; {countries[(n + 3) % len(countries)]}",
                        start,
                        end,
                    ]
                )
                n += 1
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _created_counts(coalition: Any) -> dict[str, int]:
    from rcphub.workplans.models import Activity, Output, Result, WorkPlan

    return {
        "work plans": WorkPlan.objects.filter(coalition=coalition).count(),
        "results": Result.objects.filter(work_plan__coalition=coalition).count(),
        "outputs": Output.objects.filter(result__work_plan__coalition=coalition).count(),
        "activities": Activity.objects.filter(output__result__work_plan__coalition=coalition).count(),
    }


def _remove_imported(coalition: Any) -> None:
    """Delete the coalition's imports and work plans, their history and search documents, without signals.

    The ORM's delete() would write a history record and a search-index query per row; the rows are
    known and nothing else points at a draft plan, so they are deleted table by table.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction

    from rcphub.importers.models import Import
    from rcphub.search.models import SearchDocument
    from rcphub.workplans.models import Activity, Output, Result, WorkPlan

    tree: list[tuple[type[Any], Any]] = [
        (Activity, Activity.objects.filter(output__result__work_plan__coalition=coalition)),
        (Output, Output.objects.filter(result__work_plan__coalition=coalition)),
        (Result, Result.objects.filter(work_plan__coalition=coalition)),
        (WorkPlan, WorkPlan.objects.filter(coalition=coalition)),
        (Import, Import.objects.filter(coalition=coalition)),
    ]
    with transaction.atomic():
        for model, rows in tree:
            ids = list(rows.values_list("pk", flat=True))
            for start in range(0, len(ids), 5000):
                chunk = ids[start : start + 5000]
                SearchDocument.objects.filter(
                    content_type=ContentType.objects.get_for_model(model), object_id__in=chunk
                ).delete()
                history = getattr(model, "history", None)
                if history is not None:
                    records = history.filter(id__in=chunk)
                    for relation in records.model._meta.related_objects:  # the m2m history rows
                        relation.related_model._default_manager.filter(
                            **{f"{relation.field.name}__in": records.values("pk")}
                        ).delete()
                    records.delete()
                for field in model._meta.local_many_to_many:
                    through = field.remote_field.through
                    through.objects.filter(**{f"{field.m2m_field_name()}_id__in": chunk}).delete()
                model._default_manager.filter(pk__in=chunk)._raw_delete(connection.alias)


def measure_import() -> None:
    """Print the seconds of the preview, the commit and both for a 10 000-row work plan; check all or nothing."""
    from django.core.exceptions import ValidationError
    from django.test import override_settings
    from django.urls import get_resolver

    from bench.workplans_data import BENCH_USER
    from rcphub.accounts.models import User
    from rcphub.coalitions.models import Coalition, Platform
    from rcphub.importers.models import ImportState
    from rcphub.importers.services import import_commit, import_preview
    from rcphub.reference.models import Country, Entity

    user = User.objects.get(email=BENCH_USER)
    coalition, _created = Coalition.objects.get_or_create(
        slug=COALITION_SLUG,
        defaults={
            "name": "Benchmark coalition for imports",
            "kind": "ibc",
            "platform": Platform.objects.get_or_create(name="Benchmark platform")[0],
        },
    )
    entities = list(
        Entity.objects.filter(kind="un_entity", unsdg_core_group=True)
        .order_by("acronym")
        .values_list("acronym", flat=True)
    )
    countries = list(
        Country.objects.filter(programme_country=True).order_by("iso3").values_list("iso3", flat=True)
    )
    rows = RESULTS * OUTPUTS * ACTIVITIES
    get_resolver().check()  # the URLs loaded, as in a server that has answered a request
    _remove_imported(coalition)
    started = time.perf_counter()
    good = workplan_xlsx(entities=entities, countries=countries)
    broken = workplan_xlsx(entities=entities, countries=countries, broken=rows - 50, title="all or nothing")
    print(
        f"\n{IMPORT_LABEL}: {RESULTS} results × {OUTPUTS} outputs × {ACTIVITIES} activities, "
        f"{len(good) // 1024} KB, built in {time.perf_counter() - started:.1f} s"
    )
    print(f"{'step':48} {'s':>8}")
    with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
        try:
            started = time.perf_counter()
            import_ = import_preview(file=good, filename="bench-workplan.xlsx", coalition=coalition, by=user)
            preview_s = time.perf_counter() - started
            if import_.proposal.get("questions"):
                raise SystemExit(f"the preview asks questions: {import_.proposal['questions'][:3]}")
            print(f"{'preview (read + interpret)':48} {preview_s:8.2f}", flush=True)
            started = time.perf_counter()
            import_commit(import_=import_, by=user, expected_version=import_.version)
            commit_s = time.perf_counter() - started
            counts = _created_counts(coalition)
            if counts["activities"] != rows:
                raise SystemExit(f"the commit created {counts}, not {rows} activities")
            total = preview_s + commit_s
            verdict = "under" if total < TARGET_S else "OVER"
            print(f"{'commit (work plan, results, outputs, activities)':48} {commit_s:8.2f}")
            print(f"{'total':48} {total:8.2f}  ({verdict} the {TARGET_S:.0f} s target)", flush=True)

            before = counts
            failing = import_preview(
                file=broken, filename="bench-workplan-broken.xlsx", coalition=coalition, by=user
            )
            started = time.perf_counter()
            try:
                import_commit(import_=failing, by=user, expected_version=failing.version)
            except ValidationError as error:
                refused = error.messages[0]
            else:
                raise SystemExit("the broken work plan was committed")
            failed_s = time.perf_counter() - started
            failing.refresh_from_db()
            after = _created_counts(coalition)
            if after != before or failing.state != ImportState.PREVIEWED:
                raise SystemExit(f"the failed commit left {after} (before {before}), import {failing.state}")
            print(f"{'failed commit (an activity ends before it starts)':48} {failed_s:8.2f}")
            print(
                f"  all or nothing: refused ({refused[:80]}); 0 new work plans, results, outputs, "
                "activities; the import stays open",
                flush=True,
            )
        finally:
            _remove_imported(coalition)

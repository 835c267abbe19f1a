"""The brief's figures at scale: the app's counts beside hand-written SQL for the same figures, and the PDF.

`python -m bench --only brief` runs it after the pages. Each group of figures (practices, pledges,
activities by status) is computed `repeats` times by the app (`reports.brief.figures`) and by SQL
written here, with the same rules (practices and pledges published on or before D, in the region; public activities of
endorsed or closed plans of public coalitions in force on D, their status the latest report on or before D), and
the two results are checked equal before they are timed. The app reads practices and pledges for every
date at once (`reports.brief.tallies`), as after a change; then the whole brief is timed after a change
(cache emptied) and as at a dozen other dates (the tallies cached). Medians in milliseconds.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date
from typing import Any

AS_AT = date(2026, 6, 30)


def _median_ms(run: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    run()  # warm-up
    timings, result = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        result = run()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), result


def _rows(sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def _in(values: list[int]) -> str:
    return ", ".join(["%s"] * len(values))


def sql_practices(region: list[int], as_at: date) -> dict[str, Any]:
    published = "SELECT id, scope FROM repository_practice WHERE state = 'published' AND published_on <= %s"
    in_region = (
        f"SELECT DISTINCT p.id, p.scope FROM ({published}) p JOIN repository_practice_countries pc"
        f" ON pc.practice_id = p.id WHERE pc.country_id IN ({_in(region)})"
    )
    params = [as_at, *region]
    total = _rows(f"SELECT count(*) FROM ({published}) t", [as_at])[0][0]
    in_region_count = _rows(f"SELECT count(*) FROM ({in_region}) t", params)[0][0]
    by_objective = _rows(
        "SELECT o.number, count(DISTINCT r.id) FROM reference_gcmobjective o"
        " LEFT JOIN repository_practice_gcm_objectives po ON po.gcmobjective_id = o.id"
        f" LEFT JOIN ({in_region}) r ON r.id = po.practice_id GROUP BY o.number ORDER BY o.number",
        params,
    )
    by_country = _rows(
        f"SELECT c.iso3, count(DISTINCT p.id) FROM reference_country c"
        f" LEFT JOIN repository_practice_countries pc ON pc.country_id = c.id"
        f" LEFT JOIN ({published}) p ON p.id = pc.practice_id WHERE c.id IN ({_in(region)}) GROUP BY c.iso3",
        [as_at, *region],
    )
    by_type = _rows(
        "SELECT t.code, count(DISTINCT r.id) FROM repository_implementertype t"
        " LEFT JOIN repository_practice_implementer_types pt ON pt.implementertype_id = t.id"
        f" LEFT JOIN ({in_region}) r ON r.id = pt.practice_id GROUP BY t.code",
        params,
    )
    by_scope = _rows(f"SELECT scope, count(*) FROM ({in_region}) t GROUP BY scope ORDER BY scope", params)
    return {
        "practices_in_region": in_region_count,
        "practices_all": total,
        "practices_by_gcm_objective": {str(n): c for n, c in by_objective},
        "practices_by_country": dict(by_country),
        "practices_by_implementer_type": dict(by_type),
        "practices_by_scope": {str(s or ""): c for s, c in by_scope},
    }


def sql_pledges(region: list[int], as_at: date) -> dict[str, Any]:
    made = "SELECT id, pledger_id FROM repository_pledge WHERE state = 'published' AND published_on <= %s"
    in_region = (
        f"SELECT m.id, m.pledger_id FROM ({made}) m JOIN reference_entity e ON e.id = m.pledger_id"
        f" WHERE e.country_id IN ({_in(region)}) OR EXISTS (SELECT 1 FROM repository_pledge_countries pc"
        f" WHERE pc.pledge_id = m.id AND pc.country_id IN ({_in(region)}))"
    )
    params = [as_at, *region, *region]
    by_objective = _rows(
        "SELECT o.number, count(DISTINCT r.id) FROM reference_gcmobjective o"
        " LEFT JOIN repository_pledge_gcm_objectives po ON po.gcmobjective_id = o.id"
        f" LEFT JOIN ({in_region}) r ON r.id = po.pledge_id GROUP BY o.number ORDER BY o.number",
        params,
    )
    by_kind = _rows(
        f"SELECT e.kind, count(*) FROM ({in_region}) r JOIN reference_entity e ON e.id = r.pledger_id"
        " GROUP BY e.kind ORDER BY e.kind",
        params,
    )
    with_report = _rows(
        f"SELECT count(*) FROM ({in_region}) r WHERE EXISTS (SELECT 1 FROM repository_pledgereport pr"
        " WHERE pr.pledge_id = r.id AND pr.state = 'published' AND pr.reported_on <= %s)",
        [*params, as_at],
    )[0][0]
    return {
        "pledges_in_region": _rows(f"SELECT count(*) FROM ({in_region}) t", params)[0][0],
        "pledges_all": _rows(f"SELECT count(*) FROM ({made}) t", [as_at])[0][0],
        "pledges_by_gcm_objective": {str(n): c for n, c in by_objective},
        "pledges_by_pledger_kind": {str(k or ""): c for k, c in by_kind},
        "pledges_with_report": with_report,
    }


def sql_activities_by_status(as_at: date) -> dict[str, int]:
    """A visitor's activities by status as at D: one GROUP BY over the latest report of each."""
    rows = _rows(
        "SELECT s.status, count(*) FROM (SELECT a.id, (SELECT r.status FROM workplans_statusreport r"
        " WHERE r.activity_id = a.id AND r.as_at <= %s ORDER BY r.as_at DESC, r.id DESC LIMIT 1) AS status"
        " FROM workplans_activity a JOIN workplans_output o ON o.id = a.output_id"
        " JOIN workplans_result re ON re.id = o.result_id JOIN workplans_workplan w ON w.id = re.work_plan_id"
        " JOIN coalitions_coalition c ON c.id = w.coalition_id"
        " WHERE a.visibility = 'public' AND w.state IN ('endorsed', 'closed') AND c.visibility = 'public'"
        " AND w.period_start <= %s AND w.period_end >= %s) s GROUP BY s.status",
        [as_at, as_at, as_at],
    )
    return {status or "none": count for status, count in rows}


def measure_briefs(*, repeats: int = 5) -> list[dict[str, Any]]:
    """Print the brief's figure groups, app beside hand SQL, then the whole figures, the page and the PDF.

    Return the printed rows, each {"what", "sql_ms" (None where no SQL stands beside it), "app_ms", "note"},
    for the report (bench/report.py).
    """
    import logging

    from django.contrib.auth.models import AnonymousUser
    from django.core.cache import cache

    from rcphub.reference.models import Region
    from rcphub.reports.brief import figures as brief
    from rcphub.reports.brief import tallies
    from rcphub.reports.brief.outputs import brief_pdf
    from rcphub.reports.briefs import brief_sections
    from rcphub.reports.editions import heading_for
    from rcphub.reports.models import Brief
    from rcphub.workplans.selectors import activities_in_force, activity_status_counts

    for noisy in ("fontTools", "weasyprint"):  # their DEBUG lines would drown the table
        logging.getLogger(noisy).setLevel(logging.WARNING)
    region_row = Region.objects.get(slug="programme-countries")
    found, _ = Brief.objects.get_or_create(
        slug="bench-programme-countries", defaults={"title_en": "Bench brief", "region": region_row}
    )
    region = list(region_row.countries.values_list("pk", flat=True))
    visitor = AnonymousUser()
    groups: list[tuple[str, Callable[[], Any], Callable[[], Any]]] = [
        (
            "practices (7 figures)",
            lambda: brief._practices(tallies._practice_tallies(region), as_at=AS_AT),
            lambda: sql_practices(region, AS_AT),
        ),
        (
            "pledges (5 figures)",
            lambda: brief._pledges(tallies._pledge_tallies(region), as_at=AS_AT),
            lambda: sql_pledges(region, AS_AT),
        ),
        (
            "activities by status",
            lambda: activity_status_counts(activities_in_force(user=visitor, as_at=AS_AT)),
            lambda: sql_activities_by_status(AS_AT),
        ),
    ]
    print(f"\nbrief figures as at {AS_AT} (visitor, programme countries), medians of {repeats}")
    print("(practices and pledges: the app reads every date's running totals at once, as after a change)")
    print(f"{'figures':32} {'hand SQL ms':>12} {'app ms':>10} {'app ÷ SQL':>10}")
    sql_total = 0.0
    rows: list[dict[str, Any]] = []
    for label, app, sql in groups:
        sql_ms, expected = _median_ms(sql, repeats)
        app_ms, got = _median_ms(app, repeats)
        got = {key: value for key, value in got.items() if key in expected} if isinstance(got, dict) else got
        if got != expected:
            raise SystemExit(f"{label}: the app and the SQL disagree:\n app {got}\n sql {expected}")
        sql_total += sql_ms
        print(f"{label:32} {sql_ms:12.1f} {app_ms:10.1f} {app_ms / sql_ms:9.2f}×", flush=True)
        rows.append({"what": label, "sql_ms": sql_ms, "app_ms": app_ms, "note": ""})

    def after_a_change() -> Any:
        cache.clear()
        return brief.brief_figures(brief=found, as_at=AS_AT, user=visitor)

    cold_ms, result = _median_ms(after_a_change, repeats)
    print(
        f"{'whole brief, after a change':32} {sql_total:12.1f} {cold_ms:10.1f} {'':>10}  (SQL: the groups above)"
    )
    rows.append(
        {
            "what": "whole brief, after a change",
            "sql_ms": sql_total,
            "app_ms": cold_ms,
            "note": "SQL: the groups above",
        }
    )
    dates = [date(year, month, 28) for year in (2024, 2025, 2026) for month in (3, 6, 9, 12)]
    dates = [day for day in dates if day <= date.today()]
    any_date_ms, _any = _median_ms(
        lambda: [brief.brief_figures(brief=found, as_at=day, user=visitor) for day in dates], repeats
    )
    print(
        f"{'whole brief, any date (each)':32} {'':>12} {any_date_ms / len(dates):10.1f}  ({len(dates)} dates)"
    )
    rows.append(
        {
            "what": "whole brief, any date (each)",
            "sql_ms": None,
            "app_ms": any_date_ms / len(dates),
            "note": f"{len(dates)} dates",
        }
    )
    page_ms, _page = _median_ms(lambda: brief_sections(result), repeats)
    print(f"{'sections and charts (cached)':32} {'':>12} {page_ms:10.1f}")
    rows.append({"what": "sections and charts (cached)", "sql_ms": None, "app_ms": page_ms, "note": ""})
    pdf_ms, pdf = _median_ms(
        lambda: brief_pdf(brief_sections(result), heading_for(found, result)), max(1, repeats // 2)
    )
    print(f"{'PDF (A4, charts cached)':32} {'':>12} {pdf_ms:10.1f}  ({len(pdf) // 1024} KB)", flush=True)
    rows.append(
        {
            "what": "PDF (A4, charts cached)",
            "sql_ms": None,
            "app_ms": pdf_ms,
            "note": f"{len(pdf) // 1024} KB",
        }
    )
    return rows

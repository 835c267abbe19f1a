"""The bench's report: the table printed, a section appended to benchmarks.md and the run as JSON.

`write_report` appends to `<report dir>/benchmarks.md` (docs/ by default) a section for the run: date,
machine (cores, memory, platform), database vendor and version, scale, clients, workers; the table of
rows (p50, p95, req/s, errors, queries, target, ✓/✗); the workers' peak memory; the brief's figures
beside hand-written SQL. The same figures go to `<report dir>/benchmarks/<scale>-<clients>c.json`.
Where the JSON of the scale below (M below L, S below M) at the same number of clients is there, each
row's growth (p95 and queries, this scale ÷ that one) is printed and written too.
"""

from __future__ import annotations

import json
import math
import os
import platform
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import targets

SCALE_BELOW = {"M": "S", "L": "M"}


def machine() -> dict[str, Any]:
    """Cores, memory and platform of this machine."""
    memory_gb = math.nan
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {"cores": cores, "memory_gb": memory_gb, "platform": platform.platform()}


def database() -> str:
    """The bench database's vendor and version."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0]}"
    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    return connection.vendor


def _ms(value: float | None) -> str:
    return "" if value is None or math.isnan(value) else f"{value:.1f}"


def _growth(rows: list[dict[str, Any]], below: dict[str, Any] | None) -> dict[str, dict[str, float | None]]:
    if not below:
        return {}
    earlier = {row["what"]: row for row in below["rows"]}
    growth: dict[str, dict[str, float | None]] = {}
    for row in rows:
        old = earlier.get(row["what"])
        if old is None:
            continue
        growth[row["what"]] = {
            "p95": row["p95_ms"] / old["p95_ms"] if old.get("p95_ms") else None,
            "queries": row["queries"] / old["queries"] if old.get("queries") else None,
        }
    return growth


def table(rows: list[dict[str, Any]], growth: dict[str, dict[str, float | None]], below: str) -> list[str]:
    """The rows as a Markdown table (also what is printed)."""
    head = ["what", "p50 ms", "p95 ms", "req/s", "errors", "queries", "target p95", ""]
    if growth:
        head += [f"p95 ÷ {below}", f"queries ÷ {below}"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        cells = [
            row["what"],
            _ms(row["p50_ms"]),
            _ms(row["p95_ms"]),
            f"{row['rps']:.1f}",
            str(row["errors"]),
            "" if row["queries"] is None else str(row["queries"]),
            f"< {row['target_ms']:g} ms",
            "✓" if row["meets"] else "✗",
        ]
        if growth:
            grown = growth.get(row["what"], {})
            cells += ["" if grown.get(key) is None else f"{grown[key]:.2f}×" for key in ("p95", "queries")]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def print_table(rows: list[dict[str, Any]]) -> None:
    """Print the rows as columns, with the first error of each row that had some."""
    print(
        f"\n{'what':48} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>7} {'errors':>6} {'queries':>7} {'target':>9}"
    )
    for row in rows:
        print(
            f"{row['what']:48} {_ms(row['p50_ms']):>8} {_ms(row['p95_ms']):>8} {row['rps']:7.1f}"
            f" {row['errors']:6d} {'' if row['queries'] is None else row['queries']:>7}"
            f" {'< ' + format(row['target_ms'], 'g'):>7} ms {'✓' if row['meets'] else '✗'}",
            flush=True,
        )
    for row in rows:
        if row["first_error"]:
            print(f"  first error of {row['what']!r}: {row['first_error']}")


def write_report(
    report_dir: Path,
    run: dict[str, Any],
    rows: list[dict[str, Any]],
    briefs: list[dict[str, Any]],
    memory: dict[str, Any] | None,
) -> None:
    """Print the growth from the scale below, then write the Markdown section and the JSON of the run."""
    json_dir = report_dir / "benchmarks"
    below_scale = SCALE_BELOW.get(run["scale"], "")
    below_path = json_dir / f"{below_scale}-{run['clients']}c.json"
    below = json.loads(below_path.read_text()) if below_scale and below_path.exists() else None
    growth = _growth(rows, below)
    if growth:
        print(f"\ngrowth from {below_scale} ({below_path}), this scale ÷ {below_scale}:")
        for what, grown in growth.items():
            p95, queries = grown["p95"], grown["queries"]
            print(
                f"{what:48} p95 {'' if p95 is None else f'{p95:.2f}×':>8}"
                f"  queries {'' if queries is None else f'{queries:.2f}×':>6}"
            )

    lines = [
        f"## Scale {run['scale']}, {run['clients']} client{'s' if run['clients'] != 1 else ''}, {run['date']}",
        "",
        f"- machine: {run['machine']['cores']} cores, {run['machine']['memory_gb']} GB, "
        f"{run['machine']['platform']}",
        f"- database: {run['database']}",
        f"- scale {run['scale']}; {run['clients']} concurrent clients; "
        + (
            f"production server (gunicorn, {run['workers']} workers)"
            if run["clients"] > 1
            else "in process (Django's test client), one client"
        )
        + f"; {run['samples']} timed requests per row; queries from a separate pass"
        + (f"; only rows matching {run['only']!r}" if run["only"] else ""),
        "",
        *table(rows, growth, below_scale),
        "",
    ]
    if memory:
        peaks = ", ".join(f"{mb:.0f}" for mb in memory["workers_peak_mb"].values())
        meets = "✓" if memory["max_mb"] < targets.WORKER_MEMORY_MB else "✗"
        lines += [
            f"Worker peak memory (VmHWM, MB): {peaks}; largest {memory['max_mb']:.0f} MB "
            f"(target < {targets.WORKER_MEMORY_MB:g} MB {meets}).",
            "",
        ]
    if briefs:
        lines += [
            "The brief's figures as at 2026-06-30 (bench/briefs.py), medians:",
            "",
            "| figures | hand SQL ms | app ms | app ÷ SQL | target | |",
            "|---|---|---|---|---|---|",
        ]
        for row in briefs:
            ratio = f"{row['app_ms'] / row['sql_ms']:.2f}×" if row["sql_ms"] else ""
            met = targets.brief_meets(row)
            mark = "" if met is None else "✓" if met else "✗"
            what = row["what"] + (f" ({row['note']})" if row["note"] else "")
            lines.append(
                f"| {what} | {_ms(row['sql_ms'])} | {_ms(row['app_ms'])} | {ratio}"
                f" | {targets.brief_target(row)} | {mark} |"
            )
        lines.append("")

    report_dir.mkdir(parents=True, exist_ok=True)
    markdown = report_dir / "benchmarks.md"
    if not markdown.exists():
        markdown.write_text(
            "# Benchmarks\n\nWritten by `make bench` (bench/report.py), one section per run, the latest last;"
            " targets: DESIGN.md §5 and bench/targets.py.\n\n"
        )
    with markdown.open("a") as out:
        out.write("\n".join(lines) + "\n")
    json_dir.mkdir(parents=True, exist_ok=True)
    path = json_dir / f"{run['scale']}-{run['clients']}c.json"
    data = {**run, "rows": rows, "briefs": briefs, "memory": memory, "growth": growth}
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    print(f"\nreport: {markdown} and {path}")


def run_info(*, scale: str, clients: int, workers: int | None, samples: int, only: str) -> dict[str, Any]:
    """What describes the run: date, machine, database, scale, clients, workers, samples."""
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "database": database(),
        "scale": scale,
        "clients": clients,
        "workers": workers,
        "samples": samples,
        "only": only,
    }

"""The figures the bench compares with (DESIGN.md §5, at scale L, 2 cores, PostgreSQL).

Each measured row's p95 has a limit in milliseconds: full-text search < 100 ms, every other page and
API list < 150 ms, both with 0 errors at 16 concurrent clients on the production server. The brief's
figures as at any date < 300 ms and within 2× the hand-written SQL for the same figures; its PDF
< 3 s; each gunicorn worker's peak memory < 400 MB. At another scale or number of clients the same
limits are shown, as a yardstick rather than the target.
"""

from __future__ import annotations

# (text in the row's label, lower case; p95 limit in ms). The first that matches applies.
TARGETS: list[tuple[str, float]] = [
    ("search", 100.0),
    ("", 150.0),  # any page or API list
]
CLIENTS = 16  # the concurrent clients the page and API limits are set for
BRIEF_AS_AT_MS = 300.0  # the brief's data as at any date
BRIEF_SQL_RATIO = 2.0  # app ÷ hand-written SQL, at most
BRIEF_PDF_MS = 3000.0
WORKER_MEMORY_MB = 400.0  # peak resident memory of each gunicorn worker


def p95_target_ms(label: str) -> float:
    """The p95 limit in milliseconds for the measured row `label`."""
    text = label.lower()
    return next(limit for needle, limit in TARGETS if needle in text)


def row_meets(p95_ms: float, errors: int, label: str) -> bool:
    """Whether a row's p95 is under its limit with no error."""
    return errors == 0 and p95_ms < p95_target_ms(label)


def brief_meets(row: dict[str, object]) -> bool | None:
    """Whether one of measure_briefs' rows meets its target, or None where none applies."""
    what = str(row["what"])
    app_ms = float(row["app_ms"])  # type: ignore[arg-type]
    sql_ms = row.get("sql_ms")
    if what.startswith("PDF"):
        return app_ms < BRIEF_PDF_MS
    if sql_ms is not None:
        return app_ms <= BRIEF_SQL_RATIO * float(sql_ms) and (  # type: ignore[arg-type]
            not what.startswith("whole") or app_ms < BRIEF_AS_AT_MS
        )
    if what.startswith("whole brief"):
        return app_ms < BRIEF_AS_AT_MS
    return None


def brief_target(row: dict[str, object]) -> str:
    """The target of one of measure_briefs' rows, in words."""
    what = str(row["what"])
    if what.startswith("PDF"):
        return f"< {BRIEF_PDF_MS / 1000:g} s"
    if row.get("sql_ms") is not None:
        ratio = f"≤ {BRIEF_SQL_RATIO:g}× SQL"
        return f"{ratio}, < {BRIEF_AS_AT_MS:g} ms" if what.startswith("whole") else ratio
    if what.startswith("whole brief"):
        return f"< {BRIEF_AS_AT_MS:g} ms"
    return ""

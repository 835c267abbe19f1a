"""The benchmark's data at a scale, written in one transaction with progress per table.

Work plans (`bench.workplans_data`), users and memberships (`bench.users_data`), the follow-up
ledger (`bench.followup_data`), then the repository, calendar, fund and search index
(`bench.repository_data`). The big tables are streamed (`bench.streaming`), so the generator's
memory stays bounded at any scale; its peak (getrusage) is printed at the end.
"""

from __future__ import annotations

import time

from bench.followup_data import FOLLOWUP_SCALES, generate_followup
from bench.repository_data import REPOSITORY_SCALES, generate_repository
from bench.streaming import peak_memory_mb
from bench.users_data import USER_SCALES, generate_users
from bench.workplans_data import WORKPLAN_SCALES, generate_workplans


def generate(scale: str) -> dict[str, int]:
    """Empty the benchmark's tables and write the data of `scale` (S, M or L); return the counts."""
    from django.db import connection, transaction

    from bench.wipe import wipe

    started = time.perf_counter()
    with transaction.atomic():
        wipe()
        print(f"tables emptied in {time.perf_counter() - started:.1f} s", flush=True)
        generate_workplans(*WORKPLAN_SCALES[scale])
        print(f"work plans generated in {time.perf_counter() - started:.1f} s", flush=True)
        counts = generate_users(USER_SCALES[scale])
        counts.update(generate_followup(FOLLOWUP_SCALES[scale]))
        counts.update(generate_repository(*REPOSITORY_SCALES[scale]))
        committing = time.perf_counter()
    print(f"  {'commit':32} {time.perf_counter() - committing:19.1f} s", flush=True)
    if connection.vendor == "postgresql":
        analysing = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(f"  {'ANALYZE':32} {time.perf_counter() - analysing:19.1f} s", flush=True)
    print(
        f"generated in {time.perf_counter() - started:.1f} s, peak memory {peak_memory_mb():.0f} MiB: "
        + ", ".join(f"{v} {k}" for k, v in counts.items()),
        flush=True,
    )
    return counts

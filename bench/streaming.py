"""Streamed writes of the benchmark's big tables: COPY on PostgreSQL, batched bulk inserts on SQLite.

`insert(model, columns, rows)` writes rows given as tuples of the named columns (attribute names,
e.g. `activity_id`), never holding more than one batch: on PostgreSQL through psycopg's
`cursor.copy()`, elsewhere through `bulk_create` over chunks. Columns left out get the field's
default (timestamps: now). Rows name their ids where later rows refer to them; `reset_sequences`
then moves the PostgreSQL sequences past them. `Progress` prints the rows and seconds per table.
"""

from __future__ import annotations

import itertools
import resource
import sys
import time
from collections.abc import Iterable, Sequence
from typing import Any

BATCH = 5_000


def _defaults(model: type[Any], columns: Sequence[str]) -> tuple[list[str], list[Any]]:
    """Return the other concrete columns of `model` and the value each gets (its default, or now)."""
    from django.db.models import AutoField, BigAutoField, DateTimeField
    from django.utils import timezone

    now = timezone.now()
    names, values = [], []
    for field in model._meta.concrete_fields:
        if field.attname in columns or isinstance(field, AutoField | BigAutoField):
            continue
        if isinstance(field, DateTimeField) and (field.auto_now or field.auto_now_add):
            value: Any = now
        elif field.has_default():
            value = field.get_default()
        elif field.null:
            value = None
        elif field.blank:
            value = ""
        else:
            raise ValueError(f"{model.__name__}.{field.name} needs a value")
        names.append(field.attname)
        values.append(value)
    return names, values


def insert(model: type[Any], columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write `rows` (tuples of `columns`) into `model`'s table in batches; return how many were written."""
    from django.db import connection

    extra, values = _defaults(model, columns)
    names = [*columns, *extra]
    tail = tuple(values)
    written = 0
    if connection.vendor == "postgresql":
        fields = {f.attname: f.column for f in model._meta.concrete_fields}
        quote = connection.ops.quote_name
        sql = f"COPY {quote(model._meta.db_table)} ({', '.join(quote(fields[n]) for n in names)}) FROM STDIN"
        connection.ensure_connection()
        with connection.connection.cursor() as cursor, cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row((*row, *tail))
                written += 1
        return written
    iterator = iter(rows)
    while batch := list(itertools.islice(iterator, BATCH)):
        model.objects.bulk_create(
            [model(**dict(zip(names, (*row, *tail), strict=True))) for row in batch], batch_size=BATCH
        )
        written += len(batch)
    return written


def insert_m2m(field: Any, pairs: Iterable[tuple[int, int]]) -> int:
    """Fill the many-to-many table of `field` (a ManyToManyDescriptor) from (source id, target id) pairs."""
    m2m = field.field
    columns = (f"{m2m.m2m_field_name()}_id", f"{m2m.m2m_reverse_field_name()}_id")
    return insert(field.through, columns, pairs)


def reset_sequences(models: Iterable[type[Any]]) -> None:
    """Move the id sequences (PostgreSQL) past the ids the rows were written with."""
    from django.core.management.color import no_style
    from django.db import connection

    models = list(models)
    for model in list(models):
        for field in model._meta.local_many_to_many:
            if field.remote_field.through._meta.auto_created:
                models.append(field.remote_field.through)
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def peak_memory_mb() -> float:
    """Return the peak resident memory of this process in MiB (ru_maxrss: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


class Progress:
    """Print each table's rows, seconds and the peak memory so far as it is written.

    `PROGRESS.run("status reports", StatusReport, columns, rows)` writes and prints in one call.
    """

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def done(self, label: str, rows: int, started: float) -> int:
        self.counts[label] = self.counts.get(label, 0) + rows
        print(
            f"  {label:32} {rows:>10,} rows {time.perf_counter() - started:8.1f} s "
            f"(peak {peak_memory_mb():.0f} MiB)",
            flush=True,
        )
        return rows

    def run(self, label: str, model: type[Any], columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        started = time.perf_counter()
        return self.done(label, insert(model, columns, rows), started)

    def run_m2m(self, label: str, field: Any, pairs: Iterable[tuple[int, int]]) -> int:
        started = time.perf_counter()
        return self.done(label, insert_m2m(field, pairs), started)


PROGRESS = Progress()

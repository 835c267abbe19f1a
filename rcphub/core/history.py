"""Change history as people read it: who changed what and when, with the value before.

Built on django-simple-history's records, for any model: plain fields, foreign keys (named, one query
per related model) and tracked many-to-many fields (named, one query per field), so the cost does not
grow with the number of changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

# Bookkeeping that every save changes; never shown as a change.
BOOKKEEPING = ("id", "version", "created_at", "updated_at")

# The records one save writes (the fields, then one per many-to-many field) are shown as one change.
SAME_SAVE = timedelta(seconds=2)


@dataclass
class FieldChange:
    field: str
    before: str
    after: str


@dataclass
class HistoryEntry:
    when: datetime
    who: str
    kind: str  # created, changed, deleted
    changes: list[FieldChange] = field(default_factory=list)


RowFilter = Callable[[Any, str], Any]


def change_history(
    obj: models.Model,
    *,
    excluded: Iterable[str] = (),
    records: list[Any] | None = None,
    m2m_filters: dict[str, RowFilter] | None = None,
) -> list[HistoryEntry]:
    """Return who changed what on `obj` and when, latest first, with the values before.

    `records` narrows the history records shown (latest first; all by default); `m2m_filters` maps a
    many-to-many field to a function that filters its history rows (given the rows and the name of the
    target), to leave out related objects the reader may not see.
    """
    model = type(obj)
    history_model: Any = model.history.model  # type: ignore[attr-defined]
    if records is None:
        records = list(
            obj.history.select_related("history_user").order_by("-history_date", "-history_id")  # type: ignore[attr-defined]
        )
    skip = set(BOOKKEEPING) | set(excluded)
    record_ids = [record.history_id for record in records]

    related: dict[str, dict[int, str]] = {}
    many = [
        m2m for m2m in model._meta.many_to_many if m2m.name not in skip and hasattr(history_model, m2m.name)
    ]
    for m2m in many:
        through: Any = getattr(history_model, m2m.name).model
        target = m2m.m2m_reverse_field_name()
        rows = through.objects.filter(history_id__in=record_ids).select_related(target)
        if m2m_filters and m2m.name in m2m_filters:
            rows = m2m_filters[m2m.name](rows, target)
        names: dict[int, list[str]] = {}
        for row in rows:
            names.setdefault(row.history_id, []).append(str(getattr(row, target)))
        related[m2m.name] = {key: ", ".join(sorted(values)) for key, values in names.items()}

    concrete = [f for f in model._meta.concrete_fields if f.editable and f.name not in skip]
    foreign = [f for f in concrete if f.is_relation]
    labels: dict[str, dict[Any, str]] = {}
    for f in foreign:
        ids = {getattr(record, f.attname) for record in records} - {None}
        target_model: Any = f.related_model
        labels[f.name] = {pk: str(o) for pk, o in target_model._base_manager.in_bulk(ids).items()}

    def shown(record: Any, f: Any) -> str:
        value = getattr(record, f.attname)
        if value in (None, ""):
            return "—"
        if f.is_relation:
            return labels[f.name].get(value, str(value))
        if f.choices:
            return str(dict(f.flatchoices).get(value, value))
        return str(value)

    kinds = {"+": _("created"), "~": _("changed"), "-": _("deleted")}
    entries: list[HistoryEntry] = []
    for record, previous in zip(records, [*records[1:], None], strict=True):
        entry = HistoryEntry(
            when=record.history_date,
            who=str(record.history_user) if record.history_user else _("system"),
            kind=kinds.get(record.history_type, record.history_type),
        )
        if previous is not None:
            for f in concrete:
                before, after = shown(previous, f), shown(record, f)
                if before != after:
                    entry.changes.append(FieldChange(field=str(f.verbose_name), before=before, after=after))
            for m2m in many:
                before = related[m2m.name].get(previous.history_id) or "—"
                after = related[m2m.name].get(record.history_id) or "—"
                if before != after:
                    entry.changes.append(FieldChange(field=str(m2m.verbose_name), before=before, after=after))
            if not entry.changes and record.history_type == "~":
                continue
        newer = entries[-1] if entries else None
        if newer is not None and newer.who == entry.who and newer.when - entry.when <= SAME_SAVE:
            newer.changes[:0] = entry.changes
            if record.history_type == "+":
                newer.kind = entry.kind
            continue
        entries.append(entry)
    return entries

"""One rule, two forms: the filter that lists what a rule allows, evaluated on one loaded object.

A visibility rule is written once, as a `Q` on a path ending at the subject (`coalition_visibility_q`,
`workplan_visibility_q`, …). Lists filter by it in the database; `q_matches` decides the same rule
for one object already in hand, reading its loaded fields and related objects, so that the list and
the single page can never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Q

_LOOKUPS = frozenset({"exact", "in", "isnull"})
_MISSING = object()  # a path through an empty relation: no value, as a join finds none


def _value_at(obj: Any, parts: list[str], at: Mapping[str, Any], isnull: bool) -> Any:
    """Return the value at the path, starting from the object given in `at` for its longest prefix."""
    value, start = obj, 0
    for end in range(len(parts), 0, -1):
        prefix = "__".join(parts[:end])
        if prefix in at:
            value, start = at[prefix], end
            break
    for index in range(start, len(parts)):
        part = parts[index]
        if value is None or value is _MISSING:
            return _MISSING
        if isnull and index == len(parts) - 1 and hasattr(value, f"{part}_id"):
            # An empty relation is read from its key, without loading the related object.
            return getattr(value, f"{part}_id")
        value = getattr(value, part)
    return value


def _is_plain(value: Any) -> bool:
    """Return True for a value compared as it is: not an expression, a subquery or an outer reference."""
    return value is None or isinstance(value, (str, int, bool, frozenset, set, list, tuple))


def _condition_holds(obj: Any, condition: Any, at: Mapping[str, Any]) -> bool:
    if not isinstance(condition, tuple):
        raise TypeError(f"q_matches cannot decide {condition!r} on an object")
    lookup, expected = condition
    parts = lookup.split("__")
    kind = parts.pop() if len(parts) > 1 and parts[-1] in _LOOKUPS else "exact"
    if not _is_plain(expected):
        raise TypeError(f"q_matches cannot decide the condition {lookup!r} on an object")
    value = _value_at(obj, parts, at, isnull=kind == "isnull")
    if kind == "isnull":
        return (value is None or value is _MISSING) is bool(expected)
    if value is _MISSING:
        return False
    if kind == "in":
        return value in expected
    return bool(value == expected)


def q_matches(q: Q, obj: Any, *, at: Mapping[str, Any] | None = None) -> bool:
    """Return True if the object passes the filter `q`, decided from its loaded fields without a query.

    `at` names objects the caller already holds for a prefix of the filter's paths (for example the
    work plan of an activity at "output__result__work_plan"), read instead of following the path.
    Supports exact, `in` and `isnull` conditions joined by AND, OR and NOT; an empty filter allows all.
    """
    known = at or {}
    results = (
        q_matches(child, obj, at=known) if isinstance(child, Q) else _condition_holds(obj, child, known)
        for child in q.children
    )
    held = any(results) if q.connector == Q.OR else all(results)
    return not held if q.negated else held

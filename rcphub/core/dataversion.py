"""Data versions: one number per body of data that every write moves, read by every worker process.

A result that is expensive and changes rarely (the repository's facet counts) is kept in the cache
under the version of the data it was computed from. A write moves the version, so every process's
next read misses the cache and computes again: nothing is ever invalidated by hand, and a cache of
each process (local memory) is as correct as one the processes share (Redis), because a stale entry
sits under an old key.

- `data_version_bump(name)`: move the version, inside the writer's transaction (an UPDATE with
  F() + 1, the row made if missing), so that no reader sees a version before its data is committed.
  Signals call it on each save, delete and many-to-many change of the data; call it after a bulk
  write (bulk_create, QuerySet.update), which sends no signal. It is written once per transaction
  (further writes in that transaction are seen by readers together with it, at commit).
- `data_version(name, user=None)`: the version as a key part, one indexed query, read once per user
  object (so once per request) unless this process wrote since.
- `data_version_pending(name)`: True while the current transaction wrote the data and has not
  committed: its own reads must not use the cache (they may see data that will be rolled back or
  completed later in the transaction).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from rcphub.core.models import DataVersion

# The repository's practices, pledges, reports, knowledge products, and what their visibility and
# facets depend on (coalitions, memberships, reference data).
REPOSITORY = "repository"
# The work plans, their results, outputs, activities, status reports and rounds, and what their
# visibility and labels depend on: the cached trees of work plans (workplans.views).
WORKPLANS = "workplans"

# Moves at each bump made in this process, so that a version read earlier on a user object is not
# reused after this process wrote.
_local_bumps = itertools.count()
_last_local_bump = [0]


class _Bumped:
    """The on-commit mark of a bump in the current transaction: Django drops it with the savepoint or
    transaction it was made in, exactly when the bump's UPDATE is rolled back."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self) -> None:
        _last_local_bump[0] = next(_local_bumps) + 1


def data_version_pending(name: str) -> bool:
    """Return True if the current transaction moved the version of `name` and has not committed."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return False
    return any(
        isinstance(func, _Bumped) and func.name == name for _sids, func, *_ in connection.run_on_commit
    )


def data_version_bump(name: str) -> None:
    """Move the version of `name` (once per transaction), making the row if missing."""
    if data_version_pending(name):
        return
    now = timezone.now()
    rows = DataVersion.objects.filter(name=name)
    if not rows.update(version=F("version") + 1, changed_at=now):
        try:
            with transaction.atomic():
                DataVersion.objects.create(name=name, version=1, changed_at=now)
        except IntegrityError:  # made at the same time by another writer
            rows.update(version=F("version") + 1, changed_at=now)
    mark = _Bumped(name)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(mark)
    else:
        mark()


def data_version(name: str, user: Any = None) -> str:
    """Return the version of `name` as a key part ("0" before any write): one indexed query, read once
    per `user` object (a request's) unless this process wrote since."""
    memo: dict[str, tuple[int, str]] | None = getattr(user, "_rcphub_data_versions", None)
    if memo is not None and name in memo and memo[name][0] == _last_local_bump[0]:
        return memo[name][1]
    row = DataVersion.objects.filter(name=name).values_list("version", "changed_at").first()
    value = "0" if row is None else f"{row[0]}.{row[1].timestamp():.6f}"
    if user is not None:
        try:
            if memo is None:
                memo = {}
                user._rcphub_data_versions = memo
            memo[name] = (_last_local_bump[0], value)
        except AttributeError:  # an object that takes no attribute: read again next time
            pass
    return value


# The actions of m2m_changed that changed a list (the "pre_" ones are followed by a "post_" one).
M2M_WRITES = frozenset({"post_add", "post_remove", "post_clear"})


def data_version_follow(name: str, models_: Iterable[type[models.Model]]) -> None:
    """Move the version of `name` at every save, delete and many-to-many change of the models.

    Fixtures being loaded (`raw`) move nothing; bulk writes send no signal, so those who make them
    call `data_version_bump(name)` themselves. Called once per name, from an app's ready().
    """

    def bump(**kwargs: Any) -> None:
        if not kwargs.get("raw"):
            data_version_bump(name)

    def bump_m2m(*, action: str, **kwargs: Any) -> None:
        if action in M2M_WRITES:
            data_version_bump(name)

    for model in models_:
        uid = f"data-version-{name}-{model._meta.label}"
        post_save.connect(bump, sender=model, dispatch_uid=f"{uid}-save", weak=False)
        post_delete.connect(bump, sender=model, dispatch_uid=f"{uid}-delete", weak=False)
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            assert through is not None  # set once the models are loaded
            m2m_changed.connect(bump_m2m, sender=through, dispatch_uid=f"{uid}-m2m-{field.name}", weak=False)

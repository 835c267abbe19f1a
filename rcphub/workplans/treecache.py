"""The work plan tree as visitors read it, rendered once per plan, date, language and data version.

A visitor's tree (the public activities, their status as at the date, no edit links and no forms)
is the same for every visitor, so it is rendered once and kept in the shared cache under the
plan, the date, the language and the work plans' data version (`core.dataversion.WORKPLANS`),
which every write to what the tree shows moves inside its transaction: a write is seen at once by
every worker. Signed-in readers see their own links and forms and are not served from the cache.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.cache import cache
from django.db import models
from django.utils.translation import get_language

from rcphub.core.dataversion import WORKPLANS, data_version, data_version_follow, data_version_pending

# How long a tree stays in the cache (a write makes it unused at once).
TREE_CACHE_SECONDS = 3600


@dataclass(frozen=True)
class CachedTree:
    """What the work plan page reads of a tree beside its rendered HTML."""

    html: str
    activity_count: int
    status_counts: dict[str, int]
    rounds: list[Any] = field(default_factory=list)
    can_manage: bool = False


def visitor_tree_key(*, work_plan_id: int, as_at: date, user: Any) -> str | None:
    """Return the cache key of a visitor's tree, or None when the reader is not served from the cache
    (signed in, or inside a transaction that changed work plans and has not committed)."""
    if user.is_authenticated or data_version_pending(WORKPLANS):
        return None
    version = data_version(WORKPLANS, user)
    return f"rcphub:workplan-tree:{work_plan_id}:{as_at.isoformat()}:{get_language()}:{version}"


def cached_tree(key: str | None) -> CachedTree | None:
    return cache.get(key) if key else None


def keep_tree(key: str | None, tree: CachedTree) -> None:
    if key:
        cache.set(key, tree, TREE_CACHE_SECONDS)


def watched_models() -> list[type[models.Model]]:
    """Return the models whose writes move the work plans' data version: what a tree shows and who may
    see it (plans, results, outputs, activities and their lists, reports, rounds, coalitions, the
    support requests behind demand-driven activities, the reference data rows are labelled with)."""
    from rcphub.coalitions.models import Coalition
    from rcphub.reference.models import Country, Entity, GcmObjective, SdgTarget
    from rcphub.support.models import SupportRequest
    from rcphub.workplans.models import Activity, Output, ReportingRound, Result, StatusReport, WorkPlan

    return [
        WorkPlan,
        Result,
        Output,
        Activity,
        StatusReport,
        ReportingRound,
        Coalition,
        SupportRequest,
        Country,
        Entity,
        SdgTarget,
        GcmObjective,
    ]


def connect_data_version() -> None:
    """Connect the signals that move the work plans' data version (once, from the app's ready())."""
    data_version_follow(WORKPLANS, watched_models())

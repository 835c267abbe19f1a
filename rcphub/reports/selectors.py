"""Reading briefs: the list a reader may see, and one brief by its slug."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from rcphub.core.errors import NotFound
from rcphub.reports.models import Brief
from rcphub.reports.permissions import brief_visibility_q


def brief_list(*, user: Any) -> QuerySet[Brief]:
    """Return the briefs the user may read, with their scope and region."""
    return Brief.objects.filter(brief_visibility_q(user)).select_related("coalition__parent", "region")


def brief_get(*, slug: str, user: Any) -> Brief:
    """Return the brief; NotFound where it does not exist or the user may not read it (alike)."""
    try:
        return brief_list(user=user).get(slug=slug)
    except Brief.DoesNotExist:
        raise NotFound from None

"""Reading briefs: the list a reader may see, and one brief by its slug."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from rcphub.core.errors import NotFound
from rcphub.reports.models import Brief, BriefEdition
from rcphub.reports.permissions import brief_visibility_q, edition_visibility_q


def brief_list(*, user: Any) -> QuerySet[Brief]:
    """Return the briefs the user may read, with their scope and region."""
    return Brief.objects.filter(brief_visibility_q(user)).select_related("coalition__parent", "region")


def brief_get(*, slug: str, user: Any) -> Brief:
    """Return the brief; NotFound where it does not exist or the user may not read it (alike)."""
    try:
        return brief_list(user=user).get(slug=slug)
    except Brief.DoesNotExist:
        raise NotFound from None


def edition_list(*, brief: Brief, user: Any) -> QuerySet[BriefEdition]:
    """Return the brief's editions the user may read, latest first."""
    return BriefEdition.objects.filter(edition_visibility_q(user), brief=brief).order_by("-number")


def edition_get(*, brief: Brief, number: int, user: Any) -> BriefEdition:
    """Return the brief's edition; NotFound where it does not exist or the user may not read it (alike)."""
    try:
        return (
            edition_list(brief=brief, user=user)
            .select_related("brief__region", "brief__coalition")
            .get(number=number)
        )
    except BriefEdition.DoesNotExist:
        raise NotFound from None


def previous_published(edition: BriefEdition) -> BriefEdition | None:
    """Return the published edition before this one (by number), the one its changes are counted from."""
    return (
        BriefEdition.objects.filter(brief_id=edition.brief_id, state="published", number__lt=edition.number)
        .order_by("-number")
        .first()
    )

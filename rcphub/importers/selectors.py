"""Reads on imports: one import fetched and authorised in one step, the lists, and the targets one may import into."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from rcphub.accounts.models import Role
from rcphub.accounts.permissions import coalition_ids_with_role, is_platform_secretariat
from rcphub.coalitions.models import Coalition
from rcphub.core.errors import NotFound
from rcphub.followup.selectors import review_organisations_for_create
from rcphub.importers.models import Import
from rcphub.importers.permissions import can_commit_import, import_visibility_q
from rcphub.reference.models import Entity


def import_list(*, user: Any) -> QuerySet[Import]:
    """Return the imports the user may see, newest first: their own and those into what they may import into."""
    return (
        Import.objects.filter(import_visibility_q(user))
        .select_related("coalition", "organisation", "uploaded_by", "committed_by")
        .defer("proposal")
    )


def import_get(*, import_id: int, user: Any) -> Import:
    """Return the import if the user may see it, or raise NotFound."""
    import_ = (
        Import.objects.filter(import_visibility_q(user), pk=import_id)
        .select_related("coalition", "organisation", "uploaded_by", "committed_by")
        .first()
    )
    if import_ is None:
        raise NotFound
    return import_


def import_get_for_commit(*, import_id: int, user: Any) -> Import:
    """Return the import if the user may answer and commit it (it is still open); missing and forbidden alike."""
    import_ = import_get(import_id=import_id, user=user)
    if not can_commit_import(user=user, import_=import_):
        raise NotFound
    return import_


def import_coalitions(*, user: Any) -> QuerySet[Coalition]:
    """Return the coalitions the user may import a work plan into (those whose secretariat they are)."""
    if not getattr(user, "is_authenticated", False):
        return Coalition.objects.none()
    if is_platform_secretariat(user):
        return Coalition.objects.order_by("name")
    return Coalition.objects.filter(
        pk__in=coalition_ids_with_role(user, Role.COALITION_SECRETARIAT)
    ).order_by("name")


def import_organisations(*, user: Any) -> QuerySet[Entity]:
    """Return the organisations the user may import a review or a plan of action for."""
    if not getattr(user, "is_authenticated", False):
        return Entity.objects.none()
    return review_organisations_for_create(user=user)

"""Who may import documents, and who sees an import.

A work plan (or a UN INFO export) is imported by those who may start a work plan for the coalition:
its secretariat and the platform secretariat (as `workplans.services.workplan_create` requires). A
review or a plan of action is imported by those who may open a review for the organisation: its
follow-up officers and the platform secretariat (`followup.permissions.can_create_review`).

An import is seen by whoever uploaded it and by whoever may import into its coalition or organisation
(they may commit it); the platform secretariat sees them all. Others get 404, as for one that does
not exist.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from rcphub.accounts.models import Role
from rcphub.accounts.permissions import coalition_ids_with_role, is_platform_secretariat
from rcphub.coalitions.permissions import is_coalition_secretariat
from rcphub.followup.permissions import can_create_review, followed_up_organisation_ids
from rcphub.importers.models import OPEN_STATES, WORKPLAN_KINDS, Import


def can_import_workplan(*, user: Any, coalition_id: int) -> bool:
    """Return True if the user may import a work plan into the coalition (may start one there)."""
    return bool(getattr(user, "is_authenticated", False)) and is_coalition_secretariat(
        user=user, coalition_id=coalition_id
    )


def can_import_review(*, user: Any, organisation_id: int) -> bool:
    """Return True if the user may import a review or a plan of action for the organisation."""
    return bool(getattr(user, "is_authenticated", False)) and can_create_review(
        user=user, organisation_id=organisation_id, coalition_id=None
    )


def can_import_into(*, user: Any, import_: Import) -> bool:
    """Return True if the user may import into the import's coalition or organisation."""
    if import_.kind in WORKPLAN_KINDS:
        return import_.coalition_id is not None and can_import_workplan(
            user=user, coalition_id=import_.coalition_id
        )
    return import_.organisation_id is not None and can_import_review(
        user=user, organisation_id=import_.organisation_id
    )


def import_visibility_q(user: Any) -> Q:
    """Return the filter of imports the user may see: their own, and those into what they may import into."""
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    if is_platform_secretariat(user):
        return Q()
    q = Q(uploaded_by=user)
    coalitions = coalition_ids_with_role(user, Role.COALITION_SECRETARIAT)
    if coalitions:
        q |= Q(coalition_id__in=coalitions)
    organisations = followed_up_organisation_ids(user)
    if organisations:
        q |= Q(organisation_id__in=organisations)
    return q


def can_commit_import(*, user: Any, import_: Import) -> bool:
    """Return True if the user may answer and commit the import: it is open and into what they may import into."""
    return import_.state in OPEN_STATES and can_import_into(user=user, import_=import_)

"""The repository's data version (`rcphub.core.dataversion.REPOSITORY`) moves at every save, delete
and many-to-many change of what the cached facet counts depend on: the practices, pledges, reports
and knowledge products, their many-to-many lists, who may see them (coalitions, their members, the
users' memberships) and the reference data their facets are labelled with.

Bulk writes send no signal: those who make them call `data_version_bump(REPOSITORY)` themselves.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save

from rcphub.core.dataversion import REPOSITORY, data_version_bump

# The actions of m2m_changed that changed a list (the "pre_" ones are followed by a "post_" one).
M2M_WRITES = frozenset({"post_add", "post_remove", "post_clear"})


def _bump(**kwargs: Any) -> None:
    if kwargs.get("raw"):  # loading a fixture: the loader writes what it likes
        return
    data_version_bump(REPOSITORY)


def _bump_m2m(*, action: str, **kwargs: Any) -> None:
    if action in M2M_WRITES:
        data_version_bump(REPOSITORY)


def watched_models() -> list[type[models.Model]]:
    """Return the models whose writes move the repository's data version."""
    from rcphub.accounts.models import Membership
    from rcphub.coalitions.models import Coalition, CoalitionMember
    from rcphub.reference.models import Country, Entity, GcmObjective
    from rcphub.repository.models import ImplementerType, KnowledgeProduct, Pledge, PledgeReport, Practice

    return [
        Practice,
        Pledge,
        PledgeReport,
        KnowledgeProduct,
        ImplementerType,
        Coalition,
        CoalitionMember,
        Membership,
        Country,
        Entity,
        GcmObjective,
    ]


def connect_data_version() -> None:
    """Connect the signals that move the repository's data version (once, from the app's ready())."""
    for model in watched_models():
        post_save.connect(_bump, sender=model, dispatch_uid=f"data-version-save-{model._meta.label}")
        post_delete.connect(_bump, sender=model, dispatch_uid=f"data-version-delete-{model._meta.label}")
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            assert through is not None  # set once the models are loaded
            m2m_changed.connect(
                _bump_m2m, sender=through, dispatch_uid=f"data-version-m2m-{through._meta.label}"
            )

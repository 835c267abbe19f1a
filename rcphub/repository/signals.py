"""The repository's data version (`rcphub.core.dataversion.REPOSITORY`) moves at every save, delete
and many-to-many change of what the cached facet counts depend on: the practices, pledges, reports
and knowledge products, their many-to-many lists, who may see them (coalitions, their members, the
users' memberships) and the reference data their facets are labelled with.

Bulk writes send no signal: those who make them call `data_version_bump(REPOSITORY)` themselves.
"""

from __future__ import annotations

from django.db import models

from rcphub.core.dataversion import REPOSITORY, data_version_follow


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
    data_version_follow(REPOSITORY, watched_models())

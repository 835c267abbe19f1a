"""Writes on coalitions: the page, members and country networks. Each is one transaction."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from rcphub.coalitions.models import Coalition, CoalitionMember, CountryNetwork
from rcphub.coalitions.permissions import can_edit_coalition
from rcphub.reference.models import Country, Entity

COALITION_EDITABLE_FIELDS = ("name", "short_name", "theme", "description", "tor_url", "tor_file", "active")


def _require_edit(user: Any, coalition: Coalition) -> None:
    if not can_edit_coalition(user=user, coalition=coalition):
        raise PermissionDenied


@transaction.atomic
def coalition_update(
    *, coalition: Coalition, by: Any, expected_version: int | None = None, **changes: Any
) -> Coalition:
    """Change the coalition's page; refuse if someone else saved it since `expected_version`."""
    _require_edit(by, coalition)
    unknown = set(changes) - set(COALITION_EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable here: {', '.join(sorted(unknown))}")
    for name, value in changes.items():
        setattr(coalition, name, value)
    coalition.full_clean()
    coalition._history_user = by  # type: ignore[attr-defined]
    coalition.save_versioned(expected_version=expected_version)
    return coalition


@transaction.atomic
def coalition_member_add(
    *, coalition: Coalition, entity: Entity, role: str, since: date | None, until: date | None, by: Any
) -> CoalitionMember:
    """Add an entity to the coalition with a role over a period."""
    _require_edit(by, coalition)
    member = CoalitionMember(coalition=coalition, entity=entity, role=role, since=since, until=until)
    member.full_clean()
    member._history_user = by  # type: ignore[attr-defined]
    member.save()
    return member


@transaction.atomic
def coalition_member_end(*, member: CoalitionMember, until: date, by: Any) -> CoalitionMember:
    """End an entity's membership on `until`; the record stays for history."""
    _require_edit(by, member.coalition)
    member.until = until
    member.full_clean()
    member._history_user = by  # type: ignore[attr-defined]
    member.save()
    return member


@transaction.atomic
def country_network_save(
    *,
    coalition: Coalition,
    country: Country,
    name: str,
    established_on: date | None,
    tor_url: str = "",
    tor_file: Any = None,
    network: CountryNetwork | None = None,
    by: Any,
) -> CountryNetwork:
    """Create or change a country network of the coalition."""
    _require_edit(by, coalition)
    if network is not None and network.coalition_id != coalition.pk:
        raise PermissionDenied
    network = network or CountryNetwork(coalition=coalition)
    network.country = country
    network.name = name
    network.established_on = established_on
    network.tor_url = tor_url
    if tor_file is not None:
        network.tor_file = tor_file
    network.full_clean()
    network._history_user = by  # type: ignore[attr-defined]
    network.save()
    return network

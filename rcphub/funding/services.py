"""Writes on funds, contributions and joint programmes. Each service is the one write path for its
change, in one transaction, with the permission check inside."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from rcphub.core.dates import today
from rcphub.core.errors import TransitionError
from rcphub.funding.models import (
    TRANSITIONS,
    Contribution,
    Fund,
    FundThematicArea,
    JointProgramme,
    JointProgrammeState,
)
from rcphub.funding.permissions import can_manage_fund, can_manage_funds
from rcphub.reference.models import Country, Entity

FUND_FIELDS = (
    "name",
    "acronym",
    "description",
    "target_amount",
    "currency",
    "target_date",
    "managed_by",
    "visibility",
)
JOINT_PROGRAMME_FIELDS = (
    "title",
    "thematic_area",
    "description",
    "budget",
    "currency",
    "submitted_on",
    "start_on",
    "end_on",
)


def _set(obj: Any, fields: dict[str, Any], allowed: Iterable[str]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValueError(f"Not a field here: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        if isinstance(value, str):
            value = value.strip()
            if name == "currency":
                value = value.upper()
        setattr(obj, name, value)


def _require_manage(user: Any, fund: Fund) -> None:
    if not can_manage_fund(user=user, fund=fund):
        raise PermissionDenied


@transaction.atomic
def fund_create(*, by: Any, **fields: Any) -> Fund:
    """Open a fund with its capitalisation target; platform secretariat only."""
    if not can_manage_funds(user=by):
        raise PermissionDenied
    fund = Fund()
    _set(fund, fields, FUND_FIELDS)
    fund.full_clean()
    fund._history_user = by  # type: ignore[attr-defined]
    fund.save()
    return fund


@transaction.atomic
def fund_update(*, fund: Fund, by: Any, expected_version: int | None, **fields: Any) -> Fund:
    """Change a fund; refuse if someone else saved it since `expected_version` was read."""
    _require_manage(by, fund)
    _set(fund, fields, FUND_FIELDS)
    fund.full_clean()
    fund._history_user = by  # type: ignore[attr-defined]
    fund.save_versioned(expected_version=expected_version)
    return fund


@transaction.atomic
def fund_thematic_area_create(
    *,
    fund: Fund,
    code: str,
    name_en: str,
    name_fr: str = "",
    name_ru: str = "",
    position: int | None = None,
    by: Any,
) -> FundThematicArea:
    """Add a thematic area to the fund, after its others unless a position is given."""
    _require_manage(by, fund)
    if position is None:
        position = max(fund.thematic_areas.values_list("position", flat=True), default=0) + 1
    area = FundThematicArea(
        fund=fund,
        code=code.strip(),
        name_en=name_en.strip(),
        name_fr=name_fr.strip(),
        name_ru=name_ru.strip(),
        position=position,
    )
    area.full_clean()
    area._history_user = by  # type: ignore[attr-defined]
    area.save()
    return area


@transaction.atomic
def contribution_create(
    *,
    fund: Fund,
    contributor: Entity,
    kind: str,
    amount: Decimal,
    currency: str,
    contributed_on: date,
    note: str = "",
    by: Any,
) -> Contribution:
    """Record a pledge to the fund or a deposit into it, in its own currency (never converted)."""
    _require_manage(by, fund)
    contribution = Contribution(fund=fund, contributor=contributor)
    _set(
        contribution,
        {
            "kind": kind,
            "amount": amount,
            "currency": currency,
            "contributed_on": contributed_on,
            "note": note,
        },
        ("kind", "amount", "currency", "contributed_on", "note"),
    )
    contribution.full_clean()
    contribution._history_user = by  # type: ignore[attr-defined]
    contribution.save()
    return contribution


@transaction.atomic
def joint_programme_create(
    *,
    fund: Fund,
    countries: Iterable[Country] = (),
    entities: Iterable[Entity] = (),
    by: Any,
    **fields: Any,
) -> JointProgramme:
    """Add a joint programme to the fund's pipeline (in the pipeline since `submitted_on`, today by default)."""
    _require_manage(by, fund)
    joint_programme = JointProgramme(fund=fund, state=JointProgrammeState.PIPELINE)
    fields.setdefault("submitted_on", today())
    if fields["submitted_on"] is None:
        fields["submitted_on"] = today()
    _set(joint_programme, fields, JOINT_PROGRAMME_FIELDS)
    joint_programme.full_clean()
    joint_programme._history_user = by  # type: ignore[attr-defined]
    joint_programme.save()
    joint_programme.countries.set(list(countries))
    joint_programme.entities.set(list(entities))
    return joint_programme


@transaction.atomic
def joint_programme_update(
    *,
    joint_programme: JointProgramme,
    by: Any,
    expected_version: int | None,
    countries: Iterable[Country] | None = None,
    entities: Iterable[Entity] | None = None,
    **fields: Any,
) -> JointProgramme:
    """Change a joint programme; its state changes only through `joint_programme_transition`."""
    _require_manage(by, joint_programme.fund)
    _set(joint_programme, fields, JOINT_PROGRAMME_FIELDS)
    _check_dates(joint_programme)
    joint_programme.full_clean()
    joint_programme._history_user = by  # type: ignore[attr-defined]
    joint_programme.save_versioned(expected_version=expected_version)
    if countries is not None:
        joint_programme.countries.set(list(countries))
    if entities is not None:
        joint_programme.entities.set(list(entities))
    return joint_programme


def _check_dates(joint_programme: JointProgramme) -> None:
    later = [d for d in (joint_programme.funded_on, joint_programme.closed_on) if d is not None]
    if later and joint_programme.submitted_on > min(later):
        raise ValidationError(
            {"submitted_on": _("The programme cannot enter the pipeline after it was funded or closed.")}
        )


@transaction.atomic
def joint_programme_transition(
    *,
    joint_programme: JointProgramme,
    state: str,
    on: date | None = None,
    by: Any,
    expected_version: int | None,
) -> JointProgramme:
    """Move a joint programme to `state` as from the date `on` (today by default).

    Allowed: pipeline → funded, pipeline → closed (dropped unfunded), funded → closed. The date is
    recorded (`funded_on`, `closed_on`), so that the state as at any date can be derived.
    """
    _require_manage(by, joint_programme.fund)
    current = joint_programme.state
    if state not in TRANSITIONS.get(current, frozenset()):
        raise TransitionError(
            {
                "state": _("A joint programme in the state “%(current)s” cannot become “%(state)s”.")
                % {
                    "current": JointProgrammeState(current).label,
                    "state": JointProgrammeState(state).label
                    if state in JointProgrammeState.values
                    else state,
                }
            },
            code="transition",
        )
    on = on or today()
    if on > today():
        raise ValidationError({"on": _("The date cannot be in the future.")}, code="future")
    earliest = max(d for d in (joint_programme.submitted_on, joint_programme.funded_on) if d is not None)
    if on < earliest:
        raise ValidationError(
            {
                "on": _("The date cannot come before %(date)s, the programme's previous step.")
                % {"date": earliest.isoformat()}
            },
            code="date_order",
        )
    joint_programme.state = state
    if state == JointProgrammeState.FUNDED:
        joint_programme.funded_on = on
    else:
        joint_programme.closed_on = on
    joint_programme.full_clean()
    joint_programme._history_user = by  # type: ignore[attr-defined]
    joint_programme.save_versioned(expected_version=expected_version)
    return joint_programme

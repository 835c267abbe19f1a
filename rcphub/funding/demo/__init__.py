"""Demo funds: a regional multi-partner trust fund with nine thematic areas, 15 contributions and 10 joint
programmes, and the Migration MPTF with its five thematic areas, 4 contributions and 4 joint programmes, read
from the YAML files beside this module (funds with their thematic areas, contributions, joint_programmes).

Seeded by `manage.py seed_demo` after the work-plan, follow-up and meeting demos. Idempotent: funds are
matched by acronym, thematic areas by fund and code, contributions by fund, contributor, kind, date and
amount, joint programmes by fund and title; a second run creates nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.db import transaction

from rcphub.accounts.models import User
from rcphub.core.demodata import demo_content
from rcphub.funding.models import Contribution, Fund, FundThematicArea, JointProgramme, JointProgrammeState
from rcphub.funding.services import (
    contribution_create,
    fund_create,
    fund_thematic_area_create,
    joint_programme_create,
    joint_programme_transition,
)
from rcphub.reference.models import Country, Entity

PLATFORM_USER = "platform@demo.rcphub.org"


def _content(name: str) -> Any:
    return demo_content(__name__, name)


def funding_demo_seed(*, progress: Callable[[str], None] = lambda line: None) -> dict[str, int]:
    """Create the demo funds, their thematic areas, contributions and joint programmes that are missing;
    return what was created."""
    created = {"funds": 0, "thematic areas": 0, "contributions": 0, "joint programmes": 0}
    by = User.objects.get(email=PLATFORM_USER)
    entities = {e.acronym: e for e in Entity.objects.all()}
    countries = {c.iso2: c for c in Country.objects.all()}
    with transaction.atomic():
        funds = {f.acronym: f for f in Fund.objects.all()}
        areas = {(a.fund.acronym, a.code): a for a in FundThematicArea.objects.select_related("fund")}
        for spec in _content("funds"):
            area_specs = spec.pop("thematic_areas")
            if spec["acronym"] not in funds:
                managed_by = entities[spec.pop("managed_by")]
                spec["target_amount"] = Decimal(spec["target_amount"])
                funds[spec["acronym"]] = fund_create(by=by, managed_by=managed_by, **spec)
                created["funds"] += 1
            fund = funds[spec["acronym"]]
            for position, area_spec in enumerate(area_specs, start=1):
                if (fund.acronym, area_spec["code"]) not in areas:
                    area = fund_thematic_area_create(fund=fund, position=position, by=by, **area_spec)
                    areas[fund.acronym, area.code] = area
                    created["thematic areas"] += 1
        recorded = set(
            Contribution.objects.values_list(
                "fund__acronym", "contributor__acronym", "kind", "contributed_on", "amount"
            )
        )
        contributions = _content("contributions")
        for spec in contributions:
            spec |= {"fund": funds[spec["fund"]], "amount": Decimal(spec["amount"])}
            key = (
                spec["fund"].acronym,
                spec["contributor"],
                spec["kind"],
                spec["contributed_on"],
                spec["amount"],
            )
            if key in recorded:
                continue
            contribution_create(by=by, **{"note": "", **spec, "contributor": entities[spec["contributor"]]})
            created["contributions"] += 1
        progress(f"funding: {', '.join(funds)}, {len(contributions)} contributions")
        titles = set(JointProgramme.objects.values_list("fund__acronym", "title"))
        programmes = _content("joint_programmes")
        for spec in programmes:
            if (spec["fund"], spec["title"]) not in titles:
                spec["thematic_area"] = areas[spec["fund"], spec["thematic_area"]]
                _joint_programme(
                    spec, fund=funds[spec["fund"]], by=by, entities=entities, countries=countries
                )
                created["joint programmes"] += 1
        progress(f"funding: {len(programmes)} joint programmes")
    return created


def _joint_programme(
    spec: dict[str, Any], *, fund: Fund, by: User, entities: dict[str, Entity], countries: dict[str, Country]
) -> None:
    """Submit the joint programme, then fund it and close it on the days the spec gives."""
    funded_on, closed_on = spec.pop("funded_on", None), spec.pop("closed_on", None)
    fields = {
        "description": "",
        "start_on": None,
        "end_on": None,
        **spec,
        "fund": fund,
        "currency": fund.currency,
    }
    fields["countries"] = [countries[code] for code in spec["countries"]]
    fields["entities"] = [entities[acronym] for acronym in spec["entities"]]
    programme = joint_programme_create(by=by, **{**fields, "budget": Decimal(spec["budget"])})
    for state, on in ((JointProgrammeState.FUNDED, funded_on), (JointProgrammeState.CLOSED, closed_on)):
        if on is not None:
            programme = joint_programme_transition(
                joint_programme=programme, state=state, on=on, by=by, expected_version=programme.version
            )

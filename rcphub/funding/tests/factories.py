"""Builders for funding tests: a fund, contributions and joint programmes, written through the services."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from rcphub.accounts.models import Role
from rcphub.accounts.tests.factories import MembershipFactory, UserFactory
from rcphub.funding.models import Contribution, Fund, JointProgramme
from rcphub.funding.services import (
    contribution_create,
    fund_create,
    fund_thematic_area_create,
    joint_programme_create,
    joint_programme_transition,
)
from rcphub.reference.models import Country, Entity


def secretariat() -> Any:
    """Return a platform secretariat user (made once per test database)."""
    from rcphub.accounts.models import User

    user: Any = User.objects.filter(email="funding-secretariat@example.org").first()
    if user is None:
        user = UserFactory(email="funding-secretariat@example.org")
        MembershipFactory(
            user=user, entity=Entity.objects.get(acronym="UNECE"), role=Role.PLATFORM_SECRETARIAT
        )
    return user


# The areas every fund had before funds defined their own (code, English name); the tests' funds have them.
AREAS = (
    ("gender_equality", "Gender equality and human rights"),
    ("youth", "Youth and adolescents"),
    ("health", "Health and well-being"),
    ("social_protection", "Social protection"),
    ("migration", "Migration, displacement and resilience"),
    ("climate", "Environment and climate change"),
    ("data", "Data and statistics"),
    ("governance", "Governance and rule of law"),
    ("other", "Other"),
)


def build_fund(*, areas: tuple[tuple[str, str], ...] = AREAS, **fields: Any) -> Fund:
    """A public fund with a target of USD 150 million by the end of 2028, with the thematic areas given."""
    values: dict[str, Any] = {
        "name": "Regional SDG Partnership Fund",
        "acronym": "RSPF",
        "target_amount": Decimal("150000000"),
        "currency": "USD",
        "target_date": date(2028, 12, 31),
        "visibility": "public",
    }
    values.update(fields)
    fund = fund_create(by=secretariat(), **values)
    for code, name in areas:
        fund_thematic_area_create(fund=fund, code=code, name_en=name, by=secretariat())
    return fund


def contribute(
    fund: Fund, contributor: str, amount: str, on: date, *, kind: str = "pledged", currency: str | None = None
) -> Contribution:
    return contribution_create(
        fund=fund,
        contributor=Entity.objects.get(acronym=contributor),
        kind=kind,
        amount=Decimal(amount),
        currency=currency or fund.currency,
        contributed_on=on,
        by=secretariat(),
    )


def programme(
    fund: Fund,
    title: str,
    *,
    area: str = "health",
    budget: str = "1000000",
    submitted_on: date = date(2025, 1, 10),
    funded_on: date | None = None,
    closed_on: date | None = None,
    countries: tuple[str, ...] = ("KGZ",),
    entities: tuple[str, ...] = ("WHO", "UNICEF"),
    currency: str | None = None,
) -> JointProgramme:
    by = secretariat()
    jp = joint_programme_create(
        fund=fund,
        title=title,
        thematic_area=fund.thematic_areas.get(code=area),
        budget=Decimal(budget),
        currency=currency or fund.currency,
        submitted_on=submitted_on,
        countries=list(Country.objects.filter(iso3__in=countries)),
        entities=list(Entity.objects.filter(acronym__in=entities)),
        by=by,
    )
    if funded_on is not None:
        jp = joint_programme_transition(
            joint_programme=jp, state="funded", on=funded_on, by=by, expected_version=jp.version
        )
    if closed_on is not None:
        jp = joint_programme_transition(
            joint_programme=jp, state="closed", on=closed_on, by=by, expected_version=jp.version
        )
    return jp

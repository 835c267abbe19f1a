"""Demo fund: a regional multi-partner trust fund with 15 contributions and 10 joint programmes.

Written for the demo. Seeded by `manage.py seed_demo` after the work-plan, follow-up and meeting demos.
Idempotent: the fund is matched by acronym, contributions by contributor, kind, date and amount, joint
programmes by title; a second run creates nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction

from rcphub.accounts.models import User
from rcphub.funding.models import Contribution, Fund, JointProgramme, JointProgrammeState
from rcphub.funding.services import (
    contribution_create,
    fund_create,
    joint_programme_create,
    joint_programme_transition,
)
from rcphub.reference.models import Country, Entity

PLATFORM_USER = "platform@demo.rcphub.org"
FUND_ACRONYM = "ECA-SDG-MPTF"

FUND = {
    "name": "Europe and Central Asia SDG Partnership Fund",
    "acronym": FUND_ACRONYM,
    "description": (
        "A pooled fund of the Regional Collaborative Platform that finances joint programmes of UN "
        "Country Teams in the region's programme countries, prepared with the support of the issue-based "
        "coalitions. Member States contribute to the fund as a whole; a steering committee co-chaired by "
        "the Regional Collaborative Platform allocates to joint programmes that advance the 2030 Agenda "
        "and the Cooperation Frameworks."
    ),
    "target_amount": Decimal("150000000.00"),
    "currency": "USD",
    "target_date": date(2028, 12, 31),
    "visibility": "public",
}

# (contributor ISO alpha-3, kind, amount, currency, date, note)
CONTRIBUTIONS: tuple[tuple[str, str, str, str, date, str], ...] = (
    ("SWE", "pledged", "18000000", "USD", date(2024, 3, 14), "Multi-year agreement 2024–2027."),
    ("SWE", "deposited", "6000000", "USD", date(2024, 6, 28), "First tranche."),
    ("NOR", "pledged", "12000000", "USD", date(2024, 5, 6), "Signed at the regional SDG forum."),
    ("NOR", "deposited", "4000000", "USD", date(2024, 11, 20), ""),
    ("DEU", "pledged", "15000000", "USD", date(2024, 9, 2), "Earmarked at fund level only."),
    ("DNK", "pledged", "7500000", "USD", date(2025, 1, 21), ""),
    ("NLD", "pledged", "6000000", "USD", date(2025, 3, 10), ""),
    ("SWE", "deposited", "6000000", "USD", date(2025, 4, 2), "Second tranche."),
    ("FIN", "pledged", "3500000", "USD", date(2025, 6, 16), ""),
    ("IRL", "pledged", "2000000", "USD", date(2025, 9, 30), ""),
    ("DEU", "deposited", "7500000", "USD", date(2025, 10, 14), ""),
    ("CHE", "pledged", "5000000", "CHF", date(2025, 11, 5), "Contribution agreement in Swiss francs."),
    ("AUT", "pledged", "2500000", "EUR", date(2026, 2, 17), "Contribution agreement in euros."),
    ("LUX", "pledged", "1500000", "EUR", date(2026, 4, 22), "Contribution agreement in euros."),
    ("DNK", "deposited", "3750000", "USD", date(2026, 6, 9), ""),
)


@dataclass(frozen=True)
class ProgrammeSpec:
    title: str
    thematic_area: str
    countries: tuple[str, ...]
    entities: tuple[str, ...]
    budget: str
    submitted_on: date
    funded_on: date | None = None
    closed_on: date | None = None
    start_on: date | None = None
    end_on: date | None = None
    description: str = ""


PROGRAMMES: tuple[ProgrammeSpec, ...] = (
    ProgrammeSpec(
        "Ending violence against women and girls in the Western Balkans",
        "gender_equality",
        ("ALB", "BIH", "MNE", "MKD", "SRB", "XKX"),
        ("UN-Women", "UNFPA", "UNDP", "UNICEF"),
        "9500000",
        date(2024, 4, 15),
        funded_on=date(2024, 10, 1),
        start_on=date(2025, 1, 1),
        end_on=date(2027, 12, 31),
        description="Prevention, services for survivors and data on violence, with national gender machineries.",
    ),
    ProgrammeSpec(
        "Integrated social protection for families in Central Asia",
        "social_protection",
        ("KAZ", "KGZ", "TJK", "UZB"),
        ("UNICEF", "ILO", "WFP", "UNDP"),
        "12000000",
        date(2024, 6, 3),
        funded_on=date(2024, 12, 12),
        start_on=date(2025, 3, 1),
        end_on=date(2028, 2, 29),
        description="Shock-responsive cash transfers and a single registry, with ministries of labour.",
    ),
    ProgrammeSpec(
        "Youth employment and skills in the South Caucasus",
        "youth",
        ("ARM", "AZE", "GEO"),
        ("UNDP", "ILO", "UNICEF", "UNFPA"),
        "6800000",
        date(2024, 9, 9),
        funded_on=date(2025, 5, 20),
        start_on=date(2025, 7, 1),
        end_on=date(2027, 6, 30),
    ),
    ProgrammeSpec(
        "Primary health care and noncommunicable diseases in Central Asia",
        "health",
        ("KGZ", "TJK", "TKM", "UZB"),
        ("WHO", "UNICEF", "UNFPA"),
        "8200000",
        date(2024, 11, 4),
        funded_on=date(2025, 6, 30),
        start_on=date(2025, 9, 1),
        end_on=date(2028, 8, 31),
    ),
    ProgrammeSpec(
        "Climate-resilient agriculture in the Aral Sea basin",
        "climate",
        ("KAZ", "UZB", "TKM"),
        ("FAO", "UNDP", "UNEP", "UNECE"),
        "10500000",
        date(2025, 2, 10),
        funded_on=date(2025, 11, 18),
        start_on=date(2026, 1, 1),
        end_on=date(2028, 12, 31),
    ),
    ProgrammeSpec(
        "Safe and regular labour migration from Central Asia",
        "migration",
        ("KGZ", "TJK", "UZB"),
        ("IOM", "ILO", "UN-Women"),
        "5400000",
        date(2025, 4, 7),
        funded_on=date(2026, 3, 16),
        start_on=date(2026, 5, 1),
        end_on=date(2028, 4, 30),
        description="Pre-departure orientation, recognition of skills and protection of migrant workers (GCM objectives 6 and 18).",
    ),
    ProgrammeSpec(
        "Census and administrative data for leaving no one behind",
        "data",
        ("MDA", "UKR", "GEO", "ARM"),
        ("UNFPA", "UNECE", "UNICEF"),
        "4300000",
        date(2024, 5, 27),
        funded_on=date(2024, 9, 30),
        closed_on=date(2026, 6, 30),
        start_on=date(2024, 11, 1),
        end_on=date(2026, 6, 30),
    ),
    ProgrammeSpec(
        "Disability-inclusive social services in the Western Balkans",
        "social_protection",
        ("SRB", "MNE", "BIH"),
        ("UNICEF", "UNDP", "WHO"),
        "7100000",
        date(2025, 10, 6),
    ),
    ProgrammeSpec(
        "Adolescent mental health in schools",
        "health",
        ("MDA", "UKR", "TUR"),
        ("UNICEF", "WHO", "UNESCO"),
        "6000000",
        date(2026, 5, 11),
    ),
    ProgrammeSpec(
        "Energy-efficient public buildings in Belarus and the Republic of Moldova",
        "climate",
        ("BLR", "MDA"),
        ("UNDP", "UNECE"),
        "3900000",
        date(2024, 7, 22),
        closed_on=date(2025, 8, 29),
        description="Dropped from the pipeline: co-financing could not be confirmed.",
    ),
)


def funding_demo_seed(*, progress: Callable[[str], None] = lambda line: None) -> dict[str, int]:
    """Create the demo fund, its contributions and its joint programmes that are missing; return what was created."""
    created = {"funds": 0, "contributions": 0, "joint programmes": 0}
    by = User.objects.get(email=PLATFORM_USER)
    entities = {e.acronym: e for e in Entity.objects.all()}
    countries = {c.iso3: c for c in Country.objects.all()}
    with transaction.atomic():
        fund = Fund.objects.filter(acronym=FUND_ACRONYM).first()
        if fund is None:
            fund = fund_create(by=by, managed_by=entities.get("UNDP"), **FUND)
            created["funds"] += 1
        recorded = set(
            Contribution.objects.filter(fund=fund).values_list(
                "contributor__acronym", "kind", "contributed_on", "amount"
            )
        )
        for acronym, kind, amount, currency, on, note in CONTRIBUTIONS:
            if (acronym, kind, on, Decimal(amount)) in recorded:
                continue
            contribution_create(
                fund=fund,
                contributor=entities[acronym],
                kind=kind,
                amount=Decimal(amount),
                currency=currency,
                contributed_on=on,
                note=note,
                by=by,
            )
            created["contributions"] += 1
        progress(f"funding: {fund.acronym}, {len(CONTRIBUTIONS)} contributions")
        titles = set(JointProgramme.objects.filter(fund=fund).values_list("title", flat=True))
        for spec in PROGRAMMES:
            if spec.title in titles:
                continue
            programme = joint_programme_create(
                fund=fund,
                countries=[countries[code] for code in spec.countries if code in countries],
                entities=[entities[a] for a in spec.entities if a in entities],
                title=spec.title,
                thematic_area=spec.thematic_area,
                description=spec.description,
                budget=Decimal(spec.budget),
                currency=fund.currency,
                submitted_on=spec.submitted_on,
                start_on=spec.start_on,
                end_on=spec.end_on,
                by=by,
            )
            if spec.funded_on is not None:
                programme = joint_programme_transition(
                    joint_programme=programme,
                    state=JointProgrammeState.FUNDED,
                    on=spec.funded_on,
                    by=by,
                    expected_version=programme.version,
                )
            if spec.closed_on is not None:
                joint_programme_transition(
                    joint_programme=programme,
                    state=JointProgrammeState.CLOSED,
                    on=spec.closed_on,
                    by=by,
                    expected_version=programme.version,
                )
            created["joint programmes"] += 1
        progress(f"funding: {len(PROGRAMMES)} joint programmes")
    return created

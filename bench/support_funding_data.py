"""Calendar events and a fund with contributions and joint programmes, for the benchmark."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from bench.writing import TOPICS, bulk, link, text


def generate_events(
    rng: random.Random, events: int, coalitions: list[Any], countries: list[Any], un: list[Any]
) -> dict[str, int]:
    from rcphub.events.models import Event

    kinds = ["training", "workshop", "briefing", "consultation", "meeting"]
    rows, meta = [], []
    for n in range(events):
        starts = datetime(2025, 1, 6, 8, tzinfo=UTC) + timedelta(
            days=rng.randint(0, 1090), hours=rng.randint(0, 9)
        )
        online = rng.random() < 0.4
        country = rng.choice(countries)
        rows.append(
            Event(
                title=f"{kinds[n % 5].capitalize()} on {rng.choice(TOPICS)} ({n})",
                kind=kinds[n % 5],
                coalition=rng.choice(coalitions) if rng.random() < 0.8 else None,
                description=text(rng, n, country.name_en, rng.choice(TOPICS), 2),
                starts_at=starts,
                ends_at=starts + timedelta(hours=rng.choice([2, 3, 8, 32])),
                online=online,
                place="" if online else f"UN House, {country.name_en}",
                facilitators="Benchmark facilitator",
                visibility="internal" if n % 6 == 0 else "public",
            )
        )
        meta.append((country, rng.choice(un)))
    rows = bulk(Event, rows)
    link(Event.countries, ((e.pk, m[0].pk) for e, m in zip(rows, meta, strict=True)))
    link(Event.organisers, ((e.pk, m[1].pk) for e, m in zip(rows, meta, strict=True)))
    return {"events": len(rows)}


def generate_fund(
    rng: random.Random,
    contributions: int,
    programmes: int,
    states: list[Any],
    un: list[Any],
    countries: list[Any],
) -> dict[str, int]:
    from rcphub.funding.models import Contribution, Fund, FundThematicArea, JointProgramme

    fund = Fund.objects.create(
        name="Benchmark multi-partner trust fund for migration",
        acronym="BENCH-MPTF",
        target_amount=Decimal("250000000"),
        currency="USD",
        target_date=date(2027, 12, 31),
        managed_by=next((e for e in un if e.acronym == "UNDP"), un[0]),
    )
    contributors = rng.sample(states, min(40, len(states)))
    bulk(
        Contribution,
        (
            Contribution(
                fund=fund,
                contributor=rng.choice(contributors),
                kind="pledged" if n % 2 == 0 else "deposited",
                amount=Decimal(rng.randint(50, 5_000) * 1_000),
                currency="EUR" if n % 10 == 0 else "USD",
                contributed_on=date(2022, 1, 1) + timedelta(days=rng.randint(0, 1760)),
            )
            for n in range(contributions)
        ),
    )
    codes = [
        "gender_equality",
        "youth",
        "health",
        "social_protection",
        "migration",
        "climate",
        "data",
        "governance",
    ]
    areas = [
        FundThematicArea.objects.create(
            fund=fund, code=code, name_en=code.replace("_", " ").capitalize(), position=n
        )
        for n, code in enumerate(codes, start=1)
    ]
    rows, meta = [], []
    for n in range(programmes):
        submitted = date(2022, 3, 1) + timedelta(days=rng.randint(0, 1300))
        state = ["pipeline", "funded", "funded", "closed"][n % 4]
        funded = submitted + timedelta(days=90) if state != "pipeline" else None
        rows.append(
            JointProgramme(
                fund=fund,
                title=f"Joint programme on {rng.choice(TOPICS)} ({n})",
                thematic_area=areas[n % 8],
                budget=Decimal(rng.randint(500, 9_000) * 1_000),
                currency="USD",
                state=state,
                submitted_on=submitted,
                funded_on=funded,
                closed_on=funded + timedelta(days=700) if state == "closed" and funded else None,
                start_on=funded,
                end_on=funded + timedelta(days=730) if funded else None,
            )
        )
        meta.append((rng.sample(countries, 2), rng.sample(un, 3)))
    rows = bulk(JointProgramme, rows)
    link(JointProgramme.countries, ((j.pk, c.pk) for j, m in zip(rows, meta, strict=True) for c in m[0]))
    link(JointProgramme.entities, ((j.pk, e.pk) for j, m in zip(rows, meta, strict=True) for e in m[1]))
    return {"contributions": contributions, "joint programmes": len(rows)}

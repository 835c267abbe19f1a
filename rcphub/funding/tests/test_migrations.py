"""Making thematic areas data of each fund keeps every joint programme's area and its history.

The test migrates the test database back to before the change, writes funds and joint programmes with
the models of that time, migrates forward and reads them with today's models, then migrates back and
finds the codes again; the database ends at the latest migrations whatever happens.
"""

from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone, translation

from rcphub.funding.models import Fund, JointProgramme

pytestmark = [pytest.mark.serial, pytest.mark.django_db(transaction=True)]

BEFORE = [("funding", "0001_initial")]
FORMER_CODES = [
    "gender_equality",
    "youth",
    "health",
    "social_protection",
    "migration",
    "climate",
    "data",
    "governance",
    "other",
]


def _migrate(targets: list[Any]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)  # a new one reads what is applied now
    executor.migrate(targets)
    return MigrationExecutor(connection)


def _write_funds(apps: Any) -> dict[str, int]:
    """Write two funds, each with a programme, and a history record of one programme; return their ids."""
    fund_model = apps.get_model("funding", "Fund")
    programme_model = apps.get_model("funding", "JointProgramme")
    history_model = apps.get_model("funding", "HistoricalJointProgramme")
    ids = {}
    for acronym, title, code in (("SDG", "Census data", "data"), ("MIG", "Safe pathways", "migration")):
        fund = fund_model.objects.create(
            name=f"{acronym} fund",
            acronym=acronym,
            target_amount=1_000_000,
            currency="USD",
            target_date=date(2027, 12, 31),
        )
        fields = {
            "title": title,
            "thematic_area": code,
            "budget": 200_000,
            "currency": "USD",
            "state": "pipeline",
            "submitted_on": date(2025, 1, 1),
        }
        jp = programme_model.objects.create(fund=fund, **fields)
        history_model.objects.create(
            id=jp.pk,
            fund_id=fund.pk,
            created_at=jp.created_at,
            updated_at=jp.updated_at,
            version=1,
            history_date=timezone.now(),
            history_type="+",
            **fields,
        )
        ids[acronym] = jp.pk
    return ids


def test_each_fund_gets_the_former_areas_and_programmes_keep_theirs_both_ways():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        executor = _migrate(BEFORE)
        ids = _write_funds(executor.loader.project_state(BEFORE).apps)

        _migrate(latest)

        for fund in Fund.objects.filter(acronym__in=["SDG", "MIG"]):
            areas = list(fund.thematic_areas.all())
            assert [a.code for a in areas] == FORMER_CODES
            assert [a.position for a in areas] == list(range(1, 10))
            assert all(a.name_en and a.name_fr and a.name_ru for a in areas)
            assert [h.history_type for h in areas[0].history.all()] == ["+"]
        census, pathways = (
            JointProgramme.objects.get(pk=ids["SDG"]),
            JointProgramme.objects.get(pk=ids["MIG"]),
        )
        assert (census.thematic_area.code, census.thematic_area.fund.acronym) == ("data", "SDG")
        assert (pathways.thematic_area.code, pathways.thematic_area.fund.acronym) == ("migration", "MIG")
        assert pathways.thematic_area.name_en == "Migration, displacement and resilience"
        with translation.override("fr"):
            assert pathways.thematic_area.name == "Migrations, déplacements et résilience"
        (record,) = pathways.history.all()
        assert record.thematic_area_id == pathways.thematic_area_id

        executor = _migrate(BEFORE)

        old = executor.loader.project_state(BEFORE).apps
        programme_model = old.get_model("funding", "JointProgramme")
        history_model = old.get_model("funding", "HistoricalJointProgramme")
        assert programme_model.objects.get(pk=ids["SDG"]).thematic_area == "data"
        assert programme_model.objects.get(pk=ids["MIG"]).thematic_area == "migration"
        assert history_model.objects.get(id=ids["MIG"]).thematic_area == "migration"
    finally:
        _migrate(latest)

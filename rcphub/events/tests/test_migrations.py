"""Moving the calendar out of `support` keeps a database's events, their countries, their history and
their content type.

The test migrates the test database back to before the move, writes an event with the models of that
time, migrates forward again and reads the event with today's models; the database ends at the latest
migrations whatever happens.
"""

from datetime import UTC, datetime
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from rcphub.events.models import Event

pytestmark = [pytest.mark.serial, pytest.mark.django_db(transaction=True)]

# The state of a database migrated on main before the calendar had its own app.
BEFORE_THE_MOVE = [("support", "0001_initial"), ("events", None)]


def _migrate(targets: list[Any]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)  # a new one reads what is applied now
    executor.migrate(targets)
    return MigrationExecutor(connection)


def test_moving_the_calendar_keeps_events_their_countries_and_history():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        executor = _migrate(BEFORE_THE_MOVE)
        old = executor.loader.project_state([("support", "0001_initial")]).apps
        old_event = old.get_model("support", "Event")
        old_history = old.get_model("support", "HistoricalEvent")
        old_history_countries = old.get_model("support", "HistoricalEvent_countries")
        georgia = old.get_model("reference", "Country").objects.get(iso3="GEO")
        starts_at = datetime(2026, 5, 12, 7, tzinfo=UTC)
        fields = {
            "title": "Training on disability-inclusive Cooperation Frameworks",
            "kind": "training",
            "starts_at": starts_at,
            "ends_at": starts_at.replace(hour=15),
            "place": "Tbilisi, UN House",
            "visibility": "public",
        }
        event = old_event.objects.create(**fields)
        event.countries.add(georgia)
        history = old_history.objects.create(
            id=event.pk,
            created_at=event.created_at,
            updated_at=event.updated_at,
            version=1,
            history_date=event.created_at,
            history_type="+",
            **fields,
        )
        link = old_event.countries.through.objects.get(event_id=event.pk)
        old_history_countries.objects.create(
            id=link.pk, history=history, event_id=event.pk, country_id=georgia.pk
        )
        content_type = ContentType.objects.get(app_label="support", model="event")

        _migrate(latest)

        moved = Event.objects.get(pk=event.pk)
        assert (moved.title, moved.place, moved.starts_at) == (fields["title"], fields["place"], starts_at)
        assert [country.iso3 for country in moved.countries.all()] == ["GEO"]
        (record,) = moved.history.all()
        assert (record.history_id, record.history_type, record.title) == (history.pk, "+", fields["title"])
        assert [row.country_id for row in record.countries.all()] == [georgia.pk]
        ContentType.objects.clear_cache()
        assert ContentType.objects.get_for_model(Event).pk == content_type.pk
        assert not ContentType.objects.filter(app_label="support", model="event").exists()
    finally:
        _migrate(latest)

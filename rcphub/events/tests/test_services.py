"""Writes on the calendar: who may, what is refused (with nothing written), concurrent edits."""

from datetime import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from rcphub.core.errors import ConflictError
from rcphub.events.models import Event
from rcphub.events.services import event_create, event_delete, event_update
from rcphub.events.tests.builders import at, make_event, make_request
from rcphub.reference.models import Country, Entity

pytestmark = pytest.mark.django_db


def _values(**overrides):
    values = {
        "title": "Workshop on shock-responsive social protection",
        "kind": "workshop",
        "description": "Cash transfers that scale up after floods and earthquakes.",
        "starts_at": at(2026, 4, 14, 9),
        "ends_at": at(2026, 4, 15, 17),
        "online": False,
        "place": "Tbilisi, UN House",
        "link": "",
        "facilitators": "Levan Kapanadze",
        "visibility": "public",
    }
    values.update(overrides)
    return values


def _nothing_written():
    return Event.objects.count() == 0 and Event.history.count() == 0


def test_coalition_secretariat_puts_an_event_of_its_coalition_on_the_calendar(
    coalition, coalition_secretariat
):
    event = event_create(
        coalition=coalition,
        countries=Country.objects.filter(iso3__in=["GEO", "ARM"]),
        organisers=Entity.objects.filter(acronym__in=["WHO"]),
        by=coalition_secretariat,
        **_values(),
    )
    event.refresh_from_db()
    assert event.coalition == coalition
    assert sorted(event.countries.values_list("iso3", flat=True)) == ["ARM", "GEO"]
    assert list(event.organisers.values_list("acronym", flat=True)) == ["WHO"]
    assert event.history.first().history_user == coalition_secretariat


def test_an_event_ending_before_it_starts_is_refused_naming_ends_at(coalition, coalition_secretariat):
    with pytest.raises(ValidationError) as error:
        event_create(coalition=coalition, by=coalition_secretariat, **_values(ends_at=at(2026, 4, 14, 8, 59)))
    assert set(error.value.message_dict) == {"ends_at"}
    assert _nothing_written()


def test_an_event_neither_online_nor_in_a_place_is_refused_naming_place(coalition, coalition_secretariat):
    with pytest.raises(ValidationError) as error:
        event_create(coalition=coalition, by=coalition_secretariat, **_values(place="   ", online=False))
    assert set(error.value.message_dict) == {"place"}
    assert _nothing_written()


def test_every_broken_rule_is_named_at_once(coalition, coalition_secretariat):
    with pytest.raises(ValidationError) as error:
        event_create(
            coalition=coalition,
            by=coalition_secretariat,
            **_values(place="", ends_at=at(2026, 4, 13, 9)),
        )
    assert set(error.value.message_dict) == {"ends_at", "place"}
    assert _nothing_written()


def test_an_online_event_needs_no_place(coalition, coalition_secretariat):
    event = event_create(coalition=coalition, by=coalition_secretariat, **_values(place="", online=True))
    assert event.online and event.place == ""


def test_an_event_may_start_and_end_at_the_same_moment(coalition, coalition_secretariat):
    moment = at(2026, 4, 14, 9)
    event = event_create(
        coalition=coalition, by=coalition_secretariat, **_values(starts_at=moment, ends_at=moment)
    )
    assert event.ends_at == event.starts_at


def test_a_time_without_its_zone_is_the_sites_local_time(coalition, coalition_secretariat):
    event = event_create(
        coalition=coalition,
        by=coalition_secretariat,
        **_values(starts_at=datetime(2026, 7, 1, 9), ends_at=datetime(2026, 7, 1, 17)),
    )
    event.refresh_from_db()
    assert event.starts_at == at(2026, 7, 1, 9)  # 07:00 UTC in Geneva's summer time


def test_an_event_answers_only_a_request_addressed_to_its_own_coalition(
    coalition, other_coalition, platform_secretariat, member
):
    theirs = make_request(coalition=other_coalition, requester=member)
    with pytest.raises(ValidationError) as error:
        event_create(coalition=coalition, support_request=theirs, by=platform_secretariat, **_values())
    assert set(error.value.message_dict) == {"support_request"}
    assert _nothing_written()
    ours = make_request(coalition=coalition, requester=member)
    event = event_create(coalition=coalition, support_request=ours, by=platform_secretariat, **_values())
    assert event.support_request == ours


def test_a_platform_wide_event_answers_only_an_unaddressed_request(coalition, platform_secretariat, member):
    addressed = make_request(coalition=coalition, requester=member)
    with pytest.raises(ValidationError) as error:
        event_create(coalition=None, support_request=addressed, by=platform_secretariat, **_values())
    assert set(error.value.message_dict) == {"support_request"}
    routed = make_request(coalition=None, requester=member)
    assert event_create(coalition=None, support_request=routed, by=platform_secretariat, **_values()).pk


@pytest.mark.parametrize("role", ["member", "focal_point", "outsider"])
def test_only_secretariats_put_events_on_the_calendar(request, coalition, role):
    with pytest.raises(PermissionDenied):
        event_create(coalition=coalition, by=request.getfixturevalue(role), **_values())
    assert _nothing_written()


def test_coalition_secretariat_may_not_create_platform_wide_or_other_coalitions_events(
    coalition, other_coalition, coalition_secretariat
):
    for target in (None, other_coalition):
        with pytest.raises(PermissionDenied):
            event_create(coalition=target, by=coalition_secretariat, **_values())
    assert _nothing_written()


def test_update_keeps_the_history_and_refuses_a_stale_version(coalition, coalition_secretariat):
    event = event_create(coalition=coalition, by=coalition_secretariat, **_values())
    read = event.version
    event_update(
        event=event,
        by=coalition_secretariat,
        expected_version=read,
        countries=Country.objects.filter(iso3="GEO"),
        title="Workshop on adaptive social protection",
    )
    stale = Event.objects.get(pk=event.pk)
    with pytest.raises(ConflictError):
        event_update(event=stale, by=coalition_secretariat, expected_version=read, title="Overwritten")
    event.refresh_from_db()
    assert event.title == "Workshop on adaptive social protection"
    assert event.version == read + 1
    assert event.history.filter(title="Overwritten").count() == 0


def test_update_with_bad_dates_writes_nothing(coalition, coalition_secretariat):
    event = make_event(coalition=coalition)
    records = event.history.count()
    with pytest.raises(ValidationError) as error:
        event_update(event=event, by=coalition_secretariat, expected_version=1, ends_at=at(2026, 1, 1))
    assert set(error.value.message_dict) == {"ends_at"}
    event.refresh_from_db()
    assert event.ends_at == at(2026, 5, 12, 17) and event.version == 1 and event.history.count() == records


def test_moving_an_event_to_another_coalition_needs_its_secretariat(
    coalition, other_coalition, coalition_secretariat, platform_secretariat
):
    event = make_event(coalition=coalition)
    with pytest.raises(PermissionDenied):
        event_update(event=event, by=coalition_secretariat, expected_version=1, coalition=other_coalition)
    event_update(event=event, by=platform_secretariat, expected_version=1, coalition=other_coalition)
    assert Event.objects.get(pk=event.pk).coalition == other_coalition


def test_delete_by_secretariat_keeps_the_history(coalition, coalition_secretariat, member):
    event = make_event(coalition=coalition)
    with pytest.raises(PermissionDenied):
        event_delete(event=event, by=member)
    event_delete(event=event, by=coalition_secretariat)
    assert not Event.objects.exists()
    assert Event.history.filter(history_type="-", history_user=coalition_secretariat).count() == 1

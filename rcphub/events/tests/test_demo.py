"""The demo calendar: thirty events over 2026, seeded once."""

import pytest

from rcphub.events.demo import event_specs, events_demo_seed
from rcphub.events.models import Event
from rcphub.workplans.demo import demo_seed

pytestmark = pytest.mark.django_db


def test_demo_puts_thirty_events_of_2026_on_the_calendar_once():
    demo_seed(progress=lambda line: None)
    assert events_demo_seed(progress=lambda line: None) == {"events": 30}
    events = Event.objects.all()
    assert events.count() == len(event_specs()) == 30
    assert {event.starts_at.year for event in events} == {2026}
    assert set(events.values_list("kind", flat=True)) == {
        "training",
        "workshop",
        "briefing",
        "consultation",
        "meeting",
    }
    assert events.filter(coalition__isnull=True).count() == 5
    assert events.filter(visibility="internal").count() == 2
    assert events.filter(online=True).exists() and events.exclude(place="").exists()
    assert all(event.ends_at >= event.starts_at for event in events)
    assert not Event.history.filter(history_user__isnull=True).exists()
    assert events_demo_seed(progress=lambda line: None) == {"events": 0}
    assert Event.objects.count() == 30

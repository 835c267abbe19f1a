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
    # The workshops and trainings for UN Country Teams name the teams they served.
    served = events.filter(unct_countries__isnull=False).distinct()
    assert served.count() == 6
    assert set(served.values_list("kind", flat=True)) == {"training", "workshop"}
    for event in served:
        assert set(event.unct_countries.all()) <= set(event.countries.all()), event
    assert events_demo_seed(progress=lambda line: None) == {"events": 0}
    assert Event.objects.count() == 30
    # A calendar seeded before events named their teams gains them, once, without new events.
    workshop = served.get(title="Youth, peace and security workshop")
    workshop.unct_countries.clear()
    assert events_demo_seed(progress=lambda line: None) == {"events": 0}
    assert sorted(workshop.unct_countries.values_list("iso3", flat=True)) == ["BIH", "MNE", "SRB"]
    assert Event.objects.get(pk=workshop.pk).version == 2

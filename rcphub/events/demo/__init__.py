"""Demo calendar: thirty trainings, workshops, briefings, consultations and meetings over 2026.

Written for the demo. Seeded by `manage.py seed_demo` after the work-plan demo (coalitions, entities
and demo users must exist). Idempotent: an event is matched by its title and its start.
Times are the local times of the place (Geneva time for online events).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction

from rcphub.accounts.models import User
from rcphub.coalitions.models import Coalition
from rcphub.events.models import Event
from rcphub.events.services import event_create
from rcphub.reference.models import Country, Entity
from rcphub.workplans.demo import content

PLATFORM_USER = content.PLATFORM_USER

ZONES = {
    "Almaty": "Asia/Almaty",
    "Ankara": "Europe/Istanbul",
    "Baku": "Asia/Baku",
    "Belgrade": "Europe/Belgrade",
    "Bishkek": "Asia/Bishkek",
    "Chisinau": "Europe/Chisinau",
    "Dushanbe": "Asia/Dushanbe",
    "Geneva": "Europe/Zurich",
    "Istanbul": "Europe/Istanbul",
    "Podgorica": "Europe/Podgorica",
    "Sarajevo": "Europe/Sarajevo",
    "Skopje": "Europe/Skopje",
    "Tashkent": "Asia/Tashkent",
    "Tbilisi": "Asia/Tbilisi",
    "Tirana": "Europe/Tirane",
    "Yerevan": "Asia/Yerevan",
}


@dataclass(frozen=True)
class EventSpec:
    title: str
    kind: str
    coalition: str | None  # slug; None for a platform-wide event
    day: date
    start: time
    end: time
    place: str = ""  # city first, as in ZONES; empty for online only
    online: bool = False
    days: int = 1
    countries: tuple[str, ...] = ()  # ISO alpha-3
    organisers: tuple[str, ...] = ()
    facilitators: str = ""
    description: str = ""
    internal: bool = False

    def zone(self) -> ZoneInfo:
        city = self.place.split(",")[0].strip()
        return ZoneInfo(ZONES.get(city, "Europe/Zurich"))

    def starts_at(self) -> datetime:
        return datetime.combine(self.day, self.start, tzinfo=self.zone())

    def ends_at(self) -> datetime:
        return datetime.combine(self.day + timedelta(days=self.days - 1), self.end, tzinfo=self.zone())


H = time  # short for the hours below

EVENTS: tuple[EventSpec, ...] = (
    EventSpec(
        "Briefing for new Resident Coordinators on the regional coalitions",
        "briefing",
        None,
        date(2026, 1, 20),
        H(14),
        H(15, 30),
        online=True,
        organisers=("UNECE", "UNDP"),
        facilitators="Platform secretariat",
        description="What the issue-based coalitions offer UN Country Teams, how to ask for support and whom to call.",
    ),
    EventSpec(
        "Training on gender equality markers in Cooperation Frameworks",
        "training",
        "gender",
        date(2026, 2, 3),
        H(9),
        H(17),
        place="Istanbul, UN Women Regional Office",
        days=2,
        countries=("TUR", "AZE", "GEO", "ARM"),
        organisers=("UN-Women",),
        facilitators="Aylin Demir, Nino Beridze",
        description="Hands-on sessions for UNCT gender theme groups on applying the gender equality marker to joint work plans.",
    ),
    EventSpec(
        "Consultation on social protection floors in Central Asia",
        "consultation",
        "social-protection",
        date(2026, 2, 17),
        H(10),
        H(16),
        place="Almaty, UN House",
        countries=("KAZ", "KGZ", "TJK", "UZB", "TKM"),
        organisers=("ILO", "UNICEF"),
        facilitators="Marat Seitkali",
        description="Ministries of labour and social protection, workers' and employers' organisations compare options for extending coverage to informal workers.",
    ),
    EventSpec(
        "Webinar: mental health and psychosocial support in primary care",
        "training",
        "health",
        date(2026, 2, 26),
        H(13),
        H(15),
        online=True,
        countries=("UKR", "MDA"),
        organisers=("WHO",),
        facilitators="Dr Olena Kovalenko",
        description="For UNCT health focal points: integrating mental health services in primary health care after displacement.",
    ),
    EventSpec(
        "Workshop on GCM implementation plans for national migration networks",
        "workshop",
        "migration-network",
        date(2026, 3, 10),
        H(9),
        H(17),
        place="Chisinau, UN House",
        days=2,
        countries=("MDA", "UKR", "GEO", "ARM"),
        organisers=("IOM", "ILO"),
        facilitators="Ana Ciobanu, Giorgi Tsiklauri",
        description="Country networks on migration draft the actions for GCM objectives 5 and 6 in their national implementation plans.",
    ),
    EventSpec(
        "Coalition meeting: first-quarter review of the joint work plan",
        "meeting",
        "health",
        date(2026, 3, 19),
        H(14),
        H(16),
        online=True,
        organisers=("WHO", "UNICEF"),
        description="Members review progress on the 2026 outputs and agree who reports for the mid-year round.",
        internal=True,
    ),
    EventSpec(
        "Youth consultation on the regional SDG progress report",
        "consultation",
        "youth",
        date(2026, 3, 24),
        H(10),
        H(13),
        place="Tbilisi, UN House",
        online=True,
        countries=("GEO", "ARM", "AZE"),
        organisers=("UNFPA", "UNICEF"),
        facilitators="Youth advisory board of the coalition",
        description="Young people from the South Caucasus comment on the draft chapters on education, work and participation.",
    ),
    EventSpec(
        "Regional Forum on Sustainable Development: side event on leaving no one behind",
        "briefing",
        None,
        date(2026, 3, 31),
        H(13, 15),
        H(14, 45),
        place="Geneva, Palais des Nations",
        online=True,
        organisers=("UNECE", "UNDP", "UNFPA"),
        description="Coalitions present how UN Country Teams identify those left behind in their Common Country Analyses.",
    ),
    EventSpec(
        "Training of trainers on shock-responsive social protection",
        "training",
        "social-protection",
        date(2026, 4, 14),
        H(9),
        H(17),
        place="Tbilisi, Radisson Blu Iveria",
        days=3,
        countries=("GEO", "ARM", "AZE", "UKR"),
        organisers=("WFP", "UNICEF", "ILO"),
        facilitators="Levan Kapanadze, Irina Petrenko",
        description="How cash transfer systems can scale up after floods, earthquakes and displacement; case studies from the region.",
    ),
    EventSpec(
        "Workshop on climate-resilient health systems",
        "workshop",
        "health",
        date(2026, 4, 22),
        H(9),
        H(17),
        place="Almaty, UN House",
        days=2,
        countries=("KAZ", "KGZ", "UZB"),
        organisers=("WHO", "UNEP"),
        facilitators="Dr Aigerim Nurlanova",
        description="Heat-health action plans and vulnerability assessments for Ministries of Health.",
    ),
    EventSpec(
        "Briefing on the human rights mechanisms' recommendations for UNCTs",
        "briefing",
        "gender",
        date(2026, 4, 29),
        H(11),
        H(12, 30),
        online=True,
        countries=("ALB", "BIH", "MNE", "MKD", "SRB"),
        organisers=("OHCHR",),
        facilitators="OHCHR Regional Office for Europe",
        description="Using the Universal Periodic Review recommendations in Common Country Analyses of the Western Balkans.",
    ),
    EventSpec(
        "Consultation on durable solutions for internally displaced people",
        "consultation",
        "large-movements",
        date(2026, 5, 6),
        H(10),
        H(17),
        place="Chisinau, Ministry of Labour and Social Protection",
        countries=("MDA", "UKR"),
        organisers=("UNHCR", "IOM", "UNDP"),
        facilitators="Elena Rusu",
        description="Authorities, local governments and humanitarian partners on housing, documents and access to services.",
    ),
    EventSpec(
        "Data workshop: disaggregating SDG indicators by migratory status",
        "workshop",
        "migration-network",
        date(2026, 5, 12),
        H(9, 30),
        H(17),
        place="Geneva, Palais des Nations",
        days=2,
        countries=("ALB", "KGZ", "TJK", "MDA"),
        organisers=("UNECE", "IOM"),
        facilitators="UNECE Statistical Division",
        description="National statistical offices and UNCT data groups work through census and survey sources.",
    ),
    EventSpec(
        "Regional UN System Meeting, May 2026",
        "meeting",
        None,
        date(2026, 5, 27),
        H(9),
        H(17),
        place="Istanbul, UNDP Istanbul Regional Hub",
        online=True,
        organisers=("UNECE", "UNDP"),
        description="Regional directors review the platform's results and agree its priorities for the next Cooperation Frameworks.",
    ),
    EventSpec(
        "Training on adolescent-friendly health services",
        "training",
        "youth",
        date(2026, 6, 2),
        H(9),
        H(16),
        place="Dushanbe, UN House",
        days=2,
        countries=("TJK", "UZB"),
        organisers=("UNFPA", "WHO"),
        facilitators="Dr Zarina Rahimova",
        description="Standards for adolescent-friendly services in primary care, for health managers and UNCT focal points.",
    ),
    EventSpec(
        "Briefing on early warning for all in Central Asia",
        "briefing",
        "climate",
        date(2026, 6, 10),
        H(10),
        H(11, 30),
        online=True,
        countries=("KAZ", "KGZ", "TJK", "TKM", "UZB"),
        organisers=("UNDRR", "WMO"),
        facilitators="UNDRR Regional Office for Europe and Central Asia",
        description="Where the region stands on multi-hazard early warning, and how UNCTs can support national plans.",
    ),
    EventSpec(
        "Workshop on care economy and women's economic empowerment",
        "workshop",
        "gender",
        date(2026, 6, 16),
        H(9),
        H(17),
        place="Skopje, UN House",
        days=2,
        countries=("MKD", "ALB", "SRB", "MNE"),
        organisers=("UN-Women", "ILO"),
        facilitators="Marija Stojanovska, Besa Hoxha",
        description="Costing childcare and long-term care services; options for public investment.",
    ),
    EventSpec(
        "Mid-year coordination call of coalition secretariats",
        "meeting",
        None,
        date(2026, 6, 25),
        H(15),
        H(16, 30),
        online=True,
        organisers=("UNECE",),
        description="Secretariats compare mid-year progress, pending support requests and joint events for the second half.",
        internal=True,
    ),
    EventSpec(
        "Consultation on the regional review of the Global Compact for Migration",
        "consultation",
        "migration-network",
        date(2026, 7, 7),
        H(9, 30),
        H(17, 30),
        place="Geneva, Palais des Nations",
        online=True,
        days=2,
        organisers=("IOM", "UNECE", "OHCHR"),
        description="Member States, civil society and UN entities prepare the regional input to the International Migration Review Forum.",
    ),
    EventSpec(
        "Training on just transition in coal regions",
        "training",
        "climate",
        date(2026, 7, 14),
        H(9),
        H(17),
        place="Belgrade, UN House",
        days=2,
        countries=("SRB", "BIH", "MKD"),
        organisers=("UNDP", "ILO", "UNECE"),
        facilitators="Dragan Petrović",
        description="Labour market measures and social dialogue for workers and communities in regions moving away from coal.",
    ),
    EventSpec(
        "Briefing for UNCTs on health emergency preparedness",
        "briefing",
        "health",
        date(2026, 9, 8),
        H(10),
        H(11, 30),
        online=True,
        countries=("ARM", "AZE", "GEO", "UKR"),
        organisers=("WHO",),
        description="Lessons from recent outbreaks and the UNCT's role in supporting national preparedness plans.",
    ),
    EventSpec(
        "Workshop on disability-inclusive social protection",
        "workshop",
        "social-protection",
        date(2026, 9, 15),
        H(9),
        H(17),
        place="Yerevan, UN House",
        days=2,
        countries=("ARM", "GEO", "MDA"),
        organisers=("UNICEF", "ILO", "WHO"),
        facilitators="Anahit Grigoryan",
        description="Disability assessment, disability benefits and the cost of living with a disability.",
    ),
    EventSpec(
        "Youth, peace and security workshop",
        "workshop",
        "youth",
        date(2026, 9, 22),
        H(9),
        H(17),
        place="Sarajevo, UN House",
        days=2,
        countries=("BIH", "SRB", "MNE"),
        organisers=("UNDP", "UNFPA"),
        facilitators="Amra Hodžić",
        description="Young peacebuilders and UNCTs plan joint initiatives against hate speech and for dialogue.",
    ),
    EventSpec(
        "Consultation on gender-based violence services in emergencies",
        "consultation",
        "gender",
        date(2026, 10, 6),
        H(10),
        H(16),
        place="Chisinau, UN House",
        online=True,
        countries=("MDA", "UKR"),
        organisers=("UNFPA", "UN-Women"),
        facilitators="Natalia Popescu",
        description="Service providers and authorities on keeping survivors' services running for refugees and host communities.",
    ),
    EventSpec(
        "Training on inclusion of refugees in national systems",
        "training",
        "large-movements",
        date(2026, 10, 13),
        H(9),
        H(17),
        place="Ankara, UN House",
        days=2,
        countries=("TUR",),
        organisers=("UNHCR", "UNICEF", "ILO"),
        facilitators="Mehmet Yılmaz",
        description="Access of refugees to education, health and decent work through national services.",
    ),
    EventSpec(
        "Coalition meeting: planning the 2027 joint work plan",
        "meeting",
        "climate",
        date(2026, 10, 21),
        H(14),
        H(17),
        online=True,
        organisers=("UNEP", "UNECE"),
        description="Members propose results and activities for 2027, in line with the Cooperation Frameworks starting that year.",
    ),
    EventSpec(
        "Workshop on circular economy roadmaps",
        "workshop",
        "climate",
        date(2026, 11, 3),
        H(9),
        H(17),
        place="Tashkent, UN House",
        days=2,
        countries=("UZB", "KAZ", "KGZ"),
        organisers=("UNECE", "UNEP", "UNIDO"),
        facilitators="Dilnoza Karimova",
        description="Governments and UNCTs draft the first steps of national circular economy roadmaps.",
    ),
    EventSpec(
        "Briefing on the Common Country Analysis companion piece on migration",
        "briefing",
        "migration-network",
        date(2026, 11, 18),
        H(11),
        H(12),
        online=True,
        organisers=("IOM",),
        description="How to cover migration, displacement and remittances in a Common Country Analysis update.",
    ),
    EventSpec(
        "Training on primary health care financing",
        "training",
        "health",
        date(2026, 11, 30),
        H(9),
        H(17),
        place="Bishkek, UN House",
        days=3,
        countries=("KGZ", "TJK"),
        organisers=("WHO", "UNICEF"),
        facilitators="Dr Bakyt Osmonov",
        description="Strategic purchasing and budgeting for primary health care, for ministries of health and finance.",
    ),
    EventSpec(
        "Year-end consultation with UN Country Teams on the platform's support",
        "consultation",
        None,
        date(2026, 12, 9),
        H(14),
        H(16),
        online=True,
        organisers=("UNECE", "UNDP"),
        facilitators="Platform secretariat",
        description="Resident Coordinators' offices tell the platform which support helped in 2026 and what they need in 2027.",
    ),
)


def events_demo_seed(*, progress: Callable[[str], None] = lambda line: None) -> dict[str, int]:
    """Create the demo events that are missing; return how many were created."""
    created = {"events": 0}
    by = User.objects.get(email=PLATFORM_USER)
    coalitions = {c.slug: c for c in Coalition.objects.all()}
    entities = {e.acronym: e for e in Entity.objects.all()}
    countries = {c.iso3: c for c in Country.objects.all()}
    with transaction.atomic():
        for spec in EVENTS:
            if Event.objects.filter(title=spec.title, starts_at=spec.starts_at()).exists():
                continue
            if spec.coalition is not None and spec.coalition not in coalitions:
                progress(f"events: skipped “{spec.title}”, no coalition {spec.coalition}")
                continue
            event_create(
                coalition=coalitions[spec.coalition] if spec.coalition else None,
                countries=[countries[code] for code in spec.countries],
                organisers=[entities[acronym] for acronym in spec.organisers if acronym in entities],
                by=by,
                title=spec.title,
                kind=spec.kind,
                description=spec.description,
                starts_at=spec.starts_at(),
                ends_at=spec.ends_at(),
                online=spec.online,
                place=spec.place,
                link="",
                facilitators=spec.facilitators,
                visibility="internal" if spec.internal else "public",
            )
            created["events"] += 1
        progress(f"events: {created['events']} created")
    return created

"""Demo support requests from Resident Coordinator's offices, and an expertise roster of 40.

Written for the demo; the requests and people are invented. Seeded by `manage.py seed_demo` after the
work-plan demo (which creates the coalitions, their 2026 work plans and the secretariat logins). Each
request is taken through the services step by step, so accepted ones get their demand-driven activity
in the coalition's 2026 work plan. Idempotent: offices are matched by e-mail, requests by title,
experts by name. Dates are never later than today.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction

from rcphub.accounts.models import Membership, Role, User
from rcphub.accounts.permissions import forget_grants
from rcphub.coalitions.models import Coalition
from rcphub.core.dates import today
from rcphub.reference.models import Country, Entity, GcmObjective, SdgTarget
from rcphub.support.models import Expert, RequestState, SupportRequest
from rcphub.support.services import (
    support_request_rate,
    support_request_route,
    support_request_submit,
    support_request_transition,
)
from rcphub.workplans.demo import content

S = RequestState
DOMAIN = content.DEMO_DOMAIN

# The Resident Coordinator's offices that ask; the first is the demo login listed in the README.
RC_OFFICES: dict[str, tuple[str, str]] = {
    "KG": ("Gulnara", "Toktogulova"),
    "MD": ("Ion", "Ceban"),
    "UZ": ("Dilnoza", "Yusupova"),
    "RS": ("Milica", "Jovanović"),
    "GE": ("Nino", "Kapanadze"),
    "AL": ("Erion", "Hoxha"),
    "TJ": ("Farida", "Rahimova"),
    "UA": ("Olena", "Shevchenko"),
    "AM": ("Armen", "Sargsyan"),
    "KZ": ("Aliya", "Seitkali"),
    "BA": ("Amra", "Hodžić"),
    "ME": ("Luka", "Vuković"),
    "MK": ("Elena", "Stojanovska"),
    "TR": ("Zeynep", "Aydın"),
}
COUNTRY_SLUGS = {
    "KG": "kyrgyzstan",
    "MD": "moldova",
    "UZ": "uzbekistan",
    "RS": "serbia",
    "GE": "georgia",
    "AL": "albania",
    "TJ": "tajikistan",
    "UA": "ukraine",
    "AM": "armenia",
    "KZ": "kazakhstan",
    "BA": "bosnia-herzegovina",
    "ME": "montenegro",
    "MK": "north-macedonia",
    "TR": "turkiye",
}
DEMO_RC_OFFICE = f"rco.kyrgyzstan@{DOMAIN}"


def rc_office_email(iso2: str) -> str:
    return f"rco.{COUNTRY_SLUGS[iso2]}@{DOMAIN}"


@dataclass(frozen=True)
class RequestSpec:
    country: str
    coalition: str  # slug; "" for a request left to the platform secretariat to route
    kind: str
    title: str
    description: str
    submitted: date
    state: str
    timing: str = ""
    routed_by_platform: bool = False
    reviewed: int = 3  # days after submission
    decided: int = 12
    started: int = 20
    delivered: int = 60
    reason: str = ""
    rating: int | None = None
    comment: str = ""


d = date
REQUESTS: tuple[RequestSpec, ...] = (
    # Delivered (6), mostly rated.
    RequestSpec(
        "KG",
        "migration-network",
        "country_analysis",
        "CCA update: migration data chapter for Kyrgyzstan",
        "The UNCT is updating its Common Country Analysis and lacks a consolidated picture of labour "
        "migration, return and remittances. We ask for help to bring together administrative and survey "
        "data and to draft the migration chapter with the National Statistical Committee.",
        d(2026, 1, 19),
        S.DELIVERED,
        timing="Before the CCA validation workshop in May",
        decided=9,
        started=16,
        delivered=98,
        rating=5,
        comment="The chapter was validated with the Government without changes; very practical support.",
    ),
    RequestSpec(
        "MD",
        "gender",
        "cooperation_framework",
        "Results group on gender equality for the Moldova Cooperation Framework",
        "The new Cooperation Framework has a results group on gender equality that has not yet met. We "
        "ask the coalition to facilitate its first two meetings and help it agree a joint workplan with "
        "indicators drawn from the national gender equality strategy.",
        d(2026, 1, 27),
        S.DELIVERED,
        timing="Q1 2026",
        decided=6,
        started=20,
        delivered=70,
        rating=4,
        comment="Good facilitation; the workplan needs more work on indicators.",
    ),
    RequestSpec(
        "UZ",
        "gender",
        "training",
        "Training on the UNCT gender equality scorecard in Uzbekistan",
        "A two-day training for the gender theme group and the programme management team before the "
        "UNCT's first gender equality scorecard assessment.",
        d(2026, 2, 3),
        S.DELIVERED,
        timing="Before the scorecard assessment in April",
        decided=4,
        started=30,
        delivered=64,
        rating=5,
        comment="Participants rated the training highly; the assessment started on time.",
    ),
    RequestSpec(
        "GE",
        "health",
        "policy_advice",
        "Advice on primary health care financing options for Georgia",
        "The Ministry of Health has asked the UN for options to finance a broader primary health care "
        "package. We ask for a short note comparing the options used elsewhere in the region.",
        d(2026, 2, 16),
        S.DELIVERED,
        decided=10,
        started=14,
        delivered=75,
        rating=3,
        comment="Useful note, though it came after the Ministry's budget discussion.",
    ),
    RequestSpec(
        "RS",
        "social-protection",
        "data_statistics",
        "Mapping of social protection coverage of informal workers in Serbia",
        "A data review of how far contributory and non-contributory schemes reach informal and "
        "platform workers, to feed the UNCT's contribution to the employment strategy review.",
        d(2026, 3, 2),
        S.DELIVERED,
        decided=8,
        started=21,
        delivered=90,
        rating=4,
        comment="Solid data work; the UNCT used it in its submission.",
    ),
    RequestSpec(
        "KG",
        "youth",
        "training",
        "Youth participation in the Kyrgyzstan Cooperation Framework review",
        "Support to design and run consultations with young people in three regions as part of the "
        "Cooperation Framework's annual review.",
        d(2026, 3, 10),
        S.DELIVERED,
        decided=5,
        started=15,
        delivered=80,
    ),
    # In progress (5).
    RequestSpec(
        "TJ",
        "climate",
        "country_analysis",
        "Climate and environment risks in the Tajikistan CCA",
        "Help to strengthen the analysis of climate risks, glacier melt and disaster exposure in the "
        "CCA update, drawing on national and regional data.",
        d(2026, 4, 6),
        S.IN_PROGRESS,
        timing="By September",
        decided=11,
        started=25,
    ),
    RequestSpec(
        "UA",
        "large-movements",
        "policy_advice",
        "Durable solutions for internally displaced people: advice to the UNCT in Ukraine",
        "Policy advice on housing, documentation and access to services for internally displaced "
        "people, to inform the UNCT's joint work with the Government on durable solutions.",
        d(2026, 4, 14),
        S.IN_PROGRESS,
        decided=7,
        started=18,
    ),
    RequestSpec(
        "AM",
        "health",
        "data_statistics",
        "Mental health service data review in Armenia",
        "Support to review what data exists on community mental health services and to propose a small "
        "set of indicators for the UNCT's joint programme.",
        d(2026, 5, 4),
        S.IN_PROGRESS,
        decided=9,
        started=30,
    ),
    RequestSpec(
        "KZ",
        "social-protection",
        "policy_advice",
        "Social protection floor costing for Kazakhstan",
        "Technical advice on costing options to close gaps in child and disability benefits, for the "
        "UNCT's dialogue with the Ministry of Labour.",
        d(2026, 5, 18),
        S.IN_PROGRESS,
        decided=6,
        started=20,
    ),
    RequestSpec(
        "MD",
        "migration-network",
        "training",
        "Training on GCM reporting for Moldova's national review",
        "A half-day session for government focal points and the UNCT on preparing the voluntary "
        "national review of the Global Compact for Migration.",
        d(2026, 6, 1),
        S.IN_PROGRESS,
        decided=8,
        started=40,
        routed_by_platform=True,
    ),
    # Accepted, not yet started (4).
    RequestSpec(
        "BA",
        "gender",
        "data_statistics",
        "Gender statistics for the Bosnia and Herzegovina CCA",
        "Help to compile sex-disaggregated data across the entities' statistical offices for the CCA "
        "update, and to identify gaps.",
        d(2026, 7, 6),
        S.ACCEPTED,
        decided=14,
    ),
    RequestSpec(
        "ME",
        "youth",
        "policy_advice",
        "Youth employment guarantee: advice to the UNCT in Montenegro",
        "Advice on the design of a youth guarantee scheme and on how UN entities can support its first year.",
        d(2026, 8, 3),
        S.ACCEPTED,
        decided=10,
    ),
    RequestSpec(
        "MK",
        "climate",
        "training",
        "Training on climate-sensitive programming for the North Macedonia UNCT",
        "A training for the programme management team on integrating climate and environment into "
        "joint work plans.",
        d(2026, 8, 24),
        S.ACCEPTED,
        decided=9,
    ),
    RequestSpec(
        "UZ",
        "health",
        "country_analysis",
        "Non-communicable disease burden in the Uzbekistan CCA",
        "Support to update the CCA's analysis of non-communicable diseases and their risk factors.",
        d(2026, 9, 7),
        S.ACCEPTED,
        decided=12,
        routed_by_platform=True,
    ),
    # Under review (4).
    RequestSpec(
        "KG",
        "social-protection",
        "cooperation_framework",
        "Social protection outcome in the next Kyrgyzstan Cooperation Framework",
        "Help the UNCT formulate the social protection outcome and its indicators for the next "
        "Cooperation Framework.",
        d(2026, 10, 5),
        S.UNDER_REVIEW,
        timing="Before the prioritisation retreat in December",
    ),
    RequestSpec(
        "TR",
        "large-movements",
        "data_statistics",
        "Data on refugees' access to services in Türkiye",
        "A review of available data on refugees' access to health, education and social services, to "
        "inform the UNCT's joint analysis.",
        d(2026, 10, 12),
        S.UNDER_REVIEW,
    ),
    RequestSpec(
        "GE",
        "gender",
        "policy_advice",
        "Advice on a national action plan on gender-based violence in Georgia",
        "Comments on the draft national action plan and on how UN entities can align their support.",
        d(2026, 10, 19),
        S.UNDER_REVIEW,
    ),
    RequestSpec(
        "AM",
        "migration-network",
        "country_analysis",
        "Return migration in the Armenia CCA",
        "Help to analyse return migration and reintegration for the CCA, with the Migration Service.",
        d(2026, 10, 26),
        S.UNDER_REVIEW,
        routed_by_platform=True,
    ),
    # Submitted (4), two of them not yet routed.
    RequestSpec(
        "RS",
        "health",
        "training",
        "Training on health emergency preparedness for the Serbia UNCT",
        "A simulation exercise for the UNCT's security and programme staff on health emergencies.",
        d(2026, 11, 2),
        S.SUBMITTED,
        timing="Q1 2027",
    ),
    RequestSpec(
        "UA",
        "social-protection",
        "cooperation_framework",
        "Social protection in the Ukraine recovery framework",
        "Support to the UNCT's results group on how social protection features in the recovery framework.",
        d(2026, 11, 9),
        S.SUBMITTED,
    ),
    RequestSpec(
        "TJ",
        "",
        "other",
        "Support to a national SDG dialogue on water in Tajikistan",
        "We are not sure which coalition could help: the UNCT wants to support a national dialogue on "
        "water, energy and food, with the Government and civil society.",
        d(2026, 11, 10),
        S.SUBMITTED,
    ),
    RequestSpec(
        "KZ",
        "",
        "data_statistics",
        "Leaving no one behind analysis in Kazakhstan",
        "Help to identify who is left behind and why, drawing on the census and household surveys, for "
        "the UNCT's next analysis.",
        d(2026, 11, 16),
        S.SUBMITTED,
    ),
    # Declined (2), with reasons.
    RequestSpec(
        "AL",
        "climate",
        "policy_advice",
        "Advice on a carbon market regulation in Albania",
        "Legal advice on a draft regulation on carbon markets.",
        d(2026, 5, 11),
        S.DECLINED,
        decided=6,
        reason="Legal drafting is outside the coalition's offer; we referred the UNCT to UNDP's country office.",
    ),
    RequestSpec(
        "ME",
        "youth",
        "other",
        "Funding for a youth festival in Montenegro",
        "A contribution to the costs of a national youth festival.",
        d(2026, 6, 22),
        S.DECLINED,
        decided=3,
        reason="The coalition does not fund events; we shared the youth engagement toolkit instead.",
    ),
)


@dataclass(frozen=True)
class ExpertSpec:
    name: str
    entity: str
    position: str
    themes: str
    sdg: tuple[str, ...]
    gcm: tuple[int, ...]
    countries: tuple[str, ...]
    languages: str


_EXPERTS: tuple[tuple[str, str, str], ...] = (
    ("Aida Nurlanovna", "IOM", "Migration data officer"),
    ("Bojana Ilić", "UN-Women", "Gender statistics specialist"),
    ("Cristina Rusu", "UNFPA", "Population and development adviser"),
    ("Dmitri Volkov", "UNDP", "Governance specialist"),
    ("Elif Demir", "UNHCR", "Protection officer"),
    ("Fatima Sultanova", "UNICEF", "Social policy specialist"),
    ("Giorgi Lomidze", "WHO", "Health systems adviser"),
    ("Hanna Kovalenko", "ILO", "Social protection specialist"),
    ("Irina Popa", "UN-Women", "Ending violence against women specialist"),
    ("Jasur Karimov", "FAO", "Food systems officer"),
    ("Katarina Novak", "UNEP", "Climate change adviser"),
    ("Lejla Begić", "UNICEF", "Child protection specialist"),
    ("Marat Abenov", "UNDP", "Climate finance specialist"),
    ("Nadia Moraru", "IOM", "Labour migration specialist"),
    ("Oksana Melnyk", "UNHCR", "Durable solutions officer"),
    ("Petar Stojanović", "UNFPA", "Youth specialist"),
    ("Rustam Nazarov", "WHO", "Noncommunicable diseases officer"),
    ("Saltanat Abdrakhmanova", "UN-Women", "Women's economic empowerment specialist"),
    ("Tamara Gvaramia", "OHCHR", "Human rights officer"),
    ("Umid Rakhimov", "UNODC", "Border management expert"),
    ("Vesna Petrovska", "UNDP", "Local development specialist"),
    ("Zarina Khodjaeva", "UNICEF", "Education specialist"),
    ("Anna Hovhannisyan", "UNFPA", "Gender specialist"),
    ("Bekzod Tursunov", "ILO", "Employment policy specialist"),
    ("Daria Sokolova", "UNESCO", "Culture and education officer"),
    ("Emil Hasanov", "IOM", "Migration and climate specialist"),
    ("Gabriela Marin", "UNHCR", "Statelessness expert"),
    ("Ilona Kiss", "WHO", "Mental health adviser"),
    ("Jelena Marković", "UN-Women", "Gender-responsive budgeting specialist"),
    ("Kamila Ismoilova", "UNICEF", "Disability inclusion specialist"),
    ("Levan Chikovani", "UNDP", "Anti-corruption specialist"),
    ("Mariam Avetisyan", "UNFPA", "Ageing and population specialist"),
    ("Nurlan Zhaksybekov", "FAO", "Rural development officer"),
    ("Olga Ciobanu", "ILO", "Skills and lifelong learning specialist"),
    ("Pavel Dragan", "UNEP", "Environmental statistics expert"),
    ("Sabina Mammadli", "IOM", "Counter-trafficking specialist"),
    ("Teodora Ristić", "UNICEF", "Early childhood development specialist"),
    ("Valentina Cojocaru", "WHO", "Immunization officer"),
    ("Yerlan Dzhumabaev", "UNDRR", "Disaster risk reduction specialist"),
    ("Zhanna Petrosyan", "OHCHR", "Anti-discrimination adviser"),
)
THEMES = (
    "migration data, remittances",
    "gender statistics, time use",
    "population dynamics, census",
    "rule of law, public administration",
    "refugee protection, inclusion",
    "child poverty, social protection",
    "primary health care, health financing",
    "social protection floors, informal workers",
    "gender-based violence, prevention",
    "food security, rural livelihoods",
    "climate adaptation, environment",
    "child protection, justice for children",
    "climate finance",
    "labour migration, skills partnerships",
    "displacement, durable solutions",
    "youth participation, youth policy",
    "noncommunicable diseases, tobacco control",
    "women's economic empowerment, care economy",
    "human rights, treaty body follow-up",
    "border management, organised crime",
    "local development, municipalities",
    "education, learning outcomes",
    "gender equality, sexual and reproductive health",
    "employment policy, youth employment",
    "culture, education",
    "migration and climate change",
    "statelessness, civil registration",
    "mental health, community services",
    "gender-responsive budgeting, public finance",
    "disability inclusion",
    "anti-corruption, governance",
    "ageing, long-term care",
    "rural development, agriculture",
    "skills, lifelong learning",
    "environmental statistics, SEEA",
    "counter-trafficking, protection",
    "early childhood development",
    "immunization, health emergencies",
    "disaster risk reduction, resilience",
    "non-discrimination, equality bodies",
)
SDG_POOL = (
    "10.7",
    "5.4",
    "17.18",
    "16.6",
    "10.2",
    "1.3",
    "3.8",
    "8.5",
    "5.2",
    "2.1",
    "13.2",
    "16.2",
    "13.a",
    "8.8",
    "11.1",
    "4.4",
    "3.4",
    "5.5",
    "16.a",
    "16.4",
    "11.3",
    "4.1",
    "5.6",
    "8.6",
    "4.7",
    "13.1",
    "16.9",
    "3.4",
    "5.c",
    "10.2",
    "16.5",
    "3.8",
    "2.3",
    "4.4",
    "12.2",
    "16.2",
    "4.2",
    "3.b",
    "11.5",
    "10.3",
)
GCM_POOL = (
    1,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    2,
    0,
    0,
    6,
    0,
    0,
    0,
    0,
    0,
    11,
    0,
    0,
    0,
    18,
    0,
    2,
    4,
    0,
    0,
    0,
    0,
    0,
    0,
    18,
    0,
    10,
    0,
    0,
    2,
    17,
)
COUNTRY_POOL = (
    "KG",
    "MD",
    "UZ",
    "RS",
    "GE",
    "AL",
    "TJ",
    "UA",
    "AM",
    "KZ",
    "BA",
    "ME",
    "MK",
    "TR",
    "AZ",
    "BY",
    "TM",
    "XK",
)
LANGUAGES = (
    "en, ru",
    "en",
    "en, fr",
    "en, ru",
    "en, ru, tr",
    "en, ru",
    "en, ru",
    "en, ru",
    "en, fr",
    "en, ru",
)


def _experts() -> list[ExpertSpec]:
    specs = []
    for i, (name, entity, position) in enumerate(_EXPERTS):
        countries = (COUNTRY_POOL[i % len(COUNTRY_POOL)], COUNTRY_POOL[(i * 7 + 3) % len(COUNTRY_POOL)])
        specs.append(
            ExpertSpec(
                name=name,
                entity=entity,
                position=position,
                themes=THEMES[i],
                sdg=(SDG_POOL[i],),
                gcm=(GCM_POOL[i],) if GCM_POOL[i] else (),
                countries=tuple(dict.fromkeys(countries)),
                languages=LANGUAGES[i % len(LANGUAGES)],
            )
        )
    return specs


def _clamp(day: date) -> date:
    return min(day, today())


class _Seeder:
    def __init__(self, progress: Callable[[str], None]) -> None:
        self.progress = progress
        self.counter: Counter[str] = Counter()

    def offices(self) -> dict[str, User]:
        """Return a Resident Coordinator's office login per country, created if missing (DCO members)."""
        dco = Entity.objects.get(acronym="DCO")
        platform = User.objects.get(email=content.PLATFORM_USER)
        existing = {
            u.email: u for u in User.objects.filter(email__in=[rc_office_email(c) for c in RC_OFFICES])
        }
        password: str | None = None
        offices: dict[str, User] = {}
        for iso2, (first, last) in RC_OFFICES.items():
            email = rc_office_email(iso2)
            user = existing.get(email)
            if user is None:
                password = password or make_password(content.DEMO_PASSWORD)
                user = User(email=email, first_name=first, last_name=last, password=password)
                user.full_clean()
                user._history_user = platform  # type: ignore[attr-defined]
                user.save()
                self.counter["users"] += 1
            if not Membership.objects.filter(
                user=user, entity=dco, role=Role.MEMBER, coalition=None
            ).exists():
                membership = Membership(user=user, entity=dco, role=Role.MEMBER)
                membership.full_clean()
                membership._history_user = platform  # type: ignore[attr-defined]
                membership.save()
                forget_grants(user)
                self.counter["memberships"] += 1
            offices[iso2] = user
        return offices

    def requests(self, offices: dict[str, User]) -> None:
        titles = set(SupportRequest.objects.values_list("title", flat=True))
        coalitions = {c.slug: c for c in Coalition.objects.all()}
        countries = {c.iso2: c for c in Country.objects.filter(iso2__in=RC_OFFICES)}
        platform = User.objects.get(email=content.PLATFORM_USER)
        secretariats = {
            slug: User.objects.get(email=email) for slug, email in content.SECRETARIAT_USERS.items()
        }
        for spec in REQUESTS:
            if spec.title in titles:
                continue
            coalition = coalitions[spec.coalition] if spec.coalition else None
            request = support_request_submit(
                country=countries[spec.country],
                coalition=None if spec.routed_by_platform else coalition,
                kind=spec.kind,
                title=spec.title,
                description=spec.description,
                desired_timing=spec.timing,
                requesting_entity=None,
                on=_clamp(spec.submitted),
                by=offices[spec.country],
            )
            self.counter["support requests"] += 1
            if spec.routed_by_platform and coalition is not None:
                support_request_route(support_request=request, coalition=coalition, by=platform)
            decider = secretariats.get(spec.coalition, platform)
            steps: list[tuple[str, int]] = []
            if spec.state != S.SUBMITTED and spec.state != S.DECLINED:
                steps.append((S.UNDER_REVIEW, spec.reviewed))
            if spec.state in (S.ACCEPTED, S.IN_PROGRESS, S.DELIVERED):
                steps.append((S.ACCEPTED, spec.decided))
            if spec.state in (S.IN_PROGRESS, S.DELIVERED):
                steps.append((S.IN_PROGRESS, spec.started))
            if spec.state == S.DELIVERED:
                steps.append((S.DELIVERED, spec.delivered))
            if spec.state == S.DECLINED:
                steps.append((S.DECLINED, spec.decided))
            for to_state, days in steps:
                support_request_transition(
                    support_request=request,
                    to_state=to_state,
                    reason=spec.reason,
                    on=_clamp(spec.submitted + timedelta(days=days)),
                    by=decider,
                )
                if to_state == S.ACCEPTED:
                    self.counter["demand-driven activities"] += 1
            if spec.rating is not None and request.state == S.DELIVERED:
                support_request_rate(
                    support_request=request,
                    rating=spec.rating,
                    comment=spec.comment,
                    on=request.delivered_on,
                    by=offices[spec.country],
                )

    def experts(self) -> None:
        specs = _experts()
        existing = set(Expert.objects.values_list("name", flat=True))
        entities = {e.acronym: e for e in Entity.objects.filter(acronym__in={s.entity for s in specs})}
        targets = {t.code: t for t in SdgTarget.objects.filter(code__in={c for s in specs for c in s.sdg})}
        objectives = {o.number: o for o in GcmObjective.objects.all()}
        countries = {c.iso2: c for c in Country.objects.filter(iso2__in=COUNTRY_POOL)}
        platform = User.objects.get(email=content.PLATFORM_USER)
        for spec in specs:
            if spec.name in existing:
                continue
            first = spec.name.split()[0].lower()
            expert = Expert(
                name=spec.name,
                entity=entities[spec.entity],
                position=spec.position,
                email=f"{first}.{spec.entity.lower().replace('-', '')}@example.org",
                themes=spec.themes,
                languages=spec.languages,
                bio=(
                    f"{spec.position} with experience of supporting UN Country Teams on {spec.themes}, "
                    "including analysis for Common Country Analyses and advice to government counterparts."
                ),
            )
            expert.full_clean()
            expert._history_user = platform  # type: ignore[attr-defined]
            expert.save()
            expert.sdg_targets.set([targets[c] for c in spec.sdg if c in targets])
            expert.gcm_objectives.set([objectives[n] for n in spec.gcm])
            expert.countries.set([countries[c] for c in spec.countries if c in countries])
            self.counter["experts"] += 1

    def run(self) -> None:
        offices = self.offices()
        self.requests(offices)
        self.experts()
        summary = ", ".join(f"{n} {kind}" for kind, n in self.counter.items()) or "nothing to create"
        self.progress(f"support: {summary}")


def support_demo_seed(*, progress: Callable[[str], None] = lambda line: None) -> dict[str, int]:
    """Create the demo RC office logins, support requests (in every state) and the expertise roster.

    Runs in one transaction; a second run creates nothing. Returns the counts of what it created.
    """
    seeder = _Seeder(progress)
    with transaction.atomic():
        seeder.run()
    return dict(seeder.counter)

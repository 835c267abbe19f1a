"""The demo platform: its coalitions, the migration network's country networks and the demo logins.

Everything here is written for the demo. Entities are named by their acronym in the reference data,
countries by ISO alpha-2 code.
"""

from __future__ import annotations

from datetime import date

from rcphub.accounts.models import Role
from rcphub.coalitions.models import CoalitionKind
from rcphub.core.models import ProgressStatus
from rcphub.workplans.demo.plans import WORK_PLANS
from rcphub.workplans.demo.spec import CoalitionSpec, MembershipSpec, NetworkSpec, UserSpec

PLATFORM_NAME = "Regional Collaborative Platform for Europe and Central Asia"
PLATFORM_ACRONYM = "RCP ECA"
PLATFORM_REGION = "Europe and Central Asia"
PLATFORM_DESCRIPTION = (
    "The regional offices of UN entities working in Europe and Central Asia, meeting as the Regional UN "
    "System Meeting. The platform's issue-based coalitions support Resident Coordinators and UN Country "
    "Teams in the region's programme countries with analysis, policy advice and joint work."
)

DEMO_PASSWORD = "rcphub-demo"
DEMO_DOMAIN = "demo.rcphub.org"
TOR_BASE = "https://rcp-eca.example.org/terms-of-reference"


def _migration_networks() -> tuple[NetworkSpec, ...]:
    established = {
        "AL": date(2021, 3, 15),
        "AM": date(2021, 6, 8),
        "AZ": date(2022, 2, 1),
        "BA": date(2020, 11, 24),
        "GE": date(2021, 4, 20),
        "KZ": date(2021, 9, 30),
        "KG": date(2020, 12, 10),
        "MD": date(2021, 2, 18),
        "ME": date(2022, 5, 12),
        "MK": date(2021, 10, 5),
        "RS": date(2020, 10, 27),
        "TJ": date(2021, 7, 14),
        "UZ": date(2022, 9, 22),
    }
    names = {
        "AL": "Albania",
        "AM": "Armenia",
        "AZ": "Azerbaijan",
        "BA": "Bosnia and Herzegovina",
        "GE": "Georgia",
        "KZ": "Kazakhstan",
        "KG": "Kyrgyzstan",
        "MD": "the Republic of Moldova",
        "ME": "Montenegro",
        "MK": "North Macedonia",
        "RS": "Serbia",
        "TJ": "Tajikistan",
        "UZ": "Uzbekistan",
    }
    return tuple(
        NetworkSpec(
            country=iso2,
            name=f"UN Network on Migration in {names[iso2]}",
            established_on=on,
            tor_url=f"{TOR_BASE}/migration-network/{iso2.lower()}.pdf",
        )
        for iso2, on in established.items()
    )


COALITIONS: tuple[CoalitionSpec, ...] = (
    CoalitionSpec(
        slug="gender",
        name="Issue-based Coalition on Gender Equality and Human Rights",
        short_name="IBC Gender Equality and Human Rights",
        kind=CoalitionKind.ISSUE_BASED_COALITION,
        theme="Gender equality, women's empowerment and human rights",
        description=(
            "Helps UN Country Teams put gender equality and human rights at the centre of their Common Country "
            "Analyses and Cooperation Frameworks, follow up jointly on the recommendations of the human rights "
            "mechanisms, and end gender-based violence."
        ),
        tor_url=f"{TOR_BASE}/ibc-gender-human-rights.pdf",
        co_chairs=("UN-Women", "OHCHR"),
        members=("UNFPA", "UNDP", "UNICEF", "ILO", "UNHCR", "IOM", "UNODC", "UNECE"),
        secretariat="UN-Women",
        since=date(2020, 6, 1),
        work_plans=WORK_PLANS["gender"],
    ),
    CoalitionSpec(
        slug="youth",
        name="Issue-based Coalition on Youth and Adolescents",
        short_name="IBC Youth and Adolescents",
        kind=CoalitionKind.ISSUE_BASED_COALITION,
        theme="Participation, skills, health and well-being of young people",
        description=(
            "Works with and for young people and adolescents: their participation in decisions, the skills "
            "they need for work and life, and their health and well-being, including those left furthest behind."
        ),
        tor_url=f"{TOR_BASE}/ibc-youth-adolescents.pdf",
        co_chairs=("UNICEF", "UNFPA"),
        members=("UNDP", "ILO", "UNESCO", "WHO", "UNECE", "UN-Women", "UNV", "UN Youth", "ITU", "WFP"),
        secretariat="UNFPA",
        since=date(2020, 6, 1),
        work_plans=WORK_PLANS["youth"],
    ),
    CoalitionSpec(
        slug="health",
        name="Issue-based Coalition on Health and Well-being",
        short_name="IBC Health and Well-being",
        kind=CoalitionKind.ISSUE_BASED_COALITION,
        theme="Universal health coverage, health security and well-being for all at all ages",
        description=(
            "Supports UN Country Teams in moving towards universal health coverage, preventing and controlling "
            "disease, preparing for health emergencies and promoting mental health, with a focus on people "
            "left behind."
        ),
        tor_url=f"{TOR_BASE}/ibc-health.pdf",
        co_chairs=("WHO", "UNICEF"),
        members=("UNDP", "UNFPA", "UNAIDS", "UNODC", "ILO", "IOM", "UNHCR", "UNEP"),
        secretariat="WHO",
        since=date(2020, 6, 1),
        work_plans=WORK_PLANS["health"],
    ),
    CoalitionSpec(
        slug="social-protection",
        name="Issue-based Coalition on Social Protection",
        short_name="IBC Social Protection",
        kind=CoalitionKind.ISSUE_BASED_COALITION,
        theme="Universal, adaptive and sustainably financed social protection",
        description=(
            "Advises UN Country Teams and governments on closing gaps in social protection coverage, making "
            "systems respond to shocks, and financing them sustainably, with attention to gender and care."
        ),
        tor_url=f"{TOR_BASE}/ibc-social-protection.pdf",
        co_chairs=("ILO", "UNICEF"),
        members=("UNDP", "UN-Women", "WFP", "FAO", "UNFPA", "UNHCR", "UNECE", "WHO"),
        observers=("WORLD BANK GROUP",),
        secretariat="ILO",
        since=date(2020, 9, 1),
        work_plans=WORK_PLANS["social-protection"],
    ),
    CoalitionSpec(
        slug="large-movements",
        name="Issue-based Coalition on Large Movements of People, Displacement and Resilience",
        short_name="IBC Large Movements of People",
        kind=CoalitionKind.ISSUE_BASED_COALITION,
        theme="Displacement, durable solutions, preparedness and resilience",
        description=(
            "Brings the humanitarian, development and human rights work of UN entities together on "
            "displacement and large movements of people: inclusion in national systems, preparedness, "
            "resilience of communities and protection. The Regional UN Network on Migration is embedded in it."
        ),
        tor_url=f"{TOR_BASE}/ibc-large-movements.pdf",
        co_chairs=("IOM", "UNHCR"),
        members=("UNDP", "UNICEF", "OCHA", "WFP", "UNDRR", "UN-Habitat", "OHCHR", "UNFPA", "WHO", "ILO"),
        secretariat="UNHCR",
        since=date(2020, 6, 1),
        work_plans=WORK_PLANS["large-movements"],
    ),
    CoalitionSpec(
        slug="migration-network",
        name="Regional UN Network on Migration for Europe and Central Asia",
        short_name="Regional UN Network on Migration",
        kind=CoalitionKind.NETWORK,
        parent="large-movements",
        theme="Safe, orderly and regular migration: the Global Compact for Migration",
        description=(
            "Supports governments and UN Country Teams in implementing, following up and reviewing the Global "
            "Compact for Safe, Orderly and Regular Migration, and coordinates the UN country networks on "
            "migration of the region."
        ),
        tor_url=f"{TOR_BASE}/regional-network-migration.pdf",
        co_chairs=("IOM", "ILO"),
        members=("UNHCR", "UNICEF", "OHCHR", "UNODC", "UNDP", "UN-Women", "UNFPA", "WHO", "UNECE"),
        secretariat="IOM",
        since=date(2020, 2, 1),
        networks=_migration_networks(),
        work_plans=WORK_PLANS["migration-network"],
    ),
    CoalitionSpec(
        slug="climate",
        name="Issue-based Coalition on Environment and Climate Change",
        short_name="IBC Environment and Climate Change",
        kind=CoalitionKind.ISSUE_BASED_COALITION,
        theme="Climate action, environmental governance and a just green transition",
        description=(
            "Supports UN Country Teams on climate ambition and adaptation, early warning, environmental "
            "governance, the circular economy and the sustainable management of shared natural resources."
        ),
        tor_url=f"{TOR_BASE}/ibc-environment-climate.pdf",
        co_chairs=("UNEP", "UNECE"),
        members=("UNDP", "FAO", "WMO", "UNDRR", "UNICEF", "WHO", "UN-Habitat", "UNIDO", "ILO"),
        secretariat="UNEP",
        since=date(2020, 6, 1),
        work_plans=WORK_PLANS["climate"],
    ),
)


def _email(local: str) -> str:
    return f"{local}@{DEMO_DOMAIN}"


# One login per role (the first six), then the other coalitions' secretariats, who report progress.
USERS: tuple[UserSpec, ...] = (
    UserSpec(
        email=_email("admin"),
        first_name="Sofia",
        last_name="Marchetti",
        memberships=(MembershipSpec(Role.ADMINISTRATOR, "UNECE"),),
        is_staff=True,
        is_superuser=True,
        note="Administrator: users, memberships and settings in the admin site.",
    ),
    UserSpec(
        email=_email("platform"),
        first_name="Daniyar",
        last_name="Akhmetov",
        memberships=(MembershipSpec(Role.PLATFORM_SECRETARIAT, "UNECE"),),
        note="Platform secretariat: acts on every coalition and work plan.",
    ),
    UserSpec(
        email=_email("secretariat.health"),
        first_name="Elena",
        last_name="Popescu",
        memberships=(MembershipSpec(Role.COALITION_SECRETARIAT, "WHO", "health"),),
        note="Coalition secretariat of the health coalition: manages its work plans, members and rounds.",
    ),
    UserSpec(
        email=_email("focal.undp"),
        first_name="Nikola",
        last_name="Petrović",
        memberships=(MembershipSpec(Role.FOCAL_POINT, "UNDP", "health"),),
        note="Focal point for UNDP in the health coalition: edits and reports on the activities UNDP leads.",
    ),
    UserSpec(
        email=_email("member.unfpa"),
        first_name="Ani",
        last_name="Harutyunyan",
        memberships=(MembershipSpec(Role.MEMBER, "UNFPA"),),
        note="Member (UNFPA): reads the internal items and drafts of the coalitions UNFPA belongs to.",
    ),
    UserSpec(
        email=_email("followup.unicef"),
        first_name="Jonas",
        last_name="Weber",
        memberships=(MembershipSpec(Role.FOLLOW_UP_OFFICER, "UNICEF"),),
        note="Follow-up officer (UNICEF): manages UNICEF's reviews and commitments.",
    ),
    UserSpec(
        email=_email("secretariat.gender"),
        first_name="Leyla",
        last_name="Mammadova",
        memberships=(MembershipSpec(Role.COALITION_SECRETARIAT, "UN-Women", "gender"),),
    ),
    UserSpec(
        email=_email("secretariat.youth"),
        first_name="Tamar",
        last_name="Beridze",
        memberships=(MembershipSpec(Role.COALITION_SECRETARIAT, "UNFPA", "youth"),),
    ),
    UserSpec(
        email=_email("secretariat.social-protection"),
        first_name="Marta",
        last_name="Kowalska",
        memberships=(MembershipSpec(Role.COALITION_SECRETARIAT, "ILO", "social-protection"),),
    ),
    UserSpec(
        email=_email("secretariat.large-movements"),
        first_name="Oleksandr",
        last_name="Bondar",
        memberships=(MembershipSpec(Role.COALITION_SECRETARIAT, "UNHCR", "large-movements"),),
    ),
    UserSpec(
        email=_email("secretariat.migration-network"),
        first_name="Aigerim",
        last_name="Sadykova",
        memberships=(MembershipSpec(Role.COALITION_SECRETARIAT, "IOM", "migration-network"),),
    ),
    UserSpec(
        email=_email("secretariat.climate"),
        first_name="Farrukh",
        last_name="Rashidov",
        memberships=(MembershipSpec(Role.COALITION_SECRETARIAT, "UNEP", "climate"),),
    ),
)

PLATFORM_USER = _email("platform")
# Who reports progress: the coalition's secretariat, or the focal point of a lead entity where one exists.
SECRETARIAT_USERS = {
    "gender": _email("secretariat.gender"),
    "youth": _email("secretariat.youth"),
    "health": _email("secretariat.health"),
    "social-protection": _email("secretariat.social-protection"),
    "large-movements": _email("secretariat.large-movements"),
    "migration-network": _email("secretariat.migration-network"),
    "climate": _email("secretariat.climate"),
}
FOCAL_POINT_USERS = {("health", "UNDP"): _email("focal.undp")}


# Comments written from the status when the content gives none; `{where}` is the countries, `{lead}` the lead.
STATUS_COMMENTS: dict[str, tuple[str, ...]] = {
    ProgressStatus.NOT_STARTED: (
        "Planned for later in the year; terms of reference being drafted.",
        "Not started; the co-chairs agreed to start after the mid-year review.",
        "Preparations pending the confirmation of national counterparts in {where}.",
        "Focal points nominated; nothing yet to report.",
        "Funding confirmed by {lead}; start planned as scheduled.",
    ),
    ProgressStatus.STARTING: (
        "Concept note agreed with the co-chairs; consultant recruitment under way.",
        "Kick-off meeting held with {lead} and partners; activity plan agreed.",
        "Terms of reference shared with the UNCTs in {where}.",
        "First consultations held with Resident Coordinator Offices in {where}.",
        "Inception phase: mapping of what member entities already do.",
    ),
    ProgressStatus.ONGOING: (
        "On track; a first draft was shared with coalition members for comments.",
        "Country consultations held in {where}; analysis under way.",
        "Regional webinar held; follow-up support to the UNCTs in {where} continues.",
        "Data collection ongoing; preliminary findings expected next quarter.",
        "Draft reviewed by the coalition; {lead} is integrating the comments.",
        "Implementation progressing as planned; no major risks reported.",
    ),
    ProgressStatus.COMPLETED: (
        "Completed; the final product was circulated to Resident Coordinators.",
        "Completed as planned; results presented at the coalition meeting.",
        "Delivered; lessons learned will inform the 2027 work plan.",
        "Completed; outputs shared with the UNCTs in {where}.",
    ),
    ProgressStatus.DELAYED: (
        "Delayed: national counterparts asked for more time for consultations.",
        "Delayed by the late arrival of funds; a new timeline was agreed with {lead}.",
    ),
    ProgressStatus.CANCELLED: (
        "Cancelled by decision of the co-chairs; resources redirected to country support.",
    ),
}

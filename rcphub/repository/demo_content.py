"""The demo repository: practices, pledges with their reports, knowledge products, voluntary reports
and champion countries.

Everything here is written for the demo and describes no real document: it borrows only the
vocabulary of the Global Compact for Migration (GCM), the UN Network on Migration and the
issue-based coalitions. Countries are named by ISO alpha-2 code, entities by their acronym in the
reference data (Member States by ISO alpha-3 code), implementer types by code, GCM guiding
principles by letter. Links point at demo.rcphub.org, a placeholder domain of the project.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rcphub.reference.models import EntityKind

DEMO = "https://demo.rcphub.org"

# The date the demo is written as at: every date below is on or before it. Which pledges are inactive
# (no report for two years) is read as at this date in the tests, so that they do not age.
AS_AT = date(2026, 11, 20)

# Who submits in the demo (short name -> e-mail of a demo user and the entity it submits for); the
# platform secretariat reviews.
SUBMITTERS: dict[str, tuple[str, str]] = {
    "iom": ("secretariat.migration-network@demo.rcphub.org", "IOM"),
    "unhcr": ("secretariat.large-movements@demo.rcphub.org", "UNHCR"),
    "ilo": ("secretariat.social-protection@demo.rcphub.org", "ILO"),
    "unfpa": ("member.unfpa@demo.rcphub.org", "UNFPA"),
    "undp": ("focal.undp@demo.rcphub.org", "UNDP"),
    "unicef": ("followup.unicef@demo.rcphub.org", "UNICEF"),
}
REVIEWER = "platform@demo.rcphub.org"

KOSOVO_NOTE = (
    "References to Kosovo shall be understood to be in the context of Security Council resolution "
    "1244 (1999)."
)

# Occasions on which pledges were made, with the day they were made.
IMRF_2022 = ("International Migration Review Forum 2022", date(2022, 5, 19))
IMRF_2026 = ("International Migration Review Forum 2026", date(2026, 5, 7))
REVIEW_2024 = ("UNECE regional review of the Global Compact for Migration, 2024", date(2024, 3, 14))
DIALOGUE_2023 = ("Regional dialogue on labour mobility in Central Asia, 2023", date(2023, 10, 5))
NONE = ("", None)

PUBLISHED, SUBMITTED, RETURNED, DRAFT = "published", "submitted", "returned", "draft"
OWN, PARTNERSHIP, MATCHING = "own", "partnership", "matching"
PLANNING, IN_PROGRESS, FULFILLED = "planning", "in_progress", "fulfilled"


@dataclass(frozen=True)
class StakeholderSpec:
    """A stakeholder that pledges or implements and is not in the reference data (invented for the demo)."""

    acronym: str
    name: str
    kind: str


@dataclass(frozen=True)
class PracticeSpec:
    title: str
    summary: str
    body: str
    objectives: tuple[int, ...]
    countries: str
    implementers: str
    types: str
    scope: str
    period: tuple[int, int | None]
    by: str
    published_on: date | None = None
    principles: str = ""
    sdg_targets: str = ""
    links: tuple[str, ...] = ()
    contact: str = ""
    language: str = "en"
    state: str = PUBLISHED
    comment: str = ""  # the reviewer's comment on a returned practice


@dataclass(frozen=True)
class ReportSpec:
    reported_on: date
    stage: str
    narrative: str
    state: str = PUBLISHED
    comment: str = ""


@dataclass(frozen=True)
class PledgeSpec:
    key: str  # names the pledge inside the demo, for matching pledges; not stored
    pledger: str
    text: str
    objectives: tuple[int, ...]
    countries: str
    occasion: tuple[str, date | None]
    by: str
    kind: str = OWN
    partners: str = ""
    matches: str = ""
    lead_reporter: str = ""
    made_on: date | None = None  # defaults to the occasion's day
    stage: str = PLANNING  # the stage of a pledge with no report; else its latest report's
    reports: tuple[ReportSpec, ...] = ()
    state: str = PUBLISHED
    comment: str = ""


@dataclass(frozen=True)
class KnowledgeSpec:
    title: str
    kind: str
    coalition: str
    published_on: date
    link: str
    languages: str = "en"
    visibility: str = "public"


@dataclass(frozen=True)
class VoluntaryReportSpec:
    country: str
    year: int
    link: str


@dataclass(frozen=True)
class ChampionSpec:
    country: str
    since: date
    note: str


def r(on: date, stage: str, narrative: str, state: str = PUBLISHED, comment: str = "") -> ReportSpec:
    """Return a pledge report; a short form for the tables below."""
    return ReportSpec(on, stage, narrative, state, comment)


STAKEHOLDERS: tuple[StakeholderSpec, ...] = (
    StakeholderSpec(
        "CAMRF", "Central Asian Civil Society Forum on Migrants' Rights", EntityKind.CIVIL_SOCIETY
    ),
    StakeholderSpec(
        "WBDN", "Western Balkans Network of Diaspora Associations", EntityKind.MIGRANT_ORGANISATION
    ),
    StakeholderSpec(
        "AMMI", "Association of Municipalities for Migrant Inclusion", EntityKind.LOCAL_AUTHORITY
    ),
    StakeholderSpec("RTUC-MW", "Regional Trade Union Council for Migrant Workers", EntityKind.TRADE_UNION),
    StakeholderSpec("EEFR", "Eurasian Employers' Forum on Fair Recruitment", EntityKind.PRIVATE_SECTOR),
    StakeholderSpec("IMRCA", "Institute for Migration Research in Central Asia", EntityKind.ACADEMIA),
)


PRACTICES: tuple[PracticeSpec, ...] = (
    PracticeSpec(
        title="Municipal one-stop centre for returning migrants in Imereti",
        summary=(
            "A one-stop centre in the regional administration of Imereti, Georgia, where returning migrants "
            "find job counselling, small-business grants, psychosocial support and help with documents "
            "under one roof, with a case manager who follows each person for a year."
        ),
        body=(
            "The centre was set up by the municipality of Kutaisi with the State Employment Support Agency "
            "and IOM after a mapping showed that returnees visited up to seven offices before getting any "
            "help. Case managers draw up an individual reintegration plan, refer to health and education "
            "services and check in after three, six and twelve months. Grants are paired with training in "
            "business planning. Between 2022 and 2025 the centre served about 2,300 returnees, 40 per cent "
            "of them women; the model is being copied in two other regions."
        ),
        objectives=(21, 15, 7),
        countries="GE",
        implementers="GEO, IOM, UNDP",
        types="local_authority, member_state, un_entity",
        scope="local",
        period=(2021, None),
        by="iom",
        published_on=date(2023, 2, 14),
        principles="a, i, j",
        sdg_targets="10.7, 8.5",
        links=(f"{DEMO}/practices/imereti-one-stop-centre",),
        contact="reintegration.imereti@demo.rcphub.org",
    ),
    PracticeSpec(
        title="Portable social-security agreements between Central Asian countries of origin and destination",
        summary=(
            "Bilateral social-security agreements that let migrant workers add up periods of insurance in "
            "both countries and receive their pensions and sickness benefits wherever they live, with a "
            "joint liaison office to handle claims."
        ),
        body=(
            "Ministries of labour and pension funds negotiated the agreements with technical support from "
            "ILO, which modelled the cost of totalisation of insurance periods and drafted the "
            "administrative arrangements. A liaison office in each country exchanges contribution records "
            "electronically. Migrant workers' organisations were consulted on the information leaflets, "
            "published in four languages. The first 1,100 pensions were paid across the border in 2025."
        ),
        objectives=(22, 6, 23),
        countries="KZ, KG, UZ",
        implementers="KAZ, KGZ, UZB, ILO",
        types="member_state, un_entity, trade_union",
        scope="regional",
        period=(2020, 2025),
        by="ilo",
        published_on=date(2025, 6, 3),
        principles="b, f, i",
        sdg_targets="1.3, 10.7",
        links=(f"{DEMO}/practices/portable-social-security-central-asia",),
        contact="socialsecurity.ca@demo.rcphub.org",
    ),
    PracticeSpec(
        title="Bilateral labour-migration agreement with a skills partnership for care workers",
        summary=(
            "A labour-migration agreement between the Republic of Moldova and Germany that trains nurses "
            "and care assistants in Moldova, to the standards of both countries, for work in either, so "
            "that the country of origin gains skills rather than losing them."
        ),
        body=(
            "Vocational colleges in Chișinău and Bălți added German-language and geriatric-care modules "
            "to their curricula, co-designed with employers in Germany. Graduates choose to stay in the "
            "Moldovan health system or to take up a regulated job offer abroad; in both cases their "
            "diplomas are recognised in advance. Recruitment is free of charge to workers and fees are "
            "paid by employers. The partnership funds equipment for the colleges and a return bonus."
        ),
        objectives=(18, 5, 6),
        countries="MD, DE",
        implementers="MDA, DEU, ILO, IOM",
        types="member_state, un_entity, private_sector",
        scope="multi_level",
        period=(2022, 2027),
        by="ilo",
        published_on=date(2023, 9, 19),
        principles="b, e, g",
        sdg_targets="4.4, 8.8, 10.7",
        links=(f"{DEMO}/practices/care-skills-partnership",),
    ),
    PracticeSpec(
        title="Alternatives to immigration detention for children and families",
        summary=(
            "A case-management programme that places children and families who may not stay in the "
            "country in open, community-based accommodation instead of detention, with a caseworker, legal "
            "counselling and regular reporting."
        ),
        body=(
            "The ministry of interior adopted a rule that children are never detained for migration "
            "reasons and asked UNICEF and UNHCR to help set up alternatives. NGOs run small family "
            "apartments; each family has a caseworker who explains procedures and options, including "
            "voluntary return. Compliance with reporting stayed above 90 per cent and the cost per family "
            "was about a third of detention. The approach is written into the new law on foreigners."
        ),
        objectives=(13, 7, 12),
        countries="MK",
        implementers="MKD, UNICEF, UNHCR",
        types="member_state, un_entity, civil_society",
        scope="national",
        period=(2021, None),
        by="unicef",
        published_on=date(2022, 11, 8),
        principles="d, f, h",
        sdg_targets="16.2, 16.3",
        links=(f"{DEMO}/practices/atd-children-north-macedonia",),
    ),
    PracticeSpec(
        title="Remittance cost reduction through digital channels and a price-comparison site",
        summary=(
            "A central bank and its partners cut the average cost of sending remittances by promoting "
            "mobile-wallet transfers, licensing new digital operators and publishing a price-comparison "
            "site that shows the full cost of each corridor."
        ),
        body=(
            "The national bank of Tajikistan licensed three digital money-transfer operators and allowed "
            "remittances to be paid into mobile wallets linked to bank accounts. A price-comparison site, "
            "updated every quarter, shows fees and exchange-rate margins for the main corridors. UNDP and "
            "UNCDF trained 400 post-office and bank staff in rural districts and ran financial-literacy "
            "sessions for families of migrants. The average cost of sending 200 US dollars fell from 4.6 "
            "to 2.9 per cent in three years."
        ),
        objectives=(20, 19),
        countries="TJ",
        implementers="TJK, UNDP, UNCDF",
        types="member_state, un_entity, private_sector",
        scope="national",
        period=(2021, 2024),
        by="undp",
        published_on=date(2024, 4, 22),
        principles="e",
        sdg_targets="10.c, 17.3",
        links=(f"{DEMO}/practices/remittance-price-comparison-tajikistan",),
    ),
    PracticeSpec(
        title="Consular protection register of nationals working abroad",
        summary=(
            "An online register where citizens working abroad record their place of work and contacts, so "
            "that consulates can reach them in emergencies, renew documents and help with labour disputes."
        ),
        body=(
            "Kyrgyzstan's ministry of foreign affairs built the register with the migration service. "
            "Registration is voluntary and data are protected under the personal-data law. Consulates "
            "use it to send alerts, organise mobile consular days in cities with many workers and follow "
            "up cases of unpaid wages with labour inspectorates in the country of destination. 85,000 "
            "people registered in the first two years."
        ),
        objectives=(14, 3, 4),
        countries="KG",
        implementers="KGZ, IOM",
        types="member_state, un_entity",
        scope="national",
        period=(2022, None),
        by="iom",
        published_on=date(2024, 1, 30),
        principles="a, c, f",
        sdg_targets="10.7, 16.9",
        links=(f"{DEMO}/practices/consular-register-kyrgyzstan",),
        contact="consular.register@demo.rcphub.org",
    ),
    PracticeSpec(
        title="National referral mechanism for victims of trafficking with a single case file",
        summary=(
            "A national referral mechanism that brings police, social services, labour inspectors and "
            "shelters together around one case file, so that presumed victims of trafficking are "
            "identified early and receive assistance whether or not they cooperate with prosecution."
        ),
        body=(
            "Albania's anti-trafficking coordinator revised the standard operating procedures with "
            "UNODC and IOM and set up a shared electronic case file with access rights for each "
            "agency. Mobile identification teams work at border crossings and in tourist areas in the "
            "summer season. Assistance covers shelter, health care, legal aid and vocational training. "
            "Identification of presumed victims of labour trafficking tripled between 2022 and 2025."
        ),
        objectives=(10, 12, 7),
        countries="AL",
        implementers="ALB, UNODC, IOM",
        types="member_state, un_entity, civil_society",
        scope="national",
        period=(2020, None),
        by="iom",
        published_on=date(2022, 7, 12),
        principles="d, f, g",
        sdg_targets="5.2, 8.7, 16.2",
        links=(f"{DEMO}/practices/nrm-albania",),
    ),
    PracticeSpec(
        title="Climate-related displacement planning in mountain districts",
        summary=(
            "District authorities in the Rasht valley map the households exposed to mudflows and glacial "
            "lake outbursts and plan, with them, for planned relocation and for income that does not depend "
            "on migration when harvests fail."
        ),
        body=(
            "The committee of emergency situations, the local hukumats and UNDP used hazard maps and "
            "household surveys to identify 1,400 households at high risk. Relocation plans were drawn up "
            "with the communities, including land, housing and access to schools. At the same time, "
            "drip irrigation and greenhouse projects give families an alternative to seasonal migration. "
            "The plans are part of the national adaptation plan and use the guiding principles on "
            "planned relocation."
        ),
        objectives=(2, 5, 23),
        countries="TJ",
        implementers="TJK, UNDP, FAO, IOM",
        types="member_state, local_authority, un_entity",
        scope="multi_level",
        period=(2022, 2026),
        by="undp",
        published_on=date(2023, 11, 28),
        principles="e, j",
        sdg_targets="13.1, 11.5, 1.5",
        links=(f"{DEMO}/practices/displacement-planning-rasht",),
    ),
    PracticeSpec(
        title="Pre-departure orientation in the mahalla: information before migrating",
        summary=(
            "Pre-departure orientation sessions held in neighbourhood community centres tell prospective "
            "migrants about their rights, regular channels, recruitment fees and where to turn for help, "
            "in Uzbek, Karakalpak and Russian."
        ),
        body=(
            "The agency for external labour migration trained 300 community activists to run three-hour "
            "sessions with a standard curriculum: choosing a licensed recruiter, reading a contract, "
            "sending money home safely, health and the consular hotline. Sessions for women cover care "
            "work and protection from gender-based violence. Returned migrants speak at every session. "
            "A follow-up survey found participants twice as likely to migrate with a written contract."
        ),
        objectives=(3, 6, 7),
        countries="UZ",
        implementers="UZB, IOM, ILO",
        types="member_state, local_authority, un_entity",
        scope="national",
        period=(2021, None),
        by="iom",
        published_on=date(2023, 5, 9),
        principles="a, g",
        sdg_targets="8.8, 10.7",
    ),
    PracticeSpec(
        title="Statelessness determination procedure and legal aid for undocumented persons",
        summary=(
            "A dedicated procedure to determine statelessness, with free legal aid and mobile "
            "registration teams, so that people without a nationality obtain a status and documents."
        ),
        body=(
            "Ukraine introduced the procedure by law and UNHCR supported training for migration-service "
            "officers and the network of free legal-aid centres. Mobile teams visited Roma settlements "
            "and care institutions to find people without documents. Those recognised as stateless "
            "receive a residence permit and may later naturalise. The procedure continued through the "
            "war, with remote interviews for displaced applicants."
        ),
        objectives=(4, 7, 15),
        countries="UA",
        implementers="UKR, UNHCR",
        types="member_state, un_entity, civil_society",
        scope="national",
        period=(2020, None),
        by="unhcr",
        published_on=date(2022, 9, 27),
        principles="d, f",
        sdg_targets="16.9",
        links=(f"{DEMO}/practices/statelessness-procedure-ukraine",),
    ),
    PracticeSpec(
        title="Birth registration of children in Roma communities",
        summary=(
            "Registrars, health mediators and legal-aid lawyers work together so that every child born to "
            "parents without documents is registered at birth, including late registration through a "
            "simplified court procedure."
        ),
        body=(
            "Montenegro and Serbia amended their rules on birth registration after a joint review "
            "supported by UNHCR and UNICEF. Maternity wards notify the registrar of every birth, and Roma "
            "health mediators help parents complete the paperwork. Late registration cases go through a "
            "simplified, free procedure. The number of children at risk of statelessness fell by "
            "two thirds."
        ),
        objectives=(4, 17, 15),
        countries="ME, RS",
        implementers="MNE, SRB, UNHCR, UNICEF",
        types="member_state, civil_society, un_entity",
        scope="regional",
        period=(2019, 2024),
        by="unhcr",
        published_on=date(2022, 6, 21),
        principles="f, h",
        sdg_targets="16.9, 10.2",
    ),
    PracticeSpec(
        title="Seasonal agricultural work scheme with guaranteed housing standards",
        summary=(
            "A seasonal work scheme under which farmers hire workers through the public employment service, "
            "with standard contracts, inspected housing and the right to change employer, avoiding "
            "intermediaries who charge fees."
        ),
        body=(
            "Employers register vacancies with the employment service of the country of destination, "
            "which matches them with candidates pre-selected in the country of origin. Contracts state "
            "pay, hours and housing; labour inspectors check the housing before the season. Workers may "
            "change employer without losing their permit. A trade union runs a hotline in the workers' "
            "languages. Return rates at the end of the season are above 95 per cent."
        ),
        objectives=(5, 6, 22),
        countries="GE, PL",
        implementers="GEO, POL, ILO, RTUC-MW",
        types="member_state, trade_union, un_entity",
        scope="multi_level",
        period=(2022, None),
        by="ilo",
        published_on=date(2024, 2, 6),
        principles="b, f",
        sdg_targets="8.8, 10.7",
    ),
    PracticeSpec(
        title="Fair recruitment licensing and a public list of recruitment agencies",
        summary=(
            "Licensing rules that ban recruitment fees for workers, a public list of licensed agencies "
            "with their record of complaints, and joint inspections with the countries of destination."
        ),
        body=(
            "The Republic of Moldova revised its rules on private employment agencies with ILO "
            "support, in line with the employer-pays principle. Agencies that charge workers lose "
            "their licence. The public list shows each agency's licence status, destinations and "
            "upheld complaints. Employers' associations signed a code of conduct on fair recruitment."
        ),
        objectives=(6, 3),
        countries="MD",
        implementers="MDA, ILO, EEFR",
        types="member_state, private_sector, un_entity",
        scope="national",
        period=(2021, None),
        by="ilo",
        published_on=date(2023, 3, 15),
        principles="f, i",
        sdg_targets="8.7, 8.8",
        links=(f"{DEMO}/practices/fair-recruitment-moldova",),
    ),
    PracticeSpec(
        title="Labour inspection in households employing migrant domestic workers",
        summary=(
            "Labour inspectors visit households that employ migrant domestic workers, after notice, to "
            "check contracts, working hours and rest days, with a helpline in the workers' languages."
        ),
        body=(
            "Kazakhstan's labour inspectorate adopted a protocol for inspections in private homes "
            "that respects privacy while allowing inspectors to interview the worker alone. The "
            "helpline, run by a civil-society organisation, takes complaints in Uzbek, Tajik, Kyrgyz and "
            "Russian. Most cases are settled through mediation; about one in ten goes to court."
        ),
        objectives=(6, 7, 17),
        countries="KZ",
        implementers="KAZ, ILO, UN-Women, CAMRF",
        types="member_state, civil_society, un_entity",
        scope="national",
        period=(2023, None),
        by="ilo",
        published_on=date(2024, 10, 1),
        principles="f, g",
        sdg_targets="5.2, 8.8",
    ),
    PracticeSpec(
        title="Gender-based violence services accessible to migrant and refugee women",
        summary=(
            "Shelters, hotlines and health services for survivors of gender-based violence made accessible "
            "to migrant and refugee women whatever their residence status, with interpreters and "
            "women-only spaces."
        ),
        body=(
            "UNFPA and UN-Women worked with municipalities in Türkiye and with women's organisations to "
            "train service providers, translate information and add interpreters to hotlines. Firewalls "
            "ensure that seeking help does not lead to immigration enforcement. Women-only spaces in "
            "community centres offer psychosocial support, legal counselling and referral."
        ),
        objectives=(7, 15, 17),
        countries="TR",
        implementers="TUR, UNFPA, UN-Women",
        types="local_authority, civil_society, un_entity",
        scope="local",
        period=(2020, None),
        by="unfpa",
        published_on=date(2022, 10, 18),
        principles="f, g",
        sdg_targets="5.2, 3.7",
    ),
    PracticeSpec(
        title="Identification of missing migrants and support to families along the Western Balkans route",
        summary=(
            "Forensic services, border police and humanitarian organisations share a protocol and a "
            "database to identify migrants who died along the route and to inform their families."
        ),
        body=(
            "The protocol sets out how remains are documented, how DNA samples are taken and compared, "
            "and how families abroad can submit information through consulates or humanitarian "
            "organisations. Municipalities set aside burial plots marked for later identification. IOM "
            "and OHCHR trained forensic staff and prosecutors in four places. " + KOSOVO_NOTE
        ),
        objectives=(8, 23),
        countries="BA, RS, MK, XK",
        implementers="BIH, SRB, MKD, IOM, OHCHR",
        types="member_state, local_authority, un_entity, civil_society",
        scope="regional",
        period=(2021, None),
        by="iom",
        published_on=date(2023, 6, 27),
        principles="a, b, f",
        sdg_targets="10.7, 16.1",
    ),
    PracticeSpec(
        title="Joint investigation teams against migrant smuggling networks",
        summary=(
            "Prosecutors and police from neighbouring countries form joint investigation teams to "
            "dismantle smuggling networks, while smuggled migrants are treated as witnesses and never "
            "prosecuted for being smuggled."
        ),
        body=(
            "UNODC helped draft the agreements for joint investigation teams and trained financial "
            "investigators to trace the proceeds of smuggling. Each team has a protection officer who "
            "makes sure that smuggled migrants are screened for trafficking and protection needs and "
            "referred to assistance. Twelve networks were dismantled between 2022 and 2025."
        ),
        objectives=(9, 10, 23),
        countries="BA, ME, RS, AL",
        implementers="BIH, MNE, SRB, ALB, UNODC",
        types="member_state, un_entity",
        scope="regional",
        period=(2022, 2025),
        by="unfpa",
        published_on=date(2024, 5, 14),
        principles="b, d",
        sdg_targets="16.4, 16.a",
    ),
    PracticeSpec(
        title="Human-rights-based border management training for border guards",
        summary=(
            "A training course for border guards on human rights at borders, the prohibition of "
            "refoulement, child-sensitive procedures and identifying people in vulnerable situations, "
            "built into the border academy's curriculum."
        ),
        body=(
            "OHCHR, UNHCR and IOM wrote the course with the border police of Georgia and Armenia, using "
            "scenarios from their own crossing points. It is taught by the academies' own trainers and "
            "refreshed every two years. Border posts have a checklist for referral of asylum seekers, "
            "unaccompanied children and presumed victims of trafficking."
        ),
        objectives=(11, 12, 8),
        countries="GE, AM",
        implementers="GEO, ARM, OHCHR, UNHCR, IOM",
        types="member_state, un_entity",
        scope="regional",
        period=(2021, None),
        by="unhcr",
        published_on=date(2023, 1, 24),
        principles="d, f, h",
        sdg_targets="10.7, 16.3",
    ),
    PracticeSpec(
        title="Child-sensitive screening and referral at reception centres",
        summary=(
            "Standard operating procedures for screening new arrivals at reception centres, so that "
            "unaccompanied and separated children, survivors of violence and people with medical needs are "
            "identified in the first 48 hours and referred."
        ),
        body=(
            "Bosnia and Herzegovina's service for foreigners' affairs, UNICEF, UNHCR and IOM agreed "
            "one screening form and referral pathway for all reception centres. Guardians are appointed "
            "for unaccompanied children within three days. Cultural mediators join the screening "
            "interviews. A monthly case conference reviews every open referral."
        ),
        objectives=(12, 7, 13),
        countries="BA",
        implementers="BIH, UNICEF, UNHCR, IOM",
        types="member_state, un_entity, civil_society",
        scope="national",
        period=(2020, None),
        by="unicef",
        published_on=date(2022, 5, 31),
        principles="d, f, h",
        sdg_targets="16.2",
    ),
    PracticeSpec(
        title="Health insurance for migrant workers and their families regardless of status",
        summary=(
            "A voluntary health-insurance scheme that migrant workers and their family members can join "
            "at an affordable rate, giving them primary care, maternal care and emergency treatment."
        ),
        body=(
            "The ministry of health designed the scheme with WHO and IOM after a study showed that "
            "migrant workers delayed care until they were seriously ill. Premiums are paid by employers "
            "for registered workers and can be paid by workers themselves. Polyclinics in the main cities "
            "have migrant-friendly desks with interpreters."
        ),
        objectives=(15, 22),
        countries="KZ",
        implementers="KAZ, WHO, IOM",
        types="member_state, un_entity",
        scope="national",
        period=(2022, None),
        by="iom",
        published_on=date(2023, 8, 1),
        principles="a, f",
        sdg_targets="3.8, 10.7",
    ),
    PracticeSpec(
        title="Enrolment of migrant and displaced children in public schools",
        summary=(
            "Schools enrol migrant and displaced children without requiring residence documents, with "
            "catch-up classes in the language of instruction and teachers trained in inclusive education."
        ),
        body=(
            "Municipalities in Armenia, with UNICEF and UNESCO, simplified the enrolment rules and set up "
            "bridging classes for children who had missed school. Teachers received training on "
            "psychosocial support. Enrolment of displaced children reached 92 per cent within a year."
        ),
        objectives=(15, 16),
        countries="AM",
        implementers="ARM, UNICEF, UNESCO",
        types="member_state, local_authority, un_entity",
        scope="multi_level",
        period=(2023, None),
        by="unicef",
        published_on=date(2024, 3, 5),
        principles="f, h",
        sdg_targets="4.1, 4.5",
        links=(f"{DEMO}/practices/school-enrolment-armenia",),
    ),
    PracticeSpec(
        title="Local integration plans adopted by municipal councils",
        summary=(
            "Municipal councils adopt three-year plans for the inclusion of migrants, refugees and "
            "returnees, with a budget line, an inter-departmental working group and migrants on the "
            "advisory board."
        ),
        body=(
            "Eight Serbian municipalities followed a common method supported by the association of "
            "municipalities and IOM: a local needs assessment, consultations with migrants and host "
            "communities, and a plan with indicators. Measures range from language classes to "
            "sports clubs and help with the recognition of diplomas."
        ),
        objectives=(16, 17, 23),
        countries="RS",
        implementers="SRB, AMMI, IOM, UNDP",
        types="local_authority, un_entity, migrant_diaspora",
        scope="local",
        period=(2019, None),
        by="undp",
        published_on=date(2022, 8, 23),
        principles="i, j",
        sdg_targets="10.2, 11.3",
    ),
    PracticeSpec(
        title="Media training on fair reporting about migration",
        summary=(
            "Journalists and editors take part in workshops on reporting about migration based on "
            "evidence, avoiding hate speech and giving migrants a voice, with an annual award for fair "
            "reporting."
        ),
        body=(
            "UNESCO and OHCHR ran the workshops with journalism schools and press councils in North "
            "Macedonia, Albania and Kosovo. A glossary of terms and a fact sheet on migration statistics "
            "were distributed to newsrooms. Monitoring found fewer stigmatising headlines in outlets "
            "whose staff took part. " + KOSOVO_NOTE
        ),
        objectives=(17, 3),
        countries="MK, AL, XK",
        implementers="UNESCO, OHCHR",
        types="un_entity, civil_society, academia",
        scope="regional",
        period=(2022, 2024),
        by="undp",
        published_on=date(2024, 7, 2),
        principles="f, j",
        sdg_targets="16.10, 10.3",
    ),
    PracticeSpec(
        title="Recognition of qualifications of displaced teachers and doctors",
        summary=(
            "A fast-track procedure to recognise the diplomas of displaced teachers and doctors, with "
            "supervised practice and language courses, so that they work in their professions."
        ),
        body=(
            "The Republic of Moldova's ministries of education and health, with UNESCO and WHO, set up "
            "the procedure for refugees from Ukraine. Where documents were lost, a qualifications "
            "passport based on an interview and a test is accepted. By 2025, 600 teachers and 250 "
            "health workers had been recognised."
        ),
        objectives=(18, 16),
        countries="MD",
        implementers="MDA, UNESCO, WHO, UNHCR",
        types="member_state, un_entity",
        scope="national",
        period=(2022, None),
        by="unhcr",
        published_on=date(2023, 4, 11),
        principles="a, e",
        sdg_targets="4.4, 8.5",
    ),
    PracticeSpec(
        title="Diaspora matching grants for local development",
        summary=(
            "For every euro that diaspora members invest in a small business or community project in their "
            "home municipality, the government adds a euro, with business coaching for the entrepreneurs."
        ),
        body=(
            "The diaspora office in Armenia runs annual calls. Projects range from guest houses to "
            "greenhouses and dental practices; community projects include playgrounds and water "
            "supply. Coaching and a mentor from the diaspora are part of every grant. UNDP supports "
            "the monitoring of jobs created, which reached 1,900 by 2025."
        ),
        objectives=(19, 2),
        countries="AM",
        implementers="ARM, UNDP, WBDN",
        types="member_state, migrant_diaspora, un_entity",
        scope="national",
        period=(2020, None),
        by="undp",
        published_on=date(2022, 12, 6),
        principles="e, j",
        sdg_targets="8.3, 17.3",
    ),
    PracticeSpec(
        title="Migration statistics harmonised across Central Asia",
        summary=(
            "National statistical offices agree common definitions and a core set of tables on "
            "international migration, labour migration and remittances, so that their figures can be "
            "compared and published together."
        ),
        body=(
            "UNECE and IOM supported a task force of the five national statistical offices. It "
            "adopted the UN recommendations on statistics of international migration, added migration "
            "questions to labour-force surveys and agreed a yearly joint release. Administrative data "
            "from border and migration services are linked under data-protection agreements."
        ),
        objectives=(1, 23),
        countries="KZ, KG, TJ, TM, UZ",
        implementers="KAZ, KGZ, TJK, TKM, UZB, UNECE, IOM",
        types="member_state, un_entity",
        scope="regional",
        period=(2021, 2025),
        by="iom",
        published_on=date(2023, 10, 17),
        principles="b, c",
        sdg_targets="17.18, 10.7",
        links=(f"{DEMO}/practices/harmonised-migration-statistics",),
    ),
    PracticeSpec(
        title="Migration profile updated every year from administrative data",
        summary=(
            "An extended migration profile compiled each year from the data of ministries and agencies, "
            "feeding policy decisions and the national GCM implementation plan."
        ),
        body=(
            "Georgia's state commission on migration issues coordinates the profile. Each agency "
            "supplies data through an agreed template; the analysis chapter is written with the "
            "university's migration research centre. Findings are discussed at a public launch and with "
            "parliament."
        ),
        objectives=(1, 23),
        countries="GE",
        implementers="GEO, IOM",
        types="member_state, academia, un_entity",
        scope="national",
        period=(2017, None),
        by="iom",
        published_on=date(2022, 4, 5),
        principles="c, i",
        sdg_targets="17.18",
    ),
    PracticeSpec(
        title="Youth employment in districts where most young men migrate",
        summary=(
            "Vocational training, internships and start-up support for young women and men in districts with "
            "the highest rates of labour migration, so that migrating is a choice rather than a necessity."
        ),
        body=(
            "The ministry of labour of Kyrgyzstan, UNDP, UNICEF and ILO selected six districts using "
            "migration and poverty data. Training is matched with local employers' needs; young "
            "entrepreneurs receive small grants and mentoring. Young women are a third of participants."
        ),
        objectives=(2, 18),
        countries="KG",
        implementers="KGZ, UNDP, ILO, UNICEF",
        types="member_state, un_entity, private_sector",
        scope="local",
        period=(2022, 2026),
        by="undp",
        published_on=date(2023, 7, 25),
        principles="e, g",
        sdg_targets="8.6, 4.4",
    ),
    PracticeSpec(
        title="Humanitarian admission and temporary protection for people fleeing war",
        summary=(
            "A temporary-protection status granted on arrival, with the right to work, to health care and "
            "to schooling, and a digital registration that takes less than an hour."
        ),
        body=(
            "The Republic of Moldova granted temporary protection to people fleeing the war in Ukraine "
            "with UNHCR support. Registration is online or at service points; the status gives access "
            "to the labour market and public services. Municipalities receive funding for hosting."
        ),
        objectives=(5, 15),
        countries="MD",
        implementers="MDA, UNHCR, IOM",
        types="member_state, local_authority, un_entity",
        scope="national",
        period=(2023, None),
        by="unhcr",
        published_on=date(2023, 12, 12),
        principles="a, f",
        sdg_targets="10.7, 16.9",
    ),
    PracticeSpec(
        title="Family reunification made simpler for workers with long-term permits",
        summary=(
            "Workers with a long-term permit may bring their spouse and children after one year, with "
            "lower income requirements and decisions within 90 days."
        ),
        body=(
            "Türkiye's migration administration simplified the rules and moved applications online. "
            "Children reunified with their parents are enrolled in school and receive language support."
        ),
        objectives=(5, 16),
        countries="TR",
        implementers="TUR, IOM",
        types="member_state",
        scope="national",
        period=(2023, None),
        by="iom",
        published_on=date(2024, 6, 18),
        principles="f, h",
        sdg_targets="10.7",
    ),
    PracticeSpec(
        title="Mobile legal clinics for migrant workers in construction",
        summary=(
            "Lawyers and trade-union organisers visit construction sites and workers' dormitories to "
            "advise on contracts, unpaid wages and work injuries, and bring claims on workers' behalf."
        ),
        body=(
            "The regional trade union council runs the clinics in three cities with support from ILO. "
            "Cases are logged so that patterns are reported to the labour inspectorate. About 60 per cent "
            "of wage claims were settled within three months."
        ),
        objectives=(6, 7, 22),
        countries="KZ, RU",
        implementers="RTUC-MW, ILO",
        types="trade_union, civil_society, un_entity",
        scope="local",
        period=(2022, None),
        by="ilo",
        published_on=date(2023, 9, 5),
        principles="f",
        sdg_targets="8.8",
    ),
    PracticeSpec(
        title="Migrant resource centres at employment service offices",
        summary=(
            "Migrant resource centres inside public employment offices give information on regular "
            "migration, jobs at home, retraining and safe remittances to prospective and returning migrants."
        ),
        body=(
            "Azerbaijan's state employment agency opened the centres in four regional offices with IOM. "
            "Counsellors use a common information package and refer returnees to active labour-market "
            "programmes. Visitors can check whether a recruiter is licensed."
        ),
        objectives=(3, 21, 18),
        countries="AZ",
        implementers="AZE, IOM",
        types="member_state, un_entity",
        scope="national",
        period=(2022, None),
        by="iom",
        published_on=date(2023, 3, 28),
        principles="i",
        sdg_targets="8.5, 10.7",
    ),
    PracticeSpec(
        title="Reintegration of returnees through community projects",
        summary=(
            "Returning migrants and members of their home communities design and run small community "
            "projects together — repairing a school, starting a cooperative — that build acceptance and "
            "livelihoods."
        ),
        body=(
            "In Albania, local action groups chose projects with IOM and the municipalities. Each project "
            "employs returnees and residents alike. Psychosocial support is available to returnees who "
            "need it. An evaluation found better reintegration scores than for individual assistance alone."
        ),
        objectives=(21, 16),
        countries="AL",
        implementers="ALB, IOM",
        types="local_authority, civil_society, un_entity",
        scope="local",
        period=(2021, 2024),
        by="iom",
        published_on=date(2022, 10, 4),
        principles="j",
        sdg_targets="10.7, 11.3",
    ),
    PracticeSpec(
        title="Reintegration support for children returning with their families",
        summary=(
            "Children who return with their families are assessed by social workers and receive school "
            "catch-up classes, language support and psychosocial care in their first year back."
        ),
        body=(
            "Kosovo's municipal social-work centres, with UNICEF, follow each returning family with a "
            "case plan. Schools receive guidance on assessing children who were educated in another "
            "language. " + KOSOVO_NOTE
        ),
        objectives=(21, 15),
        countries="XK",
        implementers="UNICEF, UNMIK",
        types="local_authority, un_entity",
        scope="local",
        period=(2020, None),
        by="unicef",
        published_on=date(2022, 6, 7),
        principles="h",
        sdg_targets="4.1, 16.2",
    ),
    PracticeSpec(
        title="Pension portability for returning migrants",
        summary=(
            "An agreement and an online service that let returning migrants claim the pension rights "
            "they earned abroad, with contributions in both countries counted together."
        ),
        body=(
            "Serbia's pension fund and its partners abroad exchange records electronically. Returnees "
            "file one claim at home; the fund handles the rest. Information sessions for diaspora "
            "associations explain the rules."
        ),
        objectives=(22, 19),
        countries="RS, AT, CH",
        implementers="SRB, AUT, CHE, ILO",
        types="member_state",
        scope="multi_level",
        period=(2019, None),
        by="ilo",
        published_on=date(2022, 3, 22),
        principles="b",
        sdg_targets="1.3",
    ),
    PracticeSpec(
        title="National GCM implementation plan coordinated by a whole-of-government commission",
        summary=(
            "A national plan to implement the Global Compact for Migration, prepared by an inter-ministerial "
            "commission with civil society, migrants' organisations and the UN Country Team, with yearly "
            "progress reports."
        ),
        body=(
            "Serbia's plan covers all 23 objectives, with lead ministries, indicators and a budget. The "
            "UN Network on Migration in Serbia supports the secretariat of the commission and the yearly "
            "review, which feeds the voluntary report to the International Migration Review Forum."
        ),
        objectives=(23, 1),
        countries="RS",
        implementers="SRB, IOM, UNDP",
        types="member_state, un_entity, civil_society",
        scope="national",
        period=(2021, 2026),
        by="iom",
        published_on=date(2022, 2, 15),
        principles="i, j",
        sdg_targets="17.14, 10.7",
        links=(f"{DEMO}/practices/gcm-plan-serbia",),
    ),
    PracticeSpec(
        title="Regional dialogue of countries of origin and destination on labour mobility",
        summary=(
            "Ministries of labour of Central Asian countries and their main countries of destination meet "
            "twice a year to agree joint measures on recruitment, skills recognition and social security."
        ),
        body=(
            "The dialogue is supported by IOM and ILO as secretariat. Working groups draft model "
            "clauses for bilateral agreements. Trade unions and employers take part as observers."
        ),
        objectives=(23, 5, 6),
        countries="KZ, KG, TJ, UZ, TR",
        implementers="KAZ, KGZ, TJK, UZB, TUR, IOM, ILO",
        types="member_state, un_entity",
        scope="regional",
        period=(2019, None),
        by="ilo",
        published_on=date(2022, 11, 29),
        principles="b, c",
        sdg_targets="17.16",
    ),
    PracticeSpec(
        title="Firewall between health services and immigration enforcement",
        summary=(
            "A rule that health workers do not report patients' migration status to immigration "
            "authorities, so that migrants in an irregular situation seek care early."
        ),
        body=(
            "The rule was written into the ministry of health's instruction with WHO advice and "
            "explained to hospital staff through short training. Migrants' organisations spread the "
            "message in communities."
        ),
        objectives=(15, 7),
        countries="BE, PT",
        implementers="BEL, PRT, WHO",
        types="member_state, civil_society",
        scope="national",
        period=(2020, None),
        by="unfpa",
        published_on=date(2022, 5, 10),
        principles="a, f",
        sdg_targets="3.8",
    ),
    PracticeSpec(
        title="Language and civic-orientation courses with childcare",
        summary=(
            "Free language and civic-orientation courses in the evening and at weekends, with childcare, "
            "so that migrant mothers can attend."
        ),
        body=(
            "Municipalities in Portugal run the courses with NGOs. Attendance of women rose by half once "
            "childcare was offered. Courses include a module on rights at work and access to services."
        ),
        objectives=(16, 15),
        countries="PT",
        implementers="PRT, AMMI",
        types="local_authority, civil_society",
        scope="local",
        period=(2018, None),
        by="unfpa",
        published_on=date(2022, 4, 26),
        principles="g, j",
        sdg_targets="4.6, 5.1",
    ),
    PracticeSpec(
        title="Inclusive disaster-risk reduction plans that count migrants",
        summary=(
            "Municipal disaster-risk reduction plans that include migrants and displaced people: warnings "
            "in their languages, evacuation support and access to relief whatever their status."
        ),
        body=(
            "UNDRR and IOM worked with municipalities in Türkiye after the 2023 earthquakes to review "
            "their plans. Migrant community leaders now sit on local emergency committees."
        ),
        objectives=(2, 7, 15),
        countries="TR",
        implementers="TUR, UNDRR, IOM",
        types="local_authority, un_entity, migrant_diaspora",
        scope="local",
        period=(2023, None),
        by="undp",
        published_on=date(2024, 9, 10),
        principles="a, j",
        sdg_targets="11.5, 13.1",
    ),
    PracticeSpec(
        title="Search and rescue coordination in mountain border areas",
        summary=(
            "Border guards, mountain rescue services and municipalities share a protocol and a hotline to "
            "rescue migrants lost or injured in mountain areas in winter."
        ),
        body=(
            "The protocol sets who responds to a call, how first aid is given and where rescued people "
            "are taken. Red Cross volunteers run warming points. Deaths in the area fell sharply after "
            "the protocol came into force."
        ),
        objectives=(8, 11),
        countries="BA, HR",
        implementers="BIH, HRV, IOM",
        types="member_state, local_authority, civil_society",
        scope="local",
        period=(2021, None),
        by="iom",
        published_on=date(2023, 2, 28),
        principles="a, f",
        sdg_targets="10.7",
    ),
    PracticeSpec(
        title="Integrated border management with community policing in border villages",
        summary=(
            "Border posts hold regular meetings with border villages so that residents know the rules, "
            "cross-border trade is easier and concerns about smuggling are raised early."
        ),
        body=(
            "Tajikistan and Kyrgyzstan's border services, with UNDP and IOM, set up the meetings in the "
            "Ferghana valley. Women's groups take part. Disputes over water and pasture are also raised."
        ),
        objectives=(11, 9),
        countries="TJ, KG",
        implementers="TJK, KGZ, UNDP, IOM",
        types="member_state, local_authority, un_entity",
        scope="local",
        period=(2022, 2025),
        by="undp",
        published_on=date(2024, 1, 16),
        principles="c, j",
        sdg_targets="16.1, 16.7",
    ),
    PracticeSpec(
        title="Labour trafficking indicators in labour inspections",
        summary=(
            "Labour inspectors use a short list of trafficking indicators in every inspection in high-risk "
            "sectors and refer presumed victims to the national referral mechanism."
        ),
        body=(
            "Serbia's labour inspectorate adopted the indicators with ILO and UNODC. Inspectors were "
            "trained with the anti-trafficking police and the centre for the protection of victims."
        ),
        objectives=(10, 6),
        countries="RS",
        implementers="SRB, ILO, UNODC",
        types="member_state, un_entity",
        scope="national",
        period=(2022, None),
        by="ilo",
        published_on=date(2023, 5, 30),
        principles="d, f",
        sdg_targets="8.7",
    ),
    PracticeSpec(
        title="Online platform for diaspora professionals to volunteer their expertise",
        summary=(
            "Diaspora doctors, engineers and teachers offer short assignments in their country of origin "
            "through an online platform matching them with public institutions."
        ),
        body=(
            "North Macedonia's diaspora office and UNDP built the platform. Assignments last two to eight "
            "weeks; the institution pays travel and board. Hospitals and universities are the main users."
        ),
        objectives=(19, 18),
        countries="MK",
        implementers="MKD, UNDP, WBDN",
        types="member_state, migrant_diaspora, un_entity",
        scope="national",
        period=(2022, None),
        by="undp",
        published_on=date(2023, 10, 3),
        principles="e, j",
        sdg_targets="17.9",
    ),
    PracticeSpec(
        title="Financial literacy for migrant families and investment of remittances",
        summary=(
            "Training for migrants and the families who receive their remittances on budgeting, saving and "
            "investing, with savings products designed by banks for remittance receivers."
        ),
        body=(
            "In Uzbekistan and Kyrgyzstan, UNCDF and partner banks designed the products; community "
            "trainers reached 20,000 households, most of them women managing the household budget."
        ),
        objectives=(20, 19),
        countries="UZ, KG",
        implementers="UZB, KGZ, UNCDF, IOM",
        types="member_state, private_sector, un_entity",
        scope="regional",
        period=(2021, 2025),
        by="undp",
        published_on=date(2024, 11, 12),
        principles="e, g",
        sdg_targets="10.c, 8.10",
    ),
    PracticeSpec(
        title="Anti-discrimination counselling for migrants in the workplace",
        summary=(
            "An equality body offers free counselling to migrants who face discrimination at work or when "
            "renting a home, and brings strategic cases to court."
        ),
        body=(
            "The equality body in Georgia trained its staff on migration with OHCHR and publishes yearly "
            "findings. Strategic cases led to changes in two employers' hiring practices."
        ),
        objectives=(17,),
        countries="GE",
        implementers="GEO, OHCHR",
        types="member_state, civil_society",
        scope="national",
        period=(2021, None),
        by="unfpa",
        published_on=date(2023, 12, 19),
        principles="f",
        sdg_targets="10.3, 16.b",
    ),
    PracticeSpec(
        title="Data on missing migrants shared between humanitarian organisations",
        summary=(
            "Humanitarian organisations share anonymised data on deaths and disappearances along the "
            "routes, so that trends are seen early and search and identification are better targeted."
        ),
        body=(
            "The data-sharing agreement sets what is collected and how personal data are protected. A "
            "quarterly brief is sent to governments and the UN Network on Migration."
        ),
        objectives=(8, 1),
        countries="GR, BG, MK, RS",
        implementers="IOM, UNHCR",
        types="un_entity, civil_society",
        scope="regional",
        period=(2020, None),
        by="iom",
        published_on=date(2022, 9, 13),
        principles="a, b",
        sdg_targets="10.7, 17.18",
    ),
    PracticeSpec(
        title="Job matching for refugees with private employers",
        summary=(
            "Employers' associations and the public employment service run job fairs, on-the-job language "
            "training and mentoring so that refugees find work matching their skills."
        ),
        body=(
            "In Poland and Romania, EEFR members hired 3,500 refugees from Ukraine through the scheme. "
            "Childcare support helped women, who were 70 per cent of participants."
        ),
        objectives=(16, 18, 6),
        countries="PL, RO",
        implementers="POL, ROU, EEFR, UNHCR, ILO",
        types="private_sector, member_state, un_entity",
        scope="multi_level",
        period=(2022, 2025),
        by="unhcr",
        published_on=date(2023, 6, 6),
        principles="g, j",
        sdg_targets="8.5",
    ),
    PracticeSpec(
        title="Independent monitoring of returns",
        summary=(
            "An ombudsperson's office monitors forced returns from start to finish, including flights, and "
            "publishes its findings, so that returns are safe and dignified."
        ),
        body=(
            "Monitors receive training from OHCHR and have access to all stages. Recommendations led to "
            "changes in the use of restraints and in access to medical care before departure."
        ),
        objectives=(21, 13),
        countries="MD",
        implementers="MDA, OHCHR",
        types="member_state, civil_society",
        scope="national",
        period=(2021, None),
        by="unhcr",
        published_on=date(2024, 2, 27),
        principles="d, f",
        sdg_targets="16.3",
    ),
    PracticeSpec(
        title="Case management as an alternative to detention for adults",
        summary=(
            "People in return or asylum procedures live in the community with a caseworker instead of "
            "being detained, with regular contact, information on their options and legal advice."
        ),
        body=(
            "Georgia piloted the approach with UNHCR and civil-society partners. The pilot showed high "
            "compliance and lower costs; the government is preparing to extend it."
        ),
        objectives=(13,),
        countries="GE",
        implementers="GEO, UNHCR, CAMRF",
        types="member_state, civil_society, un_entity",
        scope="national",
        period=(2024, None),
        by="unhcr",
        published_on=date(2025, 3, 18),
        principles="d, f",
        sdg_targets="16.3",
    ),
    PracticeSpec(
        title="Consular days for workers in cities of destination",
        summary=(
            "Consular officers travel to cities with many nationals to issue passports, register births "
            "and advise on labour disputes, on weekends when workers are free."
        ),
        body=(
            "Uzbekistan's consulates organise the days with diaspora associations, which book "
            "appointments and provide premises. A lawyer from the labour ministry joins each visit."
        ),
        objectives=(14, 4),
        countries="UZ, KZ, TR",
        implementers="UZB, IOM",
        types="member_state, migrant_diaspora",
        scope="multi_level",
        period=(2022, None),
        by="iom",
        published_on=date(2024, 8, 20),
        principles="a, c",
        sdg_targets="16.9",
    ),
    PracticeSpec(
        title="Emergency repatriation fund for nationals in distress abroad",
        summary=(
            "A fund managed by the ministry of foreign affairs pays for the repatriation of nationals in "
            "distress abroad — victims of crime, the seriously ill, the bodies of those who died."
        ),
        body=(
            "Tajikistan's fund is financed from consular fees. Cases are decided within 48 hours. Families "
            "of deceased migrants receive help with the return of remains and with insurance claims."
        ),
        objectives=(14, 8),
        countries="TJ",
        implementers="TJK",
        types="member_state",
        scope="national",
        period=(2020, None),
        by="iom",
        published_on=date(2022, 7, 26),
        principles="a",
        sdg_targets="10.7",
    ),
    PracticeSpec(
        title="Social-protection coverage of returning migrants through the unemployment scheme",
        summary=(
            "Returning migrants may join the unemployment-insurance scheme on return, counting "
            "contributions paid abroad, and take part in retraining while receiving benefits."
        ),
        body=(
            "Armenia's social-security service set the rules with ILO support. Returnees are also "
            "referred to health insurance and, where eligible, to family benefits."
        ),
        objectives=(22, 21),
        countries="AM",
        implementers="ARM, ILO",
        types="member_state, un_entity",
        scope="national",
        period=(2023, None),
        by="ilo",
        published_on=date(2024, 12, 3),
        principles="i",
        sdg_targets="1.3",
    ),
    PracticeSpec(
        title="Migrant-sensitive primary health care trained across a region",
        summary=(
            "Family doctors and nurses follow a training course on the health of migrants, culturally "
            "sensitive care and the rules on access for people in different situations."
        ),
        body=(
            "WHO and the health ministries of the Western Balkans wrote the course; it counts towards "
            "continuing professional education. Interpreting by telephone is now available in 30 languages."
        ),
        objectives=(15,),
        countries="AL, BA, ME, MK, RS",
        implementers="WHO, ALB, BIH, MNE, MKD, SRB",
        types="member_state, un_entity",
        scope="regional",
        period=(2022, 2025),
        by="unfpa",
        published_on=date(2025, 1, 21),
        principles="a, f",
        sdg_targets="3.8",
    ),
    PracticeSpec(
        title="Sexual and reproductive health services for migrant women workers",
        summary=(
            "Mobile clinics and migrant-friendly services offer contraception, maternal care and screening "
            "to migrant women working in agriculture and textiles."
        ),
        body=(
            "UNFPA and the ministry of health of Türkiye run mobile clinics in the agricultural season "
            "and trained health mediators from migrant communities."
        ),
        objectives=(15, 7),
        countries="TR",
        implementers="TUR, UNFPA",
        types="member_state, un_entity, civil_society",
        scope="local",
        period=(2021, None),
        by="unfpa",
        published_on=date(2023, 4, 25),
        principles="g",
        sdg_targets="3.7, 5.6",
    ),
    PracticeSpec(
        title="Intercultural mediators in schools and health centres",
        summary=(
            "Trained intercultural mediators from migrant and Roma communities work in schools and health "
            "centres, helping families use services and staff understand families."
        ),
        body=(
            "The mediators are employed by municipalities in Montenegro and North Macedonia, with a "
            "national certification. UNICEF and UNDP support the training."
        ),
        objectives=(16, 17, 15),
        countries="ME, MK",
        implementers="MNE, MKD, UNICEF, UNDP",
        types="local_authority, civil_society, un_entity",
        scope="local",
        period=(2020, None),
        by="unicef",
        published_on=date(2022, 12, 20),
        principles="h, j",
        sdg_targets="10.2",
    ),
    PracticeSpec(
        title="Climate mobility in national adaptation plans",
        summary=(
            "Governments add human mobility — displacement, planned relocation and migration as adaptation "
            "— to their national adaptation plans, with data and budget lines."
        ),
        body=(
            "The issue-based coalition on climate and the UN Network on Migration supported Kyrgyzstan "
            "and Uzbekistan with a joint methodology. Both plans now include measures for communities "
            "exposed to drought and glacier melt."
        ),
        objectives=(2, 23),
        countries="KG, UZ",
        implementers="KGZ, UZB, UNEP, IOM, UNDP",
        types="member_state, un_entity",
        scope="national",
        period=(2023, 2026),
        by="undp",
        published_on=date(2025, 5, 13),
        principles="b, e",
        sdg_targets="13.2, 13.1",
        links=(f"{DEMO}/practices/climate-mobility-nap",),
    ),
    PracticeSpec(
        title="Information campaign on the risks of irregular migration co-designed with young people",
        summary=(
            "Young people in towns with high emigration co-designed a campaign on regular pathways and the "
            "risks of irregular migration, spread by peer educators and social media."
        ),
        body=(
            "The campaign avoided fear messages and gave concrete information on legal options, "
            "scholarships and jobs at home. UNFPA and IOM supported the youth councils."
        ),
        objectives=(3, 2),
        countries="AL, XK",
        implementers="IOM, UNFPA",
        types="civil_society, un_entity",
        scope="local",
        period=(2022, 2023),
        by="unfpa",
        published_on=date(2023, 8, 29),
        principles="j",
        sdg_targets="10.7",
    ),
    # --- in Russian ---------------------------------------------------------------------------------
    PracticeSpec(
        title="Центры поддержки трудовых мигрантов при местных акиматах",
        summary=(
            "Центры при местных исполнительных органах консультируют трудовых мигрантов и их семьи по "
            "вопросам регистрации, трудовых договоров, медицинского страхования и обучения детей."
        ),
        body=(
            "Центры открыты в трёх областях Казахстана при поддержке МОМ. Консультанты говорят на "
            "казахском, русском, узбекском и кыргызском языках, направляют в службы занятости и "
            "здравоохранения и помогают решать трудовые споры."
        ),
        objectives=(3, 15, 16),
        countries="KZ",
        implementers="KAZ, IOM",
        types="local_authority, un_entity",
        scope="local",
        period=(2023, None),
        by="iom",
        published_on=date(2024, 4, 9),
        principles="i, j",
        sdg_targets="10.7",
        language="ru",
    ),
    PracticeSpec(
        title="Цифровые денежные переводы и финансовая грамотность в сельских районах",
        summary=(
            "Банки и почтовая связь в сельских районах Кыргызстана принимают денежные переводы на "
            "электронные кошельки; семьи мигрантов обучаются планированию бюджета и сбережениям."
        ),
        body=(
            "Национальный банк и ПРООН поддержали подключение сельских отделений к системе мгновенных "
            "платежей. Стоимость перевода снизилась, а доля семей, имеющих сбережения, выросла."
        ),
        objectives=(20,),
        countries="KG",
        implementers="KGZ, UNDP, UNCDF",
        types="member_state, private_sector, un_entity",
        scope="national",
        period=(2022, 2025),
        by="undp",
        published_on=date(2024, 6, 4),
        principles="e",
        sdg_targets="10.c",
        language="ru",
    ),
    PracticeSpec(
        title="Межведомственный механизм перенаправления пострадавших от торговли людьми",
        summary=(
            "Национальный механизм перенаправления объединяет милицию, социальные службы и "
            "общественные организации; пострадавшие получают помощь независимо от участия в уголовном "
            "процессе."
        ),
        body=(
            "Механизм действует в Узбекистане с 2021 года при поддержке УНП ООН и МОМ. Создан реестр "
            "случаев, утверждены стандарты приютов и программы реинтеграции."
        ),
        objectives=(10, 12),
        countries="UZ",
        implementers="UZB, UNODC, IOM",
        types="member_state, civil_society, un_entity",
        scope="national",
        period=(2021, None),
        by="unfpa",
        published_on=date(2023, 1, 10),
        principles="d, f",
        sdg_targets="8.7, 16.2",
        language="ru",
    ),
    PracticeSpec(
        title="Признание навыков возвращающихся мигрантов",
        summary=(
            "Возвращающиеся мигранты подтверждают навыки, полученные за рубежом, через независимую оценку "
            "квалификаций и получают сертификат, признаваемый работодателями."
        ),
        body=(
            "Центры оценки квалификаций в Таджикистане созданы при поддержке МОТ. Строители, повара и "
            "швеи сдают практический экзамен; сертификат помогает найти работу дома или уехать легально."
        ),
        objectives=(18, 21),
        countries="TJ",
        implementers="TJK, ILO",
        types="member_state, private_sector, un_entity",
        scope="national",
        period=(2022, None),
        by="ilo",
        published_on=date(2025, 2, 11),
        principles="e",
        sdg_targets="4.4, 8.5",
        language="ru",
    ),
    # --- in French ----------------------------------------------------------------------------------
    PracticeSpec(
        title="Permanences juridiques mobiles pour les travailleurs saisonniers",
        summary=(
            "Des juristes et des syndicalistes se rendent dans les exploitations agricoles pendant la "
            "saison pour informer les travailleurs saisonniers migrants de leurs droits et les aider en "
            "cas de litige."
        ),
        body=(
            "Les permanences sont organisées en France et en Suisse avec les syndicats agricoles. Les "
            "informations sont données en plusieurs langues et les cas graves sont signalés à "
            "l'inspection du travail."
        ),
        objectives=(6, 22),
        countries="FR, CH",
        implementers="FRA, CHE, RTUC-MW",
        types="trade_union, civil_society",
        scope="local",
        period=(2021, None),
        by="ilo",
        published_on=date(2023, 7, 4),
        principles="f",
        sdg_targets="8.8",
        language="fr",
    ),
    # --- in the review queue: submitted, returned with a comment, drafts ---------------------------
    PracticeSpec(
        title="Integration of migrants' data into the population register",
        summary=(
            "The population register records foreign residents with the same identifiers as citizens, so "
            "that municipalities plan services for everyone living in them."
        ),
        body=(
            "Belarus's statistical office and the interior ministry linked residence permits with the "
            "population register, with UNECE advice on definitions."
        ),
        objectives=(1, 16),
        countries="BY",
        implementers="BLR, UNECE",
        types="member_state, un_entity",
        scope="national",
        period=(2024, None),
        by="iom",
        state=SUBMITTED,
    ),
    PracticeSpec(
        title="Shelter for unaccompanied children run by a municipality",
        summary=(
            "A small municipal shelter for unaccompanied migrant children, with social workers, a guardian "
            "and schooling in the neighbourhood."
        ),
        body="Run by the municipality with NGO staff; twelve places.",
        objectives=(7, 12),
        countries="ME",
        implementers="MNE, UNICEF",
        types="local_authority, civil_society",
        scope="local",
        period=(2025, None),
        by="unicef",
        state=RETURNED,
        comment=(
            "Thank you. Please describe how children are referred to the shelter and how guardians are "
            "appointed, and say what results you have seen so far; the description is too short to be "
            "useful to others."
        ),
    ),
    PracticeSpec(
        title="Returnees' business incubator",
        summary=(
            "A business incubator for returning migrants with co-working space, mentors and access to "
            "micro-loans."
        ),
        body=(
            "The incubator in Chișinău has hosted 45 start-ups by returnees. Half were still trading after "
            "two years."
        ),
        objectives=(21, 19),
        countries="MD",
        implementers="MDA, UNDP",
        types="member_state, private_sector",
        scope="local",
        period=(2023, None),
        by="undp",
        state=RETURNED,
        comment=(
            "Please say how returnees are selected for the incubator, add the GCM guiding principles the "
            "practice follows and give a contact address."
        ),
    ),
    PracticeSpec(
        title="Cross-border referral of child victims of trafficking",
        summary=(
            "Social services of two countries agree how child victims of trafficking found in one are "
            "referred, assessed and, where in their best interests, returned to the other."
        ),
        body="Draft being prepared with the child-protection services; figures to follow.",
        objectives=(10, 14),
        countries="AL, GR",
        implementers="ALB, GRC, UNICEF",
        types="member_state, un_entity",
        scope="regional",
        period=(2025, None),
        by="unicef",
        state=DRAFT,
    ),
    PracticeSpec(
        title="Skills mobility partnership for ICT specialists",
        summary=(
            "A partnership between Armenia and an EU Member State training ICT specialists for both "
            "labour markets."
        ),
        body="Early design; partners to confirm.",
        objectives=(18, 5),
        countries="AM",
        implementers="ARM, IOM",
        types="member_state, private_sector",
        scope="multi_level",
        period=(2026, None),
        by="iom",
        state=DRAFT,
    ),
    PracticeSpec(
        title="Reception standards for asylum seekers with disabilities",
        summary=(
            "Reception centres adapted for asylum seekers with disabilities, with accessible rooms, "
            "assessment on arrival and referral to specialised services."
        ),
        body=(
            "Azerbaijan's migration service and UNHCR assessed the centres and agreed a plan of "
            "adaptations; staff are being trained."
        ),
        objectives=(7, 15),
        countries="AZ",
        implementers="AZE, UNHCR",
        types="member_state, un_entity",
        scope="national",
        period=(2025, None),
        by="unhcr",
        state=SUBMITTED,
    ),
    PracticeSpec(
        title="Skills passports for Turkmen students returning from abroad",
        summary=(
            "Graduates returning from universities abroad receive a skills passport that employers and the "
            "ministry of education recognise, shortening the wait for recognition of their degrees."
        ),
        body="The ministry of education and UNESCO designed the passport; 300 were issued in the first year.",
        objectives=(18,),
        countries="TM",
        implementers="TKM, UNESCO",
        types="member_state, un_entity, academia",
        scope="national",
        period=(2024, None),
        by="undp",
        state=SUBMITTED,
    ),
)


PLEDGES: tuple[PledgeSpec, ...] = (
    # --- International Migration Review Forum 2022 ------------------------------------------------------
    PledgeSpec(
        key="geo-returns",
        pledger="GEO",
        text=(
            "Georgia will open one-stop centres for returning migrants in three regions by 2025, offering "
            "employment counselling, reintegration grants and referral to health and social services."
        ),
        objectives=(21, 15),
        countries="GE",
        occasion=IMRF_2022,
        by="iom",
        reports=(
            r(
                date(2022, 12, 15),
                PLANNING,
                "Sites chosen in Imereti, Kakheti and Adjara; staff recruitment began.",
            ),
            r(date(2023, 11, 30), IN_PROGRESS, "The Imereti centre opened; 600 returnees registered."),
            r(
                date(2024, 12, 10),
                IN_PROGRESS,
                "Kakheti centre opened; a common case-management database is used.",
            ),
            r(
                date(2025, 11, 18),
                FULFILLED,
                "The third centre opened in Batumi; all three are on the state budget.",
            ),
        ),
    ),
    PledgeSpec(
        key="mda-fair-recruitment",
        pledger="MDA",
        text=(
            "The Republic of Moldova pledges to apply the employer-pays principle to all licensed "
            "recruitment agencies and to publish a list of licensed agencies with their complaints record."
        ),
        objectives=(6,),
        countries="MD",
        occasion=IMRF_2022,
        by="ilo",
        reports=(
            r(
                date(2023, 3, 1),
                IN_PROGRESS,
                "Amendments to the rules on private employment agencies drafted.",
            ),
            r(date(2024, 2, 20), IN_PROGRESS, "Rules adopted; the public list is online with 84 agencies."),
            r(
                date(2025, 4, 2),
                FULFILLED,
                "Three licences withdrawn for charging fees; complaints are published.",
            ),
        ),
    ),
    PledgeSpec(
        key="kgz-consular",
        pledger="KGZ",
        text=(
            "Kyrgyzstan will set up a voluntary consular register of citizens working abroad and hold mobile "
            "consular days in the main cities of destination every quarter."
        ),
        objectives=(14, 4),
        countries="KG",
        occasion=IMRF_2022,
        by="iom",
        reports=(
            r(
                date(2023, 1, 25),
                IN_PROGRESS,
                "The register went live; 12,000 people registered in three months.",
            ),
            r(date(2024, 1, 29), IN_PROGRESS, "Mobile consular days held in six cities; 85,000 registered."),
            r(date(2025, 3, 12), IN_PROGRESS, "The register is linked to the labour-dispute hotline."),
            r(
                date(2026, 3, 3),
                IN_PROGRESS,
                "Quarterly consular days continue; a mobile application is in testing.",
            ),
        ),
    ),
    PledgeSpec(
        key="tjk-remittances",
        pledger="TJK",
        text=(
            "Tajikistan pledges to bring the average cost of remittances below 3 per cent by 2025 by "
            "licensing digital transfer operators and publishing the costs of each corridor."
        ),
        objectives=(20,),
        countries="TJ",
        occasion=IMRF_2022,
        by="undp",
        reports=(
            r(
                date(2022, 11, 30),
                IN_PROGRESS,
                "Two digital operators licensed; price-comparison site launched.",
            ),
            r(date(2023, 12, 5), IN_PROGRESS, "Average cost down to 3.6 per cent."),
            r(date(2025, 1, 20), FULFILLED, "Average cost at 2.9 per cent in the fourth quarter of 2024."),
        ),
    ),
    PledgeSpec(
        key="uzb-predeparture",
        pledger="UZB",
        text=(
            "Uzbekistan will make pre-departure orientation available free of charge in every region, with a "
            "curriculum on rights, fair recruitment, safe remittances and the consular hotline."
        ),
        objectives=(3, 6),
        countries="UZ",
        occasion=IMRF_2022,
        by="iom",
        reports=(
            r(date(2023, 2, 14), IN_PROGRESS, "Curriculum agreed; 300 trainers trained."),
            r(date(2024, 3, 19), IN_PROGRESS, "Sessions run in 11 of 14 regions; 48,000 participants."),
            r(
                date(2025, 6, 10),
                IN_PROGRESS,
                "Sessions in all regions; an online version is being prepared.",
            ),
            r(date(2026, 6, 16), FULFILLED, "Free orientation available in every region and online."),
        ),
    ),
    PledgeSpec(
        key="iom-predeparture-match",
        pledger="IOM",
        kind=MATCHING,
        matches="uzb-predeparture",
        text=(
            "IOM matches Uzbekistan's pledge on pre-departure orientation by training its trainers, "
            "producing the materials in three languages and evaluating the sessions' results."
        ),
        objectives=(3,),
        countries="UZ",
        occasion=IMRF_2022,
        made_on=date(2022, 5, 20),
        by="iom",
        reports=(
            r(
                date(2023, 2, 14),
                IN_PROGRESS,
                "Trainers' course delivered; materials in Uzbek, Karakalpak, Russian.",
            ),
            r(date(2025, 6, 10), FULFILLED, "Evaluation completed and shared with the agency."),
        ),
    ),
    PledgeSpec(
        key="alb-nrm",
        pledger="ALB",
        text=(
            "Albania will revise its national referral mechanism for victims of trafficking, introduce a "
            "shared electronic case file and deploy mobile identification teams in the summer season."
        ),
        objectives=(10,),
        countries="AL",
        occasion=IMRF_2022,
        by="iom",
        reports=(
            r(date(2022, 12, 8), IN_PROGRESS, "Revised procedures adopted."),
            r(date(2024, 1, 16), IN_PROGRESS, "Electronic case file in use by police and social services."),
            r(
                date(2025, 2, 4),
                FULFILLED,
                "Mobile teams deployed for the third summer; assistance standards met.",
            ),
        ),
    ),
    PledgeSpec(
        key="mkd-atd",
        pledger="MKD",
        text=(
            "North Macedonia pledges to end the immigration detention of children and to provide "
            "community-based alternatives with case management for families."
        ),
        objectives=(13,),
        countries="MK",
        occasion=IMRF_2022,
        by="unicef",
        reports=(
            r(
                date(2022, 10, 11),
                IN_PROGRESS,
                "Ministerial instruction issued: no child detained for migration reasons.",
            ),
            r(date(2023, 10, 24), FULFILLED, "The law on foreigners now prohibits detention of children."),
        ),
    ),
    PledgeSpec(
        key="unicef-atd-partnership",
        pledger="UNICEF",
        kind=PARTNERSHIP,
        partners="UNHCR, IOM, OHCHR",
        lead_reporter="UNICEF",
        text=(
            "UNICEF, with UNHCR, IOM and OHCHR, will support five governments in the Western Balkans and the "
            "South Caucasus to develop alternatives to immigration detention for children and families."
        ),
        objectives=(13, 12),
        countries="MK, RS, BA, GE, AM",
        occasion=IMRF_2022,
        by="unicef",
        reports=(
            r(date(2023, 4, 18), IN_PROGRESS, "Assessments completed in four countries."),
            r(date(2024, 5, 21), IN_PROGRESS, "Case-management pilots running in Serbia and Georgia."),
            r(date(2025, 5, 27), IN_PROGRESS, "Regional peer exchange held; two governments drafting rules."),
            r(
                date(2026, 5, 5),
                IN_PROGRESS,
                "Rules adopted in Serbia; Armenia's pilot starts in the autumn.",
            ),
        ),
    ),
    PledgeSpec(
        key="srb-gcm-plan",
        pledger="SRB",
        text=(
            "Serbia will adopt a national plan to implement the Global Compact for Migration covering all 23 "
            "objectives and report on it every year."
        ),
        objectives=(23, 1),
        countries="RS",
        occasion=IMRF_2022,
        by="iom",
        reports=(
            r(date(2022, 12, 20), IN_PROGRESS, "The inter-ministerial commission approved the draft plan."),
            r(date(2023, 12, 19), IN_PROGRESS, "Plan adopted; first yearly report published."),
            r(
                date(2025, 1, 14),
                IN_PROGRESS,
                "Second yearly report; indicators revised with the statistical office.",
            ),
            r(
                date(2026, 2, 24),
                IN_PROGRESS,
                "Third yearly report fed into the voluntary report for the IMRF 2026.",
            ),
            r(
                date(2026, 11, 9),
                IN_PROGRESS,
                "Mid-term review of the plan launched with civil society.",
                SUBMITTED,
            ),
        ),
    ),
    PledgeSpec(
        key="kaz-health",
        pledger="KAZ",
        text=(
            "Kazakhstan will extend voluntary health insurance to migrant workers and their families, with "
            "premiums paid by employers for registered workers."
        ),
        objectives=(15, 22),
        countries="KZ",
        occasion=IMRF_2022,
        by="iom",
        reports=(
            r(date(2023, 5, 30), IN_PROGRESS, "Scheme opened; 40,000 workers enrolled."),
            r(date(2024, 6, 11), IN_PROGRESS, "Enrolment reached 110,000; family members may now join."),
            r(date(2025, 9, 23), IN_PROGRESS, "Migrant-friendly desks in polyclinics of five cities."),
        ),
    ),
    PledgeSpec(
        key="arm-diaspora",
        pledger="ARM",
        text=(
            "Armenia pledges to double its diaspora matching-grant programme for local development and to "
            "publish yearly the jobs it creates."
        ),
        objectives=(19,),
        countries="AM",
        occasion=IMRF_2022,
        by="undp",
        reports=(
            r(date(2023, 6, 27), IN_PROGRESS, "Budget doubled; 140 grants awarded."),
            r(date(2024, 7, 9), IN_PROGRESS, "1,300 jobs created since the start."),
            r(date(2025, 7, 15), FULFILLED, "1,900 jobs reported; the programme is now permanent."),
        ),
    ),
    PledgeSpec(
        key="tur-family",
        pledger="TUR",
        text=(
            "Türkiye will simplify family reunification for holders of long-term work permits and decide "
            "applications within 90 days."
        ),
        objectives=(5, 16),
        countries="TR",
        occasion=IMRF_2022,
        by="iom",
        reports=(
            r(date(2023, 8, 22), IN_PROGRESS, "Online applications introduced."),
            r(date(2024, 9, 3), FULFILLED, "New rules in force; average decision time 74 days."),
        ),
    ),
    PledgeSpec(
        key="bih-screening",
        pledger="BIH",
        text=(
            "Bosnia and Herzegovina pledges to apply one screening and referral procedure in all reception "
            "centres and to appoint a guardian for every unaccompanied child within three days."
        ),
        objectives=(12,),
        countries="BA",
        occasion=IMRF_2022,
        by="unicef",
        reports=(
            r(date(2022, 11, 22), IN_PROGRESS, "Screening form agreed by all agencies."),
            r(
                date(2023, 9, 12),
                IN_PROGRESS,
                "Guardians appointed within three days in 70 per cent of cases.",
            ),
        ),
    ),
    PledgeSpec(
        key="mne-birth-registration",
        pledger="MNE",
        text=(
            "Montenegro will ensure that every child born on its territory is registered at birth, whatever "
            "the documents of the parents."
        ),
        objectives=(4,),
        countries="ME",
        occasion=IMRF_2022,
        by="unhcr",
        reports=(
            r(date(2023, 3, 21), IN_PROGRESS, "Maternity wards notify the registrar of every birth."),
            r(date(2024, 4, 23), IN_PROGRESS, "Simplified late-registration procedure adopted."),
        ),
    ),
    PledgeSpec(
        key="aze-resource-centres",
        pledger="AZE",
        text=(
            "Azerbaijan will open migrant resource centres in four regional employment offices, giving "
            "information on regular migration and on jobs for returning migrants."
        ),
        objectives=(3, 21),
        countries="AZ",
        occasion=IMRF_2022,
        by="iom",
        reports=(r(date(2023, 7, 18), IN_PROGRESS, "Two centres opened in Ganja and Lankaran."),),
    ),
    PledgeSpec(
        key="ukr-statelessness",
        pledger="UKR",
        text=(
            "Ukraine pledges to keep its statelessness determination procedure working during the war, with "
            "remote interviews and free legal aid for applicants."
        ),
        objectives=(4, 7),
        countries="UA",
        occasion=IMRF_2022,
        by="unhcr",
        reports=(
            r(date(2022, 12, 13), IN_PROGRESS, "Remote interviews introduced; 900 applications received."),
            r(date(2023, 12, 12), IN_PROGRESS, "Legal-aid centres trained; recognition rate 71 per cent."),
            r(
                date(2025, 2, 25),
                IN_PROGRESS,
                "Procedure continues; mobile teams work in the west of the country.",
            ),
            r(date(2026, 4, 14), IN_PROGRESS, "2,600 people recognised as stateless since 2022."),
        ),
    ),
    PledgeSpec(
        key="deu-skills-match",
        pledger="DEU",
        kind=MATCHING,
        matches="mda-fair-recruitment",
        text=(
            "Germany matches the Republic of Moldova's pledge on fair recruitment by recruiting only through "
            "agencies on Moldova's public list and by funding a skills partnership for care workers."
        ),
        objectives=(6, 18),
        countries="MD, DE",
        occasion=IMRF_2022,
        by="ilo",
        reports=(
            r(date(2023, 3, 1), IN_PROGRESS, "Care-worker partnership agreed with two colleges."),
            r(date(2024, 3, 26), IN_PROGRESS, "First 120 graduates; 70 chose to work in Moldova."),
            r(date(2025, 3, 25), IN_PROGRESS, "Third college joined; return bonus paid to 15 workers."),
            r(date(2026, 3, 24), IN_PROGRESS, "Partnership extended to 2028."),
        ),
    ),
    PledgeSpec(
        key="ilo-social-security",
        pledger="ILO",
        text=(
            "ILO will support countries of origin and destination in Central Asia to conclude "
            "social-security agreements that keep migrant workers' pension and benefit rights portable."
        ),
        objectives=(22, 23),
        countries="KZ, KG, UZ, TJ",
        occasion=IMRF_2022,
        by="ilo",
        reports=(
            r(date(2023, 4, 4), IN_PROGRESS, "Actuarial studies for two agreements completed."),
            r(date(2024, 4, 16), IN_PROGRESS, "Two agreements signed; liaison offices being set up."),
            r(date(2025, 6, 3), FULFILLED, "Agreements in force; the first pensions paid across the border."),
        ),
    ),
    PledgeSpec(
        key="unodc-smuggling",
        pledger="UNODC",
        text=(
            "UNODC will help prosecutors in the Western Balkans form joint investigation teams on migrant "
            "smuggling and trace its proceeds, while protecting smuggled migrants' rights."
        ),
        objectives=(9,),
        countries="AL, BA, ME, RS, MK",
        occasion=IMRF_2022,
        by="unfpa",
        reports=(
            r(date(2023, 6, 6), IN_PROGRESS, "Model agreement for joint teams shared with prosecutors."),
            r(date(2024, 6, 25), IN_PROGRESS, "Three joint teams at work; financial investigators trained."),
            r(date(2025, 10, 7), IN_PROGRESS, "Twelve networks dismantled since 2022."),
        ),
    ),
    PledgeSpec(
        key="iom-missing",
        pledger="IOM",
        text=(
            "IOM will help governments along the Western Balkans route identify migrants who died or went "
            "missing and inform their families, with a shared protocol for forensic services."
        ),
        objectives=(8,),
        countries="BA, RS, MK, AL",
        occasion=IMRF_2022,
        by="iom",
        reports=(
            r(date(2023, 1, 31), IN_PROGRESS, "Protocol drafted with forensic institutes."),
            r(date(2024, 2, 13), IN_PROGRESS, "Protocol adopted in three places; 40 remains identified."),
            r(date(2025, 2, 18), IN_PROGRESS, "Family-contact desks open through humanitarian partners."),
            r(date(2026, 2, 10), IN_PROGRESS, "Regional database in use; 112 identifications since 2022."),
            r(
                date(2026, 11, 4),
                IN_PROGRESS,
                "Winter preparedness plan agreed with municipalities.",
                SUBMITTED,
            ),
        ),
    ),
    PledgeSpec(
        key="tkm-data",
        pledger="TKM",
        text=(
            "Turkmenistan will add questions on international migration to its labour-force survey and "
            "publish the results."
        ),
        objectives=(1,),
        countries="TM",
        occasion=IMRF_2022,
        by="iom",
        reports=(r(date(2023, 5, 16), PLANNING, "Questions drafted with UNECE advice."),),
    ),
    PledgeSpec(
        key="blr-skills",
        pledger="BLR",
        text=(
            "Belarus pledges to simplify the recognition of foreign qualifications for migrant workers in "
            "regulated professions."
        ),
        objectives=(18,),
        countries="BY",
        occasion=IMRF_2022,
        stage=PLANNING,
        by="iom",
    ),
    PledgeSpec(
        key="prt-health-firewall",
        pledger="PRT",
        text=(
            "Portugal will keep access to health care separate from immigration enforcement and inform "
            "migrants of it in ten languages."
        ),
        objectives=(15, 7),
        countries="PT",
        occasion=IMRF_2022,
        by="unfpa",
        reports=(
            r(date(2022, 9, 20), IN_PROGRESS, "Instruction to health services confirmed."),
            r(date(2023, 9, 19), FULFILLED, "Information campaign in ten languages completed."),
        ),
    ),
    PledgeSpec(
        key="unhcr-statelessness",
        pledger="UNHCR",
        text=(
            "UNHCR will support every programme country in the region that asks for it to set up a "
            "statelessness determination procedure and to register all births."
        ),
        objectives=(4, 17),
        countries="UA, ME, RS, MK, KG, TJ",
        occasion=IMRF_2022,
        by="unhcr",
        reports=(
            r(date(2023, 2, 7), IN_PROGRESS, "Support requested by four governments."),
            r(date(2024, 2, 6), IN_PROGRESS, "Procedures in force in two more countries."),
            r(
                date(2025, 3, 4),
                IN_PROGRESS,
                "Birth-registration reviews completed in Montenegro and Serbia.",
            ),
            r(date(2026, 1, 27), IN_PROGRESS, "Mobile registration in Tajikistan reached 3,000 people."),
        ),
    ),
    PledgeSpec(
        key="ita-regular-pathways",
        pledger="ITA",
        text=(
            "Italy will open a seasonal-work quota reserved for workers trained in partner countries, with "
            "pre-departure training and guaranteed housing standards."
        ),
        objectives=(5, 6),
        countries="IT, AL, MD",
        occasion=IMRF_2022,
        stage=IN_PROGRESS,
        by="ilo",
        reports=(r(date(2023, 4, 25), IN_PROGRESS, "Quota opened; 800 workers trained in Albania."),),
    ),
    PledgeSpec(
        key="mda-atd-returns",
        pledger="MDA",
        text=(
            "The Republic of Moldova pledges independent monitoring of every forced return by the "
            "ombudsperson's office."
        ),
        objectives=(21, 13),
        countries="MD",
        occasion=IMRF_2022,
        by="unhcr",
        reports=(
            r(date(2023, 5, 23), IN_PROGRESS, "Monitors trained."),
            r(date(2024, 5, 28), IN_PROGRESS, "All return flights monitored in 2023."),
            r(date(2025, 5, 20), FULFILLED, "Monitoring written into the law on foreigners."),
        ),
    ),
    PledgeSpec(
        key="caf-rights",
        pledger="CAMRF",
        text=(
            "The Central Asian Civil Society Forum on Migrants' Rights will run helplines and legal clinics "
            "for migrant workers in four cities and report yearly on the cases handled."
        ),
        objectives=(7, 6, 17),
        countries="KZ, KG, UZ",
        occasion=IMRF_2022,
        by="ilo",
        reports=(
            r(date(2023, 6, 13), IN_PROGRESS, "Helplines in Almaty and Bishkek; 2,100 calls."),
            r(date(2024, 6, 18), IN_PROGRESS, "Clinics in four cities; 60 per cent of wage claims settled."),
            r(date(2025, 6, 17), IN_PROGRESS, "Yearly report shared with labour inspectorates."),
            r(date(2026, 6, 23), IN_PROGRESS, "Helpline extended to Tashkent; 5,400 calls in the year."),
            r(
                date(2026, 11, 16),
                IN_PROGRESS,
                "Work continued in all four cities.",
                RETURNED,
                (
                    "Please give the number of calls and of wage "
                    "claims settled in the period, as in earlier reports."
                ),
            ),
        ),
    ),
    # --- Regional dialogue on labour mobility in Central Asia, 2023 --------------------------------------
    PledgeSpec(
        key="kaz-inspection",
        pledger="KAZ",
        text=(
            "Kazakhstan will train labour inspectors to inspect households employing migrant domestic "
            "workers and open a helpline in the workers' languages."
        ),
        objectives=(6, 7),
        countries="KZ",
        occasion=DIALOGUE_2023,
        by="ilo",
        reports=(
            r(date(2024, 4, 9), IN_PROGRESS, "Inspection protocol adopted."),
            r(date(2025, 4, 8), IN_PROGRESS, "120 inspectors trained; helpline open."),
            r(date(2026, 4, 7), IN_PROGRESS, "Inspections in four regions; most cases settled by mediation."),
        ),
    ),
    PledgeSpec(
        key="uzb-consular-days",
        pledger="UZB",
        text=(
            "Uzbekistan pledges monthly consular days in the main cities of destination, with a labour "
            "lawyer to advise workers on disputes."
        ),
        objectives=(14,),
        countries="UZ, KZ, TR",
        occasion=DIALOGUE_2023,
        by="iom",
        reports=(
            r(date(2024, 5, 14), IN_PROGRESS, "Consular days held in eight cities."),
            r(date(2025, 5, 13), IN_PROGRESS, "A labour lawyer attends each consular day."),
            r(date(2026, 5, 12), FULFILLED, "Monthly consular days in twelve cities."),
        ),
    ),
    PledgeSpec(
        key="tjk-skills",
        pledger="TJK",
        text=(
            "Tajikistan will set up qualification assessment centres where returning migrants certify the "
            "skills they gained abroad."
        ),
        objectives=(18, 21),
        countries="TJ",
        occasion=DIALOGUE_2023,
        by="ilo",
        reports=(
            r(date(2024, 3, 12), IN_PROGRESS, "Two centres opened in Dushanbe and Khujand."),
            r(date(2025, 3, 11), IN_PROGRESS, "1,800 certificates issued."),
            r(date(2026, 3, 10), IN_PROGRESS, "Employers' associations recognise the certificates."),
        ),
    ),
    PledgeSpec(
        key="kgz-remittances",
        pledger="KGZ",
        text=(
            "Kyrgyzstan will connect rural post offices to the instant-payment system so that remittances "
            "reach mobile wallets at low cost."
        ),
        objectives=(20,),
        countries="KG",
        occasion=DIALOGUE_2023,
        by="undp",
        reports=(
            r(date(2024, 2, 27), IN_PROGRESS, "300 post offices connected."),
            r(date(2025, 2, 25), FULFILLED, "All rural post offices connected; cost below 2.5 per cent."),
        ),
    ),
    PledgeSpec(
        key="eefr-fair",
        pledger="EEFR",
        text=(
            "Members of the Eurasian Employers' Forum on Fair Recruitment commit to recruit migrant workers "
            "without charging them fees and to publish an audit of their recruitment chains."
        ),
        objectives=(6,),
        countries="KZ, UZ, KG, TR",
        occasion=DIALOGUE_2023,
        by="ilo",
        reports=(
            r(date(2024, 10, 15), IN_PROGRESS, "35 companies signed the commitment; audits under way."),
        ),
    ),
    PledgeSpec(
        key="ilo-dialogue-match",
        pledger="ILO",
        kind=MATCHING,
        matches="eefr-fair",
        text=(
            "ILO matches the employers' pledge on fair recruitment by training auditors and publishing a "
            "method for auditing recruitment chains."
        ),
        objectives=(6,),
        countries="KZ, UZ, KG",
        occasion=DIALOGUE_2023,
        made_on=date(2023, 10, 6),
        by="ilo",
        reports=(r(date(2024, 10, 15), FULFILLED, "Audit method published; 40 auditors trained."),),
    ),
    PledgeSpec(
        key="imrca-data",
        pledger="IMRCA",
        text=(
            "The Institute for Migration Research in Central Asia will run a panel survey of migrant "
            "households every two years and share the anonymised data with statistical offices."
        ),
        objectives=(1, 20),
        countries="KG, TJ, UZ",
        occasion=DIALOGUE_2023,
        by="undp",
        reports=(
            r(date(2024, 9, 17), IN_PROGRESS, "First wave of 6,000 households completed."),
            r(
                date(2026, 9, 15),
                IN_PROGRESS,
                "Second wave completed; data shared with three statistical offices.",
            ),
        ),
    ),
    # --- UNECE regional review of the GCM, 2024 ------------------------------------------------------
    PledgeSpec(
        key="geo-atd-adults",
        pledger="GEO",
        text=(
            "Georgia pledges to pilot case management as an alternative to detention for adults in return "
            "and asylum procedures, and to extend it if the pilot succeeds."
        ),
        objectives=(13,),
        countries="GE",
        occasion=REVIEW_2024,
        by="unhcr",
        reports=(
            r(date(2024, 10, 22), IN_PROGRESS, "Pilot began with 60 people."),
            r(date(2025, 10, 21), IN_PROGRESS, "Compliance 93 per cent; costs a third of detention."),
            r(
                date(2026, 10, 20),
                IN_PROGRESS,
                "Government decided to extend the approach nationwide in 2027.",
            ),
        ),
    ),
    PledgeSpec(
        key="arm-schools",
        pledger="ARM",
        text=(
            "Armenia will enrol every displaced child in school within a month of arrival, with bridging "
            "classes and psychosocial support."
        ),
        objectives=(15,),
        countries="AM",
        occasion=REVIEW_2024,
        by="unicef",
        reports=(
            r(date(2024, 9, 10), IN_PROGRESS, "Enrolment rules simplified."),
            r(
                date(2025, 9, 9),
                FULFILLED,
                "92 per cent enrolled; bridging classes in all affected communities.",
            ),
        ),
    ),
    PledgeSpec(
        key="srb-local-plans",
        pledger="SRB",
        text=(
            "Serbia will support twenty municipalities to adopt local plans for the inclusion of migrants, "
            "refugees and returnees, with a budget line each."
        ),
        objectives=(16,),
        countries="RS",
        occasion=REVIEW_2024,
        by="undp",
        reports=(
            r(date(2025, 1, 28), IN_PROGRESS, "Eleven plans adopted."),
            r(
                date(2026, 1, 27),
                IN_PROGRESS,
                "Seventeen plans adopted; a peer network of municipalities meets.",
            ),
        ),
    ),
    PledgeSpec(
        key="ammi-inclusion",
        pledger="AMMI",
        kind=MATCHING,
        matches="srb-local-plans",
        text=(
            "The Association of Municipalities for Migrant Inclusion matches Serbia's pledge by coaching "
            "municipal teams and running a peer network on local inclusion plans."
        ),
        objectives=(16, 23),
        countries="RS",
        occasion=REVIEW_2024,
        by="undp",
        reports=(
            r(date(2025, 1, 28), IN_PROGRESS, "Coaching for eleven municipal teams."),
            r(date(2026, 1, 27), IN_PROGRESS, "Peer network meets every quarter."),
        ),
    ),
    PledgeSpec(
        key="mkd-media",
        pledger="MKD",
        text=(
            "North Macedonia pledges to include fair reporting on migration in the curriculum of journalism "
            "schools and to support an annual award for fair reporting."
        ),
        objectives=(17,),
        countries="MK",
        occasion=REVIEW_2024,
        by="undp",
        reports=(
            r(date(2025, 4, 15), IN_PROGRESS, "Module taught at two universities."),
            r(date(2026, 4, 14), IN_PROGRESS, "First award given; press council adopted a guide."),
        ),
    ),
    PledgeSpec(
        key="un-women-gbv",
        pledger="UN-Women",
        kind=PARTNERSHIP,
        partners="UNFPA, IOM",
        lead_reporter="UN-Women",
        text=(
            "UN-Women, UNFPA and IOM will make services for survivors of gender-based violence accessible to "
            "migrant and refugee women in six countries, with interpreters and women-only spaces."
        ),
        objectives=(7, 15),
        countries="TR, MD, GE, AM, KZ, RS",
        occasion=REVIEW_2024,
        by="unfpa",
        reports=(
            r(date(2024, 11, 5), IN_PROGRESS, "Service mapping completed in six countries."),
            r(date(2025, 11, 4), IN_PROGRESS, "Interpreters on hotlines in four countries."),
            r(date(2026, 10, 27), IN_PROGRESS, "Women-only spaces in 22 community centres."),
        ),
    ),
    PledgeSpec(
        key="who-health-training",
        pledger="WHO",
        text=(
            "WHO will train primary health-care workers in the Western Balkans on migrant-sensitive care and "
            "make telephone interpreting available."
        ),
        objectives=(15,),
        countries="AL, BA, ME, MK, RS",
        occasion=REVIEW_2024,
        by="unfpa",
        reports=(
            r(date(2025, 1, 21), IN_PROGRESS, "Course accredited in four countries."),
            r(date(2026, 1, 20), FULFILLED, "2,400 health workers trained; interpreting in 30 languages."),
        ),
    ),
    PledgeSpec(
        key="undp-climate",
        pledger="UNDP",
        kind=PARTNERSHIP,
        partners="IOM, UNEP, FAO",
        lead_reporter="UNDP",
        text=(
            "UNDP, IOM, UNEP and FAO will help Central Asian governments integrate climate-related mobility "
            "into their national adaptation plans and plan for planned relocation where needed."
        ),
        objectives=(2, 23),
        countries="KG, TJ, UZ, KZ",
        occasion=REVIEW_2024,
        by="undp",
        reports=(
            r(date(2024, 12, 3), IN_PROGRESS, "Methodology agreed; assessments in three countries."),
            r(date(2025, 12, 2), IN_PROGRESS, "Two adaptation plans now include human mobility."),
            r(date(2026, 10, 6), IN_PROGRESS, "Planned-relocation guidance drafted with Tajikistan."),
        ),
    ),
    PledgeSpec(
        key="tur-drr",
        pledger="TUR",
        text=(
            "Türkiye will include migrants and refugees in municipal disaster-risk reduction plans in the "
            "provinces affected by the 2023 earthquakes."
        ),
        objectives=(2, 7),
        countries="TR",
        occasion=REVIEW_2024,
        by="undp",
        reports=(
            r(date(2024, 9, 24), IN_PROGRESS, "Reviews of plans in five provinces."),
            r(date(2025, 9, 23), IN_PROGRESS, "Migrant leaders on local emergency committees."),
        ),
    ),
    PledgeSpec(
        key="bih-search-rescue",
        pledger="BIH",
        text=(
            "Bosnia and Herzegovina will agree a search and rescue protocol for mountain border areas and "
            "set up warming points in winter."
        ),
        objectives=(8, 11),
        countries="BA",
        occasion=REVIEW_2024,
        by="iom",
        reports=(r(date(2024, 6, 4), IN_PROGRESS, "Protocol agreed with mountain rescue services."),),
    ),
    PledgeSpec(
        key="ohchr-borders",
        pledger="OHCHR",
        text=(
            "OHCHR will help border academies in the South Caucasus and Central Asia teach human rights at "
            "borders, with a course refreshed every two years."
        ),
        objectives=(11,),
        countries="GE, AM, AZ, KZ, KG",
        occasion=REVIEW_2024,
        by="unhcr",
        reports=(
            r(date(2024, 10, 1), IN_PROGRESS, "Course taught in Georgia and Armenia."),
            r(date(2025, 9, 30), IN_PROGRESS, "Azerbaijan and Kazakhstan added the course."),
            r(date(2026, 9, 29), IN_PROGRESS, "Second edition of the course written with the academies."),
        ),
    ),
    PledgeSpec(
        key="wbdn-diaspora",
        pledger="WBDN",
        text=(
            "The Western Balkans Network of Diaspora Associations will mobilise 200 diaspora professionals "
            "for short assignments in hospitals and universities at home."
        ),
        objectives=(19,),
        countries="MK, AL, RS, BA",
        occasion=REVIEW_2024,
        by="undp",
        reports=(
            r(date(2025, 3, 18), IN_PROGRESS, "85 assignments completed."),
            r(date(2026, 3, 17), IN_PROGRESS, "160 assignments; a mentoring strand added."),
        ),
    ),
    PledgeSpec(
        key="unodc-trafficking",
        pledger="UNODC",
        text=(
            "UNODC will help labour inspectorates in five countries use trafficking indicators in their "
            "inspections and refer presumed victims."
        ),
        objectives=(10, 6),
        countries="RS, MD, UA, KZ, UZ",
        occasion=REVIEW_2024,
        by="unfpa",
        reports=(
            r(date(2024, 11, 12), IN_PROGRESS, "Indicators adopted in Serbia and the Republic of Moldova."),
            r(date(2025, 11, 11), IN_PROGRESS, "Joint training with police in three countries."),
        ),
    ),
    PledgeSpec(
        key="pol-refugee-jobs",
        pledger="POL",
        text=(
            "Poland pledges to help 5,000 refugees find work matching their qualifications, with language "
            "training on the job and childcare support."
        ),
        objectives=(16, 18),
        countries="PL",
        occasion=REVIEW_2024,
        by="unhcr",
        reports=(
            r(date(2024, 9, 17), IN_PROGRESS, "2,100 placements."),
            r(date(2025, 9, 16), FULFILLED, "5,300 placements, 70 per cent of them women."),
        ),
    ),
    PledgeSpec(
        key="unece-statistics",
        pledger="UNECE",
        text=(
            "UNECE will support national statistical offices in Central Asia to publish a joint yearly "
            "release of harmonised migration statistics."
        ),
        objectives=(1,),
        countries="KZ, KG, TJ, TM, UZ",
        occasion=REVIEW_2024,
        by="iom",
        reports=(
            r(date(2024, 11, 19), IN_PROGRESS, "Core tables agreed by the task force."),
            r(date(2025, 11, 18), FULFILLED, "First joint release published."),
        ),
    ),
    PledgeSpec(
        key="esp-circular",
        pledger="ESP",
        text=(
            "Spain will open a circular-migration programme for agricultural workers from two partner "
            "countries in the region, with training and guaranteed return of social contributions."
        ),
        objectives=(5, 22),
        countries="ES, GE, MD",
        occasion=REVIEW_2024,
        by="ilo",
        reports=(r(date(2024, 7, 2), PLANNING, "Memoranda with the partner countries under discussion."),),
    ),
    # --- no particular occasion ----------------------------------------------------------------------
    PledgeSpec(
        key="tjk-repatriation",
        pledger="TJK",
        text=(
            "Tajikistan will keep an emergency repatriation fund for nationals in distress abroad and decide "
            "every case within 48 hours."
        ),
        objectives=(14, 8),
        countries="TJ",
        occasion=NONE,
        made_on=date(2022, 9, 1),
        by="iom",
        reports=(
            r(date(2023, 9, 5), IN_PROGRESS, "Fund financed from consular fees; 240 cases decided."),
            r(date(2025, 1, 7), IN_PROGRESS, "Average decision time 31 hours."),
            r(date(2026, 1, 6), IN_PROGRESS, "Insurance claims for families of deceased migrants added."),
        ),
    ),
    PledgeSpec(
        key="rtuc-organising",
        pledger="RTUC-MW",
        text=(
            "The Regional Trade Union Council for Migrant Workers will organise migrant workers in "
            "construction and run mobile legal clinics in three cities."
        ),
        objectives=(6, 22),
        countries="KZ, RU",
        occasion=NONE,
        made_on=date(2022, 11, 14),
        by="ilo",
        reports=(r(date(2023, 11, 21), IN_PROGRESS, "Clinics in two cities; 1,200 workers advised."),),
    ),
    PledgeSpec(
        key="aze-asylum-disability",
        pledger="AZE",
        text=(
            "Azerbaijan will adapt its reception centres to asylum seekers with disabilities and assess each "
            "new arrival's needs."
        ),
        objectives=(7, 12),
        countries="AZ",
        occasion=NONE,
        made_on=date(2025, 2, 10),
        by="unhcr",
        reports=(r(date(2025, 10, 14), IN_PROGRESS, "Assessment of centres completed; plan agreed."),),
    ),
    PledgeSpec(
        key="unicef-reintegration-children",
        pledger="UNICEF",
        text=(
            "UNICEF will support social-work centres to follow every child who returns with their family for "
            "the first year, with school catch-up and psychosocial care."
        ),
        objectives=(21, 15),
        countries="XK, AL, RS",
        occasion=NONE,
        made_on=date(2023, 1, 17),
        by="unicef",
        reports=(
            r(date(2023, 12, 5), IN_PROGRESS, "Case plans for 400 children."),
            r(date(2024, 12, 17), IN_PROGRESS, "Guidance for schools on assessing returning children."),
            r(date(2025, 12, 16), IN_PROGRESS, "1,100 children followed; school attendance 95 per cent."),
        ),
    ),
    PledgeSpec(
        key="che-pensions",
        pledger="CHE",
        text=(
            "Switzerland will exchange pension records electronically with partner countries in the Western "
            "Balkans so that returning workers claim their pensions with one form."
        ),
        objectives=(22, 19),
        countries="CH, RS, BA, MK",
        occasion=NONE,
        made_on=date(2022, 3, 1),
        by="ilo",
        reports=(
            r(date(2022, 12, 6), IN_PROGRESS, "Exchange running with Serbia."),
            r(date(2024, 5, 14), IN_PROGRESS, "Bosnia and Herzegovina connected."),
        ),
    ),
    # --- International Migration Review Forum 2026 ------------------------------------------------------
    PledgeSpec(
        key="geo-returns-2026",
        pledger="GEO",
        text=(
            "Georgia will extend its one-stop centres for returning migrants to all regions by 2028 and add "
            "a reintegration module for families with children."
        ),
        objectives=(21, 22),
        countries="GE",
        occasion=IMRF_2026,
        by="iom",
        reports=(r(date(2026, 10, 13), PLANNING, "Needs assessment under way in six regions."),),
    ),
    PledgeSpec(
        key="mda-diaspora-2026",
        pledger="MDA",
        text=(
            "The Republic of Moldova pledges a diaspora investment window with matching grants for "
            "enterprises created by returning migrants and diaspora members in rural areas."
        ),
        objectives=(19, 21),
        countries="MD",
        occasion=IMRF_2026,
        by="undp",
        reports=(r(date(2026, 9, 29), IN_PROGRESS, "First call for proposals launched; 210 applications."),),
    ),
    PledgeSpec(
        key="kaz-social-security-2026",
        pledger="KAZ",
        text=(
            "Kazakhstan will negotiate social-security agreements with two more countries of origin and let "
            "migrant workers see their contribution records online."
        ),
        objectives=(22,),
        countries="KZ, TJ, AZ",
        occasion=IMRF_2026,
        by="ilo",
        reports=(r(date(2026, 10, 20), PLANNING, "Negotiating mandates approved."),),
    ),
    PledgeSpec(
        key="uzb-skills-2026",
        pledger="UZB",
        text=(
            "Uzbekistan will conclude skills partnerships with three countries of destination, training "
            "workers to recognised standards in construction, care and hospitality."
        ),
        objectives=(18, 5),
        countries="UZ, DE",
        occasion=IMRF_2026,
        by="iom",
        reports=(r(date(2026, 9, 8), IN_PROGRESS, "First partnership signed; curricula being aligned."),),
    ),
    PledgeSpec(
        key="deu-skills-2026",
        pledger="DEU",
        kind=MATCHING,
        matches="uzb-skills-2026",
        text=(
            "Germany matches Uzbekistan's pledge on skills partnerships by co-funding training centres and "
            "recognising the qualifications they award before departure."
        ),
        objectives=(18, 5),
        countries="UZ, DE",
        occasion=IMRF_2026,
        by="ilo",
        reports=(
            r(date(2026, 9, 8), IN_PROGRESS, "Two training centres selected in Tashkent and Samarkand."),
        ),
    ),
    PledgeSpec(
        key="tjk-climate-2026",
        pledger="TJK",
        text=(
            "Tajikistan pledges planned relocation, with the consent of the communities concerned, of "
            "households living in the areas at highest risk of mudflows and glacial lake outbursts."
        ),
        objectives=(2,),
        countries="TJ",
        occasion=IMRF_2026,
        by="undp",
        reports=(r(date(2026, 10, 6), PLANNING, "Community consultations held in 14 villages."),),
    ),
    PledgeSpec(
        key="kgz-data-2026",
        pledger="KGZ",
        text=(
            "Kyrgyzstan will link its consular register, border data and labour-force survey to publish "
            "yearly figures on labour migration, disaggregated by sex and age."
        ),
        objectives=(1, 14),
        countries="KG",
        occasion=IMRF_2026,
        by="iom",
        reports=(r(date(2026, 11, 3), PLANNING, "Data-sharing agreement drafted."),),
    ),
    PledgeSpec(
        key="alb-trafficking-2026",
        pledger="ALB",
        text=(
            "Albania will extend its referral mechanism to online recruitment of victims of trafficking, "
            "with a cyber unit in the police and agreements with platforms."
        ),
        objectives=(10,),
        countries="AL",
        occasion=IMRF_2026,
        by="iom",
        reports=(
            r(date(2026, 9, 15), IN_PROGRESS, "Cyber unit staffed; first agreement with a job platform."),
        ),
    ),
    PledgeSpec(
        key="srb-atd-2026",
        pledger="SRB",
        text=(
            "Serbia pledges that no child will be detained for migration reasons and that families will be "
            "accommodated in open facilities with case management."
        ),
        objectives=(13,),
        countries="RS",
        occasion=IMRF_2026,
        by="unicef",
        reports=(
            r(date(2026, 10, 27), IN_PROGRESS, "Rule adopted by the ministry; facilities being adapted."),
        ),
    ),
    PledgeSpec(
        key="unicef-atd-2026",
        pledger="UNICEF",
        kind=MATCHING,
        matches="srb-atd-2026",
        text=(
            "UNICEF matches Serbia's pledge on ending child immigration detention by training caseworkers "
            "and funding guardianship services for unaccompanied children."
        ),
        objectives=(13, 12),
        countries="RS",
        occasion=IMRF_2026,
        by="unicef",
        reports=(
            r(date(2026, 10, 27), IN_PROGRESS, "Caseworker training designed with the social-work chamber."),
        ),
    ),
    PledgeSpec(
        key="iom-unhcr-borders-2026",
        pledger="IOM",
        kind=PARTNERSHIP,
        partners="UNHCR, OHCHR",
        lead_reporter="IOM",
        text=(
            "IOM, UNHCR and OHCHR will support border authorities in the region to set up independent border "
            "monitoring and protection-sensitive entry systems."
        ),
        objectives=(11, 12, 8),
        countries="GE, AM, MD, BA, RS",
        occasion=IMRF_2026,
        by="iom",
        reports=(r(date(2026, 10, 13), PLANNING, "Scoping missions to three countries."),),
    ),
    PledgeSpec(
        key="ilo-fair-recruitment-2026",
        pledger="ILO",
        kind=PARTNERSHIP,
        partners="IOM, EEFR, RTUC-MW",
        lead_reporter="ILO",
        text=(
            "ILO, IOM, employers and trade unions will establish a regional fair-recruitment corridor "
            "between Central Asia and its main countries of destination, with zero fees for workers."
        ),
        objectives=(6, 23),
        countries="KZ, KG, TJ, UZ, TR",
        occasion=IMRF_2026,
        by="ilo",
        reports=(r(date(2026, 9, 22), PLANNING, "Corridor design workshop held in Almaty."),),
    ),
    PledgeSpec(
        key="undp-remittances-2026",
        pledger="UNDP",
        text=(
            "UNDP will support five countries to channel remittances into savings and local investment, with "
            "digital products for families of migrants."
        ),
        objectives=(20, 19),
        countries="TJ, KG, UZ, AM, MD",
        occasion=IMRF_2026,
        by="undp",
        reports=(r(date(2026, 10, 20), IN_PROGRESS, "Products designed with banks in three countries."),),
    ),
    PledgeSpec(
        key="unfpa-srh-2026",
        pledger="UNFPA",
        text=(
            "UNFPA will make sexual and reproductive health services available to migrant women workers in "
            "agriculture in four countries."
        ),
        objectives=(15, 7),
        countries="TR, KZ, UZ, MD",
        occasion=IMRF_2026,
        by="unfpa",
        reports=(
            r(date(2026, 8, 25), IN_PROGRESS, "Mobile clinics running in the harvest season in Türkiye."),
        ),
    ),
    PledgeSpec(
        key="ohchr-discrimination-2026",
        pledger="OHCHR",
        text=(
            "OHCHR will support equality bodies in six countries to handle complaints of discrimination "
            "against migrants and publish yearly findings."
        ),
        objectives=(17,),
        countries="GE, AM, MD, RS, MK, ME",
        occasion=IMRF_2026,
        by="unhcr",
        reports=(r(date(2026, 11, 10), PLANNING, "Training needs assessed with the equality bodies."),),
    ),
    PledgeSpec(
        key="arm-consular-2026",
        pledger="ARM",
        text=(
            "Armenia pledges an online consular service for citizens abroad — documents, registration and "
            "emergency contact — and a consular protection register."
        ),
        objectives=(14, 4),
        countries="AM",
        occasion=IMRF_2026,
        by="iom",
        reports=(r(date(2026, 11, 17), IN_PROGRESS, "Online service launched for passport renewal."),),
    ),
    PledgeSpec(
        key="tur-integration-2026",
        pledger="TUR",
        text=(
            "Türkiye will support social cohesion between refugees and host communities in 20 provinces "
            "through joint community projects and language courses."
        ),
        objectives=(16, 17),
        countries="TR",
        occasion=IMRF_2026,
        by="unhcr",
        reports=(r(date(2026, 10, 6), IN_PROGRESS, "Projects running in eight provinces."),),
    ),
    PledgeSpec(
        key="mne-smuggling-2026",
        pledger="MNE",
        text=(
            "Montenegro will set up a specialised prosecution unit on migrant smuggling and ensure that "
            "smuggled migrants are screened for protection needs."
        ),
        objectives=(9, 12),
        countries="ME",
        occasion=IMRF_2026,
        by="unfpa",
        reports=(
            r(date(2026, 9, 1), PLANNING, "Unit established by decision of the supreme state prosecutor."),
        ),
    ),
    PledgeSpec(
        key="who-health-2026",
        pledger="WHO",
        kind=PARTNERSHIP,
        partners="IOM, UNICEF",
        lead_reporter="WHO",
        text=(
            "WHO, IOM and UNICEF will help ministries of health include migrants and refugees in national "
            "health-insurance and immunisation programmes in the Western Balkans and Central Asia."
        ),
        objectives=(15, 22),
        countries="AL, BA, MK, RS, KZ, KG, UZ",
        occasion=IMRF_2026,
        by="unfpa",
        reports=(r(date(2026, 10, 29), PLANNING, "Policy reviews started in four countries."),),
    ),
    PledgeSpec(
        key="caf-legal-2026",
        pledger="CAMRF",
        text=(
            "The Central Asian Civil Society Forum on Migrants' Rights will train 500 paralegals from "
            "migrant communities to advise on labour rights, documentation and access to justice."
        ),
        objectives=(7, 4),
        countries="KZ, KG, UZ, TJ",
        occasion=IMRF_2026,
        by="ilo",
        reports=(r(date(2026, 11, 10), IN_PROGRESS, "First 120 paralegals trained."),),
    ),
    PledgeSpec(
        key="imrca-climate-2026",
        pledger="IMRCA",
        text=(
            "The Institute for Migration Research in Central Asia will publish evidence on climate-related "
            "migration from rural areas, with open data for governments and researchers."
        ),
        objectives=(1, 2),
        countries="KG, TJ, UZ, KZ",
        occasion=IMRF_2026,
        by="undp",
        reports=(r(date(2026, 9, 15), IN_PROGRESS, "Field survey in 60 villages completed."),),
    ),
    PledgeSpec(
        key="iom-return-2026",
        pledger="IOM",
        text=(
            "IOM will support safe and dignified return and sustainable reintegration, with community-based "
            "projects and psychosocial support in eight countries of origin."
        ),
        objectives=(21,),
        countries="AL, XK, GE, AM, MD, UA, TJ, UZ",
        occasion=IMRF_2026,
        by="iom",
        reports=(r(date(2026, 10, 20), IN_PROGRESS, "Community projects selected in five countries."),),
    ),
    # --- in the review queue: submitted, returned with a comment, drafts ------------------------------
    PledgeSpec(
        key="blr-data-2026",
        pledger="BLR",
        text=(
            "Belarus will publish quarterly statistics on international migration flows, by citizenship, sex "
            "and age."
        ),
        objectives=(1,),
        countries="BY",
        occasion=IMRF_2026,
        by="iom",
        state=SUBMITTED,
    ),
    PledgeSpec(
        key="tkm-consular-2026",
        pledger="TKM",
        text=(
            "Turkmenistan pledges to open two new consular offices in the main countries where its nationals "
            "study and work."
        ),
        objectives=(14,),
        countries="TM",
        occasion=IMRF_2026,
        by="iom",
        state=SUBMITTED,
    ),
    PledgeSpec(
        key="ukr-returns-2026",
        pledger="UKR",
        text=(
            "Ukraine will prepare a programme for the voluntary return and reintegration of citizens who "
            "left because of the war, when conditions allow."
        ),
        objectives=(21, 19),
        countries="UA",
        occasion=IMRF_2026,
        by="unhcr",
        state=SUBMITTED,
    ),
    PledgeSpec(
        key="aze-remittances-2026",
        pledger="AZE",
        text="Azerbaijan will lower remittance costs.",
        objectives=(20,),
        countries="AZ",
        occasion=IMRF_2026,
        by="undp",
        state=RETURNED,
        comment=(
            "Please make the pledge specific: say by how much and by when costs will fall, through which "
            "measures, and who will report on it."
        ),
    ),
    PledgeSpec(
        key="mkd-borders-2026",
        pledger="MKD",
        kind=PARTNERSHIP,
        partners="IOM",
        text=(
            "North Macedonia, with IOM, will modernise border crossing points with protection-sensitive "
            "entry procedures."
        ),
        objectives=(11,),
        countries="MK",
        occasion=IMRF_2026,
        by="iom",
        state=RETURNED,
        comment="A joint pledge names its lead reporter: please say who will report on it.",
    ),
    PledgeSpec(
        key="geo-skills-draft",
        pledger="GEO",
        text="Georgia will explore a skills partnership in the hospitality sector with an EU Member State.",
        objectives=(18,),
        countries="GE",
        occasion=NONE,
        by="iom",
        state=DRAFT,
    ),
    PledgeSpec(
        key="unhcr-inclusion-draft",
        pledger="UNHCR",
        text=(
            "UNHCR will support the inclusion of refugees in national social-protection systems in three "
            "countries."
        ),
        objectives=(22, 16),
        countries="MD, AM, TR",
        occasion=NONE,
        by="unhcr",
        state=DRAFT,
    ),
    PledgeSpec(
        key="wbdn-remittances-draft",
        pledger="WBDN",
        text="Diaspora associations will publish a guide on sending money home safely.",
        objectives=(20, 3),
        countries="BA, RS",
        occasion=NONE,
        by="undp",
        state=DRAFT,
    ),
)


KNOWLEDGE_PRODUCTS: tuple[KnowledgeSpec, ...] = (
    KnowledgeSpec(
        "Guidance for UN Country Teams on integrating the Global Compact for Migration into Cooperation "
        "Frameworks",
        "guidance",
        "migration-network",
        date(2022, 9, 15),
        f"{DEMO}/knowledge/gcm-in-cooperation-frameworks.pdf",
        "en, ru",
    ),
    KnowledgeSpec(
        "Toolkit: developing a national GCM implementation plan",
        "toolkit",
        "migration-network",
        date(2023, 2, 20),
        f"{DEMO}/knowledge/national-gcm-plan-toolkit",
        "en, ru, fr",
    ),
    KnowledgeSpec(
        "Key messages of the UN Network on Migration for the International Migration Review Forum 2022",
        "key_messages",
        "migration-network",
        date(2022, 4, 28),
        f"{DEMO}/knowledge/key-messages-imrf-2022.pdf",
    ),
    KnowledgeSpec(
        "Key messages for the International Migration Review Forum 2026: regular pathways, returns and "
        "climate mobility",
        "key_messages",
        "migration-network",
        date(2026, 4, 16),
        f"{DEMO}/knowledge/key-messages-imrf-2026.pdf",
        "en, ru",
    ),
    KnowledgeSpec(
        "Regional review of the implementation of the Global Compact for Migration in the UNECE region: "
        "summary of findings",
        "report",
        "migration-network",
        date(2024, 5, 6),
        f"{DEMO}/knowledge/regional-review-2024-findings.pdf",
        "en, ru, fr",
    ),
    KnowledgeSpec(
        "Brief: alternatives to immigration detention for children — what works in the region",
        "brief",
        "migration-network",
        date(2023, 6, 12),
        f"{DEMO}/knowledge/atd-children-brief.pdf",
        "en, ru",
    ),
    KnowledgeSpec(
        "Brief: bilateral labour-migration agreements with skills partnerships",
        "brief",
        "social-protection",
        date(2024, 2, 8),
        f"{DEMO}/knowledge/skills-partnerships-brief.pdf",
    ),
    KnowledgeSpec(
        "Guidance on the portability of social-security rights of migrant workers",
        "guidance",
        "social-protection",
        date(2023, 11, 2),
        f"{DEMO}/knowledge/social-security-portability.pdf",
        "en, ru",
    ),
    KnowledgeSpec(
        "Training course for labour inspectors: trafficking indicators and referral",
        "training_material",
        "migration-network",
        date(2024, 9, 19),
        f"{DEMO}/knowledge/labour-inspection-trafficking-course",
        "en, ru",
    ),
    KnowledgeSpec(
        "Training package on human rights at international borders for border academies",
        "training_material",
        "large-movements",
        date(2023, 3, 9),
        f"{DEMO}/knowledge/human-rights-at-borders-training",
        "en, ru",
    ),
    KnowledgeSpec(
        "Terms of reference of the UN Networks on Migration in programme countries",
        "terms_of_reference",
        "migration-network",
        date(2022, 2, 1),
        f"{DEMO}/knowledge/country-networks-tor.pdf",
    ),
    KnowledgeSpec(
        "Terms of reference of the working group on returns and reintegration",
        "terms_of_reference",
        "migration-network",
        date(2024, 1, 15),
        f"{DEMO}/knowledge/returns-working-group-tor.pdf",
    ),
    KnowledgeSpec(
        "Guidance on climate-related displacement and planned relocation for UN Country Teams",
        "guidance",
        "climate",
        date(2025, 3, 27),
        f"{DEMO}/knowledge/climate-displacement-guidance.pdf",
        "en, ru",
    ),
    KnowledgeSpec(
        "Toolkit: reducing remittance costs through digital channels",
        "toolkit",
        "migration-network",
        date(2024, 6, 24),
        f"{DEMO}/knowledge/remittance-costs-toolkit",
    ),
    KnowledgeSpec(
        "Brief: access of migrant and refugee women to services for survivors of gender-based violence",
        "brief",
        "gender",
        date(2023, 11, 25),
        f"{DEMO}/knowledge/gbv-services-migrant-women.pdf",
        "en, ru",
    ),
    KnowledgeSpec(
        "Key messages on the health of refugees and migrants for UN Country Teams",
        "key_messages",
        "health",
        date(2024, 12, 18),
        f"{DEMO}/knowledge/health-of-refugees-and-migrants.pdf",
    ),
    KnowledgeSpec(
        "Young people on the move: key messages on youth migration and participation",
        "key_messages",
        "youth",
        date(2025, 8, 12),
        f"{DEMO}/knowledge/young-people-on-the-move.pdf",
        "en, ru",
    ),
    KnowledgeSpec(
        "Report: inclusion of refugees in national social-protection systems in Europe and Central Asia",
        "report",
        "large-movements",
        date(2025, 10, 30),
        f"{DEMO}/knowledge/refugees-in-social-protection.pdf",
    ),
    KnowledgeSpec(
        "Guidance on consular protection registers and mobile consular services",
        "guidance",
        "migration-network",
        date(2025, 6, 5),
        f"{DEMO}/knowledge/consular-protection-guidance.pdf",
        "en, ru",
    ),
    KnowledgeSpec(
        "Training material: pre-departure orientation curriculum for prospective migrant workers",
        "training_material",
        "migration-network",
        date(2022, 11, 17),
        f"{DEMO}/knowledge/pre-departure-curriculum",
        "en, ru",
    ),
    # Internal to their coalition.
    KnowledgeSpec(
        "Internal: draft joint position of the UN Network on Migration for the IMRF 2026 round tables",
        "key_messages",
        "migration-network",
        date(2026, 3, 12),
        f"{DEMO}/internal/imrf-2026-round-tables-draft.pdf",
        visibility="internal",
    ),
    KnowledgeSpec(
        "Internal: mapping of country networks' capacities and gaps, 2025",
        "report",
        "migration-network",
        date(2025, 11, 20),
        f"{DEMO}/internal/country-network-mapping-2025.pdf",
        visibility="internal",
    ),
    KnowledgeSpec(
        "Internal: terms of reference of the task team on returns from the region's reception centres",
        "terms_of_reference",
        "large-movements",
        date(2024, 4, 3),
        f"{DEMO}/internal/returns-task-team-tor.pdf",
        visibility="internal",
    ),
)

VOLUNTARY_REPORTS: tuple[VoluntaryReportSpec, ...] = tuple(
    VoluntaryReportSpec(country, year, f"{DEMO}/voluntary-reports/{country.lower()}-{year}.pdf")
    for country, year in (
        ("AL", 2021),
        ("AM", 2022),
        ("AZ", 2021),
        ("GE", 2021),
        ("GE", 2025),
        ("KZ", 2022),
        ("KG", 2021),
        ("KG", 2025),
        ("MD", 2022),
        ("MD", 2026),
        ("RS", 2021),
        ("RS", 2025),
        ("TJ", 2026),
        ("TR", 2022),
        ("UZ", 2025),
    )
)

CHAMPIONS: tuple[ChampionSpec, ...] = (
    ChampionSpec(
        "RS",
        date(2021, 11, 10),
        "Leads peer exchange on national GCM implementation plans in the Western Balkans.",
    ),
    ChampionSpec(
        "MD",
        date(2022, 5, 19),
        "Champions fair recruitment and skills partnerships; hosted the regional peer exchange in 2024.",
    ),
    ChampionSpec(
        "KG",
        date(2022, 5, 19),
        "Champions consular protection and data on labour migration in Central Asia.",
    ),
    ChampionSpec(
        "GE",
        date(2023, 3, 1),
        "Champions dignified return and sustainable reintegration, and alternatives to detention.",
    ),
    ChampionSpec(
        "PT",
        date(2021, 6, 15),
        "Champions access to services regardless of status and shares its experience with the region.",
    ),
    ChampionSpec(
        "UZ",
        date(2024, 3, 14),
        "Champions pre-departure orientation and skills partnerships for migrant workers.",
    ),
)

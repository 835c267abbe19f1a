"""A dozen varied practices, pledges and knowledge products, some unpublished or internal, for the
tests of facets, lists and pages."""

from __future__ import annotations

from datetime import date
from typing import Any

from rcphub.reference.models import Country, Entity, GcmObjective
from rcphub.repository.models import ImplementerType, KnowledgeProduct, Pledge, Practice

# title, state, submitter key, objectives, countries, implementer types, scope, period, published on
PRACTICES: list[tuple[Any, ...]] = [
    (
        "Mobile legal aid for seasonal workers",
        "published",
        "member",
        [6, 15],
        ["KAZ", "KGZ"],
        ["civil_society"],
        "regional",
        (2019, 2022),
        date(2023, 2, 1),
    ),
    (
        "Municipal one-stop centres for newcomers",
        "published",
        "member",
        [15, 16],
        ["SRB"],
        ["local_authority", "un_entity"],
        "local",
        (2021, None),
        date(2024, 5, 3),
    ),
    (
        "Consular hotline for nationals abroad",
        "published",
        "focal",
        [14],
        ["TJK", "UZB"],
        ["member_state"],
        "national",
        (None, None),
        date(2022, 9, 9),
    ),
    (
        "Diaspora investment matching fund",
        "published",
        "focal",
        [19, 20],
        ["ARM", "GEO", "MDA"],
        ["migrant_diaspora", "private_sector"],
        "multi_level",
        (2018, 2020),
        date(2021, 3, 30),
    ),
    (
        "Recognition of skills of returnees",
        "published",
        "member",
        [18, 21],
        ["ALB"],
        ["academia"],
        "national",
        (None, 2024),
        date(2024, 11, 12),
    ),
    (
        "Child-sensitive border procedures",
        "published",
        "focal",
        [11, 13, 15],
        ["MKD", "SRB", "BIH"],
        ["un_entity", "member_state"],
        "regional",
        (2020, 2025),
        date(2025, 1, 20),
    ),
    (
        "Language classes for migrant parents",
        "published",
        "member",
        [16],
        ["MDA"],
        ["civil_society"],
        "local",
        (2023, None),
        date(2025, 6, 2),
    ),
    (
        "Data on missing migrants along the Balkan route",
        "published",
        "focal",
        [1, 8],
        ["SRB", "BIH", "MNE"],
        ["un_entity"],
        "",
        (2022, 2023),
        date(2023, 12, 1),
    ),
    # Unpublished: never counted for visitors.
    (
        "Draft: remittance cost dashboard",
        "draft",
        "member",
        [20],
        ["TJK"],
        ["private_sector"],
        "national",
        (2024, None),
        None,
    ),
    (
        "Submitted: labour inspectors' training",
        "submitted",
        "focal",
        [6],
        ["UKR"],
        ["trade_union"],
        "national",
        (2022, 2024),
        None,
    ),
    (
        "Returned: shelter standards",
        "returned",
        "member",
        [7, 15],
        ["GEO"],
        ["civil_society"],
        "local",
        (2021, 2021),
        None,
    ),
    (
        "Draft: hate speech monitoring",
        "draft",
        "focal",
        [17],
        ["SRB", "ALB"],
        ["other"],
        "regional",
        (None, None),
        None,
    ),
]

# text, state, submitter key, pledger, kind, objectives, countries, stage, made on
PLEDGES: list[tuple[Any, ...]] = [
    (
        "Train 300 border officials on child rights",
        "published",
        "member",
        "UNICEF",
        "own",
        [11, 13],
        ["SRB", "MKD"],
        "in_progress",
        date(2022, 5, 17),
    ),
    (
        "Open two migrant resource centres",
        "published",
        "member",
        "IOM",
        "own",
        [15],
        ["TJK"],
        "fulfilled",
        date(2021, 12, 1),
    ),
    (
        "Fund diaspora start-ups with a national bank",
        "published",
        "focal",
        "UNDP",
        "partnership",
        [19],
        ["ARM"],
        "planning",
        date(2024, 3, 3),
    ),
    (
        "Publish disaggregated migration statistics yearly",
        "published",
        "focal",
        "UNECE",
        "own",
        [1],
        ["KAZ", "KGZ", "UZB"],
        "in_progress",
        date(2022, 5, 17),
    ),
    (
        "Lower remittance costs below three per cent",
        "published",
        "member",
        "UNFPA",
        "own",
        [20],
        ["TJK", "KGZ"],
        "planning",
        date(2025, 1, 9),
    ),
    (
        "Draft: ethical recruitment code",
        "draft",
        "member",
        "ILO",
        "own",
        [6],
        ["UKR"],
        "planning",
        date(2025, 2, 2),
    ),
    (
        "Submitted: legal identity for stateless children",
        "submitted",
        "focal",
        "UNHCR",
        "own",
        [4],
        ["GEO"],
        "planning",
        date(2024, 8, 8),
    ),
]


def build_catalogue(*, member: Any, focal_point: Any, coalition: Any, other_coalition: Any) -> dict[str, Any]:
    """Save the practices, pledges and knowledge products above; return them by title."""
    users = {"member": member, "focal": focal_point}
    objectives = {o.number: o for o in GcmObjective.objects.all()}
    countries = {c.iso3: c for c in Country.objects.all()}
    types = {t.code: t for t in ImplementerType.objects.all()}
    built: dict[str, Any] = {}
    for title, state, who, objs, isos, kinds, scope, (start, end), published in PRACTICES:
        practice = Practice.objects.create(
            title=title,
            summary="A practice described at reasonable length for the tests of the repository.",
            state=state,
            submitter=users[who],
            scope=scope,
            period_start=start,
            period_end=end,
            published_on=published,
        )
        practice.gcm_objectives.set([objectives[n] for n in objs])
        practice.countries.set([countries[c] for c in isos])
        practice.implementer_types.set([types[k] for k in kinds])
        built[title] = practice
    for text, state, who, pledger, kind, objs, isos, stage, made_on in PLEDGES:
        pledge = Pledge.objects.create(
            text=text,
            state=state,
            submitter=users[who],
            pledger=Entity.objects.get(acronym=pledger),
            kind=kind,
            stage=stage,
            made_on=made_on,
            published_on=made_on if state == "published" else None,
        )
        pledge.gcm_objectives.set([objectives[n] for n in objs])
        pledge.countries.set([countries[c] for c in isos])
        if kind == "partnership":
            pledge.partners.set([Entity.objects.get(acronym="UNFPA")])
        built[text] = pledge
    products = [
        ("Guidance on child-sensitive return", "guidance", coalition, "public", date(2024, 2, 1)),
        ("Toolkit for municipal inclusion", "toolkit", coalition, "public", date(2025, 4, 1)),
        ("Key messages for the regional review", "key_messages", coalition, "internal", date(2025, 5, 1)),
        ("Climate mobility brief", "brief", other_coalition, "public", date(2023, 10, 1)),
        (
            "Terms of reference of the climate task team",
            "terms_of_reference",
            other_coalition,
            "internal",
            date(2025, 1, 15),
        ),
    ]
    for title, kind, owner, visibility, published in products:
        built[title] = KnowledgeProduct.objects.create(
            title=title,
            kind=kind,
            coalition=owner,
            visibility=visibility,
            link="https://example.org/" + kind,
            published_on=published,
        )
    return built

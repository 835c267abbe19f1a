"""Repository, calendar and fund data of the benchmark, and the search index over all of it.

Practices and pledges (S about 2 000 together, M 20 000, L 200 000 as DESIGN.md §5 counts them),
about 90 % published, tagged with GCM objectives, countries and implementer types; reports on most
published pledges (some left without, so that the dashboard has inactive pledges); knowledge
products; calendar events over 2025–2027; one fund with a few hundred contributions and some joint
programmes. The search index is written directly with bulk inserts: on PostgreSQL its tsvector is a
generated column and on SQLite triggers fill the FTS5 table, so both follow the inserted rows.
Texts are drawn from word lists: COMMON_WORD is in most documents, RARE_WORD in one in RARE_EVERY.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta
from typing import Any

from bench.streaming import PROGRESS
from bench.support_funding_data import generate_events, generate_fund
from bench.workplans_data import BENCH_USER
from bench.writing import ACTIONS, BATCH, COMMON_WORD, OCCASIONS, STAKEHOLDER_KINDS, TOPICS, bulk, link, text

# practices, pledges, knowledge products, events, contributions, joint programmes
REPOSITORY_SCALES = {
    "S": (800, 1_200, 60, 150, 200, 20),
    "M": (8_000, 12_000, 600, 1_500, 400, 40),
    "L": (80_000, 120_000, 6_000, 6_000, 800, 80),
}


def _entities(rng: random.Random) -> tuple[list[Any], list[Any], list[Any]]:
    """Return (Member States, stakeholders, UN entities), creating the first two as needed."""
    from rcphub.reference.models import Country, Entity

    countries = list(Country.objects.all())
    Entity.objects.bulk_create(
        [Entity(acronym=c.iso3, name=c.name_en, kind="member_state", country=c) for c in countries],
        ignore_conflicts=True,
    )
    Entity.objects.bulk_create(
        [
            Entity(acronym=f"BENCH-{n:03d}", name=f"Benchmark stakeholder {n}", kind=STAKEHOLDER_KINDS[n % 6])
            for n in range(150)
        ],
        ignore_conflicts=True,
    )
    states = list(Entity.objects.filter(kind="member_state").select_related("country"))
    stakeholders = list(Entity.objects.filter(acronym__startswith="BENCH-"))
    un = list(Entity.objects.filter(kind="un_entity"))
    return states, stakeholders, un


def generate_repository(
    practices: int, pledges: int, products: int, events: int, contributions: int, programmes: int
) -> dict[str, int]:
    """Write the data (in a transaction, after the work-plan data) and index it; return the counts."""
    from django.contrib.contenttypes.models import ContentType
    from django.urls import reverse
    from django.utils.text import Truncator

    from rcphub.accounts.models import User
    from rcphub.coalitions.models import Coalition
    from rcphub.reference.models import Country, GcmObjective
    from rcphub.repository.models import (
        ImplementerType,
        KnowledgeProduct,
        Pledge,
        PledgeReport,
        Practice,
    )
    from rcphub.search.models import SearchDocument
    from rcphub.workplans.models import Activity

    rng = random.Random(2026)
    author = User.objects.get(email=BENCH_USER)
    states, stakeholders, un = _entities(rng)
    objectives = list(GcmObjective.objects.order_by("number"))
    countries = list(Country.objects.filter(programme_country=True)) or list(Country.objects.all())
    all_countries = list(Country.objects.all())
    types = list(ImplementerType.objects.all())
    coalitions = list(Coalition.objects.all())
    scopes = ["local", "national", "regional", "multi_level", "global"]
    other_states = ["draft", "submitted", "returned"]
    counts: dict[str, int] = {"search documents": 0}

    def url_of(name: str) -> str:
        return reverse(name, args=[987654321]).replace("987654321", "{}")

    # Practices, written and indexed a batch at a time ---------------------------------------------------
    practice_ct = ContentType.objects.get_for_model(Practice)
    practice_url = url_of("repository:practice_detail")
    counts["practices"] = 0
    started = time.perf_counter()
    for first in range(0, practices, BATCH):
        practice_rows, practice_meta = [], []
        for n in range(first, min(practices, first + BATCH)):
            country = rng.choice(countries)
            topic = rng.choice(TOPICS)
            published = rng.random() < 0.9
            start = rng.randint(2015, 2026)
            practice_rows.append(
                Practice(
                    title=f"{country.name_en} {rng.choice(ACTIONS)} {topic}"[:300],
                    summary=text(rng, n, country.name_en, topic, 2),
                    body=text(rng, n + 1, country.name_en, topic, 5),
                    scope=rng.choice(scopes),
                    period_start=start,
                    period_end=None if rng.random() < 0.3 else min(2030, start + rng.randint(0, 5)),
                    language="en",
                    state="published" if published else rng.choice(other_states),
                    submitter=author,
                    reviewer=author if published else None,
                    published_on=date(2019, 1, 1) + timedelta(days=rng.randint(0, 2850))
                    if published
                    else None,
                    submitted_by_entity=rng.choice(un),
                )
            )
            practice_meta.append(
                (
                    rng.sample(objectives, rng.randint(1, 3)),
                    [country, *([rng.choice(countries)] if rng.random() < 0.3 else [])],
                    rng.sample(types, rng.randint(1, 2)),
                    rng.choice(un),
                )
            )
        practice_rows = bulk(Practice, practice_rows)
        pairs = list(zip(practice_rows, practice_meta, strict=True))
        link(Practice.gcm_objectives, ((p.pk, o.pk) for p, m in pairs for o in m[0]))
        link(Practice.countries, ((p.pk, c.pk) for p, m in pairs for c in set(m[1])))
        link(Practice.implementer_types, ((p.pk, t.pk) for p, m in pairs for t in m[2]))
        link(Practice.implementers, ((p.pk, m[3].pk) for p, m in pairs))
        docs = []
        for p, (objs, ctrs, _types, implementer) in pairs:
            if p.state != "published":
                continue
            body = "\n".join(
                [
                    p.summary,
                    p.body,
                    ", ".join(c.name_en for c in set(ctrs)),
                    f"{implementer.acronym} {implementer.name}",
                    "; ".join(f"{o.code} {o.short_title}" for o in objs),
                ]
            )
            docs.append(
                SearchDocument(
                    content_type=practice_ct,
                    object_id=p.pk,
                    title=p.title,
                    body=body,
                    url=practice_url.format(p.pk),
                    public=True,
                    coalition_id=None,
                    language="en",
                )
            )
        bulk(SearchDocument, docs)
        counts["practices"] += len(practice_rows)
        counts["search documents"] += len(docs)
    PROGRESS.done("practices (and their index rows)", counts["practices"], started)

    # Pledges (a tenth match an earlier pledge) and their reports, a batch at a time --------------------
    pledge_ct = ContentType.objects.get_for_model(Pledge)
    pledge_url = url_of("repository:pledge_detail")
    matching = pledges // 10
    # (pk, made_on, occasion, state, reviewer, published_on) of the pledges a matching one may name
    matchable: list[tuple[Any, ...]] = []
    counts["pledges"] = counts["pledge reports"] = 0
    started = time.perf_counter()

    def write_pledges(pledge_rows: list[Any], pledge_meta: list[Any]) -> None:
        pledge_rows = bulk(Pledge, pledge_rows)
        pairs = list(zip(pledge_rows, pledge_meta, strict=True))
        link(Pledge.gcm_objectives, ((p.pk, o.pk) for p, m in pairs for o in m[0]))
        link(Pledge.countries, ((p.pk, m[1].pk) for p, m in pairs))
        link(Pledge.partners, ((p.pk, e.pk) for p, m in pairs for e in m[2]))
        reports = []
        for p in pledge_rows:
            if p.kind != "matching":
                matchable.append((p.pk, p.made_on, p.occasion, p.state, p.reviewer, p.published_on))
            if p.state != "published" or rng.random() < 0.25:
                continue
            for r in range(rng.randint(1, 3)):
                reported_on = min(
                    date(2026, 10, 31), p.made_on + timedelta(days=200 + 300 * r + rng.randint(0, 100))
                )
                reports.append(
                    PledgeReport(
                        pledge=p,
                        reported_on=reported_on,
                        stage=p.stage,
                        state="published",
                        narrative=text(rng, r, "the country", rng.choice(TOPICS), 2),
                        submitter=author,
                        reviewer=author,
                        published_on=reported_on,
                    )
                )
        bulk(PledgeReport, reports)
        docs = []
        for p, (objs, country, partners) in pairs:
            if p.state != "published":
                continue
            who = p.pledger.name if p.pledger.kind == "member_state" else p.pledger.acronym
            body = "\n".join(
                part
                for part in [
                    p.text,
                    p.occasion,
                    f"{p.pledger.name} ({p.pledger.acronym})",
                    ", ".join(f"{e.acronym} {e.name}" for e in partners),
                    country.name_en,
                    "; ".join(f"{o.code} {o.short_title}" for o in objs),
                ]
                if part
            )
            docs.append(
                SearchDocument(
                    content_type=pledge_ct,
                    object_id=p.pk,
                    title=f"{who}: {Truncator(p.text).words(12)}",
                    body=body,
                    url=pledge_url.format(p.pk),
                    public=True,
                    coalition_id=None,
                )
            )
        bulk(SearchDocument, docs)
        counts["pledges"] += len(pledge_rows)
        counts["pledge reports"] += len(reports)
        counts["search documents"] += len(docs)

    def country_of(pledger: Any) -> Any:
        return (
            pledger.country if pledger.country_id and pledger.country in countries else rng.choice(countries)
        )

    for first in range(0, pledges - matching, BATCH):  # the matching ones come after, naming one of these
        pledge_rows, pledge_meta = [], []
        for n in range(first, min(pledges - matching, first + BATCH)):
            pledger = rng.choice(states) if rng.random() < 0.4 else rng.choice(stakeholders)
            country = country_of(pledger)
            topic = rng.choice(TOPICS)
            published = rng.random() < 0.9
            kind = "partnership" if rng.random() < 0.2 else "own"
            made_on = date(2018, 12, 10) + timedelta(days=rng.randint(0, 2850))
            pledge_rows.append(
                Pledge(
                    pledger=pledger,
                    kind=kind,
                    text=f"{pledger.name} commits to {topic} for {COMMON_WORD} in {country.name_en}. "
                    + text(rng, n + 2, country.name_en, topic, 3),
                    made_on=made_on,
                    occasion=rng.choice(OCCASIONS),
                    stage=rng.choice(["planning", "in_progress", "in_progress", "fulfilled"]),
                    state="published" if published else rng.choice(other_states),
                    submitter=author,
                    reviewer=author if published else None,
                    published_on=made_on + timedelta(days=30) if published else None,
                    lead_reporter=pledger if kind == "partnership" else None,
                )
            )
            pledge_meta.append(
                (
                    rng.sample(objectives, rng.randint(1, 3)),
                    country,
                    rng.sample(stakeholders, rng.randint(1, 2)) if kind == "partnership" else [],
                )
            )
        write_pledges(pledge_rows, pledge_meta)
    for first in range(0, matching, BATCH):
        pledge_rows, pledge_meta = [], []
        for n in range(first, min(matching, first + BATCH)):
            pk, made_on, occasion, state, reviewer, published_on = rng.choice(matchable)
            pledger = rng.choice(states)
            pledge_rows.append(
                Pledge(
                    pledger=pledger,
                    kind="matching",
                    matches_id=pk,
                    text=f"Matches pledge {pk}: funds the {COMMON_WORD} component. "
                    + text(rng, n + 3, "the region", rng.choice(TOPICS), 2),
                    made_on=made_on,
                    occasion=occasion,
                    stage="in_progress",
                    state=state,
                    submitter=author,
                    reviewer=reviewer,
                    published_on=published_on,
                )
            )
            pledge_meta.append((rng.sample(objectives, rng.randint(1, 3)), country_of(pledger), []))
        write_pledges(pledge_rows, pledge_meta)
    del matchable[:]
    PROGRESS.done("pledges (reports, index rows)", counts["pledges"], started)

    # Knowledge products --------------------------------------------------------------------------------
    kinds = [
        "guidance",
        "toolkit",
        "key_messages",
        "report",
        "brief",
        "training_material",
        "terms_of_reference",
    ]
    product_rows = bulk(
        KnowledgeProduct,
        (
            KnowledgeProduct(
                title=f"{kinds[n % 7].replace('_', ' ').capitalize()} on {rng.choice(TOPICS)} ({n})",
                kind=kinds[n % 7],
                coalition=rng.choice(coalitions),
                languages="en,ru" if n % 3 else "en",
                visibility="internal" if n % 4 == 0 else "public",
                link=f"https://example.org/knowledge/{n}",
                published_on=date(2020, 1, 1) + timedelta(days=rng.randint(0, 2450)),
            )
            for n in range(products)
        ),
    )
    product_ct = ContentType.objects.get_for_model(KnowledgeProduct)
    product_url = url_of("repository:knowledge_detail")
    coalition_names = {c.pk: c.name for c in coalitions}
    counts["search documents"] += len(
        bulk(
            SearchDocument,
            (
                SearchDocument(
                    content_type=product_ct,
                    object_id=k.pk,
                    title=k.title,
                    body=f"{k.get_kind_display()}\n{coalition_names[k.coalition_id]}",
                    url=product_url.format(k.pk),
                    public=k.visibility == "public",
                    coalition_id=None if k.visibility == "public" else k.coalition_id,
                    language="en",
                )
                for k in product_rows
            ),
        )
    )
    counts["knowledge products"] = len(product_rows)

    # Activities of the work-plan data (all plans endorsed, all coalitions public): one INSERT … SELECT,
    # so that the rows never pass through Python ----------------------------------------------------
    started = time.perf_counter()
    written = index_activities(ContentType.objects.get_for_model(Activity).pk, url_of("workplans:activity"))
    counts["search documents"] += PROGRESS.done("activity index rows", written, started)

    counts.update(generate_events(rng, events, coalitions, countries, un))
    counts.update(generate_fund(rng, contributions, programmes, states, un, all_countries))
    return counts


def index_activities(content_type_id: int, url: str) -> int:
    """Write the search rows of every activity with SQL (title, code as body, public unless internal)."""
    from django.db import connection
    from django.utils import timezone

    from rcphub.search.models import SearchDocument
    from rcphub.workplans.models import Activity, Output, Result, WorkPlan

    prefix, suffix = url.split("{}")
    table = connection.ops.quote_name
    sql = f"""
        INSERT INTO {table(SearchDocument._meta.db_table)}
            (content_type_id, object_id, title, body, url, language, public, coalition_id, updated_at)
        SELECT %s, a.id, a.title, a.code, %s || CAST(a.id AS TEXT) || %s, '', a.visibility = 'public',
               w.coalition_id, %s
        FROM {table(Activity._meta.db_table)} a
        JOIN {table(Output._meta.db_table)} o ON o.id = a.output_id
        JOIN {table(Result._meta.db_table)} r ON r.id = o.result_id
        JOIN {table(WorkPlan._meta.db_table)} w ON w.id = r.work_plan_id
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [content_type_id, prefix, suffix, timezone.now()])
        return int(cursor.rowcount)

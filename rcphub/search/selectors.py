"""Full-text search over the index: one interface, a PostgreSQL and an SQLite backend.

Visibility is decided in the query itself (public documents, or those of a coalition the reader
belongs to), so hidden documents never reach ranking, counts or snippets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.utils.html import escape

from rcphub.search.models import SearchDocument
from rcphub.search.services import MARK_END, MARK_START

TABLE = SearchDocument._meta.db_table
MAX_QUERY_LENGTH = 200
MAX_TERMS = 16
SNIPPET_WORDS = 24
# On PostgreSQL, how many of the newest matches are ranked (exact titles always are): beyond this a very
# common word is ranked among the newest documents only, and search stays flat as the index grows.
CANDIDATES = 2000
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    """One result: where to go, the snippet (safe HTML with <mark> highlights) and its rank."""

    title: str
    url: str
    snippet_html: str
    rank: float
    content_type: ContentType


def search_terms(query: str) -> list[str]:
    """Return the plain words of a query, with every operator, quote and bracket dropped."""
    return _WORD.findall(query.replace("\x00", "")[:MAX_QUERY_LENGTH])[:MAX_TERMS]


def search(
    query: str,
    *,
    visible_coalition_ids: Iterable[int] | None,
    models: Iterable[type[models.Model]] | None = None,
    limit: int = 20,
) -> list[SearchHit]:
    """Return the documents matching `query` that the reader may see, best first.

    `visible_coalition_ids` are the coalitions whose internal documents the reader may see (None
    for everything, i.e. the platform secretariat). An exact title match (case-insensitive) comes
    first. Any text is accepted: operators and quotes never raise.
    """
    text = " ".join(query.replace("\x00", "").split())[:MAX_QUERY_LENGTH]
    terms = search_terms(text)
    if not terms or limit <= 0:
        return []
    where, params = _filters(visible_coalition_ids, models)
    if connection.vendor == "postgresql":
        rows = _search_postgresql(text, where, params, limit)
    elif connection.vendor == "sqlite":
        rows = _search_sqlite(terms, text, where, params, limit)
    else:  # pragma: no cover - only the two supported databases
        raise NotImplementedError(connection.vendor)
    return [
        SearchHit(
            title=title,
            url=url,
            snippet_html=_snippet_html(snippet),
            rank=float(rank),
            content_type=ContentType.objects.get_for_id(content_type_id),
        )
        for title, url, content_type_id, rank, snippet in rows
    ]


def _filters(
    visible_coalition_ids: Iterable[int] | None, models_: Iterable[type[models.Model]] | None
) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if visible_coalition_ids is not None:
        ids = sorted({int(pk) for pk in visible_coalition_ids})
        if ids:
            clauses.append(f"(d.public OR d.coalition_id IN ({', '.join(['%s'] * len(ids))}))")
            params.extend(ids)
        else:
            clauses.append("d.public")
    if models_ is not None:
        type_ids = sorted(ct.pk for ct in ContentType.objects.get_for_models(*models_).values())
        if not type_ids:
            clauses.append("1 = 0")
        else:
            clauses.append(f"d.content_type_id IN ({', '.join(['%s'] * len(type_ids))})")
            params.extend(type_ids)
    return (" AND ".join(clauses) or "1 = 1"), params


def _search_postgresql(text: str, where: str, params: list[Any], limit: int) -> list[tuple[Any, ...]]:
    """Rank the newest CANDIDATES matches (and any exact title), so that a word found in most
    documents costs the same as a rare one: matching is the GIN index, ranking is bounded."""
    options = (
        f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords={SNIPPET_WORDS}, MinWords=8, MaxFragments=2"
    )
    sql = f"""
        WITH q AS (SELECT websearch_to_tsquery('simple', %s) AS query),
        candidates AS MATERIALIZED (
            SELECT d.id FROM {TABLE} d, q
            WHERE d.search_vector @@ q.query AND {where}
            ORDER BY d.id DESC
            LIMIT %s
        ),
        exact AS (
            SELECT d.id FROM {TABLE} d, q
            WHERE lower(d.title) = lower(%s) AND d.search_vector @@ q.query AND {where}
            LIMIT %s
        )
        SELECT d.title, d.url, d.content_type_id, ts_rank(d.search_vector, q.query) AS rank,
               ts_headline('simple', d.body, q.query, %s) AS snippet
        FROM {TABLE} d, q
        WHERE d.id IN (SELECT id FROM candidates UNION SELECT id FROM exact)
        ORDER BY (lower(d.title) = lower(%s)) DESC, rank DESC, d.id
        LIMIT %s
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [text, *params, CANDIDATES, text, *params, limit, options, text, limit])
        return list(cursor.fetchall())


def _search_sqlite(
    terms: list[str], text: str, where: str, params: list[Any], limit: int
) -> list[tuple[Any, ...]]:
    match = " ".join(f'"{term}"' for term in terms)  # \w+ holds no quote: each term is a plain phrase
    sql = f"""
        SELECT d.title, d.url, d.content_type_id, -bm25({TABLE}_fts, 10.0, 1.0) AS rank,
               snippet({TABLE}_fts, 1, %s, %s, '…', {SNIPPET_WORDS}) AS snippet
        FROM {TABLE}_fts JOIN {TABLE} d ON d.id = {TABLE}_fts.rowid
        WHERE {TABLE}_fts MATCH %s AND {where}
        ORDER BY (lower(d.title) = lower(%s)) DESC, bm25({TABLE}_fts, 10.0, 1.0), d.id
        LIMIT %s
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [MARK_START, MARK_END, match, *params, text, limit])
        return list(cursor.fetchall())


def _snippet_html(snippet: str | None) -> str:
    """Escape the snippet and turn only the highlight marks into <mark> elements."""
    safe = str(escape(snippet or ""))
    return safe.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")

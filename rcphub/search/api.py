"""API of the search app: full-text search over what the reader may see."""

from typing import Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from rcphub.search.reader import kind_of, models_of_kind, visible_coalition_ids
from rcphub.search.selectors import search

router = Router(tags=["search"])

# The keys of `reader.SEARCH_KINDS`, spelled out for the schema.
SearchType = Literal["activities", "practices", "pledges", "knowledge_products"]


class SearchQuery(Schema):
    q: str = Field("", max_length=10_000, description="Words to find; operators are ignored.")
    type: SearchType | None = Field(None, description="Only one kind of thing.")
    limit: int = Field(20, ge=1, le=100, description="How many hits at most.")


class SearchHitOut(Schema):
    title: str
    url: str = Field(description="The page of the thing found.")
    kind: str | None = Field(description="activities, practices, pledges or knowledge_products.")
    snippet_html: str = Field(description="Safe HTML: escaped text with the matching words in <mark>.")
    rank: float = Field(description="Higher is better; an exact title match comes first whatever its rank.")


@router.get("/search", response=list[SearchHitOut])
def search_hits(request: HttpRequest, query: Query[SearchQuery]) -> list[SearchHitOut]:
    """Search activities, practices, pledges and knowledge products you may see, best first."""
    hits = search(
        query.q,
        visible_coalition_ids=visible_coalition_ids(request.user),
        models=models_of_kind(query.type),
        limit=query.limit,
    )
    return [
        SearchHitOut(
            title=hit.title,
            url=hit.url,
            kind=found.key if (found := kind_of(hit.content_type)) is not None else None,
            snippet_html=hit.snippet_html,
            rank=hit.rank,
        )
        for hit in hits
    ]

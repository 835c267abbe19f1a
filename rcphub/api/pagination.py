"""Page-number pagination for the API's lists: `?page=2&page_size=100`, answered as `{"items": [...], "count": N}`."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

# Far beyond any real list, and small enough that page × size stays a valid database offset.
MAX_PAGE = 1_000_000


class Pagination(PageNumberPagination):
    """Paginate by page number, with the page sizes set in the project's settings."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1, le=10_000)

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("page_size", getattr(settings, "NINJA_PAGINATION_PER_PAGE", 50))
        kwargs.setdefault("max_page_size", getattr(settings, "NINJA_MAX_PER_PAGE_SIZE", 500))
        super().__init__(**kwargs)

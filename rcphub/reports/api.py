"""Read-only API on briefs: the list, and one brief's figures as at a date."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from rcphub.core.dates import today
from rcphub.reports.brief.figures import brief_date, brief_figures, edition_reader
from rcphub.reports.editions import changes_since, frozen_figures
from rcphub.reports.models import Brief
from rcphub.reports.selectors import brief_get, brief_list, edition_get, edition_list, previous_published

router = Router(tags=["briefs"])


class BriefRegionOut(Schema):
    slug: str
    name: str
    countries: list[str] = Field(description="ISO 3166-1 alpha-3 codes (XKX for Kosovo under UNSCR 1244).")


class BriefSummaryOut(Schema):
    slug: str
    title: str
    audience: str = Field(
        description="public: counts published and public records only; members: may count internal ones."
    )
    coalition: str | None = Field(
        None, description="The coalition or network's slug; empty for the platform."
    )
    region: str = Field(description="The region's slug.")

    @staticmethod
    def resolve_coalition(brief: Brief) -> str | None:
        return brief.coalition.slug if brief.coalition else None

    @staticmethod
    def resolve_region(brief: Brief) -> str:
        return brief.region.slug


class BriefOut(Schema):
    slug: str
    title: str
    as_at: date
    audience: str
    internal: bool = Field(description="True where the figures may count records that are not public.")
    region: BriefRegionOut
    figures: dict[str, Any] = Field(description="Every figure of the brief as at `as_at`, by key.")


class ChangeOut(Schema):
    figure: str = Field(
        description="The figure's key, and the key counted where it counts by key (practices_by_country.KAZ)."
    )
    label: str
    before: Any
    after: Any


class BriefQuery(Schema):
    as_at: str | None = Field(
        None, description="YYYY-MM-DD; today when absent. Not after today nor before any record."
    )


@router.get("/briefs", response=list[BriefSummaryOut])
def briefs(request: HttpRequest) -> Any:
    """List the briefs the caller may read."""
    return brief_list(user=request.user)


@router.get("/briefs/{slug}", response=BriefOut)
def brief(request: HttpRequest, slug: str, query: Query[BriefQuery]) -> dict[str, Any]:
    """Return the brief's figures as at a date, counted as its audience may see them."""
    found = brief_get(slug=slug, user=request.user)
    as_at = brief_date(query.as_at, today=today())
    result = brief_figures(brief=found, as_at=as_at, user=request.user)
    return {
        "slug": found.slug,
        "title": found.title,
        "as_at": as_at,
        "audience": found.audience,
        "internal": found.internal,
        "region": {"name": found.region.name, "slug": found.region.slug, "countries": result.region_codes},
        "figures": result.figures,
    }


class EditionSummaryOut(Schema):
    number: int
    title: str
    as_at: date
    state: str = Field(description="draft (the platform secretariat only) or published (frozen).")
    published_at: datetime | None = None


class EditionOut(EditionSummaryOut):
    slug: str = Field(description="The brief's slug.")
    internal: bool
    region: BriefRegionOut
    figures: dict[str, Any] = Field(
        description="A published edition's figures as frozen when it was published; a draft's as at its date now."
    )
    changes: list[ChangeOut] = Field(
        description="What changed since the previous published edition, figure by figure."
    )


@router.get("/briefs/{slug}/editions", response=list[EditionSummaryOut])
def editions(request: HttpRequest, slug: str) -> Any:
    """List the brief's editions the caller may read (published ones; drafts for the platform secretariat)."""
    return edition_list(brief=brief_get(slug=slug, user=request.user), user=request.user)


@router.get("/briefs/{slug}/editions/{number}", response=EditionOut)
def edition(request: HttpRequest, slug: str, number: int) -> dict[str, Any]:
    """Return one edition's figures: frozen for a published edition, live as at its date for a draft."""
    found = brief_get(slug=slug, user=request.user)
    item = edition_get(brief=found, number=number, user=request.user)
    region = list(found.region.countries.order_by("name_en").values_list("iso3", flat=True))
    if item.published:
        figures = item.figures or {}
    else:
        figures = frozen_figures(
            brief_figures(brief=found, as_at=item.as_at, user=edition_reader(found)).figures
        )
    return {
        "number": item.number,
        "title": item.title,
        "as_at": item.as_at,
        "state": item.state,
        "published_at": item.published_at,
        "slug": found.slug,
        "internal": found.internal,
        "region": {"name": found.region.name, "slug": found.region.slug, "countries": region},
        "figures": figures,
        "changes": changes_since(figures, previous_published(item)),
    }

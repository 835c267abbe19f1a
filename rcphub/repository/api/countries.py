"""API on the country records, public: Member States' voluntary reports (with the review cycle each
was submitted to) and the champion countries."""

from datetime import date

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Schema
from ninja.pagination import paginate

from rcphub.api.pagination import Pagination
from rcphub.repository import selectors
from rcphub.repository.api.common import missing, router
from rcphub.repository.models import ChampionCountry, VoluntaryReport


class ReviewCycleRef(Schema):
    slug: str
    name: str = Field(description="In the language asked for (English, French or Russian), else English.")
    held_on: date


class VoluntaryReportOut(Schema):
    id: int
    country: str = Field(alias="country.iso3")
    country_name: str = Field(alias="country.name_en")
    year: int
    link: str
    review_cycle: ReviewCycleRef | None = Field(
        description="The review cycle it was submitted to; none for reports recorded before cycles were kept."
    )
    submitted_on: date | None = Field(description="The day the Member State submitted it, where known.")


class VoluntaryReportQuery(Schema):
    review_cycle: str | None = Field(
        None, max_length=60, description="Only the reports submitted to this review cycle (its slug)."
    )


class ChampionCountryOut(Schema):
    id: int
    country: str = Field(alias="country.iso3")
    country_name: str = Field(alias="country.name_en")
    since: date | None
    note: str


@router.get("/voluntary-reports", response=list[VoluntaryReportOut])
@paginate(Pagination)
def list_voluntary_reports(
    request: HttpRequest, query: Query[VoluntaryReportQuery]
) -> QuerySet[VoluntaryReport]:
    """List Member States' voluntary reports on implementing the Global Compact, latest year first;
    `?review_cycle=` a cycle's slug keeps those submitted to it (an unknown slug answers 422)."""
    reports = selectors.voluntary_report_list(review_cycle=query.review_cycle)
    return reports.order_by("-year", "country__name_en", "pk")


@router.get("/voluntary-reports/{report_id}", response=VoluntaryReportOut)
def get_voluntary_report(request: HttpRequest, report_id: int) -> VoluntaryReport:
    """Show a voluntary report."""
    return selectors.voluntary_report_list().filter(pk=report_id).first() or missing()


@router.get("/champion-countries", response=list[ChampionCountryOut])
@paginate(Pagination)
def list_champion_countries(request: HttpRequest) -> QuerySet[ChampionCountry]:
    """List the champion countries of the Global Compact in the region."""
    return selectors.champion_country_list().order_by("country__name_en", "pk")


@router.get("/champion-countries/{champion_id}", response=ChampionCountryOut)
def get_champion_country(request: HttpRequest, champion_id: int) -> ChampionCountry:
    """Show a champion country."""
    return selectors.champion_country_list().filter(pk=champion_id).first() or missing()

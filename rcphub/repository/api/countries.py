"""API on the country records, public: Member States' voluntary reports and the champion countries."""

from datetime import date

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import paginate

from rcphub.api.pagination import Pagination
from rcphub.repository import selectors
from rcphub.repository.api.common import missing, router
from rcphub.repository.models import ChampionCountry, VoluntaryReport


class VoluntaryReportOut(Schema):
    id: int
    country: str = Field(alias="country.iso3")
    country_name: str = Field(alias="country.name_en")
    year: int
    link: str


class ChampionCountryOut(Schema):
    id: int
    country: str = Field(alias="country.iso3")
    country_name: str = Field(alias="country.name_en")
    since: date | None
    note: str


@router.get("/voluntary-reports", response=list[VoluntaryReportOut])
@paginate(Pagination)
def list_voluntary_reports(request: HttpRequest) -> QuerySet[VoluntaryReport]:
    """List Member States' voluntary reports on implementing the Global Compact, latest year first."""
    return selectors.voluntary_report_list().order_by("-year", "country__name_en", "pk")


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

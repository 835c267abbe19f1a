"""API on pledge reports: lists (all one may see, or those on one pledge), one report, drafting a
report on a published pledge and changing it."""

from datetime import date

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field
from ninja.pagination import paginate

from rcphub.api.pagination import Pagination
from rcphub.api.schemas import BodyDate, BodyIn
from rcphub.repository import selectors, services
from rcphub.repository.api.common import MAX_ID, VERSION, SubmissionOut, router, sent_changes, sent_values
from rcphub.repository.models import PledgeReport, PledgeStage


class PledgeReportOut(SubmissionOut):
    id: int
    pledge: int = Field(alias="pledge_id")
    reported_on: date
    stage: PledgeStage
    narrative: str


class PledgeReportIn(BodyIn):
    reported_on: BodyDate
    stage: PledgeStage
    narrative: str = Field(min_length=1, max_length=20_000)


class PledgeReportUpdateIn(BodyIn):
    version: int = Field(ge=1, le=MAX_ID, description=VERSION)
    reported_on: BodyDate | None = None
    stage: PledgeStage | None = None
    narrative: str | None = Field(None, min_length=1, max_length=20_000)


@router.get("/pledge-reports", response=list[PledgeReportOut])
@paginate(Pagination)
def list_pledge_reports(request: HttpRequest) -> QuerySet[PledgeReport]:
    """List the reports you may see on pledges you may see, latest first."""
    return selectors.pledge_report_list(user=request.user).order_by("-reported_on", "-pk")


@router.get("/pledges/{pledge_id}/reports", response=list[PledgeReportOut])
def list_reports_of_pledge(request: HttpRequest, pledge_id: int) -> QuerySet[PledgeReport]:
    """List the reports you may see on a pledge, latest first."""
    pledge = selectors.pledge_get(pledge_id=pledge_id, user=request.user)
    return selectors.pledge_report_list(user=request.user, pledge=pledge).order_by("-reported_on", "-pk")


@router.get("/pledge-reports/{report_id}", response=PledgeReportOut)
def get_pledge_report(request: HttpRequest, report_id: int) -> PledgeReport:
    """Show a pledge report you may see."""
    return selectors.pledge_report_get(report_id=report_id, user=request.user)


@router.post("/pledges/{pledge_id}/reports", response={201: PledgeReportOut})
def create_pledge_report(request: HttpRequest, pledge_id: int, payload: PledgeReportIn) -> PledgeReport:
    """Draft a report on a published pledge; any member may."""
    pledge = selectors.pledge_get(pledge_id=pledge_id, user=request.user)
    return services.pledge_report_create(pledge=pledge, by=request.user, **sent_values(payload))


@router.patch("/pledge-reports/{report_id}", response=PledgeReportOut)
def update_pledge_report(request: HttpRequest, report_id: int, payload: PledgeReportUpdateIn) -> PledgeReport:
    """Change your draft or returned pledge report; send only the fields to change."""
    report = selectors.pledge_report_get(report_id=report_id, user=request.user)
    version, fields = sent_changes(payload, PledgeReport)
    return services.pledge_report_update(report=report, by=request.user, expected_version=version, **fields)

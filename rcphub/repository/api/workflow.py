"""API on the submission workflow: submit (the submitter), return and publish (the secretariat), the
same three actions on practices, pledges and pledge reports."""

from typing import Any

from django.http import HttpRequest
from ninja import Field, Schema

from rcphub.api.errors import api_field_names
from rcphub.api.schemas import BodyIn
from rcphub.repository import selectors, services
from rcphub.repository.api.common import MAX_ID, VERSION, router
from rcphub.repository.api.pledge_reports import PledgeReportOut
from rcphub.repository.api.pledges import PledgeOut, pledge_shown
from rcphub.repository.api.practices import PracticeOut, practice_shown


class ReturnIn(BodyIn):
    comment: str = Field(max_length=5000, description="What the submitter should change; required.")
    version: int = Field(ge=1, le=MAX_ID, description=VERSION)


class PublishIn(BodyIn):
    comment: str = Field("", max_length=5000)
    version: int = Field(ge=1, le=MAX_ID, description=VERSION)


def _shown(kind: str, item: Any, user: Any) -> Any:
    """Return the submission as its kind's API shows it."""
    if kind == "practice":
        return practice_shown(item.pk, user)
    if kind == "pledge":
        return pledge_shown(item.pk, user)
    return item


def _workflow_routes(path: str, kind: str, out: type[Schema]) -> None:
    """Add the submit, return and publish actions on one kind of submission."""

    @router.post(f"/{path}/{{item_id}}/submit", response=out, operation_id=f"submit_{kind}")
    def submit(request: HttpRequest, item_id: int) -> Any:
        """Send your draft (or your returned submission, fixed) to the secretariat."""
        item = selectors.submission_get(kind=kind, item_id=item_id, user=request.user)
        return _shown(kind, services.submission_submit(item=item, by=request.user), request.user)

    @router.post(f"/{path}/{{item_id}}/return", response=out, operation_id=f"return_{kind}")
    def return_(request: HttpRequest, item_id: int, payload: ReturnIn) -> Any:
        """Return a submission to its submitter with what to change (the secretariat)."""
        item = selectors.submission_get(kind=kind, item_id=item_id, user=request.user)
        with api_field_names(review_comment="comment"):
            returned = services.submission_return(
                item=item, by=request.user, comment=payload.comment, expected_version=payload.version
            )
        return _shown(kind, returned, request.user)

    @router.post(f"/{path}/{{item_id}}/publish", response=out, operation_id=f"publish_{kind}")
    def publish(request: HttpRequest, item_id: int, payload: PublishIn) -> Any:
        """Publish a submission that passes the quality checks (the secretariat); 422 names what fails."""
        item = selectors.submission_get(kind=kind, item_id=item_id, user=request.user)
        published = services.submission_publish(
            item=item, by=request.user, comment=payload.comment, expected_version=payload.version
        )
        return _shown(kind, published, request.user)


_workflow_routes("practices", "practice", PracticeOut)
_workflow_routes("pledges", "pledge", PledgeOut)
_workflow_routes("pledge-reports", "report", PledgeReportOut)

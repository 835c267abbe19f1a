"""Read-only report pages and files; each view parses the request, reads, and renders."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from rcphub.core.dates import parse_query_date, today
from rcphub.core.errors import NotFound
from rcphub.core.views import bad_query
from rcphub.followup.selectors import review_get
from rcphub.reports import exports
from rcphub.reports.brief.figures import brief_date, brief_figures
from rcphub.reports.briefs import brief_page
from rcphub.reports.followup import status_filename, status_of_implementation
from rcphub.reports.selectors import brief_get, brief_list


def _as_at(request: HttpRequest) -> date:
    """Return the `as_at` date of the query string, today when absent; ValidationError names the field."""
    return parse_query_date(request.GET.get("as_at"), field="as_at", default=today()) or today()


@require_GET
def followup_status(request: HttpRequest, review_pk: int) -> HttpResponse:
    """Show the review's status of implementation as at a date, with links to the files."""
    review = review_get(review_id=review_pk, user=request.user)
    try:
        as_at = _as_at(request)
    except ValidationError as error:
        return bad_query(request, error, back=reverse("reports:followup_status", args=[review.pk]))
    report = status_of_implementation(review=review, user=request.user, as_at=as_at)
    files = [
        (label, f"{reverse('reports:followup_status_file', args=[review.pk, fmt])}?as_at={as_at.isoformat()}")
        for fmt, label in (("pdf", _("PDF")), ("docx", _("Word (DOCX)")), ("xlsx", _("Excel (XLSX)")))
    ]
    return render(
        request,
        "reports/followup_status.html",
        {"report": report, "review": review, "files": files, "header": exports.table_header(report)},
    )


@require_GET
def followup_status_file(request: HttpRequest, review_pk: int, fmt: str) -> HttpResponse:
    """Send the review's status of implementation as at a date as a PDF, DOCX or XLSX file."""
    if fmt not in exports.CONTENT_TYPES:
        raise NotFound
    review = review_get(review_id=review_pk, user=request.user)
    try:
        as_at = _as_at(request)
    except ValidationError as error:
        return bad_query(request, error, back=reverse("reports:followup_status", args=[review.pk]))
    report = status_of_implementation(review=review, user=request.user, as_at=as_at)
    if fmt == "pdf":
        content = exports.status_pdf(report)
    elif fmt == "docx":
        content = exports.status_docx(report)
    else:
        content = exports.status_xlsx(report)
    response = HttpResponse(content, content_type=exports.CONTENT_TYPES[fmt])
    filename = status_filename(review=review, as_at=as_at, fmt=fmt)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def brief_list_view(request: HttpRequest) -> HttpResponse:
    """List the briefs the reader may see."""
    return render(request, "reports/brief_list.html", {"briefs": brief_list(user=request.user)})


@require_GET
def brief_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Show the brief as at a date (today by default), every figure linking to the records it counts."""
    brief = brief_get(slug=slug, user=request.user)
    try:
        as_at = brief_date(request.GET.get("as_at"), today=today())
    except ValidationError as error:
        return bad_query(request, error, back=reverse("briefs:detail", args=[brief.slug]))
    result = brief_figures(brief=brief, as_at=as_at, user=request.user)
    return render(request, "reports/brief.html", {"brief": brief, **brief_page(result)})

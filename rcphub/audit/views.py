"""The audit trail's page and its CSV; the platform secretariat's only (404 for anyone else)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from rcphub.audit.forms import AuditFilterForm
from rcphub.audit.permissions import can_read_audit_trail
from rcphub.audit.selectors import AuditFilter, audit_page, audit_rows_all
from rcphub.audit.services import record_export
from rcphub.core.errors import NotFound


def _form(request: HttpRequest) -> AuditFilterForm:
    if not can_read_audit_trail(user=request.user):
        raise NotFound
    return AuditFilterForm(request.GET or None)


def _filters(form: AuditFilterForm) -> AuditFilter | None:
    """The filters of a valid form, none for an empty one, None when it has errors."""
    if not form.is_bound:
        return AuditFilter()
    return form.filters() if form.is_valid() else None


@require_GET
def audit_trail(request: HttpRequest) -> HttpResponse:
    """Show the trail newest first, filtered by person, dates and kind, a page at a time."""
    form = _form(request)
    filters = _filters(form)
    query = request.GET.copy()
    query.pop("page", None)
    context: dict[str, Any] = {"form": form, "query": query.urlencode(), "page": None, "rows": []}
    if filters is not None:
        context["page"], context["rows"] = audit_page(filters, number=request.GET.get("page"))
    return render(request, "audit/trail.html", context, status=200 if filters is not None else 400)


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_lines(filters: AuditFilter) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow([_("When"), _("Kind"), _("What"), _("Who"), _("Object"), _("Address")])
    for row in audit_rows_all(filters):
        yield writer.writerow(
            [
                timezone.localtime(row.at).isoformat(),
                row.kind_label,
                row.action,
                row.actor,
                row.object,
                row.address,
            ]
        )


@require_GET
def audit_trail_csv(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    """Send the filtered trail as CSV; the download is itself an export of internal data."""
    form = _form(request)
    filters = _filters(form)
    if filters is None:
        return render(request, "audit/trail.html", {"form": form, "page": None, "rows": []}, status=400)
    record_export(request, None, what=_("Audit trail (CSV)"))
    response = StreamingHttpResponse(_csv_lines(filters), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="audit-{timezone.localdate().isoformat()}.csv"'
    return response

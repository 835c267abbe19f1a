"""Helpers every app's pages share: HTMX detection, the 400 page for bad queries, form pages, as-at dates."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from rcphub.core.dates import parse_query_date


def is_htmx(request: HttpRequest) -> bool:
    """Return True if HTMX sent the request (and so wants a fragment back)."""
    return request.headers.get("HX-Request") == "true"


def bad_query(request: HttpRequest, error: ValidationError, *, back: str | None = None) -> HttpResponse:
    """Answer 400 with the query-string fields that are wrong and why."""
    errors = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
    return render(request, "bad_request.html", {"errors": errors, "back": back}, status=400)


def form_page(request: HttpRequest, *, form: Any, title: str, context: dict[str, Any]) -> HttpResponse:
    """Render a form on the site's form page (crumbs, title, fields, save and cancel)."""
    return render(request, "form.html", {"form": form, "title": title, **context})


def query_without_page(request: HttpRequest) -> str:
    """Return the request's query string without `page`, for a list's page links to keep its filters."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def posted_view_as_at(request: HttpRequest) -> date | None:
    """Return the date a page was viewed as at, posted back by its HTMX form; None when absent or malformed.

    A status form on a page shown "as at" a date posts that date as `view_as_at`, so that the row it
    answers with is drawn as at the same date.
    """
    try:
        return parse_query_date(request.POST.get("view_as_at"), field="view_as_at")
    except ValidationError:
        return None

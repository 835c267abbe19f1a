"""The search page: one box over activities, practices, pledges and knowledge products. HTTP only."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from rcphub.core.views import bad_query
from rcphub.search.reader import KIND_KEYS, kind_of, models_of_kind, searchable_kinds, visible_coalition_ids
from rcphub.search.selectors import MAX_QUERY_LENGTH, search

PAGE_RESULTS = 50


@require_GET
def search_view(request: HttpRequest) -> HttpResponse:
    """Show what matches `q` among what the reader may see, best first; `type` narrows to one kind."""
    query = request.GET.get("q", "")
    kind = request.GET.get("type", "").strip()
    if kind and kind not in KIND_KEYS:
        return bad_query(request, ValidationError({"type": _("Choose one of: %s.") % ", ".join(KIND_KEYS)}))
    hits = (
        search(
            query,
            visible_coalition_ids=visible_coalition_ids(request.user),
            models=models_of_kind(kind),
            limit=PAGE_RESULTS,
        )
        if query.strip()
        else []
    )
    results = [(hit, kind_of(hit.content_type)) for hit in hits]
    context = {
        "q": query.replace("\x00", "")[: MAX_QUERY_LENGTH * 2],
        "type": kind,
        "kinds": searchable_kinds(),
        "results": results,
        "searched": bool(query.strip()),
        "limit": PAGE_RESULTS,
    }
    return render(request, "search/search.html", context)

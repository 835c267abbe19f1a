"""The repository's home page and the country records page (voluntary reports, champion countries)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from rcphub.repository import selectors
from rcphub.repository.permissions import can_create_knowledge_product, can_submit, is_repository_secretariat
from rcphub.repository.views.common import repository_crumbs
from rcphub.repository.views.knowledge import product_coalitions


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """Show how many practices, pledges and products the reader may see, and where to go."""
    return render(
        request,
        "repository/index.html",
        {
            "counts": selectors.repository_counts(user=request.user),
            "can_submit": can_submit(request.user),
            "is_secretariat": is_repository_secretariat(request.user),
            "can_add_product": product_coalitions(request.user).exists()
            or can_create_knowledge_product(user=request.user, coalition=None),
        },
    )


@require_GET
def country_records(request: HttpRequest) -> HttpResponse:
    """List the voluntary reports on the Global Compact and the champion countries."""
    return render(
        request,
        "repository/countries.html",
        {
            "reports": list(selectors.voluntary_report_list()),
            "champions": list(selectors.champion_country_list()),
            "crumbs": repository_crumbs(),
        },
    )

"""The practices list's map: practices by country for the current filters, beside the facets.

The map counts what the country facet counts (`repository.filters`: the list filtered by every other
selected facet), so each country's number is the length of the list it links to. The page shows the
table and the map as an image (`practice_map`, SVG rendered once per spec and kept in the cache), so
the list itself never waits for a map to render.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from rcphub.core.charts import chart_svg
from rcphub.core.views import bad_query, query_without_page
from rcphub.reference.maps import DISCLAIMER, KOSOVO_NOTE, map_spec
from rcphub.reference.models import Country
from rcphub.repository.filters import PRACTICES, FacetValue, repository_filter

KOSOVO = "XKX"


def country_map_context(request: HttpRequest, values: list[FacetValue]) -> dict[str, Any]:
    """Return the map's context for the list page: its image address, its table (each country linking
    to the list with the current filters and that country) and its notes."""
    counted = [value for value in values if value.count]
    rows = []
    for value in counted:
        query = request.GET.copy()
        query.pop("page", None)
        query.setlist("country", [value.value])
        rows.append((value.label, value.count, f"{request.path}?{query.urlencode()}"))
    query_string = query_without_page(request)
    return {
        "country_rows": rows,
        "country_map_url": reverse("repository:practice_map") + (f"?{query_string}" if query_string else ""),
        "country_map_notes": [DISCLAIMER, KOSOVO_NOTE if any(v.value == KOSOVO for v in counted) else ""],
    }


@require_GET
def practice_map(request: HttpRequest) -> HttpResponse:
    """Answer the map of the practices by country for the filters in the query string, as SVG."""
    try:
        filtered = repository_filter(PRACTICES, user=request.user, params=request.GET, facets=("country",))
    except ValidationError as error:
        return bad_query(request, error, back=reverse("repository:practice_list"))
    counts = {value.value: value.count for value in filtered.facets["country"] if value.count}
    countries = list(Country.objects.filter(iso3__in=counts).order_by("name_en"))
    svg = chart_svg(map_spec(counts, countries=countries, title=_("Practices by country")))
    response = HttpResponse(svg, content_type="image/svg+xml")
    # What a reader sees depends on who they are: their browser may keep it, no shared cache.
    response["Cache-Control"] = "private, max-age=300"
    return response

"""The pledging dashboard page: the pledges published as at a date by GCM objective, by kind of
pledger and by stage, and the inactive ones. HTTP only; the figures come from
`selectors.pledging_dashboard`."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from rcphub.core.dates import parse_query_date, today
from rcphub.core.documents import svg_from_vega_lite
from rcphub.core.views import bad_query
from rcphub.repository.selectors import PledgingDashboard, pledging_dashboard


def objective_chart_spec(dashboard: PledgingDashboard) -> dict[str, Any]:
    """Return the Vega-Lite spec of the bars: published pledges per GCM objective, all 23."""
    import altair as alt

    values = [
        {"objective": f"{row.key}", "title": row.label, "pledges": row.count}
        for row in dashboard.by_objective
    ]
    order = [row.key for row in dashboard.by_objective]
    chart = (
        alt.Chart({"values": values})
        .mark_bar(color="#1f4e8c")
        .encode(
            x=alt.X("objective:N", sort=order, title=_("GCM objective"), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("pledges:Q", title=_("Published pledges"), axis=alt.Axis(tickMinStep=1, format="d")),
            tooltip=[
                alt.Tooltip("title:N", title=_("Objective")),
                alt.Tooltip("pledges:Q", title=_("Pledges")),
            ],
        )
        .properties(width=620, height=220)
    )
    spec: dict[str, Any] = chart.to_dict()
    return spec


@require_GET
def pledging_dashboard_view(request: HttpRequest) -> HttpResponse:
    """Show the pledging dashboard as at `?as_at=` (today if left out): the pledges published by then."""
    try:
        as_at = parse_query_date(request.GET.get("as_at"), field="as_at", default=today())
    except ValidationError as error:
        return bad_query(request, error)
    dashboard = pledging_dashboard(user=request.user, as_at=as_at)
    context = {
        "dashboard": dashboard,
        # The pledge list as at the same date holds exactly the pledges counted here.
        "list_as_at": f"{reverse('repository:pledge_list')}?as_at={dashboard.as_at.isoformat()}",
        "chart_svg": svg_from_vega_lite(objective_chart_spec(dashboard)) if dashboard.total else "",
        "crumbs": [
            (_("Repository"), reverse("repository:index")),
            (_("Pledges"), reverse("repository:pledge_list")),
            (_("Pledging dashboard"), None),
        ],
    }
    return render(request, "repository/pledging_dashboard.html", context)

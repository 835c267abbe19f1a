"""The dashboards as pages: the home page (the platform at a glance) and a coalition's progress as at a date.

The figures come from `dashboards`; this module turns them into charts (`core.charts`, the map from
`reference.maps`), each with its text alternative and the table behind it, and into the links to the
lists they count. Served by reports, the app above all those it reads; the coalition page links here.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from rcphub.coalitions.selectors import coalition_get, coalition_list
from rcphub.core.charts import bar_spec, chart
from rcphub.core.dates import parse_query_date, today
from rcphub.core.models import ProgressStatus
from rcphub.core.views import bad_query
from rcphub.followup.models import FollowUpStatus
from rcphub.reference.maps import DISCLAIMER, KOSOVO_NOTE, map_spec
from rcphub.reports.dashboards import coalition_progress, home_figures, status_rows

ACTIVITY_LABELS = dict(ProgressStatus.choices)
COMMITMENT_LABELS = dict(FollowUpStatus.choices)


def _link(name: str, *args: Any, **query: Any) -> str:
    url = reverse(name, args=args)
    return f"{url}?{urlencode(query, doseq=True)}" if query else url


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """Introduce rcphub: the platform at a glance as at today, and the coalitions the user may see."""
    on = today()
    figures = home_figures(user=request.user, as_at=on)
    coalitions = sorted(
        coalition_list(user=request.user), key=lambda c: (c.platform.name, not c.active, c.name)
    )
    activity_rows = status_rows(figures.activities_by_status, ACTIVITY_LABELS)
    commitment_rows = status_rows(figures.commitments_by_status, COMMITMENT_LABELS)
    context: dict[str, Any] = {
        "figures": figures,
        "coalitions": coalitions,
        "activity_rows": [(label, n, "") for _key, label, n in activity_rows],
        "commitment_rows": [(label, n, "") for _key, label, n in commitment_rows],
        "practices_link": reverse("repository:practice_list"),
        "pledges_link": reverse("repository:pledge_list"),
        "fund_link": (
            _link("funding:fund_detail", figures.fund.fund.pk, as_at=on.isoformat()) if figures.fund else ""
        ),
    }
    if activity_rows:
        context["activity_chart"] = chart(
            bar_spec(
                {label: n for _key, label, n in activity_rows},
                title=_("Activities by status"),
                axis=_("Status"),
                width=320,
                height=140,
            ),
            [(label, n) for _key, label, n in activity_rows],
            _(
                "Bar chart of the activities of the work plans under way, by status today; the table gives each number."
            ),
        )
    if commitment_rows:
        context["commitment_chart"] = chart(
            bar_spec(
                {label: n for _key, label, n in commitment_rows},
                title=_("Commitments by status"),
                axis=_("Status"),
                width=320,
                height=140,
            ),
            [(label, n) for _key, label, n in commitment_rows],
            _(
                "Bar chart of the follow-up ledger's commitments by status today; the table gives each number."
            ),
        )
    return render(request, "reports/home.html", context)


@require_safe
def coalition_progress_view(request: HttpRequest, slug: str) -> HttpResponse:
    """Show the progress of the coalition's work plan as at `?as_at=` (today by default): activities by
    status, country and SDG goal, its support requests (for those who may see them) and upcoming events."""
    coalition = coalition_get(slug=slug, user=request.user)
    try:
        as_at = parse_query_date(request.GET.get("as_at"), field="as_at", default=today()) or today()
    except ValidationError as error:
        return bad_query(request, error, back=reverse("coalition_progress", args=[slug]))
    progress = coalition_progress(coalition=coalition, user=request.user, as_at=as_at)
    day = as_at.isoformat()
    plan_link = (
        _link("workplans:detail", progress.work_plans[0].pk, as_at=day)
        if len(progress.work_plans) == 1
        else ""
    )
    statuses = status_rows(progress.by_status, ACTIVITY_LABELS)
    country_rows = [(country.name, n, "") for country, n in progress.by_country]
    goal_rows = [(f"{goal.number}. {goal.short_title}", n, "") for goal, n in progress.by_goal]
    requests = _link("support:requests", coalition=slug)
    context: dict[str, Any] = {
        "coalition": coalition,
        "progress": progress,
        "as_at": as_at,
        "today": today(),
        "status_rows": [(label, n, plan_link) for _key, label, n in statuses],
        "completed": progress.by_status.get(ProgressStatus.COMPLETED, 0),
        "country_rows": country_rows,
        "goal_rows": goal_rows,
        "plan_link": plan_link,
        "requests_link": requests,
        "delivered_link": _link("support:requests", coalition=slug, state="delivered"),
        "declined_link": _link("support:requests", coalition=slug, state="declined"),
        "calendar_link": _link("events:calendar", coalition=slug, view="list"),
        "crumbs": [
            (_("Coalitions"), reverse("coalitions:list")),
            (coalition.name, reverse("coalitions:detail", args=[slug])),
        ],
    }
    date_text = date_format(as_at, "j F Y")
    if statuses:
        context["status_chart"] = chart(
            bar_spec(
                {label: n for _key, label, n in statuses}, title=_("Activities by status"), axis=_("Status")
            ),
            [(label, n) for _key, label, n in statuses],
            _(
                "Bar chart of the work plan's activities by status as at %(date)s; the table gives each number."
            )
            % {"date": date_text},
        )
        context["goal_chart"] = chart(
            bar_spec(
                {str(goal.number): n for goal, n in progress.by_goal},
                title=_("Activities by SDG goal"),
                axis=_("SDG goal"),
            ),
            [(label, n) for label, n, _link_ in goal_rows],
            _(
                "Bar chart of the work plan's activities by Sustainable Development Goal, 1 to 17; the table gives each number."
            ),
        )
    if progress.by_country:
        countries = [country for country, _n in progress.by_country]
        context["country_map"] = chart(
            map_spec(
                {country.iso3: n for country, n in progress.by_country},
                countries=countries,
                title=_("Activities by country"),
            ),
            [(label, n) for label, n, _link_ in country_rows],
            _(
                "Map of the countries the work plan's activities name, shaded by their number; the table gives each number."
            ),
        )
        context["map_notes"] = [DISCLAIMER, KOSOVO_NOTE if any(c.iso3 == "XKX" for c in countries) else ""]
    return render(request, "reports/coalition_progress.html", context)

"""The brief as a page: its figures in sections, each with the link to the records it counts, and its charts.

`brief_page` turns `BriefFigures` into what the template shows; the charts render once per spec
(`core.charts`: the spec holds its data, so a changed figure is a new chart).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from rcphub.core.charts import bar_spec, chart
from rcphub.core.models import ProgressStatus
from rcphub.followup.models import FollowUpStatus
from rcphub.reference.maps import DISCLAIMER, KOSOVO_NOTE, map_spec
from rcphub.reference.models import EntityKind, GcmObjective
from rcphub.reports.brief.figures import BriefFigures
from rcphub.repository.models import ImplementerType, Scope


def _practice_link(**facets: Any) -> str:
    return reverse("repository:practice_list") + "?" + urlencode(facets, doseq=True)


def _pledge_link(**facets: Any) -> str:
    return reverse("repository:pledge_list") + "?" + urlencode(facets, doseq=True)


def brief_page(result: BriefFigures) -> dict[str, Any]:
    """Return the template's context for the brief's figures: sections, links, charts and notes."""
    figures, region = result.figures, result.region_codes
    objectives = dict(GcmObjective.objects.values_list("number", "short_title"))
    types = dict(ImplementerType.objects.values_list("code", "name"))
    names = {country.iso3: country.name for country in result.region_countries}
    by_objective = figures["practices_by_gcm_objective"]
    by_country = figures["practices_by_country"]
    context: dict[str, Any] = {
        "result": result,
        "figures": figures,
        "region": result.brief.region,
        "region_link": _practice_link(country=region),
        "pledge_region_link": _pledge_link(country=region),
        "disclaimer": DISCLAIMER,
        "kosovo_note": KOSOVO_NOTE if "XKX" in region else "",
        "objective_rows": [
            (
                f"{number}. {objectives.get(int(number), '')}",
                count,
                _practice_link(country=region, objective=number),
            )
            for number, count in by_objective.items()
        ],
        "country_rows": sorted(
            (
                (names[iso3], count, _practice_link(country=iso3))
                for iso3, count in by_country.items()
                if count
            ),
            key=lambda row: (-row[1], row[0]),
        ),
        "type_rows": [
            (types.get(code, code), count, _practice_link(country=region, implementer_type=code))
            for code, count in figures["practices_by_implementer_type"].items()
            if count
        ],
        "scope_rows": [
            (
                str(dict(Scope.choices).get(key, _("Not given"))),
                count,
                _practice_link(country=region, scope=key),
            )
            for key, count in figures["practices_by_scope"].items()
        ],
        "pledge_objective_rows": [
            (
                f"{number}. {objectives.get(int(number), '')}",
                count,
                _pledge_link(country=region, objective=number),
            )
            for number, count in figures["pledges_by_gcm_objective"].items()
        ],
        "pledger_rows": [
            (
                str(dict(EntityKind.choices).get(key, key)),
                count,
                _pledge_link(country=region, pledger_type=key),
            )
            for key, count in figures["pledges_by_pledger_kind"].items()
        ],
        "activity_rows": _status_rows(figures["activities_by_status"], dict(ProgressStatus.choices)),
        "commitment_rows": _status_rows(figures["commitments_by_status"], dict(FollowUpStatus.choices)),
    }
    if figures["practices_in_region"]:
        context["objective_chart"] = chart(
            bar_spec(by_objective, title=_("Practices by GCM objective"), axis=_("GCM objective")),
            [(label, count) for label, count, _link in context["objective_rows"]],
            _(
                "Bar chart of the practices implemented in the region by GCM objective, 1 to 23; the table below gives each number."
            ),
        )
        context["map_chart"] = chart(
            map_spec(by_country, countries=result.region_countries, title=_("Practices by Member State")),
            [(label, count) for label, count, _link in context["country_rows"]],
            _(
                "Map of the region shaded by the number of practices implemented in each country; the table below gives each number."
            ),
        )
    if result.networks:
        context["network_map"] = chart(
            map_spec(
                {network.country.iso3: 1 for network in result.networks},
                countries=result.region_countries,
                title=_("Country networks established"),
            ),
            [(network.country.name, 1) for network in result.networks],
            _(
                "Map of the region marking the countries with a network established; the list below names them."
            ),
        )
    context["fund_links"] = [
        (
            entry,
            reverse("funding:fund_detail", args=[entry["fund"].pk]) + f"?as_at={result.as_at.isoformat()}",
        )
        for entry in result.funds
    ]
    return context


def _status_rows(counts: dict[str, int], labels: dict[str, Any]) -> list[tuple[str, int]]:
    order = [*labels, "none"]
    return [
        (str(labels.get(key, _("No report yet"))), counts[key])
        for key in sorted(counts, key=lambda k: order.index(k) if k in order else len(order))
    ]

"""The brief's charts as Vega-Lite specs: bars over the 23 GCM objectives, and the region's map.

The map draws the world-atlas TopoJSON in `reports/geo/` (from Natural Earth; see its PROVENANCE.md),
keyed by ISO alpha-3 through each country's M49 code; Kosovo, which has no code there, is matched by
name and footnoted per UNSCR 1244. Specs render to SVG on the server (`core.documents`), so the same
chart serves the page, the PDF and the Word file.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import altair as alt
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rcphub.reference.models import Country

WORLD = Path(__file__).resolve().parent.parent / "geo" / "countries-50m.json"
UN_BLUE = "#009edb"
DISCLAIMER = gettext_lazy(
    "The boundaries and names shown and the designations used on this map do not imply official "
    "endorsement or acceptance by the United Nations."
)
KOSOVO_NOTE = gettext_lazy(
    "References to Kosovo shall be understood to be in the context of Security Council resolution "
    "1244 (1999)."
)


@cache
def _world() -> dict[str, Any]:
    return json.loads(WORLD.read_text(encoding="utf-8"))


def bar_spec(counts: dict[str, int], *, title: str, axis: str) -> dict[str, Any]:
    """Return the spec of a bar chart of `counts` in their order (zeros shown), labelled by key."""
    values = [{"key": key, "count": count} for key, count in counts.items()]
    chart = (
        alt.Chart({"values": values}, title=title)
        .mark_bar(color=UN_BLUE)
        .encode(
            x=alt.X("key:N", sort=list(counts), title=axis, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("count:Q", title=_("Number"), axis=alt.Axis(tickMinStep=1, format="d")),
            tooltip=[alt.Tooltip("key:N", title=axis), alt.Tooltip("count:Q", title=_("Number"))],
        )
        .properties(width=560, height=200)
    )
    return chart.to_dict()


def map_spec(counts: dict[str, int], *, countries: list[Country], title: str) -> dict[str, Any]:
    """Return the spec of a choropleth map of the region's countries shaded by `counts` (ISO alpha-3)."""
    keys = {country.m49: country.iso3 for country in countries if country.m49}
    wanted = {country.iso3 for country in countries}
    world = _world()
    geometries = []
    for geometry in world["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name", "")
        key = "XKX" if name == "Kosovo" else keys.get(geometry.get("id", ""))
        if key in wanted:
            geometries.append({**geometry, "properties": {"key": key, "name": name}})
    topology = {**world, "objects": {"countries": {"type": "GeometryCollection", "geometries": geometries}}}
    rows = [
        {"iso3": country.iso3, "name": country.name, "count": counts.get(country.iso3, 0)}
        for country in countries
    ]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": title,
        "width": 600,
        "height": 360,
        "data": {"values": topology, "format": {"type": "topojson", "feature": "countries"}},
        "transform": [
            {
                "lookup": "properties.key",
                "from": {"data": {"values": rows}, "key": "iso3", "fields": ["name", "count"]},
            }
        ],
        "projection": {"type": "azimuthalEqualArea", "rotate": [-50, -58]},
        "mark": {"type": "geoshape", "stroke": "#ffffff", "strokeWidth": 0.4},
        "encoding": {
            "color": {
                "field": "count",
                "type": "quantitative",
                "title": _("Number"),
                "scale": {"scheme": "blues"},
            },
            "tooltip": [{"field": "name", "title": _("Country")}, {"field": "count", "title": _("Number")}],
        },
    }

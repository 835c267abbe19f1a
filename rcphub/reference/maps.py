"""Maps of countries as Vega-Lite specs: a choropleth of a set of countries shaded by a number.

The map draws the world-atlas TopoJSON in `reference/geo/` (from Natural Earth; see its PROVENANCE.md),
keyed by ISO alpha-3 through each country's M49 code; Kosovo, which has no code there, is matched by
name and footnoted per UNSCR 1244. Specs render to SVG on the server (`core.charts`), so the same
map serves the page, the PDF and the Word file.
"""

from __future__ import annotations

import json
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rcphub.reference.models import Country

WORLD = Path(__file__).resolve().parent / "geo" / "countries-50m.json"
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


# Points closer than this to the last one kept are dropped (in the topology's quantised units, about
# 0.5 degrees of longitude): the 50m atlas has far more points than a map of a region can show. Arcs
# spanning less than SMALL_ARC units (islands, short borders) are kept whole, so no ring collapses or
# turns inside out.
THIN_UNITS = 120
SMALL_ARC = 40 * THIN_UNITS


@cache
def _thinned_arcs() -> list[list[list[int]]]:
    """The world's arcs with the points a map of a region cannot show dropped; each arc keeps its ends,
    which it shares with the neighbouring border, so borders still meet."""
    thinned = []
    for arc in _world()["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x, y))
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        if max(xs) - min(xs) + max(ys) - min(ys) < SMALL_ARC:
            thinned.append(arc)
            continue
        kept = [points[0]]
        for point in points[1:-1]:
            if abs(point[0] - kept[-1][0]) + abs(point[1] - kept[-1][1]) >= THIN_UNITS:
                kept.append(point)
        kept.append(points[-1])
        deltas = [list(kept[0])]
        deltas += [[b[0] - a[0], b[1] - a[1]] for a, b in pairwise(kept)]
        thinned.append(deltas)
    return thinned


def _topology(world: dict[str, Any], geometries: list[dict[str, Any]]) -> dict[str, Any]:
    """Return a topology of these geometries holding only the arcs they draw (a fraction of the world's),
    so the spec stays small and renders fast. TopoJSON names an arc by its index, or `~index` reversed."""
    used: dict[int, int] = {}

    def renumber(ring: list[int]) -> list[int]:
        out = []
        for index in ring:
            arc = index if index >= 0 else ~index
            new = used.setdefault(arc, len(used))
            out.append(new if index >= 0 else ~new)
        return out

    kept = []
    for geometry in geometries:
        if geometry["type"] == "Polygon":
            arcs: Any = [renumber(ring) for ring in geometry["arcs"]]
        else:
            arcs = [[renumber(ring) for ring in polygon] for polygon in geometry["arcs"]]
        kept.append({**geometry, "arcs": arcs})
    world_arcs = _thinned_arcs()
    return {
        "type": "Topology",
        "transform": world["transform"],
        "arcs": [world_arcs[arc] for arc in sorted(used, key=used.__getitem__)],
        "objects": {"countries": {"type": "GeometryCollection", "geometries": kept}},
    }


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
    topology = _topology(world, geometries)
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

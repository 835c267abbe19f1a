"""Charts every page and document shares: a bar chart spec, and rendering a spec once.

A chart is a Vega-Lite spec that holds its own data, so a changed figure is a new spec: the SVG (for
pages and PDF) and the PNG (for Word) are rendered once per spec on the server (`core.documents`) and
kept in the cache, so a second view does not render them again. Each chart comes with a text
alternative and the table behind it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

import altair as alt
from django.core.cache import cache
from django.utils.translation import gettext as _

from rcphub.core.documents import png_from_vega_lite, svg_from_vega_lite

UN_BLUE = "#009edb"
CHART_CACHE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Chart:
    """A chart: its spec, its SVG, its text alternative, and the table behind it (label, number)."""

    svg: str
    description: str
    rows: list[tuple[str, int]]
    spec: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def png(self) -> bytes:
        """The chart as PNG (for Word), rendered once per spec."""
        return chart_png(self.spec)


def _key(kind: str, spec: dict[str, Any]) -> str:
    digest = hashlib.sha256(json.dumps(spec, sort_keys=True, default=str).encode()).hexdigest()
    return f"chart-{kind}:{digest}"


def chart_svg(spec: dict[str, Any]) -> str:
    """Return the SVG of a Vega-Lite spec, rendered once per spec and kept in the cache."""
    key = _key("svg", spec)
    svg = cache.get(key)
    if svg is None:
        svg = svg_from_vega_lite(spec)
        cache.set(key, svg, CHART_CACHE_SECONDS)
    return str(svg)


def chart_png(spec: dict[str, Any]) -> bytes:
    """Return the PNG of a Vega-Lite spec, rendered once per spec and kept in the cache."""
    key = _key("png", spec)
    png = cache.get(key)
    if png is None:
        png = png_from_vega_lite(spec)
        cache.set(key, png, CHART_CACHE_SECONDS)
    return bytes(png)


def chart(spec: dict[str, Any], rows: list[tuple[str, int]], description: str) -> Chart:
    """Return the chart of a spec with its text alternative and table, its SVG rendered (or cached)."""
    return Chart(svg=chart_svg(spec), description=description, rows=rows, spec=spec)


def bar_spec(
    counts: dict[str, int], *, title: str, axis: str, width: int = 560, height: int = 200
) -> dict[str, Any]:
    """Return the spec of a bar chart of `counts` in their order (zeros shown), labelled by key."""
    values = [{"key": key, "count": count} for key, count in counts.items()]
    spec = (
        alt.Chart({"values": values}, title=title)
        .mark_bar(color=UN_BLUE)
        .encode(
            x=alt.X("key:N", sort=list(counts), title=axis, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("count:Q", title=_("Number"), axis=alt.Axis(tickMinStep=1, format="d")),
            tooltip=[alt.Tooltip("key:N", title=axis), alt.Tooltip("count:Q", title=_("Number"))],
        )
        .properties(width=width, height=height)
    )
    return spec.to_dict()

"""The capitalisation chart: target, mobilised and deposited in the fund's currency, as SVG on the server."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from rcphub.core.documents import svg_from_vega_lite
from rcphub.funding.selectors import Capitalisation


def capitalisation_spec(cap: Capitalisation) -> dict[str, Any]:
    """Return the Vega-Lite spec of three bars: the target, what is mobilised and what is deposited."""
    import altair as alt

    figures = [_("Target"), _("Mobilised (pledged)"), _("Deposited")]
    amounts = [cap.target, cap.pledged, cap.deposited]
    values = [{"figure": f, "amount": float(a)} for f, a in zip(figures, amounts, strict=True)]
    unit = _("Amount (%(currency)s)") % {"currency": cap.currency}
    chart = (
        alt.Chart({"values": values})
        .mark_bar()
        .encode(
            y=alt.Y("figure:N", sort=figures, title=None),
            x=alt.X("amount:Q", title=unit, axis=alt.Axis(format="~s")),
            color=alt.Color(
                "figure:N",
                legend=None,
                scale=alt.Scale(domain=figures, range=["#c5ced8", "#009edb", "#1a7f37"]),
            ),
            tooltip=[
                alt.Tooltip("figure:N", title=_("Figure")),
                alt.Tooltip("amount:Q", title=unit, format=",.2f"),
            ],
        )
        .properties(width=420, height=110)
    )
    spec: dict[str, Any] = chart.to_dict()
    return spec


def capitalisation_svg(cap: Capitalisation) -> str:
    """Return the capitalisation chart as SVG."""
    return svg_from_vega_lite(capitalisation_spec(cap))

"""What changed between two sets of a brief's figures, figure by figure ("practices in the region: 63 → 70").

Counts are compared one by one; counts by key (GCM objective, country, implementer type, scope,
status) are compared key by key, each named; lists (champion countries) by their length.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

# The figures compared, in the brief's order, with what each counts.
LABELS: dict[str, Any] = {
    "practices_in_region": _("Practices in the region"),
    "practices_all": _("Practices from anywhere"),
    "practices_share_of_all_pct": _("Share of all practices (%)"),
    "practices_by_gcm_objective": _("Practices on GCM objective"),
    "practices_by_country": _("Practices in"),
    "practices_by_implementer_type": _("Practices by implementer"),
    "practices_by_scope": _("Practices of scope"),
    "pledges_in_region": _("Pledges from the region"),
    "pledges_by_gcm_objective": _("Pledges on GCM objective"),
    "pledges_with_report": _("Pledges with an implementation report"),
    "country_networks_established": _("Country networks established"),
    "champion_countries": _("Champion countries"),
    "voluntary_reports": _("Voluntary national reports"),
    "unct_workshops": _("Workshops and trainings for UN Country Teams"),
    "support_requests_received": _("Support requests received"),
    "support_requests_delivered": _("Support requests delivered"),
    "activities_by_status": _("Activities"),
    "commitments_by_status": _("Commitments"),
    "fund_mobilised_share_pct": _("Fund capitalisation against target (%)"),
    "fund_contributors": _("Contributors to the fund"),
    "region_contributing_states": _("Contributing States from the region"),
    "joint_programmes_funded_region": _("Joint programmes funded in the region"),
    "joint_programmes_pipeline_region": _("Joint programmes in the pipeline in the region"),
    "joint_programmes_funded_all": _("Joint programmes funded in all"),
}


@dataclass(frozen=True)
class Change:
    figure: str
    label: str
    before: Any
    after: Any


def figure_changes(
    before: dict[str, Any], after: dict[str, Any], *, names: dict[str, dict[str, str]] | None = None
) -> list[Change]:
    """Return the figures that differ between two editions, in the brief's order.

    `names` turns keys into words per figure, e.g. {"practices_by_country": {"KAZ": "Kazakhstan"}}."""
    names = names or {}
    changes = []
    for figure, label in LABELS.items():
        old, new = before.get(figure), after.get(figure)
        if isinstance(old, dict) or isinstance(new, dict):
            old, new = old or {}, new or {}
            for key in [*old, *(k for k in new if k not in old)]:
                if old.get(key, 0) != new.get(key, 0):
                    name = names.get(figure, {}).get(key, key)
                    changes.append(
                        Change(f"{figure}.{key}", f"{label} {name}", old.get(key, 0), new.get(key, 0))
                    )
        elif isinstance(old, list) or isinstance(new, list):
            if len(old or []) != len(new or []):
                changes.append(Change(figure, str(label), len(old or []), len(new or [])))
        elif old != new:
            changes.append(Change(figure, str(label), old, new))
    return changes

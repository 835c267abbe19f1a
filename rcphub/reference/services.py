"""Loading of reference data from the versioned files in `data/`, matched by code."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import models, transaction
from django.utils.text import capfirst
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from rcphub.core.dataversion import REPOSITORY, WORKPLANS, data_version_bump
from rcphub.reference.models import (
    Country,
    Entity,
    EntityKind,
    GcmObjective,
    GcmPrinciple,
    Region,
    SdgGoal,
    SdgIndicator,
    SdgTarget,
)

DATA_DIR = Path(__file__).resolve().parent / "data"

# Acronyms as the region writes them, where the UN System Chart uses another form; the chart's
# form stays among the aliases.
REGIONAL_ACRONYMS = {"ECE": "UNECE"}


@dataclass
class LoadCounts:
    """What one load did to one model."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class LoadReport:
    counts: dict[str, LoadCounts] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return any(c.created or c.updated for c in self.counts.values())


def _sync(
    model: type[models.Model], key: str | tuple[str, ...], rows: Iterable[dict[str, Any]], report: LoadReport
) -> dict[Any, Any]:
    """Create or update `model` rows so that they equal `rows`, matched by `key`; return key -> object."""
    keys = (key,) if isinstance(key, str) else key

    def key_of(values: dict[str, Any] | models.Model) -> tuple[Any, ...]:
        get: Callable[[str], Any] = values.get if isinstance(values, dict) else lambda k: getattr(values, k)
        return tuple(get(k) for k in keys)

    existing = {key_of(obj): obj for obj in model._default_manager.all()}
    counts = report.counts.setdefault(capfirst(str(model._meta.verbose_name_plural)), LoadCounts())
    to_create, to_update, fields_changed = [], [], set()
    for row in rows:
        obj = existing.get(key_of(row))
        if obj is None:
            obj = model(**row)
            to_create.append(obj)
            existing[key_of(row)] = obj
            continue
        changed = [name for name, value in row.items() if getattr(obj, name) != value]
        if changed:
            for name in changed:
                setattr(obj, name, row[name])
            fields_changed.update(changed)
            to_update.append(obj)
        else:
            counts.unchanged += 1
    if to_create:
        bulk_create_with_history(to_create, model, batch_size=500)
        counts.created += len(to_create)
        # bulk_create does not return primary keys on every backend: read them back.
        fresh = {key_of(obj): obj for obj in model._default_manager.all()}
        existing.update(fresh)
    if to_update:
        bulk_update_with_history(to_update, model, sorted(fields_changed), batch_size=500)
        counts.updated += len(to_update)
    if to_create or to_update:  # bulk writes send no signals: the cached pages' labels follow
        data_version_bump(WORKPLANS)  # in the order the signals bump them: no two writers lock both
        data_version_bump(REPOSITORY)  # rows in opposite orders
    return existing


def _titles(prefix: str, values: dict[str, str | None] | None) -> dict[str, str]:
    values = values or {}
    return {f"{prefix}_{lang}": (values.get(lang) or "").strip() for lang in ("en", "fr", "ru")}


def _load_regions(data_dir: Path, countries: dict[Any, Country], report: LoadReport) -> None:
    """Create or update the regions of `regions.json` and their countries; other regions stay as they are."""
    region_rows = json.loads((data_dir / "regions.json").read_text(encoding="utf-8"))["regions"]
    by_iso3 = {country.iso3: country for country in countries.values()}
    regions = _sync(
        Region,
        "slug",
        (
            {"slug": r["slug"], **_titles("name", r["name"]), "description": r["description"]}
            for r in region_rows
        ),
        report,
    )
    counts = report.counts.setdefault("Countries of regions", LoadCounts())
    for row in region_rows:
        unknown = sorted(set(row["countries"]) - by_iso3.keys())
        if unknown:
            raise ValueError(f"Region {row['slug']} names unknown countries: {', '.join(unknown)}")
        region = regions[(row["slug"],)]
        wanted = {by_iso3[code].pk for code in row["countries"]}
        if set(region.countries.values_list("pk", flat=True)) != wanted:
            region.countries.set(wanted)
            counts.updated += 1
        else:
            counts.unchanged += 1


@transaction.atomic
def reference_load(*, data_dir: Path = DATA_DIR, progress: Callable[[str], None] | None = None) -> LoadReport:
    """Load countries, regions, SDGs, GCM objectives and principles and entities, matched by code.

    A second run changes nothing; an edited title in a data file is updated in place.
    """
    say = progress or (lambda message: None)
    report = LoadReport()

    say("Countries")
    country_rows = json.loads((data_dir / "countries.json").read_text(encoding="utf-8"))["countries"]
    countries = _sync(
        Country,
        "iso2",
        (
            {
                "iso2": c["iso2"],
                "iso3": c["iso3"],
                "m49": c["m49"],
                "iso_code": c["iso_code"],
                **_titles("name", c["name"]),
                "region": c["region"],
                "subregion": c["subregion"],
                "unece_member": c["unece_member"],
                "programme_country": c["programme_country"],
                "note": c["note"],
            }
            for c in country_rows
        ),
        report,
    )

    say("Regions")
    _load_regions(data_dir, countries, report)

    say("SDG goals, targets and indicators")
    sdg = json.loads((data_dir / "sdg.json").read_text(encoding="utf-8"))
    goals = _sync(
        SdgGoal,
        "code",
        (
            {
                "code": g["goal"],
                "number": int(g["goal"]),
                **_titles("short_title", g["short_title"]),
                **_titles("title", g["title"]),
            }
            for g in sdg
        ),
        report,
    )
    targets = _sync(
        SdgTarget,
        "code",
        (
            {"goal": goals[(g["goal"],)], "code": t["code"], "order": i, **_titles("title", t["title"])}
            for g in sdg
            for i, t in enumerate(g["targets"])
        ),
        report,
    )
    _sync(
        SdgIndicator,
        ("target_id", "code"),
        (
            {
                "target_id": targets[(t["code"],)].pk,
                "code": ind["code"],
                "unsd_code": ind.get("unsd_code") or "",
                "in_current_framework": bool(ind.get("in_current_framework", True)),
                "order": i,
                **_titles("title", ind["title"]),
            }
            for g in sdg
            for t in g["targets"]
            for i, ind in enumerate(t.get("indicators", []))
        ),
        report,
    )

    say("GCM objectives and guiding principles")
    gcm = json.loads((data_dir / "gcm_objectives.json").read_text(encoding="utf-8"))
    _sync(
        GcmObjective,
        "code",
        (
            {
                "number": o["number"],
                "code": o["code"],
                "short_title": o["short_title"],
                "title": o["title"],
                "paragraph": o.get("commitment_paragraph"),
            }
            for o in gcm["objectives"]
        ),
        report,
    )
    _sync(
        GcmPrinciple,
        "code",
        (
            {
                "letter": p["letter"],
                "code": p["code"],
                "title": p["title"],
                "paragraph": p.get("paragraph") or "",
            }
            for p in gcm["guiding_principles"]
        ),
        report,
    )

    say("Entities")
    un = json.loads((data_dir / "un_entities.json").read_text(encoding="utf-8"))["entities"]
    entity_rows = [
        {
            "acronym": REGIONAL_ACRONYMS.get(e["acronym"], e["acronym"]),
            "name": e["name"],
            "aliases": ", ".join(
                a
                for a in [*e.get("aliases", []), e["acronym"]]
                if a != REGIONAL_ACRONYMS.get(e["acronym"], e["acronym"])
            ),
            "kind": EntityKind.UN_ENTITY,
            "un_type": e.get("type") or "",
            "country": None,
            "website": e.get("website") or "",
            "unsdg_core_group": bool(e.get("unsdg_core_group")),
        }
        for e in un
    ]
    un_acronyms = {row["acronym"] for row in entity_rows}
    for c in country_rows:
        if not (c["unece_member"] or c["programme_country"]):
            continue  # States outside the region become entities when the secretariat adds them
        if c["iso3"] in un_acronyms:  # pragma: no cover - guarded by a test on the shipped data
            raise ValueError(f"Member State code {c['iso3']} collides with a UN entity acronym")
        entity_rows.append(
            {
                "acronym": c["iso3"],
                "name": c["name"]["en"],
                "aliases": "",
                "kind": EntityKind.MEMBER_STATE,
                "un_type": "",
                "country": countries[(c["iso2"],)],
                "website": "",
                "unsdg_core_group": False,
            }
        )
    _sync(Entity, "acronym", entity_rows, report)
    return report

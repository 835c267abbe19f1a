"""The brief as sections of blocks: key figures, charts, tables and lists, each linking to what it counts.

`brief_sections` turns `BriefFigures` into one structure that every output shows alike: the web page
and the PDF render it through `reports/_brief_sections.html`, the Word file through `exports`. A
section is shown only where it has data, in the order of `BriefSection`. Charts render once per spec
(`core.charts`: the spec holds its data, so a changed figure is a new chart).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from rcphub.core.charts import Chart, bar_spec, chart
from rcphub.core.models import ProgressStatus
from rcphub.followup.models import FollowUpStatus
from rcphub.reference.maps import DISCLAIMER, KOSOVO_NOTE, map_spec
from rcphub.reference.models import EntityKind, GcmObjective
from rcphub.reports.brief.figures import BriefFigures
from rcphub.reports.models import BriefSection
from rcphub.repository.models import ImplementerType, Scope


@dataclass(frozen=True)
class Key:
    """A key figure: what it counts, its value, the figure's key in `figures`, and the list it counts."""

    label: str
    value: str
    key: str = ""
    link: str = ""
    note: str = ""


@dataclass(frozen=True)
class Keys:
    items: list[Key]
    kind: str = "keys"


@dataclass(frozen=True)
class ChartBlock:
    chart: Chart
    kind: str = "chart"


@dataclass(frozen=True)
class Table:
    """A table of counts: (label, number, link to the records it counts or "")."""

    caption: str
    heading: str
    rows: list[tuple[str, int, str]]
    kind: str = "table"


@dataclass(frozen=True)
class Grid:
    """A table of several numbers a row: a heading per column, the first column the row's label."""

    caption: str
    header: list[str]
    rows: list[list[str]]
    kind: str = "grid"


@dataclass(frozen=True)
class Item:
    text: str
    link: str = ""
    note: str = ""


@dataclass(frozen=True)
class Items:
    items: list[Item]
    label: str = ""
    kind: str = "items"


@dataclass
class Section:
    key: str
    heading: str
    blocks: list[Any] = field(default_factory=list)
    narrative: str = ""


@dataclass
class BriefPage:
    """What every output of a brief shows: its sections and the notes that close it."""

    result: BriefFigures
    sections: list[Section]
    notes: list[str]

    @property
    def charts(self) -> list[Chart]:
        return [block.chart for section in self.sections for block in section.blocks if block.kind == "chart"]


def _practice_link(**facets: Any) -> str:
    return reverse("repository:practice_list") + "?" + urlencode(facets, doseq=True)


def _pledge_link(**facets: Any) -> str:
    return reverse("repository:pledge_list") + "?" + urlencode(facets, doseq=True)


def _links(result: BriefFigures) -> tuple[Any, Any]:
    """The links to the lists a figure counts: the same filters, the records as they stood on the date."""
    as_at = result.as_at.isoformat()
    return (
        lambda **facets: _practice_link(**facets, as_at=as_at),
        lambda **facets: _pledge_link(**facets, as_at=as_at),
    )


def _number(value: Any) -> str:
    return "—" if value is None else number_format(value, force_grouping=True)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{number_format(value, decimal_pos=1)} %"


def brief_sections(result: BriefFigures, *, narrative: dict[str, str] | None = None) -> BriefPage:
    """Return the brief's sections with their figures, charts, tables and links, and its closing notes.

    `narrative` gives each section's text as safe HTML (see `narrative.render_narrative`)."""
    figures, region = result.figures, result.brief.region.slug
    objectives = dict(GcmObjective.objects.values_list("number", "short_title"))
    builders = {
        BriefSection.STRUCTURE: _structure,
        BriefSection.PRACTICES: _practices,
        BriefSection.PLEDGES: _pledges,
        BriefSection.NETWORKS: _networks,
        BriefSection.CHAMPIONS: _champions,
        BriefSection.SUPPORT: _support,
        BriefSection.PROGRESS: _progress,
        BriefSection.FOLLOWUP: _followup,
        BriefSection.FUNDING: _funding,
        BriefSection.NEXT: _next,
    }
    sections = []
    for key, label in BriefSection.choices:
        blocks = builders[BriefSection(key)](result, figures, region, objectives)
        if blocks:
            sections.append(
                Section(key=key, heading=str(label), blocks=blocks, narrative=(narrative or {}).get(key, ""))
            )
    notes = [str(DISCLAIMER)] if any(section.key in ("practices", "networks") for section in sections) else []
    if notes and "XKX" in result.region_codes:
        notes.append(str(KOSOVO_NOTE))
    return BriefPage(result=result, sections=sections, notes=notes)


def _structure(
    result: BriefFigures, figures: dict[str, Any], region: str, objectives: dict[int, str]
) -> list[Any]:
    structure = result.structure
    if structure is None:
        return []
    items = [
        Item(
            _("Coalition or network: %(name)s") % {"name": structure.coalition.name},
            reverse("coalitions:detail", args=[structure.coalition.slug]),
        )
    ]
    if structure.embedded_in:
        items.append(Item(_("Embedded in: %(name)s") % {"name": structure.embedded_in.name}))
    if structure.co_chairs:
        items.append(Item(_("Co-chairs: %(names)s") % {"names": ", ".join(structure.co_chairs)}))
    if structure.tor_url:
        items.append(Item(_("Terms of reference"), structure.tor_url))
    else:
        items.append(Item(_("Terms of reference: ToR being revised")))
    if structure.members:
        items.append(Item(_("Member entities: %(names)s") % {"names": ", ".join(structure.members)}))
    return [Items(items)]


def _objective_rows(
    counts: dict[str, int], objectives: dict[int, str], link: Any
) -> list[tuple[str, int, str]]:
    return [
        (f"{number}. {objectives.get(int(number), '')}", count, link(number))
        for number, count in counts.items()
    ]


def _practices(
    result: BriefFigures, figures: dict[str, Any], region: str, objectives: dict[int, str]
) -> list[Any]:
    if not figures["practices_in_region"]:
        return []
    practice_link, _pledge = _links(result)
    names = {country.iso3: country.name for country in result.region_countries}
    types = dict(ImplementerType.objects.values_list("code", "name"))
    by_objective, by_country = figures["practices_by_gcm_objective"], figures["practices_by_country"]
    objective_rows = _objective_rows(
        by_objective, objectives, lambda number: practice_link(region=region, objective=number)
    )
    country_rows = sorted(
        ((names[iso3], count, practice_link(country=iso3)) for iso3, count in by_country.items() if count),
        key=lambda row: (-row[1], row[0]),
    )
    keys = Keys(
        [
            Key(
                _("Published practices implemented in the region"),
                _number(figures["practices_in_region"]),
                "practices_in_region",
                practice_link(region=region),
            ),
            Key(
                _("Share of all practices in the repository"),
                _pct(figures["practices_share_of_all_pct"]),
                "practices_share_of_all_pct",
                practice_link(),
                _("of %(all)s published practices from anywhere")
                % {"all": _number(figures["practices_all"])},
            ),
        ]
    )
    return [
        keys,
        ChartBlock(
            chart(
                bar_spec(by_objective, title=_("Practices by GCM objective"), axis=_("GCM objective")),
                [(label, count) for label, count, _link in objective_rows],
                _(
                    "Bar chart of the practices implemented in the region by GCM objective, 1 to 23; the table below gives each number."
                ),
            )
        ),
        Table(_("Practices by GCM objective"), _("GCM objective"), objective_rows),
        ChartBlock(
            chart(
                map_spec(by_country, countries=result.region_countries, title=_("Practices by Member State")),
                [(label, count) for label, count, _link in country_rows],
                _(
                    "Map of the region shaded by the number of practices implemented in each country; the table below gives each number."
                ),
            )
        ),
        Table(_("Practices by Member State"), _("Country"), country_rows),
        *(
            [
                Table(
                    _("Practices by type of implementer"),
                    _("Implementer"),
                    [
                        (types.get(code, code), count, practice_link(region=region, implementer_type=code))
                        for code, count in figures["practices_by_implementer_type"].items()
                        if count
                    ],
                )
            ]
            if any(figures["practices_by_implementer_type"].values())
            else []
        ),
        Table(
            _("Practices by scope"),
            _("Scope"),
            [
                (
                    str(dict(Scope.choices).get(key, _("Not given"))),
                    count,
                    practice_link(region=region, scope=key),
                )
                for key, count in figures["practices_by_scope"].items()
            ],
        ),
    ]


def _pledges(
    result: BriefFigures, figures: dict[str, Any], region: str, objectives: dict[int, str]
) -> list[Any]:
    if not figures["pledges_in_region"]:
        return []
    _practice, pledge_link = _links(result)
    return [
        Keys(
            [
                Key(
                    _("Pledges from the region"),
                    _number(figures["pledges_in_region"]),
                    "pledges_in_region",
                    pledge_link(region=region),
                ),
                Key(
                    _("With an implementation report"),
                    _number(figures["pledges_with_report"]),
                    "pledges_with_report",
                ),
            ]
        ),
        Table(
            _("Pledges by GCM objective"),
            _("GCM objective"),
            _objective_rows(
                figures["pledges_by_gcm_objective"],
                objectives,
                lambda number: pledge_link(region=region, objective=number),
            ),
        ),
        Table(
            _("Pledges by kind of pledger"),
            _("Pledger"),
            [
                (
                    str(dict(EntityKind.choices).get(key, key)),
                    count,
                    pledge_link(region=region, pledger_type=key),
                )
                for key, count in figures["pledges_by_pledger_kind"].items()
            ],
        ),
    ]


def _networks(
    result: BriefFigures, figures: dict[str, Any], region: str, objectives: dict[int, str]
) -> list[Any]:
    if not result.networks:
        return []
    return [
        Keys(
            [
                Key(
                    _("Country networks established"),
                    _number(len(result.networks)),
                    "country_networks_established",
                )
            ]
        ),
        ChartBlock(
            chart(
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
        ),
        Items(
            [
                Item(
                    f"{network.country.name}: {network.name}"
                    + (f" ({network.established_on:%Y})" if network.established_on else ""),
                    network.tor_url
                    or (
                        # The app's view, which checks who may read it: the file itself has no public address.
                        reverse("coalitions:network_tor", args=[network.coalition.slug, network.pk])
                        if network.tor_file
                        else ""
                    ),
                    "" if network.tor_url or network.tor_file else _("ToR being revised"),
                )
                for network in result.networks
            ]
        ),
    ]


def _champions(
    result: BriefFigures, figures: dict[str, Any], region: str, objectives: dict[int, str]
) -> list[Any]:
    blocks: list[Any] = []
    if result.champions:
        blocks.append(
            Items(
                [Item(champion.country.name) for champion in result.champions], label=_("Champion countries")
            )
        )
    cycles: dict[Any, list[Any]] = {}
    for report in result.voluntary_reports:
        cycles.setdefault(report.review_cycle, []).append(report)
    for cycle, reports in cycles.items():
        label = (
            _("Voluntary national reports: %(cycle)s") % {"cycle": cycle.name}
            if cycle
            else _("Voluntary national reports")
        )
        blocks.append(
            Items(
                [
                    Item(
                        f"{report.country.name}, {report.year}",
                        report.link,
                        _("submitted on %(date)s") % {"date": date_format(report.submitted_on)}
                        if report.submitted_on
                        else "",
                    )
                    for report in reports
                ],
                label=label,
            )
        )
    return blocks


def _support(
    result: BriefFigures, figures: dict[str, Any], region: str, objectives: dict[int, str]
) -> list[Any]:
    if not result.workshops and not figures["support_requests_received"]:
        return []
    keys = [
        Key(
            _("Workshops and trainings held for UN Country Teams"),
            _number(figures["unct_workshops"]),
            "unct_workshops",
        )
    ]
    if figures["support_requests_received"]:
        median = figures["support_turnaround_median_days"]
        keys += [
            Key(
                _("Support requests received"),
                _number(figures["support_requests_received"]),
                "support_requests_received",
            ),
            Key(
                _("Delivered"),
                _number(figures["support_requests_delivered"]),
                "support_requests_delivered",
                note=_("median %(days)s days from request to delivery") % {"days": _number(median)}
                if median is not None
                else "",
            ),
        ]
    blocks: list[Any] = [Keys(keys)]
    if result.workshops:
        blocks.append(
            Items(
                [
                    Item(
                        event.title,
                        reverse("events:event_detail", args=[event.pk]),
                        f"{event.starts_at:%Y-%m-%d} · "
                        + ", ".join(c.name for c in event.unct_countries.all()),
                    )
                    for event in result.workshops
                ]
            )
        )
    return blocks


def _status_rows(counts: dict[str, int], labels: dict[str, Any]) -> list[tuple[str, int, str]]:
    order = [*labels, "none"]
    return [
        (str(labels.get(key, _("No report yet"))), counts[key], "")
        for key in sorted(counts, key=lambda k: order.index(k) if k in order else len(order))
    ]


def _progress(
    result: BriefFigures, figures: dict[str, Any], region: str, objectives: dict[int, str]
) -> list[Any]:
    rows = _status_rows(figures["activities_by_status"], dict(ProgressStatus.choices))
    return [Table(_("Activities by status as at the date"), _("Status"), rows)] if rows else []


def _followup(
    result: BriefFigures, figures: dict[str, Any], region: str, objectives: dict[int, str]
) -> list[Any]:
    rows = _status_rows(figures["commitments_by_status"], dict(FollowUpStatus.choices))
    return [Table(_("Commitments by status as at the date"), _("Status"), rows)] if rows else []


def _funding(
    result: BriefFigures, figures: dict[str, Any], region: str, objectives: dict[int, str]
) -> list[Any]:
    blocks: list[Any] = []
    for entry in result.funds:
        link = reverse("funding:fund_detail", args=[entry["fund"].pk]) + f"?as_at={result.as_at.isoformat()}"
        blocks.append(
            Keys(
                [
                    Key(
                        _("%(fund)s: capitalisation against target") % {"fund": entry["acronym"]},
                        _pct(entry["mobilised_share_pct"]),
                        link=link,
                        note=f"{_number(entry['mobilised'])} / {_number(entry['capitalisation_target'])} {entry['currency']}",
                    ),
                    Key(
                        _("Contributors"),
                        _number(entry["contributors"]),
                        link=link,
                        note=_("%(count)s from the region")
                        % {"count": len(entry["region_contributing_states"])},
                    ),
                    Key(
                        _("Joint programmes funded (region / all)"),
                        f"{entry['joint_programmes_funded_region']} / {entry['joint_programmes_funded_all']}",
                        link=link,
                    ),
                    Key(
                        _("In the pipeline (region / all)"),
                        f"{entry['joint_programmes_pipeline_region']} / {entry['joint_programmes_pipeline_all']}",
                        link=link,
                    ),
                ]
            )
        )
        if entry["thematic_areas"]:
            blocks.append(
                Grid(
                    _("%(fund)s: joint programmes by the fund's thematic areas as at the date")
                    % {"fund": entry["acronym"]},
                    [
                        _("Thematic area"),
                        _("Funded, region"),
                        _("Pipeline, region"),
                        _("Funded, all"),
                        _("Pipeline, all"),
                    ],
                    [
                        [
                            area["name"],
                            *(
                                _number(area[key])
                                for key in ("funded_region", "pipeline_region", "funded_all", "pipeline_all")
                            ),
                        ]
                        for area in entry["thematic_areas"]
                    ],
                )
            )
    return blocks


def _next(
    result: BriefFigures, figures: dict[str, Any], region: str, objectives: dict[int, str]
) -> list[Any]:
    if not result.upcoming:
        return []
    return [
        Items(
            [
                Item(
                    event.title,
                    reverse("events:event_detail", args=[event.pk]),
                    date_format(event.starts_at.date()),
                )
                for event in result.upcoming
            ]
        )
    ]

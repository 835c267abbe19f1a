"""The status of implementation of a review as at a date: one set of figures for every format.

`status_of_implementation` builds the table people know from Word (number, recommendation,
management response, responsibility, due, status and comments as at D, key actions beneath),
the counts by status and by management response, and the chart of status across reporting
rounds. The HTML page, the PDF, the DOCX and the XLSX all render this one object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from rcphub.core.documents import png_from_vega_lite, svg_from_vega_lite
from rcphub.followup.models import FollowUpStatus, ManagementResponse, Review, has_management_response
from rcphub.followup.selectors import (
    FollowUpState,
    review_ledger,
    review_status_across_rounds,
)

# Chart colours by status, in the order the bars stack (bottom first); "none" is no report yet.
STATUS_COLOURS = {
    FollowUpStatus.COMPLETED.value: "#1b7a3a",
    FollowUpStatus.NO_LONGER_APPLICABLE.value: "#8a96a3",
    FollowUpStatus.ONGOING.value: "#0b5ea8",
    FollowUpStatus.STARTING.value: "#7fb0e0",
    FollowUpStatus.NOT_STARTED.value: "#e0a030",
    "none": "#d8dee6",
}
STATUS_ORDER = list(STATUS_COLOURS)


def status_label(status: str | None) -> str:
    """Return the label of a follow-up status; no status reads "No report yet"."""
    if not status:
        return _("No report yet")
    return str(dict(FollowUpStatus.choices).get(status, status))


def response_label(response: str | None) -> str:
    """Return the label of a management response; none recorded reads "No response recorded"."""
    if not response:
        return _("No response recorded")
    return str(dict(ManagementResponse.choices).get(response, response))


@dataclass(frozen=True)
class Count:
    """One line of a counts table: the value counted, its label and how many."""

    key: str
    label: str
    count: int


@dataclass
class StatusLine:
    """One line of the table: a commitment, or one of its key actions (`is_key_action`)."""

    number: str
    text: str
    response: str
    response_label: str
    response_text: str
    responsible_entities: str
    responsible_text: str
    due_on: date | None
    due_text: str
    status: str | None
    status_label: str
    reported_on: date | None
    comments: str
    overdue: bool
    is_key_action: bool = False
    key_actions: list[StatusLine] = field(default_factory=list)
    status_text: str = ""
    group: str = ""  # the heading of the group (component) the commitment sits in, if any

    @property
    def responsibility(self) -> str:
        """Return the responsible entities and, where it differs, the responsibility as written."""
        parts = [p for p in (self.responsible_entities, self.responsible_text) if p]
        if len(parts) == 2 and parts[0] == parts[1]:
            return parts[0]
        return " — ".join(parts)

    @property
    def due(self) -> str:
        """Return the due date as written, else the ISO due date, else empty."""
        if self.due_text:
            return self.due_text
        return self.due_on.isoformat() if self.due_on else ""

    @property
    def status_key(self) -> str:
        return self.status or "none"


@dataclass
class Section:
    """The commitments of one group (a plan of action's component), under its heading; or, for a
    review without groups, all of them under none."""

    heading: str
    lines: list[StatusLine]

    @property
    def first(self) -> list[StatusLine]:
        """Return the first commitment, kept on the page of the heading."""
        return self.lines[:1]

    @property
    def rest(self) -> list[StatusLine]:
        return self.lines[1:]


@dataclass
class RoundCounts:
    """The commitments counted by status as at a reporting round's date."""

    title: str
    as_at: date
    counts: list[Count]

    @property
    def label(self) -> str:
        return self.as_at.isoformat()

    @property
    def total(self) -> int:
        return sum(c.count for c in self.counts)


@dataclass
class StatusOfImplementation:
    """A review's status of implementation as at a date, ready for any format."""

    review: Review
    as_at: date
    lines: list[StatusLine]
    counts_by_status: list[Count]
    counts_by_response: list[Count]
    rounds: list[RoundCounts]
    has_response: bool = True

    @property
    def sections(self) -> list[Section]:
        """Return the lines by group, in order, each group under its heading."""
        sections: list[Section] = []
        for line in self.lines:
            if not sections or sections[-1].heading != line.group:
                sections.append(Section(heading=line.group, lines=[]))
            sections[-1].lines.append(line)
        return sections

    @property
    def title(self) -> str:
        return _("Status of implementation as at %(date)s") % {"date": self.as_at_label}

    @property
    def as_at_label(self) -> str:
        """Return the as-at date as the reports write it: "30 June 2026"."""
        return date_format(self.as_at, "j F Y")

    @property
    def commitment_count(self) -> int:
        return len(self.lines)

    @property
    def organisation_label(self) -> str:
        review = self.review
        if review.organisation is not None:
            return str(review.organisation.acronym or review.organisation)
        if review.coalition is not None:
            return str(review.coalition)
        return _("Platform")

    def chart_spec(self) -> dict[str, Any] | None:
        """Return the Vega-Lite spec of the stacked bars, one bar per round; None without rounds."""
        if not self.rounds:
            return None
        import altair as alt

        values = [
            {
                "round": round_.label,
                "title": round_.title,
                "status": count.label,
                "count": count.count,
                "order": STATUS_ORDER.index(count.key),
            }
            for round_ in self.rounds
            for count in round_.counts
            if count.count  # a zero-height bar is no bar
        ]
        domain = [status_label(key if key != "none" else None) for key in STATUS_ORDER]
        chart = (
            alt.Chart({"values": values})
            .mark_bar()
            .encode(
                x=alt.X(
                    "round:N",
                    sort=[round_.label for round_ in self.rounds],
                    title=_("Reporting round (as at)"),
                    axis=alt.Axis(labelAngle=0),
                    scale=alt.Scale(domain=[round_.label for round_ in self.rounds]),
                ),
                y=alt.Y("count:Q", title=_("Commitments"), axis=alt.Axis(tickMinStep=1, format="d")),
                color=alt.Color(
                    "status:N",
                    title=_("Status"),
                    scale=alt.Scale(domain=domain, range=list(STATUS_COLOURS.values())),
                ),
                order=alt.Order("order:Q"),
                tooltip=[
                    alt.Tooltip("title:N", title=_("Round")),
                    alt.Tooltip("round:N", title=_("As at")),
                    alt.Tooltip("status:N", title=_("Status")),
                    alt.Tooltip("count:Q", title=_("Commitments")),
                ],
            )
            .properties(width=max(160, 90 * len(self.rounds)), height=220)
        )
        spec: dict[str, Any] = chart.to_dict()
        return spec

    @cached_property
    def chart_svg(self) -> str:
        """Return the chart as SVG, or empty without rounds."""
        spec = self.chart_spec()
        return svg_from_vega_lite(spec) if spec is not None else ""

    def chart_png(self) -> bytes | None:
        """Return the chart as PNG (for Word), or None without rounds."""
        spec = self.chart_spec()
        return png_from_vega_lite(spec) if spec is not None else None


def _counts(counts: dict[str, int], *, label: Any) -> list[Count]:
    """Return the counts in their choice order, with "none" last and left out when zero."""
    return [
        Count(key=key, label=label(None if key == "none" else key), count=count)
        for key, count in counts.items()
        if key != "none" or count
    ]


def _line(*, number: str, item: Any, state: FollowUpState, entities: str, is_key_action: bool) -> StatusLine:
    commitment_like = not is_key_action
    response = item.response if commitment_like else ""
    return StatusLine(
        number=number,
        text=item.text,
        response=response,
        response_label=response_label(response) if commitment_like else "",
        response_text=item.response_text if commitment_like else "",
        responsible_entities=entities,
        responsible_text=item.responsible_text,
        due_on=item.due_on,
        due_text=item.due_text,
        status=state.status,
        status_label=state.status_label,  # "No status given" where reports give a comment and none
        status_text=state.status_text,
        reported_on=state.reported_on,
        comments=state.comment,
        overdue=state.overdue,
        is_key_action=is_key_action,
    )


def status_of_implementation(*, review: Review, user: Any, as_at: date) -> StatusOfImplementation:
    """Return the review's status of implementation as at `as_at`.

    Each commitment and key action shows its status as at `as_at` (the latest report giving one)
    and the comment of its latest report, under its group's heading; the chart
    counts the commitments by status as at each reporting round dated on or before `as_at`, so
    nothing reported after the date shows. A constant number of queries per reporting round.
    """
    ledger = review_ledger(review=review, user=user, as_at=as_at)
    lines = []
    for row in ledger.rows:
        commitment = row.commitment
        entities = ", ".join(
            entity.acronym or str(entity) for entity in commitment.responsible_entities.all()
        )
        line = _line(
            number=commitment.number, item=commitment, state=row.state, entities=entities, is_key_action=False
        )
        if commitment.group is not None:
            line.group = str(commitment.group)
        line.key_actions = [
            _line(number="", item=ka.key_action, state=ka.state, entities="", is_key_action=True)
            for ka in row.key_actions
        ]
        lines.append(line)
    rounds = [
        RoundCounts(title=round_.title, as_at=round_.as_at, counts=_counts(counts, label=status_label))
        for round_, counts in review_status_across_rounds(review=review)
        if round_.as_at <= as_at
    ]
    # A plan of action's items and a meeting's decisions get no management response: no column, no count.
    with_response = has_management_response(review.kind)
    return StatusOfImplementation(
        review=review,
        as_at=as_at,
        lines=lines,
        counts_by_status=_counts(ledger.counts_by_status(), label=status_label),
        counts_by_response=_counts(ledger.counts_by_response(), label=response_label)
        if with_response
        else [],
        rounds=rounds,
        has_response=with_response,
    )


def status_filename(*, review: Review, as_at: date, fmt: str) -> str:
    """Return the file name, e.g. "unicef-evaluation-of-…-status-as-at-2026-06-30.pdf"."""
    if review.organisation is not None:
        owner = slugify(review.organisation.acronym or "") or "organisation"
    elif review.coalition is not None:
        owner = review.coalition.slug
    else:
        owner = "platform"
    title = slugify(review.title)[:80].strip("-") or slugify(review.kind) or "review"  # Cyrillic has no slug
    return f"{owner}-{title}-status-as-at-{as_at.isoformat()}.{fmt}"

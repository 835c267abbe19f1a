"""The shapes of the demo content, and the small builders that give codes as people write them.

Content modules describe a work plan as nested calls: `result(title, output(title, activity(...)))`.
Codes follow the order of writing: results "1", "2"; outputs "1.1", "1.2"; activities "i", "ii" in
each output. Lists of entities, countries, SDG targets, GCM objectives and coalitions are written
as comma-separated strings, as they appear in a work-plan table.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date

from rcphub.core.models import ProgressStatus

KOSOVO_NOTE = "References to Kosovo shall be understood to be in the context of Security Council resolution 1244 (1999)."

ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")

# One letter per reporting round in an activity's `track`; "-" means no report in that round.
TRACK_LETTERS: dict[str, str | None] = {
    "N": ProgressStatus.NOT_STARTED,
    "S": ProgressStatus.STARTING,
    "O": ProgressStatus.ONGOING,
    "C": ProgressStatus.COMPLETED,
    "D": ProgressStatus.DELAYED,
    "X": ProgressStatus.CANCELLED,
    "-": None,
}


def split(value: str) -> tuple[str, ...]:
    """Return the items of a comma-separated list, stripped, empty ones dropped."""
    return tuple(part.strip() for part in value.split(",") if part.strip())


@dataclass(frozen=True)
class ActivitySpec:
    title: str
    description: str
    leads: tuple[str, ...]
    partners: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    sdg_targets: tuple[str, ...] = ()
    gcm_objectives: tuple[int, ...] = ()
    collaborating: tuple[str, ...] = ()
    start_on: date | None = None
    end_on: date | None = None
    due_text: str = ""
    internal: bool = False
    footnotes: str = ""
    # Statuses per round as letters (see TRACK_LETTERS); empty: derived from the timing.
    track: str = ""
    # Comments per round; an empty one is written from the status.
    comments: tuple[str, ...] = ()
    code: str = ""


@dataclass(frozen=True)
class OutputSpec:
    title: str
    activities: tuple[ActivitySpec, ...]
    description: str = ""
    code: str = ""


@dataclass(frozen=True)
class ResultSpec:
    title: str
    outputs: tuple[OutputSpec, ...]
    description: str = ""
    code: str = ""


@dataclass(frozen=True)
class RoundSpec:
    as_at: date
    title: str


@dataclass(frozen=True)
class WorkPlanSpec:
    title: str
    period_start: date
    period_end: date
    results: tuple[ResultSpec, ...]
    endorsed_on: date | None = None
    notes: str = ""
    rounds: tuple[RoundSpec, ...] = ()

    def activities(self) -> list[tuple[ResultSpec, OutputSpec, ActivitySpec]]:
        """Return every activity with its result and output, in the order of the plan."""
        return [(r, o, a) for r in self.results for o in r.outputs for a in o.activities]


@dataclass(frozen=True)
class NetworkSpec:
    country: str
    name: str
    established_on: date
    tor_url: str = ""


@dataclass(frozen=True)
class CoalitionSpec:
    slug: str
    name: str
    short_name: str
    kind: str
    theme: str
    description: str
    tor_url: str
    co_chairs: tuple[str, ...]
    members: tuple[str, ...]
    secretariat: str
    since: date
    parent: str = ""
    observers: tuple[str, ...] = ()
    networks: tuple[NetworkSpec, ...] = ()
    work_plans: tuple[WorkPlanSpec, ...] = ()


@dataclass(frozen=True)
class MembershipSpec:
    role: str
    entity: str
    coalition: str = ""


@dataclass(frozen=True)
class UserSpec:
    email: str
    first_name: str
    last_name: str
    memberships: tuple[MembershipSpec, ...]
    is_staff: bool = False
    is_superuser: bool = False
    note: str = field(default="", compare=False)


def activity(
    title: str,
    description: str,
    *,
    lead: str,
    partners: str = "",
    countries: str = "",
    sdg: str = "",
    gcm: str = "",
    collab: str = "",
    when: str = "",
    internal: bool = False,
    footnote: str = "",
    track: str = "",
    comments: tuple[str, ...] = (),
) -> ActivitySpec:
    """Describe an activity; `when` is "YYYY-MM-DD..YYYY-MM-DD" or the timing as written ("Q2 2026")."""
    start_on = end_on = None
    due_text = ""
    if ".." in when:
        first, last = when.split("..")
        start_on, end_on = date.fromisoformat(first), date.fromisoformat(last)
    else:
        due_text = when
    iso2 = split(countries)
    notes = [footnote] if footnote else []
    if "XK" in iso2:
        notes.append(KOSOVO_NOTE)
    return ActivitySpec(
        title=title,
        description=description,
        leads=split(lead),
        partners=split(partners),
        countries=iso2,
        sdg_targets=split(sdg),
        gcm_objectives=tuple(int(n) for n in split(gcm)),
        collaborating=split(collab),
        start_on=start_on,
        end_on=end_on,
        due_text=due_text,
        internal=internal,
        footnotes="\n".join(notes),
        track=track,
        comments=comments,
    )


def output(title: str, *activities: ActivitySpec, description: str = "") -> OutputSpec:
    return OutputSpec(title=title, activities=activities, description=description)


def result(title: str, *outputs: OutputSpec, description: str = "") -> ResultSpec:
    return ResultSpec(title=title, outputs=outputs, description=description)


def work_plan(
    title: str,
    period: tuple[date, date],
    *results: ResultSpec,
    endorsed_on: date | None = None,
    notes: str = "",
    rounds: tuple[RoundSpec, ...] = (),
) -> WorkPlanSpec:
    """Describe a work plan and give its results, outputs and activities their codes."""
    coded = []
    for r_index, r in enumerate(results, start=1):
        outputs = []
        for o_index, o in enumerate(r.outputs, start=1):
            acts = tuple(replace(a, code=ROMAN[a_index]) for a_index, a in enumerate(o.activities))
            outputs.append(
                OutputSpec(
                    title=o.title, activities=acts, description=o.description, code=f"{r_index}.{o_index}"
                )
            )
        coded.append(
            ResultSpec(title=r.title, outputs=tuple(outputs), description=r.description, code=str(r_index))
        )
    return WorkPlanSpec(
        title=title,
        period_start=period[0],
        period_end=period[1],
        results=tuple(coded),
        endorsed_on=endorsed_on,
        notes=notes,
        rounds=rounds,
    )


# The timing as written, read back into the window the activity runs in (to derive its progress).
_QUARTERS = {1: (1, 3), 2: (4, 6), 3: (7, 9), 4: (10, 12)}
_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def timing_window(spec: ActivitySpec, *, year: int) -> tuple[date, date]:
    """Return the first and last day the activity runs, from its dates or its timing as written.

    Understands "Q2 2026", "Q2–Q3 2026", "H1 2026", "June 2026", "By June 2026", and reads
    "Ongoing", "By end 2026" or no timing at all as the whole year.
    """
    if spec.start_on and spec.end_on:
        return spec.start_on, spec.end_on
    text = spec.due_text.strip()
    whole_year = (date(year, 1, 1), date(year, 12, 31))
    match = re.fullmatch(r"Q([1-4])(?:[–-]Q([1-4]))? (\d{4})", text)
    if match:
        first, last, y = int(match[1]), int(match[2] or match[1]), int(match[3])
        return date(y, _QUARTERS[first][0], 1), _month_end(y, _QUARTERS[last][1])
    match = re.fullmatch(r"H([12]) (\d{4})", text)
    if match:
        y = int(match[2])
        return (date(y, 1, 1), date(y, 6, 30)) if match[1] == "1" else (date(y, 7, 1), date(y, 12, 31))
    match = re.fullmatch(r"(By )?([A-Z][a-z]+) (\d{4})", text)
    if match and match[2].lower() in _MONTHS:
        y, month = int(match[3]), _MONTHS[match[2].lower()]
        return (date(y, 1, 1) if match[1] else date(y, month, 1)), _month_end(y, month)
    if text in ("", "Ongoing", "On request", f"By end {year}", f"Throughout {year}", str(year)):
        return whole_year
    raise ValueError(f"Timing not understood: {text!r}")


def derived_track(spec: ActivitySpec, *, rounds: tuple[RoundSpec, ...], year: int) -> list[str | None]:
    """Return the status to report in each round: the one written in `track`, or one read from the timing.

    From the timing: not started before the window opens, starting in the first round inside it,
    ongoing after, completed once it has closed. A completion is not reported again in a later
    round, and an activity that has not started has no report in the first round when it only
    starts in the second half of the year (nothing to report yet).
    """
    if spec.track:
        if len(spec.track) != len(rounds):
            raise ValueError(f"{spec.title!r}: track {spec.track!r} does not cover {len(rounds)} rounds")
        return [TRACK_LETTERS[letter] for letter in spec.track]
    start, end = timing_window(spec, year=year)
    statuses: list[str | None] = []
    previous: str | None = None
    for round_ in rounds:
        if round_.as_at < start:
            status: str | None = ProgressStatus.NOT_STARTED
        elif round_.as_at >= end:
            status = ProgressStatus.COMPLETED
        elif previous in (None, ProgressStatus.NOT_STARTED):
            status = ProgressStatus.STARTING
        else:
            status = ProgressStatus.ONGOING
        reported = status
        if status == ProgressStatus.COMPLETED and previous == ProgressStatus.COMPLETED:
            reported = None
        if status == ProgressStatus.NOT_STARTED and previous is None and start.month >= 7:
            reported = None
        statuses.append(reported)
        previous = status
    return statuses

"""The progress the demo reports: each activity's status in each round, read from its timing as written."""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from rcphub.core.models import ProgressStatus

# One letter per reporting round in an activity's `track`, in the order of ProgressStatus: N not started,
# S starting, O ongoing, C completed, D delayed, X cancelled; "-" means no report in that round.
TRACK_LETTERS: dict[str, str | None] = {"-": None} | dict(zip("NSOCDX", ProgressStatus.values, strict=True))

# The timing as written, read back into the window the activity runs in.
_QUARTERS = {1: (1, 3), 2: (4, 6), 3: (7, 9), 4: (10, 12)}
_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def timing_window(activity: Mapping[str, Any], *, year: int) -> tuple[date, date]:
    """Return the first and last day the activity runs, from its dates or its timing as written.

    Understands "Q2 2026", "Q2–Q3 2026", "H1 2026", "June 2026", "By June 2026", and reads
    "Ongoing", "By end 2026" or no timing at all as the whole year.
    """
    if activity.get("start_on") and activity.get("end_on"):
        return activity["start_on"], activity["end_on"]
    text = str(activity.get("due_text", "")).strip()
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
        return date(year, 1, 1), date(year, 12, 31)
    raise ValueError(f"Timing not understood: {text!r}")


def derived_track(
    activity: Mapping[str, Any], *, rounds: Sequence[Mapping[str, Any]], year: int
) -> list[str | None]:
    """Return the status to report in each round: the one written in `track`, or one read from the timing.

    From the timing: not started before the window opens, starting in the first round inside it,
    ongoing after, completed once it has closed. A completion is not reported again in a later
    round, and an activity that has not started has no report in the first round when it only
    starts in the second half of the year (nothing to report yet).
    """
    track = str(activity.get("track", ""))
    if track:
        if len(track) != len(rounds):
            raise ValueError(f"{activity['title']!r}: track {track!r} does not cover {len(rounds)} rounds")
        return [TRACK_LETTERS[letter] for letter in track]
    start, end = timing_window(activity, year=year)
    statuses: list[str | None] = []
    previous: str | None = None
    for round_ in rounds:
        if round_["as_at"] < start:
            status: str | None = ProgressStatus.NOT_STARTED
        elif round_["as_at"] >= end:
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

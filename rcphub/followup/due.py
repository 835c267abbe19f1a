"""Due text as written in plans of action and management responses, read as the date it means.

`due_date("By end March 2019")` is 31 March 2019: a period names the last day of the period, since
an item due "by" a period is late only once the period is over. Text that names no date ("ongoing",
"continuous", "—", "within six months") reads as None: nothing is invented. Pure and typed, so that
the services and the importer read due text the same way.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

__all__ = ["due_date"]

MONTHS: dict[str, int] = {}
for _number in range(1, 13):
    MONTHS[calendar.month_name[_number].lower()] = _number
    MONTHS[calendar.month_abbr[_number].lower()] = _number
MONTHS["sept"] = 9

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DASH = r"\s*[-–—/]\s*"

# Words that say the item has no date: read as None even if a year follows ("ongoing since 2019").
NO_DATE = re.compile(
    r"\b(ongoing|on-going|continuous|continuing|continual|permanent|as needed|as required|"
    r"tbd|tbc|to be (?:determined|confirmed|defined))\b"
)


def _end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _full_date(text: str) -> tuple[bool, date | None]:
    """Return whether the text writes a day, and that day (None if no such day exists)."""
    iso = re.search(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b", text)
    if iso:
        return True, _safe(int(iso["y"]), int(iso["m"]), int(iso["d"]))
    # 31 December 2019, 31st of December 2019
    words = re.search(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR, text)
    if words:
        return True, _safe(int(words["year"]), MONTHS[words["month"]], int(words["d"]))
    # December 31, 2019
    us = re.search(_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,\s*" + _YEAR, text)
    if us:
        return True, _safe(int(us["year"]), MONTHS[us["month"]], int(us["d"]))
    # 31.12.2019, 31/12/2019: day first, as written in the region
    numeric = re.search(r"\b(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>(?:19|20)\d\d)\b", text)
    if numeric:
        return True, _safe(int(numeric["y"]), int(numeric["m"]), int(numeric["d"]))
    return False, None


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _period_end(text: str) -> date | None:
    # 2019–20, 2019-2020, 2019/20: the end of the second year
    span = re.search(r"\b(?P<first>(?:19|20)\d\d)" + _DASH + r"(?P<second>(?:19|20)?\d\d)\b", text)
    if span:
        first, second = span["first"], span["second"]
        year = int(first[:2] + second) if len(second) == 2 else int(second)
        if year > int(first):
            return date(year, 12, 31)
    # Q3 2019, 3Q 2019, third quarter of 2019
    quarter = re.search(r"\b(?:q(?P<q1>[1-4])|(?P<q2>[1-4])q)\s*[-/,]?\s*" + _YEAR, text)
    ordinal = re.search(
        r"\b(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?" + _YEAR, text
    )
    if quarter:
        return _end_of_month(int(quarter["year"]), 3 * int(quarter["q1"] or quarter["q2"]))
    if ordinal:
        index = ("first", "second", "third", "fourth").index(_ORDINALS.get(ordinal["ord"], ordinal["ord"]))
        return _end_of_month(int(ordinal["year"]), 3 * (index + 1))
    # H1 2020, first half of 2020, mid-2020
    half = re.search(r"\bh(?P<h>[12])\s*[-/,]?\s*" + _YEAR, text)
    if half:
        return date(int(half["year"]), 6, 30) if half["h"] == "1" else date(int(half["year"]), 12, 31)
    words = re.search(r"\b(?P<which>first|second|1st|2nd)\s+half\s+(?:of\s+)?" + _YEAR, text)
    if words:
        first_half = words["which"] in ("first", "1st")
        return date(int(words["year"]), 6, 30) if first_half else date(int(words["year"]), 12, 31)
    mid = re.search(r"\bmid(?:dle)?(?:\s+of)?[-\s]*" + _YEAR, text)
    if mid:
        return date(int(mid["year"]), 6, 30)
    early = re.search(r"\b(?:early|beginning of|start of)\s+" + _YEAR, text)
    if early:
        return date(int(early["year"]), 3, 31)
    # (end) March 2019, March-2019
    month = re.search(r"\b" + _MONTH + r"[\s,-]+" + _YEAR, text)
    if month:
        return _end_of_month(int(month["year"]), MONTHS[month["month"]])
    # (by end) 2019, late 2019, FY2019
    alone = re.search(r"(?:\b|fy)" + _YEAR + r"\b", text)
    if alone:
        return date(int(alone["year"]), 12, 31)
    return None


_ORDINALS = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth"}


def due_date(text: str) -> date | None:
    """Return the date that due text means, or None where it names none.

    A day is read as it is ("31 December 2019", "2019-12-31", "31.12.2019"); a period as its last
    day: "By end 2019" and "2019" → 31 December 2019, "By end March 2019" → 31 March 2019, "By
    mid-2020" and "H1 2020" → 30 June 2020, "Q3 2019" → 30 September 2019, "early 2020" → 31 March
    2020, "2019–20" and "2019-2020" → 31 December 2020. "Ongoing", "continuous", "TBD", a dash or a
    relative delay ("within six months") or a day that does not exist → None.
    """
    cleaned = " ".join(text.lower().replace("\u00a0", " ").split())
    if not cleaned or NO_DATE.search(cleaned):
        return None
    # A day that does not exist ("31 February 2020") is no date, not the month's end.
    written, day = _full_date(cleaned)
    return day if written else _period_end(cleaned)

"""Activity statuses as work plans and trackers write them, read as ProgressStatus values.

`progress_status_from_text("Implementation")` is ONGOING; `progress_status_from_text("Postponed to
2026")` is DELAYED. Text these cannot read gives None, never a guess. Pure and typed: the importer, and
any page that takes a status as written, agree (the follow-up twin is `rcphub.followup.wording`).
"""

from __future__ import annotations

import re

from rcphub.core.models import ProgressStatus

__all__ = ["progress_status_from_text"]

# In order: the first pattern the text matches gives the status, so negated and qualified forms
# ("not started", "partially completed", "delayed but ongoing") come before the plain ones.
_STATUSES: tuple[tuple[re.Pattern[str], ProgressStatus], ...] = (
    (
        re.compile(
            r"\b(cancell?ed|dropped|discontinued|withdrawn|abandoned|no longer (?:planned|relevant))\b"
        ),
        ProgressStatus.CANCELLED,
    ),
    (
        re.compile(r"\b(delayed|postponed|behind schedule|on hold|suspended|stalled|deferred|rescheduled)\b"),
        ProgressStatus.DELAYED,
    ),
    (
        re.compile(r"\b(not (?:yet )?(?:started|begun|initiated)|pending|pipeline|to be started|tbc)\b"),
        ProgressStatus.NOT_STARTED,
    ),
    # "Completed/ongoing", "partially completed", "finalisation": work goes on, so the activity is open.
    (
        re.compile(
            r"\b(ongoing|on-going|on track|in progress|under ?way|implementation|implementing|being implemented|"
            r"under implementation|continuing|continues|finali[sz]ation|finali[sz]ing|"
            r"partially (?:completed|implemented|done)|partly (?:completed|implemented|done))\b"
        ),
        ProgressStatus.ONGOING,
    ),
    (
        re.compile(
            r"\b(starting|to start|will start|starts|to begin|will begin|planned|planning|initiated)\b"
        ),
        ProgressStatus.STARTING,
    ),
    (
        re.compile(
            r"(?<!not )(?<!not yet )\b(completed?|done|finished|achieved|delivered|closed|implemented)\b"
        ),
        ProgressStatus.COMPLETED,
    ),
)


def _clean(text: str) -> str:
    return " ".join(text.lower().replace("\u00a0", " ").replace("’", "'").split())


def progress_status_from_text(text: str) -> ProgressStatus | None:
    """Return the activity status a text gives, or None where it gives none.

    "Completed", "Done", "Closed" → completed; "Ongoing", "In progress", "Implementation",
    "Finalisation", "Completed/ongoing" → ongoing (work goes on); "Starting", "Planned" → starting;
    "Not started", "Pending", "Pipeline" → not started; "Delayed", "Postponed", "On hold" → delayed;
    "Cancelled", "Dropped" → cancelled. "Not completed" and text naming no status give None.
    """
    cleaned = _clean(text)
    for pattern, status in _STATUSES:
        if pattern.search(cleaned):
            return status
    return None

"""Management responses and statuses as documents write them, read as the ledger's values.

`management_response("UNICEF partially accepts the recommendation.")` is PARTIALLY_ACCEPTED;
`status_from_text("Starting 2020 following the mid-term review")` is STARTING. Text these cannot
read gives None, never a guess. Pure and typed, so that pages, API and the importer agree.
"""

from __future__ import annotations

import re

from rcphub.followup.models import FollowUpStatus, ManagementResponse

__all__ = ["management_response", "status_from_text"]

# Alternatives longest first: at one position the negated or partial form wins over plain "accept".
_RESPONSES: tuple[tuple[str, str], ...] = (
    (r"(?:does|do|did|will) not accept\w*|not accepted|reject\w*|disagree\w*|declined?", "not_accepted"),
    (r"(?:partially|partly|in part) (?:accept\w*|agree\w*)|accept\w* in part", "partially_accepted"),
    (r"not applicable|n/a", "not_applicable"),
    (r"accept\w*|agree\w*", "accepted"),
)
_RESPONSE_RE = re.compile(
    "|".join(f"(?P<r{index}>\\b(?:{pattern})\\b)" for index, (pattern, _value) in enumerate(_RESPONSES))
)


def _clean(text: str) -> str:
    return " ".join(text.lower().replace("\u00a0", " ").replace("’", "'").split())


def management_response(text: str) -> ManagementResponse | None:
    """Return the management response a text gives, or None where it gives none.

    "accepts", "Accepted", "agreed" → accepted; "partially accepts", "Partially accepted" →
    partially accepted; "does not accept", "Not accepted", "Rejected" → not accepted; "Not
    applicable" → not applicable. The first response the text names counts ("Accepted; the
    partially funded pilots …" is accepted).
    """
    found = _RESPONSE_RE.search(_clean(text))
    if found is None:
        return None
    index = int(next(name for name, value in found.groupdict().items() if value)[1:])
    return ManagementResponse(_RESPONSES[index][1])


_STATUSES: tuple[tuple[re.Pattern[str], FollowUpStatus], ...] = (
    (
        re.compile(
            r"\b(no longer (?:applicable|relevant)|superseded|withdrawn|cancelled|canceled|dropped)\b"
        ),
        FollowUpStatus.NO_LONGER_APPLICABLE,
    ),
    (
        re.compile(r"\b(not (?:yet )?(?:started|begun|initiated)|pending|on hold)\b"),
        FollowUpStatus.NOT_STARTED,
    ),
    # "Completed/ongoing", "partially completed": work goes on, so the item stays open.
    (
        re.compile(
            r"\b(ongoing|on-going|in progress|under ?way|in train|continuing|continues|"
            r"partially (?:completed|implemented|done)|partly (?:completed|implemented|done)|"
            r"being implemented|under implementation)\b"
        ),
        FollowUpStatus.ONGOING,
    ),
    (
        re.compile(r"\b(starting|to start|will start|starts|to begin|will begin|planned|initiated)\b"),
        FollowUpStatus.STARTING,
    ),
    (
        re.compile(
            r"(?<!not )(?<!not yet )\b(completed?|done|implemented|fully implemented|achieved|closed)\b"
        ),
        FollowUpStatus.COMPLETED,
    ),
)


def status_from_text(text: str) -> FollowUpStatus | None:
    """Return the status a text gives, or None where it gives none.

    "Completed" → completed; "Completed/ongoing", "In progress", "Partially implemented" → ongoing
    (work goes on, so the item stays open); "Starting 2020 following …" → starting; "Not started",
    "Pending" → not started; "No longer applicable", "Superseded" → no longer applicable. "Not
    completed" and text naming no status give None.
    """
    cleaned = _clean(text)
    for pattern, status in _STATUSES:
        if pattern.search(cleaned):
            return status
    return None

"""Parsing of dates from query strings, with errors that name the field."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Annotated, Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from pydantic import AfterValidator, BeforeValidator, WithJsonSchema

# The dates a query may ask about: wide enough for any record, narrow enough that the day before,
# the day after and "two years earlier" of every date asked are dates too.
EARLIEST_QUERY_DATE = date(1900, 1, 1)
LATEST_QUERY_DATE = date(2199, 12, 31)


def out_of_range_message(value: date) -> str:
    """Return why a date is refused, or "" when it lies within the dates a query may ask about."""
    if EARLIEST_QUERY_DATE <= value <= LATEST_QUERY_DATE:
        return ""
    return _("%(value)s is outside the dates rcphub answers for: %(earliest)s to %(latest)s.") % {
        "value": value.isoformat(),
        "earliest": EARLIEST_QUERY_DATE.isoformat(),
        "latest": LATEST_QUERY_DATE.isoformat(),
    }


def _query_date_in_range(value: date) -> date:
    message = out_of_range_message(value)
    if message:
        raise ValueError(message)
    return value


# Exactly the ISO dates (YYYY-MM-DD) from EARLIEST_QUERY_DATE to LATEST_QUERY_DATE, 29 February in leap
# years only: what the API's schema states for a query date, and what it accepts.
QUERY_DATE_PATTERN = (
    r"^(?:(?:19|20|21)\d\d-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)"
    r"|(?:0[13578]|1[02])-31)"
    r"|(?:19(?:0[48]|[2468][048]|[13579][26])|20(?:[02468][048]|[13579][26])|21(?:0[48]|[2468][048]|[13579][26]))"
    r"-02-29)$"
)
_QUERY_DATE_RE = re.compile(QUERY_DATE_PATTERN)


def _query_date_iso(value: Any) -> Any:
    # pydantic alone would also take "0" or "1700000000" (seconds since 1970) for a date.
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(
            _("“%(value)s” is not a date: use the form YYYY-MM-DD.") % {"value": str(value)[:40]}
        )
    if not _QUERY_DATE_RE.match(value):
        try:
            message = out_of_range_message(date.fromisoformat(value)) if len(value) == 10 else ""
        except ValueError:
            message = ""
        raise ValueError(
            message or _("“%(value)s” is not a date: use the form YYYY-MM-DD.") % {"value": value[:40]}
        )
    return value


# A date in an API query: refused with 422 naming the parameter unless an ISO date within the range.
QueryDate = Annotated[
    date,
    BeforeValidator(_query_date_iso),
    AfterValidator(_query_date_in_range),
    WithJsonSchema({"type": "string", "format": "date", "pattern": QUERY_DATE_PATTERN}),
]


def parse_query_date(value: str | None, *, field: str, default: date | None = None) -> date | None:
    """Return the ISO date in `value`, `default` when empty, or raise ValidationError naming `field`
    (not a date, or outside the dates a query may ask about)."""
    if value is None or value.strip() == "":
        return default
    try:
        parsed = date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(
            {field: _("“%(value)s” is not a date: use the form YYYY-MM-DD.") % {"value": value[:40]}},
            code="invalid_date",
        ) from None
    message = out_of_range_message(parsed)
    if message:
        raise ValidationError({field: message}, code="date_out_of_range")
    return parsed


def today() -> date:
    """Return today's date in the site's time zone."""
    return timezone.localdate()


def query_period(query: Any, *, round_dates: list[date]) -> tuple[date, date]:
    """Return the (since, until) period asked in a query string, for "what changed between two dates".

    Defaults to the last two reporting rounds, or the last 30 days where there are fewer. Raises
    ValidationError naming `since` or `until` for a malformed date or a period that ends before it starts.
    """
    if len(round_dates) >= 2:
        default_since, default_until = round_dates[-2], round_dates[-1]
    else:
        default_until = today()
        default_since = default_until - timedelta(days=30)
    since = parse_query_date(query.get("since"), field="since", default=default_since) or default_since
    until = parse_query_date(query.get("until"), field="until", default=default_until) or default_until
    if since > until:
        raise ValidationError({"since": _("The start date comes after the end date.")}, code="date_order")
    return since, until

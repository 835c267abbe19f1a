"""Parsing of dates from query strings, with errors that name the field."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _


def parse_query_date(value: str | None, *, field: str, default: date | None = None) -> date | None:
    """Return the ISO date in `value`, `default` when empty, or raise ValidationError naming `field`."""
    if value is None or value.strip() == "":
        return default
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(
            {field: _("“%(value)s” is not a date: use the form YYYY-MM-DD.") % {"value": value[:40]}},
            code="invalid_date",
        ) from None


def today() -> date:
    """Return today's date in the site's time zone."""
    return timezone.localdate()

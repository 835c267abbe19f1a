"""Writes on the country records: Member States' voluntary reports and the champion countries (the
platform secretariat)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from rcphub.core.dates import today
from rcphub.reference.models import Country
from rcphub.repository.models import ChampionCountry, VoluntaryReport
from rcphub.repository.permissions import can_manage_country_records
from rcphub.repository.services.common import unknown_message

# The Global Compact was adopted in December 2018; the first voluntary reports date from then.
VOLUNTARY_REPORT_FIRST_YEAR = 2018


def _resolve_country(value: Any, *, field: str = "country") -> Country:
    if isinstance(value, Country):
        return value
    code = str(value or "").strip().upper()
    country = Country.objects.filter(iso3=code[:3]).first() if len(code) == 3 else None
    if country is None:
        raise ValidationError({field: unknown_message("countries", [code[:20] or "—"])})
    return country


def _check_report_year(year: Any) -> None:
    if not isinstance(year, int) or not VOLUNTARY_REPORT_FIRST_YEAR <= year <= today().year + 1:
        raise ValidationError(
            {
                "year": _("Give a year from %(first)s to %(last)s.")
                % {"first": VOLUNTARY_REPORT_FIRST_YEAR, "last": today().year + 1}
            }
        )


def _save_voluntary_report(report: VoluntaryReport, *, by: Any) -> VoluntaryReport:
    _check_report_year(report.year)
    taken = VoluntaryReport.objects.filter(country=report.country, year=report.year).exclude(pk=report.pk)
    if taken.exists():
        raise ValidationError(
            {
                "year": _("%(country)s already has a voluntary report for %(year)s.")
                % {"country": report.country, "year": report.year}
            }
        )
    report.full_clean()
    report._history_user = by  # type: ignore[attr-defined]
    report.save()
    return report


@transaction.atomic
def voluntary_report_create(*, by: Any, country: Any, year: int, link: str) -> VoluntaryReport:
    """Record a Member State's voluntary report on the Global Compact; the platform secretariat may."""
    if not can_manage_country_records(by):
        raise PermissionDenied
    report = VoluntaryReport(country=_resolve_country(country), year=year, link=(link or "").strip())
    return _save_voluntary_report(report, by=by)


@transaction.atomic
def voluntary_report_update(*, report: VoluntaryReport, by: Any, **fields: Any) -> VoluntaryReport:
    """Change a voluntary report (country, year, link); the platform secretariat may."""
    if not can_manage_country_records(by):
        raise PermissionDenied
    unknown = set(fields) - {"country", "year", "link"}
    if unknown:
        raise ValueError(f"Not a field here: {', '.join(sorted(unknown))}")
    if "country" in fields:
        report.country = _resolve_country(fields["country"])
    if "year" in fields:
        report.year = fields["year"]
    if "link" in fields:
        report.link = (fields["link"] or "").strip()
    return _save_voluntary_report(report, by=by)


@transaction.atomic
def champion_country_set(
    *, by: Any, country: Any, champion: bool = True, since: date | None = None, note: str = ""
) -> ChampionCountry | None:
    """Make the country a champion of the Global Compact (or, with `champion=False`, no longer one).

    Return the champion record, or None when the country is no longer a champion. The platform
    secretariat may.
    """
    if not can_manage_country_records(by):
        raise PermissionDenied
    resolved = _resolve_country(country)
    record = ChampionCountry.objects.filter(country=resolved).first()
    if not champion:
        if record is not None:
            record._history_user = by  # type: ignore[attr-defined]
            record.delete()
        return None
    record = record or ChampionCountry(country=resolved)
    record.since = since
    record.note = (note or "").strip()
    record.full_clean()
    record._history_user = by  # type: ignore[attr-defined]
    record.save()
    return record

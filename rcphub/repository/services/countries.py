"""Writes on the country records: the review cycles, Member States' voluntary reports and the
champion countries (the platform secretariat)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from rcphub.core.dates import today
from rcphub.reference.models import Country
from rcphub.repository.models import ChampionCountry, ReviewCycle, VoluntaryReport
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


def _resolve_review_cycle(value: Any) -> ReviewCycle | None:
    if value is None or value == "" or isinstance(value, ReviewCycle):
        return value or None
    slug = str(value).strip()[:60]
    cycle = ReviewCycle.objects.filter(slug=slug).first()
    if cycle is None:
        raise ValidationError({"review_cycle": _("Unknown review cycle: %(slug)s.") % {"slug": slug or "—"}})
    return cycle


def _check_submitted_on(submitted_on: date | None) -> None:
    if submitted_on is None:
        return
    if submitted_on > today():
        raise ValidationError({"submitted_on": _("A report cannot be submitted after today.")})
    if submitted_on.year < VOLUNTARY_REPORT_FIRST_YEAR:
        raise ValidationError(
            {"submitted_on": _("Give a date from %(first)s on.") % {"first": VOLUNTARY_REPORT_FIRST_YEAR}}
        )


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
    _check_submitted_on(report.submitted_on)
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
def review_cycle_save(
    *, by: Any, slug: str, name_en: str, held_on: date, name_fr: str = "", name_ru: str = ""
) -> ReviewCycle:
    """Record a review cycle of the Global Compact, or change the one with that slug; the platform
    secretariat may."""
    if not can_manage_country_records(by):
        raise PermissionDenied
    cycle = ReviewCycle.objects.filter(slug=slug).first() or ReviewCycle(slug=slug)
    cycle.name_en, cycle.name_fr, cycle.name_ru = (name.strip() for name in (name_en, name_fr, name_ru))
    cycle.held_on = held_on
    cycle.full_clean()
    cycle._history_user = by  # type: ignore[attr-defined]
    cycle.save()
    return cycle


@transaction.atomic
def voluntary_report_create(
    *,
    by: Any,
    country: Any,
    year: int,
    link: str,
    review_cycle: Any = None,
    submitted_on: date | None = None,
) -> VoluntaryReport:
    """Record a Member State's voluntary report on the Global Compact, with the review cycle it was
    submitted to (a cycle or its slug) and the day it was; the platform secretariat may."""
    if not can_manage_country_records(by):
        raise PermissionDenied
    report = VoluntaryReport(
        country=_resolve_country(country),
        year=year,
        link=(link or "").strip(),
        review_cycle=_resolve_review_cycle(review_cycle),
        submitted_on=submitted_on,
    )
    return _save_voluntary_report(report, by=by)


@transaction.atomic
def voluntary_report_update(*, report: VoluntaryReport, by: Any, **fields: Any) -> VoluntaryReport:
    """Change a voluntary report (country, year, link, review cycle, submitted on); the platform
    secretariat may."""
    if not can_manage_country_records(by):
        raise PermissionDenied
    unknown = set(fields) - {"country", "year", "link", "review_cycle", "submitted_on"}
    if unknown:
        raise ValueError(f"Not a field here: {', '.join(sorted(unknown))}")
    if "country" in fields:
        report.country = _resolve_country(fields["country"])
    if "year" in fields:
        report.year = fields["year"]
    if "link" in fields:
        report.link = (fields["link"] or "").strip()
    if "review_cycle" in fields:
        report.review_cycle = _resolve_review_cycle(fields["review_cycle"])
    if "submitted_on" in fields:
        report.submitted_on = fields["submitted_on"]
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

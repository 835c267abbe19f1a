"""Status as at a date: the one mechanism for work-plan activities and follow-up commitments."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import models, transaction
from django.db.models import OuterRef, Q, Subquery


def in_force_q(as_at: date, *, prefix: str = "", field: str = "valid_until") -> Q:
    """Return the filter of the reports in force on `as_at`: dated on or before it, not yet replaced.

    A report is replaced on the date of the next report on its subject (`valid_until`, kept by
    `refresh_valid_until`); one replaced on its own date by a later report of the same date is
    never in force. So each subject has at most one report in force on any date, found by a range
    lookup rather than by sorting its reports. `field` names another such date, kept among some of
    the reports only (`refresh_valid_until`'s `among`): the caller then adds that filter.
    """
    return Q(**{f"{prefix}as_at__lte": as_at}) & (
        Q(**{f"{prefix}{field}__isnull": True}) | Q(**{f"{prefix}{field}__gt": as_at})
    )


def refresh_valid_until(
    report_model: type[models.Model],
    *,
    subject_field: str,
    subject_ids: Iterable[int | None],
    field: str = "valid_until",
    among: Q | None = None,
) -> None:
    """Set `field` (`valid_until`) of every report of the subjects to the date of the report that follows it.

    Reports follow each other by date, then by the order they were recorded in. With `among` (e.g.
    the reports that give a status), only the reports matching it follow each other: each of them
    gets the date of the next one matching it, and the others get no date (callers filter on
    `among` too). Called by the services that write reports, in their transaction, after the
    reports are written; the subjects are locked first (PostgreSQL), so that two writers on one
    subject see each other's reports. Empty subject ids (a report on another kind of subject) are
    skipped.
    """
    ids = sorted({pk for pk in subject_ids if pk is not None})
    if not ids:
        return
    with transaction.atomic():  # the caller's transaction, or one of its own (an admin save has none)
        _refresh(report_model, subject_field=subject_field, ids=ids, field=field, among=among)


def _refresh(
    report_model: type[models.Model], *, subject_field: str, ids: list[int], field: str, among: Q | None
) -> None:
    subject_model: Any = report_model._meta.get_field(subject_field).related_model
    manager: Any = report_model._default_manager
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        list(subject_model._default_manager.select_for_update().filter(pk__in=chunk).values_list("pk"))
        following: Any = (
            manager.filter(**{f"{subject_field}_id": OuterRef(f"{subject_field}_id")})
            .filter(Q(as_at__gt=OuterRef("as_at")) | Q(as_at=OuterRef("as_at"), id__gt=OuterRef("id")))
            .order_by("as_at", "id")
        )
        reports = manager.filter(**{f"{subject_field}_id__in": chunk})
        if among is not None:
            following = following.filter(among)
            reports.exclude(among).exclude(**{f"{field}__isnull": True}).update(**{field: None})
            reports = reports.filter(among)
        reports.update(**{field: Subquery(following.values("as_at")[:1])})


def latest_report_subquery(
    report_model: type[models.Model], *, subject_field: str, as_at: date, column: str = "status"
) -> Subquery:
    """Return a subquery of `column` of the subject's report in force on `as_at` (see `in_force_q`).

    Annotate a queryset of subjects with it: `.annotate(status=latest_report_subquery(...))`.
    """
    reports: Any = report_model._default_manager.filter(in_force_q(as_at), **{subject_field: OuterRef("pk")})
    return Subquery(reports.values(column)[:1])


def report_date(
    *,
    as_at: date | None,
    round_as_at: date | None,
    round_belongs: bool,
    not_before: date,
    not_before_message: str,
) -> date:
    """Return the date a status report describes, after the rules every status report obeys.

    A report in a round is dated as at the round; one given no date describes today; none may be
    dated in the future or before `not_before` (the plan's period, the review's issue date).
    Errors name the field: `round` or `as_at`.
    """
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    from rcphub.core.dates import today

    if round_as_at is not None:
        if not round_belongs:
            raise ValidationError({"round": _("This reporting round belongs to another plan or review.")})
        if as_at is not None and as_at != round_as_at:
            raise ValidationError({"as_at": _("A report in a round is dated as at the round's date.")})
        as_at = round_as_at
    if as_at is None:
        as_at = today()
    if as_at > today():
        raise ValidationError({"as_at": _("A status cannot be reported as at a date in the future.")})
    if as_at < not_before:
        raise ValidationError({"as_at": not_before_message})
    return as_at

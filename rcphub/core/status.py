"""Status as at a date: the one mechanism for work-plan activities and follow-up commitments."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import models
from django.db.models import OuterRef, Subquery


def latest_report_subquery(
    report_model: type[models.Model], *, subject_field: str, as_at: date, column: str = "status"
) -> Subquery:
    """Return a subquery of `column` of the subject's latest report dated on or before `as_at`.

    Annotate a queryset of subjects with it: `.annotate(status=latest_report_subquery(...))`.
    Reports on the same date are ordered by the order they were recorded in.
    """
    reports: Any = report_model._default_manager.filter(
        **{subject_field: OuterRef("pk"), "as_at__lte": as_at}
    ).order_by("-as_at", "-id")
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

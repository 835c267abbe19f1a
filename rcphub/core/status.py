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

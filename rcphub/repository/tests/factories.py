"""Builders of practices and pledges in a given state, for tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from rcphub.reference.models import Country, Entity, GcmObjective
from rcphub.repository.models import Pledge, PledgeReport, Practice

GOOD_SUMMARY = "Municipal one-stop centres give newly arrived migrants legal and health advice in one place."


def build_practice(*, submitter: Any, state: str = "draft", complete: bool = True, **fields: Any) -> Practice:
    """Save a practice in `state`; complete ones pass the quality checks."""
    values: dict[str, Any] = {
        "title": "One-stop migrant centres",
        "summary": GOOD_SUMMARY if complete else "",
    }
    values.update(fields)
    practice = Practice.objects.create(submitter=submitter, state=state, **values)
    if complete:
        practice.gcm_objectives.set([GcmObjective.objects.get(number=15)])
        practice.countries.set([Country.objects.get(iso3="SRB")])
    return practice


def build_pledge(
    *, submitter: Any, state: str = "draft", complete: bool = True, pledger: str = "UNDP", **fields: Any
) -> Pledge:
    """Save a pledge in `state`; complete ones pass the quality checks. A published one was published
    the day it was made unless `published_on` says otherwise (the publish service always dates it)."""
    values: dict[str, Any] = {
        "text": "Train 200 border officials on child rights.",
        "made_on": date(2024, 1, 10),
    }
    values.update(fields)
    if state == "published":
        values.setdefault("published_on", values["made_on"])
    pledge = Pledge.objects.create(
        submitter=submitter, state=state, pledger=Entity.objects.get(acronym=pledger), **values
    )
    if complete:
        pledge.gcm_objectives.set([GcmObjective.objects.get(number=11)])
        pledge.countries.set([Country.objects.get(iso3="SRB")])
    return pledge


def build_report(
    *, pledge: Pledge, submitter: Any, reported_on: date, state: str = "published"
) -> PledgeReport:
    """Save a report on the pledge."""
    return PledgeReport.objects.create(
        pledge=pledge,
        submitter=submitter,
        reported_on=reported_on,
        state=state,
        stage="in_progress",
        narrative="Done.",
    )

"""Writes on pledges and their reports: drafting and changing them (their submitter), and the checks
before publishing. A matching pledge names the pledge it matches (by id); a joint one its partners."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from rcphub.core.dates import today
from rcphub.repository.models import Pledge, PledgeKind, PledgeReport, PledgeStage, SubmissionState
from rcphub.repository.permissions import can_edit_submission, can_submit, submission_visibility_q
from rcphub.repository.services.common import MAX_ID, prepare_fields, save_checked, set_fields

PLEDGE_FIELDS = ("pledger", "kind", "matches", "text", "made_on", "occasion", "stage", "lead_reporter")
PLEDGE_M2M = ("gcm_objectives", "countries", "partners")
PLEDGE_REPORT_FIELDS = ("reported_on", "stage", "narrative")


def _matches_id(value: Any) -> int | None:
    """Return the id of the matched pledge given as a Pledge or an id; refuse what is not an id."""
    if value in (None, ""):
        return None
    if isinstance(value, Pledge):
        return value.pk
    try:
        key = int(value)
    except (TypeError, ValueError):
        key = 0
    if not 0 < key <= MAX_ID:
        raise ValidationError({"matches": _("There is no pledge %(id)s to match.") % {"id": str(value)[:20]}})
    return key


def _check_pledge_kind(pledge: Pledge, partners: Iterable[Any] | None, by: Any = None) -> None:
    if pledge.kind != PledgeKind.MATCHING:
        pledge.matches_id = None  # only a matching pledge names another
    if pledge.kind == PledgeKind.MATCHING and pledge.matches_id is None:
        raise ValidationError({"matches": _("A matching pledge names the pledge it matches.")})
    if pledge.matches_id is not None:
        if pledge.pk is not None and pledge.matches_id == pledge.pk:
            raise ValidationError({"matches": _("A pledge cannot match itself.")})
        # Missing and hidden pledges answer alike: one matches only a pledge one may see.
        visible = Pledge.objects.filter(submission_visibility_q(by)) if by is not None else Pledge.objects
        if not visible.filter(pk=pledge.matches_id).exists():
            raise ValidationError(
                {"matches": _("There is no pledge %(id)s to match.") % {"id": pledge.matches_id}}
            )
    if pledge.kind == PledgeKind.PARTNERSHIP and partners is not None and not list(partners):
        raise ValidationError({"partners": _("A pledge in partnership names its partners.")})


@transaction.atomic
def pledge_create(*, by: Any, **fields: Any) -> Pledge:
    """Draft a pledge; any member may. A matching pledge names an existing pledge; a joint one its partners."""
    if not can_submit(by):
        raise PermissionDenied
    m2m = prepare_fields(fields, PLEDGE_M2M)
    if "matches" in fields:
        fields["matches_id"] = _matches_id(fields.pop("matches"))
    pledge = Pledge(submitter=by)
    set_fields(pledge, fields, (*PLEDGE_FIELDS, "matches_id"))
    _check_pledge_kind(pledge, m2m.get("partners", ()), by)
    save_checked(pledge, by=by, m2m=m2m)
    return pledge


@transaction.atomic
def pledge_update(*, pledge: Pledge, by: Any, expected_version: int | None, **fields: Any) -> Pledge:
    """Change a draft or returned pledge; only its submitter may. The same rules hold as for a new one."""
    if not can_edit_submission(user=by, item=pledge):
        raise PermissionDenied
    m2m = prepare_fields(fields, PLEDGE_M2M)
    if "matches" in fields:
        fields["matches_id"] = _matches_id(fields.pop("matches"))
    set_fields(pledge, fields, (*PLEDGE_FIELDS, "matches_id"))
    partners = m2m["partners"] if "partners" in m2m else list(pledge.partners.all())
    _check_pledge_kind(pledge, partners, by)
    save_checked(pledge, by=by, m2m=m2m, expected_version=expected_version)
    return pledge


@transaction.atomic
def pledge_report_create(*, pledge: Pledge, by: Any, **fields: Any) -> PledgeReport:
    """Draft a report on a published pledge; any member may."""
    if not can_submit(by):
        raise PermissionDenied
    if pledge.state != SubmissionState.PUBLISHED:
        raise ValidationError({"pledge": _("Reports are made on published pledges only.")})
    report = PledgeReport(pledge=pledge, submitter=by)
    set_fields(report, fields, PLEDGE_REPORT_FIELDS)
    save_checked(report, by=by, m2m={})
    return report


@transaction.atomic
def pledge_report_update(
    *, report: PledgeReport, by: Any, expected_version: int | None, **fields: Any
) -> PledgeReport:
    """Change a draft or returned pledge report; only its submitter may."""
    if not can_edit_submission(user=by, item=report):
        raise PermissionDenied
    set_fields(report, fields, PLEDGE_REPORT_FIELDS)
    save_checked(report, by=by, m2m={}, expected_version=expected_version)
    return report


def pledge_quality_errors(pledge: Pledge) -> dict[str, str]:
    """Return what keeps the pledge from being published, by field."""
    errors: dict[str, str] = {}
    if not pledge.gcm_objectives.exists():
        errors["gcm_objectives"] = _("Tag at least one GCM objective.")
    if not pledge.countries.exists():
        errors["countries"] = _("Name at least one country.")
    if pledge.made_on is None and pledge.stage == PledgeStage.FULFILLED:
        errors["made_on"] = _("A fulfilled pledge says when it was made.")
    elif pledge.made_on is not None and pledge.made_on > today():
        errors["made_on"] = _("A pledge cannot be made in the future.")
    if pledge.kind == PledgeKind.PARTNERSHIP and not pledge.partners.exists():
        errors["partners"] = _("A pledge in partnership names its partners.")
    if (
        pledge.matches_id is not None
        and not Pledge.objects.filter(pk=pledge.matches_id, state=SubmissionState.PUBLISHED).exists()
    ):
        # A published pledge would otherwise point its readers to one they may not see.
        errors["matches"] = _("The pledge it matches is not published yet: publish that one first.")
    return errors


def pledge_report_quality_errors(report: PledgeReport) -> dict[str, str]:
    """Return what keeps the pledge report from being published, by field."""
    errors: dict[str, str] = {}
    if report.reported_on > today():
        errors["reported_on"] = _("A report cannot be dated in the future.")
    if report.pledge.made_on is not None and report.reported_on < report.pledge.made_on:
        errors["reported_on"] = _("A report cannot be dated before its pledge was made.")
    if not report.narrative.strip():
        errors["narrative"] = _("Say what was done.")
    return errors

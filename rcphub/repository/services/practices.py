"""Writes on practices: drafting and changing them (their submitter), and the checks before publishing."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from rcphub.repository.models import Practice
from rcphub.repository.permissions import can_edit_submission, can_submit, can_submit_for_entity
from rcphub.repository.services.common import prepare_fields, save_checked, set_fields

SUMMARY_MIN, SUMMARY_MAX = 40, 1500

PRACTICE_FIELDS = (
    "title",
    "summary",
    "body",
    "scope",
    "period_start",
    "period_end",
    "links",
    "contact",
    "language",
    "submitted_by_entity",
)
PRACTICE_M2M = (
    "gcm_objectives",
    "gcm_principles",
    "sdg_targets",
    "countries",
    "implementers",
    "implementer_types",
)


def _check_entity(fields: dict[str, Any], by: Any, *, kept: int | None = None) -> None:
    """Refuse a practice submitted on behalf of an entity the submitter does not work for (the one it
    already names, `kept`, may stay)."""
    entity = fields.get("submitted_by_entity")
    if entity is not None and entity.pk != kept and not can_submit_for_entity(user=by, entity=entity):
        raise ValidationError(
            {"submitted_by_entity": _("Submit only on behalf of an entity you work for.")}, code="not_yours"
        )


@transaction.atomic
def practice_create(*, by: Any, **fields: Any) -> Practice:
    """Draft a practice; any member may."""
    if not can_submit(by):
        raise PermissionDenied
    m2m = prepare_fields(fields, PRACTICE_M2M)
    _check_entity(fields, by)
    practice = Practice(submitter=by)
    set_fields(practice, fields, PRACTICE_FIELDS)
    save_checked(practice, by=by, m2m=m2m)
    return practice


@transaction.atomic
def practice_update(*, practice: Practice, by: Any, expected_version: int | None, **fields: Any) -> Practice:
    """Change a draft or returned practice; only its submitter may."""
    if not can_edit_submission(user=by, item=practice):
        raise PermissionDenied
    m2m = prepare_fields(fields, PRACTICE_M2M)
    _check_entity(fields, by, kept=practice.submitted_by_entity_id)
    set_fields(practice, fields, PRACTICE_FIELDS)
    save_checked(practice, by=by, m2m=m2m, expected_version=expected_version)
    return practice


def practice_quality_errors(practice: Practice) -> dict[str, str]:
    """Return what keeps the practice from being published, by field."""
    errors: dict[str, str] = {}
    if not practice.gcm_objectives.exists():
        errors["gcm_objectives"] = _("Tag at least one GCM objective.")
    if not practice.countries.exists():
        errors["countries"] = _("Name at least one country where the practice is implemented.")
    if not SUMMARY_MIN <= len(practice.summary.strip()) <= SUMMARY_MAX:
        errors["summary"] = _("Write a summary of %(min)s to %(max)s characters.") % {
            "min": SUMMARY_MIN,
            "max": SUMMARY_MAX,
        }
    return errors

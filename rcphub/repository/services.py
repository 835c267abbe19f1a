"""Writes on the repository: the submission workflow of practices, pledges and pledge reports.

Each service is the one write path for its change, in one transaction. The moves allowed are in
`models.SUBMISSION_TRANSITIONS`; quality checks run before publishing; the submitter is told by
e-mail when the secretariat publishes or returns a submission.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _

from rcphub.core.dates import today
from rcphub.core.errors import TransitionError
from rcphub.repository.models import (
    SUBMISSION_TRANSITIONS,
    Pledge,
    PledgeKind,
    PledgeReport,
    PledgeStage,
    Practice,
    Submission,
    SubmissionState,
)
from rcphub.repository.permissions import can_edit_submission, can_submit, can_transition_submission

S = TypeVar("S", bound=Submission)

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
PLEDGE_FIELDS = ("pledger", "kind", "matches", "text", "made_on", "occasion", "stage", "lead_reporter")
PLEDGE_M2M = ("gcm_objectives", "countries", "partners")
PLEDGE_REPORT_FIELDS = ("reported_on", "stage", "narrative")


def _set(obj: Any, fields: dict[str, Any], allowed: Iterable[str]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValueError(f"Not a field here: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(obj, name, value.strip() if isinstance(value, str) else value)


def _save(obj: Submission, *, by: Any, m2m: dict[str, Iterable[Any]]) -> None:
    obj.full_clean()
    obj._history_user = by  # type: ignore[attr-defined]
    obj.save()
    for name, values in m2m.items():
        getattr(obj, name).set(list(values))


def _split(fields: dict[str, Any], m2m_names: Iterable[str]) -> dict[str, Iterable[Any]]:
    return {name: fields.pop(name) for name in list(fields) if name in m2m_names}


def _check_pledge_kind(pledge: Pledge, partners: Iterable[Any] | None) -> None:
    if pledge.kind == PledgeKind.MATCHING and pledge.matches_id is None:
        raise ValidationError({"matches": _("A matching pledge names the pledge it matches.")})
    if pledge.matches_id is not None and not Pledge.objects.filter(pk=pledge.matches_id).exists():
        raise ValidationError(
            {"matches": _("There is no pledge %(id)s to match.") % {"id": pledge.matches_id}}
        )
    if pledge.kind == PledgeKind.PARTNERSHIP and partners is not None and not list(partners):
        raise ValidationError({"partners": _("A pledge in partnership names its partners.")})


# --- create and update (the submitter, while draft or returned) -------------------------------------


@transaction.atomic
def practice_create(*, by: Any, **fields: Any) -> Practice:
    """Draft a practice; any member may."""
    if not can_submit(by):
        raise PermissionDenied
    m2m = _split(fields, PRACTICE_M2M)
    practice = Practice(submitter=by)
    _set(practice, fields, PRACTICE_FIELDS)
    _save(practice, by=by, m2m=m2m)
    return practice


@transaction.atomic
def practice_update(*, practice: Practice, by: Any, expected_version: int | None, **fields: Any) -> Practice:
    """Change a draft or returned practice; only its submitter may."""
    if not can_edit_submission(user=by, item=practice):
        raise PermissionDenied
    m2m = _split(fields, PRACTICE_M2M)
    _set(practice, fields, PRACTICE_FIELDS)
    practice.full_clean()
    practice._history_user = by  # type: ignore[attr-defined]
    practice.save_versioned(expected_version=expected_version)
    for name, values in m2m.items():
        getattr(practice, name).set(list(values))
    return practice


@transaction.atomic
def pledge_create(*, by: Any, **fields: Any) -> Pledge:
    """Draft a pledge; any member may. A matching pledge names an existing pledge; a joint one its partners."""
    if not can_submit(by):
        raise PermissionDenied
    m2m = _split(fields, PLEDGE_M2M)
    if "matches" in fields and isinstance(fields["matches"], int):
        fields["matches_id"] = fields.pop("matches")
    pledge = Pledge(submitter=by)
    _set(pledge, fields, (*PLEDGE_FIELDS, "matches_id"))
    _check_pledge_kind(pledge, m2m.get("partners", ()))
    _save(pledge, by=by, m2m=m2m)
    return pledge


@transaction.atomic
def pledge_report_create(*, pledge: Pledge, by: Any, **fields: Any) -> PledgeReport:
    """Draft a report on a published pledge; any member may."""
    if not can_submit(by):
        raise PermissionDenied
    if pledge.state != SubmissionState.PUBLISHED:
        raise ValidationError({"pledge": _("Reports are made on published pledges only.")})
    report = PledgeReport(pledge=pledge, submitter=by)
    _set(report, fields, PLEDGE_REPORT_FIELDS)
    _save(report, by=by, m2m={})
    return report


# --- quality checks ---------------------------------------------------------------------------------


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


# --- transitions --------------------------------------------------------------------------------------


def _transition(item: S, *, to: str, by: Any, comment: str = "") -> S:
    if to not in SUBMISSION_TRANSITIONS.get(item.state, frozenset()):
        raise TransitionError(
            _("A %(state)s submission cannot become %(to)s.") % {"state": item.get_state_display(), "to": to},
            code="transition",
        )
    if not can_transition_submission(user=by, item=item, to=to):
        raise PermissionDenied
    item.state = to
    if to == SubmissionState.SUBMITTED:
        item.reviewer, item.review_comment = None, ""
    else:
        item.reviewer = by
        item.review_comment = comment
    if to == SubmissionState.PUBLISHED:
        item.published_on = today()
    item._history_user = by  # type: ignore[attr-defined]
    item.save_versioned(expected_version=None)
    return item


def _tell_submitter(item: Submission, *, what: str, subject: str) -> None:
    message = _("Your submission “%(title)s” was %(what)s.") % {"title": str(item), "what": what}
    if item.review_comment:
        message += "\n\n" + _("The secretariat's comment:") + "\n" + item.review_comment
    recipient = item.submitter.email
    # Sent after commit so that a rolled-back review tells nobody.
    transaction.on_commit(
        lambda: send_mail(subject, message, settings.DEFAULT_FROM_EMAIL, [recipient], fail_silently=True)
    )


def submission_submit(*, item: S, by: Any) -> S:
    """Send a draft (or a returned submission, fixed) to the secretariat; only its submitter may."""
    with transaction.atomic():
        return _transition(item, to=SubmissionState.SUBMITTED, by=by)


def submission_return(*, item: S, by: Any, comment: str) -> S:
    """Return a submission to its submitter with the secretariat's comment, which is required."""
    with transaction.atomic():
        if not comment.strip():
            raise ValidationError({"review_comment": _("Say what the submitter should change.")})
        _transition(item, to=SubmissionState.RETURNED, by=by, comment=comment.strip())
        _tell_submitter(item, what=_("returned"), subject=_("Your submission was returned"))
        return item


def submission_publish(*, item: S, by: Any, comment: str = "") -> S:
    """Publish a submitted practice, pledge or report once it passes the quality checks."""
    with transaction.atomic():
        if isinstance(item, Practice):
            errors = practice_quality_errors(item)
        elif isinstance(item, Pledge):
            errors = pledge_quality_errors(item)
        elif isinstance(item, PledgeReport):
            errors = pledge_report_quality_errors(item)
        else:
            errors = {}
        if errors and can_transition_submission(user=by, item=item, to=SubmissionState.PUBLISHED):
            raise ValidationError(errors)
        _transition(item, to=SubmissionState.PUBLISHED, by=by, comment=comment.strip())
        _tell_submitter(item, what=_("published"), subject=_("Your submission was published"))
        return item


# The named write paths of each kind of submission: the workflow is the same for all three.
practice_submit = pledge_submit = pledge_report_submit = submission_submit
practice_return = pledge_return = pledge_report_return = submission_return
practice_publish = pledge_publish = pledge_report_publish = submission_publish

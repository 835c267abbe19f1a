"""The submission workflow of practices, pledges and pledge reports: the submitter submits, the
secretariat returns (with a comment) or publishes (once the quality checks pass), but never what
the reviewer submitted themselves: another reviewer must (four eyes, `permissions`).

The moves allowed are in `models.SUBMISSION_TRANSITIONS`; the submitter is told by e-mail when the
secretariat publishes or returns a submission.
"""

from __future__ import annotations

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
    PledgeReport,
    Practice,
    Submission,
    SubmissionState,
)
from rcphub.repository.permissions import can_transition_submission, must_leave_review_to_another
from rcphub.repository.services.pledges import pledge_quality_errors, pledge_report_quality_errors
from rcphub.repository.services.practices import practice_quality_errors

S = TypeVar("S", bound=Submission)


def own_submission_message() -> str:
    """Return why a reviewer may not return or publish their own submission."""
    return _("You submitted this: another reviewer must decide.")


def _check_four_eyes(item: Submission, *, to: str, by: Any) -> None:
    """Refuse a reviewer's return or publication of their own submission (four eyes).

    The reviewer sees the submission, so the refusal says why rather than "not found".
    """
    if to != SubmissionState.SUBMITTED and must_leave_review_to_another(user=by, item=item):
        raise TransitionError(own_submission_message(), code="own_submission")


def _transition(item: S, *, to: str, by: Any, comment: str = "", expected_version: int | None = None) -> S:
    if to not in SUBMISSION_TRANSITIONS.get(item.state, frozenset()):
        raise TransitionError(
            _("A %(state)s submission cannot become %(to)s.") % {"state": item.get_state_display(), "to": to},
            code="transition",
        )
    _check_four_eyes(item, to=to, by=by)
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
    item.save_versioned(expected_version=expected_version)
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


def submission_return(*, item: S, by: Any, comment: str, expected_version: int | None = None) -> S:
    """Return a submission to its submitter with the secretariat's comment, which is required; a
    stale `expected_version` is refused (ConflictError)."""
    with transaction.atomic():
        _check_four_eyes(item, to=SubmissionState.RETURNED, by=by)
        if not comment.strip():
            raise ValidationError({"review_comment": _("Say what the submitter should change.")})
        _transition(
            item,
            to=SubmissionState.RETURNED,
            by=by,
            comment=comment.strip(),
            expected_version=expected_version,
        )
        _tell_submitter(item, what=_("returned"), subject=_("Your submission was returned"))
        return item


def submission_publish(*, item: S, by: Any, comment: str = "", expected_version: int | None = None) -> S:
    """Publish a submitted practice, pledge or report once it passes the quality checks; a stale
    `expected_version` is refused (ConflictError)."""
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
        _transition(
            item,
            to=SubmissionState.PUBLISHED,
            by=by,
            comment=comment.strip(),
            expected_version=expected_version,
        )
        _tell_submitter(item, what=_("published"), subject=_("Your submission was published"))
        return item


# The named write paths of each kind of submission: the workflow is the same for all three.
practice_submit = pledge_submit = pledge_report_submit = submission_submit
practice_return = pledge_return = pledge_report_return = submission_return
practice_publish = pledge_publish = pledge_report_publish = submission_publish

"""Pages of the submission workflow: submitting (the submitter), one's own submissions, the review
queue and the review (the repository secretariat)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rcphub.core.errors import ConflictError, NotFound, TransitionError
from rcphub.repository import selectors, services
from rcphub.repository.forms import ReviewForm
from rcphub.repository.models import Pledge, Practice, SubmissionState
from rcphub.repository.permissions import (
    can_submit,
    can_transition_submission,
    is_repository_secretariat,
    must_leave_review_to_another,
)
from rcphub.repository.views.common import detail_url, repository_crumbs


@login_required
@require_POST
def submission_submit(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Send the submitter's draft (or returned submission) to the secretariat."""
    item = selectors.submission_get(kind=kind, item_id=pk, user=request.user)
    if not can_transition_submission(user=request.user, item=item, to=SubmissionState.SUBMITTED):
        raise NotFound
    services.submission_submit(item=item, by=request.user)
    messages.success(request, _("Submitted to the secretariat for review."))
    return redirect(detail_url(kind, item))


@login_required
@require_GET
def my_submissions(request: HttpRequest) -> HttpResponse:
    """List the user's own practices, pledges and reports with their state and the reviewer's comment."""
    rows = selectors.my_submissions(user=request.user)
    return render(
        request,
        "repository/my_submissions.html",
        {
            "rows": [{"row": row, "url": detail_url(row.kind, row.item)} for row in rows],
            "can_submit": can_submit(request.user),
            "crumbs": repository_crumbs(),
        },
    )


@login_required
@require_GET
def review_queue(request: HttpRequest) -> HttpResponse:
    """List the submissions awaiting review, for the repository secretariat."""
    if not is_repository_secretariat(request.user):
        raise NotFound
    rows = selectors.review_queue(user=request.user)
    return render(
        request,
        "repository/review_queue.html",
        {
            "rows": [
                {
                    "row": row,
                    "url": reverse("repository:review", args=[row.kind, row.item.pk]),
                    "own": must_leave_review_to_another(user=request.user, item=row.item),
                }
                for row in rows
            ],
            "crumbs": repository_crumbs(),
        },
    )


def _quality_errors(item: Any) -> dict[str, str]:
    if isinstance(item, Practice):
        return services.practice_quality_errors(item)
    if isinstance(item, Pledge):
        return services.pledge_quality_errors(item)
    return services.pledge_report_quality_errors(item)


def _field_label(item: Any, name: str) -> str:
    try:
        return str(type(item)._meta.get_field(name).verbose_name)
    except Exception:
        return name


@login_required
@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Let the secretariat return a submission with a comment, or publish it once it passes the checks."""
    item = selectors.submission_get_for_review(kind=kind, item_id=pk, user=request.user)
    form = ReviewForm(request.POST or None, initial={"version": item.version})
    if request.method == "POST" and form.is_valid():
        if item.state != SubmissionState.SUBMITTED:
            form.add_error(None, _("This submission is no longer awaiting review."))
        else:
            action, comment = form.cleaned_data["action"], form.cleaned_data["comment"]
            version = form.cleaned_data["version"]
            try:
                if action == "return":
                    services.submission_return(
                        item=item, by=request.user, comment=comment, expected_version=version
                    )
                else:
                    services.submission_publish(
                        item=item, by=request.user, comment=comment, expected_version=version
                    )
            except ConflictError as error:
                form.add_error(None, error)
            except TransitionError as error:
                form.add_error(
                    None,
                    error.messages[0]
                    if error.code == "own_submission"
                    else _("This submission cannot be reviewed now."),
                )
            except PermissionDenied:
                form.add_error(None, _("This submission cannot be reviewed now."))
            except ValidationError as error:
                if hasattr(error, "error_dict") and "review_comment" in error.error_dict:
                    form.add_error("comment", error.error_dict["review_comment"])
                else:
                    form.add_error(
                        None,
                        _("It cannot be published yet: %(errors)s")
                        % {
                            "errors": "; ".join(
                                f"{_field_label(item, name)}: {' '.join(msgs)}"
                                for name, msgs in error.message_dict.items()
                            )
                        },
                    )
            else:
                done = _("Returned to the submitter.") if action == "return" else _("Published.")
                messages.success(request, done)
                return redirect("repository:review_queue")
    errors = _quality_errors(item) if item.state == SubmissionState.SUBMITTED else {}
    return render(
        request,
        "repository/review.html",
        {
            "item": item,
            "kind": kind,
            "form": form,
            "own": must_leave_review_to_another(user=request.user, item=item),
            "detail_url": detail_url(kind, item),
            "quality_errors": [(name, _field_label(item, name), message) for name, message in errors.items()],
            "crumbs": repository_crumbs((_("Review queue"), reverse("repository:review_queue"))),
        },
        status=400 if form.errors else 200,
    )

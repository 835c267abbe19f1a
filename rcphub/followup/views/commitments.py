"""Follow-up pages on commitments and key actions: detail, forms, status reports. HTTP only."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from rcphub.core.dates import today
from rcphub.core.views import form_page, is_htmx, posted_view_as_at
from rcphub.followup.forms import (
    CommitmentEditForm,
    CommitmentForm,
    FollowUpReportForm,
    KeyActionForm,
    add_service_error,
)
from rcphub.followup.models import Commitment, FollowUpStatus, KeyAction, ReviewKind
from rcphub.followup.permissions import can_manage_review, can_report_on_commitment
from rcphub.followup.selectors import (
    commitment_change_history,
    commitment_get,
    commitment_get_for_manage,
    commitment_get_for_report,
    commitment_ledger_row,
    commitment_status_history,
    key_action_get_for_report,
    review_get_for_manage,
)
from rcphub.followup.services import (
    commitment_create,
    commitment_update,
    followup_report_record,
    key_action_save,
)
from rcphub.followup.views.reviews import COMMITMENT_LABELS, review_crumbs


def _commitment_crumbs(commitment: Commitment) -> list[tuple[str, str]]:
    return [
        *review_crumbs(commitment.review),
        (str(commitment), reverse("followup:commitment", args=[commitment.pk])),
    ]


@login_required
@require_http_methods(["GET", "POST"])
def commitment_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Let those who manage the review add a commitment; its number must be new in the review."""
    review = review_get_for_manage(review_id=pk, user=request.user)
    form = CommitmentForm(request.POST or None, review=review)
    if request.method == "POST" and form.is_valid():
        try:
            commitment = commitment_create(review=review, by=request.user, **form.commitment_fields())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Commitment %(number)s added.") % {"number": commitment.number})
            return redirect(f"{reverse('followup:review', args=[review.pk])}#commitment-{commitment.pk}")
    label = COMMITMENT_LABELS.get(review.kind, COMMITMENT_LABELS[ReviewKind.OTHER])
    return form_page(
        request,
        form=form,
        title=_("New %(what)s") % {"what": str(label).lower()},
        context={"crumbs": review_crumbs(review), "cancel": reverse("followup:review", args=[review.pk])},
    )


@require_GET
def commitment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the commitment with its key actions, its status history and its change history."""
    commitment = commitment_get(commitment_id=pk, user=request.user)
    review = commitment.review
    row = commitment_ledger_row(commitment=commitment, user=request.user, as_at=today())
    may_report = can_report_on_commitment(user=request.user, commitment=commitment)
    return render(
        request,
        "followup/commitment_detail.html",
        {
            "commitment": row.commitment,
            "review": review,
            "row": row,
            "today": today(),
            "can_manage": can_manage_review(user=request.user, review=review),
            "can_report": may_report,
            "reports": list(commitment_status_history(commitment=commitment)),
            "history": commitment_change_history(commitment=commitment),
            # Names of authors and editors are for those who manage the review or report on the item.
            "show_people": may_report,
            "commitment_label": COMMITMENT_LABELS.get(review.kind, COMMITMENT_LABELS[ReviewKind.OTHER]),
            "crumbs": review_crumbs(review),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def commitment_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Let those who manage the review change a commitment; refuse a stale version."""
    commitment = commitment_get_for_manage(commitment_id=pk, user=request.user)
    initial = CommitmentEditForm.initial_for(commitment)
    if request.method == "POST":
        form = CommitmentEditForm(request.POST, initial=initial, review=commitment.review)
        if form.is_valid():
            try:
                commitment_update(
                    commitment=commitment,
                    by=request.user,
                    expected_version=form.cleaned_data["version"],
                    **form.commitment_fields(),
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Commitment %(number)s saved.") % {"number": commitment.number})
                return redirect("followup:commitment", pk=commitment.pk)
    else:
        form = CommitmentEditForm(initial=initial, review=commitment.review)
    return form_page(
        request,
        form=form,
        title=_("Edit %(commitment)s") % {"commitment": commitment.number},
        context={
            "crumbs": _commitment_crumbs(commitment),
            "cancel": reverse("followup:commitment", args=[commitment.pk]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def key_action_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Let those who manage the review add a key action to a commitment."""
    commitment = commitment_get_for_manage(commitment_id=pk, user=request.user)
    form = KeyActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            key_action_save(commitment=commitment, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Key action added."))
            return redirect("followup:commitment", pk=commitment.pk)
    return form_page(
        request,
        form=form,
        title=_("New key action for %(number)s") % {"number": commitment.number},
        context={
            "crumbs": _commitment_crumbs(commitment),
            "cancel": reverse("followup:commitment", args=[commitment.pk]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def commitment_status_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the commitment's status as at a date; with HTMX, answer its updated rows of the ledger."""
    commitment = commitment_get_for_report(commitment_id=pk, user=request.user)
    return _status_view(request, commitment=commitment, key_action=None)


@login_required
@require_http_methods(["GET", "POST"])
def key_action_status_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a key action's status as at a date; with HTMX, answer its commitment's updated rows."""
    key_action = key_action_get_for_report(key_action_id=pk, user=request.user)
    return _status_view(request, commitment=key_action.commitment, key_action=key_action)


def _status_view(
    request: HttpRequest, *, commitment: Commitment, key_action: KeyAction | None
) -> HttpResponse:
    review = commitment.review
    htmx = is_htmx(request)
    # The date the page that posted the form shows, so that the rows come back as at the same date.
    view_as_at = posted_view_as_at(request) or today()
    subject = f"k{key_action.pk}" if key_action else f"c{commitment.pk}"
    what = _("key action of %(number)s") % {"number": commitment.number} if key_action else commitment.number
    if request.method == "POST":
        form = FollowUpReportForm(request.POST, review=review)
        if form.is_valid():
            try:
                report = followup_report_record(
                    commitment=commitment, key_action=key_action, by=request.user, **form.report_fields()
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                done = _("Status of %(what)s recorded: %(status)s as at %(date)s.") % {
                    "what": what,
                    "status": report.get_status_display() or _("no status given"),
                    "date": formats.date_format(report.as_at),
                }
                if htmx:
                    return _commitment_rows(request, commitment=commitment, as_at=view_as_at, notice=done)
                messages.success(request, done)
                url = reverse("followup:review", args=[review.pk])
                return redirect(f"{url}?as_at={report.as_at.isoformat()}#commitment-{commitment.pk}")
        if htmx:
            return _commitment_rows(
                request, commitment=commitment, as_at=view_as_at, form=form, form_subject=subject
            )
    else:
        form = FollowUpReportForm(review=review)
    return form_page(
        request,
        form=form,
        title=_("Record the status of %(what)s") % {"what": what},
        context={
            "crumbs": _commitment_crumbs(commitment),
            "cancel": reverse("followup:commitment", args=[commitment.pk]),
        },
    )


def _commitment_rows(
    request: HttpRequest,
    *,
    commitment: Commitment,
    as_at: date,
    notice: str = "",
    form: Any = None,
    form_subject: str = "",
) -> HttpResponse:
    """Answer the commitment's rows of the ledger (with its key actions), as at `as_at`, for HTMX."""
    row = commitment_ledger_row(commitment=commitment, user=request.user, as_at=as_at)
    return render(
        request,
        "followup/_commitment_rows.html",
        {
            "row": row,
            "review": commitment.review,
            "as_at": as_at,
            "today": today(),
            "rounds": list(commitment.review.rounds.order_by("as_at")),
            "statuses": FollowUpStatus.choices,
            "notice": notice,
            "form": form,
            "form_subject": form_subject,
        },
    )

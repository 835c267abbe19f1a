"""Follow-up pages: reviews and their ledger as at a date, commitments, forms, what changed. HTTP only."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from rcphub.accounts.permissions import is_platform_secretariat
from rcphub.core.dates import parse_query_date, query_period, today
from rcphub.core.errors import NotFound
from rcphub.core.views import bad_query, form_page, is_htmx
from rcphub.followup.forms import (
    CommitmentEditForm,
    CommitmentForm,
    FollowUpReportForm,
    KeyActionForm,
    ReportingRoundForm,
    ReviewEditForm,
    ReviewForm,
    ReviewGroupForm,
    add_service_error,
)
from rcphub.followup.models import (
    Commitment,
    FollowUpStatus,
    KeyAction,
    ManagementResponse,
    Review,
    ReviewKind,
)
from rcphub.followup.permissions import can_manage_review, can_report_on_commitment
from rcphub.followup.selectors import (
    LIGHTS,
    ReviewFilters,
    commitment_change_history,
    commitment_get,
    commitment_get_for_manage,
    commitment_get_for_report,
    commitment_ledger_row,
    commitment_status_history,
    followup_dashboard,
    key_action_get_for_report,
    review_changes,
    review_get,
    review_get_for_manage,
    review_ledger,
    review_list_with_counts,
    review_organisations,
    review_organisations_for_create,
)
from rcphub.followup.services import (
    commitment_create,
    commitment_update,
    followup_report_record,
    key_action_save,
    reporting_round_create,
    review_create,
    review_group_save,
    review_update,
)

# What a commitment is called in each kind of review, as the people who write them say it.
COMMITMENT_LABELS: dict[str, Any] = {
    ReviewKind.EVALUATION: gettext_lazy("Recommendation"),
    ReviewKind.AUDIT: gettext_lazy("Recommendation"),
    ReviewKind.PLAN_OF_ACTION: gettext_lazy("Action"),
    ReviewKind.MEETING_DECISIONS: gettext_lazy("Decision"),
    ReviewKind.OTHER: gettext_lazy("Commitment"),
}


def _review_crumbs(review: Review) -> list[tuple[str, str]]:
    return [
        (_("Follow-up"), reverse("followup:list")),
        (review.title, reverse("followup:review", args=[review.pk])),
    ]


def _commitment_crumbs(commitment: Commitment) -> list[tuple[str, str]]:
    return [
        *_review_crumbs(commitment.review),
        (str(commitment), reverse("followup:commitment", args=[commitment.pk])),
    ]


def _as_at(request: HttpRequest) -> date:
    """Return the `as_at` date of the query string, today by default; raise ValidationError naming it."""
    return parse_query_date(request.GET.get("as_at"), field="as_at", default=today()) or today()


def _labelled(counts: dict[str, int], choices: list[tuple[str, Any]]) -> list[tuple[str, str, int]]:
    return [(value, str(label), counts.get(value, 0)) for value, label in choices if counts.get(value)]


# ---------------------------------------------------------------------------------------------
# Reviews


@require_GET
def review_list_view(request: HttpRequest) -> HttpResponse:
    """List the reviews the user may see, filtered by kind and organisation."""
    kind = request.GET.get("kind", "").strip()
    organisation = request.GET.get("organisation", "").strip()
    filters = ReviewFilters(
        kind=kind if kind in ReviewKind.values else None, organisation=organisation[:40] or None
    )
    reviews = list(review_list_with_counts(user=request.user, filters=filters))
    return render(
        request,
        "followup/review_list.html",
        {
            "reviews": reviews,
            "kinds": ReviewKind.choices,
            "organisations": list(review_organisations(user=request.user)),
            "kind": kind,
            "organisation": organisation,
            "can_create": review_organisations_for_create(user=request.user).exists(),
            "is_platform": is_platform_secretariat(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def review_create_view(request: HttpRequest) -> HttpResponse:
    """Let a follow-up officer (or the platform secretariat) open a review for their organisation."""
    organisations = review_organisations_for_create(user=request.user)
    if not organisations.exists():
        raise NotFound
    form = ReviewForm(request.POST or None, request.FILES or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        fields = form.review_fields()
        organisation = fields.pop("organisation")
        try:
            review = review_create(organisation=organisation, by=request.user, **fields)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Review opened. Add its commitments."))
            return redirect("followup:review", pk=review.pk)
    crumbs = [(_("Follow-up"), reverse("followup:list"))]
    return form_page(
        request,
        form=form,
        title=_("New review"),
        context={"crumbs": crumbs, "multipart": True, "cancel": reverse("followup:list")},
    )


@require_GET
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the review's commitments and key actions with their status as at the chosen date."""
    review = review_get(review_id=pk, user=request.user)
    try:
        as_at = _as_at(request)
    except ValidationError as error:
        return bad_query(request, error, back=reverse("followup:review", args=[pk]))
    ledger = review_ledger(review=review, user=request.user, as_at=as_at)
    return render(
        request,
        "followup/review_detail.html",
        {
            "review": review,
            "ledger": ledger,
            "as_at": as_at,
            "today": today(),
            "rounds": ledger.rounds,
            "statuses": FollowUpStatus.choices,
            "commitment_label": COMMITMENT_LABELS.get(review.kind, COMMITMENT_LABELS[ReviewKind.OTHER]),
            "by_status": _labelled(
                ledger.counts_by_status(), [*FollowUpStatus.choices, ("none", _("No report yet"))]
            ),
            "by_response": _labelled(
                ledger.counts_by_response(), [*ManagementResponse.choices, ("none", _("No response"))]
            ),
            "by_light": _labelled(ledger.counts_by_light(), list(LIGHTS.items())),
            "crumbs": _review_crumbs(review)[:1],
        },
    )


@require_GET
def review_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    """Send the review's report file to those who may see the review."""
    review = review_get(review_id=pk, user=request.user)
    if not review.file:
        raise NotFound
    name = (review.file.name or "").rsplit("/", 1)[-1]
    return FileResponse(review.file.open("rb"), as_attachment=True, filename=name)


@login_required
@require_http_methods(["GET", "POST"])
def review_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Let those who manage the review change it; refuse a stale version."""
    review = review_get_for_manage(review_id=pk, user=request.user)
    initial = ReviewEditForm.initial_for(review)
    if request.method == "POST":
        form = ReviewEditForm(request.POST, request.FILES, initial=initial)
        if form.is_valid():
            try:
                review_update(
                    review=review,
                    by=request.user,
                    expected_version=form.cleaned_data["version"],
                    **form.review_fields(),
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Review saved."))
                return redirect("followup:review", pk=review.pk)
    else:
        form = ReviewEditForm(initial=initial)
    return form_page(
        request,
        form=form,
        title=_("Edit the review"),
        context={
            "crumbs": _review_crumbs(review),
            "multipart": True,
            "cancel": reverse("followup:review", args=[review.pk]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def group_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Let those who manage the review add a group of commitments ("Component 1: …")."""
    review = review_get_for_manage(review_id=pk, user=request.user)
    form = ReviewGroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            group = review_group_save(review=review, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Group %(code)s added.") % {"code": group.code})
            return redirect("followup:review", pk=review.pk)
    return form_page(
        request,
        form=form,
        title=_("New group"),
        context={"crumbs": _review_crumbs(review), "cancel": reverse("followup:review", args=[review.pk])},
    )


@login_required
@require_http_methods(["GET", "POST"])
def round_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Let those who manage the review open a dated reporting round."""
    review = review_get_for_manage(review_id=pk, user=request.user)
    form = ReportingRoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            round_ = reporting_round_create(review=review, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Reporting round “%(title)s” opened.") % {"title": round_.title})
            url = reverse("followup:review", args=[review.pk])
            return redirect(f"{url}?as_at={round_.as_at.isoformat()}")
    return form_page(
        request,
        form=form,
        title=_("New reporting round"),
        context={"crumbs": _review_crumbs(review), "cancel": reverse("followup:review", args=[review.pk])},
    )


# ---------------------------------------------------------------------------------------------
# Commitments and key actions


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
        context={"crumbs": _review_crumbs(review), "cancel": reverse("followup:review", args=[review.pk])},
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
            "crumbs": _review_crumbs(review),
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


# ---------------------------------------------------------------------------------------------
# Status reports


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
    view_as_at = _view_as_at(request) or today()
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
                    "status": report.get_status_display(),
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


def _view_as_at(request: HttpRequest) -> date | None:
    try:
        return parse_query_date(request.POST.get("view_as_at"), field="view_as_at")
    except ValidationError:
        return None


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


# ---------------------------------------------------------------------------------------------
# What changed, dashboard


@require_GET
def review_changes_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Show what changed in the review between two dates: by default the last two rounds."""
    review = review_get(review_id=pk, user=request.user)
    rounds = list(review.rounds.order_by("as_at"))
    try:
        since, until = query_period(request.GET, round_dates=[r.as_at for r in rounds])
    except ValidationError as error:
        return bad_query(request, error, back=reverse("followup:changes", args=[pk]))
    changes = review_changes(review=review, since=since, until=until)
    return render(
        request,
        "followup/changes.html",
        {
            "review": review,
            "changes": changes,
            "round_pairs": list(itertools.pairwise(rounds)),
            "crumbs": _review_crumbs(review),
            "show_people": can_manage_review(user=request.user, review=review),
        },
    )


@require_GET
def dashboard_view(request: HttpRequest) -> HttpResponse:
    """Show the platform secretariat the overdue and stale commitments across all reviews as at a date."""
    if not is_platform_secretariat(request.user):
        raise NotFound
    try:
        as_at = _as_at(request)
    except ValidationError as error:
        return bad_query(request, error, back=reverse("followup:dashboard"))
    dashboard = followup_dashboard(user=request.user, as_at=as_at)
    return render(
        request,
        "followup/dashboard.html",
        {
            "dashboard": dashboard,
            "as_at": as_at,
            "today": today(),
            "crumbs": [(_("Follow-up"), reverse("followup:list"))],
        },
    )

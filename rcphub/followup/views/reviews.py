"""Follow-up pages on reviews: the list, the ledger as at a date, forms, what changed, the dashboard. HTTP only."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from rcphub.accounts.permissions import is_platform_secretariat
from rcphub.core.charts import bar_spec, chart
from rcphub.core.dates import parse_query_date, query_period, today
from rcphub.core.errors import NotFound
from rcphub.core.views import bad_query, form_page
from rcphub.followup.forms import (
    ReportingRoundForm,
    ReviewEditForm,
    ReviewForm,
    ReviewGroupForm,
    add_service_error,
)
from rcphub.followup.models import FollowUpStatus, ManagementResponse, Review, ReviewKind
from rcphub.followup.permissions import can_manage_review
from rcphub.followup.selectors import (
    LIGHTS,
    ReviewFilters,
    followup_dashboard,
    ledger_summary,
    review_changes,
    review_get,
    review_get_for_manage,
    review_ledger,
    review_list_with_counts,
    review_organisations,
    review_organisations_for_create,
)
from rcphub.followup.services import reporting_round_create, review_create, review_group_save, review_update

# What a commitment is called in each kind of review, as the people who write them say it.
COMMITMENT_LABELS: dict[str, Any] = {
    ReviewKind.EVALUATION: gettext_lazy("Recommendation"),
    ReviewKind.AUDIT: gettext_lazy("Recommendation"),
    ReviewKind.PLAN_OF_ACTION: gettext_lazy("Action"),
    ReviewKind.MEETING_DECISIONS: gettext_lazy("Decision"),
    ReviewKind.OTHER: gettext_lazy("Commitment"),
}


def review_crumbs(review: Review) -> list[tuple[str, str]]:
    return [
        (_("Follow-up"), reverse("followup:list")),
        (review.title, reverse("followup:review", args=[review.pk])),
    ]


def _as_at(request: HttpRequest) -> date:
    """Return the `as_at` date of the query string, today by default; raise ValidationError naming it."""
    return parse_query_date(request.GET.get("as_at"), field="as_at", default=today()) or today()


def _labelled(counts: dict[str, int], choices: list[tuple[str, Any]]) -> list[tuple[str, str, int]]:
    return [(value, str(label), counts.get(value, 0)) for value, label in choices if counts.get(value)]


@require_GET
def review_list_view(request: HttpRequest) -> HttpResponse:
    """List the reviews the user may see, filtered by kind and organisation."""
    kind = request.GET.get("kind", "").strip()
    organisation = request.GET.get("organisation", "").strip()
    filters = ReviewFilters(
        kind=kind if kind in ReviewKind.values else None, organisation=organisation[:40] or None
    )
    try:
        as_at = _as_at(request)
    except ValidationError as error:
        return bad_query(request, error, back=reverse("followup:list"))
    reviews = list(review_list_with_counts(user=request.user, filters=filters))
    return render(
        request,
        "followup/review_list.html",
        {
            **_ledger_summary_context(request, filters=filters, as_at=as_at),
            "reviews": reviews,
            "kinds": ReviewKind.choices,
            "organisations": list(review_organisations(user=request.user)),
            "kind": kind,
            "organisation": organisation,
            "can_create": review_organisations_for_create(user=request.user).exists(),
            "is_platform": is_platform_secretariat(request.user),
        },
    )


def _ledger_summary_context(request: HttpRequest, *, filters: ReviewFilters, as_at: date) -> dict[str, Any]:
    """The ledger at a glance: shares implemented by organisation and by review, overdue and stale
    counts, each linking to the ledger filtered that way; with a bar chart and its table."""
    summary = ledger_summary(user=request.user, filters=filters, as_at=as_at)
    total = summary.total
    day = as_at.isoformat()
    # The dashboard lists the overdue and stale items of all reviews; it is the platform secretariat's.
    unfiltered = not (filters.kind or filters.organisation or filters.coalition)
    dashboard = (
        reverse("followup:dashboard") + f"?as_at={day}"
        if unfiltered and is_platform_secretariat(request.user)
        else ""
    )
    rows = [
        (_("Implemented"), total.implemented, ""),
        (_("Overdue"), total.overdue, dashboard + "#overdue" if dashboard else ""),
        (_("No recent report"), total.stale, dashboard + "#stale" if dashboard else ""),
        (_("Other open or closed"), total.commitments - total.implemented - total.overdue - total.stale, ""),
    ]
    context: dict[str, Any] = {
        "summary": summary,
        "summary_rows": rows,
        "dashboard_link": dashboard,
        "organisation_rows": [
            (row, reverse("followup:list") + "?" + urlencode({"organisation": row.key, "as_at": day}))
            for row in summary.by_organisation
        ],
    }
    if total.commitments:
        context["summary_chart"] = chart(
            bar_spec(
                {str(label): n for label, n, _link in rows},
                title=_("Commitments as at %(date)s") % {"date": date_format(as_at, "j F Y")},
                axis=_("State"),
                width=420,
                height=160,
            ),
            [(str(label), n) for label, n, _link in rows],
            _(
                "Bar chart of the commitments listed: implemented, overdue, with no recent report, and the others; the table gives each number."
            ),
        )
    return context


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
        context={
            "crumbs": crumbs,
            "multipart": True,
            "cancel": reverse("followup:list"),
            "alternative": {
                "text": _("Already in a Word or PDF status table or plan of action?"),
                "label": _("Import the review instead"),
                "url": reverse("importers:upload"),
            },
        },
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
            "crumbs": review_crumbs(review)[:1],
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
            "crumbs": review_crumbs(review),
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
        context={"crumbs": review_crumbs(review), "cancel": reverse("followup:review", args=[review.pk])},
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
        context={"crumbs": review_crumbs(review), "cancel": reverse("followup:review", args=[review.pk])},
    )


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
            "crumbs": review_crumbs(review),
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

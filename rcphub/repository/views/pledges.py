"""Pages on pledges and their reports: the list with facets, a pledge with its reports, drafting and
changing pledges and reports."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from rcphub.core.errors import NotFound
from rcphub.repository import selectors, services
from rcphub.repository.filters import PLEDGES
from rcphub.repository.forms import PledgeForm, PledgeReportForm
from rcphub.repository.models import SubmissionState
from rcphub.repository.permissions import can_edit_submission, can_submit, can_transition_submission
from rcphub.repository.views.common import (
    facet_list,
    repository_crumbs,
    require_member,
    save_form,
    submission_actions,
    submission_history,
)


@require_GET
def pledge_list(request: HttpRequest) -> HttpResponse:
    """List the pledges the reader may see, with facets by objective, country, stage, kind, pledger, year."""
    return facet_list(
        request,
        PLEDGES,
        template="repository/pledge_list.html",
        title=_("Pledges"),
        extra={"can_submit": can_submit(request.user)},
    )


@require_GET
def pledge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a pledge with the reports on it the reader may see, and whether it is inactive."""
    pledge = selectors.pledge_get(pledge_id=pk, user=request.user)
    reports = list(selectors.pledge_report_list(user=request.user, pledge=pledge))
    visible = selectors.pledge_list(user=request.user)
    matches = (
        visible.filter(pk=pledge.matches_id).select_related("pledger").first() if pledge.matches_id else None
    )
    return render(
        request,
        "repository/pledge_detail.html",
        {
            "pledge": pledge,
            "pledger": pledge.pledger,
            "objectives": list(pledge.gcm_objectives.all()),
            "countries": list(pledge.countries.all()),
            "partners": list(pledge.partners.all()),
            "matches": matches,
            "matched_by": list(visible.filter(matches=pledge).select_related("pledger")),
            "reports": [
                {
                    "report": report,
                    "can_edit": can_edit_submission(user=request.user, item=report),
                    "can_submit": can_transition_submission(
                        user=request.user, item=report, to=SubmissionState.SUBMITTED
                    ),
                }
                for report in reports
            ],
            "can_report": pledge.state == SubmissionState.PUBLISHED and can_submit(request.user),
            "crumbs": repository_crumbs((_("Pledges"), reverse("repository:pledge_list"))),
            **submission_actions("pledge", pledge, request.user),
            **submission_history(pledge, request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def pledge_create(request: HttpRequest) -> HttpResponse:
    """Let a member draft a pledge."""
    require_member(request)
    form = PledgeForm(request.POST or None)
    return save_form(
        request,
        form=form,
        save=lambda f: services.pledge_create(by=request.user, **f.fields_for_service()),
        done=_("Pledge saved as a draft. Submit it when it is ready."),
        title=_("New pledge"),
        crumbs=repository_crumbs((_("Pledges"), reverse("repository:pledge_list"))),
        cancel=reverse("repository:pledge_list"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def pledge_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Let the submitter change a draft or returned pledge; refuse a stale version."""
    pledge = selectors.pledge_get_for_edit(pledge_id=pk, user=request.user)
    initial = PledgeForm.initial_for(pledge)
    form = (
        PledgeForm(request.POST, initial=initial) if request.method == "POST" else PledgeForm(initial=initial)
    )
    detail = reverse("repository:pledge_detail", args=[pk])
    return save_form(
        request,
        form=form,
        save=lambda f: services.pledge_update(
            pledge=pledge,
            by=request.user,
            expected_version=f.cleaned_data["version"],
            **f.fields_for_service(),
        ),
        done=_("Pledge saved."),
        title=_("Edit the pledge"),
        crumbs=repository_crumbs((_("Pledges"), reverse("repository:pledge_list")), (str(pledge), detail)),
        cancel=detail,
    )


@login_required
@require_http_methods(["GET", "POST"])
def pledge_report_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Let a member draft a report on a published pledge."""
    require_member(request)
    pledge = selectors.pledge_get(pledge_id=pk, user=request.user)
    if pledge.state != SubmissionState.PUBLISHED:
        raise NotFound
    form = PledgeReportForm(request.POST or None)
    detail = reverse("repository:pledge_detail", args=[pk])
    return save_form(
        request,
        form=form,
        save=lambda f: services.pledge_report_create(
            pledge=pledge, by=request.user, **f.fields_for_service()
        ),
        done=_("Report saved as a draft. Submit it when it is ready."),
        title=_("New report on the pledge"),
        crumbs=repository_crumbs((_("Pledges"), reverse("repository:pledge_list")), (str(pledge), detail)),
        cancel=detail,
    )


@login_required
@require_http_methods(["GET", "POST"])
def pledge_report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Let the submitter change a draft or returned pledge report; refuse a stale version."""
    report = selectors.pledge_report_get_for_edit(report_id=pk, user=request.user)
    initial = PledgeReportForm.initial_for(report)
    form = (
        PledgeReportForm(request.POST, initial=initial)
        if request.method == "POST"
        else PledgeReportForm(initial=initial)
    )
    detail = reverse("repository:pledge_detail", args=[report.pledge_id])
    return save_form(
        request,
        form=form,
        save=lambda f: services.pledge_report_update(
            report=report,
            by=request.user,
            expected_version=f.cleaned_data["version"],
            **f.fields_for_service(),
        ),
        done=_("Report saved."),
        title=_("Edit the report"),
        crumbs=repository_crumbs(
            (_("Pledges"), reverse("repository:pledge_list")), (str(report.pledge), detail)
        ),
        cancel=detail,
    )

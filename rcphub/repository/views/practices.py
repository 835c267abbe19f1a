"""Pages on practices: the list with facets, a practice, drafting and changing one."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from rcphub.repository import selectors, services
from rcphub.repository.filters import PRACTICES
from rcphub.repository.forms import PracticeForm
from rcphub.repository.permissions import can_submit
from rcphub.repository.views.common import (
    facet_list,
    repository_crumbs,
    require_member,
    save_form,
    submission_actions,
    submission_history,
)


@require_GET
def practice_list(request: HttpRequest) -> HttpResponse:
    """List the practices the reader may see, with facets by objective, country, implementer, scope, year."""
    return facet_list(
        request,
        PRACTICES,
        template="repository/practice_list.html",
        title=_("Practices"),
        extra={"can_submit": can_submit(request.user)},
    )


@require_GET
def practice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a practice to those who may see it."""
    practice = selectors.practice_get(practice_id=pk, user=request.user)
    return render(
        request,
        "repository/practice_detail.html",
        {
            "practice": practice,
            "objectives": list(practice.gcm_objectives.all()),
            "principles": list(practice.gcm_principles.all()),
            "countries": list(practice.countries.all()),
            "implementers": list(practice.implementers.all()),
            "implementer_types": list(practice.implementer_types.all()),
            "sdg_targets": list(practice.sdg_targets.all()),
            "links": [line.strip() for line in practice.links.splitlines() if line.strip()],
            "crumbs": repository_crumbs((_("Practices"), reverse("repository:practice_list"))),
            **submission_actions("practice", practice, request.user),
            **submission_history(practice, request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def practice_create(request: HttpRequest) -> HttpResponse:
    """Let a member draft a practice."""
    require_member(request)
    form = PracticeForm(request.POST or None)
    return save_form(
        request,
        form=form,
        save=lambda f: services.practice_create(by=request.user, **f.fields_for_service()),
        done=_("Practice saved as a draft. Submit it when it is ready."),
        title=_("New practice"),
        crumbs=repository_crumbs((_("Practices"), reverse("repository:practice_list"))),
        cancel=reverse("repository:practice_list"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def practice_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Let the submitter change a draft or returned practice; refuse a stale version."""
    practice = selectors.practice_get_for_edit(practice_id=pk, user=request.user)
    initial = PracticeForm.initial_for(practice)
    form = (
        PracticeForm(request.POST, initial=initial)
        if request.method == "POST"
        else PracticeForm(initial=initial)
    )
    detail = reverse("repository:practice_detail", args=[pk])
    return save_form(
        request,
        form=form,
        save=lambda f: services.practice_update(
            practice=practice,
            by=request.user,
            expected_version=f.cleaned_data["version"],
            **f.fields_for_service(),
        ),
        done=_("Practice saved."),
        title=_("Edit the practice"),
        crumbs=repository_crumbs(
            (_("Practices"), reverse("repository:practice_list")), (practice.title, detail)
        ),
        cancel=detail,
    )

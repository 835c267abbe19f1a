"""Funding pages: funds, a fund's capitalisation as at a date, joint programmes, the secretariat's forms.
HTTP only: visibility and rules live in the selectors and services."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from rcphub.core.dates import parse_query_date, today
from rcphub.core.errors import ConflictError, NotFound
from rcphub.core.forms import add_service_error
from rcphub.core.views import bad_query, form_page
from rcphub.funding.charts import capitalisation_svg
from rcphub.funding.forms import ContributionForm, FundForm, JointProgrammeForm, TransitionForm
from rcphub.funding.models import Fund, JointProgramme, JointProgrammeState
from rcphub.funding.permissions import can_manage_fund, can_manage_funds
from rcphub.funding.selectors import (
    ZERO,
    fund_capitalisation,
    fund_change_history,
    fund_get,
    fund_get_for_manage,
    fund_list,
    joint_programme_change_history,
    joint_programme_get,
    joint_programme_get_for_manage,
    jp_state_as_at,
    percent_of,
)
from rcphub.funding.services import (
    contribution_create,
    fund_create,
    fund_update,
    joint_programme_create,
    joint_programme_transition,
    joint_programme_update,
)


def _crumbs(fund: Fund | None = None) -> list[tuple[str, str]]:
    crumbs = [(_("Funds"), reverse("funding:fund_list"))]
    if fund is not None:
        crumbs.append((fund.name, reverse("funding:fund_detail", args=[fund.pk])))
    return crumbs


def _form_context(crumbs: list[tuple[str, str]]) -> dict[str, Any]:
    return {"crumbs": crumbs, "cancel": crumbs[-1][1]}


def _as_at(request: HttpRequest) -> date:
    """Return the `as_at` date of the query string, today by default; raise ValidationError naming it."""
    return parse_query_date(request.GET.get("as_at"), field="as_at", default=today()) or today()


@require_GET
def fund_list_view(request: HttpRequest) -> HttpResponse:
    """List the funds the user may see, with what each has mobilised against its target as at a date."""
    try:
        as_at = _as_at(request)
    except ValidationError as error:
        return bad_query(request, error, back=reverse("funding:fund_list"))
    funds = list(fund_list(user=request.user, as_at=as_at))
    for fund in funds:
        fund.percent = percent_of(fund.pledged_total or ZERO, fund.target_amount)  # type: ignore[attr-defined]
    return render(
        request,
        "funding/fund_list.html",
        {"funds": funds, "as_at": as_at, "today": today(), "can_create": can_manage_funds(user=request.user)},
    )


@require_GET
def fund_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the fund's capitalisation as at a date: mobilised against target, contributors, joint programmes."""
    fund = fund_get(fund_id=pk, user=request.user)
    try:
        as_at = _as_at(request)
    except ValidationError as error:
        return bad_query(request, error, back=reverse("funding:fund_detail", args=[pk]))
    capitalisation = fund_capitalisation(fund=fund, as_at=as_at)
    programmes = list(
        fund.joint_programmes.filter(submitted_on__lte=as_at)
        .annotate(state_as_at=jp_state_as_at(as_at))
        .select_related("thematic_area")
        .prefetch_related("countries")
        .order_by("thematic_area__position", "thematic_area_id", "title", "id")
    )
    return render(
        request,
        "funding/fund_detail.html",
        {
            "fund": fund,
            "cap": capitalisation,
            "as_at": as_at,
            "today": today(),
            "chart": capitalisation_svg(capitalisation),
            "programmes": programmes,
            "programme_totals": capitalisation.programme_totals(),
            "states": JointProgrammeState.choices,
            "can_manage": can_manage_fund(user=request.user, fund=fund),
            "history": fund_change_history(fund=fund),
            "show_people": can_manage_fund(user=request.user, fund=fund),
            "crumbs": _crumbs(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def fund_create_view(request: HttpRequest) -> HttpResponse:
    """Let the platform secretariat open a fund."""
    if not can_manage_funds(user=request.user):
        raise NotFound
    form = FundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        fields.pop("version", None)
        try:
            fund = fund_create(by=request.user, **fields)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Fund opened."))
            return redirect("funding:fund_detail", pk=fund.pk)
    return form_page(request, form=form, title=_("New fund"), context=_form_context(_crumbs()))


@login_required
@require_http_methods(["GET", "POST"])
def fund_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Let the platform secretariat change a fund; a concurrent change is refused with a message."""
    fund = fund_get_for_manage(fund_id=pk, user=request.user)
    initial = {
        name: getattr(fund, name)
        for name in (
            "name",
            "acronym",
            "description",
            "target_amount",
            "currency",
            "target_date",
            "visibility",
        )
    }
    initial.update(managed_by=fund.managed_by_id, version=fund.version)
    form = FundForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        version = fields.pop("version")
        try:
            fund_update(fund=fund, by=request.user, expected_version=version, **fields)
        except ConflictError as error:
            form.add_error(None, error)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Fund saved."))
            return redirect("funding:fund_detail", pk=fund.pk)
    return form_page(request, form=form, title=_("Edit the fund"), context=_form_context(_crumbs(fund)))


@login_required
@require_http_methods(["GET", "POST"])
def contribution_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Let the platform secretariat record a pledge or a deposit."""
    fund = fund_get_for_manage(fund_id=pk, user=request.user)
    form = ContributionForm(request.POST or None, currency=fund.currency)
    if request.method == "POST" and form.is_valid():
        try:
            contribution_create(fund=fund, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Contribution recorded."))
            return redirect(f"{reverse('funding:fund_detail', args=[fund.pk])}#contributors")
    return form_page(
        request, form=form, title=_("Record a contribution"), context=_form_context(_crumbs(fund))
    )


@login_required
@require_http_methods(["GET", "POST"])
def joint_programme_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Let the platform secretariat add a joint programme to the fund's pipeline."""
    fund = fund_get_for_manage(fund_id=pk, user=request.user)
    form = JointProgrammeForm(request.POST or None, fund=fund, initial={"currency": fund.currency})
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        fields.pop("version", None)
        try:
            joint_programme = joint_programme_create(fund=fund, by=request.user, **fields)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Joint programme added to the pipeline."))
            return redirect("funding:joint_programme_detail", pk=joint_programme.pk)
    return form_page(request, form=form, title=_("New joint programme"), context=_form_context(_crumbs(fund)))


def _programme_crumbs(joint_programme: JointProgramme) -> list[tuple[str, str]]:
    return [
        *_crumbs(joint_programme.fund),
        (joint_programme.title, reverse("funding:joint_programme_detail", args=[joint_programme.pk])),
    ]


@require_GET
def joint_programme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a joint programme, its state and dates, and its change history."""
    joint_programme = joint_programme_get(joint_programme_id=pk, user=request.user)
    can_manage = can_manage_fund(user=request.user, fund=joint_programme.fund)
    return render(
        request,
        "funding/joint_programme_detail.html",
        {
            "programme": joint_programme,
            "can_manage": can_manage,
            "can_transition": can_manage and joint_programme.state != JointProgrammeState.CLOSED,
            "history": joint_programme_change_history(joint_programme=joint_programme),
            "show_people": can_manage,
            "crumbs": _crumbs(joint_programme.fund),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def joint_programme_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Let the platform secretariat change a joint programme; a concurrent change is refused with a message."""
    joint_programme = joint_programme_get_for_manage(joint_programme_id=pk, user=request.user)
    form = JointProgrammeForm.for_programme(request.POST or None, joint_programme)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        version = fields.pop("version")
        if fields.get("submitted_on") is None:
            fields["submitted_on"] = joint_programme.submitted_on
        try:
            joint_programme_update(
                joint_programme=joint_programme, by=request.user, expected_version=version, **fields
            )
        except ConflictError as error:
            form.add_error(None, error)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Joint programme saved."))
            return redirect("funding:joint_programme_detail", pk=joint_programme.pk)
    return form_page(
        request,
        form=form,
        title=_("Edit the joint programme"),
        context=_form_context(_programme_crumbs(joint_programme)),
    )


@login_required
@require_http_methods(["GET", "POST"])
def joint_programme_transition_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Let the platform secretariat move a joint programme on: funded, or closed."""
    joint_programme = joint_programme_get_for_manage(joint_programme_id=pk, user=request.user)
    form = TransitionForm(request.POST or None, joint_programme=joint_programme)
    if request.method == "POST" and form.is_valid():
        try:
            joint_programme_transition(
                joint_programme=joint_programme,
                state=form.cleaned_data["state"],
                on=form.cleaned_data["on"],
                by=request.user,
                expected_version=form.cleaned_data["version"],
            )
        except ConflictError as error:
            form.add_error(None, error)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("State changed."))
            return redirect("funding:joint_programme_detail", pk=joint_programme.pk)
    return form_page(
        request,
        form=form,
        title=_("Change the state of the joint programme"),
        context=_form_context(_programme_crumbs(joint_programme)),
    )

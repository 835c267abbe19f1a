"""Support pages: requests (list, new, detail with the decisions as forms, rating), turnaround, the
expertise roster. HTTP only."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rcphub.accounts.models import Role
from rcphub.accounts.permissions import coalition_ids_with_role, is_platform_secretariat
from rcphub.coalitions.models import Coalition
from rcphub.coalitions.permissions import coalition_visibility_q
from rcphub.core.dates import parse_query_date, today
from rcphub.core.errors import ConflictError, NotFound
from rcphub.core.forms import add_service_error
from rcphub.core.views import bad_query, form_page, query_without_page
from rcphub.reference.models import Country
from rcphub.support.forms import DecisionForm, RatingForm, RouteForm, SupportRequestForm
from rcphub.support.models import REQUEST_TRANSITIONS, RequestState, SupportKind, SupportRequest
from rcphub.support.permissions import (
    can_decide_request,
    can_rate_request,
    can_route_request,
    can_submit_request,
    can_view_roster,
    must_leave_decision_to_another,
)
from rcphub.support.selectors import (
    ExpertFilters,
    RequestFilters,
    current_work_plan,
    expert_change_history,
    expert_filters_check,
    expert_get,
    expert_list,
    request_filters_check,
    support_request_change_history,
    support_request_get,
    support_request_get_for_decision,
    support_request_get_for_rating,
    support_request_list,
    support_turnaround,
)
from rcphub.support.services import (
    support_request_rate,
    support_request_route,
    support_request_submit,
    support_request_transition,
)
from rcphub.workplans.models import Activity
from rcphub.workplans.permissions import can_view_activity

# The label of the button for each step, as the secretariat says it.
STEP_LABELS: dict[str, Any] = {
    RequestState.UNDER_REVIEW: gettext_lazy("Take under review"),
    RequestState.ACCEPTED: gettext_lazy("Accept"),
    RequestState.DECLINED: gettext_lazy("Decline"),
    RequestState.IN_PROGRESS: gettext_lazy("Start the work"),
    RequestState.DELIVERED: gettext_lazy("Mark as delivered"),
}


# Requests and experts a list page shows at once.
PAGE_SIZE = 50


def _crumbs(*more: tuple[str, str]) -> list[tuple[str, str]]:
    return [(_("Support requests"), reverse("support:requests")), *more]


def _request_crumbs(support_request: SupportRequest) -> list[tuple[str, str]]:
    return _crumbs((support_request.title, reverse("support:request", args=[support_request.pk])))


# ---------------------------------------------------------------------------------------------
# Requests


@login_required
@require_GET
def request_list_view(request: HttpRequest) -> HttpResponse:
    """List the requests the user may see, by scope, state, coalition, country and kind."""
    get = request.GET
    filters = RequestFilters(
        scope=get.get("scope", "").strip() or None,
        state=get.get("state", "").strip() or None,
        coalition=get.get("coalition", "").strip()[:100] or None,
        country=get.get("country", "").strip()[:3] or None,
        kind=get.get("kind", "").strip() or None,
    )
    try:
        request_filters_check(filters=filters, user=request.user)
    except ValidationError as error:
        return bad_query(request, error, back=reverse("support:requests"))
    page = Paginator(support_request_list(user=request.user, filters=filters), PAGE_SIZE).get_page(
        get.get("page")
    )
    is_platform = is_platform_secretariat(request.user)
    scopes = [("mine", _("My requests"))]
    if is_platform or coalition_ids_with_role(request.user, Role.COALITION_SECRETARIAT):
        scopes.append(("coalition", _("For my coalitions")))
    if is_platform:
        scopes.append(("all", _("All")))
    return render(
        request,
        "support/request_list.html",
        {
            "requests": page.object_list,
            "page": page,
            "query": query_without_page(request),
            "filters": filters,
            "scopes": scopes,
            "states": RequestState.choices,
            "kinds": SupportKind.choices,
            "coalitions": Coalition.objects.filter(coalition_visibility_q(request.user)).order_by("name"),
            "countries": Country.objects.filter(programme_country=True).order_by("name_en"),
            "can_submit": can_submit_request(user=request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_create_view(request: HttpRequest) -> HttpResponse:
    """Let a Resident Coordinator's office (any member) ask a coalition for support."""
    if not can_submit_request(user=request.user):
        raise NotFound
    coalitions = Coalition.objects.filter(coalition_visibility_q(request.user)).order_by("name")
    form = SupportRequestForm(request.POST or None, coalitions=coalitions)
    if request.method == "POST" and form.is_valid():
        try:
            support_request = support_request_submit(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Request submitted. You can follow it here."))
            return redirect("support:request", pk=support_request.pk)
    return form_page(
        request,
        form=form,
        title=_("Ask for support"),
        context={"crumbs": _crumbs(), "cancel": reverse("support:requests")},
    )


def _link_choices(support_request: SupportRequest) -> Any:
    """Return the activities of the coalition's current work plan that an acceptance may link."""
    if support_request.coalition is None or support_request.state != RequestState.UNDER_REVIEW:
        return Activity.objects.none()
    work_plan = current_work_plan(coalition=support_request.coalition, on=today())
    if work_plan is None:
        return Activity.objects.none()
    return Activity.objects.filter(output__result__work_plan=work_plan).order_by(
        "output__result__order", "output__order", "order", "id"
    )


def _detail(
    request: HttpRequest,
    support_request: SupportRequest,
    *,
    forms: dict[str, DecisionForm] | None = None,
    route_form: RouteForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    steps: list[tuple[str, str, DecisionForm]] = []
    own_request = False
    if can_decide_request(user=user, support_request=support_request):
        activities = _link_choices(support_request)
        for to_state in sorted(REQUEST_TRANSITIONS.get(support_request.state, frozenset())):
            if must_leave_decision_to_another(user=user, support_request=support_request, to_state=to_state):
                own_request = True
                continue
            form = (forms or {}).get(to_state) or DecisionForm(
                initial={"to_state": to_state, "version": support_request.version},
                activities=activities,
            )
            steps.append((to_state, str(STEP_LABELS[to_state]), form))
    activity = support_request.activity
    routable = can_route_request(user=user, support_request=support_request)
    if routable and route_form is None:
        route_form = RouteForm(
            initial={"coalition": support_request.coalition_id, "version": support_request.version},
            coalitions=Coalition.objects.order_by("name"),
        )
    activity_visible = activity is not None and can_view_activity(
        user=user, activity=activity, work_plan=activity.output.result.work_plan
    )
    return render(
        request,
        "support/request_detail.html",
        {
            "support_request": support_request,
            "steps": steps,
            "own_request": own_request,
            "route_form": route_form if routable else None,
            "can_rate": can_rate_request(user=user, support_request=support_request),
            "activity_visible": activity_visible,
            "history": support_request_change_history(
                support_request=support_request, show_activity=activity is None or activity_visible
            ),
            "show_people": True,
            "crumbs": _crumbs(),
        },
        status=status,
    )


@login_required
@require_GET
def request_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the request, its decisions and dates, the activity that answers it and its history."""
    support_request = support_request_get(request_id=pk, user=request.user)
    return _detail(request, support_request)


@login_required
@require_POST
def request_transition_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Take a step on the request (review, accept, decline, start, deliver)."""
    support_request = support_request_get_for_decision(request_id=pk, user=request.user)
    form = DecisionForm(request.POST, activities=_link_choices(support_request))
    if form.is_valid():
        to_state = form.cleaned_data["to_state"]
        try:
            support_request_transition(
                support_request=support_request,
                to_state=to_state,
                reason=form.cleaned_data["reason"],
                on=form.cleaned_data["on"],
                activity=form.cleaned_data["activity"],
                visibility=form.visibility,
                expected_version=form.cleaned_data["version"],
                by=request.user,
            )
        except ConflictError as error:
            form.add_error(None, error)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("The request is now “%(state)s”.") % {"state": support_request.get_state_display()},
            )
            return redirect("support:request", pk=pk)
    support_request = support_request_get(request_id=pk, user=request.user)
    to_state = request.POST.get("to_state", "")
    return _detail(request, support_request, forms={to_state: form}, status=400)


@login_required
@require_POST
def request_route_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the request to a coalition (the platform secretariat)."""
    support_request = support_request_get_for_decision(request_id=pk, user=request.user)
    if not can_route_request(user=request.user, support_request=support_request):
        raise NotFound
    form = RouteForm(request.POST, coalitions=Coalition.objects.order_by("name"))
    if form.is_valid():
        try:
            support_request_route(
                support_request=support_request,
                coalition=form.cleaned_data["coalition"],
                expected_version=form.cleaned_data["version"],
                by=request.user,
            )
        except ConflictError as error:
            form.add_error(None, error)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The request was sent to the coalition."))
            return redirect("support:request", pk=pk)
    support_request = support_request_get(request_id=pk, user=request.user)
    return _detail(request, support_request, route_form=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def request_rate_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Let the requester rate the support once it was delivered."""
    support_request = support_request_get_for_rating(request_id=pk, user=request.user)
    form = RatingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            support_request_rate(
                support_request=support_request,
                rating=form.cleaned_data["rating"],
                comment=form.cleaned_data["comment"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Thank you: your rating was recorded."))
            return redirect("support:request", pk=pk)
    return form_page(
        request,
        form=form,
        title=_("Rate the support"),
        context={
            "crumbs": _request_crumbs(support_request),
            "cancel": reverse("support:request", args=[pk]),
        },
    )


# ---------------------------------------------------------------------------------------------
# Turnaround


def _period(request: HttpRequest) -> tuple[date, date]:
    until = parse_query_date(request.GET.get("until"), field="until", default=today()) or today()
    default_since = until.replace(month=1, day=1)
    since = parse_query_date(request.GET.get("since"), field="since", default=default_since) or default_since
    return since, until


@login_required
@require_GET
def turnaround_view(request: HttpRequest) -> HttpResponse:
    """Show, per coalition, the days to decision and to delivery in a period (this year by default)."""
    try:
        since, until = _period(request)
        slug = request.GET.get("coalition", "").strip()[:100] or None
        if slug:
            request_filters_check(filters=RequestFilters(coalition=slug), user=request.user)
        turnaround = support_turnaround(user=request.user, since=since, until=until, coalition_slug=slug)
    except ValidationError as error:
        return bad_query(request, error, back=reverse("support:turnaround"))
    return render(
        request,
        "support/turnaround.html",
        {
            "turnaround": turnaround,
            "coalition": slug or "",
            "coalitions": Coalition.objects.filter(coalition_visibility_q(request.user)).order_by("name"),
            "crumbs": _crumbs(),
        },
    )


# ---------------------------------------------------------------------------------------------
# Expertise roster


def _int_or_none(value: str, *, field: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not value.isdigit() or len(value) > 3:
        raise ValidationError({field: _("“%(value)s” is not a number.") % {"value": value[:20]}})
    return int(value)


@login_required
@require_GET
def expert_list_view(request: HttpRequest) -> HttpResponse:
    """Search the expertise roster by words, theme, SDG target, GCM objective, country and language."""
    if not can_view_roster(user=request.user):
        raise NotFound
    get = request.GET
    errors: dict[str, Any] = {}
    try:
        gcm_objective = _int_or_none(get.get("gcm_objective", ""), field="gcm_objective")
    except ValidationError as error:
        errors.update(error.message_dict)
        gcm_objective = None
    filters = ExpertFilters(
        q=get.get("q", "").strip()[:200] or None,
        theme=get.get("theme", "").strip()[:100] or None,
        sdg_target=get.get("sdg_target", "").strip()[:6] or None,
        gcm_objective=gcm_objective,
        country=get.get("country", "").strip()[:3] or None,
        language=get.get("language", "").strip()[:3] or None,
    )
    try:
        expert_filters_check(filters=filters)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        return bad_query(request, ValidationError(errors), back=reverse("support:experts"))
    page = Paginator(expert_list(user=request.user, filters=filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "support/expert_list.html",
        {
            "experts": page.object_list,
            "page": page,
            "query": query_without_page(request),
            "filters": filters,
            "countries": Country.objects.filter(programme_country=True).order_by("name_en"),
            "languages": [("en", _("English")), ("fr", _("French")), ("ru", _("Russian"))],
            "crumbs": [],
        },
    )


@login_required
@require_GET
def expert_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Show an expert's entry on the roster and its change history."""
    expert = expert_get(expert_id=pk, user=request.user)
    return render(
        request,
        "support/expert_detail.html",
        {
            "expert": expert,
            "history": expert_change_history(expert=expert),
            "show_people": True,
            "crumbs": [(_("Expertise roster"), reverse("support:experts"))],
        },
    )

"""Work-plan pages: the tree as at a date, activities, forms, what changed, exports. HTTP only."""

from __future__ import annotations

import io
import itertools
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rcphub.audit.services import record_export
from rcphub.coalitions.permissions import can_view_coalition, has_internal_access
from rcphub.coalitions.selectors import coalition_get_for_edit
from rcphub.core.dates import parse_query_date, query_period, today
from rcphub.core.errors import NotFound
from rcphub.core.forms import add_service_error
from rcphub.core.models import ProgressStatus
from rcphub.core.views import bad_query, form_page, is_htmx, posted_view_as_at
from rcphub.workplans import exports
from rcphub.workplans.forms import (
    ActivityEditForm,
    ActivityForm,
    EndorseForm,
    OutputEditForm,
    OutputForm,
    ReportingRoundForm,
    ResultEditForm,
    ResultForm,
    StatusReportForm,
    WorkPlanEditForm,
    WorkPlanForm,
)
from rcphub.workplans.models import WORKPLAN_TRANSITIONS, Activity, WorkPlan, WorkPlanState
from rcphub.workplans.permissions import (
    can_edit_activity,
    can_manage_workplan,
    can_record_status,
    can_transition_workplan,
)
from rcphub.workplans.selectors import (
    activity_change_history,
    activity_get,
    activity_get_for_edit,
    activity_get_for_status,
    activity_status_history,
    output_get_for_manage,
    result_get_for_manage,
    workplan_activity_node,
    workplan_changes,
    workplan_get,
    workplan_get_for_manage,
    workplan_tree,
)
from rcphub.workplans.selectors.tree import WorkPlanTree
from rcphub.workplans.services import (
    activity_create,
    activity_update,
    output_save,
    reporting_round_create,
    result_save,
    status_report_record,
    workplan_create,
    workplan_transition,
    workplan_update,
)
from rcphub.workplans.treecache import CachedTree, cached_tree, keep_tree, visitor_tree_key

# The button that moves a work plan from one state to another, as the secretariat says it.
TRANSITION_LABELS: dict[tuple[str, str], Any] = {
    (WorkPlanState.DRAFT, WorkPlanState.ENDORSED): gettext_lazy("Endorse"),
    (WorkPlanState.ENDORSED, WorkPlanState.DRAFT): gettext_lazy("Return to draft"),
    (WorkPlanState.ENDORSED, WorkPlanState.CLOSED): gettext_lazy("Close"),
    (WorkPlanState.CLOSED, WorkPlanState.ENDORSED): gettext_lazy("Re-open"),
}
STATE_ORDER = [WorkPlanState.DRAFT, WorkPlanState.ENDORSED, WorkPlanState.CLOSED]


def _workplan_crumbs(work_plan: WorkPlan) -> list[tuple[str, str]]:
    return [
        (str(work_plan.coalition), reverse("coalitions:detail", args=[work_plan.coalition.slug])),
        (work_plan.title, reverse("workplans:detail", args=[work_plan.pk])),
    ]


def _transitions(user: Any, work_plan: WorkPlan) -> list[tuple[str, str]]:
    """Return (state, button label) for each state the user may move the work plan to."""
    allowed = WORKPLAN_TRANSITIONS.get(work_plan.state, frozenset())
    return [
        (state, str(TRANSITION_LABELS.get((work_plan.state, state), state)))
        for state in STATE_ORDER
        if state in allowed and can_transition_workplan(user=user, work_plan=work_plan, to_state=state)
    ]


# ---------------------------------------------------------------------------------------------
# Work plans


@login_required
@require_http_methods(["GET", "POST"])
def workplan_create_view(request: HttpRequest, slug: str) -> HttpResponse:
    """Let the coalition secretariat start a draft work plan."""
    coalition = coalition_get_for_edit(slug=slug, user=request.user)
    form = WorkPlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            work_plan = workplan_create(coalition=coalition, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request, _("Work plan created as a draft. Add its results, outputs and activities.")
            )
            return redirect("workplans:detail", pk=work_plan.pk)
    crumbs = [(str(coalition), reverse("coalitions:detail", args=[coalition.slug]))]
    alternative = {
        "text": _("Already in a Word, PDF or Excel document?"),
        "label": _("Import the work plan instead"),
        "url": f"{reverse('importers:upload')}?{urlencode({'coalition': coalition.slug, 'kind': 'workplan'})}",
    }
    return form_page(
        request,
        form=form,
        title=_("New work plan"),
        context={"crumbs": crumbs, "alternative": alternative},
    )


@require_GET
def workplan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the work plan as the nested tree, with each activity's status as at the chosen date."""
    work_plan = workplan_get(work_plan_id=pk, user=request.user)
    try:
        as_at = parse_query_date(request.GET.get("as_at"), field="as_at", default=today()) or today()
    except ValidationError as error:
        return bad_query(request, error, back=reverse("workplans:detail", args=[pk]))
    # A visitor's tree is the same for all visitors: rendered once per date, language and data version.
    key = visitor_tree_key(work_plan_id=work_plan.pk, as_at=as_at, user=request.user)
    tree: WorkPlanTree | CachedTree | None = cached_tree(key)
    tree_html = tree.html if isinstance(tree, CachedTree) else ""
    if tree is None:
        tree = workplan_tree(work_plan=work_plan, user=request.user, as_at=as_at)
    context = {
        "work_plan": work_plan,
        "tree": tree,
        "as_at": as_at,
        "statuses": ProgressStatus.choices,
    }
    if key and not tree_html:
        tree_html = render_to_string("workplans/_tree.html", context, request=request)
        keep_tree(
            key,
            CachedTree(
                html=tree_html,
                activity_count=tree.activity_count,
                status_counts=tree.status_counts,
                rounds=tree.rounds,
            ),
        )
    labels = [*ProgressStatus.choices, ("none", _("No report yet"))]
    counts = [(value, label, tree.status_counts.get(value, 0)) for value, label in labels]
    return render(
        request,
        "workplans/workplan_detail.html",
        {
            **context,
            "tree_html": mark_safe(tree_html),  # rendered from the same template, escaped there
            "today": today(),
            "counts": [row for row in counts if row[2]],
            "rounds": tree.rounds,
            "transitions": _transitions(request.user, work_plan),
            "crumbs": _workplan_crumbs(work_plan)[:1],
        },
    )


@login_required
@require_POST
def workplan_transition_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Move the work plan to the state posted in `to_state`, if the rules and the user's role allow it."""
    work_plan = workplan_get(work_plan_id=pk, user=request.user)
    to_state = request.POST.get("to_state", "")
    if not any(
        can_transition_workplan(user=request.user, work_plan=work_plan, to_state=state)
        for state in WORKPLAN_TRANSITIONS.get(work_plan.state, frozenset())
    ):
        raise NotFound
    on = None
    if to_state == WorkPlanState.ENDORSED and work_plan.state == WorkPlanState.DRAFT:
        endorse = EndorseForm(request.POST)
        if not endorse.is_valid():
            messages.error(
                request,
                " ".join(
                    f"{endorse.fields[name].label}: {' '.join(str(e) for e in errors)}"
                    for name, errors in endorse.errors.items()
                ),
            )
            return redirect("workplans:detail", pk=work_plan.pk)
        on = endorse.cleaned_data["endorsed_on"]
    try:
        workplan_transition(work_plan=work_plan, to_state=to_state, by=request.user, on=on)
    except PermissionDenied:
        messages.error(request, _("You may not make this change to the work plan."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("The work plan is now “%(state)s”.") % {"state": work_plan.get_state_display()}
        )
    return redirect("workplans:detail", pk=work_plan.pk)


@login_required
@require_http_methods(["GET", "POST"])
def workplan_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Let those who manage the work plan change its title, period, notes and endorsement date."""
    work_plan = workplan_get_for_manage(work_plan_id=pk, user=request.user)
    form = WorkPlanEditForm(request.POST or None, work_plan=work_plan)
    if request.method == "POST" and form.is_valid():
        try:
            workplan_update(
                work_plan=work_plan,
                by=request.user,
                expected_version=form.cleaned_data["version"],
                **form.workplan_fields(),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Work plan saved."))
            return redirect("workplans:detail", pk=work_plan.pk)
    return form_page(
        request,
        form=form,
        title=_("Edit the work plan"),
        context={
            "crumbs": _workplan_crumbs(work_plan),
            "cancel": reverse("workplans:detail", args=[work_plan.pk]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def round_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Let those who manage the work plan open a dated reporting round."""
    work_plan = workplan_get_for_manage(work_plan_id=pk, user=request.user)
    form = ReportingRoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            round_ = reporting_round_create(work_plan=work_plan, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Reporting round “%(title)s” opened.") % {"title": round_.title})
            return redirect(
                f"{reverse('workplans:detail', args=[work_plan.pk])}?as_at={round_.as_at.isoformat()}"
            )
    return form_page(
        request, form=form, title=_("New reporting round"), context={"crumbs": _workplan_crumbs(work_plan)}
    )


@login_required
@require_http_methods(["GET", "POST"])
def result_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Let those who manage the work plan add a result."""
    work_plan = workplan_get_for_manage(work_plan_id=pk, user=request.user)
    form = ResultForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = result_save(work_plan=work_plan, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Result %(code)s added.") % {"code": result.code})
            return redirect(f"{reverse('workplans:detail', args=[work_plan.pk])}#result-{result.pk}")
    return form_page(
        request, form=form, title=_("New result"), context={"crumbs": _workplan_crumbs(work_plan)}
    )


@login_required
@require_http_methods(["GET", "POST"])
def output_create_view(request: HttpRequest, result_pk: int) -> HttpResponse:
    """Let those who manage the work plan add an output under a result."""
    result = result_get_for_manage(result_id=result_pk, user=request.user)
    form = OutputForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            output = output_save(result=result, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Output %(code)s added.") % {"code": output.code})
            return redirect(f"{reverse('workplans:detail', args=[result.work_plan_id])}#output-{output.pk}")
    crumbs = [*_workplan_crumbs(result.work_plan), (f"{result.code}. {result.title}", "")]
    return form_page(request, form=form, title=_("New output"), context={"crumbs": crumbs})


@login_required
@require_http_methods(["GET", "POST"])
def result_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Let those who manage the work plan change a result; refuse a stale version."""
    result = result_get_for_manage(result_id=pk, user=request.user)
    form = ResultEditForm(request.POST or None, initial=ResultEditForm.initial_for(result))
    if request.method == "POST" and form.is_valid():
        try:
            result_save(work_plan=result.work_plan, result=result, by=request.user, **form.part_fields())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Result %(code)s saved.") % {"code": result.code})
            return redirect(f"{reverse('workplans:detail', args=[result.work_plan_id])}#result-{result.pk}")
    return form_page(
        request,
        form=form,
        title=_("Edit result %(code)s") % {"code": result.code},
        context={"crumbs": _workplan_crumbs(result.work_plan)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def output_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Let those who manage the work plan change an output; refuse a stale version."""
    output = output_get_for_manage(output_id=pk, user=request.user)
    form = OutputEditForm(request.POST or None, initial=OutputEditForm.initial_for(output))
    if request.method == "POST" and form.is_valid():
        try:
            output_save(result=output.result, output=output, by=request.user, **form.part_fields())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Output %(code)s saved.") % {"code": output.code})
            return redirect(
                f"{reverse('workplans:detail', args=[output.result.work_plan_id])}#output-{output.pk}"
            )
    crumbs = [
        *_workplan_crumbs(output.result.work_plan),
        (f"{output.result.code}. {output.result.title}", ""),
    ]
    return form_page(
        request,
        form=form,
        title=_("Edit output %(code)s") % {"code": output.code},
        context={"crumbs": crumbs},
    )


# ---------------------------------------------------------------------------------------------
# Activities


@login_required
@require_http_methods(["GET", "POST"])
def activity_create_view(request: HttpRequest, output_pk: int) -> HttpResponse:
    """Let those who manage the work plan add an activity under an output."""
    output = output_get_for_manage(output_id=output_pk, user=request.user)
    form = ActivityForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            activity = activity_create(output=output, by=request.user, **form.activity_fields())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Activity %(code)s added.") % {"code": activity.code})
            return redirect("workplans:activity", pk=activity.pk)
    work_plan = output.result.work_plan
    crumbs = [
        *_workplan_crumbs(work_plan),
        (f"{output.result.code}. {output.result.title}", ""),
        (f"{output.code} {output.title}", ""),
    ]
    return form_page(request, form=form, title=_("New activity"), context={"crumbs": crumbs})


def _activity_crumbs(activity: Activity) -> list[tuple[str, str]]:
    output = activity.output
    work_plan = output.result.work_plan
    return [
        *_workplan_crumbs(work_plan),
        (
            f"{output.result.code}. {output.result.title}",
            f"{reverse('workplans:detail', args=[work_plan.pk])}#result-{output.result_id}",
        ),
        (
            f"{output.code} {output.title}",
            f"{reverse('workplans:detail', args=[work_plan.pk])}#output-{output.pk}",
        ),
    ]


@require_GET
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the activity with every field, its status history and its change history."""
    activity = activity_get(activity_id=pk, user=request.user)
    work_plan = activity.output.result.work_plan
    reports = list(activity_status_history(activity=activity))
    status_form = None
    if can_record_status(user=request.user, activity=activity, work_plan=work_plan):
        status_form = StatusReportForm(work_plan=work_plan, auto_id="id_status_%s")
    return render(
        request,
        "workplans/activity_detail.html",
        {
            "activity": activity,
            "work_plan": work_plan,
            "current": next((report for report in reports if report.as_at <= today()), None),
            "today": today(),
            "can_edit": can_edit_activity(user=request.user, activity=activity, work_plan=work_plan),
            "crumbs": _activity_crumbs(activity),
            "reports": reports,
            "collaborating": [
                other
                for other in activity.collaborating_coalitions.all()
                if can_view_coalition(user=request.user, coalition=other)
            ],
            "history": activity_change_history(activity=activity, user=request.user),
            # Names of authors and editors are for the coalition's members, not for visitors.
            "show_people": has_internal_access(user=request.user, coalition_id=work_plan.coalition_id),
            "status_form": status_form,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Let the secretariat or a lead entity's focal point edit the activity; refuse a stale version."""
    activity = activity_get_for_edit(activity_id=pk, user=request.user)
    manage = can_manage_workplan(user=request.user, work_plan=activity.output.result.work_plan)
    initial = ActivityEditForm.initial_for(activity)
    if request.method == "POST":
        form = ActivityEditForm(request.POST, initial=initial, user=request.user, manage=manage)
        if form.is_valid():
            try:
                activity_update(
                    activity=activity,
                    by=request.user,
                    expected_version=form.cleaned_data["version"],
                    **form.activity_fields(),
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Activity %(code)s saved.") % {"code": activity.code})
                return redirect("workplans:activity", pk=activity.pk)
    else:
        form = ActivityEditForm(initial=initial, user=request.user, manage=manage)
    crumbs = [*_activity_crumbs(activity), (str(activity), reverse("workplans:activity", args=[activity.pk]))]
    return form_page(
        request,
        form=form,
        title=_("Edit activity %(code)s") % {"code": activity.code},
        context={"crumbs": crumbs, "cancel": reverse("workplans:activity", args=[activity.pk])},
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_status_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the activity's status as at a date; with HTMX, answer the updated row of the tree."""
    activity = activity_get_for_status(activity_id=pk, user=request.user)
    work_plan = activity.output.result.work_plan
    htmx = is_htmx(request)
    # The date the page that posted the form shows, so that the row comes back as at the same date.
    view_as_at = posted_view_as_at(request)
    if request.method == "POST":
        form = StatusReportForm(request.POST, work_plan=work_plan)
        if form.is_valid():
            try:
                report = status_report_record(activity=activity, by=request.user, **form.report_fields())
            except ValidationError as error:
                add_service_error(form, error)
            else:
                done = _("Status of activity %(code)s recorded: %(status)s as at %(date)s.") % {
                    "code": activity.code,
                    "status": report.get_status_display(),
                    "date": formats.date_format(report.as_at),
                }
                if htmx:
                    return _activity_row(
                        request, activity_id=activity.pk, as_at=view_as_at or today(), notice=done
                    )
                messages.success(request, done)
                url = reverse("workplans:detail", args=[work_plan.pk])
                return redirect(f"{url}?as_at={report.as_at.isoformat()}#activity-{activity.pk}")
        if htmx:
            return _activity_row(request, activity_id=activity.pk, as_at=view_as_at or today(), form=form)
    else:
        form = StatusReportForm(work_plan=work_plan)
    crumbs = [*_activity_crumbs(activity), (str(activity), reverse("workplans:activity", args=[activity.pk]))]
    return form_page(
        request,
        form=form,
        title=_("Record the status of activity %(code)s") % {"code": activity.code},
        context={"crumbs": crumbs, "cancel": reverse("workplans:activity", args=[activity.pk])},
    )


def _activity_row(
    request: HttpRequest, *, activity_id: int, as_at: date, notice: str = "", form: Any = None
) -> HttpResponse:
    """Answer the activity's row of the tree, as at `as_at`, for HTMX to swap in."""
    node = workplan_activity_node(activity_id=activity_id, user=request.user, as_at=as_at)
    work_plan = node.activity.output.result.work_plan
    return render(
        request,
        "workplans/_activity_row.html",
        {
            "node": node,
            "work_plan": work_plan,
            "as_at": as_at,
            "today": today(),
            "rounds": list(work_plan.rounds.order_by("as_at")),
            "statuses": ProgressStatus.choices,
            "notice": notice,
            "form": form,
        },
    )


# ---------------------------------------------------------------------------------------------
# What changed, exports


@require_GET
def workplan_changes_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Show what changed in the work plan between two dates: by default the last two rounds."""
    work_plan = workplan_get(work_plan_id=pk, user=request.user)
    rounds = list(work_plan.rounds.order_by("as_at"))
    try:
        since, until = query_period(request.GET, round_dates=[r.as_at for r in rounds])
    except ValidationError as error:
        return bad_query(request, error, back=reverse("workplans:changes", args=[pk]))
    changes = workplan_changes(work_plan=work_plan, user=request.user, since=since, until=until)
    return render(
        request,
        "workplans/changes.html",
        {
            "work_plan": work_plan,
            "changes": changes,
            "round_pairs": list(itertools.pairwise(rounds)),
            "crumbs": _workplan_crumbs(work_plan),
            "show_people": has_internal_access(user=request.user, coalition_id=work_plan.coalition_id),
        },
    )


@require_GET
def workplan_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponseBase:
    """Send the work plan as at a date as an XLSX or CSV file, with only what the reader may see."""
    if fmt not in exports.FORMATS:
        raise NotFound
    work_plan = workplan_get(work_plan_id=pk, user=request.user)
    try:
        as_at = parse_query_date(request.GET.get("as_at"), field="as_at", default=today()) or today()
    except ValidationError as error:
        return bad_query(request, error, back=reverse("workplans:detail", args=[pk]))
    tree = workplan_tree(work_plan=work_plan, user=request.user, as_at=as_at)
    filename = exports.export_filename(work_plan=work_plan, as_at=as_at, fmt=fmt)
    record_export(
        request,
        work_plan,
        what=filename,
        internal=has_internal_access(user=request.user, coalition_id=work_plan.coalition_id),
    )
    if fmt == "xlsx":
        content = exports.workplan_xlsx(tree, generated_at=timezone.now())
        return FileResponse(
            io.BytesIO(content), as_attachment=True, filename=filename, content_type=exports.XLSX_CONTENT_TYPE
        )
    response = StreamingHttpResponse(exports.workplan_csv(tree), content_type=exports.CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

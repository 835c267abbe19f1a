"""Repository pages: lists with facets, details, submission forms, own submissions, the review queue,
knowledge products. HTTP only: the reads are in selectors and filters, the writes in services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rcphub.accounts.models import Role
from rcphub.accounts.permissions import coalition_ids_with_role, is_platform_secretariat
from rcphub.coalitions.models import Coalition
from rcphub.core.errors import ConflictError, NotFound, TransitionError
from rcphub.core.history import change_history
from rcphub.core.views import bad_query, form_page, query_without_page
from rcphub.repository import selectors, services
from rcphub.repository.filters import FACETS, KNOWLEDGE, PLEDGES, PRACTICES, SORTS, repository_filter
from rcphub.repository.forms import (
    KnowledgeProductForm,
    PledgeForm,
    PledgeReportForm,
    PracticeForm,
    ReviewForm,
    add_service_error,
)
from rcphub.repository.models import KnowledgeProduct, Pledge, PledgeReport, Practice, SubmissionState
from rcphub.repository.permissions import (
    can_create_knowledge_product,
    can_edit_submission,
    can_manage_knowledge_product,
    can_submit,
    can_transition_submission,
    is_repository_secretariat,
)

PAGE_SIZE = 25

FACET_LABELS = {
    "objective": gettext_lazy("GCM objective"),
    "country": gettext_lazy("Country"),
    "implementer_type": gettext_lazy("Implementer type"),
    "scope": gettext_lazy("Scope"),
    "year": gettext_lazy("Year"),
    "stage": gettext_lazy("Stage"),
    "kind": gettext_lazy("Kind"),
    "pledger_type": gettext_lazy("Pledger"),
    "coalition": gettext_lazy("Coalition"),
}


def _crumbs(*more: tuple[str, str]) -> list[tuple[str, str]]:
    return [(_("Repository"), reverse("repository:index")), *more]


def _detail_url(kind: str, item: Any) -> str:
    if kind == "practice":
        return reverse("repository:practice_detail", args=[item.pk])
    if kind == "pledge":
        return reverse("repository:pledge_detail", args=[item.pk])
    return reverse("repository:pledge_detail", args=[item.pledge_id]) + f"#report-{item.pk}"


# ---------------------------------------------------------------------------------------------
# Index and lists


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """Show how many practices, pledges and products the reader may see, and where to go."""
    return render(
        request,
        "repository/index.html",
        {
            "counts": selectors.repository_counts(user=request.user),
            "can_submit": can_submit(request.user),
            "is_secretariat": is_repository_secretariat(request.user),
            "can_add_product": _product_coalitions(request.user).exists()
            or can_create_knowledge_product(user=request.user, coalition=None),
        },
    )


def _facet_list(
    request: HttpRequest, kind: str, *, template: str, title: str, extra: dict[str, Any]
) -> HttpResponse:
    try:
        filtered = repository_filter(kind, user=request.user, params=request.GET)
    except ValidationError as error:
        return bad_query(request, error, back=request.path)
    items = filtered.items
    if kind == PRACTICES:
        items = items.prefetch_related("gcm_objectives", "countries")
    elif kind == PLEDGES:
        items = items.select_related("pledger").prefetch_related("gcm_objectives", "countries")
    else:
        items = items.select_related("coalition")
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    facets = [(name, FACET_LABELS[name], filtered.facets[name]) for name in FACETS[kind]]
    return render(
        request,
        template,
        {
            "title": title,
            "page": page,
            "facets": facets,
            "sorts": SORTS[kind],
            "sort": filtered.selected.get("sort") or SORTS[kind][0][0],
            "q": filtered.selected.get("q") or "",
            "query": query_without_page(request),
            "filtered": any(
                value not in (None, "", []) for key, value in filtered.selected.items() if key != "sort"
            ),
            "crumbs": _crumbs(),
            **extra,
        },
    )


@require_GET
def practice_list(request: HttpRequest) -> HttpResponse:
    """List the practices the reader may see, with facets by objective, country, implementer, scope, year."""
    return _facet_list(
        request,
        PRACTICES,
        template="repository/practice_list.html",
        title=_("Practices"),
        extra={"can_submit": can_submit(request.user)},
    )


@require_GET
def pledge_list(request: HttpRequest) -> HttpResponse:
    """List the pledges the reader may see, with facets by objective, country, stage, kind, pledger, year."""
    return _facet_list(
        request,
        PLEDGES,
        template="repository/pledge_list.html",
        title=_("Pledges"),
        extra={"can_submit": can_submit(request.user)},
    )


@require_GET
def knowledge_list(request: HttpRequest) -> HttpResponse:
    """List the knowledge products the reader may see, with facets by kind, coalition and year."""
    return _facet_list(
        request,
        KNOWLEDGE,
        template="repository/knowledge_list.html",
        title=_("Knowledge products"),
        extra={"can_add": _product_coalitions(request.user).exists()},
    )


@require_GET
def country_records(request: HttpRequest) -> HttpResponse:
    """List the voluntary reports on the Global Compact and the champion countries."""
    return render(
        request,
        "repository/countries.html",
        {
            "reports": list(selectors.voluntary_report_list()),
            "champions": list(selectors.champion_country_list()),
            "crumbs": _crumbs(),
        },
    )


# ---------------------------------------------------------------------------------------------
# Details


def _history(item: Any, user: Any) -> dict[str, Any]:
    """Change history for the secretariat and the submitter; names for the secretariat only."""
    secretariat = is_repository_secretariat(user)
    mine = getattr(user, "is_authenticated", False) and item.submitter_id == user.pk
    if not (secretariat or mine):
        return {"show_history": False}
    # The reviewer and the submitter are people: their names are for the secretariat only.
    excluded = () if secretariat else ("reviewer", "submitter")
    return {
        "show_history": True,
        "history": change_history(item, excluded=excluded),
        "show_people": secretariat,
    }


def _actions(kind: str, item: Any, user: Any) -> dict[str, Any]:
    return {
        "kind": kind,
        "can_edit": can_edit_submission(user=user, item=item),
        "can_submit_it": can_transition_submission(user=user, item=item, to=SubmissionState.SUBMITTED),
        "can_review": can_transition_submission(user=user, item=item, to=SubmissionState.PUBLISHED),
        "show_state": item.state != SubmissionState.PUBLISHED,
    }


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
            "crumbs": _crumbs((_("Practices"), reverse("repository:practice_list"))),
            **_actions("practice", practice, request.user),
            **_history(practice, request.user),
        },
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
            "crumbs": _crumbs((_("Pledges"), reverse("repository:pledge_list"))),
            **_actions("pledge", pledge, request.user),
            **_history(pledge, request.user),
        },
    )


@require_GET
def knowledge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a knowledge product to those who may see it."""
    product = selectors.knowledge_product_get(product_id=pk, user=request.user)
    manage = can_manage_knowledge_product(user=request.user, product=product)
    return render(
        request,
        "repository/knowledge_detail.html",
        {
            "product": product,
            "coalition": product.coalition,
            "can_manage": manage,
            "file_name": (product.file.name or "").rsplit("/", 1)[-1] if product.file else "",
            "show_history": manage,
            "history": change_history(product) if manage else [],
            "show_people": manage,
            "crumbs": _crumbs((_("Knowledge products"), reverse("repository:knowledge_list"))),
        },
    )


@require_GET
def knowledge_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    """Send the product's file to those who may see the product (never served from /media/)."""
    product = selectors.knowledge_product_get(product_id=pk, user=request.user)
    if not product.file:
        raise NotFound
    name = (product.file.name or "").rsplit("/", 1)[-1]
    try:
        handle = product.file.open("rb")
    except FileNotFoundError:  # recorded but gone from storage: as missing as any other
        raise NotFound from None
    response = FileResponse(handle, as_attachment=True, filename=name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


# ---------------------------------------------------------------------------------------------
# Submissions: forms, submit, own submissions


def _save_form(
    request: HttpRequest,
    *,
    form: Any,
    save: Any,
    done: str,
    title: str,
    crumbs: list[tuple[str, str]],
    cancel: str,
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            item = save(form)
        except ConflictError as error:
            form.add_error(None, error)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, done)
            return redirect(item if isinstance(item, str) else _detail_url(_kind_of(item), item))
    return form_page(request, form=form, title=title, context={"crumbs": crumbs, "cancel": cancel})


def _kind_of(item: Any) -> str:
    return {Practice: "practice", Pledge: "pledge", PledgeReport: "report"}[type(item)]


def _require_member(request: HttpRequest) -> None:
    if not can_submit(request.user):
        raise NotFound


@login_required
@require_http_methods(["GET", "POST"])
def practice_create(request: HttpRequest) -> HttpResponse:
    """Let a member draft a practice."""
    _require_member(request)
    form = PracticeForm(request.POST or None)
    return _save_form(
        request,
        form=form,
        save=lambda f: services.practice_create(by=request.user, **f.fields_for_service()),
        done=_("Practice saved as a draft. Submit it when it is ready."),
        title=_("New practice"),
        crumbs=_crumbs((_("Practices"), reverse("repository:practice_list"))),
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
    return _save_form(
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
        crumbs=_crumbs((_("Practices"), reverse("repository:practice_list")), (practice.title, detail)),
        cancel=detail,
    )


@login_required
@require_http_methods(["GET", "POST"])
def pledge_create(request: HttpRequest) -> HttpResponse:
    """Let a member draft a pledge."""
    _require_member(request)
    form = PledgeForm(request.POST or None)
    return _save_form(
        request,
        form=form,
        save=lambda f: services.pledge_create(by=request.user, **f.fields_for_service()),
        done=_("Pledge saved as a draft. Submit it when it is ready."),
        title=_("New pledge"),
        crumbs=_crumbs((_("Pledges"), reverse("repository:pledge_list"))),
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
    return _save_form(
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
        crumbs=_crumbs((_("Pledges"), reverse("repository:pledge_list")), (str(pledge), detail)),
        cancel=detail,
    )


@login_required
@require_http_methods(["GET", "POST"])
def pledge_report_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Let a member draft a report on a published pledge."""
    _require_member(request)
    pledge = selectors.pledge_get(pledge_id=pk, user=request.user)
    if pledge.state != SubmissionState.PUBLISHED:
        raise NotFound
    form = PledgeReportForm(request.POST or None)
    detail = reverse("repository:pledge_detail", args=[pk])
    return _save_form(
        request,
        form=form,
        save=lambda f: services.pledge_report_create(
            pledge=pledge, by=request.user, **f.fields_for_service()
        ),
        done=_("Report saved as a draft. Submit it when it is ready."),
        title=_("New report on the pledge"),
        crumbs=_crumbs((_("Pledges"), reverse("repository:pledge_list")), (str(pledge), detail)),
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
    return _save_form(
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
        crumbs=_crumbs((_("Pledges"), reverse("repository:pledge_list")), (str(report.pledge), detail)),
        cancel=detail,
    )


@login_required
@require_POST
def submission_submit(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Send the submitter's draft (or returned submission) to the secretariat."""
    item = selectors.submission_get(kind=kind, item_id=pk, user=request.user)
    if not can_transition_submission(user=request.user, item=item, to=SubmissionState.SUBMITTED):
        raise NotFound
    services.submission_submit(item=item, by=request.user)
    messages.success(request, _("Submitted to the secretariat for review."))
    return redirect(_detail_url(kind, item))


@login_required
@require_GET
def my_submissions(request: HttpRequest) -> HttpResponse:
    """List the user's own practices, pledges and reports with their state and the reviewer's comment."""
    rows = selectors.my_submissions(user=request.user)
    return render(
        request,
        "repository/my_submissions.html",
        {
            "rows": [{"row": row, "url": _detail_url(row.kind, row.item)} for row in rows],
            "can_submit": can_submit(request.user),
            "crumbs": _crumbs(),
        },
    )


# ---------------------------------------------------------------------------------------------
# Review by the secretariat


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
                {"row": row, "url": reverse("repository:review", args=[row.kind, row.item.pk])}
                for row in rows
            ],
            "crumbs": _crumbs(),
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
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if item.state != SubmissionState.SUBMITTED:
            form.add_error(None, _("This submission is no longer awaiting review."))
        else:
            action, comment = form.cleaned_data["action"], form.cleaned_data["comment"]
            try:
                if action == "return":
                    services.submission_return(item=item, by=request.user, comment=comment)
                else:
                    services.submission_publish(item=item, by=request.user, comment=comment)
            except (TransitionError, PermissionDenied):
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
            "detail_url": _detail_url(kind, item),
            "quality_errors": [(name, _field_label(item, name), message) for name, message in errors.items()],
            "crumbs": _crumbs((_("Review queue"), reverse("repository:review_queue"))),
        },
        status=400 if form.errors else 200,
    )


# ---------------------------------------------------------------------------------------------
# Knowledge products


def _product_coalitions(user: Any) -> Any:
    """Return the coalitions for which the user may add knowledge products."""
    if is_platform_secretariat(user):
        return Coalition.objects.order_by("name")
    ids = coalition_ids_with_role(user, Role.COALITION_SECRETARIAT)
    return Coalition.objects.filter(pk__in=ids).order_by("name")


@login_required
@require_http_methods(["GET", "POST"])
def knowledge_create(request: HttpRequest) -> HttpResponse:
    """Let the platform secretariat, or a coalition's secretariat, add a knowledge product."""
    coalitions = _product_coalitions(request.user)
    if not coalitions.exists() and not can_create_knowledge_product(user=request.user, coalition=None):
        raise NotFound
    form = KnowledgeProductForm(request.POST or None, request.FILES or None, coalitions=coalitions)
    return _product_form(
        request,
        form=form,
        save=lambda f: services.knowledge_product_create(by=request.user, **f.fields_for_service()),
        title=_("New knowledge product"),
        cancel=reverse("repository:knowledge_list"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def knowledge_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Let those who manage the knowledge product change it."""
    product = selectors.knowledge_product_get_for_manage(product_id=pk, user=request.user)
    coalitions = _product_coalitions(request.user)
    initial = KnowledgeProductForm.initial_for(product)
    form = KnowledgeProductForm(
        request.POST or None, request.FILES or None, initial=initial, coalitions=coalitions, editing=True
    )
    return _product_form(
        request,
        form=form,
        save=lambda f: services.knowledge_product_update(
            product=product, by=request.user, **f.fields_for_service()
        ),
        title=_("Edit the knowledge product"),
        cancel=reverse("repository:knowledge_detail", args=[pk]),
    )


def _product_form(request: HttpRequest, *, form: Any, save: Any, title: str, cancel: str) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            product = save(form)
        except PermissionDenied:
            form.add_error("coalition", _("You may not add knowledge products for this coalition."))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Knowledge product saved."))
            return redirect("repository:knowledge_detail", pk=product.pk)
    crumbs = _crumbs((_("Knowledge products"), reverse("repository:knowledge_list")))
    return form_page(
        request, form=form, title=title, context={"crumbs": crumbs, "cancel": cancel, "multipart": True}
    )


@login_required
@require_POST
def knowledge_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Let those who manage the knowledge product delete it."""
    product: KnowledgeProduct = selectors.knowledge_product_get_for_manage(product_id=pk, user=request.user)
    services.knowledge_product_delete(product=product, by=request.user)
    messages.success(request, _("Knowledge product deleted."))
    return redirect("repository:knowledge_list")

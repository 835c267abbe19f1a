"""What the repository's pages share: the crumbs, the lists with facets, a submission's actions and
history, and the submission forms' saving."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rcphub.core.errors import ConflictError, NotFound
from rcphub.core.history import change_history
from rcphub.core.views import bad_query, form_page, query_without_page
from rcphub.repository.filters import FACETS, PLEDGES, PRACTICES, SORTS, repository_filter
from rcphub.repository.forms import add_service_error
from rcphub.repository.models import Pledge, PledgeReport, Practice, SubmissionState
from rcphub.repository.permissions import (
    can_edit_submission,
    can_submit,
    can_transition_submission,
    is_repository_secretariat,
)
from rcphub.repository.views.maps import country_map_context

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


def repository_crumbs(*more: tuple[str, str]) -> list[tuple[str, str]]:
    """Return the crumbs of a repository page: the repository's home, then `more`."""
    return [(_("Repository"), reverse("repository:index")), *more]


def detail_url(kind: str, item: Any) -> str:
    """Return the address of the page of a practice, pledge or (on its pledge's page) report."""
    if kind == "practice":
        return reverse("repository:practice_detail", args=[item.pk])
    if kind == "pledge":
        return reverse("repository:pledge_detail", args=[item.pk])
    return reverse("repository:pledge_detail", args=[item.pledge_id]) + f"#report-{item.pk}"


def kind_of(item: Any) -> str:
    """Return the kind of a submission as the addresses name it: practice, pledge or report."""
    return {Practice: "practice", Pledge: "pledge", PledgeReport: "report"}[type(item)]


def require_member(request: HttpRequest) -> None:
    """Answer 404 to one who may not submit (a visitor, or a user without a membership)."""
    if not can_submit(request.user):
        raise NotFound


def facet_list(
    request: HttpRequest, kind: str, *, template: str, title: str, extra: dict[str, Any]
) -> HttpResponse:
    """Render the list `kind` filtered by the query string, a page at a time, with its facets;
    answer 400 to a bad query."""
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
            "selected": filtered.selected,
            "query": query_without_page(request),
            "filtered": any(
                value not in (None, "", []) for key, value in filtered.selected.items() if key != "sort"
            ),
            "crumbs": repository_crumbs(),
            # Practices by country on the map, counted as the country facet counts them.
            **(country_map_context(request, filtered.facets["country"]) if kind == PRACTICES else {}),
            **extra,
        },
    )


def submission_history(item: Any, user: Any) -> dict[str, Any]:
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


def submission_actions(kind: str, item: Any, user: Any) -> dict[str, Any]:
    """Return what the user may do with the submission, for its page."""
    return {
        "kind": kind,
        "can_edit": can_edit_submission(user=user, item=item),
        "can_submit_it": can_transition_submission(user=user, item=item, to=SubmissionState.SUBMITTED),
        "can_review": can_transition_submission(user=user, item=item, to=SubmissionState.PUBLISHED),
        "show_state": item.state != SubmissionState.PUBLISHED,
    }


def save_form(
    request: HttpRequest,
    *,
    form: Any,
    save: Any,
    done: str,
    title: str,
    crumbs: list[tuple[str, str]],
    cancel: str,
) -> HttpResponse:
    """Save a valid posted form through `save` and go to the item saved; else show the form, with
    the errors."""
    if request.method == "POST" and form.is_valid():
        try:
            item = save(form)
        except ConflictError as error:
            form.add_error(None, error)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, done)
            return redirect(item if isinstance(item, str) else detail_url(kind_of(item), item))
    return form_page(request, form=form, title=title, context={"crumbs": crumbs, "cancel": cancel})

"""Read-only pages on reference data: countries, SDGs, GCM objectives and principles, entities."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from rcphub.reference.models import EntityKind
from rcphub.reference.selectors import (
    EntityFilters,
    country_list,
    entity_kind_counts,
    entity_list,
    gcm_objective_list,
    gcm_principle_list,
    reference_counts,
    region_list,
    sdg_goal_get,
    sdg_goal_list,
)

ENTITIES_PER_PAGE = 100

# The types of the UN System Chart, as the data file writes them.
UN_TYPE_LABELS = {
    "fund_or_programme": _("Fund or programme"),
    "functional_commission": _("Functional commission"),
    "other_entity": _("Other entity"),
    "peacekeeping_operation": _("Peacekeeping operation"),
    "principal_organ": _("Principal organ"),
    "regional_commission": _("Regional commission"),
    "related_organization": _("Related organization"),
    "research_and_training_institute": _("Research and training institute"),
    "secretariat_department_or_office": _("Secretariat department or office"),
    "secretariat_office": _("Secretariat office"),
    "special_political_mission": _("Special political mission"),
    "specialized_agency": _("Specialized agency"),
    "subsidiary_body": _("Subsidiary body"),
}


class EntityFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    q = forms.CharField(label=_("Acronym or name"), required=False, max_length=100)

    def __init__(self, *args: Any, kind_counts: dict[str, int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = [
            ("", _("All kinds")),
            *((value, f"{label} ({kind_counts.get(value, 0)})") for value, label in EntityKind.choices),
        ]


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """Show what reference data the platform holds, with links to each list."""
    return render(request, "reference/index.html", {"counts": reference_counts()})


@require_safe
def countries(request: HttpRequest) -> HttpResponse:
    """List every country and territory with its codes and flags, and the regions they make up."""
    rows = list(country_list())
    return render(
        request,
        "reference/countries.html",
        {
            "countries": rows,
            "noted": [country for country in rows if country.note],
            "regions": region_list(),
        },
    )


@require_safe
def sdg(request: HttpRequest) -> HttpResponse:
    """List the 17 Sustainable Development Goals."""
    return render(request, "reference/sdg.html", {"goals": sdg_goal_list()})


@require_safe
def sdg_goal(request: HttpRequest, code: str) -> HttpResponse:
    """Show one goal with its targets and their indicators."""
    return render(request, "reference/sdg_goal.html", {"goal": sdg_goal_get(code=code)})


@require_safe
def gcm(request: HttpRequest) -> HttpResponse:
    """List the objectives and guiding principles of the Global Compact for Migration."""
    return render(
        request,
        "reference/gcm.html",
        {"objectives": gcm_objective_list(), "principles": gcm_principle_list()},
    )


@require_safe
def entities(request: HttpRequest) -> HttpResponse:
    """List the entities, narrowed by kind and by words in the acronym or name."""
    form = EntityFilterForm(request.GET, kind_counts=entity_kind_counts())
    if form.is_valid():
        filters = EntityFilters(kind=form.cleaned_data["kind"], search=form.cleaned_data["q"])
    else:
        # Keep the valid part of the filter; the form shows what was wrong with the rest.
        filters = EntityFilters(search=(request.GET.get("q") or "")[:100])
    page = Paginator(entity_list(filters=filters), ENTITIES_PER_PAGE).get_page(request.GET.get("page"))
    rows = [(entity, UN_TYPE_LABELS.get(entity.un_type, entity.un_type)) for entity in page.object_list]
    return render(
        request,
        "reference/entities.html",
        {"form": form, "page": page, "rows": rows, "filtered": bool(filters.kind or filters.search)},
    )

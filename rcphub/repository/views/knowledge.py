"""Pages on knowledge products: the list with facets, a product and its file, and adding, changing
and deleting products (the platform secretariat, or a coalition's secretariat for its own)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rcphub.accounts.models import Role
from rcphub.accounts.permissions import coalition_ids_with_role, is_platform_secretariat
from rcphub.audit.services import record_export
from rcphub.coalitions.models import Coalition
from rcphub.core.errors import ConflictError, NotFound
from rcphub.core.history import change_history
from rcphub.core.views import form_page
from rcphub.repository import selectors, services
from rcphub.repository.filters import KNOWLEDGE
from rcphub.repository.forms import KnowledgeProductForm, add_service_error
from rcphub.repository.models import KnowledgeProduct
from rcphub.repository.permissions import can_create_knowledge_product, can_manage_knowledge_product
from rcphub.repository.views.common import facet_list, repository_crumbs


def product_coalitions(user: Any) -> Any:
    """Return the coalitions for which the user may add knowledge products."""
    if is_platform_secretariat(user):
        return Coalition.objects.order_by("name")
    ids = coalition_ids_with_role(user, Role.COALITION_SECRETARIAT)
    return Coalition.objects.filter(pk__in=ids).order_by("name")


@require_GET
def knowledge_list(request: HttpRequest) -> HttpResponse:
    """List the knowledge products the reader may see, with facets by kind, coalition and year."""
    return facet_list(
        request,
        KNOWLEDGE,
        template="repository/knowledge_list.html",
        title=_("Knowledge products"),
        extra={"can_add": product_coalitions(request.user).exists()},
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
            "crumbs": repository_crumbs((_("Knowledge products"), reverse("repository:knowledge_list"))),
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
    record_export(request, product, what=name, internal=product.visibility == "internal")
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def knowledge_create(request: HttpRequest) -> HttpResponse:
    """Let the platform secretariat, or a coalition's secretariat, add a knowledge product."""
    coalitions = product_coalitions(request.user)
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
    coalitions = product_coalitions(request.user)
    initial = KnowledgeProductForm.initial_for(product)
    form = KnowledgeProductForm(
        request.POST or None, request.FILES or None, initial=initial, coalitions=coalitions, editing=True
    )
    return _product_form(
        request,
        form=form,
        save=lambda f: services.knowledge_product_update(
            product=product,
            by=request.user,
            expected_version=f.cleaned_data["version"],
            **f.fields_for_service(),
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
        except ConflictError as error:
            form.add_error(None, error)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Knowledge product saved."))
            return redirect("repository:knowledge_detail", pk=product.pk)
    crumbs = repository_crumbs((_("Knowledge products"), reverse("repository:knowledge_list")))
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

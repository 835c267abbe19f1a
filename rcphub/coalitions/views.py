"""Pages on coalitions: the list, a coalition's page and the secretariat's forms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe
from django_stubs_ext import StrOrPromise

from rcphub.coalitions.forms import CoalitionForm, CountryNetworkForm, MemberEndForm, MemberForm
from rcphub.coalitions.models import Coalition, CoalitionMember, CoalitionRole, CountryNetwork
from rcphub.coalitions.permissions import can_view_coalition, is_coalition_secretariat
from rcphub.coalitions.selectors import (
    coalition_get,
    coalition_get_for_edit,
    coalition_list,
    coalition_members,
    coalition_networks,
)
from rcphub.coalitions.services import (
    coalition_member_add,
    coalition_member_end,
    coalition_update,
    country_network_save,
)
from rcphub.core.dates import today
from rcphub.core.errors import NotFound
from rcphub.core.forms import add_service_error
from rcphub.workplans.selectors import activities_in_force, activity_status_counts, workplan_list

# The order in which a coalition page lists its members' roles.
ROLE_ORDER = (CoalitionRole.CO_CHAIR, CoalitionRole.SECRETARIAT, CoalitionRole.MEMBER, CoalitionRole.OBSERVER)


# ---------------------------------------------------------------------------------------------
# Reading


@require_safe
def coalition_list_page(request: HttpRequest) -> HttpResponse:
    """List the coalitions the user may see, with their co-chairs."""
    coalitions = list(coalition_list(user=request.user))
    return render(
        request,
        "coalitions/list.html",
        {"coalitions": coalitions, "visible_ids": {c.pk for c in coalitions}},
    )


@dataclass(frozen=True)
class RoleGroup:
    """The current members of a coalition in one role."""

    role: str
    label: StrOrPromise
    members: list[CoalitionMember]


@require_safe
def coalition_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Show who chairs the coalition, its members, networks, terms of reference and work plans."""
    coalition = coalition_get(slug=slug, user=request.user)
    on = today()
    current: list[CoalitionMember] = []
    former: list[CoalitionMember] = []
    for member in coalition_members(coalition=coalition, include_past=True):
        (current if member.until is None or member.until >= on else former).append(member)
    groups = [
        RoleGroup(role=role, label=role.label, members=[m for m in current if m.role == role])
        for role in ROLE_ORDER
    ]
    parent = coalition.parent
    if parent is not None and not can_view_coalition(user=request.user, coalition=parent):
        parent = None
    can_edit = is_coalition_secretariat(user=request.user, coalition_id=coalition.pk)
    # The key numbers of its progress page (served by reports): activities under way today, by status.
    statuses = activity_status_counts(
        activities_in_force(user=request.user, as_at=on, coalition_id=coalition.pk)
    )
    return render(
        request,
        "coalitions/detail.html",
        {
            "coalition": coalition,
            "co_chairs": groups[0].members,
            "secretariat": groups[1].members,
            "groups": [g for g in groups if g.members],
            # Latest to leave first.
            "former": sorted(former, key=lambda m: m.until or on, reverse=True),
            "children": list(coalition_list(user=request.user).filter(parent=coalition)),
            "parent": parent,
            "networks": list(coalition_networks(coalition=coalition)),
            "work_plans": list(workplan_list(user=request.user, coalition_id=coalition.pk)),
            "can_edit": can_edit,
            "activity_count": sum(statuses.values()),
            "completed_count": statuses.get("completed", 0),
        },
    )


@require_safe
def coalition_tor(request: HttpRequest, slug: str) -> FileResponse:
    """Send the coalition's terms of reference to those who may see the coalition."""
    coalition = coalition_get(slug=slug, user=request.user)
    if not coalition.tor_file:
        raise NotFound
    return FileResponse(
        coalition.tor_file.open("rb"), as_attachment=True, filename=_basename(coalition.tor_file.name)
    )


@require_safe
def network_tor(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    """Send a country network's terms of reference to those who may see its coalition."""
    coalition = coalition_get(slug=slug, user=request.user)
    network = coalition.networks.filter(pk=pk).exclude(Q(tor_file="") | Q(tor_file__isnull=True)).first()
    if network is None:
        raise NotFound
    return FileResponse(
        network.tor_file.open("rb"), as_attachment=True, filename=_basename(network.tor_file.name)
    )


def _basename(name: str | None) -> str:
    return PurePosixPath(name or "").name


# ---------------------------------------------------------------------------------------------
# Editing, for the coalition secretariat and the platform secretariat


@require_http_methods(["GET", "POST"])
def coalition_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """Edit the coalition's page; refuse to overwrite a change saved since the form was opened."""
    coalition = coalition_get_for_edit(slug=slug, user=request.user)
    if request.method == "POST":
        # The form works on a copy, so that a refused change leaves the page's heading as saved.
        form = CoalitionForm(request.POST, request.FILES, instance=Coalition.objects.get(pk=coalition.pk))
        if form.is_valid():
            try:
                coalition_update(
                    coalition=coalition,
                    by=request.user,
                    expected_version=form.cleaned_data["version"],
                    **form.changes(),
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The coalition page was saved."))
                return redirect("coalitions:detail", slug=coalition.slug)
    else:
        form = CoalitionForm(instance=coalition)
    return render(request, "coalitions/edit.html", {"coalition": coalition, "form": form})


@require_http_methods(["GET", "POST"])
def member_add(request: HttpRequest, slug: str) -> HttpResponse:
    """Add an entity to the coalition with a role over a period."""
    coalition = coalition_get_for_edit(slug=slug, user=request.user)
    form = MemberForm(request.POST if request.method == "POST" else None, coalition=coalition)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            member = coalition_member_add(
                coalition=coalition,
                entity=data["entity"],
                role=data["role"],
                since=data["since"],
                until=data["until"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("%(entity)s was added as %(role)s.")
                % {"entity": member.entity.acronym, "role": member.get_role_display().lower()},
            )
            return redirect("coalitions:detail", slug=coalition.slug)
    return render(request, "coalitions/member_form.html", {"coalition": coalition, "form": form})


@require_http_methods(["GET", "POST"])
def member_end(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """End an entity's membership on a date; the record stays, listed among former members."""
    coalition = coalition_get_for_edit(slug=slug, user=request.user)
    member = coalition.members.select_related("entity", "coalition").filter(pk=pk).first()
    if member is None:
        raise NotFound
    form = MemberEndForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        until: date = form.cleaned_data["until"]
        try:
            coalition_member_end(member=member, until=until, by=request.user)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("The membership of %(entity)s as %(role)s ends on %(date)s.")
                % {
                    "entity": member.entity.acronym,
                    "role": member.get_role_display().lower(),
                    "date": date_format(until, "SHORT_DATE_FORMAT"),
                },
            )
            return redirect("coalitions:detail", slug=coalition.slug)
    return render(
        request, "coalitions/member_end.html", {"coalition": coalition, "member": member, "form": form}
    )


@require_http_methods(["GET", "POST"])
def network_add(request: HttpRequest, slug: str) -> HttpResponse:
    """Add a country network under the coalition."""
    coalition = coalition_get_for_edit(slug=slug, user=request.user)
    return _network_form(request, coalition=coalition, network=None)


@require_http_methods(["GET", "POST"])
def network_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Change a country network of the coalition."""
    coalition = coalition_get_for_edit(slug=slug, user=request.user)
    network = coalition.networks.select_related("country").filter(pk=pk).first()
    if network is None:
        raise NotFound
    return _network_form(request, coalition=coalition, network=network)


def _network_form(
    request: HttpRequest, *, coalition: Coalition, network: CountryNetwork | None
) -> HttpResponse:
    kwargs: dict[str, Any] = {"coalition": coalition}
    if network is not None:
        # The form works on a copy, so that a refused change leaves the page's heading as saved.
        kwargs["instance"] = CountryNetwork.objects.get(pk=network.pk)
    if request.method == "POST":
        form = CountryNetworkForm(request.POST, request.FILES, **kwargs)
        if form.is_valid():
            try:
                saved = country_network_save(
                    coalition=coalition, network=network, by=request.user, **form.values()
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The network “%(name)s” was saved.") % {"name": saved.name})
                return redirect("coalitions:detail", slug=coalition.slug)
    else:
        form = CountryNetworkForm(**kwargs)
    return render(
        request, "coalitions/network_form.html", {"coalition": coalition, "network": network, "form": form}
    )

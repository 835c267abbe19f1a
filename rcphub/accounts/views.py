from __future__ import annotations

from typing import Any, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from rcphub.accounts.forms import InvitationForm, InvitationSignUpForm
from rcphub.accounts.models import Invitation, Membership, User
from rcphub.accounts.permissions import can_invite
from rcphub.accounts.selectors import invitation_get_by_token, invitation_list
from rcphub.accounts.services import (
    api_token_create,
    invitation_accept,
    invitation_accept_as_new_user,
    invitation_check_open,
    invitation_create,
    invitation_revoke,
)
from rcphub.core.errors import NotFound
from rcphub.core.forms import add_service_error


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    """Show the user's memberships and let them create an API token for scripts."""
    raw_token = None
    if request.method == "POST":
        name = (request.POST.get("name") or "").strip()[:100] or _("Script")
        _token, raw_token = api_token_create(user=cast(User, request.user), name=name)
        messages.success(request, _("Token created. Copy it now: it is not shown again."))
    memberships = Membership.objects.filter(user=cast(User, request.user)).select_related(
        "entity", "coalition"
    )
    tokens = cast(User, request.user).api_tokens.filter(revoked=False)
    return render(
        request,
        "accounts/profile.html",
        {"memberships": memberships, "tokens": tokens, "raw_token": raw_token},
    )


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """The page django-axes answers a locked-out sign-in with (AXES_LOCKOUT_CALLABLE): 429, readable."""
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    return render(request, "registration/locked_out.html", {"minutes": minutes}, status=429)


def _require_inviter(request: HttpRequest) -> None:
    if not can_invite(request.user):
        raise NotFound


@require_safe
def invitations(request: HttpRequest) -> HttpResponse:
    """List the pending invitations the user may revoke; optionally those of one coalition."""
    _require_inviter(request)
    pending = invitation_list(user=request.user).pending()
    coalition_id = request.GET.get("coalition", "")
    if coalition_id.isdigit():
        pending = pending.filter(coalition_id=int(coalition_id))
    return render(
        request,
        "accounts/invitation_list.html",
        {"invitations": pending.order_by("expires_at"), "coalition_id": coalition_id},
    )


@require_http_methods(["GET", "POST"])
def invitation_new(request: HttpRequest) -> HttpResponse:
    """Invite a person by e-mail to a role in a coalition (or, for the platform secretariat, the platform)."""
    _require_inviter(request)
    initial = {}
    coalition_id = request.GET.get("coalition", "")
    if coalition_id.isdigit():
        initial["coalition"] = int(coalition_id)
    form = InvitationForm(
        request.POST if request.method == "POST" else None, user=request.user, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitation, _raw = invitation_create(
                invited_by=request.user,
                email=data["email"],
                role=data["role"],
                entity=data["entity"],
                coalition=data["coalition"],
                base_url=request.build_absolute_uri("/"),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("An invitation was sent to %(email)s.") % {"email": invitation.email},
            )
            url = reverse("accounts:invitations")
            if invitation.coalition_id:
                url += "?" + urlencode({"coalition": invitation.coalition_id})
            return redirect(url)
    return render(request, "accounts/invitation_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def invitation_revoke_page(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm, then revoke a pending invitation; missing and forbidden answer alike."""
    _require_inviter(request)
    invitation = invitation_list(user=request.user).pending().filter(pk=pk).first()
    if invitation is None:
        raise NotFound
    if request.method == "POST":
        invitation_revoke(invitation=invitation, by=request.user)
        messages.success(request, _("The invitation to %(email)s was revoked.") % {"email": invitation.email})
        return redirect("accounts:invitations")
    return render(request, "accounts/invitation_revoke.html", {"invitation": invitation})


def _refused(request: HttpRequest, message: str, status: int) -> HttpResponse:
    response = render(request, "accounts/invitation_refused.html", {"message": message}, status=status)
    response["Referrer-Policy"] = "no-referrer"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def invitation_accept_page(request: HttpRequest, token: str) -> HttpResponse:
    """Accept an invitation: set a password (a new account), sign in (an existing one), or confirm.

    An unknown link, and a revoked one opened by anyone but the invited person, answer alike.
    """
    invitation = invitation_get_by_token(raw=token)
    user = request.user
    is_invitee = (
        invitation is not None and user.is_authenticated and user.email.lower() == invitation.email.lower()
    )
    if invitation is None or (invitation.revoked_at is not None and not is_invitee):
        return _refused(request, _("This invitation link is not valid."), 404)
    try:
        invitation_check_open(invitation)
    except ValidationError as error:
        return _refused(request, error.messages[0], 410)
    if user.is_authenticated:
        return _accept_signed_in(request, invitation, user)
    if User.objects.filter(email__iexact=invitation.email).exists():
        login_url = reverse("accounts:login") + "?" + urlencode({"next": request.path})
        return _accept_page(request, invitation, {"login_url": login_url})
    form = InvitationSignUpForm(
        User(email=invitation.email), request.POST if request.method == "POST" else None
    )
    if request.method == "POST" and form.is_valid():
        try:
            new_user = invitation_accept_as_new_user(
                invitation=invitation,
                password=form.cleaned_data["new_password1"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            login(request, new_user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome. Your account was created and the invitation accepted."))
            return redirect("accounts:profile")
    return _accept_page(request, invitation, {"form": form})


def _accept_signed_in(request: HttpRequest, invitation: Invitation, user: User) -> HttpResponse:
    if user.email.lower() != invitation.email.lower():
        return _refused(
            request,
            _(
                "This invitation was sent to another e-mail address. Sign out, then open the link again "
                "to accept it with the account of that address."
            ),
            403,
        )
    if request.method == "POST":
        try:
            invitation_accept(invitation=invitation, user=user)
        except ValidationError as error:
            return _refused(request, error.messages[0], 410)
        messages.success(request, _("The invitation was accepted: your new role is listed below."))
        return redirect("accounts:profile")
    return _accept_page(request, invitation, {"confirm": True})


def _accept_page(request: HttpRequest, invitation: Invitation, extra: dict[str, Any]) -> HttpResponse:
    response = render(request, "accounts/invitation_accept.html", {"invitation": invitation, **extra})
    response["Referrer-Policy"] = "no-referrer"
    return response

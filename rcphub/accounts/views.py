from __future__ import annotations

from typing import Any, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from rcphub.accounts.models import Membership, User
from rcphub.accounts.services import api_token_create


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

"""Who is calling the API: a script with a token, a browser with a session, or a visitor."""

from __future__ import annotations

from typing import Any

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security.base import AuthBase
from ninja.utils import check_csrf

from rcphub.accounts.services import api_token_authenticate, api_token_record_use

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
TOKEN_SCHEMES = frozenset({"token", "bearer"})


class ApiAuth(AuthBase):
    """Authenticate every API request in one place.

    - `Authorization: Token <raw>` (or `Bearer <raw>`): the token's user; an unknown or revoked
      token answers 401 and never falls back to the session. After RCPHUB_API_TOKEN_FAILURE_LIMIT
      bad tokens from one address within RCPHUB_API_TOKEN_FAILURE_WINDOW seconds, every token
      from that address answers 429 until the window ends (the client address as django-axes sees it).
    - Otherwise the browser session, with Django's CSRF check on unsafe methods.
    - Otherwise a visitor (AnonymousUser), for reads only: writes answer 401.

    The user is put on `request.user` (and `request.auth`), so handlers and the change history
    see the same person whichever way they signed in.
    """

    openapi_type = "http"
    openapi_scheme = "bearer"
    openapi_description = (
        "A token from your profile page: `Authorization: Bearer <token>` (or `Token <token>`)."
    )

    def __call__(self, request: HttpRequest) -> Any | None:
        scheme, _sep, raw = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() in TOKEN_SCHEMES:
            return self._authenticate_token(request, raw.strip())
        user = request.user
        if user.is_authenticated:
            if self._needs_csrf(request) and check_csrf(request) is not None:
                raise HttpError(403, _("CSRF check failed: reload the page and try again."))
            return user
        if request.method in SAFE_METHODS:
            return user  # AnonymousUser is truthy: ninja lets the visitor read.
        return None

    @staticmethod
    def _needs_csrf(request: HttpRequest) -> bool:
        # An operation marked csrf_exempt opts out, as with ninja's own session auth.
        return request.method not in SAFE_METHODS and not getattr(request, "_ninja_csrf_exempt", False)

    def _authenticate_token(self, request: HttpRequest, raw: str) -> Any | None:
        key = f"api-token-failures:{get_client_ip_address(request) or 'unknown'}"
        if (cache.get(key) or 0) >= settings.RCPHUB_API_TOKEN_FAILURE_LIMIT:
            raise HttpError(429, _("Too many invalid tokens from your address: try again later."))
        user = api_token_authenticate(raw=raw) if raw else None
        if user is None:
            # The window runs from the first failure: add() starts it, incr() never extends it.
            cache.add(key, 0, timeout=settings.RCPHUB_API_TOKEN_FAILURE_WINDOW)
            try:
                cache.incr(key)
            except ValueError:  # expired between add() and incr()
                cache.add(key, 1, timeout=settings.RCPHUB_API_TOKEN_FAILURE_WINDOW)
            return None
        api_token_record_use(raw=raw)
        request.user = user
        return user


api_auth = ApiAuth()

"""Refuse NUL characters in a request's address, query, JSON body and form fields before any view sees them.

PostgreSQL cannot store or compare text holding NUL, and no reader types one: answer a clear 4xx
naming the field (422 in the API's error shape, 400 for pages) rather than a server error.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from django import db
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _

NUL = "\x00"
FORM_TYPES = frozenset({"multipart/form-data", "application/x-www-form-urlencoded"})

logger = logging.getLogger(__name__)


class RejectNulCharactersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        where = self._where(request)
        if where is None:
            return self.get_response(request)
        part, name = where
        message = _("“%(name)s” contains a NUL character, which is not allowed.") % {"name": name}
        if request.path.startswith("/api/"):
            return JsonResponse(
                {"detail": [{"loc": [part, name], "msg": message, "type": "value_error"}]}, status=422
            )
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")

    @staticmethod
    def _where(request: HttpRequest) -> tuple[str, str] | None:
        if NUL in request.path:
            return "path", "path"
        for key, values in request.GET.lists():
            if NUL in key or any(NUL in value for value in values):
                return "query", key.replace(NUL, "")
        if request.content_type == "application/json" and request.method in ("POST", "PUT", "PATCH"):
            body = request.body
            if b"\x00" in body or b"\\u0000" in body:
                try:
                    return "body", _field_holding_nul(json.loads(body)) or "body"
                except ValueError:
                    return "body", "body"
        if request.method in ("POST", "PUT", "PATCH") and request.content_type in FORM_TYPES:
            try:
                fields = request.POST.lists()
            except MultiPartParserError:
                return None  # the view answers the malformed form as Django does
            for key, values in fields:
                if NUL in key or any(NUL in value for value in values):
                    return "form", key.replace(NUL, "")
        return None


def _field_holding_nul(value: Any, name: str = "") -> str | None:
    """Return the name of the first field (or key) of a JSON document whose text holds a NUL."""
    if isinstance(value, str):
        return name if NUL in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            if NUL in key:
                return key.replace(NUL, "")
            found = _field_holding_nul(item, key)
            if found is not None:
                return found
    if isinstance(value, list):
        for item in value:
            found = _field_holding_nul(item, name)
            if found is not None:
                return found
    return None


class PermissionsPolicyMiddleware:
    """Send a Permissions-Policy header turning off the browser features no page uses.

    The features come from settings.RCPHUB_PERMISSIONS_POLICY: a feature mapped to an empty list is
    refused everywhere, one mapped to ["self"] allowed to this site only.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        policy: dict[str, list[str]] = getattr(settings, "RCPHUB_PERMISSIONS_POLICY", {})
        self.header = ", ".join(
            "{}=({})".format(feature, " ".join(_origin(origin) for origin in origins))
            for feature, origins in policy.items()
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.header and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.header
        return response


def _origin(origin: str) -> str:
    """Write an allow-list entry as the header wants it: self and * bare, an origin quoted."""
    return origin if origin in ("self", "*") else f'"{origin}"'


class DatabaseUnavailableMiddleware:
    """Answer 503 with Retry-After when the database cannot be reached, rather than a server error.

    A restart or failover of the database breaks the connections a worker holds; the request that meets
    one raises OperationalError or InterfaceError. The client may try again shortly: the next request
    opens a new connection (CONN_HEALTH_CHECKS). The API answers in its error shape, pages in plain text.
    """

    RETRY_AFTER_S = 5

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, (db.OperationalError, db.InterfaceError)):
            return None
        logger.warning("database unavailable: %s %s: %s", request.method, request.path, exception)
        message = _("The database is unavailable for a moment. Please try again shortly.")
        response: HttpResponse
        if request.path.startswith("/api/"):
            response = JsonResponse({"detail": message}, status=503)
        else:
            response = HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = str(self.RETRY_AFTER_S)
        return response

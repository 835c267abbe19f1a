"""How the API answers errors: one shape for bad input, and the same 404 for missing and forbidden.

- Django's ValidationError (from services and selectors) -> 422 `{"detail": [{"loc": [...], "msg": ...}]}`
  naming the field, in the shape ninja gives its own request validation errors.
- ConflictError -> 409; TransitionError -> 422.
- NotFound, Http404 and PermissionDenied -> 404 `{"detail": "Not found."}`: an object the user may not
  see answers exactly like one that does not exist.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import ValidationError as NinjaValidationError

from rcphub.api.auth import SAFE_METHODS
from rcphub.core.errors import ConflictError, TransitionError

# Handlers name their request body `payload`; ninja puts that name in error locations, the API leaves it out.
BODY_PARAM = "payload"


def install_error_handlers(api: NinjaAPI) -> None:
    """Register the API's answers to the errors that services, selectors and ninja raise."""

    # ninja types a handler's exception loosely (the class or an instance), hence `Any`.
    def not_found(request: HttpRequest, exc: Any) -> HttpResponse:
        return api.create_response(request, {"detail": _("Not found.")}, status=404)

    def invalid(request: HttpRequest, exc: Any) -> HttpResponse:
        return api.create_response(request, {"detail": validation_errors(request, exc)}, status=422)

    def conflict(request: HttpRequest, exc: Any) -> HttpResponse:
        return api.create_response(request, {"detail": " ".join(exc.messages)}, status=409)

    def request_invalid(request: HttpRequest, exc: Any) -> HttpResponse:
        return api.create_response(
            request, {"detail": [_without_body_param(e) for e in exc.errors]}, status=422
        )

    api.add_exception_handler(Http404, not_found)  # NotFound is an Http404
    api.add_exception_handler(PermissionDenied, not_found)
    api.add_exception_handler(ValidationError, invalid)
    api.add_exception_handler(TransitionError, invalid)
    api.add_exception_handler(ConflictError, conflict)
    api.add_exception_handler(NinjaValidationError, request_invalid)


def validation_errors(request: HttpRequest, exc: ValidationError) -> list[dict[str, Any]]:
    """Return the error's messages as ninja-style entries whose `loc` names the field and where it was sent."""
    where = "query" if request.method in SAFE_METHODS else "body"
    if not hasattr(exc, "error_dict"):
        return [
            {"type": error.code or "invalid", "loc": [where], "msg": message}
            for error in exc.error_list
            for message in error
        ]
    entries: list[dict[str, Any]] = []
    for field, errors in exc.error_dict.items():
        if field == NON_FIELD_ERRORS:
            loc = [where]
        elif field in request.GET:
            loc = ["query", field]
        elif request.resolver_match is not None and field in request.resolver_match.kwargs:
            loc = ["path", field]
        else:
            loc = [where, field]
        entries.extend(
            {"type": error.code or "invalid", "loc": loc, "msg": message}
            for error in errors
            for message in error
        )
    return entries


def _without_body_param(error: dict[str, Any]) -> dict[str, Any]:
    loc = list(error.get("loc", []))
    if loc[:2] == ["body", BODY_PARAM]:
        return {**error, "loc": ["body", *loc[2:]]}
    return error


@contextmanager
def api_field_names(**names: str) -> Iterator[None]:
    """Rename the fields of a ValidationError raised inside, from the service's names to the API's.

    `with api_field_names(round="round_id"):` reports a service's error on `round` as one on `round_id`.
    """
    try:
        yield
    except ValidationError as exc:
        if isinstance(exc, ConflictError) or not hasattr(exc, "error_dict"):
            raise
        renamed = {names.get(field, field): errors for field, errors in exc.error_dict.items()}
        raise (TransitionError if isinstance(exc, TransitionError) else ValidationError)(renamed) from exc

"""Sign-in throttling: what django-axes counts failures against (docs/decisions/0018)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def login_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """Return the e-mail address a sign-in tried, as axes should count it.

    The login form's `username` field holds the e-mail; it is compared lower-cased and stripped, so
    that `Amina@Example.org ` and `amina@example.org` count against one account.
    """
    value = (credentials or {}).get("username")
    if value is None:
        value = request.POST.get("username", "") if request is not None else ""
    return str(value).strip().lower()

"""Sign-in with the organisation's identity provider: what the settings read at start-up.

Kept apart from `rcphub.accounts.oidc` (the backend), which imports the auth models and so cannot be
imported by config/settings.py.
"""

from __future__ import annotations

import json
import urllib.request

from django.core.exceptions import ImproperlyConfigured

ENDPOINTS = {
    "AUTHORIZATION": "authorization_endpoint",
    "TOKEN": "token_endpoint",
    "USERINFO": "userinfo_endpoint",
    "JWKS": "jwks_uri",
}


def discovered_endpoints(issuer: str, *, timeout: float = 10) -> dict[str, str]:
    """Return the provider's endpoints from its discovery document, keyed as `ENDPOINTS`.

    Raises ImproperlyConfigured when the document cannot be read, names another issuer or lacks an
    endpoint: the site then does not start, rather than start with a sign-in that cannot work.
    """
    url = f"{issuer.rstrip('/')}/.well-known/openid-configuration"
    if not url.startswith(("https://", "http://")):
        raise ImproperlyConfigured(f"RCPHUB_OIDC_ISSUER must be an http(s) address, not {issuer!r}")
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # the scheme is checked above
            document = json.load(response)
    except (OSError, ValueError) as error:
        raise ImproperlyConfigured(
            f"Could not read the OpenID Connect discovery document {url}: {error}. "
            "Set RCPHUB_OIDC_AUTHORIZATION_ENDPOINT, _TOKEN_ENDPOINT, _USERINFO_ENDPOINT and "
            "_JWKS_ENDPOINT instead."
        ) from error
    if str(document.get("issuer", "")).rstrip("/") != issuer.rstrip("/"):
        raise ImproperlyConfigured(
            f"The discovery document {url} names the issuer {document.get('issuer')!r}, not {issuer!r}."
        )
    missing = [key for key in ENDPOINTS.values() if not document.get(key)]
    if missing:
        raise ImproperlyConfigured(f"The discovery document {url} lacks {', '.join(missing)}.")
    return {name: str(document[key]) for name, key in ENDPOINTS.items()}

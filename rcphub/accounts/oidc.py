"""Sign-in with the organisation's identity provider (OpenID Connect; docs/decisions/0019).

mozilla-django-oidc runs the authorization-code flow; this backend decides who the provider's answer
signs in. A person is matched by a verified e-mail address only, to an existing, active account; no
account is created and no membership is read or written here, so a sign-in never grants a role.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import jwt
import requests
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView

from rcphub.accounts.models import User


def verified_email(claims: dict[str, Any]) -> str | None:
    """Return the claims' e-mail address lower-cased, or None unless the provider says it is verified.

    The claim that says so is `email_verified` (RCPHUB_OIDC_EMAIL_VERIFIED_CLAIM), and it must be the
    JSON value true: a missing claim, false or the string "true" are all unverified.
    """
    email = claims.get("email")
    if not isinstance(email, str) or not email.strip():
        return None
    if claims.get(settings.RCPHUB_OIDC_EMAIL_VERIFIED_CLAIM) is not True:
        return None
    return email.strip().lower()


class OrganisationOIDCBackend(OIDCAuthenticationBackend):
    """Signs in the existing account whose e-mail the identity provider has verified."""

    request: HttpRequest

    def verify_token(self, token: str, **kwargs: Any) -> Any:
        """Check the ID token's signature and nonce (the library), then its audience and issuer."""
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("The ID token is not meant for this client.")
        issuer = settings.RCPHUB_OIDC_ISSUER
        if issuer and str(payload.get("iss", "")).rstrip("/") != issuer:
            raise SuspiciousOperation("The ID token comes from another issuer.")
        self.id_token_claims = payload
        return payload

    def retrieve_matching_jwk(self, token: str) -> Any:
        """The provider's key for the token: by its `kid` (the library), or its only key of that algorithm.

        A provider with one signing key may leave `kid` out of the token's header; the library then
        fails with a KeyError.
        """
        header = jwt.get_unverified_header(token)
        if "kid" in header:
            return super().retrieve_matching_jwk(token)
        response = requests.get(
            self.OIDC_OP_JWKS_ENDPOINT,
            verify=self.get_settings("OIDC_VERIFY_SSL", True),
            timeout=self.get_settings("OIDC_TIMEOUT", None),
            proxies=self.get_settings("OIDC_PROXY", None),
        )
        response.raise_for_status()
        keys = [
            key
            for key in response.json().get("keys", [])
            if key.get("alg", header.get("alg")) == header.get("alg") and key.get("use", "sig") == "sig"
        ]
        if len(keys) != 1:
            raise SuspiciousOperation("The ID token names no key, and the provider has not exactly one.")
        return jwt.PyJWK(keys[0])

    def get_userinfo(self, access_token: str, id_token: str, payload: dict[str, Any]) -> dict[str, Any]:
        """The user-info endpoint's claims, completed by the verified ID token's.

        Azure AD's user-info endpoint carries no verification claim; the ID token can (xms_edov).
        """
        claims = super().get_userinfo(access_token, id_token, payload)
        return {**payload, **claims} if isinstance(claims, dict) else dict(payload)

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        if verified_email(claims) is None:
            self._refuse(
                _(
                    "Your organisation's account did not give a verified e-mail address, so it "
                    "cannot sign you in here. Sign in with your password, or ask your organisation's "
                    "administrator to verify your e-mail address."
                )
            )
            return False
        return True

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        email = verified_email(claims)
        users = User.objects.filter(email__iexact=email, is_active=True) if email else User.objects.none()
        if email and len(users) != 1:
            self._refuse(
                _(
                    "No account here uses the e-mail address %(email)s. Ask your coalition's "
                    "secretariat for an invitation."
                )
                % {"email": email}
            )
            return User.objects.none()
        return users

    def create_user(self, claims: dict[str, Any]) -> User:
        """Never reached (OIDC_CREATE_USER is False); refuse rather than create, should it change."""
        raise SuspiciousOperation("Accounts are not created by OpenID Connect sign-in.")

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        """The account is left as it is: no name, e-mail or membership is taken from the provider."""
        return user

    def _refuse(self, message: str) -> None:
        request = getattr(self, "request", None)
        if request is not None:
            messages.error(request, message)


class OrganisationOIDCCallbackView(OIDCAuthenticationCallbackView):
    """The library's callback, with each attempt counted by django-axes under a name of its own.

    django-axes counts failures per address and per username (rcphub.accounts.throttling reads the
    username from the credentials, else from the POST data). The callback has neither, and one shared
    empty name would lock every organisation sign-in after a few refused ones; each attempt is counted
    as `oidc:<start of its state>` instead, so only the lockout per address applies to it.
    """

    def get(self, request: HttpRequest) -> HttpResponse:
        state = request.GET.get("state")
        if state:
            request.POST = QueryDict(urlencode({"username": f"oidc:{state[:12]}"}))
        response: HttpResponse = super().get(request)
        return response

"""Writes on accounts: memberships and API tokens."""

from __future__ import annotations

from django.db import transaction

from rcphub.accounts.models import ApiToken, User


@transaction.atomic
def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Create a token for the user's scripts; return it and the raw value, shown only once."""
    raw = ApiToken.generate()
    token = ApiToken(user=user, name=name, digest=ApiToken.digest_of(raw), prefix=raw[4:12])
    token.full_clean()
    token.save()
    return token, raw


def api_token_authenticate(*, raw: str) -> User | None:
    """Return the active user owning the unrevoked token, or None."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=ApiToken.digest_of(raw), revoked=False, user__is_active=True)
        .first()
    )
    return token.user if token else None

"""Writes on accounts: memberships and API tokens."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

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


# A token's last use is recorded at this resolution, so that a script's reads do not each write.
API_TOKEN_USE_RESOLUTION = timedelta(minutes=5)


def api_token_record_use(*, raw: str) -> None:
    """Record that the token was used now, at most once per API_TOKEN_USE_RESOLUTION."""
    now = timezone.now()
    token = ApiToken.objects.filter(digest=ApiToken.digest_of(raw)).values("pk", "last_used_at").first()
    if token is None:
        return
    if token["last_used_at"] is None or token["last_used_at"] < now - API_TOKEN_USE_RESOLUTION:
        ApiToken.objects.filter(pk=token["pk"]).update(last_used_at=now)

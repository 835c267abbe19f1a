"""Writes on accounts: memberships, API tokens and invitations."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from rcphub.accounts.models import ApiToken, Invitation, Membership, User
from rcphub.accounts.permissions import can_manage_invitation, forget_grants, invitable_roles
from rcphub.reference.models import Entity


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


# How long an invitation may be accepted, in days (RCPHUB_INVITATION_DAYS).
INVITATION_DAYS_DEFAULT = 14


def invitation_days() -> int:
    return int(getattr(settings, "RCPHUB_INVITATION_DAYS", INVITATION_DAYS_DEFAULT))


@transaction.atomic
def invitation_create(
    *, invited_by: Any, email: str, role: str, entity: Entity, coalition: Any = None, base_url: str = ""
) -> tuple[Invitation, str]:
    """Invite a person by e-mail to a role, and send them the link; return it and the raw token.

    The raw token travels only in the e-mail; the database keeps its digest.
    """
    coalition_id = coalition.pk if coalition is not None else None
    if role not in invitable_roles(invited_by, coalition_id=coalition_id):
        raise PermissionDenied
    email = (email or "").strip()
    validate_email(email)
    email = User.objects.normalize_email(email).lower()
    if Invitation.objects.pending().filter(email__iexact=email, coalition=coalition, role=role).exists():
        raise ValidationError(
            {"email": _("A pending invitation to this role was already sent to this address.")},
            code="duplicate",
        )
    if Membership.objects.filter(user__email__iexact=email, coalition=coalition, role=role).exists():
        raise ValidationError(
            {"email": _("The person with this address already holds this role.")}, code="member"
        )
    raw = Invitation.generate()
    invitation = Invitation(
        email=email,
        role=role,
        entity=entity,
        coalition=coalition,
        invited_by=invited_by,
        token_hash=Invitation.digest_of(raw),
        expires_at=timezone.now() + timedelta(days=invitation_days()),
    )
    invitation.full_clean()
    invitation._history_user = invited_by  # type: ignore[attr-defined]
    invitation.save()
    invitation_send(invitation=invitation, raw_token=raw, base_url=base_url)
    return invitation, raw


def invitation_link(*, raw_token: str, base_url: str = "") -> str:
    """Return the acceptance page's address: on SITE_URL where set, else on `base_url` (the request's)."""
    root = (getattr(settings, "SITE_URL", "") or base_url).rstrip("/")
    return root + reverse("accounts:invitation_accept", args=[raw_token])


def invitation_send(*, invitation: Invitation, raw_token: str, base_url: str = "") -> None:
    """E-mail the invitation's link to the invited address."""
    context = {
        "invitation": invitation,
        "link": invitation_link(raw_token=raw_token, base_url=base_url),
        "days": invitation_days(),
        "inviter": invitation.invited_by,
    }
    subject = "".join(render_to_string("accounts/invitation_subject.txt", context).splitlines())
    body = render_to_string("accounts/invitation_email.txt", context)
    send_mail(subject, body, None, [invitation.email])


def invitation_check_open(invitation: Invitation) -> None:
    """Refuse an invitation that was revoked, used or has expired, with a message for its reader."""
    if invitation.revoked_at is not None:
        raise ValidationError(_("This invitation was revoked."), code="revoked")
    if invitation.accepted_at is not None:
        raise ValidationError(
            _("This invitation has already been used. Sign in to reach your account."), code="used"
        )
    if invitation.is_expired:
        raise ValidationError(
            _("This invitation has expired. Ask the person who invited you to send a new one."),
            code="expired",
        )


def _lock(invitation: Invitation) -> Invitation:
    # Lock the invitation's row only: PostgreSQL refuses FOR UPDATE on the nullable side of a join.
    return (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("entity", "coalition")
        .get(pk=invitation.pk)
    )


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    """Accept the invitation as the signed-in user: their membership is created, once."""
    invitation = _lock(invitation)
    invitation_check_open(invitation)
    if user.email.lower() != invitation.email.lower():
        raise ValidationError(
            _(
                "This invitation was sent to another e-mail address. Sign out, then open the link again "
                "to accept it with the account of that address."
            ),
            code="wrong_user",
        )
    membership = Membership.objects.filter(
        user=user, entity=invitation.entity, coalition=invitation.coalition, role=invitation.role
    ).first()
    if membership is None:
        membership = Membership(
            user=user, entity=invitation.entity, coalition=invitation.coalition, role=invitation.role
        )
        membership.full_clean()
        membership._history_user = user  # type: ignore[attr-defined]
        membership.save()
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation._history_user = user  # type: ignore[attr-defined]
    invitation.save(update_fields=["accepted_at", "accepted_by", "updated_at"])
    forget_grants(user)
    return membership


@transaction.atomic
def invitation_accept_as_new_user(
    *, invitation: Invitation, password: str, first_name: str = "", last_name: str = ""
) -> User:
    """Create the invited person's account with the password they chose, and accept the invitation."""
    invitation = _lock(invitation)
    invitation_check_open(invitation)
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(
            _("An account with this e-mail address exists: sign in to accept the invitation."),
            code="exists",
        )
    user = User(email=invitation.email, first_name=first_name[:150], last_name=last_name[:150])
    password_validation.validate_password(password, user)
    user.set_password(password)
    user.save()
    invitation_accept(invitation=invitation, user=user)
    return user


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, by: Any) -> Invitation:
    """Revoke a pending invitation; its link then answers as an unknown one."""
    invitation = _lock(invitation)
    if not can_manage_invitation(user=by, invitation=invitation):
        raise PermissionDenied
    if invitation.accepted_at is not None or invitation.revoked_at is not None:
        raise ValidationError(_("Only a pending invitation can be revoked."), code="not_pending")
    invitation.revoked_at = timezone.now()
    invitation.revoked_by = by
    invitation._history_user = by  # type: ignore[attr-defined]
    invitation.save(update_fields=["revoked_at", "revoked_by", "updated_at"])
    return invitation

"""Users (e-mail login), memberships with roles, and API tokens for scripts."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any, ClassVar

from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rcphub.core.models import TimeStampedModel
from rcphub.reference.models import Entity


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person who signs in with their e-mail address."""

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        ordering = ["email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.email


class Role(models.TextChoices):
    """The roles of DESIGN.md §2; a visitor is anyone with no membership."""

    MEMBER = "member", _("Member")
    FOCAL_POINT = "focal_point", _("Focal point")
    COALITION_SECRETARIAT = "coalition_secretariat", _("Coalition secretariat")
    FOLLOW_UP_OFFICER = "follow_up_officer", _("Follow-up officer")
    PLATFORM_SECRETARIAT = "platform_secretariat", _("Platform secretariat")
    ADMINISTRATOR = "administrator", _("Administrator")


# Roles that belong to one coalition and need it named.
COALITION_ROLES = frozenset({Role.FOCAL_POINT, Role.COALITION_SECRETARIAT})


class Membership(TimeStampedModel):
    """A user's role for an entity, optionally within one coalition."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    entity = models.ForeignKey(
        Entity, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("entity")
    )
    # A string reference: coalitions sit above accounts in the dependency order.
    coalition = models.ForeignKey(
        "coalitions.Coalition",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("coalition"),
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["user__email", "role"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "entity", "coalition", "role"],
                condition=Q(coalition__isnull=False),
                name="membership_unique_in_coalition",
            ),
            models.UniqueConstraint(
                fields=["user", "entity", "role"],
                condition=Q(coalition__isnull=True),
                name="membership_unique",
            ),
        ]

    def __str__(self) -> str:
        scope = f" — {self.coalition}" if self.coalition_id else ""
        return f"{self.user} · {self.get_role_display()} · {self.entity}{scope}"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.role in COALITION_ROLES and not self.coalition_id:
            raise ValidationError(
                {
                    "coalition": _("A %(role)s belongs to a coalition: choose one.")
                    % {"role": self.get_role_display()}
                }
            )


class ApiToken(TimeStampedModel):
    """A token for scripts; only its SHA-256 digest is stored."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user")
    )
    name = models.CharField(_("name"), max_length=100)
    digest = models.CharField(_("digest"), max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("prefix"), max_length=8, editable=False)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked = models.BooleanField(_("revoked"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def digest_of(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    @staticmethod
    def generate() -> str:
        return "rcp_" + secrets.token_urlsafe(32)


# Roles of the whole platform: invited without a coalition, and only by the platform secretariat.
PLATFORM_WIDE_ROLES = frozenset({Role.FOLLOW_UP_OFFICER, Role.PLATFORM_SECRETARIAT, Role.ADMINISTRATOR})


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def pending(self, *, now: Any = None) -> InvitationQuerySet:
        """Invitations that may still be accepted: not accepted, not revoked, not expired."""
        from django.utils import timezone

        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now or timezone.now()
        )


class Invitation(TimeStampedModel):
    """An invitation by e-mail to take a role; only the SHA-256 digest of its token is stored."""

    email = models.EmailField(_("e-mail address"))
    entity = models.ForeignKey(
        Entity, on_delete=models.PROTECT, related_name="invitations", verbose_name=_("entity")
    )
    coalition = models.ForeignKey(
        "coalitions.Coalition",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("coalition"),
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    invited_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        related_name="invitations_sent",
        verbose_name=_("invited by"),
    )
    token_hash = models.CharField(_("token digest"), max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_accepted",
        verbose_name=_("accepted by"),
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )

    objects = InvitationQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["token_hash"])

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        scope = f" — {self.coalition}" if self.coalition_id else ""
        return f"{self.email} · {self.get_role_display()} · {self.entity}{scope}"

    @property
    def is_expired(self) -> bool:
        from django.utils import timezone

        return self.expires_at <= timezone.now()

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and not self.is_expired

    @staticmethod
    def digest_of(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    @staticmethod
    def generate() -> str:
        return secrets.token_urlsafe(32)

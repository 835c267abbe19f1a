"""What the audit trail records itself: exports of internal data.

Sign-ins come from django-axes, role changes and publications from the history tables; only
downloads left no trace before, so each is written here when it happens (`services.record_export`).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditKind(models.TextChoices):
    """The kinds of event the audit trail shows; only exports are stored in `AuditEvent`."""

    SIGN_IN = "sign_in", _("Sign-in")
    SIGN_IN_FAILED = "sign_in_failed", _("Failed sign-in")
    ROLE_CHANGE = "role_change", _("Role change")
    PUBLICATION = "publication", _("Publication")
    EXPORT = "export", _("Export of internal data")


class AuditEvent(models.Model):
    """A download that included internal content: who, when, what and from which address."""

    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=AuditKind.choices, default=AuditKind.EXPORT)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("content type")
    )
    object_id = models.PositiveBigIntegerField(_("object id"), null=True, blank=True)
    object_repr = models.CharField(_("object"), max_length=300, blank=True)
    what = models.CharField(_("what"), max_length=200, blank=True)
    address = models.GenericIPAddressField(_("address"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [models.Index(fields=["user", "at"], name="audit_event_user_at")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.object_repr} · {self.at:%Y-%m-%d %H:%M}"

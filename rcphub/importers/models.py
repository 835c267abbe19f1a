"""An import: one uploaded document, what it proposes to create, and what its commit created.

The file is kept; the proposal (`interpret.proposal.Proposal.to_json()`) is stored at preview and
committed later unchanged but for the person's answers; the log says what was read, every warning and
what was created or why a commit failed.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rcphub.coalitions.models import Coalition
from rcphub.core.models import VersionedModel
from rcphub.reference.models import Entity


class ImportKind(models.TextChoices):
    WORKPLAN = "workplan", _("Work plan")
    UNINFO = "uninfo", _("UN INFO joint work plan export")
    REVIEW = "review", _("Review (status of implementation)")
    PLAN_OF_ACTION = "plan_of_action", _("Plan of action")


# The kinds imported into a coalition (as its work plan); the others into an organisation (as a review).
WORKPLAN_KINDS = frozenset({ImportKind.WORKPLAN, ImportKind.UNINFO})
REVIEW_KINDS = frozenset({ImportKind.REVIEW, ImportKind.PLAN_OF_ACTION})


class ImportState(models.TextChoices):
    PREVIEWED = "previewed", _("Previewed")
    COMMITTED = "committed", _("Committed")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")


# Which state may follow which. A commit refused for bad input leaves the import previewed; one that
# fails for another reason marks it failed, and it may still be committed once the cause is fixed.
IMPORT_TRANSITIONS: dict[str, frozenset[str]] = {
    ImportState.PREVIEWED: frozenset({ImportState.COMMITTED, ImportState.FAILED, ImportState.CANCELLED}),
    ImportState.FAILED: frozenset({ImportState.COMMITTED, ImportState.FAILED, ImportState.CANCELLED}),
    ImportState.COMMITTED: frozenset(),
    ImportState.CANCELLED: frozenset(),
}
OPEN_STATES = (ImportState.PREVIEWED, ImportState.FAILED)


class Import(VersionedModel):
    """One document uploaded to be imported as a work plan, a review or a plan of action."""

    file = models.FileField(_("file"), upload_to="imports/%Y/%m/")
    filename = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ImportKind.choices)
    state = models.CharField(
        _("state"), max_length=10, choices=ImportState.choices, default=ImportState.PREVIEWED
    )
    proposal = models.JSONField(_("proposal"), default=dict, help_text=_("What the commit creates."))
    log = models.JSONField(_("log"), default=list, help_text=_("What was read, warned and created."))
    coalition = models.ForeignKey(
        Coalition,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="imports",
        verbose_name=_("coalition"),
        help_text=_("The coalition a work plan is imported into."),
    )
    organisation = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="imports",
        verbose_name=_("organisation"),
        help_text=_("The organisation a review or a plan of action is imported for."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="imports_uploaded",
        verbose_name=_("uploaded by"),
    )
    committed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="imports_committed",
        verbose_name=_("committed by"),
    )
    committed_at = models.DateTimeField(_("committed at"), null=True, blank=True)
    created_type = models.ForeignKey(
        ContentType,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created (type)"),
    )
    created_id = models.PositiveBigIntegerField(_("created (id)"), null=True, blank=True)
    created_object = GenericForeignKey("created_type", "created_id")
    created_url = models.CharField(_("created (address)"), max_length=500, blank=True)

    history = HistoricalRecords(excluded_fields=["proposal"])

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        indexes = [models.Index(fields=["sha256", "state"], name="import_sha256_state")]
        constraints = [
            models.CheckConstraint(
                condition=~(models.Q(coalition__isnull=False) & models.Q(organisation__isnull=False)),
                name="import_one_target",
            )
        ]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_kind_display()}, {self.get_state_display()})"

    @property
    def target(self) -> Any:
        """Return what the import is into: the coalition (work plans) or the organisation (reviews)."""
        return self.coalition if self.coalition_id else self.organisation

    @property
    def is_open(self) -> bool:
        """Return True if the import may still be answered and committed."""
        return self.state in OPEN_STATES

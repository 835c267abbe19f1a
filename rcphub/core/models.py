"""Base models shared by every domain app."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rcphub.core.errors import ConflictError


class TimeStampedModel(models.Model):
    """Add creation and modification times."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class VersionedModel(TimeStampedModel):
    """Add an edit counter so that concurrent edits do not silently overwrite each other."""

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True

    def save_versioned(self, *, expected_version: int | None, **kwargs: Any) -> None:
        """Save if nobody saved since `expected_version` was read, else raise ConflictError.

        The check and the increment are one UPDATE, so two writers cannot both pass it.
        """
        if self.pk is None:
            self.save(**kwargs)
            return
        current = self.version if expected_version is None else expected_version
        claimed = type(self)._default_manager.filter(pk=self.pk, version=current).update(version=current + 1)
        if not claimed:
            raise ConflictError
        self.version = current + 1
        self.save(**kwargs)


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    INTERNAL = "internal", _("Internal")


class ProgressStatus(models.TextChoices):
    """Statuses of a work-plan activity's progress."""

    NOT_STARTED = "not_started", _("Not started")
    STARTING = "starting", _("Starting")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
    DELAYED = "delayed", _("Delayed")
    CANCELLED = "cancelled", _("Cancelled")


class StatusReportBase(TimeStampedModel):
    """A dated statement of progress on one subject (a work-plan activity, a commitment, …).

    Concrete models add the subject foreign key and the status choices. The status of a subject
    as at D is its latest report dated on or before D (ties: the one recorded last). Work-plan
    reports also store when the next report replaces them, so that the report in force on D is a
    range lookup. See `rcphub.core.status.in_force_q`.
    """

    status = models.CharField(_("status"), max_length=20)
    as_at = models.DateField(_("as at"), help_text=_("The date the status describes."))
    comment = models.TextField(_("comment"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("author")
    )

    class Meta:
        abstract = True
        ordering = ["-as_at", "-id"]


class DataVersion(models.Model):
    """A counter that every write to a body of data moves (see `rcphub.core.dataversion`).

    Cached results are kept under the version they were computed at, so that a write makes every
    worker process read the data again. `changed_at` tells apart two rows that reached one number
    after a rolled-back write or a rebuilt database.
    """

    name = models.CharField(_("name"), max_length=100, unique=True)
    version = models.PositiveBigIntegerField(_("version"), default=0)
    changed_at = models.DateTimeField(_("changed at"))

    class Meta:
        verbose_name = _("data version")
        verbose_name_plural = _("data versions")

    def __str__(self) -> str:
        return f"{self.name} {self.version}"

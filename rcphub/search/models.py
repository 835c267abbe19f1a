"""The search index: one document per indexed object, with the keys that decide who may find it."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """Hold the searchable text of one object and who may find it.

    PostgreSQL adds a generated, weighted `search_vector` column with a GIN index; SQLite keeps an
    FTS5 table in step through triggers (both made in the migration, not known to the ORM).
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("content type"))
    object_id = models.PositiveBigIntegerField(_("object id"))
    title = models.TextField(_("title"))
    body = models.TextField(_("body"), blank=True)
    url = models.CharField(_("URL"), max_length=500)
    language = models.CharField(_("language"), max_length=10, blank=True)
    public = models.BooleanField(_("public"), default=False)
    coalition_id = models.BigIntegerField(_("coalition"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="searchdocument_object_unique"
            ),
        ]
        # "An exact title first" looks titles up by lower case.
        indexes = [models.Index(Lower("title"), name="searchdocument_title_lower")]

    def __str__(self) -> str:
        return self.title

"""Writes on knowledge products: the platform secretariat for any coalition (or none), a coalition's
secretariat for its own. A product has a file (within the size and type limits) or a link."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from rcphub.coalitions.models import Coalition
from rcphub.core.validators import validate_upload
from rcphub.repository.models import KnowledgeProduct
from rcphub.repository.permissions import can_create_knowledge_product, can_manage_knowledge_product
from rcphub.repository.services.common import MAX_ID, clean_languages

KNOWLEDGE_FIELDS = ("title", "kind", "coalition", "languages", "visibility", "file", "link", "published_on")


def _resolve_coalition(value: Any) -> Any:
    if value in (None, "") or isinstance(value, Coalition):
        return value or None
    text = str(value).strip()
    coalition = (
        Coalition.objects.filter(pk=int(text)).first()
        if text.isdigit() and 0 < int(text) <= MAX_ID
        else Coalition.objects.filter(slug=text[:60]).first()
    )
    if coalition is None:
        raise ValidationError({"coalition": _("Unknown coalition: %(value)s.") % {"value": text[:60]}})
    return coalition


def _knowledge_fields(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(KNOWLEDGE_FIELDS)
    if unknown:
        raise ValueError(f"Not a field here: {', '.join(sorted(unknown))}")
    if "coalition" in fields:
        fields["coalition"] = _resolve_coalition(fields["coalition"])
    if "languages" in fields:
        fields["languages"] = clean_languages(fields["languages"])
    upload = fields.get("file")
    if upload:
        try:
            validate_upload(upload)
        except ValidationError as error:
            raise ValidationError({"file": error.messages}) from None
    return fields


def _save_product(
    product: KnowledgeProduct, fields: dict[str, Any], *, by: Any, expected_version: int | None = None
) -> None:
    old_file = product.file.name if product.pk and product.file else ""
    upload = fields.pop("file", None)
    for name, value in fields.items():
        setattr(product, name, value.strip() if isinstance(value, str) else value)
    if upload is False:  # cleared
        product.file = ""
    elif upload:
        product.file = upload
    product.full_clean()
    product._history_user = by  # type: ignore[attr-defined]
    product.save_versioned(expected_version=expected_version)
    if old_file and old_file != product.file.name:
        storage = product.file.storage
        # Removed after commit so that a rolled-back change keeps its file.
        transaction.on_commit(lambda: storage.delete(old_file))


@transaction.atomic
def knowledge_product_create(*, by: Any, **fields: Any) -> KnowledgeProduct:
    """Add a knowledge product: the platform secretariat for any coalition, a coalition's secretariat for its own.

    It needs a file (within the size and type limits) or a link; languages are known codes.
    """
    fields = _knowledge_fields(fields)
    if not can_create_knowledge_product(user=by, coalition=fields.get("coalition")):
        raise PermissionDenied
    product = KnowledgeProduct()
    _save_product(product, fields, by=by)
    return product


@transaction.atomic
def knowledge_product_update(
    *, product: KnowledgeProduct, by: Any, expected_version: int | None, **fields: Any
) -> KnowledgeProduct:
    """Change a knowledge product, refusing a stale `expected_version` (ConflictError); `file=False`
    removes its file. Moving it to another coalition needs the right to add products there too."""
    if not can_manage_knowledge_product(user=by, product=product):
        raise PermissionDenied
    fields = _knowledge_fields(fields)
    if "coalition" in fields and not can_create_knowledge_product(user=by, coalition=fields["coalition"]):
        raise PermissionDenied
    _save_product(product, fields, by=by, expected_version=expected_version)
    return product


@transaction.atomic
def knowledge_product_delete(*, product: KnowledgeProduct, by: Any) -> None:
    """Delete a knowledge product and, once the deletion is committed, its file."""
    if not can_manage_knowledge_product(user=by, product=product):
        raise PermissionDenied
    name = product.file.name if product.file else ""
    storage = product.file.storage
    product._history_user = by  # type: ignore[attr-defined]
    product.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))

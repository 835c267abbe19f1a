"""Writes on the search index: one document per indexed object, replaced on every write."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from rcphub.search.models import SearchDocument
from rcphub.search.registry import Adapter, SearchEntry, adapter_for, adapter_record, registered_models

# Marks the highlighted words inside snippets before escaping; never kept in indexed text.
MARK_START = "\ue000"
MARK_END = "\ue001"


def _clean(text: object) -> str:
    return str(text or "").replace("\x00", "").replace(MARK_START, "").replace(MARK_END, "")


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Yield lists of `size` items (the last one shorter); itertools.batched from Python 3.12."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def search_register(model: type[models.Model], adapter: Adapter) -> None:
    """Index `model` through `adapter` and keep the index in step on every save and delete.

    The adapter turns an instance into a SearchEntry (or a tuple of its fields), or None when the
    instance is not to be found by search at all.
    """
    adapter_record(model, adapter)
    uid = f"rcphub.search:{model._meta.label}"
    post_save.connect(_index_on_save, sender=model, dispatch_uid=uid, weak=False)
    post_delete.connect(_remove_on_delete, sender=model, dispatch_uid=uid, weak=False)


def _index_on_save(
    sender: type[models.Model], instance: models.Model, raw: bool = False, **kwargs: object
) -> None:
    if raw:  # loading fixtures: the rebuild command indexes afterwards
        return
    search_index_object(instance=instance)


def _remove_on_delete(sender: type[models.Model], instance: models.Model, **kwargs: object) -> None:
    search_remove_object(instance=instance)


def search_index_object(*, instance: models.Model) -> SearchDocument | None:
    """Store the instance's document through its adapter, or drop it when the adapter says None."""
    adapter = adapter_for(type(instance))
    if adapter is None:
        return None
    raw = adapter(instance)
    content_type = ContentType.objects.get_for_model(instance)
    if raw is None:
        SearchDocument.objects.filter(content_type=content_type, object_id=instance.pk).delete()
        return None
    document, _created = SearchDocument.objects.update_or_create(
        content_type=content_type, object_id=instance.pk, defaults=_document_fields(raw)
    )
    return document


def _document_fields(raw: SearchEntry | tuple[Any, ...]) -> dict[str, Any]:
    entry = raw if isinstance(raw, SearchEntry) else SearchEntry(*raw)
    return {
        "title": _clean(entry.title),
        "body": _clean(entry.body),
        "url": str(entry.url),
        "public": bool(entry.public),
        "coalition_id": entry.coalition_id,
        "language": entry.language,
    }


_DOCUMENT_FIELDS = ["title", "body", "url", "public", "coalition_id", "language", "updated_at"]


def search_index_many(*, instances: Iterable[models.Model], chunk_size: int = 500) -> int:
    """Re-index each instance (after bulk writes or a change that affects many); return how many.

    Writes one upsert and at most one delete per chunk of `chunk_size` instances of a model, so that
    indexing an imported work plan of 10 000 activities takes a few dozen statements, not 20 000.
    """
    count = 0
    for chunk in batched(instances, chunk_size):
        by_model: dict[type[models.Model], list[models.Model]] = {}
        for instance in chunk:
            by_model.setdefault(type(instance), []).append(instance)
        for model, objects in by_model.items():
            adapter = adapter_for(model)
            if adapter is None:
                continue
            content_type = ContentType.objects.get_for_model(model)
            now = timezone.now()
            documents, dropped = {}, []
            for instance in objects:
                raw = adapter(instance)
                if raw is None:
                    dropped.append(instance.pk)
                else:
                    documents[instance.pk] = SearchDocument(
                        content_type=content_type,
                        object_id=instance.pk,
                        updated_at=now,
                        **_document_fields(raw),
                    )
            if dropped:
                SearchDocument.objects.filter(content_type=content_type, object_id__in=dropped).delete()
            if documents:
                SearchDocument.objects.bulk_create(
                    documents.values(),
                    update_conflicts=True,
                    unique_fields=["content_type", "object_id"],
                    update_fields=_DOCUMENT_FIELDS,
                )
            count += len(objects)
    return count


def search_remove_object(*, instance: models.Model) -> None:
    """Drop the instance's document from the index."""
    content_type = ContentType.objects.get_for_model(instance)
    SearchDocument.objects.filter(content_type=content_type, object_id=instance.pk).delete()


def search_rebuild(
    *, models_: Iterable[type[models.Model]] | None = None, progress: Callable[[str], None] | None = None
) -> int:
    """Rebuild the documents of the registered models (or `models_`) and drop stale ones; return the count."""
    total = 0
    for model in models_ if models_ is not None else registered_models():
        content_type = ContentType.objects.get_for_model(model)
        with transaction.atomic():
            existing = list(model._default_manager.order_by("pk").values_list("pk", flat=True))
            SearchDocument.objects.filter(content_type=content_type).exclude(object_id__in=existing).delete()
            done = 0
            for chunk in batched(model._default_manager.order_by("pk").iterator(chunk_size=500), 500):
                done += search_index_many(instances=chunk)
                if progress and done % 500 == 0:
                    progress(f"{model._meta.label}: {done}/{len(existing)}")
        if progress:
            progress(f"{model._meta.label}: {done} indexed")
        total += done
    return total

"""Which models are indexed and how: higher apps register an adapter from their ready()."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from django.db import models
from django.db.models.signals import post_delete, post_save


class SearchEntry(NamedTuple):
    """The searchable text of one object and who may find it."""

    title: str
    body: str
    url: str
    public: bool
    coalition_id: int | None
    language: str = ""


Adapter = Callable[[Any], SearchEntry | tuple[Any, ...] | None]

_registry: dict[type[models.Model], Adapter] = {}


def register(model: type[models.Model], adapter: Adapter) -> None:
    """Index `model` through `adapter` and keep the index in step on every save and delete.

    The adapter turns an instance into a SearchEntry (or a tuple of its fields), or None when the
    instance is not to be found by search at all.
    """
    _registry[model] = adapter
    uid = f"rcphub.search:{model._meta.label}"
    post_save.connect(_on_save, sender=model, dispatch_uid=uid, weak=False)
    post_delete.connect(_on_delete, sender=model, dispatch_uid=uid, weak=False)


def registered_models() -> list[type[models.Model]]:
    """Return the indexed models in registration order."""
    return list(_registry)


def adapter_for(model: type[models.Model]) -> Adapter | None:
    """Return the adapter registered for `model` (or a concrete parent of it), if any."""
    for klass in model.__mro__:
        if klass in _registry:
            return _registry[klass]
    return None


def _on_save(sender: type[models.Model], instance: models.Model, raw: bool = False, **kwargs: Any) -> None:
    if raw:  # loading fixtures: the rebuild command indexes afterwards
        return
    from rcphub.search.services import search_index_object

    search_index_object(instance=instance)


def _on_delete(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    from rcphub.search.services import search_remove_object

    search_remove_object(instance=instance)

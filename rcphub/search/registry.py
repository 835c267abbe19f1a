"""Which models are indexed and how: the adapters that apps register from their ready()."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from django.db import models


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


def adapter_record(model: type[models.Model], adapter: Adapter) -> None:
    """Record `adapter` as the one that turns instances of `model` into documents.

    Apps call `rcphub.search.services.search_register`, which also keeps the index in step on writes.
    """
    _registry[model] = adapter


def registered_models() -> list[type[models.Model]]:
    """Return the indexed models in registration order."""
    return list(_registry)


def adapter_for(model: type[models.Model]) -> Adapter | None:
    """Return the adapter registered for `model` (or a concrete parent of it), if any."""
    for klass in model.__mro__:
        if klass in _registry:
            return _registry[klass]
    return None

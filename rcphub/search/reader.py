"""What the search page and API ask of the rest of the platform: the kinds of things one may search
for, and which coalitions' internal documents a reader may find.

The search app sits below `coalitions`, so it does not import its permissions: a higher app
registers the reader's scope (see `register_reader_scope`, called from CoalitionsConfig.ready).
Until one does, readers other than the platform secretariat find public documents only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from rcphub.accounts.permissions import is_platform_secretariat
from rcphub.search.registry import registered_models


@dataclass(frozen=True)
class SearchKind:
    """A kind of thing one may search for: its key in query strings, its labels and its model."""

    key: str
    label: Promise  # plural: "Practices"
    label_one: Promise  # singular: "Practice"
    model_label: str  # app_label.ModelName, resolved lazily: the search app imports no higher app


# In the order the search page offers them.
SEARCH_KINDS: tuple[SearchKind, ...] = (
    SearchKind("activities", _("Activities"), _("Activity"), "workplans.Activity"),
    SearchKind("practices", _("Practices"), _("Practice"), "repository.Practice"),
    SearchKind("pledges", _("Pledges"), _("Pledge"), "repository.Pledge"),
    SearchKind(
        "knowledge_products", _("Knowledge products"), _("Knowledge product"), "repository.KnowledgeProduct"
    ),
)
KIND_KEYS = tuple(kind.key for kind in SEARCH_KINDS)


def _model(kind: SearchKind) -> type[models.Model] | None:
    try:
        model = apps.get_model(kind.model_label)
    except LookupError:
        return None
    return model if model in registered_models() else None


def searchable_kinds() -> list[SearchKind]:
    """Return the kinds whose model is installed and indexed."""
    return [kind for kind in SEARCH_KINDS if _model(kind) is not None]


def models_of_kind(key: str | None) -> list[type[models.Model]] | None:
    """Return the models to search for the kind's key (None for every indexed model)."""
    if not key:
        return None
    return [model for kind in SEARCH_KINDS if kind.key == key and (model := _model(kind)) is not None]


def kind_of(content_type: ContentType) -> SearchKind | None:
    """Return the kind of a hit's content type, if it is one of the kinds offered."""
    label = f"{content_type.app_label}.{content_type.model}"
    for kind in SEARCH_KINDS:
        if kind.model_label.lower() == label:
            return kind
    return None


ScopeResolver = Callable[[Any], Iterable[int]]

_scope: list[ScopeResolver] = []


def register_reader_scope(resolver: ScopeResolver) -> None:
    """Use `resolver(user)` for the coalitions whose internal documents the user may find."""
    _scope[:] = [resolver]


def visible_coalition_ids(user: Any) -> frozenset[int] | None:
    """Return the coalitions whose internal documents the user may find; None for all of them."""
    if is_platform_secretariat(user):
        return None
    if not _scope or not getattr(user, "is_authenticated", False):
        return frozenset()
    return frozenset(_scope[0](user))

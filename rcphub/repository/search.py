"""How practices, pledges and knowledge products are found by full-text search.

Registered from RepositoryConfig.ready. Published practices and pledges are public; unpublished ones
are kept out of the index altogether (the secretariat reviews them through the review queue, not by
search). Knowledge products are public when they and their coalition are, else findable by their
coalition's members only (or, with no coalition, by the platform secretariat only).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from django.db.models.signals import m2m_changed
from django.urls import reverse
from django.utils.text import Truncator

from rcphub.core.models import Visibility
from rcphub.reference.models import EntityKind
from rcphub.repository.models import KnowledgeProduct, Pledge, Practice, SubmissionState
from rcphub.search.registry import SearchEntry
from rcphub.search.services import search_index_many, search_index_object, search_register

PLEDGE_TITLE_WORDS = 12


def _names(items: Any, attribute: str = "name_en") -> list[str]:
    return [str(getattr(item, attribute)) for item in items.all()]


def _objectives(items: Any) -> list[str]:
    return [f"{objective.code} {objective.short_title}" for objective in items.all()]


def practice_search_entry(practice: Practice) -> SearchEntry | None:
    """Describe a published practice for the index; an unpublished one is not indexed."""
    if practice.state != SubmissionState.PUBLISHED:
        return None
    parts = [
        practice.summary,
        practice.body,
        ", ".join(_names(practice.countries)),
        ", ".join(f"{e.acronym} {e.name}" for e in practice.implementers.all()),
        "; ".join(_objectives(practice.gcm_objectives)),
        practice.contact,
    ]
    return SearchEntry(
        title=practice.title,
        body="\n".join(part for part in parts if part),
        url=reverse("repository:practice_detail", args=[practice.pk]),
        public=True,
        coalition_id=None,
        language=practice.language,
    )


def pledge_title(pledge: Pledge) -> str:
    """Return the short form of a pledge that search shows: its pledger and its first words.

    A Member State is named in full (its entity's acronym is its ISO code); other pledgers by acronym.
    """
    pledger = pledge.pledger
    who = pledger.name if pledger.kind == EntityKind.MEMBER_STATE else pledger.acronym
    return f"{who}: {Truncator(pledge.text).words(PLEDGE_TITLE_WORDS)}"


def pledge_search_entry(pledge: Pledge) -> SearchEntry | None:
    """Describe a published pledge for the index; an unpublished one is not indexed."""
    if pledge.state != SubmissionState.PUBLISHED:
        return None
    parts = [
        pledge.text,
        pledge.occasion,
        f"{pledge.pledger.name} ({pledge.pledger.acronym})",
        ", ".join(f"{e.acronym} {e.name}" for e in pledge.partners.all()),
        ", ".join(_names(pledge.countries)),
        "; ".join(_objectives(pledge.gcm_objectives)),
    ]
    return SearchEntry(
        title=pledge_title(pledge),
        body="\n".join(part for part in parts if part),
        url=reverse("repository:pledge_detail", args=[pledge.pk]),
        public=True,
        coalition_id=None,
    )


def knowledge_product_search_entry(product: KnowledgeProduct) -> SearchEntry:
    """Describe a knowledge product: public when it and its coalition are, else for its coalition's members."""
    coalition = product.coalition
    public = product.visibility == Visibility.PUBLIC and (
        coalition is None or coalition.visibility == Visibility.PUBLIC
    )
    parts = [str(product.get_kind_display()), coalition.name if coalition is not None else ""]
    return SearchEntry(
        title=product.title,
        body="\n".join(part for part in parts if part),
        url=reverse("repository:knowledge_detail", args=[product.pk]),
        public=public,
        # With no coalition and internal, no member's coalition matches: only the platform secretariat finds it.
        coalition_id=None if public else product.coalition_id,
        language=product.languages.split(",")[0].strip(),
    )


def reindex_on_m2m(
    sender: Any, instance: Model, action: str, model: type[Model], pk_set: Any, **kwargs: Any
) -> None:
    """Re-index the practices or pledges whose indexed countries, partners or objectives changed."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not kwargs.get("reverse"):
        search_index_object(instance=instance)
    elif pk_set:  # changed from the other side (e.g. country.practices.add(...)): `model` is the indexed one
        search_index_many(instances=model._default_manager.filter(pk__in=pk_set))


def reindex_coalition_products(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    """Re-index the coalition's knowledge products, whose visibility follows the coalition's."""
    if not raw:
        search_index_many(
            instances=KnowledgeProduct.objects.filter(coalition=instance).select_related("coalition")
        )


def register_search() -> None:
    """Register practices, pledges and knowledge products with the search index."""
    from django.db.models.signals import post_save

    from rcphub.coalitions.models import Coalition

    search_register(Practice, practice_search_entry)
    search_register(Pledge, pledge_search_entry)
    search_register(KnowledgeProduct, knowledge_product_search_entry)
    post_save.connect(
        reindex_coalition_products, sender=Coalition, dispatch_uid="rcphub.repository.search.coalition"
    )
    for field in (
        Practice.countries,
        Practice.implementers,
        Practice.gcm_objectives,
        Pledge.countries,
        Pledge.partners,
        Pledge.gcm_objectives,
    ):
        through = field.through
        m2m_changed.connect(
            reindex_on_m2m, sender=through, dispatch_uid=f"rcphub.repository.search:{through._meta.label}"
        )

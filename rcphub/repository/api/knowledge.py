"""API on knowledge products: list (filtered as on the pages), facet counts, one product, adding one
with a link or with its file, changing and deleting (those who manage it)."""

from datetime import date
from typing import Any, Literal

from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, File, Form, Query, Schema
from ninja.files import UploadedFile
from ninja.pagination import paginate

from rcphub.api.pagination import Pagination
from rcphub.api.schemas import BodyDate, BodyIn
from rcphub.repository import selectors, services
from rcphub.repository.api.common import (
    MANY_VALUES,
    MAX_ID,
    VERSION,
    FacetsOut,
    facets_of,
    filtered_list,
    plain_values,
    refuse_nulls,
    router,
    sent_values,
)
from rcphub.repository.filters import KNOWLEDGE
from rcphub.repository.models import KnowledgeKind, KnowledgeProduct


class KnowledgeProductOut(Schema):
    id: int
    title: str
    kind: KnowledgeKind
    coalition: str | None = Field(description="The coalition's slug, if any.")
    languages: list[str]
    visibility: str
    file_url: str | None = Field(description="Where to download its file, if it has one.")
    link: str
    published_on: date | None
    version: int = Field(description="Send it back when you change the product: a stale one answers 409.")

    @staticmethod
    def resolve_coalition(product: KnowledgeProduct) -> str | None:
        return product.coalition.slug if product.coalition is not None else None

    @staticmethod
    def resolve_languages(product: KnowledgeProduct) -> list[str]:
        return [code.strip() for code in product.languages.split(",") if code.strip()]

    @staticmethod
    def resolve_file_url(product: KnowledgeProduct) -> str | None:
        # Through the page that checks who may see the product: files are never served from /media/.
        return reverse("repository:knowledge_file", args=[product.pk]) if product.file else None


class KnowledgeProductIn(BodyIn):
    title: str = Field(min_length=1, max_length=300)
    kind: KnowledgeKind
    coalition: str | None = Field(
        None, max_length=60, description="The coalition's slug or id; none for the platform."
    )
    languages: list[str] = Field(
        ["en"], min_length=1, max_length=30, description="Language codes: en, fr, ru."
    )
    visibility: Literal["public", "internal"] = "public"
    link: str = Field("", max_length=500, description="A link to the product (or upload a file instead).")
    published_on: BodyDate | None = None


class KnowledgeProductUpdateIn(BodyIn):
    version: int = Field(ge=1, le=MAX_ID, description=VERSION)
    title: str | None = Field(None, min_length=1, max_length=300)
    kind: KnowledgeKind | None = None
    coalition: str | None = Field(None, max_length=60)
    languages: list[str] | None = Field(None, min_length=1, max_length=30)
    visibility: Literal["public", "internal"] | None = None
    link: str | None = Field(None, max_length=500)
    published_on: BodyDate | None = None


class KnowledgeProductForm(BodyIn):
    """The fields of a knowledge product sent as a form, with its file."""

    title: str = Field(min_length=1, max_length=300)
    kind: KnowledgeKind
    coalition: str | None = Field(None, max_length=60)
    languages: str = Field("en", max_length=100, description="Comma-separated language codes: en, fr.")
    visibility: Literal["public", "internal"] = "public"
    link: str = Field("", max_length=500)
    published_on: BodyDate | None = None


class KnowledgeFilterQuery(Schema):
    kind: list[str] = Field([], description="guidance, toolkit, key_messages, … " + MANY_VALUES)
    coalition: list[str] = Field([], description="Coalition slugs. " + MANY_VALUES)
    year: int | None = Field(None, ge=1900, le=2199, description="The year it was published.")
    q: str = Field("", description="Words in the title.")
    sort: Literal["newest", "oldest", "title"] | None = None


def with_product_relations(qs: QuerySet[KnowledgeProduct]) -> QuerySet[KnowledgeProduct]:
    """Fetch each product's coalition with it."""
    return qs.select_related("coalition")


@router.get("/knowledge-products", response=list[KnowledgeProductOut])
@paginate(Pagination)
def list_knowledge_products(
    request: HttpRequest, filters: Query[KnowledgeFilterQuery]
) -> QuerySet[KnowledgeProduct]:
    """List the knowledge products you may see (public ones, and your coalitions' internal ones),
    filtered and sorted as on the repository's pages."""
    return with_product_relations(filtered_list(KNOWLEDGE, request))


@router.get("/knowledge-products/facets", response=FacetsOut)
def knowledge_product_facets(request: HttpRequest, filters: Query[KnowledgeFilterQuery]) -> dict[str, Any]:
    """Count the knowledge products you may see for each value of each filter, the other filters kept."""
    return facets_of(KNOWLEDGE, request)


@router.post("/knowledge-products/upload", response={201: KnowledgeProductOut})
def upload_knowledge_product(
    request: HttpRequest, payload: Form[KnowledgeProductForm], file: File[UploadedFile]
) -> KnowledgeProduct:
    """Add a knowledge product with its file, sent as multipart form data (size and type limits apply)."""
    fields = sent_values(payload)
    return services.knowledge_product_create(by=request.user, file=file, **fields)


@router.get("/knowledge-products/{product_id}", response=KnowledgeProductOut)
def get_knowledge_product(request: HttpRequest, product_id: int) -> KnowledgeProduct:
    """Show a knowledge product you may see."""
    return selectors.knowledge_product_get(product_id=product_id, user=request.user)


@router.post("/knowledge-products", response={201: KnowledgeProductOut})
def create_knowledge_product(request: HttpRequest, payload: KnowledgeProductIn) -> KnowledgeProduct:
    """Add a knowledge product with a link (the platform secretariat, or a coalition's secretariat for its own)."""
    return services.knowledge_product_create(by=request.user, **sent_values(payload))


@router.patch("/knowledge-products/{product_id}", response=KnowledgeProductOut)
def update_knowledge_product(
    request: HttpRequest, product_id: int, payload: KnowledgeProductUpdateIn
) -> KnowledgeProduct:
    """Change a knowledge product you manage; send only the fields to change."""
    product = selectors.knowledge_product_get(product_id=product_id, user=request.user)
    fields = payload.dict(exclude_unset=True)
    version = fields.pop("version")
    fields = plain_values(fields)
    refuse_nulls(KnowledgeProduct, fields)
    return services.knowledge_product_update(
        product=product, by=request.user, expected_version=version, **fields
    )


@router.delete("/knowledge-products/{product_id}", response={204: None})
def delete_knowledge_product(request: HttpRequest, product_id: int) -> None:
    """Delete a knowledge product you manage, and its file."""
    product = selectors.knowledge_product_get(product_id=product_id, user=request.user)
    services.knowledge_product_delete(product=product, by=request.user)
    return None

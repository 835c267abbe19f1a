"""What the repository's API shares: its router, the references and workflow fields every
submission shows, facet counts, and reading what is sent."""

from collections.abc import Callable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from ninja import Field, Router, Schema

from rcphub.core.errors import NotFound
from rcphub.repository.filters import repository_filter
from rcphub.repository.models import Submission, SubmissionState


class RepositoryRouter(Router):
    """The repository's router. Each operation keeps the OpenAPI id it had when the API was one module,
    `rcphub_repository_api_<handler>`, so that clients generated from the schema keep working."""

    def add_api_operation(
        self,
        path: str,
        methods: list[str],
        view_func: Callable[..., Any],
        *,
        operation_id: str | None = None,
        **kwargs: Any,
    ) -> None:
        operation_id = operation_id or f"rcphub_repository_api_{view_func.__name__}"
        super().add_api_operation(path, methods, view_func, operation_id=operation_id, **kwargs)


router = RepositoryRouter(tags=["repository"])

MAX_ID = 2**63 - 1
# The version a write sends back: required, so that nobody overwrites a change they never saw.
VERSION = "The version you read (from the object's `version`); 409 if someone saved it since."
YEAR_MIN, YEAR_MAX = 1900, 2100
# The filters' schemas say so of each filter that takes several values.
MANY_VALUES = "Repeat the parameter for several values: any of them matches."

# ---------------------------------------------------------------------------------------------
# Schemas


class EntityRef(Schema):
    id: int
    acronym: str
    name: str
    kind: str


class SubmissionOut(Schema):
    """The workflow fields every practice, pledge and pledge report carries."""

    state: SubmissionState
    published_on: date | None
    review_comment: str = Field(
        description="The secretariat's comment on a returned submission; shown to its submitter and the secretariat."
    )
    version: int = Field(description="Send it back when you change the submission: a stale one answers 409.")

    @staticmethod
    def resolve_review_comment(item: Submission) -> str:
        # Readers of a published submission are anyone; the comment is for the submitter and reviewers.
        return item.review_comment if item.state != SubmissionState.PUBLISHED else ""


class FacetValueOut(Schema):
    value: str = Field(description="The value to send in the filter's parameter.")
    label: str
    count: int
    selected: bool


class FacetOut(Schema):
    name: str = Field(description="The filter's name in the query string.")
    label: str
    values: list[FacetValueOut]


class FacetsOut(Schema):
    count: int = Field(description="How many items match the filters as given.")
    facets: list[FacetOut] = Field(
        description="For each filter, how many items each of its values would give with the other filters kept."
    )


# ---------------------------------------------------------------------------------------------
# Helpers


def plain_values(fields: dict[str, Any]) -> dict[str, Any]:
    """Return the fields sent, a choice given as its value (what the services take)."""
    return {name: (value.value if hasattr(value, "value") else value) for name, value in fields.items()}


def sent_values(payload: Schema) -> dict[str, Any]:
    """Return every field of the payload, sent or default, as the services take them."""
    return plain_values(payload.dict())


def refuse_nulls(model: type[Model], fields: dict[str, Any]) -> None:
    """Refuse null for a field that cannot be empty that way (422 naming it), rather than fail on saving."""
    refused = {
        name: _("This field cannot be null.")
        for name, value in fields.items()
        if value is None and not model._meta.get_field(name).null
    }
    if refused:
        raise ValidationError(refused)


def sent_changes(payload: Schema, model: type[Model]) -> tuple[int | None, dict[str, Any]]:
    """Return the expected version and the fields actually sent (a field sent as null included)."""
    fields = payload.dict(exclude_unset=True)
    version = fields.pop("version", None)
    refuse_nulls(model, fields)
    return version, plain_values(fields)


def missing() -> Any:
    """Answer 404: what one may not see answers like what does not exist."""
    raise NotFound


FACET_LABELS: dict[str, Any] = {
    "objective": _lazy("GCM objective"),
    "country": _lazy("Country"),
    "implementer_type": _lazy("Implementer type"),
    "scope": _lazy("Scope"),
    "year": _lazy("Year"),
    "stage": _lazy("Stage"),
    "kind": _lazy("Kind"),
    "pledger_type": _lazy("Kind of pledger"),
    "coalition": _lazy("Coalition"),
}


def filtered_list(kind: str, request: HttpRequest) -> QuerySet[Any]:
    """Return the list filtered and sorted by the query string, as the pages do (422 naming bad fields)."""
    return repository_filter(kind, user=request.user, params=request.GET, facets=()).items


def facets_of(kind: str, request: HttpRequest) -> dict[str, Any]:
    """Return how many items of the list `kind` each value of each filter gives, the other filters kept."""
    filtered = repository_filter(kind, user=request.user, params=request.GET)
    return {
        "count": filtered.items.count(),
        "facets": [
            {"name": name, "label": str(FACET_LABELS.get(name, name)), "values": values}
            for name, values in filtered.facets.items()
        ],
    }

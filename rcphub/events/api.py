"""API of the shared calendar: events with filters; create, change and delete for their secretariats.

Handlers translate HTTP only: visibility, permissions and rules live in the selectors and services.
An event the reader may not see answers 404 like a missing one; bad input answers 422 naming the field.
"""

from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from rcphub.api.pagination import Pagination
from rcphub.api.schemas import BodyIn
from rcphub.core.dates import QueryDate
from rcphub.core.models import Visibility
from rcphub.events import selectors, services
from rcphub.events.models import Event, EventKind
from rcphub.events.permissions import can_manage_event

router = Router(tags=["calendar"])


def _operation_id(name: str) -> str:
    """Return the handler's OpenAPI operation id as published while the calendar lived in `support`,
    so that clients generated from the schema keep their method names."""
    return f"rcphub_support_event_api_{name}"


MAX_ID = 2**63 - 1

# ---------------------------------------------------------------------------------------------
# Schemas


class EventOut(Schema):
    id: int
    title: str
    kind: EventKind
    coalition: str | None = Field(None, description="The coalition's slug; null for a platform-wide event.")
    description: str
    countries: list[str] = Field(description="ISO alpha-3 codes of the countries concerned.")
    unct_countries: list[str] = Field(
        description="ISO alpha-3 codes of the countries whose UN Country Team the event served."
    )
    starts_at: datetime
    ends_at: datetime
    online: bool
    place: str
    link: str
    facilitators: str = Field(description="Names as written.")
    organisers: list[str] = Field(description="Acronyms of the organising entities.")
    support_request: int | None = Field(
        None, description="The support request the event answers; shown to those who may change the event."
    )
    visibility: Visibility
    version: int
    url: str = Field(description="The event's page.")

    @staticmethod
    def resolve_coalition(event: Event) -> str | None:
        return event.coalition.slug if event.coalition is not None else None

    @staticmethod
    def resolve_countries(event: Event) -> list[str]:
        return [country.iso3 for country in event.countries.all()]

    @staticmethod
    def resolve_unct_countries(event: Event) -> list[str]:
        return [country.iso3 for country in event.unct_countries.all()]

    @staticmethod
    def resolve_organisers(event: Event) -> list[str]:
        return [entity.acronym for entity in event.organisers.all()]

    @staticmethod
    def resolve_support_request(event: Event, context: Any) -> int | None:
        user = context["request"].user
        return event.support_request_id if can_manage_event(user=user, event=event) else None

    @staticmethod
    def resolve_url(event: Event, context: Any) -> str:
        url: str = context["request"].build_absolute_uri(reverse("events:event_detail", args=[event.pk]))
        return url


class EventQuery(Schema):
    coalition: str | None = Field(None, max_length=100, description="The coalition's slug.")
    kind: EventKind | None = None
    country: str | None = Field(None, max_length=3, description="ISO alpha-2 or alpha-3 code.")
    starts_from: QueryDate | None = Field(
        None, alias="from", description="Events that end on or after this day."
    )
    until: QueryDate | None = Field(None, alias="to", description="Events that start on or before this day.")

    def to_query(self) -> dict[str, Any]:
        """Return the filters under their query-string names, as the selector reads them."""
        return {
            "coalition": self.coalition,
            "kind": self.kind.value if self.kind else None,
            "country": self.country,
            "from": self.starts_from,
            "to": self.until,
        }


class EventIn(BodyIn):
    coalition: str | None = Field(
        None, max_length=100, description="The coalition's slug; leave out for a platform-wide event."
    )
    kind: EventKind
    title: str = Field(min_length=1, max_length=300)
    description: str = Field("", max_length=20_000)
    countries: list[str] = Field(
        default_factory=list, max_length=100, description="ISO alpha-2 or alpha-3 codes."
    )
    unct_countries: list[str] = Field(
        default_factory=list,
        max_length=100,
        description="The countries whose UN Country Team the event served: ISO alpha-2 or alpha-3 codes.",
    )
    starts_at: datetime = Field(description="With its offset; a time without one is the site's local time.")
    ends_at: datetime = Field(description="Not before `starts_at`.")
    online: bool = False
    place: str = Field("", max_length=200, description="Required unless the event is online.")
    link: str = Field("", max_length=500)
    facilitators: str = Field("", max_length=500, description="Names as they should appear.")
    organisers: list[str] = Field(default_factory=list, max_length=50, description="Entities' acronyms.")
    support_request: int | None = Field(
        None, ge=1, le=MAX_ID, description="A support request addressed to the same coalition."
    )
    visibility: Visibility = Visibility.PUBLIC


class EventUpdateIn(EventIn):
    version: int = Field(ge=1, le=MAX_ID, description="The version you read; 409 if someone saved since.")


def _references(request: HttpRequest, payload: EventIn) -> selectors.EventReferences:
    return selectors.event_references_resolve(
        user=request.user,
        coalition=payload.coalition.strip() if payload.coalition else None,
        countries=payload.countries,
        unct_countries=payload.unct_countries,
        organisers=payload.organisers,
        support_request=payload.support_request,
    )


def _fields(payload: EventIn) -> dict[str, Any]:
    names = services.EVENT_FIELDS
    values = payload.dict()
    return {name: values[name].value if name in ("kind", "visibility") else values[name] for name in names}


# ---------------------------------------------------------------------------------------------
# Handlers


@router.get("/events", response=list[EventOut], operation_id=_operation_id("list_events"))
@paginate(Pagination)
def list_events(request: HttpRequest, filters: Query[EventQuery]) -> QuerySet[Event]:
    """List the events you may see, by coalition, kind, country and period; earliest first."""
    parsed = selectors.event_filters_parse(query=filters.to_query(), user=request.user)
    return selectors.event_list(user=request.user, filters=parsed)


@router.get("/events/{event_id}", response=EventOut, operation_id=_operation_id("get_event"))
def get_event(request: HttpRequest, event_id: int) -> Event:
    """Show an event you may see."""
    return selectors.event_get(event_id=event_id, user=request.user)


@router.post("/events", response={201: EventOut}, operation_id=_operation_id("create_event"))
def create_event(request: HttpRequest, payload: EventIn) -> Event:
    """Put an event on the calendar: its coalition's secretariat, or the platform secretariat."""
    references = _references(request, payload)
    event = services.event_create(
        coalition=references.coalition,
        countries=references.countries,
        unct_countries=references.unct_countries,
        organisers=references.organisers,
        support_request=references.support_request,
        by=request.user,
        **_fields(payload),
    )
    return selectors.event_get(event_id=event.pk, user=request.user)


@router.put("/events/{event_id}", response=EventOut, operation_id=_operation_id("update_event"))
def update_event(request: HttpRequest, event_id: int, payload: EventUpdateIn) -> Event:
    """Replace an event's fields, if you manage it; 409 if someone saved it since `version`."""
    event = selectors.event_get_for_manage(event_id=event_id, user=request.user)
    references = _references(request, payload)
    services.event_update(
        event=event,
        by=request.user,
        expected_version=payload.version,
        coalition=references.coalition,
        countries=references.countries,
        unct_countries=references.unct_countries,
        organisers=references.organisers,
        support_request=references.support_request,
        **_fields(payload),
    )
    return selectors.event_get(event_id=event.pk, user=request.user)


@router.delete("/events/{event_id}", response={204: None}, operation_id=_operation_id("delete_event"))
def delete_event(request: HttpRequest, event_id: int) -> None:
    """Take an event off the calendar, if you manage it."""
    event = selectors.event_get_for_manage(event_id=event_id, user=request.user)
    services.event_delete(event=event, by=request.user)

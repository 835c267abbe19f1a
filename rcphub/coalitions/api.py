"""API on coalitions: the list a user may see, and one coalition with its co-chairs, members and networks."""

from datetime import date

from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from rcphub.api.pagination import Pagination
from rcphub.coalitions.models import Coalition, CoalitionMember, CountryNetwork
from rcphub.coalitions.selectors import coalition_get_with_members, coalition_list

router = Router(tags=["coalitions"])


class CoalitionOut(Schema):
    slug: str
    name: str
    short_name: str
    kind: str
    theme: str
    active: bool
    visibility: str
    platform: str = Field(alias="platform.name")
    parent: str | None = Field(None, description="The slug of the coalition this one is embedded in.")
    co_chairs: list[str] = Field(description="Acronyms of the entities that chair it now.")

    @staticmethod
    def resolve_parent(coalition: Coalition) -> str | None:
        # Annotated by `coalition_list`: null where the reader may not see the parent.
        return getattr(coalition, "parent_slug", None)

    @staticmethod
    def resolve_co_chairs(coalition: Coalition) -> list[str]:
        return [member.entity.acronym for member in coalition.current_co_chairs]  # type: ignore[attr-defined]


class CoalitionMemberOut(Schema):
    entity: str = Field(alias="entity.acronym")
    entity_name: str = Field(alias="entity.name")
    role: str
    since: date | None
    until: date | None


class CountryNetworkOut(Schema):
    country: str = Field(alias="country.iso3")
    name: str
    established_on: date | None
    tor_url: str
    tor_file: str | None = None

    @staticmethod
    def resolve_tor_file(network: CountryNetwork) -> str | None:
        # The guarded page, which checks who may see the coalition; never the storage address.
        if not network.tor_file:
            return None
        return reverse("coalitions:network_tor", args=[network.coalition.slug, network.pk])


class CoalitionDetailOut(CoalitionOut):
    description: str
    tor_url: str
    tor_file: str | None = None
    members: list[CoalitionMemberOut] = Field(description="Current members, co-chairs included.")
    networks: list[CountryNetworkOut]

    @staticmethod
    def resolve_tor_file(coalition: Coalition) -> str | None:
        return reverse("coalitions:tor", args=[coalition.slug]) if coalition.tor_file else None

    @staticmethod
    def resolve_members(coalition: Coalition) -> list[CoalitionMember]:
        return coalition.current_members  # type: ignore[attr-defined]

    @staticmethod
    def resolve_networks(coalition: Coalition) -> list[CountryNetwork]:
        return coalition.network_list  # type: ignore[attr-defined]


@router.get("/coalitions", response=list[CoalitionOut])
@paginate(Pagination)
def coalitions(request: HttpRequest) -> QuerySet[Coalition]:
    """List the coalitions you may see, active ones first."""
    return coalition_list(user=request.user)


@router.get("/coalitions/{slug}", response=CoalitionDetailOut)
def coalition(request: HttpRequest, slug: str) -> Coalition:
    """Show a coalition with who chairs it, its members and its country networks."""
    return coalition_get_with_members(slug=slug, user=request.user)

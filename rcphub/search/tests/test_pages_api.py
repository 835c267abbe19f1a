"""The search page and the search API: the same hits, ranked, highlighted and never beyond what the reader may see."""

from typing import Any

import pytest
from django.urls import reverse

from rcphub.repository.models import KnowledgeProduct
from rcphub.repository.tests.factories import build_pledge, build_practice

pytestmark = pytest.mark.django_db

HOSTILE = [
    '"a" OR (b* NEAR c) -d',
    '"',
    "primary AND OR NOT ^ * : -- ' \" ( ) { } [ ]",
    "title: care NEAR/3 access",
    "'; DROP TABLE search_searchdocument; --",
    "<script>alert(1)</script>",
    "a" * 5000,
]


@pytest.fixture
def content(work_plan, coalition, other_coalition, member):
    """A public activity ("primary care"), an internal one, a published and a draft practice, a
    published pledge, and knowledge products public, internal to health and internal to climate,
    all mentioning "border"."""
    build_practice(
        submitter=member,
        state="published",
        title="Border health desks",
        body="Nurses at the border screen arriving families and refer them to primary care.",
    )
    build_practice(submitter=member, state="draft", title="Border draft practice", body="Secret border plan.")
    build_pledge(submitter=member, state="published", text="Train border guards on primary care referrals.")
    for title, owner, visibility in [
        ("Border guidance for UNCTs", coalition, "public"),
        ("Border internal key messages", coalition, "internal"),
        ("Border climate internal brief", other_coalition, "internal"),
    ]:
        KnowledgeProduct.objects.create(
            title=title, kind="guidance", coalition=owner, visibility=visibility, link="https://example.org/k"
        )


def page(client: Any, **params: str) -> Any:
    return client.get(reverse("search:search"), params)


def test_search_page_without_words_invites_a_search(client):
    response = page(client)

    assert response.status_code == 200
    assert "Type a few words" in response.content.decode()


def test_search_page_lists_hits_with_kind_link_and_highlighted_snippet(client, content):
    response = page(client, q="border")
    html = response.content.decode()

    assert response.status_code == 200
    assert "Border health desks" in html
    assert "Border guidance for UNCTs" in html
    assert "<mark>border</mark>" in html.lower()
    assert "Practice</span>" in html and "Knowledge product</span>" in html and "Pledge</span>" in html
    for hidden in (
        "Border draft practice",
        "Secret border",
        "Border internal key messages",
        "Border climate",
    ):
        assert hidden not in html


def test_search_page_shows_members_their_coalitions_internal_products_only(client, content, member, outsider):
    client.force_login(member)
    html = page(client, q="border").content.decode()
    assert "Border internal key messages" in html and "Border climate internal brief" not in html

    client.force_login(outsider)
    html = page(client, q="border").content.decode()
    assert "Border internal key messages" not in html and "Border climate internal brief" in html


def test_search_page_narrows_to_one_kind(client, content):
    html = page(client, q="primary care", type="pledges").content.decode()

    assert "Train border guards" in html
    assert "Regional review of access to primary care" not in html
    assert "Border health desks" not in html


def test_search_page_finds_internal_activities_for_members_only(client, content, member):
    assert "Internal coordination" not in page(client, q="internal coordination").content.decode()
    client.force_login(member)
    assert (
        "Internal coordination of country support" in page(client, q="internal coordination").content.decode()
    )


def test_search_page_answers_an_unknown_kind_with_400_naming_it(client):
    response = page(client, q="border", type="elephants")

    assert response.status_code == 400
    assert "type" in response.content.decode()


@pytest.mark.parametrize("query", HOSTILE)
def test_search_page_and_api_accept_hostile_queries(client, content, query):
    assert page(client, q=query).status_code == 200
    response = client.get("/api/v1/search", {"q": query})
    assert response.status_code == 200
    assert isinstance(response.json(), list)


def test_search_page_and_api_refuse_a_nul_character_clearly(client, content):
    # The site's middleware answers 400 naming the field before any view runs: never a server error.
    assert page(client, q="\x00 primary").status_code == 400
    assert client.get("/api/v1/search", {"q": "\x00 primary"}).status_code in (400, 422)


def test_search_page_escapes_the_query(client, content):
    html = page(client, q="<script>alert(1)</script>").content.decode()

    assert "<script>alert(1)</script>" not in html


def test_search_api_returns_ranked_hits_with_kind_and_snippet(client, content):
    response = client.get("/api/v1/search", {"q": "border health desks"})

    assert response.status_code == 200
    hits = response.json()
    assert hits[0]["title"] == "Border health desks"  # exact title first
    assert hits[0]["kind"] == "practices"
    assert hits[0]["url"].endswith(f"/{hits[0]['url'].rstrip('/').split('/')[-1]}/")
    body_hits = client.get("/api/v1/search", {"q": "nurses screen"}).json()
    assert "<mark>" in body_hits[0]["snippet_html"]  # the words are in the body
    assert set(hits[0]) == {"title", "url", "kind", "snippet_html", "rank"}


def test_search_api_narrows_limits_and_hides(client, content, platform_secretariat):
    everything = {hit["title"] for hit in client.get("/api/v1/search", {"q": "border"}).json()}
    assert everything == {
        "Border health desks",
        "Border guidance for UNCTs",
        next(t for t in everything if t.startswith("UNDP: Train border guards")),
    }
    products = client.get("/api/v1/search", {"q": "border", "type": "knowledge_products"}).json()
    assert [hit["kind"] for hit in products] == ["knowledge_products"]
    assert len(client.get("/api/v1/search", {"q": "border", "limit": 1}).json()) == 1

    client.force_login(platform_secretariat)
    titles = {hit["title"] for hit in client.get("/api/v1/search", {"q": "border"}).json()}
    assert {"Border internal key messages", "Border climate internal brief"} <= titles
    assert "Border draft practice" not in titles  # unpublished: found by nobody


@pytest.mark.parametrize(
    ("params", "field"),
    [({"type": "elephants"}, "type"), ({"limit": "0"}, "limit"), ({"limit": "x"}, "limit")],
)
def test_search_api_answers_bad_parameters_with_422_naming_them(client, params, field):
    response = client.get("/api/v1/search", {"q": "border", **params})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == field


def test_search_api_without_words_returns_nothing(client, content):
    assert client.get("/api/v1/search").json() == []


def test_openapi_schema_lists_search(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    assert "/api/v1/search" in response.json()["paths"]

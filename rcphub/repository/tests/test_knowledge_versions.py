"""Concurrent edits of a knowledge product on its page (issue 13): the form carries the version it
was opened at, and the second of two editors gets the conflict message instead of overwriting."""

from django.test import Client
from django.urls import reverse

from rcphub.core.errors import ConflictError
from rcphub.repository.models import KnowledgeProduct


def _post(product, title, version):
    return {
        "title": title,
        "kind": "guidance",
        "coalition": product.coalition_id,
        "languages": "en",
        "visibility": "public",
        "link": "https://example.org/guidance",
        "version": version,
    }


def test_the_second_of_two_editors_gets_the_conflict_message(
    coalition, coalition_secretariat, platform_secretariat
):
    product = KnowledgeProduct.objects.create(
        title="Guidance", kind="guidance", coalition=coalition, link="https://example.org/guidance"
    )
    url = reverse("repository:knowledge_edit", args=[product.pk])
    first, second = Client(), Client()
    first.force_login(coalition_secretariat)
    second.force_login(platform_secretariat)
    for client in (first, second):  # both open the form at version 1
        assert 'name="version" value="1"' in client.get(url).content.decode()

    assert first.post(url, _post(product, "First editor's title", 1)).status_code == 302
    response = second.post(url, _post(product, "Second editor's title", 1))

    assert response.status_code == 200
    assert str(ConflictError().messages[0]) in response.content.decode()
    product.refresh_from_db()
    assert (product.title, product.version) == ("First editor's title", 2)


def test_an_edit_posted_without_the_version_is_refused(coalition, coalition_secretariat):
    product = KnowledgeProduct.objects.create(
        title="Guidance", kind="guidance", coalition=coalition, link="https://example.org/guidance"
    )
    client = Client()
    client.force_login(coalition_secretariat)
    data = _post(product, "Renamed", 1)
    del data["version"]
    response = client.post(reverse("repository:knowledge_edit", args=[product.pk]), data)
    assert response.status_code == 200 and "version" in response.context["form"].errors
    product.refresh_from_db()
    assert (product.title, product.version) == ("Guidance", 1)

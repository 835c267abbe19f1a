"""Gaps found on a second read: nulls sent to the API, matched pledges, products of internal
coalitions, names in the change history, files gone from storage."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from rcphub.reference.models import Entity
from rcphub.repository import permissions, selectors, services
from rcphub.repository.models import KnowledgeProduct, Pledge, Practice
from rcphub.repository.tests.factories import build_pledge, build_practice

pytestmark = pytest.mark.django_db


def _patch(client: Any, path: str, body: dict[str, Any]) -> Any:
    return client.patch(f"/api/v1/{path}", json.dumps(body), content_type="application/json")


# --- nulls sent to the API answer 422 naming the field, and write nothing ----------------------------


@pytest.mark.parametrize("field", ["summary", "body", "links", "contact", "scope", "gcm_objectives"])
def test_null_for_a_practice_field_that_cannot_be_null_answers_422_naming_it(client, member, field):
    practice = build_practice(submitter=member, state="draft")
    client.force_login(member)

    response = _patch(client, f"practices/{practice.pk}", {"version": practice.version, field: None})

    assert response.status_code == 422
    assert [error["loc"][-1] for error in response.json()["detail"]] == [field]
    practice.refresh_from_db()
    assert practice.version == 1
    assert practice.gcm_objectives.count() == 1


def test_null_for_a_nullable_practice_field_is_taken(client, member):
    practice = build_practice(submitter=member, state="draft", period_start=2020)
    client.force_login(member)

    response = _patch(client, f"practices/{practice.pk}", {"period_start": None, "version": practice.version})

    assert response.status_code == 200
    assert response.json()["period_start"] is None


def test_null_for_a_pledge_or_report_field_answers_422_naming_it(client, member):
    pledge = build_pledge(submitter=member, state="draft")
    client.force_login(member)

    response = _patch(client, f"pledges/{pledge.pk}", {"occasion": None, "version": pledge.version})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "occasion"
    published = build_pledge(submitter=member, state="published")
    report = services.pledge_report_create(
        pledge=published, by=member, reported_on=published.made_on, stage="in_progress", narrative="Begun."
    )
    response = _patch(client, f"pledge-reports/{report.pk}", {"narrative": None, "version": report.version})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "narrative"


def test_null_link_of_a_knowledge_product_answers_422_naming_it(client, platform_secretariat):
    product = KnowledgeProduct.objects.create(
        title="Toolkit on return and reintegration",
        kind="toolkit",
        file="repository/knowledge/toolkit.pdf",  # with a file, a product needs no link: null must not pass
        link="https://example.org/t.pdf",
    )
    client.force_login(platform_secretariat)

    response = _patch(client, f"knowledge-products/{product.pk}", {"link": None, "version": product.version})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "link"
    product.refresh_from_db()
    assert product.link == "https://example.org/t.pdf"


# --- a published pledge matches only a published pledge -------------------------------------------


def test_a_pledge_matching_an_unpublished_pledge_is_not_published(member, platform_secretariat, visitor):
    draft = build_pledge(submitter=member, state="draft", text="Open two migrant resource centres.")
    matching = services.pledge_create(
        by=member,
        pledger=Entity.objects.get(acronym="UNDP"),
        kind="matching",
        matches=draft.pk,
        text="Fund the staff of the two centres.",
        gcm_objectives=[15],
        countries=["ALB"],
    )
    services.submission_submit(item=matching, by=member)

    with pytest.raises(ValidationError) as error:
        services.submission_publish(item=matching, by=platform_secretariat)

    assert set(error.value.message_dict) == {"matches"}
    matching.refresh_from_db()
    assert matching.state == "submitted"
    assert not selectors.pledge_list(user=visitor).filter(matches_id=draft.pk).exists()
    draft.state = "published"
    draft.save()
    services.submission_publish(item=matching, by=platform_secretariat)
    assert Pledge.objects.get(pk=matching.pk).state == "published"


# --- a public product of an internal coalition is for those who may see the coalition ---------------


@pytest.fixture
def hidden_product(coalition):
    coalition.visibility = "internal"
    coalition.save()
    return KnowledgeProduct.objects.create(
        title="Guidance on labour migration statistics",
        kind="guidance",
        coalition=coalition,
        visibility="public",
        link="https://example.org/guidance.pdf",
    )


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("visitor", False),
        ("outsider", False),
        ("member", True),
        ("coalition_secretariat", True),
        ("platform_secretariat", True),
    ],
)
def test_public_product_of_an_internal_coalition_is_for_who_may_see_the_coalition(
    request, client, hidden_product, role, sees
):
    user = request.getfixturevalue(role)
    if user.is_authenticated:
        client.force_login(user)

    detail = client.get(reverse("repository:knowledge_detail", args=[hidden_product.pk]))
    listed = client.get(reverse("repository:knowledge_list")).content.decode()
    api = client.get(f"/api/v1/knowledge-products/{hidden_product.pk}")
    facets = client.get("/api/v1/knowledge-products/facets").json()

    assert detail.status_code == (200 if sees else 404)
    assert ("labour migration statistics" in listed) is sees
    assert api.status_code == (200 if sees else 404)
    assert facets["count"] == (1 if sees else 0)
    assert permissions.can_view_knowledge_product(user=user, product=hidden_product) is sees
    assert selectors.knowledge_product_list(user=user).count() == (1 if sees else 0)


# --- the change history names nobody to the submitter -----------------------------------------------


def test_submitter_reads_the_history_without_the_reviewers_name(client, member, platform_secretariat):
    platform_secretariat.first_name, platform_secretariat.last_name = "Nodira", "Tursunova"
    platform_secretariat.save()
    practice = build_practice(submitter=member, state="submitted")
    services.submission_return(item=practice, by=platform_secretariat, comment="Name the municipalities.")
    url = reverse("repository:practice_detail", args=[practice.pk])

    client.force_login(member)
    page = client.get(url).content.decode()
    assert "Change history" in page
    assert "Name the municipalities." in page
    assert "Tursunova" not in page

    client.force_login(platform_secretariat)
    assert "Tursunova" in client.get(url).content.decode()


# --- a file gone from storage answers 404, not a server error ---------------------------------------


def test_knowledge_file_gone_from_storage_answers_404(client, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    product = KnowledgeProduct.objects.create(
        title="Brief on climate mobility", kind="brief", file="repository/knowledge/gone.pdf"
    )

    response = client.get(reverse("repository:knowledge_file", args=[product.pk]))

    assert response.status_code == 404
    assert Practice.objects.count() == 0

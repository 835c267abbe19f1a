"""NUL characters in form fields (pages and the API's multipart uploads) are refused before any view:
PostgreSQL cannot store them (the contract run found a 500 on the knowledge product upload)."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_nul_in_a_multipart_field_of_the_api_is_refused_naming_it(client):
    response = client.post("/api/v1/knowledge-products/upload", {"title": "Guide\x00"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["form", "title"]


def test_a_nul_in_a_page_form_is_refused_with_400(client):
    response = client.post("/accounts/login/", {"username": "a\x00@example.org", "password": "x"})
    assert response.status_code == 400
    assert "username" in response.content.decode()

import pytest

from rcphub.api.tests.conftest import API

pytestmark = pytest.mark.django_db


def test_openapi_schema_is_served_and_lists_the_paths(client):
    response = client.get(f"{API}/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in [
        "/reference/countries",
        "/reference/sdg-goals",
        "/reference/sdg-targets",
        "/reference/gcm-objectives",
        "/reference/gcm-principles",
        "/reference/entities",
        "/coalitions",
        "/coalitions/{slug}",
        "/workplans",
        "/workplans/{work_plan_id}",
        "/workplans/{work_plan_id}/transition",
        "/activities",
        "/activities/{activity_id}",
        "/activities/{activity_id}/status-reports",
    ]:
        assert f"{API}{path}" in paths
    assert "post" in paths[f"{API}/activities/{{activity_id}}/status-reports"]


def test_openapi_schema_documents_token_auth(client):
    schemes = client.get(f"{API}/openapi.json").json()["components"]["securitySchemes"]
    assert any(s["type"] == "http" and s["scheme"] == "bearer" for s in schemes.values())


def test_docs_page_is_served(client):
    response = client.get(f"{API}/docs")
    assert response.status_code == 200
    assert b"openapi.json" in response.content

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


def test_reads_are_public_and_writes_need_credentials_in_the_schema(client):
    paths = client.get(f"{API}/openapi.json").json()["paths"]
    coalitions = paths[f"{API}/coalitions"]["get"]
    assert {} in coalitions["security"]
    report = paths[f"{API}/activities/{{activity_id}}/status-reports"]["post"]
    assert report["security"] == [{"ApiAuth": []}]


def test_every_operation_documents_the_errors_it_can_answer(client):
    schema = client.get(f"{API}/openapi.json").json()
    for operations in schema["paths"].values():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            assert {"401", "404", "429"} <= codes, (method, operation["operationId"])
            if method != "get":
                assert {"403", "409"} <= codes, (method, operation["operationId"])
            if operation.get("parameters") or "requestBody" in operation:
                assert "422" in codes
    errors = schema["components"]["schemas"]["ValidationErrors"]
    assert errors["properties"]["detail"]["items"]["required"] == ["type", "loc", "msg"]


def test_no_string_of_a_request_may_hold_nul_in_the_schema(client):
    schema = client.get(f"{API}/openapi.json").json()
    title = schema["components"]["schemas"]["StatusReportIn"]["properties"]
    strings = [
        p for p in title.values() if p.get("type") == "string" and "format" not in p and "enum" not in p
    ]
    assert strings and all(p["pattern"] == "^[^\\u0000]*$" for p in strings)


def test_query_dates_state_the_dates_they_accept(client):
    schema = client.get(f"{API}/openapi.json").json()
    as_at = next(p for p in schema["paths"][f"{API}/activities"]["get"]["parameters"] if p["name"] == "as_at")
    date_schema = next(
        s for s in as_at["schema"].get("anyOf", [as_at["schema"]]) if s.get("type") == "string"
    )
    assert date_schema["format"] == "date" and date_schema["pattern"].startswith("^")
    for value in ["0", "1700000000", "2026-02-30", "1899-12-31", "2200-01-01"]:
        response = client.get(f"{API}/activities", {"as_at": value})
        assert response.status_code == 422, value
        assert response.json()["detail"][0]["loc"] == ["query", "as_at"]
    assert client.get(f"{API}/activities", {"as_at": "2024-02-29"}).status_code == 200

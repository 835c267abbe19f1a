"""The API answers every kind of error in one shape; checked on a small API with the same handlers."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from ninja import NinjaAPI, Schema
from ninja.testing import TestClient

from rcphub.api.errors import api_field_names, install_error_handlers
from rcphub.core.errors import ConflictError, NotFound, TransitionError


class Payload(Schema):
    name: str


def _client():
    api = NinjaAPI(urls_namespace="errors-test")
    install_error_handlers(api)

    @api.get("/missing")
    def missing(request):
        raise NotFound

    @api.get("/forbidden")
    def forbidden(request):
        raise PermissionDenied

    @api.get("/invalid")
    def invalid(request, when: str = ""):
        raise ValidationError({"when": ValidationError("Not a date.", code="invalid_date")})

    @api.post("/general")
    def general(request):
        raise ValidationError("Something as a whole is wrong.")

    @api.post("/conflict")
    def conflict(request):
        raise ConflictError

    @api.post("/transition")
    def transition(request):
        with api_field_names(state="to_state"):
            raise TransitionError({"state": "Not from here."})

    @api.post("/payload")
    def payload(request, payload: Payload):
        return {}

    return TestClient(api)


def test_missing_and_forbidden_answer_the_same_404():
    client = _client()
    missing, forbidden = client.get("/missing"), client.get("/forbidden")
    assert (missing.status_code, missing.json()) == (forbidden.status_code, forbidden.json())
    assert (missing.status_code, missing.json()) == (404, {"detail": "Not found."})


def test_validation_error_names_the_query_field():
    response = _client().get("/invalid?when=soon")
    assert response.status_code == 422
    assert response.json() == {
        "detail": [{"type": "invalid_date", "loc": ["query", "when"], "msg": "Not a date."}]
    }


def test_validation_error_without_field_names_the_body():
    response = _client().post("/general")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body"]


def test_conflict_answers_409():
    response = _client().post("/conflict")
    assert response.status_code == 409
    assert "Someone else changed this" in response.json()["detail"]


def test_transition_error_answers_422_with_the_apis_field_name():
    response = _client().post("/transition")
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {"type": "invalid", "loc": ["body", "to_state"], "msg": "Not from here."}
    ]


def test_request_body_errors_leave_out_the_parameter_name():
    response = _client().post("/payload", json={})
    assert response.status_code == 422
    assert [d["loc"] for d in response.json()["detail"]] == [["body", "name"]]


@pytest.mark.parametrize("error", [ConflictError(), ValidationError("No field.")])
def test_api_field_names_passes_errors_without_fields_unchanged(error):
    with pytest.raises(type(error)) as raised, api_field_names(state="to_state"):
        raise error
    assert raised.value is error

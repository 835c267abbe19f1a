"""The API keeps the contract its OpenAPI schema states: schemathesis over every operation (issue 13).

Each operation is called with requests generated from the schema (a fixed seed, a bounded number of
examples), as a visitor and with a token of each role, and every response is checked: no server
error, only documented status codes, bodies and headers as documented, schema-violating requests
refused, schema-valid ones not refused for their shape (schemathesis's own check would also fail a
422 that names an unknown acronym: `assert_refused_for_meaning` tells the two apart), and no write
accepted without credentials.
The requests go through Django's WSGI handler into the test database, so one test transaction
holds the data and what the generated writes add to it.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from typing import Any

import pydantic_core.core_schema
import pytest
import schemathesis
from django.core import signals
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from rcphub.accounts.services import api_token_create
from rcphub.api.urls import api

# A visitor and the platform secretariat (who may write almost everywhere) get the most examples;
# the other roles, whose writes mostly answer 404, fewer: the whole run stays a few minutes.
EXAMPLES = 6
EXAMPLES_OTHER_ROLES = 3
OTHER_ROLES = ["coalition_secretariat", "focal_point", "member", "outsider"]

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = WSGIHandler()


@pytest.fixture
def wsgi_in_test_transaction() -> Iterator[None]:
    """Keep the test's connection open across requests, as Django's test client does: the WSGI
    handler would otherwise close it at each request's start and end (on PostgreSQL, the test's
    own transaction with it)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def _headers(request: Any) -> dict[str, str]:
    """Return the Authorization header of a token for the role in request.param (none for a visitor)."""
    request.getfixturevalue("wsgi_in_test_transaction")
    request.getfixturevalue("work_plan")  # a coalition with a plan, so that ids in the paths exist
    if request.param == "visitor":
        return {}
    user = request.getfixturevalue(request.param)
    _token, raw = api_token_create(user=user, name="contract")
    return {"Authorization": f"Bearer {raw}"}


@pytest.fixture(params=["visitor", "platform_secretariat"])
def headers(request: Any) -> dict[str, str]:
    return _headers(request)


@pytest.fixture(params=OTHER_ROLES)
def other_headers(request: Any) -> dict[str, str]:
    return _headers(request)


def call_and_check(case: Any, headers: dict[str, str]) -> None:
    cache.clear()  # the bad-token throttle counts by address: each call starts from none
    response = case.call(headers=headers)
    case.validate_response(response, headers=headers, excluded_checks=[positive_data_acceptance])
    if case.meta.generation.mode.is_positive and response.status_code == 422:
        assert_refused_for_meaning(response.json())


CONTRACT = settings(derandomize=True, database=None, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.mark.django_db
@schema.parametrize()
@settings(CONTRACT, max_examples=EXAMPLES)
def test_every_operation_answers_as_its_schema_says(case: Any, headers: dict[str, str]) -> None:
    call_and_check(case, headers)


@pytest.mark.django_db
@schema.parametrize()
@settings(CONTRACT, max_examples=EXAMPLES_OTHER_ROLES)
def test_every_operation_answers_as_its_schema_says_to_each_role(
    case: Any, other_headers: dict[str, str]
) -> None:
    call_and_check(case, other_headers)


# pydantic's error types: a schema-valid request refused with one of them means the schema and the
# validation disagree. Refusals from the services and selectors (Django's ValidationError, typed by
# its code: "unknown", "invalid", "date_out_of_range"…) name what no schema can state: an acronym
# that names no entity, a period that ends before it starts.
PYDANTIC_ERROR_TYPES = frozenset(typing.get_args(pydantic_core.core_schema.ErrorType))


def assert_refused_for_meaning(body: dict[str, Any]) -> None:
    """Fail unless each reason a schema-valid request was refused (422) is one no schema states."""
    shape = [entry for entry in body["detail"] if entry["type"] in PYDANTIC_ERROR_TYPES]
    assert not shape, f"a schema-valid request was refused for its shape: {shape}"

"""Request bodies keep to their schema: unknown fields, bodies that are not objects and dates that
are not ISO dates are refused with 422 naming them (issue 13), and no two schemas share a name."""

import pytest
from ninja import Schema

from rcphub.api.schemas import BodyIn
from rcphub.api.tests.conftest import API
from rcphub.api.urls import api

pytestmark = pytest.mark.django_db


@pytest.fixture
def post_report(client, platform_secretariat, work_plan, token_for):
    activity = work_plan.results.first().outputs.first().activities.first()
    headers = token_for(platform_secretariat)

    def post(body: str):
        return client.post(
            f"{API}/activities/{activity.pk}/status-reports",
            data=body,
            content_type="application/json",
            headers=headers,
        )

    return post


def test_an_unknown_field_is_refused_naming_it(post_report):
    response = post_report('{"status": "ongoing", "statuss": "completed"}')
    assert response.status_code == 422
    assert [(e["type"], e["loc"]) for e in response.json()["detail"]] == [
        ("extra_forbidden", ["body", "statuss"])
    ]


@pytest.mark.parametrize("body", ["[]", "null", '"ongoing"', "42"])
def test_a_body_that_is_not_an_object_is_refused(post_report, body):
    response = post_report(body)
    assert response.status_code == 422
    assert "JSON object" in response.json()["detail"][0]["msg"]


@pytest.mark.parametrize("as_at", ["0", "1700000000", "2026-6-30", "2026-02-30", "0001-01-01"])
def test_a_body_date_is_an_iso_date_within_the_range(post_report, as_at):
    response = post_report(f'{{"status": "ongoing", "as_at": "{as_at}"}}')
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "as_at"]


def test_a_good_body_is_still_accepted(post_report):
    assert post_report('{"status": "ongoing", "status_text": "Under way"}').status_code == 201


def _schemas(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        if sub.__module__.startswith("rcphub."):
            found.add(sub)
        found |= _schemas(sub)
    return found


def test_every_request_body_schema_is_strict_and_names_are_unique():
    """ninja names an OpenAPI component by its class: two `TransitionIn` classes made one
    operation's documented body another's."""
    api.get_openapi_schema()  # imports every router
    schemas = {s for s in _schemas(Schema) if s.__module__.split(".")[-2:-1] != ["tests"]}
    components = [s for s in schemas if not s.__name__.endswith("Query") and s.__name__ != "Input"]
    names = [s.__name__ for s in components]
    assert sorted({n for n in names if names.count(n) > 1}) == []
    bodies = [s for s in components if s.__name__.endswith(("In", "Form")) and s is not BodyIn]
    assert bodies and [s.__name__ for s in bodies if not issubclass(s, BodyIn)] == []

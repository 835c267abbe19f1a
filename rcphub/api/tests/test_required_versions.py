"""Concurrent edits (issue 13): every update and transition of the API needs the version it read.

Left out, 422 naming `version`; stale, 409 and nothing written; current, 200 and the version goes up.
"""

import json
from datetime import date
from typing import Any

import pytest
from django.test import Client

from rcphub.funding.tests.factories import build_fund, programme
from rcphub.repository.models import KnowledgeProduct
from rcphub.repository.tests.factories import build_pledge, build_practice, build_report
from rcphub.support.tests.request_fixtures import make_request, rco  # noqa: F401  (fixture)

API = "/api/v1"


def _knowledge(request: Any) -> tuple[Any, Any, str, str, dict[str, Any]]:
    item = KnowledgeProduct.objects.create(
        title="Guidance",
        kind="guidance",
        coalition=request.getfixturevalue("coalition"),
        link="https://example.org/g",
    )
    return (
        request.getfixturevalue("coalition_secretariat"),
        item,
        "patch",
        f"knowledge-products/{item.pk}",
        {"title": "Renamed"},
    )


def _practice(request: Any) -> tuple[Any, Any, str, str, dict[str, Any]]:
    member = request.getfixturevalue("member")
    item = build_practice(submitter=member)
    return member, item, "patch", f"practices/{item.pk}", {"title": "Renamed"}


def _pledge(request: Any) -> tuple[Any, Any, str, str, dict[str, Any]]:
    member = request.getfixturevalue("member")
    item = build_pledge(submitter=member)
    return member, item, "patch", f"pledges/{item.pk}", {"text": "A pledge reworded."}


def _pledge_report(request: Any) -> tuple[Any, Any, str, str, dict[str, Any]]:
    member = request.getfixturevalue("member")
    pledge = build_pledge(submitter=member, state="published")
    item = build_report(pledge=pledge, submitter=member, reported_on=date(2025, 3, 1), state="draft")
    return member, item, "patch", f"pledge-reports/{item.pk}", {"narrative": "Half done."}


def _support(request: Any) -> tuple[Any, Any, str, str, dict[str, Any]]:
    item = make_request(
        requester=request.getfixturevalue("rco"), coalition=request.getfixturevalue("coalition")
    )
    secretariat = request.getfixturevalue("coalition_secretariat")
    return secretariat, item, "post", f"support-requests/{item.pk}/transitions", {"to_state": "under_review"}


def _work_plan(request: Any) -> tuple[Any, Any, str, str, dict[str, Any]]:
    item = request.getfixturevalue("draft_plan")  # with an activity, so that it may be endorsed
    secretariat = request.getfixturevalue("coalition_secretariat")
    return secretariat, item, "post", f"workplans/{item.pk}/transition", {"to_state": "endorsed"}


def _joint_programme(request: Any) -> tuple[Any, Any, str, str, dict[str, Any]]:
    item = programme(build_fund(), "Roma inclusion", submitted_on=date(2025, 1, 10))
    body = {"state": "funded", "on": "2025-06-01"}
    return (
        request.getfixturevalue("platform_secretariat"),
        item,
        "post",
        f"joint-programmes/{item.pk}/transition",
        body,
    )


CASES = {
    "knowledge product": _knowledge,
    "practice": _practice,
    "pledge": _pledge,
    "pledge report": _pledge_report,
    "support transition": _support,
    "work plan transition": _work_plan,
    "joint programme transition": _joint_programme,
}


@pytest.mark.parametrize("kind", list(CASES))
def test_a_write_needs_the_current_version(request, db, kind):
    user, item, method, path, body = CASES[kind](request)
    client = Client()
    client.force_login(user)

    def send(extra: dict[str, Any]) -> Any:
        return getattr(client, method)(
            f"{API}/{path}", json.dumps({**body, **extra}), content_type="application/json"
        )

    version = type(item).objects.get(pk=item.pk).version
    missing = send({})
    assert missing.status_code == 422, missing.content
    assert [entry["loc"] for entry in missing.json()["detail"]] == [["body", "version"]]
    stale = send({"version": version + 5})
    assert stale.status_code == 409, stale.content
    assert type(item).objects.get(pk=item.pk).version == version
    done = send({"version": version})
    assert done.status_code == 200, done.content
    assert type(item).objects.get(pk=item.pk).version == version + 1


@pytest.mark.parametrize("action", ["publish", "return"])
def test_publish_and_return_need_the_current_version(action, member, coalition_secretariat):
    practice = build_practice(submitter=member, state="submitted")
    client = Client()
    client.force_login(coalition_secretariat)
    url = f"{API}/practices/{practice.pk}/{action}"

    def send(extra: dict[str, Any]) -> Any:
        return client.post(
            url, json.dumps({"comment": "Add the dates.", **extra}), content_type="application/json"
        )

    missing = send({})
    assert [entry["loc"] for entry in missing.json()["detail"]] == [["body", "version"]]
    assert send({"version": practice.version + 1}).status_code == 409
    done = send({"version": practice.version})
    assert done.status_code == 200, done.content
    assert done.json()["version"] == practice.version + 1

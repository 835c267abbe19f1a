"""The import API: upload for the preview, read, commit with answers; 401, 404, 409 and 422 as documented."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from rcphub.accounts.services import api_token_create
from rcphub.importers.models import Import
from rcphub.importers.services import import_commit, import_preview
from rcphub.importers.tests.conftest import CSV, review_proposal, workplan_proposal
from rcphub.workplans.models import WorkPlan

pytestmark = pytest.mark.django_db

API = "/api/v1"


def _headers(user):
    _token, raw = api_token_create(user=user, name="script")
    return {"Authorization": f"Bearer {raw}"}


def _upload(client, user=None, **fields):
    data = {"file": SimpleUploadedFile("plan.csv", CSV, content_type="text/csv"), **fields}
    return client.post(f"{API}/imports", data, headers=_headers(user) if user else {})


def _locs(response):
    assert response.status_code == 422, response.content
    return [entry["loc"] for entry in response.json()["detail"]]


def test_upload_gives_the_preview_and_commit_creates_the_plan(
    client, proposed, coalition, coalition_secretariat
):
    proposed(workplan_proposal())
    response = _upload(client, coalition_secretariat, coalition="health", kind="workplan")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["state"], body["kind"], body["coalition"], body["organisation"]) == (
        "previewed",
        "workplan",
        "health",
        None,
    )
    assert body["proposal"]["results"][0]["outputs"][0]["activities"][0]["countries"] == ["AZE", "TKM"]
    assert body["warnings"][0]["where"] == "table 1, row 2"
    assert body["unanswered"] == ["entity-1", "year"]  # the year's default is a guess, not an answer
    assert [q["id"] for q in body["questions"]] == ["entity-1", "year"]

    url = f"{API}/imports/{body['id']}"
    assert client.get(url, headers=_headers(coalition_secretariat)).json()["id"] == body["id"]
    commit = client.post(
        f"{url}/commit",
        {"answers": {"entity-1": "UNFPA", "year": "2026"}, "version": body["version"]},
        content_type="application/json",
        headers=_headers(coalition_secretariat),
    )
    assert commit.status_code == 200, commit.content
    work_plan = WorkPlan.objects.get()
    assert commit.json() == {
        "type": "workplan",
        "id": work_plan.pk,
        "url": f"/workplans/{work_plan.pk}/",
        "import_id": body["id"],
        "state": "committed",
    }
    assert client.get(url, headers=_headers(coalition_secretariat)).json()["created"]["id"] == work_plan.pk


def test_visitors_get_401(client, proposed, coalition, coalition_secretariat):
    proposed(workplan_proposal())
    import_ = import_preview(file=CSV, filename="plan.csv", coalition=coalition, by=coalition_secretariat)
    assert _upload(client, coalition="health").status_code == 401
    assert client.get(f"{API}/imports/{import_.pk}").status_code == 401
    response = client.post(
        f"{API}/imports/{import_.pk}/commit", {"version": 1}, content_type="application/json"
    )
    assert response.status_code == 401
    assert Import.objects.count() == 1


def test_others_get_404_and_unknown_targets_422(
    client, proposed, coalition, coalition_secretariat, outsider, member
):
    proposed(workplan_proposal())
    import_ = import_preview(file=CSV, filename="plan.csv", coalition=coalition, by=coalition_secretariat)
    for user in (outsider, member):
        assert client.get(f"{API}/imports/{import_.pk}", headers=_headers(user)).status_code == 404
        response = client.post(
            f"{API}/imports/{import_.pk}/commit",
            {"version": 1},
            content_type="application/json",
            headers=_headers(user),
        )
        assert response.status_code == 404
        assert _locs(_upload(client, user, coalition="health")) == [["body", "coalition"]]
    assert client.get(f"{API}/imports/999999", headers=_headers(coalition_secretariat)).status_code == 404
    assert Import.objects.count() == 1 and not WorkPlan.objects.exists()


def test_commit_answers_409_on_a_stale_version_and_422_naming_questions(
    client, proposed, coalition, coalition_secretariat
):
    proposed(workplan_proposal())
    import_ = import_preview(file=CSV, filename="plan.csv", coalition=coalition, by=coalition_secretariat)
    url, headers = f"{API}/imports/{import_.pk}/commit", _headers(coalition_secretariat)

    def post(body):
        return client.post(url, body, content_type="application/json", headers=headers)

    assert set(map(tuple, _locs(post({"version": import_.version})))) == {
        ("body", "entity-1"),
        ("body", "year"),
    }
    assert _locs(post({"answers": {"entity-1": "WHO"}, "version": import_.version})) == [["body", "entity-1"]]
    stale = post({"answers": {"entity-1": "UNDP", "year": "2026"}, "version": import_.version + 5})
    assert stale.status_code == 409
    assert not WorkPlan.objects.exists()


def test_bad_input_answers_422_naming_the_field(
    client, proposed, coalition, coalition_secretariat, evaluation_officer
):
    proposed(workplan_proposal())
    assert _locs(_upload(client, coalition_secretariat, coalition="health", kind="review")) == [
        ["body", "organisation"]
    ]
    broken = {"file": SimpleUploadedFile("plan.docx", b"PK\x03\x04broken")}
    response = client.post(
        f"{API}/imports", {**broken, "coalition": "health"}, headers=_headers(coalition_secretariat)
    )
    assert _locs(response) == [["body"]] and "plan.docx" in response.json()["detail"][0]["msg"]
    proposed(review_proposal())
    first = import_preview(
        file=CSV,
        filename="status.csv",
        organisation=evaluation_officer.memberships.get().entity,
        by=evaluation_officer,
    )
    import_commit(import_=first, by=evaluation_officer)
    again = _upload(client, evaluation_officer, organisation="UNDP")
    assert _locs(again) == [["body", "file"]] and f"/imports/{first.pk}/" in again.json()["detail"][0]["msg"]
    assert Import.objects.count() == 1


def test_the_schema_documents_the_import_endpoints_and_their_errors(client):
    paths = client.get(f"{API}/openapi.json").json()["paths"]
    upload = paths[f"{API}/imports"]["post"]
    assert {"201", "401", "404", "422"} <= set(upload["responses"])
    assert "multipart/form-data" in upload["requestBody"]["content"]
    assert {"200", "401", "404"} <= set(paths[f"{API}/imports/{{import_id}}"]["get"]["responses"])
    assert {"200", "401", "404", "409", "422"} <= set(
        paths[f"{API}/imports/{{import_id}}/commit"]["post"]["responses"]
    )

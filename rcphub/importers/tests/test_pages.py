"""The import pages: upload, preview with warnings and questions, commit, the result and the list."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from rcphub.importers.models import Import, ImportState
from rcphub.importers.services import import_preview
from rcphub.importers.tests.conftest import CSV, workplan_proposal
from rcphub.workplans.models import Activity, WorkPlan

pytestmark = pytest.mark.django_db


def _upload(client, **fields):
    data = {"file": SimpleUploadedFile("plan.csv", CSV, content_type="text/csv"), "kind": "", **fields}
    return client.post("/imports/new/", data)


def _preview(user, coalition, activities=2):
    return import_preview(file=CSV, filename="plan.csv", coalition=coalition, by=user)


def test_the_secretariat_uploads_previews_answers_and_commits(
    client, proposed, coalition, coalition_secretariat
):
    proposed(workplan_proposal())
    client.force_login(coalition_secretariat)
    page = client.get("/imports/new/?coalition=health&kind=workplan")
    assert page.status_code == 200
    assert b'<option value="health" selected>' in page.content
    response = _upload(client, coalition="health")
    import_ = Import.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/imports/{import_.pk}/"

    preview = client.get(f"/imports/{import_.pk}/").content.decode()
    assert "Resilient health systems" in preview and "As agreed at the annual meeting." in preview
    assert "table 1, row 2" in preview and "may be more than one entity" in preview  # where, and the warning
    assert '<select name="answer-entity-1"' in preview and '<option value="-">Leave out</option>' in preview
    assert "Commit: create 5 items" in preview

    response = client.post(
        f"/imports/{import_.pk}/commit/",
        {"version": import_.version, "answer-entity-1": "UNDP", "answer-year": "2026", "commit": ""},
    )
    assert response.status_code == 302
    work_plan = WorkPlan.objects.get()
    result = client.get(f"/imports/{import_.pk}/").content.decode()
    assert f'href="/workplans/{work_plan.pk}/"' in result and "Open the work plan created" in result
    assert "Questions to answer" not in result and "Commit:" not in result
    assert Activity.objects.get(code="1").partner_entities.get().acronym == "UNDP"


def test_unanswered_questions_are_named_on_the_page_and_nothing_is_created(
    client, proposed, coalition, coalition_secretariat
):
    proposed(workplan_proposal())
    import_ = _preview(coalition_secretariat, coalition)
    client.force_login(coalition_secretariat)
    response = client.post(f"/imports/{import_.pk}/commit/", {"version": import_.version, "commit": ""})
    assert response.status_code == 422
    assert "Answer this question before the commit: PMU" in response.content.decode()
    assert not WorkPlan.objects.exists()


def test_saving_answers_keeps_them_for_the_commit(client, proposed, coalition, coalition_secretariat):
    proposed(workplan_proposal())
    import_ = _preview(coalition_secretariat, coalition)
    client.force_login(coalition_secretariat)
    response = client.post(
        f"/imports/{import_.pk}/commit/", {"version": import_.version, "answer-entity-1": "-", "save": ""}
    )
    assert response.status_code == 302
    import_.refresh_from_db()
    assert import_.state == ImportState.PREVIEWED and import_.proposal["questions"][0]["required"] is False
    assert '<option value="-" selected>' in client.get(f"/imports/{import_.pk}/").content.decode()


def test_a_stale_form_is_refused(client, proposed, coalition, coalition_secretariat):
    proposed(workplan_proposal())
    import_ = _preview(coalition_secretariat, coalition)
    client.force_login(coalition_secretariat)
    data = {"version": import_.version, "answer-entity-1": "UNDP", "answer-year": "2026", "commit": ""}
    client.post(f"/imports/{import_.pk}/commit/", {**data, "save": ""})
    response = client.post(f"/imports/{import_.pk}/commit/", data)
    assert response.status_code == 422 and "Someone else changed this" in response.content.decode()
    assert not WorkPlan.objects.exists()


def test_the_same_file_again_is_refused_with_a_link_to_the_earlier_import(
    client, proposed, coalition, coalition_secretariat
):
    from rcphub.importers.services import import_commit

    proposed(workplan_proposal())
    earlier = _preview(coalition_secretariat, coalition)
    import_commit(import_=earlier, answers={"entity-1": "UNDP", "year": "2026"}, by=coalition_secretariat)
    client.force_login(coalition_secretariat)
    response = _upload(client, coalition="health")
    assert response.status_code == 200
    assert f'<a href="/imports/{earlier.pk}/">plan.csv</a>' in response.content.decode()
    assert Import.objects.count() == 1


def test_who_sees_the_pages(
    client, proposed, coalition, coalition_secretariat, member, outsider, platform_secretariat
):
    proposed(workplan_proposal())
    import_ = _preview(coalition_secretariat, coalition)
    assert client.get("/imports/new/").status_code == 302  # a visitor is sent to log in
    for user in (member, outsider):
        client.force_login(user)
        assert client.get("/imports/new/").status_code == 404
        assert client.get(f"/imports/{import_.pk}/").status_code == 404
        assert client.get(f"/imports/{import_.pk}/file/").status_code == 404
        assert client.post(f"/imports/{import_.pk}/commit/", {"version": 1}).status_code == 404
        assert "plan.csv" not in client.get("/imports/").content.decode()
    client.force_login(platform_secretariat)
    assert "plan.csv" in client.get("/imports/").content.decode()
    file = client.get(f"/imports/{import_.pk}/file/")
    assert file.status_code == 200 and b"".join(file.streaming_content) == CSV


def test_the_upload_form_refuses_other_file_types(client, coalition, coalition_secretariat):
    client.force_login(coalition_secretariat)
    data = {
        "file": SimpleUploadedFile("plan.exe", b"MZ", content_type="application/octet-stream"),
        "coalition": "health",
    }
    response = client.post("/imports/new/", data)
    assert response.status_code == 200 and "are not imported" in response.content.decode()
    assert not Import.objects.exists()


@pytest.mark.parametrize("activities", [2, 40])
def test_the_preview_page_queries_stay_constant_as_the_proposal_grows(
    client, proposed, coalition, coalition_secretariat, django_assert_max_num_queries, activities
):
    proposed(workplan_proposal(activities=activities))
    import_ = _preview(coalition_secretariat, coalition)
    client.force_login(coalition_secretariat)
    client.get(f"/imports/{import_.pk}/")  # the session and the grants, once
    with django_assert_max_num_queries(12):
        response = client.get(f"/imports/{import_.pk}/")
    assert response.status_code == 200
    assert response.content.decode().count("Regional workshop") == activities


def test_the_secretariat_pages_link_to_the_import(
    client, coalition, coalition_secretariat, evaluation_officer
):
    client.force_login(coalition_secretariat)
    assert "/imports/new/?coalition=health" in client.get("/coalitions/health/").content.decode()
    client.force_login(evaluation_officer)
    assert 'href="/imports/new/"' in client.get("/followup/").content.decode()

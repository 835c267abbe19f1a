"""Four eyes on publication (issue 13): nobody returns or publishes what they submitted themselves,
on the page or through the API; another reviewer does. And practices are submitted on behalf of
the submitter's own entities only (any entity for the platform secretariat)."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from rcphub.reference.models import Entity
from rcphub.repository.models import Practice, SubmissionState
from rcphub.repository.tests.factories import build_pledge, build_practice, build_report

pytestmark = pytest.mark.django_db

API = "/api/v1"
OWN = "You submitted this: another reviewer must decide."
# kind in the pages, path in the API, and a builder of a submitted item of that kind by `submitter`.
KINDS = {
    "practice": ("practices", lambda by: build_practice(submitter=by, state="submitted")),
    "pledge": ("pledges", lambda by: build_pledge(submitter=by, state="submitted")),
    "report": (
        "pledge-reports",
        lambda by: build_report(
            pledge=build_pledge(submitter=by, state="published"),
            submitter=by,
            reported_on=date(2024, 6, 1),
            state="submitted",
        ),
    ),
}


def _as(user):
    client = Client()
    client.force_login(user)
    return client


def _api(client, path, item, action, comment=""):
    version = type(item).objects.get(pk=item.pk).version
    return client.post(
        f"{API}/{path}/{item.pk}/{action}",
        {"comment": comment, "version": version},
        content_type="application/json",
    )


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_submitter_reviewer_cannot_publish_or_return_through_the_api(
    kind, coalition_secretariat, platform_secretariat
):
    path, build = KINDS[kind]
    item = build(coalition_secretariat)
    mine = _as(coalition_secretariat)
    for action, comment in (("publish", ""), ("return", "Add the dates."), ("return", "")):
        response = _api(mine, path, item, action, comment)
        assert response.status_code == 422, response.content
        assert [entry["msg"] for entry in response.json()["detail"]] == [OWN]
    item.refresh_from_db()
    assert item.state == SubmissionState.SUBMITTED and item.reviewer is None
    response = _api(_as(platform_secretariat), path, item, "publish")
    assert response.status_code == 200, response.content
    item.refresh_from_db()
    assert (item.state, item.reviewer) == (SubmissionState.PUBLISHED, platform_secretariat)


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_submitter_reviewer_cannot_publish_on_the_page_and_another_can(
    kind, coalition_secretariat, platform_secretariat
):
    _path, build = KINDS[kind]
    item = build(coalition_secretariat)
    url = reverse("repository:review", args=[kind, item.pk])
    mine = _as(coalition_secretariat)
    page = mine.get(url)
    assert page.status_code == 200
    assert OWN in page.content.decode() and 'value="publish"' not in page.content.decode()
    queue = mine.get(reverse("repository:review_queue")).content.decode()
    assert str(item)[:20] in queue and OWN in queue
    refused = mine.post(url, {"action": "publish", "comment": ""})
    assert refused.status_code == 400 and OWN in refused.content.decode()
    item.refresh_from_db()
    assert item.state == SubmissionState.SUBMITTED
    theirs = _as(platform_secretariat)
    assert 'value="publish"' in theirs.get(url).content.decode()
    assert OWN not in theirs.get(reverse("repository:review_queue")).content.decode()
    assert theirs.post(url, {"action": "publish", "comment": ""}).status_code == 302
    item.refresh_from_db()
    assert item.state == SubmissionState.PUBLISHED


def test_the_platform_secretariat_is_not_exempt(platform_secretariat, coalition_secretariat):
    practice = build_practice(submitter=platform_secretariat, state="submitted")
    response = _api(_as(platform_secretariat), "practices", practice, "publish")
    assert response.status_code == 422
    page = _as(platform_secretariat).get(reverse("repository:practice_detail", args=[practice.pk]))
    assert reverse("repository:review", args=["practice", practice.pk]) not in page.content.decode()
    assert _api(_as(coalition_secretariat), "practices", practice, "return", "Add dates.").status_code == 200
    practice.refresh_from_db()
    assert (practice.state, practice.reviewer) == (SubmissionState.RETURNED, coalition_secretariat)


def _practice_body(**more):
    return {"title": "One-stop migrant centres", "language": "en", **more}


def test_a_practice_is_submitted_for_ones_own_entity_only(member, platform_secretariat):
    who, unfpa = Entity.objects.get(acronym="WHO"), Entity.objects.get(acronym="UNFPA")
    client = _as(member)  # a member of UNFPA
    refused = client.post(
        f"{API}/practices", _practice_body(submitted_by_entity=who.pk), content_type="application/json"
    )
    assert refused.status_code == 422, refused.content
    assert [entry["loc"][-1] for entry in refused.json()["detail"]] == ["submitted_by_entity"]
    assert not Practice.objects.exists()
    ok = client.post(
        f"{API}/practices", _practice_body(submitted_by_entity=unfpa.pk), content_type="application/json"
    )
    assert ok.status_code == 201, ok.content
    practice = Practice.objects.get()
    changed = client.patch(
        f"{API}/practices/{practice.pk}",
        {"submitted_by_entity": who.pk, "version": practice.version},
        content_type="application/json",
    )
    assert changed.status_code == 422
    assert [entry["loc"][-1] for entry in changed.json()["detail"]] == ["submitted_by_entity"]
    practice.refresh_from_db()
    assert practice.submitted_by_entity == unfpa
    # The platform secretariat acts across the platform: for any entity.
    anyone = _as(platform_secretariat).post(
        f"{API}/practices", _practice_body(submitted_by_entity=who.pk), content_type="application/json"
    )
    assert anyone.status_code == 201, anyone.content

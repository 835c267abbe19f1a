from datetime import date

import pytest
from django.test import Client

from rcphub.accounts.models import ApiToken
from rcphub.accounts.services import api_token_create
from rcphub.api.tests.conftest import API, ids
from rcphub.workplans.models import StatusReport

pytestmark = pytest.mark.django_db


def test_visitor_reads_without_signing_in(client, work_plan, activity):
    assert ids(client.get(f"{API}/activities")) == {activity("i").pk}


def test_token_authenticates_a_script(client, work_plan, activity, member, token_for):
    response = client.get(f"{API}/activities", headers=token_for(member))
    assert ids(response) == {activity("i").pk, activity("ii").pk}


def test_token_scheme_may_be_written_token(client, work_plan, activity, member):
    _token, raw = api_token_create(user=member, name="script")
    response = client.get(f"{API}/activities", headers={"Authorization": f"Token {raw}"})
    assert ids(response) == {activity("i").pk, activity("ii").pk}


def test_token_use_is_recorded(client, work_plan, member):
    token, raw = api_token_create(user=member, name="script")
    assert token.last_used_at is None
    client.get(f"{API}/activities", headers={"Authorization": f"Bearer {raw}"})
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_unknown_token_answers_401(client, work_plan):
    response = client.get(f"{API}/activities", headers={"Authorization": "Bearer rcp_not-a-token"})
    assert response.status_code == 401


def test_empty_token_answers_401(client, work_plan):
    assert client.get(f"{API}/activities", headers={"Authorization": "Bearer "}).status_code == 401


def test_revoked_token_answers_401(client, work_plan, member):
    token, raw = api_token_create(user=member, name="script")
    ApiToken.objects.filter(pk=token.pk).update(revoked=True)
    response = client.get(f"{API}/activities", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 401


def test_bad_token_never_falls_back_to_the_session(work_plan, member, session_client):
    client = session_client(member)
    assert client.get(f"{API}/activities").status_code == 200
    response = client.get(f"{API}/activities", headers={"Authorization": "Bearer rcp_not-a-token"})
    assert response.status_code == 401


def test_token_of_inactive_user_answers_401(client, work_plan, member):
    _token, raw = api_token_create(user=member, name="script")
    member.is_active = False
    member.save()
    assert client.get(f"{API}/activities", headers={"Authorization": f"Bearer {raw}"}).status_code == 401


def test_session_authenticates_the_browser(work_plan, activity, member, session_client):
    response = session_client(member).get(f"{API}/activities")
    assert ids(response) == {activity("i").pk, activity("ii").pk}


def test_session_post_without_csrf_token_is_refused(work_plan, activity, focal_point, session_client):
    client = session_client(focal_point, enforce_csrf_checks=True)
    response = client.post(
        f"{API}/activities/{activity('i').pk}/status-reports",
        {"status": "ongoing", "as_at": "2026-03-31"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not StatusReport.objects.exists()


def test_session_post_with_csrf_token_is_accepted(work_plan, activity, focal_point, session_client):
    client = session_client(focal_point, enforce_csrf_checks=True)
    secret = "a" * 32
    client.cookies["csrftoken"] = secret
    response = client.post(
        f"{API}/activities/{activity('i').pk}/status-reports",
        {"status": "ongoing", "as_at": "2026-03-31"},
        content_type="application/json",
        headers={"X-CSRFToken": secret},
    )
    assert response.status_code == 201, response.content


def test_token_post_needs_no_csrf_token(work_plan, activity, focal_point, token_for):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        f"{API}/activities/{activity('i').pk}/status-reports",
        {"status": "ongoing", "as_at": "2026-03-31"},
        content_type="application/json",
        headers=token_for(focal_point),
    )
    assert response.status_code == 201, response.content
    assert StatusReport.objects.get().author == focal_point


def test_visitor_cannot_write(client, work_plan, activity):
    response = client.post(
        f"{API}/activities/{activity('i').pk}/status-reports",
        {"status": "ongoing", "as_at": str(date(2026, 3, 31))},
        content_type="application/json",
    )
    assert response.status_code == 401
    assert not StatusReport.objects.exists()

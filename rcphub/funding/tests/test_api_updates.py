"""API writes that change a fund or a joint programme: the version refuses a stale edit (409), the
history records who changed what, and others get 404."""

from datetime import date

import pytest

from rcphub.funding.models import Fund, JointProgramme
from rcphub.funding.tests.factories import build_fund, programme

pytestmark = pytest.mark.django_db

JSON = "application/json"


def _fund_body(fund, **more):
    body = {
        "name": fund.name,
        "acronym": fund.acronym,
        "description": "Pooled funding for joint SDG acceleration in the region.",
        "target_amount": "175000000.00",
        "currency": "USD",
        "target_date": "2029-06-30",
        "managed_by": None,
        "visibility": "public",
        "version": fund.version,
    }
    body.update(more)
    return body


def test_fund_update_through_the_api_checks_the_version(client, platform_secretariat, member, visitor):
    fund = build_fund()
    url = f"/api/v1/funds/{fund.pk}"
    client.force_login(member)
    assert client.put(url, _fund_body(fund), content_type=JSON).status_code == 404
    client.force_login(platform_secretariat)
    response = client.put(url, _fund_body(fund), content_type=JSON)
    assert response.status_code == 200, response.content
    assert (
        response.json()["target_amount"] == "175000000.00" and response.json()["version"] == fund.version + 1
    )
    stale = client.put(url, _fund_body(fund, target_amount="1.00"), content_type=JSON)
    assert stale.status_code == 409
    assert Fund.objects.get(pk=fund.pk).target_amount == 175000000
    bad = client.put(url, _fund_body(fund, version=fund.version + 1, target_amount="-5"), content_type=JSON)
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"][-1] == "target_amount"
    assert Fund.history.filter(id=fund.pk).count() == 2


def test_joint_programme_update_through_the_api_checks_the_version(client, platform_secretariat):
    fund = build_fund()
    jp = programme(fund, "Primary health care in rural Tajikistan", submitted_on=date(2025, 1, 10))
    url = f"/api/v1/joint-programmes/{jp.pk}"
    body = {
        "title": "Primary health care in rural Tajikistan and Kyrgyzstan",
        "thematic_area": "health",
        "countries": ["TJK", "KGZ"],
        "entities": ["WHO", "UNICEF", "UNFPA"],
        "budget": "2500000.00",
        "currency": "USD",
        "submitted_on": "2025-01-10",
        "version": jp.version,
    }
    client.force_login(platform_secretariat)
    response = client.put(url, body, content_type=JSON)
    assert response.status_code == 200, response.content
    assert sorted(response.json()["countries"]) == ["KGZ", "TJK"] and response.json()["state"] == "pipeline"
    assert client.put(url, {**body, "budget": "1.00"}, content_type=JSON).status_code == 409
    unknown = client.put(url, {**body, "version": jp.version + 1, "currency": "ABC"}, content_type=JSON)
    assert unknown.status_code == 422 and unknown.json()["detail"][0]["loc"][-1] == "currency"
    assert JointProgramme.objects.get(pk=jp.pk).budget == 2500000

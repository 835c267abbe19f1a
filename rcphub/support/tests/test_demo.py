"""The support demo: offices, requests in every state linked to demand-driven activities, the roster; idempotent."""

import pytest
from django.contrib.auth import authenticate
from django.test import RequestFactory

from rcphub.core.demodata import demo_content
from rcphub.support.demo import DEMO_RC_OFFICE, support_demo_seed
from rcphub.support.models import Expert, RequestState, SupportRequest
from rcphub.workplans.demo import DEMO_PASSWORD, demo_seed

pytestmark = pytest.mark.django_db


def test_support_demo_seed_creates_every_state_and_is_idempotent():
    demo_seed(progress=lambda line: None)
    counts = support_demo_seed(progress=lambda line: None)
    assert counts["support requests"] == len(demo_content("rcphub.support.demo", "requests")) == 25
    assert counts["experts"] == Expert.objects.count() == 40
    assert counts["demand-driven activities"] == 15
    states = set(SupportRequest.objects.values_list("state", flat=True))
    assert states == set(RequestState.values)
    for request in SupportRequest.objects.filter(
        state__in=[RequestState.ACCEPTED, RequestState.IN_PROGRESS, RequestState.DELIVERED]
    ).select_related("activity__output__result__work_plan", "coalition"):
        assert request.activity is not None and request.activity.demand_driven
        assert request.activity.output.result.work_plan.coalition_id == request.coalition_id
        assert request.decided_on >= request.submitted_on
    delivered = SupportRequest.objects.filter(state=RequestState.DELIVERED)
    assert delivered.filter(rating__isnull=False).count() == 5 and delivered.count() == 6
    assert SupportRequest.objects.filter(coalition__isnull=True).count() == 2
    assert all(r.decision_reason for r in SupportRequest.objects.filter(state=RequestState.DECLINED))
    assert demo_content("rcphub.support.demo", "rc_offices")[0]["email"] == DEMO_RC_OFFICE
    # django-axes (the first backend) throttles sign-ins by request: authenticate() needs one.
    user = authenticate(
        RequestFactory().post("/accounts/login/"), email=DEMO_RC_OFFICE, password=DEMO_PASSWORD
    )
    assert user is not None and user.memberships.get().entity.acronym == "DCO"
    assert SupportRequest.objects.filter(requester=user).count() == 3

    assert support_demo_seed(progress=lambda line: None) == {}
    assert SupportRequest.objects.count() == 25

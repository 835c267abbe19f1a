"""Four eyes on support decisions and no existence oracles (issue 13).

Nobody accepts or declines a request they or their entity made: another reviewer must, on the page
and through the API. A hidden coalition or activity answers exactly as an unknown one does.
"""

# ruff: noqa: F811  (pytest fixtures imported from request_fixtures are redefined as arguments)

import pytest
from django.test import Client
from django.urls import reverse

from rcphub.accounts.models import Role
from rcphub.accounts.tests.factories import MembershipFactory, UserFactory
from rcphub.coalitions.tests.factories import CoalitionFactory
from rcphub.reference.models import Entity
from rcphub.support.models import RequestState
from rcphub.support.tests.request_fixtures import (  # noqa: F401  (fixtures)
    current_plan,
    make_request,
    plan_covering_today,
    rco,
)
from rcphub.workplans.models import Activity

pytestmark = pytest.mark.django_db

API = "/api/v1"
REVIEW = RequestState.UNDER_REVIEW
OWN = "You or your entity made this request: another reviewer must decide."


def _as(user):
    client = Client()
    client.force_login(user)
    return client


def _step(client, request, to_state, **more):
    version = type(request).objects.get(pk=request.pk).version
    body = {"to_state": to_state, "reason": "Outside the coalition's mandate.", "version": version, **more}
    return client.post(
        f"{API}/support-requests/{request.pk}/transitions", body, content_type="application/json"
    )


def _who_colleague():
    user = UserFactory(email="colleague@who.example.org")
    MembershipFactory(user=user, entity=Entity.objects.get(acronym="WHO"), role=Role.MEMBER)
    return user


@pytest.mark.parametrize("to_state", [RequestState.ACCEPTED, RequestState.DECLINED])
@pytest.mark.parametrize("made_by", ["self", "colleague", "named_entity"])
def test_no_decision_on_a_request_ones_entity_made(
    to_state, made_by, coalition, coalition_secretariat, platform_secretariat, rco, current_plan
):
    if made_by == "self":
        request = make_request(requester=coalition_secretariat, coalition=coalition, state=REVIEW)
    elif made_by == "colleague":
        request = make_request(requester=_who_colleague(), coalition=coalition, state=REVIEW)
    else:  # an RC office asking on behalf of WHO, the secretariat's entity
        request = make_request(
            requester=rco,
            coalition=coalition,
            requesting_entity=Entity.objects.get(acronym="WHO"),
            state=REVIEW,
        )
    mine = _as(coalition_secretariat)
    response = _step(mine, request, to_state)
    assert response.status_code == 422, response.content
    assert [entry["msg"] for entry in response.json()["detail"]] == [OWN]
    page = mine.get(reverse("support:request", args=[request.pk])).content.decode()
    assert OWN in page and f'value="{to_state}"' not in page
    refused = mine.post(
        reverse("support:request_transition", args=[request.pk]),
        {"to_state": to_state, "reason": "Outside the mandate.", "version": request.version},
    )
    assert refused.status_code == 400 and OWN in refused.content.decode()
    request.refresh_from_db()
    assert request.state == REVIEW and request.decided_by is None
    # Another reviewer decides.
    response = _step(_as(platform_secretariat), request, to_state)
    assert response.status_code == 200, response.content
    request.refresh_from_db()
    assert (request.state, request.decided_by) == (to_state, platform_secretariat)


def test_a_request_of_another_entity_is_decided_as_before(
    coalition, coalition_secretariat, rco, current_plan
):
    request = make_request(requester=rco, coalition=coalition, state=REVIEW)
    page = _as(coalition_secretariat).get(reverse("support:request", args=[request.pk])).content.decode()
    assert OWN not in page and 'value="accepted"' in page
    assert _step(_as(coalition_secretariat), request, RequestState.ACCEPTED).status_code == 200


def test_the_platform_secretariat_is_not_exempt(
    platform_secretariat, coalition_secretariat, coalition, current_plan
):
    request = make_request(requester=platform_secretariat, coalition=coalition, state=REVIEW)
    assert _step(_as(platform_secretariat), request, RequestState.DECLINED).status_code == 422
    assert _step(_as(coalition_secretariat), request, RequestState.DECLINED).status_code == 200


# ---------------------------------------------------------------------------------------------
# Hidden and unknown answer alike


def _hidden_coalition():
    return CoalitionFactory(name="Internal task force", slug="hidden-tf", visibility="internal")


def _alike(first, second, *, first_value, second_value):
    """Assert two responses are the same, byte for byte, once the value each echoes (“value”, as
    JSON escapes it) is set aside."""

    def echoed(value):
        return b"\\u201c" + value.encode() + b"\\u201d"

    assert first.status_code == second.status_code
    assert first.content.replace(echoed(first_value), b"X") == second.content.replace(
        echoed(second_value), b"X"
    )


@pytest.mark.parametrize("who", ["visitor", "outsider"])
def test_a_hidden_coalition_filter_answers_as_an_unknown_one(who, outsider, rco, coalition):
    hidden = _hidden_coalition()
    make_request(requester=rco, coalition=hidden)
    client = Client() if who == "visitor" else _as(outsider)
    for url in (f"{API}/support-requests?coalition=", f"{API}/support-turnaround?coalition="):
        hidden_answer = client.get(url + hidden.slug)
        unknown_answer = client.get(url + "no-such-tf")
        _alike(hidden_answer, unknown_answer, first_value=hidden.slug, second_value="no-such-tf")
        assert hidden_answer.status_code in (404, 422)
    if who == "outsider":
        assert client.get(f"{API}/support-requests?coalition=no-such-tf").status_code == 422
        assert client.get(f"{API}/support-requests?coalition={coalition.slug}").status_code == 200
        page_hidden = client.get(reverse("support:requests") + f"?coalition={hidden.slug}")
        page_unknown = client.get(reverse("support:requests") + "?coalition=no-such-tf")
        assert page_hidden.status_code == page_unknown.status_code == 400


def test_a_hidden_activity_answers_as_an_unknown_one(coalition, coalition_secretariat, rco, current_plan):
    hidden_plan = plan_covering_today(_hidden_coalition())
    activity = Activity.objects.get(output__result__work_plan=hidden_plan)
    activity.visibility = "internal"
    activity.save()
    first = make_request(requester=rco, coalition=coalition, state=REVIEW)
    client = _as(coalition_secretariat)
    hidden_answer = _step(client, first, RequestState.ACCEPTED, activity_id=activity.pk)
    unknown_id = Activity.objects.order_by("-pk").values_list("pk", flat=True).first() + 1000
    unknown_answer = _step(client, first, RequestState.ACCEPTED, activity_id=unknown_id)
    _alike(hidden_answer, unknown_answer, first_value=str(activity.pk), second_value=str(unknown_id))
    assert hidden_answer.status_code == 422
    first.refresh_from_db()
    assert first.state == REVIEW

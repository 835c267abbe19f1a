"""Second-read regressions: what the change history, turnaround and ids show to whom, and bad input."""

# ruff: noqa: F811  (pytest fixtures imported from request_fixtures are redefined as arguments)

import pytest
from django.urls import reverse

from rcphub.coalitions.tests.factories import CoalitionFactory
from rcphub.core.dates import today
from rcphub.support.models import RequestState
from rcphub.support.services import support_request_transition
from rcphub.support.tests.request_fixtures import (  # noqa: F401  (fixtures)
    current_plan,
    make_request,
    plan_covering_today,
    rco,
)
from rcphub.workplans.models import Activity, Output

pytestmark = pytest.mark.django_db

S = RequestState


def test_history_does_not_name_an_activity_the_requester_may_not_see(
    client, rco, coalition, coalition_secretariat, current_plan
):
    """The page says only "an activity of <plan>" for an internal activity: its history must not name it."""
    output = Output.objects.get(result__work_plan=current_plan, code="1.1")
    hidden = Activity.objects.create(
        output=output,
        code="ii",
        order=2,
        title="Closed-door donor round on Kyrgyzstan",
        visibility="internal",
    )
    request = make_request(requester=rco, coalition=coalition, state=S.UNDER_REVIEW)
    support_request_transition(
        support_request=request, to_state=S.ACCEPTED, activity=hidden, by=coalition_secretariat
    )
    client.force_login(rco)
    page = client.get(reverse("support:request", args=[request.pk])).content.decode()
    assert "Change history" in page and "Accepted" in page
    assert "Closed-door donor round" not in page
    client.force_login(coalition_secretariat)
    page = client.get(reverse("support:request", args=[request.pk])).content.decode()
    assert page.count("Closed-door donor round") >= 2  # the facts and the history


def test_turnaround_leaves_out_coalitions_the_reader_may_not_see(client, rco, coalition, member):
    hidden = CoalitionFactory(
        name="Internal task team on UNCT configuration", slug="unct-config", visibility="internal"
    )
    make_request(requester=rco, coalition=hidden, state=S.DECLINED, decided_on=today())
    make_request(requester=rco, coalition=coalition, state=S.DECLINED, decided_on=today())
    client.force_login(member)  # of "health", not of the internal task team
    page = client.get(reverse("support:turnaround")).content.decode()
    assert coalition.name in page
    assert "Internal task team" not in page
    body = client.get("/api/v1/support-turnaround").json()
    assert [row["coalition"] for row in body["rows"]] == ["health"]
    assert client.get("/api/v1/support-turnaround?coalition=unct-config").status_code == 422
    assert client.get(reverse("support:turnaround") + "?coalition=unct-config").status_code == 400

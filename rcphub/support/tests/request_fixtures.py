"""Fixtures and builders of the support-request tests: Resident Coordinator's offices, a work plan
covering today, requests in a given state. Imported by the test modules that use them."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from rcphub.accounts.models import Role
from rcphub.accounts.tests.factories import MembershipFactory, UserFactory
from rcphub.core.dates import today
from rcphub.reference.models import Country, Entity
from rcphub.support.models import Expert, RequestState, SupportRequest
from rcphub.workplans.tests.factories import ActivityFactory, OutputFactory, ResultFactory, WorkPlanFactory


def rc_office(email: str) -> Any:
    """Return a Resident Coordinator's office user: a member of DCO."""
    user = UserFactory(email=email, first_name="Gulnara", last_name="Toktogulova")
    MembershipFactory(user=user, entity=Entity.objects.get(acronym="DCO"), role=Role.MEMBER)
    return user


@pytest.fixture
def rco(db: Any) -> Any:
    return rc_office("rco.kyrgyzstan@example.org")


@pytest.fixture
def other_rco(db: Any) -> Any:
    return rc_office("rco.moldova@example.org")


@pytest.fixture
def other_secretariat(other_coalition: Any) -> Any:
    user = UserFactory(email="secretariat.climate@example.org")
    MembershipFactory(
        user=user,
        entity=Entity.objects.get(acronym="UNEP"),
        role=Role.COALITION_SECRETARIAT,
        coalition=other_coalition,
    )
    return user


def plan_covering_today(coalition: Any, *, state: str = "endorsed") -> Any:
    """Return a work plan of the coalition for this calendar year, with one result, output and activity."""
    year = today().year
    plan = WorkPlanFactory(
        coalition=coalition,
        title=f"Work plan {year}",
        period_start=date(year, 1, 1),
        period_end=date(year, 12, 31),
        state=state,
    )
    result = ResultFactory(work_plan=plan, code="1", title="UNCTs apply common guidance")
    output = OutputFactory(result=result, code="1.1", title="Guidance and peer exchange")
    ActivityFactory(output=output, code="i", order=1, title="Regional peer-learning webinar")
    return plan


@pytest.fixture
def current_plan(coalition: Any) -> Any:
    return plan_covering_today(coalition)


def make_request(
    *,
    requester: Any,
    coalition: Any = None,
    state: str = RequestState.SUBMITTED,
    submitted_on: date | None = None,
    decided_on: date | None = None,
    delivered_on: date | None = None,
    country: str = "KG",
    title: str = "Update of the Common Country Analysis chapter on migration data",
    kind: str = "country_analysis",
    **more: Any,
) -> SupportRequest:
    """Write a request straight to the database in the given state (dates as given or around today)."""
    submitted_on = submitted_on or today() - timedelta(days=30)
    decided = state in (RequestState.ACCEPTED, RequestState.DECLINED, RequestState.IN_PROGRESS, "delivered")
    if decided and decided_on is None:
        decided_on = submitted_on + timedelta(days=5)
    if state == RequestState.DELIVERED and delivered_on is None:
        delivered_on = submitted_on + timedelta(days=20)
    return SupportRequest.objects.create(
        country=Country.objects.get(iso2=country),
        requester=requester,
        coalition=coalition,
        kind=kind,
        title=title,
        description="The UNCT needs help to bring together administrative data on labour migration.",
        state=state,
        submitted_on=submitted_on,
        decided_on=decided_on,
        started_on=decided_on if state in (RequestState.IN_PROGRESS, RequestState.DELIVERED) else None,
        delivered_on=delivered_on,
        decision_reason="Outside the coalition's mandate." if state == RequestState.DECLINED else "",
        **more,
    )


def make_expert(name: str, *, entity: str = "UNFPA", languages: str = "en, ru", **more: Any) -> Expert:
    return Expert.objects.create(
        name=name, entity=Entity.objects.get(acronym=entity), languages=languages, **more
    )

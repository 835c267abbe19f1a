"""Helpers for the API tests: clients signed in by session or token, and a few more work plans."""

from datetime import date
from typing import Any

import pytest
from django.test import Client

from rcphub.accounts.services import api_token_create
from rcphub.coalitions.tests.factories import CoalitionFactory
from rcphub.reference.models import Country, Entity, GcmObjective, SdgTarget
from rcphub.workplans.tests.factories import (
    ActivityFactory,
    OutputFactory,
    ResultFactory,
    StatusReportFactory,
    WorkPlanFactory,
    build_work_plan,
)

API = "/api/v1"


@pytest.fixture
def session_client() -> Any:
    """Return a function that gives a test client signed in as the user by session."""

    def make(user: Any, **kwargs: Any) -> Client:
        client = Client(**kwargs)
        client.force_login(user)
        return client

    return make


@pytest.fixture
def token_for() -> Any:
    """Return a function that creates an API token for the user and gives its Authorization header."""

    def make(user: Any) -> dict[str, str]:
        _token, raw = api_token_create(user=user, name="script")
        return {"Authorization": f"Bearer {raw}"}

    return make


@pytest.fixture
def activity(work_plan: Any) -> Any:
    """Return a function that fetches an activity of the work plan by code."""
    return lambda code, plan=work_plan: plan.results.get().outputs.get().activities.get(code=code)


def add_activity(
    output: Any,
    code: str,
    *,
    lead: str = "UNICEF",
    country: str = "RS",
    sdg: str = "3.8",
    gcm: int = 15,
    visibility: str = "public",
) -> Any:
    """Add an activity with one of each link, so that every prefetch has rows to fetch."""
    activity = ActivityFactory(output=output, code=code, visibility=visibility)
    activity.lead_entities.set([Entity.objects.get(acronym=lead)])
    activity.partner_entities.set([Entity.objects.get(acronym="WHO")])
    activity.countries.set([Country.objects.get(iso2=country)])
    activity.sdg_targets.set([SdgTarget.objects.get(code=sdg)])
    activity.gcm_objectives.set([GcmObjective.objects.get(number=gcm)])
    return activity


def first_output(work_plan: Any) -> Any:
    return work_plan.results.order_by("order", "id").first().outputs.order_by("order", "id").first()


@pytest.fixture
def draft_plan(coalition: Any) -> Any:
    """A draft work plan of `coalition` with one public activity "d1"."""
    plan = WorkPlanFactory(coalition=coalition, title="Work plan 2027 (draft)", state="draft")
    output = OutputFactory(result=ResultFactory(work_plan=plan, code="1"), code="1.1")
    add_activity(output, "d1")
    return plan


@pytest.fixture
def other_plan(other_coalition: Any) -> Any:
    """An endorsed work plan of `other_coalition` (climate): public activity "i" and internal "ii"."""
    return build_work_plan(coalition=other_coalition, state="endorsed")


@pytest.fixture
def internal_coalition_plan(db: Any) -> Any:
    """An endorsed work plan of an internal coalition, with a public activity "i"."""
    hidden = CoalitionFactory(
        name="Task force on internal matters", slug="internal-tf", visibility="internal"
    )
    return build_work_plan(coalition=hidden, state="endorsed")


def report(activity: Any, status: str, as_at: date, author: Any) -> Any:
    return StatusReportFactory(activity=activity, status=status, as_at=as_at, author=author)


def ids(response: Any) -> set[int]:
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}

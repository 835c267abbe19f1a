"""The import tests' cast and proposals built by hand (the unit the commit is tested on).

`evaluation_officer` follows up UNDP's reviews; `proposed` swaps the interpreter for one that
returns the proposal given, so the flow is tested apart from the reading of any one layout.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from rcphub.accounts.models import Role
from rcphub.accounts.tests.factories import MembershipFactory, UserFactory
from rcphub.importers.interpret.proposal import (
    Activity,
    Choice,
    Commitment,
    Group,
    Notice,
    Output,
    Proposal,
    Question,
    Result,
)
from rcphub.reference.models import Entity

# A CSV file the readers accept; what it proposes comes from the proposal the test gives.
CSV = b"Code,Title\n1,Health systems\n"


@pytest.fixture
def evaluation_officer(db: Any) -> Any:
    user = UserFactory(email="evaluation@example.org")
    MembershipFactory(user=user, entity=Entity.objects.get(acronym="UNDP"), role=Role.FOLLOW_UP_OFFICER)
    return user


@pytest.fixture
def proposed(monkeypatch: Any) -> Any:
    """Return a function that makes the interpreter propose `proposal` (or call `make(document, kind)`)."""
    from rcphub.importers.interpret import detect

    def use(proposal: Proposal | Any) -> None:
        def interpret(document: Any, kind: Any = None, *, recogniser: Any = None) -> Proposal:
            return proposal(document, kind) if callable(proposal) else proposal

        monkeypatch.setattr(detect, "interpret", interpret)

    return use


def workplan_proposal(activities: int = 2, *, bad_dates: bool = False) -> Proposal:
    """Return a work plan of one result with two outputs (the second with no activities)."""
    items = [
        Activity(
            code=str(n),
            title=f"Regional workshop {n} on primary health care financing",
            key=f"results.0.outputs.0.activities.{n - 1}",
            where=f"table 1, row {n + 1}",
            countries=["AZE", "TKM"],
            countries_text="(Azerbaijan and Turkmenistan)",
            lead=["WHO"],
            sdg_targets=["3.8"],
            start_on=date(2026, 3, 1),
            end_on=date(2026, 2, 1) if bad_dates and n == activities else date(2026, 6, 30),
            footnotes=["Subject to funding."] if n == 1 else [],
            status_text="Ongoing" if n == 1 else "",
            status="ongoing" if n == 1 else "",
        )
        for n in range(1, activities + 1)
    ]
    return Proposal(
        kind="workplan",
        title="Health and Well-being work plan 2026",
        filename="plan.csv",
        results=[
            Result(
                code="1",
                title="Resilient health systems",
                key="results.0",
                where="table 1, row 1",
                footnotes=["As agreed at the annual meeting."],
                outputs=[
                    Output(
                        code="1.1",
                        title="Financing",
                        key="results.0.outputs.0",
                        where="table 1",
                        activities=items,
                    ),
                    Output(code="1.2", title="Workforce", key="results.0.outputs.1", where="table 2"),
                ],
            )
        ],
        warnings=[
            Notice(
                where="table 1, row 2",
                message="“PMU” may be more than one entity.",
                key="results.0.outputs.0.activities.0",
            )
        ],
        questions=[
            Question(
                id="entity-1",
                about="entity",
                text="PMU",
                where="table 1, row 2",
                choices=[Choice("UNDP", "UNDP"), Choice("UNFPA", "UNFPA"), Choice("", "Leave out")],
                keys=["results.0.outputs.0.activities.0.partners"],
            ),
            Question(
                id="year", about="year", text="Health and Well-being work plan", where="title", default="2026"
            ),
        ],
    )


def review_proposal() -> Proposal:
    return Proposal(
        kind="review",
        title="Evaluation of the regional programme for Europe and Central Asia",
        filename="status.csv",
        issued=date(2017, 11, 1),
        issued_precision="month",
        as_at=date(2018, 12, 31),
        round_title="Progress report as at 31 December 2018",
        commitments=[
            Commitment(
                number="1",
                title="Strengthen results-based management",
                text="The regional hub should strengthen results-based management across its portfolio.",
                key="commitments.0",
                where="table 1, row 2",
                response="partially_accepted",
                response_text="Partially accepts: the hub will revise its monitoring framework.",
                responsible=["RBEC", "PMU"],
                responsible_entities=["UNDP"],
                responsible_text="RBEC; PMU",
                due_text="By end 2019",
                due_on=date(2019, 12, 31),
                comment="The monitoring framework was revised in October 2018.",
                status="ongoing",
                status_text="Completed/ongoing",
            ),
            Commitment(
                number="2",
                title="Broaden partnerships",
                text="Broaden partnerships with regional commissions.",
                key="commitments.1",
                where="table 1, row 3",
                response="accepted",
                response_text="Accepts.",
                comment="No progress reported.",
            ),
        ],
    )


def plan_of_action_proposal() -> Proposal:
    return Proposal(
        kind="plan_of_action",
        title="Plan of action on the evaluation of gender mainstreaming",
        filename="plan-of-action.csv",
        issued=date(2019, 2, 1),
        issued_precision="month",
        groups=[
            Group(
                title="Component 1: Data and evidence",
                code="Component 1",
                key="groups.0",
                where="table 1, row 2",
                items=[
                    Commitment(
                        number="1.1",
                        text="Publish sex-disaggregated data for every programme.",
                        key="groups.0.items.0",
                        due_text="By end March 2019",
                        due_on=date(2019, 3, 31),
                    )
                ],
            )
        ],
    )

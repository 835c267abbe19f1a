"""Capitalisation as at dates, currencies kept apart, joint programmes' state as at dates, and bad input."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from rcphub.core.errors import ConflictError, TransitionError
from rcphub.funding.models import Contribution, JointProgramme
from rcphub.funding.selectors import fund_capitalisation
from rcphub.funding.services import (
    contribution_create,
    joint_programme_create,
    joint_programme_transition,
    joint_programme_update,
)
from rcphub.funding.tests.factories import build_fund, contribute, programme, secretariat
from rcphub.reference.models import Entity

pytestmark = pytest.mark.django_db


@pytest.fixture
def fund():
    """USD 150 million target; Sweden pledges 30 million on 2024-03-14 and deposits 10 million on
    2024-06-28; Norway pledges 15 million on 2025-01-20; Switzerland pledges CHF 5 million on 2025-02-01."""
    fund = build_fund()
    contribute(fund, "SWE", "30000000", date(2024, 3, 14))
    contribute(fund, "SWE", "10000000", date(2024, 6, 28), kind="deposited")
    contribute(fund, "NOR", "15000000", date(2025, 1, 20))
    contribute(fund, "CHE", "5000000", date(2025, 2, 1), currency="CHF")
    return fund


def test_before_any_contribution_nothing_is_mobilised(fund):
    cap = fund_capitalisation(fund=fund, as_at=date(2024, 3, 13))
    assert cap.pledged == cap.deposited == Decimal("0")
    assert cap.percent == Decimal("0.0")
    assert cap.contributor_count == 0
    assert cap.by_contributor == []


def test_a_contribution_counts_from_its_own_date(fund):
    cap = fund_capitalisation(fund=fund, as_at=date(2024, 3, 14))
    assert cap.pledged == Decimal("30000000.00")
    assert cap.percent == Decimal("20.0")
    assert cap.contributor_count == 1


def test_pledged_and_deposited_are_counted_apart(fund):
    before_deposit = fund_capitalisation(fund=fund, as_at=date(2024, 6, 27))
    assert (before_deposit.pledged, before_deposit.deposited) == (Decimal("30000000"), Decimal("0"))
    after = fund_capitalisation(fund=fund, as_at=date(2025, 1, 20))
    assert after.pledged == Decimal("45000000.00")
    assert after.deposited == Decimal("10000000.00")
    assert after.percent == Decimal("30.0")
    assert after.deposited_percent == Decimal("6.7")
    assert after.remaining == Decimal("105000000.00")


def test_other_currencies_are_not_added_and_are_shown_apart(fund):
    cap = fund_capitalisation(fund=fund, as_at=date(2025, 12, 31))
    assert cap.pledged == Decimal("45000000.00")  # not 50 million: the CHF pledge is not added
    assert cap.percent == Decimal("30.0")
    assert cap.contributor_count == 3  # Switzerland counts as a contributor
    assert cap.other_currency_count == 1
    assert [(t.currency, t.pledged, t.count) for t in cap.other_currencies] == [
        ("CHF", Decimal("5000000.00"), 1)
    ]
    rows = {(r.acronym, r.currency): (r.pledged, r.deposited, r.in_fund_currency) for r in cap.by_contributor}
    assert rows == {
        ("SWE", "USD"): (Decimal("30000000.00"), Decimal("10000000.00"), True),
        ("NOR", "USD"): (Decimal("15000000.00"), Decimal("0"), True),
        ("CHE", "CHF"): (Decimal("5000000.00"), Decimal("0"), False),
    }
    assert [r.acronym for r in cap.by_contributor] == ["SWE", "NOR", "CHE"]


def test_percentage_is_rounded_to_one_decimal_place():
    fund = build_fund(target_amount=Decimal("3000000"))
    contribute(fund, "FIN", "1000000", date(2025, 1, 1))
    assert fund_capitalisation(fund=fund, as_at=date(2025, 1, 1)).percent == Decimal("33.3")
    contribute(fund, "FIN", "1000000", date(2025, 1, 2))
    assert fund_capitalisation(fund=fund, as_at=date(2025, 1, 2)).percent == Decimal("66.7")


def test_joint_programme_state_as_at_is_derived_from_its_dates(fund):
    jp = programme(fund, "Primary health care", submitted_on=date(2025, 1, 10), funded_on=date(2025, 6, 1))
    jp = joint_programme_transition(
        joint_programme=jp,
        state="closed",
        on=date(2026, 3, 31),
        by=secretariat(),
        expected_version=jp.version,
    )
    assert jp.state_on(date(2025, 1, 9)) is None
    assert jp.state_on(date(2025, 1, 10)) == "pipeline"
    assert jp.state_on(date(2025, 5, 31)) == "pipeline"
    assert jp.state_on(date(2025, 6, 1)) == "funded"
    assert jp.state_on(date(2026, 3, 30)) == "funded"
    assert jp.state_on(date(2026, 3, 31)) == "closed"


def test_programmes_by_thematic_area_follow_the_state_as_at_the_date(fund):
    programme(fund, "Health A", area="health", budget="2000000", funded_on=date(2025, 6, 1))
    programme(fund, "Health B", area="health", budget="500000")
    programme(fund, "Youth", area="youth", budget="700000", submitted_on=date(2025, 3, 1))
    programme(fund, "Dropped", area="youth", budget="900000", closed_on=date(2025, 4, 1))
    programme(fund, "In euros", area="youth", budget="300000", currency="EUR")

    def areas(as_at):
        cap = fund_capitalisation(fund=fund, as_at=as_at)
        return {
            row.thematic_area: (
                row.pipeline_count,
                row.pipeline_budget,
                row.funded_count,
                row.funded_budget,
                row.closed_count,
            )
            for row in cap.thematic_areas
            if row.pipeline_count or row.funded_count or row.closed_count
        }, cap

    early, _ = areas(date(2025, 2, 1))
    assert early == {"health": (2, Decimal("2500000"), 0, 0, 0), "youth": (1, Decimal("900000"), 0, 0, 0)}
    later, cap = areas(date(2025, 6, 1))
    assert later == {
        "health": (1, Decimal("500000"), 1, Decimal("2000000"), 0),
        "youth": (1, Decimal("700000"), 0, 0, 1),
    }
    assert [(r.currency, r.state, r.count) for r in cap.programmes_other_currencies] == [
        ("EUR", "pipeline", 1)
    ]
    assert cap.programme_totals()["funded"] == (1, Decimal("2000000"))


# ---------------------------------------------------------------------------------------------
# Bad input: an error naming the field, nothing written


@pytest.mark.parametrize(
    ("amount", "currency", "field"),
    [
        ("-100", "USD", "amount"),
        ("0", "USD", "amount"),
        ("100.555", "USD", "amount"),
        ("100", "XYZ", "currency"),
        ("100", "usdollar", "currency"),
        ("100", "", "currency"),
        ("100", "XXX", "currency"),
    ],
)
def test_bad_contribution_is_refused_naming_the_field_with_nothing_written(fund, amount, currency, field):
    before = Contribution.objects.count(), Contribution.history.count()
    with pytest.raises(ValidationError) as error:
        contribution_create(
            fund=fund,
            contributor=Entity.objects.get(acronym="SWE"),
            kind="pledged",
            amount=Decimal(amount),
            currency=currency,
            contributed_on=date(2025, 1, 1),
            by=secretariat(),
        )
    assert field in error.value.message_dict
    assert (Contribution.objects.count(), Contribution.history.count()) == before


def test_lower_case_currency_is_taken_as_its_code(fund):
    contribution = contribute(fund, "DNK", "100", date(2025, 1, 1), currency="eur")
    assert contribution.currency == "EUR"


def test_database_refuses_a_negative_amount_and_a_negative_budget(fund):
    with pytest.raises(IntegrityError), transaction.atomic():
        Contribution.objects.create(
            fund=fund,
            contributor=Entity.objects.get(acronym="SWE"),
            kind="pledged",
            amount=Decimal("-1"),
            currency="USD",
            contributed_on=date(2025, 1, 1),
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        JointProgramme.objects.create(
            fund=fund,
            title="X",
            thematic_area=fund.thematic_areas.get(code="health"),
            budget=Decimal("-1"),
            currency="USD",
            submitted_on=date(2025, 1, 1),
        )


def test_programme_ending_before_it_starts_is_refused_on_end_with_nothing_written(fund):
    before = JointProgramme.objects.count(), JointProgramme.history.count()
    with pytest.raises(ValidationError) as error:
        joint_programme_create(
            fund=fund,
            title="Backwards",
            thematic_area=fund.thematic_areas.get(code="health"),
            budget=Decimal("100"),
            currency="USD",
            start_on=date(2026, 1, 1),
            end_on=date(2025, 12, 31),
            by=secretariat(),
        )
    assert "end_on" in error.value.message_dict
    assert (JointProgramme.objects.count(), JointProgramme.history.count()) == before


def test_negative_budget_is_refused_on_budget(fund):
    with pytest.raises(ValidationError) as error:
        joint_programme_create(
            fund=fund,
            title="Negative",
            thematic_area=fund.thematic_areas.get(code="health"),
            budget=Decimal("-5"),
            currency="USD",
            by=secretariat(),
        )
    assert "budget" in error.value.message_dict


def test_transitions_not_allowed_are_refused_on_state_with_nothing_written(fund):
    jp = programme(fund, "Closed", closed_on=date(2025, 2, 1))
    version, history = jp.version, jp.history.count()
    for state in ("funded", "pipeline", "closed"):
        with pytest.raises(TransitionError) as error:
            joint_programme_transition(
                joint_programme=jp,
                state=state,
                on=date(2025, 3, 1),
                by=secretariat(),
                expected_version=jp.version,
            )
        assert "state" in error.value.message_dict
    jp.refresh_from_db()
    assert (jp.state, jp.version, jp.history.count()) == ("closed", version, history)
    funded = programme(fund, "Funded", funded_on=date(2025, 2, 1))
    with pytest.raises(TransitionError):
        joint_programme_transition(
            joint_programme=funded, state="pipeline", by=secretariat(), expected_version=funded.version
        )


def test_transition_before_the_previous_step_or_in_the_future_is_refused_on_on(fund):
    jp = programme(fund, "Early", submitted_on=date(2025, 5, 1))
    with pytest.raises(ValidationError) as error:
        joint_programme_transition(
            joint_programme=jp,
            state="funded",
            on=date(2025, 4, 30),
            by=secretariat(),
            expected_version=jp.version,
        )
    assert "on" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        joint_programme_transition(
            joint_programme=jp,
            state="funded",
            on=date(2999, 1, 1),
            by=secretariat(),
            expected_version=jp.version,
        )
    assert "on" in error.value.message_dict
    jp.refresh_from_db()
    assert (jp.state, jp.funded_on) == ("pipeline", None)


def test_a_stale_version_is_refused(fund):
    jp = programme(fund, "Edited twice")
    joint_programme_update(joint_programme=jp, title="Edited once", by=secretariat(), expected_version=1)
    stale = JointProgramme.objects.get(pk=jp.pk)
    with pytest.raises(ConflictError):
        joint_programme_transition(
            joint_programme=stale, state="funded", by=secretariat(), expected_version=1
        )


def test_only_the_platform_secretariat_writes(fund, coalition_secretariat, member):
    for user in (coalition_secretariat, member):
        with pytest.raises(PermissionDenied):
            contribution_create(
                fund=fund,
                contributor=Entity.objects.get(acronym="SWE"),
                kind="pledged",
                amount=Decimal("1"),
                currency="USD",
                contributed_on=date(2025, 1, 1),
                by=user,
            )


def test_every_change_is_in_the_history_with_its_author(fund):
    jp = programme(fund, "Tracked", funded_on=date(2025, 6, 1))
    records = list(jp.history.order_by("history_date"))
    # The many-to-many fields write their own records at creation: the states read pipeline, then funded.
    assert records[0].state == "pipeline"
    assert records[-1].state == "funded"
    assert records[-1].funded_on == date(2025, 6, 1)
    assert {r.history_user for r in records} == {secretariat()}
    assert fund.history.count() == 1
    assert Contribution.history.filter(fund_id=fund.pk).count() == 4

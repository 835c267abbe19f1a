"""The ledger at a glance: shares implemented by organisation and by review, overdue and stale counts."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rcphub.followup.selectors import ReviewFilters, ledger_summary
from rcphub.followup.tests.factories import FollowUpReportFactory, build_review

pytestmark = pytest.mark.django_db

AS_AT = date(2026, 6, 30)


@pytest.fixture
def ledger(review, platform_secretariat):
    """UNICEF's public evaluation (1 due 31 March, 2 due 31 December, 3 no due date), issued 2025-06-30:
    1 completed in May; 2 ongoing, reported in June; 3 never reported. UNDP's internal audit: none reported."""
    first, second, _third = review.commitments.order_by("order")
    FollowUpReportFactory(
        commitment=first, status="completed", as_at=date(2026, 5, 1), author=platform_secretariat
    )
    FollowUpReportFactory(
        commitment=second, status="ongoing", as_at=date(2026, 6, 1), author=platform_secretariat
    )
    return build_review(organisation="UNDP", visibility="internal", title="Audit of the regional hub")


def test_summary_counts_implemented_overdue_and_stale_for_a_visitor(ledger, review, visitor):
    summary = ledger_summary(user=visitor, as_at=AS_AT)

    total = summary.total
    # 1 completed; 2 reported a month ago, due later: neither; 3 unreported for a year: stale.
    assert (total.commitments, total.implemented, total.overdue, total.stale) == (3, 1, 0, 1)
    assert total.implemented_pct == 33
    assert [(row.key, row.tally.commitments) for row in summary.by_organisation] == [("UNICEF", 3)]
    assert [(row.label, row.tally.implemented) for row in summary.by_review] == [(review.title, 1)]


def test_the_secretariat_counts_the_internal_audit_too(ledger, platform_secretariat):
    summary = ledger_summary(user=platform_secretariat, as_at=AS_AT)

    undp = next(row for row in summary.by_organisation if row.key == "UNDP")
    # The audit's 1 is due 31 March and unreported: overdue (counted once, not also stale); 2 and 3 stale.
    assert (undp.tally.commitments, undp.tally.implemented, undp.tally.overdue, undp.tally.stale) == (
        3,
        0,
        1,
        2,
    )
    assert summary.total.commitments == 6


def test_before_the_report_the_commitment_is_not_implemented(ledger, visitor):
    summary = ledger_summary(user=visitor, as_at=date(2026, 4, 30))

    # 1 is not yet completed and due 31 March: overdue.
    assert (summary.total.implemented, summary.total.overdue) == (0, 1)


def test_summary_keeps_to_the_ledger_filters(ledger, platform_secretariat):
    summary = ledger_summary(
        user=platform_secretariat, as_at=AS_AT, filters=ReviewFilters(organisation="undp")
    )

    assert [row.key for row in summary.by_organisation] == ["UNDP"]


def test_ledger_page_shows_the_summary_linking_each_organisation(ledger, client, platform_secretariat):
    client.force_login(platform_secretariat)

    page = client.get(reverse("followup:list"), {"as_at": "2026-06-30"}).content.decode()

    assert 'id="ledger-summary"' in page and "<svg" in page
    assert f'href="{reverse("followup:list")}?organisation=UNDP&amp;as_at=2026-06-30"' in page
    assert f'href="{reverse("followup:dashboard")}?as_at=2026-06-30#overdue"' in page
    assert "Audit of the regional hub" in page


def test_visitors_see_neither_the_internal_audit_nor_the_dashboard_link(ledger, client):
    page = client.get(reverse("followup:list"), {"as_at": "2026-06-30"}).content.decode()

    assert "Audit of the regional hub" not in page and "UNDP" not in page
    assert reverse("followup:dashboard") not in page


def test_a_bad_as_at_answers_400_naming_it(client, db):
    response = client.get(reverse("followup:list"), {"as_at": "June"})

    assert response.status_code == 400
    assert "as_at" in response.content.decode()


def test_ledger_page_takes_a_constant_number_of_queries(ledger, client, platform_secretariat):
    client.force_login(platform_secretariat)
    url = reverse("followup:list")
    client.get(url, {"as_at": "2026-06-30"})  # the chart rendered once and cached

    with CaptureQueriesContext(connection) as before:
        client.get(url, {"as_at": "2026-06-30"})
    for n in range(3):
        build_review(organisation="UNFPA", title=f"Evaluation {n}")
    with CaptureQueriesContext(connection) as after:
        client.get(url, {"as_at": "2026-06-30"})
    assert len(after) == len(before)

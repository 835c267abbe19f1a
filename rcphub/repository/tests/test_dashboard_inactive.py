"""The dashboard's inactive pledges against the definition (`PledgeQuerySet.with_activity`), on
randomised pledges and reports, as at past dates and today."""

import random
from datetime import date, timedelta

import pytest

from rcphub.core.dates import today
from rcphub.repository import selectors
from rcphub.repository.models import Pledge, PledgeStage, inactive_since
from rcphub.repository.selectors import pledge_list_published, pledging_dashboard
from rcphub.repository.tests.factories import build_pledge, build_report

pytestmark = pytest.mark.django_db

# Few dates, so that reports, made and published days often fall on the same day and on the cut-offs.
AS_ATS = [date(2016, 1, 1), date(2019, 6, 30), date(2022, 2, 28), date(2024, 2, 29), date(2025, 6, 30)]
CUTOFFS = [inactive_since(as_at) for as_at in AS_ATS]
DAYS = (
    [date(2017, 3, 1) + timedelta(days=182 * n) for n in range(20)]
    + AS_ATS
    + CUTOFFS * 3
    + [cutoff + timedelta(days=1) for cutoff in CUTOFFS]
)


def definition(user, as_at: date) -> tuple[int, list[int]]:
    """The count and the longest silent, straight from the annotation the pledge list shows."""
    inactive = pledge_list_published(user=user, as_at=as_at).inactive()
    shown = inactive.order_by("last_sign_on", "pk").values_list("pk", flat=True)[: selectors.INACTIVE_SHOWN]
    return inactive.count(), list(shown)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("shown", [3, 50])
def test_the_inactive_pledges_are_those_of_the_definition_as_at_any_date(
    member, focal_point, monkeypatch, seed, shown
):
    monkeypatch.setattr(selectors, "INACTIVE_SHOWN", shown)
    rng = random.Random(seed)
    for _n in range(60):
        made_on = rng.choice([*DAYS, None])
        published_on = rng.choice([d for d in DAYS if made_on is None or d >= made_on] or [made_on])
        pledge = build_pledge(
            submitter=rng.choice([member, focal_point]),
            state=rng.choice(["published"] * 4 + ["draft", "submitted"]),
            made_on=made_on,
            published_on=published_on,
            stage=rng.choice(list(PledgeStage)),
        )
        for _r in range(rng.choice([0, 0, 1, 1, 2, 3, 4])):
            build_report(
                pledge=pledge,
                submitter=member,
                reported_on=rng.choice(DAYS),
                state=rng.choice(["published", "published", "draft", "submitted"]),
            )
    assert Pledge.objects.count() == 60
    for user in (None, member):
        for as_at in [*AS_ATS, today()]:
            dashboard = pledging_dashboard(user=user, as_at=as_at)
            count, listed = definition(user, as_at)
            assert dashboard.inactive_count == count, as_at
            assert [pledge.pk for pledge in dashboard.inactive] == listed, as_at
            assert all(pledge.inactive for pledge in dashboard.inactive)
    assert any(definition(None, as_at)[0] for as_at in AS_ATS)  # the data does hold inactive pledges

"""The follow-up reports in force on a date (`valid_until` and `status_valid_until`, kept on every
write) agree with the definition the selectors had: the status of the latest report giving one on
or before the date, the comment of the latest report of any kind, ties broken by the order
recorded. Randomised writes (saves with and without a status on commitments and key actions, bulk
writes, edits of a date, deletes, ties on one date) on each database."""

import importlib
import random
from datetime import date, timedelta

import pytest
from django.apps import apps as django_apps

from rcphub.followup.models import Commitment, FollowUpReport, FollowUpStatus, KeyAction
from rcphub.followup.selectors import commitments_as_at, key_actions_as_at
from rcphub.followup.selectors.status import latest_status_subquery
from rcphub.followup.services import followup_report_dates_refresh
from rcphub.followup.tests.factories import CommitmentFactory, KeyActionFactory, build_review

pytestmark = pytest.mark.django_db

STATUSES = [*FollowUpStatus.values, "", ""]  # a third of the reports give no status
DATES = [date(2025, 7, 31) + timedelta(days=40 * n) for n in range(6)]  # few dates: many ties
COLUMNS = ("status_as_at", "status_reported_on", "status_text_as_at", "status_comment", "status_commented_on")


def by_definition(item: Commitment | KeyAction, on: date) -> tuple:
    """The status, its date and wording, and the comment and its date, as the selectors defined them."""
    reports = item.status_reports.filter(as_at__lte=on).order_by("-as_at", "-id")
    if isinstance(item, Commitment):
        reports = reports.filter(key_action__isnull=True)
    with_status = reports.exclude(status="").first()
    latest = reports.first()
    return (
        with_status.status if with_status else None,
        with_status.as_at if with_status else None,
        with_status.status_text if with_status else None,
        latest.comment if latest else None,
        latest.as_at if latest else None,
    )


def new_report(rng: random.Random, items: list, author) -> FollowUpReport:
    item = rng.choice(items)
    status = rng.choice(STATUSES)
    n = rng.randint(1, 999)
    return FollowUpReport(
        commitment=item if isinstance(item, Commitment) else None,
        key_action=item if isinstance(item, KeyAction) else None,
        status=status,
        status_text=f"as written {n}" if status else "",
        comment=f"comment {n}",
        as_at=rng.choice(DATES),
        author=author,
    )


def random_writes(rng: random.Random, items: list, author) -> None:
    for _step in range(50):
        move = rng.random()
        reports = list(FollowUpReport.objects.order_by("id"))
        if move < 0.45 or not reports:
            new_report(rng, items, author).save()
        elif move < 0.6:
            written = FollowUpReport.objects.bulk_create(
                [new_report(rng, items, author) for _n in range(rng.randint(1, 4))]
            )
            followup_report_dates_refresh(written)  # bulk_create sends no signals
        elif move < 0.72:
            report = rng.choice(reports)
            report.as_at = rng.choice(DATES)  # as the admin may
            report.save()
        elif move < 0.8:
            report = rng.choice(reports)
            report.status = rng.choice(STATUSES)  # a status given, or taken away
            report.save()
        elif move < 0.9:
            rng.choice(reports).delete()
        else:
            FollowUpReport.objects.filter(pk=rng.choice(reports).pk).delete()


@pytest.mark.parametrize("seed", range(6))
def test_reports_in_force_agree_with_the_latest_reports_on_or_before_the_date(seed, platform_secretariat):
    rng = random.Random(seed)
    review = build_review()
    commitments = list(review.commitments.order_by("id"))
    commitments.append(CommitmentFactory(review=review, number="4", order=4))
    for commitment in commitments[:3]:
        KeyActionFactory(commitment=commitment)
    key_actions = list(KeyAction.objects.filter(commitment__review=review).order_by("id"))

    random_writes(rng, [*commitments, *key_actions], platform_secretariat)

    for on in [
        DATES[0] - timedelta(days=1),
        *DATES,
        *(d + timedelta(days=1) for d in DATES),
        date(2030, 1, 1),
    ]:
        for items, annotate in ((commitments, commitments_as_at), (key_actions, key_actions_as_at)):
            expected = {item.pk: by_definition(item, on) for item in items}
            annotated = annotate(type(items[0]).objects.filter(pk__in=expected), as_at=on)
            got = {item.pk: tuple(getattr(item, column) for column in COLUMNS) for item in annotated}
            assert got == expected, on
            assert annotated.count() == len(items)  # the joins never repeat an item
        statuses = dict(
            Commitment.objects.filter(pk__in=[c.pk for c in commitments])
            .annotate(
                before=latest_status_subquery(
                    subject="commitment", as_at=on, column="status", with_status=True
                )
            )
            .values_list("pk", "before")
        )
        assert statuses == {c.pk: by_definition(c, on)[0] for c in commitments}, on


def test_each_item_has_at_most_one_report_in_force_and_the_latest_has_no_end(platform_secretariat):
    commitment = build_review().commitments.order_by("id").first()

    def report(status: str, as_at: date) -> FollowUpReport:
        return FollowUpReport.objects.create(
            commitment=commitment,
            status=status,
            comment=status or "a comment",
            as_at=as_at,
            author=platform_secretariat,
        )

    early = report("starting", DATES[0])
    comment = report("", DATES[1])
    same_day = report("ongoing", DATES[2])
    last = report("completed", DATES[2])

    reports = [early, comment, same_day, last]
    for each in reports:
        each.refresh_from_db()
    assert [r.valid_until for r in reports] == [DATES[1], DATES[2], DATES[2], None]
    assert [r.status_valid_until for r in reports] == [DATES[2], None, DATES[2], None]
    last.delete()
    same_day.refresh_from_db()
    assert (same_day.valid_until, same_day.status_valid_until) == (None, None)
    # The derived dates are not part of the history people read.
    fields = {f.name for f in FollowUpReport.history.model._meta.fields}
    assert not fields & {"valid_until", "status_valid_until"}


def test_the_migration_fills_the_dates_the_writes_keep(platform_secretariat):
    review = build_review()
    items = [*review.commitments.all(), *KeyAction.objects.filter(commitment__review=review)]
    random_writes(random.Random(7), items, platform_secretariat)
    kept = list(FollowUpReport.objects.order_by("id").values_list("id", "valid_until", "status_valid_until"))
    FollowUpReport.objects.update(valid_until=None, status_valid_until=None)

    migration = importlib.import_module("rcphub.followup.migrations.0003_report_valid_until")
    migration.fill_valid_until(django_apps, None)

    filled = list(
        FollowUpReport.objects.order_by("id").values_list("id", "valid_until", "status_valid_until")
    )
    assert filled == kept
    assert any(v for _id, v, _s in kept) and any(s for _id, _v, s in kept)

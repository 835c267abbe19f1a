"""Demo follow-up ledger: two evaluations with management responses and a plan of action.

The content is in `reviews.yaml` and `rounds.yaml` next to this module. Seeded by `manage.py seed_demo`
after the work-plan demo (which creates the users named there). Idempotent: reviews are matched by
title, commitments by number, rounds by date, reports by commitment and round.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction

from rcphub.accounts.models import User
from rcphub.coalitions.models import Coalition
from rcphub.core.demodata import demo_content
from rcphub.followup.models import FollowUpReport, Review
from rcphub.followup.services import (
    commitment_create,
    followup_report_record,
    key_action_save,
    reporting_round_create,
    review_create,
    review_group_save,
)
from rcphub.reference.models import Entity

Row = dict[str, Any]


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def followup_demo_seed(*, progress: Callable[[str], None] = lambda line: None) -> dict[str, int]:
    """Create the demo reviews, rounds and reports that are missing; return what was created."""
    created = dict.fromkeys(
        ("reviews", "commitments", "key actions", "follow-up rounds", "follow-up reports"), 0
    )
    rounds: list[Row] = demo_content(__name__, "rounds")
    with transaction.atomic():
        for row in demo_content(__name__, "reviews"):
            _seed_review(row, rounds, created)
            progress(f"follow-up: {row['title'][:70]}")
    return created


def _seed_review(row: Row, round_rows: list[Row], created: dict[str, int]) -> None:
    by = User.objects.get(email=row["by"])
    entities = {e.acronym: e for e in Entity.objects.all()}
    review = Review.objects.filter(title=row["title"]).first()
    if review is None:
        review = review_create(
            organisation=entities[row["organisation"]],
            coalition=Coalition.objects.get(slug=row["coalition"]) if row.get("coalition") else None,
            kind=row["kind"],
            title=row["title"],
            issued_on=row["issued_on"],
            description=row.get("description", ""),
            visibility=row.get("visibility", "public"),
            by=by,
        )
        created["reviews"] += 1
    groups = {g.code: g for g in review.groups.all()}
    for group in row.get("groups", ()):
        if group["code"] not in groups:
            groups[group["code"]] = review_group_save(
                review=review, code=group["code"], title=group["title"], by=by
            )
    commitments = {c.number: c for c in review.commitments.all()}
    for item in (item for item in row["commitments"] if item["number"] not in commitments):
        commitment = commitment_create(
            review=review,
            number=item["number"],
            group=groups.get(item.get("group", "")),
            text=item["text"],
            response=item.get("response", ""),
            response_text=item.get("response_text", ""),
            responsible_text=item.get("responsible_text", ""),
            due_on=item.get("due_on"),
            due_text=item.get("due_text", ""),
            responsible_entities=[entities[a] for a in _split(item.get("responsible", ""))],
            by=by,
        )
        for text in item.get("key_actions", ()):
            key_action_save(commitment=commitment, text=text, due_on=item.get("due_on"), by=by)
            created["key actions"] += 1
        commitments[item["number"]] = commitment
        created["commitments"] += 1
    rounds = {r.as_at: r for r in review.rounds.all()}
    for new in (r for r in round_rows if r["as_at"] not in rounds):
        rounds[new["as_at"]] = reporting_round_create(review=review, by=by, **new)
        created["follow-up rounds"] += 1
    reported = set(
        FollowUpReport.objects.filter(commitment__review=review).values_list("commitment_id", "round_id")
    )
    for item in row["commitments"]:
        commitment = commitments[item["number"]]
        # The status as at each round, oldest first; a round the item names no status for has no report.
        for as_at in (r["as_at"] for r in round_rows if r["as_at"] in item.get("reports", {})):
            round_, report = rounds[as_at], item["reports"][as_at]
            if (commitment.pk, round_.pk) not in reported:
                followup_report_record(
                    commitment=commitment,
                    status=report.get("status", ""),  # none where the document gives none
                    status_text=report.get("status_text", ""),
                    comment=report.get("comment", ""),
                    round=round_,
                    by=by,
                )
                created["follow-up reports"] += 1

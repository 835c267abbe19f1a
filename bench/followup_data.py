"""Follow-up ledger of the benchmark: reviews (evaluations, audits, plans of action, meetings), their
commitments in groups, dated reporting rounds and the commitments' status reports.

S has 200 commitments, M 2 000, L 20 000, in reviews of COMMITMENTS_PER_REVIEW. Each review has
ROUNDS rounds, six months apart from its issue date; a commitment is reported on in most rounds (some
skipped), and one report in eight gives a comment and no status. Reports are streamed in date order,
each with `valid_until` (the date of the commitment's next report, empty for the latest) and, where
it gives a status, `status_valid_until` (the date of the next report giving one), as
`followup.services.refresh_report_dates` would set them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from bench.streaming import PROGRESS, reset_sequences
from bench.workplans_data import BENCH_USER

FOLLOWUP_SCALES = {"S": 200, "M": 2_000, "L": 20_000}
COMMITMENTS_PER_REVIEW = 20
GROUPS_PER_REVIEW = 4
ROUNDS = 5
KINDS = ["evaluation", "audit", "plan_of_action", "meeting_decisions", "other"]
RESPONSES = ["accepted", "accepted", "partially_accepted", "not_accepted", "not_applicable"]
STATUSES = ["not_started", "starting", "ongoing", "ongoing", "completed", "no_longer_applicable"]


def generate_followup(commitments: int) -> dict[str, int]:
    """Write the ledger (in the generation's transaction, after the work-plan data); return the counts."""
    from rcphub.accounts.models import User
    from rcphub.coalitions.models import Coalition
    from rcphub.followup.models import (
        Commitment,
        FollowUpReport,
        ReportingRound,
        Review,
        ReviewGroup,
        has_management_response,
    )
    from rcphub.reference.models import Entity

    author = User.objects.get(email=BENCH_USER).pk
    un = list(Entity.objects.filter(kind="un_entity").order_by("pk").values_list("pk", flat=True))
    coalitions = list(Coalition.objects.order_by("pk").values_list("pk", flat=True))
    reviews = max(1, commitments // COMMITMENTS_PER_REVIEW)

    def issued(r: int) -> date:
        return date(2018, 1, 1) + timedelta(days=(r * 37) % 2200)

    def review_rows() -> Iterator[tuple[Any, ...]]:
        for r in range(reviews):
            kind = KINDS[r % len(KINDS)]
            yield (
                r + 1,
                kind,
                un[r % len(un)] if kind != "meeting_decisions" else None,
                coalitions[r % len(coalitions)] if r % 3 == 0 else None,
                f"{kind.replace('_', ' ').capitalize()} {r + 1} on migration governance",
                issued(r),
                "public" if r % 4 else "internal",
            )

    def group_rows() -> Iterator[tuple[Any, ...]]:
        for r in range(reviews):
            for g in range(GROUPS_PER_REVIEW):
                yield (r * GROUPS_PER_REVIEW + g + 1, r + 1, f"C{g + 1}", f"Component {g + 1}", g)

    def round_rows() -> Iterator[tuple[Any, ...]]:
        for r in range(reviews):
            for n in range(ROUNDS):
                as_at = issued(r) + timedelta(days=182 * (n + 1))
                yield (r * ROUNDS + n + 1, r + 1, as_at, f"Progress report as at {as_at:%d %B %Y}")

    def commitment_rows() -> Iterator[tuple[Any, ...]]:
        for c in range(commitments):
            r = min(c // COMMITMENTS_PER_REVIEW, reviews - 1)
            n = c - r * COMMITMENTS_PER_REVIEW
            kind = KINDS[r % len(KINDS)]
            due = issued(r) + timedelta(days=365 + 90 * (n % 8))
            yield (
                c + 1,
                r + 1,
                r * GROUPS_PER_REVIEW + n % GROUPS_PER_REVIEW + 1,
                str(n + 1),
                n,
                f"Recommendation {n + 1}: strengthen the follow-up of migrants' protection ({c + 1}).",
                RESPONSES[c % len(RESPONSES)] if has_management_response(kind) else "",
                "Focal points of the lead entity",
                due,
                f"By end {due.year}",
            )

    def report_rows() -> Iterator[tuple[Any, ...]]:
        for c in range(commitments):
            r = min(c // COMMITMENTS_PER_REVIEW, reviews - 1)
            rounds = [
                (r * ROUNDS + n + 1, issued(r) + timedelta(days=182 * (n + 1)))
                for n in range(ROUNDS)
                if (c + n) % 4 != 3  # some rounds without a report on this commitment
            ]
            statuses = [
                "" if (c + k) % 8 == 5 else STATUSES[min(len(STATUSES) - 1, (c % 3) + k)]
                for k in range(len(rounds))
            ]
            for k, ((round_id, as_at), status) in enumerate(zip(rounds, statuses, strict=True)):
                later = [day for (_, day), s in zip(rounds[k + 1 :], statuses[k + 1 :], strict=True) if s]
                yield (
                    c + 1,
                    round_id,
                    status,
                    "" if status else "Comment only: progress to be confirmed",
                    as_at,
                    rounds[k + 1][1] if k + 1 < len(rounds) else None,
                    (later[0] if later else None) if status else None,
                    author,
                )

    counts = {
        "reviews": PROGRESS.run(
            "reviews",
            Review,
            ("id", "kind", "organisation_id", "coalition_id", "title", "issued_on", "visibility"),
            review_rows(),
        ),
        "review groups": PROGRESS.run(
            "review groups", ReviewGroup, ("id", "review_id", "code", "title", "order"), group_rows()
        ),
        "follow-up rounds": PROGRESS.run(
            "follow-up rounds", ReportingRound, ("id", "review_id", "as_at", "title"), round_rows()
        ),
        "commitments": PROGRESS.run(
            "commitments",
            Commitment,
            (
                "id",
                "review_id",
                "group_id",
                "number",
                "order",
                "text",
                "response",
                "responsible_text",
                "due_on",
                "due_text",
            ),
            commitment_rows(),
        ),
    }
    counts["commitment responsible entities"] = PROGRESS.run_m2m(
        "commitment responsible entities",
        Commitment.responsible_entities,
        ((c + 1, un[(c // COMMITMENTS_PER_REVIEW) % len(un)]) for c in range(commitments)),
    )
    reset_sequences([Review, ReviewGroup, ReportingRound, Commitment])
    counts["follow-up reports"] = PROGRESS.run(
        "follow-up reports",
        FollowUpReport,
        (
            "commitment_id",
            "round_id",
            "status",
            "status_text",
            "as_at",
            "valid_until",
            "status_valid_until",
            "author_id",
        ),
        report_rows(),
    )
    return counts

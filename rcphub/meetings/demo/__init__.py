"""Demo meetings: two Regional UN System Meetings whose decisions are followed up.

The content is in `meetings.yaml` next to this module. Seeded by `manage.py seed_demo` after the
work-plan and follow-up demos. Idempotent: meetings are matched by title, agenda items and decisions
by number, rounds by date, reports by commitment and round.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction

from rcphub.accounts.models import User
from rcphub.coalitions.models import Platform
from rcphub.core.demodata import demo_content
from rcphub.followup.models import FollowUpReport
from rcphub.followup.services import followup_report_record, reporting_round_create
from rcphub.meetings.models import Meeting
from rcphub.meetings.services import agenda_item_add, decision_create, meeting_create
from rcphub.reference.models import Entity
from rcphub.workplans.demo import PLATFORM_USER


def meetings_demo_seed(*, progress: Callable[[str], None] = lambda line: None) -> dict[str, int]:
    """Create the demo meetings, their decisions and their follow-up that are missing; return what was created."""
    created = {"meetings": 0, "decisions": 0, "decision reports": 0}
    by = User.objects.get(email=PLATFORM_USER)
    platform = Platform.objects.get()
    entities = {e.acronym: e for e in Entity.objects.all()}

    def named(acronyms: str) -> list[Entity]:
        return [entities[a.strip()] for a in acronyms.split(",") if a.strip()]

    with transaction.atomic():
        row: dict[str, Any]
        for row in demo_content(__name__, "meetings"):
            meeting = Meeting.objects.filter(title=row["title"]).first()
            if meeting is None:
                meeting = meeting_create(
                    platform=platform,
                    coalition=None,
                    chairs=named(row["chairs"]),
                    participants=named(row["participants"]),
                    visibility=row.get("visibility", "public"),
                    by=by,
                    **{k: row[k] for k in ("kind", "title", "held_on", "place", "minutes")},
                )
                created["meetings"] += 1
            items = {a.number: a for a in meeting.agenda_items.all()}
            for item in (a for a in row["agenda"] if a["number"] not in items):
                items[item["number"]] = agenda_item_add(meeting=meeting, by=by, **item)
            decided = {d.commitment.number: d for d in meeting.decisions.select_related("commitment")}
            for decision in (d for d in row["decisions"] if d["number"] not in decided):
                decided[decision["number"]] = decision_create(
                    meeting=meeting,
                    number=decision["number"],
                    text=decision["text"],
                    responsible_entities=named(decision["responsible"]),
                    responsible_text=decision["responsible_text"],
                    due_on=decision.get("due_on"),
                    due_text=decision["due_text"],
                    agenda_item=items[decision["agenda_item"]],
                    by=by,
                )
                created["decisions"] += 1
            review = meeting.review
            rounds = {r.as_at: r for r in review.rounds.all()}
            for new in (r for r in row["rounds"] if r["as_at"] not in rounds):
                rounds[new["as_at"]] = reporting_round_create(review=review, by=by, **new)
            reported = set(
                FollowUpReport.objects.filter(commitment__review=review).values_list(
                    "commitment_id", "round_id"
                )
            )
            for decision in row["decisions"]:
                commitment = decided[decision["number"]].commitment
                # The status as at each follow-up round, oldest first; none where the decision names none.
                for as_at in (r["as_at"] for r in row["rounds"] if r["as_at"] in decision.get("reports", {})):
                    round_, report = rounds[as_at], decision["reports"][as_at]
                    if (commitment.pk, round_.pk) not in reported:
                        status, comment = report["status"], report.get("comment", "")
                        followup_report_record(
                            commitment=commitment, status=status, comment=comment, round=round_, by=by
                        )
                        created["decision reports"] += 1
            progress(f"meetings: {row['title']}")
    return created

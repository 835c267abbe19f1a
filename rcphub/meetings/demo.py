"""Demo meetings: two Regional UN System Meetings whose decisions are followed up.

Written for the demo. Seeded by `manage.py seed_demo` after the work-plan and follow-up demos.
Idempotent: meetings are matched by title, agenda items and decisions by number, rounds by date,
reports by commitment and round.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db import transaction

from rcphub.accounts.models import User
from rcphub.coalitions.models import Platform
from rcphub.followup.models import FollowUpReport
from rcphub.followup.services import followup_report_record, reporting_round_create
from rcphub.meetings.models import Meeting
from rcphub.meetings.services import agenda_item_add, decision_create, meeting_create
from rcphub.reference.models import Entity

PLATFORM_USER = "platform@demo.rcphub.org"


@dataclass(frozen=True)
class DecisionSpec:
    number: str
    agenda: str
    text: str
    responsible: tuple[str, ...]
    responsible_text: str
    due_on: date | None
    due_text: str
    # Status as at each follow-up round of this meeting ("" for none), with a comment.
    track: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class MeetingSpec:
    title: str
    held_on: date
    place: str
    chairs: tuple[str, ...]
    participants: tuple[str, ...]
    agenda: tuple[tuple[str, str], ...]
    minutes: str
    decisions: tuple[DecisionSpec, ...]
    rounds: tuple[tuple[date, str], ...]


PARTICIPANTS = (
    "UNECE",
    "UNDP",
    "UNICEF",
    "UN-Women",
    "UNFPA",
    "WHO",
    "ILO",
    "IOM",
    "UNHCR",
    "OHCHR",
    "UNEP",
    "FAO",
)

MEETINGS = (
    MeetingSpec(
        title="Regional UN System Meeting, May 2025",
        held_on=date(2025, 5, 22),
        place="Istanbul and online",
        chairs=("UNECE", "UNDP"),
        participants=PARTICIPANTS,
        agenda=(
            ("1", "Opening and adoption of the agenda"),
            ("2", "Support to Cooperation Frameworks starting in 2026"),
            ("3", "Results reporting to Member States"),
            ("4", "Any other business"),
        ),
        minutes=(
            "The meeting reviewed the coalitions' support to the six UNCTs preparing new Cooperation "
            "Frameworks and agreed on a common offer. It discussed how results are reported to Member "
            "States and asked the secretariat to prepare a single regional report."
        ),
        decisions=(
            DecisionSpec(
                "2025/1",
                "2",
                "The coalitions present a joint support offer to each UNCT starting a new "
                "Cooperation Framework, with one contact point per UNCT.",
                ("UNDP", "UNECE"),
                "Platform secretariat with the coalitions' co-chairs",
                date(2025, 9, 30),
                "By September 2025",
                (("completed", "Joint offers sent to all six UNCTs."), ("", "")),
            ),
            DecisionSpec(
                "2025/2",
                "3",
                "The secretariat drafts a single regional report on system-wide results "
                "for the Regional Forum on Sustainable Development.",
                ("UNECE",),
                "Platform secretariat",
                date(2026, 3, 15),
                "Before the 2026 Regional Forum",
                (
                    ("starting", "Outline agreed with the coalitions."),
                    ("completed", "Report issued in March."),
                ),
            ),
            DecisionSpec(
                "2025/3",
                "3",
                "Each coalition records its 2026 work plan progress in rcphub by the end of each quarter.",
                ("UNDP", "UNICEF", "WHO", "UN-Women", "IOM", "UNEP"),
                "Coalition secretariats",
                date(2026, 12, 31),
                "Each quarter of 2026",
                (("starting", "Four coalitions set up."), ("ongoing", "All coalitions reporting.")),
            ),
            DecisionSpec(
                "2025/4",
                "4",
                "The platform reviews the mandates of the coalitions in 2026.",
                ("UNECE",),
                "Platform chair",
                date(2026, 6, 30),
                "Mid-2026",
                (("not_started", "To be scheduled."), ("ongoing", "Terms of reference under review.")),
            ),
        ),
        rounds=(
            (date(2025, 11, 14), "Follow-up as at 14 November 2025"),
            (date(2026, 6, 30), "Follow-up as at 30 June 2026"),
        ),
    ),
    MeetingSpec(
        title="Regional UN System Meeting, November 2025",
        held_on=date(2025, 11, 20),
        place="Geneva, Palais des Nations",
        chairs=("UNECE", "UNDP"),
        participants=PARTICIPANTS,
        agenda=(
            ("1", "Follow-up of the decisions of May 2025"),
            ("2", "Coalition work plans for 2026"),
            ("3", "Joint programmes and pooled funding"),
        ),
        minutes=(
            "The meeting took note of the follow-up of the May decisions, endorsed the coalitions' approach to "
            "their 2026 work plans and asked for a pipeline of joint programmes for the regional trust fund."
        ),
        decisions=(
            DecisionSpec(
                "2025/5",
                "2",
                "Coalitions submit their 2026 work plans to the secretariat for endorsement "
                "by the end of February 2026.",
                ("UNECE",),
                "Coalition co-chairs",
                date(2026, 2, 28),
                "February 2026",
                (("completed", "Six plans endorsed."),),
            ),
            DecisionSpec(
                "2025/6",
                "3",
                "The secretariat prepares a pipeline of joint programmes by thematic area "
                "for the regional trust fund.",
                ("UNECE", "UNDP"),
                "Platform secretariat; UNDP IRH",
                date(2026, 5, 31),
                "May 2026",
                (("ongoing", "Eight concept notes received."),),
            ),
            DecisionSpec(
                "2025/7",
                "3",
                "Entities share their planned regional trainings in the platform calendar.",
                ("UNDP", "UNICEF", "UNFPA"),
                "All entities",
                None,
                "Ongoing",
                (("starting", ""),),
            ),
        ),
        rounds=((date(2026, 6, 30), "Follow-up as at 30 June 2026"),),
    ),
)


def meetings_demo_seed(*, progress: Callable[[str], None] = lambda line: None) -> dict[str, int]:
    """Create the demo meetings, their decisions and their follow-up that are missing; return what was created."""
    created = {"meetings": 0, "decisions": 0, "decision reports": 0}
    by = User.objects.get(email=PLATFORM_USER)
    platform = Platform.objects.get()
    entities = {e.acronym: e for e in Entity.objects.all()}
    with transaction.atomic():
        for spec in MEETINGS:
            meeting = Meeting.objects.filter(title=spec.title).first()
            if meeting is None:
                meeting = meeting_create(
                    platform=platform,
                    coalition=None,
                    chairs=[entities[a] for a in spec.chairs],
                    participants=[entities[a] for a in spec.participants],
                    kind="rum",
                    title=spec.title,
                    held_on=spec.held_on,
                    place=spec.place,
                    minutes=spec.minutes,
                    visibility="public",
                    by=by,
                )
                created["meetings"] += 1
            items = {a.number: a for a in meeting.agenda_items.all()}
            for number, title in spec.agenda:
                if number not in items:
                    items[number] = agenda_item_add(meeting=meeting, number=number, title=title, by=by)
            decided = {d.commitment.number: d for d in meeting.decisions.select_related("commitment")}
            for decision in spec.decisions:
                if decision.number not in decided:
                    decided[decision.number] = decision_create(
                        meeting=meeting,
                        number=decision.number,
                        text=decision.text,
                        responsible_entities=[entities[a] for a in decision.responsible],
                        responsible_text=decision.responsible_text,
                        due_on=decision.due_on,
                        due_text=decision.due_text,
                        agenda_item=items[decision.agenda],
                        by=by,
                    )
                    created["decisions"] += 1
            review = meeting.review
            rounds = {r.as_at: r for r in review.rounds.all()}
            for as_at, title in spec.rounds:
                if as_at not in rounds:
                    rounds[as_at] = reporting_round_create(review=review, as_at=as_at, title=title, by=by)
            reported = set(
                FollowUpReport.objects.filter(commitment__review=review).values_list(
                    "commitment_id", "round_id"
                )
            )
            for decision in spec.decisions:
                commitment = decided[decision.number].commitment
                for (as_at, _title), (status, comment) in zip(spec.rounds, decision.track, strict=False):
                    round_ = rounds[as_at]
                    if status and (commitment.pk, round_.pk) not in reported:
                        followup_report_record(
                            commitment=commitment, status=status, comment=comment, round=round_, by=by
                        )
                        created["decision reports"] += 1
            progress(f"meetings: {spec.title}")
    return created

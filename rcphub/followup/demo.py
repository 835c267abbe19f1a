"""Demo follow-up ledger: two evaluations with management responses and a plan of action.

Written for the demo; it resembles real management responses in vocabulary only. Seeded by
`manage.py seed_demo` after the work-plan demo (which creates the users named here). Idempotent:
reviews are matched by title, commitments by number, rounds by date, reports by commitment and round.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction

from rcphub.accounts.models import User
from rcphub.coalitions.models import Coalition
from rcphub.followup.models import Commitment, FollowUpReport, ReportingRound, Review
from rcphub.followup.services import (
    commitment_create,
    followup_report_record,
    key_action_save,
    reporting_round_create,
    review_create,
    review_group_save,
)
from rcphub.reference.models import Entity

A, P, N, X = "accepted", "partially_accepted", "not_accepted", "not_applicable"


@dataclass(frozen=True)
class Item:
    number: str
    text: str
    response: str = ""
    response_text: str = ""
    responsible: tuple[str, ...] = ()
    responsible_text: str = ""
    due_on: date | None = None
    due_text: str = ""
    group: str = ""
    key_actions: tuple[str, ...] = ()
    # One status per round ("" for no report in that round), with a comment each.
    track: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ReviewSpec:
    title: str
    kind: str
    organisation: str
    issued_on: date
    by: str  # e-mail of the person who manages it in the demo
    visibility: str = "public"
    coalition: str = ""
    description: str = ""
    groups: tuple[tuple[str, str], ...] = ()
    items: tuple[Item, ...] = field(default_factory=tuple)


ROUNDS = (
    (date(2025, 12, 31), "Progress report as at 31 December 2025"),
    (date(2026, 6, 30), "Progress report as at 30 June 2026"),
    (date(2026, 9, 30), "Progress report as at 30 September 2026"),
)

DOMAIN = "demo.rcphub.org"

REVIEWS = (
    ReviewSpec(
        title="Evaluation of UNICEF support to child-sensitive social protection in Europe and Central Asia",
        kind="evaluation",
        organisation="UNICEF",
        issued_on=date(2025, 4, 14),
        by=f"followup.unicef@{DOMAIN}",
        description=(
            "A regional evaluation of how UNICEF helped governments make cash benefits, services and "
            "social work reach children, 2019–2024, with the management response of the regional office."
        ),
        items=(
            Item(
                "1",
                "Agree with each government a costed roadmap for a universal or near-universal child benefit, "
                "building on the fiscal space analyses already done.",
                A,
                "Roadmaps will be discussed in the four countries where ministries asked for them.",
                ("UNICEF",),
                "ECARO Social Policy; Country Offices",
                date(2026, 6, 30),
                "By mid-2026",
                key_actions=(
                    "Share the fiscal space analyses with ministries of finance.",
                    "Hold a regional peer exchange on child benefit design.",
                ),
                track=(
                    ("starting", "Two ministries agreed to discuss a roadmap."),
                    ("ongoing", "Roadmaps drafted in Armenia and Montenegro."),
                    ("ongoing", "Third roadmap under discussion; costing revised."),
                ),
            ),
            Item(
                "2",
                "Invest in the social service workforce, with standards for case management that link cash "
                "and care.",
                A,
                "Accepted; to be done with the social protection coalition.",
                ("UNICEF", "ILO"),
                "ECARO Child Protection with ILO",
                date(2026, 3, 31),
                "Q1 2026",
                track=(
                    ("ongoing", "Draft standards shared with the coalition."),
                    ("completed", "Standards adopted as regional guidance."),
                    ("", ""),
                ),
            ),
            Item(
                "3",
                "Build shock-responsive features into national cash programmes, starting with the countries "
                "most exposed to floods and earthquakes.",
                P,
                "Partially accepted: the regional office will support two pilots; scale-up depends on funding.",
                ("UNICEF", "WFP"),
                "ECARO Social Policy; WFP",
                date(2026, 12, 31),
                "By end 2026",
                track=(
                    ("not_started", "Waiting for pilot funding."),
                    ("starting", "Funding secured for one pilot."),
                    ("ongoing", "Pilot design agreed with the ministry."),
                ),
            ),
            Item(
                "4",
                "Create a regional fund to co-finance child benefits in low-income programme countries.",
                N,
                "Not accepted: financing benefits is a national responsibility; UNICEF will support budget "
                "advocacy instead.",
                ("UNICEF",),
                "Regional Director",
                None,
                "—",
            ),
            Item(
                "5",
                "Report results of social protection work through the joint UN results framework rather "
                "than a separate UNICEF framework.",
                A,
                "Accepted.",
                ("UNICEF", "UNDP"),
                "ECARO Planning; UNDP IRH",
                date(2025, 12, 31),
                "By end 2025",
                track=(
                    ("ongoing", "Indicators mapped to UN INFO."),
                    ("ongoing", "Two country offices still report separately."),
                    ("", ""),
                ),
            ),
            Item(
                "6",
                "Strengthen disability assessment so that children with disabilities are not left out of "
                "benefits they are entitled to.",
                A,
                "Accepted, in line with the disability inclusion strategy.",
                ("UNICEF", "WHO"),
                "ECARO Disability focal point; WHO EURO",
                date(2026, 9, 30),
                "Q3 2026",
                key_actions=("Review assessment rules in three countries.",),
                track=(
                    ("starting", "Review of rules started in Georgia."),
                    ("ongoing", "Reviews under way in three countries."),
                    ("ongoing", "Findings being discussed with ministries."),
                ),
            ),
            Item(
                "7",
                "Evaluate the regional office's own coordination role in the coalition on social protection.",
                X,
                "Not applicable: the coalition runs its own review in 2026.",
                ("UNICEF",),
                "ECARO",
                None,
                "n/a",
                track=(
                    ("no_longer_applicable", "Covered by the coalition's own review."),
                    ("", ""),
                    ("", ""),
                ),
            ),
            Item(
                "8",
                "Publish the evaluation and the management response in Russian as well as English.",
                A,
                "Accepted.",
                ("UNICEF",),
                "ECARO Communication",
                date(2025, 9, 30),
                "Q3 2025",
                track=(("completed", "Both language versions published."), ("", ""), ("", "")),
            ),
        ),
    ),
    ReviewSpec(
        title="Review of the Issue-based Coalition on Gender Equality's support to UN Country Teams",
        kind="evaluation",
        organisation="UN-Women",
        coalition="gender",
        issued_on=date(2025, 6, 3),
        by=f"secretariat.gender@{DOMAIN}",
        description=(
            "An independent review of the coalition's support to gender analysis in Common Country Analyses "
            "and Cooperation Frameworks, with the coalition's response."
        ),
        items=(
            Item(
                "1",
                "Offer every UNCT starting a new Cooperation Framework a gender review of its Common "
                "Country Analysis.",
                A,
                "Accepted.",
                ("UN-Women", "UNFPA"),
                "Coalition secretariat",
                date(2026, 12, 31),
                "Ongoing, each cycle",
                track=(
                    ("ongoing", "Reviews done for two UNCTs."),
                    ("ongoing", "Four reviews done."),
                    ("ongoing", "Six reviews done; two scheduled."),
                ),
            ),
            Item(
                "2",
                "Train the UNCT gender theme groups on the gender equality scorecard.",
                A,
                "Accepted.",
                ("UN-Women",),
                "UN Women ECA",
                date(2026, 6, 30),
                "H1 2026",
                track=(
                    ("starting", "Training package adapted."),
                    ("completed", "Training held for 9 UNCTs."),
                    ("", ""),
                ),
            ),
            Item(
                "3",
                "Give the coalition a dedicated staff position funded by all members.",
                P,
                "Partially accepted: members will share costs of a part-time coordinator from 2026.",
                ("UN-Women", "OHCHR"),
                "Co-chairs",
                date(2026, 3, 31),
                "Q1 2026",
                track=(
                    ("not_started", "Cost-sharing formula under discussion."),
                    ("", ""),
                    ("starting", "Two members confirmed contributions."),
                ),
            ),
            Item(
                "4",
                "Merge the coalition with the coalition on youth.",
                N,
                "Not accepted: the mandates differ; joint work will continue on adolescent girls.",
                ("UN-Women",),
                "Co-chairs",
                None,
                "—",
            ),
            Item(
                "5",
                "Keep a shared roster of gender experts that UNCTs can call on.",
                A,
                "Accepted.",
                ("UN-Women", "UNDP"),
                "Coalition secretariat with UNDP IRH",
                date(2025, 12, 31),
                "By end 2025",
                track=(
                    ("ongoing", "Roster format agreed."),
                    ("ongoing", "Roster has 18 experts."),
                    ("ongoing", "Awaiting the platform's roster tool."),
                ),
            ),
            Item(
                "6",
                "Report yearly to the Regional UN System Meeting on gender results across coalitions.",
                A,
                "Accepted.",
                ("UN-Women",),
                "Coalition secretariat",
                date(2026, 11, 30),
                "November 2026",
                track=(("", ""), ("starting", "Template agreed with the platform secretariat."), ("", "")),
            ),
            Item(
                "7",
                "Align the coalition's work plan indicators with SDG 5 targets.",
                A,
                "Accepted.",
                ("UN-Women", "UNFPA"),
                "Coalition secretariat",
                date(2026, 1, 31),
                "January 2026",
                track=(
                    ("ongoing", "Draft mapping done."),
                    ("completed", "Indicators aligned in the 2026 plan."),
                    ("", ""),
                ),
            ),
        ),
    ),
    ReviewSpec(
        title="Regional plan of action on data for migration governance, 2025–2027",
        kind="plan_of_action",
        organisation="IOM",
        coalition="migration-network",
        issued_on=date(2025, 2, 20),
        by=f"secretariat.migration-network@{DOMAIN}",
        description="The network's plan of action to improve migration data in programme countries.",
        groups=(
            ("Component 1", "Data collection and standards"),
            ("Component 2", "Capacities of national statistical offices"),
            ("Component 3", "Use of data in policy and in UNCT analysis"),
        ),
        items=(
            Item(
                "1.1",
                "Map the sources of migration data in each programme country.",
                group="Component 1",
                responsible=("IOM", "UNECE"),
                responsible_text="IOM RO Vienna; UNECE Statistics",
                due_on=date(2025, 12, 31),
                due_text="By end 2025",
                track=(("completed", "Mappings done for 14 countries."), ("", ""), ("", "")),
            ),
            Item(
                "1.2",
                "Agree common definitions for return and circular migration with statistical offices.",
                group="Component 1",
                responsible=("UNECE",),
                responsible_text="UNECE Statistics",
                due_on=date(2026, 6, 30),
                due_text="2026",
                track=(
                    ("starting", "Task force set up."),
                    ("ongoing", "Draft definitions circulated."),
                    ("ongoing", "Comments from 9 offices received."),
                ),
            ),
            Item(
                "1.3",
                "Include migration questions in the next round of labour force surveys.",
                group="Component 1",
                responsible=("ILO", "IOM"),
                responsible_text="ILO DWT Budapest; IOM",
                due_on=date(2026, 12, 31),
                due_text="2026–27",
                track=(
                    ("not_started", ""),
                    ("starting", "Module drafted."),
                    ("starting", "Two countries testing."),
                ),
            ),
            Item(
                "1.4",
                "Publish a regional data portal.",
                group="Component 1",
                responsible=("IOM",),
                responsible_text="IOM RO Vienna",
                due_on=date(2027, 6, 30),
                due_text="Mid-2027",
                track=(("", ""), ("", ""), ("not_started", "Scoping postponed to 2027.")),
            ),
            Item(
                "2.1",
                "Train statistical offices on using administrative data on migration.",
                group="Component 2",
                responsible=("UNECE", "UNFPA"),
                responsible_text="UNECE; UNFPA EECARO",
                due_on=date(2026, 3, 31),
                due_text="Q1 2026",
                track=(("ongoing", "Two trainings held."), ("completed", "Five trainings held."), ("", "")),
            ),
            Item(
                "2.2",
                "Second statisticians between offices for peer learning.",
                group="Component 2",
                responsible=("UNECE",),
                responsible_text="UNECE Statistics",
                due_on=date(2026, 9, 30),
                due_text="2026",
                track=(
                    ("", ""),
                    ("starting", "First secondment agreed."),
                    ("ongoing", "Two secondments done."),
                ),
            ),
            Item(
                "2.3",
                "Support censuses of the 2030 round to count migrants and diaspora well.",
                group="Component 2",
                responsible=("UNFPA",),
                responsible_text="UNFPA EECARO",
                due_on=None,
                due_text="2027 onwards",
                track=(("not_started", "Starts with census planning."), ("", ""), ("", "")),
            ),
            Item(
                "2.4",
                "Set up a help desk for offices on migration statistics.",
                group="Component 2",
                responsible=("UNECE", "IOM"),
                responsible_text="UNECE; IOM",
                due_on=date(2025, 10, 31),
                due_text="October 2025",
                track=(
                    ("ongoing", "Help desk pilot running."),
                    ("ongoing", "Funding for 2026 pending."),
                    ("no_longer_applicable", "Replaced by the statistical offices' own network."),
                ),
            ),
            Item(
                "3.1",
                "Brief UNCTs on using migration data in Common Country Analyses.",
                group="Component 3",
                responsible=("IOM", "UNDP"),
                responsible_text="Network secretariat; UNDP IRH",
                due_on=date(2026, 4, 30),
                due_text="April 2026",
                track=(
                    ("starting", "Briefing note drafted."),
                    ("ongoing", "Briefings held for 6 UNCTs."),
                    ("ongoing", "Briefings held for 10 UNCTs."),
                ),
            ),
            Item(
                "3.2",
                "Produce country migration profiles every two years.",
                group="Component 3",
                responsible=("IOM",),
                responsible_text="IOM country offices",
                due_on=date(2026, 12, 31),
                due_text="2026",
                track=(
                    ("ongoing", "Five profiles in preparation."),
                    ("ongoing", "Seven profiles published."),
                    ("ongoing", "Ten profiles published."),
                ),
            ),
            Item(
                "3.3",
                "Hold a regional dialogue of governments on evidence-based migration policy.",
                group="Component 3",
                responsible=("IOM", "UNHCR"),
                responsible_text="IOM; UNHCR",
                due_on=date(2026, 5, 31),
                due_text="May 2026",
                track=(
                    ("starting", "Concept note shared."),
                    ("completed", "Dialogue held in Almaty."),
                    ("", ""),
                ),
            ),
            Item(
                "3.4",
                "Report on the plan's progress to the Regional UN System Meeting.",
                group="Component 3",
                responsible=("IOM",),
                responsible_text="Network secretariat",
                due_on=date(2026, 11, 15),
                due_text="Each November",
                track=(("completed", "Reported to the 2025 meeting."), ("", ""), ("", "")),
            ),
        ),
    ),
)


def followup_demo_seed(*, progress: Callable[[str], None] = lambda line: None) -> dict[str, int]:
    """Create the demo reviews, rounds and reports that are missing; return what was created."""
    created = {
        "reviews": 0,
        "commitments": 0,
        "key actions": 0,
        "follow-up rounds": 0,
        "follow-up reports": 0,
    }
    with transaction.atomic():
        for spec in REVIEWS:
            _seed_review(spec, created)
            progress(f"follow-up: {spec.title[:70]}")
    return created


def _seed_review(spec: ReviewSpec, created: dict[str, int]) -> None:
    by = User.objects.get(email=spec.by)
    entities = {e.acronym: e for e in Entity.objects.all()}
    review = Review.objects.filter(title=spec.title).first()
    if review is None:
        coalition = Coalition.objects.get(slug=spec.coalition) if spec.coalition else None
        review = review_create(
            organisation=entities[spec.organisation],
            coalition=coalition,
            kind=spec.kind,
            title=spec.title,
            issued_on=spec.issued_on,
            description=spec.description,
            visibility=spec.visibility,
            by=by,
        )
        created["reviews"] += 1
    groups = {g.code: g for g in review.groups.all()}
    for code, title in spec.groups:
        if code not in groups:
            groups[code] = review_group_save(review=review, code=code, title=title, by=by)
    commitments = {c.number: c for c in review.commitments.all()}
    for item in spec.items:
        if item.number in commitments:
            continue
        commitment = commitment_create(
            review=review,
            number=item.number,
            group=groups.get(item.group),
            text=item.text,
            response=item.response,
            response_text=item.response_text,
            responsible_text=item.responsible_text,
            due_on=item.due_on,
            due_text=item.due_text,
            responsible_entities=[entities[a] for a in item.responsible],
            by=by,
        )
        for text in item.key_actions:
            key_action_save(commitment=commitment, text=text, due_on=item.due_on, by=by)
            created["key actions"] += 1
        commitments[item.number] = commitment
        created["commitments"] += 1
    rounds = {r.as_at: r for r in review.rounds.all()}
    for as_at, title in ROUNDS:
        if as_at not in rounds:
            rounds[as_at] = reporting_round_create(review=review, as_at=as_at, title=title, by=by)
            created["follow-up rounds"] += 1
    reported = set(
        FollowUpReport.objects.filter(commitment__review=review).values_list("commitment_id", "round_id")
    )
    for item in spec.items:
        commitment = commitments[item.number]
        for (as_at, _title), (status, comment) in zip(ROUNDS, item.track, strict=False):
            round_ = rounds[as_at]
            if not status or (commitment.pk, round_.pk) in reported:
                continue
            _record(commitment, status, comment, round_, by)
            created["follow-up reports"] += 1


def _record(commitment: Commitment, status: str, comment: str, round_: ReportingRound, by: Any) -> None:
    followup_report_record(commitment=commitment, status=status, comment=comment, round=round_, by=by)

from datetime import date
from typing import Any

import factory

from rcphub.followup.models import Commitment, FollowUpReport, KeyAction, ReportingRound, Review
from rcphub.reference.models import Entity


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    kind = "evaluation"
    title = factory.Sequence(lambda n: f"Evaluation of regional support to UN Country Teams ({n})")
    issued_on = date(2025, 6, 30)
    visibility = "public"


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    review = factory.SubFactory(ReviewFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    text = "Strengthen the follow-up of joint commitments across the coalitions."
    response = "accepted"


class KeyActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KeyAction

    commitment = factory.SubFactory(CommitmentFactory)
    text = "Agree a common template for progress reports."


class ReportingRoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportingRound

    title = "Progress report"


class FollowUpReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUpReport

    status = "ongoing"
    as_at = date(2025, 12, 31)


def build_review(*, organisation: str = "UNICEF", visibility: str = "public", **fields: Any) -> Any:
    """Build an evaluation of `organisation` with three recommendations:

    1 (accepted, UNDP responsible, due 2026-03-31, one key action), 2 (partially accepted, UNICEF
    responsible, due 2026-12-31) and 3 (not accepted, no due date).
    """
    review = ReviewFactory(
        organisation=Entity.objects.get(acronym=organisation), visibility=visibility, **fields
    )
    first = CommitmentFactory(
        review=review,
        number="1",
        order=1,
        response="accepted",
        due_on=date(2026, 3, 31),
        responsible_text="UNDP IRH",
        text="Map the support each coalition offers to UNCTs.",
    )
    first.responsible_entities.set([Entity.objects.get(acronym="UNDP")])
    KeyActionFactory(commitment=first, text="Survey the coalitions' secretariats.", due_on=date(2026, 1, 31))
    second = CommitmentFactory(
        review=review,
        number="2",
        order=2,
        response="partially_accepted",
        due_on=date(2026, 12, 31),
        responsible_text="UNICEF ECARO",
        text="Publish a yearly summary of joint results for Member States.",
    )
    second.responsible_entities.set([Entity.objects.get(acronym="UNICEF")])
    CommitmentFactory(
        review=review,
        number="3",
        order=3,
        response="not_accepted",
        text="Create a pooled fund for coalition secretariats.",
    )
    return review

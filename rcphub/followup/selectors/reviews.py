"""Reads on reviews: the list the user may see, access to one, its organisations and rounds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from rcphub.accounts.permissions import is_platform_secretariat
from rcphub.core.errors import NotFound
from rcphub.followup.models import ReportingRound, Review, ReviewGroup
from rcphub.followup.permissions import can_manage_review, followed_up_organisation_ids, review_visibility_q
from rcphub.reference.models import Entity


@dataclass(frozen=True)
class ReviewFilters:
    organisation: str | None = None  # acronym
    kind: str | None = None
    coalition: str | None = None  # slug


def review_list(*, user: Any, filters: ReviewFilters | None = None) -> QuerySet[Review]:
    """Return the reviews the user may see, latest issued first."""
    qs = Review.objects.filter(review_visibility_q(user)).select_related("organisation", "coalition")
    if filters is not None:
        if filters.organisation:
            qs = qs.filter(organisation__acronym__iexact=filters.organisation)
        if filters.kind:
            qs = qs.filter(kind=filters.kind)
        if filters.coalition:
            qs = qs.filter(coalition__slug=filters.coalition)
    return qs.order_by("-issued_on", "title")


def review_list_with_counts(*, user: Any, filters: ReviewFilters | None = None) -> QuerySet[Review]:
    """Return the reviews the user may see, each with the number of its commitments."""
    return review_list(user=user, filters=filters).annotate(
        commitment_count=Count("commitments", distinct=True)
    )


def review_get(*, review_id: int, user: Any) -> Review:
    """Return the review the user may see, or raise NotFound."""
    review = (
        Review.objects.filter(review_visibility_q(user), pk=review_id)
        .select_related("organisation", "coalition", "meeting")  # a meeting's review: its meeting
        .first()
    )
    if review is None:
        raise NotFound
    return review


def review_get_for_manage(*, review_id: int, user: Any) -> Review:
    """Return the review if the user may manage it; missing and forbidden answer alike."""
    review = review_get(review_id=review_id, user=user)
    if not can_manage_review(user=user, review=review):
        raise NotFound
    return review


def review_group_get_for_manage(*, group_id: int, user: Any) -> ReviewGroup:
    """Return the group if the user may manage its review; missing and forbidden answer alike."""
    group = ReviewGroup.objects.filter(pk=group_id).only("id", "review_id").first()
    if group is None:
        raise NotFound
    review = review_get_for_manage(review_id=group.review_id, user=user)
    group = review.groups.get(pk=group_id)
    group.review = review
    return group


def review_group_get_by_code(*, review: Review, code: str) -> ReviewGroup:
    """Return the review's group with the code, or raise ValidationError on `group` if it has none."""
    group = ReviewGroup.objects.filter(review=review, code=code.strip()).first()
    if group is None:
        message = _("Unknown group “%(value)s” for this review: use its code.") % {"value": code[:40]}
        raise ValidationError({"group": ValidationError(message, code="unknown")})
    return group


def review_organisations(*, user: Any) -> QuerySet[Entity]:
    """Return the organisations of the reviews the user may see, to filter the list by."""
    reviews = Review.objects.filter(review_visibility_q(user)).values("organisation_id")
    return Entity.objects.filter(pk__in=reviews).order_by("acronym")


def review_organisations_for_create(*, user: Any) -> QuerySet[Entity]:
    """Return the organisations the user may open a review for: any for the platform secretariat,
    else the entities the user is follow-up officer of."""
    if is_platform_secretariat(user):
        return Entity.objects.order_by("acronym")
    return Entity.objects.filter(pk__in=followed_up_organisation_ids(user)).order_by("acronym")


def reporting_round_get_for_report(*, review: Review, round_id: int) -> ReportingRound:
    """Return the review's reporting round, or raise ValidationError on `round` if it has none with that id."""
    round_ = ReportingRound.objects.filter(pk=round_id, review=review).first()
    if round_ is None:
        message = _("Unknown reporting round “%(value)s” for this review.") % {"value": round_id}
        raise ValidationError({"round": ValidationError(message, code="unknown")})
    return round_

"""Reads on the repository. Visitors see published submissions and public knowledge products;
submitters also see their own drafts; the secretariat sees everything. Missing and forbidden
answer alike (NotFound)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import BooleanField, Case, DateField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce

from rcphub.accounts.permissions import is_platform_secretariat
from rcphub.coalitions.permissions import member_coalition_ids
from rcphub.core.dates import today
from rcphub.core.errors import NotFound
from rcphub.core.models import Visibility
from rcphub.repository.models import (
    KnowledgeProduct,
    Pledge,
    PledgeReport,
    PledgeStage,
    Practice,
    SubmissionState,
)
from rcphub.repository.permissions import can_edit_submission, is_repository_secretariat

# A pledge with no report for this many years is inactive.
INACTIVE_AFTER_YEARS = 2


def submission_visibility_q(user: Any, *, prefix: str = "") -> Q:
    """Return the filter of the submissions the user may see."""
    if is_repository_secretariat(user):
        return Q()
    q = Q(**{f"{prefix}state": SubmissionState.PUBLISHED})
    if getattr(user, "is_authenticated", False):
        q |= Q(**{f"{prefix}submitter_id": user.pk})
    return q


def knowledge_product_visibility_q(user: Any) -> Q:
    """Return the filter of the knowledge products the user may see."""
    if is_platform_secretariat(user):
        return Q()
    return Q(visibility=Visibility.PUBLIC) | Q(coalition_id__in=member_coalition_ids(user))


def practice_list(*, user: Any) -> QuerySet[Practice]:
    """Return the practices the user may see."""
    return Practice.objects.filter(submission_visibility_q(user))


def practice_get(*, practice_id: int, user: Any) -> Practice:
    """Return the practice if the user may see it, else raise NotFound."""
    practice = practice_list(user=user).filter(pk=practice_id).first()
    if practice is None:
        raise NotFound
    return practice


def practice_get_for_edit(*, practice_id: int, user: Any) -> Practice:
    """Return the practice if the user may change it (its submitter, while draft or returned)."""
    practice = practice_list(user=user).filter(pk=practice_id).first()
    if practice is None or not can_edit_submission(user=user, item=practice):
        raise NotFound
    return practice


def inactive_since(as_at: date) -> date:
    """Return the date on or before which a pledge's last report makes it inactive as at `as_at`."""
    try:
        return as_at.replace(year=as_at.year - INACTIVE_AFTER_YEARS)
    except ValueError:  # 29 February
        return as_at.replace(year=as_at.year - INACTIVE_AFTER_YEARS, day=28)


def pledge_list(*, user: Any, as_at: date | None = None) -> QuerySet[Pledge]:
    """Return the pledges the user may see, annotated with `last_reported_on` and `inactive`.

    A pledge not fulfilled is inactive when its latest published report (or, with none, the day it
    was made or published) is two years old or more as at `as_at`.
    """
    cutoff = inactive_since(as_at or today())
    latest = (
        PledgeReport.objects.filter(pledge=OuterRef("pk"), state=SubmissionState.PUBLISHED)
        .order_by("-reported_on")
        .values("reported_on")[:1]
    )
    return (
        Pledge.objects.filter(submission_visibility_q(user))
        .annotate(
            last_reported_on=Subquery(latest, output_field=DateField()),
            last_sign_on=Coalesce(Subquery(latest, output_field=DateField()), "made_on", "published_on"),
        )
        .annotate(
            inactive=Case(
                When(~Q(stage=PledgeStage.FULFILLED) & Q(last_sign_on__lte=cutoff), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
    )


def pledge_get(*, pledge_id: int, user: Any, as_at: date | None = None) -> Pledge:
    """Return the pledge if the user may see it, else raise NotFound."""
    pledge = pledge_list(user=user, as_at=as_at).filter(pk=pledge_id).first()
    if pledge is None:
        raise NotFound
    return pledge


def pledge_report_list(*, user: Any, pledge: Pledge | None = None) -> QuerySet[PledgeReport]:
    """Return the pledge reports the user may see (on pledges the user may see)."""
    qs = PledgeReport.objects.filter(
        submission_visibility_q(user), submission_visibility_q(user, prefix="pledge__")
    )
    return qs.filter(pledge=pledge) if pledge is not None else qs


def pledge_report_get(*, report_id: int, user: Any) -> PledgeReport:
    """Return the pledge report if the user may see it, else raise NotFound."""
    report = pledge_report_list(user=user).filter(pk=report_id).first()
    if report is None:
        raise NotFound
    return report


def knowledge_product_list(*, user: Any) -> QuerySet[KnowledgeProduct]:
    """Return the knowledge products the user may see."""
    return KnowledgeProduct.objects.filter(knowledge_product_visibility_q(user))


def knowledge_product_get(*, product_id: int, user: Any) -> KnowledgeProduct:
    """Return the knowledge product if the user may see it, else raise NotFound."""
    product = knowledge_product_list(user=user).filter(pk=product_id).first()
    if product is None:
        raise NotFound
    return product

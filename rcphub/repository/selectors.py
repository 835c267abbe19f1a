"""Reads on the repository. Visitors see published submissions and public knowledge products;
submitters also see their own drafts; the secretariat sees everything. Missing and forbidden
answer alike (NotFound)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import (
    Count,
    F,
    Q,
    QuerySet,
)
from django.utils.translation import gettext as _

from rcphub.core.dates import today
from rcphub.core.errors import NotFound
from rcphub.reference.models import EntityKind, GcmObjective
from rcphub.repository.models import (
    ChampionCountry,
    KnowledgeProduct,
    Pledge,
    PledgeQuerySet,
    PledgeReport,
    PledgeStage,
    Practice,
    ReviewCycle,
    SubmissionState,
    VoluntaryReport,
)
from rcphub.repository.permissions import (
    can_edit_submission,
    can_manage_knowledge_product,
    is_repository_secretariat,
    knowledge_product_visibility_q,
    submission_seen_q,
    submission_visibility_q,
)


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


def pledge_list(*, user: Any, as_at: date | None = None) -> PledgeQuerySet:
    """Return the pledges the user may see, annotated with `last_reported_on` and `inactive` as at
    `as_at` (today if None; see `PledgeQuerySet.with_activity`)."""
    return Pledge.objects.filter(submission_visibility_q(user)).with_activity(as_at=as_at or today())


def pledge_list_published(*, user: Any, as_at: date) -> PledgeQuerySet:
    """Return the pledges of `pledge_list` that stood published on `as_at` (published on or before
    it), annotated as at `as_at`: what the pledge list and its facets give with `?as_at=`, and what
    the pledging dashboard counts. Drafts, submissions and returned pledges never count."""
    return pledge_list(user=user, as_at=as_at).published_by(as_at)


def pledge_get(*, pledge_id: int, user: Any, as_at: date | None = None) -> Pledge:
    """Return the pledge if the user may see it, else raise NotFound."""
    pledge = pledge_list(user=user, as_at=as_at).filter(pk=pledge_id).first()
    if pledge is None:
        raise NotFound
    return pledge


def pledge_report_list(*, user: Any, pledge: Pledge | None = None) -> QuerySet[PledgeReport]:
    """Return the pledge reports the user may see (on pledges the user may see)."""
    qs = PledgeReport.objects.filter(submission_seen_q(user, PledgeReport))
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


# --- pages: edit, review, own submissions, counts -----------------------------------------------------


def pledge_get_for_edit(*, pledge_id: int, user: Any) -> Pledge:
    """Return the pledge if the user may change it (its submitter, while draft or returned)."""
    pledge = pledge_list(user=user).filter(pk=pledge_id).first()
    if pledge is None or not can_edit_submission(user=user, item=pledge):
        raise NotFound
    return pledge


def pledge_report_get_for_edit(*, report_id: int, user: Any) -> PledgeReport:
    """Return the pledge report if the user may change it (its submitter, while draft or returned)."""
    report = pledge_report_list(user=user).select_related("pledge").filter(pk=report_id).first()
    if report is None or not can_edit_submission(user=user, item=report):
        raise NotFound
    return report


SUBMISSION_MODELS: dict[str, type[Practice] | type[Pledge] | type[PledgeReport]] = {
    "practice": Practice,
    "pledge": Pledge,
    "report": PledgeReport,
}


def submission_get(*, kind: str, item_id: int, user: Any) -> Practice | Pledge | PledgeReport:
    """Return the practice, pledge or pledge report (`kind`) if the user may see it, else NotFound."""
    if kind == "practice":
        return practice_get(practice_id=item_id, user=user)
    if kind == "pledge":
        return pledge_get(pledge_id=item_id, user=user)
    if kind == "report":
        return pledge_report_get(report_id=item_id, user=user)
    raise NotFound


def submission_get_for_review(*, kind: str, item_id: int, user: Any) -> Practice | Pledge | PledgeReport:
    """Return a submission for the repository secretariat to review; NotFound for anyone else."""
    if not is_repository_secretariat(user):
        raise NotFound
    return submission_get(kind=kind, item_id=item_id, user=user)


@dataclass
class SubmissionRow:
    kind: str  # practice, pledge, report
    item: Any


def _rows(qs_by_kind: dict[str, QuerySet[Any]]) -> list[SubmissionRow]:
    rows = [SubmissionRow(kind=kind, item=item) for kind, qs in qs_by_kind.items() for item in qs]
    return sorted(rows, key=lambda row: row.item.updated_at, reverse=True)


def my_submissions(*, user: Any) -> list[SubmissionRow]:
    """Return the practices, pledges and reports the user submitted, latest change first (three queries)."""
    if not getattr(user, "is_authenticated", False):
        return []
    return _rows(
        {
            "practice": Practice.objects.filter(submitter=user),
            "pledge": Pledge.objects.filter(submitter=user).select_related("pledger"),
            "report": PledgeReport.objects.filter(submitter=user).select_related("pledge__pledger"),
        }
    )


def review_queue(*, user: Any) -> list[SubmissionRow]:
    """Return the submissions awaiting the secretariat's review (three queries); empty for others."""
    if not is_repository_secretariat(user):
        return []
    submitted = SubmissionState.SUBMITTED
    return _rows(
        {
            "practice": Practice.objects.filter(state=submitted).select_related("submitter"),
            "pledge": Pledge.objects.filter(state=submitted).select_related("submitter", "pledger"),
            "report": PledgeReport.objects.filter(state=submitted).select_related(
                "submitter", "pledge__pledger"
            ),
        }
    )


@dataclass
class RepositoryCounts:
    practices: int
    pledges: int
    knowledge_products: int
    voluntary_reports: int
    champion_countries: int
    my_submissions: int
    awaiting_review: int


def repository_counts(*, user: Any) -> RepositoryCounts:
    """Return how many of each the user may see, their own submissions and those awaiting review."""
    authenticated = bool(getattr(user, "is_authenticated", False))
    mine = 0
    if authenticated:
        mine = sum(model.objects.filter(submitter=user).count() for model in (Practice, Pledge, PledgeReport))
    waiting = 0
    if is_repository_secretariat(user):
        waiting = sum(
            model.objects.filter(state=SubmissionState.SUBMITTED).count()
            for model in (Practice, Pledge, PledgeReport)
        )
    return RepositoryCounts(
        practices=practice_list(user=user).count(),
        pledges=Pledge.objects.filter(submission_visibility_q(user)).count(),
        knowledge_products=knowledge_product_list(user=user).count(),
        voluntary_reports=VoluntaryReport.objects.count(),
        champion_countries=ChampionCountry.objects.count(),
        my_submissions=mine,
        awaiting_review=waiting,
    )


def knowledge_product_get_for_manage(*, product_id: int, user: Any) -> KnowledgeProduct:
    """Return the knowledge product if the user may change it, else NotFound."""
    product = knowledge_product_list(user=user).filter(pk=product_id).first()
    if product is None or not can_manage_knowledge_product(user=user, product=product):
        raise NotFound
    return product


# --- pledging dashboard, voluntary reports, champion countries ------------------------------------


@dataclass(frozen=True)
class DashboardCount:
    """One row of a dashboard table: a key, its label and how many pledges have it."""

    key: str
    label: str
    count: int


@dataclass(frozen=True)
class PledgingDashboard:
    """The pledges published as at a date by GCM objective, by kind of pledger and by stage, and the
    inactive ones."""

    as_at: date
    total: int
    by_objective: list[DashboardCount]  # all 23 objectives, in order, with zeros
    by_pledger: list[DashboardCount]  # Member States, stakeholders
    by_stakeholder_kind: list[DashboardCount]  # the stakeholders by kind of entity, non-zero only
    by_stage: list[DashboardCount]  # every stage, with zeros
    inactive_count: int
    inactive: list[Pledge]  # the INACTIVE_SHOWN longest silent, annotated like `pledge_list`


# How many inactive pledges the dashboard lists (the longest silent first); the pledge list has them all.
INACTIVE_SHOWN = 50


def pledging_dashboard(*, user: Any, as_at: date | None = None) -> PledgingDashboard:
    """Return the figures of the pledging dashboard as at `as_at` (today if None).

    It counts `pledge_list_published`: the pledges published on or before `as_at`, the same for
    every reader, and what the pledge list and its facets count with `?as_at=` that date. Drafts,
    submissions and returned pledges never count. A pledger is a Member State when its entity is of
    kind Member State; any other entity is a stakeholder. A pledge counts once under each of its
    objectives. A constant number of queries.
    """
    as_at = as_at or today()
    pledges = pledge_list_published(user=user, as_at=as_at)
    counted = Pledge.objects.filter(pk__in=pledges.order_by().values("pk")).order_by()
    objectives = GcmObjective.objects.order_by("number").annotate(
        pledge_count=Count("pledges", filter=Q(pledges__in=pledges.order_by().values("pk")))
    )
    by_kind: dict[str, int] = {
        row["pledger__kind"]: row["n"] for row in counted.values("pledger__kind").annotate(n=Count("pk"))
    }
    by_stage: dict[str, int] = {
        row["stage"]: row["n"] for row in counted.values("stage").annotate(n=Count("pk"))
    }
    member_states = by_kind.get(EntityKind.MEMBER_STATE, 0)
    inactive_pledges = pledges.inactive()
    inactive = list(
        inactive_pledges.select_related("pledger", "lead_reporter")
        .prefetch_related("partners", "gcm_objectives", "countries")
        .order_by(F("last_sign_on").asc(), "pk")[:INACTIVE_SHOWN]
    )
    return PledgingDashboard(
        as_at=as_at,
        total=sum(by_stage.values()),
        by_objective=[
            DashboardCount(key=str(o.number), label=f"{o.code} {o.short_title}", count=o.pledge_count)
            for o in objectives
        ],
        by_pledger=[
            DashboardCount(key="member_state", label=str(EntityKind.MEMBER_STATE.label), count=member_states),
            DashboardCount(
                key="stakeholder", label=_("Stakeholders"), count=sum(by_kind.values()) - member_states
            ),
        ],
        by_stakeholder_kind=[
            DashboardCount(key=kind.value, label=str(kind.label), count=by_kind[kind.value])
            for kind in EntityKind
            if kind != EntityKind.MEMBER_STATE and by_kind.get(kind.value)
        ],
        by_stage=[
            DashboardCount(key=stage.value, label=str(stage.label), count=by_stage.get(stage.value, 0))
            for stage in PledgeStage
        ],
        inactive_count=inactive_pledges.count(),
        inactive=inactive,
    )


def voluntary_report_list(*, review_cycle: str | None = None) -> QuerySet[VoluntaryReport]:
    """Return the voluntary reports (public, for everyone), with their countries and review cycles;
    those submitted to `review_cycle` (a slug) if given, else raise a ValidationError naming it."""
    reports = VoluntaryReport.objects.select_related("country", "review_cycle")
    if review_cycle:
        if not ReviewCycle.objects.filter(slug=review_cycle).exists():
            raise ValidationError(
                {"review_cycle": _("Unknown review cycle: %(slug)s.") % {"slug": review_cycle[:60]}}
            )
        reports = reports.filter(review_cycle__slug=review_cycle)
    return reports


def champion_country_list() -> QuerySet[ChampionCountry]:
    """Return the champion countries (public, for everyone), with their countries."""
    return ChampionCountry.objects.select_related("country")

"""Reads on support requests, turnaround and the expertise roster, with the visibility filter.

Every list is a constant number of queries whatever its length.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from rcphub.accounts.models import Role
from rcphub.accounts.permissions import coalition_ids_with_role, is_platform_secretariat
from rcphub.coalitions.models import Coalition
from rcphub.coalitions.permissions import coalition_visibility_q
from rcphub.core.errors import NotFound
from rcphub.core.history import HistoryEntry, change_history
from rcphub.reference.models import Country, Entity, GcmObjective, SdgTarget
from rcphub.support.models import Expert, RequestState, SupportKind, SupportRequest
from rcphub.support.permissions import (
    can_decide_request,
    can_rate_request,
    can_view_request,
    can_view_roster,
    can_view_turnaround,
    support_request_visibility_q,
)
from rcphub.workplans.models import Activity, WorkPlan, WorkPlanState
from rcphub.workplans.permissions import activity_visibility_q

# ---------------------------------------------------------------------------------------------
# Support requests


# Which requests a list shows: the user's own, those addressed to their coalitions, or all they may see.
SCOPES = ("mine", "coalition", "all")


@dataclass(frozen=True)
class RequestFilters:
    """Filters of the request list; each is optional."""

    scope: str | None = None  # one of SCOPES
    state: str | None = None
    coalition: str | None = None  # slug, or "none" for requests not yet routed
    country: str | None = None  # ISO alpha-2 or alpha-3
    kind: str | None = None


def _country_q(code: str, prefix: str = "") -> Q:
    code = code.strip().upper()
    return Q(**{f"{prefix}iso2": code}) | Q(**{f"{prefix}iso3": code})


def request_filters_check(*, filters: RequestFilters, user: Any) -> None:
    """Refuse filters naming a scope, state, kind, coalition or country that does not exist.

    Each given coalition or country costs one small query; the error names every unknown filter. A
    coalition the user may not see is unknown to them: hidden and missing answer alike.
    """
    messages: dict[str, str] = {}
    if filters.scope and filters.scope not in SCOPES:
        messages["scope"] = _("Unknown scope “%(value)s”: use one of %(choices)s.") % {
            "value": filters.scope[:40],
            "choices": ", ".join(SCOPES),
        }
    if filters.state and filters.state not in RequestState.values:
        messages["state"] = _("Unknown state “%(value)s”: use one of %(choices)s.") % {
            "value": filters.state[:40],
            "choices": ", ".join(RequestState.values),
        }
    if filters.kind and filters.kind not in SupportKind.values:
        messages["kind"] = _("Unknown kind “%(value)s”: use one of %(choices)s.") % {
            "value": filters.kind[:40],
            "choices": ", ".join(SupportKind.values),
        }
    if (
        filters.coalition
        and filters.coalition != "none"
        and not Coalition.objects.filter(coalition_visibility_q(user), slug=filters.coalition).exists()
    ):
        messages["coalition"] = _("Unknown coalition “%(value)s”.") % {"value": filters.coalition[:40]}
    if filters.country and not Country.objects.filter(_country_q(filters.country)).exists():
        messages["country"] = _("Unknown country “%(value)s”: use an ISO alpha-2 or alpha-3 code.") % {
            "value": filters.country[:40]
        }
    if messages:
        raise ValidationError(
            {name: ValidationError(message, code="unknown") for name, message in messages.items()}
        )


def support_request_list(*, user: Any, filters: RequestFilters | None = None) -> QuerySet[SupportRequest]:
    """Return the requests the user may see, filtered, latest submitted first."""
    filters = filters or RequestFilters()
    qs = SupportRequest.objects.filter(support_request_visibility_q(user))
    if filters.scope == "mine":
        qs = qs.filter(requester_id=getattr(user, "pk", None))
    elif filters.scope == "coalition":
        qs = qs.filter(coalition_id__in=coalition_ids_with_role(user, Role.COALITION_SECRETARIAT))
    if filters.state:
        qs = qs.filter(state=filters.state)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.coalition == "none":
        qs = qs.filter(coalition__isnull=True)
    elif filters.coalition:
        qs = qs.filter(coalition__slug=filters.coalition)
    if filters.country:
        qs = qs.filter(_country_q(filters.country, prefix="country__"))
    return qs.select_related("country", "coalition", "requester", "requesting_entity").order_by(
        "-submitted_on", "-id"
    )


def support_request_get(*, request_id: int, user: Any) -> SupportRequest:
    """Return the request the user may see, or raise NotFound."""
    support_request = (
        SupportRequest.objects.select_related(
            "country",
            "coalition",
            "requester",
            "requesting_entity",
            "decided_by",
            "activity__output__result__work_plan__coalition",
        )
        .filter(pk=request_id)
        .first()
    )
    if support_request is None or not can_view_request(user=user, support_request=support_request):
        raise NotFound
    return support_request


def support_request_get_for_decision(*, request_id: int, user: Any) -> SupportRequest:
    """Return the request if the user may decide on it or route it; missing and forbidden answer alike."""
    support_request = support_request_get(request_id=request_id, user=user)
    if not can_decide_request(user=user, support_request=support_request) and not is_platform_secretariat(
        user
    ):
        raise NotFound
    return support_request


def support_request_get_for_rating(*, request_id: int, user: Any) -> SupportRequest:
    """Return the request if the user may rate it now; missing and forbidden answer alike."""
    support_request = support_request_get(request_id=request_id, user=user)
    if not can_rate_request(user=user, support_request=support_request):
        raise NotFound
    return support_request


def support_request_change_history(
    *, support_request: SupportRequest, show_activity: bool = True
) -> list[HistoryEntry]:
    """Return who changed what on the request and when, latest first, with the values before.

    With `show_activity` False the work-plan activity is left out: a reader who may not see it (an
    internal activity, for the requester) must not learn its name from the history.
    """
    return change_history(support_request, excluded=() if show_activity else ("activity",))


def current_work_plan(*, coalition: Coalition, on: date) -> WorkPlan | None:
    """Return the coalition's work plan covering `on` that still takes activities (not closed).

    Where two cover the date, the endorsed one, then the one starting latest.
    """
    plans = list(
        WorkPlan.objects.filter(
            coalition=coalition, period_start__lte=on, period_end__gte=on, state__in=["draft", "endorsed"]
        )
        .select_related("coalition")
        .order_by("-period_start", "-id")
    )
    endorsed = [plan for plan in plans if plan.state == WorkPlanState.ENDORSED]
    chosen = endorsed or plans
    return chosen[0] if chosen else None


# ---------------------------------------------------------------------------------------------
# Turnaround


@dataclass
class Figures:
    """Days from submission, over the requests counted."""

    days: list[int] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.days)

    @property
    def mean(self) -> float | None:
        return round(statistics.fmean(self.days), 1) if self.days else None

    @property
    def median(self) -> float | None:
        return float(statistics.median(self.days)) if self.days else None


@dataclass
class TurnaroundRow:
    coalition: Coalition
    to_decision: Figures
    to_delivery: Figures


@dataclass
class Turnaround:
    since: date
    until: date
    rows: list[TurnaroundRow]


def support_turnaround(
    *, user: Any, since: date, until: date, coalition_slug: str | None = None
) -> Turnaround:
    """Return, per coalition, the days to decision and to delivery of its requests.

    Days to decision (submitted → accepted or declined) count the requests decided in the period;
    days to delivery (submitted → delivered) those delivered in it; both ends of the period included.
    A request decided on the day it was submitted took 0 days. Two queries whatever the number of
    requests (three with a coalition). For members only; coalitions the reader may not see are left out.
    """
    if not can_view_turnaround(user=user):
        raise NotFound
    if since > until:
        raise ValidationError({"since": _("The start date comes after the end date.")}, code="date_order")
    rows = SupportRequest.objects.filter(coalition__isnull=False).filter(
        Q(decided_on__gte=since, decided_on__lte=until) | Q(delivered_on__gte=since, delivered_on__lte=until)
    )
    # Only the coalitions the reader may see: an internal coalition is not named, nor its figures given.
    visible = Coalition.objects.filter(coalition_visibility_q(user))
    coalitions = visible.filter(support_requests__isnull=False).distinct().order_by("name")
    if coalition_slug:
        rows = rows.filter(coalition__slug=coalition_slug)
        coalitions = visible.filter(slug=coalition_slug)
        if not coalitions.exists():
            raise ValidationError(
                {"coalition": _("Unknown coalition “%(value)s”.") % {"value": coalition_slug[:40]}},
                code="unknown",
            )
    by_coalition: dict[int, TurnaroundRow] = {
        c.pk: TurnaroundRow(coalition=c, to_decision=Figures(), to_delivery=Figures()) for c in coalitions
    }
    for coalition_id, submitted, decided, delivered in rows.values_list(
        "coalition_id", "submitted_on", "decided_on", "delivered_on"
    ):
        row = by_coalition.get(coalition_id)
        if row is None:
            continue
        if decided is not None and since <= decided <= until:
            row.to_decision.days.append((decided - submitted).days)
        if delivered is not None and since <= delivered <= until:
            row.to_delivery.days.append((delivered - submitted).days)
    return Turnaround(since=since, until=until, rows=list(by_coalition.values()))


# ---------------------------------------------------------------------------------------------
# Expertise roster


@dataclass(frozen=True)
class ExpertFilters:
    """Filters of the roster; each is optional."""

    q: str | None = None  # words in the name, position, themes or experience
    theme: str | None = None
    sdg_target: str | None = None  # code, e.g. "5.2"
    gcm_objective: int | None = None  # number 1–23
    country: str | None = None  # ISO alpha-2 or alpha-3
    language: str | None = None  # code, e.g. "ru"
    entity: str | None = None  # acronym


EXPERT_PREFETCH = (
    Prefetch("sdg_targets", queryset=SdgTarget.objects.only("id", "code", "goal_id", "order")),
    Prefetch("gcm_objectives", queryset=GcmObjective.objects.only("id", "number", "code", "short_title")),
    Prefetch(
        "countries", queryset=Country.objects.only("id", "iso2", "iso3", "name_en", "name_fr", "name_ru")
    ),
)


def expert_filters_check(*, filters: ExpertFilters) -> None:
    """Refuse filters naming an SDG target, GCM objective, country or language that does not exist."""
    messages: dict[str, str] = {}
    if filters.sdg_target and not SdgTarget.objects.filter(code=filters.sdg_target).exists():
        messages["sdg_target"] = _("Unknown SDG target “%(value)s”.") % {"value": filters.sdg_target[:40]}
    if (
        filters.gcm_objective is not None
        and not GcmObjective.objects.filter(number=filters.gcm_objective).exists()
    ):
        messages["gcm_objective"] = _("Unknown GCM objective “%(value)s”: use a number from 1 to 23.") % {
            "value": filters.gcm_objective
        }
    if filters.country and not Country.objects.filter(_country_q(filters.country)).exists():
        messages["country"] = _("Unknown country “%(value)s”: use an ISO alpha-2 or alpha-3 code.") % {
            "value": filters.country[:40]
        }
    if filters.language and not (filters.language.isalpha() and 2 <= len(filters.language) <= 3):
        messages["language"] = _("“%(value)s” is not a language code: use e.g. en, fr, ru.") % {
            "value": filters.language[:40]
        }
    if messages:
        raise ValidationError(
            {name: ValidationError(message, code="unknown") for name, message in messages.items()}
        )


def expert_list(*, user: Any, filters: ExpertFilters | None = None) -> QuerySet[Expert]:
    """Return the experts on the roster matching the filters, by name; members only."""
    if not can_view_roster(user=user):
        raise NotFound
    filters = filters or ExpertFilters()
    qs = Expert.objects.all()
    if filters.q:
        for word in filters.q.split()[:8]:
            qs = qs.filter(
                Q(name__icontains=word)
                | Q(position__icontains=word)
                | Q(themes__icontains=word)
                | Q(bio__icontains=word)
            )
    if filters.theme:
        qs = qs.filter(themes__icontains=filters.theme.strip())
    if filters.sdg_target:
        qs = qs.filter(pk__in=Expert.objects.filter(sdg_targets__code=filters.sdg_target).values("pk"))
    if filters.gcm_objective is not None:
        qs = qs.filter(
            pk__in=Expert.objects.filter(gcm_objectives__number=filters.gcm_objective).values("pk")
        )
    if filters.country:
        qs = qs.filter(
            pk__in=Expert.objects.filter(_country_q(filters.country, prefix="countries__")).values("pk")
        )
    if filters.language:
        code = filters.language.strip().lower()
        qs = qs.filter(languages__iregex=rf"(^|[ ,]){re.escape(code)}([ ,]|$)")
    if filters.entity:
        qs = qs.filter(entity__acronym__iexact=filters.entity.strip())
    return qs.select_related("entity").prefetch_related(*EXPERT_PREFETCH).order_by("name", "id")


def expert_get(*, expert_id: int, user: Any) -> Expert:
    """Return the expert if the user may read the roster, or raise NotFound."""
    if not can_view_roster(user=user):
        raise NotFound
    expert = (
        Expert.objects.select_related("entity")
        .prefetch_related(*EXPERT_PREFETCH)
        .filter(pk=expert_id)
        .first()
    )
    if expert is None:
        raise NotFound
    return expert


def expert_change_history(*, expert: Expert) -> list[HistoryEntry]:
    """Return who changed what on the expert's entry and when, latest first."""
    return change_history(expert, excluded=("created_at", "updated_at"))


# ---------------------------------------------------------------------------------------------
# Lookups for the API: codes and slugs to objects, with errors naming the field


def country_for_code(*, code: str, field: str = "country") -> Country:
    """Return the country with ISO alpha-2 or alpha-3 `code`, or raise ValidationError naming `field`."""
    country = Country.objects.filter(_country_q(code)).first() if code.strip() else None
    if country is None:
        raise ValidationError(
            {
                field: ValidationError(
                    _("Unknown country “%(value)s”: use an ISO alpha-2 or alpha-3 code.")
                    % {"value": code[:40]},
                    code="unknown",
                )
            }
        )
    return country


def coalition_for_slug(*, slug: str, user: Any, field: str = "coalition") -> Coalition:
    """Return the coalition with `slug` that the user may see, or raise ValidationError naming `field`."""
    coalition = Coalition.objects.filter(coalition_visibility_q(user), slug=slug.strip()).first()
    if coalition is None:
        raise ValidationError(
            {
                field: ValidationError(
                    _("Unknown coalition “%(value)s”.") % {"value": slug[:40]}, code="unknown"
                )
            }
        )
    return coalition


def entity_for_acronym(*, acronym: str, field: str = "requesting_entity") -> Entity:
    """Return the entity with `acronym`, or raise ValidationError naming `field`."""
    entity = Entity.objects.filter(acronym__iexact=acronym.strip()).first()
    if entity is None:
        raise ValidationError(
            {
                field: ValidationError(
                    _("Unknown entity “%(value)s”.") % {"value": acronym[:40]}, code="unknown"
                )
            }
        )
    return entity


def activity_for_link(*, activity_id: int, user: Any, field: str = "activity_id") -> Activity:
    """Return the activity with `activity_id` (with its work plan) that the user may see, or raise
    ValidationError naming `field`: a hidden activity is unknown, as a missing one is."""
    activity = (
        Activity.objects.select_related("output__result__work_plan")
        .filter(activity_visibility_q(user), pk=activity_id)
        .first()
    )
    if activity is None:
        raise ValidationError(
            {
                field: ValidationError(
                    _("Unknown activity “%(value)s”.") % {"value": activity_id}, code="unknown"
                )
            }
        )
    return activity

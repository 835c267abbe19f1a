"""Reads on activities: the filtered list, access to one, its status and its history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count, F, FilteredRelation, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from rcphub.coalitions.models import Coalition
from rcphub.coalitions.permissions import coalition_visibility_q
from rcphub.core.errors import NotFound
from rcphub.core.history import HistoryEntry, change_history
from rcphub.core.models import ProgressStatus
from rcphub.core.status import in_force_q
from rcphub.reference.models import Country, Entity, GcmObjective, SdgTarget
from rcphub.reference.selectors import countries_by_code, entities_by_acronym
from rcphub.workplans.models import Activity, StatusReport
from rcphub.workplans.permissions import (
    activity_visibility_q,
    can_edit_activity,
    can_record_status,
    can_view_activity,
)

ACTIVITY_PREFETCH = (
    Prefetch("lead_entities", queryset=Entity.objects.only("id", "acronym", "name", "kind")),
    Prefetch("partner_entities", queryset=Entity.objects.only("id", "acronym", "name", "kind")),
    Prefetch(
        "countries", queryset=Country.objects.only("id", "iso2", "iso3", "name_en", "name_fr", "name_ru")
    ),
    Prefetch("sdg_targets", queryset=SdgTarget.objects.only("id", "code", "goal_id", "order")),
    Prefetch("gcm_objectives", queryset=GcmObjective.objects.only("id", "number", "code", "short_title")),
    # All of them: whoever shows them filters by the reader (an internal coalition is not named to all).
    "collaborating_coalitions",
)


def with_status_as_at(qs: QuerySet[Activity], as_at: date) -> QuerySet[Activity]:
    """Annotate activities with the status, the status as written, the date and the comment of the
    report in force on `as_at` (their latest on or before it): one outer join on an indexed range."""
    return qs.annotate(
        report_in_force=FilteredRelation(
            "status_reports", condition=in_force_q(as_at, prefix="status_reports__")
        ),
        status_as_at=F("report_in_force__status"),
        status_reported_on=F("report_in_force__as_at"),
        status_comment=F("report_in_force__comment"),
        status_text_as_at=F("report_in_force__status_text"),
    )


def activities_in_force(*, user: Any, as_at: date, coalition_id: int | None = None) -> QuerySet[Activity]:
    """Return the activities the user may see of the work plans in force on `as_at` (their period
    covers the date), of one coalition if given, each with its status as at `as_at`."""
    qs = Activity.objects.filter(
        activity_visibility_q(user),
        output__result__work_plan__period_start__lte=as_at,
        output__result__work_plan__period_end__gte=as_at,
    )
    if coalition_id is not None:
        qs = qs.filter(output__result__work_plan__coalition_id=coalition_id)
    return with_status_as_at(qs, as_at)


def activity_status_counts(activities: QuerySet[Any]) -> dict[str, int]:
    """Count activities (or commitments) annotated with `status_as_at` by their status ("none": no report yet), in one query."""
    annotated: Any = activities  # `status_as_at` is an annotation the type checker cannot see
    rows = annotated.order_by().values("status_as_at").annotate(n=Count("pk"))
    return {row["status_as_at"] or "none": row["n"] for row in rows}


@dataclass(frozen=True)
class ActivityFilters:
    """Filters of the activity list; each is optional."""

    coalition: str | None = None  # slug
    work_plan_id: int | None = None
    country: str | None = None  # ISO alpha-2 or alpha-3
    sdg_target: str | None = None  # code, e.g. "5.2"
    gcm_objective: int | None = None  # number 1–23
    lead_entity: str | None = None  # acronym
    status: str | None = None  # status as at `as_at`; "none" for no report yet
    as_at: date | None = None


def _linked(field: str, condition: Q) -> QuerySet[Any]:
    """Return the ids of the activities linked through the many-to-many `field` where `condition` holds."""
    through: Any = Activity._meta.get_field(field).remote_field.through  # type: ignore[union-attr]
    return through.objects.filter(condition).values("activity_id")


def activity_list(*, user: Any, filters: ActivityFilters, as_at: date) -> QuerySet[Activity]:
    """Return the activities the user may see, filtered, with their status as at `as_at`."""
    qs = Activity.objects.filter(activity_visibility_q(user))
    if filters.coalition:
        qs = qs.filter(output__result__work_plan__coalition__slug=filters.coalition)
    if filters.work_plan_id is not None:
        qs = qs.filter(output__result__work_plan_id=filters.work_plan_id)
    # The lists are filtered by semi-joins (IN a subquery), which never repeat an activity: no DISTINCT.
    if filters.country:
        code = filters.country.upper()
        qs = qs.filter(pk__in=_linked("countries", Q(country__iso2=code) | Q(country__iso3=code)))
    if filters.sdg_target:
        qs = qs.filter(pk__in=_linked("sdg_targets", Q(sdgtarget__code=filters.sdg_target)))
    if filters.gcm_objective is not None:
        qs = qs.filter(pk__in=_linked("gcm_objectives", Q(gcmobjective__number=filters.gcm_objective)))
    if filters.lead_entity:
        qs = qs.filter(pk__in=_linked("lead_entities", Q(entity__acronym__iexact=filters.lead_entity)))
    qs = with_status_as_at(qs, as_at)
    if filters.status == "none":
        qs = qs.filter(status_as_at__isnull=True)  # type: ignore[misc]
    elif filters.status:
        qs = qs.filter(status_as_at=filters.status)  # type: ignore[misc]
    return (
        qs.select_related("output__result__work_plan__coalition")
        .prefetch_related(*ACTIVITY_PREFETCH)
        .order_by("output__result__work_plan_id", "output__result__order", "output__order", "order", "id")
    )


def _activity_get(activities: QuerySet[Activity], *, activity_id: int, user: Any) -> Activity:
    activity = (
        activities.select_related("output__result__work_plan__coalition__platform")
        .prefetch_related(*ACTIVITY_PREFETCH)
        .filter(pk=activity_id)
        .first()
    )
    if activity is None or not can_view_activity(
        user=user, activity=activity, work_plan=activity.output.result.work_plan
    ):
        raise NotFound
    return activity


def activity_get(*, activity_id: int, user: Any) -> Activity:
    """Return the activity the user may see, or raise NotFound."""
    return _activity_get(Activity.objects.all(), activity_id=activity_id, user=user)


def activity_get_with_status(*, activity_id: int, user: Any, as_at: date) -> Activity:
    """Return the activity the user may see, with its status as at `as_at`, or raise NotFound."""
    return _activity_get(with_status_as_at(Activity.objects.all(), as_at), activity_id=activity_id, user=user)


def activity_get_for_edit(*, activity_id: int, user: Any) -> Activity:
    """Return the activity if the user may edit it; missing and forbidden answer alike."""
    activity = activity_get(activity_id=activity_id, user=user)
    if not can_edit_activity(user=user, activity=activity, work_plan=activity.output.result.work_plan):
        raise NotFound
    return activity


def activity_get_for_status(*, activity_id: int, user: Any) -> Activity:
    """Return the activity if the user may report its status; missing and forbidden answer alike."""
    activity = activity_get(activity_id=activity_id, user=user)
    if not can_record_status(user=user, activity=activity, work_plan=activity.output.result.work_plan):
        raise NotFound
    return activity


def activity_status_as_at(*, activity: Activity, as_at: date) -> StatusReport | None:
    """Return the activity's report in force on `as_at` (its latest on or before it), or None."""
    return activity.status_reports.filter(in_force_q(as_at)).first()


def activity_status_history(*, activity: Activity) -> QuerySet[StatusReport]:
    """Return every status report of the activity, latest first."""
    return activity.status_reports.select_related("author", "round").order_by("-as_at", "-id")


def activity_change_history(*, activity: Activity, user: Any) -> list[HistoryEntry]:
    """Return who changed what on the activity and when, latest first, with the values before.

    Related items are named as people read them (UNDP, Serbia, 3.8). Readers without internal access
    see neither what the activity said while it was internal nor collaborating coalitions they may
    not see.
    """
    work_plan = activity.output.result.work_plan
    records = [
        record
        for record in activity.history.select_related("history_user").order_by("-history_date", "-history_id")
        if can_view_activity(user=user, activity=record, work_plan=work_plan)
    ]
    return change_history(
        activity,
        excluded=("output",),
        records=records,
        m2m_filters={
            "collaborating_coalitions": lambda rows, target: rows.filter(
                coalition_visibility_q(user, prefix=f"{target}__")
            )
        },
    )


ACTIVITY_STATUS_FILTERS = (*ProgressStatus.values, "none")


def activity_filters_check(*, filters: ActivityFilters) -> None:
    """Refuse filters naming a country, SDG target, GCM objective, lead entity or status that does not exist.

    Each given value costs one small query on reference data; the error names every unknown filter.
    """
    messages: dict[str, str] = {}
    if filters.country:
        code = filters.country.strip().upper()
        if not Country.objects.filter(Q(iso2=code) | Q(iso3=code)).exists():
            messages["country"] = _("Unknown country “%(value)s”: use an ISO alpha-2 or alpha-3 code.") % {
                "value": filters.country[:40]
            }
    if filters.sdg_target and not SdgTarget.objects.filter(code=filters.sdg_target).exists():
        messages["sdg_target"] = _("Unknown SDG target “%(value)s”.") % {"value": filters.sdg_target[:40]}
    if (
        filters.gcm_objective is not None
        and not GcmObjective.objects.filter(number=filters.gcm_objective).exists()
    ):
        messages["gcm_objective"] = _("Unknown GCM objective “%(value)s”: use a number from 1 to 23.") % {
            "value": filters.gcm_objective
        }
    if filters.lead_entity and not Entity.objects.filter(acronym__iexact=filters.lead_entity).exists():
        messages["lead_entity"] = _("Unknown lead entity “%(value)s”.") % {"value": filters.lead_entity[:40]}
    if filters.status and filters.status not in ACTIVITY_STATUS_FILTERS:
        messages["status"] = _("Unknown status “%(value)s”: use one of %(choices)s.") % {
            "value": filters.status[:40],
            "choices": ", ".join(ACTIVITY_STATUS_FILTERS),
        }
    if messages:
        raise ValidationError(
            {name: ValidationError(message, code="unknown") for name, message in messages.items()}
        )


@dataclass(frozen=True)
class ActivityReferences:
    """What an activity's input names, found: entities, countries, targets, objectives, coalitions."""

    fields: dict[str, list[Any]]


def activity_references_resolve(*, user: Any, names: dict[str, list[Any]]) -> ActivityReferences:
    """Return the rows that an activity's input names by code, keyed by the activity's field.

    `names` holds any of: lead_entities and partner_entities (acronyms), countries (ISO alpha-2 or
    alpha-3), sdg_targets (codes), gcm_objectives (numbers), collaborating_coalitions (slugs of
    coalitions the user may see; others read as unknown). Raise one ValidationError naming every field
    with a value that names nothing. One query per list given.
    """
    errors: dict[str, str] = {}
    found: dict[str, list[Any]] = {}
    for name in ("lead_entities", "partner_entities"):
        if name in names:
            try:
                found[name] = entities_by_acronym([str(v) for v in names[name]], field=name)
            except ValidationError as error:
                errors.update({field: messages[0] for field, messages in error.message_dict.items()})
    if "countries" in names:
        try:
            found["countries"] = countries_by_code([str(v) for v in names["countries"]], field="countries")
        except ValidationError as error:
            errors.update({field: messages[0] for field, messages in error.message_dict.items()})
    lookups: list[tuple[str, Any, str, str]] = [
        ("sdg_targets", SdgTarget.objects.all(), "code", _("Unknown SDG targets: %(values)s.")),
        ("gcm_objectives", GcmObjective.objects.all(), "number", _("Unknown GCM objectives: %(values)s.")),
        (
            "collaborating_coalitions",
            Coalition.objects.filter(coalition_visibility_q(user)),
            "slug",
            _("Unknown coalitions: %(values)s."),
        ),
    ]
    for name, rows, key, message in lookups:
        if name not in names:
            continue
        wanted = list(dict.fromkeys(v.strip() if isinstance(v, str) else v for v in names[name]))
        wanted = [v for v in wanted if v != ""]
        matched = list(rows.filter(**{f"{key}__in": wanted})) if wanted else []
        known = {getattr(row, key) for row in matched}
        if missing := [v for v in wanted if v not in known]:
            errors[name] = message % {"values": ", ".join(str(v)[:40] for v in missing[:10])}
        found[name] = matched
    if errors:
        raise ValidationError({name: ValidationError(text, code="unknown") for name, text in errors.items()})
    return ActivityReferences(fields=found)

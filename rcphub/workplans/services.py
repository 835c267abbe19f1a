"""Writes on work plans. Each service is the one write path for its change, in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from simple_history.models import HistoricalRecords

from rcphub.coalitions.models import Coalition
from rcphub.coalitions.permissions import coalition_visibility_q, is_coalition_secretariat
from rcphub.core.dataversion import WORKPLANS, data_version_bump
from rcphub.core.dates import today
from rcphub.core.errors import TransitionError
from rcphub.core.status import refresh_valid_until, report_date
from rcphub.search.services import search_index_many
from rcphub.workplans.models import (
    WORKPLAN_TRANSITIONS,
    Activity,
    Output,
    ReportingRound,
    Result,
    StatusReport,
    WorkPlan,
    WorkPlanState,
)
from rcphub.workplans.permissions import (
    can_edit_activity,
    can_manage_workplan,
    can_record_status,
    can_transition_workplan,
)

# Fields of an activity that a form or the API may set; many-to-many ones are set after saving.
ACTIVITY_FIELDS = (
    "code",
    "title",
    "description",
    "start_on",
    "end_on",
    "due_text",
    "visibility",
    "footnotes",
)
ACTIVITY_M2M = (
    "lead_entities",
    "partner_entities",
    "countries",
    "sdg_targets",
    "gcm_objectives",
    "collaborating_coalitions",
)


# What only those who manage the plan may change: a focal point cannot hand an activity to another
# entity, renumber it or hide it.
MANAGER_ONLY_FIELDS = ("code", "lead_entities", "visibility")


def _full_clean(obj: Any, **kwargs: Any) -> None:
    """Validate the object, putting a uniqueness error on the field people chose ("code", "title").

    The unique sets are (parent, field): the error names the last of them, not the whole form.
    """
    try:
        obj.full_clean(**kwargs)
    except ValidationError as error:
        if not hasattr(error, "error_dict") or NON_FIELD_ERRORS not in error.error_dict:
            raise
        fields: dict[str, list[ValidationError]] = {}
        for item in error.error_dict.pop(NON_FIELD_ERRORS):
            params = item.params if isinstance(item.params, dict) else {}
            unique = params.get("unique_check") if item.code in ("unique", "unique_together") else None
            fields.setdefault(unique[-1] if unique else NON_FIELD_ERRORS, []).append(item)
        for name, items in fields.items():
            error.error_dict.setdefault(name, []).extend(items)
        raise ValidationError(error.error_dict) from None


def _next_order(qs: Any) -> int:
    return int(qs.aggregate(m=Max("order"))["m"] or 0) + 1


@transaction.atomic
def workplan_create(
    *, coalition: Coalition, title: str, period_start: date, period_end: date, notes: str = "", by: Any
) -> WorkPlan:
    """Create a draft work plan for the coalition."""
    if not is_coalition_secretariat(user=by, coalition_id=coalition.pk):
        raise PermissionDenied
    work_plan = WorkPlan(
        coalition=coalition, title=title, period_start=period_start, period_end=period_end, notes=notes
    )
    _full_clean(work_plan)
    work_plan._history_user = by  # type: ignore[attr-defined]
    work_plan.save()
    return work_plan


@transaction.atomic
def workplan_update(
    *,
    work_plan: WorkPlan,
    by: Any,
    expected_version: int | None,
    title: str | None = None,
    period_start: date | None = None,
    period_end: date | None = None,
    notes: str | None = None,
    endorsed_on: date | None = None,
) -> WorkPlan:
    """Change the work plan's title, period, notes or endorsement date; refuse a stale version.

    Fields left as None keep their value. The endorsement date is the day the coalition endorsed the
    plan, which the secretariat may correct on an endorsed plan; a draft has none to correct.
    """
    _require_manage(by, work_plan)
    if title is not None:
        work_plan.title = title.strip()
    if period_start is not None:
        work_plan.period_start = period_start
    if period_end is not None:
        work_plan.period_end = period_end
    if notes is not None:
        work_plan.notes = notes.strip()
    if endorsed_on is not None:
        if work_plan.state != WorkPlanState.ENDORSED:
            raise ValidationError({"endorsed_on": _("Only an endorsed work plan has an endorsement date.")})
        work_plan.endorsed_on = _endorsement_date(endorsed_on)
    _full_clean(work_plan)
    work_plan._history_user = by  # type: ignore[attr-defined]
    work_plan.save_versioned(expected_version=expected_version)
    return work_plan


def _endorsement_date(on: date) -> date:
    if on > today():
        raise ValidationError({"endorsed_on": _("A work plan cannot be endorsed on a date in the future.")})
    return on


@transaction.atomic
def workplan_delete(*, work_plan: WorkPlan, by: Any) -> None:
    """Delete a draft work plan with nothing in it yet; its history keeps it.

    An endorsed or closed plan is a published record and stays; so does a draft whose results,
    outputs or activities still exist (delete them first, each with its own history).
    """
    _require_manage(by, work_plan)
    _require_draft(work_plan)
    if work_plan.results.exists():
        raise ValidationError({"results": _("Delete the work plan's results first.")})
    work_plan._history_user = by  # type: ignore[attr-defined]
    work_plan.delete()


@transaction.atomic
def workplan_transition(
    *,
    work_plan: WorkPlan,
    to_state: str,
    by: Any,
    on: date | None = None,
    expected_version: int | None = None,
) -> WorkPlan:
    """Move the work plan to `to_state` if the transition rules and the user's role allow it.

    Endorsing needs at least one activity and records the date the coalition endorsed the plan:
    `on` as the secretariat enters it (not in the future), today if not given. A stale
    `expected_version` is refused.
    """
    if not can_transition_workplan(user=by, work_plan=work_plan, to_state=to_state):
        raise PermissionDenied
    allowed = WORKPLAN_TRANSITIONS.get(work_plan.state, frozenset())
    if to_state not in allowed:
        raise TransitionError(
            {
                "state": _("A work plan cannot go from “%(from)s” to “%(to)s”.")
                % {
                    "from": work_plan.get_state_display(),
                    "to": dict(WorkPlanState.choices).get(to_state, to_state),
                }
            }
        )
    if to_state == WorkPlanState.ENDORSED and work_plan.state == WorkPlanState.DRAFT:
        if not Activity.objects.filter(output__result__work_plan=work_plan).exists():
            raise TransitionError(
                {"state": _("A work plan needs at least one activity before it is endorsed.")}
            )
        work_plan.endorsed_on = _endorsement_date(on) if on is not None else today()
    elif on is not None:
        raise ValidationError({"endorsed_on": _("Only endorsing a draft records an endorsement date.")})
    work_plan.state = to_state
    work_plan._history_user = by  # type: ignore[attr-defined]
    work_plan.save_versioned(expected_version=expected_version)
    return work_plan


def _require_manage(user: Any, work_plan: WorkPlan) -> None:
    if not can_manage_workplan(user=user, work_plan=work_plan):
        raise PermissionDenied


def _require_draft(work_plan: WorkPlan) -> None:
    """Refuse to delete from a plan once endorsed: what it held stays on the record."""
    if work_plan.state != WorkPlanState.DRAFT:
        raise ValidationError(
            {"state": _("Only a draft work plan's results, outputs and activities can be deleted.")}
        )


@transaction.atomic
def result_save(
    *,
    work_plan: WorkPlan,
    code: str,
    title: str,
    description: str = "",
    footnotes: str = "",
    result: Result | None = None,
    expected_version: int | None = None,
    by: Any,
) -> Result:
    """Create or change a result of the work plan; a change is refused on a stale `expected_version`."""
    _require_manage(by, work_plan)
    if result is not None and result.work_plan_id != work_plan.pk:
        raise PermissionDenied
    if result is None:
        result = Result(work_plan=work_plan, order=_next_order(work_plan.results))
    result.code, result.title, result.description = code.strip(), title.strip(), description.strip()
    result.footnotes = footnotes.strip()
    _full_clean(result)
    result._history_user = by  # type: ignore[attr-defined]
    result.save_versioned(expected_version=expected_version)
    return result


@transaction.atomic
def result_delete(*, result: Result, by: Any) -> None:
    """Delete a result of a draft work plan once it has no outputs; its history keeps it."""
    _require_manage(by, result.work_plan)
    _require_draft(result.work_plan)
    if result.outputs.exists():
        raise ValidationError({"outputs": _("Delete the result's outputs first.")})
    result._history_user = by  # type: ignore[attr-defined]
    result.delete()


@transaction.atomic
def output_save(
    *,
    result: Result,
    code: str,
    title: str,
    description: str = "",
    footnotes: str = "",
    output: Output | None = None,
    expected_version: int | None = None,
    by: Any,
) -> Output:
    """Create or change an output under a result; a change is refused on a stale `expected_version`."""
    _require_manage(by, result.work_plan)
    if output is not None and output.result_id != result.pk:
        raise PermissionDenied
    if output is None:
        output = Output(result=result, order=_next_order(result.outputs))
    output.code, output.title, output.description = code.strip(), title.strip(), description.strip()
    output.footnotes = footnotes.strip()
    _full_clean(output)
    output._history_user = by  # type: ignore[attr-defined]
    output.save_versioned(expected_version=expected_version)
    return output


def _bulk_children(
    model: Any,
    *,
    parent: str,
    rows: Sequence[tuple[Any, Mapping[str, Any]]],
    by: Any,
    build: Callable[[Any, int, Mapping[str, Any]], Any],
    work_plan_of: Callable[[Any], WorkPlan],
    row_label: str,
    taken: str,
) -> list[Any]:
    """Return the unsaved children (outputs of results, activities of outputs) the rows describe, each
    numbered after its parent's last and checked as one saved alone is, in two queries in all.

    `build(parent, order, fields)` makes one; an error names the row (`row_label`) or, for a code its
    parent already has, says so (`taken`); both take `code` and `parent` (the parent's code).
    """
    parents = {parent_obj.pk: parent_obj for parent_obj, _fields in rows}
    for parent_obj in parents.values():
        _require_manage(by, work_plan_of(parent_obj))
    siblings = model.objects.filter(**{f"{parent}_id__in": parents})
    codes = set(siblings.values_list(f"{parent}_id", "code"))
    orders = dict(siblings.values(f"{parent}_id").annotate(m=Max("order")).values_list(f"{parent}_id", "m"))
    children = []
    for parent_obj, fields in rows:
        orders[parent_obj.pk] = (orders.get(parent_obj.pk) or 0) + 1
        child = build(parent_obj, orders[parent_obj.pk], fields)
        names = {"code": child.code, "parent": parent_obj.code}
        try:
            # The parent is given as an object and the code checked below: no query per row.
            child.full_clean(exclude=[parent], validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            row = row_label % names
            raise ValidationError(
                {name: [f"{row}: {m}" for m in messages] for name, messages in error.message_dict.items()}
            ) from error
        if (parent_obj.pk, child.code) in codes:
            raise ValidationError({"code": taken % names})
        codes.add((parent_obj.pk, child.code))
        children.append(child)
    return children


@transaction.atomic
def output_bulk_create(*, rows: Sequence[tuple[Result, Mapping[str, str]]], by: Any) -> list[Output]:
    """Add many outputs at once, each under the rules of `output_save`, in a few queries.

    Each row is a result and the fields `output_save` takes (code, title, description, footnotes).
    Codes must be new in their result; an error names the result and code of the row. Each output
    gets one history record, by `by`.
    """
    if not rows:
        return []

    def build(result: Result, order: int, fields: Mapping[str, str]) -> Output:
        output = Output(result=result, order=order)
        for name in ("code", "title", "description", "footnotes"):
            setattr(output, name, str(fields.get(name, "")).strip())
        return output

    outputs = _bulk_children(
        Output,
        parent="result",
        rows=rows,
        by=by,
        build=build,
        work_plan_of=lambda result: result.work_plan,
        row_label=_("Output %(code)s of result %(parent)s"),
        taken=_("Result %(parent)s already has an output %(code)s."),
    )
    Output.objects.bulk_create(outputs)
    Output.history.bulk_history_create(outputs, default_user=by)
    data_version_bump(WORKPLANS)  # bulk_create sends no signals
    return outputs


@transaction.atomic
def output_delete(*, output: Output, by: Any) -> None:
    """Delete an output of a draft work plan once it has no activities; its history keeps it."""
    _require_manage(by, output.result.work_plan)
    _require_draft(output.result.work_plan)
    if output.activities.exists():
        raise ValidationError({"activities": _("Delete the output's activities first.")})
    output._history_user = by  # type: ignore[attr-defined]
    output.delete()


def _set_activity(activity: Activity, fields: dict[str, Any]) -> dict[str, Iterable[Any]]:
    unknown = set(fields) - set(ACTIVITY_FIELDS) - set(ACTIVITY_M2M)
    if unknown:
        raise ValueError(f"Not an activity field: {', '.join(sorted(unknown))}")
    for name in ACTIVITY_FIELDS:
        if name in fields:
            value = fields[name]
            setattr(activity, name, value.strip() if isinstance(value, str) else value)
    return {name: fields[name] for name in ACTIVITY_M2M if name in fields}


def _refuse_manager_only_changes(activity: Activity, fields: dict[str, Any]) -> None:
    errors = {}
    for name in MANAGER_ONLY_FIELDS:
        if name not in fields:
            continue
        if name in ACTIVITY_M2M:
            changed = {getattr(v, "pk", v) for v in fields[name]} != {
                e.pk for e in getattr(activity, name).all()
            }
        else:
            changed = fields[name] != getattr(activity, name)
        if changed:
            errors[name] = _("Only the coalition secretariat may change this.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def activity_create(*, output: Output, by: Any, **fields: Any) -> Activity:
    """Add an activity under an output."""
    _require_manage(by, output.result.work_plan)
    activity = Activity(output=output, order=_next_order(output.activities))
    related = _set_activity(activity, fields)
    _full_clean(activity)
    activity._history_user = by  # type: ignore[attr-defined]
    activity.save()
    for name, values in related.items():
        getattr(activity, name).set(values)
    return activity


@transaction.atomic
def activity_update(*, activity: Activity, by: Any, expected_version: int | None, **fields: Any) -> Activity:
    """Change an activity; refuse if someone else saved it since `expected_version` was read."""
    work_plan = activity.output.result.work_plan
    if not can_edit_activity(user=by, activity=activity, work_plan=work_plan):
        raise PermissionDenied
    if not can_manage_workplan(user=by, work_plan=work_plan):
        _refuse_manager_only_changes(activity, fields)
    related = _set_activity(activity, fields)
    _full_clean(activity)
    activity._history_user = by  # type: ignore[attr-defined]
    activity.save_versioned(expected_version=expected_version)
    if "collaborating_coalitions" in related:
        related["collaborating_coalitions"] = _keep_hidden_coalitions(
            activity, related["collaborating_coalitions"], by
        )
    # Set against the database, not against lists prefetched for display.
    getattr(activity, "_prefetched_objects_cache", {}).clear()
    for name, values in related.items():
        getattr(activity, name).set(values)
    return activity


@transaction.atomic
def activity_delete(*, activity: Activity, by: Any) -> None:
    """Delete an activity of a draft work plan; its history keeps it.

    An activity with reported progress, or one added for a UN Country Team's support request, stays.
    """
    _require_manage(by, activity.output.result.work_plan)
    _require_draft(activity.output.result.work_plan)
    if activity.demand_driven:
        raise ValidationError(
            {"demand_driven": _("This activity answers a support request: decline the request instead.")}
        )
    if activity.status_reports.exists():
        raise ValidationError({"status_reports": _("An activity with reported progress cannot be deleted.")})
    activity._history_user = by  # type: ignore[attr-defined]
    activity.delete()


def _keep_hidden_coalitions(activity: Activity, chosen: Iterable[Any], by: Any) -> list[Any]:
    """Return the chosen collaborating coalitions plus those linked that the editor may not see.

    An editor cannot choose what they cannot see, so saving their form must not unlink it either.
    """
    linked = Coalition.objects.filter(collaborating_activities=activity)
    hidden = linked.exclude(pk__in=linked.filter(coalition_visibility_q(by)).values("pk"))
    return [*chosen, *hidden]


@transaction.atomic
def reporting_round_create(*, work_plan: WorkPlan, as_at: date, title: str, by: Any) -> ReportingRound:
    """Open a dated reporting round on the work plan; it may not be dated in the future."""
    _require_manage(by, work_plan)
    if as_at > today():
        raise ValidationError({"as_at": _("A reporting round cannot be dated in the future.")})
    round_ = ReportingRound(work_plan=work_plan, as_at=as_at, title=title.strip())
    round_.full_clean()
    round_._history_user = by  # type: ignore[attr-defined]
    round_.save()
    return round_


def _status_report_build(
    *,
    activity: Activity,
    status: str,
    as_at: date | None,
    comment: str,
    round: ReportingRound | None,
    by: Any,
    status_text: str = "",
) -> StatusReport:
    """Return an unsaved report after the rules every status report obeys (see `status_report_record`)."""
    work_plan = activity.output.result.work_plan
    if not can_record_status(user=by, activity=activity, work_plan=work_plan):
        raise PermissionDenied
    as_at = report_date(
        as_at=as_at,
        round_as_at=round.as_at if round is not None else None,
        round_belongs=round is not None and round.work_plan_id == work_plan.pk,
        not_before=work_plan.period_start.replace(month=1, day=1),
        not_before_message=_("The date comes before the work plan's period."),
    )
    report = StatusReport(
        activity=activity,
        status=status,
        status_text=status_text.strip(),
        as_at=as_at,
        comment=comment.strip(),
        round=round,
        author=by,
    )
    # The related objects were given and checked above: no query to look them up again.
    report.full_clean(exclude=["activity", "round", "author"])
    report._history_user = by  # type: ignore[attr-defined]
    return report


@transaction.atomic
def status_report_record(
    *,
    activity: Activity,
    status: str,
    as_at: date | None = None,
    comment: str = "",
    round: ReportingRound | None = None,
    status_text: str = "",
    by: Any,
) -> StatusReport:
    """Record the activity's status as at a date (the round's date when a round is given).

    `status_text` keeps the status in the document's own words beside the normalised `status`.
    The date may not be in the future, nor before the work plan's period starts.
    """
    report = _status_report_build(
        activity=activity,
        status=status,
        as_at=as_at,
        comment=comment,
        round=round,
        by=by,
        status_text=status_text,
    )
    report.save()
    return report


@transaction.atomic
def activity_bulk_create(*, rows: Sequence[tuple[Output, Mapping[str, Any]]], by: Any) -> list[Activity]:
    """Add many activities at once, each under the rules of `activity_create`, in a few queries.

    Each row is an output and the fields `activity_create` takes. Codes must be new in their output;
    an error names the output and code of the row. Each activity gets one history record, by `by`,
    that already holds its lead and partner entities, countries, targets, objectives and coalitions
    (saving and then setting each list, as `activity_create` does, writes one record per list).
    """
    if not rows:
        return []
    related_rows: list[dict[str, Iterable[Any]]] = []

    def build(output: Output, order: int, fields: Mapping[str, Any]) -> Activity:
        activity = Activity(output=output, order=order)
        related_rows.append(_set_activity(activity, dict(fields)))
        return activity

    activities = _bulk_children(
        Activity,
        parent="output",
        rows=rows,
        by=by,
        build=build,
        work_plan_of=lambda output: output.result.work_plan,
        row_label=_("Activity %(code)s of output %(parent)s"),
        taken=_("Output %(parent)s already has an activity %(code)s."),
    )
    Activity.objects.bulk_create(activities)
    through_rows: dict[str, list[Any]] = {}
    for name in ACTIVITY_M2M:
        field = Activity._meta.get_field(name)
        through = field.remote_field.through  # type: ignore[union-attr]
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()  # type: ignore[union-attr]
        links = [
            through(**{f"{source}_id": activity.pk, f"{target}_id": pk})
            for activity, related in zip(activities, related_rows, strict=True)
            for pk in dict.fromkeys(getattr(value, "pk", value) for value in related.get(name, ()))
        ]
        through_rows[name] = through.objects.bulk_create(links)
    history = Activity.history.bulk_history_create(activities, default_user=by) or []
    history_of = {record.id: record.pk for record in history}
    for name, links in through_rows.items():
        if not history_of or not links:
            continue
        field = Activity._meta.get_field(name)
        m2m_history = HistoricalRecords.m2m_models[field]
        attnames = [f.attname for f in field.remote_field.through._meta.fields]  # type: ignore[union-attr]
        source = field.m2m_field_name()  # type: ignore[union-attr]
        m2m_history.objects.bulk_create(
            [
                m2m_history(
                    history_id=history_of[getattr(link, f"{source}_id")],
                    **{a: getattr(link, a) for a in attnames},
                )
                for link in links
            ]
        )
    # bulk_create sends no signals: index the new activities here, as every save does.
    search_index_many(instances=activities)
    data_version_bump(WORKPLANS)
    return activities


@dataclass(frozen=True)
class StatusEntry:
    """One status for `status_report_bulk_record`: what `status_report_record` takes, with its author."""

    activity: Activity
    status: str
    by: Any
    comment: str = ""
    round: ReportingRound | None = None
    as_at: date | None = None
    status_text: str = ""


@transaction.atomic
def status_report_bulk_record(*, entries: Sequence[StatusEntry]) -> list[StatusReport]:
    """Record many statuses at once, each under the rules of `status_report_record`, in a few queries.

    Each entry is checked as `status_report_record` checks it (the author may record it, the round
    belongs to the activity's work plan, the date is neither in the future nor before the period);
    one failing entry records nothing. Each report gets one history record, by its author.
    """
    reports = []
    for entry in entries:
        report = _status_report_build(
            activity=entry.activity,
            status=entry.status,
            as_at=entry.as_at,
            comment=entry.comment,
            round=entry.round,
            by=entry.by,
            status_text=entry.status_text,
        )
        reports.append(report)
    StatusReport.objects.bulk_create(reports)
    StatusReport.history.bulk_history_create(reports)
    # bulk_create sends no signals: keep the dates reports are replaced on, as every save does.
    data_version_bump(WORKPLANS)
    refresh_valid_until(StatusReport, subject_field="activity", subject_ids=[r.activity_id for r in reports])
    return reports


def refresh_report_dates(sender: Any, instance: StatusReport, raw: bool = False, **kwargs: Any) -> None:
    """After a report is saved or deleted, set the date each report of its activity is replaced on.

    A fixture being loaded (`raw`) brings its own dates; a report deleted with its activity, output or
    plan (the deletion's `origin` is not a report) leaves nothing to keep.
    """
    origin = kwargs.get("origin")
    if origin is not None and getattr(origin, "model", type(origin)) is not StatusReport:
        return
    if not raw:
        refresh_valid_until(StatusReport, subject_field="activity", subject_ids=[instance.activity_id])

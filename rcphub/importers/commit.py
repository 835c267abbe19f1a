"""Create what a proposal holds, through the apps' own services: a work plan tree, or a review.

Called by `services.import_commit` inside its transaction: any error here rolls everything back.
Entities, countries and SDG targets are looked up once each, by code, for the whole document; the
answers to the proposal's questions are applied first (an entity picked adds it to each item asked
about; a year gives a work plan's period or a review's year of issue; a date the round's date).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.urls import reverse
from django.utils.translation import gettext as _

from rcphub.followup import services as followup_services
from rcphub.followup.models import DatePrecision, ReviewKind, has_management_response
from rcphub.importers.interpret.proposal import Commitment, Proposal
from rcphub.importers.models import REVIEW_KINDS, Import
from rcphub.reference.models import Country, Entity, SdgTarget
from rcphub.workplans import services as workplan_services

# The question the importer adds where a review or a plan of action gives no date of issue.
ISSUED_QUESTION = "issued"


@dataclass
class Created:
    """What a commit created: the object, its page, and the log's lines."""

    obj: Model
    url: str
    lines: list[str] = field(default_factory=list)


def apply_answers(proposal: Proposal) -> None:
    """Put each answer where it belongs in the proposal (entities on their items, the year, the round's date)."""
    for question in proposal.questions:
        value = question.answer or ""
        if not value:
            continue
        if question.about == "entity":
            for key in question.keys:
                _add_to(proposal, key, value)
        elif question.about == "year" and question.id == ISSUED_QUESTION:
            proposal.issued = date(int(value), 1, 1)
            proposal.issued_precision = DatePrecision.YEAR
        elif question.about == "year":
            year = int(value)
            proposal.year = year
            if proposal.period_start is None or proposal.period_start.year != year:
                proposal.period_start, proposal.period_end = date(year, 1, 1), date(year, 12, 31)
        elif question.about == "round_date":
            proposal.as_at = date.fromisoformat(value)


def _add_to(proposal: Proposal, key: str, value: str) -> None:
    """Append `value` to the list the key names: "results.0.outputs.1.activities.3.lead"."""
    *path, name = key.split(".")
    target: Any = proposal
    try:
        for part in path:
            target = target[int(part)] if part.isdigit() else getattr(target, part)
        values = getattr(target, name)
    except (AttributeError, IndexError, ValueError):
        raise ValidationError(
            _("The import's question points at “%(key)s”, which it does not hold.") % {"key": key}
        ) from None
    if isinstance(values, list) and value not in values:
        values.append(value)


def _lookup(model: type[Model], field_name: str, codes: Iterable[str], *, what: str) -> dict[str, Any]:
    wanted = sorted({code for code in codes if code})
    found = {
        getattr(row, field_name): row
        for row in model._default_manager.filter(**{f"{field_name}__in": wanted})
    }
    unknown = [code for code in wanted if code not in found]
    if unknown:
        raise ValidationError({what: _("Unknown codes: %(codes)s.") % {"codes": ", ".join(unknown[:20])}})
    return found


def commit_proposal(*, import_: Import, proposal: Proposal, by: Any) -> Created:
    """Create what the proposal holds for the import's coalition or organisation, as `by`."""
    apply_answers(proposal)
    if proposal.kind in REVIEW_KINDS:
        return _commit_review(import_, proposal, by)
    return _commit_workplan(import_, proposal, by)


# ---------------------------------------------------------------------------------------------
# Work plans


def _commit_workplan(import_: Import, proposal: Proposal, by: Any) -> Created:
    if import_.coalition is None:
        raise ValidationError({"coalition": _("A work plan is imported into a coalition: choose one.")})
    if proposal.period_start is None or proposal.period_end is None:
        raise ValidationError(
            {"year": _("The work plan's year is not known: answer the question on its year.")}
        )
    lines: list[str] = []
    activities = [a for r in proposal.results for o in r.outputs for a in o.activities]
    entities = _lookup(
        Entity, "acronym", (e for a in activities for e in [*a.lead, *a.partners]), what="lead_entities"
    )
    countries = _lookup(Country, "iso3", (c for a in activities for c in a.countries), what="countries")
    targets = _lookup(SdgTarget, "code", (t for a in activities for t in a.sdg_targets), what="sdg_targets")
    work_plan = workplan_services.workplan_create(
        coalition=import_.coalition,
        title=proposal.title.strip()[:200],
        period_start=proposal.period_start,
        period_end=proposal.period_end,
        notes=_("Imported from %(file)s.") % {"file": import_.filename},
        by=by,
    )
    counts = {"results": 0, "outputs": 0}
    output_rows: list[tuple[Any, dict[str, str]]] = []
    planned: list[Any] = []  # the proposal's output of each row of output_rows
    for r_index, result in enumerate(proposal.results, start=1):
        r_code = _code(result.code, str(r_index), what=_("Result"), where=result.where, lines=lines)
        saved_result = workplan_services.result_save(
            work_plan=work_plan,
            code=r_code,
            title=result.title or r_code,
            description=result.description,
            footnotes="\n".join(result.footnotes),
            by=by,
        )
        counts["results"] += 1
        for o_index, output in enumerate(result.outputs, start=1):
            o_code = _code(
                output.code, f"{r_code}.{o_index}", what=_("Output"), where=output.where, lines=lines
            )
            output_rows.append(
                (
                    saved_result,
                    {
                        "code": o_code,
                        "title": output.title or o_code,
                        "description": output.description,
                        "footnotes": "\n".join(output.footnotes),
                    },
                )
            )
            planned.append(output)
    saved_outputs = workplan_services.output_bulk_create(rows=output_rows, by=by)
    counts["outputs"] = len(saved_outputs)
    rows: list[tuple[Any, dict[str, Any]]] = []
    statuses = budgets = 0
    for saved_output, output in zip(saved_outputs, planned, strict=True):
        for a_index, activity in enumerate(output.activities, start=1):
            code = _code(activity.code, str(a_index), what=_("Activity"), where=activity.where, lines=lines)
            statuses += bool(activity.status or activity.status_text)
            budgets += bool(activity.budget)
            rows.append(
                (
                    saved_output,
                    {
                        "code": code,
                        "title": activity.title or code,
                        "description": activity.description,
                        "start_on": activity.start_on,
                        "end_on": activity.end_on,
                        "due_text": activity.due_text,
                        "footnotes": "\n".join(activity.footnotes),
                        "lead_entities": [entities[e].pk for e in activity.lead],
                        "partner_entities": [
                            entities[e].pk for e in activity.partners if e not in activity.lead
                        ],
                        "countries": [countries[c].pk for c in activity.countries],
                        "sdg_targets": [targets[t].pk for t in activity.sdg_targets],
                    },
                )
            )
    workplan_services.activity_bulk_create(rows=rows, by=by)
    lines.append(
        _(
            "Created the draft work plan “%(title)s” (%(period)s) with %(results)s result(s), "
            "%(outputs)s output(s) and %(activities)s activity(ies)."
        )
        % {
            "title": work_plan.title,
            "period": work_plan.period_label,
            "results": counts["results"],
            "outputs": counts["outputs"],
            "activities": len(rows),
        }
    )
    if statuses:
        lines.append(
            _(
                "%(count)s activity(ies) give a status: a draft plan takes no progress report, so record "
                "them once the plan is endorsed."
            )
            % {"count": statuses}
        )
    if budgets:
        lines.append(
            _("%(count)s activity(ies) give yearly budgets, which work plans do not keep.")
            % {"count": budgets}
        )
    return Created(obj=work_plan, url=reverse("workplans:detail", args=[work_plan.pk]), lines=lines)


def _code(code: str, fallback: str, *, what: str, where: str, lines: list[str]) -> str:
    code = (code or "").strip()
    if code:
        return code
    lines.append(
        _("%(what)s at %(where)s has no code; numbered %(code)s.")
        % {"what": what, "where": where or "?", "code": fallback}
    )
    return fallback


# ---------------------------------------------------------------------------------------------
# Reviews and plans of action


def _commitment_text(item: Commitment) -> str:
    title, text = item.title.strip(), item.text.strip()
    if title and text and not text.startswith(title):
        return f"{title}\n\n{text}"
    return text or title


def _commit_review(import_: Import, proposal: Proposal, by: Any) -> Created:
    organisation = import_.organisation
    if organisation is None:
        raise ValidationError({"organisation": _("A review is imported for an organisation: choose one.")})
    if proposal.issued is None:
        raise ValidationError(
            {"issued": _("The document gives no date of issue: answer the question on its year.")}
        )
    kind = ReviewKind.PLAN_OF_ACTION if proposal.kind == "plan_of_action" else ReviewKind.EVALUATION
    grouped = [(group, item) for group in proposal.groups for item in group.items]
    items: list[tuple[Any, Commitment]] = [(None, item) for item in proposal.commitments] + grouped
    entities = _lookup(
        Entity,
        "acronym",
        (e for _g, item in items for e in item.responsible_entities),
        what="responsible_entities",
    )
    review = followup_services.review_create(
        organisation=organisation,
        by=by,
        kind=kind,
        title=proposal.title.strip()[:300],
        issued_on=proposal.issued,
        issued_precision=proposal.issued_precision or DatePrecision.DAY,
        description=_("Imported from %(file)s.") % {"file": import_.filename},
    )
    lines: list[str] = []
    saved_groups: dict[int, Any] = {}
    for index, group in enumerate(proposal.groups, start=1):
        saved_groups[id(group)] = followup_services.review_group_save(
            review=review,
            code=(group.code or str(index))[:40],
            title=(group.title or group.code or _("Group %(number)s") % {"number": index})[:300],
            by=by,
        )
    created = []
    responses = has_management_response(kind)
    for number, (group, item) in enumerate(items, start=1):
        fields: dict[str, Any] = {
            "number": (item.number or str(number)).strip(),
            "group": saved_groups[id(group)] if group is not None else None,
            "text": _commitment_text(item),
            "responsible_text": (item.responsible_text or "; ".join(item.responsible))[:300],
            "due_on": item.due_on,
            "due_text": item.due_text,
        }
        if responses:
            fields.update(response=item.response, response_text=item.response_text)
        commitment = followup_services.commitment_create(
            review=review,
            responsible_entities=[entities[e] for e in dict.fromkeys(item.responsible_entities)],
            by=by,
            **fields,
        )
        created.append((commitment, item))
    reported = [(c, item) for c, item in created if item.status or item.status_text or item.comment.strip()]
    if reported:
        if proposal.as_at is None:
            raise ValidationError(
                {"as_at": _("The document gives statuses but not the date they are as at.")}
            )
        round_ = followup_services.reporting_round_create(
            review=review,
            as_at=proposal.as_at,
            title=proposal.round_title
            or _("Progress report as at %(date)s") % {"date": proposal.as_at.isoformat()},
            by=by,
        )
        for commitment, item in reported:
            followup_services.followup_report_record(
                commitment=commitment,
                status=item.status,
                comment=item.comment,
                status_text=item.status_text,
                round=round_,
                by=by,
            )
    lines.append(
        _(
            "Created the review “%(title)s” with %(groups)s group(s), %(items)s commitment(s) and %(reports)s status report(s)."
        )
        % {
            "title": review.title,
            "groups": len(saved_groups),
            "items": len(created),
            "reports": len(reported),
        }
    )
    return Created(obj=review, url=reverse("followup:review", args=[review.pk]), lines=lines)

"""Export of a work plan as at a date to XLSX and CSV, both from the same rows.

The rows come from `selectors.workplan_tree`, so an export holds exactly what the reader may see
on the work-plan page as at the same date: a visitor's export never contains internal activities.
Every result and every output has a row of its own, before its outputs or activities (the tree in
order, the "Level" column saying which), so that a plan with no activities yet is whole in the file
and an importer can rebuild the same tree from it: codes, titles, footnotes, countries and entities.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from rcphub.core.models import Visibility
from rcphub.workplans.models import WorkPlan
from rcphub.workplans.selectors import ActivityNode, OutputNode, ResultNode, WorkPlanTree

FORMATS = ("xlsx", "csv")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"

# Column widths in the XLSX sheet, in the order of `export_header`.
COLUMN_WIDTHS = (8, 40, 8, 40, 8, 50, 16, 16, 16, 11, 11, 16, 14, 30, 10, 14, 11, 40, 20, 40, 10)
# A text cell starting with one of these is read as a formula by spreadsheets: keep it text.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def export_header() -> list[str]:
    """Return the column titles, in the order of `export_row`."""
    return [
        _("Result"),
        _("Result title"),
        _("Output"),
        _("Output title"),
        _("Activity"),
        _("Activity title"),
        _("Lead entities"),
        _("Partner entities"),
        _("Countries (ISO3)"),
        _("Starts on"),
        _("Ends on"),
        _("Timing as written"),
        _("SDG targets"),
        _("GCM objectives"),
        _("Visibility"),
        _("Status as at"),
        _("Reported on"),
        _("Comment"),
        _("Status as written"),
        _("Footnotes"),
        _("Level"),
    ]


def result_row(*, result: ResultNode) -> list[Any]:
    """Return a result's own row: its code, title and footnotes; the other cells empty."""
    return [result.result.code, result.result.title, *[None] * 16, None, result.result.footnotes, _("Result")]


def output_row(*, result: ResultNode, output: OutputNode) -> list[Any]:
    """Return an output's own row: its result, its code, title and footnotes; the other cells empty."""
    return [
        result.result.code,
        result.result.title,
        output.output.code,
        output.output.title,
        *[None] * 14,
        None,
        output.output.footnotes,
        _("Output"),
    ]


def export_row(*, result: ResultNode, output: OutputNode, node: ActivityNode) -> list[Any]:
    """Return one activity's cells: text, dates (or None) and lists joined with "; "."""
    activity = node.activity
    visibility = dict(Visibility.choices).get(activity.visibility, activity.visibility)
    return [
        result.result.code,
        result.result.title,
        output.output.code,
        output.output.title,
        activity.code,
        activity.title,
        "; ".join(entity.acronym for entity in activity.lead_entities.all()),
        "; ".join(entity.acronym for entity in activity.partner_entities.all()),
        "; ".join(country.iso3 for country in activity.countries.all()),
        activity.start_on,
        activity.end_on,
        activity.due_text,
        "; ".join(target.code for target in activity.sdg_targets.all()),
        "; ".join(str(objective.number) for objective in activity.gcm_objectives.all()),
        str(visibility),
        node.status_label,
        node.reported_on,
        node.comment,
        node.status_text,
        activity.footnotes,
        _("Activity"),
    ]


def export_rows(tree: WorkPlanTree) -> Iterator[list[Any]]:
    """Yield a row per result, per output and per activity of the tree, in the order of the plan."""
    for result in tree.results:
        yield result_row(result=result)
        for output in result.outputs:
            yield output_row(result=result, output=output)
            for node in output.activities:
                yield export_row(result=result, output=output, node=node)


def export_filename(*, work_plan: WorkPlan, as_at: date, fmt: str) -> str:
    """Return the file name, e.g. "health-work-plan-2026-as-at-2026-06-30.xlsx"."""
    title = slugify(work_plan.title) or "work-plan"  # a title in Cyrillic has no ASCII slug
    return f"{work_plan.coalition.slug}-{title}-as-at-{as_at.isoformat()}.{fmt}"


# ---------------------------------------------------------------------------------------------
# XLSX


def workplan_xlsx(tree: WorkPlanTree, *, generated_at: datetime | None = None) -> bytes:
    """Return the work plan as at the tree's date as an XLSX workbook: the activities, then "About"."""
    generated_at = timezone.localtime(generated_at or timezone.now())
    workbook = Workbook()
    sheet: Any = workbook.active
    sheet.title = _("Work plan")[:31]
    sheet.append(export_header())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for row in export_rows(tree):
        sheet.append([_xlsx_value(value) for value in row])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that only looks like a formula
            elif isinstance(cell.value, datetime | date):
                cell.number_format = "yyyy-mm-dd"
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for index, width in enumerate(COLUMN_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width

    about: Any = workbook.create_sheet(_("About")[:31])
    work_plan = tree.work_plan
    facts = [
        (_("Coalition"), str(work_plan.coalition)),
        (_("Work plan"), work_plan.title),
        (_("Period"), work_plan.period_label),
        (_("State"), work_plan.get_state_display()),
        (_("Status as at"), tree.as_at),
        (_("Activities"), tree.activity_count),
        (_("Endorsed on"), work_plan.endorsed_on or ""),
        (_("Generated at"), generated_at.replace(tzinfo=None)),
    ]
    for label, value in facts:
        about.append([label, value])
    for cell in about["A"]:
        cell.font = Font(bold=True)
    about["B5"].number_format = "yyyy-mm-dd"
    about["B7"].number_format = "yyyy-mm-dd"
    about["B8"].number_format = "yyyy-mm-dd hh:mm"
    about.column_dimensions["A"].width = 16
    about.column_dimensions["B"].width = 60

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_value(value: Any) -> Any:
    return "" if value is None else value


# ---------------------------------------------------------------------------------------------
# CSV


class _Line:
    """A file-like object that hands back what the csv writer writes to it."""

    def write(self, value: str) -> str:
        return value


def workplan_csv(tree: WorkPlanTree) -> Iterator[str]:
    """Yield the work plan as at the tree's date as CSV lines, UTF-8 with a BOM so that Excel reads Cyrillic."""
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow(export_header())
    for row in export_rows(tree):
        yield writer.writerow([_csv_value(value) for value in row])


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text

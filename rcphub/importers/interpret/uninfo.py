"""A UN INFO joint work plan export (Cooperation Framework activity report) read as a work plan tree.

UN INFO's chain is strategic priority → outcome → output → sub-output (a key activity), one row per
sub-output, for as many countries and Cooperation Frameworks as the export covers. rcphub's work plan is
results → outputs → activities, so:

- an **outcome** is a **result**: its code and title as written (the code its label starts with,
  "Outcome 4.1 - …", being what people read, wins over the code column, which often numbers items
  otherwise; "Outcome 4.1 - " and "OC4_" prefixes are left out of the title), the **strategic priority** kept in the result's description ("Strategic
  priority 2: People"), with the country and Cooperation Framework where the export covers several;
- an **output** is an **output** of that result;
- a **sub-output** is an **activity**: its code, title and description; the start and end dates; the
  status as written ("Implementation", "Pipeline", "Finalisation") with its normalised status; the
  agencies (Agency abbreviations) as lead entities, with warnings for agencies not recognised and
  questions for ambiguous ones; the UN entities recognised among the implementation partners as
  partners (the governments and NGOs listed there are kept in the text, without a warning each); the
  row's country and the countries recognised in its Geography (subnational places are kept in the
  text, not warned about); the SDG targets; the "YYYY Required" columns as `budget` ({"2025": 37000.0},
  the resources required that year; available and expenditure are not kept); UN INFO's ID at the end of
  the description, so that a later export of the same sub-output can be matched.

Outcomes of different countries or frameworks share codes ("3"), so where the export covers more than
one, each result's code is prefixed with its country ("ALB-3"; "ALB2017-3" where a country has more
than one framework in the export). The plan's title names the framework (or the export), its year is
the framework's first year where there is one framework, else a question about="year".
Rows with a publication status other than "Yes" are read like the others.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath

from django.utils.translation import gettext as _

from rcphub.importers.interpret.codes import code_from_value, normalise_code, split_code
from rcphub.importers.interpret.proposal import Activity, Notice, Proposal, Question
from rcphub.importers.interpret.recognise import Recogniser, fold
from rcphub.importers.interpret.workplan import TreeBuilder, fill_period, year_from_text
from rcphub.importers.readers.model import Cell, Document, Row, Table
from rcphub.workplans.wording import progress_status_from_text

__all__ = ["UNINFO_COLUMNS", "interpret_uninfo", "is_uninfo_table"]

# The columns UN INFO's export names, as they are written there.
UNINFO_COLUMNS = (
    "Country",
    "Plan name",
    "Strategic priority code",
    "Strategic priority",
    "Outcome code",
    "Outcome",
    "Output code",
    "Output",
    "Sub-Output code",
    "Sub-Output",
    "ID",
    "Description",
    "Start date",
    "End date",
    "Status",
    "Agency abbreviations",
    "Implementation partners",
    "SDG Targets",
    "Geography",
)
# The columns an export must have to be read as one.
REQUIRED = ("Outcome", "Output", "Sub-Output", "Agency abbreviations")
_BUDGET = re.compile(r"^((?:19|20)\d\d) required$", re.IGNORECASE)
# Prefixes some frameworks give their labels: "SP4_…", "OC4_…", "OU 4.4_…".
_PREFIX = re.compile(r"^\s*(?:SP|OC|OU|OP|SO|KA)\s*[\d.]*\s*_\s*", re.IGNORECASE)


def is_uninfo_table(table: Table) -> bool:
    """Return True if a table's header is UN INFO's (outcome, output, sub-output and agency columns)."""
    names = {fold(name) for name in table.header}
    return all(fold(name) in names for name in REQUIRED)


def _label(text: str, code: str) -> tuple[str, str]:
    """Return an item's code and title: the code its label starts with ("Outcome 4.1 - …", "3.6 …"),
    which is what people read, else the code column's; the title without that code and its word."""
    text = _PREFIX.sub("", " ".join(text.split()))
    coded = split_code(text)
    if coded.code and coded.title:
        return coded.code, coded.title
    return code, text


@dataclass
class _Columns:
    table: Table

    def __post_init__(self) -> None:
        self.index = {fold(name): i for i, name in reversed(list(enumerate(self.table.header)))}
        self.budget = {
            found.group(1): i
            for i, name in enumerate(self.table.header)
            if (found := _BUDGET.match(name.strip()))
        }

    def cell(self, row: Row, name: str) -> Cell | None:
        index = self.index.get(fold(name))
        return row.cells[index] if index is not None and index < len(row.cells) else None

    def text(self, row: Row, name: str) -> str:
        found = self.cell(row, name)
        if found is None:
            return ""
        return found.text.strip() if name == "Description" else " ".join(found.text.split())

    def code(self, row: Row, name: str) -> str:
        found = self.cell(row, name)
        if found is None or not found.text.strip():
            return ""
        if isinstance(found.value, int | float) and not isinstance(found.value, bool):
            return code_from_value(found.value)
        return normalise_code(found.text)


def _prefixes(rows: list[tuple[str, str]], recogniser: Recogniser) -> dict[tuple[str, str], str]:
    """Return the code prefix of each (country, framework) where the export covers more than one."""
    plans = list(dict.fromkeys(rows))
    if len(plans) <= 1:
        return dict.fromkeys(plans, "")
    per_country = Counter(country for country, _plan in plans)
    prefixes: dict[tuple[str, str], str] = {}
    unknown = 0
    for country, plan in plans:
        codes, _rest = recogniser.countries(country)
        if len(codes) == 1:
            stem = codes[0]
        else:
            unknown += 1
            stem = f"C{unknown}"
        if per_country[country] > 1:
            years = year_from_text(plan)
            stem = f"{stem}{years[0]}" if years else stem
        prefix = stem
        n = 2
        while prefix in prefixes.values():
            prefix, n = f"{stem}{chr(ord('A') + n - 2)}", n + 1
        prefixes[(country, plan)] = prefix
    return prefixes


def interpret_uninfo(document: Document, *, recogniser: Recogniser) -> Proposal:
    """Return the work plan a UN INFO joint work plan export holds (kind "uninfo"; mapping in the docstring)."""
    table = next((table for table in document.tables if is_uninfo_table(table)), None)
    if table is None:
        from django.core.exceptions import ValidationError

        raise ValidationError(
            _("%(file)s: no sheet has UN INFO's columns (%(columns)s).")
            % {"file": document.filename, "columns": ", ".join(REQUIRED)}
        )
    columns = _Columns(table)
    rows = [row for row in table.body if not row.is_empty()]
    plans = [(columns.text(row, "Country"), columns.text(row, "Plan name")) for row in rows]
    prefixes = _prefixes(plans, recogniser)
    several = len(prefixes) > 1
    tree = TreeBuilder(recogniser=recogniser, fallback_title=PurePath(document.filename).stem)
    results: dict[tuple[str, str, str, str], int] = {}
    for row, plan in zip(rows, plans, strict=True):
        where = str(row.where)
        prefix = prefixes[plan]
        outcome_code, outcome = _label(columns.text(row, "Outcome"), columns.code(row, "Outcome code"))
        key = (*plan, outcome_code, outcome)
        code = f"{prefix}-{outcome_code}" if prefix and outcome_code else (prefix or outcome_code)
        if tree.result is None or results.get(key) != id(tree.result):
            result = tree.add_result(code, outcome, where=where)
            if key not in results:
                results[key] = id(result)
                priority_code, priority = _label(
                    columns.text(row, "Strategic priority"), columns.code(row, "Strategic priority code")
                )
                lines = [
                    _("Strategic priority %(code)s: %(title)s") % {"code": priority_code, "title": priority}
                    if priority_code
                    else _("Strategic priority: %(title)s") % {"title": priority}
                ]
                if several:
                    lines.append(" — ".join(part for part in plan if part))
                result.description = "\n".join(lines)
        output_code, output = _label(columns.text(row, "Output"), columns.code(row, "Output code"))
        current = tree.output
        if current is None or (current.code, current.title) != (output_code, output):
            tree.add_output(output_code, output, where=where)
        sub_code, sub_title = _label(columns.text(row, "Sub-Output"), columns.code(row, "Sub-Output code"))
        status_text = columns.text(row, "Status")
        status = progress_status_from_text(status_text) if status_text else None
        if status_text and status is None:
            tree.warnings.append(
                Notice(
                    where=where,
                    message=_("The status “%(status)s” is not one rcphub knows; it is kept as written.")
                    % {"status": status_text},
                )
            )
        description = columns.text(row, "Description")
        identifier = columns.text(row, "ID")
        if identifier:
            description = "\n".join(
                part for part in (description, _("UN INFO ID: %(id)s") % {"id": identifier}) if part
            )
        geography = columns.text(row, "Geography")
        partners_text = columns.text(row, "Implementation partners")
        partners = list(dict.fromkeys(m.acronym for m in recogniser.entities(partners_text) if m.exact))
        activity = Activity(
            code=sub_code,
            title=sub_title,
            where=where,
            description=description,
            countries_text=geography,
            sdg_targets=recogniser.sdg_targets(columns.text(row, "SDG Targets")),
            start_on=_date(columns.cell(row, "Start date")),
            end_on=_date(columns.cell(row, "End date")),
            status=str(status or ""),
            status_text=status_text,
            budget=_budget(row, columns),
        )
        tree.add_activity(
            activity,
            lead=columns.text(row, "Agency abbreviations"),
            countries=plan[0],
            title_countries=recogniser.countries(geography)[0] if geography else [],
        )
        # The implementation partners' UN entities, found quietly: the rest are governments and NGOs.
        tree.pending[-1].quiet_partners = partners
        tree.pending[-1].partners_text = partners_text
    finished, warnings, questions = tree.finish()
    titles = list(dict.fromkeys(plan for _country, plan in plans if plan))
    if len(titles) == 1:
        title = titles[0]
    else:
        title = _("UN INFO joint work plans (%(count)s frameworks): %(file)s") % {
            "count": len(titles),
            "file": PurePath(document.filename).stem,
        }
    proposal = Proposal(
        kind="uninfo",
        title=title,
        filename=document.filename,
        results=finished,
        warnings=[*(Notice(where=str(w.where), message=w.message) for w in document.warnings), *warnings],
        questions=questions,
    )
    if len(titles) == 1:
        fill_period(proposal, year_from_text(titles[0]))
    if proposal.year is None:
        starts = Counter(
            activity.start_on.year
            for result in finished
            for output in result.outputs
            for activity in output.activities
            if activity.start_on
        )
        proposal.questions.append(
            Question(
                id="year",
                about="year",
                text=title,
                where=str(table.where),
                default=str(starts.most_common(1)[0][0]) if starts else "",
            )
        )
    return proposal


def _date(cell: Cell | None) -> date | None:
    if cell is None or not cell.text.strip():
        return None
    if isinstance(cell.value, date):
        return cell.value
    try:
        return date.fromisoformat(cell.text.strip()[:10])
    except ValueError:
        return None


def _budget(row: Row, columns: _Columns) -> dict[str, float]:
    budget: dict[str, float] = {}
    for year, index in columns.budget.items():
        value = row.cells[index].value if index < len(row.cells) else None
        if isinstance(value, int | float) and not isinstance(value, bool):
            budget[year] = float(value)
        elif isinstance(value, str):
            try:
                budget[year] = float(value.replace(",", "").replace(" ", ""))
            except ValueError:
                continue
    return budget

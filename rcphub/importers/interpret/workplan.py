"""A work plan read from the layouts people write it in: results → outputs → activities.

`interpret_workplan(document, recogniser=...)` walks the document's blocks in reading order and reads
each as the layout it is in, so that one document may mix them:

- **numbered headings** (a): a heading is a result or an output by the word it starts with ("Result 1:",
  "Output 1.1"), else by Word's automatic number ("RESULT 1.", "1.1"), else by its outline level (the
  first level used is the results', the next the outputs'); a numbered paragraph under an output is an
  activity ("i.", "ii."), a paragraph with no number adds to the description of the item above it;
- **a table per output** (b): the rows of a table with an activity column, under the output heading
  above it; the activity's code is the number Word gives its first paragraph, its title that paragraph
  and its description the cell's other paragraphs;
- **one big table** (c): rows merged across the table are result headings ("RESULT 2. …", or "Output
  1.2 …" by its word), an Output column (merged down its activities) the outputs;
- **a tracker** in Excel or CSV (d): a title row above the header, columns Result / Output / Activity /
  Code / Lead / Partners / Countries / Status / Start / End / Timing / SDG targets / Footnotes, in
  English, French or Russian, merged result rows as in (c);
- **rcphub's own export** (e, `rcphub.workplans.exports`): a Level column and a row for every result
  and output, and an "About" sheet giving the plan's title and period.

Codes are normalised (`codes.py`); an item with no code gets one from its place and a warning, as does
a code its siblings already use. Activities with no output above them go under an output that repeats
their result (and activities with no result under a result named after the plan), with a warning.
Footnotes are attached to the item whose text carries the marker. Countries are read from a column,
from the list in brackets that ends an activity's title ("(Azerbaijan and Turkmenistan)", then left
out of the title) or from names in the title; lead and partner entities from their columns. Names
that are not recognised are warnings, ambiguous ones questions (`recognise.EntityQuestions`). The
plan's title is the document's title (a title heading, a sheet's title row, the export's About
sheet, else the file's name) and its year the first year in it, else a question about="year".
Each item's `where` is where it was read, and its `key` its path ("results.0.outputs.1.activities.3").
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from rcphub.importers.interpret.codes import LEVEL_WORDS, code_from_value, normalise_code, split_code
from rcphub.importers.interpret.proposal import Activity, Notice, Output, Proposal, Question, Result
from rcphub.importers.interpret.recognise import EntityQuestions, Recogniser, fold
from rcphub.importers.readers.model import Cell, Document, Heading, Paragraph, Row, Source, Table
from rcphub.workplans.wording import progress_status_from_text

__all__ = ["COLUMNS", "TreeBuilder", "column_roles", "interpret_workplan", "year_from_text"]

# Column names (folded) → the role of the column. A name with a bracket is also tried without it.
COLUMNS: dict[str, str] = {}
for _role, _names in {
    "level": ("level", "уровень", "niveau"),
    "result": ("result", "results", "outcome", "результат", "résultat"),
    "result_title": ("result title", "outcome title", "название результата", "titre du résultat"),
    "output": ("output", "outputs", "продукт", "produit", "extrant"),
    "output_title": ("output title", "название продукта", "titre du produit"),
    "activity": (
        "activity",
        "activities",
        "key activity",
        "action",
        "мероприятие",
        "мероприятия",
        "деятельность",
        "activité",
        "activités",
    ),
    "activity_title": ("activity title", "название мероприятия", "titre de l'activité"),
    "code": ("code", "codes", "no.", "no", "#", "№", "n°", "ref", "ref.", "код", "номер"),
    "lead": (
        "lead",
        "lead entity",
        "lead entities",
        "lead agency",
        "lead agencies",
        "responsible",
        "responsible entity",
        "ведущее агентство",
        "ведущая организация",
        "ответственные",
        "chef de file",
    ),
    "partners": (
        "partners",
        "partner",
        "partner entities",
        "partner agencies",
        "other agencies",
        "партнеры",
        "партнёры",
        "partenaires",
    ),
    "countries": ("countries", "country", "countries (iso3)", "страны", "страна", "pays"),
    "status": ("status", "status as at", "статус", "statut", "état"),
    "status_text": ("status as written",),
    "start": ("start", "start date", "starts on", "начало", "début", "date de début"),
    "end": ("end", "end date", "ends on", "окончание", "fin", "date de fin"),
    "timing": (
        "timeline",
        "timing",
        "timing as written",
        "timeframe",
        "time frame",
        "due",
        "deadline",
        "сроки",
        "calendrier",
    ),
    "sdg": ("sdg", "sdgs", "sdg targets", "sdg target", "цур", "odd"),
    "footnotes": ("footnotes", "footnote", "notes", "сноски"),
    "description": ("description", "описание", "details"),
}.items():
    for _name in _names:
        COLUMNS[_name] = _role

YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s*[–—-]\s*((?:19|20)?\d\d))?(?!\d)")
_TRAILING_BRACKET = re.compile(r"\s*\(([^()]*)\)\s*$")


def column_roles(header: list[str]) -> dict[str, int]:
    """Return the role of each column a header names ({"activity": 1, "lead": 2, …}), the first one wins."""
    roles: dict[str, int] = {}
    for index, name in enumerate(header):
        for part in name.split(" / "):
            key = fold(part).rstrip(":")
            role = COLUMNS.get(key) or COLUMNS.get(re.sub(r"\s*\([^)]*\)", "", key).strip())
            if role and role not in roles:
                roles[role] = index
                break
    return roles


def year_from_text(text: str) -> tuple[int, int] | None:
    """Return the first year a text names and the last year of its span ("2025–2026" → (2025, 2026))."""
    found = YEAR_RE.search(text)
    if found is None:
        return None
    first = int(found.group(1))
    last = found.group(2)
    if last is None:
        return first, first
    end = int(last) if len(last) == 4 else int(str(first)[:2] + last)
    return (first, end) if end >= first else (first, first)


@dataclass
class _Pending:
    """What an activity names that is resolved once the tree's keys are known."""

    activity: Activity
    lead: str = ""
    partners: str = ""
    countries: str = ""
    title_countries: list[str] = field(default_factory=list)
    where: str = ""
    quiet_partners: list[str] | None = None  # partners already resolved, the rest left without a warning
    partners_text: str = ""  # the partners as written, where `quiet_partners` is set


@dataclass
class TreeBuilder:
    """Results, outputs and activities added in reading order; `finish()` fills codes, keys and names.

    Shared by the work plan and UN INFO interpreters. Items are found again by code (a merged output
    cell, the export's rows), so adding the same result twice returns the first.
    """

    recogniser: Recogniser
    results: list[Result] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    pending: list[_Pending] = field(default_factory=list)
    result: Result | None = None
    output: Output | None = None
    fallback_title: str = ""
    _made: set[int] = field(default_factory=set)  # ids of results and outputs made up for orphans

    def add_result(self, code: str, title: str, *, where: str, footnotes: Iterable[str] = ()) -> Result:
        """Return the result with this code (and title), added after the others if it is new."""
        for result in self.results:
            if code and result.code == code and result.title in ("", title):
                self.result, self.output = result, None
                _extend(result.footnotes, footnotes)
                return result
        result = Result(code=code, title=title, where=where, footnotes=list(dict.fromkeys(footnotes)))
        self.results.append(result)
        self.result, self.output = result, None
        return result

    def add_output(self, code: str, title: str, *, where: str, footnotes: Iterable[str] = ()) -> Output:
        """Return the output with this code under the current result, added if it is new."""
        result = self._current_result(where)
        for output in result.outputs:
            if code and output.code == code and output.title in ("", title):
                self.output = output
                _extend(output.footnotes, footnotes)
                return output
        output = Output(code=code, title=title, where=where, footnotes=list(dict.fromkeys(footnotes)))
        result.outputs.append(output)
        self.output = output
        return output

    def add_activity(
        self,
        activity: Activity,
        *,
        lead: str = "",
        partners: str = "",
        countries: str = "",
        title_countries: Iterable[str] = (),
    ) -> Activity:
        """Add an activity under the current output; its entities and countries are resolved at the end."""
        output = self._current_output(activity.where)
        output.activities.append(activity)
        self.pending.append(
            _Pending(activity, lead, partners, countries, list(title_countries), activity.where)
        )
        return activity

    def last_item(self) -> Result | Output | Activity | None:
        """Return the item added last, to which a following plain paragraph belongs."""
        if self.output is not None:
            return self.output.activities[-1] if self.output.activities else self.output
        return self.result

    def _current_result(self, where: str) -> Result:
        if self.result is None:
            result = Result(code="", title=self.fallback_title or _("Work plan"), where=where)
            self._made.add(id(result))
            self.results.append(result)
            self.result = result
            self.warnings.append(
                Notice(
                    where=where,
                    message=_(
                        "The document names no result above its first items: they are put under a result "
                        "named after the plan; give it its title before committing or after."
                    ),
                )
            )
        return self.result

    def _current_output(self, where: str) -> Output:
        if self.output is None:
            result = self._current_result(where)
            output = Output(code=result.code, title=result.title, where=where)
            self._made.add(id(output))
            result.outputs.append(output)
            self.output = output
            self.warnings.append(
                Notice(
                    where=where,
                    message=_(
                        "The document names no output above these activities: they are put under an "
                        "output that repeats their result."
                    ),
                )
            )
        return self.output

    # --- the end ---------------------------------------------------------------------------------

    def finish(self) -> tuple[list[Result], list[Notice], list[Question]]:
        """Return the tree with every code and key set, and the warnings and entity questions."""
        for r_index, result in enumerate(self.results):
            result.code = self._code(result, r_index, [x.code for x in self.results[:r_index]], prefix="")
            result.key = f"results.{r_index}"
            for o_index, output in enumerate(result.outputs):
                if id(output) in self._made and not output.code:
                    output.code = result.code
                output.code = self._code(
                    output, o_index, [x.code for x in result.outputs[:o_index]], prefix=f"{result.code}."
                )
                output.key = f"{result.key}.outputs.{o_index}"
                for a_index, activity in enumerate(output.activities):
                    activity.code = self._code(
                        activity, a_index, [x.code for x in output.activities[:a_index]], prefix=""
                    )
                    activity.key = f"{output.key}.activities.{a_index}"
        return self.results, self.warnings, self._resolve_names()

    def _code(self, item: Result | Output | Activity, index: int, taken: list[str], *, prefix: str) -> str:
        code = item.code
        if not code:
            code = f"{prefix}{index + 1}"
            if id(item) not in self._made:
                self.warnings.append(
                    Notice(
                        where=item.where,
                        message=_("“%(title)s” has no code; it is given %(code)s from its place.")
                        % {"title": _short(item.title), "code": code},
                    )
                )
        if code in taken:
            base, n = code, 2
            while f"{base}-{n}" in taken:
                n += 1
            code = f"{base}-{n}"
            self.warnings.append(
                Notice(
                    where=item.where,
                    message=_(
                        "The code %(base)s is used twice at the same level; the second is given %(code)s."
                    )
                    % {"base": base, "code": code},
                )
            )
        return code

    def _resolve_names(self) -> list[Question]:
        recogniser = self.recogniser
        named = [
            (item, recogniser.entities(item.lead), recogniser.entities(item.partners))
            for item in self.pending
        ]
        # A unit such as "PMU" may be any of the entities the document names elsewhere.
        counts = Counter(
            m.acronym for _item, lead, partners in named for m in [*lead, *partners] if m.acronym
        )
        context = [acronym for acronym, _n in counts.most_common()]
        asker = EntityQuestions(recogniser)
        for item, lead, partners in named:
            activity = item.activity
            if any(match.generic for match in [*lead, *partners]):
                lead = recogniser.entities(item.lead, context=context)
                partners = recogniser.entities(item.partners, context=context)
            activity.lead = asker.resolve(lead, key=activity.key, field_name="lead", where=item.where)
            if item.quiet_partners is not None:
                partners_found = item.quiet_partners
            else:
                partners_found = asker.resolve(
                    partners, key=activity.key, field_name="partners", where=item.where
                )
            activity.partners = [acronym for acronym in partners_found if acronym not in activity.lead]
            written = tuple(
                part for part in (item.lead, item.partners or item.partners_text) if fold(part) not in _EMPTY
            )
            if any(written):
                activity.entities_text = "; ".join(part for part in written if part)
            codes: list[str] = []
            if item.countries:
                codes, unknown = recogniser.countries(item.countries)
                activity.countries_text = activity.countries_text or item.countries
                for name in unknown:
                    self.warnings.append(
                        Notice(
                            where=item.where,
                            message=_("“%(name)s” is not a country rcphub knows; it is kept as written.")
                            % {"name": name},
                            key=activity.key,
                        )
                    )
            activity.countries = list(dict.fromkeys([*codes, *item.title_countries]))
        self.warnings.extend(asker.notices)
        return asker.questions


_EMPTY = frozenset({"", "-", "–", "—", "n/a", "none"})


@functools.cache
def _no_status_in(language: str | None) -> frozenset[str]:
    return frozenset(
        {
            fold(str(_("No report yet"))),
            fold(str(_("No status given"))),
            "no report yet",
            "no status given",
        }
    )


def _no_status() -> frozenset[str]:
    """Return the words that say no status is given, as rcphub's export writes them (in any language)."""
    return _no_status_in(get_language())


def _extend(target: list[str], values: Iterable[str]) -> None:
    for value in values:
        if value not in target:
            target.append(value)


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


# --- the document ---------------------------------------------------------------------------------


@dataclass
class _Reader:
    document: Document
    recogniser: Recogniser
    tree: TreeBuilder
    title: str = ""
    title_where: str = ""
    period: tuple[int, int] | None = None
    heading_levels: list[int] = field(default_factory=list)  # outline levels of results, outputs

    def read(self) -> None:
        for block in self.document.blocks:
            if isinstance(block, Heading):
                self.heading(block)
            elif isinstance(block, Paragraph):
                self.paragraph(block)
            else:
                self.table(block)

    # --- headings and paragraphs ---

    def heading(self, heading: Heading) -> None:
        where = str(heading.where)
        notes = self.document.footnote_texts(heading.footnote_refs)
        if heading.level == 0:
            self._set_title(heading.text, where)
            return
        coded = split_code(f"{heading.label} {heading.text}" if heading.label else heading.text)
        level = coded.level
        if not level and (coded.code or heading.label):
            if heading.level not in self.heading_levels:
                self.heading_levels.append(heading.level)
                self.heading_levels.sort()
            depth = self.heading_levels.index(heading.level)
            level = ("result", "output", "activity")[min(depth, 2)]
        elif level in ("result", "output") and heading.level not in self.heading_levels:
            self.heading_levels.append(heading.level)
            self.heading_levels.sort()
        if level == "result":
            self.tree.add_result(coded.code, coded.title, where=where, footnotes=notes)
        elif level == "output":
            self.tree.add_output(coded.code, coded.title, where=where, footnotes=notes)
        elif level == "activity":
            self._activity_from_text(coded.code, coded.title, where=where, footnotes=notes)
        elif not self.tree.results and not self.title:
            self._set_title(heading.text, where)
        else:
            self._describe(heading.text)

    def paragraph(self, paragraph: Paragraph) -> None:
        where = str(paragraph.where)
        notes = self.document.footnote_texts(paragraph.footnote_refs)
        text = paragraph.text.strip()
        if not text:
            return
        coded = split_code(f"{paragraph.label} {text}" if paragraph.label else text)
        if coded.level == "result":
            self.tree.add_result(coded.code, coded.title, where=where, footnotes=notes)
        elif coded.level == "output":
            self.tree.add_output(coded.code, coded.title, where=where, footnotes=notes)
        elif coded.level == "activity" or (paragraph.label and self.tree.output is not None):
            self._activity_from_text(coded.code, coded.title, where=where, footnotes=notes)
        elif paragraph.label and coded.code and self.tree.result is not None and "." in coded.code:
            self.tree.add_output(coded.code, coded.title, where=where, footnotes=notes)
        elif paragraph.label and coded.code and self.tree.result is None:
            self.tree.add_result(coded.code, coded.title, where=where, footnotes=notes)
        elif paragraph.label and coded.code:
            self._activity_from_text(coded.code, coded.title, where=where, footnotes=notes)
        else:
            item = self.tree.last_item()
            if item is None:
                if not self.title and self.document.format == "pdf":
                    self._set_title(text, where)
                return
            self._describe(text)
            _extend(item.footnotes, notes)

    def _describe(self, text: str) -> None:
        item = self.tree.last_item()
        if item is not None:
            item.description = f"{item.description}\n{text}".strip()

    def _activity_from_text(
        self, code: str, title: str, *, where: str, footnotes: list[str], description: str = ""
    ) -> None:
        title, countries_text, found = self._countries_in_title(title)
        activity = Activity(
            code=code,
            title=title,
            where=where,
            footnotes=footnotes,
            description=description,
            countries_text=countries_text,
        )
        self.tree.add_activity(activity, title_countries=found)

    def _countries_in_title(self, title: str) -> tuple[str, str, list[str]]:
        """Return the title without a closing bracket that lists countries, the list as written, the codes."""
        bracket = _TRAILING_BRACKET.search(title)
        if bracket:
            codes, unknown = self.recogniser.countries(bracket.group(1))
            if codes and not unknown:
                return title[: bracket.start()].rstrip(), bracket.group(1).strip(), codes
        codes, _unknown = self.recogniser.countries(title)
        return title, "", codes

    def _set_title(self, text: str, where: str) -> None:
        if not self.title and text.strip():
            self.title, self.title_where = " ".join(text.split()), where

    # --- tables ---

    def table(self, table: Table) -> None:
        if self._about(table):
            return
        roles = column_roles(table.header)
        if "activity" not in roles and "activity_title" not in roles:
            if table.body:
                self.tree.warnings.append(
                    Notice(
                        where=str(table.where),
                        message=_("This table is not read: none of its columns is an activity column."),
                    )
                )
            return
        if table.title:
            self._set_title(table.title, str(table.where))
        for row in table.body:
            if row.is_empty():
                continue
            self.row(row, roles)

    def _about(self, table: Table) -> bool:
        """Read the export's About sheet (label | value rows): the plan's title and period."""
        if table.width != 2:
            return False
        facts = {fold(row.cells[0].text): row.cells[1] for row in table.rows if len(row.cells) == 2}
        title = facts.get(fold(_("Work plan"))) or facts.get("work plan")
        if title is None:
            return False
        self._set_title(title.text, str(table.where))
        period = facts.get(fold(_("Period"))) or facts.get("period")
        if period is not None:
            self.period = year_from_text(period.text)
        return True

    def row(self, row: Row, roles: dict[str, int]) -> None:
        where = str(row.where)
        view = _RowView(row, roles, self.document)
        if row.is_heading_row:
            heading = row.cells[0]
            coded = split_code(f"{heading.label} {heading.text}" if heading.label else heading.text)
            footnotes = self.document.footnote_texts(heading.footnote_refs)
            if coded.level == "output":
                self.tree.add_output(coded.code, coded.title, where=where, footnotes=footnotes)
            elif coded.level == "activity":
                self._activity_from_text(coded.code, coded.title, where=where, footnotes=footnotes)
            else:
                self.tree.add_result(coded.code, coded.title, where=where, footnotes=footnotes)
            return
        level = LEVEL_WORDS.get(fold(view.text("level")), "") if "level" in roles else ""
        listed = [line.strip() for line in view.text("footnotes").splitlines() if line.strip()]
        result_code, result_title = _code_and_title(view.cell("result"), view.cell("result_title"))
        if result_code or result_title:
            current = self.tree.result
            if (
                current is None
                or (current.code, current.title) != (result_code, result_title)
                or level == "result"
            ):
                footnotes = [*view.notes("result", "result_title"), *(listed if level == "result" else [])]
                self.tree.add_result(result_code, result_title, where=where, footnotes=footnotes)
        if level == "result":
            return
        output_code, output_title = _code_and_title(view.cell("output"), view.cell("output_title"))
        if output_code or output_title:
            output = self.tree.output
            if (
                output is None
                or (output.code, output.title) != (output_code, output_title)
                or level == "output"
            ):
                footnotes = [*view.notes("output", "output_title"), *(listed if level == "output" else [])]
                self.tree.add_output(output_code, output_title, where=where, footnotes=footnotes)
        if level == "output":
            return
        self._activity_row(view, where=where, listed=listed)

    def _activity_row(self, view: _RowView, *, where: str, listed: list[str]) -> None:
        split_columns = "activity_title" in view.roles
        title_cell = view.cell("activity_title" if split_columns else "activity")
        code_cell = view.cell("activity" if split_columns else "code")
        if title_cell is None or not title_cell.text.strip():
            return
        paragraphs = title_cell.paragraphs or title_cell.text.splitlines()
        labels = title_cell.labels or [""] * len(paragraphs)
        numbered = [
            (label, text.strip()) for label, text in zip(labels, paragraphs, strict=False) if text.strip()
        ]
        label, first = numbered[0] if numbered else ("", title_cell.text.strip())
        coded = split_code(f"{label} {first}" if label else first)
        code, title = coded.code, (coded.title if coded.code else first)
        if code_cell is not None and code_cell.text.strip():
            value = code_cell.value
            code = (
                code_from_value(value) if isinstance(value, int | float) else normalise_code(code_cell.text)
            ) or code
        description = "\n".join([*(text for _label, text in numbered[1:]), view.text("description")]).strip()
        item_cells = {
            view.roles[role]
            for role in ("result", "result_title", "output", "output_title")
            if role in view.roles
        }
        refs = [
            ref
            for index, c in enumerate(view.row.cells)
            if index not in item_cells and not c.covered
            for ref in c.footnote_refs
        ]
        footnotes = list(dict.fromkeys([*self.document.footnote_texts(refs), *listed]))
        title, countries_text, title_countries = self._countries_in_title(title)
        status_text = view.text("status_text") or view.text("status")
        if fold(status_text) in _no_status():
            status_text = ""  # rcphub's own export says so where no status is reported
        status = progress_status_from_text(status_text) if status_text else None
        if status_text and status is None:
            self.tree.warnings.append(
                Notice(
                    where=where,
                    message=_("The status “%(status)s” is not one rcphub knows; it is kept as written.")
                    % {"status": status_text},
                )
            )
        start_on, start_text = _date(view.cell("start"))
        end_on, end_text = _date(view.cell("end"))
        activity = Activity(
            code=code,
            title=title,
            where=where,
            description=description,
            countries_text=countries_text,
            sdg_targets=self.recogniser.sdg_targets(view.text("sdg")),
            due_text=view.text("timing") or " – ".join(part for part in (start_text, end_text) if part),
            start_on=start_on,
            end_on=end_on,
            status=str(status or ""),
            status_text=status_text,
            footnotes=footnotes,
        )
        self.tree.add_activity(
            activity,
            lead=view.text("lead"),
            partners=view.text("partners"),
            countries=view.text("countries"),
            title_countries=title_countries,
        )


@dataclass
class _RowView:
    """A table row read by the roles of its columns."""

    row: Row
    roles: dict[str, int]
    document: Document

    def cell(self, role: str) -> Cell | None:
        index = self.roles.get(role)
        return self.row.cells[index] if index is not None and index < len(self.row.cells) else None

    def text(self, role: str) -> str:
        found = self.cell(role)
        return found.text.strip() if found is not None else ""

    def notes(self, *roles: str) -> list[str]:
        refs = [
            ref for role in roles if (found := self.cell(role)) is not None for ref in found.footnote_refs
        ]
        return self.document.footnote_texts(refs)


def _code_and_title(code_cell: Cell | None, title_cell: Cell | None) -> tuple[str, str]:
    """Return an item's code and title from its code and title columns, or one column holding both."""
    if title_cell is not None:
        code = ""
        if code_cell is not None and code_cell.text.strip():
            value = code_cell.value
            code = (
                code_from_value(value) if isinstance(value, int | float) else normalise_code(code_cell.text)
            )
        return code, " ".join(title_cell.text.split())
    if code_cell is None or not code_cell.text.strip():
        return "", ""
    coded = split_code(code_cell.text)
    return coded.code, coded.title


def _date(cell: Cell | None) -> tuple[date | None, str]:
    """Return a date cell's date, or None and its text where it holds no date."""
    if cell is None or not cell.text.strip():
        return None, ""
    if isinstance(cell.value, date):
        return cell.value, ""
    try:
        return date.fromisoformat(cell.text.strip()[:10]), ""
    except ValueError:
        return None, cell.text.strip()


def _year_question(proposal: Proposal, where: str) -> None:
    proposal.questions.append(
        Question(
            id="year",
            about="year",
            text=proposal.title,
            where=where,
            default="",
        )
    )


def interpret_workplan(document: Document, *, recogniser: Recogniser) -> Proposal:
    """Return the work plan a document holds (kind "workplan"), with its warnings and questions."""
    tree = TreeBuilder(recogniser=recogniser, fallback_title=PurePath(document.filename).stem)
    reader = _Reader(document=document, recogniser=recogniser, tree=tree)
    reader.read()
    results, warnings, questions = tree.finish()
    title = reader.title or PurePath(document.filename).stem
    proposal = Proposal(kind="workplan", title=title, filename=document.filename, results=results)
    proposal.warnings = [
        *(Notice(where=str(w.where), message=w.message) for w in document.warnings),
        *warnings,
    ]
    proposal.questions = questions
    if not results:
        proposal.warnings.append(Notice(where="", message=_("No result, output or activity was found.")))
    fill_period(proposal, reader.period or year_from_text(title) or year_from_text(document.filename))
    if proposal.year is None:
        _year_question(proposal, reader.title_where or str(Source()))
    return proposal


def fill_period(proposal: Proposal, years: tuple[int, int] | None) -> None:
    """Set the proposal's year and period from the years its title names (a calendar year each)."""
    if years is None:
        return
    proposal.year = years[0]
    proposal.period_start = date(years[0], 1, 1)
    proposal.period_end = date(years[1], 12, 31)

"""Which kind of document a file is, and the interpreter that reads it.

`detect_kind(document)` reads the kind from the words of its table headers and headings:

- a column or heading "Management response" (a review's status-of-implementation table) → "review";
- a column "Action item"/"Action" or a "Component" heading row, with a "Due"/"Deadline"/"Timeline"
  column → "plan_of_action";
- UN INFO's columns (outcome, output, sub-output, agencies) → "uninfo";
- a column or heading naming results, outputs or activities, or numbered headings → "workplan";
- else None: the person says which kind it is.

`interpret(document, kind)` reads the document as that kind (detected where not given) and raises
`ValidationError`, naming the file and saying what was expected and what was found, where the kind
does not match the document (a "review" asked of a work plan). Where nothing in the document says its
kind, the interpreter asked for reads it and says what it misses. The review and plan-of-action
interpreters (review.py, plan_of_action.py) are imported when asked for.
"""

from __future__ import annotations

import importlib

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rcphub.importers.interpret.codes import split_code
from rcphub.importers.interpret.proposal import KINDS, Kind, Proposal
from rcphub.importers.interpret.recognise import Recogniser, fold
from rcphub.importers.interpret.uninfo import interpret_uninfo, is_uninfo_table
from rcphub.importers.interpret.workplan import column_roles, interpret_workplan
from rcphub.importers.readers.model import Document, Heading, Paragraph

__all__ = ["KIND_NAMES", "detect_kind", "interpret"]

KIND_NAMES: dict[str, str | Promise] = {
    "workplan": gettext_lazy("work plan"),
    "review": gettext_lazy("review (status of implementation)"),
    "plan_of_action": gettext_lazy("plan of action"),
    "uninfo": gettext_lazy("UN INFO joint work plan export"),
}
_RESPONSE_WORDS = (
    "management response",
    "response of management",
    "ответ руководства",
    "réponse de la direction",
)
_ACTION_WORDS = ("action item", "action items", "action", "actions", "action to be taken", "key action")
_DUE_WORDS = (
    "due",
    "due date",
    "deadline",
    "timeline",
    "timeframe",
    "time frame",
    "by when",
    "срок",
    "échéance",
)


def _headers(document: Document) -> list[list[str]]:
    return [[fold(name) for name in table.header] for table in document.tables]


def _has(names: list[str], words: tuple[str, ...]) -> bool:
    return any(name in words or any(name.startswith(f"{word} ") for word in words) for name in names)


def detect_kind(document: Document) -> Kind | None:
    """Return the kind of the document from its headers and headings, or None where nothing says."""
    headers = _headers(document)
    headings = [fold(heading.text) for heading in document.headings]
    if any(_has(names, _RESPONSE_WORDS) for names in headers) or any(
        "management response" in text for text in headings
    ):
        return "review"
    if any(is_uninfo_table(table) for table in document.tables):
        return "uninfo"
    component_rows = any(
        row.is_heading_row and split_code(row.cells[0].text).level == "component"
        for table in document.tables
        for row in table.rows
    )
    for names in headers:
        if _has(names, _DUE_WORDS) and (_has(names, _ACTION_WORDS) or component_rows):
            roles = column_roles(names)
            if "result" not in roles and "output" not in roles:
                return "plan_of_action"
    for table in document.tables:
        roles = column_roles(table.header)
        if {"activity", "activity_title", "result", "output"} & set(roles):
            return "workplan"
    blocks: list[Heading | Paragraph] = [*document.headings, *document.paragraphs]
    for block in blocks:
        coded = split_code(f"{block.label} {block.text}" if block.label else block.text)
        if coded.level in ("result", "output"):
            return "workplan"
    return None


def _found(document: Document) -> str:
    """Say what the document holds, for a message: its tables' columns, else its headings."""
    if document.tables:
        table = document.tables[0]
        columns = ", ".join(f"“{name}”" for name in table.header if name) or _("no column names")
        return _("%(count)s table(s), the first with the columns %(columns)s") % {
            "count": len(document.tables),
            "columns": columns,
        }
    headings = [heading.text for heading in document.headings[:3]]
    if headings:
        return _("no table; headings such as %(headings)s") % {
            "headings": "; ".join(f"“{h}”" for h in headings)
        }
    return _("no table and no heading")


def interpret(
    document: Document, kind: Kind | None = None, *, recogniser: Recogniser | None = None
) -> Proposal:
    """Return what the document proposes to create, read as `kind` (detected where None).

    Raise ValidationError naming the file where the kind cannot be told, is not one rcphub imports,
    or does not match the document: what was expected and what was found.
    """
    detected = detect_kind(document)
    if kind is None:
        if detected is None:
            raise ValidationError(
                _(
                    "%(file)s: the kind of document cannot be told from it (found %(found)s); say whether it "
                    "is a work plan, a review, a plan of action or a UN INFO export."
                )
                % {"file": document.filename, "found": _found(document)}
            )
        kind = detected
    if kind not in KINDS:
        raise ValidationError(
            _("%(file)s: “%(kind)s” is not a kind rcphub imports (%(kinds)s).")
            % {"file": document.filename, "kind": kind, "kinds": ", ".join(KINDS)}
        )
    compatible = {kind} | ({"workplan", "uninfo"} if kind == "workplan" else set())
    # Where nothing in the document says its kind, the interpreter asked for looks for what it needs.
    if detected is not None and detected not in compatible:
        raise ValidationError(
            _("%(file)s: expected a %(expected)s, but found %(found)s, which reads as %(detected)s.")
            % {
                "file": document.filename,
                "expected": KIND_NAMES[kind],
                "found": _found(document),
                "detected": KIND_NAMES[detected],
            }
        )
    recogniser = recogniser or Recogniser.from_reference()
    if kind in ("review", "plan_of_action"):
        # Imported when asked for: the review and plan-of-action interpreters live beside this module.
        module = importlib.import_module(f"rcphub.importers.interpret.{kind}")
        reader = module.interpret_review if kind == "review" else module.interpret_plan_of_action
        read: Proposal = reader(document, recogniser=recogniser)
        return read
    if kind == "uninfo" or (kind == "workplan" and detected == "uninfo"):
        return interpret_uninfo(document, recogniser=recogniser)
    proposal = interpret_workplan(document, recogniser=recogniser)
    if not proposal.results:
        raise ValidationError(
            _("%(file)s: expected a work plan (results, outputs, activities), but found %(found)s.")
            % {"file": document.filename, "found": _found(document)}
        )
    return proposal

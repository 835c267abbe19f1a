"""What an import proposes to create: one typed tree per kind, stored as JSON between preview and commit.

An interpreter turns a read `Document` into a `Proposal`; the preview shows it, the person answers its
`questions`, and the commit creates exactly what it holds. Nothing here touches the database: a proposal
names entities, countries and SDG targets by their codes (acronym, ISO3, "8.7"), resolved by the
interpreter against the reference data, and keeps the text as written beside them.

`Proposal.to_json()` is the JSON of `import_document --dry-run --json` and of the API's preview
(documented in docs/import.md); `proposal_from_json()` rebuilds the tree from it, so an import stored at
preview is committed later, in another process, unchanged.

Every item has `where`, the place it was read ("page 3, table 2, row 5"), and `key`, its address in the
tree ("results.0.outputs.1.activities.3"), which questions and warnings point at.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Kind = Literal["workplan", "review", "plan_of_action", "uninfo"]
KINDS: tuple[Kind, ...] = ("workplan", "review", "plan_of_action", "uninfo")


@dataclass
class Notice:
    """Something the person should know or check: an unrecognised country, a row with no code."""

    where: str
    message: str
    key: str = ""  # the item it is about, "" for the whole document


@dataclass
class Choice:
    """One possible answer to a question: the value committed and what the person reads."""

    value: str
    label: str


@dataclass
class Question:
    """Something the person must decide before the commit.

    `about` says what is asked: "entity" (an ambiguous or unknown acronym: the value is an entity's
    acronym, or "" to leave it out, keeping the text as written), "coalition" (the coalition a work plan
    belongs to: its slug), "organisation" (the entity a review belongs to), "round_date" (the date a
    round of statuses is as at: ISO date), "year" (a work plan's year). `keys` are the items whose field
    the answer fills; `text` is what the document says. `answer` is "" until answered; `default` is
    the interpreter's best guess, offered first.
    """

    id: str
    about: Literal["entity", "coalition", "organisation", "round_date", "year"]
    text: str
    where: str
    choices: list[Choice] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    default: str = ""
    answer: str = ""
    required: bool = True


@dataclass
class Activity:
    code: str
    title: str
    key: str = ""
    where: str = ""
    description: str = ""
    countries: list[str] = field(default_factory=list)  # ISO3
    countries_text: str = ""
    lead: list[str] = field(default_factory=list)  # entity acronyms
    partners: list[str] = field(default_factory=list)
    entities_text: str = ""
    sdg_targets: list[str] = field(default_factory=list)  # "8.7"
    due_text: str = ""
    start_on: date | None = None
    end_on: date | None = None
    status: str = ""  # a ProgressStatus value, "" for none given
    status_text: str = ""
    budget: dict[str, float] = field(default_factory=dict)  # year -> amount (UN INFO)
    footnotes: list[str] = field(default_factory=list)


@dataclass
class Output:
    code: str
    title: str
    key: str = ""
    where: str = ""
    description: str = ""
    footnotes: list[str] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)


@dataclass
class Result:
    code: str
    title: str
    key: str = ""
    where: str = ""
    description: str = ""
    footnotes: list[str] = field(default_factory=list)
    outputs: list[Output] = field(default_factory=list)


@dataclass
class Commitment:
    """A recommendation of a review, or an action item of a plan of action."""

    number: str
    title: str = ""
    text: str = ""
    key: str = ""
    where: str = ""
    response: str = ""  # a ManagementResponse value or ""
    response_text: str = ""
    responsible: list[str] = field(default_factory=list)  # as written, one per entity named
    responsible_entities: list[str] = field(default_factory=list)  # acronyms resolved
    responsible_text: str = ""
    due_text: str = ""
    due_on: date | None = None
    comment: str = ""
    status: str = ""  # a FollowUpStatus value, "" for none given
    status_text: str = ""


@dataclass
class Group:
    """A plan of action's component (or a review's cluster of recommendations)."""

    title: str
    code: str = ""
    key: str = ""
    where: str = ""
    items: list[Commitment] = field(default_factory=list)


@dataclass
class Proposal:
    """What one document proposes to create, with what the person must check and decide.

    Work plans (kind "workplan" and "uninfo") fill `results`, `year` and `coalition`; reviews fill
    `commitments`, `issued`, `issued_precision`, `as_at` and `round_title`; plans of action fill
    `groups` (and `as_at` where the document gives statuses as at a date).
    """

    kind: Kind
    title: str
    filename: str = ""
    coalition: str = ""  # slug, for work plans
    organisation: str = ""  # entity acronym, for reviews and plans of action
    year: int | None = None
    period_start: date | None = None
    period_end: date | None = None
    issued: date | None = None
    issued_precision: str = ""  # "day", "month", "year" (followup.models.DatePrecision)
    as_at: date | None = None
    round_title: str = ""
    results: list[Result] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Return the proposal as JSON-ready data (dates as ISO text), the keys each kind uses only."""
        data = _plain(self)
        unused = {
            "workplan": ("commitments", "groups", "issued", "issued_precision", "organisation"),
            "uninfo": ("commitments", "groups", "issued", "issued_precision", "organisation"),
            "review": ("results", "groups", "year", "period_start", "period_end", "coalition"),
            "plan_of_action": ("results", "commitments", "year", "period_start", "period_end", "coalition"),
        }[self.kind]
        for name in unused:
            data.pop(name)
        return data

    def unanswered(self) -> list[Question]:
        """Return the required questions with no answer yet."""
        return [q for q in self.questions if q.required and not q.answer]

    def item_count(self) -> int:
        """Return how many items the commit would create (results, outputs, activities, commitments …)."""
        tree = sum(
            1 + len(result.outputs) + sum(len(output.activities) for output in result.outputs)
            for result in self.results
        )
        return tree + len(self.commitments) + sum(1 + len(group.items) for group in self.groups)


def _plain(value: Any) -> Any:
    """Return dataclasses, lists and dates as JSON-ready data (as dataclasses.asdict, without its copies)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


_DATES = {"start_on", "end_on", "due_on", "period_start", "period_end", "issued", "as_at"}


def _build(cls: type, data: dict[str, Any]) -> Any:
    nested = {
        "results": Result,
        "outputs": Output,
        "activities": Activity,
        "commitments": Commitment,
        "items": Commitment,
        "groups": Group,
        "warnings": Notice,
        "questions": Question,
        "choices": Choice,
    }
    names = {f.name for f in dataclasses.fields(cls)}
    values: dict[str, Any] = {}
    for name, value in data.items():
        if name not in names:
            continue
        if name in nested and isinstance(value, list):
            value = [_build(nested[name], item) for item in value]
        elif name in _DATES:
            value = _date(value)
        values[name] = value
    return cls(**values)


def proposal_from_json(data: dict[str, Any]) -> Proposal:
    """Rebuild a proposal from `Proposal.to_json()`'s data."""
    proposal: Proposal = _build(Proposal, data)
    return proposal

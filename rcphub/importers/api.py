"""API on imports: upload a document for its preview, read an import, commit it with the answers.

The same services and predicates as the pages. Signing in is required (401 otherwise); an import the
caller may not see, or may not commit, answers 404 like a missing one; a stale `version` 409; bad input
(an unreadable file, a kind that does not fit, a wrong or missing answer) 422 naming the field or the
question, with nothing written.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile

from rcphub.api.schemas import BodyIn
from rcphub.importers import selectors, services
from rcphub.importers.interpret.proposal import proposal_from_json
from rcphub.importers.models import Import, ImportKind, ImportState

router = Router(tags=["imports"])

MAX_ID = 2**63 - 1
VERSION = "The import's `version` you read; 409 if someone answered or committed it since."


class ErrorOut(Schema):
    detail: Any = Field(
        description="A message (401, 404, 409), or for 422 a list of `{loc, msg, type}` whose `loc` names the "
        "field (`file`, `kind`, `coalition`, `organisation`) or the question's id."
    )


class NoticeOut(Schema):
    where: str = Field(description="Where in the document: “page 3, table 2, row 5”.")
    message: str
    key: str = Field(description="The item it is about (“results.0.outputs.1”), empty for the document.")


class ChoiceOut(Schema):
    value: str = Field(description="What to send as the answer (“” to leave the entity out).")
    label: str


class QuestionOut(Schema):
    id: str = Field(description="Send answers as `{id: value}`.")
    about: str = Field(description="entity, coalition, organisation, round_date (YYYY-MM-DD) or year.")
    text: str
    where: str
    choices: list[ChoiceOut] = Field(description="Where given, the answer must be one of their values.")
    keys: list[str]
    default: str = Field(description="The interpreter's best guess.")
    answer: str
    required: bool


class CreatedOut(Schema):
    type: str = Field(description="“workplan” or “review”.")
    id: int
    url: str = Field(description="The page of what was created.")


class ImportOut(Schema):
    id: int
    state: ImportState
    kind: ImportKind
    filename: str
    size: int
    sha256: str
    coalition: str | None = Field(description="The slug of the coalition a work plan is imported into.")
    organisation: str | None = Field(description="The acronym of the organisation a review is imported for.")
    version: int = Field(description="Send it back with the commit.")
    created_at: datetime
    committed_at: datetime | None
    proposal: dict[str, Any] = Field(description="What the commit creates, as documented in docs/import.md.")
    warnings: list[NoticeOut]
    questions: list[QuestionOut]
    unanswered: list[str] = Field(description="The ids of the required questions with no answer yet.")
    log: list[str]
    created: CreatedOut | None


class CommitIn(BodyIn):
    answers: dict[str, str] = Field(
        default_factory=dict, description="Answers by question id; each checked against its question."
    )
    version: int = Field(ge=1, le=MAX_ID, description=VERSION)


class CommitOut(CreatedOut):
    import_id: int
    state: ImportState


class UploadIn(BodyIn):
    kind: ImportKind | None = Field(None, description="Left out: detected from the document.")
    coalition: str | None = Field(None, max_length=100, description="For a work plan: the coalition's slug.")
    organisation: str | None = Field(
        None, max_length=40, description="For a review or a plan of action: the organisation's acronym."
    )


def _created(import_: Import) -> dict[str, Any] | None:
    if import_.created_id is None or import_.created_type_id is None:
        return None
    model = import_.created_type.model if import_.created_type else ""
    return {"type": model, "id": import_.created_id, "url": import_.created_url}


def _out(import_: Import) -> dict[str, Any]:
    proposal = proposal_from_json(import_.proposal)
    data = import_.proposal
    return {
        "id": import_.pk,
        "state": import_.state,
        "kind": import_.kind,
        "filename": import_.filename,
        "size": import_.size,
        "sha256": import_.sha256,
        "coalition": import_.coalition.slug if import_.coalition else None,
        "organisation": import_.organisation.acronym if import_.organisation else None,
        "version": import_.version,
        "created_at": import_.created_at,
        "committed_at": import_.committed_at,
        "proposal": data,
        "warnings": data.get("warnings", []),
        "questions": data.get("questions", []),
        "unanswered": [question.id for question in proposal.unanswered()],
        "log": [str(line) for line in import_.log],
        "created": _created(import_),
    }


def _signed_in(request: HttpRequest) -> None:
    if not request.user.is_authenticated:
        raise HttpError(401, _("Sign in to see imports."))


ERRORS: dict[int, Any] = {401: ErrorOut, 404: ErrorOut, 422: ErrorOut}


@router.post("/imports", response={201: ImportOut, **ERRORS})
def upload_import(request: HttpRequest, payload: Form[UploadIn], file: File[UploadedFile]) -> Status[Any]:
    """Upload a document (multipart: `file`, `kind`, `coalition` or `organisation`) and get its preview.

    Nothing is created until the commit. The same file committed before into the same coalition or
    organisation is refused (422 on `file`, naming the earlier import).
    """
    _signed_in(request)
    coalition = organisation = None
    if payload.coalition:
        coalition = (
            selectors.import_coalitions(user=request.user).filter(slug=payload.coalition.strip()).first()
        )
        if coalition is None:
            raise ValidationError(
                {
                    "coalition": _("Unknown coalition “%(value)s”, or not one you may import into.")
                    % {"value": payload.coalition}
                }
            )
    if payload.organisation:
        organisation = (
            selectors.import_organisations(user=request.user)
            .filter(acronym=payload.organisation.strip())
            .first()
        )
        if organisation is None:
            raise ValidationError(
                {
                    "organisation": _("Unknown organisation “%(value)s”, or not one you may import for.")
                    % {"value": payload.organisation}
                }
            )
    import_ = services.import_preview(
        file=file,
        filename=file.name or "",
        kind=payload.kind.value if payload.kind else None,
        coalition=coalition,
        organisation=organisation,
        by=request.user,
    )
    return Status(201, _out(import_))


@router.get("/imports/{import_id}", response={200: ImportOut, **ERRORS})
def get_import(request: HttpRequest, import_id: int) -> Any:
    """Show an import you may see: its state, proposal, warnings, questions, log and what it created."""
    _signed_in(request)
    return _out(selectors.import_get(import_id=import_id, user=request.user))


@router.post("/imports/{import_id}/commit", response={200: CommitOut, 409: ErrorOut, **ERRORS})
def commit_import(request: HttpRequest, import_id: int, payload: CommitIn) -> Any:
    """Answer the questions and create what the import proposes, all or nothing.

    422 names each question left unanswered or answered wrongly (its id in `loc`); nothing is written.
    """
    _signed_in(request)
    import_ = selectors.import_get_for_commit(import_id=import_id, user=request.user)
    services.import_commit(
        import_=import_, answers=payload.answers, by=request.user, expected_version=payload.version
    )
    created = _created(import_) or {}
    return {**created, "import_id": import_.pk, "state": import_.state}

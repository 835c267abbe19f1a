"""Writes on imports: preview a document, answer its questions, commit it (or cancel it).

The flow: `import_preview` reads the file (`readers.read_document`), interprets it
(`interpret.detect.interpret`) and stores the `Import` with its proposal; `import_answer` records the
person's answers, each checked against its question; `import_commit` creates what the proposal holds,
in one transaction, through the work-plan and follow-up services (`commit.py`), and records who
committed it and what it created. A commit that fails writes nothing: the import stays open, with the
error in its log. The same file committed before into the same coalition or organisation is refused,
naming the earlier import; one previewed and never committed may be previewed again.
"""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from rcphub.coalitions.models import Coalition
from rcphub.core.dates import today
from rcphub.core.errors import ConflictError
from rcphub.importers.commit import ISSUED_QUESTION, commit_proposal
from rcphub.importers.interpret.proposal import KINDS, Proposal, Question, proposal_from_json
from rcphub.importers.models import (
    IMPORT_TRANSITIONS,
    REVIEW_KINDS,
    WORKPLAN_KINDS,
    Import,
    ImportKind,
    ImportState,
)
from rcphub.importers.permissions import can_commit_import, can_import_review, can_import_workplan
from rcphub.importers.readers import read_document
from rcphub.importers.readers.limits import check_size, max_bytes
from rcphub.importers.selectors import import_coalitions, import_organisations
from rcphub.reference.models import Entity


class DuplicateImportError(ValidationError):
    """The same file was committed before into the same coalition or organisation."""

    def __init__(self, earlier: Import) -> None:
        self.earlier = earlier
        message = _(
            "This file was already imported on %(date)s (import %(id)s, %(url)s); it is not imported twice. "
            "Change what it created there instead."
        ) % {
            "date": date_format(timezone.localtime(earlier.committed_at or earlier.created_at), "j F Y"),
            "id": earlier.pk,
            "url": reverse("importers:detail", args=[earlier.pk]),
        }
        super().__init__({"file": ValidationError(message, code="duplicate")})


# ---------------------------------------------------------------------------------------------
# Preview


def _file_bytes(file: str | os.PathLike[str] | IO[bytes] | bytes, filename: str) -> bytes:
    """Return the upload's bytes, refused over the size limit before more than the limit is read."""
    limit = max_bytes()
    if isinstance(file, bytes):
        data = file
    elif isinstance(file, str | os.PathLike):
        path = Path(file)
        check_size(path.stat().st_size, filename=filename)
        data = path.read_bytes()
    else:
        size = getattr(file, "size", None)
        if isinstance(size, int):
            check_size(size, filename=filename)
        if hasattr(file, "seek"):
            file.seek(0)
        data = file.read(limit + 1)
    check_size(len(data), filename=filename)
    return data


def _require_target(
    *, kind: str | None, coalition: Coalition | None, organisation: Entity | None, by: Any
) -> None:
    """Refuse a target the user may not import into, or one that does not fit the kind asked for."""
    if not getattr(by, "is_authenticated", False):
        raise PermissionDenied
    if coalition is not None and organisation is not None:
        raise ValidationError(
            {
                "organisation": _(
                    "Choose a coalition (for a work plan) or an organisation (for a review), not both."
                )
            }
        )
    if coalition is not None and not can_import_workplan(user=by, coalition_id=coalition.pk):
        raise PermissionDenied
    if organisation is not None and not can_import_review(user=by, organisation_id=organisation.pk):
        raise PermissionDenied
    if kind is not None and kind not in KINDS:
        raise ValidationError(
            {
                "kind": _("“%(kind)s” is not a kind rcphub imports (%(kinds)s).")
                % {"kind": kind, "kinds": ", ".join(KINDS)}
            }
        )
    _require_target_fits(kind=kind, coalition=coalition, organisation=organisation)


def _require_target_fits(
    *, kind: str | None, coalition: Coalition | None, organisation: Entity | None
) -> None:
    if kind in WORKPLAN_KINDS and coalition is None:
        raise ValidationError({"coalition": _("A work plan is imported into a coalition: choose one.")})
    if kind in REVIEW_KINDS and organisation is None:
        raise ValidationError(
            {"organisation": _("A review or a plan of action is imported for an organisation: choose one.")}
        )
    if kind is None and coalition is None and organisation is None:
        raise ValidationError(
            {
                "coalition": _(
                    "Choose the coalition (for a work plan) or the organisation (for a review or a plan of action)."
                )
            }
        )


def _refuse_duplicate(*, sha256: str, coalition: Coalition | None, organisation: Entity | None) -> None:
    earlier = (
        Import.objects.filter(
            sha256=sha256, state=ImportState.COMMITTED, coalition=coalition, organisation=organisation
        )
        .order_by("committed_at", "id")
        .first()
    )
    if earlier is not None:
        raise DuplicateImportError(earlier)


def _answer_target_questions(
    proposal: Proposal, *, coalition: Coalition | None, organisation: Entity | None
) -> None:
    """Answer the questions the chosen target already answers: which coalition, which organisation."""
    for question in proposal.questions:
        if question.about == "coalition" and coalition is not None:
            question.answer = coalition.slug
        elif question.about == "organisation" and organisation is not None:
            question.answer = organisation.acronym
    if coalition is not None:
        proposal.coalition = coalition.slug
    if organisation is not None:
        proposal.organisation = organisation.acronym


def _ask_issued(proposal: Proposal) -> None:
    """Ask the year of issue where a review or a plan of action gives no date (reviews are dated)."""
    if proposal.kind not in REVIEW_KINDS or proposal.issued is not None:
        return
    if any(q.id == ISSUED_QUESTION for q in proposal.questions):
        return
    years = sorted({d.year for d in (proposal.as_at,) if d})
    proposal.questions.append(
        Question(
            id=ISSUED_QUESTION,
            about="year",
            text=_("The year the document was issued (it gives no date)."),
            where=proposal.filename,
            default=str(years[0]) if years else "",
        )
    )


def _preview_log(proposal: Proposal, *, document: Any, detected: bool) -> list[str]:
    lines = [
        _("Read %(file)s (%(format)s): %(tables)s table(s), %(blocks)s block(s).")
        % {
            "file": document.filename,
            "format": document.format,
            "tables": len(document.tables),
            "blocks": len(document.blocks),
        },
        (
            _("Read as %(kind)s (detected): %(items)s item(s).")
            if detected
            else _("Read as %(kind)s: %(items)s item(s).")
        )
        % {"kind": ImportKind(proposal.kind).label, "items": proposal.item_count()},
    ]
    lines.extend(
        _("Warning: %(where)s: %(message)s") % {"where": w.where or proposal.filename, "message": w.message}
        for w in proposal.warnings
    )
    if proposal.questions:
        lines.append(
            _("%(count)s question(s) to answer before the commit.") % {"count": len(proposal.questions)}
        )
    return lines


@contextmanager
def _cycle_collection_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a document becomes its hundreds of thousands of cells,
    rows and items, which it would otherwise walk again and again (a third of a large preview).

    Reference counting still frees what is dropped; the documents are bounded by the upload limits.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@transaction.atomic
def import_preview(
    *,
    file: str | os.PathLike[str] | IO[bytes] | bytes,
    filename: str,
    kind: str | None = None,
    coalition: Coalition | None = None,
    organisation: Entity | None = None,
    by: Any,
) -> Import:
    """Read and interpret the document, and keep it as an import to be answered and committed.

    Refused: a target the user may not import into (PermissionDenied), a kind that does not fit the
    target or the document, a file that cannot be read (ValidationError naming the file and the
    place), and the same file committed before into the same target (`DuplicateImportError`).
    """
    _require_target(kind=kind, coalition=coalition, organisation=organisation, by=by)
    name = os.path.basename(filename)[:255]
    data = _file_bytes(file, name)
    sha256 = hashlib.sha256(data).hexdigest()
    _refuse_duplicate(sha256=sha256, coalition=coalition, organisation=organisation)
    # Imported here: the interpreters read the reference data, which the models need not know of.
    from rcphub.importers.interpret.detect import interpret

    with _cycle_collection_paused():
        document = read_document(data, name)
        proposal = interpret(document, kind, recogniser=None)  # type: ignore[arg-type]
    _require_target_fits(kind=proposal.kind, coalition=coalition, organisation=organisation)
    if (proposal.kind in WORKPLAN_KINDS and coalition is None) or (
        proposal.kind in REVIEW_KINDS and organisation is None
    ):
        raise ValidationError(_("The document is a %(kind)s.") % {"kind": ImportKind(proposal.kind).label})
    proposal.filename = proposal.filename or name
    _answer_target_questions(proposal, coalition=coalition, organisation=organisation)
    _ask_issued(proposal)
    import_ = Import(
        filename=name,
        size=len(data),
        sha256=sha256,
        kind=proposal.kind,
        proposal=proposal.to_json(),
        log=_preview_log(proposal, document=document, detected=kind is None),
        coalition=coalition if proposal.kind in WORKPLAN_KINDS else None,
        organisation=organisation if proposal.kind in REVIEW_KINDS else None,
        uploaded_by=by,
    )
    import_.file.save(name, ContentFile(data), save=False)
    import_.full_clean(exclude=["file"])
    import_._history_user = by  # type: ignore[attr-defined]
    import_.save()
    return import_


# ---------------------------------------------------------------------------------------------
# Answers


def _check_answer(question: Question, value: str, *, by: Any) -> str:
    """Return the answer as stored, or raise ValidationError naming the question."""
    value = value.strip()

    def refuse(message: str) -> ValidationError:
        return ValidationError({question.id: ValidationError(message, code="invalid_answer")})

    if question.choices:
        allowed = {choice.value for choice in question.choices}
        if value not in allowed:
            raise refuse(
                _("“%(value)s” is not one of the answers to “%(question)s”: %(choices)s.")
                % {
                    "value": value[:60],
                    "question": question.text[:120],
                    "choices": ", ".join(choice.value or "“”" for choice in question.choices),
                }
            )
        return value
    if value == "":
        if question.required:
            raise refuse(_("“%(question)s” needs an answer.") % {"question": question.text[:120]})
        return value
    if question.about == "year":
        if not value.isdigit() or not 1945 <= int(value) <= today().year + 10:
            raise refuse(_("“%(value)s” is not a year (such as 2026).") % {"value": value[:20]})
    elif question.about == "round_date":
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise refuse(_("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": value[:20]}) from None
        if day > today():
            raise refuse(_("A round of statuses cannot be dated in the future."))
    elif question.about == "coalition":
        if not import_coalitions(user=by).filter(slug=value).exists():
            raise refuse(
                _("Unknown coalition “%(value)s”, or not one you may import into.") % {"value": value[:100]}
            )
    elif question.about in ("organisation", "entity"):
        entities = import_organisations(user=by) if question.about == "organisation" else Entity.objects.all()
        if not entities.filter(acronym=value).exists():
            raise refuse(_("Unknown organisation “%(value)s”.") % {"value": value[:40]})
    return value


def _apply_answers(proposal: Proposal, answers: dict[str, Any], *, by: Any) -> None:
    questions = {question.id: question for question in proposal.questions}
    errors: dict[str, list[ValidationError]] = {}
    for question_id, value in answers.items():
        question = questions.get(str(question_id))
        if question is None:
            errors.setdefault(str(question_id), []).append(
                ValidationError(
                    _("The import asks no question “%(id)s”.") % {"id": str(question_id)[:40]}, code="unknown"
                )
            )
            continue
        try:
            question.answer = _check_answer(question, "" if value is None else str(value), by=by)
            if question.answer == "" and question.choices:
                # "Leave out" is a choice whose value is "": answered, so no longer required.
                question.required = False
        except ValidationError as error:
            for name, items in error.error_dict.items():
                errors.setdefault(name, []).extend(items)
    if errors:
        raise ValidationError(errors)


def _require_open(import_: Import, by: Any) -> None:
    if not can_commit_import(user=by, import_=import_):
        if import_.state in (ImportState.COMMITTED, ImportState.CANCELLED):
            raise ValidationError(
                {
                    "state": _("This import is %(state)s; it cannot be changed.")
                    % {"state": import_.get_state_display()}
                }
            )
        raise PermissionDenied


@transaction.atomic
def import_answer(
    *, import_: Import, answers: dict[str, Any], by: Any, expected_version: int | None = None
) -> Import:
    """Record answers to the import's questions, each checked against its choices (or its kind of value).

    A wrong answer raises ValidationError naming its question, and no answer is recorded.
    """
    _require_open(import_, by)
    proposal = proposal_from_json(import_.proposal)
    _apply_answers(proposal, answers, by=by)
    import_.proposal = proposal.to_json()
    import_._history_user = by  # type: ignore[attr-defined]
    import_.save_versioned(expected_version=expected_version)
    return import_


@transaction.atomic
def import_cancel(*, import_: Import, by: Any, expected_version: int | None = None) -> Import:
    """Cancel an import that was not committed: it is kept, with its file and log, but creates nothing."""
    _require_open(import_, by)
    import_.state = ImportState.CANCELLED
    import_.log = [*import_.log, _("Cancelled by %(user)s.") % {"user": by}]
    import_._history_user = by  # type: ignore[attr-defined]
    import_.save_versioned(expected_version=expected_version)
    return import_


# ---------------------------------------------------------------------------------------------
# Commit


def _unanswered_error(proposal: Proposal) -> ValidationError | None:
    missing = proposal.unanswered()
    if not missing:
        return None
    return ValidationError(
        {
            question.id: ValidationError(
                _("Answer this question before the commit: %(text)s (%(where)s).")
                % {"text": question.text[:200], "where": question.where},
                code="unanswered",
            )
            for question in missing
        }
    )


def _record_failure(import_: Import, error: BaseException, *, by: Any, state: str) -> None:
    """Keep the import as it was before the commit, with the error in its log (the commit wrote nothing)."""
    import_.refresh_from_db()
    messages = getattr(error, "messages", None) or [str(error) or error.__class__.__name__]
    import_.log = [
        *import_.log,
        *(_("Commit failed, nothing was written: %(error)s") % {"error": message} for message in messages),
    ]
    import_.state = state
    import_._history_user = by  # type: ignore[attr-defined]
    import_.save(update_fields=["log", "state", "updated_at"])


def import_commit(
    *,
    import_: Import,
    answers: dict[str, Any] | None = None,
    by: Any,
    expected_version: int | None = None,
) -> Import:
    """Create what the import proposes, all or nothing, and record who committed it and what it created.

    `answers` are recorded first (as `import_answer` does). Refused while a required question has no
    answer (ValidationError naming each), on a stale `expected_version` (ConflictError), and by any
    rule of the services that create the work plan or the review: then nothing is written and the
    error is added to the import's log; the import stays open and may be committed once it is fixed.
    """
    _require_open(import_, by)
    if answers:
        import_answer(import_=import_, answers=answers, by=by, expected_version=expected_version)
        expected_version = import_.version
    elif expected_version is not None and expected_version != import_.version:
        raise ConflictError
    proposal = proposal_from_json(import_.proposal)
    unanswered = _unanswered_error(proposal)
    if unanswered is not None:
        raise unanswered
    before = import_.state
    try:
        with transaction.atomic():
            created = commit_proposal(import_=import_, proposal=proposal, by=by)
            if ImportState.COMMITTED not in IMPORT_TRANSITIONS[before]:
                raise ValidationError({"state": _("This import cannot be committed.")})
            import_.state = ImportState.COMMITTED
            import_.committed_by = by
            import_.committed_at = timezone.now()
            import_.created_object = created.obj
            import_.created_url = created.url
            import_.log = [*import_.log, *created.lines]
            import_._history_user = by  # type: ignore[attr-defined]
            import_.save_versioned(expected_version=expected_version)
    except (ValidationError, PermissionDenied) as error:
        _record_failure(import_, error, by=by, state=before)
        raise
    except Exception as error:
        _record_failure(import_, error, by=by, state=ImportState.FAILED)
        raise
    return import_

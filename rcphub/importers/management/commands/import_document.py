"""Import a document from the command line, or check what a parser reads from it (--dry-run --json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from rcphub.coalitions.models import Coalition
from rcphub.importers.interpret.proposal import KINDS, Kind, proposal_from_json
from rcphub.importers.readers import read_document
from rcphub.importers.services import import_commit, import_preview
from rcphub.reference.models import Entity


def _messages(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(
            message if name == NON_FIELD_ERRORS else f"{name}: {message}"
            for name, messages in error.message_dict.items()
            for message in messages
        )
    return " ".join(error.messages)


class Command(BaseCommand):
    help = (
        "Import a Word, PDF, Excel or CSV document as a work plan, a review or a plan of action. "
        "With --dry-run nothing is written; with --json the proposal is printed as one JSON object "
        "(docs/import.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="The document: .docx, .pdf, .xlsx or .csv.")
        parser.add_argument("--kind", choices=KINDS, help="The kind of document; detected if left out.")
        target = parser.add_mutually_exclusive_group()
        target.add_argument("--coalition", help="The slug of the coalition a work plan is imported into.")
        target.add_argument(
            "--organisation", help="The acronym of the organisation a review is imported for."
        )
        parser.add_argument("--dry-run", action="store_true", help="Read and interpret only; write nothing.")
        parser.add_argument("--json", action="store_true", help="Print the proposal as one JSON object.")
        parser.add_argument("--user", help="Who imports (their e-mail address); needed unless --dry-run.")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        kind: Kind | None = options["kind"]
        try:
            if options["dry_run"]:
                self._dry_run(path, kind, as_json=options["json"])
            else:
                self._import(path, kind, options)
        except ValidationError as error:
            raise CommandError(_messages(error)) from error

    def _dry_run(self, path: Path, kind: Kind | None, *, as_json: bool) -> None:
        from rcphub.importers.interpret.detect import interpret

        proposal = interpret(read_document(path, path.name), kind)
        if as_json:
            self.stdout.write(json.dumps(proposal.to_json(), ensure_ascii=False))
            return
        self.stdout.write(
            f"{path.name}: {proposal.kind}, “{proposal.title}”, {proposal.item_count()} item(s)."
        )
        for notice in proposal.warnings:
            self.stdout.write(f"warning: {notice.where}: {notice.message}")
        for question in proposal.questions:
            self.stdout.write(
                f"question {question.id} ({question.about}): {question.text} [{question.where}]"
            )

    def _import(self, path: Path, kind: Kind | None, options: dict[str, Any]) -> None:
        by = self._user(options["user"])
        coalition = organisation = None
        if options["coalition"]:
            coalition = Coalition.objects.filter(slug=options["coalition"]).first()
            if coalition is None:
                raise CommandError(f"Unknown coalition “{options['coalition']}”.")
        if options["organisation"]:
            organisation = Entity.objects.filter(acronym=options["organisation"]).first()
            if organisation is None:
                raise CommandError(f"Unknown organisation “{options['organisation']}”.")
        try:
            import_ = import_preview(
                file=path,
                filename=path.name,
                kind=kind,
                coalition=coalition,
                organisation=organisation,
                by=by,
            )
        except PermissionDenied as error:
            raise CommandError(f"{by} may not import into the coalition or organisation given.") from error
        for line in import_.log:
            self.stdout.write(str(line))
        proposal = proposal_from_json(import_.proposal)
        answers = {q.id: q.default for q in proposal.unanswered() if q.default}
        missing = [q for q in proposal.unanswered() if not q.default]
        if missing:
            listed = "; ".join(f"{q.id} ({q.about}): {q.text} [{q.where}]" for q in missing)
            raise CommandError(
                f"Import {import_.pk} is previewed but not committed: these questions have no default, "
                f"answer them on its page or through the API: {listed}"
            )
        for question_id, value in answers.items():
            self.stdout.write(f"answer {question_id}: {value} (its default)")
        import_commit(import_=import_, answers=answers or None, by=by, expected_version=import_.version)
        self.stdout.write(str(import_.log[-1]))
        self.stdout.write(self.style.SUCCESS(f"Created: {import_.created_url} (import {import_.pk})"))

    @staticmethod
    def _user(value: str | None) -> Any:
        if not value:
            raise CommandError("Say who imports with --user (an e-mail address), or use --dry-run.")
        model = get_user_model()
        user = model._default_manager.filter(**{model.USERNAME_FIELD: value}).first()
        if user is None:
            raise CommandError(f"Unknown user “{value}”.")
        return user

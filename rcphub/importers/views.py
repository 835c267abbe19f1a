"""Import pages: upload a document, see what it will create and answer its questions, commit; the list."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rcphub.core.errors import NotFound
from rcphub.core.forms import add_service_error
from rcphub.importers.forms import ANSWER_PREFIX, ImportAnswersForm, ImportUploadForm
from rcphub.importers.interpret.proposal import Proposal, proposal_from_json
from rcphub.importers.models import REVIEW_KINDS, Import, ImportState
from rcphub.importers.permissions import can_commit_import
from rcphub.importers.selectors import (
    import_coalitions,
    import_get,
    import_get_for_commit,
    import_list,
    import_organisations,
)
from rcphub.importers.services import (
    DuplicateImportError,
    import_answer,
    import_cancel,
    import_commit,
    import_preview,
)

# The preview shows at most this many items; the commit creates them all.
PREVIEW_ITEMS = 2000


@login_required
@require_GET
def import_list_view(request: HttpRequest) -> HttpResponse:
    """List the imports the user may see: their own, and those into what they may import into."""
    imports = list(import_list(user=request.user)[:200])
    can_upload = (
        import_coalitions(user=request.user).exists() or import_organisations(user=request.user).exists()
    )
    return render(request, "importers/list.html", {"imports": imports, "can_upload": can_upload})


@login_required
@require_http_methods(["GET", "POST"])
def import_upload_view(request: HttpRequest) -> HttpResponse:
    """Upload a document to preview what it would create; nothing is created yet."""
    coalitions = import_coalitions(user=request.user)
    organisations = import_organisations(user=request.user)
    if not coalitions.exists() and not organisations.exists():
        raise NotFound
    initial = {
        name: request.GET[name] for name in ("coalition", "organisation", "kind") if name in request.GET
    }
    form = ImportUploadForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        coalitions=coalitions,
        organisations=organisations,
    )
    earlier: Import | None = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            import_ = import_preview(
                file=upload,
                filename=upload.name,
                kind=form.cleaned_data["kind"] or None,
                coalition=form.cleaned_data["coalition"],
                organisation=form.cleaned_data["organisation"],
                by=request.user,
            )
        except DuplicateImportError as error:
            earlier = error.earlier
            add_service_error(form, error)
        except PermissionDenied:
            form.add_error(None, _("You may not import into the coalition or organisation chosen."))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            return redirect("importers:detail", pk=import_.pk)
    crumbs = [(_("Imports"), reverse("importers:list"))]
    return render(
        request,
        "importers/upload.html",
        {
            "form": form,
            "title": _("Import a document"),
            "crumbs": crumbs,
            "cancel": reverse("importers:list"),
            "intro": _(
                "The document is read and shown as what it would create, with every warning and question; "
                "nothing is created until you commit it."
            ),
            "earlier": earlier,
        },
    )


@dataclass
class PreviewRow:
    """One line of the preview: a result, an output, an activity, a group or a commitment."""

    level: str
    code: str
    title: str
    where: str
    key: str
    details: list[tuple[str, str]] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _preview_rows(proposal: Proposal) -> tuple[list[PreviewRow], int]:
    """Return the rows of the preview (at most PREVIEW_ITEMS) and how many items are left out of it."""
    warned: dict[str, list[str]] = {}
    for notice in proposal.warnings:
        if notice.key:
            warned.setdefault(notice.key, []).append(notice.message)
    rows: list[PreviewRow] = []

    def add(row: PreviewRow) -> None:
        row.warnings = warned.get(row.key, [])
        rows.append(row)

    for result in proposal.results:
        add(
            PreviewRow(
                _("Result"), result.code, result.title, result.where, result.key, footnotes=result.footnotes
            )
        )
        for output in result.outputs:
            add(
                PreviewRow(
                    _("Output"),
                    output.code,
                    output.title,
                    output.where,
                    output.key,
                    footnotes=output.footnotes,
                )
            )
            for activity in output.activities:
                details = [
                    (_("Countries"), ", ".join(activity.countries) or activity.countries_text),
                    (_("Lead"), ", ".join(activity.lead)),
                    (_("Partners"), ", ".join(activity.partners)),
                    (_("Entities as written"), activity.entities_text),
                    (_("SDG targets"), ", ".join(activity.sdg_targets)),
                    (_("Timing"), activity.due_text),
                    (_("Status as written"), activity.status_text),
                ]
                add(
                    PreviewRow(
                        _("Activity"),
                        activity.code,
                        activity.title,
                        activity.where,
                        activity.key,
                        details=[(label, value) for label, value in details if value],
                        footnotes=activity.footnotes,
                    )
                )
    groups = [(None, proposal.commitments), *((group, group.items) for group in proposal.groups)]
    for group, items in groups:
        if group is not None:
            add(PreviewRow(_("Group"), group.code, group.title, group.where, group.key))
        for item in items:
            details = [
                (_("Management response"), item.response_text or item.response),
                (_("Responsible"), item.responsible_text or "; ".join(item.responsible)),
                (_("Responsible entities"), ", ".join(item.responsible_entities)),
                (_("Due as written"), item.due_text),
                (_("Due on"), item.due_on.isoformat() if item.due_on else ""),
                (_("Status"), item.status_text or item.status),
                (_("Comment"), item.comment),
            ]
            add(
                PreviewRow(
                    _("Commitment"),
                    item.number,
                    item.title or item.text,
                    item.where,
                    item.key,
                    details=[(label, value) for label, value in details if value],
                )
            )
    left_out = max(len(rows) - PREVIEW_ITEMS, 0)
    return rows[:PREVIEW_ITEMS], left_out


def _answers_form(
    request: HttpRequest, import_: Import, proposal: Proposal, data: Any = None
) -> ImportAnswersForm:
    return ImportAnswersForm(
        data,
        initial={"version": import_.version},
        questions=proposal.questions,
        coalitions=import_coalitions(user=request.user),
        organisations=import_organisations(user=request.user),
    )


def _detail(
    request: HttpRequest, import_: Import, *, form: ImportAnswersForm | None = None, status: int = 200
) -> HttpResponse:
    proposal = proposal_from_json(import_.proposal)
    rows, left_out = _preview_rows(proposal)
    can_commit = can_commit_import(user=request.user, import_=import_)
    if form is None and can_commit:
        form = _answers_form(request, import_, proposal)
    return render(
        request,
        "importers/detail.html",
        {
            "import": import_,
            "proposal": proposal,
            "rows": rows,
            "left_out": left_out,
            "item_count": proposal.item_count(),
            "form": form,
            "can_commit": can_commit,
            "is_review": import_.kind in REVIEW_KINDS,
            "unanswered": [q.id for q in proposal.unanswered()],
            "crumbs": [(_("Imports"), reverse("importers:list")), (import_.filename, "")],
        },
        status=status,
    )


@login_required
@require_GET
def import_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the import: what it will create (or created), its warnings, questions and log."""
    return _detail(request, import_get(import_id=pk, user=request.user))


@login_required
@require_POST
def import_commit_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the answers posted and, unless only saving them, commit the import."""
    import_ = import_get_for_commit(import_id=pk, user=request.user)
    proposal = proposal_from_json(import_.proposal)
    form = _answers_form(request, import_, proposal, data=request.POST)
    if not form.is_valid():
        return _detail(request, import_, form=form, status=422)
    answers, version = form.answers(), form.cleaned_data["version"]
    try:
        if "save" in request.POST:
            import_answer(import_=import_, answers=answers, by=request.user, expected_version=version)
        else:
            import_commit(import_=import_, answers=answers, by=request.user, expected_version=version)
    except ValidationError as error:
        by_field = error.error_dict if hasattr(error, "error_dict") else {None: error.error_list}
        for name, errors in by_field.items():
            target = ANSWER_PREFIX + name if name and ANSWER_PREFIX + name in form.fields else None
            for item in errors:
                form.add_error(target, item)
        import_.refresh_from_db()
        return _detail(request, import_, form=form, status=422)
    if import_.state == ImportState.COMMITTED:
        messages.success(request, _("Imported. Check what was created."))
    else:
        messages.success(request, _("Answers saved."))
    return redirect("importers:detail", pk=import_.pk)


@login_required
@require_POST
def import_cancel_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Cancel an import that was not committed."""
    import_ = import_get_for_commit(import_id=pk, user=request.user)
    posted = request.POST.get("version", "")
    version = int(posted) if posted.isdigit() else None
    try:
        import_cancel(import_=import_, by=request.user, expected_version=version)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Import cancelled; nothing was created."))
    return redirect("importers:detail", pk=import_.pk)


@login_required
@require_GET
def import_file_view(request: HttpRequest, pk: int) -> FileResponse:
    """Send the document as it was uploaded."""
    import_: Any = import_get(import_id=pk, user=request.user)
    return FileResponse(import_.file.open("rb"), as_attachment=True, filename=import_.filename)

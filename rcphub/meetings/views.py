"""Meeting pages: the list, a meeting with its decisions and their follow-up, forms, the note. HTTP only."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from rcphub.coalitions.selectors import coalition_get
from rcphub.core.forms import add_service_error
from rcphub.core.views import form_page
from rcphub.followup.selectors import LIGHTS
from rcphub.meetings import documents
from rcphub.meetings.forms import (
    AgendaItemForm,
    DecisionEditForm,
    DecisionForm,
    DeleteForm,
    MeetingEditForm,
    MeetingForm,
)
from rcphub.meetings.models import Meeting
from rcphub.meetings.permissions import can_create_any_meeting
from rcphub.meetings.selectors import (
    decision_get_for_manage,
    meeting_get,
    meeting_get_for_manage,
    meeting_list,
    meeting_record,
)
from rcphub.meetings.services import (
    agenda_item_add,
    decision_create,
    decision_delete,
    decision_update,
    meeting_create,
    meeting_delete,
    meeting_update,
)


def _crumbs(meeting: Meeting | None = None) -> list[tuple[str, str]]:
    crumbs = [(_("Meetings"), reverse("meetings:list"))]
    if meeting is not None:
        crumbs.append((meeting.title, reverse("meetings:detail", args=[meeting.pk])))
    return crumbs


def _form_context(crumbs: list[tuple[str, str]]) -> dict[str, Any]:
    return {"crumbs": crumbs, "cancel": crumbs[-1][1]}


@require_GET
def meeting_list_view(request: HttpRequest) -> HttpResponse:
    """List the meetings the user may see, latest first; `?coalition=<slug>` keeps one coalition's."""
    coalition = None
    if request.GET.get("coalition"):
        coalition = coalition_get(slug=request.GET["coalition"], user=request.user)
    meetings = meeting_list(user=request.user, coalition_id=coalition.pk if coalition else None)
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "meetings": meetings,
            "coalition": coalition,
            "can_create": can_create_any_meeting(user=request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create_view(request: HttpRequest) -> HttpResponse:
    """Let the platform secretariat or a coalition secretariat record a meeting."""
    if not can_create_any_meeting(user=request.user):
        raise PermissionDenied
    form = MeetingForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = meeting_create(by=request.user, **form.cleaned_data)
        except PermissionDenied:
            form.add_error(None, _("You may not record meetings for this body."))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Meeting recorded. Add its agenda and its decisions."))
            return redirect("meetings:detail", pk=meeting.pk)
    return form_page(request, form=form, title=_("New meeting"), context=_form_context(_crumbs()))


@require_GET
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the meeting, its decisions with their current status, and the follow-up of earlier decisions."""
    meeting = meeting_get(meeting_id=pk, user=request.user)
    record = meeting_record(meeting=meeting, user=request.user)
    return render(
        request,
        "meetings/meeting_detail.html",
        {"meeting": meeting, "record": record, "lights": LIGHTS, "crumbs": _crumbs()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def agenda_item_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Let those who manage the meeting add an agenda item."""
    meeting = meeting_get_for_manage(meeting_id=pk, user=request.user)
    form = AgendaItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = agenda_item_add(meeting=meeting, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Agenda item %(number)s added.") % {"number": item.number})
            return redirect(f"{reverse('meetings:detail', args=[meeting.pk])}#agenda")
    return form_page(request, form=form, title=_("New agenda item"), context=_form_context(_crumbs(meeting)))


@login_required
@require_http_methods(["GET", "POST"])
def decision_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Let those who manage the meeting record a decision, which is then followed up as a commitment."""
    meeting = meeting_get_for_manage(meeting_id=pk, user=request.user)
    form = DecisionForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            decision = decision_create(meeting=meeting, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request, _("Decision %(number)s recorded.") % {"number": decision.commitment.number}
            )
            return redirect(f"{reverse('meetings:detail', args=[meeting.pk])}#decisions")
    return form_page(request, form=form, title=_("New decision"), context=_form_context(_crumbs(meeting)))


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Let those who manage the meeting change it (not the body that holds it); refuse a stale version."""
    meeting = meeting_get_for_manage(meeting_id=pk, user=request.user)
    title = meeting.title
    form = MeetingEditForm(
        request.POST or None, user=request.user, initial=MeetingEditForm.initial_for(meeting)
    )
    if request.method == "POST" and form.is_valid():
        try:
            meeting_update(meeting=meeting, by=request.user, **form.meeting_fields())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Meeting saved."))
            return redirect("meetings:detail", pk=meeting.pk)
    crumbs = [*_crumbs(), (title, reverse("meetings:detail", args=[meeting.pk]))]
    return form_page(
        request, form=form, title=_("Edit %(title)s") % {"title": title}, context=_form_context(crumbs)
    )


def _confirm_delete(
    request: HttpRequest, *, form: DeleteForm, title: str, question: str, cancel: str
) -> HttpResponse:
    return render(
        request,
        "meetings/confirm_delete.html",
        {"form": form, "title": title, "question": question, "cancel": cancel, "crumbs": _crumbs()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask, then delete the meeting with its agenda and decisions, if none has been reported on."""
    meeting = meeting_get_for_manage(meeting_id=pk, user=request.user)
    form = DeleteForm(request.POST or None, initial={"version": meeting.version})
    if request.method == "POST" and form.is_valid():
        try:
            meeting_delete(meeting=meeting, expected_version=form.cleaned_data["version"], by=request.user)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Meeting “%(title)s” deleted.") % {"title": meeting.title})
            return redirect("meetings:list")
    question = _(
        "Delete “%(title)s” with its agenda, its decisions and their follow-up review? "
        "Its change history is kept."
    ) % {"title": meeting.title}
    return _confirm_delete(
        request,
        form=form,
        title=_("Delete the meeting"),
        question=question,
        cancel=reverse("meetings:detail", args=[meeting.pk]),
    )


@login_required
@require_http_methods(["GET", "POST"])
def decision_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Let those who manage the meeting change a decision; refuse a stale version."""
    decision = decision_get_for_manage(decision_id=pk, user=request.user)
    meeting, number = decision.meeting, decision.commitment.number
    form = DecisionEditForm(
        request.POST or None, meeting=meeting, initial=DecisionEditForm.initial_for(decision)
    )
    if request.method == "POST" and form.is_valid():
        try:
            decision_update(decision=decision, by=request.user, **form.decision_fields())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request, _("Decision %(number)s saved.") % {"number": decision.commitment.number}
            )
            return redirect(f"{reverse('meetings:detail', args=[meeting.pk])}#decision-{decision.pk}")
    return form_page(
        request,
        form=form,
        title=_("Edit decision %(number)s") % {"number": number},
        context=_form_context(_crumbs(meeting)),
    )


@login_required
@require_http_methods(["GET", "POST"])
def decision_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask, then delete the decision with its commitment, if it has not been reported on."""
    decision = decision_get_for_manage(decision_id=pk, user=request.user)
    meeting, number = decision.meeting, decision.commitment.number
    form = DeleteForm(request.POST or None, initial={"version": decision.commitment.version})
    if request.method == "POST" and form.is_valid():
        try:
            decision_delete(decision=decision, expected_version=form.cleaned_data["version"], by=request.user)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Decision %(number)s deleted.") % {"number": number})
            return redirect(f"{reverse('meetings:detail', args=[meeting.pk])}#decisions")
    question = _("Delete decision %(number)s of “%(title)s”? Its change history is kept.") % {
        "number": number,
        "title": meeting.title,
    }
    return _confirm_delete(
        request,
        form=form,
        title=_("Delete the decision"),
        question=question,
        cancel=f"{reverse('meetings:detail', args=[meeting.pk])}#decision-{decision.pk}",
    )


def _filename(meeting: Meeting, extension: str) -> str:
    return f"note-for-the-record-{meeting.held_on.isoformat()}-{slugify(meeting.title)[:60]}.{extension}"


@require_GET
def note_pdf_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Download the note for the record of the meeting as a PDF."""
    meeting = meeting_get(meeting_id=pk, user=request.user)
    record = meeting_record(meeting=meeting, user=request.user, with_previous=False)
    response = HttpResponse(documents.note_pdf(record), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(meeting, "pdf")}"'
    return response


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@require_GET
def note_docx_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Download the note for the record of the meeting as a Word document."""
    meeting = meeting_get(meeting_id=pk, user=request.user)
    record = meeting_record(meeting=meeting, user=request.user, with_previous=False)
    response = HttpResponse(documents.note_docx(record), content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename(meeting, "docx")}"'
    return response

"""Calendar pages: the month and the list, an event, its forms, and the iCalendar feeds. HTTP only."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from rcphub.coalitions.models import Coalition
from rcphub.coalitions.permissions import coalition_visibility_q
from rcphub.core.dates import today
from rcphub.core.errors import ConflictError
from rcphub.core.forms import add_service_error
from rcphub.core.models import Visibility
from rcphub.core.views import bad_query, form_page
from rcphub.events import ical
from rcphub.events.forms import EventEditForm, EventForm
from rcphub.events.models import Event, EventKind
from rcphub.events.permissions import can_create_any_event, can_manage_event, event_visibility_q
from rcphub.events.selectors import (
    EventFilters,
    event_change_history,
    event_filters_parse,
    event_get,
    event_get_for_manage,
    event_list_past,
    event_list_public,
    event_list_upcoming,
    month_calendar,
    month_parse,
    public_coalition_get,
)
from rcphub.events.services import event_create, event_delete, event_update
from rcphub.reference.models import Country

EVENTS_PER_PAGE = 50
VIEWS = ("month", "list")
WHEN = ("upcoming", "past")


def now() -> datetime:
    """Return the current moment; upcoming events are those that have not ended by then."""
    return timezone.now()


def _crumbs(event: Event | None = None) -> list[tuple[str, str]]:
    crumbs = [(_("Calendar"), reverse("events:calendar"))]
    if event is not None:
        crumbs.append((event.title, reverse("events:event_detail", args=[event.pk])))
    return crumbs


def _choice(request: HttpRequest, name: str, choices: tuple[str, ...], errors: dict[str, str]) -> str:
    value = request.GET.get(name, "").strip() or choices[0]
    if value not in choices:
        errors[name] = _("Unknown value “%(value)s”: use one of %(choices)s.") % {
            "value": value[:40],
            "choices": ", ".join(choices),
        }
    return value


def _filter_choices(user: Any) -> dict[str, Any]:
    """Return what the filter bar offers: the coalitions the user may see and the countries of visible events."""
    events = Event.objects.filter(event_visibility_q(user))
    return {
        "coalitions": Coalition.objects.filter(coalition_visibility_q(user)).order_by("name"),
        "countries": Country.objects.filter(events__in=events).distinct().order_by("name_en"),
        "kinds": EventKind.choices,
    }


@require_GET
def calendar_view(request: HttpRequest) -> HttpResponse:
    """Show the calendar as a month grid (`?month=YYYY-MM`) or as a list of upcoming or past events
    (`?view=list&when=past`), filtered by coalition, kind and country; a bad value answers 400 naming it."""
    errors: dict[str, str] = {}
    view = _choice(request, "view", VIEWS, errors)
    when = _choice(request, "when", WHEN, errors)
    filters = EventFilters()
    try:
        filters = event_filters_parse(query=request.GET, user=request.user)
    except ValidationError as error:
        errors.update({name: " ".join(messages_) for name, messages_ in error.message_dict.items()})
    current_day = today()
    month = current_day.replace(day=1)
    try:
        month = month_parse(request.GET.get("month"), default=current_day)
    except ValidationError as error:
        errors.update({name: " ".join(messages_) for name, messages_ in error.message_dict.items()})
    if errors:
        return bad_query(request, ValidationError(errors), back=reverse("events:calendar"))
    context: dict[str, Any] = {
        "view": view,
        "when": when,
        "filters": filters,
        "filter_query": filters.query(),
        "can_create": can_create_any_event(user=request.user),
        "crumbs": [],
        **_filter_choices(request.user),
    }
    if filters.coalition is not None and filters.coalition.visibility == Visibility.PUBLIC:
        context["coalition_feed"] = reverse("events:coalition_calendar_feed", args=[filters.coalition.slug])
    if view == "month":
        context["calendar"] = month_calendar(
            user=request.user, month=month, filters=filters, today=current_day
        )
        return render(request, "events/calendar_month.html", context)
    moment = now()
    events: QuerySet[Event] = (
        event_list_upcoming(user=request.user, filters=filters, now=moment)
        if when == "upcoming"
        else event_list_past(user=request.user, filters=filters, now=moment)
    )
    context["page"] = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "events/calendar_list.html", context)


@require_GET
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the event; to those who may change it, also the request it answers and its change history."""
    event = event_get(event_id=pk, user=request.user)
    can_manage = can_manage_event(user=request.user, event=event)
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "can_manage": can_manage,
            "history": event_change_history(event=event) if can_manage else None,
            "crumbs": _crumbs(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def event_create_view(request: HttpRequest) -> HttpResponse:
    """Let a coalition's secretariat (or the platform secretariat) put an event on the calendar."""
    if not can_create_any_event(user=request.user):
        raise PermissionDenied
    initial: dict[str, Any] = {}
    slug = request.GET.get("coalition", "").strip()
    if slug:
        initial["coalition"] = Coalition.objects.filter(slug=slug).first()
    form = EventForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            event = event_create(by=request.user, **form.event_fields())
        except PermissionDenied:
            form.add_error("coalition", _("You may not put events of this coalition on the calendar."))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Event added to the calendar."))
            return redirect("events:event_detail", pk=event.pk)
    return form_page(
        request, form=form, title=_("New event"), context={"crumbs": _crumbs(), "cancel": _crumbs()[-1][1]}
    )


@login_required
@require_http_methods(["GET", "POST"])
def event_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Let those who manage the event change it; refuse a stale version with a clear message."""
    event = event_get_for_manage(event_id=pk, user=request.user)
    initial = EventEditForm.initial_for(event)
    if request.method == "POST":
        form = EventEditForm(request.POST, user=request.user, initial=initial)
        if form.is_valid():
            try:
                event_update(
                    event=event,
                    by=request.user,
                    expected_version=form.cleaned_data["version"],
                    **form.event_fields(),
                )
            except ConflictError as error:
                form.add_error(None, error)
            except PermissionDenied:
                form.add_error("coalition", _("You may not put events of this coalition on the calendar."))
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Event saved."))
                return redirect("events:event_detail", pk=event.pk)
    else:
        form = EventEditForm(initial=initial, user=request.user)
    crumbs = _crumbs(event)
    return form_page(
        request, form=form, title=_("Edit the event"), context={"crumbs": crumbs, "cancel": crumbs[-1][1]}
    )


@login_required
@require_http_methods(["GET", "POST"])
def event_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask, then take the event off the calendar, for those who manage it."""
    event = event_get_for_manage(event_id=pk, user=request.user)
    if request.method == "POST":
        event_delete(event=event, by=request.user)
        messages.success(request, _("Event “%(title)s” deleted.") % {"title": event.title})
        return redirect("events:calendar")
    return render(request, "events/event_confirm_delete.html", {"event": event, "crumbs": _crumbs(event)})


def _feed(request: HttpRequest, *, name: str, coalition: Coalition | None) -> HttpResponse:
    def url_of(event: Event) -> str:
        return request.build_absolute_uri(reverse("events:event_detail", args=[event.pk]))

    body = ical.calendar_ics(name=name, events=event_list_public(coalition=coalition), url_of=url_of)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    filename = f"rcphub-{coalition.slug}.ics" if coalition else "rcphub.ics"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
def calendar_feed(request: HttpRequest) -> HttpResponse:
    """Publish the events anyone may see as an iCalendar feed, whoever asks: the feed is public."""
    return _feed(request, name=_("Regional Collaborative Platform: calendar"), coalition=None)


@require_GET
def coalition_calendar_feed(request: HttpRequest, slug: str) -> HttpResponse:
    """Publish a public coalition's public events as an iCalendar feed; 404 for any other coalition."""
    coalition = public_coalition_get(slug=slug)
    return _feed(request, name=_("%(name)s: calendar") % {"name": coalition.name}, coalition=coalition)

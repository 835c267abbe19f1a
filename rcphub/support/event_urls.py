"""Pages of the shared calendar and its iCalendar feeds (included by support/urls.py, namespace "support")."""

from django.urls import URLPattern, path

from rcphub.support import event_views

urlpatterns: list[URLPattern] = [
    path("calendar/", event_views.calendar_view, name="calendar"),
    path("calendar.ics", event_views.calendar_feed, name="calendar_feed"),
    path("calendar/<slug:slug>.ics", event_views.coalition_calendar_feed, name="coalition_calendar_feed"),
    path("events/new/", event_views.event_create_view, name="event_create"),
    path("events/<int:pk>/", event_views.event_detail, name="event_detail"),
    path("events/<int:pk>/edit/", event_views.event_edit_view, name="event_edit"),
    path("events/<int:pk>/delete/", event_views.event_delete_view, name="event_delete"),
]

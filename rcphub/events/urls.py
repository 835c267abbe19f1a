"""Pages of the shared calendar and its iCalendar feeds, under /support/ as before (namespace "events")."""

from django.urls import URLPattern, path

from rcphub.events import views

app_name = "events"
urlpatterns: list[URLPattern] = [
    path("calendar/", views.calendar_view, name="calendar"),
    path("calendar.ics", views.calendar_feed, name="calendar_feed"),
    path("calendar/<slug:slug>.ics", views.coalition_calendar_feed, name="coalition_calendar_feed"),
    path("events/new/", views.event_create_view, name="event_create"),
    path("events/<int:pk>/", views.event_detail, name="event_detail"),
    path("events/<int:pk>/edit/", views.event_edit_view, name="event_edit"),
    path("events/<int:pk>/delete/", views.event_delete_view, name="event_delete"),
]

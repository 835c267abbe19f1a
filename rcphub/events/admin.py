"""Admin of the calendar's events."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from rcphub.events.models import Event


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "starts_at", "ends_at", "coalition", "place", "online", "visibility"]
    list_filter = ["kind", "visibility", "online", "coalition"]
    search_fields = ["title", "description", "place", "facilitators"]
    date_hierarchy = "starts_at"
    readonly_fields = ["version"]
    filter_horizontal = ["countries", "unct_countries", "organisers"]
    raw_id_fields = ["support_request"]

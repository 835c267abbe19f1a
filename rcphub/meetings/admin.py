from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from rcphub.meetings.models import AgendaItem, Decision, Meeting


class AgendaItemInline(admin.TabularInline[AgendaItem, Meeting]):
    model = AgendaItem
    extra = 0
    fields = ["number", "order", "title"]


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "held_on", "platform", "coalition", "visibility"]
    list_filter = ["kind", "visibility", "coalition"]
    search_fields = ["title", "place", "minutes"]
    date_hierarchy = "held_on"
    readonly_fields = ["version", "review"]
    filter_horizontal = ["chairs", "participants"]
    inlines = [AgendaItemInline]


@admin.register(AgendaItem)
class AgendaItemAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "meeting"]
    search_fields = ["title", "meeting__title"]


@admin.register(Decision)
class DecisionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "meeting", "agenda_item"]
    list_filter = ["meeting__coalition"]
    search_fields = ["commitment__text", "meeting__title"]
    raw_id_fields = ["commitment", "agenda_item"]

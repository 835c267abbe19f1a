from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from rcphub.support.models import Expert, SupportRequest


@admin.register(SupportRequest)
class SupportRequestAdmin(SimpleHistoryAdmin):
    list_display = ["title", "country", "coalition", "kind", "state", "submitted_on", "decided_on", "rating"]
    list_filter = ["state", "kind", "coalition"]
    search_fields = ["title", "description", "requester__email"]
    date_hierarchy = "submitted_on"
    readonly_fields = ["version"]
    raw_id_fields = ["requester", "decided_by", "activity", "requesting_entity"]


@admin.register(Expert)
class ExpertAdmin(SimpleHistoryAdmin):
    list_display = ["name", "entity", "position", "languages", "available"]
    list_filter = ["available", "entity"]
    search_fields = ["name", "position", "themes", "bio"]
    filter_horizontal = ["sdg_targets", "gcm_objectives", "countries"]
    raw_id_fields = ["entity"]

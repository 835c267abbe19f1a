from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from rcphub.reports.models import Brief, BriefEdition, EditionFile


@admin.register(Brief)
class BriefAdmin(SimpleHistoryAdmin):
    list_display = ["title_en", "slug", "coalition", "region", "audience"]
    list_filter = ["audience", "region"]
    search_fields = ["title_en", "title_fr", "title_ru", "slug"]
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["coalition"]


class EditionFileInline(admin.TabularInline[EditionFile, BriefEdition]):
    model = EditionFile
    extra = 0
    can_delete = False
    fields = ["language", "kind", "file", "sha256"]
    readonly_fields = ["language", "kind", "file", "sha256"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(BriefEdition)
class BriefEditionAdmin(SimpleHistoryAdmin):
    """Editions are drafted and published on the site (the files are rendered there); here they are read."""

    list_display = ["brief", "number", "title_en", "as_at", "state", "published_at"]
    list_filter = ["state", "brief"]
    search_fields = ["title_en", "title_fr", "title_ru", "brief__slug"]
    readonly_fields = ["brief", "number", "state", "figures", "published_at", "published_by", "narrative"]
    inlines = [EditionFileInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None or not obj.published

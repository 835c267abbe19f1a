from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from rcphub.importers.models import Import


@admin.register(Import)
class ImportAdmin(SimpleHistoryAdmin):
    """Imports are made through the import pages and the command; the admin reads them."""

    list_display = ["filename", "kind", "state", "coalition", "organisation", "uploaded_by", "created_at"]
    list_filter = ["state", "kind"]
    search_fields = ["filename", "sha256"]
    readonly_fields = [
        "file",
        "filename",
        "size",
        "sha256",
        "kind",
        "coalition",
        "organisation",
        "uploaded_by",
        "committed_by",
        "committed_at",
        "created_link",
        "log_lines",
        "proposal",
        "version",
    ]
    exclude = ["log", "created_type", "created_id", "created_url"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description=_("created"))
    def created_link(self, obj: Import) -> SafeString | str:
        if not obj.created_url:
            return "—"
        return format_html('<a href="{}">{}</a>', obj.created_url, obj.created_object or obj.created_url)

    @admin.display(description=_("log"))
    def log_lines(self, obj: Import) -> SafeString:
        lines: list[Any] = obj.log or []
        return format_html(
            "<ol>{}</ol>", format_html_join("", "<li>{}</li>", ((str(line),) for line in lines))
        )

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from rcphub.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    """Read-only: the trail is written by the application, never by hand."""

    list_display = ("at", "kind", "user", "what", "object_repr", "address")
    list_filter = ("kind",)
    search_fields = ("user__email", "object_repr", "what", "address")
    date_hierarchy = "at"
    list_select_related = ("user",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

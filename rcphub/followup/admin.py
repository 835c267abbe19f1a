from typing import Any

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from rcphub.followup.models import (
    Commitment,
    FollowUpReport,
    KeyAction,
    Reminder,
    ReportingRound,
    Review,
    ReviewGroup,
)


class ReviewGroupInline(admin.TabularInline[ReviewGroup, Review]):
    model = ReviewGroup
    extra = 0


class KeyActionInline(admin.TabularInline[KeyAction, Commitment]):
    model = KeyAction
    extra = 0


@admin.register(Review)
class ReviewAdmin(SimpleHistoryAdmin):
    list_display = [
        "title",
        "kind",
        "organisation",
        "coalition",
        "issued_on",
        "issued_precision",
        "visibility",
    ]
    list_filter = ["kind", "visibility", "issued_precision"]
    search_fields = ["title"]
    autocomplete_fields = ["organisation", "coalition"]
    readonly_fields = ["version"]
    inlines = [ReviewGroupInline]


@admin.register(Commitment)
class CommitmentAdmin(SimpleHistoryAdmin):
    list_display = ["number", "review", "response", "due_on", "due_text"]
    list_filter = ["response", "review__kind"]
    search_fields = ["text", "number", "review__title"]
    autocomplete_fields = ["responsible_entities"]
    readonly_fields = ["version"]
    inlines = [KeyActionInline]


@admin.register(ReportingRound)
class ReportingRoundAdmin(SimpleHistoryAdmin):
    list_display = ["title", "review", "as_at"]


@admin.register(FollowUpReport)
class FollowUpReportAdmin(SimpleHistoryAdmin):
    list_display = ["commitment", "key_action", "status", "status_text", "as_at", "author", "round"]
    list_filter = ["status"]
    date_hierarchy = "as_at"
    raw_id_fields = ["commitment", "key_action", "author", "round"]

    def get_readonly_fields(self, request: Any, obj: Any = None) -> Any:
        # A report stays with its commitment or key action: moving it would leave the old one's
        # `valid_until` dates (when each report is replaced) pointing at a report it no longer has.
        return ["commitment", "key_action"] if obj is not None else []


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin[Reminder]):
    list_display = ["commitment", "kind", "sent_on"]
    list_filter = ["kind"]
    raw_id_fields = ["commitment"]

from typing import Any

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from rcphub.workplans.models import Activity, Output, ReportingRound, Result, StatusReport, WorkPlan


class ResultInline(admin.TabularInline[Result, WorkPlan]):
    model = Result
    extra = 0
    fields = ["code", "order", "title", "footnotes"]


@admin.register(WorkPlan)
class WorkPlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "coalition", "period_start", "period_end", "state", "endorsed_on"]
    list_filter = ["state", "coalition"]
    search_fields = ["title", "coalition__name"]
    readonly_fields = ["version"]
    inlines = [ResultInline]


@admin.register(Result)
class ResultAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "work_plan"]
    list_filter = ["work_plan__coalition"]
    search_fields = ["title", "footnotes"]
    readonly_fields = ["version"]


@admin.register(Output)
class OutputAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "result"]
    list_filter = ["result__work_plan__coalition"]
    search_fields = ["title", "footnotes"]
    readonly_fields = ["version"]


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "output", "visibility"]
    list_filter = ["visibility", "output__result__work_plan__coalition"]
    search_fields = ["title", "description"]
    autocomplete_fields = [
        "lead_entities",
        "partner_entities",
        "countries",
        "sdg_targets",
        "gcm_objectives",
        "collaborating_coalitions",
    ]
    readonly_fields = ["version"]


@admin.register(ReportingRound)
class ReportingRoundAdmin(SimpleHistoryAdmin):
    list_display = ["title", "work_plan", "as_at"]
    list_filter = ["work_plan__coalition"]


@admin.register(StatusReport)
class StatusReportAdmin(SimpleHistoryAdmin):
    list_display = ["activity", "status", "status_text", "as_at", "author", "round"]
    list_filter = ["status", "activity__output__result__work_plan__coalition"]
    autocomplete_fields = ["activity", "author"]
    date_hierarchy = "as_at"

    def get_readonly_fields(self, request: Any, obj: Any = None) -> Any:
        # A report stays with its activity: moving it would leave the old activity's
        # `valid_until` dates (when each report is replaced) pointing at a report it no longer has.
        return ["activity"] if obj is not None else []

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from rcphub.reports.models import Brief


@admin.register(Brief)
class BriefAdmin(SimpleHistoryAdmin):
    list_display = ["title_en", "slug", "coalition", "region", "audience"]
    list_filter = ["audience", "region"]
    search_fields = ["title_en", "title_fr", "title_ru", "slug"]
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["coalition"]

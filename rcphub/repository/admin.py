from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from rcphub.repository.models import (
    ChampionCountry,
    ImplementerType,
    KnowledgeProduct,
    Pledge,
    PledgeReport,
    Practice,
    ReviewCycle,
    VoluntaryReport,
)


@admin.register(Practice)
class PracticeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "state", "scope", "submitter", "published_on"]
    list_filter = ["state", "scope", "implementer_types"]
    search_fields = ["title", "summary"]
    filter_horizontal = ["gcm_objectives", "gcm_principles", "sdg_targets", "countries", "implementers"]
    raw_id_fields = ["submitter", "reviewer"]


@admin.register(Pledge)
class PledgeAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "pledger", "kind", "stage", "state", "made_on"]
    list_filter = ["state", "kind", "stage"]
    search_fields = ["text", "pledger__acronym"]
    filter_horizontal = ["gcm_objectives", "countries", "partners"]
    raw_id_fields = ["submitter", "reviewer", "matches"]


@admin.register(PledgeReport)
class PledgeReportAdmin(SimpleHistoryAdmin):
    list_display = ["pledge", "reported_on", "stage", "state"]
    list_filter = ["state", "stage"]
    raw_id_fields = ["pledge", "submitter", "reviewer"]


@admin.register(KnowledgeProduct)
class KnowledgeProductAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "coalition", "visibility", "published_on"]
    list_filter = ["kind", "visibility", "coalition"]
    search_fields = ["title"]


@admin.register(ReviewCycle)
class ReviewCycleAdmin(SimpleHistoryAdmin):
    list_display = ["name_en", "slug", "held_on"]
    search_fields = ["name_en", "name_fr", "name_ru", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(VoluntaryReport)
class VoluntaryReportAdmin(SimpleHistoryAdmin):
    list_display = ["country", "year", "review_cycle", "submitted_on", "link"]
    list_filter = ["review_cycle"]
    list_select_related = ["country", "review_cycle"]


@admin.register(ChampionCountry)
class ChampionCountryAdmin(SimpleHistoryAdmin):
    list_display = ["country", "since"]


admin.site.register(ImplementerType)

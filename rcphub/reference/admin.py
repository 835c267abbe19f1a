from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from rcphub.reference.models import (
    Country,
    Entity,
    GcmObjective,
    GcmPrinciple,
    Region,
    SdgGoal,
    SdgIndicator,
    SdgTarget,
)


@admin.register(Country)
class CountryAdmin(SimpleHistoryAdmin):
    list_display = ["name_en", "iso2", "iso3", "m49", "subregion", "unece_member", "programme_country"]
    list_filter = ["unece_member", "programme_country", "subregion"]
    search_fields = ["name_en", "name_fr", "name_ru", "iso2", "iso3"]


@admin.register(Region)
class RegionAdmin(SimpleHistoryAdmin):
    list_display = ["name_en", "slug"]
    search_fields = ["name_en", "name_fr", "name_ru", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    filter_horizontal = ["countries"]


@admin.register(SdgGoal)
class SdgGoalAdmin(SimpleHistoryAdmin):
    list_display = ["code", "short_title_en"]


@admin.register(SdgTarget)
class SdgTargetAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title_en"]
    list_filter = ["goal"]
    search_fields = ["code", "title_en"]


@admin.register(SdgIndicator)
class SdgIndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["code", "unsd_code", "in_current_framework", "title_en"]
    list_filter = ["in_current_framework", "target__goal"]
    search_fields = ["code", "title_en"]


@admin.register(GcmObjective)
class GcmObjectiveAdmin(SimpleHistoryAdmin):
    list_display = ["number", "short_title", "title"]
    search_fields = ["short_title", "title"]


@admin.register(GcmPrinciple)
class GcmPrincipleAdmin(SimpleHistoryAdmin):
    list_display = ["letter", "title"]


@admin.register(Entity)
class EntityAdmin(SimpleHistoryAdmin):
    list_display = ["acronym", "name", "kind", "un_type", "unsdg_core_group"]
    list_filter = ["kind", "unsdg_core_group"]
    search_fields = ["acronym", "name"]

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from rcphub.coalitions.models import Coalition, CoalitionMember, CountryNetwork, Platform


@admin.register(Platform)
class PlatformAdmin(SimpleHistoryAdmin):
    list_display = ["name", "acronym", "region"]


class CoalitionMemberInline(admin.TabularInline[CoalitionMember, Coalition]):
    model = CoalitionMember
    extra = 0
    autocomplete_fields = ["entity"]


class CountryNetworkInline(admin.TabularInline[CountryNetwork, Coalition]):
    model = CountryNetwork
    extra = 0
    autocomplete_fields = ["country"]


@admin.register(Coalition)
class CoalitionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "parent", "active", "visibility"]
    list_filter = ["kind", "active", "visibility"]
    search_fields = ["name", "short_name", "theme"]
    prepopulated_fields = {"slug": ["short_name"]}
    readonly_fields = ["version"]
    inlines = [CoalitionMemberInline, CountryNetworkInline]


@admin.register(CoalitionMember)
class CoalitionMemberAdmin(SimpleHistoryAdmin):
    list_display = ["coalition", "entity", "role", "since", "until"]
    list_filter = ["role", "coalition"]
    autocomplete_fields = ["entity", "coalition"]


@admin.register(CountryNetwork)
class CountryNetworkAdmin(SimpleHistoryAdmin):
    list_display = ["name", "coalition", "country", "established_on"]
    list_filter = ["coalition"]
    autocomplete_fields = ["country", "coalition"]

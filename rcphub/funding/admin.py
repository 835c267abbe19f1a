from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from rcphub.funding.models import Contribution, Fund, JointProgramme


@admin.register(Fund)
class FundAdmin(SimpleHistoryAdmin):
    list_display = ["acronym", "name", "target_amount", "currency", "target_date", "visibility"]
    list_filter = ["visibility", "currency"]
    search_fields = ["acronym", "name"]
    autocomplete_fields = ["managed_by"]
    readonly_fields = ["version"]


@admin.register(Contribution)
class ContributionAdmin(SimpleHistoryAdmin):
    list_display = ["fund", "contributor", "kind", "amount", "currency", "contributed_on"]
    list_filter = ["fund", "kind", "currency"]
    search_fields = ["contributor__acronym", "contributor__name", "note"]
    autocomplete_fields = ["contributor"]
    date_hierarchy = "contributed_on"


@admin.register(JointProgramme)
class JointProgrammeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "fund", "thematic_area", "state", "budget", "currency", "funded_on", "closed_on"]
    list_filter = ["fund", "thematic_area", "state"]
    search_fields = ["title", "description"]
    autocomplete_fields = ["countries", "entities"]
    readonly_fields = ["version"]

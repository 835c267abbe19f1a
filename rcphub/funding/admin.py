from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import ForeignKey
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from rcphub.funding.models import Contribution, Fund, FundThematicArea, JointProgramme


class FundThematicAreaInline(admin.TabularInline[FundThematicArea, Fund]):
    model = FundThematicArea
    fields = ["position", "code", "name_en", "name_fr", "name_ru"]
    extra = 1
    ordering = ["position", "id"]


@admin.register(Fund)
class FundAdmin(SimpleHistoryAdmin):
    list_display = ["acronym", "name", "target_amount", "currency", "target_date", "visibility"]
    list_filter = ["visibility", "currency"]
    search_fields = ["acronym", "name"]
    autocomplete_fields = ["managed_by"]
    readonly_fields = ["version"]
    inlines = [FundThematicAreaInline]


@admin.register(Contribution)
class ContributionAdmin(SimpleHistoryAdmin):
    list_display = ["fund", "contributor", "kind", "amount", "currency", "contributed_on"]
    list_filter = ["fund", "kind", "currency"]
    search_fields = ["contributor__acronym", "contributor__name", "note"]
    autocomplete_fields = ["contributor"]
    date_hierarchy = "contributed_on"


class ThematicAreaOfFundField(forms.ModelChoiceField[FundThematicArea]):
    def label_from_instance(self, obj: FundThematicArea) -> str:
        # Every fund may name its areas alike: the fund tells them apart (clean() refuses another fund's).
        return f"{obj.fund.acronym} · {obj.name}"


@admin.register(JointProgramme)
class JointProgrammeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "fund", "thematic_area", "state", "budget", "currency", "funded_on", "closed_on"]
    list_filter = ["fund", "thematic_area__code", "state"]
    list_select_related = ["fund", "thematic_area"]
    search_fields = ["title", "description"]
    autocomplete_fields = ["countries", "entities"]
    readonly_fields = ["version"]

    def formfield_for_foreignkey(
        self, db_field: ForeignKey[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> forms.ModelChoiceField[Any] | None:
        if db_field.name == "thematic_area":
            kwargs.setdefault("form_class", ThematicAreaOfFundField)
            kwargs.setdefault(
                "queryset",
                FundThematicArea.objects.select_related("fund").order_by("fund__acronym", "position", "id"),
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

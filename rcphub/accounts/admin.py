from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from rcphub.accounts.models import ApiToken, Invitation, Membership, User


class MembershipInline(admin.TabularInline[Membership, User]):
    model = Membership
    extra = 0
    autocomplete_fields = ["entity", "coalition"]


@admin.register(User)
class UserAdmin(BaseUserAdmin[User], SimpleHistoryAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_active", "is_staff"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "entity", "coalition"]
    list_filter = ["role", "coalition"]
    search_fields = ["user__email", "entity__acronym"]
    autocomplete_fields = ["user", "entity", "coalition"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin[ApiToken]):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked"]
    list_filter = ["revoked"]
    search_fields = ["user__email", "name"]
    readonly_fields = ["prefix", "digest", "last_used_at"]


@admin.register(Invitation)
class InvitationAdmin(SimpleHistoryAdmin):
    """Invitations are sent from the secretariat's pages; here they are read, the token digest never edited."""

    list_display = [
        "email",
        "role",
        "entity",
        "coalition",
        "invited_by",
        "expires_at",
        "accepted_at",
        "revoked_at",
    ]
    list_filter = ["role", "coalition"]
    search_fields = ["email", "entity__acronym"]
    autocomplete_fields = ["entity", "coalition", "invited_by", "accepted_by", "revoked_by"]
    readonly_fields = ["token_hash", "created_at", "accepted_at", "accepted_by"]

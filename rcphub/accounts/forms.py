from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from rcphub.accounts.models import Invitation, Role
from rcphub.accounts.permissions import coalition_ids_with_role, invitable_roles, is_platform_secretariat
from rcphub.reference.models import Entity


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(label=_("E-mail address"), widget=forms.EmailInput(attrs={"autofocus": True}))


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, asking for the e-mail address with the login page's words."""

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )


class InvitationForm(forms.Form):
    """Whom to invite, to which role, for which entity, in which coalition (none: the platform)."""

    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    role = forms.ChoiceField(label=_("Role"))
    entity = forms.ModelChoiceField(label=_("Entity"), queryset=Entity.objects.order_by("acronym"))
    coalition: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Coalition"), queryset=None, required=False
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        coalition_field = cast(forms.ModelChoiceField[Any], self.fields["coalition"])
        coalitions = Invitation._meta.get_field("coalition").related_model._default_manager.order_by("name")
        if is_platform_secretariat(user):
            # Any coalition's roles (0 stands for any coalition) and the platform's.
            roles = invitable_roles(user, coalition_id=None) | invitable_roles(user, coalition_id=0)
            coalition_field.empty_label = _("None: a role of the whole platform")
        else:
            coalitions = coalitions.filter(id__in=coalition_ids_with_role(user, Role.COALITION_SECRETARIAT))
            roles = frozenset({Role.MEMBER, Role.FOCAL_POINT, Role.COALITION_SECRETARIAT})
            coalition_field.required = True
        coalition_field.queryset = coalitions
        self.fields["role"].choices = [(value, label) for value, label in Role.choices if value in roles]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        role, coalition = data.get("role"), data.get("coalition")
        coalition_id = coalition.pk if coalition else None
        if (
            role
            and "coalition" not in self.errors
            and role not in invitable_roles(self.user, coalition_id=coalition_id)
        ):
            if coalition is None:
                self.add_error("coalition", _("This role belongs to a coalition: choose one."))
            else:
                self.add_error("role", _("This role belongs to the whole platform: choose no coalition."))
        return data


class InvitationSignUpForm(auth_forms.SetPasswordForm):  # type: ignore[type-arg]
    """The invited person's name and the password of their new account, validated as Django's."""

    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)

    field_order = ["first_name", "last_name", "new_password1", "new_password2"]

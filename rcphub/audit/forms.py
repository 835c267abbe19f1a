from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rcphub.accounts.models import User
from rcphub.audit.models import AuditKind
from rcphub.audit.selectors import AuditFilter


class AuditFilterForm(forms.Form):
    """The trail's filters, read from the query string."""

    person = forms.EmailField(label=_("Person (e-mail address)"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *AuditKind.choices]
    )

    def clean_person(self) -> User | None:
        email = self.cleaned_data.get("person")
        if not email:
            return None
        person = User.objects.filter(email__iexact=email.strip()).first()
        if person is None:
            raise forms.ValidationError(_("Nobody signs in with this e-mail address."))
        return person

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end comes before the start."))
        return data

    def filters(self) -> AuditFilter:
        data = self.cleaned_data
        return AuditFilter(
            person=data.get("person"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            kind=data.get("kind") or None,
        )

"""Forms for the coalition secretariat: the coalition page, members and country networks.

The forms parse and check what a person typed; the writes go through `coalitions.services`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from rcphub.coalitions.models import Coalition, CoalitionMember, CountryNetwork
from rcphub.core.dates import today
from rcphub.core.forms import ModelChoiceField
from rcphub.core.validators import validate_upload
from rcphub.reference.models import Country, Entity


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


@dataclass(frozen=True)
class StoredFile:
    """A stored file as the upload widget shows it: its name, linked to the page that serves it."""

    url: str
    name: str

    def __str__(self) -> str:
        return self.name


class StoredFileInput(forms.ClearableFileInput):
    """An upload field that links the stored file to `download_url`, where permissions are checked.

    Files are not served from the media folder, so that an internal coalition's files stay internal.
    """

    download_url = ""

    def format_value(self, value: Any) -> Any:
        if self.is_initial(value):
            return StoredFile(url=self.download_url, name=PurePosixPath(value.name).name)
        return None


class EntityChoiceField(ModelChoiceField):
    def label_from_instance(self, obj: Entity) -> str:
        return f"{obj.acronym} — {obj.name}" if obj.name != obj.acronym else obj.acronym


class CountryChoiceField(ModelChoiceField):
    def label_from_instance(self, obj: Country) -> str:
        return obj.name


def _prepare_upload(field: forms.Field, *, download_url: str) -> None:
    """Check the size and type of an upload as the form is cleaned, and say the limits beside the field."""
    field.validators.append(validate_upload)
    field.help_text = _("A file of type %(types)s; at most %(size)s.") % {
        "types": ", ".join(settings.RCPHUB_UPLOAD_EXTENSIONS),
        "size": filesizeformat(settings.RCPHUB_UPLOAD_MAX_BYTES),
    }
    if isinstance(field.widget, StoredFileInput):
        field.widget.download_url = download_url


def _formfield(field: models.Field[Any, Any], **kwargs: Any) -> forms.Field | None:
    # Links typed without a scheme are taken as https, as Django 6 will do.
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)


class CoalitionForm(forms.ModelForm[Coalition]):
    """The coalition page; `version` is the edit counter read when the form was opened."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    class Meta:
        model = Coalition
        formfield_callback = _formfield
        fields = ["name", "short_name", "theme", "description", "tor_url", "tor_file", "active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 6}), "tor_file": StoredFileInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["version"] = self.instance.version
        _prepare_upload(
            self.fields["tor_file"], download_url=reverse("coalitions:tor", args=[self.instance.slug])
        )

    def changes(self) -> dict[str, Any]:
        """Return the cleaned values as `coalition_update` takes them."""
        changes = {name: self.cleaned_data[name] for name in self._meta.fields or ()}
        if changes["tor_file"] is False:  # "Clear" was ticked
            changes["tor_file"] = ""
        return changes


class MemberForm(forms.ModelForm[CoalitionMember]):
    """An entity's place in the coalition over a period."""

    entity = EntityChoiceField(label=_("Entity"), queryset=Entity.objects.order_by("acronym"))

    class Meta:
        model = CoalitionMember
        fields = ["entity", "role", "since", "until"]
        widgets = {"since": DateInput(), "until": DateInput()}
        help_texts = {"until": _("Leave empty while the membership lasts.")}

    def __init__(self, *args: Any, coalition: Coalition, **kwargs: Any) -> None:
        kwargs["instance"] = CoalitionMember(coalition=coalition)
        super().__init__(*args, **kwargs)
        self.coalition = coalition

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        entity, role, until = cleaned.get("entity"), cleaned.get("role"), cleaned.get("until")
        if entity is not None and role and until is None:
            current = CoalitionMember.objects.filter(coalition=self.coalition, entity=entity, role=role)
            if current.filter(until__isnull=True).exists():
                self.add_error(
                    "entity",
                    _("%(entity)s already holds this role in the coalition; end that membership first.")
                    % {"entity": entity.acronym},
                )
        return cleaned


class MemberEndForm(forms.Form):
    """The last day of a membership."""

    until = forms.DateField(label=_("Last day"), widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("until", today())


class CountryNetworkForm(forms.ModelForm[CountryNetwork]):
    """A country network under the coalition, with its terms of reference as a link or a file."""

    country = CountryChoiceField(label=_("Country"), queryset=Country.objects.order_by("name_en"))

    class Meta:
        model = CountryNetwork
        formfield_callback = _formfield
        fields = ["country", "name", "established_on", "tor_url", "tor_file"]
        widgets = {"established_on": DateInput(), "tor_file": StoredFileInput()}

    def __init__(self, *args: Any, coalition: Coalition, **kwargs: Any) -> None:
        kwargs.setdefault("instance", CountryNetwork(coalition=coalition))
        super().__init__(*args, **kwargs)
        self.coalition = coalition
        download_url = (
            reverse("coalitions:network_tor", args=[coalition.slug, self.instance.pk])
            if self.instance.pk
            else ""
        )
        _prepare_upload(self.fields["tor_file"], download_url=download_url)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        country = cleaned.get("country")
        if country is not None:
            others = CountryNetwork.objects.filter(coalition=self.coalition, country=country)
            if self.instance.pk:
                others = others.filter(~Q(pk=self.instance.pk))
            if others.exists():
                self.add_error(
                    "country",
                    _("The coalition already has a network in %(country)s; edit that one.")
                    % {"country": country.name},
                )
        return cleaned

    def values(self) -> dict[str, Any]:
        """Return the cleaned values as `country_network_save` takes them."""
        tor_file = self.cleaned_data["tor_file"]
        return {
            "country": self.cleaned_data["country"],
            "name": self.cleaned_data["name"],
            "established_on": self.cleaned_data["established_on"],
            "tor_url": self.cleaned_data["tor_url"],
            # None keeps the stored file, "" removes it ("Clear" was ticked).
            "tor_file": "" if tor_file is False else (tor_file if tor_file else None),
        }

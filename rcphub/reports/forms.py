"""The form of a brief's edition: its titles, its date, and a short Markdown text per section and language."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rcphub.core.forms import DateInput
from rcphub.reports.models import EDITION_LANGUAGES, NARRATIVE_MAX_CHARS, BriefEdition, BriefSection

LANGUAGE_NAMES = {"en": _("English"), "fr": _("French"), "ru": _("Russian")}


def narrative_field(section: str, language: str) -> str:
    return f"narrative_{section}_{language}"


class EditionForm(forms.Form):
    title_en = forms.CharField(label=_("Title (English)"), max_length=200)
    title_fr = forms.CharField(
        label=_("Title (French)"),
        max_length=200,
        required=False,
        help_text=_("Give it to publish in French too."),
    )
    title_ru = forms.CharField(
        label=_("Title (Russian)"),
        max_length=200,
        required=False,
        help_text=_("Give it to publish in Russian too."),
    )
    as_at = forms.DateField(label=_("As at"), widget=DateInput())
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, edition: BriefEdition | None = None, **kwargs: Any) -> None:
        if edition is not None:
            initial = {
                "title_en": edition.title_en,
                "title_fr": edition.title_fr,
                "title_ru": edition.title_ru,
                "as_at": edition.as_at,
                "version": edition.version,
            }
            for section in BriefSection.values:
                for language in EDITION_LANGUAGES:
                    initial[narrative_field(section, language)] = (edition.narrative.get(section) or {}).get(
                        language, ""
                    )
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        for section, heading in BriefSection.choices:
            for language in EDITION_LANGUAGES:
                self.fields[narrative_field(section, language)] = forms.CharField(
                    label=_("%(section)s: narrative (%(language)s)")
                    % {"section": heading, "language": LANGUAGE_NAMES[language]},
                    required=False,
                    max_length=NARRATIVE_MAX_CHARS,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    help_text=_("Markdown: paragraphs, **bold**, *italics*, lists and links; no HTML.")
                    if language == "en"
                    else "",
                )

    def edition_fields(self) -> dict[str, Any]:
        """The cleaned data as the services take it: titles, date and the narrative by section and language."""
        data = self.cleaned_data
        narrative: dict[str, dict[str, str]] = {}
        for section in BriefSection.values:
            texts = {
                language: data[narrative_field(section, language)].strip()
                for language in EDITION_LANGUAGES
                if data.get(narrative_field(section, language), "").strip()
            }
            if texts:
                narrative[section] = texts
        return {
            "title_en": data["title_en"],
            "title_fr": data["title_fr"],
            "title_ru": data["title_ru"],
            "as_at": data["as_at"],
            "narrative": narrative,
        }

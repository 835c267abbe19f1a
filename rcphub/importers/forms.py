"""The upload form and the form of a preview's questions."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from rcphub.core.dates import today
from rcphub.core.forms import DateInput, ModelChoiceField
from rcphub.importers.interpret.proposal import Question
from rcphub.importers.models import ImportKind
from rcphub.importers.readers.limits import max_bytes

EXTENSIONS = ("docx", "pdf", "xlsx", "csv")
ANSWER_PREFIX = "answer-"


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Document"),
        help_text=_("Word (.docx), PDF with text, Excel (.xlsx) or CSV."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(f".{e}" for e in EXTENSIONS)}),
    )
    kind = forms.ChoiceField(
        label=_("Kind of document"),
        required=False,
        choices=[("", _("Detect from the document")), *ImportKind.choices],
    )
    coalition = ModelChoiceField(
        label=_("Coalition"),
        queryset=None,
        required=False,
        to_field_name="slug",
        empty_label=_("— none —"),
        help_text=_("For a work plan: the coalition it is the plan of."),
    )
    organisation = ModelChoiceField(
        label=_("Organisation"),
        queryset=None,
        required=False,
        to_field_name="acronym",
        empty_label=_("— none —"),
        help_text=_("For a review or a plan of action: the organisation that follows it up."),
    )

    def __init__(
        self, *args: Any, coalitions: QuerySet[Any], organisations: QuerySet[Any], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        coalition: Any = self.fields["coalition"]
        coalition.queryset = coalitions
        organisation: Any = self.fields["organisation"]
        organisation.queryset = organisations
        limit = filesizeformat(max_bytes())
        self.fields["file"].help_text = _(
            "Word (.docx), PDF with text, Excel (.xlsx) or CSV; at most %(limit)s."
        ) % {"limit": limit}

    def clean_file(self) -> Any:
        file = self.cleaned_data["file"]
        if file.size is not None and file.size > max_bytes():
            raise forms.ValidationError(
                _("The file is %(size)s; the limit is %(limit)s.")
                % {"size": filesizeformat(file.size), "limit": filesizeformat(max_bytes())},
                code="file_too_large",
            )
        name = file.name or ""
        extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if extension not in EXTENSIONS:
            raise forms.ValidationError(
                _("Files of type “%(ext)s” are not imported; use Word (.docx), PDF, Excel (.xlsx) or CSV.")
                % {"ext": extension or "?"},
                code="file_type",
            )
        return file


class ImportAnswersForm(forms.Form):
    """One field per question: a select of its choices, else the kind of value it asks for."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(
        self,
        *args: Any,
        questions: list[Question],
        coalitions: QuerySet[Any] | None = None,
        organisations: QuerySet[Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            name = ANSWER_PREFIX + question.id
            label = question.text
            initial = question.answer or question.default
            field: forms.Field
            if question.choices:
                field = forms.ChoiceField(
                    choices=[("", _("— choose —")), *((c.value or "-", c.label) for c in question.choices)]
                )
                leaves_out = any(c.value == "" for c in question.choices)
                # An answer "" (leave out) is recorded by making the question no longer required.
                if not question.answer and leaves_out and not question.required:
                    initial = "-"
            elif question.about == "year":
                year = today().year
                field = forms.ChoiceField(
                    choices=[("", _("— choose —")), *((str(y), str(y)) for y in range(year + 5, 1989, -1))]
                )
            elif question.about == "round_date":
                field = forms.DateField(widget=DateInput())
            elif question.about == "coalition" and coalitions is not None:
                field = forms.ChoiceField(
                    choices=[("", _("— choose —")), *((c.slug, c.name) for c in coalitions)]
                )
            elif question.about == "organisation" and organisations is not None:
                field = forms.ChoiceField(
                    choices=[
                        ("", _("— choose —")),
                        *((e.acronym, f"{e.acronym} — {e.name}") for e in organisations),
                    ]
                )
            else:
                field = forms.CharField(max_length=200)
            field.label = label
            field.required = False
            field.help_text = (
                _("In the document at %(where)s.") % {"where": question.where} if question.where else ""
            )
            field.initial = initial
            self.fields[name] = field

    def answers(self) -> dict[str, str]:
        """Return the answers given, by question id ("" for none; "Leave out" posts as "")."""
        answers: dict[str, str] = {}
        for question in self.questions:
            value: Any = self.cleaned_data.get(ANSWER_PREFIX + question.id)
            if value is None or value == "":
                continue
            text = value.isoformat() if hasattr(value, "isoformat") else str(value)
            answers[question.id] = "" if text == "-" and question.choices else text
        return answers

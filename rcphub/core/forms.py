"""Form fields shared by every app, and the form that records a status as at a date."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from rcphub.core.dates import today

# The largest primary key a 64-bit integer column holds.
MAX_ID = 2**63 - 1


def _check_ids(field: forms.ModelChoiceField[Any], values: Iterable[Any]) -> None:
    """Refuse ids no table can hold, as the field's own "not one of the choices" error.

    A database given such a number answers with an overflow (SQLite) instead of "no such row".
    """
    if field.to_field_name:
        return
    for value in values:
        text = str(value).strip()
        if text.lstrip("-").isdigit() and not 0 < int(text) <= MAX_ID:
            raise ValidationError(
                field.error_messages["invalid_choice"], code="invalid_choice", params={"value": text}
            )


class ModelChoiceField(forms.ModelChoiceField[Any]):
    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values:
            _check_ids(self, [value])
        return super().to_python(value)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField[Any]):
    def _check_values(self, value: Any) -> Any:
        _check_ids(self, value)
        return super()._check_values(value)  # type: ignore[misc]  # a private hook the stubs leave out


class DateInput(forms.DateInput):
    """A native date picker that posts ISO dates, so the form works without JavaScript."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class StatusFormBase(forms.Form):
    """Record a status as at a date, in one of the subject's reporting rounds or not.

    A subclass declares `status` with its statuses and passes the rounds the subject reports in.
    """

    status = forms.ChoiceField(label=_("Status"))
    as_at = forms.DateField(
        label=_("As at"),
        required=False,
        widget=DateInput(),
        help_text=_("The date the status describes; today if left empty. In a round, the round's date."),
    )
    round = ModelChoiceField(
        label=_("Reporting round"), queryset=None, required=False, empty_label=_("— none —")
    )
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, rounds: QuerySet[Any], **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("as_at", today())
        super().__init__(*args, **kwargs)
        round_field: Any = self.fields["round"]
        round_field.queryset = rounds.order_by("as_at")

    def report_fields(self) -> dict[str, Any]:
        """Return the values the recording service takes.

        With a round chosen, the date left at today's default gives way to the round's date.
        """
        data = dict(self.cleaned_data)
        if data.get("round") is not None and data.get("as_at") in (None, today()):
            data["as_at"] = None
        return data


def add_service_error(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: on the field it names, else above the form.

    A uniqueness error goes on the first field of the unique set that the form shows ("code").
    """
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        for item in errors:
            target = name if name in form.fields else None
            if target is None and name == NON_FIELD_ERRORS:
                target = _unique_field(form, item)
            form.add_error(target, item)


def _unique_field(form: forms.BaseForm, error: ValidationError) -> str | None:
    params = error.params if isinstance(error.params, dict) else {}
    if error.code not in ("unique", "unique_together") or not params.get("unique_check"):
        return None
    return next((name for name in params["unique_check"] if name in form.fields), None)

"""Form fields shared by every app."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

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

"""Form fields shared by every app."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

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

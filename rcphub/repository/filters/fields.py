"""The fields of the repository's filters: they read the query string and refuse unknown values,
naming the field. Several values of one facet are alternatives (`?country=ALB&country=SRB`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import django_filters  # type: ignore[import-untyped]
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from rcphub.coalitions.models import Coalition
from rcphub.coalitions.permissions import coalition_visibility_q
from rcphub.reference.models import Country
from rcphub.repository.models import ImplementerType

GCM_OBJECTIVES = range(1, 24)
YEAR_MIN, YEAR_MAX = 1950, 2100
# The most values of one facet a query may select.
MAX_VALUES = 40


class KeysField(forms.Field):
    """Several values of a facet (`?country=ALB&country=SRB`), read and checked one by one."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *, facet: str = "", user: Any = None, **kwargs: Any) -> None:
        self.facet, self.user = facet, user
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> list[Any]:
        if value in (None, ""):
            return []
        values = value if isinstance(value, list | tuple) else [value]
        texts = [str(v).strip() for v in values if str(v).strip()]
        if len(texts) > MAX_VALUES:
            raise ValidationError(_("Choose at most %(n)s values.") % {"n": MAX_VALUES})
        return list(dict.fromkeys(self.read(text[:60]) for text in texts))

    def read(self, text: str) -> Any:
        return text

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value:
            self.check(value)

    def check(self, keys: list[Any]) -> None:
        """Refuse keys that name nothing (one query at most)."""


class ObjectiveField(KeysField):
    def read(self, text: str) -> int:
        if not text.isdigit() or int(text) not in GCM_OBJECTIVES:
            raise ValidationError(
                _("Unknown GCM objective: “%(value)s”. The objectives are numbered 1 to 23.")
                % {"value": text}
            )
        return int(text)


class CountryField(KeysField):
    def read(self, text: str) -> str:
        code = text.upper()
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise ValidationError(self._unknown([text]))
        return code

    def check(self, keys: list[Any]) -> None:
        known = set(Country.objects.filter(iso3__in=keys).values_list("iso3", flat=True))
        if unknown := [key for key in keys if key not in known]:
            raise ValidationError(self._unknown(unknown))

    @staticmethod
    def _unknown(codes: list[str]) -> str:
        return _("Unknown country code: %(codes)s. Use ISO 3166 alpha-3 codes such as ALB or SRB.") % {
            "codes": ", ".join(f"“{code}”" for code in codes)
        }


class ImplementerTypeField(KeysField):
    def check(self, keys: list[Any]) -> None:
        known = set(ImplementerType.objects.filter(code__in=keys).values_list("code", flat=True))
        if unknown := [key for key in keys if key not in known]:
            raise ValidationError(
                _("Unknown implementer type: %(codes)s.") % {"codes": ", ".join(f"“{c}”" for c in unknown)}
            )


class CoalitionField(KeysField):
    def check(self, keys: list[Any]) -> None:
        # A coalition the reader may not see answers as one that does not exist.
        known = set(visible_coalitions(self.user).filter(slug__in=keys).values_list("slug", flat=True))
        if unknown := [key for key in keys if key not in known]:
            raise ValidationError(
                _("Unknown coalition: %(codes)s.") % {"codes": ", ".join(f"“{c}”" for c in unknown)}
            )


class ChoiceKeysField(KeysField):
    def __init__(self, *, choices: Iterable[tuple[str, Any]] = (), **kwargs: Any) -> None:
        self.choices = list(choices)
        super().__init__(**kwargs)

    def read(self, text: str) -> str:
        allowed = [value for value, _label in self.choices]
        if text not in allowed:
            raise ValidationError(
                _("Unknown value: “%(value)s”. Use one of: %(allowed)s.")
                % {"value": text, "allowed": ", ".join(allowed)}
            )
        return text


class YearField(forms.Field):
    def to_python(self, value: Any) -> int | None:
        if isinstance(value, list | tuple):
            value = value[-1] if value else None
        text = str(value or "").strip()
        if not text:
            return None
        if not text.isdigit() or not YEAR_MIN <= int(text) <= YEAR_MAX:
            raise ValidationError(_("Give a year such as 2024, not “%(value)s”.") % {"value": text[:20]})
        return int(text)


class KeysFilter(django_filters.Filter):
    field_class = KeysField


class ObjectiveFilter(KeysFilter):
    field_class = ObjectiveField


class CountryFilter(KeysFilter):
    field_class = CountryField


class ImplementerTypeFilter(KeysFilter):
    field_class = ImplementerTypeField


class CoalitionFilter(KeysFilter):
    field_class = CoalitionField


class ChoiceKeysFilter(KeysFilter):
    field_class = ChoiceKeysField


class YearFilter(django_filters.Filter):
    field_class = YearField


def visible_coalitions(user: Any) -> QuerySet[Coalition]:
    """Return the coalitions the user may see: public ones, and those whose internal items they may read."""
    return Coalition.objects.filter(coalition_visibility_q(user))

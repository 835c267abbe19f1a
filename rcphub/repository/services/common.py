"""What the repository's services share: related objects named by key, language codes, saving.

Related objects may be given as instances or by their codes, as the API and forms receive them:
GCM objectives by number (1–23), GCM principles by letter, SDG targets by code, countries by ISO3
code, implementer types by code, entities (pledger, partners, implementers, lead reporter) by id.
An unknown one is refused with a ValidationError naming the field.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from rcphub.core.models import VersionedModel
from rcphub.reference.models import Country, Entity, GcmObjective, GcmPrinciple, SdgTarget
from rcphub.repository.models import ImplementerType

# Languages a practice or knowledge product may be written in: the UN's six and the region's own.
LANGUAGES: dict[str, Any] = {
    "en": _lazy("English"),
    "fr": _lazy("French"),
    "ru": _lazy("Russian"),
    "es": _lazy("Spanish"),
    "ar": _lazy("Arabic"),
    "zh": _lazy("Chinese"),
    "de": _lazy("German"),
    "it": _lazy("Italian"),
    "sq": _lazy("Albanian"),
    "hy": _lazy("Armenian"),
    "az": _lazy("Azerbaijani"),
    "be": _lazy("Belarusian"),
    "bs": _lazy("Bosnian"),
    "hr": _lazy("Croatian"),
    "ka": _lazy("Georgian"),
    "kk": _lazy("Kazakh"),
    "ky": _lazy("Kyrgyz"),
    "mk": _lazy("Macedonian"),
    "cnr": _lazy("Montenegrin"),
    "ro": _lazy("Romanian"),
    "sr": _lazy("Serbian"),
    "tg": _lazy("Tajik"),
    "tr": _lazy("Turkish"),
    "tk": _lazy("Turkmen"),
    "uk": _lazy("Ukrainian"),
    "uz": _lazy("Uzbek"),
}

# The largest primary key a 64-bit integer column holds; larger ids exist nowhere.
MAX_ID = 2**63 - 1

# How each many-to-many field's members may be named: model, lookup, and how to read a key.
_M2M_KEYS: dict[str, tuple[Any, str, Any]] = {
    "gcm_objectives": (GcmObjective, "number", int),
    "gcm_principles": (GcmPrinciple, "letter", lambda v: str(v).strip().lower()),
    "sdg_targets": (SdgTarget, "code", lambda v: str(v).strip()),
    "countries": (Country, "iso3", lambda v: str(v).strip().upper()),
    "implementer_types": (ImplementerType, "code", lambda v: str(v).strip()),
    "implementers": (Entity, "pk", int),
    "partners": (Entity, "pk", int),
}
_FK_MODELS: dict[str, Any] = {
    "pledger": Entity,
    "lead_reporter": Entity,
    "submitted_by_entity": Entity,
}


def unknown_message(name: str, keys: Iterable[Any]) -> str:
    shown = ", ".join(str(key) for key in keys)
    if name == "gcm_objectives":
        return _("Unknown GCM objective: %(keys)s. The objectives are numbered 1 to 23.") % {"keys": shown}
    if name == "countries":
        return _("Unknown country code: %(keys)s. Use ISO 3166 alpha-3 codes such as ALB or SRB.") % {
            "keys": shown
        }
    if name == "implementer_types":
        return _("Unknown implementer type: %(keys)s.") % {"keys": shown}
    if name == "gcm_principles":
        return _("Unknown GCM guiding principle: %(keys)s. Use the letters a to j.") % {"keys": shown}
    if name == "sdg_targets":
        return _("Unknown SDG target: %(keys)s.") % {"keys": shown}
    return _("Unknown entity: %(keys)s.") % {"keys": shown}


def resolve_many(name: str, values: Iterable[Any] | None) -> list[Any]:
    """Return the objects of a many-to-many field given as instances or keys; refuse unknown keys."""
    model, lookup, read = _M2M_KEYS[name]
    found: list[Any] = []
    keys: list[Any] = []
    bad: list[Any] = []
    for value in values or ():
        if isinstance(value, model):
            found.append(value)
            continue
        try:
            key = read(value)
        except (TypeError, ValueError):
            bad.append(value)
            continue
        if isinstance(key, int) and not 0 < key <= MAX_ID:
            bad.append(value)
        else:
            keys.append(key)
    if keys:
        by_key = {getattr(obj, lookup): obj for obj in model.objects.filter(**{f"{lookup}__in": keys})}
        bad.extend(key for key in keys if key not in by_key)
        found.extend(by_key[key] for key in dict.fromkeys(keys) if key in by_key)
    if bad:
        raise ValidationError({name: unknown_message(name, bad)})
    return found


def _resolve_fk(name: str, value: Any) -> Any:
    model = _FK_MODELS[name]
    if value in (None, "") or isinstance(value, model):
        return value or None
    try:
        key = int(value)
    except (TypeError, ValueError):
        key = 0
    obj = model.objects.filter(pk=key).first() if 0 < key <= MAX_ID else None
    if obj is None:
        raise ValidationError({name: _("Unknown entity: %(value)s.") % {"value": value}})
    return obj


def clean_language(value: Any, *, field: str = "language") -> str:
    """Return the language code, or refuse one the platform does not know, naming the field."""
    code = str(value or "").strip().lower()
    if code not in LANGUAGES:
        raise ValidationError(
            {
                field: _("Unknown language code: “%(code)s”. Use codes such as en, fr or ru.")
                % {"code": code[:20]}
            }
        )
    return code


def clean_languages(value: Any, *, field: str = "languages") -> str:
    """Return language codes as stored ("en, fr"), given a list or comma-separated text; refuse unknown ones."""
    parts = value.split(",") if isinstance(value, str) else list(value or ())
    codes = [str(part).strip().lower() for part in parts if str(part).strip()]
    if not codes:
        raise ValidationError({field: _("Name at least one language.")})
    unknown = [code for code in codes if code not in LANGUAGES]
    if unknown:
        raise ValidationError(
            {
                field: _("Unknown language code: %(codes)s. Use codes such as en, fr or ru.")
                % {"codes": ", ".join(f"“{code[:20]}”" for code in unknown)}
            }
        )
    return ", ".join(dict.fromkeys(codes))


def prepare_fields(fields: dict[str, Any], m2m_names: Iterable[str]) -> dict[str, list[Any]]:
    """Split off the many-to-many fields and resolve every related object named by key."""
    m2m = {name: resolve_many(name, fields.pop(name)) for name in list(fields) if name in m2m_names}
    for name in list(fields):
        if name in _FK_MODELS:
            fields[name] = _resolve_fk(name, fields[name])
    if "language" in fields:
        fields["language"] = clean_language(fields["language"])
    return m2m


def set_fields(obj: Any, fields: dict[str, Any], allowed: Iterable[str]) -> None:
    """Set the fields given on the object, text stripped; refuse a name that is not one of `allowed`."""
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValueError(f"Not a field here: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(obj, name, value.strip() if isinstance(value, str) else value)


def save_checked(
    obj: VersionedModel, *, by: Any, m2m: dict[str, Any], expected_version: int | None = None
) -> None:
    """Check and save the object as changed by `by` (refusing a stale `expected_version`), then its
    many-to-many fields."""
    obj.full_clean()
    obj._history_user = by  # type: ignore[attr-defined]
    obj.save_versioned(expected_version=expected_version)
    for name, values in m2m.items():
        getattr(obj, name).set(list(values))

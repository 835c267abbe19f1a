"""Validators shared by every app."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Codes as people write them in work plans: "1", "1.2", "iii", "2.a", "A-3".
CODE_RE = re.compile(r"^[A-Za-z0-9]{1,10}([.\-][A-Za-z0-9]{1,10}){0,4}$")


def validate_code(value: str) -> None:
    """Accept a code as people write it: letters and digits, parts joined by dots or hyphens."""
    if not CODE_RE.match(value or ""):
        raise ValidationError(
            _("“%(value)s” is not a code: use letters and digits, with parts joined by dots (1, 1.2, iii).")
            % {"value": (value or "")[:30]},
            code="invalid_code",
        )


def validate_upload(file: Any) -> None:
    """Refuse files over the size limit or of a type the platform does not keep."""
    limit = settings.RCPHUB_UPLOAD_MAX_BYTES
    if file.size is not None and file.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )
    name = getattr(file, "name", "") or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    allowed = settings.RCPHUB_UPLOAD_EXTENSIONS
    if extension not in allowed:
        raise ValidationError(
            _("Files of type “%(ext)s” are not accepted; use one of: %(allowed)s.")
            % {"ext": extension or "?", "allowed": ", ".join(allowed)},
            code="file_type",
        )

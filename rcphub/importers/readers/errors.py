"""The one error every reader raises: the file cannot be read, and where."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from rcphub.importers.readers.model import Source


class ReadError(ValidationError):
    """The file cannot be read; the message names the file and the place (page, table, row, cell, line).

    A `ValidationError`, so that a form shows it and the API answers 422 like any other bad input.
    """

    def __init__(self, message: str, *, filename: str = "", where: Source | None = None) -> None:
        self.filename = filename
        self.where = where or Source()
        self.reason = message
        place = str(self.where)
        if filename and place:
            text = _("%(file)s, %(where)s: %(message)s") % {
                "file": filename,
                "where": place,
                "message": message,
            }
        elif filename:
            text = _("%(file)s: %(message)s") % {"file": filename, "message": message}
        else:
            text = message
        super().__init__(text, code="unreadable_document")

    def __str__(self) -> str:
        return str(self.message)

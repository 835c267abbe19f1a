"""Safety limits on what the readers accept: size, rows, and zip archives that unpack to far more."""

from __future__ import annotations

import zipfile

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from rcphub.importers.readers.errors import ReadError
from rcphub.importers.readers.model import Source

# A member of the archive this large may unpack at most this many times its packed size.
RATIO_CHECKED_FROM = 1024 * 1024


def max_bytes() -> int:
    """Return the largest file accepted: RCPHUB_IMPORT_MAX_BYTES, else the site's upload limit."""
    return int(getattr(settings, "RCPHUB_IMPORT_MAX_BYTES", settings.RCPHUB_UPLOAD_MAX_BYTES))


def max_rows() -> int:
    """Return the most rows a sheet or CSV file may have (RCPHUB_IMPORT_MAX_ROWS, 50 000 by default)."""
    return int(getattr(settings, "RCPHUB_IMPORT_MAX_ROWS", 50_000))


def max_unpacked_bytes() -> int:
    """Return the most a Word or Excel file may unpack to (RCPHUB_IMPORT_MAX_UNPACKED_BYTES, 250 MB)."""
    return int(getattr(settings, "RCPHUB_IMPORT_MAX_UNPACKED_BYTES", 250 * 1024 * 1024))


def max_ratio() -> int:
    """Return how many times its packed size a large member may unpack to (RCPHUB_IMPORT_MAX_RATIO, 200)."""
    return int(getattr(settings, "RCPHUB_IMPORT_MAX_RATIO", 200))


def check_size(size: int, *, filename: str) -> None:
    """Refuse a file over the size limit."""
    limit = max_bytes()
    if size > limit:
        raise ReadError(
            _("the file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)},
            filename=filename,
        )


def check_archive(archive: zipfile.ZipFile, *, filename: str) -> None:
    """Refuse an archive whose declared sizes unpack to too much (a zip bomb), before reading any of it.

    The declared sizes are binding: Python's zipfile stops a member at its declared size.
    """
    total = 0
    ratio = max_ratio()
    for member in archive.infolist():
        total += member.file_size
        packed = max(member.compress_size, 1)
        if member.file_size >= RATIO_CHECKED_FROM and member.file_size / packed > ratio:
            raise ReadError(
                _(
                    "part %(part)s unpacks to %(size)s from %(packed)s (more than %(ratio)s times): "
                    "the file looks like a zip bomb and is not read."
                )
                % {
                    "part": member.filename,
                    "size": filesizeformat(member.file_size),
                    "packed": filesizeformat(member.compress_size),
                    "ratio": ratio,
                },
                filename=filename,
            )
    if total > max_unpacked_bytes():
        raise ReadError(
            _("the file unpacks to %(size)s; the limit is %(limit)s (a zip bomb?).")
            % {"size": filesizeformat(total), "limit": filesizeformat(max_unpacked_bytes())},
            filename=filename,
        )


def check_rows(count: int, *, filename: str, sheet: str | None = None) -> None:
    """Refuse a sheet or CSV file with more rows than the limit."""
    limit = max_rows()
    if count > limit:
        raise ReadError(
            _("more than %(limit)s rows (%(count)s); split the file or import fewer rows.")
            % {"limit": f"{limit:,}".replace(",", " "), "count": f"{count:,}".replace(",", " ")},
            filename=filename,
            where=Source(sheet=sheet),
        )

"""Validators shared by every app."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import filetype  # type: ignore[import-untyped]
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile
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
    """Refuse files over the size limit, of a type the platform does not keep, or whose bytes are not
    what their name says (an executable renamed setup.pdf, a zip renamed .docx).

    A file already in storage was checked on its way in and is not read again.
    """
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
    if isinstance(file, FieldFile) and getattr(file, "_committed", False):
        return
    validate_upload_content(file, name=name, extension=extension)


# What each accepted extension's bytes begin with, as `filetype` names it: the zip-based formats may
# be told only as "zip" when the part that names them comes late in the archive.
MAGIC_KINDS: dict[str, set[str]] = {
    "pdf": {"pdf"},
    "docx": {"docx", "zip"},
    "xlsx": {"xlsx", "zip"},
    "pptx": {"pptx", "zip"},
    "odt": {"odt", "zip"},
    "doc": {"doc", "xls", "ppt"},
}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 and its kin
# The part each Office Open XML format cannot be without.
OOXML_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
ODF_MIMETYPES = {"odt": b"application/vnd.oasis.opendocument.text"}
TEXT_EXTENSIONS = {"csv", "txt"}
TYPE_LABELS = {
    "pdf": "PDF",
    "docx": "Word (.docx)",
    "doc": "Word 97-2003 (.doc)",
    "odt": "OpenDocument (.odt)",
    "xlsx": "Excel (.xlsx)",
    "pptx": "PowerPoint (.pptx)",
    "csv": "CSV",
    "txt": "text",
}


def validate_upload_content(file: Any, *, name: str, extension: str) -> None:
    """Refuse a file whose bytes do not match its extension: the magic number first, then a parse.

    Pdf: pdfminer (through pdfplumber) opens it and finds a page. Docx, xlsx, pptx: a zip holding
    [Content_Types].xml and the format's main part. Odt: a zip whose mimetype says so. Doc: the OLE
    signature. Csv and txt: UTF-8 text without NUL bytes.
    """
    data = _read_all(file)
    label = TYPE_LABELS.get(extension, extension)
    message = _("“%(name)s” is not a valid %(type)s file: its contents do not match its name.") % {
        "name": name.rsplit("/", 1)[-1][:100],
        "type": label,
    }
    if not _content_matches(data, extension):
        raise ValidationError(message, code="file_content")


def _read_all(file: Any) -> bytes:
    """Return the file's bytes, leaving it at its start for whoever reads it next."""
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read()
    if hasattr(file, "seek"):
        file.seek(0)
    return data if isinstance(data, bytes) else data.encode()


def _content_matches(data: bytes, extension: str) -> bool:
    if extension in TEXT_EXTENSIONS:
        if b"\x00" in data:
            return False
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return False
        return True
    kind = filetype.guess(data[:8192])
    expected = MAGIC_KINDS.get(extension)
    if expected is None:  # an extension added in settings with no check known: its magic must not lie
        return kind is None or kind.extension == extension
    if kind is None or kind.extension not in expected:
        return extension == "doc" and data[:8] == OLE_MAGIC
    if extension == "pdf":
        return _pdf_opens(data)
    if extension in OOXML_PARTS:
        return _zip_holds(data, {"[Content_Types].xml", OOXML_PARTS[extension]})
    if extension in ODF_MIMETYPES:
        return _odf_mimetype(data) == ODF_MIMETYPES[extension]
    return True


def _pdf_opens(data: bytes) -> bool:
    import pdfplumber  # imported here: only uploads need it, and it is slow to import

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return len(pdf.pages) > 0
    except Exception:  # pdfminer raises many kinds of error on a damaged file
        return False


def _zip_holds(data: bytes, parts: set[str]) -> bool:
    """Return True if the bytes are a zip archive whose directory names every part (nothing unpacked)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return parts <= set(archive.namelist())
    except zipfile.BadZipFile:
        return False


def _odf_mimetype(data: bytes) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("mimetype")
            if info.file_size > 200:
                return b""
            return archive.read(info).strip()
    except (zipfile.BadZipFile, KeyError):
        return b""

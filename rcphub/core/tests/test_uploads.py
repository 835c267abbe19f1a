"""Uploads are checked by their bytes, not only their names; stored files are sent as attachments."""

from __future__ import annotations

import pytest
from django.core import signals
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import close_old_connections
from django.urls import reverse

from rcphub.core.tests.uploads import ELF, EXECUTABLE, docx_bytes, pdf_bytes, xlsx_bytes, zip_bytes
from rcphub.core.validators import validate_upload
from rcphub.repository.models import KnowledgeProduct

API = "/api/v1"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("setup.pdf", pdf_bytes()),
        ("plan.docx", docx_bytes()),
        ("budget.xlsx", xlsx_bytes()),
        ("SLIDES.PDF", pdf_bytes()),
    ],
)
def test_real_files_are_accepted(name, content):
    upload = SimpleUploadedFile(name, content)

    validate_upload(upload)

    assert upload.read() == content  # left at its start for whoever saves it


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("setup.pdf", EXECUTABLE),
        ("setup.pdf", ELF),
        ("setup.pdf", b"%PDF-1.4 but nothing a reader can open"),
        ("plan.docx", zip_bytes({"[Content_Types].xml": b"<Types/>", "readme.txt": b"hello"})),
        ("plan.docx", xlsx_bytes()),
        ("budget.xlsx", docx_bytes()),
        ("plan.docx", EXECUTABLE),
        ("notes.odt", zip_bytes({"mimetype": b"application/zip"})),
        ("old.doc", pdf_bytes()),
    ],
    ids=[
        "exe",
        "elf",
        "pdf-header-only",
        "zip-as-docx",
        "xlsx-as-docx",
        "docx-as-xlsx",
        "exe-as-docx",
        "odt",
        "doc",
    ],
)
def test_files_whose_bytes_do_not_match_their_name_are_refused_naming_the_file(name, content):
    with pytest.raises(ValidationError) as raised:
        validate_upload(SimpleUploadedFile(name, content))

    assert raised.value.code == "file_content"
    assert f"“{name}”" in raised.value.messages[0]


@pytest.mark.parametrize(
    ("content", "accepted"),
    [(b"a,b\n1,2\n", True), ("é,ü\n".encode(), True), (b"a\x00b", False), (b"\xff\xfe\xfa", False)],
)
def test_text_files_must_be_utf8_without_nul_bytes(settings, content, accepted):
    settings.RCPHUB_UPLOAD_EXTENSIONS = [*settings.RCPHUB_UPLOAD_EXTENSIONS, "csv"]
    upload = SimpleUploadedFile("list.csv", content)

    if accepted:
        validate_upload(upload)
    else:
        with pytest.raises(ValidationError):
            validate_upload(upload)


def _product_post(coalition, upload):
    return {
        "title": "Guidance on firewalls",
        "kind": "guidance",
        "coalition": coalition.pk,
        "languages": "en",
        "visibility": "internal",
        "link": "",
        "published_on": "2025-03-01",
        "file": upload,
    }


def test_renamed_executable_is_refused_on_the_knowledge_form(
    client, coalition, coalition_secretariat, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(coalition_secretariat)
    url = reverse("repository:knowledge_create")

    response = client.post(url, _product_post(coalition, SimpleUploadedFile("setup.pdf", EXECUTABLE)))

    assert response.status_code == 200
    assert "“setup.pdf” is not a valid PDF file" in str(response.context["form"].errors["file"])
    assert not KnowledgeProduct.objects.exists()
    response = client.post(url, _product_post(coalition, SimpleUploadedFile("plan.docx", docx_bytes())))
    assert response.status_code == 302
    assert KnowledgeProduct.objects.get().file.name.endswith(".docx")


def test_renamed_executable_is_refused_by_the_api(
    client, coalition, platform_secretariat, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(platform_secretariat)
    url = f"{API}/knowledge-products/upload"

    response = client.post(
        url, {"title": "Toolkit", "kind": "toolkit", "file": SimpleUploadedFile("setup.pdf", ELF)}
    )

    assert response.status_code == 422, response.content
    detail = response.json()["detail"][0]
    assert detail["loc"][-1] == "file"
    assert "“setup.pdf”" in detail["msg"]
    assert not KnowledgeProduct.objects.exists()
    response = client.post(
        url, {"title": "Toolkit", "kind": "toolkit", "file": SimpleUploadedFile("budget.xlsx", xlsx_bytes())}
    )
    assert response.status_code == 201, response.content


def test_stored_files_are_sent_as_attachments_never_sniffed(
    client, coalition, platform_secretariat, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    coalition.tor_file = SimpleUploadedFile("tor.pdf", pdf_bytes())
    coalition.save()
    client.force_login(platform_secretariat)
    client.post(
        f"{API}/knowledge-products/upload",
        {"title": "Toolkit", "kind": "toolkit", "file": SimpleUploadedFile("toolkit.pdf", pdf_bytes())},
    )
    product = KnowledgeProduct.objects.get()

    for url in (
        reverse("coalitions:tor", args=[coalition.slug]),
        reverse("repository:knowledge_file", args=[product.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Disposition"].startswith("attachment;"), url
        assert response["X-Content-Type-Options"] == "nosniff", url
        # Closing sends request_finished, whose close_old_connections would close the test's
        # connection on PostgreSQL: closed as Django's test client closes its responses.
        signals.request_finished.disconnect(close_old_connections)
        try:
            response.close()
        finally:
            signals.request_finished.connect(close_old_connections)

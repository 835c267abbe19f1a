"""Files on an S3-compatible object store: uploads and generated files go through Django's storage API.

A local S3 server (moto in server mode, on a free port of this machine) stands in for the object store;
STORAGES is overridden for each test as config/settings.py sets it when RCPHUB_S3_BUCKET is given. A
knowledge product is uploaded through its form and read back through the app's permission-checked view;
a brief edition is published and its stored PDF read back; boto3 sees both objects in the bucket, and no
one but their owner may read them there.
"""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from rcphub.core.tests.uploads import pdf_bytes
from rcphub.reports.models import EditionFile
from rcphub.reports.services import edition_create, edition_publish
from rcphub.reports.tests.test_brief import AS_AT, region, world  # noqa: F401 (fixtures)
from rcphub.repository.models import KnowledgeProduct

moto_server = pytest.importorskip(
    "moto.server",
    reason="moto[server] is not installed (pip install -e '.[dev]'): no local S3 server to test against",
)
boto3 = pytest.importorskip("boto3", reason="boto3 is not installed (pip install -e '.[dev]')")

pytestmark = pytest.mark.django_db

CREDENTIALS = {"access_key": "testing", "secret_key": "testing", "region_name": "us-east-1"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    """A moto S3 server on a free port of this machine, for this module's tests."""
    port = _free_port()
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.fixture
def bucket(s3_endpoint: str) -> Iterator[Any]:
    """A new bucket on the local server, made Django's default storage as the settings do for S3."""
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        aws_access_key_id=CREDENTIALS["access_key"],
        aws_secret_access_key=CREDENTIALS["secret_key"],
        region_name=CREDENTIALS["region_name"],
    )
    name = f"rcphub-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=name)
    storages = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": name,
                "endpoint_url": s3_endpoint,
                **CREDENTIALS,
                "default_acl": None,
                "querystring_auth": False,
                "file_overwrite": False,
                "max_memory_size": 2 * 1024 * 1024,
            },
        },
    }
    with override_settings(STORAGES=storages):
        yield client, name


def _keys(client: Any, bucket: str) -> list[str]:
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", []))


def _private(client: Any, bucket: str, key: str) -> bool:
    """Whether no grant on the object reaches beyond its owner (no public or authenticated-users read)."""
    grants = client.get_object_acl(Bucket=bucket, Key=key)["Grants"]
    return all("URI" not in grant["Grantee"] for grant in grants)


def test_a_knowledge_product_is_stored_in_the_bucket_and_served_only_through_the_app(
    bucket, client, coalition, coalition_secretariat, member, outsider
):
    s3, name = bucket
    client.force_login(coalition_secretariat)
    content = pdf_bytes("on s3")
    upload = SimpleUploadedFile("guidance.pdf", content, content_type="application/pdf")
    response = client.post(
        reverse("repository:knowledge_create"),
        {
            "title": "Guidance on firewalls",
            "kind": "guidance",
            "coalition": coalition.pk,
            "languages": "en",
            "visibility": "internal",
            "link": "",
            "published_on": "2025-03-01",
            "file": upload,
        },
    )
    assert response.status_code == 302
    product = KnowledgeProduct.objects.get()
    assert type(product.file.storage._wrapped).__name__ == "S3Storage"
    assert _keys(s3, name) == [product.file.name]
    assert s3.get_object(Bucket=name, Key=product.file.name)["Body"].read() == content
    assert _private(s3, name, product.file.name)
    # The address the storage would give carries no signature: the app never hands it out.
    assert "Signature" not in product.file.url and "X-Amz" not in product.file.url

    url = reverse("repository:knowledge_file", args=[product.pk])
    client.force_login(member)
    response = client.get(url)
    assert response.status_code == 200 and response.streaming
    assert response["Content-Disposition"] == 'attachment; filename="guidance.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == content
    client.force_login(outsider)
    assert client.get(url).status_code == 404


def test_a_published_edition_keeps_its_files_in_the_bucket(bucket, world, platform_secretariat, client):  # noqa: F811
    s3, name = bucket
    edition = edition_create(user=platform_secretariat, brief=world, title_en="Brief, mid-2025", as_at=AS_AT)
    edition_publish(
        user=platform_secretariat,
        edition=edition,
        expected_version=edition.version,
        base_url="http://testserver/",
    )
    stored = {f.file.name for f in EditionFile.objects.filter(edition=edition)}
    assert stored and stored <= set(_keys(s3, name))
    assert all(key.startswith("briefs/editions/") and _private(s3, name, key) for key in stored)
    client.force_login(platform_secretariat)
    response = client.get(reverse("briefs:edition_file", args=[world.slug, edition.number, "pdf"]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    pdf = EditionFile.objects.get(edition=edition, language="en", kind="pdf")
    assert response.content == s3.get_object(Bucket=name, Key=pdf.file.name)["Body"].read()
    assert response.content.startswith(b"%PDF")

"""The shared cache of the repository's facet counts: an unfiltered list's counts are read from the
cache, kept under the repository's data version, so a write (in this process or another) is counted
at once, and a visitor never gets what a member's counts hold.

Each test runs against local memory and against Redis (REDIS_URL, else 127.0.0.1:6379; skipped when
Redis does not answer), on a transactional database: the cache is bypassed inside the transaction
that wrote the data, and the second process must see committed rows.
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from rcphub.core.dataversion import REPOSITORY, data_version, data_version_bump, data_version_pending
from rcphub.core.testing import run_python_json
from rcphub.repository import services
from rcphub.repository.filters import PRACTICES, facet_counts, filterset_for
from rcphub.repository.tests.catalogue import build_catalogue
from rcphub.repository.tests.factories import build_practice

pytestmark = pytest.mark.django_db(transaction=True)

API = "/api/v1"
REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"


def _redis_caches() -> dict[str, Any]:
    try:
        import redis
    except ImportError:
        pytest.skip("the redis package is not installed (pip install -e '.[dev]')")
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        pytest.skip(f"Redis does not answer at {REDIS_URL} ({error}); the local-memory variant still runs")
    # A prefix of this test's own: nothing it writes meets another run's keys, and nothing is flushed.
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"rcphub-test-{uuid.uuid4().hex}",
        }
    }


@pytest.fixture(params=["locmem", "redis"])
def caches(request: Any) -> Iterator[dict[str, Any]]:
    """A cache of this test alone: local memory, or Redis shared with the other process."""
    if request.param == "redis":
        configured = _redis_caches()
    else:
        configured = {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": f"test-{uuid.uuid4().hex}",
            }
        }
    with override_settings(CACHES=configured):
        yield configured
        if request.param == "locmem":
            cache.clear()  # never on Redis: that would empty the whole Redis database


@pytest.fixture
def catalogue(caches, member, focal_point, coalition, other_coalition):
    return build_catalogue(
        member=member, focal_point=focal_point, coalition=coalition, other_coalition=other_coalition
    )


def _counts(client: Any, kind: str = "practices") -> dict[str, dict[str, int]]:
    response = client.get(f"{API}/{kind}/facets")
    assert response.status_code == 200, response.content[:500]
    return {
        facet["name"]: {value["value"]: value["count"] for value in facet["values"]}
        for facet in response.json()["facets"]
    }


def _queries(action: Any) -> tuple[Any, int]:
    with CaptureQueriesContext(connection) as captured:
        result = action()
    return result, len(captured)


def test_a_second_unfiltered_request_reads_the_counts_from_the_cache(client, catalogue):
    first, cold = _queries(lambda: _counts(client))
    second, warm = _queries(lambda: _counts(client))
    assert second == first
    assert first["country"]["SRB"] >= 1
    # Five facets counted in six queries are read back in one (the version) beside the list's count.
    assert warm <= cold - 5

    # The page reads the same entry; after a write, it counts again, then reads the new entry.
    page, page_warm = _queries(lambda: client.get("/repository/practices/"))
    assert page.status_code == 200
    data_version_bump(REPOSITORY)
    _page, page_cold = _queries(lambda: client.get("/repository/practices/"))
    _page, page_again = _queries(lambda: client.get("/repository/practices/"))
    assert page_warm == page_again <= page_cold - 5


def test_a_filtered_list_is_counted_each_time(client, catalogue):
    first, cold = _queries(lambda: client.get(f"{API}/practices/facets", {"country": "SRB"}).json())
    second, again = _queries(lambda: client.get(f"{API}/practices/facets", {"country": "SRB"}).json())
    assert first == second
    assert again == cold


def test_publishing_a_practice_is_counted_by_the_next_request(
    client, catalogue, member, platform_secretariat
):
    before = _counts(client)
    practice = build_practice(submitter=member, state="submitted")
    assert _counts(client) == before  # a submission is not public: the same counts, version moved or not
    services.practice_publish(item=practice, by=platform_secretariat)
    after = _counts(client)
    assert after["country"]["SRB"] == before["country"]["SRB"] + 1
    assert after["objective"]["15"] == before["objective"].get("15", 0) + 1


def test_a_visitor_never_gets_a_members_counts(client, catalogue, member, platform_secretariat):
    client.force_login(member)
    members = _counts(client, "knowledge-products")
    assert members["kind"].get("key_messages") == 1  # an internal product of the member's coalition
    client.force_login(platform_secretariat)
    secretariats = _counts(client, "knowledge-products")
    assert secretariats["kind"].get("terms_of_reference") == 1  # internal to another coalition
    client.logout()
    visitors = _counts(client, "knowledge-products")
    assert "key_messages" not in visitors["kind"]
    assert "terms_of_reference" not in visitors["kind"]
    # And the other way round: what a visitor's request cached is not a member's.
    client.force_login(member)
    assert _counts(client, "knowledge-products") == members


def test_a_user_made_superuser_gets_a_superusers_counts_at_once(client, catalogue, member):
    client.force_login(member)
    members = _counts(client, "knowledge-products")
    assert "terms_of_reference" not in members["kind"]
    # No signal, no data version moved: only the key tells the counts of the two readers apart.
    type(member).objects.filter(pk=member.pk).update(is_superuser=True)
    member.refresh_from_db()
    client.force_login(member)
    assert _counts(client, "knowledge-products")["kind"].get("terms_of_reference") == 1


def test_counts_inside_the_writing_transaction_bypass_the_cache(caches, member, visitor):
    build_practice(submitter=member, state="published")
    with transaction.atomic():
        assert not data_version_pending(REPOSITORY)
        version = data_version(REPOSITORY)
        build_practice(submitter=member, state="published", title="Second")
        assert data_version_pending(REPOSITORY)
        counts = facet_counts(filterset_for(PRACTICES, user=visitor, params={}))
        assert {v.value: v.count for v in counts["country"]}["SRB"] == 2
    assert data_version(REPOSITORY) != version


def test_a_bump_rolled_back_with_its_savepoint_is_made_again(caches):
    data_version_bump(REPOSITORY)
    start = data_version(REPOSITORY)
    with transaction.atomic():
        try:
            with transaction.atomic():
                data_version_bump(REPOSITORY)
                assert data_version_pending(REPOSITORY)
                raise RuntimeError
        except RuntimeError:
            pass
        assert not data_version_pending(REPOSITORY)
        data_version_bump(REPOSITORY)
        data_version_bump(REPOSITORY)  # once per transaction
    assert data_version(REPOSITORY).split(".")[0] == str(int(start.split(".")[0]) + 1)


# ---------------------------------------------------------------------------------------------
# Two processes: another process publishes; this one's next counts show it.

PUBLISH = """
import json, os
from django.test import override_settings
from rcphub.accounts.models import User
from rcphub.repository import services
from rcphub.repository.filters import PRACTICES, facet_counts, filterset_for
from rcphub.repository.models import Practice
from django.contrib.auth.models import AnonymousUser

with override_settings(CACHES=json.loads(os.environ["TEST_CACHES"])):
    practice = Practice.objects.get(pk=int(os.environ["TEST_PRACTICE"]))
    services.practice_publish(item=practice, by=User.objects.get(pk=int(os.environ["TEST_BY"])))
    counts = facet_counts(filterset_for(PRACTICES, user=AnonymousUser(), params={}))
    print(json.dumps({"SRB": {v.value: v.count for v in counts["country"]}["SRB"]}))
"""


@contextmanager
def _shared_database(folder: Path) -> Iterator[str]:
    """Yield a DATABASE_URL that another process can open and that this process's connection uses.

    PostgreSQL: the test database itself. SQLite: the in-memory test database copied to a file, which
    this process's connection opens instead until the block ends.
    """
    connection.ensure_connection()
    params = connection.settings_dict
    if connection.vendor != "sqlite":
        user = quote(params.get("USER") or "")
        password = f":{quote(params['PASSWORD'])}" if params.get("PASSWORD") else ""
        where = f"{params.get('HOST') or '127.0.0.1'}:{params.get('PORT') or 5432}"
        yield f"postgres://{user}{password}@{where}/{params['NAME']}"
        return
    path = folder / "shared.sqlite3"
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    saved = connection.connection
    options = connection.get_connection_params()
    options["database"] = str(path)
    connection.connection = connection.get_new_connection(options)
    try:
        yield f"sqlite:///{path}"
    finally:
        connection.connection.close()
        connection.connection = saved


def test_a_write_in_another_process_is_counted_at_once(
    client, catalogue, caches, member, platform_secretariat, tmp_path
):
    practice = build_practice(submitter=member, state="submitted")
    with _shared_database(tmp_path) as url:
        before, cold = _queries(lambda: _counts(client))
        _counts(client)  # now in the cache
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": url,
            "DEBUG": "0",
            "TEST_CACHES": json.dumps(caches),
            "TEST_PRACTICE": str(practice.pk),
            "TEST_BY": str(platform_secretariat.pk),
        }
        theirs = run_python_json(["manage.py", "shell", "-c", PUBLISH], env=env, timeout=120)
        after, warm = _queries(lambda: _counts(client))
    assert after["country"]["SRB"] == before["country"]["SRB"] + 1 == theirs["SRB"]
    if caches["default"]["BACKEND"].endswith("RedisCache"):
        # The other process counted after its write and left the counts in the shared cache.
        assert warm <= cold - 5

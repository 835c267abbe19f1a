"""A visitor's work plan tree comes from the shared cache, kept under the work plans' data version:
a write is seen at once, signed-in readers are never served a visitor's tree nor a visitor theirs.

On a transactional database: the cache is bypassed inside the transaction that wrote the data.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rcphub.workplans.models import Activity
from rcphub.workplans.services import activity_bulk_create, status_report_record
from rcphub.workplans.tests.factories import build_work_plan

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def own_cache() -> Iterator[None]:
    location = f"tree-test-{uuid.uuid4().hex}"
    with override_settings(
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": location}}
    ):
        yield
        cache.clear()


def tree_of(html: str) -> str:
    return html[html.index('<div class="tree">') : html.index("</div>", html.rindex("</section>"))]


def page(client: Any, plan: Any, as_at: str = "2026-06-30") -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("workplans:detail", args=[plan.pk]), {"as_at": as_at})
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_a_visitors_tree_is_read_from_the_cache_until_a_write_moves_the_version(
    client, coalition, focal_point
):
    plan = build_work_plan(coalition=coalition, activities=3)
    first, first_queries = page(client, plan)
    again, again_queries = page(client, plan)

    assert tree_of(again) == tree_of(first)  # the rest of the page has its own CSRF token
    assert again_queries < first_queries - 3  # the tree's queries are not run again
    assert "Regional review of access to primary care" in again

    activity = Activity.objects.get(output__result__work_plan=plan, code="i")
    status_report_record(activity=activity, status="delayed", as_at=date(2026, 6, 1), by=focal_point)
    after, _queries = page(client, plan)
    assert 'class="badge delayed"' in after and 'class="badge delayed"' not in first
    assert page(client, plan, as_at="2026-05-31")[0].count('class="badge delayed"') == 0  # its own key


def test_bulk_writes_move_the_version_too(client, coalition, coalition_secretariat):
    plan = build_work_plan(coalition=coalition, state="endorsed")
    before, _queries = page(client, plan)
    output = plan.results.get().outputs.get()

    activity_bulk_create(
        rows=[(output, {"code": "iii", "title": "Peer exchange on cold chains"})], by=coalition_secretariat
    )

    assert "Peer exchange on cold chains" not in before
    assert "Peer exchange on cold chains" in page(client, plan)[0]


def test_signed_in_readers_are_not_served_a_visitors_tree_nor_the_other_way(client, coalition, member):
    plan = build_work_plan(coalition=coalition, activities=2)  # activity ii is internal
    internal = Activity.objects.get(output__result__work_plan=plan, code="ii").title
    visitor, _queries = page(client, plan)
    client.force_login(member)
    signed_in, _queries = page(client, plan)
    client.logout()
    visitor_again, _queries = page(client, plan)

    assert internal not in visitor and internal in signed_in
    assert internal not in visitor_again

"""Fixtures shared by every app's tests: reference data once per session, and a small named cast.

The cast: `platform_secretariat`, `coalition_secretariat` (of `coalition`), `focal_point` (for UNDP
in `coalition`), `member` (of UNFPA, a member entity of `coalition`), `outsider` (signed in, of an
entity in another coalition) and `visitor` (anonymous).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from rcphub.accounts.models import Role, User
from rcphub.reference.models import Entity

# Set once the test database exists: a session whose tests all skip before reaching it has none to reload.
_database_ready = False


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> None:
    """Load the reference data once into the test database."""
    from rcphub.reference.services import reference_load

    global _database_ready
    with django_db_blocker.unblock():
        reference_load()
    _database_ready = True


@pytest.fixture(scope="session", autouse=True)
def fast_password_hasher() -> Any:
    """Hash the cast's passwords with a fast hasher: production's PBKDF2 takes half a second per user.

    Django's own advice for test suites; the production hashers are left to `check --deploy`.
    """
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]) as overridden:
        yield overridden


@pytest.fixture(scope="session", autouse=True)
def media_root(tmp_path_factory: Any) -> Any:
    """Keep uploaded files in a folder of this test process (one per xdist worker), never in var/media."""
    from django.test import override_settings

    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")) as overridden:
        yield overridden


@pytest.fixture
def entity() -> Any:
    """Return a function that fetches an entity by acronym."""
    return lambda acronym: Entity.objects.get(acronym=acronym)


@pytest.fixture
def coalition(db: Any) -> Any:
    from rcphub.coalitions.tests.factories import CoalitionFactory, CoalitionMemberFactory

    coalition = CoalitionFactory(name="Issue-based Coalition on Health and Well-being", slug="health")
    for acronym, role in [
        ("WHO", "co_chair"),
        ("UNICEF", "co_chair"),
        ("UNDP", "member"),
        ("UNFPA", "member"),
    ]:
        CoalitionMemberFactory(coalition=coalition, entity=Entity.objects.get(acronym=acronym), role=role)
    return coalition


@pytest.fixture
def other_coalition(db: Any) -> Any:
    from rcphub.coalitions.tests.factories import CoalitionFactory, CoalitionMemberFactory

    coalition = CoalitionFactory(
        name="Issue-based Coalition on Environment and Climate Change", slug="climate"
    )
    CoalitionMemberFactory(coalition=coalition, entity=Entity.objects.get(acronym="UNEP"), role="co_chair")
    return coalition


def _user(email: str, acronym: str, role: str | None, coalition: Any = None) -> Any:
    from rcphub.accounts.tests.factories import MembershipFactory, UserFactory

    user = UserFactory(email=email)
    if role:
        MembershipFactory(
            user=user, entity=Entity.objects.get(acronym=acronym), role=role, coalition=coalition
        )
    return user


@pytest.fixture
def platform_secretariat(db: Any) -> User:
    return _user("platform@example.org", "UNECE", Role.PLATFORM_SECRETARIAT)


@pytest.fixture
def coalition_secretariat(coalition: Any) -> User:
    return _user("secretariat@example.org", "WHO", Role.COALITION_SECRETARIAT, coalition)


@pytest.fixture
def focal_point(coalition: Any) -> User:
    return _user("focal@example.org", "UNDP", Role.FOCAL_POINT, coalition)


@pytest.fixture
def member(coalition: Any) -> User:
    return _user("member@example.org", "UNFPA", Role.MEMBER)


@pytest.fixture
def outsider(other_coalition: Any) -> User:
    return _user("outsider@example.org", "UNEP", Role.MEMBER)


@pytest.fixture
def visitor() -> AnonymousUser:
    return AnonymousUser()


@pytest.fixture
def work_plan(coalition: Any) -> Any:
    """An endorsed 2026 work plan: one result, one output, a public activity led by UNDP and an internal one."""
    from rcphub.workplans.tests.factories import build_work_plan

    return build_work_plan(coalition=coalition, state="endorsed")


@pytest.fixture
def as_of() -> date:
    return date(2026, 6, 30)


@pytest.fixture
def follow_up_officer(db: Any) -> Any:
    """A follow-up officer of UNICEF, the organisation of the `review` fixture."""
    return _user("followup@example.org", "UNICEF", Role.FOLLOW_UP_OFFICER)


@pytest.fixture
def review(db: Any) -> Any:
    """A public UNICEF evaluation issued 2025-06-30 with recommendations 1 (UNDP responsible, due
    2026-03-31, one key action), 2 (UNICEF responsible, due 2026-12-31) and 3 (not accepted)."""
    from rcphub.followup.tests.factories import build_review

    return build_review()


# ---------------------------------------------------------------------------------------------
# Browser tests (marked `browser`): Playwright driving Debian's Chromium against the live server.


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: Any, nextitem: Any) -> Any:
    """Reload the data that migrations and `load_reference` put in after a browser test or a test on a
    transactional database (`django_db(transaction=True)`): the flush that ends them empties every table.

    A hook rather than a fixture, so that it runs after every fixture's teardown, the flush included.
    """
    yield
    database = item.get_closest_marker("django_db")
    transactional = database is not None and database.kwargs.get("transaction", False)
    if not _database_ready or (item.get_closest_marker("browser") is None and not transactional):
        return
    if nextitem is None:  # the last test: the session's teardown has dropped the test database
        return
    import importlib

    from django.apps import apps
    from pytest_django.plugin import blocking_manager_key

    from rcphub.reference.services import reference_load

    with item.config.stash[blocking_manager_key].unblock():
        reference_load()
        importlib.import_module("rcphub.repository.migrations.0002_implementer_types").load(apps, None)


@pytest.fixture
def browser_page() -> Any:
    """A Chromium page; the test skips with the reason where Chromium or Playwright is missing, and fails
    if any page it opened reported a Content-Security-Policy violation."""
    import os
    from pathlib import Path

    from rcphub.core.testing import CHROMIUM, CHROMIUM_FLAGS, watch_csp

    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
    # Playwright's sync API runs an event loop in this thread; the ORM calls made here stay synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        page = browser.new_page()
        # Every browser test also proves the pages it walks through break no Content-Security-Policy.
        violations = watch_csp(page)
        yield page
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    assert not violations, violations

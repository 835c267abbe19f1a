"""Every main page sends a Content-Security-Policy without inline scripts, and a Permissions-Policy;
production settings pass `check --deploy`; in a browser, no page breaks its own policy."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from lxml import html

from rcphub.core.testing import CHROMIUM, browser_login
from rcphub.reports.tests.test_brief import region, world  # noqa: F401 (fixtures)


@pytest.fixture
def main_pages(coalition, work_plan, world):  # noqa: F811 (the fixture imported above)
    return [
        reverse("home"),
        reverse("coalitions:detail", args=[coalition.slug]),
        reverse("workplans:detail", args=[work_plan.pk]),
        reverse("repository:practice_list"),
        reverse("repository:pledging_dashboard"),
        reverse("briefs:detail", args=[world.slug]) + "?as_at=2025-06-30",
        reverse("search:search") + "?q=migration",
        reverse("events:calendar"),
    ]


def _policy(response) -> dict[str, str]:
    directives = [part.strip() for part in response["Content-Security-Policy"].split(";") if part.strip()]
    return {name: value for name, _, value in (d.partition(" ") for d in directives)}


@pytest.mark.django_db
def test_main_pages_send_the_policies_and_hold_no_inline_script(client, main_pages, platform_secretariat):
    for user in (None, platform_secretariat):
        if user:
            client.force_login(user)
        for url in main_pages:
            response = client.get(url)
            assert response.status_code == 200, url
            policy = _policy(response)
            assert policy["default-src"] == "'self'", url
            assert "unsafe-inline" not in policy["script-src"] and "unsafe-eval" not in policy["script-src"]
            assert policy["frame-ancestors"] == "'none'"
            assert policy["form-action"] == "'self'"
            assert "camera=()" in response["Permissions-Policy"]
            assert "geolocation=()" in response["Permissions-Policy"]
            tree = html.fromstring(response.content)
            inline = [s for s in tree.iter("script") if not s.get("src")]
            assert not inline, (url, [html.tostring(s)[:80] for s in inline])
            handlers = {
                (element.tag, name)
                for element in tree.iter()
                if isinstance(element.tag, str)
                for name in element.attrib
                if name.lower().startswith("on")
            }
            assert not handlers, (url, handlers)
            assert "javascript:" not in response.content.decode().lower(), url


def test_sessions_expire():
    assert 0 < settings.SESSION_COOKIE_AGE <= 24 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_production_settings_pass_check_deploy_without_a_warning(tmp_path: Path):
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL"}}
    env.update(
        {
            "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
            "DEBUG": "0",
            "RCPHUB_PRODUCTION": "1",
            "SECRET_KEY": f"test-deploy-{secrets.token_urlsafe(48)}",
            "ALLOWED_HOSTS": "rcphub.example.org",
        }
    )
    run = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-3000:] + run.stdout[-3000:]
    assert "System check identified no issues" in run.stdout


@pytest.mark.browser
@pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"
)
def test_no_page_breaks_its_content_security_policy_in_a_browser(
    live_server, main_pages, browser_page, coalition_secretariat, coalition, work_plan
):
    page = browser_page
    for url in main_pages:
        page.goto(f"{live_server.url}{url}")
        page.wait_for_load_state("load")
        assert not page.csp_violations, (url, page.csp_violations)
    # Signed in: the secretariat's toolbar, the forms (HTMX from static files, the date pickers).
    browser_login(page, live_server.url, coalition_secretariat, reverse("home"))
    activity = work_plan.results.first().outputs.first().activities.first()
    for url in [
        *main_pages,
        reverse("coalitions:detail", args=[coalition.slug]),
        reverse("workplans:activity", args=[activity.pk]),
        reverse("workplans:activity_status", args=[activity.pk]),
        reverse("workplans:activity_edit", args=[activity.pk]),
        reverse("repository:practice_create"),
        reverse("repository:pledge_create"),
        reverse("accounts:profile"),
        reverse("accounts:invitation_new"),
    ]:
        page.goto(f"{live_server.url}{url}")
        page.wait_for_load_state("load")
        assert page.locator("main").count() == 1, url
        assert not page.csp_violations, (url, page.csp_violations)


@pytest.mark.browser
@pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"
)
def test_the_browser_tests_see_a_violation_when_there_is_one(browser_page):
    page = browser_page
    # A page that breaks its policy, served by the browser itself (no server needed).
    page.route(
        "http://csp.test/",
        lambda route: route.fulfill(
            body="<html><body><script>document.title = 'ran'</script><p>inline</p></body></html>",
            headers={"Content-Type": "text/html", "Content-Security-Policy": "script-src 'none'"},
        ),
    )
    page.goto("http://csp.test/")
    page.wait_for_load_state("load")
    assert page.title() != "ran"
    assert any("script-src" in text for text in page.csp_violations), page.csp_violations
    page.csp_violations.clear()  # seen: the fixture fails a test for any violation left

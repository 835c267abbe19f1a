"""Sign-in with the organisation's identity provider, end to end against a real OpenID Connect provider.

oidc-provider-mock runs a provider (authorization form, token, user-info and JWKS endpoints, RS256 ID
tokens) on a thread; the Django test client starts the flow, the provider's form is submitted over HTTP
and its redirect is followed back to /oidc/callback/, whose backend fetches the token, the keys and the
user info from the provider over HTTP. Nothing of mozilla-django-oidc is stubbed.
"""

import importlib
import os
import subprocess
import sys
import types
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import NoReverseMatch, reverse

from rcphub.accounts.models import Membership, User
from rcphub.accounts.oidc import OrganisationOIDCCallbackView
from rcphub.accounts.oidc_config import discovered_endpoints

oidc_provider_mock = pytest.importorskip(
    "oidc_provider_mock", reason="oidc-provider-mock is not installed (pip install -e '.[dev]')"
)
requests = pytest.importorskip("requests")

# A thread serves the provider: kept apart from the parallel run, as bin/suite does for threads.
pytestmark = [pytest.mark.django_db, pytest.mark.serial]

BACKEND = "rcphub.accounts.oidc.OrganisationOIDCBackend"
CLIENT_ID = "rcphub-test"
USERS = {
    "secretariat": {"email": "Secretariat@Example.org", "email_verified": True},
    "unverified": {"email": "secretariat@example.org", "email_verified": False},
    "verified-as-text": {"email": "secretariat@example.org", "email_verified": "true"},
    "no-email": {},
    "stranger": {"email": "stranger@example.org", "email_verified": True},
}


@pytest.fixture(scope="module")
def provider():
    users = [oidc_provider_mock.User(sub=sub, claims=claims) for sub, claims in USERS.items()]
    with oidc_provider_mock.run_server_in_thread(user_claims=users) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture
def oidc(provider, settings):
    """The site as RCPHUB_OIDC_* would configure it: settings, backend and /oidc/ addresses."""
    endpoints = discovered_endpoints(provider)
    settings.RCPHUB_OIDC_ENABLED = True
    settings.RCPHUB_OIDC_ISSUER = provider
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = "not-a-secret"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = endpoints["AUTHORIZATION"]
    settings.OIDC_OP_TOKEN_ENDPOINT = endpoints["TOKEN"]
    settings.OIDC_OP_USER_ENDPOINT = endpoints["USERINFO"]
    settings.OIDC_OP_JWKS_ENDPOINT = endpoints["JWKS"]
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    settings.OIDC_RP_SCOPES = "openid email"
    settings.OIDC_CREATE_USER = False
    settings.OIDC_TIMEOUT = 10
    settings.OIDC_CALLBACK_CLASS = "rcphub.accounts.oidc.OrganisationOIDCCallbackView"
    settings.LOGIN_REDIRECT_URL_FAILURE = "/accounts/login/"
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, BACKEND]
    # config/urls.py and the library's urls read the settings when imported: import them again.
    oidc_urls = importlib.reload(importlib.import_module("mozilla_django_oidc.urls"))
    site_urls = importlib.reload(importlib.import_module("config.urls"))
    assert oidc_urls.OIDCCallbackClass is OrganisationOIDCCallbackView
    urlconf = types.ModuleType("oidc_test_urls")
    urlconf.urlpatterns = site_urls.urlpatterns
    settings.ROOT_URLCONF = urlconf
    yield provider
    settings.RCPHUB_OIDC_ENABLED = False
    importlib.reload(site_urls)


def sign_in(client: Client, sub: str):
    """Run the flow as a browser would; return the callback's response."""
    start = client.get("/oidc/authenticate/", {"next": "/repository/"})
    assert start.status_code == 302
    authorize_url = start["Location"]
    assert authorize_url.startswith(settings.OIDC_OP_AUTHORIZATION_ENDPOINT)
    form = requests.get(authorize_url, timeout=10)
    assert form.status_code == 200
    assert sub in form.text  # the provider's form offers the predefined subject
    answer = requests.post(authorize_url, data={"sub": sub}, allow_redirects=False, timeout=10)
    assert answer.status_code == 302, answer.text
    back = urlsplit(answer.headers["Location"])
    assert back.path == "/oidc/callback/"
    return client.get(back.path, dict(pair.split("=", 1) for pair in back.query.split("&")))


def signed_in_user(client: Client) -> User | None:
    user_id = client.session.get(SESSION_KEY)
    return User.objects.get(pk=user_id) if user_id else None


def test_off_by_default(client):
    assert not settings.RCPHUB_OIDC_ENABLED
    assert BACKEND not in settings.AUTHENTICATION_BACKENDS
    with pytest.raises(NoReverseMatch):
        reverse("oidc_authentication_init")
    assert client.get("/oidc/authenticate/").status_code == 404
    page = client.get(reverse("accounts:login"))
    assert "organisation" not in page.content.decode()
    assert "Forgot your password?" in page.content.decode()


def test_login_page_offers_the_button(oidc, client):
    page = client.get(reverse("accounts:login"), {"next": "/repository/"})
    assert "Sign in with your organisation's account" in page.content.decode(), page.content.decode()[-1500:]
    assert 'href="/oidc/authenticate/?next=/repository/"' in page.content.decode()
    assert "Forgot your password?" in page.content.decode()
    # django-axes still decides first.
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"


def test_existing_user_with_verified_email_is_signed_in_and_keeps_their_memberships(
    oidc, client, coalition_secretariat
):
    before = set(Membership.objects.filter(user=coalition_secretariat).values_list("id", "role", "coalition"))
    assert before
    answer = sign_in(client, "secretariat")
    assert answer.status_code == 302
    assert answer["Location"] == "/repository/"
    assert signed_in_user(client) == coalition_secretariat
    after = set(Membership.objects.filter(user=coalition_secretariat).values_list("id", "role", "coalition"))
    assert after == before
    assert User.objects.count() == 1
    # The provider's claims change nothing of the account.
    coalition_secretariat.refresh_from_db()
    assert coalition_secretariat.email == "secretariat@example.org"


@pytest.mark.parametrize("sub", ["unverified", "verified-as-text", "no-email"])
def test_an_email_not_verified_is_refused_with_a_message(oidc, client, coalition_secretariat, sub):
    answer = sign_in(client, sub)
    assert answer.status_code == 302
    assert answer["Location"] == "/accounts/login/"
    assert signed_in_user(client) is None
    page = client.get(answer["Location"])
    assert "did not give a verified e-mail address" in page.content.decode()


def test_an_unknown_email_is_refused_and_no_account_is_created(oidc, client, coalition_secretariat):
    answer = sign_in(client, "stranger")
    assert answer["Location"] == "/accounts/login/"
    assert signed_in_user(client) is None
    assert not User.objects.filter(email="stranger@example.org").exists()
    page = client.get(answer["Location"])
    assert "No account here uses the e-mail address stranger@example.org" in page.content.decode()


def test_an_inactive_account_is_refused(oidc, client, coalition_secretariat):
    User.objects.filter(pk=coalition_secretariat.pk).update(is_active=False)
    answer = sign_in(client, "secretariat")
    assert answer["Location"] == "/accounts/login/"
    assert signed_in_user(client) is None


def test_refused_sign_ins_do_not_lock_out_the_next_person(oidc, coalition_secretariat):
    """Each attempt counts under a name of its own: refusals of others never lock a colleague out."""
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(Client(REMOTE_ADDR="203.0.113.1"), "stranger")
    client = Client(REMOTE_ADDR="203.0.113.2")
    sign_in(client, "secretariat")
    assert signed_in_user(client) == coalition_secretariat
    # The address that failed is locked, for this sign-in too.
    locked = Client(REMOTE_ADDR="203.0.113.1")
    assert sign_in(locked, "secretariat").status_code == 429
    assert signed_in_user(locked) is None


def test_an_id_token_from_another_issuer_is_refused(oidc, client, coalition_secretariat, settings):
    """Refused as the library refuses a wrong nonce: 400 (a SuspiciousOperation)."""
    settings.RCPHUB_OIDC_ISSUER = "https://login.example.org/another-tenant/v2.0"
    answer = sign_in(client, "secretariat")
    assert answer.status_code == 400
    assert signed_in_user(client) is None


def test_discovery_reads_the_endpoints_and_checks_the_issuer(provider):
    endpoints = discovered_endpoints(provider)
    assert endpoints == {
        "AUTHORIZATION": f"{provider}/oauth2/authorize",
        "TOKEN": f"{provider}/oauth2/token",
        "USERINFO": f"{provider}/userinfo",
        "JWKS": f"{provider}/jwks",
    }
    with pytest.raises(ImproperlyConfigured, match="Could not read the OpenID Connect discovery document"):
        discovered_endpoints(f"{provider}/no-such-tenant")


def run_settings(**environment: str) -> subprocess.CompletedProcess[str]:
    code = (
        "import config.settings as s; "
        "print(s.AUTHENTICATION_BACKENDS); print(s.OIDC_OP_TOKEN_ENDPOINT, s.OIDC_RP_SIGN_ALGO)"
    )
    keep = {key: value for key, value in os.environ.items() if not key.startswith("RCPHUB_OIDC_")}
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**keep, **environment},
        capture_output=True,
        text=True,
        timeout=60,
        cwd=settings.BASE_DIR,
        check=False,
    )


def test_settings_from_the_environment(provider):
    given = run_settings(
        RCPHUB_OIDC_CLIENT_ID=CLIENT_ID, RCPHUB_OIDC_CLIENT_SECRET="s", RCPHUB_OIDC_ISSUER=provider
    )
    assert given.returncode == 0, given.stderr
    backends, endpoint = given.stdout.splitlines()
    assert (
        backends
        == f"['axes.backends.AxesStandaloneBackend', 'django.contrib.auth.backends.ModelBackend', '{BACKEND}']"
    )
    assert endpoint == f"{provider}/oauth2/token RS256"
    missing = run_settings(RCPHUB_OIDC_CLIENT_ID=CLIENT_ID, RCPHUB_OIDC_CLIENT_SECRET="s")
    assert missing.returncode != 0
    assert "needs RCPHUB_OIDC_ISSUER or all of" in missing.stderr


@pytest.mark.browser
def test_sign_in_through_the_provider_in_a_browser(oidc, live_server, browser_page, coalition_secretariat):
    page = browser_page
    page.goto(f"{live_server.url}{reverse('accounts:login')}?next=/repository/")
    page.get_by_role("link", name="Sign in with your organisation's account").click()
    # The provider's own form, on its own address: choose the predefined user, as a person would.
    page.wait_for_url(f"{oidc}/**")
    page.get_by_role("button", name="secretariat", exact=True).click()
    page.wait_for_url(f"{live_server.url}/repository/")
    page.goto(f"{live_server.url}{reverse('accounts:profile')}")
    assert "secretariat@example.org" in page.content()
    page.context.clear_cookies()  # signed out: the next person at this browser
    page.goto(f"{live_server.url}{reverse('accounts:login')}?next=/repository/")
    page.get_by_role("link", name="Sign in with your organisation's account").click()
    page.wait_for_url(f"{oidc}/**")
    page.get_by_role("button", name="stranger", exact=True).click()
    # An address with no account: back on the login page with the reason, signed in as no one new.
    page.wait_for_url(f"{live_server.url}/accounts/login/**")
    assert "No account here uses the e-mail address stranger@example.org" in page.content()
    assert User.objects.count() == 1

"""Sign-in hardening: lockout after repeated failures (django-axes), its unlock and log, password reset."""

import re

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from axes.utils import reset
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from rcphub.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
HOME = "203.0.113.10"
ELSEWHERE = "198.51.100.20"


def sign_in(email: str, password: str, address: str = HOME):
    return Client(REMOTE_ADDR=address).post(
        reverse("accounts:login"), {"username": email, "password": password}
    )


def fail(email: str, times: int, address: str = HOME):
    return [sign_in(email, "wrong", address) for _ in range(times)]


@pytest.fixture
def amina():
    return UserFactory(email="amina@example.org")


@pytest.fixture
def boris():
    return UserFactory(email="boris@example.org")


def test_failures_below_the_limit_still_let_the_right_password_in(amina):
    fail("amina@example.org", settings.AXES_FAILURE_LIMIT - 1)

    assert sign_in("amina@example.org", PASSWORD).status_code == 302


def test_the_limit_locks_the_account_even_with_the_right_password(amina):
    responses = fail("amina@example.org", settings.AXES_FAILURE_LIMIT)
    assert [r.status_code for r in responses[:-1]] == [200] * (settings.AXES_FAILURE_LIMIT - 1)

    response = sign_in("amina@example.org", PASSWORD)

    assert response.status_code == 429
    content = response.content.decode()
    assert "Too many failed sign-ins" in content and 'role="alert"' in content
    assert reverse("accounts:password_reset") in content
    assert "_auth_user_id" not in response.wsgi_request.session


def test_the_locked_account_stays_locked_from_another_address(amina):
    fail("amina@example.org", settings.AXES_FAILURE_LIMIT)

    assert sign_in("amina@example.org", PASSWORD, address=ELSEWHERE).status_code == 429


def test_the_address_is_locked_for_other_accounts_too(amina, boris):
    fail("amina@example.org", settings.AXES_FAILURE_LIMIT)

    assert sign_in("boris@example.org", PASSWORD).status_code == 429
    assert sign_in("boris@example.org", PASSWORD, address=ELSEWHERE).status_code == 302


def test_spraying_many_accounts_from_one_address_locks_it(amina, boris):
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(f"guess{number}@example.org", "wrong")

    assert sign_in("amina@example.org", PASSWORD).status_code == 429


def test_the_e_mail_address_counts_whatever_its_case(amina):
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(
            " Amina@Example.org" if number % 2 else "AMINA@example.org", "wrong", address=f"192.0.2.{number}"
        )

    assert sign_in("amina@example.org", PASSWORD, address=ELSEWHERE).status_code == 429


def test_the_admin_unlocks_the_account(amina):
    fail("amina@example.org", settings.AXES_FAILURE_LIMIT)
    admin = Client()
    admin.force_login(UserFactory(email="admin@example.org", is_staff=True, is_superuser=True))
    attempts = list(AccessAttempt.objects.values_list("pk", flat=True))
    assert attempts

    response = admin.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "delete_selected", "_selected_action": attempts, "post": "yes"},
    )

    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert sign_in("amina@example.org", PASSWORD).status_code == 302


def test_axes_reset_unlocks_the_account(amina):
    fail("amina@example.org", settings.AXES_FAILURE_LIMIT)

    reset(username="amina@example.org")

    assert sign_in("amina@example.org", PASSWORD, address=ELSEWHERE).status_code == 302


def test_sign_ins_and_failures_are_logged(amina):
    fail("amina@example.org", 2)
    sign_in("amina@example.org", PASSWORD)

    assert AccessFailureLog.objects.filter(username="amina@example.org", ip_address=HOME).count() == 2
    assert AccessLog.objects.filter(username="amina@example.org", ip_address=HOME).count() == 1


def test_the_address_is_remote_addr_not_a_forwarded_header(amina):
    for number in range(settings.AXES_FAILURE_LIMIT):
        Client(REMOTE_ADDR=HOME, HTTP_X_FORWARDED_FOR=f"192.0.2.{number}").post(
            reverse("accounts:login"), {"username": f"guess{number}@example.org", "password": "wrong"}
        )

    assert sign_in("amina@example.org", PASSWORD).status_code == 429


def without_csrf_token(content: bytes) -> bytes:
    """The page without its CSRF tokens, which differ on every answer."""
    return re.sub(rb'(csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+', rb"\1", content)


# Password reset -------------------------------------------------------------------------------


def test_login_page_links_to_the_password_reset(client):
    assert reverse("accounts:password_reset") in client.get(reverse("accounts:login")).content.decode()


def test_password_reset_mails_a_link_that_sets_a_new_password(client, amina):
    response = client.post(reverse("accounts:password_reset"), {"email": "amina@example.org"})

    assert response.status_code == 302 and response.url == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["amina@example.org"] and "rcphub password" in message.subject
    link = re.search(r"https?://testserver(/accounts/reset/\S+/)", message.body).group(1)

    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"]
    new = "a much longer passphrase 2026"
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})

    assert done.url == reverse("accounts:password_reset_complete")
    assert sign_in("amina@example.org", new).status_code == 302
    assert sign_in("amina@example.org", PASSWORD).status_code == 200
    assert client.get(link, follow=True).context["validlink"] is False  # used once


def test_password_reset_of_an_unknown_address_answers_alike_and_sends_nothing(client, amina):
    known = client.post(reverse("accounts:password_reset"), {"email": "amina@example.org"}, follow=True)
    mail.outbox.clear()

    unknown = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"}, follow=True)

    assert unknown.redirect_chain == known.redirect_chain
    assert without_csrf_token(unknown.content) == without_csrf_token(known.content)
    assert mail.outbox == []

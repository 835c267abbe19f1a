"""Account pages: e-mail login, password change and the profile with its API tokens."""

import pytest
from django.urls import reverse

from rcphub.accounts.models import ApiToken
from rcphub.accounts.services import api_token_authenticate
from rcphub.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def test_login_page_asks_for_the_email_address(client):
    content = client.get(reverse("accounts:login")).content.decode()

    assert 'type="email"' in content
    assert 'for="id_username"' in content
    assert 'for="id_password"' in content


def test_login_with_email_works(client):
    user = UserFactory(email="amina@example.org")

    response = client.post(reverse("accounts:login"), {"username": "amina@example.org", "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("home")
    assert client.session["_auth_user_id"] == str(user.pk)


def test_login_follows_next(client):
    UserFactory(email="amina@example.org")

    response = client.post(
        reverse("accounts:login"),
        {"username": "amina@example.org", "password": PASSWORD, "next": reverse("accounts:profile")},
    )

    assert response.url == reverse("accounts:profile")


def test_login_with_a_wrong_password_shows_an_error(client):
    UserFactory(email="amina@example.org")

    response = client.post(reverse("accounts:login"), {"username": "amina@example.org", "password": "wrong"})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert 'role="alert"' in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_ends_the_session(client):
    client.force_login(UserFactory())

    response = client.post(reverse("accounts:logout"))

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_change_works(client):
    user = UserFactory(email="amina@example.org")
    client.force_login(user)
    new = "a much longer passphrase 2026"

    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse("accounts:password_change_done")
    assert "Password changed" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(new)


def test_password_change_with_a_wrong_old_password_names_the_field(client):
    user = UserFactory(email="amina@example.org")
    client.force_login(user)

    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": "wrong", "new_password1": "x" * 20 + "9y", "new_password2": "x" * 20 + "9y"},
    )

    assert response.status_code == 200
    assert "old_password" in response.context["form"].errors
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_change_needs_a_login(client):
    response = client.get(reverse("accounts:password_change"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_profile_lists_memberships(client, coalition_secretariat, coalition):
    client.force_login(coalition_secretariat)

    content = client.get(reverse("accounts:profile")).content.decode()

    assert "Coalition secretariat" in content
    assert "WHO" in content
    assert f'href="{reverse("coalitions:detail", args=[coalition.slug])}"' in content


def test_profile_shows_a_new_token_once_and_it_works(client):
    user = UserFactory(email="amina@example.org")
    client.force_login(user)

    created = client.post(reverse("accounts:profile"), {"name": "Monthly export"})
    raw = created.context["raw_token"]
    again = client.get(reverse("accounts:profile"))

    assert raw in created.content.decode()
    assert raw not in again.content.decode()
    assert "Monthly export" in again.content.decode()
    assert ApiToken.objects.get(user=user).name == "Monthly export"
    assert api_token_authenticate(raw=raw) == user


def test_profile_needs_a_login(client):
    assert client.get(reverse("accounts:profile")).status_code == 302

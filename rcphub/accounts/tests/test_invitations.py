"""Invitations by e-mail: who may invite to what, the link, acceptance, expiry, revocation, history."""

import re
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from rcphub.accounts.models import Invitation, Membership, Role
from rcphub.accounts.services import invitation_accept, invitation_create, invitation_revoke
from rcphub.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
NEW_PASSWORD = "a long and unusual passphrase 7"


def _invite(
    by: Any, *, email: str = "new@example.org", role: str = Role.FOCAL_POINT, coalition: Any, entity: Any
):
    return invitation_create(
        invited_by=by,
        email=email,
        role=role,
        entity=entity,
        coalition=coalition,
        base_url="http://testserver/",
    )


def _without_csrf(response: Any, token: str) -> str:
    """The page, without its CSRF token and with the link's token (in the sign-in link's next) masked."""
    return re.sub(r'"X-CSRFToken": "[^"]*"', "", response.content.decode()).replace(token, "TOKEN")


def _user(fixture: str, request: pytest.FixtureRequest) -> Any:
    return request.getfixturevalue(fixture)


# The permission table for creating: (inviter, role, in this coalition (True) / none (None)) -> allowed.
@pytest.mark.parametrize(
    ("inviter", "role", "scope", "allowed"),
    [
        ("platform_secretariat", Role.FOCAL_POINT, "coalition", True),
        ("platform_secretariat", Role.COALITION_SECRETARIAT, "other_coalition", True),
        ("platform_secretariat", Role.PLATFORM_SECRETARIAT, None, True),
        ("platform_secretariat", Role.FOLLOW_UP_OFFICER, None, True),
        ("platform_secretariat", Role.ADMINISTRATOR, None, False),
        ("coalition_secretariat", Role.MEMBER, "coalition", True),
        ("coalition_secretariat", Role.FOCAL_POINT, "coalition", True),
        ("coalition_secretariat", Role.COALITION_SECRETARIAT, "coalition", True),
        ("coalition_secretariat", Role.PLATFORM_SECRETARIAT, "coalition", False),
        ("coalition_secretariat", Role.PLATFORM_SECRETARIAT, None, False),
        ("coalition_secretariat", Role.MEMBER, None, False),
        ("coalition_secretariat", Role.FOCAL_POINT, "other_coalition", False),
        ("focal_point", Role.MEMBER, "coalition", False),
        ("member", Role.MEMBER, "coalition", False),
        ("visitor", Role.MEMBER, "coalition", False),
    ],
)
def test_who_may_invite_to_what(request, entity, inviter, role, scope, allowed):
    by = _user(inviter, request)
    coalition = request.getfixturevalue(scope) if scope else None
    if allowed:
        invitation, _raw = _invite(by, role=role, coalition=coalition, entity=entity("UNDP"))
        assert invitation.pk and invitation.invited_by == by
    else:
        with pytest.raises(PermissionDenied):
            _invite(by, role=role, coalition=coalition, entity=entity("UNDP"))
        assert not Invitation.objects.exists()


@pytest.mark.parametrize(
    ("inviter", "status"),
    [
        ("platform_secretariat", 200),
        ("coalition_secretariat", 200),
        ("outsider", 404),
        ("focal_point", 404),
        ("member", 404),
        ("visitor", 404),
    ],
)
def test_invite_pages_answer_404_to_those_who_may_not_invite(client, request, inviter, status):
    user = _user(inviter, request)
    if user.is_authenticated:
        client.force_login(user)
    assert client.get(reverse("accounts:invitation_new")).status_code == status
    assert client.get(reverse("accounts:invitations")).status_code == status


def test_the_coalition_page_links_to_the_invitation_form(client, coalition_secretariat, coalition):
    client.force_login(coalition_secretariat)
    content = client.get(reverse("coalitions:detail", args=[coalition.slug])).content.decode()
    assert f"{reverse('accounts:invitation_new')}?coalition={coalition.pk}" in content


class TestSending:
    def test_the_form_sends_an_email_with_the_link_and_stores_only_a_digest(
        self, client, coalition_secretariat, coalition, entity, settings
    ):
        settings.SITE_URL = "https://rcp.example.org"
        client.force_login(coalition_secretariat)
        response = client.post(
            reverse("accounts:invitation_new"),
            {
                "email": "Nadia@Example.org",
                "role": Role.FOCAL_POINT,
                "entity": entity("UNDP").pk,
                "coalition": coalition.pk,
            },
        )
        assert response.status_code == 302
        invitation = Invitation.objects.get()
        assert invitation.email == "nadia@example.org"
        assert invitation.expires_at - invitation.created_at > timedelta(days=13)
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == ["nadia@example.org"]
        assert "Focal point" in message.subject
        link = next(line for line in message.body.splitlines() if line.startswith("https://rcp.example.org/"))
        raw = link.rsplit("/", 2)[-2]
        assert invitation.token_hash == Invitation.digest_of(raw) != raw
        assert raw not in str(Invitation.history.values())

    def test_the_form_offers_a_coalition_secretariat_only_its_coalition_and_its_roles(
        self, client, coalition_secretariat, coalition, other_coalition, entity
    ):
        client.force_login(coalition_secretariat)
        form = client.get(reverse("accounts:invitation_new")).context["form"]
        assert list(form.fields["coalition"].queryset) == [coalition]
        assert {value for value, _label in form.fields["role"].choices} == {
            Role.MEMBER,
            Role.FOCAL_POINT,
            Role.COALITION_SECRETARIAT,
        }
        response = client.post(
            reverse("accounts:invitation_new"),
            {
                "email": "x@example.org",
                "role": Role.MEMBER,
                "entity": entity("UNDP").pk,
                "coalition": other_coalition.pk,
            },
        )
        assert response.status_code == 200 and "coalition" in response.context["form"].errors
        assert not Invitation.objects.exists()

    def test_a_coalition_role_needs_a_coalition(self, client, platform_secretariat, entity):
        client.force_login(platform_secretariat)
        response = client.post(
            reverse("accounts:invitation_new"),
            {
                "email": "x@example.org",
                "role": Role.FOCAL_POINT,
                "entity": entity("UNDP").pk,
                "coalition": "",
            },
        )
        assert "coalition" in response.context["form"].errors

    def test_no_duplicate_pending_invitation_nor_one_for_a_current_holder(
        self, coalition_secretariat, focal_point, coalition, entity
    ):
        _invite(coalition_secretariat, coalition=coalition, entity=entity("UNDP"))
        with pytest.raises(ValidationError) as duplicate:
            _invite(
                coalition_secretariat, email="NEW@example.org", coalition=coalition, entity=entity("UNDP")
            )
        assert duplicate.value.error_dict["email"]
        with pytest.raises(ValidationError) as holder:
            _invite(
                coalition_secretariat, email=focal_point.email, coalition=coalition, entity=entity("UNDP")
            )
        assert holder.value.error_dict["email"]

    def test_an_invalid_address_is_refused(self, coalition_secretariat, coalition, entity):
        with pytest.raises(ValidationError):
            _invite(coalition_secretariat, email="not an address", coalition=coalition, entity=entity("UNDP"))


class TestAccepting:
    def test_a_new_person_sets_a_password_and_gets_the_membership(
        self, client, coalition_secretariat, coalition, entity
    ):
        invitation, raw = _invite(coalition_secretariat, coalition=coalition, entity=entity("UNDP"))
        url = reverse("accounts:invitation_accept", args=[raw])
        page = client.get(url)
        assert page.status_code == 200 and "new_password1" in page.content.decode()
        short = client.post(url, {"new_password1": "short", "new_password2": "short"})
        assert short.context["form"].errors and not Membership.objects.filter(user__email="new@example.org")

        response = client.post(
            url, {"first_name": "Nadia", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
        )

        assert response.status_code == 302
        membership = Membership.objects.get(user__email="new@example.org")
        assert (membership.role, membership.coalition, membership.entity) == (
            Role.FOCAL_POINT,
            coalition,
            entity("UNDP"),
        )
        invitation.refresh_from_db()
        assert invitation.accepted_at and invitation.accepted_by == membership.user
        client.logout()
        signed_in = client.post(
            reverse("accounts:login"), {"username": "new@example.org", "password": NEW_PASSWORD}
        )
        assert signed_in.status_code == 302 and client.session["_auth_user_id"] == str(membership.user.pk)

    def test_an_existing_account_is_asked_to_sign_in_then_accepts(
        self, client, coalition_secretariat, coalition, entity
    ):
        person = UserFactory(email="amina@example.org")
        _invitation, raw = _invite(
            coalition_secretariat,
            email="Amina@example.org",
            role=Role.MEMBER,
            coalition=coalition,
            entity=entity("UNDP"),
        )
        url = reverse("accounts:invitation_accept", args=[raw])
        page = client.get(url).content.decode()
        assert reverse("accounts:login") in page and "new_password1" not in page
        client.post(url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
        assert not Membership.objects.filter(user=person).exists()

        client.force_login(person)
        assert client.get(url).status_code == 200
        response = client.post(url)

        assert response.status_code == 302
        assert Membership.objects.filter(user=person, coalition=coalition, role=Role.MEMBER).exists()

    def test_used_twice(self, client, coalition_secretariat, coalition, entity):
        person = UserFactory(email="new@example.org")
        invitation, raw = _invite(coalition_secretariat, coalition=coalition, entity=entity("UNDP"))
        invitation_accept(invitation=invitation, user=person)
        with pytest.raises(ValidationError) as used:
            invitation_accept(invitation=invitation, user=person)
        assert used.value.code == "used"
        client.force_login(person)
        response = client.get(reverse("accounts:invitation_accept", args=[raw]))
        assert response.status_code == 410 and "already been used" in response.content.decode()
        assert Membership.objects.filter(user=person).count() == 1

    def test_expired(self, client, coalition_secretariat, coalition, entity):
        invitation, raw = _invite(coalition_secretariat, coalition=coalition, entity=entity("UNDP"))
        Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
        response = client.get(reverse("accounts:invitation_accept", args=[raw]))
        assert response.status_code == 410 and "expired" in response.content.decode()
        person = UserFactory(email="new@example.org")
        with pytest.raises(ValidationError) as expired:
            invitation_accept(invitation=invitation, user=person)
        assert expired.value.code == "expired"
        assert not Membership.objects.filter(user=person).exists()

    def test_the_expiry_is_configurable(self, coalition_secretariat, coalition, entity, settings):
        settings.RCPHUB_INVITATION_DAYS = 3
        invitation, _raw = _invite(coalition_secretariat, coalition=coalition, entity=entity("UNDP"))
        assert timedelta(days=2) < invitation.expires_at - timezone.now() <= timedelta(days=3)

    def test_revoked_answers_a_stranger_as_an_unknown_link(
        self, client, coalition_secretariat, coalition, entity
    ):
        invitation, raw = _invite(coalition_secretariat, coalition=coalition, entity=entity("UNDP"))
        invitation_revoke(invitation=invitation, by=coalition_secretariat)
        revoked = client.get(reverse("accounts:invitation_accept", args=[raw]))
        unknown = client.get(reverse("accounts:invitation_accept", args=["no-such-token"]))
        assert revoked.status_code == unknown.status_code == 404
        assert "This invitation link is not valid." in revoked.content.decode()
        assert _without_csrf(revoked, raw) == _without_csrf(unknown, "no-such-token")
        assert client.post(reverse("accounts:invitation_accept", args=[raw]), {}).status_code == 404

        invitee = UserFactory(email="new@example.org")
        client.force_login(invitee)
        own = client.get(reverse("accounts:invitation_accept", args=[raw]))
        assert own.status_code == 410 and "revoked" in own.content.decode()
        with pytest.raises(ValidationError):
            invitation_accept(invitation=invitation, user=invitee)
        assert not Membership.objects.filter(user=invitee).exists()

    def test_a_signed_in_user_with_another_address_is_refused(
        self, client, coalition_secretariat, member, coalition, entity
    ):
        invitation, raw = _invite(coalition_secretariat, coalition=coalition, entity=entity("UNDP"))
        client.force_login(member)
        url = reverse("accounts:invitation_accept", args=[raw])
        assert client.get(url).status_code == 403
        assert client.post(url).status_code == 403
        with pytest.raises(ValidationError) as wrong:
            invitation_accept(invitation=invitation, user=member)
        assert wrong.value.code == "wrong_user"
        assert not Membership.objects.filter(user=member, coalition=coalition).exists()
        invitation.refresh_from_db()
        assert invitation.accepted_at is None


class TestRevoking:
    def test_the_list_and_revoke_page(self, client, coalition_secretariat, coalition, entity):
        invitation, _raw = _invite(coalition_secretariat, coalition=coalition, entity=entity("UNDP"))
        client.force_login(coalition_secretariat)
        listing = client.get(reverse("accounts:invitations")).content.decode()
        assert "new@example.org" in listing
        url = reverse("accounts:invitation_revoke", args=[invitation.pk])
        assert client.get(url).status_code == 200
        assert client.post(url).status_code == 302
        invitation.refresh_from_db()
        assert invitation.revoked_at and invitation.revoked_by == coalition_secretariat
        assert not client.get(reverse("accounts:invitations")).context["invitations"]

    def test_another_coalitions_secretariat_gets_404(
        self, client, platform_secretariat, coalition, other_coalition, entity
    ):
        invitation, _raw = _invite(platform_secretariat, coalition=coalition, entity=entity("UNDP"))
        stranger = UserFactory(email="climate-secretariat@example.org")
        Membership.objects.create(
            user=stranger, entity=entity("UNEP"), coalition=other_coalition, role=Role.COALITION_SECRETARIAT
        )
        client.force_login(stranger)
        assert client.get(reverse("accounts:invitation_revoke", args=[invitation.pk])).status_code == 404
        assert client.post(reverse("accounts:invitation_revoke", args=[invitation.pk])).status_code == 404
        assert "new@example.org" not in client.get(reverse("accounts:invitations")).content.decode()
        with pytest.raises(PermissionDenied):
            invitation_revoke(invitation=invitation, by=stranger)

    def test_a_coalition_secretariat_cannot_revoke_a_platform_invitation(
        self, client, platform_secretariat, coalition_secretariat, entity
    ):
        invitation, _raw = _invite(
            platform_secretariat, role=Role.PLATFORM_SECRETARIAT, coalition=None, entity=entity("UNDP")
        )
        with pytest.raises(PermissionDenied):
            invitation_revoke(invitation=invitation, by=coalition_secretariat)


def test_history_rows_record_creation_acceptance_and_who(coalition_secretariat, coalition, entity):
    person = UserFactory(email="new@example.org")
    invitation, _raw = _invite(coalition_secretariat, coalition=coalition, entity=entity("UNDP"))
    membership = invitation_accept(invitation=invitation, user=person)

    rows = list(invitation.history.order_by("history_date"))
    assert [row.history_type for row in rows] == ["+", "~"]
    assert rows[0].history_user == coalition_secretariat
    assert rows[1].history_user == person and rows[1].accepted_at is not None
    assert not hasattr(rows[0], "token_hash")
    assert membership.history.get().history_user == person

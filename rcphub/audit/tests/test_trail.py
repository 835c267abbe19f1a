"""The audit trail: each kind of event appears after it happens, filters, paging, access, CSV."""

from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessFailureLog
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rcphub.accounts.models import Membership, Role
from rcphub.accounts.tests.factories import MembershipFactory, UserFactory
from rcphub.audit.models import AuditEvent, AuditKind
from rcphub.audit.selectors import PAGE_SIZE, AuditFilter, audit_events, audit_rows
from rcphub.reference.models import Entity
from rcphub.repository.services.workflow import submission_publish
from rcphub.repository.tests.factories import build_practice

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
ADDRESS = "203.0.113.10"


def trail(client: Client, **query: str) -> str:
    response = client.get(reverse("audit:trail"), query)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def secretariat_client(platform_secretariat):
    client = Client()
    client.force_login(platform_secretariat)
    return client


def test_failed_and_successful_sign_ins_appear_with_their_address(platform_secretariat, secretariat_client):
    amina = UserFactory(email="amina@example.org")
    browser = Client(REMOTE_ADDR=ADDRESS)
    login = reverse("accounts:login")
    assert browser.post(login, {"username": "amina@example.org", "password": "wrong"}).status_code == 200
    assert browser.post(login, {"username": "amina@example.org", "password": PASSWORD}).status_code == 302

    rows = audit_rows(audit_events(AuditFilter(person=amina)))

    assert [(r.kind, r.address) for r in rows] == [
        (AuditKind.SIGN_IN, ADDRESS),
        (AuditKind.SIGN_IN_FAILED, ADDRESS),
    ]
    assert all("amina@example.org" in r.actor for r in rows)
    content = trail(secretariat_client, person="amina@example.org")
    assert "Sign-in failed" in content and "Signed in" in content and ADDRESS in content


def test_membership_created_changed_and_ended_appear(platform_secretariat, secretariat_client):
    boris = UserFactory(email="boris@example.org")
    membership = MembershipFactory(user=boris, entity=Entity.objects.get(acronym="UNDP"), role=Role.MEMBER)
    membership.role = Role.FOLLOW_UP_OFFICER
    membership._history_user = platform_secretariat  # type: ignore[attr-defined]
    membership.save()
    Membership.objects.get(pk=membership.pk).delete()

    rows = audit_rows(audit_events(AuditFilter(person=boris, kind=AuditKind.ROLE_CHANGE)))

    assert [r.action for r in rows] == ["Membership ended", "Membership changed", "Membership created"]
    assert "Follow-up officer" in rows[1].object and "UNDP" in rows[1].object
    assert "platform@example.org" in rows[1].actor
    assert "Membership changed" in trail(secretariat_client, person="boris@example.org")


def test_practice_published_through_the_service_appears_once(
    member, platform_secretariat, secretariat_client
):
    practice = build_practice(submitter=member, state="submitted", title="Legal aid desks")
    submission_publish(item=practice, by=platform_secretariat)
    practice.refresh_from_db()
    practice.save()  # a later save of the published practice is no new publication

    rows = audit_rows(audit_events(AuditFilter(kind=AuditKind.PUBLICATION)))

    assert [(r.action, r.object) for r in rows] == [("Practice published", "Legal aid desks")]
    assert "platform@example.org" in rows[0].actor
    assert "Legal aid desks" in trail(secretariat_client, kind="publication")


def test_internal_work_plan_export_is_recorded_and_public_one_is_not(
    work_plan, member, visitor, secretariat_client
):
    url = reverse("workplans:export", args=[work_plan.pk, "csv"])
    assert Client().get(url).status_code == 200  # a visitor's export holds only public activities
    assert not AuditEvent.objects.exists()

    reader = Client(REMOTE_ADDR=ADDRESS)
    reader.force_login(member)
    response = reader.get(url)
    assert response.status_code == 200
    b"".join(response.streaming_content)  # type: ignore[attr-defined]

    event = AuditEvent.objects.get()
    assert (event.user, event.object_id, event.address) == (member, work_plan.pk, ADDRESS)
    content = trail(secretariat_client, kind="export")
    assert "Downloaded" in content and event.what in content and ADDRESS in content


def test_filters_by_person_and_date(member, coalition_secretariat, secretariat_client):
    AuditEvent.objects.create(user=member, what="member.csv")
    old = AuditEvent.objects.create(user=coalition_secretariat, what="secretariat.csv")
    AuditEvent.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=10))
    today = timezone.localdate()

    by_person = trail(secretariat_client, person=member.email, kind="export")
    recent = trail(secretariat_client, date_from=(today - timedelta(days=1)).isoformat(), kind="export")
    earlier = trail(secretariat_client, date_to=(today - timedelta(days=5)).isoformat(), kind="export")

    assert "member.csv" in by_person and "secretariat.csv" not in by_person
    assert "member.csv" in recent and "secretariat.csv" not in recent
    assert "secretariat.csv" in earlier and "member.csv" not in earlier
    assert secretariat_client.get(reverse("audit:trail"), {"person": "nobody@example.org"}).status_code == 400


@pytest.mark.parametrize(
    "role", ["visitor", "member", "focal_point", "coalition_secretariat", "follow_up_officer"]
)
def test_everyone_but_the_platform_secretariat_gets_not_found(request, role):
    client = Client()
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("audit:trail")).status_code == 404
    assert client.get(reverse("audit:csv")).status_code == 404
    assert reverse("audit:trail") not in client.get(reverse("home")).content.decode()


def test_platform_secretariat_navigation_links_the_trail(secretariat_client):
    assert f'href="{reverse("audit:trail")}"' in secretariat_client.get(reverse("home")).content.decode()


def test_csv_holds_the_filtered_rows_and_is_itself_recorded(member, platform_secretariat, secretariat_client):
    AuditEvent.objects.create(user=member, what="member.csv")

    response = secretariat_client.get(reverse("audit:csv"), {"kind": "export"})

    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    assert body.splitlines()[0].startswith("When,Kind,What,Who")
    assert "member.csv" in body
    assert AuditEvent.objects.filter(user=platform_secretariat, what="Audit trail (CSV)").exists()


def _events(n: int, *, user, submitter) -> None:
    """n events of every source, so that a page mixes them."""
    entity = Entity.objects.get(acronym="UNDP")
    for i in range(n):
        AuditEvent.objects.create(user=user, what=f"file-{i}.csv", address=ADDRESS)
        AccessFailureLog.objects.create(
            username=f"p{i}@example.org",
            ip_address=ADDRESS,
            user_agent="t",
            http_accept="*/*",
            path_info="/accounts/login/",
        )
        MembershipFactory(user=UserFactory(), entity=entity, role=Role.MEMBER)
    submission_publish(
        item=build_practice(submitter=submitter, state="submitted", title=f"Practice {n}"), by=user
    )


def test_a_page_costs_the_same_queries_whatever_the_trail_length(
    platform_secretariat, member, secretariat_client, django_assert_max_num_queries
):
    _events(2, user=platform_secretariat, submitter=member)
    with django_assert_max_num_queries(50) as few:
        trail(secretariat_client)
    _events(PAGE_SIZE, user=platform_secretariat, submitter=member)
    with django_assert_max_num_queries(len(few)) as many:
        content = trail(secretariat_client)
    assert len(many) == len(few)
    assert 'rel="next"' in content
    page_two = trail(secretariat_client, page="2")
    assert "Page 2 of" in page_two


def test_newest_first_across_sources(platform_secretariat, member):
    first = AuditEvent.objects.create(user=member, what="first.csv")
    AuditEvent.objects.filter(pk=first.pk).update(at=timezone.now() - timedelta(hours=1))
    AccessFailureLog.objects.create(
        username="x@example.org", ip_address=ADDRESS, user_agent="t", http_accept="*/*", path_info="/"
    )
    AuditEvent.objects.create(user=member, what="last.csv")

    kinds = [
        e["e_kind"] for e in audit_events(AuditFilter(date_from=timezone.localdate() - timedelta(days=1)))
    ]
    objects = [e["e_detail"] for e in audit_events(AuditFilter(kind=AuditKind.EXPORT))]

    assert objects == ["last.csv", "first.csv"]
    assert kinds[-1] == AuditKind.EXPORT

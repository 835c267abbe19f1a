"""The submission workflow: transitions and who may take each, quality checks, e-mails."""

from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from rcphub.core.errors import TransitionError
from rcphub.reference.models import Country, Entity, GcmObjective
from rcphub.repository import services
from rcphub.repository.models import Pledge, Practice
from rcphub.repository.tests.factories import build_pledge, build_practice

pytestmark = pytest.mark.django_db

ROLES = ("visitor", "outsider", "member", "focal_point", "coalition_secretariat", "platform_secretariat")
# action, state before -> the roles that may take it ("submitter" is `member`, who drafted the practice).
TABLE = {
    ("submit", "draft"): {"member"},
    ("submit", "returned"): {"member"},
    ("submit", "submitted"): set(),
    ("submit", "published"): set(),
    ("return", "submitted"): {"coalition_secretariat", "platform_secretariat"},
    ("return", "draft"): set(),
    ("return", "published"): set(),
    ("publish", "submitted"): {"coalition_secretariat", "platform_secretariat"},
    ("publish", "draft"): set(),
    ("publish", "returned"): set(),
}


def _act(action: str, item: Any, user: Any) -> None:
    if action == "submit":
        services.practice_submit(item=item, by=user)
    elif action == "return":
        services.practice_return(item=item, by=user, comment="Add the results.")
    else:
        services.practice_publish(item=item, by=user)


@pytest.mark.parametrize(("action", "state"), list(TABLE))
@pytest.mark.parametrize("role", ROLES)
def test_who_may_take_each_transition(request, member, coalition_secretariat, action, state, role):
    practice = build_practice(submitter=member, state=state)
    user = request.getfixturevalue(role)
    if role in TABLE[(action, state)]:
        _act(action, practice, user)
        practice.refresh_from_db()
        assert practice.state == {"submit": "submitted", "return": "returned", "publish": "published"}[action]
    else:
        with pytest.raises((PermissionDenied, TransitionError)):
            _act(action, practice, user)
        practice.refresh_from_db()
        assert practice.state == state


def test_member_drafts_secretariat_returns_member_resubmits_and_it_is_published(
    member, coalition_secretariat, django_capture_on_commit_callbacks
):
    practice = services.practice_create(
        by=member,
        title="Language classes for migrant parents",
        summary="x" * 20,
        gcm_objectives=[GcmObjective.objects.get(number=16)],
        countries=[Country.objects.get(iso3="MDA")],
    )
    assert practice.state == "draft"
    services.practice_submit(item=practice, by=member)
    with django_capture_on_commit_callbacks(execute=True):
        services.practice_return(item=practice, by=coalition_secretariat, comment="The summary is too short.")
    assert practice.state == "returned"
    assert mail.outbox[-1].to == ["member@example.org"]
    assert "The summary is too short." in mail.outbox[-1].body
    services.practice_update(
        practice=practice, by=member, expected_version=practice.version, summary="y" * 60
    )
    services.practice_submit(item=practice, by=member)
    with django_capture_on_commit_callbacks(execute=True):
        services.practice_publish(item=practice, by=coalition_secretariat)
    practice.refresh_from_db()
    assert (practice.state, practice.reviewer) == ("published", coalition_secretariat)
    assert practice.published_on is not None
    assert "published" in mail.outbox[-1].subject
    assert len(mail.outbox) == 2
    assert practice.history.first().history_user == coalition_secretariat


def test_return_needs_a_comment(member, platform_secretariat):
    practice = build_practice(submitter=member, state="submitted")
    with pytest.raises(ValidationError) as caught:
        services.practice_return(item=practice, by=platform_secretariat, comment="  ")
    assert "review_comment" in caught.value.message_dict
    practice.refresh_from_db()
    assert practice.state == "submitted"


def test_publishing_an_incomplete_practice_names_each_field_and_sends_nothing(
    member, platform_secretariat, django_capture_on_commit_callbacks
):
    practice = build_practice(submitter=member, state="submitted", complete=False)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError) as caught:
        services.practice_publish(item=practice, by=platform_secretariat)
    assert set(caught.value.message_dict) == {"gcm_objectives", "countries", "summary"}
    practice.refresh_from_db()
    assert practice.state == "submitted"
    assert mail.outbox == []


@pytest.mark.parametrize(("length", "ok"), [(39, False), (40, True), (1500, True), (1501, False)])
def test_summary_length_is_checked_at_its_bounds(member, platform_secretariat, length, ok):
    practice = build_practice(submitter=member, state="submitted", summary="s" * length)
    if ok:
        services.practice_publish(item=practice, by=platform_secretariat)
    else:
        with pytest.raises(ValidationError) as caught:
            services.practice_publish(item=practice, by=platform_secretariat)
        assert set(caught.value.message_dict) == {"summary"}


def test_quality_errors_are_not_shown_to_who_may_not_publish(member):
    practice = build_practice(submitter=member, state="submitted", complete=False)
    with pytest.raises(PermissionDenied):
        services.practice_publish(item=practice, by=member)


def test_fulfilled_pledge_needs_made_on_and_pledge_is_not_made_in_the_future(member, platform_secretariat):
    fulfilled = build_pledge(submitter=member, state="submitted", stage="fulfilled", made_on=None)
    future = build_pledge(submitter=member, state="submitted", made_on=date(2999, 1, 1))
    for pledge in (fulfilled, future):
        with pytest.raises(ValidationError) as caught:
            services.pledge_publish(item=pledge, by=platform_secretariat)
        assert set(caught.value.message_dict) == {"made_on"}


def test_incomplete_pledge_names_objectives_and_countries(member, platform_secretariat):
    pledge = build_pledge(submitter=member, state="submitted", complete=False)
    with pytest.raises(ValidationError) as caught:
        services.pledge_publish(item=pledge, by=platform_secretariat)
    assert set(caught.value.message_dict) == {"gcm_objectives", "countries"}


def test_matching_pledge_that_does_not_exist_is_refused_naming_matches(member):
    with pytest.raises(ValidationError) as caught:
        services.pledge_create(
            by=member,
            pledger=Entity.objects.get(acronym="UNDP"),
            kind="matching",
            matches=999999,
            text="Match.",
        )
    assert "matches" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        services.pledge_create(
            by=member, pledger=Entity.objects.get(acronym="UNDP"), kind="matching", text="M."
        )
    assert "matches" in caught.value.message_dict
    assert not Pledge.objects.exists()


def test_matching_pledge_names_an_existing_pledge(member):
    original = build_pledge(submitter=member, state="published")
    pledge = services.pledge_create(
        by=member,
        pledger=Entity.objects.get(acronym="UNFPA"),
        kind="matching",
        matches=original.pk,
        text="Match.",
    )
    assert pledge.matches == original


def test_partnership_pledge_needs_partners(member):
    with pytest.raises(ValidationError) as caught:
        services.pledge_create(
            by=member,
            pledger=Entity.objects.get(acronym="UNDP"),
            kind="partnership",
            partners=[],
            text="Joint.",
        )
    assert "partners" in caught.value.message_dict


def test_visitor_may_not_draft(visitor):
    with pytest.raises(PermissionDenied):
        services.practice_create(by=visitor, title="Nope")
    assert not Practice.objects.exists()


def test_pledge_report_goes_through_the_workflow_and_is_only_made_on_published_pledges(
    member, focal_point, platform_secretariat
):
    draft = build_pledge(submitter=member, state="draft")
    with pytest.raises(ValidationError) as caught:
        services.pledge_report_create(
            pledge=draft, by=focal_point, reported_on=date(2025, 1, 1), stage="planning"
        )
    assert "pledge" in caught.value.message_dict
    pledge = build_pledge(submitter=member, state="published", made_on=date(2024, 1, 10))
    report = services.pledge_report_create(
        pledge=pledge,
        by=focal_point,
        reported_on=date(2023, 12, 1),
        stage="in_progress",
        narrative="Trained 80.",
    )
    services.pledge_report_submit(item=report, by=focal_point)
    with pytest.raises(ValidationError) as caught:
        services.pledge_report_publish(item=report, by=platform_secretariat)
    assert set(caught.value.message_dict) == {"reported_on"}

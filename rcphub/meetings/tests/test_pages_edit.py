"""Meeting pages that change and delete meetings and decisions: the same services as the API, the
version read kept in the form, the service's refusal shown on the field it names."""

from datetime import date

import pytest
from django.urls import reverse

from rcphub.followup.models import Commitment, Review
from rcphub.followup.services import followup_report_record
from rcphub.meetings.models import Decision, Meeting
from rcphub.meetings.tests.factories import add_decisions, hold_meeting
from rcphub.reference.models import Entity

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(coalition, coalition_secretariat):
    """An internal meeting of the health coalition held 2026-01-15 with decisions 1 and 2, due 2026-03-31."""
    meeting = hold_meeting(coalition=coalition, by=coalition_secretariat, visibility="internal")
    add_decisions(meeting, by=coalition_secretariat, count=2, due_on=date(2026, 3, 31))
    return meeting


def _meeting_form(meeting, **change):
    data = {
        "kind": meeting.kind,
        "title": meeting.title,
        "held_on": meeting.held_on.isoformat(),
        "place": meeting.place,
        "chairs": [e.pk for e in meeting.chairs.all()],
        "participants": [e.pk for e in meeting.participants.all()],
        "minutes": meeting.minutes,
        "visibility": meeting.visibility,
        "version": meeting.version,
    }
    data.update(change)
    return data


def test_manager_sees_the_edit_and_delete_links_others_do_not(client, meeting, coalition_secretariat, member):
    decision = meeting.decisions.first()
    edit = reverse("meetings:decision_edit", args=[decision.pk])
    client.force_login(member)
    page = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert edit not in page and reverse("meetings:edit", args=[meeting.pk]) not in page
    client.force_login(coalition_secretariat)
    page = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert edit in page and reverse("meetings:delete", args=[meeting.pk]) in page


def test_meeting_edit_page_saves_and_its_review_follows(
    client, meeting, coalition_secretariat, django_assert_max_num_queries
):
    client.force_login(coalition_secretariat)
    url = reverse("meetings:edit", args=[meeting.pk])
    with django_assert_max_num_queries(14):
        assert client.get(url).status_code == 200
    response = client.post(url, _meeting_form(meeting, title="Coalition meeting, January 2026 (Almaty)"))
    assert response.status_code == 302, response.content
    meeting.refresh_from_db()
    assert (meeting.version, meeting.review.title) == (
        2,
        "Decisions of Coalition meeting, January 2026 (Almaty)",
    )
    assert meeting.history.first().history_user == coalition_secretariat


def test_meeting_edit_page_refuses_a_stale_version_and_a_date_after_decisions_fall_due(
    client, meeting, coalition_secretariat
):
    client.force_login(coalition_secretariat)
    url = reverse("meetings:edit", args=[meeting.pk])
    stale = client.post(url, _meeting_form(meeting, title="Stale", version=5))
    assert stale.status_code == 200 and "Someone else changed this" in stale.content.decode()
    late = client.post(url, _meeting_form(meeting, held_on="2026-05-01"))
    assert late.status_code == 200
    assert late.context["form"].errors["held_on"]
    meeting.refresh_from_db()
    assert (meeting.title, meeting.held_on, meeting.version) == (
        "Coalition meeting, January 2026",
        date(2026, 1, 15),
        1,
    )


@pytest.mark.parametrize("who", ["member", "focal_point", "outsider"])
def test_only_those_who_manage_reach_the_edit_and_delete_pages(client, request, meeting, who):
    client.force_login(request.getfixturevalue(who))
    decision = meeting.decisions.first()
    for name, pk in [
        ("meetings:edit", meeting.pk),
        ("meetings:delete", meeting.pk),
        ("meetings:decision_edit", decision.pk),
        ("meetings:decision_delete", decision.pk),
    ]:
        assert client.get(reverse(name, args=[pk])).status_code == 404, name
        assert client.post(reverse(name, args=[pk]), {"version": 1}).status_code == 404, name
    assert Meeting.objects.count() == 1 and Decision.objects.count() == 2


def test_decision_edit_page_saves_what_its_commitment_says(client, meeting, coalition_secretariat):
    decision = meeting.decisions.order_by("commitment__order").last()
    client.force_login(coalition_secretariat)
    url = reverse("meetings:decision_edit", args=[decision.pk])
    assert "Decision 2" in client.get(url).content.decode()
    data = {
        "number": "2",
        "text": "Prepare the joint brief on health financing with UNFPA.",
        "responsible_entities": [Entity.objects.get(acronym="UNFPA").pk],
        "responsible_text": "",
        "due_on": "2026-06-30",
        "due_text": "By mid-2026",
        "version": 1,
    }
    assert client.post(url, data).status_code == 302
    commitment = Commitment.objects.get(pk=decision.commitment_id)
    assert (commitment.text, commitment.due_on, commitment.version) == (
        "Prepare the joint brief on health financing with UNFPA.",
        date(2026, 6, 30),
        2,
    )
    assert commitment.history.first().history_user == coalition_secretariat
    duplicate = client.post(url, {**data, "number": "1", "version": 2})
    assert duplicate.context["form"].errors["number"]
    stale = client.post(url, {**data, "text": "Stale"})
    assert "Someone else changed this" in stale.content.decode()
    assert Commitment.objects.get(pk=decision.commitment_id).number == "2"


def test_decision_and_meeting_are_deleted_from_their_pages_only_before_any_report(
    client, meeting, coalition_secretariat, focal_point
):
    first, second = meeting.decisions.order_by("commitment__order")
    followup_report_record(
        commitment=first.commitment, status="ongoing", as_at=date(2026, 2, 1), by=focal_point
    )
    client.force_login(coalition_secretariat)
    refused = client.post(reverse("meetings:decision_delete", args=[first.pk]), {"version": 1})
    assert refused.status_code == 200 and "Progress has been reported" in refused.content.decode()
    confirm = client.get(reverse("meetings:decision_delete", args=[second.pk]))
    assert 'name="version" value="1"' in confirm.content.decode()
    assert (
        client.post(reverse("meetings:decision_delete", args=[second.pk]), {"version": 1}).status_code == 302
    )
    assert list(meeting.decisions.all()) == [first]
    refused = client.post(reverse("meetings:delete", args=[meeting.pk]), {"version": 1})
    assert refused.status_code == 200 and "Progress has been reported" in refused.content.decode()
    first.commitment.status_reports.all().delete()
    assert client.post(reverse("meetings:delete", args=[meeting.pk]), {"version": 1}).status_code == 302
    assert not Meeting.objects.exists() and not Review.objects.exists()

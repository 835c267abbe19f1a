"""Meeting pages: the follow-up of earlier decisions, visibility, forms, query counts."""

import re
from datetime import date

import pytest
from django.urls import reverse

from rcphub.followup.models import Commitment
from rcphub.followup.services import followup_report_record
from rcphub.meetings.models import Decision, Meeting
from rcphub.meetings.tests.factories import add_decisions, hold_meeting
from rcphub.reference.models import Entity

pytestmark = pytest.mark.django_db


def _client(client, user):
    if user is not None and getattr(user, "is_authenticated", False):
        client.force_login(user)
    return client


def _row(response, decision):
    html = response.content.decode()
    match = re.search(rf'<tr id="decision-{decision.pk}">.*?</tr>', html, re.S)
    return match.group(0) if match else None


def _section(response, section_id):
    html = response.content.decode()
    match = re.search(rf'<section id="{section_id}".*?</section>', html, re.S)
    assert match, section_id
    return match.group(0)


def test_next_meeting_shows_previous_decisions_with_status_as_at_its_date(
    client, coalition, coalition_secretariat, focal_point
):
    first = hold_meeting(coalition=coalition, by=coalition_secretariat, held_on=date(2026, 1, 15))
    (decision,) = add_decisions(first, by=coalition_secretariat, count=1, due_on=date(2026, 3, 1))
    second = hold_meeting(
        coalition=coalition, by=coalition_secretariat, held_on=date(2026, 4, 20), title="April meeting"
    )
    commitment = decision.commitment
    followup_report_record(commitment=commitment, status="ongoing", as_at=date(2026, 2, 10), by=focal_point)
    followup_report_record(commitment=commitment, status="ongoing", as_at=date(2026, 4, 20), by=focal_point)
    # Reported after the April meeting: it must not count as at the meeting's date.
    followup_report_record(commitment=commitment, status="completed", as_at=date(2026, 5, 2), by=focal_point)

    response = client.get(reverse("meetings:detail", args=[second.pk]))

    assert response.status_code == 200
    previous = _section(response, "previous")
    row = _row(response, decision)
    assert row is not None and row in previous
    assert "Ongoing" in row
    assert "Completed" not in row
    assert 'data-light="red"' in row
    assert "Overdue" in row
    # The first meeting's own page shows the decision's current status.
    own = client.get(reverse("meetings:detail", args=[first.pk]))
    own_row = _row(own, decision)
    assert own_row is not None and "Completed" in own_row and 'data-light="green"' in own_row
    assert "No decisions of earlier meetings" in _section(own, "previous")


def test_previous_decisions_come_only_from_the_same_body(
    client, coalition, other_coalition, coalition_secretariat, platform_secretariat
):
    ours = hold_meeting(coalition=coalition, by=coalition_secretariat, held_on=date(2026, 1, 15))
    theirs = hold_meeting(coalition=other_coalition, by=platform_secretariat, held_on=date(2026, 1, 10))
    platform_meeting = hold_meeting(by=platform_secretariat, held_on=date(2026, 1, 5))
    ours_decision = add_decisions(ours, by=coalition_secretariat, count=1)[0]
    theirs_decision = add_decisions(theirs, by=platform_secretariat, count=1)[0]
    platform_decision = add_decisions(platform_meeting, by=platform_secretariat, count=1)[0]
    later = hold_meeting(
        coalition=coalition, by=coalition_secretariat, held_on=date(2026, 6, 1), title="June"
    )

    response = client.get(reverse("meetings:detail", args=[later.pk]))

    previous = _section(response, "previous")
    assert f'id="decision-{ours_decision.pk}"' in previous
    assert f'id="decision-{theirs_decision.pk}"' not in previous
    assert f'id="decision-{platform_decision.pk}"' not in previous


def test_internal_previous_decisions_stay_hidden_from_visitors(client, coalition, coalition_secretariat):
    internal = hold_meeting(
        coalition=coalition, by=coalition_secretariat, held_on=date(2026, 1, 15), visibility="internal"
    )
    (decision,) = add_decisions(internal, by=coalition_secretariat, count=1)
    public = hold_meeting(
        coalition=coalition, by=coalition_secretariat, held_on=date(2026, 4, 1), title="Open"
    )

    response = client.get(reverse("meetings:detail", args=[public.pk]))

    assert _row(response, decision) is None
    assert decision.commitment.text not in response.content.decode()


@pytest.mark.parametrize(
    ("who", "body", "visibility", "status"),
    [
        ("visitor", "coalition", "public", 200),
        ("visitor", "coalition", "internal", 404),
        ("outsider", "coalition", "internal", 404),
        ("member", "coalition", "internal", 200),
        ("focal_point", "coalition", "internal", 200),
        ("coalition_secretariat", "coalition", "internal", 200),
        ("visitor", "platform", "public", 200),
        ("visitor", "platform", "internal", 404),
        ("coalition_secretariat", "platform", "internal", 404),
        ("platform_secretariat", "platform", "internal", 200),
    ],
)
def test_meeting_page_visibility(
    request, client, coalition, platform_secretariat, who, body, visibility, status
):
    meeting = hold_meeting(
        coalition=coalition if body == "coalition" else None, by=platform_secretariat, visibility=visibility
    )
    user = request.getfixturevalue(who)
    _client(client, user)

    urls = [reverse(f"meetings:{name}", args=[meeting.pk]) for name in ("detail", "note_pdf", "note_docx")]
    assert [client.get(url).status_code for url in urls] == [status] * 3
    listed = meeting.title in client.get(reverse("meetings:list")).content.decode()
    assert listed is (status == 200)


def test_public_meeting_of_an_internal_coalition_stays_hidden_from_visitors(
    client, coalition, coalition_secretariat
):
    meeting = hold_meeting(coalition=coalition, by=coalition_secretariat, visibility="public")
    coalition.visibility = "internal"
    coalition.save()

    assert client.get(reverse("meetings:detail", args=[meeting.pk])).status_code == 404


@pytest.mark.parametrize(
    ("who", "own", "status"),
    [
        ("coalition_secretariat", True, 200),
        ("coalition_secretariat", False, 404),
        ("platform_secretariat", False, 200),
        ("focal_point", True, 404),
        ("member", True, 404),
    ],
)
def test_manager_forms_open_only_for_those_who_manage_the_meeting(
    request, client, coalition, other_coalition, platform_secretariat, coalition_secretariat, who, own, status
):
    meeting = hold_meeting(coalition=coalition if own else other_coalition, by=platform_secretariat)
    _client(client, request.getfixturevalue(who))

    for name in ("agenda_item_add", "decision_create"):
        assert client.get(reverse(f"meetings:{name}", args=[meeting.pk])).status_code == status


def test_coalition_secretariat_records_a_meeting_an_agenda_and_a_decision(
    client, coalition, coalition_secretariat
):
    _client(client, coalition_secretariat)
    who, undp = Entity.objects.get(acronym="WHO"), Entity.objects.get(acronym="UNDP")

    response = client.post(
        reverse("meetings:create"),
        {
            "coalition": coalition.pk,
            "kind": "coalition",
            "title": "Health coalition meeting",
            "held_on": "2026-02-10",
            "place": "Istanbul",
            "chairs": [who.pk],
            "participants": [who.pk, undp.pk],
            "minutes": "Opening by the co-chairs.",
            "visibility": "internal",
        },
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert meeting.coalition == coalition and meeting.review.coalition == coalition

    client.post(reverse("meetings:agenda_item_add", args=[meeting.pk]), {"number": "3", "title": "Work plan"})
    item = meeting.agenda_items.get()
    response = client.post(
        reverse("meetings:decision_create", args=[meeting.pk]),
        {
            "number": "1",
            "agenda_item": item.pk,
            "text": "Endorse the regional brief.",
            "responsible_entities": [undp.pk],
            "responsible_text": "",
            "due_on": "2026-06-30",
            "due_text": "",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "Endorse the regional brief." in page
    assert "Work plan" in page
    assert "Opening by the co-chairs." in page


def test_other_coalitions_cannot_be_chosen_for_a_new_meeting(
    client, coalition, other_coalition, coalition_secretariat
):
    _client(client, coalition_secretariat)

    response = client.post(
        reverse("meetings:create"),
        {
            "coalition": other_coalition.pk,
            "kind": "coalition",
            "title": "X",
            "held_on": "2026-02-10",
            "visibility": "public",
        },
    )

    assert response.status_code == 200
    assert "coalition" in response.context["form"].errors
    assert not Meeting.objects.exists()


def test_visitor_cannot_open_the_new_meeting_form(client, member):
    assert client.get(reverse("meetings:create")).status_code == 302  # to the login page
    _client(client, member)
    assert client.get(reverse("meetings:create")).status_code == 403


def test_new_meeting_form_names_platform_and_coalition_when_both_or_neither(
    client, coalition, platform_secretariat
):
    from rcphub.coalitions.models import Platform

    _client(client, platform_secretariat)
    data = {"kind": "other", "title": "Ambiguous", "held_on": "2026-02-10", "visibility": "public"}

    neither = client.post(reverse("meetings:create"), data)
    both = client.post(
        reverse("meetings:create"), {**data, "coalition": coalition.pk, "platform": Platform.objects.get().pk}
    )

    for response in (neither, both):
        assert response.status_code == 200
        assert {"platform", "coalition"} <= set(response.context["form"].errors)
    assert not Meeting.objects.exists()


def test_decision_form_names_number_when_it_is_taken_and_writes_nothing(
    client, coalition, coalition_secretariat
):
    meeting = hold_meeting(coalition=coalition, by=coalition_secretariat)
    add_decisions(meeting, by=coalition_secretariat, count=1)
    _client(client, coalition_secretariat)

    response = client.post(
        reverse("meetings:decision_create", args=[meeting.pk]),
        {"number": "1", "text": "A second decision 1.", "due_on": "", "due_text": "", "responsible_text": ""},
    )

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["number"]
    assert Decision.objects.count() == 1
    assert Commitment.objects.filter(review=meeting.review).count() == 1


def test_a_meetings_review_page_sends_its_managers_to_the_meeting(client, coalition, coalition_secretariat):
    meeting = hold_meeting(coalition=coalition, by=coalition_secretariat)
    add_decisions(meeting, by=coalition_secretariat, count=1)
    client.force_login(coalition_secretariat)
    html = client.get(reverse("followup:review", args=[meeting.review_id])).content.decode()
    assert reverse("meetings:detail", args=[meeting.pk]) in html
    assert reverse("followup:commitment_create", args=[meeting.review_id]) not in html
    assert reverse("followup:review_edit", args=[meeting.review_id]) not in html
    assert reverse("followup:round_create", args=[meeting.review_id]) in html


def test_a_decisions_own_page_sends_its_managers_to_the_meeting_to_change_it(
    client, coalition, coalition_secretariat
):
    meeting = hold_meeting(coalition=coalition, by=coalition_secretariat)
    add_decisions(meeting, by=coalition_secretariat, count=1)
    decision = Commitment.objects.get(review=meeting.review)
    client.force_login(coalition_secretariat)
    html = client.get(reverse("followup:commitment", args=[decision.pk])).content.decode()
    assert reverse("meetings:detail", args=[meeting.pk]) in html
    assert reverse("followup:commitment_edit", args=[decision.pk]) not in html
    assert reverse("followup:key_action_create", args=[decision.pk]) in html


@pytest.mark.parametrize("n", [2, 6])
def test_meeting_page_queries_stay_constant(
    n, client, coalition, coalition_secretariat, django_assert_max_num_queries
):
    earlier = hold_meeting(coalition=coalition, by=coalition_secretariat, held_on=date(2026, 1, 15))
    add_decisions(earlier, by=coalition_secretariat, count=n)
    meeting = hold_meeting(
        coalition=coalition, by=coalition_secretariat, held_on=date(2026, 4, 1), title="April"
    )
    add_decisions(meeting, by=coalition_secretariat, count=n)
    for k in range(n):
        meeting.agenda_items.create(number=str(k + 1), title=f"Item {k + 1}", order=k)
    _client(client, coalition_secretariat)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("meetings:detail", args=[meeting.pk]))
    assert response.content.decode().count('<tr id="decision-') == 2 * n


@pytest.mark.parametrize("n", [2, 6])
def test_meeting_list_queries_stay_constant(
    n, client, coalition, coalition_secretariat, django_assert_max_num_queries
):
    for k in range(n):
        hold_meeting(coalition=coalition, by=coalition_secretariat, title=f"Meeting {k}")
    _client(client, coalition_secretariat)

    with django_assert_max_num_queries(5):
        response = client.get(reverse("meetings:list"))
    assert response.content.decode().count('<tr id="meeting-') == n

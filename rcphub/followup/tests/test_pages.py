"""Follow-up pages: the list, the ledger as at a date, the commitment page, the forms, what changed, the dashboard."""

import re
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from rcphub.core.dates import today
from rcphub.core.tests.uploads import pdf_bytes
from rcphub.followup.models import (
    Commitment,
    FollowUpReport,
    KeyAction,
    ReportingRound,
    Review,
    ReviewGroup,
)
from rcphub.followup.services import commitment_update, followup_report_record
from rcphub.followup.tests.factories import (
    CommitmentFactory,
    FollowUpReportFactory,
    ReportingRoundFactory,
    build_review,
)
from rcphub.reference.models import Entity

pytestmark = pytest.mark.django_db


def _commitment(review, number):
    return Commitment.objects.get(review=review, number=number)


def _rows(response, commitment):
    """Return the HTML of the commitment's rows (with its key actions) in the ledger, or None."""
    match = re.search(rf'<tbody id="commitment-{commitment.pk}">.*?</tbody>', response.content.decode(), re.S)
    return match.group(0) if match else None


def _detail(client, review, as_at=None):
    url = reverse("followup:review", args=[review.pk])
    return client.get(url, {"as_at": as_at.isoformat()} if as_at else {})


def _commitment_data(commitment=None, **changes):
    data = {
        "number": "4",
        "group": "",
        "text": "Share the follow-up table with the coalitions twice a year.",
        "response": "accepted",
        "response_text": "Agreed; the secretariat will circulate it.",
        "responsible_entities": [Entity.objects.get(acronym="UNDP").pk],
        "responsible_text": "UNDP IRH",
        "due_on": "2026-12-31",
        "due_text": "By end 2026",
    }
    if commitment is not None:
        data.update(
            number=commitment.number,
            text=commitment.text,
            response=commitment.response,
            response_text=commitment.response_text,
            responsible_entities=[e.pk for e in commitment.responsible_entities.all()],
            responsible_text=commitment.responsible_text,
            due_on=commitment.due_on.isoformat() if commitment.due_on else "",
            due_text=commitment.due_text,
            version=commitment.version,
        )
    data.update(changes)
    return data


# ---------------------------------------------------------------------------------------------
# Visibility


def test_visitor_sees_only_public_reviews_in_the_list(client):
    public = build_review(title="Public evaluation of joint programmes")
    internal = build_review(visibility="internal", title="Internal audit of pooled funds")
    html = client.get(reverse("followup:list")).content.decode()
    assert public.title in html
    assert internal.title not in html


def test_visitor_gets_the_same_404_for_an_internal_review_as_for_a_missing_one(client):
    internal = build_review(visibility="internal")
    missing = Review.objects.order_by("-pk").first().pk + 100
    hidden = client.get(reverse("followup:review", args=[internal.pk]))
    absent = client.get(reverse("followup:review", args=[missing]))
    assert hidden.status_code == absent.status_code == 404
    assert hidden.content == absent.content
    commitment = _commitment(internal, "1")
    assert client.get(reverse("followup:commitment", args=[commitment.pk])).status_code == 404
    assert client.get(reverse("followup:changes", args=[internal.pk])).status_code == 404


def test_responsible_entitys_focal_point_sees_an_internal_review(client, focal_point):
    internal = build_review(visibility="internal", title="Internal audit of pooled funds")
    client.force_login(focal_point)
    assert internal.title in client.get(reverse("followup:list")).content.decode()
    assert _detail(client, internal).status_code == 200


def test_list_filters_by_kind_and_organisation(client):
    evaluation = build_review(title="Evaluation by UNICEF")
    plan = build_review(organisation="UNDP", kind="plan_of_action", title="Plan of action by UNDP")
    html = client.get(reverse("followup:list"), {"kind": "plan_of_action"}).content.decode()
    assert plan.title in html and evaluation.title not in html
    html = client.get(reverse("followup:list"), {"organisation": "UNICEF"}).content.decode()
    assert evaluation.title in html and plan.title not in html


def test_list_shows_new_review_link_only_to_those_who_may_create(client, follow_up_officer, focal_point):
    assert "New review" not in client.get(reverse("followup:list")).content.decode()
    client.force_login(focal_point)
    assert "New review" not in client.get(reverse("followup:list")).content.decode()
    client.force_login(follow_up_officer)
    assert "New review" in client.get(reverse("followup:list")).content.decode()


# ---------------------------------------------------------------------------------------------
# The ledger as at a date


def test_ledger_shows_status_as_at_the_date_and_not_at_an_earlier_date(client, review, follow_up_officer):
    first = _commitment(review, "1")
    FollowUpReportFactory(
        commitment=first,
        status="completed",
        as_at=date(2026, 1, 31),
        comment="Mapping published",
        author=follow_up_officer,
    )
    rows = _rows(_detail(client, review, date(2026, 1, 31)), first)
    assert "Completed" in rows
    assert "Mapping published" in rows
    assert "31 Jan 2026" in rows

    rows = _rows(_detail(client, review, date(2026, 1, 30)), first)
    assert "Completed" not in rows
    assert "Mapping published" not in rows
    assert "No report yet" in rows


def test_ledger_shows_columns_key_actions_counts_and_round_links(client, review):
    ReportingRoundFactory(review=review, as_at=date(2025, 12, 31), title="Progress report 2025")
    response = _detail(client, review, date(2026, 4, 1))
    html = response.content.decode()
    rows = _rows(response, _commitment(review, "1"))
    for text in ("Map the support", "Accepted", "UNDP", "UNDP IRH", "31 Mar 2026", "Overdue"):
        assert text in rows
    assert "Survey the coalitions" in rows  # the key action, under its commitment
    assert "?as_at=2025-12-31" in html and "Progress report 2025" in html
    assert "Partially accepted: 1" in html
    assert "Not accepted: 1" in html
    assert "What changed between rounds" in html
    assert reverse("followup:changes", args=[review.pk]) in html


def test_ledger_defaults_to_today_and_refuses_a_bad_date_naming_it(client, review):
    assert _detail(client, review).context["as_at"] == today()
    response = client.get(reverse("followup:review", args=[review.pk]), {"as_at": "31/12/2025"})
    assert response.status_code == 400
    assert "as_at" in response.content.decode()


def test_ledger_groups_commitments_under_their_group(client, review):
    group = ReviewGroup.objects.create(review=review, code="Component 1", title="Data and evidence", order=1)
    Commitment.objects.filter(review=review, number="2").update(group=group)
    html = _detail(client, review).content.decode()
    assert "Component 1: Data and evidence" in html
    assert html.index("Component 1: Data and evidence") < html.index(
        f'id="commitment-{_commitment(review, "2").pk}"'
    )


# ---------------------------------------------------------------------------------------------
# Recording status


def test_focal_point_of_responsible_entity_records_status_with_a_plain_post(client, review, focal_point):
    first = _commitment(review, "1")
    client.force_login(focal_point)
    assert "Record status" in _rows(_detail(client, review), first)
    assert "Record status" not in _rows(_detail(client, review), _commitment(review, "2"))
    assert client.get(reverse("followup:commitment_status", args=[first.pk])).status_code == 200
    response = client.post(
        reverse("followup:commitment_status", args=[first.pk]),
        {"status": "ongoing", "as_at": "2026-01-15", "comment": "Survey sent"},
    )
    assert response.status_code == 302
    assert "as_at=2026-01-15" in response["Location"]
    report = FollowUpReport.objects.get(commitment=first)
    assert (report.status, report.as_at, report.author) == ("ongoing", date(2026, 1, 15), focal_point)


def test_focal_point_records_status_with_htmx_and_gets_the_rows_back(client, review, focal_point):
    first = _commitment(review, "1")
    client.force_login(focal_point)
    response = client.post(
        reverse("followup:commitment_status", args=[first.pk]),
        {"status": "starting", "as_at": "2026-01-15", "comment": "", "view_as_at": "2026-02-01"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.strip().startswith(f'<tbody id="commitment-{first.pk}">')
    assert "Starting" in html and "recorded" in html
    assert FollowUpReport.objects.filter(commitment=first, status="starting").exists()


def test_focal_point_records_a_key_actions_status(client, review, focal_point):
    key_action = KeyAction.objects.get(commitment__review=review)
    client.force_login(focal_point)
    response = client.post(
        reverse("followup:key_action_status", args=[key_action.pk]),
        {"status": "completed", "as_at": "2026-01-20"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert FollowUpReport.objects.get(key_action=key_action).status == "completed"


def test_focal_point_gets_404_for_an_item_of_another_entity(client, review, focal_point):
    second = _commitment(review, "2")  # UNICEF is responsible
    client.force_login(focal_point)
    url = reverse("followup:commitment_status", args=[second.pk])
    assert client.post(url, {"status": "ongoing", "as_at": "2026-01-15"}).status_code == 404
    assert client.get(url).status_code == 404
    assert not FollowUpReport.objects.exists()


def test_status_in_the_future_or_before_issue_is_refused_naming_the_field(client, review, focal_point):
    first = _commitment(review, "1")
    client.force_login(focal_point)
    url = reverse("followup:commitment_status", args=[first.pk])
    for as_at in ((today() + timedelta(days=1)).isoformat(), "2025-01-01"):
        response = client.post(url, {"status": "ongoing", "as_at": as_at}, HTTP_HX_REQUEST="true")
        assert response.status_code == 200
        rows = response.content.decode()
        assert re.search(
            r'<ul class="errorlist[^"]*"[^>]*>.*?</ul>\s*<input type="date" name="as_at"', rows, re.S
        )
    response = client.post(url, {"status": "finished", "as_at": "2026-01-15"})
    assert "status" in response.context["form"].errors
    assert not FollowUpReport.objects.exists()


def test_status_in_a_round_takes_the_rounds_date(client, review, follow_up_officer):
    round_ = ReportingRoundFactory(review=review, as_at=date(2025, 12, 31), title="Progress report 2025")
    client.force_login(follow_up_officer)
    client.post(
        reverse("followup:commitment_status", args=[_commitment(review, "2").pk]),
        {"status": "ongoing", "as_at": today().isoformat(), "round": round_.pk},
    )
    report = FollowUpReport.objects.get()
    assert (report.as_at, report.round) == (date(2025, 12, 31), round_)


# ---------------------------------------------------------------------------------------------
# The commitment page


def test_commitment_page_shows_history_with_authors_only_to_those_who_may_report(
    client, review, follow_up_officer, focal_point
):
    first = _commitment(review, "1")
    followup_report_record(
        commitment=first, status="ongoing", as_at=date(2026, 1, 15), comment="Survey sent", by=focal_point
    )
    commitment_update(
        commitment=first, by=follow_up_officer, expected_version=first.version, due_text="Q1 2026"
    )
    url = reverse("followup:commitment", args=[first.pk])

    html = client.get(url).content.decode()
    assert "Survey sent" in html and "Survey the coalitions" in html
    assert "Q1 2026" in html and "Due as written" in html
    assert focal_point.email not in html and follow_up_officer.email not in html

    client.force_login(focal_point)
    html = client.get(url).content.decode()
    assert str(focal_point) in html
    assert str(follow_up_officer) in html


def test_commitment_page_of_an_internal_review_is_404_for_a_visitor(client):
    internal = build_review(visibility="internal")
    assert client.get(reverse("followup:commitment", args=[_commitment(internal, "1").pk])).status_code == 404


# ---------------------------------------------------------------------------------------------
# Manager forms


def test_follow_up_officer_opens_a_review_for_their_organisation(
    client, follow_up_officer, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(follow_up_officer)
    unicef = Entity.objects.get(acronym="UNICEF")
    page = client.get(reverse("followup:review_create"))
    form = page.context["form"]
    assert list(form.fields["organisation"].queryset) == [unicef]
    assert f'href="{reverse("importers:upload")}"' in page.content.decode()
    response = client.post(
        reverse("followup:review_create"),
        {
            "kind": "evaluation",
            "organisation": unicef.pk,
            "title": "Evaluation of the regional humanitarian response",
            "issued_on": "2025-03-31",
            "url": "https://example.org/evaluation.pdf",
            "file": SimpleUploadedFile("report.pdf", pdf_bytes("test"), content_type="application/pdf"),
            "visibility": "internal",
        },
    )
    review = Review.objects.get(title="Evaluation of the regional humanitarian response")
    assert response.status_code == 302
    assert review.organisation == unicef and review.file
    assert client.get(reverse("followup:review_file", args=[review.pk])).status_code == 200
    client.logout()
    assert client.get(reverse("followup:review_file", args=[review.pk])).status_code == 404


def test_review_for_another_organisation_or_a_bad_file_is_refused(
    client, follow_up_officer, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(follow_up_officer)
    data = {
        "kind": "evaluation",
        "organisation": Entity.objects.get(acronym="UNDP").pk,
        "title": "Someone else's evaluation",
        "issued_on": "2025-03-31",
        "visibility": "public",
    }
    response = client.post(reverse("followup:review_create"), data)
    assert "organisation" in response.context["form"].errors
    data["organisation"] = Entity.objects.get(acronym="UNICEF").pk
    data["file"] = SimpleUploadedFile("macro.exe", b"MZ", content_type="application/octet-stream")
    response = client.post(reverse("followup:review_create"), data)
    assert "file" in response.context["form"].errors
    assert not Review.objects.exists()


def test_manager_forms_are_404_for_others(client, review, focal_point, member):
    first = _commitment(review, "1")
    urls = [
        reverse("followup:review_edit", args=[review.pk]),
        reverse("followup:group_create", args=[review.pk]),
        reverse("followup:round_create", args=[review.pk]),
        reverse("followup:commitment_create", args=[review.pk]),
        reverse("followup:commitment_edit", args=[first.pk]),
        reverse("followup:key_action_create", args=[first.pk]),
        reverse("followup:review_create"),
    ]
    for user in (focal_point, member):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 404, url
            assert client.post(url, {}).status_code == 404, url


def test_manager_adds_group_commitment_and_key_action(client, review, follow_up_officer):
    client.force_login(follow_up_officer)
    response = client.post(
        reverse("followup:group_create", args=[review.pk]), {"code": "A", "title": "Coordination"}
    )
    assert response.status_code == 302
    group = ReviewGroup.objects.get(review=review, code="A")
    response = client.post(
        reverse("followup:commitment_create", args=[review.pk]), _commitment_data(group=group.pk)
    )
    assert response.status_code == 302
    fourth = _commitment(review, "4")
    assert fourth.group == group and [e.acronym for e in fourth.responsible_entities.all()] == ["UNDP"]
    response = client.post(
        reverse("followup:key_action_create", args=[fourth.pk]),
        {"text": "Draft the table", "responsible_text": "PMU", "due_on": "2026-06-30", "due_text": ""},
    )
    assert response.status_code == 302
    assert fourth.key_actions.get().responsible_text == "PMU"


def test_duplicate_commitment_number_is_refused_on_number_with_nothing_written(
    client, review, follow_up_officer
):
    client.force_login(follow_up_officer)
    response = client.post(
        reverse("followup:commitment_create", args=[review.pk]), _commitment_data(number="2")
    )
    assert response.status_code == 200
    assert "number" in response.context["form"].errors
    assert review.commitments.count() == 3


def test_round_in_the_future_or_before_issue_is_refused_on_as_at(client, review, follow_up_officer):
    client.force_login(follow_up_officer)
    url = reverse("followup:round_create", args=[review.pk])
    for as_at in ((today() + timedelta(days=1)).isoformat(), "2025-01-01"):
        response = client.post(url, {"as_at": as_at, "title": "Progress report"})
        assert "as_at" in response.context["form"].errors
    assert not ReportingRound.objects.exists()
    response = client.post(url, {"as_at": "2025-12-31", "title": "Progress report 2025"})
    assert response.status_code == 302
    assert "as_at=2025-12-31" in response["Location"]


def test_commitment_edit_refuses_a_stale_version(client, review, follow_up_officer):
    first = _commitment(review, "1")
    client.force_login(follow_up_officer)
    data = _commitment_data(first, text="My change")
    commitment_update(
        commitment=first, by=follow_up_officer, expected_version=first.version, text="Someone else's change"
    )
    response = client.post(reverse("followup:commitment_edit", args=[first.pk]), data)
    assert response.status_code == 200
    assert "Someone else changed this" in response.content.decode()
    first.refresh_from_db()
    assert first.text == "Someone else's change"


def test_commitment_edit_saves_and_refuses_duplicate_number(client, review, follow_up_officer):
    first = _commitment(review, "1")
    client.force_login(follow_up_officer)
    url = reverse("followup:commitment_edit", args=[first.pk])
    response = client.post(url, _commitment_data(first, number="2"))
    assert "number" in response.context["form"].errors
    first.refresh_from_db()
    assert first.number == "1"
    response = client.post(url, _commitment_data(first, due_text="Q2 2026"))
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.due_text == "Q2 2026"


def test_review_edit_refuses_a_stale_version(client, review, follow_up_officer):
    client.force_login(follow_up_officer)
    url = reverse("followup:review_edit", args=[review.pk])
    data = {
        "kind": review.kind,
        "title": "Renamed",
        "issued_on": review.issued_on.isoformat(),
        "visibility": review.visibility,
        "version": review.version,
    }
    assert client.post(url, data).status_code == 302
    review.refresh_from_db()
    assert review.title == "Renamed"
    data["title"] = "Renamed again"  # the version is the one read before the first save
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Someone else changed this" in response.content.decode()
    review.refresh_from_db()
    assert review.title == "Renamed"


# ---------------------------------------------------------------------------------------------
# What changed, dashboard


def test_changes_default_to_the_last_two_rounds(client, review, follow_up_officer):
    ReportingRoundFactory(review=review, as_at=date(2025, 12, 31), title="Round 2025")
    ReportingRoundFactory(review=review, as_at=date(2026, 6, 30), title="Round mid-2026")
    first, second = _commitment(review, "1"), _commitment(review, "2")
    FollowUpReportFactory(
        commitment=first, status="starting", as_at=date(2025, 12, 31), author=follow_up_officer
    )
    FollowUpReportFactory(
        commitment=first,
        status="ongoing",
        as_at=date(2026, 3, 1),
        comment="Half way",
        author=follow_up_officer,
    )
    FollowUpReportFactory(
        commitment=second, status="ongoing", as_at=date(2025, 11, 1), author=follow_up_officer
    )
    response = client.get(reverse("followup:changes", args=[review.pk]))
    assert response.status_code == 200
    changes = response.context["changes"]
    assert (changes.since, changes.until) == (date(2025, 12, 31), date(2026, 6, 30))
    assert [(m.commitment.number, m.before, m.after) for m in changes.moves] == [("1", "starting", "ongoing")]
    assert [c.number for c in changes.became_overdue] == ["1"]  # due 2026-03-31
    html = response.content.decode()
    assert "Half way" in html
    assert follow_up_officer.email not in html  # authors only for those who manage the review


def test_changes_refuse_bad_dates_naming_the_field(client, review):
    url = reverse("followup:changes", args=[review.pk])
    response = client.get(url, {"since": "yesterday"})
    assert response.status_code == 400 and "since" in response.content.decode()
    response = client.get(url, {"since": "2026-06-30", "until": "2026-01-01"})
    assert response.status_code == 400 and "since" in response.content.decode()
    response = client.get(url, {"until": "2026-13-01"})
    assert response.status_code == 400 and "until" in response.content.decode()


def test_dashboard_is_404_for_all_but_the_platform_secretariat(
    client, review, follow_up_officer, focal_point, coalition_secretariat
):
    url = reverse("followup:dashboard")
    assert client.get(url).status_code == 404
    for user in (follow_up_officer, focal_point, coalition_secretariat):
        client.force_login(user)
        assert client.get(url).status_code == 404


def test_dashboard_lists_overdue_and_stale_items_as_at_a_date(client, review, platform_secretariat):
    internal = build_review(visibility="internal", organisation="UNDP", title="Internal audit")
    client.force_login(platform_secretariat)
    response = client.get(reverse("followup:dashboard"), {"as_at": "2026-04-01"})
    assert response.status_code == 200
    overdue = response.context["dashboard"].overdue
    assert {(row.commitment.review_id, row.commitment.number) for row in overdue} == {
        (review.pk, "1"),
        (internal.pk, "1"),
    }
    stale = response.context["dashboard"].stale
    assert {row.commitment.number for row in stale} == {"2", "3"}  # no report since issue in June 2025
    assert client.get(reverse("followup:dashboard"), {"as_at": "2026-02-30"}).status_code == 400


# ---------------------------------------------------------------------------------------------
# Query counts


def _grow(review, count, start, author):
    undp = Entity.objects.get(acronym="UNDP")
    for n in range(start, start + count):
        commitment = CommitmentFactory(review=review, number=str(n), order=n, due_on=date(2026, 3, 31))
        commitment.responsible_entities.set([undp])
        KeyAction.objects.create(commitment=commitment, text="A step", order=1)
        FollowUpReportFactory(
            commitment=commitment, status="ongoing", as_at=date(2025, 12, 31), author=author
        )


@pytest.mark.parametrize("who", ["visitor", "focal_point"])
def test_review_page_stays_constant_query_as_commitments_grow(
    client, django_assert_max_num_queries, review, focal_point, who
):
    if who == "focal_point":
        client.force_login(focal_point)
    ReportingRoundFactory(review=review, as_at=date(2025, 12, 31), title="Round 2025")
    _grow(review, 3, start=10, author=focal_point)  # 6 commitments
    with django_assert_max_num_queries(10):
        assert _detail(client, review).status_code == 200
    _grow(review, 12, start=100, author=focal_point)  # 18: three times as many
    with django_assert_max_num_queries(10):
        response = _detail(client, review)
    assert len(response.context["ledger"].rows) == 18


def test_review_list_stays_constant_query_as_reviews_grow(client, django_assert_max_num_queries, focal_point):
    client.force_login(focal_point)
    for _ in range(3):
        build_review()
    with django_assert_max_num_queries(7):
        assert client.get(reverse("followup:list")).status_code == 200
    for _ in range(6):
        build_review(organisation="UNDP", visibility="internal")
    with django_assert_max_num_queries(7):
        response = client.get(reverse("followup:list"))
    assert len(response.context["reviews"]) == 9

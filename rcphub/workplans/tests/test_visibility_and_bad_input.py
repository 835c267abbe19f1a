"""Second-read findings: each test shows a defect (it fails until fixed) or guards a rule no other test covers."""

import re
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from rcphub.coalitions.services import country_network_save
from rcphub.coalitions.tests.factories import CoalitionFactory, CoalitionMemberFactory, CountryNetworkFactory
from rcphub.core.dates import today
from rcphub.reference.models import Country, Entity
from rcphub.workplans.models import Activity
from rcphub.workplans.services import activity_update, result_save
from rcphub.workplans.tests.factories import (
    ActivityFactory,
    StatusReportFactory,
    WorkPlanFactory,
    build_work_plan,
)

pytestmark = pytest.mark.django_db

API = "/api/v1"
HUGE = 10**20  # beyond any database integer


def _activity(work_plan, code="i"):
    return Activity.objects.get(output__result__work_plan=work_plan, code=code)


def _signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def _selected(html, name):
    """Return the values a browser posts back for the multiple select `name` of a rendered form."""
    body = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.findall(r'<option value="([^"]*)"[^>]*\bselected\b', body)


# ---------------------------------------------------------------------------------------------
# Visibility


def test_api_status_reports_do_not_name_their_authors_to_visitors(client, work_plan, coalition_secretariat):
    # The pages show who reported a status to the coalition's members only.
    StatusReportFactory(activity=_activity(work_plan), as_at=date(2026, 3, 31), author=coalition_secretariat)
    response = client.get(f"{API}/activities/{_activity(work_plan).pk}/status-reports")
    assert response.status_code == 200
    assert str(coalition_secretariat.get_full_name()) not in response.content.decode()


def test_api_status_reports_do_not_name_their_authors_to_outsiders(
    work_plan, coalition_secretariat, outsider
):
    StatusReportFactory(activity=_activity(work_plan), as_at=date(2026, 3, 31), author=coalition_secretariat)
    response = _signed_in(outsider).get(f"{API}/activities/{_activity(work_plan).pk}/status-reports")
    assert response.status_code == 200
    assert str(coalition_secretariat.get_full_name()) not in response.content.decode()


def test_api_coalitions_do_not_name_an_internal_parent(client, coalition):
    hidden = CoalitionFactory(name="Internal steering group", slug="steering", visibility="internal")
    coalition.parent = hidden
    coalition.save()
    listed = {item["slug"]: item for item in client.get(f"{API}/coalitions").json()["items"]}
    assert listed["health"]["parent"] is None
    assert client.get(f"{API}/coalitions/health").json()["parent"] is None
    assert "steering" not in client.get(f"{API}/coalitions").content.decode()


def test_membership_starting_in_the_future_gives_no_internal_access_yet(client, work_plan, outsider):
    CoalitionMemberFactory(
        coalition=work_plan.coalition,
        entity=Entity.objects.get(acronym="UNEP"),
        role="member",
        since=today() + timedelta(days=60),
    )
    internal = _activity(work_plan, "ii")
    assert _signed_in(outsider).get(reverse("workplans:activity", args=[internal.pk])).status_code == 404


def test_change_history_does_not_show_visitors_what_an_activity_said_while_it_was_internal(
    client, work_plan, coalition_secretariat
):
    internal = _activity(work_plan, "ii")
    activity_update(
        activity=internal,
        by=coalition_secretariat,
        expected_version=None,
        visibility="public",
        title="Country support, as published",
    )
    html = client.get(reverse("workplans:activity", args=[internal.pk])).content.decode()
    assert "Country support, as published" in html
    assert "Internal coordination of country support" not in html


def test_api_coalition_terms_of_reference_file_links_to_the_guarded_page(
    client, coalition, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Uploads are not served from the media folder (see coalitions.forms.StoredFileInput); the API
    # must link to the page that checks who may read the file.
    coalition.tor_file.save("tor.pdf", ContentFile(b"%PDF-1.4 terms"), save=True)
    tor_file = client.get(f"{API}/coalitions/health").json()["tor_file"]
    assert tor_file is not None
    assert tor_file.endswith(reverse("coalitions:tor", args=["health"]))


# ---------------------------------------------------------------------------------------------
# Writes


def _link_internal_collaborator(work_plan, other_coalition, by):
    other_coalition.visibility = "internal"
    other_coalition.save()
    activity = _activity(work_plan)
    activity_update(activity=activity, by=by, expected_version=1, collaborating_coalitions=[other_coalition])
    activity.refresh_from_db()
    return activity


def test_edit_form_shows_an_internal_collaborating_coalition_to_the_platform_secretariat(
    work_plan, other_coalition, coalition_secretariat, platform_secretariat
):
    activity = _link_internal_collaborator(work_plan, other_coalition, coalition_secretariat)
    client = _signed_in(platform_secretariat)
    html = client.get(reverse("workplans:activity_edit", args=[activity.pk])).content.decode()
    assert _selected(html, "collaborating_coalitions") == [str(other_coalition.pk)]
    page = client.get(reverse("workplans:activity", args=[activity.pk]))
    assert page.context["collaborating"] == [other_coalition]


def test_platform_secretariat_removes_an_internal_collaborating_coalition(
    work_plan, other_coalition, coalition_secretariat, platform_secretariat
):
    activity = _link_internal_collaborator(work_plan, other_coalition, coalition_secretariat)
    data = {
        "code": activity.code,
        "title": activity.title,
        "lead_entities": [e.pk for e in activity.lead_entities.all()],
        "visibility": activity.visibility,
        "version": activity.version,
        # collaborating_coalitions left empty: the secretariat unticks the internal coalition
    }
    response = _signed_in(platform_secretariat).post(
        reverse("workplans:activity_edit", args=[activity.pk]), data
    )
    assert response.status_code == 302
    assert list(activity.collaborating_coalitions.all()) == []


def test_editing_an_activity_keeps_an_internal_collaborating_coalition_the_editor_cannot_see(
    work_plan, other_coalition, coalition_secretariat
):
    # Guard: the health secretariat does not see the internal climate coalition; its save keeps the link.
    activity = _link_internal_collaborator(work_plan, other_coalition, coalition_secretariat)
    data = {
        "code": activity.code,
        "title": "Second edition",
        "lead_entities": [e.pk for e in activity.lead_entities.all()],
        "visibility": activity.visibility,
        "version": activity.version,
    }
    client = _signed_in(coalition_secretariat)
    assert client.post(reverse("workplans:activity_edit", args=[activity.pk]), data).status_code == 302
    assert list(activity.collaborating_coalitions.all()) == [other_coalition]


def test_country_network_save_refuses_a_network_of_another_coalition(
    coalition, other_coalition, coalition_secretariat
):
    theirs = CountryNetworkFactory(
        coalition=other_coalition, country=Country.objects.get(iso2="RS"), name="Theirs"
    )
    with pytest.raises((PermissionDenied, ValidationError)):
        country_network_save(
            coalition=coalition,
            network=theirs,
            country=theirs.country,
            name="Renamed by another coalition",
            established_on=None,
            by=coalition_secretariat,
        )
    theirs.refresh_from_db()
    assert theirs.name == "Theirs"


def test_result_save_refuses_a_result_of_another_work_plan(work_plan, other_coalition, coalition_secretariat):
    theirs = build_work_plan(coalition=other_coalition, state="endorsed").results.get()
    with pytest.raises((PermissionDenied, ValidationError)):
        result_save(work_plan=work_plan, result=theirs, code="1", title="Renamed", by=coalition_secretariat)
    theirs.refresh_from_db()
    assert theirs.title != "Renamed"


# ---------------------------------------------------------------------------------------------
# Bad input


def test_api_huge_page_number_answers_422_naming_page(client, work_plan):
    for path in ("/activities", "/workplans", "/coalitions"):
        response = client.get(f"{API}{path}", {"page": 10**18})
        assert response.status_code == 422, (path, response.status_code)
        assert "page" in response.content.decode()


def test_api_out_of_range_work_plan_filter_answers_422_naming_it(client, work_plan):
    for value in (HUGE, -HUGE):
        response = client.get(f"{API}/activities", {"work_plan": value})
        assert response.status_code == 422, response.status_code
        assert "work_plan" in response.content.decode()


@pytest.mark.parametrize(
    "field", ["lead_entities", "partner_entities", "sdg_targets", "collaborating_coalitions"]
)
def test_out_of_range_choice_in_activity_form_is_a_field_error(
    client, work_plan, coalition_secretariat, field
):
    activity = _activity(work_plan)
    client.force_login(coalition_secretariat)
    data = {
        "code": activity.code,
        "title": activity.title,
        "visibility": activity.visibility,
        "version": activity.version,
        field: [str(HUGE)],
    }
    response = client.post(reverse("workplans:activity_edit", args=[activity.pk]), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors


@pytest.mark.parametrize("field", ["country", "sdg_target", "lead_entity", "status", "coalition"])
def test_api_nul_character_in_a_filter_answers_422_naming_it(client, work_plan, field):
    # On PostgreSQL a NUL in any text parameter reaches the database and answers 500.
    response = client.get(f"{API}/activities", {field: "R\x00"})
    assert response.status_code == 422, response.status_code
    assert field in response.content.decode()


def test_api_nul_character_in_a_status_comment_answers_422_naming_it(work_plan, focal_point):
    body = {"status": "ongoing", "as_at": "2026-03-31", "comment": "done\x00"}
    response = _signed_in(focal_point).post(
        f"{API}/activities/{_activity(work_plan).pk}/status-reports", body, content_type="application/json"
    )
    assert response.status_code == 422, response.status_code
    assert "comment" in response.content.decode()
    assert not _activity(work_plan).status_reports.exists()


@pytest.mark.parametrize(
    "url",
    [
        f"{API}/coalitions/health%00",
        f"{API}/workplans?coalition=health%00",
        f"{API}/reference/entities?q=UN%00",
        f"{API}/reference/sdg-targets?goal=3%00",
        "/reference/sdg/3%00/",
    ],
)
def test_nul_character_in_a_path_or_query_answers_4xx(client, coalition, url):
    # PostgreSQL refuses NUL in text: each of these answers 500 there.
    assert 400 <= client.get(url).status_code < 500


def test_entities_page_with_a_nul_character_in_the_search_answers_400_naming_it(client):
    # Refused before the view searches with it (which was a 500 on PostgreSQL).
    response = client.get(reverse("reference:entities"), {"q": "UN\x00"})
    assert response.status_code == 400
    assert "“q”" in response.content.decode()


# ---------------------------------------------------------------------------------------------
# Guards: rules that hold today and that no other test pins down


def test_api_missing_and_hidden_activity_answer_the_same_404_to_a_focal_point_posting(work_plan, focal_point):
    client = _signed_in(focal_point)
    body = {"status": "ongoing", "as_at": "2026-03-31"}
    hidden = _activity(work_plan, "ii")  # led by WHO: visible to the focal point, not reportable
    missing = client.post(f"{API}/activities/{HUGE}/status-reports", body, content_type="application/json")
    refused = client.post(
        f"{API}/activities/{hidden.pk}/status-reports", body, content_type="application/json"
    )
    assert (
        (missing.status_code, missing.content)
        == (refused.status_code, refused.content)
        == (404, missing.content)
    )


def test_focal_point_cannot_edit_an_activity_of_a_closed_work_plan(work_plan, focal_point):
    work_plan.state = "closed"
    work_plan.save()
    activity = _activity(work_plan)
    client = _signed_in(focal_point)
    url = reverse("workplans:activity_edit", args=[activity.pk])
    assert client.get(url).status_code == 404
    assert (
        client.post(url, {"code": "i", "title": "x", "visibility": "public", "version": 1}).status_code == 404
    )
    activity.refresh_from_db()
    assert activity.title != "x"


def test_page_posts_without_csrf_token_are_refused(work_plan, focal_point):
    client = Client(enforce_csrf_checks=True)
    client.force_login(focal_point)
    activity = _activity(work_plan)
    response = client.post(
        reverse("workplans:activity_status", args=[activity.pk]), {"status": "ongoing", "as_at": "2026-03-31"}
    )
    assert response.status_code == 403
    assert not activity.status_reports.exists()


def test_changes_view_is_constant_query_as_activities_grow(
    client, work_plan, coalition_secretariat, django_assert_max_num_queries
):
    output = _activity(work_plan).output
    client.force_login(coalition_secretariat)
    url = reverse("workplans:changes", args=[work_plan.pk])
    query = {"since": "2026-01-01", "until": today().isoformat()}
    for count in (3, 9):
        Activity.objects.filter(output=output, code__startswith="g").delete()
        for n in range(count):
            activity = ActivityFactory(output=output, code=f"g{n}", order=10 + n)
            StatusReportFactory(activity=activity, as_at=date(2026, 3, 31), author=coalition_secretariat)
            activity_update(
                activity=activity, by=coalition_secretariat, expected_version=None, title=f"Edited {n}"
            )
        with django_assert_max_num_queries(10):
            response = client.get(url, query)
        assert response.status_code == 200
        assert len(response.context["changes"].reports) == count


def test_visitor_status_counts_leave_out_internal_activities(client, work_plan, coalition_secretariat):
    StatusReportFactory(
        activity=_activity(work_plan, "ii"),
        status="delayed",
        as_at=date(2026, 3, 31),
        author=coalition_secretariat,
    )
    page = client.get(reverse("workplans:detail", args=[work_plan.pk]), {"as_at": "2026-06-30"})
    assert [row for row in page.context["counts"] if row[0] == "delayed"] == []
    assert "Delayed" not in page.content.decode()
    tree = client.get(f"{API}/workplans/{work_plan.pk}", {"as_at": "2026-06-30"}).json()
    assert tree["status_counts"]["delayed"] == 0
    assert client.get(f"{API}/activities", {"status": "delayed", "as_at": "2026-06-30"}).json()["count"] == 0


def test_pages_answer_missing_and_hidden_with_the_same_404(client, work_plan, coalition):
    draft = WorkPlanFactory(coalition=coalition, state="draft")
    hidden = _activity(work_plan, "ii")
    pairs = [
        (reverse("workplans:detail", args=[draft.pk]), reverse("workplans:detail", args=[HUGE])),
        (reverse("workplans:activity", args=[hidden.pk]), reverse("workplans:activity", args=[HUGE])),
        (reverse("workplans:changes", args=[draft.pk]), reverse("workplans:changes", args=[HUGE])),
        (
            reverse("workplans:export", args=[draft.pk, "csv"]),
            reverse("workplans:export", args=[HUGE, "csv"]),
        ),
    ]
    for forbidden, missing in pairs:
        a, b = client.get(forbidden), client.get(missing)
        assert (a.status_code, a.content) == (b.status_code, b.content) == (404, a.content), forbidden

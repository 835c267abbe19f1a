"""The repository's pages: lists with facets, details, forms, the workflow through the pages, the
review queue, knowledge products and their files; visibility and query counts."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from rcphub.core.tests.uploads import pdf_bytes
from rcphub.reference.models import Country, Entity
from rcphub.repository.models import KnowledgeProduct, Pledge, Practice
from rcphub.repository.tests.catalogue import build_catalogue
from rcphub.repository.tests.factories import build_pledge, build_practice, build_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(member, focal_point, coalition, other_coalition):
    return build_catalogue(
        member=member, focal_point=focal_point, coalition=coalition, other_coalition=other_coalition
    )


def _practice_post(**extra):
    data = {
        "title": "Mobile clinics for migrants in transit",
        "summary": "Mobile clinics give primary health care to migrants in transit along the Balkan route.",
        "gcm_objectives": ["15"],
        "countries": ["SRB"],
        "language": "en",
    }
    data.update(extra)
    return data


# --- lists and facets ----------------------------------------------------------------------------------


def test_visitor_sees_published_practices_and_their_facet_counts_only(client, catalogue):
    response = client.get(reverse("repository:practice_list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Municipal one-stop centres for newcomers" in html
    assert "Draft: hate speech monitoring" not in html
    assert "Returned: shelter standards" not in html
    assert "8 practices" in html
    assert 'value="UKR"' not in html  # only in a submitted practice


def test_filtering_by_a_facet_narrows_the_list(client, catalogue):
    response = client.get(reverse("repository:practice_list"), {"country": "SRB", "objective": "15"})
    html = response.content.decode()
    assert "2 practices" in html
    assert "Child-sensitive border procedures" in html
    assert "Language classes for migrant parents" not in html


@pytest.mark.parametrize(
    ("name", "params", "field"),
    [
        ("repository:practice_list", {"objective": "24"}, "objective"),
        ("repository:practice_list", {"country": "XXX"}, "country"),
        ("repository:pledge_list", {"year": "last"}, "year"),
        ("repository:knowledge_list", {"coalition": "atlantis"}, "coalition"),
    ],
)
def test_bad_filter_values_answer_400_naming_the_field(client, catalogue, name, params, field):
    response = client.get(reverse(name), params)
    assert response.status_code == 400
    assert f"<code>{field}</code>" in response.content.decode()


def test_submitter_sees_own_draft_in_the_list_others_do_not(client, catalogue, member, outsider):
    client.force_login(member)
    assert "Returned: shelter standards" in client.get(reverse("repository:practice_list")).content.decode()
    client.force_login(outsider)
    assert (
        "Returned: shelter standards" not in client.get(reverse("repository:practice_list")).content.decode()
    )


def test_internal_knowledge_products_are_hidden_from_visitors_and_outsiders(
    client, catalogue, member, outsider
):
    internal = catalogue["Key messages for the regional review"]
    assert "Key messages" not in client.get(reverse("repository:knowledge_list")).content.decode()
    assert client.get(reverse("repository:knowledge_detail", args=[internal.pk])).status_code == 404
    client.force_login(outsider)
    assert client.get(reverse("repository:knowledge_detail", args=[internal.pk])).status_code == 404
    client.force_login(member)
    assert client.get(reverse("repository:knowledge_detail", args=[internal.pk])).status_code == 200


def _more_practices(member, n):
    for i in range(n):
        build_practice(submitter=member, state="published", title=f"Extra practice {i}", period_start=2023)


def _more_pledges(member, n):
    for i in range(n):
        pledge = build_pledge(
            submitter=member, state="published", text=f"Extra pledge {i}", stage="in_progress"
        )
        build_report(pledge=pledge, submitter=member, reported_on=date(2025, 1, 1))


@pytest.mark.parametrize("role", ["visitor", "member", "platform_secretariat"])
def test_list_pages_take_a_constant_number_of_queries(
    request, client, catalogue, member, role, django_assert_max_num_queries
):
    user = request.getfixturevalue(role)
    if role != "visitor":
        client.force_login(user)
    # Each list filtered so that its first page holds items at both sizes.
    lists = {
        "repository:practice_list": {"country": "SRB", "objective": ["15", "11"], "year": "2024"},
        "repository:pledge_list": {"country": "SRB", "objective": ["15", "11"], "stage": "in_progress"},
        "repository:knowledge_list": {"kind": ["guidance", "toolkit"], "year": "2024"},
    }
    budgets = {}
    for name, params in lists.items():
        with django_assert_max_num_queries(30) as captured:
            response = client.get(reverse(name), params)
        assert response.status_code == 200 and response.context["page"].object_list
        budgets[name] = len(captured)
    _more_practices(member, 30)
    _more_pledges(member, 30)
    for name, params in lists.items():
        for page in ("1", "2"):
            with django_assert_max_num_queries(budgets[name]):
                response = client.get(reverse(name), {**params, "page": page})
            assert response.status_code == 200


def test_detail_pages_take_a_constant_number_of_queries(
    client, catalogue, member, platform_secretariat, django_assert_max_num_queries
):
    client.force_login(platform_secretariat)
    practice = catalogue["Child-sensitive border procedures"]
    pledge = catalogue["Train 300 border officials on child rights"]
    urls = [
        reverse("repository:practice_detail", args=[practice.pk]),
        reverse("repository:pledge_detail", args=[pledge.pk]),
        reverse("repository:index"),
        reverse("repository:my_submissions"),
        reverse("repository:review_queue"),
    ]
    budgets = {}
    for url in urls:
        with django_assert_max_num_queries(40) as captured:
            assert client.get(url).status_code == 200
        budgets[url] = len(captured)
    for i in range(6):
        build_report(pledge=pledge, submitter=member, reported_on=date(2024, 1, 1 + i))
        Pledge.objects.create(
            text=f"Matching pledge {i}",
            kind="matching",
            matches=pledge,
            submitter=member,
            state="published",
            pledger=Entity.objects.get(acronym="UNDP"),
        )
        build_practice(submitter=member, state="submitted", title=f"Waiting {i}")
    practice.countries.add(*Country.objects.filter(iso3__in=["ALB", "ARM", "GEO"]))
    for url in urls:
        with django_assert_max_num_queries(budgets[url]):
            assert client.get(url).status_code == 200


# --- details --------------------------------------------------------------------------------------------


def test_missing_and_hidden_details_answer_404_alike(client, catalogue, member):
    draft = catalogue["Draft: hate speech monitoring"]
    hidden_pledge = catalogue["Submitted: legal identity for stateless children"]
    for url in [
        reverse("repository:practice_detail", args=[draft.pk]),
        reverse("repository:practice_detail", args=[999999]),
        reverse("repository:pledge_detail", args=[hidden_pledge.pk]),
        reverse("repository:practice_edit", args=[draft.pk]),
    ]:
        client.force_login(member)
        assert client.get(url).status_code == 404


def test_pledge_detail_shows_published_reports_and_the_inactive_flag(client, member, focal_point):
    pledge = build_pledge(submitter=member, state="published", made_on=date(2019, 3, 1))
    build_report(pledge=pledge, submitter=focal_point, reported_on=date(2020, 5, 1))
    build_report(pledge=pledge, submitter=focal_point, reported_on=date(2021, 5, 1), state="draft")
    html = client.get(reverse("repository:pledge_detail", args=[pledge.pk])).content.decode()
    assert "1 May 2020" in html
    assert "1 May 2021" not in html
    assert "Inactive" in html


def test_change_history_is_for_the_submitter_and_the_secretariat(
    client, member, outsider, platform_secretariat
):
    practice = build_practice(submitter=member, state="published")
    url = reverse("repository:practice_detail", args=[practice.pk])
    assert "Change history" not in client.get(url).content.decode()
    client.force_login(outsider)
    assert "Change history" not in client.get(url).content.decode()
    client.force_login(member)
    assert "Change history" in client.get(url).content.decode()
    client.force_login(platform_secretariat)
    assert "Change history" in client.get(url).content.decode()


# --- forms and the workflow through the pages ----------------------------------------------------------


def test_member_drafts_submits_secretariat_returns_member_resubmits_and_it_is_published(
    client, member, coalition_secretariat, django_capture_on_commit_callbacks
):
    client.force_login(member)
    response = client.post(reverse("repository:practice_create"), _practice_post(summary="Too short."))
    assert response.status_code == 302
    practice = Practice.objects.get()
    assert practice.state == "draft"
    submit = reverse("repository:submit", args=["practice", practice.pk])
    client.post(submit)
    practice.refresh_from_db()
    assert practice.state == "submitted"
    # The member may not review; the secretariat's page names the failing quality check.
    review = reverse("repository:review", args=["practice", practice.pk])
    assert client.get(review).status_code == 404
    client.force_login(coalition_secretariat)
    page = client.get(review).content.decode()
    assert 'data-field="summary"' in page
    failed = client.post(review, {"action": "publish", "comment": ""})
    assert failed.status_code == 400 and "Summary" in failed.content.decode()
    assert client.post(review, {"action": "return", "comment": ""}).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        client.post(review, {"action": "return", "comment": "Say more about the results."})
    practice.refresh_from_db()
    assert (practice.state, practice.review_comment) == ("returned", "Say more about the results.")

    client.force_login(member)
    mine = client.get(reverse("repository:my_submissions")).content.decode()
    assert "Say more about the results." in mine and "Returned" in mine
    edit = reverse("repository:practice_edit", args=[practice.pk])
    response = client.post(edit, _practice_post(version=practice.version))
    assert response.status_code == 302
    client.post(submit)
    client.force_login(coalition_secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(review, {"action": "publish", "comment": ""})
    practice.refresh_from_db()
    assert practice.state == "published"
    client.logout()
    found = client.get(reverse("repository:practice_list"), {"objective": "15"}).content.decode()
    assert "Mobile clinics for migrants in transit" in found


def test_stale_version_is_refused_with_a_clear_message(client, member):
    practice = build_practice(submitter=member, state="draft")
    client.force_login(member)
    response = client.post(
        reverse("repository:practice_edit", args=[practice.pk]), _practice_post(version=practice.version + 5)
    )
    assert response.status_code == 200
    assert "Someone else changed this" in response.content.decode()
    practice.refresh_from_db()
    assert practice.title == "One-stop migrant centres"


def test_others_may_not_edit_or_submit(client, member, outsider, visitor):
    practice = build_practice(submitter=member, state="draft")
    client.force_login(outsider)
    assert client.get(reverse("repository:practice_edit", args=[practice.pk])).status_code == 404
    assert client.post(reverse("repository:submit", args=["practice", practice.pk])).status_code == 404
    client.logout()
    assert client.get(reverse("repository:practice_create")).status_code == 302  # to the login page
    practice.refresh_from_db()
    assert practice.state == "draft"


@pytest.mark.parametrize(
    ("extra", "field", "words"),
    [
        ({"gcm_objectives": ["24"]}, "gcm_objectives", "Unknown GCM objective: 24"),
        ({"countries": ["XYZ"]}, "countries", "Unknown country code: XYZ"),
        ({"period_start": "2024", "period_end": "2020"}, "period_end", "ends before it starts"),
    ],
)
def test_bad_practice_input_is_refused_naming_the_field(client, member, extra, field, words):
    client.force_login(member)
    response = client.post(reverse("repository:practice_create"), _practice_post(**extra))
    assert response.status_code == 200
    assert words in str(response.context["form"].errors[field])
    assert not Practice.objects.exists()


def test_pledge_matching_a_pledge_that_does_not_exist_is_refused(client, member):
    client.force_login(member)
    data = {
        "pledger": Entity.objects.get(acronym="UNDP").pk,
        "kind": "matching",
        "matches": "999999",
        "text": "Match the training pledge.",
        "stage": "planning",
    }
    response = client.post(reverse("repository:pledge_create"), data)
    assert response.status_code == 200
    assert "There is no pledge 999999 to match." in str(response.context["form"].errors["matches"])
    assert not Pledge.objects.exists()


def test_member_reports_on_a_published_pledge(client, member):
    pledge = build_pledge(submitter=member, state="published")
    client.force_login(member)
    url = reverse("repository:pledge_report_create", args=[pledge.pk])
    response = client.post(
        url, {"reported_on": "2025-02-01", "stage": "in_progress", "narrative": "120 trained."}
    )
    assert response.status_code == 302
    report = pledge.reports.get()
    client.post(reverse("repository:submit", args=["report", report.pk]))
    report.refresh_from_db()
    assert report.state == "submitted"
    draft = build_pledge(submitter=member, state="draft")
    assert client.get(reverse("repository:pledge_report_create", args=[draft.pk])).status_code == 404


# --- knowledge products ----------------------------------------------------------------------------------


def _product_post(coalition, **extra):
    data = {
        "title": "Guidance on firewalls",
        "kind": "guidance",
        "coalition": coalition.pk,
        "languages": "en, ru",
        "visibility": "internal",
        "link": "",
        "published_on": "2025-03-01",
    }
    data.update(extra)
    return data


def test_knowledge_product_uploads_are_limited_and_named(
    client, coalition, coalition_secretariat, tmp_path, settings
):
    # One way of overriding settings per test: the settings fixture, which restores all on teardown.
    # (override_settings as a decorator restores before the fixture does, leaving the fixture's
    # teardown to put the decorator's values back for the rest of the worker's tests.)
    settings.RCPHUB_UPLOAD_MAX_BYTES = 1000
    settings.MEDIA_ROOT = tmp_path
    client.force_login(coalition_secretariat)
    url = reverse("repository:knowledge_create")
    big = SimpleUploadedFile("guidance.pdf", b"x" * 2000, content_type="application/pdf")
    response = client.post(url, {**_product_post(coalition), "file": big})
    assert "the limit is" in str(response.context["form"].errors["file"])
    exe = SimpleUploadedFile("guidance.exe", b"MZ", content_type="application/octet-stream")
    response = client.post(url, {**_product_post(coalition), "file": exe})
    assert "are not accepted" in str(response.context["form"].errors["file"])
    response = client.post(url, _product_post(coalition, languages="en, klingon"))
    assert "klingon" in str(response.context["form"].errors["languages"])
    response = client.post(url, _product_post(coalition))
    assert "Give a file or a link." in str(response.context["form"].errors)
    assert not KnowledgeProduct.objects.exists()
    ok = SimpleUploadedFile("guidance.pdf", pdf_bytes("small"), content_type="application/pdf")
    response = client.post(url, {**_product_post(coalition), "file": ok})
    assert response.status_code == 302
    product = KnowledgeProduct.objects.get()
    assert product.languages == "en, ru"


def test_knowledge_files_are_served_only_to_those_who_may_see_them(
    client, coalition, coalition_secretariat, member, outsider, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(coalition_secretariat)
    ok = SimpleUploadedFile("messages.pdf", pdf_bytes("internal"), content_type="application/pdf")
    client.post(reverse("repository:knowledge_create"), {**_product_post(coalition), "file": ok})
    product = KnowledgeProduct.objects.get()
    url = reverse("repository:knowledge_file", args=[product.pk])
    client.force_login(member)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes("internal")
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 404


def test_only_secretariats_manage_knowledge_products(
    client, coalition, other_coalition, coalition_secretariat, member
):
    product = KnowledgeProduct.objects.create(
        title="Brief", kind="brief", coalition=other_coalition, link="https://example.org/b"
    )
    client.force_login(member)
    assert client.get(reverse("repository:knowledge_create")).status_code == 404
    assert client.get(reverse("repository:knowledge_edit", args=[product.pk])).status_code == 404
    client.force_login(coalition_secretariat)
    assert client.get(reverse("repository:knowledge_edit", args=[product.pk])).status_code == 404
    assert client.post(reverse("repository:knowledge_delete", args=[product.pk])).status_code == 404
    response = client.post(
        reverse("repository:knowledge_create"), _product_post(other_coalition, link="https://x.org")
    )
    assert "coalition" in response.context["form"].errors
    assert KnowledgeProduct.objects.count() == 1


def test_index_counts_what_the_reader_may_see(client, catalogue, member, platform_secretariat):
    html = client.get(reverse("repository:index")).content.decode()
    assert "8 practices" in html and "5 pledges" in html and "3 knowledge products" in html
    assert "Review queue" not in html
    client.force_login(platform_secretariat)
    html = client.get(reverse("repository:index")).content.decode()
    assert "12 practices" in html and "Review queue" in html and "2 awaiting review" in html

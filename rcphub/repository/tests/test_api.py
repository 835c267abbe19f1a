"""The repository's API: who may do what, what each reader sees, bad input, constant queries."""

import json
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from rcphub.core.tests.uploads import pdf_bytes
from rcphub.reference.models import Country, Entity, GcmObjective
from rcphub.repository.models import (
    ChampionCountry,
    KnowledgeProduct,
    Pledge,
    Practice,
    VoluntaryReport,
)
from rcphub.repository.tests.factories import GOOD_SUMMARY, build_pledge, build_practice, build_report

pytestmark = pytest.mark.django_db

API = "/api/v1"
ROLES = ("visitor", "outsider", "member", "focal_point", "coalition_secretariat", "platform_secretariat")


def call(client, method, path, body=None, **kwargs):
    if body is not None:
        kwargs.update(data=json.dumps(body), content_type="application/json")
    return getattr(client, method)(f"{API}{path}", **kwargs)


def login(client, user):
    if user.is_authenticated:
        client.force_login(user)
    return client


def product(coalition, title="Guidance on safe labour migration", visibility="public", **fields):
    return KnowledgeProduct.objects.create(
        title=title,
        kind=fields.pop("kind", "guidance"),
        coalition=coalition,
        visibility=visibility,
        link="https://example.org/guidance",
        **fields,
    )


# ---------------------------------------------------------------------------------------------
# Permission table: role × endpoint → status. The member (UNFPA) submitted the drafts and submissions.

V, OUT, M, F, CS, PS = ROLES
TABLE = {
    "get published practice": {V: 200, OUT: 200, M: 200, F: 200, CS: 200, PS: 200},
    "get member's draft": {V: 404, OUT: 404, M: 200, F: 404, CS: 200, PS: 200},
    "create practice": {V: 401, OUT: 201, M: 201, F: 201, CS: 201, PS: 201},
    "update member's draft": {V: 401, OUT: 404, M: 200, F: 404, CS: 404, PS: 404},
    "submit member's draft": {V: 401, OUT: 404, M: 200, F: 404, CS: 404, PS: 404},
    "return submitted practice": {V: 401, OUT: 404, M: 404, F: 404, CS: 200, PS: 200},
    "publish submitted practice": {V: 401, OUT: 404, M: 404, F: 404, CS: 200, PS: 200},
    "publish submitted pledge": {V: 401, OUT: 404, M: 404, F: 404, CS: 200, PS: 200},
    "report on published pledge": {V: 401, OUT: 201, M: 201, F: 201, CS: 201, PS: 201},
    "publish submitted pledge report": {V: 401, OUT: 404, M: 404, F: 404, CS: 200, PS: 200},
    "get internal product": {V: 404, OUT: 404, M: 200, F: 200, CS: 200, PS: 200},
    "create product for the coalition": {V: 401, OUT: 404, M: 404, F: 404, CS: 201, PS: 201},
    "update public product": {V: 401, OUT: 404, M: 404, F: 404, CS: 200, PS: 200},
    "delete public product": {V: 401, OUT: 404, M: 404, F: 404, CS: 204, PS: 204},
}


def _request(client, action, member, coalition):
    if action == "get published practice":
        return call(client, "get", f"/practices/{build_practice(submitter=member, state='published').pk}")
    if action == "get member's draft":
        return call(client, "get", f"/practices/{build_practice(submitter=member).pk}")
    if action == "create practice":
        return call(client, "post", "/practices", {"title": "Return and reintegration desks"})
    if action == "update member's draft":
        practice = build_practice(submitter=member)
        return call(client, "patch", f"/practices/{practice.pk}", {"title": "Renamed", "version": 1})
    if action == "submit member's draft":
        return call(client, "post", f"/practices/{build_practice(submitter=member).pk}/submit")
    if action == "return submitted practice":
        practice = build_practice(submitter=member, state="submitted")
        body = {"comment": "Add the countries.", "version": practice.version}
        return call(client, "post", f"/practices/{practice.pk}/return", body)
    if action == "publish submitted practice":
        practice = build_practice(submitter=member, state="submitted")
        return call(client, "post", f"/practices/{practice.pk}/publish", {"version": practice.version})
    if action == "publish submitted pledge":
        pledge = build_pledge(submitter=member, state="submitted")
        return call(client, "post", f"/pledges/{pledge.pk}/publish", {"version": pledge.version})
    if action == "report on published pledge":
        pledge = build_pledge(submitter=member, state="published")
        body = {"reported_on": "2025-03-01", "stage": "in_progress", "narrative": "Two trainings held."}
        return call(client, "post", f"/pledges/{pledge.pk}/reports", body)
    if action == "publish submitted pledge report":
        pledge = build_pledge(submitter=member, state="published")
        report = build_report(
            pledge=pledge, submitter=member, reported_on=date(2025, 3, 1), state="submitted"
        )
        return call(client, "post", f"/pledge-reports/{report.pk}/publish", {"version": report.version})
    if action == "get internal product":
        return call(client, "get", f"/knowledge-products/{product(coalition, visibility='internal').pk}")
    if action == "create product for the coalition":
        body = {
            "title": "Key messages on remittances",
            "kind": "key_messages",
            "coalition": "health",
            "link": "https://example.org/km",
        }
        return call(client, "post", "/knowledge-products", body)
    if action == "update public product":
        item = product(coalition)
        return call(
            client, "patch", f"/knowledge-products/{item.pk}", {"title": "Renamed", "version": item.version}
        )
    if action == "delete public product":
        return call(client, "delete", f"/knowledge-products/{product(coalition).pk}")
    raise AssertionError(action)


@pytest.mark.parametrize(("action", "role"), [(a, r) for a in TABLE for r in ROLES])
def test_permission_table(request, client, coalition, member, action, role):
    user = request.getfixturevalue(role)
    login(client, user)

    response = _request(client, action, member, coalition)

    assert response.status_code == TABLE[action][role], f"{role} {action}: {response.content[:300]}"


# ---------------------------------------------------------------------------------------------
# The whole workflow through the API


def test_member_submits_secretariat_returns_member_fixes_secretariat_publishes(
    client, member, coalition_secretariat
):
    login(client, member)
    created = call(
        client, "post", "/practices", {"title": "Legal aid for seasonal workers", "gcm_objectives": [6]}
    )
    assert created.status_code == 201
    practice = created.json()
    assert practice["state"] == "draft" and practice["gcm_objectives"] == [6]
    submitted = call(client, "post", f"/practices/{practice['id']}/submit").json()
    assert submitted["state"] == "submitted"

    login(client, coalition_secretariat)
    publish = call(client, "post", f"/practices/{practice['id']}/publish", {"version": submitted["version"]})
    assert publish.status_code == 422
    assert {entry["loc"][-1] for entry in publish.json()["detail"]} == {"countries", "summary"}
    returned = call(
        client,
        "post",
        f"/practices/{practice['id']}/return",
        {"comment": "Add a summary.", "version": submitted["version"]},
    )
    assert returned.json()["state"] == "returned"
    assert returned.json()["review_comment"] == "Add a summary."

    login(client, member)
    version = call(client, "get", f"/practices/{practice['id']}").json()["version"]
    fixed = call(
        client,
        "patch",
        f"/practices/{practice['id']}",
        {"summary": GOOD_SUMMARY, "countries": ["ALB", "MNE"], "version": version},
    )
    assert fixed.status_code == 200 and fixed.json()["countries"] == ["ALB", "MNE"]
    stale = call(client, "patch", f"/practices/{practice['id']}", {"title": "Late edit", "version": version})
    assert stale.status_code == 409
    resubmitted = call(client, "post", f"/practices/{practice['id']}/submit")
    assert resubmitted.status_code == 200

    login(client, coalition_secretariat)
    body = {"comment": "Thank you.", "version": resubmitted.json()["version"]}
    published = call(client, "post", f"/practices/{practice['id']}/publish", body)
    assert published.status_code == 200 and published.json()["state"] == "published"
    assert published.json()["review_comment"] == ""  # not shown on what is public

    client.logout()
    assert call(client, "get", "/practices", QUERY_STRING="country=MNE").json()["count"] == 1
    assert call(client, "get", "/search", QUERY_STRING="q=seasonal+workers").json()[0]["kind"] == "practices"


def test_returning_without_a_comment_names_the_comment(client, member, coalition_secretariat):
    practice = build_practice(submitter=member, state="submitted")
    login(client, coalition_secretariat)

    response = call(
        client, "post", f"/practices/{practice.pk}/return", {"comment": "  ", "version": practice.version}
    )

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "comment"]
    assert Practice.objects.get(pk=practice.pk).state == "submitted"


def test_publishing_a_draft_is_refused_as_a_bad_transition(client, member, coalition_secretariat):
    practice = build_practice(submitter=member, state="draft")
    login(client, coalition_secretariat)

    assert (
        call(client, "post", f"/practices/{practice.pk}/publish", {"version": practice.version}).status_code
        == 422
    )


# ---------------------------------------------------------------------------------------------
# Visibility


@pytest.fixture
def mixed(coalition, other_coalition, member, focal_point):
    """Published, draft and submitted practices and pledges; products public, internal to health, to
    climate and to nobody."""
    for state in ("published", "draft", "submitted"):
        build_practice(submitter=member, state=state, title=f"Practice {state}")
        build_pledge(submitter=focal_point, state=state, text=f"Pledge {state}")
    product(coalition, title="Public guidance")
    product(coalition, title="Health internal", visibility="internal")
    product(other_coalition, title="Climate internal", visibility="internal")
    product(None, title="Platform internal", visibility="internal")


@pytest.mark.parametrize(
    ("role", "practices", "pledges", "products"),
    [
        ("visitor", {"published"}, {"published"}, {"Public guidance"}),
        ("outsider", {"published"}, {"published"}, {"Public guidance", "Climate internal"}),
        (
            "member",
            {"published", "draft", "submitted"},
            {"published"},
            {"Public guidance", "Health internal"},
        ),
        (
            "focal_point",
            {"published"},
            {"published", "draft", "submitted"},
            {"Public guidance", "Health internal"},
        ),
        (
            "platform_secretariat",
            {"published", "draft", "submitted"},
            {"published", "draft", "submitted"},
            {"Public guidance", "Health internal", "Climate internal", "Platform internal"},
        ),
    ],
)
def test_lists_and_facets_show_only_what_the_reader_may_see(
    request, client, mixed, role, practices, pledges, products
):
    login(client, request.getfixturevalue(role))

    practice_list = call(client, "get", "/practices").json()
    pledge_list = call(client, "get", "/pledges").json()
    product_list = call(client, "get", "/knowledge-products").json()

    assert {item["state"] for item in practice_list["items"]} == practices
    assert {item["state"] for item in pledge_list["items"]} == pledges
    assert {item["title"] for item in product_list["items"]} == products
    facets = call(client, "get", "/practices/facets").json()
    assert facets["count"] == practice_list["count"]
    [serbia] = [v for f in facets["facets"] if f["name"] == "country" for v in f["values"]]
    assert serbia == {"value": "SRB", "label": "Serbia", "count": len(practices), "selected": False}
    product_facets = call(client, "get", "/knowledge-products/facets").json()
    assert product_facets["count"] == len(products)


def test_facet_counts_equal_the_filtered_lists_count_for_every_value(client, mixed, member):
    extra = build_practice(submitter=member, state="published", title="Second", scope="local")
    extra.countries.set([Country.objects.get(iso3="ALB"), Country.objects.get(iso3="SRB")])
    extra.gcm_objectives.set([GcmObjective.objects.get(number=5)])

    facets = call(client, "get", "/practices/facets").json()["facets"]

    for facet in facets:
        for value in facet["values"]:
            listed = call(
                client, "get", "/practices", QUERY_STRING=f"{facet['name']}={value['value']}"
            ).json()
            assert listed["count"] == value["count"], (facet["name"], value)


def test_missing_and_hidden_items_answer_alike(client, mixed, other_coalition):
    draft = Practice.objects.get(title="Practice draft")
    hidden_pledge = Pledge.objects.get(text="Pledge submitted")
    climate = KnowledgeProduct.objects.get(title="Climate internal")

    for path in (
        f"/practices/{draft.pk}",
        "/practices/999999",
        f"/pledges/{hidden_pledge.pk}",
        f"/pledges/{hidden_pledge.pk}/reports",
        f"/knowledge-products/{climate.pk}",
        "/knowledge-products/999999",
        "/pledge-reports/999999",
        "/voluntary-reports/999999",
        "/champion-countries/999999",
    ):
        response = call(client, "get", path)
        assert response.status_code == 404, path
        assert response.json() == {"detail": "Not found."}


def test_pledges_carry_inactive_and_last_reported_on(client, member):
    pledge = build_pledge(submitter=member, state="published", made_on=date(2020, 1, 1))
    build_report(pledge=pledge, submitter=member, reported_on=date(2021, 6, 1))
    build_report(pledge=pledge, submitter=member, reported_on=date(2022, 6, 1), state="draft")

    item = call(client, "get", f"/pledges/{pledge.pk}").json()
    assert item["last_reported_on"] == "2021-06-01"
    assert item["inactive"] is True
    assert item["pledger"]["acronym"] == "UNDP" and item["pledger_kind"] == "stakeholder"
    assert (
        call(client, "get", f"/pledges/{pledge.pk}", QUERY_STRING="as_at=2022-01-01").json()["inactive"]
        is False
    )
    reports = call(client, "get", f"/pledges/{pledge.pk}/reports").json()
    assert [r["reported_on"] for r in reports] == ["2021-06-01"]  # the draft report stays hidden


def test_voluntary_reports_and_champion_countries_are_public(client):
    albania = Country.objects.get(iso3="ALB")
    VoluntaryReport.objects.create(country=albania, year=2024, link="https://example.org/alb-2024")
    champion = ChampionCountry.objects.create(country=Country.objects.get(iso3="PRT"), note="Since the IMRF.")

    reports = call(client, "get", "/voluntary-reports").json()
    assert reports["count"] == 1 and reports["items"][0]["country"] == "ALB"
    assert call(client, "get", f"/voluntary-reports/{reports['items'][0]['id']}").json()["year"] == 2024
    assert call(client, "get", "/champion-countries").json()["items"][0]["country_name"] == "Portugal"
    assert call(client, "get", f"/champion-countries/{champion.pk}").json()["note"] == "Since the IMRF."


# ---------------------------------------------------------------------------------------------
# Bad input: 422 naming the field, nothing written


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": "X", "gcm_objectives": [24]}, "gcm_objectives"),
        ({"title": "X", "gcm_objectives": ["two"]}, "gcm_objectives"),
        ({"title": "X", "countries": ["XXX"]}, "countries"),
        ({"title": "X", "implementer_types": ["wizards"]}, "implementer_types"),
        ({"title": "X", "period_start": 2025, "period_end": 2020}, "period_end"),
        ({"title": "X", "language": "klingon"}, "language"),
        ({"title": ""}, "title"),
        ({}, "title"),
    ],
)
def test_bad_practice_input_answers_422_naming_the_field(client, member, body, field):
    login(client, member)

    response = call(client, "post", "/practices", body)

    assert response.status_code == 422, response.content
    assert field in [entry["loc"][-1] for entry in response.json()["detail"]] or field in str(response.json())
    assert not Practice.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "matching", "matches": 999999}, "matches"),
        ({"kind": "matching"}, "matches"),
        ({"kind": "partnership", "partners": []}, "partners"),
        ({"gcm_objectives": [0]}, "gcm_objectives"),
        ({"pledger": 999999}, "pledger"),
    ],
)
def test_bad_pledge_input_answers_422_naming_the_field(client, member, entity, body, field):
    login(client, member)
    payload = {"pledger": entity("UNFPA").pk, "text": "Fund safe shelters for migrant women.", **body}

    response = call(client, "post", "/pledges", payload)

    assert response.status_code == 422, response.content
    assert response.json()["detail"][0]["loc"][-1] == field
    assert not Pledge.objects.exists()


def test_a_pledge_may_match_a_published_pledge_but_not_a_hidden_one(client, member, focal_point, entity):
    published = build_pledge(submitter=focal_point, state="published")
    hidden = build_pledge(submitter=focal_point, state="draft")
    login(client, member)
    body = {"pledger": entity("UNFPA").pk, "text": "Match it.", "kind": "matching"}

    assert call(client, "post", "/pledges", {**body, "matches": hidden.pk}).status_code == 422
    created = call(client, "post", "/pledges", {**body, "matches": published.pk})
    assert created.status_code == 201 and created.json()["matches"] == published.pk


@pytest.mark.parametrize(
    ("path", "query", "field"),
    [
        ("/practices", "objective=99", "objective"),
        ("/practices", "objective=abc", "objective"),
        ("/practices", "country=XXX", "country"),
        ("/practices", "year=nineteen", "year"),
        ("/practices/facets", "scope=cosmic", "scope"),
        ("/pledges", "stage=dreaming", "stage"),
        ("/pledges/facets", "pledger_type=wizard", "pledger_type"),
        ("/knowledge-products", "kind=poem", "kind"),
        ("/knowledge-products", "coalition=climate", "coalition"),  # internal to others: as if missing
        ("/pledges", "sort=random", "sort"),
        ("/practices", "page=0", "page"),
        ("/pledges/dashboard", "as_at=31-12-2025", "as_at"),
    ],
)
def test_bad_filters_answer_422_naming_the_field(client, other_coalition, path, query, field):
    other_coalition.visibility = "internal"
    other_coalition.save()

    response = call(client, "get", path, QUERY_STRING=query)

    assert response.status_code == 422, response.content
    assert response.json()["detail"][0]["loc"] == ["query", field]


def test_knowledge_product_with_a_file_is_uploaded_within_the_limits(
    client, platform_secretariat, coalition, member, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    login(client, platform_secretariat)
    upload = SimpleUploadedFile("toolkit.pdf", pdf_bytes("toolkit"), content_type="application/pdf")

    response = client.post(
        f"{API}/knowledge-products/upload",
        {
            "title": "Toolkit on migrant-inclusive health",
            "kind": "toolkit",
            "coalition": "health",
            "languages": "en, ru",
            "file": upload,
        },
    )

    assert response.status_code == 201, response.content
    created = response.json()
    assert created["file_url"] == reverse("repository:knowledge_file", args=[created["id"]])
    assert created["languages"] == ["en", "ru"]
    login(client, member)
    assert b"".join(client.get(created["file_url"]).streaming_content) == pdf_bytes("toolkit")


@pytest.mark.parametrize(
    ("name", "content"), [("toolkit.exe", b"MZ binary"), ("toolkit.pdf", b"x" * 2048)], ids=["type", "size"]
)
def test_knowledge_product_file_over_the_limit_or_of_a_refused_type_names_the_file(
    client, platform_secretariat, coalition, name, content
):
    login(client, platform_secretariat)

    with override_settings(RCPHUB_UPLOAD_MAX_BYTES=1024):
        response = client.post(
            f"{API}/knowledge-products/upload",
            {"title": "Toolkit", "kind": "toolkit", "file": SimpleUploadedFile(name, content)},
        )

    assert response.status_code == 422, response.content
    assert response.json()["detail"][0]["loc"][-1] == "file"
    assert not KnowledgeProduct.objects.exists()


def test_knowledge_product_needs_a_file_or_a_link(client, platform_secretariat):
    login(client, platform_secretariat)

    response = call(client, "post", "/knowledge-products", {"title": "Brief", "kind": "brief"})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "link"


# ---------------------------------------------------------------------------------------------
# Constant queries, and the schema


def _grow(member, coalition, n, start=0):
    for i in range(start, start + n):
        practice = build_practice(submitter=member, state="published", title=f"Practice {i}")
        practice.implementers.set([Entity.objects.get(acronym="UNDP")])
        pledge = build_pledge(submitter=member, state="published", text=f"Pledge {i}", kind="partnership")
        pledge.partners.set([Entity.objects.get(acronym="IOM")])
        build_report(
            pledge=pledge, submitter=member, reported_on=date(2021 + i % 2 * 4, 1, 1)
        )  # half inactive
        product(coalition, title=f"Product {i}")
        VoluntaryReport.objects.create(
            country=Country.objects.filter(programme_country=True).order_by("pk")[i],
            year=2024,
            link="https://example.org/vr",
        )


@pytest.mark.parametrize(
    "path",
    [
        "/practices",
        "/practices/facets",
        "/pledges",
        "/pledges/facets",
        "/pledge-reports",
        "/knowledge-products",
        "/knowledge-products/facets",
        "/voluntary-reports",
        "/champion-countries",
        "/pledges/dashboard",
    ],
)
def test_lists_take_a_constant_number_of_queries(
    client, member, coalition, django_assert_max_num_queries, path
):
    login(client, member)
    _grow(member, coalition, 2)
    with django_assert_max_num_queries(40) as few:
        assert call(client, "get", path).status_code == 200
    _grow(member, coalition, 8, start=2)
    with django_assert_max_num_queries(len(few)):
        assert call(client, "get", path).status_code == 200


def test_openapi_schema_builds_with_the_repository(client):
    response = client.get(f"{API}/openapi.json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/practices",
        "/practices/facets",
        "/pledges/dashboard",
        "/knowledge-products/upload",
        "/pledges/{item_id}/publish",
        "/champion-countries",
    ):
        assert f"{API}{path}" in paths

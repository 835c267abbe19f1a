"""Fund pages and API: figures as at a date, bad input naming the field, constant query counts, the demo."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from rcphub.funding.models import Contribution, Fund, JointProgramme
from rcphub.funding.tests.factories import build_fund, contribute, programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def fund():
    fund = build_fund()
    contribute(fund, "SWE", "30000000", date(2024, 3, 14))
    contribute(fund, "SWE", "10000000", date(2024, 6, 28), kind="deposited")
    contribute(fund, "CHE", "5000000", date(2025, 2, 1), currency="CHF")
    programme(fund, "Primary health care", area="health", budget="2000000", funded_on=date(2025, 6, 1))
    programme(fund, "Youth employment", area="youth", budget="700000", submitted_on=date(2025, 3, 1))
    return fund


def _grow(fund, n, start):
    codes = [
        "NOR",
        "DEU",
        "DNK",
        "NLD",
        "FIN",
        "IRL",
        "AUT",
        "LUX",
        "BEL",
        "FRA",
        "ITA",
        "ESP",
        "GBR",
        "USA",
        "CAN",
    ]
    for i in range(n):
        contribute(fund, codes[(start + i) % len(codes)], str(1000 + i), date(2025, 1, 1 + i % 28))
        programme(fund, f"Programme {start + i}", area="data", countries=("ARM", "GEO"), entities=("UNFPA",))


# ---------------------------------------------------------------------------------------------
# Pages


def test_fund_page_shows_mobilised_against_target_as_at_the_date(client, fund):
    response = client.get(reverse("funding:fund_detail", args=[fund.pk]), {"as_at": "2025-06-01"})
    assert response.status_code == 200
    cap = response.context["cap"]
    assert (cap.pledged, cap.deposited, cap.percent) == (
        Decimal("30000000"),
        Decimal("10000000"),
        Decimal("20.0"),
    )
    html = response.content.decode()
    assert "<strong>20.0 %</strong>" in html
    assert "<svg" in html  # the chart
    assert 'id="pledged">30,000,000.00<' in html  # the table, readable without JavaScript
    assert "1 contribution in another currency is shown apart" in html
    assert "Primary health care" in html and "Youth employment" in html


def test_fund_page_as_at_an_earlier_date_leaves_out_later_figures(client, fund):
    response = client.get(reverse("funding:fund_detail", args=[fund.pk]), {"as_at": "2024-03-13"})
    cap = response.context["cap"]
    assert (cap.pledged, cap.percent, cap.contributor_count) == (Decimal("0"), Decimal("0.0"), 0)
    assert response.context["programmes"] == []
    assert "shown apart" not in response.content.decode()


def test_bad_as_at_answers_400_naming_the_field(client, fund):
    for url in (reverse("funding:fund_detail", args=[fund.pk]), reverse("funding:fund_list")):
        response = client.get(url, {"as_at": "31/12/2025"})
        assert response.status_code == 400
        assert "as_at" in response.content.decode()


def test_fund_list_shows_each_funds_percentage(client, fund):
    response = client.get(reverse("funding:fund_list"))
    assert response.status_code == 200
    assert "20.0 %" in response.content.decode()


def test_secretariat_records_a_contribution_and_sees_errors_named(client, fund, platform_secretariat):
    client.force_login(platform_secretariat)
    url = reverse("funding:contribution_create", args=[fund.pk])
    swe = Contribution.objects.filter(contributor__acronym="SWE").first().contributor_id
    data = {
        "contributor": swe,
        "kind": "pledged",
        "amount": "-5",
        "currency": "XQQ",
        "contributed_on": "2025-05-01",
    }
    before = Contribution.objects.count()
    response = client.post(url, data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) >= {"amount"}
    response = client.post(url, {**data, "amount": "5"})
    assert set(response.context["form"].errors) == {"currency"}
    assert Contribution.objects.count() == before
    response = client.post(url, {**data, "amount": "5", "currency": "USD"})
    assert response.status_code == 302
    assert Contribution.objects.count() == before + 1


def test_secretariat_adds_funds_and_closes_a_programme_through_the_forms(client, fund, platform_secretariat):
    client.force_login(platform_secretariat)
    response = client.post(
        reverse("funding:joint_programme_create", args=[fund.pk]),
        {
            "title": "Backwards",
            "thematic_area": "climate",
            "budget": "10",
            "currency": "USD",
            "start_on": "2026-01-01",
            "end_on": "2025-01-01",
        },
    )
    assert response.status_code == 200 and "end_on" in response.context["form"].errors
    response = client.post(
        reverse("funding:joint_programme_create", args=[fund.pk]),
        {
            "title": "Clean air",
            "thematic_area": "climate",
            "budget": "10",
            "currency": "USD",
            "submitted_on": "2025-01-01",
        },
    )
    jp = JointProgramme.objects.get(title="Clean air")
    assert response.status_code == 302
    url = reverse("funding:joint_programme_transition", args=[jp.pk])
    response = client.post(url, {"state": "funded", "on": "2025-02-01", "version": jp.version})
    assert response.status_code == 302
    response = client.post(url, {"state": "pipeline", "on": "2025-03-01", "version": jp.version + 1})
    assert response.status_code == 200 and "state" in response.context["form"].errors
    response = client.post(url, {"state": "closed", "on": "2025-03-01", "version": jp.version})  # stale
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    jp.refresh_from_db()
    assert (jp.state, jp.funded_on, jp.closed_on) == ("funded", date(2025, 2, 1), None)
    page = client.get(reverse("funding:joint_programme_detail", args=[jp.pk])).content.decode()
    assert "Change history" in page and "Funded on" in page


def test_fund_page_stays_constant_query_as_contributions_and_programmes_grow(
    client, django_assert_max_num_queries, fund, platform_secretariat
):
    client.force_login(platform_secretariat)
    _grow(fund, 3, start=0)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("funding:fund_detail", args=[fund.pk])).status_code == 200
    _grow(fund, 12, start=3)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("funding:fund_detail", args=[fund.pk]))
    assert len(response.context["programmes"]) == 17
    with django_assert_max_num_queries(12):
        assert (
            client.get(
                reverse("funding:joint_programme_detail", args=[fund.joint_programmes.first().pk])
            ).status_code
            == 200
        )


def test_fund_list_stays_constant_query_as_funds_grow(client, django_assert_max_num_queries):
    for i in range(2):
        contribute(build_fund(acronym=f"F{i}"), "SWE", "100", date(2025, 1, 1))
    with django_assert_max_num_queries(4):
        assert client.get(reverse("funding:fund_list")).status_code == 200
    for i in range(2, 8):
        contribute(build_fund(acronym=f"F{i}"), "SWE", "100", date(2025, 1, 1))
    with django_assert_max_num_queries(4):
        response = client.get(reverse("funding:fund_list"))
    assert len(response.context["funds"]) == 8


# ---------------------------------------------------------------------------------------------
# API


def test_api_fund_detail_gives_capitalisation_as_at_a_date(client, fund):
    body = client.get(f"/api/v1/funds/{fund.pk}", {"as_at": "2025-06-01"}).json()
    cap = body["capitalisation"]
    assert (cap["currency"], Decimal(cap["pledged"]), Decimal(cap["percent"])) == (
        "USD",
        Decimal("30000000"),
        Decimal("20.0"),
    )
    assert cap["other_currency_count"] == 1
    assert [(r["contributor"], r["pledged"], r["deposited"]) for r in cap["by_contributor"]] == [
        ("SWE", "30000000.00", "10000000.00"),
        ("CHE", "5000000.00", "0.00"),
    ]
    assert [(t["currency"], Decimal(t["pledged"])) for t in cap["other_currencies"]] == [
        ("CHF", Decimal("5000000"))
    ]
    counted = {(a["thematic_area"], a["funded_count"], a["pipeline_count"]) for a in cap["thematic_areas"]}
    assert counted >= {("health", 1, 0), ("youth", 0, 1)}
    assert [a["thematic_area"] for a in cap["thematic_areas"]] == [a["code"] for a in body["thematic_areas"]]
    assert body["thematic_areas"][0] == {
        "code": "gender_equality",
        "name": "Gender equality and human rights",
    }
    assert client.get(f"/api/v1/funds/{fund.pk}", {"as_at": "yesterday"}).status_code == 422


def test_api_lists_filter(client, fund):
    contribute(fund, "NOR", "500", date(2025, 7, 1), kind="deposited")
    rows = client.get("/api/v1/contributions", {"fund": fund.pk, "kind": "deposited"}).json()["items"]
    assert [(r["contributor"], r["amount"]) for r in rows] == [("NOR", "500.00"), ("SWE", "10000000.00")]
    assert client.get("/api/v1/contributions", {"currency": "chf"}).json()["count"] == 1
    assert client.get("/api/v1/contributions", {"contributor": "swe"}).json()["count"] == 2
    assert (
        client.get("/api/v1/contributions", {"since": "2025-01-01", "until": "2025-06-30"}).json()["count"]
        == 1
    )
    assert client.get("/api/v1/joint-programmes", {"state": "funded"}).json()["count"] == 1
    assert client.get("/api/v1/joint-programmes", {"thematic_area": "youth"}).json()["count"] == 1
    assert client.get("/api/v1/joint-programmes", {"country": "KGZ"}).json()["count"] == 2
    assert client.get("/api/v1/joint-programmes", {"country": "kg"}).json()["count"] == 2
    assert client.get("/api/v1/joint-programmes", {"country": "ALB"}).json()["count"] == 0
    funds = client.get("/api/v1/funds").json()["items"]
    assert (Decimal(funds[0]["percent_of_target"]), funds[0]["other_currency_count"]) == (Decimal("20.0"), 1)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"currency": "XQQ"}, "currency"),
        ({"contributor": "NOPE"}, "contributor"),
        ({"since": "2025-02-01", "until": "2025-01-01"}, "since"),
        ({"kind": "gift"}, "kind"),
    ],
)
def test_api_contribution_filters_refuse_bad_values_naming_them(client, fund, query, field):
    response = client.get("/api/v1/contributions", query)
    assert response.status_code == 422
    assert field in {entry["loc"][-1] for entry in response.json()["detail"]}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"amount": "-10"}, "amount"),
        ({"amount": "0"}, "amount"),
        ({"currency": "ABC"}, "currency"),
        ({"contributor": "XXX1"}, "contributor"),
    ],
)
def test_api_bad_contribution_answers_422_naming_the_field_with_nothing_written(
    client, fund, platform_secretariat, changes, field
):
    client.force_login(platform_secretariat)
    before = Contribution.objects.count()
    payload = {
        "fund": fund.pk,
        "contributor": "SWE",
        "kind": "pledged",
        "amount": "10",
        "currency": "USD",
        "contributed_on": "2025-05-01",
    }
    response = client.post("/api/v1/contributions", {**payload, **changes}, content_type="application/json")
    assert response.status_code == 422
    assert field in {entry["loc"][-1] for entry in response.json()["detail"]}
    assert Contribution.objects.count() == before


def test_api_creates_a_programme_and_refuses_a_bad_transition(client, fund, platform_secretariat):
    client.force_login(platform_secretariat)
    response = client.post(
        "/api/v1/joint-programmes",
        {
            "fund": fund.pk,
            "title": "Roma inclusion",
            "thematic_area": "social_protection",
            "countries": ["SRB", "MK"],
            "entities": ["undp", "UNICEF"],
            "budget": "1500000",
            "currency": "USD",
            "submitted_on": "2025-09-01",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (sorted(body["countries"]), sorted(body["entities"])) == (["MKD", "SRB"], ["UNDP", "UNICEF"])
    url = f"/api/v1/joint-programmes/{body['id']}/transition"
    bad = client.post(url, {"state": "pipeline", "version": body["version"]}, content_type="application/json")
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"][-1] == "state"
    early = client.post(
        url,
        {"state": "funded", "on": "2025-08-01", "version": body["version"]},
        content_type="application/json",
    )
    assert early.status_code == 422 and early.json()["detail"][0]["loc"][-1] == "on"
    stale = client.post(url, {"state": "funded", "version": 7}, content_type="application/json")
    assert stale.status_code == 409
    ok = client.post(
        url,
        {"state": "funded", "on": "2025-10-01", "version": body["version"]},
        content_type="application/json",
    )
    assert ok.status_code == 200 and ok.json()["funded_on"] == "2025-10-01"
    unknown = client.post(
        "/api/v1/joint-programmes",
        {
            "fund": fund.pk,
            "title": "X",
            "thematic_area": "youth",
            "countries": ["ZZZ"],
            "budget": "1",
            "currency": "USD",
        },
        content_type="application/json",
    )
    assert unknown.status_code == 422 and unknown.json()["detail"][0]["loc"][-1] == "countries"

    def programme(budget: str):
        body = {
            "fund": fund.pk,
            "title": "X",
            "thematic_area": "youth",
            "budget": budget,
            "currency": "USD",
            "start_on": "2026-01-01",
            "end_on": "2025-01-01",
        }
        return client.post("/api/v1/joint-programmes", body, content_type="application/json")

    negative = programme("-1")  # refused by its shape: an amount is digits (the schema's pattern)
    assert negative.status_code == 422
    assert [e["loc"][-1] for e in negative.json()["detail"]] == ["budget"]
    backwards = programme("1")
    assert backwards.status_code == 422
    assert [e["loc"][-1] for e in backwards.json()["detail"]] == ["end_on"]


@pytest.mark.parametrize("path", ["/api/v1/funds", "/api/v1/contributions", "/api/v1/joint-programmes"])
def test_api_lists_stay_constant_query(client, django_assert_max_num_queries, fund, path):
    _grow(fund, 3, start=0)
    with django_assert_max_num_queries(5):
        assert client.get(path).status_code == 200
    _grow(fund, 12, start=3)
    for i in range(4):
        build_fund(acronym=f"G{i}")
    with django_assert_max_num_queries(5):
        response = client.get(path)
    assert response.json()["count"] >= 5


# ---------------------------------------------------------------------------------------------
# Demo


def test_demo_seed_creates_the_funds_and_their_areas_once():
    from rcphub.core.demodata import demo_content
    from rcphub.funding.demo import funding_demo_seed
    from rcphub.funding.selectors import fund_capitalisation
    from rcphub.workplans.demo import demo_seed

    demo_seed(progress=lambda s: None)
    created = funding_demo_seed(progress=lambda s: None)
    assert created == {"funds": 2, "thematic areas": 14, "contributions": 19, "joint programmes": 14}
    kinds = {"funds": "funds", "contributions": "contributions", "joint programmes": "joint_programmes"}
    assert {kind: created[kind] for kind in kinds} == {
        kind: len(demo_content("rcphub.funding.demo", name)) for kind, name in kinds.items()
    }
    assert set(funding_demo_seed(progress=lambda s: None).values()) == {0}
    fund = Fund.objects.get(acronym="ECA-SDG-MPTF")
    cap = fund_capitalisation(fund=fund, as_at=date(2026, 11, 1))
    assert cap.pledged == Decimal("64000000.00")
    assert cap.percent == Decimal("42.7")
    assert {t.currency for t in cap.other_currencies} == {"CHF", "EUR"}
    states = sorted(fund.joint_programmes.values_list("state", flat=True))
    assert states == ["closed", "closed"] + ["funded"] * 6 + ["pipeline"] * 2

"""A fund's thematic areas are its own data: capitalisation by them, names in the reader's language, and
another fund's area refused by the service, the form and the API, named on the field."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import translation

from rcphub.funding.models import FundThematicArea, JointProgramme
from rcphub.funding.selectors import fund_capitalisation
from rcphub.funding.services import fund_thematic_area_create, joint_programme_create, joint_programme_update
from rcphub.funding.tests.factories import build_fund, programme, secretariat

pytestmark = pytest.mark.django_db

MPTF_AREAS = (
    ("evidence", "Fact-based migration discourse"),
    ("protection", "Protecting migrants"),
    ("irregular_migration", "Addressing irregular migration"),
    ("regular_migration", "Facilitating regular migration"),
    ("inclusion", "Social inclusion of migrants"),
)


@pytest.fixture
def mptf():
    return build_fund(name="Migration MPTF", acronym="MMPTF", areas=MPTF_AREAS)


@pytest.fixture
def other_fund():
    """A fund with the nine areas of the platform's fund."""
    return build_fund(acronym="OTHER")


def test_capitalisation_counts_by_the_funds_own_areas_in_its_order_zeros_shown(mptf):
    programme(mptf, "Data for policy", area="evidence", budget="1800000", funded_on=date(2025, 6, 1))
    programme(mptf, "Skills partnerships", area="regular_migration", budget="1500000")
    cap = fund_capitalisation(fund=mptf, as_at=date(2025, 7, 1))
    rows = [
        (r.thematic_area, r.label, r.funded_count, r.pipeline_count, r.pipeline_budget)
        for r in cap.thematic_areas
    ]
    assert rows == [
        ("evidence", "Fact-based migration discourse", 1, 0, Decimal("0")),
        ("protection", "Protecting migrants", 0, 0, Decimal("0")),
        ("irregular_migration", "Addressing irregular migration", 0, 0, Decimal("0")),
        ("regular_migration", "Facilitating regular migration", 0, 1, Decimal("1500000")),
        ("inclusion", "Social inclusion of migrants", 0, 0, Decimal("0")),
    ]


def test_a_new_area_comes_last_and_the_funds_order_is_kept(mptf):
    fund_thematic_area_create(fund=mptf, code="cross_cutting", name_en="Cross-cutting", by=secretariat())
    codes = [r.thematic_area for r in fund_capitalisation(fund=mptf, as_at=date(2025, 1, 1)).thematic_areas]
    assert codes == [code for code, _name in MPTF_AREAS] + ["cross_cutting"]


def test_capitalisation_stays_three_queries_as_areas_and_programmes_grow(mptf, django_assert_num_queries):
    programme(mptf, "One", area="evidence")
    with django_assert_num_queries(3):
        fund_capitalisation(fund=mptf, as_at=date(2025, 6, 1))
    for n in range(6):
        fund_thematic_area_create(fund=mptf, code=f"area_{n}", name_en=f"Area {n}", by=secretariat())
        programme(mptf, f"Programme {n}", area=f"area_{n}", funded_on=date(2025, 3, 1))
    with django_assert_num_queries(3):
        cap = fund_capitalisation(fund=mptf, as_at=date(2025, 6, 1))
    assert len(cap.thematic_areas) == 11 and cap.programme_totals()["funded"][0] == 6


def test_area_name_follows_the_language_and_falls_back_to_english(mptf):
    area = mptf.thematic_areas.get(code="inclusion")
    area.name_fr = "Inclusion sociale des migrants"
    area.save()
    with translation.override("fr"):
        assert area.name == "Inclusion sociale des migrants"
    with translation.override("ru"):
        assert area.name == "Social inclusion of migrants"


def test_area_code_is_unique_in_a_fund_but_funds_may_share_codes(mptf, other_fund):
    with pytest.raises(ValidationError) as error:
        fund_thematic_area_create(fund=mptf, code="evidence", name_en="Again", by=secretariat())
    assert "Again" not in mptf.thematic_areas.values_list("name_en", flat=True)
    assert error.value.messages
    fund_thematic_area_create(fund=other_fund, code="evidence", name_en="Evidence", by=secretariat())
    assert FundThematicArea.objects.filter(code="evidence").count() == 2


def test_area_with_programmes_cannot_be_deleted(mptf):
    programme(mptf, "Data for policy", area="evidence")
    with pytest.raises(ProtectedError):
        mptf.thematic_areas.get(code="evidence").delete()


def test_service_refuses_another_funds_area_on_thematic_area_with_nothing_written(mptf, other_fund):
    before = JointProgramme.objects.count(), JointProgramme.history.count()
    with pytest.raises(ValidationError) as error:
        joint_programme_create(
            fund=mptf,
            title="Wrong fund's area",
            thematic_area=other_fund.thematic_areas.get(code="migration"),
            budget=Decimal("100"),
            currency="USD",
            by=secretariat(),
        )
    assert set(error.value.message_dict) == {"thematic_area"}
    assert (JointProgramme.objects.count(), JointProgramme.history.count()) == before
    jp = programme(mptf, "Right fund's area", area="protection")
    with pytest.raises(ValidationError) as error:
        joint_programme_update(
            joint_programme=jp,
            thematic_area=other_fund.thematic_areas.get(code="health"),
            by=secretariat(),
            expected_version=jp.version,
        )
    assert set(error.value.message_dict) == {"thematic_area"}
    jp.refresh_from_db()
    assert jp.thematic_area.code == "protection"


def test_form_offers_the_funds_own_areas_and_refuses_another_funds_on_the_field(
    client, mptf, other_fund, platform_secretariat
):
    client.force_login(platform_secretariat)
    url = reverse("funding:joint_programme_create", args=[mptf.pk])
    page = client.get(url)
    assert [value for value, _label in page.context["form"].fields["thematic_area"].choices][1:] == [
        code for code, _name in MPTF_AREAS
    ]
    data = {"title": "Safe pathways", "budget": "10", "currency": "USD", "submitted_on": "2025-01-01"}
    response = client.post(url, {**data, "thematic_area": "health"})  # the other fund's area
    assert response.status_code == 200 and set(response.context["form"].errors) == {"thematic_area"}
    assert not JointProgramme.objects.filter(title="Safe pathways").exists()
    response = client.post(url, {**data, "thematic_area": "protection"})
    assert response.status_code == 302
    jp = JointProgramme.objects.get(title="Safe pathways")
    assert jp.thematic_area.code == "protection"
    edit = client.get(reverse("funding:joint_programme_edit", args=[jp.pk]))
    assert edit.context["form"]["thematic_area"].value() == "protection"
    detail = client.get(reverse("funding:joint_programme_detail", args=[jp.pk])).content.decode()
    assert "Protecting migrants" in detail


def test_api_refuses_another_funds_area_with_422_naming_the_field(
    client, mptf, other_fund, platform_secretariat
):
    client.force_login(platform_secretariat)
    body = {"fund": mptf.pk, "title": "Safe pathways", "budget": "10", "currency": "USD"}
    bad = client.post("/api/v1/joint-programmes", {**body, "thematic_area": "health"}, "application/json")
    assert bad.status_code == 422
    assert [entry["loc"] for entry in bad.json()["detail"]] == [["body", "thematic_area"]]
    assert "evidence" in bad.json()["detail"][0]["msg"]  # the fund's own areas are named
    assert not JointProgramme.objects.filter(title="Safe pathways").exists()
    created = client.post(
        "/api/v1/joint-programmes", {**body, "thematic_area": "inclusion"}, "application/json"
    )
    assert created.status_code == 201, created.json()
    jp = created.json()
    assert (jp["thematic_area"], jp["thematic_area_name"]) == ("inclusion", "Social inclusion of migrants")
    update = {
        key: jp[key]
        for key in ("title", "countries", "entities", "budget", "currency", "submitted_on", "version")
    }
    bad = client.put(
        f"/api/v1/joint-programmes/{jp['id']}", {**update, "thematic_area": "youth"}, "application/json"
    )
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["body", "thematic_area"]
    ok = client.put(
        f"/api/v1/joint-programmes/{jp['id']}", {**update, "thematic_area": "protection"}, "application/json"
    )
    assert ok.status_code == 200 and ok.json()["thematic_area"] == "protection"


def test_api_lists_a_funds_areas_and_filters_programmes_by_code(client, mptf, other_fund):
    programme(mptf, "Data for policy", area="evidence")
    programme(other_fund, "Census", area="data")
    mptf.thematic_areas.filter(code="evidence").update(name_fr="Discours fondé sur les faits")
    url = f"/api/v1/funds/{mptf.pk}/thematic-areas"
    areas = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").json()
    assert [(a["code"], a["position"]) for a in areas] == [
        (code, n) for n, (code, _) in enumerate(MPTF_AREAS, 1)
    ]
    assert areas[0]["name"] == "Discours fondé sur les faits"
    assert areas[1]["name"] == "Protecting migrants"  # no French name: English
    detail = client.get(f"/api/v1/funds/{mptf.pk}").json()
    assert [a["code"] for a in detail["thematic_areas"]] == [code for code, _name in MPTF_AREAS]
    rows = client.get("/api/v1/joint-programmes", {"thematic_area": "evidence"}).json()["items"]
    assert [r["title"] for r in rows] == ["Data for policy"]
    unknown = client.get("/api/v1/joint-programmes", {"thematic_area": "nope"})
    assert unknown.status_code == 422 and unknown.json()["detail"][0]["loc"] == ["query", "thematic_area"]
    elsewhere = client.get("/api/v1/joint-programmes", {"thematic_area": "data", "fund": mptf.pk})
    assert elsewhere.status_code == 422
    assert client.get("/api/v1/funds/999999/thematic-areas").status_code == 404


def test_internal_funds_areas_stay_hidden_from_visitors(client):
    internal = build_fund(acronym="INT", visibility="internal", areas=MPTF_AREAS[:1])
    assert client.get(f"/api/v1/funds/{internal.pk}/thematic-areas").status_code == 404
    assert client.get("/api/v1/joint-programmes", {"thematic_area": "evidence"}).status_code == 422


def test_fund_page_shows_every_area_of_the_fund(client, mptf):
    programme(mptf, "Data for policy", area="evidence", funded_on=date(2025, 6, 1))
    html = client.get(
        reverse("funding:fund_detail", args=[mptf.pk]), {"as_at": "2025-07-01"}
    ).content.decode()
    for _code, name in MPTF_AREAS:
        assert f'<th scope="row">{name}</th>' in html
    assert "Data for policy" in html


def test_demo_migration_mptf_has_its_five_thematic_areas_in_three_languages():
    from rcphub.funding.demo import funding_demo_seed
    from rcphub.funding.models import Fund
    from rcphub.workplans.demo import demo_seed

    demo_seed(progress=lambda s: None)
    funding_demo_seed(progress=lambda s: None)
    fund = Fund.objects.get(acronym="Migration-MPTF")
    areas = list(fund.thematic_areas.all())
    assert [a.code for a in areas] == [
        "evidence",
        "protection",
        "irregular_migration",
        "regular_migration",
        "inclusion",
    ]
    assert [a.position for a in areas] == [1, 2, 3, 4, 5]
    assert areas[0].name_en == (
        "Promoting fact-based and data-driven migration discourse, policy and planning"
    )
    assert areas[4].name_en == "Improving the social inclusion and integration of migrants"
    assert all(a.name_fr and a.name_ru for a in areas)
    with translation.override("ru"):
        assert areas[4].name == "Расширение социальной инклюзии и интеграции мигрантов"
    assert {jp.thematic_area.fund_id for jp in fund.joint_programmes.select_related("thematic_area")} == {
        fund.pk
    }
    platform = Fund.objects.get(acronym="ECA-SDG-MPTF")
    assert platform.thematic_areas.count() == 9

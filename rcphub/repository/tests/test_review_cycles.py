"""Voluntary reports belong to a review cycle: the services, history, the API and its filter, the
country records page."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from rcphub.core.dates import today
from rcphub.reference.models import Country
from rcphub.repository import services
from rcphub.repository.models import ReviewCycle, VoluntaryReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def imrf_2022(platform_secretariat):
    return services.review_cycle_save(
        by=platform_secretariat,
        slug="imrf-2022",
        name_en="International Migration Review Forum 2022",
        name_fr="Forum d'examen des migrations internationales 2022",
        name_ru="Форум по обзору международной миграции 2022 года",
        held_on=date(2022, 5, 17),
    )


@pytest.fixture
def reports(platform_secretariat, imrf_2022):
    """Albania's 2021 report to the IMRF 2022, Serbia's 2022 report to it, and an old Georgian one
    recorded with no cycle or date."""
    albania = services.voluntary_report_create(
        by=platform_secretariat,
        country="ALB",
        year=2021,
        link="https://example.org/alb-2021.pdf",
        review_cycle="imrf-2022",
        submitted_on=date(2021, 11, 30),
    )
    serbia = services.voluntary_report_create(
        by=platform_secretariat,
        country="SRB",
        year=2022,
        link="https://example.org/srb-2022.pdf",
        review_cycle=imrf_2022,
        submitted_on=date(2022, 2, 11),
    )
    georgia = VoluntaryReport.objects.create(
        country=Country.objects.get(iso3="GEO"), year=2019, link="https://example.org/geo-2019.pdf"
    )
    return {"albania": albania, "serbia": serbia, "georgia": georgia}


def test_a_report_is_recorded_with_its_cycle_and_date_and_history_keeps_both(
    reports, imrf_2022, platform_secretariat
):
    albania = reports["albania"]
    assert albania.review_cycle == imrf_2022 and albania.submitted_on == date(2021, 11, 30)

    services.voluntary_report_update(report=albania, by=platform_secretariat, review_cycle=None)
    albania.refresh_from_db()
    assert albania.review_cycle is None and albania.submitted_on == date(2021, 11, 30)
    earlier = albania.history.order_by("history_id").first()
    assert earlier.review_cycle_id == imrf_2022.pk
    assert albania.history.latest().history_user == platform_secretariat
    assert imrf_2022.history.get().name_en == "International Migration Review Forum 2022"


def test_saving_a_cycle_again_changes_it_rather_than_adding_one(platform_secretariat, imrf_2022):
    services.review_cycle_save(
        by=platform_secretariat,
        slug="imrf-2022",
        name_en="International Migration Review Forum 2022",
        held_on=date(2022, 5, 20),
    )

    assert ReviewCycle.objects.get().held_on == date(2022, 5, 20)
    assert imrf_2022.history.count() == 2


def test_only_the_platform_secretariat_records_cycles(coalition_secretariat, member):
    for user in (coalition_secretariat, member):
        with pytest.raises(PermissionDenied):
            services.review_cycle_save(by=user, slug="x", name_en="X", held_on=date(2026, 5, 5))
    assert not ReviewCycle.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"review_cycle": "imrf-2030"}, "review_cycle"),
        ({"submitted_on": today() + timedelta(days=1)}, "submitted_on"),
        ({"submitted_on": date(2017, 12, 31)}, "submitted_on"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(platform_secretariat, imrf_2022, fields, field):
    with pytest.raises(ValidationError) as caught:
        services.voluntary_report_create(
            by=platform_secretariat, country="ARM", year=2022, link="https://example.org/arm", **fields
        )

    assert list(caught.value.message_dict) == [field]
    assert not VoluntaryReport.objects.exists()


def test_api_shows_the_cycle_and_the_date(client, reports):
    items = {item["country"]: item for item in client.get("/api/v1/voluntary-reports").json()["items"]}

    assert items["ALB"]["review_cycle"] == {
        "slug": "imrf-2022",
        "name": "International Migration Review Forum 2022",
        "held_on": "2022-05-17",
    }
    assert items["ALB"]["submitted_on"] == "2021-11-30"
    assert items["GEO"]["review_cycle"] is None and items["GEO"]["submitted_on"] is None
    one = client.get(f"/api/v1/voluntary-reports/{reports['serbia'].pk}").json()
    assert one["review_cycle"]["slug"] == "imrf-2022" and one["submitted_on"] == "2022-02-11"


def test_api_names_the_cycle_in_the_language_asked_for(client, reports):
    response = client.get("/api/v1/voluntary-reports", HTTP_ACCEPT_LANGUAGE="fr")
    names = {item["review_cycle"]["name"] for item in response.json()["items"] if item["review_cycle"]}

    assert names == {"Forum d'examen des migrations internationales 2022"}


def test_api_filters_by_cycle_and_refuses_an_unknown_one(client, reports, platform_secretariat):
    services.review_cycle_save(
        by=platform_secretariat,
        slug="imrf-2026",
        name_en="International Migration Review Forum 2026",
        held_on=date(2026, 5, 5),
    )

    listed = client.get("/api/v1/voluntary-reports", {"review_cycle": "imrf-2022"}).json()
    assert sorted(item["country"] for item in listed["items"]) == ["ALB", "SRB"]
    assert client.get("/api/v1/voluntary-reports", {"review_cycle": "imrf-2026"}).json()["count"] == 0

    unknown = client.get("/api/v1/voluntary-reports", {"review_cycle": "imrf-2030"})
    assert unknown.status_code == 422
    assert unknown.json()["detail"][0]["loc"][-1] == "review_cycle"


def test_api_list_reads_a_constant_number_of_queries(
    client, reports, platform_secretariat, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        assert client.get("/api/v1/voluntary-reports").json()["count"] == 3
    for iso3, year in (("ARM", 2021), ("AZE", 2022), ("KAZ", 2022), ("MDA", 2022)):
        services.voluntary_report_create(
            by=platform_secretariat,
            country=iso3,
            year=year,
            link=f"https://example.org/{iso3.lower()}-{year}.pdf",
            review_cycle="imrf-2022",
            submitted_on=date(2022, 3, 1),
        )
    with django_assert_max_num_queries(3):
        assert client.get("/api/v1/voluntary-reports").json()["count"] == 7


def test_country_page_shows_each_reports_cycle(client, reports):
    html = client.get(reverse("repository:countries")).content.decode()

    assert "International Migration Review Forum 2022" in html
    assert "30 Nov 2021" in html
    with translation.override("ru"):
        assert str(reports["albania"].review_cycle) == "Форум по обзору международной миграции 2022 года"

"""The practices list's map: practices by country for the current filters, counted as the facets count."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rcphub.reference.models import Country, GcmObjective
from rcphub.repository.tests.factories import build_practice

pytestmark = pytest.mark.django_db


def _practice(submitter, *, countries, objective=15, state="published"):
    practice = build_practice(submitter=submitter, state=state, published_on=date(2026, 1, 5))
    practice.countries.set(Country.objects.filter(iso3__in=countries))
    practice.gcm_objectives.set(GcmObjective.objects.filter(number=objective))
    return practice


@pytest.fixture
def practices(member):
    _practice(member, countries=["SRB", "BIH"])
    _practice(member, countries=["SRB"], objective=7)
    _practice(member, countries=["XKX"], objective=7)
    _practice(member, countries=["SRB", "MNE"], state="draft")  # the visitor's list never counts it


def _rows(response):
    return [(label, count) for label, count, _link in response.context["country_rows"]]


def test_the_table_counts_what_the_country_facet_counts(practices, client):
    response = client.get(reverse("repository:practice_list"))

    facet = {
        value.label: value.count for value in {n: v for n, _l, v in response.context["facets"]}["country"]
    }
    assert (
        dict(_rows(response))
        == facet
        == {"Bosnia and Herzegovina": 1, "Kosovo (under UNSCR 1244)": 1, "Serbia": 2}
    )


def test_the_table_follows_the_other_filters_and_links_each_country(practices, client):
    url = reverse("repository:practice_list")

    response = client.get(url, {"objective": "7", "page": "1"})

    assert dict(_rows(response)) == {"Kosovo (under UNSCR 1244)": 1, "Serbia": 1}
    links = {label: link for label, _count, link in response.context["country_rows"]}
    assert links["Serbia"] == f"{url}?objective=7&country=SRB"
    assert client.get(links["Serbia"]).context["page"].paginator.count == 1
    page = response.content.decode()
    assert f'src="{reverse("repository:practice_map")}?objective=7"' in page
    assert "do not imply official endorsement" in page and "Security Council resolution 1244" in page


def test_the_repository_secretariat_counts_the_draft(practices, client, platform_secretariat):
    client.force_login(platform_secretariat)

    rows = dict(_rows(client.get(reverse("repository:practice_list"))))

    assert rows["Serbia"] == 3 and rows["Montenegro"] == 1


def test_the_map_is_an_svg_of_the_countries_counted(practices, client):
    response = client.get(reverse("repository:practice_map"), {"objective": "15"})

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response["Cache-Control"] == "private, max-age=300"
    assert response.content.startswith(b"<svg")


def test_a_bad_filter_on_the_map_answers_400_naming_it(client, db):
    response = client.get(reverse("repository:practice_map"), {"country": "ZZZ"})

    assert response.status_code == 400
    assert "country" in response.content.decode()


def test_the_list_with_its_map_takes_a_constant_number_of_queries(practices, client, member):
    url = reverse("repository:practice_list")
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for n in range(3):
        _practice(member, countries=["ALB", "MKD"], objective=n + 1)
    with CaptureQueriesContext(connection) as after:
        client.get(url)
    assert len(after) == len(before)

"""The regional brief: every figure against a count written here, as at edge dates, for each reader."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rcphub.coalitions.models import CountryNetwork
from rcphub.events.tests.builders import make_event
from rcphub.funding.models import Contribution, Fund, FundThematicArea, JointProgramme
from rcphub.reference.models import Country, Entity, GcmObjective, Region
from rcphub.reports.brief.figures import brief_figures
from rcphub.reports.models import Brief
from rcphub.repository.models import ChampionCountry
from rcphub.repository.tests.factories import build_pledge, build_practice

pytestmark = pytest.mark.django_db

PUBLISHED = date(2025, 3, 14)
AS_AT = date(2025, 6, 30)


def _practice(submitter, *, countries, objectives=(15,), published_on=PUBLISHED, state="published", **fields):
    practice = build_practice(submitter=submitter, state=state, published_on=published_on, **fields)
    practice.countries.set(Country.objects.filter(iso3__in=countries))
    practice.gcm_objectives.set(GcmObjective.objects.filter(number__in=objectives))
    return practice


@pytest.fixture
def region():
    region = Region.objects.create(slug="western-balkans", name_en="Western Balkans")
    region.countries.set(Country.objects.filter(iso3__in=["SRB", "BIH", "MNE", "XKX"]))
    return region


@pytest.fixture
def world(member, coalition, region):
    """Four published practices (three in the region, one in Mexico), one draft, one published later."""
    _practice(member, countries=["SRB"], objectives=[15, 16], scope="national")
    _practice(member, countries=["SRB", "BIH"], objectives=[15], scope="local")
    _practice(member, countries=["XKX"], objectives=[7], scope="national")
    _practice(member, countries=["MEX"], objectives=[15])
    _practice(member, countries=["SRB"], state="draft", published_on=None)
    _practice(member, countries=["MNE"], published_on=date(2025, 7, 1))
    build_pledge(submitter=member, state="published", made_on=date(2025, 1, 5))
    build_pledge(submitter=member, state="published", made_on=date(2025, 8, 1))
    CountryNetwork.objects.create(
        coalition=coalition,
        country=Country.objects.get(iso3="SRB"),
        name="UN Network on Migration in Serbia",
        established_on=date(2024, 5, 1),
        tor_url="https://example.org/tor-srb.pdf",
    )
    CountryNetwork.objects.create(
        coalition=coalition,
        country=Country.objects.get(iso3="BIH"),
        name="UN Network on Migration in BiH",
        established_on=date(2025, 9, 1),
    )
    ChampionCountry.objects.create(country=Country.objects.get(iso3="SRB"), since=date(2023, 1, 1))
    zone = ZoneInfo("Europe/Belgrade")
    make_event(
        coalition=coalition,
        title="UNCT workshop Belgrade",
        kind="workshop",
        starts_at=datetime(2025, 4, 2, 9, tzinfo=zone),
        countries=("SRB",),
        unct_countries=("SRB",),
    )
    make_event(
        coalition=coalition,
        title="Internal UNCT training",
        kind="training",
        visibility="internal",
        starts_at=datetime(2025, 4, 9, 9, tzinfo=zone),
        countries=("BIH",),
        unct_countries=("BIH",),
    )
    make_event(
        coalition=coalition,
        title="Regional review 2025",
        kind="meeting",
        starts_at=datetime(2025, 11, 4, 9, tzinfo=zone),
    )
    fund = Fund.objects.create(
        name="Balkans Migration Fund",
        acronym="BMF",
        target_amount=1_000_000,
        currency="USD",
        target_date=date(2027, 12, 31),
    )
    serbia = Entity.objects.get(acronym="SRB")
    germany = Entity.objects.get(acronym="DEU")
    Contribution.objects.create(
        fund=fund,
        contributor=serbia,
        kind="pledged",
        amount=100_000,
        currency="USD",
        contributed_on=date(2025, 2, 1),
    )
    Contribution.objects.create(
        fund=fund,
        contributor=germany,
        kind="pledged",
        amount=300_000,
        currency="USD",
        contributed_on=date(2025, 7, 15),
    )
    programme = JointProgramme.objects.create(
        fund=fund,
        title="Safe pathways",
        thematic_area=FundThematicArea.objects.create(fund=fund, code="migration", name_en="Migration"),
        budget=200_000,
        currency="USD",
        state="funded",
        submitted_on=date(2025, 1, 1),
        funded_on=date(2025, 5, 1),
    )
    programme.countries.set(Country.objects.filter(iso3="SRB"))
    return Brief.objects.create(
        slug="balkans", title_en="Western Balkans brief", coalition=coalition, region=region
    )


def _figures(brief, as_at=AS_AT, user=None):
    return brief_figures(brief=brief, as_at=as_at, user=user).figures


def test_practices_count_the_published_ones_in_the_region_and_their_share_of_all(world, visitor):
    figures = _figures(world, user=visitor)

    assert figures["practices_in_region"] == 3
    assert figures["practices_all"] == 4
    assert figures["practices_share_of_all_pct"] == 75.0
    assert list(figures["practices_by_gcm_objective"]) == [str(n) for n in range(1, 24)]
    assert figures["practices_by_gcm_objective"]["15"] == 2
    assert figures["practices_by_gcm_objective"]["16"] == 1
    assert figures["practices_by_gcm_objective"]["1"] == 0
    assert figures["practices_by_country"] == {"BIH": 1, "MNE": 0, "SRB": 2, "XKX": 1}
    assert figures["practices_by_scope"] == {"local": 1, "national": 2}


@pytest.mark.parametrize(
    ("as_at", "in_region"), [(date(2025, 6, 30), 3), (date(2025, 7, 1), 4), (date(2025, 7, 2), 4)]
)
def test_a_practice_counts_from_the_day_it_is_published(world, visitor, as_at, in_region):
    assert _figures(world, as_at=as_at, user=visitor)["practices_in_region"] == in_region


def test_published_on_the_day_before_the_first_counts_none(world, visitor):
    assert _figures(world, as_at=PUBLISHED - timedelta(days=1), user=visitor)["practices_in_region"] == 0
    assert _figures(world, as_at=PUBLISHED, user=visitor)["practices_in_region"] == 3


def test_pledges_networks_champions_and_funds_count_what_was_there_on_the_date(world, visitor):
    figures = _figures(world, user=visitor)

    assert figures["pledges_in_region"] == 1  # the one made in August comes later
    assert figures["country_networks_established"] == 1
    assert figures["champion_countries"] == ["SRB"]
    assert figures["fund_capitalisation_target"] == 1_000_000
    assert figures["fund_mobilised"] == 100_000  # Germany's pledge is dated after
    assert figures["fund_mobilised_share_pct"] == 10.0
    assert figures["fund_contributors"] == 1
    assert figures["region_contributing_states"] == ["SRB"]
    assert figures["joint_programmes_funded_region"] == 1
    later = _figures(world, as_at=date(2025, 9, 1), user=visitor)
    assert later["country_networks_established"] == 2
    assert later["fund_mobilised"] == 400_000
    assert later["fund_contributors"] == 2
    assert later["region_contributing_states"] == ["SRB"]  # Germany is outside the region


def test_a_public_brief_counts_public_records_only_whoever_reads_it(world, platform_secretariat):
    assert _figures(world, user=platform_secretariat)["unct_workshops"] == 1
    world.audience = "members"
    world.save()
    assert _figures(world, user=platform_secretariat)["unct_workshops"] == 2


def test_a_members_brief_is_hidden_from_visitors_alike_on_the_page_and_the_api(world, client, member):
    world.audience = "members"
    world.save()
    for url in (reverse("briefs:detail", args=["balkans"]), "/api/v1/briefs/balkans"):
        assert client.get(url).status_code == 404
    assert "balkans" not in client.get(reverse("briefs:list")).content.decode()
    client.force_login(member)
    page = client.get(reverse("briefs:detail", args=["balkans"]), {"as_at": "2025-06-30"})
    assert page.status_code == 200
    assert "Internal: this brief may count records that are not public" in page.content.decode()


@pytest.mark.parametrize(
    ("as_at", "message"),
    [
        ("30/06/2025", "is not a date"),
        ("2000-01-01", "No record is dated on or before"),
        ("2150-01-01", "after today"),  # within the dates a query may ask about (core.dates)
    ],
)
def test_a_bad_date_answers_400_naming_as_at(world, client, as_at, message):
    response = client.get(reverse("briefs:detail", args=["balkans"]), {"as_at": as_at})

    assert response.status_code == 400
    assert "as_at" in response.content.decode()
    assert message in response.content.decode()
    api = client.get("/api/v1/briefs/balkans", {"as_at": as_at})
    assert api.status_code == 422
    assert api.json()["detail"][0]["loc"] == ["query", "as_at"]


def test_an_unknown_brief_is_not_found(client, db):
    assert client.get(reverse("briefs:detail", args=["atlantis"])).status_code == 404
    assert client.get("/api/v1/briefs/atlantis").status_code == 404


def test_the_api_gives_the_figures_of_the_page(world, client):
    body = client.get("/api/v1/briefs/balkans", {"as_at": "2025-06-30"}).json()

    assert body["as_at"] == "2025-06-30"
    assert body["region"]["countries"] == ["BIH", "XKX", "MNE", "SRB"]
    assert body["figures"]["practices_in_region"] == 3
    page = client.get(reverse("briefs:detail", args=["balkans"]), {"as_at": "2025-06-30"}).content.decode()
    assert 'id="figure-practices_in_region">3</a>' in page
    assert 'id="figure-practices_share_of_all_pct">75.0 %' in page


def test_each_figure_links_to_the_list_it_counts_and_the_map_carries_the_notes(world, client):
    page = client.get(reverse("briefs:detail", args=["balkans"]), {"as_at": "2025-06-30"}).content.decode()

    assert "/repository/practices/?region=western-balkans&amp;as_at=2025-06-30" in page
    assert "/repository/practices/?country=SRB&amp;as_at=2025-06-30" in page
    assert "<svg" in page
    assert "do not imply official endorsement" in page
    assert "Security Council resolution 1244" in page
    assert "UNCT workshop Belgrade" in page
    assert "Internal UNCT training" not in page
    assert 'id="next"' in page and "Regional review 2025" in page  # after the date: it comes next
    assert "UN Network on Migration in BiH" not in page  # established after the date


def test_the_page_takes_a_constant_number_of_queries(world, client, member):
    """Measured after a change each time, so the repository's tallies are read again both times."""
    url = reverse("briefs:detail", args=["balkans"])
    client.get(url, {"as_at": "2025-06-30"})  # charts rendered once and cached

    _practice(member, countries=["SRB"], objectives=[1], title="One more practice")
    with CaptureQueriesContext(connection) as before:
        client.get(url, {"as_at": "2025-06-30"})
    for i in range(3):
        _practice(member, countries=["SRB", "MNE"], objectives=[i + 1], title=f"More practice {i}")
        build_pledge(submitter=member, state="published", made_on=date(2025, 1, 6 + i))
    with CaptureQueriesContext(connection) as after:
        client.get(url, {"as_at": "2025-06-30"})
    assert len(after) == len(before)


def test_the_repository_counts_are_read_once_until_a_record_changes(world, member):
    """Any date is then read from the running totals; a change (a publication, a withdrawal, a
    country added to a practice) is a new version of the records, and the counts follow it."""
    first = brief_figures(brief=world, as_at=AS_AT, user=None)
    with CaptureQueriesContext(connection) as again:
        other_day = brief_figures(brief=world, as_at=date(2025, 6, 1), user=None)
    assert not [q for q in again if "repository_practice" in q["sql"] or "repository_pledge" in q["sql"]]
    assert (first.figures["practices_in_region"], other_day.figures["practices_in_region"]) == (3, 3)
    assert brief_figures(brief=world, as_at=date(2024, 12, 31), user=None).figures["practices_in_region"] == 0

    practice = _practice(member, countries=["MEX"], published_on=date(2025, 6, 1))
    assert brief_figures(brief=world, as_at=AS_AT, user=None).figures["practices_all"] == 5
    practice.countries.add(Country.objects.get(iso3="MNE"))  # through the form: history records it
    practice.save()
    after = brief_figures(brief=world, as_at=AS_AT, user=None).figures
    assert after["practices_in_region"] == 4 and after["practices_by_country"]["MNE"] == 1

"""The brief's work plan progress: the activities of the plans in force on the date, by status as at it."""

from __future__ import annotations

from datetime import date

import pytest

from rcphub.reports.brief.figures import brief_figures
from rcphub.reports.models import Brief
from rcphub.workplans.models import Activity, StatusReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def brief(work_plan, coalition):
    from rcphub.reference.models import Region

    return Brief.objects.create(
        slug="health", title_en="Health", coalition=coalition, region=Region.objects.get(slug="unece")
    )


def _progress(brief, as_at, user):
    return brief_figures(brief=brief, as_at=as_at, user=user).figures["activities_by_status"]


def test_activities_count_in_the_plans_in_force_with_their_status_as_at_the_date(
    brief, work_plan, visitor, member
):
    public = Activity.objects.get(output__result__work_plan=work_plan, visibility="public")
    StatusReport.objects.create(activity=public, as_at=date(2026, 3, 31), status="ongoing", author=member)
    StatusReport.objects.create(activity=public, as_at=date(2026, 7, 1), status="completed", author=member)
    assert _progress(brief, date(2026, 6, 30), visitor) == {"ongoing": 1}  # the internal one is left out
    assert _progress(brief, date(2026, 7, 1), visitor) == {"completed": 1}
    assert _progress(brief, date(2026, 2, 1), visitor) == {"none": 1}  # no report yet on that day
    assert _progress(brief, date(2025, 12, 31), visitor) == {}  # the 2026 plan was not yet in force
    assert sum(_progress(brief, date(2026, 6, 30), visitor).values()) == 1


def test_a_members_brief_counts_the_internal_activities_for_the_platform_secretariat(
    brief, work_plan, platform_secretariat, visitor
):
    brief.audience = "members"
    brief.save()
    assert (
        sum(_progress(brief, date(2026, 6, 30), platform_secretariat).values())
        == Activity.objects.filter(output__result__work_plan=work_plan).count()
        == 2
    )


def test_joint_programmes_count_by_the_funds_own_thematic_areas_in_the_region_and_in_all(world, client):
    from rcphub.funding.models import FundThematicArea, JointProgramme
    from rcphub.reference.models import Country
    from rcphub.reports.tests.test_brief import AS_AT

    programme = JointProgramme.objects.get(title="Safe pathways")  # funded, in Serbia
    other_area = FundThematicArea.objects.create(fund=programme.fund, code="data", name_en="Data", position=2)
    elsewhere = JointProgramme.objects.create(
        fund=programme.fund,
        title="Data for all",
        thematic_area=other_area,
        budget=10_000,
        currency="USD",
        submitted_on=date(2025, 2, 1),
    )
    elsewhere.countries.set(Country.objects.filter(iso3="MEX"))
    figures = client.get(f"/api/v1/briefs/{world.slug}?as_at={AS_AT.isoformat()}").json()["figures"]
    assert figures["joint_programmes_by_thematic_area"] == {
        "migration": {"funded_region": 1, "pipeline_region": 0, "funded_all": 1, "pipeline_all": 0},
        "data": {"funded_region": 0, "pipeline_region": 0, "funded_all": 0, "pipeline_all": 1},
    }
    page = client.get(f"/briefs/{world.slug}/?as_at={AS_AT.isoformat()}").content.decode()
    assert (
        "joint programmes by the fund&#x27;s thematic areas" in page and '<th scope="row">Data</th>' in page
    )


def test_workshops_count_by_the_teams_they_served_and_reports_by_cycle_from_their_submission(world, visitor):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from rcphub.events.tests.builders import make_event
    from rcphub.reference.models import Country
    from rcphub.reports.tests.test_brief import AS_AT
    from rcphub.repository.models import ReviewCycle, VoluntaryReport

    # Held in Serbia, but for the UN Country Team of Mexico: not a workshop for the region's teams.
    make_event(
        title="Workshop for another team",
        kind="workshop",
        starts_at=datetime(2025, 5, 2, 9, tzinfo=ZoneInfo("Europe/Belgrade")),
        countries=("SRB",),
        unct_countries=("MEX",),
    )
    assert brief_figures(brief=world, as_at=AS_AT, user=visitor).figures["unct_workshops"] == 1
    cycle = ReviewCycle.objects.create(slug="imrf-2026", name_en="IMRF 2026", held_on=date(2026, 5, 5))
    serbia = Country.objects.get(iso3="SRB")
    VoluntaryReport.objects.create(
        country=serbia, year=2025, link="https://example.org/srb.pdf", review_cycle=cycle, submitted_on=AS_AT
    )
    assert (
        brief_figures(brief=world, as_at=date(2025, 6, 29), user=visitor).figures["voluntary_reports"] == []
    )
    reports = brief_figures(brief=world, as_at=AS_AT, user=visitor).figures["voluntary_reports"]
    assert reports == [
        {
            "country": "SRB",
            "year": 2025,
            "review_cycle": "imrf-2026",
            "submitted_on": AS_AT.isoformat(),
            "link": "https://example.org/srb.pdf",
        }
    ]


def test_each_link_lists_as_many_records_as_the_figure_counts_even_for_a_large_region(world, client, member):
    from rcphub.reference.models import Region
    from rcphub.reports.tests.test_brief import AS_AT, _practice

    unece = Region.objects.get(slug="unece")  # 57 countries: more than a list's country filter takes
    world.region = unece
    world.save()
    _practice(member, countries=["KAZ"], published_on=AS_AT)
    figures = client.get(f"/api/v1/briefs/{world.slug}?as_at={AS_AT.isoformat()}").json()["figures"]
    page = client.get(f"/briefs/{world.slug}/?as_at={AS_AT.isoformat()}").content.decode()
    for figure, path, noun in (
        (
            "practices_in_region",
            f"/repository/practices/?region=unece&amp;as_at={AS_AT.isoformat()}",
            "practices",
        ),
        ("pledges_in_region", f"/repository/pledges/?region=unece&amp;as_at={AS_AT.isoformat()}", "pledge"),
    ):
        assert f'href="{path}" id="figure-{figure}"' in page
        listed = client.get(path.replace("&amp;", "&"))
        assert listed.status_code == 200
        assert (
            f'id="result-count">{figures[figure]} {noun}' in listed.content.decode()
        )  # "1 pledge", "5 practices"
    assert client.get("/repository/practices/?region=atlantis").status_code == 400

"""The demo repository: enough content across the region and every GCM objective, active and
inactive pledges, a review queue with something in it, history and search filled through the
services, and a second run that creates nothing.

Seeding runs the work-plan demo first (users, coalitions); each test seeds once, so there are few.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.db.models import Count, Q

from rcphub.core.demodata import demo_content
from rcphub.reference.models import Country, Entity, EntityKind
from rcphub.repository.demo import AS_AT, repository_demo_seed
from rcphub.repository.models import (
    ChampionCountry,
    KnowledgeProduct,
    Pledge,
    PledgeReport,
    Practice,
    ReviewCycle,
    SubmissionState,
    VoluntaryReport,
)
from rcphub.repository.selectors import pledge_list
from rcphub.search.models import SearchDocument
from rcphub.workplans.demo import demo_seed

pytestmark = pytest.mark.django_db

PUBLISHED = SubmissionState.PUBLISHED
ALL_OBJECTIVES = set(range(1, 24))
PRACTICES = demo_content("rcphub.repository.demo", "practices")
PLEDGES = demo_content("rcphub.repository.demo", "pledges")
REVIEWER = demo_content("rcphub.repository.demo", "submitters")["reviewer"]


@pytest.fixture
def seeded() -> dict[str, Any]:
    demo_seed(progress=lambda line: None)
    started = time.process_time()
    created = repository_demo_seed(progress=lambda line: None)
    return {"created": created, "cpu_seconds": time.process_time() - started}


def test_demo_covers_the_region_and_every_objective(seeded: dict[str, Any]) -> None:
    created = seeded["created"]
    assert created["practices"] == len(PRACTICES) == Practice.objects.count() >= 60
    assert created["pledges"] == len(PLEDGES) == Pledge.objects.count() >= 80
    assert created["pledge reports"] == PledgeReport.objects.count() >= 150
    assert created["knowledge products"] == KnowledgeProduct.objects.count() >= 20
    assert created["voluntary reports"] == VoluntaryReport.objects.count() >= 12
    assert 5 <= created["champion countries"] == ChampionCountry.objects.count() <= 6

    practices = Practice.objects.filter(state=PUBLISHED)
    pledges = Pledge.objects.filter(state=PUBLISHED)
    assert set(practices.values_list("gcm_objectives__number", flat=True)) == ALL_OBJECTIVES
    assert set(pledges.values_list("gcm_objectives__number", flat=True)) == ALL_OBJECTIVES
    programme = Country.objects.filter(programme_country=True)
    assert programme.filter(practices__state=PUBLISHED).distinct().count() >= 15
    assert programme.filter(pledges__state=PUBLISHED).distinct().count() >= 15

    assert {EntityKind.MEMBER_STATE, EntityKind.UN_ENTITY, EntityKind.CIVIL_SOCIETY} <= set(
        pledges.values_list("pledger__kind", flat=True)
    )
    assert Entity.objects.filter(acronym="CAMRF", kind=EntityKind.CIVIL_SOCIETY).exists()
    assert practices.values("implementer_types").distinct().count() >= 8
    assert set(practices.values_list("scope", flat=True)) == {"local", "national", "regional", "multi_level"}
    assert set(practices.values_list("language", flat=True)) == {"en", "ru", "fr"}
    assert set(pledges.values_list("kind", flat=True)) == {"own", "partnership", "matching"}
    assert set(pledges.values_list("stage", flat=True)) == {"planning", "in_progress", "fulfilled"}
    assert pledges.filter(occasion__startswith="International Migration Review Forum 2026").count() >= 15
    assert KnowledgeProduct.objects.filter(visibility="internal").count() >= 2
    assert set(KnowledgeProduct.objects.values_list("kind", flat=True)) == {
        "guidance",
        "toolkit",
        "key_messages",
        "report",
        "brief",
        "training_material",
        "terms_of_reference",
    }
    for model in (KnowledgeProduct, VoluntaryReport):
        assert not model.objects.exclude(link__startswith="https://demo.rcphub.org/").exists()
    # Every voluntary report was submitted to a review cycle, before the forum opened.
    assert created["review cycles"] == 2
    assert set(ReviewCycle.objects.values_list("slug", flat=True)) == {"imrf-2022", "imrf-2026"}
    for report in VoluntaryReport.objects.select_related("review_cycle"):
        assert report.review_cycle is not None and report.submitted_on is not None, report
        assert report.submitted_on < report.review_cycle.held_on <= AS_AT
    assert VoluntaryReport.objects.filter(review_cycle__slug="imrf-2026").count() >= 5

    # Every published pledge has a published report, or is inactive on purpose (none for two years).
    listed = pledge_list(user=None, as_at=AS_AT).annotate(
        published_reports=Count("reports", filter=Q(reports__state=PUBLISHED))
    )
    assert listed.count() == pledges.count() >= 75
    silent = [p for p in listed if p.published_reports == 0]
    assert silent and all(p.inactive for p in silent)
    inactive = [p for p in listed if p.inactive]
    active = [p for p in listed if not p.inactive and p.stage != "fulfilled"]
    assert 8 <= len(inactive) <= 20
    assert len(active) >= 40
    reported = PledgeReport.objects.filter(state=PUBLISHED).values_list("reported_on", flat=True)
    assert {on.year for on in reported} == {2022, 2023, 2024, 2025, 2026}
    # Publication is backdated: after the pledge was made, never after the demo's date.
    for pledge in pledges:
        assert pledge.made_on is not None and pledge.published_on is not None
        assert pledge.made_on <= pledge.published_on <= AS_AT


def test_demo_goes_through_the_review_and_runs_once(seeded: dict[str, Any]) -> None:
    for model in (Practice, Pledge, PledgeReport):
        states = set(model.objects.values_list("state", flat=True))
        assert {PUBLISHED, SubmissionState.SUBMITTED, SubmissionState.RETURNED} <= states, model
    assert Practice.objects.filter(state=SubmissionState.DRAFT).exists()
    assert Pledge.objects.filter(state=SubmissionState.DRAFT).exists()
    for returned in Practice.objects.filter(state=SubmissionState.RETURNED).select_related("reviewer"):
        assert returned.review_comment and returned.reviewer.email == REVIEWER

    # History shows draft → submitted → published, the publication by the platform secretariat.
    practice = Practice.objects.filter(state=PUBLISHED).order_by("pk").first()
    assert practice is not None
    trail = list(practice.history.order_by("history_id").values_list("state", flat=True))
    assert [s for i, s in enumerate(trail) if i == 0 or trail[i - 1] != s] == [
        "draft",
        "submitted",
        "published",
    ]
    assert practice.history.filter(state=PUBLISHED, history_user__email=REVIEWER).exists()

    # Published practices are in the search index; the others are not.
    indexed = set(SearchDocument.objects.values_list("title", flat=True))
    assert {p.title for p in Practice.objects.filter(state=PUBLISHED)} <= indexed
    assert not {p.title for p in Practice.objects.exclude(state=PUBLISHED)} & indexed

    counts = (Practice.objects.count(), Pledge.objects.count(), PledgeReport.objects.count())
    # A report seeded before review cycles were kept gains its cycle and date on the next run.
    old = VoluntaryReport.objects.get(country__iso2="AL", year=2021)
    VoluntaryReport.objects.filter(pk=old.pk).update(review_cycle=None, submitted_on=None)
    again = repository_demo_seed(progress=lambda line: None)
    assert set(again.values()) == {0}
    assert (Practice.objects.count(), Pledge.objects.count(), PledgeReport.objects.count()) == counts
    old.refresh_from_db()
    assert old.review_cycle is not None and old.review_cycle.slug == "imrf-2022"
    assert str(old.submitted_on) == "2021-11-30"
    # About 8 s of CPU on the development machine; a generous bound catches a runaway seed.
    assert seeded["cpu_seconds"] < 30

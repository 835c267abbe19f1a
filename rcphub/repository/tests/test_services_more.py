"""Services added for the pages and the API: pledge and report updates, knowledge products,
voluntary reports and champion countries; related objects named by key; who may do each."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from rcphub.core.errors import ConflictError
from rcphub.core.tests.uploads import pdf_bytes
from rcphub.repository import services
from rcphub.repository.models import ChampionCountry, KnowledgeProduct, Practice, VoluntaryReport
from rcphub.repository.tests.factories import build_pledge, build_report

pytestmark = pytest.mark.django_db


def test_objectives_countries_and_types_may_be_given_by_key(member):
    practice = services.practice_create(
        by=member,
        title="Key",
        gcm_objectives=[3, "16"],
        countries=["alb", "SRB"],
        implementer_types=["academia"],
    )
    assert sorted(o.number for o in practice.gcm_objectives.all()) == [3, 16]
    assert sorted(c.iso3 for c in practice.countries.all()) == ["ALB", "SRB"]


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"gcm_objectives": [24]}, "gcm_objectives", "Unknown GCM objective: 24"),
        ({"gcm_objectives": ["seven"]}, "gcm_objectives", "Unknown GCM objective"),
        ({"countries": ["XYZ"]}, "countries", "Unknown country code: XYZ"),
        ({"implementer_types": ["wizard"]}, "implementer_types", "Unknown implementer type"),
        ({"language": "xx"}, "language", "Unknown language code"),
        ({"implementers": [2**70]}, "implementers", "Unknown entity"),
    ],
)
def test_unknown_keys_are_refused_naming_the_field_and_nothing_is_written(member, fields, field, words):
    with pytest.raises(ValidationError) as caught:
        services.practice_create(by=member, title="Bad", **fields)
    assert words in " ".join(caught.value.message_dict[field])
    assert not Practice.objects.exists()


def test_pledge_update_keeps_the_rules_of_a_new_pledge(member, outsider):
    original = build_pledge(submitter=member, state="published")
    hidden = build_pledge(submitter=outsider, state="draft")
    pledge = build_pledge(submitter=member, state="draft")
    with pytest.raises(ValidationError) as caught:
        services.pledge_update(
            pledge=pledge, by=member, expected_version=pledge.version, kind="matching", matches=999999
        )
    assert "There is no pledge 999999 to match." in caught.value.message_dict["matches"]
    with pytest.raises(ValidationError) as caught:  # a pledge the submitter may not see answers alike
        services.pledge_update(
            pledge=pledge, by=member, expected_version=None, kind="matching", matches=hidden.pk
        )
    assert "matches" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        services.pledge_update(
            pledge=pledge, by=member, expected_version=None, kind="matching", matches=pledge.pk
        )
    assert "cannot match itself" in " ".join(caught.value.message_dict["matches"])
    with pytest.raises(ValidationError) as caught:
        services.pledge_update(pledge=pledge, by=member, expected_version=None, gcm_objectives=[0])
    assert "gcm_objectives" in caught.value.message_dict
    pledge.refresh_from_db()
    updated = services.pledge_update(
        pledge=pledge,
        by=member,
        expected_version=pledge.version,
        kind="matching",
        matches=original,
        stage="in_progress",
    )
    assert (updated.matches, updated.stage) == (original, "in_progress")
    with pytest.raises(ConflictError):
        services.pledge_update(pledge=pledge, by=member, expected_version=1, text="Stale.")
    with pytest.raises(PermissionDenied):
        services.pledge_update(pledge=pledge, by=outsider, expected_version=None, text="Not mine.")


def test_pledge_report_update_is_the_submitters_while_draft(member, focal_point):
    pledge = build_pledge(submitter=member, state="published")
    report = build_report(pledge=pledge, submitter=member, reported_on=date(2025, 1, 1), state="draft")
    services.pledge_report_update(
        report=report, by=member, expected_version=report.version, narrative="200 trained."
    )
    report.refresh_from_db()
    assert report.narrative == "200 trained."
    with pytest.raises(PermissionDenied):
        services.pledge_report_update(report=report, by=focal_point, expected_version=None, narrative="x")
    published = build_report(pledge=pledge, submitter=member, reported_on=date(2025, 2, 1))
    with pytest.raises(PermissionDenied):
        services.pledge_report_update(report=published, by=member, expected_version=None, narrative="x")


@pytest.mark.parametrize(
    ("role", "own_coalition", "other_coalition_", "platform"),
    [
        ("platform_secretariat", True, True, True),
        ("coalition_secretariat", True, False, False),
        ("focal_point", False, False, False),
        ("member", False, False, False),
        ("visitor", False, False, False),
    ],
)
def test_who_may_add_knowledge_products(
    request, coalition, other_coalition, role, own_coalition, other_coalition_, platform
):
    user = request.getfixturevalue(role)
    for target, allowed in (
        (coalition, own_coalition),
        (other_coalition, other_coalition_),
        (None, platform),
    ):
        try:
            services.knowledge_product_create(
                by=user, title="T", kind="guidance", coalition=target, link="https://example.org/t"
            )
        except PermissionDenied:
            assert not allowed, (role, target)
        else:
            assert allowed, (role, target)


def test_knowledge_product_update_and_delete(
    coalition, other_coalition, coalition_secretariat, tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("toolkit.pdf", pdf_bytes(), content_type="application/pdf")
    product = services.knowledge_product_create(
        by=coalition_secretariat,
        title="Toolkit",
        kind="toolkit",
        coalition="health",
        file=upload,
        languages=["en", "RU"],
    )
    assert product.languages == "en, ru"
    stored = tmp_path / product.file.name
    assert stored.exists()
    with pytest.raises(ValidationError) as caught:
        services.knowledge_product_update(
            product=product, by=coalition_secretariat, expected_version=None, languages="en, xx"
        )
    assert "languages" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        services.knowledge_product_update(
            product=product,
            by=coalition_secretariat,
            expected_version=None,
            file=SimpleUploadedFile("x.exe", b"MZ"),
        )
    assert "file" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:  # no file and no link left
        services.knowledge_product_update(
            product=product, by=coalition_secretariat, expected_version=None, file=False
        )
    assert "link" in caught.value.message_dict
    with pytest.raises(PermissionDenied):
        services.knowledge_product_update(
            product=product, by=coalition_secretariat, expected_version=None, coalition=other_coalition
        )
    product.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.knowledge_product_delete(product=product, by=coalition_secretariat)
    assert not KnowledgeProduct.objects.exists()
    assert not stored.exists()


def test_voluntary_reports_and_champions_are_the_platform_secretariats(
    platform_secretariat, coalition_secretariat
):
    with pytest.raises(PermissionDenied):
        services.voluntary_report_create(
            by=coalition_secretariat, country="ARM", year=2022, link="https://x.org"
        )
    report = services.voluntary_report_create(
        by=platform_secretariat, country="ARM", year=2022, link="https://x.org/a"
    )
    with pytest.raises(ValidationError) as caught:
        services.voluntary_report_create(
            by=platform_secretariat, country="ARM", year=2022, link="https://x.org/b"
        )
    assert "already has a voluntary report" in " ".join(caught.value.message_dict["year"])
    with pytest.raises(ValidationError) as caught:
        services.voluntary_report_create(
            by=platform_secretariat, country="QQQ", year=2022, link="https://x.org"
        )
    assert "country" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        services.voluntary_report_update(report=report, by=platform_secretariat, year=1990)
    assert "year" in caught.value.message_dict
    assert VoluntaryReport.objects.get().year == 2022

    champion = services.champion_country_set(by=platform_secretariat, country="PRT", since=date(2019, 1, 1))
    assert champion is not None and ChampionCountry.objects.count() == 1
    services.champion_country_set(by=platform_secretariat, country="PRT", note="Regional review host.")
    assert ChampionCountry.objects.get().note == "Regional review host."
    assert services.champion_country_set(by=platform_secretariat, country="PRT", champion=False) is None
    assert not ChampionCountry.objects.exists()
    with pytest.raises(PermissionDenied):
        services.champion_country_set(by=coalition_secretariat, country="PRT")

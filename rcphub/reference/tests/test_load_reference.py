from __future__ import annotations

import json
import shutil

import pytest
from django.core.management import call_command

from rcphub.reference.models import (
    Country,
    Entity,
    EntityKind,
    GcmObjective,
    GcmPrinciple,
    Region,
    SdgGoal,
    SdgIndicator,
    SdgTarget,
)
from rcphub.reference.services import DATA_DIR, reference_load

pytestmark = pytest.mark.django_db

MODELS = [
    Country,
    Region,
    Region.countries.through,
    SdgGoal,
    SdgTarget,
    SdgIndicator,
    GcmObjective,
    GcmPrinciple,
    Entity,
]


def _snapshot():
    """Return, per model, its rows and its history rows."""
    return {
        model: (model.objects.count(), model.history.count() if hasattr(model, "history") else None)
        for model in MODELS
    }


@pytest.fixture
def data_copy(tmp_path):
    """A copy of the shipped data files that a test may edit."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def _edit(path, change):
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_loaded_counts_match_the_data_files():
    assert Country.objects.count() == 250  # ISO 3166-1 and Kosovo
    assert Country.objects.exclude(region="").count() == 248  # all but Antarctica and Kosovo
    assert Country.objects.filter(unece_member=True).count() == 56
    assert Country.objects.filter(programme_country=True).count() == 18
    assert SdgGoal.objects.count() == 17
    assert SdgTarget.objects.count() == 169
    assert SdgIndicator.objects.count() > 200
    assert GcmObjective.objects.count() == 23
    assert GcmPrinciple.objects.count() == 10
    assert Entity.objects.filter(kind=EntityKind.MEMBER_STATE).count() == 57


def test_kosovo_is_loaded_with_user_assigned_codes_and_its_unscr_1244_note():
    kosovo = Country.objects.get(iso2="XK")

    assert kosovo.iso3 == "XKX"
    assert kosovo.iso_code is False
    assert kosovo.unece_member is False
    assert kosovo.programme_country is True
    assert "resolution 1244" in kosovo.note


def test_programme_flags_follow_the_data_file():
    programme = set(Country.objects.filter(programme_country=True).values_list("iso2", flat=True))
    countries = json.loads((DATA_DIR / "countries.json").read_text(encoding="utf-8"))["countries"]

    assert programme == {c["iso2"] for c in countries if c["programme_country"]}
    assert {"RS", "UA", "XK"} <= programme
    assert "DE" not in programme


def test_second_run_changes_nothing():
    before = _snapshot()

    report = reference_load()

    assert report.changed is False
    assert _snapshot() == before
    assert all(c.created == 0 and c.updated == 0 for c in report.counts.values())


def test_command_reports_up_to_date_on_a_second_run(capsys):
    call_command("load_reference")

    assert "Reference data up to date." in capsys.readouterr().out


def test_edited_title_is_updated_in_place(data_copy):
    goal = SdgGoal.objects.get(code="3")
    target = SdgTarget.objects.get(code="3.8")
    history_before = SdgTarget.history.filter(id=target.pk).count()

    def retitle(data):
        for g in data:
            for t in g["targets"]:
                if t["code"] == "3.8":
                    t["title"]["en"] = "Achieve universal health coverage for everyone (edited)"

    _edit(data_copy / "sdg.json", retitle)
    count_before = SdgTarget.objects.count()

    report = reference_load(data_dir=data_copy)

    target_after = SdgTarget.objects.get(code="3.8")
    assert target_after.pk == target.pk
    assert target_after.goal_id == goal.pk
    assert target_after.title_en == "Achieve universal health coverage for everyone (edited)"
    assert SdgTarget.objects.count() == count_before
    assert report.counts["SDG targets"].updated == 1
    assert SdgTarget.history.filter(id=target.pk).count() == history_before + 1


def test_edited_country_name_is_updated_in_place(data_copy):
    serbia = Country.objects.get(iso2="RS")

    def rename(data):
        for c in data["countries"]:
            if c["iso2"] == "RS":
                c["name"]["fr"] = "République de Serbie"

    _edit(data_copy / "countries.json", rename)

    reference_load(data_dir=data_copy)

    assert Country.objects.get(iso2="RS").pk == serbia.pk
    assert Country.objects.get(pk=serbia.pk).name_fr == "République de Serbie"
    assert Country.objects.count() == 250


def test_rows_are_matched_by_code_never_by_primary_key(data_copy):
    """Reordering the file would shift primary keys if they were used; the codes keep their rows."""
    pks = dict(GcmObjective.objects.values_list("code", "pk"))
    countries = dict(Country.objects.values_list("iso2", "pk"))

    _edit(data_copy / "gcm_objectives.json", lambda data: data["objectives"].reverse())
    _edit(data_copy / "countries.json", lambda data: data["countries"].reverse())

    report = reference_load(data_dir=data_copy)

    assert dict(GcmObjective.objects.values_list("code", "pk")) == pks
    assert dict(Country.objects.values_list("iso2", "pk")) == countries
    assert report.changed is False


def test_a_new_code_in_the_data_file_is_created(data_copy):
    def add(data):
        data["guiding_principles"].append(
            {"letter": "k", "code": "GCM-GP-k", "title": "Test principle", "paragraph": "15(k)"}
        )

    _edit(data_copy / "gcm_objectives.json", add)

    reference_load(data_dir=data_copy)

    assert GcmPrinciple.objects.count() == 11
    assert GcmPrinciple.objects.get(code="GCM-GP-k").title == "Test principle"


def test_every_country_has_its_names_in_english_french_and_russian():
    assert not Country.objects.filter(name_fr="").exists()
    assert not Country.objects.filter(name_ru="").exists()
    assert Country.objects.get(iso3="MEX").name_ru == "Мексика"


def test_regions_hold_the_unece_region_and_the_programme_countries_with_kosovo():
    unece = set(Region.objects.get(slug="unece").countries.values_list("iso3", flat=True))
    programme = set(Region.objects.get(slug="programme-countries").countries.values_list("iso3", flat=True))

    assert unece == set(Country.objects.filter(unece_member=True).values_list("iso3", flat=True)) | {"XKX"}
    assert len(unece) == 57
    assert programme == set(Country.objects.filter(programme_country=True).values_list("iso3", flat=True))
    assert len(programme) == 18
    assert "MEX" not in unece


def test_a_region_of_the_file_follows_its_countries_and_leaves_other_regions_alone(data_copy):
    own = Region.objects.create(slug="central-asia", name_en="Central Asia")
    own.countries.set(Country.objects.filter(iso3__in=["KAZ", "KGZ", "TJK", "TKM", "UZB"]))

    def shrink(data):
        data["regions"][1]["countries"].remove("UKR")

    _edit(data_copy / "regions.json", shrink)

    report = reference_load(data_dir=data_copy)

    assert "UKR" not in Region.objects.get(slug="programme-countries").countries.values_list(
        "iso3", flat=True
    )
    assert report.counts["Countries of regions"].updated == 1
    assert Region.objects.get(slug="central-asia").countries.count() == 5


def test_a_region_naming_an_unknown_country_is_refused(data_copy):
    _edit(data_copy / "regions.json", lambda data: data["regions"][0]["countries"].append("ATL"))

    with pytest.raises(ValueError, match="unknown countries: ATL"):
        reference_load(data_dir=data_copy)

from __future__ import annotations

import pytest
from django.urls import reverse

from rcphub.reference.models import (
    Country,
    Entity,
    EntityKind,
    GcmObjective,
    SdgGoal,
    SdgIndicator,
    SdgTarget,
)

pytestmark = pytest.mark.django_db

REFERENCE_URLS = [
    reverse("reference:index"),
    reverse("reference:countries"),
    reverse("reference:sdg"),
    reverse("reference:sdg_goal", args=["3"]),
    reverse("reference:gcm"),
    reverse("reference:entities"),
]


@pytest.mark.parametrize("url", REFERENCE_URLS)
def test_reference_pages_are_public(client, url):
    response = client.get(url)

    assert response.status_code == 200
    assert b'<html lang="en">' in response.content


def test_index_shows_counts_and_links(client):
    response = client.get(reverse("reference:index"))

    content = response.content.decode()
    assert "250 countries and territories" in content
    assert "17 goals, 169 targets" in content
    assert "23 objectives, 10 guiding principles" in content
    for name in ("countries", "sdg", "gcm", "entities"):
        assert f'href="{reverse(f"reference:{name}")}"' in content


def test_countries_list_codes_flags_and_kosovo_note(client):
    response = client.get(reverse("reference:countries"))

    content = response.content.decode()
    assert "Kosovo (under UNSCR 1244)" in content
    assert "Security Council resolution 1244 (1999)" in content
    assert "XKX" in content
    assert "688" in content  # Serbia's M49 code
    assert content.count('<tr id="country-') == 250
    assert '<tr id="region-unece">' in content
    assert '<tr id="region-programme-countries">' in content


def test_countries_show_names_in_the_active_language(client):
    response = client.get(reverse("reference:countries"), HTTP_ACCEPT_LANGUAGE="fr")

    content = response.content.decode()
    assert '<html lang="fr">' in content
    assert "Albanie" in content
    assert "Fédération de Russie" in content


def test_countries_are_sorted_by_the_name_in_the_active_language(client):
    response = client.get(reverse("reference:countries"), HTTP_ACCEPT_LANGUAGE="ru")

    names = [c.name_ru for c in response.context["countries"]]
    assert names[0] == "Австралия"
    assert names.index("Австралия") < names.index("Австрия")
    # In English, Albania comes before Azerbaijan; in Russian, Азербайджан comes before Албания.
    assert names.index("Азербайджан") < names.index("Албания")


def test_sdg_list_shows_17_goals_with_target_counts(client):
    response = client.get(reverse("reference:sdg"))

    goals = list(response.context["goals"])
    assert len(goals) == 17
    assert sum(goal.target_count for goal in goals) == 169
    assert f'href="{reverse("reference:sdg_goal", args=["3"])}"' in response.content.decode()


def test_goal_page_shows_targets_and_their_indicators(client):
    response = client.get(reverse("reference:sdg_goal", args=["3"]))

    content = response.content.decode()
    assert 'id="target-3.8"' in content
    assert "3.8.1" in content
    assert "1.1.1" not in content


def test_unknown_goal_answers_404(client):
    assert client.get(reverse("reference:sdg_goal", args=["18"])).status_code == 404


def test_gcm_page_lists_23_objectives_and_10_principles(client):
    response = client.get(reverse("reference:gcm"))

    assert len(response.context["objectives"]) == 23
    assert len(response.context["principles"]) == 10
    assert 'id="objective-23"' in response.content.decode()


def test_entities_filter_by_kind(client):
    response = client.get(reverse("reference:entities"), {"kind": EntityKind.MEMBER_STATE})

    rows = [entity for entity, _label in response.context["rows"]]
    assert len(rows) == response.context["page"].paginator.count == 56 + 1
    assert {entity.kind for entity in rows} == {EntityKind.MEMBER_STATE}


def test_entities_search_by_acronym_name_or_alias(client):
    by_acronym = client.get(reverse("reference:entities"), {"q": "unfpa"})
    by_name = client.get(reverse("reference:entities"), {"q": "Population Fund"})
    by_alias = client.get(reverse("reference:entities"), {"q": "ECE"})

    assert "UNFPA" in [e.acronym for e, _label in by_acronym.context["rows"]]
    assert "UNFPA" in [e.acronym for e, _label in by_name.context["rows"]]
    assert "UNECE" in [e.acronym for e, _label in by_alias.context["rows"]]


def test_entities_unknown_kind_is_a_form_error_naming_the_field(client):
    response = client.get(reverse("reference:entities"), {"kind": "spaceship", "q": "UNDP"})

    assert response.status_code == 200
    assert "kind" in response.context["form"].errors
    acronyms = [e.acronym for e, _label in response.context["rows"]]
    assert "UNDP" in acronyms
    assert "UNEP" not in acronyms


def test_entities_pages_keep_the_filter_in_their_links(client):
    response = client.get(reverse("reference:entities"), {"kind": ""})

    assert response.context["page"].paginator.num_pages > 1
    assert "?kind=&amp;page=2" in response.content.decode()


# Query counts: the same bound with a few extra rows and with three times as many.


def _add_entities(n):
    Entity.objects.bulk_create(
        Entity(acronym=f"CSO{i}", name=f"Civil society network {i}", kind=EntityKind.CIVIL_SOCIETY)
        for i in range(n)
    )


def _add_countries(n):
    # ISO 3166-1 leaves QM–QZ and XA–XZ to its users: no country has them (XK is Kosovo's).
    free = [f"Q{letter}" for letter in "MNOPQRSTUVWXYZ"] + [f"X{letter}" for letter in "ABCDEFGHIJ"]
    Country.objects.bulk_create(
        Country(iso2=free[i], iso3=f"QQ{chr(65 + i)}", name_en=f"Testland {i}", programme_country=True)
        for i in range(n)
    )


def _add_targets(n):
    goal = SdgGoal.objects.get(code="3")
    for i in range(n):
        target = SdgTarget.objects.create(
            goal=goal, code=f"3.t{i}", order=100 + i, title_en=f"Test target {i}"
        )
        SdgIndicator.objects.create(target=target, code=f"3.t{i}.1", title_en="Test indicator")
        SdgIndicator.objects.create(target=target, code=f"3.t{i}.2", title_en="Test indicator")


def _add_objectives(n):
    GcmObjective.objects.bulk_create(
        GcmObjective(number=100 + i, code=f"GCM-T{i}", short_title="Test", title="Test objective")
        for i in range(n)
    )


@pytest.mark.parametrize("extra", [5, 15])
@pytest.mark.parametrize(
    ("url", "add", "queries"),
    [
        (reverse("reference:index"), _add_entities, 7),
        (reverse("reference:entities"), _add_entities, 3),
        (reverse("reference:countries"), _add_countries, 3),  # the countries; the regions and theirs
        (reverse("reference:sdg"), _add_targets, 1),
        (reverse("reference:sdg_goal", args=["3"]), _add_targets, 3),
        (reverse("reference:gcm"), _add_objectives, 2),
    ],
)
def test_reference_pages_take_a_constant_number_of_queries(
    client, django_assert_max_num_queries, url, add, queries, extra
):
    add(extra)

    with django_assert_max_num_queries(queries):
        response = client.get(url)

    assert response.status_code == 200

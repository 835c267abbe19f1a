"""Faceted filters: every facet count equals the length of the list filtered by it, the counts never
include what the reader may not see, and bad values are refused naming the field."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from rcphub.repository.filters import (
    FACETS,
    KNOWLEDGE,
    PLEDGES,
    PRACTICES,
    facet_counts,
    filterset_for,
    repository_filter,
)
from rcphub.repository.tests.catalogue import build_catalogue

pytestmark = pytest.mark.django_db

ROLES = ("visitor", "member", "outsider", "platform_secretariat")


@pytest.fixture
def catalogue(member, focal_point, coalition, other_coalition):
    return build_catalogue(
        member=member, focal_point=focal_point, coalition=coalition, other_coalition=other_coalition
    )


def _check_every_value(kind: str, user: Any, base: dict[str, Any]) -> int:
    """Compare each value's count with the list filtered by it (and by `base`); return the values seen."""
    seen = 0
    counts = repository_filter(kind, user=user, params=base).facets
    assert set(counts) == set(FACETS[kind])
    for facet, values in counts.items():
        for value in values:
            params = {**{k: v for k, v in base.items() if k != facet}, facet: value.value}
            listed = repository_filter(kind, user=user, params=params, facets=()).items
            assert value.count == listed.count(), (kind, facet, value, base)
            assert len({item.pk for item in listed}) == value.count  # distinct items
            seen += 1
    return seen


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", [PRACTICES, PLEDGES, KNOWLEDGE])
def test_each_facet_count_equals_the_list_filtered_by_it(request, catalogue, role, kind):
    user = request.getfixturevalue(role)
    assert _check_every_value(kind, user, {}) > 5


@pytest.mark.parametrize("role", ["visitor", "platform_secretariat"])
def test_counts_are_taken_over_the_other_selected_facets(request, catalogue, role):
    user = request.getfixturevalue(role)
    assert _check_every_value(PRACTICES, user, {"country": "SRB"}) > 3
    assert _check_every_value(PRACTICES, user, {"country": ["SRB", "ALB"], "objective": "15"}) > 3
    assert _check_every_value(PLEDGES, user, {"objective": ["11", "15", "20"], "stage": "planning"}) > 3
    assert _check_every_value(PRACTICES, user, {"year": "2022", "scope": "regional"}) > 3


def _by_value(values):
    return {value.value: value.count for value in values}


def test_visitor_counts_only_published_practices(catalogue, visitor):
    facets = repository_filter(PRACTICES, user=visitor, params={}).facets
    # Objective 15: one-stop centres, mobile legal aid, child-sensitive borders (the returned one hidden).
    assert _by_value(facets["objective"])["15"] == 3
    assert "17" not in _by_value(facets["objective"])  # only in a draft
    assert _by_value(facets["country"])["SRB"] == 3
    assert "UKR" not in _by_value(facets["country"])  # only in a submitted practice
    assert "trade_union" not in _by_value(facets["implementer_type"])
    assert repository_filter(PRACTICES, user=visitor, params={}).items.count() == 8


def test_submitter_counts_own_drafts_secretariat_counts_all(
    catalogue, member, focal_point, platform_secretariat
):
    member_counts = _by_value(repository_filter(PRACTICES, user=member, params={}).facets["objective"])
    assert member_counts["15"] == 4  # with the member's own returned practice
    assert "17" not in member_counts  # the focal point's draft
    assert _by_value(repository_filter(PRACTICES, user=focal_point, params={}).facets["objective"])["17"] == 1
    secretariat = repository_filter(PRACTICES, user=platform_secretariat, params={})
    assert secretariat.items.count() == 12
    assert _by_value(secretariat.facets["objective"])["15"] == 4
    assert _by_value(secretariat.facets["country"])["SRB"] == 4


def test_internal_knowledge_products_count_for_the_coalitions_members_only(
    catalogue, visitor, member, outsider
):
    assert _by_value(repository_filter(KNOWLEDGE, user=visitor, params={}).facets["kind"]) == {
        "guidance": 1,
        "toolkit": 1,
        "brief": 1,
    }
    assert _by_value(repository_filter(KNOWLEDGE, user=member, params={}).facets["kind"])["key_messages"] == 1
    outsider_kinds = _by_value(repository_filter(KNOWLEDGE, user=outsider, params={}).facets["kind"])
    assert outsider_kinds.get("key_messages") is None
    assert outsider_kinds["terms_of_reference"] == 1


def test_practice_years_follow_the_period(catalogue, visitor):
    years = _by_value(repository_filter(PRACTICES, user=visitor, params={}).facets["year"])
    # 2020: diaspora fund (2018-20), child-sensitive borders (2020-25); mobile legal aid (2019-22).
    assert years["2020"] == 3
    # 2024: one-stop centres (open), borders, language classes (open), skills (ends 2024).
    assert years["2024"] == 4
    # The consular hotline has no period: it counts in the year it was published.
    assert years["2022"] >= 1
    hotline = repository_filter(PRACTICES, user=visitor, params={"year": 2022, "q": "hotline"}).items
    assert [p.title for p in hotline] == ["Consular hotline for nationals abroad"]


def test_selected_value_with_no_item_is_still_shown(catalogue, visitor):
    facets = repository_filter(PRACTICES, user=visitor, params={"objective": "23", "country": "UKR"}).facets
    objective = {v.value: v for v in facets["objective"]}["23"]
    assert (objective.count, objective.selected) == (0, True)
    assert {v.value: v for v in facets["country"]}["UKR"].selected


def test_sorting(catalogue, visitor):
    titles = [p.title for p in repository_filter(PRACTICES, user=visitor, params={"sort": "title"}).items]
    assert titles == sorted(titles)
    newest = repository_filter(PRACTICES, user=visitor, params={}).items.first()
    assert newest.title == "Language classes for migrant parents"
    oldest = repository_filter(PLEDGES, user=visitor, params={"sort": "oldest"}).items.first()
    assert oldest.text == "Open two migrant resource centres"


@pytest.mark.parametrize(
    ("kind", "params", "field", "words"),
    [
        (PRACTICES, {"objective": "24"}, "objective", "numbered 1 to 23"),
        (PRACTICES, {"objective": "x"}, "objective", "Unknown GCM objective"),
        (PRACTICES, {"country": "XYZ"}, "country", "Unknown country code"),
        (PRACTICES, {"country": "serbia"}, "country", "Unknown country code"),
        (PRACTICES, {"year": "20x4"}, "year", "Give a year"),
        (PRACTICES, {"year": "99999"}, "year", "Give a year"),
        (PRACTICES, {"implementer_type": "wizard"}, "implementer_type", "Unknown implementer type"),
        (PRACTICES, {"scope": "cosmic"}, "scope", "Unknown value"),
        (PRACTICES, {"sort": "random"}, "sort", "valid choice"),
        (PLEDGES, {"stage": "done"}, "stage", "Unknown value"),
        (PLEDGES, {"kind": "solo"}, "kind", "Unknown value"),
        (KNOWLEDGE, {"coalition": "nowhere"}, "coalition", "Unknown coalition"),
    ],
)
def test_bad_values_are_refused_naming_the_field(catalogue, visitor, kind, params, field, words):
    with pytest.raises(ValidationError) as caught:
        repository_filter(kind, user=visitor, params=params)
    assert field in caught.value.message_dict
    assert words in " ".join(caught.value.message_dict[field])


def test_facet_counts_take_one_query_per_facet(catalogue, visitor, django_assert_max_num_queries):
    filterset = filterset_for(PLEDGES, user=visitor, params={"country": "SRB", "objective": "11"})
    # The country check, then one aggregate per facet.
    with django_assert_max_num_queries(1 + len(FACETS[PLEDGES])):
        facet_counts(filterset)
    filterset = filterset_for(PRACTICES, user=visitor, params={})
    with django_assert_max_num_queries(len(FACETS[PRACTICES]) + 1):  # the year facet takes two
        facet_counts(filterset)

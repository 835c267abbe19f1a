"""Practices, pledges and knowledge products in the full-text index: who finds what, and when."""

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from rcphub.coalitions.tests.factories import CoalitionFactory
from rcphub.reference.models import Country, Entity
from rcphub.repository.models import KnowledgeProduct, Pledge, Practice
from rcphub.repository.search import pledge_title
from rcphub.repository.tests.factories import build_pledge, build_practice
from rcphub.search.models import SearchDocument
from rcphub.search.reader import visible_coalition_ids
from rcphub.search.selectors import search

pytestmark = pytest.mark.django_db


def titles(query: str, user: Any, **kwargs: Any) -> list[str]:
    return [hit.title for hit in search(query, visible_coalition_ids=visible_coalition_ids(user), **kwargs)]


def product(coalition: Any, *, title: str, visibility: str = "public") -> KnowledgeProduct:
    return KnowledgeProduct.objects.create(
        title=title,
        kind="guidance",
        coalition=coalition,
        visibility=visibility,
        link="https://example.org/guidance.pdf",
    )


def test_published_practice_is_found_by_words_in_its_body_and_its_countries(member, visitor):
    build_practice(
        submitter=member,
        state="published",
        title="Municipal one-stop centres",
        body="Caseworkers in Niš and Subotica help returnees enrol their children in school.",
    )

    assert titles("returnees enrol", visitor) == ["Municipal one-stop centres"]
    assert titles("Serbia", visitor) == ["Municipal one-stop centres"]  # its country, set after saving
    [hit] = search("returnees", visible_coalition_ids=frozenset())
    assert "<mark>returnees</mark>" in hit.snippet_html


@pytest.mark.parametrize("state", ["draft", "submitted", "returned"])
def test_unpublished_practices_and_pledges_are_found_by_nobody(
    state, member, visitor, platform_secretariat, coalition_secretariat
):
    build_practice(submitter=member, state=state, title="Mobile legal clinics", body="Confidential pilot.")
    build_pledge(submitter=member, state=state, text="Open mobile legal clinics in every border district.")

    for user in (visitor, member, coalition_secretariat, platform_secretariat):
        assert titles("mobile legal clinics", user) == []
        assert titles("confidential pilot", user) == []
    assert not SearchDocument.objects.filter(content_type__app_label="repository").exists()


def test_a_practice_enters_the_index_when_published_and_leaves_it_when_returned(member, visitor):
    practice = build_practice(submitter=member, state="submitted", title="Diaspora skills registry")
    assert titles("diaspora skills", visitor) == []

    practice.state = "published"
    practice.save()
    assert titles("diaspora skills", visitor) == ["Diaspora skills registry"]

    practice.state = "returned"
    practice.save()
    assert titles("diaspora skills", visitor) == []

    practice.state = "published"
    practice.save()
    practice.delete()
    assert titles("diaspora skills", visitor) == []


def test_pledge_is_found_by_its_text_pledger_occasion_and_countries(member, visitor):
    pledge = build_pledge(
        submitter=member,
        state="published",
        pledger="UNDP",
        text="Fund language courses for newly arrived migrant workers in three cities.",
        occasion="International Migration Review Forum 2026",
    )
    pledge.countries.set([Country.objects.get(iso3="KAZ")])
    expected = pledge_title(pledge)

    assert expected.startswith("UNDP: Fund language courses")
    assert titles("language courses", visitor) == [expected]
    assert titles("Review Forum", visitor) == [expected]
    assert titles("Kazakhstan", visitor) == [expected]
    assert titles("Serbia", visitor) == []  # its countries were replaced: the index follows m2m changes
    assert titles("United Nations Development Programme", visitor) == [expected]


def test_m2m_changes_from_the_other_side_reindex_the_practice(member, visitor):
    practice = build_practice(submitter=member, state="published", title="Seasonal workers' hotline")
    georgia = Country.objects.get(iso3="GEO")

    georgia.practices.add(practice)

    assert titles("Georgia", visitor) == ["Seasonal workers' hotline"]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("visitor", {"Public toolkit"}),
        ("outsider", {"Public toolkit", "Climate internal toolkit"}),  # UNEP is in the climate coalition
        ("member", {"Public toolkit", "Health internal toolkit"}),
        ("focal_point", {"Public toolkit", "Health internal toolkit"}),
        (
            "platform_secretariat",
            {
                "Public toolkit",
                "Health internal toolkit",
                "Climate internal toolkit",
                "Platform internal toolkit",
            },
        ),
    ],
)
def test_knowledge_products_are_found_by_who_may_see_them(
    request, coalition, other_coalition, role, expected
):
    product(coalition, title="Public toolkit")
    product(coalition, title="Health internal toolkit", visibility="internal")
    product(other_coalition, title="Climate internal toolkit", visibility="internal")
    product(None, title="Platform internal toolkit", visibility="internal")
    user = request.getfixturevalue(role)

    assert set(titles("toolkit", user)) == expected


def test_internal_products_leave_no_trace_in_snippets_or_counts(coalition, other_coalition, outsider):
    hidden = product(coalition, title="Briefing note", visibility="internal")
    hidden.title = "Briefing note on deportation flights"
    hidden.save()

    hits = search("deportation", visible_coalition_ids=visible_coalition_ids(outsider))

    assert hits == []
    assert SearchDocument.objects.filter(title__contains="deportation").count() == 1  # indexed, for members


def test_exact_title_ranks_first_among_repository_items(member, visitor):
    for n in range(3):
        build_practice(
            submitter=member,
            state="published",
            title=f"Labour mobility partnerships, phase {n}",
            body="Labour mobility labour mobility: labour mobility schemes with partners.",
        )
    build_practice(submitter=member, state="published", title="Labour mobility", body="A short note.")

    found = titles("labour mobility", visitor, models=[Practice])

    assert found[0] == "Labour mobility"
    assert len(found) == 4


def test_rebuild_search_index_covers_practices_pledges_and_products(coalition, member, visitor):
    build_practice(submitter=member, state="published", title="Legal aid desks")
    build_practice(submitter=member, state="draft", title="Draft legal aid desks")
    build_pledge(submitter=member, state="published", text="Open legal aid desks at border crossings.")
    product(coalition, title="Legal aid guidance")
    SearchDocument.objects.all().delete()
    out = StringIO()

    call_command("rebuild_search_index", stdout=out)

    assert len(titles("legal aid", visitor)) == 3
    assert "repository.Practice: 2 indexed" in out.getvalue()  # both read, the draft left out of the index
    assert "repository.Pledge: 1 indexed" in out.getvalue()
    assert "repository.KnowledgeProduct: 1 indexed" in out.getvalue()
    assert SearchDocument.objects.filter(content_type__model="practice").count() == 1


def test_public_product_of_an_internal_coalition_is_found_by_who_may_see_the_coalition(visitor, outsider):
    # Found by all, the product would name a coalition hidden from them (its name is in the body).
    hidden_coalition = CoalitionFactory(
        name="Coalition on Migration", slug="migration", visibility="internal"
    )
    product(hidden_coalition, title="Key messages on remittances")

    assert titles("remittances", visitor) == []
    assert titles("Coalition Migration", outsider) == []
    hidden_coalition.visibility = "public"
    hidden_coalition.save()  # the coalition's products are re-indexed with it
    assert titles("remittances", visitor) == ["Key messages on remittances"]


def test_pledge_title_names_a_member_state_in_full(member, visitor):
    build_pledge(
        submitter=member, state="published", pledger="MDA", text="Extend health insurance to returnees."
    )

    assert titles("health insurance", visitor) == [
        "Republic of Moldova: Extend health insurance to returnees."
    ]


def test_pledge_title_uses_the_pledgers_acronym(member):
    pledge = build_pledge(submitter=member, state="published", pledger="UNICEF", text="word " * 40)

    assert pledge_title(pledge) == "UNICEF: " + " ".join(["word"] * 12) + "…"
    assert Pledge.objects.get(pk=pledge.pk).pledger == Entity.objects.get(acronym="UNICEF")

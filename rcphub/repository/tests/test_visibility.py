"""Who sees what in the repository, and when a pledge is inactive."""

from datetime import date

import pytest

from rcphub.core.errors import NotFound
from rcphub.repository import selectors
from rcphub.repository.models import KnowledgeProduct, Pledge, PledgeReport, Practice
from rcphub.repository.permissions import can_view_knowledge_product, can_view_submission
from rcphub.repository.tests.factories import build_pledge, build_practice, build_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices(member, focal_point):
    return {
        "published": build_practice(submitter=member, state="published", title="Published"),
        "own_draft": build_practice(submitter=member, state="draft", title="Own draft"),
        "other_submitted": build_practice(submitter=focal_point, state="submitted", title="Other submitted"),
    }


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("visitor", {"published"}),
        ("outsider", {"published"}),
        ("member", {"published", "own_draft"}),
        ("coalition_secretariat", {"published", "own_draft", "other_submitted"}),
        ("platform_secretariat", {"published", "own_draft", "other_submitted"}),
    ],
)
def test_practices_seen_by_role(request, practices, role, expected):
    user = request.getfixturevalue(role)
    seen = set(selectors.practice_list(user=user).values_list("title", flat=True))
    assert seen == {practices[key].title for key in expected}


def test_missing_and_hidden_practices_answer_alike(practices, visitor, member):
    with pytest.raises(NotFound):
        selectors.practice_get(practice_id=practices["own_draft"].pk, user=visitor)
    with pytest.raises(NotFound):
        selectors.practice_get(practice_id=999999, user=visitor)
    with pytest.raises(NotFound):
        selectors.practice_get_for_edit(practice_id=practices["published"].pk, user=member)
    assert selectors.practice_get_for_edit(practice_id=practices["own_draft"].pk, user=member)


def test_reports_on_unpublished_pledges_and_draft_reports_stay_hidden(member, focal_point, visitor):
    pledge = build_pledge(submitter=member, state="published")
    published = build_report(pledge=pledge, submitter=focal_point, reported_on=date(2025, 1, 1))
    build_report(pledge=pledge, submitter=focal_point, reported_on=date(2025, 6, 1), state="draft")
    hidden_pledge = build_pledge(submitter=member, state="submitted")
    build_report(pledge=hidden_pledge, submitter=focal_point, reported_on=date(2025, 1, 1))
    assert list(selectors.pledge_report_list(user=visitor)) == [published]
    # The submitter sees own drafts, but never reports on a pledge hidden from them.
    assert selectors.pledge_report_list(user=focal_point).count() == 2


def test_internal_knowledge_products_are_for_the_coalitions_members(coalition, visitor, outsider, member):
    public = KnowledgeProduct.objects.create(
        title="Guidance", kind="guidance", coalition=coalition, link="https://example.org/g"
    )
    internal = KnowledgeProduct.objects.create(
        title="Key messages",
        kind="key_messages",
        coalition=coalition,
        visibility="internal",
        link="https://x.org",
    )
    assert list(selectors.knowledge_product_list(user=visitor)) == [public]
    assert list(selectors.knowledge_product_list(user=outsider)) == [public]
    assert set(selectors.knowledge_product_list(user=member)) == {public, internal}
    with pytest.raises(NotFound):
        selectors.knowledge_product_get(product_id=internal.pk, user=visitor)


@pytest.mark.parametrize(
    ("as_at", "inactive"),
    [(date(2026, 3, 14), False), (date(2026, 3, 15), True), (date(2026, 3, 16), True)],
)
def test_pledge_is_inactive_two_years_after_its_last_published_report(member, visitor, as_at, inactive):
    pledge = build_pledge(submitter=member, state="published", made_on=date(2023, 1, 1))
    build_report(pledge=pledge, submitter=member, reported_on=date(2024, 3, 15))
    build_report(
        pledge=pledge, submitter=member, reported_on=date(2025, 12, 1), state="draft"
    )  # does not count
    found = selectors.pledge_get(pledge_id=pledge.pk, user=visitor, as_at=as_at)
    assert found.last_reported_on == date(2024, 3, 15)
    assert found.inactive is inactive


def test_pledge_without_reports_counts_from_when_it_was_made_and_fulfilled_ones_are_never_inactive(
    member, visitor
):
    silent = build_pledge(submitter=member, state="published", made_on=date(2024, 2, 29))
    done = build_pledge(submitter=member, state="published", made_on=date(2020, 1, 1), stage="fulfilled")
    # Two years after 29 February 2024 is 1 March 2026.
    rows = dict(selectors.pledge_list(user=visitor, as_at=date(2026, 3, 1)).values_list("pk", "inactive"))
    assert rows == {silent.pk: True, done.pk: False}
    rows = dict(selectors.pledge_list(user=visitor, as_at=date(2026, 2, 28)).values_list("pk", "inactive"))
    assert rows[silent.pk] is False


def test_a_report_dated_after_the_as_at_date_does_not_keep_a_pledge_active_then(member, visitor):
    pledge = build_pledge(submitter=member, state="published", made_on=date(2022, 1, 10))
    build_report(pledge=pledge, submitter=member, reported_on=date(2022, 6, 1))
    build_report(pledge=pledge, submitter=member, reported_on=date(2025, 6, 1))
    then = selectors.pledge_get(pledge_id=pledge.pk, user=visitor, as_at=date(2024, 12, 31))
    assert (then.last_reported_on, then.inactive) == (date(2022, 6, 1), True)
    now = selectors.pledge_get(pledge_id=pledge.pk, user=visitor, as_at=date(2025, 6, 1))
    assert (now.last_reported_on, now.inactive) == (date(2025, 6, 1), False)


@pytest.mark.parametrize(
    "role", ["visitor", "outsider", "member", "coalition_secretariat", "platform_secretariat"]
)
def test_the_predicates_on_one_item_agree_with_the_lists(
    request, practices, member, focal_point, coalition, role
):
    user = request.getfixturevalue(role)
    pledge = build_pledge(submitter=member, state="published")
    hidden_pledge = build_pledge(submitter=focal_point, state="submitted")
    build_report(pledge=pledge, submitter=focal_point, reported_on=date(2025, 1, 1))
    build_report(pledge=pledge, submitter=member, reported_on=date(2025, 2, 1), state="draft")
    build_report(pledge=hidden_pledge, submitter=member, reported_on=date(2025, 3, 1))
    for title, visibility, owner in [
        ("a", "public", coalition),
        ("b", "internal", coalition),
        ("c", "internal", None),
    ]:
        KnowledgeProduct.objects.create(
            title=title, kind="guidance", coalition=owner, visibility=visibility, link="https://example.org"
        )
    lists = [
        (Practice, selectors.practice_list(user=user)),
        (Pledge, selectors.pledge_list(user=user)),
        (PledgeReport, selectors.pledge_report_list(user=user)),
    ]
    for model, listed in lists:
        seen = set(listed.values_list("pk", flat=True))
        for item in model.objects.all():
            assert can_view_submission(user=user, item=item) is (item.pk in seen)
    seen = set(selectors.knowledge_product_list(user=user).values_list("pk", flat=True))
    for product in KnowledgeProduct.objects.all():
        assert can_view_knowledge_product(user=user, product=product) is (product.pk in seen)

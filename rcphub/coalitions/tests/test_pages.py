"""Coalition pages: the home page, the list, a coalition's page and the secretariat's forms."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from rcphub.accounts.tests.factories import MembershipFactory, UserFactory
from rcphub.coalitions.models import Coalition, CoalitionMember, CountryNetwork
from rcphub.coalitions.services import coalition_update
from rcphub.coalitions.tests.factories import CoalitionFactory, CoalitionMemberFactory, CountryNetworkFactory
from rcphub.core.dates import today
from rcphub.core.tests.uploads import docx_bytes, pdf_bytes
from rcphub.reference.models import Country, Entity
from rcphub.workplans.tests.factories import WorkPlanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def internal_coalition(coalition):
    """An internal working group with UNFPA (the `member` fixture's entity) among its members."""
    internal = CoalitionFactory(
        name="Working Group on Internal Coordination", slug="internal-coordination", visibility="internal"
    )
    CoalitionMemberFactory(coalition=internal, entity=Entity.objects.get(acronym="UNFPA"), role="co_chair")
    return internal


@pytest.fixture
def as_user(client):
    """Return a function that logs the client in as the user, or out for None (a visitor)."""

    def login(user):
        client.logout()
        if user is not None and user.is_authenticated:
            client.force_login(user)
        return client

    return login


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _edit_data(coalition, **changes):
    data = {
        "name": coalition.name,
        "short_name": coalition.short_name,
        "theme": coalition.theme,
        "description": coalition.description,
        "tor_url": coalition.tor_url,
        "active": "on" if coalition.active else "",
        "version": coalition.version,
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v != ""}


# ---------------------------------------------------------------------------------------------
# Reading


@pytest.mark.parametrize("role", ["visitor", "member", "coalition_secretariat"])
def test_pages_render_for_each_role(request, as_user, coalition, work_plan, role):
    client = as_user(request.getfixturevalue(role))

    for url in [
        reverse("home"),
        reverse("coalitions:list"),
        reverse("coalitions:detail", args=[coalition.slug]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert coalition.name in response.content.decode()


def test_home_introduces_rcphub_and_links_reference_and_api(client, coalition):
    content = client.get(reverse("home")).content.decode()

    assert f'href="{reverse("coalitions:detail", args=["health"])}"' in content
    assert f'href="{reverse("reference:countries")}"' in content
    assert 'href="/api/v1/docs"' in content


def test_list_shows_kind_theme_and_current_co_chairs(client, coalition):
    CoalitionMemberFactory(
        coalition=coalition,
        entity=Entity.objects.get(acronym="UNDP"),
        role="co_chair",
        until=date(2020, 1, 1),
    )

    response = client.get(reverse("coalitions:list"))

    content = response.content.decode()
    assert "Issue-based coalition" in content
    assert "Cross-cutting" in content
    card = next(c for c in response.context["coalitions"] if c.pk == coalition.pk)
    assert {m.entity.acronym for m in card.current_co_chairs} == {"WHO", "UNICEF"}


@pytest.mark.parametrize("role", ["visitor", "outsider"])
def test_internal_coalition_is_hidden_from_those_outside_it(request, as_user, internal_coalition, role):
    client = as_user(request.getfixturevalue(role))

    assert internal_coalition.name not in client.get(reverse("coalitions:list")).content.decode()
    assert internal_coalition.name not in client.get(reverse("home")).content.decode()
    assert client.get(reverse("coalitions:detail", args=[internal_coalition.slug])).status_code == 404


@pytest.mark.parametrize("role", ["member", "platform_secretariat"])
def test_internal_coalition_is_visible_to_its_members(request, as_user, internal_coalition, role):
    client = as_user(request.getfixturevalue(role))

    assert internal_coalition.name in client.get(reverse("coalitions:list")).content.decode()
    response = client.get(reverse("coalitions:detail", args=[internal_coalition.slug]))
    assert response.status_code == 200
    assert "Internal" in response.content.decode()


def test_unknown_coalition_answers_404(client):
    assert client.get(reverse("coalitions:detail", args=["no-such-coalition"])).status_code == 404


def test_detail_shows_chairs_members_by_role_and_former_members(client, coalition):
    CoalitionMemberFactory(
        coalition=coalition, entity=Entity.objects.get(acronym="UNHCR"), role="secretariat"
    )
    CoalitionMemberFactory(
        coalition=coalition,
        entity=Entity.objects.get(acronym="ILO"),
        role="member",
        since=date(2019, 1, 1),
        until=date(2022, 12, 31),
    )

    response = client.get(reverse("coalitions:detail", args=[coalition.slug]))

    assert [m.entity.acronym for m in response.context["co_chairs"]] == ["UNICEF", "WHO"]
    assert [m.entity.acronym for m in response.context["secretariat"]] == ["UNHCR"]
    groups = {g.role: [m.entity.acronym for m in g.members] for g in response.context["groups"]}
    assert groups["member"] == ["UNDP", "UNFPA"]
    assert [m.entity.acronym for m in response.context["former"]] == ["ILO"]
    content = response.content.decode()
    assert "Former members" in content


def test_detail_shows_networks_terms_of_reference_and_embedded_bodies(client, coalition):
    coalition.tor_url = "https://example.org/tor.pdf"
    coalition.save()
    CountryNetworkFactory(
        coalition=coalition,
        country=Country.objects.get(iso2="RS"),
        name="UN Network on Migration in Serbia",
        established_on=date(2021, 5, 3),
        tor_url="https://example.org/serbia-tor.pdf",
    )
    child = CoalitionFactory(
        name="Regional UN Network on Migration", slug="migration-network", parent=coalition
    )
    CoalitionFactory(name="Hidden task force", slug="hidden-tf", parent=coalition, visibility="internal")

    content = client.get(reverse("coalitions:detail", args=[coalition.slug])).content.decode()

    assert "UN Network on Migration in Serbia" in content
    assert "Serbia" in content
    assert "https://example.org/serbia-tor.pdf" in content
    assert "https://example.org/tor.pdf" in content
    assert f'href="{reverse("coalitions:detail", args=[child.slug])}"' in content
    assert "Hidden task force" not in content

    child_page = client.get(reverse("coalitions:detail", args=[child.slug])).content.decode()
    assert f'href="{reverse("coalitions:detail", args=[coalition.slug])}"' in child_page


def test_public_body_does_not_reveal_its_internal_parent(client, internal_coalition):
    child = CoalitionFactory(name="Public task force", slug="public-tf", parent=internal_coalition)

    content = client.get(reverse("coalitions:detail", args=[child.slug])).content.decode()

    assert internal_coalition.name not in content
    assert internal_coalition.slug not in content


def test_detail_lists_work_plans_the_user_may_see(as_user, coalition, work_plan, member):
    draft = WorkPlanFactory(coalition=coalition, title="Work plan 2027 (draft)", state="draft")
    url = reverse("coalitions:detail", args=[coalition.slug])

    visitor_page = as_user(None).get(url).content.decode()
    member_page = as_user(member).get(url).content.decode()

    assert f'href="{reverse("workplans:detail", args=[work_plan.pk])}"' in visitor_page
    assert draft.title not in visitor_page
    assert f'href="{reverse("workplans:detail", args=[draft.pk])}"' in member_page


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("visitor", False),
        ("member", False),
        ("focal_point", False),
        ("coalition_secretariat", True),
        ("platform_secretariat", True),
    ],
)
def test_secretariat_tools_show_only_to_those_who_may_edit(request, as_user, coalition, role, shown):
    client = as_user(request.getfixturevalue(role))

    content = client.get(reverse("coalitions:detail", args=[coalition.slug])).content.decode()

    assert (reverse("workplans:create", args=[coalition.slug]) in content) is shown
    assert (reverse("coalitions:edit", args=[coalition.slug]) in content) is shown


def test_terms_of_reference_file_is_served_only_to_those_who_see_the_coalition(
    as_user, internal_coalition, member, outsider
):
    internal_coalition.tor_file = SimpleUploadedFile("tor.pdf", b"%PDF-1.4 terms")
    internal_coalition.save()
    url = reverse("coalitions:tor", args=[internal_coalition.slug])

    assert as_user(outsider).get(url).status_code == 404
    response = as_user(member).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 terms"


# ---------------------------------------------------------------------------------------------
# Who may edit


def _edit_requests(coalition):
    member = coalition.members.first()
    network = CountryNetworkFactory(
        coalition=coalition, country=Country.objects.get(iso2="AL"), name="Albania"
    )
    return [
        ("get", reverse("coalitions:edit", args=[coalition.slug]), {}),
        ("post", reverse("coalitions:edit", args=[coalition.slug]), _edit_data(coalition, name="Hijacked")),
        ("get", reverse("coalitions:member_add", args=[coalition.slug]), {}),
        (
            "post",
            reverse("coalitions:member_add", args=[coalition.slug]),
            {"entity": Entity.objects.get(acronym="ILO").pk, "role": "member"},
        ),
        ("get", reverse("coalitions:member_end", args=[coalition.slug, member.pk]), {}),
        ("post", reverse("coalitions:member_end", args=[coalition.slug, member.pk]), {"until": "2026-01-01"}),
        ("get", reverse("coalitions:network_add", args=[coalition.slug]), {}),
        (
            "post",
            reverse("coalitions:network_add", args=[coalition.slug]),
            {"country": Country.objects.get(iso2="GE").pk, "name": "Georgia"},
        ),
        ("get", reverse("coalitions:network_edit", args=[coalition.slug, network.pk]), {}),
        (
            "post",
            reverse("coalitions:network_edit", args=[coalition.slug, network.pk]),
            {"country": network.country_id, "name": "Renamed"},
        ),
    ]


@pytest.mark.parametrize("role", ["visitor", "member", "focal_point", "outsider"])
def test_editing_answers_404_to_those_who_may_not_edit(request, as_user, coalition, role):
    client = as_user(request.getfixturevalue(role))
    requests = _edit_requests(coalition)
    before = (
        Coalition.objects.get(pk=coalition.pk).name,
        CoalitionMember.objects.count(),
        list(CountryNetwork.objects.values_list("name", flat=True)),
    )

    for method, url, data in requests:
        response = getattr(client, method)(url, data)
        assert response.status_code == 404, (method, url)

    after = (
        Coalition.objects.get(pk=coalition.pk).name,
        CoalitionMember.objects.count(),
        list(CountryNetwork.objects.values_list("name", flat=True)),
    )
    assert after == before
    assert CoalitionMember.objects.filter(until__isnull=False).count() == 0


def test_editing_an_internal_coalition_answers_404_to_a_coalition_secretariat_of_another(
    as_user, internal_coalition, coalition_secretariat
):
    client = as_user(coalition_secretariat)

    assert client.get(reverse("coalitions:edit", args=[internal_coalition.slug])).status_code == 404


@pytest.mark.parametrize("role", ["coalition_secretariat", "platform_secretariat"])
def test_secretariat_may_open_every_form(request, as_user, coalition, role):
    client = as_user(request.getfixturevalue(role))

    for method, url, _data in _edit_requests(coalition):
        if method == "get":
            assert client.get(url).status_code == 200, url


# ---------------------------------------------------------------------------------------------
# Editing the coalition page


@pytest.mark.parametrize("role", ["coalition_secretariat", "platform_secretariat"])
def test_secretariat_edits_the_coalition_page(request, as_user, coalition, role):
    client = as_user(request.getfixturevalue(role))
    url = reverse("coalitions:edit", args=[coalition.slug])

    response = client.post(
        url,
        _edit_data(coalition, theme="Health and well-being", tor_url="https://example.org/tor"),
        follow=True,
    )

    assert response.redirect_chain == [(reverse("coalitions:detail", args=[coalition.slug]), 302)]
    assert "The coalition page was saved." in response.content.decode()
    saved = Coalition.objects.get(pk=coalition.pk)
    assert saved.theme == "Health and well-being"
    assert saved.tor_url == "https://example.org/tor"
    assert saved.version == coalition.version + 1


def test_edit_form_carries_the_version(as_user, coalition, coalition_secretariat):
    response = as_user(coalition_secretariat).get(reverse("coalitions:edit", args=[coalition.slug]))

    assert f'name="version" value="{coalition.version}"' in response.content.decode()


def test_concurrent_edit_is_refused_as_a_form_error(
    as_user, coalition, coalition_secretariat, platform_secretariat
):
    opened = Coalition.objects.get(pk=coalition.pk)
    coalition_update(
        coalition=Coalition.objects.get(pk=coalition.pk), by=platform_secretariat, theme="Theirs"
    )

    response = as_user(coalition_secretariat).post(
        reverse("coalitions:edit", args=[coalition.slug]), _edit_data(opened, theme="Mine")
    )

    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert any("Someone else changed this" in e for e in errors)
    assert "Someone else changed this" in response.content.decode()
    assert Coalition.objects.get(pk=coalition.pk).theme == "Theirs"


def test_terms_of_reference_file_is_uploaded(as_user, coalition, coalition_secretariat):
    upload = SimpleUploadedFile("terms.pdf", pdf_bytes("ok"), content_type="application/pdf")

    response = as_user(coalition_secretariat).post(
        reverse("coalitions:edit", args=[coalition.slug]), {**_edit_data(coalition), "tor_file": upload}
    )

    assert response.status_code == 302
    saved = Coalition.objects.get(pk=coalition.pk)
    assert saved.tor_file.name.endswith(".pdf")
    detail = as_user(coalition_secretariat).get(reverse("coalitions:detail", args=[coalition.slug]))
    assert reverse("coalitions:tor", args=[coalition.slug]) in detail.content.decode()
    form_page = as_user(coalition_secretariat).get(reverse("coalitions:edit", args=[coalition.slug]))
    assert f'href="{reverse("coalitions:tor", args=[coalition.slug])}"' in form_page.content.decode()
    assert "/media/" not in form_page.content.decode()  # files are served only through the checked view

    again = as_user(coalition_secretariat).post(
        reverse("coalitions:edit", args=[coalition.slug]),
        _edit_data(saved, theme="Edited without a new file"),
    )
    assert again.status_code == 302
    assert Coalition.objects.get(pk=coalition.pk).tor_file.name == saved.tor_file.name


def test_ticking_clear_removes_the_terms_of_reference_file(as_user, coalition, coalition_secretariat):
    coalition.tor_file = SimpleUploadedFile("tor.pdf", b"%PDF-1.4")
    coalition.save()

    response = as_user(coalition_secretariat).post(
        reverse("coalitions:edit", args=[coalition.slug]), {**_edit_data(coalition), "tor_file-clear": "on"}
    )

    assert response.status_code == 302
    assert not Coalition.objects.get(pk=coalition.pk).tor_file


def test_upload_over_the_size_limit_is_refused_naming_the_field(
    settings, as_user, coalition, coalition_secretariat
):
    settings.RCPHUB_UPLOAD_MAX_BYTES = 100
    upload = SimpleUploadedFile("terms.pdf", b"x" * 500, content_type="application/pdf")

    response = as_user(coalition_secretariat).post(
        reverse("coalitions:edit", args=[coalition.slug]),
        {**_edit_data(coalition, theme="New"), "tor_file": upload},
    )

    assert response.status_code == 200
    assert "tor_file" in response.context["form"].errors
    assert "the limit is" in str(response.context["form"].errors["tor_file"])
    saved = Coalition.objects.get(pk=coalition.pk)
    assert not saved.tor_file
    assert saved.theme != "New"


def test_upload_of_a_refused_type_is_refused_naming_the_field(as_user, coalition, coalition_secretariat):
    upload = SimpleUploadedFile("terms.exe", b"MZ", content_type="application/octet-stream")

    response = as_user(coalition_secretariat).post(
        reverse("coalitions:edit", args=[coalition.slug]), {**_edit_data(coalition), "tor_file": upload}
    )

    assert response.status_code == 200
    assert "tor_file" in response.context["form"].errors
    assert "“exe”" in str(response.context["form"].errors["tor_file"])
    assert not Coalition.objects.get(pk=coalition.pk).tor_file


def test_network_upload_of_a_refused_type_is_refused_naming_the_field(
    as_user, coalition, coalition_secretariat
):
    upload = SimpleUploadedFile("tor.html", b"<script>", content_type="text/html")

    response = as_user(coalition_secretariat).post(
        reverse("coalitions:network_add", args=[coalition.slug]),
        {"country": Country.objects.get(iso2="RS").pk, "name": "Serbia network", "tor_file": upload},
    )

    assert response.status_code == 200
    assert "tor_file" in response.context["form"].errors
    assert not CountryNetwork.objects.exists()


# ---------------------------------------------------------------------------------------------
# Members


def test_secretariat_adds_a_member(as_user, coalition, coalition_secretariat):
    response = as_user(coalition_secretariat).post(
        reverse("coalitions:member_add", args=[coalition.slug]),
        {"entity": Entity.objects.get(acronym="IOM").pk, "role": "observer", "since": "2026-02-01"},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse("coalitions:detail", args=[coalition.slug])
    assert "IOM was added as observer." in response.content.decode()
    added = CoalitionMember.objects.get(coalition=coalition, entity__acronym="IOM")
    assert (added.role, added.since, added.until) == ("observer", date(2026, 2, 1), None)


def test_member_ending_before_it_starts_is_an_error_on_until(as_user, coalition, coalition_secretariat):
    response = as_user(coalition_secretariat).post(
        reverse("coalitions:member_add", args=[coalition.slug]),
        {
            "entity": Entity.objects.get(acronym="IOM").pk,
            "role": "member",
            "since": "2026-02-01",
            "until": "2026-01-01",
        },
    )

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["until"]
    assert "before its start" in response.content.decode()
    assert not CoalitionMember.objects.filter(entity__acronym="IOM").exists()


def test_adding_a_current_member_twice_is_an_error_on_entity(as_user, coalition, coalition_secretariat):
    response = as_user(coalition_secretariat).post(
        reverse("coalitions:member_add", args=[coalition.slug]),
        {"entity": Entity.objects.get(acronym="WHO").pk, "role": "co_chair"},
    )

    assert response.status_code == 200
    assert "entity" in response.context["form"].errors
    assert CoalitionMember.objects.filter(coalition=coalition, entity__acronym="WHO").count() == 1


def test_secretariat_ends_a_membership(as_user, coalition, coalition_secretariat):
    membership = CoalitionMember.objects.get(coalition=coalition, entity__acronym="UNDP")
    yesterday = today() - timedelta(days=1)

    response = as_user(coalition_secretariat).post(
        reverse("coalitions:member_end", args=[coalition.slug, membership.pk]),
        {"until": yesterday.isoformat()},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse("coalitions:detail", args=[coalition.slug])
    membership.refresh_from_db()
    assert membership.until == yesterday
    assert [m.entity.acronym for m in response.context["former"]] == ["UNDP"]


def test_ending_a_membership_before_it_began_is_an_error_on_until(as_user, coalition, coalition_secretariat):
    membership = CoalitionMember.objects.get(coalition=coalition, entity__acronym="UNDP")
    membership.since = date(2024, 1, 1)
    membership.save()

    response = as_user(coalition_secretariat).post(
        reverse("coalitions:member_end", args=[coalition.slug, membership.pk]), {"until": "2023-06-30"}
    )

    assert response.status_code == 200
    assert "until" in response.context["form"].errors
    membership.refresh_from_db()
    assert membership.until is None


def test_ending_a_membership_of_another_coalition_answers_404(
    as_user, coalition, other_coalition, coalition_secretariat
):
    theirs = other_coalition.members.first()

    response = as_user(coalition_secretariat).post(
        reverse("coalitions:member_end", args=[coalition.slug, theirs.pk]), {"until": "2026-01-01"}
    )

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.until is None


def test_ending_a_membership_without_a_date_is_an_error_on_until(as_user, coalition, coalition_secretariat):
    membership = CoalitionMember.objects.get(coalition=coalition, entity__acronym="UNDP")

    response = as_user(coalition_secretariat).post(
        reverse("coalitions:member_end", args=[coalition.slug, membership.pk]), {"until": "not a date"}
    )

    assert response.status_code == 200
    assert "until" in response.context["form"].errors


# ---------------------------------------------------------------------------------------------
# Country networks


def test_secretariat_adds_and_edits_a_country_network(as_user, coalition, coalition_secretariat):
    client = as_user(coalition_secretariat)
    content = docx_bytes()
    upload = SimpleUploadedFile("tor.docx", content, content_type="application/octet-stream")

    response = client.post(
        reverse("coalitions:network_add", args=[coalition.slug]),
        {
            "country": Country.objects.get(iso2="MD").pk,
            "name": "UN Network on Migration in Moldova",
            "established_on": "2020-10-01",
            "tor_file": upload,
        },
    )

    assert response.status_code == 302
    network = CountryNetwork.objects.get(coalition=coalition)
    assert network.established_on == date(2020, 10, 1)
    assert network.tor_file.name.endswith(".docx")

    response = client.post(
        reverse("coalitions:network_edit", args=[coalition.slug, network.pk]),
        {
            "country": network.country_id,
            "name": "UN Country Network on Migration, Moldova",
            "established_on": "2020-10-01",
            "tor_url": "https://example.org/md",
        },
    )

    assert response.status_code == 302
    edited = CountryNetwork.objects.get(pk=network.pk)
    assert edited.name == "UN Country Network on Migration, Moldova"
    assert edited.tor_url == "https://example.org/md"
    assert edited.tor_file.name == network.tor_file.name  # an edit without a new file keeps the old one
    file_url = reverse("coalitions:network_tor", args=[coalition.slug, network.pk])
    assert b"".join(as_user(None).get(file_url).streaming_content) == content


def test_second_network_in_the_same_country_is_an_error_on_country(as_user, coalition, coalition_secretariat):
    CountryNetworkFactory(coalition=coalition, country=Country.objects.get(iso2="RS"), name="Serbia")

    response = as_user(coalition_secretariat).post(
        reverse("coalitions:network_add", args=[coalition.slug]),
        {"country": Country.objects.get(iso2="RS").pk, "name": "Another"},
    )

    assert response.status_code == 200
    assert "country" in response.context["form"].errors
    assert CountryNetwork.objects.filter(coalition=coalition).count() == 1


def test_network_of_another_coalition_answers_404(as_user, coalition, other_coalition, coalition_secretariat):
    theirs = CountryNetworkFactory(
        coalition=other_coalition, country=Country.objects.get(iso2="RS"), name="X"
    )

    response = as_user(coalition_secretariat).get(
        reverse("coalitions:network_edit", args=[coalition.slug, theirs.pk])
    )

    assert response.status_code == 404


# ---------------------------------------------------------------------------------------------
# Queries: the same bound with a few rows and with three times as many


def _grow(n):
    """Add n public coalitions with co-chairs, members, networks and endorsed work plans, one embedded in health."""
    health = Coalition.objects.get(slug="health")
    entities = list(Entity.objects.filter(kind="un_entity").order_by("acronym")[: n * 2])
    countries = list(Country.objects.order_by("iso2")[:n])
    for i in range(n):
        extra = CoalitionFactory(
            name=f"Grown coalition {i}", slug=f"grown-{i}", parent=health if i % 2 else None
        )
        CoalitionMemberFactory(coalition=extra, entity=entities[i], role="co_chair")
        CoalitionMemberFactory(coalition=health, entity=entities[n + i], role="member")
        CoalitionMemberFactory(
            coalition=health,
            entity=entities[i],
            role="observer",
            since=date(2019, 1, 1),
            until=date(2020, 1, 1),
        )
        CountryNetworkFactory(coalition=health, country=countries[i], name=f"Network {i}")
        WorkPlanFactory(coalition=health, title=f"Plan {i}", state="endorsed")


@pytest.mark.parametrize("n", [3, 9])
@pytest.mark.parametrize("role", ["visitor", "member", "coalition_secretariat"])
@pytest.mark.parametrize(
    ("url", "queries"),
    [
        (reverse("coalitions:list"), 6),
        # One more than the page itself: the key numbers of its progress page (the home page: reports' tests).
        (reverse("coalitions:detail", args=["health"]), 11),
    ],
)
def test_coalition_pages_take_a_constant_number_of_queries(
    request, as_user, django_assert_max_num_queries, coalition, url, queries, role, n
):
    client = as_user(request.getfixturevalue(role))
    _grow(n)

    with django_assert_max_num_queries(queries):
        response = client.get(url)

    assert response.status_code == 200


def test_a_user_with_memberships_in_many_coalitions_sees_them_all(client, coalition):
    user = UserFactory(email="busy@example.org")
    for i in range(3):
        extra = CoalitionFactory(name=f"Internal group {i}", slug=f"internal-{i}", visibility="internal")
        MembershipFactory(
            user=user, entity=Entity.objects.get(acronym="UNDP"), role="focal_point", coalition=extra
        )
    client.force_login(user)

    content = client.get(reverse("coalitions:list")).content.decode()

    assert all(f"Internal group {i}" in content for i in range(3))

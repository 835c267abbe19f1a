"""Writes on coalitions: the page, members and country networks."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from rcphub.coalitions.models import Coalition, CoalitionMember, CountryNetwork
from rcphub.coalitions.services import (
    coalition_member_add,
    coalition_member_end,
    coalition_update,
    country_network_save,
)
from rcphub.core.errors import ConflictError
from rcphub.reference.models import Country, Entity

pytestmark = pytest.mark.django_db


def test_coalition_update_saves_and_counts_the_version(coalition, coalition_secretariat):
    version = coalition.version

    coalition_update(
        coalition=coalition, by=coalition_secretariat, expected_version=version, theme="Health and well-being"
    )

    saved = Coalition.objects.get(pk=coalition.pk)
    assert saved.theme == "Health and well-being"
    assert saved.version == version + 1
    assert saved.history.first().history_user == coalition_secretariat


def test_coalition_update_refuses_a_stale_version(coalition, coalition_secretariat, platform_secretariat):
    stale = coalition.version
    coalition_update(
        coalition=Coalition.objects.get(pk=coalition.pk),
        by=platform_secretariat,
        expected_version=stale,
        theme="A",
    )

    with pytest.raises(ConflictError):
        coalition_update(
            coalition=Coalition.objects.get(pk=coalition.pk),
            by=coalition_secretariat,
            expected_version=stale,
            theme="B",
        )

    assert Coalition.objects.get(pk=coalition.pk).theme == "A"


@pytest.mark.parametrize("role", ["member", "focal_point", "outsider", "visitor"])
def test_coalition_update_is_refused_to_those_who_may_not_edit(request, coalition, role):
    with pytest.raises(PermissionDenied):
        coalition_update(coalition=coalition, by=request.getfixturevalue(role), theme="Hijacked")

    assert Coalition.objects.get(pk=coalition.pk).theme != "Hijacked"


def test_coalition_update_refuses_fields_that_are_not_editable_here(coalition, coalition_secretariat):
    with pytest.raises(ValueError, match="visibility"):
        coalition_update(coalition=coalition, by=coalition_secretariat, visibility="internal")


def test_coalition_update_refuses_a_bad_link_naming_the_field(coalition, coalition_secretariat):
    with pytest.raises(ValidationError) as caught:
        coalition_update(coalition=coalition, by=coalition_secretariat, tor_url="not a link")

    assert "tor_url" in caught.value.message_dict


def test_member_add_creates_a_current_membership(coalition, coalition_secretariat):
    member = coalition_member_add(
        coalition=coalition,
        entity=Entity.objects.get(acronym="IOM"),
        role="member",
        since=date(2026, 1, 1),
        until=None,
        by=coalition_secretariat,
    )

    assert CoalitionMember.objects.get(pk=member.pk).entity.acronym == "IOM"


def test_member_add_refuses_an_end_before_the_start_naming_until(coalition, coalition_secretariat):
    with pytest.raises(ValidationError) as caught:
        coalition_member_add(
            coalition=coalition,
            entity=Entity.objects.get(acronym="IOM"),
            role="member",
            since=date(2026, 2, 1),
            until=date(2026, 1, 1),
            by=coalition_secretariat,
        )

    assert list(caught.value.message_dict) == ["until"]
    assert not CoalitionMember.objects.filter(entity__acronym="IOM").exists()


def test_member_add_is_refused_to_a_focal_point(coalition, focal_point):
    with pytest.raises(PermissionDenied):
        coalition_member_add(
            coalition=coalition,
            entity=Entity.objects.get(acronym="IOM"),
            role="member",
            since=None,
            until=None,
            by=focal_point,
        )


def test_member_end_keeps_the_record(coalition, coalition_secretariat):
    member = CoalitionMember.objects.get(coalition=coalition, entity__acronym="UNDP")

    coalition_member_end(member=member, until=date(2026, 3, 31), by=coalition_secretariat)

    assert CoalitionMember.objects.get(pk=member.pk).until == date(2026, 3, 31)


def test_member_end_refuses_an_end_before_the_start(coalition, coalition_secretariat):
    member = CoalitionMember.objects.get(coalition=coalition, entity__acronym="UNDP")
    member.since = date(2025, 1, 1)
    member.save()

    with pytest.raises(ValidationError) as caught:
        coalition_member_end(member=member, until=date(2024, 12, 31), by=coalition_secretariat)

    assert "until" in caught.value.message_dict
    assert CoalitionMember.objects.get(pk=member.pk).until is None


def test_country_network_save_creates_then_updates_in_place(coalition, coalition_secretariat):
    serbia = Country.objects.get(iso2="RS")

    network = country_network_save(
        coalition=coalition, country=serbia, name="Serbia", established_on=None, by=coalition_secretariat
    )
    again = country_network_save(
        coalition=coalition,
        country=serbia,
        name="UN Network on Migration in Serbia",
        established_on=date(2021, 1, 1),
        network=network,
        by=coalition_secretariat,
    )

    assert again.pk == network.pk
    assert CountryNetwork.objects.get(pk=network.pk).name == "UN Network on Migration in Serbia"


def test_country_network_save_refuses_a_second_network_in_a_country(coalition, coalition_secretariat):
    serbia = Country.objects.get(iso2="RS")
    country_network_save(
        coalition=coalition, country=serbia, name="A", established_on=None, by=coalition_secretariat
    )

    with pytest.raises(ValidationError):
        country_network_save(
            coalition=coalition, country=serbia, name="B", established_on=None, by=coalition_secretariat
        )

    assert CountryNetwork.objects.filter(coalition=coalition).count() == 1


def test_country_network_save_is_refused_to_a_member(coalition, member):
    with pytest.raises(PermissionDenied):
        country_network_save(
            coalition=coalition,
            country=Country.objects.get(iso2="RS"),
            name="A",
            established_on=None,
            by=member,
        )

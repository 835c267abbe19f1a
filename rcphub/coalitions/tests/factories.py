import factory

from rcphub.coalitions.models import Coalition, CoalitionMember, CountryNetwork, Platform


class PlatformFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Platform
        django_get_or_create = ("name",)

    name = "Regional Collaborative Platform for Europe and Central Asia"
    acronym = "RCP ECA"
    region = "Europe and Central Asia"


class CoalitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Coalition

    platform = factory.SubFactory(PlatformFactory)
    name = factory.Sequence(lambda n: f"Issue-based Coalition {n}")
    slug = factory.Sequence(lambda n: f"coalition-{n}")
    kind = "ibc"
    theme = "Cross-cutting"


class CoalitionMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoalitionMember

    coalition = factory.SubFactory(CoalitionFactory)
    role = "member"


class CountryNetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CountryNetwork

    coalition = factory.SubFactory(CoalitionFactory)
    name = factory.Sequence(lambda n: f"UN Country Network on Migration {n}")

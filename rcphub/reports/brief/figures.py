"""The brief's figures as at a date: every count read from the records as they stood on that day.

`brief_figures` returns one `BriefFigures` that the page, the API and the files all show. Each count
keeps to what its reader may see: a public brief is computed as for a visitor, whoever reads it; a
members' brief is computed for its reader. A record counts as at D when it existed on D: a practice
or a pledge published on or before D (`PledgeQuerySet.published_by`, the pledging dashboard's rule), a network established on or before D, a
contribution dated on or before D; the activities of the work plans in force on D (their period covers
it; `workplans.selectors.activities_in_force`) and the commitments of a review issued
on or before D, each with its last status report on or before D.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from statistics import median
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db.models import Count, F, Min, Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from rcphub.accounts.models import Role
from rcphub.accounts.permissions import Grant
from rcphub.coalitions.models import (
    Coalition,
    CoalitionMember,
    CoalitionRole,
    CountryNetwork,
    current_membership_q,
)
from rcphub.coalitions.permissions import coalition_visibility_q
from rcphub.core.dates import parse_query_date
from rcphub.events.models import Event, EventKind
from rcphub.events.permissions import event_visibility_q
from rcphub.followup.models import Commitment, Review
from rcphub.followup.permissions import review_visibility_q
from rcphub.followup.selectors import commitments_as_at
from rcphub.funding.models import Contribution, ContributionKind, Fund, JointProgramme
from rcphub.funding.permissions import fund_visibility_q
from rcphub.funding.selectors import fund_capitalisation, jp_state_as_at
from rcphub.reference.models import Country
from rcphub.reports.brief.tallies import Tally, region_tallies
from rcphub.reports.models import Brief, BriefAudience
from rcphub.repository.models import (
    ChampionCountry,
    Pledge,
    Practice,
    VoluntaryReport,
)
from rcphub.support.models import RequestState, SupportRequest
from rcphub.support.permissions import support_request_visibility_q
from rcphub.workplans.selectors import activities_in_force, activity_status_counts

# Events held for UN Country Teams: the workshops and trainings that name the teams they served.
UNCT_EVENT_KINDS = (EventKind.WORKSHOP, EventKind.TRAINING)
UPCOMING_EVENTS = 10


@dataclass(frozen=True)
class Structure:
    """Section 1: the coalition or network, where it is embedded, its co-chairs, ToR and members."""

    coalition: Coalition
    embedded_in: Coalition | None
    co_chairs: list[str]
    members: list[str]
    tor_url: str


@dataclass
class BriefFigures:
    """Every figure of a brief as at a date, for one reader; `figures` is what the API and JSON give."""

    brief: Brief
    as_at: date
    region_countries: list[Country]
    figures: dict[str, Any] = field(default_factory=dict)
    structure: Structure | None = None
    networks: list[CountryNetwork] = field(default_factory=list)
    champions: list[ChampionCountry] = field(default_factory=list)
    voluntary_reports: list[VoluntaryReport] = field(default_factory=list)
    workshops: list[Event] = field(default_factory=list)
    upcoming: list[Event] = field(default_factory=list)
    funds: list[dict[str, Any]] = field(default_factory=list)

    @property
    def region_codes(self) -> list[str]:
        return [country.iso3 for country in self.region_countries]


def reader_of(brief: Brief, user: Any) -> Any:
    """Return whom the figures are computed for: a visitor for a public brief, the reader for a members' one."""
    return AnonymousUser() if brief.audience == BriefAudience.PUBLIC else user


class EditionReader:
    """Whom a members' edition is counted for: what every reader of the brief may see, and no more.

    An edition is published once and read by all its readers, so it cannot count as its publisher
    sees (the platform secretariat sees every coalition's internal items). Every reader of a
    coalition's members' brief reads that coalition's internal items (`brief_visibility_q`), and every
    reader of a members' brief holds a membership: this reader has exactly that, with no entity, no
    request of its own and no role beyond member.
    """

    is_authenticated = True
    is_anonymous = False
    is_active = True
    is_superuser = False
    is_staff = False
    pk = id = 0  # no record belongs to it (ids start at 1)

    def __init__(self, coalition_id: int | None) -> None:
        self._rcphub_grants = (Grant(role=Role.MEMBER, entity_id=0, coalition_id=coalition_id),)
        self._rcphub_member_coalitions = frozenset({coalition_id} if coalition_id is not None else ())


def edition_reader(brief: Brief) -> Any:
    """Return whom an edition of the brief is counted for: a visitor for a public brief; for a members'
    one, a reader who sees what all its readers see (`EditionReader`)."""
    if brief.audience == BriefAudience.PUBLIC:
        return AnonymousUser()
    return EditionReader(brief.coalition_id)


def scope_coalition_ids(brief: Brief) -> list[int] | None:
    """Return the brief's coalition and those embedded in it (at any depth); None for the whole platform."""
    if brief.coalition_id is None:
        return None
    ids, frontier = [brief.coalition_id], [brief.coalition_id]
    while frontier:
        frontier = list(
            Coalition.objects.filter(parent_id__in=frontier).exclude(pk__in=ids).values_list("pk", flat=True)
        )
        ids.extend(frontier)
    return ids


def _in_scope(path: str, scope: list[int] | None) -> Q:
    return Q() if scope is None else Q(**{f"{path}__in": scope})


def _pct(part: int | Decimal, whole: int | Decimal) -> float | None:
    return None if not whole else round(float(part) * 100 / float(whole), 1)


def brief_figures(*, brief: Brief, as_at: date, user: Any) -> BriefFigures:
    """Return the brief's figures as at the date, as its reader may see them (see `reader_of`)."""
    reader = reader_of(brief, user)
    scope = scope_coalition_ids(brief)
    countries = list(brief.region.countries.order_by("name_en"))
    result = BriefFigures(brief=brief, as_at=as_at, region_countries=countries)
    region = [country.pk for country in countries]
    figures = result.figures
    if brief.coalition_id is not None:
        result.structure = _structure(brief, as_at=as_at)
    tallies = region_tallies(region)
    figures.update(_practices(tallies, as_at=as_at))
    figures.update(_pledges(tallies, as_at=as_at))

    result.networks = list(
        CountryNetwork.objects.filter(
            coalition_visibility_q(reader, prefix="coalition__"),
            _in_scope("coalition_id", scope),
            country_id__in=region,
            established_on__lte=as_at,
        )
        .select_related("country", "coalition")
        .order_by("country__name_en")
    )
    figures["country_networks_established"] = len(result.networks)
    result.champions = list(
        ChampionCountry.objects.filter(
            Q(since__lte=as_at) | Q(since__isnull=True, created_at__date__lte=as_at), country_id__in=region
        ).select_related("country")
    )
    figures["champion_countries"] = [champion.country.iso3 for champion in result.champions]
    result.voluntary_reports = list(
        VoluntaryReport.objects.filter(
            Q(submitted_on__lte=as_at) | Q(submitted_on__isnull=True, year__lte=as_at.year),
            country_id__in=region,
        )
        .select_related("country", "review_cycle")
        .order_by(F("review_cycle__held_on").desc(nulls_last=True), "country__name_en")
    )
    figures["voluntary_reports"] = [
        {
            "country": report.country.iso3,
            "year": report.year,
            "review_cycle": report.review_cycle.slug if report.review_cycle else None,
            "submitted_on": report.submitted_on.isoformat() if report.submitted_on else None,
            "link": report.link,
        }
        for report in result.voluntary_reports
    ]

    events = Event.objects.filter(event_visibility_q(reader), _in_scope("coalition_id", scope))
    result.workshops = list(
        events.filter(kind__in=UNCT_EVENT_KINDS, unct_countries__in=region, starts_at__date__lte=as_at)
        .distinct()
        .prefetch_related("unct_countries")
        .order_by("-starts_at")
    )
    figures["unct_workshops"] = len(result.workshops)
    result.upcoming = list(events.filter(starts_at__date__gt=as_at).order_by("starts_at")[:UPCOMING_EVENTS])
    figures.update(_support(reader, scope, as_at=as_at))
    figures.update(_progress(reader, scope, as_at=as_at))
    figures.update(_funding(reader, region, as_at=as_at, result=result))
    return result


def _structure(brief: Brief, *, as_at: date) -> Structure:
    coalition = brief.coalition
    assert coalition is not None  # only a coalition's brief has a structure
    members = (
        CoalitionMember.objects.filter(current_membership_q(as_at), coalition=coalition)
        .select_related("entity")
        .order_by("entity__acronym")
    )
    co_chairs = [m.entity.acronym for m in members if m.role == CoalitionRole.CO_CHAIR]
    others = sorted({m.entity.acronym for m in members if m.role != CoalitionRole.CO_CHAIR} - set(co_chairs))
    return Structure(
        coalition=coalition,
        embedded_in=coalition.parent,
        co_chairs=co_chairs,
        members=others,
        tor_url=coalition.tor_url,
    )


def _practices(tallies: dict[str, Tally], *, as_at: date) -> dict[str, Any]:
    in_region = tallies["practices_in_region"].total_at(as_at)
    total = tallies["practices_all"].total_at(as_at)
    return {
        "practices_in_region": in_region,
        "practices_all": total,
        "practices_share_of_all_pct": _pct(in_region, total),
        **{
            name: tallies[name].at(as_at)
            for name in (
                "practices_by_gcm_objective",
                "practices_by_country",
                "practices_by_implementer_type",
                "practices_by_scope",
            )
        },
    }


def _pledges(tallies: dict[str, Tally], *, as_at: date) -> dict[str, Any]:
    return {
        "pledges_in_region": tallies["pledges_in_region"].total_at(as_at),
        "pledges_all": tallies["pledges_all"].total_at(as_at),
        "pledges_by_gcm_objective": tallies["pledges_by_gcm_objective"].at(as_at),
        "pledges_by_pledger_kind": tallies["pledges_by_pledger_kind"].at(as_at),
        "pledges_with_report": tallies["pledges_with_report"].total_at(as_at),
    }


def _support(reader: Any, scope: list[int] | None, *, as_at: date) -> dict[str, Any]:
    requests = SupportRequest.objects.filter(
        support_request_visibility_q(reader), _in_scope("coalition_id", scope), submitted_on__lte=as_at
    )
    delivered = list(
        requests.filter(state=RequestState.DELIVERED, delivered_on__lte=as_at).values_list(
            "submitted_on", "delivered_on"
        )
    )
    days = [(end - start).days for start, end in delivered if end is not None]
    return {
        "support_requests_received": requests.count(),
        "support_requests_delivered": len(delivered),
        "support_turnaround_median_days": median(days) if days else None,
    }


def _progress(reader: Any, scope: list[int] | None, *, as_at: date) -> dict[str, Any]:
    activities = activities_in_force(user=reader, as_at=as_at).filter(
        _in_scope("output__result__work_plan__coalition_id", scope)
    )
    commitments = commitments_as_at(
        Commitment.objects.filter(
            review_visibility_q(reader, prefix="review__"),
            _in_scope("review__coalition_id", scope),
            review__issued_on__lte=as_at,
        ),
        as_at=as_at,
    )
    return {
        "activities_by_status": activity_status_counts(activities),
        "commitments_by_status": activity_status_counts(commitments),
    }


def _funding(reader: Any, region: list[int], *, as_at: date, result: BriefFigures) -> dict[str, Any]:
    funds = list(Fund.objects.filter(fund_visibility_q(reader)).order_by("-target_amount", "acronym"))
    for fund in funds:
        capitalisation = fund_capitalisation(fund=fund, as_at=as_at)
        region_contributors = (
            fund.contributions.filter(
                contributed_on__lte=as_at, kind=ContributionKind.PLEDGED, contributor__country_id__in=region
            )
            .values("contributor__country__iso3")
            .distinct()
            .order_by("contributor__country__iso3")
        )
        programmes = JointProgramme.objects.filter(fund=fund, submitted_on__lte=as_at).annotate(
            state_as_at=jp_state_as_at(as_at)
        )
        in_region = programmes.filter(countries__in=region).values("pk")
        region_programmes = programmes.filter(pk__in=in_region)
        region_pledged = fund.contributions.filter(
            contributed_on__lte=as_at,
            kind=ContributionKind.PLEDGED,
            currency=F("fund__currency"),
            contributor__country_id__in=region,
        ).values_list("amount", flat=True)
        by_area: dict[tuple[str, str], int] = {
            (row["thematic_area__code"], row["state_as_at"]): row["n"]
            for row in region_programmes.order_by()
            .values("thematic_area__code", "state_as_at")
            .annotate(n=Count("pk", distinct=True))
        }
        areas = [
            {
                "code": row.thematic_area,
                "name": row.label,
                "funded_region": by_area.get((row.thematic_area, "funded"), 0),
                "pipeline_region": by_area.get((row.thematic_area, "pipeline"), 0),
                "funded_all": row.funded_count,
                "pipeline_all": row.pipeline_count,
            }
            for row in capitalisation.thematic_areas
        ]
        result.funds.append(
            {
                "thematic_areas": areas,
                "fund": fund,
                "capitalisation": capitalisation,
                "acronym": fund.acronym,
                "currency": fund.currency,
                "capitalisation_target": fund.target_amount,
                "mobilised": capitalisation.pledged,
                "mobilised_share_pct": _pct(capitalisation.pledged, fund.target_amount),
                "contributors": capitalisation.contributor_count,
                "region_contributing_states": [
                    row["contributor__country__iso3"] for row in region_contributors
                ],
                "region_mobilised": sum(region_pledged, Decimal(0)),
                "joint_programmes_funded_region": region_programmes.filter(state_as_at="funded").count(),
                "joint_programmes_pipeline_region": region_programmes.filter(state_as_at="pipeline").count(),
                "joint_programmes_funded_all": programmes.filter(state_as_at="funded").count(),
                "joint_programmes_pipeline_all": programmes.filter(state_as_at="pipeline").count(),
            }
        )
    main = result.funds[0] if result.funds else None
    return {
        "fund": main["acronym"] if main else None,
        "fund_currency": main["currency"] if main else None,
        "fund_capitalisation_target": float(main["capitalisation_target"]) if main else None,
        "fund_mobilised": float(main["mobilised"]) if main else None,
        "fund_mobilised_share_pct": main["mobilised_share_pct"] if main else None,
        "fund_contributors": main["contributors"] if main else 0,
        "region_contributing_states": main["region_contributing_states"] if main else [],
        "region_contributions": float(main["region_mobilised"]) if main else 0.0,
        "joint_programmes_funded_region": main["joint_programmes_funded_region"] if main else 0,
        "joint_programmes_pipeline_region": main["joint_programmes_pipeline_region"] if main else 0,
        "joint_programmes_funded_all": main["joint_programmes_funded_all"] if main else 0,
        "joint_programmes_by_thematic_area": {
            area["code"]: {
                key: area[key] for key in ("funded_region", "pipeline_region", "funded_all", "pipeline_all")
            }
            for area in (main["thematic_areas"] if main else [])
        },
    }


def earliest_record_date() -> date | None:
    """Return the date of the earliest dated record a brief counts; a brief as at an earlier date has none."""
    dates = [
        Practice.objects.aggregate(d=Min("published_on"))["d"],
        Pledge.objects.aggregate(d=Min("published_on"))["d"],
        Review.objects.aggregate(d=Min("issued_on"))["d"],
        Contribution.objects.aggregate(d=Min("contributed_on"))["d"],
        CountryNetwork.objects.aggregate(d=Min("established_on"))["d"],
    ]
    known = [d for d in dates if d is not None]
    return min(known) if known else None


def brief_date(value: str | None, *, today: date) -> date:
    """Return the brief's `as_at` from the query string (today when absent), or raise ValidationError
    naming `as_at` for a malformed date, a date after today or one before any record."""
    as_at = parse_query_date(value, field="as_at", default=today) or today
    if as_at > today:
        raise ValidationError(
            {"as_at": _("A brief cannot be drawn as at a date after today.")}, code="future"
        )
    first = earliest_record_date()
    if first is None or as_at < first:
        raise ValidationError(
            {
                "as_at": _("No record is dated on or before %(date)s: the earliest is of %(first)s.")
                % {"date": as_at.isoformat(), "first": date_format(first) if first else _("no date")}
            },
            code="before_records",
        )
    return as_at

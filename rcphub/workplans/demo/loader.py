"""Seed the demo content, idempotently: what exists (matched by natural key) is left as it is.

Writes go through the coalition and work-plan services, by the demo platform secretariat; status
reports are recorded by the coalition's secretariat or by the focal point of a lead entity. The few
models without a service (users, memberships, the platform, coalitions) are saved here, with the
platform secretariat recorded in their history.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction

from rcphub.accounts.models import Membership, User
from rcphub.accounts.permissions import forget_grants
from rcphub.coalitions.models import Coalition, CoalitionMember, CoalitionRole, CountryNetwork, Platform
from rcphub.coalitions.services import coalition_member_add, country_network_save
from rcphub.core.dates import today
from rcphub.core.models import Visibility
from rcphub.reference.models import Country, Entity, GcmObjective, SdgTarget
from rcphub.workplans.demo import content
from rcphub.workplans.demo.spec import ActivitySpec, CoalitionSpec, WorkPlanSpec, derived_track
from rcphub.workplans.models import (
    Activity,
    Output,
    ReportingRound,
    Result,
    StatusReport,
    WorkPlan,
    WorkPlanState,
)
from rcphub.workplans.services import (
    StatusEntry,
    activity_bulk_create,
    output_save,
    reporting_round_create,
    result_save,
    status_report_bulk_record,
    workplan_create,
    workplan_transition,
)


class DemoSeedError(Exception):
    """The demo cannot be seeded, e.g. because the reference data is not loaded."""


@dataclass
class SeedReport:
    """What one run created, in total and by coalition."""

    created: Counter[str] = field(default_factory=Counter)
    by_coalition: dict[str, Counter[str]] = field(default_factory=dict)
    skipped_rounds: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return sum(self.created.values()) > 0


def _where(spec: ActivitySpec, countries: dict[str, Country]) -> str:
    # "the Republic of Moldova", as the name is written in a sentence.
    names = [
        f"the {name}" if name.startswith("Republic") else name
        for name in (countries[iso2].name_en for iso2 in spec.countries[:3])
    ]
    if not names:
        return "the region"
    if len(spec.countries) > len(names):
        return ", ".join(names) + " and other countries"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def status_comment(spec: ActivitySpec, *, status: str, round_index: int, key: str, where: str) -> str:
    """Return the comment written in the content for this round, or one chosen from the status's pool.

    The choice depends only on `key` and the round, so every run writes the same comment.
    """
    if round_index < len(spec.comments) and spec.comments[round_index]:
        return spec.comments[round_index]
    pool = content.STATUS_COMMENTS[status]
    chosen = pool[zlib.crc32(f"{key}/{round_index}".encode()) % len(pool)]
    return chosen.format(where=where, lead=" and ".join(spec.leads))


class _Seeder:
    def __init__(self, progress: Callable[[str], None]) -> None:
        self.progress = progress
        self.report = SeedReport()
        self.counter: Counter[str] = self.report.created

    # Reference data, read once.

    def load_reference(self) -> None:
        acronyms: set[str] = set()
        iso2: set[str] = set()
        sdg: set[str] = set()
        gcm: set[int] = set()
        for coalition in content.COALITIONS:
            acronyms.update(
                (*coalition.co_chairs, *coalition.members, *coalition.observers, coalition.secretariat)
            )
            iso2.update(n.country for n in coalition.networks)
            for plan in coalition.work_plans:
                for _, _, spec in plan.activities():
                    acronyms.update((*spec.leads, *spec.partners))
                    iso2.update(spec.countries)
                    sdg.update(spec.sdg_targets)
                    gcm.update(spec.gcm_objectives)
        for user in content.USERS:
            acronyms.update(m.entity for m in user.memberships)
        self.entities = {e.acronym: e for e in Entity.objects.filter(acronym__in=acronyms)}
        self.countries = {c.iso2: c for c in Country.objects.filter(iso2__in=iso2)}
        self.sdg_targets = {t.code: t for t in SdgTarget.objects.filter(code__in=sdg)}
        self.gcm_objectives = {g.number: g for g in GcmObjective.objects.filter(number__in=gcm)}
        missing = [
            *(f"entity {a}" for a in sorted(acronyms - set(self.entities))),
            *(f"country {c}" for c in sorted(iso2 - set(self.countries))),
            *(f"SDG target {t}" for t in sorted(sdg - set(self.sdg_targets))),
            *(f"GCM objective {n}" for n in sorted(gcm - set(self.gcm_objectives))),
        ]
        if missing:
            raise DemoSeedError(
                "The reference data lacks what the demo uses (" + ", ".join(missing[:8]) + "). "
                "Run `manage.py load_reference` first."
            )

    # Users and the platform.

    def seed_users(self) -> None:
        emails = [u.email for u in content.USERS]
        self.users = {u.email: u for u in User.objects.filter(email__in=emails)}
        password: str | None = None
        # The platform secretariat first: it is recorded as the author of the other logins.
        for spec in sorted(content.USERS, key=lambda u: u.email != content.PLATFORM_USER):
            if spec.email in self.users:
                continue
            # One hash for all demo logins: they share a published password, and hashing is slow by design.
            password = password or make_password(content.DEMO_PASSWORD)
            user = User(
                email=spec.email,
                first_name=spec.first_name,
                last_name=spec.last_name,
                is_staff=spec.is_staff,
                is_superuser=spec.is_superuser,
                password=password,
            )
            user.full_clean()
            user._history_user = self.users.get(content.PLATFORM_USER, user)  # type: ignore[attr-defined]
            user.save()
            self.users[spec.email] = user
            self.counter["users"] += 1
        self.platform_user = self.users[content.PLATFORM_USER]
        self.memberships: set[tuple[int, int, int | None, str]] = set(
            Membership.objects.filter(user__email__in=emails).values_list(
                "user_id", "entity_id", "coalition_id", "role"
            )
        )

    def seed_memberships(self, *, coalitions: dict[str, Coalition], scoped: bool) -> None:
        """Give each demo user their memberships; those in a coalition once the coalitions exist."""
        for spec in content.USERS:
            user = self.users[spec.email]
            for m in spec.memberships:
                if bool(m.coalition) != scoped:
                    continue
                entity = self.entities[m.entity]
                coalition = coalitions[m.coalition] if m.coalition else None
                key = (user.pk, entity.pk, coalition.pk if coalition else None, m.role)
                if key in self.memberships:
                    continue
                membership = Membership(user=user, entity=entity, coalition=coalition, role=m.role)
                membership.full_clean()
                membership._history_user = self.platform_user  # type: ignore[attr-defined]
                membership.save()
                self.memberships.add(key)
                self.counter["memberships"] += 1
            forget_grants(user)

    def seed_platform(self) -> Platform:
        platform = Platform.objects.filter(name=content.PLATFORM_NAME).first()
        if platform is None:
            platform = Platform(
                name=content.PLATFORM_NAME,
                acronym=content.PLATFORM_ACRONYM,
                region=content.PLATFORM_REGION,
                description=content.PLATFORM_DESCRIPTION,
            )
            platform.full_clean()
            platform._history_user = self.platform_user  # type: ignore[attr-defined]
            platform.save()
            self.counter["platforms"] += 1
        return platform

    # Coalitions, members, networks.

    def seed_coalitions(self, platform: Platform) -> dict[str, Coalition]:
        slugs = [c.slug for c in content.COALITIONS]
        coalitions = {c.slug: c for c in Coalition.objects.filter(slug__in=slugs)}
        for spec in content.COALITIONS:
            if spec.slug in coalitions:
                continue
            coalition = Coalition(
                platform=platform,
                name=spec.name,
                short_name=spec.short_name,
                slug=spec.slug,
                kind=spec.kind,
                parent=coalitions[spec.parent] if spec.parent else None,
                theme=spec.theme,
                description=spec.description,
                tor_url=spec.tor_url,
                visibility=Visibility.PUBLIC,
            )
            coalition.full_clean()
            coalition._history_user = self.platform_user  # type: ignore[attr-defined]
            coalition.save()
            coalitions[spec.slug] = coalition
            self._count(spec.slug, "coalitions")
        return coalitions

    def seed_members_and_networks(self, coalitions: dict[str, Coalition]) -> None:
        ids = [c.pk for c in coalitions.values()]
        current = set(
            CoalitionMember.objects.filter(coalition_id__in=ids, until__isnull=True).values_list(
                "coalition_id", "entity_id", "role"
            )
        )
        networks = set(
            CountryNetwork.objects.filter(coalition_id__in=ids).values_list("coalition_id", "country_id")
        )
        for spec in content.COALITIONS:
            coalition = coalitions[spec.slug]
            roles = [
                *((a, CoalitionRole.CO_CHAIR) for a in spec.co_chairs),
                *((a, CoalitionRole.MEMBER) for a in spec.members),
                *((a, CoalitionRole.OBSERVER) for a in spec.observers),
                (spec.secretariat, CoalitionRole.SECRETARIAT),
            ]
            for acronym, role in roles:
                entity = self.entities[acronym]
                if (coalition.pk, entity.pk, role) in current:
                    continue
                coalition_member_add(
                    coalition=coalition,
                    entity=entity,
                    role=role,
                    since=spec.since,
                    until=None,
                    by=self.platform_user,
                )
                self._count(spec.slug, "coalition members")
            for network in spec.networks:
                country = self.countries[network.country]
                if (coalition.pk, country.pk) in networks:
                    continue
                country_network_save(
                    coalition=coalition,
                    country=country,
                    name=network.name,
                    established_on=network.established_on,
                    tor_url=network.tor_url,
                    by=self.platform_user,
                )
                self._count(spec.slug, "country networks")

    # Work plans.

    def seed_work_plans(self, coalitions: dict[str, Coalition]) -> None:
        plans = {
            (wp.coalition_id, wp.title): wp
            for wp in WorkPlan.objects.filter(coalition__in=coalitions.values()).select_related("coalition")
        }
        plan_ids = [wp.pk for wp in plans.values()]
        self.results = {(r.work_plan_id, r.code): r for r in Result.objects.filter(work_plan_id__in=plan_ids)}
        self.outputs = {
            (o.result_id, o.code): o for o in Output.objects.filter(result__work_plan_id__in=plan_ids)
        }
        self.activities = {
            (a.output_id, a.code): a
            for a in Activity.objects.filter(output__result__work_plan_id__in=plan_ids).prefetch_related(
                "lead_entities"
            )
        }
        self.rounds = {
            (r.work_plan_id, r.as_at): r for r in ReportingRound.objects.filter(work_plan_id__in=plan_ids)
        }
        self.reports = set(
            StatusReport.objects.filter(round__work_plan_id__in=plan_ids).values_list(
                "activity_id", "round_id"
            )
        )
        for spec in content.COALITIONS:
            coalition = coalitions[spec.slug]
            for plan_spec in spec.work_plans:
                work_plan = plans.get((coalition.pk, plan_spec.title))
                created = work_plan is None
                if work_plan is None:
                    work_plan = workplan_create(
                        coalition=coalition,
                        title=plan_spec.title,
                        period_start=plan_spec.period_start,
                        period_end=plan_spec.period_end,
                        notes=plan_spec.notes,
                        by=self.platform_user,
                    )
                    self._count(spec.slug, "work plans")
                activities = self.seed_structure(spec, work_plan, plan_spec, coalitions)
                if created and plan_spec.endorsed_on is not None:
                    workplan_transition(
                        work_plan=work_plan,
                        to_state=WorkPlanState.ENDORSED,
                        on=plan_spec.endorsed_on,
                        by=self.platform_user,
                    )
                if work_plan.state == WorkPlanState.ENDORSED:
                    self.seed_progress(spec, work_plan, plan_spec, activities)
            counts = self.report.by_coalition.get(spec.slug, Counter())
            summary = (
                ", ".join(f"{n} {kind}" for kind, n in counts.items()) if counts else "nothing to create"
            )
            self.progress(f"{spec.slug}: {summary}")

    def seed_structure(
        self,
        spec: CoalitionSpec,
        work_plan: WorkPlan,
        plan_spec: WorkPlanSpec,
        coalitions: dict[str, Coalition],
    ) -> list[tuple[ActivitySpec, Activity]]:
        """Create the results, outputs and activities the work plan lacks; return its activities in order."""
        by = self.platform_user
        placed: list[tuple[ActivitySpec, Output, Activity | None]] = []
        for r_spec in plan_spec.results:
            result = self.results.get((work_plan.pk, r_spec.code))
            if result is None:
                result = result_save(
                    work_plan=work_plan,
                    code=r_spec.code,
                    title=r_spec.title,
                    description=r_spec.description,
                    by=by,
                )
                self._count(spec.slug, "results")
            result.work_plan = work_plan
            for o_spec in r_spec.outputs:
                output = self.outputs.get((result.pk, o_spec.code))
                if output is None:
                    output = output_save(
                        result=result,
                        code=o_spec.code,
                        title=o_spec.title,
                        description=o_spec.description,
                        by=by,
                    )
                    self._count(spec.slug, "outputs")
                output.result = result
                placed.extend(
                    (a_spec, output, self.activities.get((output.pk, a_spec.code)))
                    for a_spec in o_spec.activities
                )
        missing = [
            (output, self.activity_fields(a_spec, coalitions))
            for a_spec, output, found in placed
            if found is None
        ]
        created = iter(activity_bulk_create(rows=missing, by=by))
        activities = []
        for a_spec, output, found in placed:
            activity = found or next(created)
            if found is None:
                self._count(spec.slug, "activities")
            activity.output = output
            activities.append((a_spec, activity))
        return activities

    def activity_fields(self, spec: ActivitySpec, coalitions: dict[str, Coalition]) -> dict[str, Any]:
        related: dict[str, list[Any]] = {
            "lead_entities": [self.entities[a] for a in spec.leads],
            "partner_entities": [self.entities[a] for a in spec.partners],
            "countries": [self.countries[c] for c in spec.countries],
            "sdg_targets": [self.sdg_targets[t] for t in spec.sdg_targets],
            "gcm_objectives": [self.gcm_objectives[n] for n in spec.gcm_objectives],
            "collaborating_coalitions": [coalitions[s] for s in spec.collaborating],
        }
        return {
            "code": spec.code,
            "title": spec.title,
            "description": spec.description,
            "start_on": spec.start_on,
            "end_on": spec.end_on,
            "due_text": spec.due_text,
            "visibility": Visibility.INTERNAL if spec.internal else Visibility.PUBLIC,
            "footnotes": spec.footnotes,
            **related,
        }

    def seed_progress(
        self,
        spec: CoalitionSpec,
        work_plan: WorkPlan,
        plan_spec: WorkPlanSpec,
        activities: list[tuple[ActivitySpec, Activity]],
    ) -> None:
        """Open the plan's reporting rounds that are not in the future, and record the reports they lack."""
        rounds: list[ReportingRound | None] = []
        for round_spec in plan_spec.rounds:
            round_ = self.rounds.get((work_plan.pk, round_spec.as_at))
            if round_ is None and round_spec.as_at > today():
                self.report.skipped_rounds.append(f"{spec.slug}: {round_spec.title} ({round_spec.as_at})")
            elif round_ is None:
                round_ = reporting_round_create(
                    work_plan=work_plan, as_at=round_spec.as_at, title=round_spec.title, by=self.platform_user
                )
                self.rounds[(work_plan.pk, round_spec.as_at)] = round_
                self._count(spec.slug, "reporting rounds")
            rounds.append(round_)
        secretariat = self.users[content.SECRETARIAT_USERS[spec.slug]]
        year = plan_spec.period_start.year
        entries = []
        for a_spec, activity in activities:
            statuses = derived_track(a_spec, rounds=plan_spec.rounds, year=year)
            author = next(
                (
                    self.users[email]
                    for (slug, acronym), email in content.FOCAL_POINT_USERS.items()
                    if slug == spec.slug and acronym in a_spec.leads
                ),
                secretariat,
            )
            where = _where(a_spec, self.countries)
            for index, (round_, status) in enumerate(zip(rounds, statuses, strict=True)):
                if round_ is None or status is None or (activity.pk, round_.pk) in self.reports:
                    continue
                key = f"{spec.slug}/{activity.output.code}/{a_spec.code}"
                comment = status_comment(a_spec, status=status, round_index=index, key=key, where=where)
                entries.append(
                    StatusEntry(activity=activity, status=status, round=round_, comment=comment, by=author)
                )
                self.reports.add((activity.pk, round_.pk))
        # Oldest round first, so that the history reads in the order the year went.
        entries.sort(key=lambda e: e.round.as_at if e.round else plan_spec.period_start)
        status_report_bulk_record(entries=entries)
        for _ in entries:
            self._count(spec.slug, "status reports")

    def _count(self, slug: str, kind: str) -> None:
        self.counter[kind] += 1
        self.report.by_coalition.setdefault(slug, Counter())[kind] += 1

    def run(self) -> None:
        self.load_reference()
        self.seed_users()
        self.seed_memberships(coalitions={}, scoped=False)
        platform = self.seed_platform()
        coalitions = self.seed_coalitions(platform)
        self.seed_memberships(coalitions=coalitions, scoped=True)
        self.seed_members_and_networks(coalitions)
        self.seed_work_plans(coalitions)


def demo_seed(*, progress: Callable[[str], None] = lambda line: None) -> SeedReport:
    """Create the demo platform, coalitions, work plans, progress and logins that do not exist yet.

    Runs in one transaction: it creates everything it lacks, or nothing. Existing objects are
    matched by natural key and left unchanged, so a second run creates and changes nothing.
    """
    seeder = _Seeder(progress)
    with transaction.atomic():
        seeder.run()
    return seeder.report

"""Demo content for `manage.py seed_demo`: a platform, its coalitions, work plans, progress and logins.

The content is in this folder's YAML files (platform, users, coalitions, work_plans, rounds,
status_comments); this module seeds it, idempotently: what exists (matched by natural key) is left
as it is. The logins are exported for the other apps' demos. Writes go through the coalition and work-plan services, by the demo platform secretariat;
status reports are recorded by the coalition's secretariat or by the focal point of a lead entity.
The few models without a service (users, memberships, the platform, coalitions) are saved here,
with the platform secretariat recorded in their history.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import models, transaction

from rcphub.accounts.models import Membership, Role, User
from rcphub.accounts.permissions import forget_grants
from rcphub.coalitions.models import Coalition, CoalitionMember, CoalitionRole, CountryNetwork, Platform
from rcphub.coalitions.services import coalition_member_add, country_network_save
from rcphub.core.dates import today
from rcphub.core.demodata import demo_content
from rcphub.core.models import Visibility
from rcphub.reference.models import Country, Entity, GcmObjective, SdgTarget
from rcphub.workplans import services
from rcphub.workplans.demo.progress import derived_track
from rcphub.workplans.models import Activity, Output, ReportingRound, Result, StatusReport, WorkPlan

Row = dict[str, Any]
ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")


def read(name: str) -> Any:
    """Return the content of the work-plan demo's file `<name>.yaml`."""
    return demo_content("rcphub.workplans.demo", name)


def split(value: str | int) -> list[str]:
    """Return the items of a comma-separated list, as a work-plan table writes them."""
    return [part.strip() for part in str(value).split(",") if part.strip()]


_LOGINS: Row = read("users")
DEMO_PASSWORD: str = _LOGINS["password"]
DEMO_DOMAIN: str = _LOGINS["domain"]
USERS: list[Row] = _LOGINS["users"]
_ROLES = [(u["email"], m) for u in USERS for m in u["memberships"]]
PLATFORM_USER: str = next(email for email, m in _ROLES if m["role"] == Role.PLATFORM_SECRETARIAT)
# Who reports progress: the coalition's secretariat, or the focal point of a lead entity where one exists.
SECRETARIAT_USERS = {m["coalition"]: e for e, m in _ROLES if m["role"] == Role.COALITION_SECRETARIAT}
FOCAL_POINT_USERS = {(m["coalition"], m["entity"]): e for e, m in _ROLES if m["role"] == Role.FOCAL_POINT}


class DemoSeedError(Exception):
    """The demo cannot be seeded, e.g. because the reference data is not loaded."""


class _Reference(dict[Any, Any]):
    """Reference records by code; one missing means the reference data is not loaded."""

    def __init__(self, what: str, records: dict[Any, Any]) -> None:
        super().__init__(records)
        self.what = what

    def __missing__(self, code: Any) -> Any:
        raise DemoSeedError(
            f"The reference data lacks what the demo uses ({self.what} {code}). "
            "Run `manage.py load_reference` first."
        )


@dataclass
class SeedReport:
    """What one run created, in total and by coalition."""

    created: Counter[str] = field(default_factory=Counter)
    by_coalition: dict[str, Counter[str]] = field(default_factory=dict)
    skipped_rounds: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return sum(self.created.values()) > 0


def _where(activity: Row, countries: dict[str, Country]) -> str:
    iso2 = split(activity.get("countries", ""))
    # "the Republic of Moldova", as the name is written in a sentence.
    names = [f"the {n}" if n.startswith("Republic") else n for n in (countries[c].name_en for c in iso2[:3])]
    if not names:
        return "the region"
    if len(iso2) > len(names):
        return ", ".join(names) + " and other countries"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


class _Seeder:
    def __init__(self, progress: Callable[[str], None]) -> None:
        self.progress = progress
        self.report = SeedReport()
        self.counter: Counter[str] = self.report.created
        self.coalition_rows: list[Row] = read("coalitions")
        self.plan_rows: list[Row] = read("work_plans")
        self.round_rows: list[Row] = read("rounds")
        self.status_comments: dict[str, list[str]] = read("status_comments")
        platform: Row = read("platform")
        self.platform_fields: Row = platform["platform"]
        self.footnotes: dict[str, str] = platform["country_footnotes"]
        self.entities = _Reference("entity", {e.acronym: e for e in Entity.objects.all()})
        self.countries = _Reference("country", {c.iso2: c for c in Country.objects.all()})
        self.sdg_targets = _Reference("SDG target", {t.code: t for t in SdgTarget.objects.all()})
        self.gcm_objectives = _Reference("GCM objective", {g.number: g for g in GcmObjective.objects.all()})

    def save(self, record: models.Model, *, by: User | None = None) -> None:
        """Save a record that has no service, with the platform secretariat in its history."""
        record.full_clean()
        record._history_user = by or self.platform_user  # type: ignore[attr-defined]
        record.save()

    def seed_users(self) -> None:
        emails = [u["email"] for u in USERS]
        self.users = {u.email: u for u in User.objects.filter(email__in=emails)}
        password: str | None = None
        # The platform secretariat first: it is recorded as the author of the other logins.
        for row in sorted(USERS, key=lambda u: u["email"] != PLATFORM_USER):
            if row["email"] in self.users:
                continue
            # One hash for all demo logins: they share a published password, and hashing is slow by design.
            password = password or make_password(DEMO_PASSWORD)
            fields = {k: v for k, v in row.items() if k not in ("memberships", "note")}
            user = User(**fields, password=password)
            self.save(user, by=self.users.get(PLATFORM_USER, user))
            self.users[user.email] = user
            self.counter["users"] += 1
        self.platform_user = self.users[PLATFORM_USER]
        memberships = Membership.objects.filter(user__email__in=emails)
        self.memberships: set[tuple[Any, ...]] = set(
            memberships.values_list("user_id", "entity_id", "coalition_id", "role")
        )

    def seed_memberships(self, *, coalitions: dict[str, Coalition], scoped: bool) -> None:
        """Give each demo user their memberships; those in a coalition once the coalitions exist."""
        for row in USERS:
            user = self.users[row["email"]]
            for m in (m for m in row["memberships"] if ("coalition" in m) == scoped):
                entity, coalition = self.entities[m["entity"]], coalitions[m["coalition"]] if scoped else None
                key = (user.pk, entity.pk, coalition.pk if coalition else None, m["role"])
                if key not in self.memberships:
                    self.save(Membership(user=user, entity=entity, coalition=coalition, role=m["role"]))
                    self.memberships.add(key)
                    self.counter["memberships"] += 1
            forget_grants(user)

    def seed_platform(self) -> Platform:
        platform = Platform.objects.filter(name=self.platform_fields["name"]).first()
        if platform is None:
            platform = Platform(**self.platform_fields)
            self.save(platform)
            self.counter["platforms"] += 1
        return platform

    def seed_coalitions(self, platform: Platform) -> dict[str, Coalition]:
        slugs = [c["slug"] for c in self.coalition_rows]
        coalitions = {c.slug: c for c in Coalition.objects.filter(slug__in=slugs)}
        fields = ("name", "short_name", "slug", "kind", "theme", "description", "tor_url")
        for row in (row for row in self.coalition_rows if row["slug"] not in coalitions):
            parent = coalitions[row["parent"]] if row.get("parent") else None
            coalition = Coalition(
                platform=platform, parent=parent, visibility=Visibility.PUBLIC, **{k: row[k] for k in fields}
            )
            self.save(coalition)
            coalitions[coalition.slug] = coalition
            self._count(coalition.slug, "coalitions")
        return coalitions

    def seed_members_and_networks(self, coalitions: dict[str, Coalition]) -> None:
        ids, by = [c.pk for c in coalitions.values()], self.platform_user
        members = CoalitionMember.objects.filter(coalition_id__in=ids, until__isnull=True)
        current = set(members.values_list("coalition_id", "entity_id", "role"))
        networks = set(
            CountryNetwork.objects.filter(coalition_id__in=ids).values_list("coalition", "country")
        )
        for row in self.coalition_rows:
            slug, coalition = row["slug"], coalitions[row["slug"]]
            roles = [
                *((a, CoalitionRole.CO_CHAIR) for a in split(row["co_chairs"])),
                *((a, CoalitionRole.MEMBER) for a in split(row["members"])),
                *((a, CoalitionRole.OBSERVER) for a in split(row.get("observers", ""))),
                (row["secretariat"], CoalitionRole.SECRETARIAT),
            ]
            for acronym, role in roles:
                entity = self.entities[acronym]
                if (coalition.pk, entity.pk, role) not in current:
                    since = row["since"]
                    coalition_member_add(
                        coalition=coalition, entity=entity, role=role, since=since, until=None, by=by
                    )
                    self._count(slug, "coalition members")
            for network in row.get("networks", ()):
                country = self.countries[network["country"]]
                if (coalition.pk, country.pk) not in networks:
                    fields = {k: v for k, v in network.items() if k != "country"}
                    country_network_save(coalition=coalition, country=country, **fields, by=by)
                    self._count(slug, "country networks")

    def seed_work_plans(self, coalitions: dict[str, Coalition]) -> None:
        plan_list = WorkPlan.objects.filter(coalition__in=coalitions.values())
        plans = {(wp.coalition_id, wp.title): wp for wp in plan_list}
        ids = [wp.pk for wp in plans.values()]
        self.results = {(r.work_plan_id, r.code): r for r in Result.objects.filter(work_plan_id__in=ids)}
        self.outputs = {(o.result_id, o.code): o for o in Output.objects.filter(result__work_plan_id__in=ids)}
        activities = Activity.objects.filter(output__result__work_plan_id__in=ids)
        self.activities = {(a.output_id, a.code): a for a in activities}
        rounds = ReportingRound.objects.filter(work_plan_id__in=ids)
        self.rounds = {(r.work_plan_id, r.as_at): r for r in rounds}
        reports = StatusReport.objects.filter(round__work_plan_id__in=ids)
        self.reports = set(reports.values_list("activity_id", "round_id"))
        for slug in (c["slug"] for c in self.coalition_rows):
            coalition = coalitions[slug]
            for row in (p for p in self.plan_rows if p["coalition"] == slug):
                work_plan = plans.get((coalition.pk, row["title"]))
                created = work_plan is None
                if work_plan is None:
                    fields = {k: row[k] for k in ("title", "period_start", "period_end")}
                    notes, by = row.get("notes", ""), self.platform_user
                    work_plan = services.workplan_create(coalition=coalition, notes=notes, by=by, **fields)
                    self._count(slug, "work plans")
                placed = self.seed_structure(slug, work_plan, row, coalitions)
                if created and row.get("endorsed_on"):
                    on, by = row["endorsed_on"], self.platform_user
                    services.workplan_transition(work_plan=work_plan, to_state="endorsed", on=on, by=by)
                if work_plan.state == "endorsed":
                    self.seed_progress(slug, work_plan, row, placed)
            counts = self.report.by_coalition.get(slug, Counter())
            summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
            self.progress(f"{slug}: {summary or 'nothing to create'}")

    def seed_structure(
        self, slug: str, work_plan: WorkPlan, plan: Row, coalitions: dict[str, Coalition]
    ) -> list[tuple[Row, Activity]]:
        """Create the results, outputs and activities the work plan lacks; return its activities in order.

        Codes follow the order of writing: results "1", "2"; outputs "1.1", "1.2"; activities "i", "ii".
        """
        by = self.platform_user
        placed: list[tuple[Row, str, Output, Activity | None]] = []
        for r_index, r_row in enumerate(plan["results"], start=1):
            r_code, text, notes = str(r_index), r_row.get("description", ""), r_row.get("footnotes", "")
            result = self.results.get((work_plan.pk, r_code))
            if result is None or (notes and not result.footnotes):
                # A result seeded before results had footnotes gets them; what was edited since stays.
                result = services.result_save(
                    work_plan=work_plan,
                    code=r_code,
                    title=result.title if result else r_row["title"],
                    description=result.description if result else text,
                    footnotes=notes,
                    result=result,
                    by=by,
                )
                self._count(slug, "results" if result.version == 1 else "footnotes")
            result.work_plan = work_plan
            for o_index, o_row in enumerate(r_row["outputs"], start=1):
                o_code, text, notes = (
                    f"{r_code}.{o_index}",
                    o_row.get("description", ""),
                    o_row.get("footnotes", ""),
                )
                output = self.outputs.get((result.pk, o_code))
                if output is None or (notes and not output.footnotes):
                    output = services.output_save(
                        result=result,
                        code=o_code,
                        title=output.title if output else o_row["title"],
                        description=output.description if output else text,
                        footnotes=notes,
                        output=output,
                        by=by,
                    )
                    self._count(slug, "outputs" if output.version == 1 else "footnotes")
                output.result = result
                # An output may have no activities yet: it is part of the plan all the same.
                placed.extend(
                    (row, code, output, self.activities.get((output.pk, code)))
                    for row, code in zip(o_row.get("activities") or [], ROMAN, strict=False)
                )
        missing = [
            (o, self.activity_fields(row, code, coalitions)) for row, code, o, found in placed if not found
        ]
        created = iter(services.activity_bulk_create(rows=missing, by=by))
        activities = []
        for row, _, output, found in placed:
            activity = found or next(created)
            if found is None:
                self._count(slug, "activities")
            activity.output = output
            activities.append((row, activity))
        return activities

    def activity_fields(self, row: Row, code: str, coalitions: dict[str, Coalition]) -> Row:
        """Return an activity's fields; one in a country with a footnote (Kosovo) carries that footnote."""
        countries = split(row.get("countries", ""))
        notes = [row["footnote"]] if row.get("footnote") else []
        return {
            "code": code,
            "title": row["title"],
            "description": row["description"],
            "start_on": row.get("start_on"),
            "end_on": row.get("end_on"),
            "due_text": row.get("due_text", ""),
            "visibility": Visibility.INTERNAL if row.get("internal") else Visibility.PUBLIC,
            "footnotes": "\n".join(notes + [self.footnotes[c] for c in countries if c in self.footnotes]),
            "lead_entities": [self.entities[a] for a in split(row["leads"])],
            "partner_entities": [self.entities[a] for a in split(row.get("partners", ""))],
            "countries": [self.countries[c] for c in countries],
            "sdg_targets": [self.sdg_targets[t] for t in split(row.get("sdg_targets", ""))],
            "gcm_objectives": [self.gcm_objectives[int(n)] for n in split(row.get("gcm_objectives", ""))],
            "collaborating_coalitions": [coalitions[s] for s in split(row.get("collaborating", ""))],
        }

    def seed_progress(
        self, slug: str, work_plan: WorkPlan, plan: Row, activities: list[tuple[Row, Activity]]
    ) -> None:
        """Open the plan's reporting rounds that are not in the future, and record the reports they lack.

        A plan reports in the demo's rounds dated within its period.
        """
        plan_rounds = [r for r in self.round_rows if plan["period_start"] <= r["as_at"] <= plan["period_end"]]
        rounds: list[ReportingRound | None] = []
        for row in plan_rounds:
            round_ = self.rounds.get((work_plan.pk, row["as_at"]))
            if round_ is None and row["as_at"] > today():
                self.report.skipped_rounds.append(f"{slug}: {row['title']} ({row['as_at']})")
            elif round_ is None:
                as_at, title = row["as_at"], row["title"]
                round_ = services.reporting_round_create(
                    work_plan=work_plan, as_at=as_at, title=title, by=self.platform_user
                )
                self.rounds[(work_plan.pk, as_at)] = round_
                self._count(slug, "reporting rounds")
            rounds.append(round_)
        entries = []
        for row, activity in activities:
            leads = split(row["leads"])
            email = next((e for (s, a), e in FOCAL_POINT_USERS.items() if s == slug and a in leads), None)
            author = self.users[email or SECRETARIAT_USERS[slug]]
            statuses = derived_track(row, rounds=plan_rounds, year=plan["period_start"].year)
            for index, (round_, status) in enumerate(zip(rounds, statuses, strict=True)):
                if round_ is None or status is None or (activity.pk, round_.pk) in self.reports:
                    continue
                key = f"{slug}/{activity.output.code}/{activity.code}/{index}"
                comment = self.status_comment(row, status=status, round_=plan_rounds[index], key=key)
                entry = services.StatusEntry(
                    activity=activity, status=status, round=round_, comment=comment, by=author
                )
                entries.append(entry)
                self.reports.add((activity.pk, round_.pk))
        # Oldest round first, so that the history reads in the order the year went.
        entries.sort(key=lambda e: e.round.as_at if e.round else plan["period_start"])
        services.status_report_bulk_record(entries=entries)
        for _ in entries:
            self._count(slug, "status reports")

    def status_comment(self, activity: Row, *, status: str, round_: Row, key: str) -> str:
        """Return the comment the content gives for this round, or one chosen from the status's pool.

        The choice depends only on `key` (the activity and the round), so every run writes the same comment.
        """
        written: str = activity.get("comments", {}).get(round_["as_at"], "")
        if written:
            return written
        pool = self.status_comments[status]
        chosen = pool[zlib.crc32(key.encode()) % len(pool)]
        where, lead = _where(activity, self.countries), " and ".join(split(activity["leads"]))
        return chosen.format(where=where, lead=lead)

    def _count(self, slug: str, kind: str) -> None:
        self.counter[kind] += 1
        self.report.by_coalition.setdefault(slug, Counter())[kind] += 1

    def run(self) -> None:
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

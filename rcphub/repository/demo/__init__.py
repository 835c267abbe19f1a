"""Demo repository: stakeholders, practices, pledges with their reports, knowledge products, voluntary
reports and champion countries, read from the YAML file of each kind beside this module.

Seeded by `manage.py seed_demo` after the work-plan demo (users, coalitions). Everything goes through the
repository's services (draft, submit, return or publish) so that history and the search index are filled
as in real use. Idempotent: stakeholders are matched by acronym, practices by title, pledges by text,
reports by pledge and date, knowledge products by title, review cycles by slug, voluntary reports by
country and year (one recorded before cycles were kept gains its cycle and date), champions by country.

Reviews e-mail their submitters once the transaction commits; the seed sends those e-mails nowhere when it
runs in a transaction of its own. Called inside a caller's transaction, they go out when the caller
commits, with the site's mail backend: wrap that transaction in the same override to silence them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.test.utils import override_settings

from rcphub.accounts.models import User
from rcphub.core.dataversion import REPOSITORY, data_version_bump
from rcphub.core.demodata import demo_content
from rcphub.reference.models import Country, Entity
from rcphub.repository.models import (
    ChampionCountry,
    KnowledgeProduct,
    Pledge,
    PledgeReport,
    Practice,
    ReviewCycle,
    Submission,
    SubmissionState,
    VoluntaryReport,
)
from rcphub.repository.services import (
    champion_country_set,
    knowledge_product_create,
    pledge_create,
    pledge_report_create,
    practice_create,
    review_cycle_save,
    submission_publish,
    submission_return,
    submission_submit,
    voluntary_report_create,
    voluntary_report_update,
)

# The date the demo is written as at: every date in it is on or before it. Which pledges are inactive
# (no report for two years) is read as at this date in the tests, so that they do not age.
AS_AT = date(2026, 11, 20)
# Days between a pledge being made (or a report dated) and the secretariat publishing it, in the demo.
PLEDGE_REVIEW_DAYS = 21
REPORT_REVIEW_DAYS = 9
# A field a file leaves out takes the record's default; the review's fields are the loader's own.
REVIEW = {"by": "", "state": "published", "comment": "", "published_on": None}
PUBLISHED = SubmissionState.PUBLISHED


def _content(name: str) -> Any:
    return demo_content(__name__, name)


def repository_demo_seed(*, progress: Callable[[str], None] = lambda line: None) -> dict[str, int]:
    """Create the demo repository content that is missing; return what was created, by kind."""
    kinds = ("stakeholder entities", "practices", "pledges", "pledge reports", "knowledge products")
    created = dict.fromkeys((*kinds, "review cycles", "voluntary reports", "champion countries"), 0)
    # The demo tells nobody: each review e-mails its submitter after commit, and demo addresses are not
    # real. The transaction sits inside the override so that its commit sends them to no one (a caller
    # that holds a transaction of its own commits later, outside it: see the module docstring).
    dummy_mail = override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend")
    with dummy_mail, transaction.atomic():
        seeder = _Seeder(created)
        for step, said in (
            (seeder.stakeholders, ("stakeholder entities",)),
            (seeder.practices, ("practices",)),
            (seeder.pledges, ("pledges", "pledge reports")),
            (seeder.knowledge_products, ("knowledge products",)),
            (seeder.country_records, ("review cycles", "voluntary reports", "champion countries")),
        ):
            step()
            progress("repository: " + ", ".join(f"{created[kind]} {kind}" for kind in said))
    return created


def _split_review(spec: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return the spec's fields for the service (in the file's order) and those for the review."""
    return {k: v for k, v in spec.items() if k not in REVIEW}, {k: spec.get(k, v) for k, v in REVIEW.items()}


class _Seeder:
    def __init__(self, created: dict[str, int]) -> None:
        self.created = created
        people = _content("submitters")
        emails = [person["email"] for person in people["submitters"].values()]
        users = {u.email: u for u in User.objects.filter(email__in=[*emails, people["reviewer"]])}
        self.users = {key: users[person["email"]] for key, person in people["submitters"].items()}
        self.submitting_for = {key: person["entity"] for key, person in people["submitters"].items()}
        self.reviewer = users[people["reviewer"]]
        self.countries = {c.iso2: c for c in Country.objects.all()}
        self.entities: dict[str, Entity] = {}

    def _resolve(self, fields: dict[str, Any]) -> dict[str, Any]:
        """Return the fields with countries (ISO alpha-2) and entities (acronym) replaced by their records."""
        for name, value in fields.items():
            if name == "countries":
                fields[name] = [self.countries[code] for code in value]
            elif name in ("implementers", "partners"):
                fields[name] = [self.entities[acronym] for acronym in value]
            elif name in ("pledger", "lead_reporter", "submitted_by_entity"):
                fields[name] = self.entities[value] if value else None
        return fields

    def stakeholders(self) -> None:
        """Add the demo's invented stakeholders (civil society, unions, employers…) as entities."""
        self.entities = {e.acronym: e for e in Entity.objects.all()}
        for spec in _content("stakeholders"):
            if spec["acronym"] in self.entities:
                continue
            entity = Entity(**spec)
            entity.full_clean()
            entity._history_user = self.reviewer  # type: ignore[attr-defined]
            entity.save()
            self.entities[spec["acronym"]] = entity
            self.created["stakeholder entities"] += 1

    def practices(self) -> None:
        existing = set(Practice.objects.values_list("title", flat=True))
        for spec in _content("practices"):
            if spec["title"] in existing:
                continue
            fields, review = _split_review(spec)
            if "links" in fields:
                fields["links"] = "\n".join(fields["links"])
            fields["submitted_by_entity"] = self.submitting_for[review["by"]]
            by = self.users[review["by"]]
            practice = practice_create(by=by, **self._resolve(fields))
            self._review(practice, **{**review, "by": by})
            self.created["practices"] += 1

    def pledges(self) -> None:
        by_text = {p.text: p for p in Pledge.objects.all()}
        by_key: dict[str, Pledge] = {}
        reported = set(PledgeReport.objects.values_list("pledge_id", "reported_on"))
        for spec in _content("pledges"):
            fields, review = _split_review(spec)
            key, reports, by = fields.pop("key"), fields.pop("reports", []), self.users[review["by"]]
            pledge = by_text.get(fields["text"])
            if pledge is None:
                pledge = self._pledge(fields, reports, {**review, "by": by}, by_key)
                self.created["pledges"] += 1
            by_key[key] = pledge
            if pledge.state != SubmissionState.PUBLISHED:
                continue
            for report in reports:
                if (pledge.pk, report["reported_on"]) not in reported:
                    self._report(pledge, report, by=by)
                    self.created["pledge reports"] += 1

    def _pledge(
        self, fields: dict[str, Any], reports: list[Any], review: dict[str, Any], by_key: dict[str, Pledge]
    ) -> Pledge:
        # A pledge's stage is that of its latest report: the demo writes it as it stands now.
        published = [r["stage"] for r in reports if r.get("state", PUBLISHED) == PUBLISHED]
        if published:
            fields["stage"] = published[-1]
        if "matches" in fields:
            fields["matches"] = by_key[fields["matches"]]
        pledge = pledge_create(by=review["by"], **self._resolve(fields))
        made_on, published_on = fields.get("made_on"), None
        if made_on is not None:
            first_report = reports[0]["reported_on"] if reports else AS_AT
            published_on = min(made_on + timedelta(days=PLEDGE_REVIEW_DAYS), first_report, AS_AT)
        self._review(pledge, **{**review, "published_on": published_on})
        return pledge

    def _report(self, pledge: Pledge, spec: dict[str, Any], *, by: User) -> None:
        fields, review = _split_review(spec)
        report = pledge_report_create(pledge=pledge, by=by, **fields)
        published_on = min(fields["reported_on"] + timedelta(days=REPORT_REVIEW_DAYS), AS_AT)
        self._review(report, **{**review, "by": by, "published_on": published_on})

    def _review(
        self, item: Submission, *, by: User, state: str, comment: str, published_on: date | None
    ) -> None:
        """Take the draft to `state` as its submitter and the platform secretariat would."""
        if state == SubmissionState.DRAFT:
            return
        submission_submit(item=item, by=by)
        if state == SubmissionState.RETURNED:
            submission_return(item=item, by=self.reviewer, comment=comment)
        elif state == PUBLISHED:
            submission_publish(item=item, by=self.reviewer)
            if published_on is not None:
                _backdate_publication(item, published_on)

    def knowledge_products(self) -> None:
        existing = set(KnowledgeProduct.objects.values_list("title", flat=True))
        for spec in _content("knowledge_products"):
            if spec["title"] not in existing:
                knowledge_product_create(by=self.reviewer, **spec)
                self.created["knowledge products"] += 1

    def country_records(self) -> None:
        cycles = set(ReviewCycle.objects.values_list("slug", flat=True))
        for spec in _content("review_cycles"):
            if spec["slug"] not in cycles:
                review_cycle_save(by=self.reviewer, **spec)
                self.created["review cycles"] += 1
        reports = {
            (report.country.iso2, report.year): report
            for report in VoluntaryReport.objects.select_related("country")
        }
        for spec in _content("voluntary_reports"):
            report = reports.get((spec["country"], spec["year"]))
            if report is None:
                voluntary_report_create(
                    by=self.reviewer, **{**spec, "country": self.countries[spec["country"]]}
                )
                self.created["voluntary reports"] += 1
            elif report.review_cycle_id is None and spec.get("review_cycle"):
                # Seeded before review cycles were kept: give it its cycle and date, once.
                voluntary_report_update(
                    report=report,
                    by=self.reviewer,
                    review_cycle=spec["review_cycle"],
                    submitted_on=spec.get("submitted_on"),
                )
        champions = set(ChampionCountry.objects.values_list("country__iso2", flat=True))
        for spec in _content("champion_countries"):
            if spec["country"] not in champions:
                champion_country_set(by=self.reviewer, **{**spec, "country": self.countries[spec["country"]]})
                self.created["champion countries"] += 1


def _backdate_publication(item: Submission, published_on: date) -> None:
    """Date the publication in the past, as if the repository had been in use since 2022.

    The demo's one liberty with the record: publishing stamps today's date, and this queryset update
    changes it without a history record (history still shows the review as done on the day of seeding).
    """
    type(item)._default_manager.filter(pk=item.pk).update(published_on=published_on)
    data_version_bump(REPOSITORY)  # a queryset update sends no signal
    item.published_on = published_on

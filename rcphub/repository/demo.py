"""Demo repository: practices, pledges with their reports, knowledge products, voluntary reports and
champion countries, written in `demo_content`.

Seeded by `manage.py seed_demo` after the work-plan demo (which creates the users and coalitions
named here). Everything goes through the repository's services — draft, submit, return or publish —
so that history and the search index are filled as in real use. Idempotent: stakeholders are matched
by acronym, practices by title, pledges by text, reports by pledge and date, knowledge products by
title, voluntary reports by country and year, champions by country.

Reviews e-mail their submitters once the transaction commits; the seed sends those e-mails nowhere
when it runs in a transaction of its own. Called inside a caller's transaction, they go out when the
caller commits, with the site's mail backend: wrap that transaction in the same override to silence them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.test.utils import override_settings

from rcphub.accounts.models import User
from rcphub.reference.models import Country, Entity
from rcphub.repository import demo_content as content
from rcphub.repository.models import (
    ChampionCountry,
    KnowledgeProduct,
    Pledge,
    PledgeReport,
    Practice,
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
    submission_publish,
    submission_return,
    submission_submit,
    voluntary_report_create,
)

# Days between a pledge being made (or a report dated) and the secretariat publishing it, in the demo.
PLEDGE_REVIEW_DAYS = 21
REPORT_REVIEW_DAYS = 9


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def repository_demo_seed(*, progress: Callable[[str], None] = lambda line: None) -> dict[str, int]:
    """Create the demo repository content that is missing; return what was created, by kind."""
    created = {
        "stakeholder entities": 0,
        "practices": 0,
        "pledges": 0,
        "pledge reports": 0,
        "knowledge products": 0,
        "voluntary reports": 0,
        "champion countries": 0,
    }
    # The demo tells nobody: each review e-mails its submitter after commit, and demo addresses are not
    # real. The transaction sits inside the override so that its commit sends them to no one (a caller
    # that holds a transaction of its own commits later, outside it: see the module docstring).
    dummy_mail = override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend")
    with dummy_mail, transaction.atomic():
        seeder = _Seeder(created)
        seeder.stakeholders()
        progress(f"repository: {created['stakeholder entities']} stakeholder entities")
        seeder.practices()
        progress(f"repository: {created['practices']} practices")
        seeder.pledges()
        progress(f"repository: {created['pledges']} pledges, {created['pledge reports']} pledge reports")
        seeder.knowledge_products()
        progress(f"repository: {created['knowledge products']} knowledge products")
        seeder.country_records()
        progress(
            f"repository: {created['voluntary reports']} voluntary reports, "
            f"{created['champion countries']} champion countries"
        )
    return created


class _Seeder:
    def __init__(self, created: dict[str, int]) -> None:
        self.created = created
        emails = [email for email, _entity in content.SUBMITTERS.values()]
        users = {u.email: u for u in User.objects.filter(email__in=[*emails, content.REVIEWER])}
        self.users = {key: users[email] for key, (email, _entity) in content.SUBMITTERS.items()}
        self.reviewer = users[content.REVIEWER]
        self.countries = {c.iso2: c for c in Country.objects.all()}
        self.entities: dict[str, Entity] = {}

    def _load_entities(self) -> None:
        self.entities = {e.acronym: e for e in Entity.objects.all()}

    def _entities(self, acronyms: str) -> list[Entity]:
        return [self.entities[acronym] for acronym in _split(acronyms)]

    def _countries(self, codes: str) -> list[Country]:
        return [self.countries[code] for code in _split(codes)]

    # --- stakeholders ----------------------------------------------------------------------------------

    def stakeholders(self) -> None:
        """Add the demo's invented stakeholders (civil society, unions, employers…) as entities."""
        self._load_entities()
        for spec in content.STAKEHOLDERS:
            if spec.acronym in self.entities:
                continue
            entity = Entity(acronym=spec.acronym, name=spec.name, kind=spec.kind)
            entity.full_clean()
            entity._history_user = self.reviewer  # type: ignore[attr-defined]
            entity.save()
            self.entities[spec.acronym] = entity
            self.created["stakeholder entities"] += 1

    # --- practices -------------------------------------------------------------------------------------

    def practices(self) -> None:
        existing = set(Practice.objects.values_list("title", flat=True))
        for spec in content.PRACTICES:
            if spec.title in existing:
                continue
            by = self.users[spec.by]
            practice = practice_create(
                by=by,
                title=spec.title,
                summary=spec.summary,
                body=spec.body,
                gcm_objectives=spec.objectives,
                gcm_principles=_split(spec.principles),
                sdg_targets=_split(spec.sdg_targets),
                countries=self._countries(spec.countries),
                implementers=self._entities(spec.implementers),
                implementer_types=_split(spec.types),
                scope=spec.scope,
                period_start=spec.period[0],
                period_end=spec.period[1],
                links="\n".join(spec.links),
                contact=spec.contact,
                language=spec.language,
                submitted_by_entity=self.entities[content.SUBMITTERS[spec.by][1]],
            )
            self._review(
                practice, state=spec.state, by=by, comment=spec.comment, published_on=spec.published_on
            )
            self.created["practices"] += 1

    # --- pledges and their reports ------------------------------------------------------------------------

    def pledges(self) -> None:
        by_text = {p.text: p for p in Pledge.objects.all()}
        by_key: dict[str, Pledge] = {}
        reported = set(PledgeReport.objects.values_list("pledge_id", "reported_on"))
        for spec in content.PLEDGES:
            pledge = by_text.get(spec.text)
            if pledge is None:
                pledge = self._pledge(spec, by_key)
                self.created["pledges"] += 1
            by_key[spec.key] = pledge
            if pledge.state != SubmissionState.PUBLISHED:
                continue
            for report_spec in spec.reports:
                if (pledge.pk, report_spec.reported_on) in reported:
                    continue
                self._report(pledge, report_spec, by=self.users[spec.by])
                self.created["pledge reports"] += 1

    def _pledge(self, spec: content.PledgeSpec, by_key: dict[str, Pledge]) -> Pledge:
        by = self.users[spec.by]
        occasion, occasion_on = spec.occasion
        made_on = spec.made_on or occasion_on
        published = [report for report in spec.reports if report.state == content.PUBLISHED]
        fields: dict[str, Any] = {
            "pledger": self.entities[spec.pledger],
            "kind": spec.kind,
            "text": spec.text,
            "gcm_objectives": spec.objectives,
            "countries": self._countries(spec.countries),
            "partners": self._entities(spec.partners),
            "made_on": made_on,
            "occasion": occasion,
            # A pledge's stage is that of its latest report: the demo writes it as it stands now.
            "stage": published[-1].stage if published else spec.stage,
            "lead_reporter": self.entities[spec.lead_reporter] if spec.lead_reporter else None,
        }
        if spec.matches:
            fields["matches"] = by_key[spec.matches]
        pledge = pledge_create(by=by, **fields)
        published_on = None
        if made_on is not None:
            first_report = spec.reports[0].reported_on if spec.reports else content.AS_AT
            published_on = min(made_on + timedelta(days=PLEDGE_REVIEW_DAYS), first_report, content.AS_AT)
        self._review(pledge, state=spec.state, by=by, comment=spec.comment, published_on=published_on)
        return pledge

    def _report(self, pledge: Pledge, spec: content.ReportSpec, *, by: User) -> None:
        report = pledge_report_create(
            pledge=pledge, by=by, reported_on=spec.reported_on, stage=spec.stage, narrative=spec.narrative
        )
        published_on = min(spec.reported_on + timedelta(days=REPORT_REVIEW_DAYS), content.AS_AT)
        self._review(report, state=spec.state, by=by, comment=spec.comment, published_on=published_on)

    # --- the review ---------------------------------------------------------------------------------------

    def _review(
        self, item: Submission, *, state: str, by: User, comment: str, published_on: date | None
    ) -> None:
        """Take the draft to `state` as its submitter and the platform secretariat would."""
        if state == content.DRAFT:
            return
        submission_submit(item=item, by=by)
        if state == content.RETURNED:
            submission_return(item=item, by=self.reviewer, comment=comment)
        elif state == content.PUBLISHED:
            submission_publish(item=item, by=self.reviewer)
            if published_on is not None:
                _backdate_publication(item, published_on)

    # --- knowledge products, voluntary reports, champion countries ---------------------------------------

    def knowledge_products(self) -> None:
        existing = set(KnowledgeProduct.objects.values_list("title", flat=True))
        for spec in content.KNOWLEDGE_PRODUCTS:
            if spec.title in existing:
                continue
            knowledge_product_create(
                by=self.reviewer,
                title=spec.title,
                kind=spec.kind,
                coalition=spec.coalition,
                languages=spec.languages,
                visibility=spec.visibility,
                link=spec.link,
                published_on=spec.published_on,
            )
            self.created["knowledge products"] += 1

    def country_records(self) -> None:
        reports = set(VoluntaryReport.objects.values_list("country__iso2", "year"))
        for spec in content.VOLUNTARY_REPORTS:
            if (spec.country, spec.year) in reports:
                continue
            voluntary_report_create(
                by=self.reviewer, country=self.countries[spec.country], year=spec.year, link=spec.link
            )
            self.created["voluntary reports"] += 1
        champions = set(ChampionCountry.objects.values_list("country__iso2", flat=True))
        for champion in content.CHAMPIONS:
            if champion.country in champions:
                continue
            champion_country_set(
                by=self.reviewer,
                country=self.countries[champion.country],
                since=champion.since,
                note=champion.note,
            )
            self.created["champion countries"] += 1


def _backdate_publication(item: Submission, published_on: date) -> None:
    """Date the publication in the past, as if the repository had been in use since 2022.

    The demo's one liberty with the record: publishing stamps today's date, and this queryset update
    changes it without a history record (history still shows the review as done on the day of seeding).
    """
    type(item)._default_manager.filter(pk=item.pk).update(published_on=published_on)
    item.published_on = published_on

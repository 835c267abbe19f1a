"""API on the repository: practices, pledges and their reports, knowledge products, voluntary reports,
champion countries and the pledging dashboard.

Lists take the same filters as the repository's pages (one module, `repository.filters`) and have
facet counts beside them. Members submit practices, pledges and pledge reports; the secretariat
returns them with a comment or publishes them (422 naming the fields that fail the quality checks).
What one may not see answers 404, like what does not exist. Handlers translate HTTP only.
"""

from datetime import date
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from ninja import Field, File, Form, Query, Router, Schema
from ninja.files import UploadedFile
from ninja.pagination import paginate

from rcphub.api.errors import api_field_names
from rcphub.api.pagination import Pagination
from rcphub.core.dates import today
from rcphub.core.errors import NotFound
from rcphub.reference.models import EntityKind
from rcphub.repository import selectors, services
from rcphub.repository.filters import KNOWLEDGE, PLEDGES, PRACTICES, repository_filter
from rcphub.repository.models import (
    ChampionCountry,
    KnowledgeKind,
    KnowledgeProduct,
    Pledge,
    PledgeKind,
    PledgeReport,
    PledgeStage,
    Practice,
    Scope,
    Submission,
    SubmissionState,
    VoluntaryReport,
)

router = Router(tags=["repository"])

MAX_ID = 2**63 - 1
YEAR_MIN, YEAR_MAX = 1900, 2100

# ---------------------------------------------------------------------------------------------
# Schemas: what is shown


class EntityRef(Schema):
    id: int
    acronym: str
    name: str
    kind: str


class SubmissionOut(Schema):
    """The workflow fields every practice, pledge and pledge report carries."""

    state: SubmissionState
    published_on: date | None
    review_comment: str = Field(
        description="The secretariat's comment on a returned submission; shown to its submitter and the secretariat."
    )
    version: int = Field(description="Send it back when you change the submission: a stale one answers 409.")

    @staticmethod
    def resolve_review_comment(item: Submission) -> str:
        # Readers of a published submission are anyone; the comment is for the submitter and reviewers.
        return item.review_comment if item.state != SubmissionState.PUBLISHED else ""


class PracticeOut(SubmissionOut):
    id: int
    title: str
    summary: str
    body: str
    gcm_objectives: list[int] = Field(description="Numbers of the GCM objectives (1–23).")
    gcm_principles: list[str] = Field(description="Letters of the GCM guiding principles.")
    sdg_targets: list[str] = Field(description="Codes of the SDG targets.")
    countries: list[str] = Field(description="ISO alpha-3 codes of the countries where it is implemented.")
    implementers: list[EntityRef]
    implementer_types: list[str] = Field(description="Codes of the implementer types.")
    scope: Scope | Literal[""]
    period_start: int | None
    period_end: int | None
    links: list[str]
    contact: str
    language: str
    submitted_by_entity: EntityRef | None

    @staticmethod
    def resolve_gcm_objectives(practice: Practice) -> list[int]:
        return [o.number for o in practice.gcm_objectives.all()]

    @staticmethod
    def resolve_gcm_principles(practice: Practice) -> list[str]:
        return [p.letter for p in practice.gcm_principles.all()]

    @staticmethod
    def resolve_sdg_targets(practice: Practice) -> list[str]:
        return [t.code for t in practice.sdg_targets.all()]

    @staticmethod
    def resolve_countries(practice: Practice) -> list[str]:
        return [c.iso3 for c in practice.countries.all()]

    @staticmethod
    def resolve_implementers(practice: Practice) -> list[Any]:
        return list(practice.implementers.all())

    @staticmethod
    def resolve_implementer_types(practice: Practice) -> list[str]:
        return [t.code for t in practice.implementer_types.all()]

    @staticmethod
    def resolve_links(practice: Practice) -> list[str]:
        return [line.strip() for line in practice.links.splitlines() if line.strip()]


class PledgeOut(SubmissionOut):
    id: int
    pledger: EntityRef
    pledger_kind: Literal["member_state", "stakeholder"] = Field(
        description="A Member State, or a stakeholder (any other entity)."
    )
    kind: PledgeKind
    partners: list[EntityRef]
    matches: int | None = Field(alias="matches_id", description="The id of the pledge it matches, if any.")
    text: str
    gcm_objectives: list[int] = Field(description="Numbers of the GCM objectives (1–23).")
    countries: list[str] = Field(description="ISO alpha-3 codes.")
    made_on: date | None
    occasion: str
    stage: PledgeStage
    lead_reporter: EntityRef | None
    last_reported_on: date | None = Field(description="The date of its latest published report, if any.")
    inactive: bool = Field(description="Not fulfilled, and nothing reported for two years as at `as_at`.")

    @staticmethod
    def resolve_pledger_kind(pledge: Pledge) -> str:
        return "member_state" if pledge.pledger.kind == EntityKind.MEMBER_STATE else "stakeholder"

    @staticmethod
    def resolve_partners(pledge: Pledge) -> list[Any]:
        return list(pledge.partners.all())

    @staticmethod
    def resolve_gcm_objectives(pledge: Pledge) -> list[int]:
        return [o.number for o in pledge.gcm_objectives.all()]

    @staticmethod
    def resolve_countries(pledge: Pledge) -> list[str]:
        return [c.iso3 for c in pledge.countries.all()]


class PledgeReportOut(SubmissionOut):
    id: int
    pledge: int = Field(alias="pledge_id")
    reported_on: date
    stage: PledgeStage
    narrative: str


class KnowledgeProductOut(Schema):
    id: int
    title: str
    kind: KnowledgeKind
    coalition: str | None = Field(description="The coalition's slug, if any.")
    languages: list[str]
    visibility: str
    file_url: str | None = Field(description="Where to download its file, if it has one.")
    link: str
    published_on: date | None

    @staticmethod
    def resolve_coalition(product: KnowledgeProduct) -> str | None:
        return product.coalition.slug if product.coalition is not None else None

    @staticmethod
    def resolve_languages(product: KnowledgeProduct) -> list[str]:
        return [code.strip() for code in product.languages.split(",") if code.strip()]

    @staticmethod
    def resolve_file_url(product: KnowledgeProduct) -> str | None:
        # Through the page that checks who may see the product: files are never served from /media/.
        return reverse("repository:knowledge_file", args=[product.pk]) if product.file else None


class VoluntaryReportOut(Schema):
    id: int
    country: str = Field(alias="country.iso3")
    country_name: str = Field(alias="country.name_en")
    year: int
    link: str


class ChampionCountryOut(Schema):
    id: int
    country: str = Field(alias="country.iso3")
    country_name: str = Field(alias="country.name_en")
    since: date | None
    note: str


class FacetValueOut(Schema):
    value: str = Field(description="The value to send in the filter's parameter.")
    label: str
    count: int
    selected: bool


class FacetOut(Schema):
    name: str = Field(description="The filter's name in the query string.")
    label: str
    values: list[FacetValueOut]


class FacetsOut(Schema):
    count: int = Field(description="How many items match the filters as given.")
    facets: list[FacetOut] = Field(
        description="For each filter, how many items each of its values would give with the other filters kept."
    )


class DashboardCountOut(Schema):
    key: str
    label: str
    count: int


class PledgingDashboardOut(Schema):
    as_at: date
    total: int = Field(description="Published pledges.")
    by_objective: list[DashboardCountOut] = Field(description="All 23 GCM objectives, with zeros.")
    by_pledger: list[DashboardCountOut] = Field(description="Member States and stakeholders.")
    by_stakeholder_kind: list[DashboardCountOut] = Field(description="The stakeholders by kind of entity.")
    by_stage: list[DashboardCountOut]
    inactive_count: int = Field(description="Published pledges inactive as at the date.")
    inactive: list[PledgeOut] = Field(
        description="The longest silent of them (at most 50); the pledge list filters by `inactive`."
    )


# ---------------------------------------------------------------------------------------------
# Schemas: what is sent


class PracticeIn(Schema):
    title: str = Field(min_length=1, max_length=300)
    summary: str = Field("", max_length=5000)
    body: str = Field("", max_length=50_000)
    gcm_objectives: list[int] = Field([], max_length=23, description="Numbers of GCM objectives (1–23).")
    gcm_principles: list[str] = Field([], max_length=10, description="Letters of GCM guiding principles.")
    sdg_targets: list[str] = Field([], max_length=200, description="Codes of SDG targets, e.g. 10.7.")
    countries: list[str] = Field([], max_length=300, description="ISO alpha-3 codes, e.g. SRB.")
    implementers: list[int] = Field([], max_length=100, description="Ids of entities.")
    implementer_types: list[str] = Field([], max_length=20, description="Codes of implementer types.")
    scope: Scope | Literal[""] = ""
    period_start: int | None = Field(None, ge=YEAR_MIN, le=YEAR_MAX)
    period_end: int | None = Field(None, ge=YEAR_MIN, le=YEAR_MAX)
    links: str = Field("", max_length=5000, description="One address a line.")
    contact: str = Field("", max_length=300)
    language: str = Field("en", max_length=10)
    submitted_by_entity: int | None = Field(
        None, ge=1, le=MAX_ID, description="The entity it is submitted for."
    )


class PracticeUpdateIn(Schema):
    version: int | None = Field(None, description="The version you read; a stale one answers 409.")
    title: str | None = Field(None, min_length=1, max_length=300)
    summary: str | None = Field(None, max_length=5000)
    body: str | None = Field(None, max_length=50_000)
    gcm_objectives: list[int] | None = Field(None, max_length=23)
    gcm_principles: list[str] | None = Field(None, max_length=10)
    sdg_targets: list[str] | None = Field(None, max_length=200)
    countries: list[str] | None = Field(None, max_length=300)
    implementers: list[int] | None = Field(None, max_length=100)
    implementer_types: list[str] | None = Field(None, max_length=20)
    scope: Scope | Literal[""] | None = None
    period_start: int | None = Field(None, ge=YEAR_MIN, le=YEAR_MAX)
    period_end: int | None = Field(None, ge=YEAR_MIN, le=YEAR_MAX)
    links: str | None = Field(None, max_length=5000)
    contact: str | None = Field(None, max_length=300)
    language: str | None = Field(None, max_length=10)
    submitted_by_entity: int | None = Field(None, ge=1, le=MAX_ID)


class PledgeIn(Schema):
    pledger: int = Field(
        ge=1, le=MAX_ID, description="The id of the pledging entity (a Member State or other)."
    )
    kind: PledgeKind = PledgeKind.OWN
    partners: list[int] = Field([], max_length=100, description="Ids of partner entities (joint pledges).")
    matches: int | None = Field(None, description="The id of the pledge it matches (matching pledges).")
    text: str = Field(min_length=1, max_length=10_000)
    gcm_objectives: list[int] = Field([], max_length=23, description="Numbers of GCM objectives (1–23).")
    countries: list[str] = Field([], max_length=300, description="ISO alpha-3 codes.")
    made_on: date | None = None
    occasion: str = Field("", max_length=200)
    stage: PledgeStage = PledgeStage.PLANNING
    lead_reporter: int | None = Field(None, ge=1, le=MAX_ID)


class PledgeUpdateIn(Schema):
    version: int | None = Field(None, description="The version you read; a stale one answers 409.")
    pledger: int | None = Field(None, ge=1, le=MAX_ID)
    kind: PledgeKind | None = None
    partners: list[int] | None = Field(None, max_length=100)
    matches: int | None = None
    text: str | None = Field(None, min_length=1, max_length=10_000)
    gcm_objectives: list[int] | None = Field(None, max_length=23)
    countries: list[str] | None = Field(None, max_length=300)
    made_on: date | None = None
    occasion: str | None = Field(None, max_length=200)
    stage: PledgeStage | None = None
    lead_reporter: int | None = Field(None, ge=1, le=MAX_ID)


class PledgeReportIn(Schema):
    reported_on: date
    stage: PledgeStage
    narrative: str = Field(min_length=1, max_length=20_000)


class PledgeReportUpdateIn(Schema):
    version: int | None = Field(None, description="The version you read; a stale one answers 409.")
    reported_on: date | None = None
    stage: PledgeStage | None = None
    narrative: str | None = Field(None, min_length=1, max_length=20_000)


class ReturnIn(Schema):
    comment: str = Field(max_length=5000, description="What the submitter should change; required.")


class PublishIn(Schema):
    comment: str = Field("", max_length=5000)


class KnowledgeProductIn(Schema):
    title: str = Field(min_length=1, max_length=300)
    kind: KnowledgeKind
    coalition: str | None = Field(
        None, max_length=60, description="The coalition's slug or id; none for the platform."
    )
    languages: list[str] = Field(
        ["en"], min_length=1, max_length=30, description="Language codes: en, fr, ru."
    )
    visibility: Literal["public", "internal"] = "public"
    link: str = Field("", max_length=500, description="A link to the product (or upload a file instead).")
    published_on: date | None = None


class KnowledgeProductUpdateIn(Schema):
    title: str | None = Field(None, min_length=1, max_length=300)
    kind: KnowledgeKind | None = None
    coalition: str | None = Field(None, max_length=60)
    languages: list[str] | None = Field(None, min_length=1, max_length=30)
    visibility: Literal["public", "internal"] | None = None
    link: str | None = Field(None, max_length=500)
    published_on: date | None = None


class KnowledgeProductForm(Schema):
    """The fields of a knowledge product sent as a form, with its file."""

    title: str = Field(min_length=1, max_length=300)
    kind: KnowledgeKind
    coalition: str | None = Field(None, max_length=60)
    languages: str = Field("en", max_length=100, description="Comma-separated language codes: en, fr.")
    visibility: Literal["public", "internal"] = "public"
    link: str = Field("", max_length=500)
    published_on: date | None = None


class AsAtQuery(Schema):
    as_at: date | None = Field(None, description="The date `inactive` is worked out at; today if left out.")


# The filters, for the schema only: the query string itself goes to `repository.filters`, which the
# pages use too, so that both accept and refuse the same values (422 naming the field here).
_MANY = "Repeat the parameter for several values: any of them matches."


class PracticeFilterQuery(Schema):
    objective: list[str] = Field([], description="GCM objective numbers (1–23). " + _MANY)
    country: list[str] = Field([], description="ISO alpha-3 codes of countries where implemented. " + _MANY)
    implementer_type: list[str] = Field([], description="Implementer type codes. " + _MANY)
    scope: list[str] = Field([], description="local, national, regional, multi_level, global. " + _MANY)
    year: int | None = Field(None, description="A year within the practice's period.")
    q: str = Field("", description="Words in the title or summary.")
    sort: Literal["newest", "oldest", "title"] | None = None


class PledgeFilterQuery(Schema):
    objective: list[str] = Field([], description="GCM objective numbers (1–23). " + _MANY)
    country: list[str] = Field([], description="ISO alpha-3 codes. " + _MANY)
    stage: list[str] = Field([], description="planning, in_progress, fulfilled. " + _MANY)
    kind: list[str] = Field([], description="own, partnership, matching. " + _MANY)
    pledger_type: list[str] = Field([], description="The pledger's kind of entity: member_state, … " + _MANY)
    year: int | None = Field(None, description="The year the pledge was made.")
    inactive: bool | None = Field(
        None, description="Only inactive (true) or active (false) pledges, as at today."
    )
    q: str = Field("", description="Words in the pledge, its occasion or its pledger's name.")
    sort: Literal["newest", "oldest", "pledger"] | None = None


class KnowledgeFilterQuery(Schema):
    kind: list[str] = Field([], description="guidance, toolkit, key_messages, … " + _MANY)
    coalition: list[str] = Field([], description="Coalition slugs. " + _MANY)
    year: int | None = Field(None, description="The year it was published.")
    q: str = Field("", description="Words in the title.")
    sort: Literal["newest", "oldest", "title"] | None = None


# ---------------------------------------------------------------------------------------------
# Helpers


def _refuse_nulls(model: type[Model], fields: dict[str, Any]) -> None:
    """Refuse null for a field that cannot be empty that way (422 naming it), rather than fail on saving."""
    refused = {
        name: _("This field cannot be null.")
        for name, value in fields.items()
        if value is None and not model._meta.get_field(name).null
    }
    if refused:
        raise ValidationError(refused)


def _updates(payload: Schema, model: type[Model]) -> tuple[int | None, dict[str, Any]]:
    """Return the expected version and the fields actually sent (a field sent as null included)."""
    fields = payload.dict(exclude_unset=True)
    version = fields.pop("version", None)
    _refuse_nulls(model, fields)
    return version, {
        name: (value.value if hasattr(value, "value") else value) for name, value in fields.items()
    }


def _values(payload: Schema) -> dict[str, Any]:
    return {
        name: (value.value if hasattr(value, "value") else value) for name, value in payload.dict().items()
    }


def _practices(qs: QuerySet[Practice]) -> QuerySet[Practice]:
    return qs.select_related("submitted_by_entity").prefetch_related(
        "gcm_objectives", "gcm_principles", "sdg_targets", "countries", "implementers", "implementer_types"
    )


def _pledges(qs: QuerySet[Pledge]) -> QuerySet[Pledge]:
    return qs.select_related("pledger", "lead_reporter").prefetch_related(
        "partners", "gcm_objectives", "countries"
    )


def _submission_for_review(item_id: int, *, user: Any, kind: str) -> Any:
    if kind == "practice":
        return selectors.practice_get(practice_id=item_id, user=user)
    if kind == "pledge":
        return selectors.pledge_get(pledge_id=item_id, user=user)
    return selectors.pledge_report_get(report_id=item_id, user=user)


def _practice(practice_id: int, user: Any) -> Practice:
    return _practices(selectors.practice_list(user=user)).filter(pk=practice_id).first() or _missing()


def _pledge(pledge_id: int, user: Any, as_at: date | None = None) -> Pledge:
    return _pledges(selectors.pledge_list(user=user, as_at=as_at)).filter(pk=pledge_id).first() or _missing()


def _missing() -> Any:
    raise NotFound


FACET_LABELS: dict[str, Any] = {
    "objective": _lazy("GCM objective"),
    "country": _lazy("Country"),
    "implementer_type": _lazy("Implementer type"),
    "scope": _lazy("Scope"),
    "year": _lazy("Year"),
    "stage": _lazy("Stage"),
    "kind": _lazy("Kind"),
    "pledger_type": _lazy("Kind of pledger"),
    "coalition": _lazy("Coalition"),
}


def _filtered(kind: str, request: HttpRequest) -> QuerySet[Any]:
    """Return the list filtered and sorted by the query string, as the pages do (422 naming bad fields)."""
    return repository_filter(kind, user=request.user, params=request.GET, facets=()).items


def _facets(kind: str, request: HttpRequest) -> dict[str, Any]:
    filtered = repository_filter(kind, user=request.user, params=request.GET)
    return {
        "count": filtered.items.count(),
        "facets": [
            {"name": name, "label": str(FACET_LABELS.get(name, name)), "values": values}
            for name, values in filtered.facets.items()
        ],
    }


# ---------------------------------------------------------------------------------------------
# Practices


@router.get("/practices", response=list[PracticeOut])
@paginate(Pagination)
def list_practices(request: HttpRequest, filters: Query[PracticeFilterQuery]) -> QuerySet[Practice]:
    """List the practices you may see (published ones; your own drafts; everything for the secretariat),
    filtered and sorted as on the repository's pages."""
    return _practices(_filtered(PRACTICES, request))


@router.get("/practices/facets", response=FacetsOut)
def practice_facets(request: HttpRequest, filters: Query[PracticeFilterQuery]) -> dict[str, Any]:
    """Count the practices you may see for each value of each filter, the other filters kept."""
    return _facets(PRACTICES, request)


@router.get("/practices/{practice_id}", response=PracticeOut)
def get_practice(request: HttpRequest, practice_id: int) -> Practice:
    """Show a practice you may see."""
    return _practice(practice_id, request.user)


@router.post("/practices", response={201: PracticeOut})
def create_practice(request: HttpRequest, payload: PracticeIn) -> Practice:
    """Draft a practice; any member may. Submit it when it is ready."""
    practice = services.practice_create(by=request.user, **_values(payload))
    return _practice(practice.pk, request.user)


@router.patch("/practices/{practice_id}", response=PracticeOut)
def update_practice(request: HttpRequest, practice_id: int, payload: PracticeUpdateIn) -> Practice:
    """Change your draft or returned practice; send only the fields to change."""
    practice = selectors.practice_get_for_edit(practice_id=practice_id, user=request.user)
    version, fields = _updates(payload, Practice)
    services.practice_update(practice=practice, by=request.user, expected_version=version, **fields)
    return _practice(practice_id, request.user)


# ---------------------------------------------------------------------------------------------
# Pledges


@router.get("/pledges", response=list[PledgeOut])
@paginate(Pagination)
def list_pledges(request: HttpRequest, filters: Query[PledgeFilterQuery]) -> QuerySet[Pledge]:
    """List the pledges you may see, filtered and sorted as on the repository's pages, each with its
    latest report date and whether it is inactive today."""
    return _pledges(_filtered(PLEDGES, request))


@router.get("/pledges/facets", response=FacetsOut)
def pledge_facets(request: HttpRequest, filters: Query[PledgeFilterQuery]) -> dict[str, Any]:
    """Count the pledges you may see for each value of each filter, the other filters kept."""
    return _facets(PLEDGES, request)


@router.get("/pledges/dashboard", response=PledgingDashboardOut)
def pledging_dashboard(request: HttpRequest, query: Query[AsAtQuery]) -> selectors.PledgingDashboard:
    """The pledging dashboard: published pledges by GCM objective, kind of pledger and stage, and the
    inactive ones as at a date (the same figures as the dashboard page)."""
    dashboard = selectors.pledging_dashboard(user=request.user, as_at=query.as_at or today())
    return dashboard


@router.get("/pledges/{pledge_id}", response=PledgeOut)
def get_pledge(request: HttpRequest, pledge_id: int, query: Query[AsAtQuery]) -> Pledge:
    """Show a pledge you may see."""
    return _pledge(pledge_id, request.user, query.as_at)


@router.post("/pledges", response={201: PledgeOut})
def create_pledge(request: HttpRequest, payload: PledgeIn) -> Pledge:
    """Draft a pledge; any member may. A matching pledge names the pledge it matches; a joint one its partners."""
    pledge = services.pledge_create(by=request.user, **_values(payload))
    return _pledge(pledge.pk, request.user)


@router.patch("/pledges/{pledge_id}", response=PledgeOut)
def update_pledge(request: HttpRequest, pledge_id: int, payload: PledgeUpdateIn) -> Pledge:
    """Change your draft or returned pledge; send only the fields to change."""
    pledge = selectors.pledge_get(pledge_id=pledge_id, user=request.user)
    version, fields = _updates(payload, Pledge)
    services.pledge_update(pledge=pledge, by=request.user, expected_version=version, **fields)
    return _pledge(pledge_id, request.user)


# ---------------------------------------------------------------------------------------------
# Pledge reports


@router.get("/pledge-reports", response=list[PledgeReportOut])
@paginate(Pagination)
def list_pledge_reports(request: HttpRequest) -> QuerySet[PledgeReport]:
    """List the reports you may see on pledges you may see, latest first."""
    return selectors.pledge_report_list(user=request.user).order_by("-reported_on", "-pk")


@router.get("/pledges/{pledge_id}/reports", response=list[PledgeReportOut])
def list_reports_of_pledge(request: HttpRequest, pledge_id: int) -> QuerySet[PledgeReport]:
    """List the reports you may see on a pledge, latest first."""
    pledge = selectors.pledge_get(pledge_id=pledge_id, user=request.user)
    return selectors.pledge_report_list(user=request.user, pledge=pledge).order_by("-reported_on", "-pk")


@router.get("/pledge-reports/{report_id}", response=PledgeReportOut)
def get_pledge_report(request: HttpRequest, report_id: int) -> PledgeReport:
    """Show a pledge report you may see."""
    return selectors.pledge_report_get(report_id=report_id, user=request.user)


@router.post("/pledges/{pledge_id}/reports", response={201: PledgeReportOut})
def create_pledge_report(request: HttpRequest, pledge_id: int, payload: PledgeReportIn) -> PledgeReport:
    """Draft a report on a published pledge; any member may."""
    pledge = selectors.pledge_get(pledge_id=pledge_id, user=request.user)
    return services.pledge_report_create(pledge=pledge, by=request.user, **_values(payload))


@router.patch("/pledge-reports/{report_id}", response=PledgeReportOut)
def update_pledge_report(request: HttpRequest, report_id: int, payload: PledgeReportUpdateIn) -> PledgeReport:
    """Change your draft or returned pledge report; send only the fields to change."""
    report = selectors.pledge_report_get(report_id=report_id, user=request.user)
    version, fields = _updates(payload, PledgeReport)
    return services.pledge_report_update(report=report, by=request.user, expected_version=version, **fields)


# ---------------------------------------------------------------------------------------------
# The workflow: submit (the submitter), return and publish (the secretariat)


def _shown(kind: str, item: Any, user: Any) -> Any:
    if kind == "practice":
        return _practice(item.pk, user)
    if kind == "pledge":
        return _pledge(item.pk, user)
    return item


def _workflow_routes(path: str, kind: str, out: type[Schema]) -> None:
    """Add the submit, return and publish actions on one kind of submission."""

    @router.post(f"/{path}/{{item_id}}/submit", response=out, operation_id=f"submit_{kind}")
    def submit(request: HttpRequest, item_id: int) -> Any:
        """Send your draft (or your returned submission, fixed) to the secretariat."""
        item = _submission_for_review(item_id, user=request.user, kind=kind)
        return _shown(kind, services.submission_submit(item=item, by=request.user), request.user)

    @router.post(f"/{path}/{{item_id}}/return", response=out, operation_id=f"return_{kind}")
    def return_(request: HttpRequest, item_id: int, payload: ReturnIn) -> Any:
        """Return a submission to its submitter with what to change (the secretariat)."""
        item = _submission_for_review(item_id, user=request.user, kind=kind)
        with api_field_names(review_comment="comment"):
            returned = services.submission_return(item=item, by=request.user, comment=payload.comment)
        return _shown(kind, returned, request.user)

    @router.post(f"/{path}/{{item_id}}/publish", response=out, operation_id=f"publish_{kind}")
    def publish(request: HttpRequest, item_id: int, payload: PublishIn) -> Any:
        """Publish a submission that passes the quality checks (the secretariat); 422 names what fails."""
        item = _submission_for_review(item_id, user=request.user, kind=kind)
        published = services.submission_publish(item=item, by=request.user, comment=payload.comment)
        return _shown(kind, published, request.user)


_workflow_routes("practices", "practice", PracticeOut)
_workflow_routes("pledges", "pledge", PledgeOut)
_workflow_routes("pledge-reports", "report", PledgeReportOut)


# ---------------------------------------------------------------------------------------------
# Knowledge products


def _products(qs: QuerySet[KnowledgeProduct]) -> QuerySet[KnowledgeProduct]:
    return qs.select_related("coalition")


@router.get("/knowledge-products", response=list[KnowledgeProductOut])
@paginate(Pagination)
def list_knowledge_products(
    request: HttpRequest, filters: Query[KnowledgeFilterQuery]
) -> QuerySet[KnowledgeProduct]:
    """List the knowledge products you may see (public ones, and your coalitions' internal ones),
    filtered and sorted as on the repository's pages."""
    return _products(_filtered(KNOWLEDGE, request))


@router.get("/knowledge-products/facets", response=FacetsOut)
def knowledge_product_facets(request: HttpRequest, filters: Query[KnowledgeFilterQuery]) -> dict[str, Any]:
    """Count the knowledge products you may see for each value of each filter, the other filters kept."""
    return _facets(KNOWLEDGE, request)


@router.post("/knowledge-products/upload", response={201: KnowledgeProductOut})
def upload_knowledge_product(
    request: HttpRequest, payload: Form[KnowledgeProductForm], file: File[UploadedFile]
) -> KnowledgeProduct:
    """Add a knowledge product with its file, sent as multipart form data (size and type limits apply)."""
    fields = _product_fields(payload.dict())
    return services.knowledge_product_create(by=request.user, file=file, **fields)


@router.get("/knowledge-products/{product_id}", response=KnowledgeProductOut)
def get_knowledge_product(request: HttpRequest, product_id: int) -> KnowledgeProduct:
    """Show a knowledge product you may see."""
    return selectors.knowledge_product_get(product_id=product_id, user=request.user)


def _product_fields(values: dict[str, Any]) -> dict[str, Any]:
    return {name: (value.value if hasattr(value, "value") else value) for name, value in values.items()}


@router.post("/knowledge-products", response={201: KnowledgeProductOut})
def create_knowledge_product(request: HttpRequest, payload: KnowledgeProductIn) -> KnowledgeProduct:
    """Add a knowledge product with a link (the platform secretariat, or a coalition's secretariat for its own)."""
    return services.knowledge_product_create(by=request.user, **_product_fields(payload.dict()))


@router.patch("/knowledge-products/{product_id}", response=KnowledgeProductOut)
def update_knowledge_product(
    request: HttpRequest, product_id: int, payload: KnowledgeProductUpdateIn
) -> KnowledgeProduct:
    """Change a knowledge product you manage; send only the fields to change."""
    product = selectors.knowledge_product_get(product_id=product_id, user=request.user)
    fields = _product_fields(payload.dict(exclude_unset=True))
    _refuse_nulls(KnowledgeProduct, fields)
    return services.knowledge_product_update(product=product, by=request.user, **fields)


@router.delete("/knowledge-products/{product_id}", response={204: None})
def delete_knowledge_product(request: HttpRequest, product_id: int) -> None:
    """Delete a knowledge product you manage, and its file."""
    product = selectors.knowledge_product_get(product_id=product_id, user=request.user)
    services.knowledge_product_delete(product=product, by=request.user)
    return None


# ---------------------------------------------------------------------------------------------
# Voluntary reports and champion countries (public)


@router.get("/voluntary-reports", response=list[VoluntaryReportOut])
@paginate(Pagination)
def list_voluntary_reports(request: HttpRequest) -> QuerySet[VoluntaryReport]:
    """List Member States' voluntary reports on implementing the Global Compact, latest year first."""
    return selectors.voluntary_report_list().order_by("-year", "country__name_en", "pk")


@router.get("/voluntary-reports/{report_id}", response=VoluntaryReportOut)
def get_voluntary_report(request: HttpRequest, report_id: int) -> VoluntaryReport:
    """Show a voluntary report."""
    return selectors.voluntary_report_list().filter(pk=report_id).first() or _missing()


@router.get("/champion-countries", response=list[ChampionCountryOut])
@paginate(Pagination)
def list_champion_countries(request: HttpRequest) -> QuerySet[ChampionCountry]:
    """List the champion countries of the Global Compact in the region."""
    return selectors.champion_country_list().order_by("country__name_en", "pk")


@router.get("/champion-countries/{champion_id}", response=ChampionCountryOut)
def get_champion_country(request: HttpRequest, champion_id: int) -> ChampionCountry:
    """Show a champion country."""
    return selectors.champion_country_list().filter(pk=champion_id).first() or _missing()

"""Writes on the repository: the submission workflow of practices, pledges and pledge reports;
knowledge products, voluntary reports and champion countries.

Each service is the one write path for its change, in one transaction. The moves allowed are in
`models.SUBMISSION_TRANSITIONS`; quality checks run before publishing; the submitter is told by
e-mail when the secretariat publishes or returns a submission.

Related objects may be given as instances or by their codes, as the API and forms receive them:
GCM objectives by number (1–23), GCM principles by letter, SDG targets by code, countries by ISO3
code, implementer types by code, entities (pledger, partners, implementers, lead reporter) and the
matched pledge by id. An unknown one is refused with a ValidationError naming the field.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from rcphub.coalitions.models import Coalition
from rcphub.core.dates import today
from rcphub.core.errors import TransitionError
from rcphub.core.validators import validate_upload
from rcphub.reference.models import Country, Entity, GcmObjective, GcmPrinciple, SdgTarget
from rcphub.repository.models import (
    SUBMISSION_TRANSITIONS,
    ChampionCountry,
    ImplementerType,
    KnowledgeProduct,
    Pledge,
    PledgeKind,
    PledgeReport,
    PledgeStage,
    Practice,
    Submission,
    SubmissionState,
    VoluntaryReport,
)
from rcphub.repository.permissions import (
    can_create_knowledge_product,
    can_edit_submission,
    can_manage_country_records,
    can_manage_knowledge_product,
    can_submit,
    can_transition_submission,
)
from rcphub.repository.selectors import submission_visibility_q

S = TypeVar("S", bound=Submission)

SUMMARY_MIN, SUMMARY_MAX = 40, 1500

PRACTICE_FIELDS = (
    "title",
    "summary",
    "body",
    "scope",
    "period_start",
    "period_end",
    "links",
    "contact",
    "language",
    "submitted_by_entity",
)
PRACTICE_M2M = (
    "gcm_objectives",
    "gcm_principles",
    "sdg_targets",
    "countries",
    "implementers",
    "implementer_types",
)
PLEDGE_FIELDS = ("pledger", "kind", "matches", "text", "made_on", "occasion", "stage", "lead_reporter")
PLEDGE_M2M = ("gcm_objectives", "countries", "partners")
PLEDGE_REPORT_FIELDS = ("reported_on", "stage", "narrative")
KNOWLEDGE_FIELDS = ("title", "kind", "coalition", "languages", "visibility", "file", "link", "published_on")

# The Global Compact was adopted in December 2018; the first voluntary reports date from then.
VOLUNTARY_REPORT_FIRST_YEAR = 2018


# Languages a practice or knowledge product may be written in: the UN's six and the region's own.
LANGUAGES: dict[str, Any] = {
    "en": _lazy("English"),
    "fr": _lazy("French"),
    "ru": _lazy("Russian"),
    "es": _lazy("Spanish"),
    "ar": _lazy("Arabic"),
    "zh": _lazy("Chinese"),
    "de": _lazy("German"),
    "it": _lazy("Italian"),
    "sq": _lazy("Albanian"),
    "hy": _lazy("Armenian"),
    "az": _lazy("Azerbaijani"),
    "be": _lazy("Belarusian"),
    "bs": _lazy("Bosnian"),
    "hr": _lazy("Croatian"),
    "ka": _lazy("Georgian"),
    "kk": _lazy("Kazakh"),
    "ky": _lazy("Kyrgyz"),
    "mk": _lazy("Macedonian"),
    "cnr": _lazy("Montenegrin"),
    "ro": _lazy("Romanian"),
    "sr": _lazy("Serbian"),
    "tg": _lazy("Tajik"),
    "tr": _lazy("Turkish"),
    "tk": _lazy("Turkmen"),
    "uk": _lazy("Ukrainian"),
    "uz": _lazy("Uzbek"),
}

# The largest primary key a 64-bit integer column holds; larger ids exist nowhere.
_MAX_ID = 2**63 - 1

# How each many-to-many field's members may be named: model, lookup, and how to read a key.
_M2M_KEYS: dict[str, tuple[Any, str, Any]] = {
    "gcm_objectives": (GcmObjective, "number", int),
    "gcm_principles": (GcmPrinciple, "letter", lambda v: str(v).strip().lower()),
    "sdg_targets": (SdgTarget, "code", lambda v: str(v).strip()),
    "countries": (Country, "iso3", lambda v: str(v).strip().upper()),
    "implementer_types": (ImplementerType, "code", lambda v: str(v).strip()),
    "implementers": (Entity, "pk", int),
    "partners": (Entity, "pk", int),
}
_FK_MODELS: dict[str, Any] = {
    "pledger": Entity,
    "lead_reporter": Entity,
    "submitted_by_entity": Entity,
}


def _unknown_message(name: str, keys: Iterable[Any]) -> str:
    shown = ", ".join(str(key) for key in keys)
    if name == "gcm_objectives":
        return _("Unknown GCM objective: %(keys)s. The objectives are numbered 1 to 23.") % {"keys": shown}
    if name == "countries":
        return _("Unknown country code: %(keys)s. Use ISO 3166 alpha-3 codes such as ALB or SRB.") % {
            "keys": shown
        }
    if name == "implementer_types":
        return _("Unknown implementer type: %(keys)s.") % {"keys": shown}
    if name == "gcm_principles":
        return _("Unknown GCM guiding principle: %(keys)s. Use the letters a to j.") % {"keys": shown}
    if name == "sdg_targets":
        return _("Unknown SDG target: %(keys)s.") % {"keys": shown}
    return _("Unknown entity: %(keys)s.") % {"keys": shown}


def resolve_many(name: str, values: Iterable[Any] | None) -> list[Any]:
    """Return the objects of a many-to-many field given as instances or keys; refuse unknown keys."""
    model, lookup, read = _M2M_KEYS[name]
    found: list[Any] = []
    keys: list[Any] = []
    bad: list[Any] = []
    for value in values or ():
        if isinstance(value, model):
            found.append(value)
            continue
        try:
            key = read(value)
        except (TypeError, ValueError):
            bad.append(value)
            continue
        if isinstance(key, int) and not 0 < key <= _MAX_ID:
            bad.append(value)
        else:
            keys.append(key)
    if keys:
        by_key = {getattr(obj, lookup): obj for obj in model.objects.filter(**{f"{lookup}__in": keys})}
        bad.extend(key for key in keys if key not in by_key)
        found.extend(by_key[key] for key in dict.fromkeys(keys) if key in by_key)
    if bad:
        raise ValidationError({name: _unknown_message(name, bad)})
    return found


def _resolve_fk(name: str, value: Any) -> Any:
    model = _FK_MODELS[name]
    if value in (None, "") or isinstance(value, model):
        return value or None
    try:
        key = int(value)
    except (TypeError, ValueError):
        key = 0
    obj = model.objects.filter(pk=key).first() if 0 < key <= _MAX_ID else None
    if obj is None:
        raise ValidationError({name: _("Unknown entity: %(value)s.") % {"value": value}})
    return obj


def clean_language(value: Any, *, field: str = "language") -> str:
    """Return the language code, or refuse one the platform does not know, naming the field."""
    code = str(value or "").strip().lower()
    if code not in LANGUAGES:
        raise ValidationError(
            {
                field: _("Unknown language code: “%(code)s”. Use codes such as en, fr or ru.")
                % {"code": code[:20]}
            }
        )
    return code


def clean_languages(value: Any, *, field: str = "languages") -> str:
    """Return language codes as stored ("en, fr"), given a list or comma-separated text; refuse unknown ones."""
    parts = value.split(",") if isinstance(value, str) else list(value or ())
    codes = [str(part).strip().lower() for part in parts if str(part).strip()]
    if not codes:
        raise ValidationError({field: _("Name at least one language.")})
    unknown = [code for code in codes if code not in LANGUAGES]
    if unknown:
        raise ValidationError(
            {
                field: _("Unknown language code: %(codes)s. Use codes such as en, fr or ru.")
                % {"codes": ", ".join(f"“{code[:20]}”" for code in unknown)}
            }
        )
    return ", ".join(dict.fromkeys(codes))


def _prepare(fields: dict[str, Any], m2m_names: Iterable[str]) -> dict[str, list[Any]]:
    """Split off the many-to-many fields and resolve every related object named by key."""
    m2m = {name: resolve_many(name, fields.pop(name)) for name in list(fields) if name in m2m_names}
    for name in list(fields):
        if name in _FK_MODELS:
            fields[name] = _resolve_fk(name, fields[name])
    if "language" in fields:
        fields["language"] = clean_language(fields["language"])
    return m2m


def _set(obj: Any, fields: dict[str, Any], allowed: Iterable[str]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValueError(f"Not a field here: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(obj, name, value.strip() if isinstance(value, str) else value)


def _save(obj: Submission, *, by: Any, m2m: dict[str, Any]) -> None:
    obj.full_clean()
    obj._history_user = by  # type: ignore[attr-defined]
    obj.save()
    for name, values in m2m.items():
        getattr(obj, name).set(list(values))


def _save_versioned(obj: Submission, *, by: Any, expected_version: int | None, m2m: dict[str, Any]) -> None:
    obj.full_clean()
    obj._history_user = by  # type: ignore[attr-defined]
    obj.save_versioned(expected_version=expected_version)
    for name, values in m2m.items():
        getattr(obj, name).set(list(values))


def _matches_id(value: Any) -> int | None:
    """Return the id of the matched pledge given as a Pledge or an id; refuse what is not an id."""
    if value in (None, ""):
        return None
    if isinstance(value, Pledge):
        return value.pk
    try:
        key = int(value)
    except (TypeError, ValueError):
        key = 0
    if not 0 < key <= _MAX_ID:
        raise ValidationError({"matches": _("There is no pledge %(id)s to match.") % {"id": str(value)[:20]}})
    return key


def _check_pledge_kind(pledge: Pledge, partners: Iterable[Any] | None, by: Any = None) -> None:
    if pledge.kind != PledgeKind.MATCHING:
        pledge.matches_id = None  # only a matching pledge names another
    if pledge.kind == PledgeKind.MATCHING and pledge.matches_id is None:
        raise ValidationError({"matches": _("A matching pledge names the pledge it matches.")})
    if pledge.matches_id is not None:
        if pledge.pk is not None and pledge.matches_id == pledge.pk:
            raise ValidationError({"matches": _("A pledge cannot match itself.")})
        # Missing and hidden pledges answer alike: one matches only a pledge one may see.
        visible = Pledge.objects.filter(submission_visibility_q(by)) if by is not None else Pledge.objects
        if not visible.filter(pk=pledge.matches_id).exists():
            raise ValidationError(
                {"matches": _("There is no pledge %(id)s to match.") % {"id": pledge.matches_id}}
            )
    if pledge.kind == PledgeKind.PARTNERSHIP and partners is not None and not list(partners):
        raise ValidationError({"partners": _("A pledge in partnership names its partners.")})


# --- create and update (the submitter, while draft or returned) -------------------------------------


@transaction.atomic
def practice_create(*, by: Any, **fields: Any) -> Practice:
    """Draft a practice; any member may."""
    if not can_submit(by):
        raise PermissionDenied
    m2m = _prepare(fields, PRACTICE_M2M)
    practice = Practice(submitter=by)
    _set(practice, fields, PRACTICE_FIELDS)
    _save(practice, by=by, m2m=m2m)
    return practice


@transaction.atomic
def practice_update(*, practice: Practice, by: Any, expected_version: int | None, **fields: Any) -> Practice:
    """Change a draft or returned practice; only its submitter may."""
    if not can_edit_submission(user=by, item=practice):
        raise PermissionDenied
    m2m = _prepare(fields, PRACTICE_M2M)
    _set(practice, fields, PRACTICE_FIELDS)
    _save_versioned(practice, by=by, expected_version=expected_version, m2m=m2m)
    return practice


@transaction.atomic
def pledge_create(*, by: Any, **fields: Any) -> Pledge:
    """Draft a pledge; any member may. A matching pledge names an existing pledge; a joint one its partners."""
    if not can_submit(by):
        raise PermissionDenied
    m2m = _prepare(fields, PLEDGE_M2M)
    if "matches" in fields:
        fields["matches_id"] = _matches_id(fields.pop("matches"))
    pledge = Pledge(submitter=by)
    _set(pledge, fields, (*PLEDGE_FIELDS, "matches_id"))
    _check_pledge_kind(pledge, m2m.get("partners", ()), by)
    _save(pledge, by=by, m2m=m2m)
    return pledge


@transaction.atomic
def pledge_update(*, pledge: Pledge, by: Any, expected_version: int | None, **fields: Any) -> Pledge:
    """Change a draft or returned pledge; only its submitter may. The same rules hold as for a new one."""
    if not can_edit_submission(user=by, item=pledge):
        raise PermissionDenied
    m2m = _prepare(fields, PLEDGE_M2M)
    if "matches" in fields:
        fields["matches_id"] = _matches_id(fields.pop("matches"))
    _set(pledge, fields, (*PLEDGE_FIELDS, "matches_id"))
    partners = m2m["partners"] if "partners" in m2m else list(pledge.partners.all())
    _check_pledge_kind(pledge, partners, by)
    _save_versioned(pledge, by=by, expected_version=expected_version, m2m=m2m)
    return pledge


@transaction.atomic
def pledge_report_create(*, pledge: Pledge, by: Any, **fields: Any) -> PledgeReport:
    """Draft a report on a published pledge; any member may."""
    if not can_submit(by):
        raise PermissionDenied
    if pledge.state != SubmissionState.PUBLISHED:
        raise ValidationError({"pledge": _("Reports are made on published pledges only.")})
    report = PledgeReport(pledge=pledge, submitter=by)
    _set(report, fields, PLEDGE_REPORT_FIELDS)
    _save(report, by=by, m2m={})
    return report


@transaction.atomic
def pledge_report_update(
    *, report: PledgeReport, by: Any, expected_version: int | None, **fields: Any
) -> PledgeReport:
    """Change a draft or returned pledge report; only its submitter may."""
    if not can_edit_submission(user=by, item=report):
        raise PermissionDenied
    _set(report, fields, PLEDGE_REPORT_FIELDS)
    _save_versioned(report, by=by, expected_version=expected_version, m2m={})
    return report


# --- knowledge products (the platform secretariat, or the coalition's secretariat) -------------------


def _resolve_coalition(value: Any) -> Any:
    if value in (None, "") or isinstance(value, Coalition):
        return value or None
    text = str(value).strip()
    coalition = (
        Coalition.objects.filter(pk=int(text)).first()
        if text.isdigit() and 0 < int(text) <= _MAX_ID
        else Coalition.objects.filter(slug=text[:60]).first()
    )
    if coalition is None:
        raise ValidationError({"coalition": _("Unknown coalition: %(value)s.") % {"value": text[:60]}})
    return coalition


def _knowledge_fields(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(KNOWLEDGE_FIELDS)
    if unknown:
        raise ValueError(f"Not a field here: {', '.join(sorted(unknown))}")
    if "coalition" in fields:
        fields["coalition"] = _resolve_coalition(fields["coalition"])
    if "languages" in fields:
        fields["languages"] = clean_languages(fields["languages"])
    upload = fields.get("file")
    if upload:
        try:
            validate_upload(upload)
        except ValidationError as error:
            raise ValidationError({"file": error.messages}) from None
    return fields


def _save_product(product: KnowledgeProduct, fields: dict[str, Any], *, by: Any) -> None:
    old_file = product.file.name if product.pk and product.file else ""
    upload = fields.pop("file", None)
    for name, value in fields.items():
        setattr(product, name, value.strip() if isinstance(value, str) else value)
    if upload is False:  # cleared
        product.file = ""
    elif upload:
        product.file = upload
    product.full_clean()
    product._history_user = by  # type: ignore[attr-defined]
    product.save()
    if old_file and old_file != product.file.name:
        storage = product.file.storage
        # Removed after commit so that a rolled-back change keeps its file.
        transaction.on_commit(lambda: storage.delete(old_file))


@transaction.atomic
def knowledge_product_create(*, by: Any, **fields: Any) -> KnowledgeProduct:
    """Add a knowledge product: the platform secretariat for any coalition, a coalition's secretariat for its own.

    It needs a file (within the size and type limits) or a link; languages are known codes.
    """
    fields = _knowledge_fields(fields)
    if not can_create_knowledge_product(user=by, coalition=fields.get("coalition")):
        raise PermissionDenied
    product = KnowledgeProduct()
    _save_product(product, fields, by=by)
    return product


@transaction.atomic
def knowledge_product_update(*, product: KnowledgeProduct, by: Any, **fields: Any) -> KnowledgeProduct:
    """Change a knowledge product; `file=False` removes its file. Moving it to another coalition needs
    the right to add products there too."""
    if not can_manage_knowledge_product(user=by, product=product):
        raise PermissionDenied
    fields = _knowledge_fields(fields)
    if "coalition" in fields and not can_create_knowledge_product(user=by, coalition=fields["coalition"]):
        raise PermissionDenied
    _save_product(product, fields, by=by)
    return product


@transaction.atomic
def knowledge_product_delete(*, product: KnowledgeProduct, by: Any) -> None:
    """Delete a knowledge product and, once the deletion is committed, its file."""
    if not can_manage_knowledge_product(user=by, product=product):
        raise PermissionDenied
    name = product.file.name if product.file else ""
    storage = product.file.storage
    product._history_user = by  # type: ignore[attr-defined]
    product.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))


# --- voluntary reports and champion countries (the platform secretariat) -----------------------------


def _resolve_country(value: Any, *, field: str = "country") -> Country:
    if isinstance(value, Country):
        return value
    code = str(value or "").strip().upper()
    country = Country.objects.filter(iso3=code[:3]).first() if len(code) == 3 else None
    if country is None:
        raise ValidationError({field: _unknown_message("countries", [code[:20] or "—"])})
    return country


def _check_report_year(year: Any) -> None:
    if not isinstance(year, int) or not VOLUNTARY_REPORT_FIRST_YEAR <= year <= today().year + 1:
        raise ValidationError(
            {
                "year": _("Give a year from %(first)s to %(last)s.")
                % {"first": VOLUNTARY_REPORT_FIRST_YEAR, "last": today().year + 1}
            }
        )


def _save_voluntary_report(report: VoluntaryReport, *, by: Any) -> VoluntaryReport:
    _check_report_year(report.year)
    taken = VoluntaryReport.objects.filter(country=report.country, year=report.year).exclude(pk=report.pk)
    if taken.exists():
        raise ValidationError(
            {
                "year": _("%(country)s already has a voluntary report for %(year)s.")
                % {"country": report.country, "year": report.year}
            }
        )
    report.full_clean()
    report._history_user = by  # type: ignore[attr-defined]
    report.save()
    return report


@transaction.atomic
def voluntary_report_create(*, by: Any, country: Any, year: int, link: str) -> VoluntaryReport:
    """Record a Member State's voluntary report on the Global Compact; the platform secretariat may."""
    if not can_manage_country_records(by):
        raise PermissionDenied
    report = VoluntaryReport(country=_resolve_country(country), year=year, link=(link or "").strip())
    return _save_voluntary_report(report, by=by)


@transaction.atomic
def voluntary_report_update(*, report: VoluntaryReport, by: Any, **fields: Any) -> VoluntaryReport:
    """Change a voluntary report (country, year, link); the platform secretariat may."""
    if not can_manage_country_records(by):
        raise PermissionDenied
    unknown = set(fields) - {"country", "year", "link"}
    if unknown:
        raise ValueError(f"Not a field here: {', '.join(sorted(unknown))}")
    if "country" in fields:
        report.country = _resolve_country(fields["country"])
    if "year" in fields:
        report.year = fields["year"]
    if "link" in fields:
        report.link = (fields["link"] or "").strip()
    return _save_voluntary_report(report, by=by)


@transaction.atomic
def champion_country_set(
    *, by: Any, country: Any, champion: bool = True, since: date | None = None, note: str = ""
) -> ChampionCountry | None:
    """Make the country a champion of the Global Compact (or, with `champion=False`, no longer one).

    Return the champion record, or None when the country is no longer a champion. The platform
    secretariat may.
    """
    if not can_manage_country_records(by):
        raise PermissionDenied
    resolved = _resolve_country(country)
    record = ChampionCountry.objects.filter(country=resolved).first()
    if not champion:
        if record is not None:
            record._history_user = by  # type: ignore[attr-defined]
            record.delete()
        return None
    record = record or ChampionCountry(country=resolved)
    record.since = since
    record.note = (note or "").strip()
    record.full_clean()
    record._history_user = by  # type: ignore[attr-defined]
    record.save()
    return record


# --- quality checks ---------------------------------------------------------------------------------


def practice_quality_errors(practice: Practice) -> dict[str, str]:
    """Return what keeps the practice from being published, by field."""
    errors: dict[str, str] = {}
    if not practice.gcm_objectives.exists():
        errors["gcm_objectives"] = _("Tag at least one GCM objective.")
    if not practice.countries.exists():
        errors["countries"] = _("Name at least one country where the practice is implemented.")
    if not SUMMARY_MIN <= len(practice.summary.strip()) <= SUMMARY_MAX:
        errors["summary"] = _("Write a summary of %(min)s to %(max)s characters.") % {
            "min": SUMMARY_MIN,
            "max": SUMMARY_MAX,
        }
    return errors


def pledge_quality_errors(pledge: Pledge) -> dict[str, str]:
    """Return what keeps the pledge from being published, by field."""
    errors: dict[str, str] = {}
    if not pledge.gcm_objectives.exists():
        errors["gcm_objectives"] = _("Tag at least one GCM objective.")
    if not pledge.countries.exists():
        errors["countries"] = _("Name at least one country.")
    if pledge.made_on is None and pledge.stage == PledgeStage.FULFILLED:
        errors["made_on"] = _("A fulfilled pledge says when it was made.")
    elif pledge.made_on is not None and pledge.made_on > today():
        errors["made_on"] = _("A pledge cannot be made in the future.")
    if pledge.kind == PledgeKind.PARTNERSHIP and not pledge.partners.exists():
        errors["partners"] = _("A pledge in partnership names its partners.")
    if (
        pledge.matches_id is not None
        and not Pledge.objects.filter(pk=pledge.matches_id, state=SubmissionState.PUBLISHED).exists()
    ):
        # A published pledge would otherwise point its readers to one they may not see.
        errors["matches"] = _("The pledge it matches is not published yet: publish that one first.")
    return errors


def pledge_report_quality_errors(report: PledgeReport) -> dict[str, str]:
    """Return what keeps the pledge report from being published, by field."""
    errors: dict[str, str] = {}
    if report.reported_on > today():
        errors["reported_on"] = _("A report cannot be dated in the future.")
    if report.pledge.made_on is not None and report.reported_on < report.pledge.made_on:
        errors["reported_on"] = _("A report cannot be dated before its pledge was made.")
    if not report.narrative.strip():
        errors["narrative"] = _("Say what was done.")
    return errors


# --- transitions --------------------------------------------------------------------------------------


def _transition(item: S, *, to: str, by: Any, comment: str = "") -> S:
    if to not in SUBMISSION_TRANSITIONS.get(item.state, frozenset()):
        raise TransitionError(
            _("A %(state)s submission cannot become %(to)s.") % {"state": item.get_state_display(), "to": to},
            code="transition",
        )
    if not can_transition_submission(user=by, item=item, to=to):
        raise PermissionDenied
    item.state = to
    if to == SubmissionState.SUBMITTED:
        item.reviewer, item.review_comment = None, ""
    else:
        item.reviewer = by
        item.review_comment = comment
    if to == SubmissionState.PUBLISHED:
        item.published_on = today()
    item._history_user = by  # type: ignore[attr-defined]
    item.save_versioned(expected_version=None)
    return item


def _tell_submitter(item: Submission, *, what: str, subject: str) -> None:
    message = _("Your submission “%(title)s” was %(what)s.") % {"title": str(item), "what": what}
    if item.review_comment:
        message += "\n\n" + _("The secretariat's comment:") + "\n" + item.review_comment
    recipient = item.submitter.email
    # Sent after commit so that a rolled-back review tells nobody.
    transaction.on_commit(
        lambda: send_mail(subject, message, settings.DEFAULT_FROM_EMAIL, [recipient], fail_silently=True)
    )


def submission_submit(*, item: S, by: Any) -> S:
    """Send a draft (or a returned submission, fixed) to the secretariat; only its submitter may."""
    with transaction.atomic():
        return _transition(item, to=SubmissionState.SUBMITTED, by=by)


def submission_return(*, item: S, by: Any, comment: str) -> S:
    """Return a submission to its submitter with the secretariat's comment, which is required."""
    with transaction.atomic():
        if not comment.strip():
            raise ValidationError({"review_comment": _("Say what the submitter should change.")})
        _transition(item, to=SubmissionState.RETURNED, by=by, comment=comment.strip())
        _tell_submitter(item, what=_("returned"), subject=_("Your submission was returned"))
        return item


def submission_publish(*, item: S, by: Any, comment: str = "") -> S:
    """Publish a submitted practice, pledge or report once it passes the quality checks."""
    with transaction.atomic():
        if isinstance(item, Practice):
            errors = practice_quality_errors(item)
        elif isinstance(item, Pledge):
            errors = pledge_quality_errors(item)
        elif isinstance(item, PledgeReport):
            errors = pledge_report_quality_errors(item)
        else:
            errors = {}
        if errors and can_transition_submission(user=by, item=item, to=SubmissionState.PUBLISHED):
            raise ValidationError(errors)
        _transition(item, to=SubmissionState.PUBLISHED, by=by, comment=comment.strip())
        _tell_submitter(item, what=_("published"), subject=_("Your submission was published"))
        return item


# The named write paths of each kind of submission: the workflow is the same for all three.
practice_submit = pledge_submit = pledge_report_submit = submission_submit
practice_return = pledge_return = pledge_report_return = submission_return
practice_publish = pledge_publish = pledge_report_publish = submission_publish

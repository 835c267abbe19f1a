"""The audit trail: sign-ins, failed sign-ins, role changes, publications and exports, newest first.

Five sources, read where they are kept: django-axes' access and failure logs, the membership
history, the history of practices, pledges, pledge reports, knowledge products and brief editions,
and `AuditEvent` for exports. Each source is one queryset reduced to the same columns; their
UNION ALL is ordered by date and sliced in the database, so a page costs the same few queries
whatever the trail's length. The models of higher apps are read through the app registry, so that
the lower apps may call `services.record_export` without an import cycle.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from axes.models import AccessFailureLog, AccessLog
from django.apps import apps
from django.core.paginator import Page, Paginator
from django.db.models import CharField, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Cast, Concat, Substr
from django.utils import timezone
from django.utils.translation import gettext as _

from rcphub.accounts.models import Membership, Role, User
from rcphub.audit.models import AuditEvent, AuditKind

PAGE_SIZE = 50

# The common columns, in the order every source annotates them (UNION matches by position).
COLUMNS = (
    "e_at",
    "e_kind",
    "e_action",
    "e_actor",
    "e_actor_name",
    "e_object",
    "e_detail",
    "e_subject",
    "e_address",
)

# The models whose publication (or return) the trail shows, with the label of their object.
_SUBMISSIONS = (("repository", "Practice"), ("repository", "Pledge"), ("repository", "PledgeReport"))


@dataclass(frozen=True)
class AuditFilter:
    """What the reader asked for; None leaves a criterion out."""

    person: User | None = None
    date_from: date | None = None
    date_to: date | None = None
    kind: str | None = None


@dataclass(frozen=True)
class AuditRow:
    """One event as the page and the CSV show it."""

    at: datetime
    kind: str
    kind_label: str
    action: str
    actor: str
    object: str
    address: str


def _text(value: str = "") -> Value:
    return Value(value, output_field=CharField())


def _no_id() -> Cast:
    # Typed, or PostgreSQL takes a bare NULL parameter for text and refuses the UNION.
    return Cast(Value(None), IntegerField())


def _columns(qs: QuerySet[Any], **columns: Any) -> QuerySet[Any]:
    """Reduce a source to the common columns, unordered (a compound query orders once)."""
    missing = {name: _text() for name in COLUMNS if name not in columns}
    missing["e_actor"] = columns.get("e_actor", _no_id())
    missing["e_subject"] = columns.get("e_subject", _no_id())
    merged = {**missing, **columns}
    ordered = {name: merged[name] for name in COLUMNS}
    return qs.order_by().annotate(**ordered).values(*COLUMNS)


def _bounds(filters: AuditFilter) -> tuple[datetime | None, datetime | None]:
    tz = timezone.get_current_timezone()
    start = datetime.combine(filters.date_from, time.min, tzinfo=tz) if filters.date_from else None
    end = (
        datetime.combine(filters.date_to + timedelta(days=1), time.min, tzinfo=tz)
        if filters.date_to
        else None
    )
    return start, end


def _in_range(qs: QuerySet[Any], field: str, filters: AuditFilter) -> QuerySet[Any]:
    start, end = _bounds(filters)
    if start is not None:
        qs = qs.filter(**{f"{field}__gte": start})
    if end is not None:
        qs = qs.filter(**{f"{field}__lt": end})
    return qs


def _sign_ins(filters: AuditFilter) -> list[QuerySet[Any]]:
    parts = []
    for model, kind in ((AccessLog, AuditKind.SIGN_IN), (AccessFailureLog, AuditKind.SIGN_IN_FAILED)):
        if filters.kind not in (None, kind):
            continue
        qs = _in_range(model.objects.all(), "attempt_time", filters)
        if filters.person is not None:
            qs = qs.filter(username=filters.person.email.lower())
        action = (
            Concat(_text(f"{kind}."), Cast("locked_out", CharField()))
            if model is AccessFailureLog
            else _text(kind)
        )
        parts.append(
            _columns(
                qs,
                e_at=F("attempt_time"),
                e_kind=_text(kind),
                e_action=action,
                e_actor_name=F("username"),
                e_detail=F("path_info"),
                e_address=Cast("ip_address", CharField()),
            )
        )
    return parts


def _role_changes(filters: AuditFilter) -> list[QuerySet[Any]]:
    if filters.kind not in (None, AuditKind.ROLE_CHANGE):
        return []
    history: Any = Membership.history
    qs = _in_range(history.all(), "history_date", filters)
    if filters.person is not None:
        qs = qs.filter(Q(history_user_id=filters.person.pk) | Q(user_id=filters.person.pk))
    return [
        _columns(
            qs,
            e_at=F("history_date"),
            e_kind=_text(AuditKind.ROLE_CHANGE),
            e_action=Concat(_text("membership."), F("history_type")),
            e_actor=F("history_user_id"),
            e_object=F("role"),
            e_detail=F("entity__acronym"),
            e_subject=F("user_id"),
        )
    ]


def _previous(history: Any, field: str) -> Subquery:
    """The value `field` had in the object's history row just before this one (NULL for the first)."""
    earlier = history.filter(id=OuterRef("id"), history_date__lt=OuterRef("history_date"))
    return Subquery(earlier.order_by("-history_date", "-history_id").values(field)[:1])


def _publications(filters: AuditFilter) -> list[QuerySet[Any]]:
    if filters.kind not in (None, AuditKind.PUBLICATION):
        return []
    labels = {
        "Practice": Substr("title", 1, 300),
        "Pledge": Substr("text", 1, 80),
        "PledgeReport": Concat(
            Substr("pledge__text", 1, 80), _text(" ("), Cast("reported_on", CharField()), _text(")")
        ),
    }
    parts: list[tuple[str, Any, Any, Any]] = []
    for app_label, name in _SUBMISSIONS:
        history = apps.get_model(app_label, name).history
        qs = history.annotate(previous_state=_previous(history.all(), "state")).filter(
            Q(previous_state__isnull=True) | ~Q(previous_state=F("state")),
            state__in=("published", "returned"),
        )
        parts.append((name, qs, labels[name], Concat(_text(f"{name.lower()}."), F("state"))))
    products = apps.get_model("repository", "KnowledgeProduct").history
    parts.append(
        (
            "KnowledgeProduct",
            products.annotate(previously=_previous(products.all(), "published_on")).filter(
                published_on__isnull=False, previously__isnull=True
            ),
            Substr("title", 1, 300),
            _text("knowledgeproduct.published"),
        )
    )
    editions = apps.get_model("reports", "BriefEdition").history
    parts.append(
        (
            "BriefEdition",
            editions.annotate(previous_state=_previous(editions.all(), "state")).filter(
                Q(previous_state__isnull=True) | ~Q(previous_state=F("state")), state="published"
            ),
            Concat(F("brief__title_en"), _text(" · "), Cast("number", CharField())),
            _text("briefedition.published"),
        )
    )
    result = []
    for _name, qs, label, action in parts:
        qs = _in_range(qs, "history_date", filters)
        if filters.person is not None:
            qs = qs.filter(history_user_id=filters.person.pk)
        result.append(
            _columns(
                qs,
                e_at=F("history_date"),
                e_kind=_text(AuditKind.PUBLICATION),
                e_action=action,
                e_actor=F("history_user_id"),
                e_object=label,
            )
        )
    return result


def _exports(filters: AuditFilter) -> list[QuerySet[Any]]:
    if filters.kind not in (None, AuditKind.EXPORT):
        return []
    qs = _in_range(AuditEvent.objects.filter(kind=AuditKind.EXPORT), "at", filters)
    if filters.person is not None:
        qs = qs.filter(user_id=filters.person.pk)
    return [
        _columns(
            qs,
            e_at=F("at"),
            e_kind=_text(AuditKind.EXPORT),
            e_action=_text("export"),
            e_actor=F("user_id"),
            e_object=F("object_repr"),
            e_detail=F("what"),
            e_address=Cast("address", CharField()),
        )
    ]


def audit_events(filters: AuditFilter) -> QuerySet[Any]:
    """Return the events that `filters` keep as one query of dicts of COLUMNS, newest first."""
    parts = _sign_ins(filters) + _role_changes(filters) + _publications(filters) + _exports(filters)
    if not parts:
        return AuditEvent.objects.none().values(*COLUMNS)
    first, *others = parts
    return first.union(*others, all=True).order_by("-e_at")


def _action_label(action: str) -> str:
    labels = {
        "sign_in": _("Signed in"),
        "sign_in_failed.False": _("Sign-in failed"),
        "sign_in_failed.0": _("Sign-in failed"),
        "sign_in_failed.false": _("Sign-in failed"),
        "sign_in_failed.True": _("Sign-in failed: locked out"),
        "sign_in_failed.1": _("Sign-in failed: locked out"),
        "sign_in_failed.true": _("Sign-in failed: locked out"),
        "membership.+": _("Membership created"),
        "membership.~": _("Membership changed"),
        "membership.-": _("Membership ended"),
        "practice.published": _("Practice published"),
        "practice.returned": _("Practice returned"),
        "pledge.published": _("Pledge published"),
        "pledge.returned": _("Pledge returned"),
        "pledgereport.published": _("Pledge report published"),
        "pledgereport.returned": _("Pledge report returned"),
        "knowledgeproduct.published": _("Knowledge product published"),
        "briefedition.published": _("Brief edition published"),
        "export": _("Downloaded"),
    }
    return labels.get(action, action)


def _address(value: str | None) -> str:
    # PostgreSQL's text of an inet carries the mask ("10.0.0.1/32").
    return (value or "").split("/")[0]


def audit_rows(events: Iterable[dict[str, Any]]) -> list[AuditRow]:
    """Return a page of events as rows, naming people with one query for the whole page."""
    events = list(events)
    ids = {e["e_actor"] for e in events} | {e["e_subject"] for e in events}
    emails = {e["e_actor_name"] for e in events if e["e_actor_name"]}
    people = list(User.objects.filter(Q(id__in=ids - {None}) | Q(email__in=emails))) if events else []
    by_id = {u.pk: u for u in people}
    by_email = {u.email: u for u in people}
    kinds = dict(AuditKind.choices)
    roles = dict(Role.choices)
    rows = []
    for e in events:
        actor: Any = by_id.get(e["e_actor"]) or by_email.get(e["e_actor_name"])
        actor_text = f"{actor} <{actor.email}>" if actor else (e["e_actor_name"] or _("unknown"))
        if e["e_kind"] == AuditKind.ROLE_CHANGE:
            subject = by_id.get(e["e_subject"])
            obj = " · ".join(
                str(x) for x in (subject or "", roles.get(e["e_object"], e["e_object"]), e["e_detail"]) if x
            )
        elif e["e_kind"] == AuditKind.EXPORT:
            obj = ": ".join(x for x in (e["e_detail"], e["e_object"]) if x)
        elif e["e_kind"] in (AuditKind.SIGN_IN, AuditKind.SIGN_IN_FAILED):
            obj = e["e_detail"]
        else:
            obj = e["e_object"]
        rows.append(
            AuditRow(
                at=e["e_at"],
                kind=e["e_kind"],
                kind_label=str(kinds.get(e["e_kind"], e["e_kind"])),
                action=_action_label(e["e_action"]),
                actor=actor_text,
                object=obj,
                address=_address(e["e_address"]),
            )
        )
    return rows


def audit_page(filters: AuditFilter, *, number: Any) -> tuple[Page[Any], list[AuditRow]]:
    """Return the page `number` of the trail (the last one when out of range) and its rows."""
    page = Paginator(audit_events(filters), PAGE_SIZE).get_page(number)
    return page, audit_rows(page.object_list)


def audit_rows_all(filters: AuditFilter, *, chunk: int = 500) -> Iterator[AuditRow]:
    """Yield every row the filters keep, newest first, a chunk of events (and one query of people) at a time."""
    events = audit_events(filters)
    offset = 0
    while True:
        batch = list(events[offset : offset + chunk])
        yield from audit_rows(batch)
        if len(batch) < chunk:
            return
        offset += chunk

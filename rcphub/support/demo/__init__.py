"""Demo support requests from Resident Coordinator's offices, and an expertise roster of 40, read from
rc_offices.yaml, requests.yaml and experts.yaml beside this module.

Seeded by `manage.py seed_demo` after the work-plan demo (coalitions, 2026 work plans, secretariat logins).
Each request goes through the services step by step, so accepted ones get their demand-driven activity in
the coalition's 2026 work plan. Idempotent: offices are matched by e-mail, requests by title, experts by
name. Dates are never later than today.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction

from rcphub.accounts.models import Membership, Role, User
from rcphub.accounts.permissions import forget_grants
from rcphub.coalitions.models import Coalition
from rcphub.core.dates import today
from rcphub.core.demodata import demo_content
from rcphub.reference.models import Country, Entity, GcmObjective, SdgTarget
from rcphub.support.models import Expert, RequestState, SupportRequest
from rcphub.support.services import (
    support_request_rate,
    support_request_route,
    support_request_submit,
    support_request_transition,
)
from rcphub.workplans.demo import DEMO_PASSWORD, PLATFORM_USER, SECRETARIAT_USERS

S = RequestState
# The demo login listed in docs/demo.md: the first office in rc_offices.yaml.
DEMO_RC_OFFICE = "rco.kyrgyzstan@demo.rcphub.org"
# After submission a request moves along PATH, or is declined; requests.yaml dates each move so many
# days after submission, in the field named here (or by this default where it leaves the field out).
PATH = (S.UNDER_REVIEW, S.ACCEPTED, S.IN_PROGRESS, S.DELIVERED)
DAYS: dict[str, tuple[str, int]] = {
    S.UNDER_REVIEW: ("reviewed", 3),
    S.ACCEPTED: ("decided", 12),
    S.IN_PROGRESS: ("started", 20),
    S.DELIVERED: ("delivered", 60),
    S.DECLINED: ("decided", 12),
}


def _path(state: str) -> tuple[str, ...]:
    """Return the states a request goes through, after submission, to reach `state`."""
    if state in PATH:
        return PATH[: PATH.index(state) + 1]
    return (state,) if state == S.DECLINED else ()


def _content(name: str) -> Any:
    return demo_content(__name__, name)


class _Seeder:
    def __init__(self) -> None:
        self.counter: Counter[str] = Counter()
        self.platform = User.objects.get(email=PLATFORM_USER)

    def _save(self, record: Any) -> None:
        record.full_clean()
        record._history_user = self.platform
        record.save()

    def offices(self) -> dict[str, User]:
        """Return a Resident Coordinator's office login per country, created if missing (DCO members)."""
        dco = Entity.objects.get(acronym="DCO")
        specs = _content("rc_offices")
        existing = {u.email: u for u in User.objects.filter(email__in=[s["email"] for s in specs])}
        password: str | None = None
        offices: dict[str, User] = {}
        for spec in specs:
            user = existing.get(spec["email"])
            if user is None:
                password = password or make_password(DEMO_PASSWORD)
                user = User(**{k: spec[k] for k in ("email", "first_name", "last_name")}, password=password)
                self._save(user)
                self.counter["users"] += 1
            if not Membership.objects.filter(
                user=user, entity=dco, role=Role.MEMBER, coalition=None
            ).exists():
                self._save(Membership(user=user, entity=dco, role=Role.MEMBER))
                forget_grants(user)
                self.counter["memberships"] += 1
            offices[spec["country"]] = user
        return offices

    def requests(self, offices: dict[str, User]) -> None:
        titles = set(SupportRequest.objects.values_list("title", flat=True))
        coalitions = {c.slug: c for c in Coalition.objects.all()}
        countries = {c.iso2: c for c in Country.objects.filter(iso2__in=offices)}
        secretariats = {slug: User.objects.get(email=email) for slug, email in SECRETARIAT_USERS.items()}
        for spec in _content("requests"):
            if spec["title"] in titles:
                continue
            spec = {"coalition": "", "reason": "", **spec}
            coalition = coalitions[spec["coalition"]] if spec["coalition"] else None
            routed = spec.get("routed_by_platform", False)
            request = support_request_submit(
                country=countries[spec["country"]],
                coalition=None if routed else coalition,
                kind=spec["kind"],
                title=spec["title"],
                description=spec["description"],
                desired_timing=spec.get("timing", ""),
                requesting_entity=None,
                on=min(spec["submitted_on"], today()),
                by=offices[spec["country"]],
            )
            self.counter["support requests"] += 1
            if routed and coalition is not None:
                support_request_route(support_request=request, coalition=coalition, by=self.platform)
            decider = secretariats.get(spec["coalition"], self.platform)
            for to_state in _path(spec["state"]):
                field, days = DAYS[to_state]
                on = min(spec["submitted_on"] + timedelta(days=spec.get(field, days)), today())
                support_request_transition(
                    support_request=request, to_state=to_state, reason=spec["reason"], on=on, by=decider
                )
                if to_state == S.ACCEPTED:
                    self.counter["demand-driven activities"] += 1
            if spec.get("rating") is not None and request.state == S.DELIVERED:
                support_request_rate(
                    support_request=request,
                    rating=spec["rating"],
                    comment=spec.get("comment", ""),
                    on=request.delivered_on,
                    by=offices[spec["country"]],
                )

    def experts(self) -> None:
        existing = set(Expert.objects.values_list("name", flat=True))
        entities = {e.acronym: e for e in Entity.objects.all()}
        targets = {t.code: t for t in SdgTarget.objects.all()}
        objectives = {o.number: o for o in GcmObjective.objects.all()}
        countries = {c.iso2: c for c in Country.objects.all()}
        for spec in _content("experts"):
            if spec["name"] in existing:
                continue
            links = {name: spec.pop(name, []) for name in ("sdg_targets", "gcm_objectives", "countries")}
            expert = Expert(**{**spec, "entity": entities[spec["entity"]]})
            self._save(expert)
            expert.sdg_targets.set([targets[code] for code in links["sdg_targets"]])
            expert.gcm_objectives.set([objectives[number] for number in links["gcm_objectives"]])
            expert.countries.set([countries[code] for code in links["countries"]])
            self.counter["experts"] += 1


def support_demo_seed(*, progress: Callable[[str], None] = lambda line: None) -> dict[str, int]:
    """Create the demo RC office logins, support requests (in every state) and the expertise roster.

    Runs in one transaction; a second run creates nothing. Returns the counts of what it created.
    """
    with transaction.atomic():
        seeder = _Seeder()
        seeder.requests(seeder.offices())
        seeder.experts()
    progress(
        "support: " + (", ".join(f"{n} {kind}" for kind, n in seeder.counter.items()) or "nothing to create")
    )
    return dict(seeder.counter)

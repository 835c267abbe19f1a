"""Reminders e-mailed to the people who report on commitments that fall due, are overdue or have gone stale.

One service, `followup_reminders_send`, behind the `send_followup_reminders` command and the
`send_followup_reminders` task. At most one reminder goes out per commitment and day, however often
it runs: the Reminder row, unique per commitment and day, is written first, and the e-mail goes only
if that row was new.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.core import mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from rcphub.accounts.models import Membership, Role
from rcphub.followup.models import Commitment, Reminder, ReminderKind, stale_after_days
from rcphub.followup.permissions import REPORTING_ROLES
from rcphub.followup.selectors import COMMITMENT_PREFETCH, FollowUpState, commitments_as_at, open_q, state_of

logger = logging.getLogger(__name__)


class Outcome:
    """What became of one commitment's reminder in a run."""

    SENT = "sent"
    WOULD_SEND = "would_send"  # a dry run
    ALREADY_SENT = "already_sent"  # a reminder went out earlier the same day
    NO_RECIPIENTS = "no_recipients"  # nobody reports on it
    FAILED = "failed"  # the e-mail could not be sent; nothing recorded, the next run tries again


@dataclass(frozen=True)
class DueReminder:
    """A commitment that calls for a reminder as at a date, why, and to whom."""

    commitment: Commitment
    state: FollowUpState
    kind: str
    reasons: tuple[str, ...]
    recipients: tuple[str, ...]


@dataclass(frozen=True)
class ReminderOutcome:
    commitment_id: int
    review: str
    number: str
    kind: str
    recipients: tuple[str, ...]
    outcome: str

    def describe(self) -> str:
        """Return one line for a person reading the command's output."""
        verbs = {
            Outcome.SENT: _("Sent"),
            Outcome.WOULD_SEND: _("Would send"),
            Outcome.ALREADY_SENT: _("Already sent today"),
            Outcome.NO_RECIPIENTS: _("Nobody to write to"),
            Outcome.FAILED: _("Failed"),
        }
        kind = dict(ReminderKind.choices).get(self.kind, self.kind)
        line = f"{verbs[self.outcome]}: {self.review} — {self.number} ({kind})"
        return f"{line} → {', '.join(self.recipients)}" if self.recipients else line


@dataclass
class ReminderSummary:
    """What a run did, commitment by commitment."""

    as_at: date
    due_within_days: int
    dry_run: bool
    outcomes: list[ReminderOutcome] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(1 for o in self.outcomes if o.outcome == outcome)

    @property
    def sent(self) -> int:
        return self.count(Outcome.SENT)

    def describe(self) -> str:
        """Return the run's totals in one sentence."""
        counts = {
            "as_at": self.as_at.isoformat(),
            "due": len(self.outcomes),
            "sent": self.count(Outcome.WOULD_SEND if self.dry_run else Outcome.SENT),
            "already": self.count(Outcome.ALREADY_SENT),
            "nobody": self.count(Outcome.NO_RECIPIENTS),
            "failed": self.count(Outcome.FAILED),
        }
        if self.dry_run:
            text = _(
                "Dry run as at %(as_at)s: %(due)s commitments call for a reminder; %(sent)s would be sent, "
                "%(already)s already sent today, %(nobody)s with nobody to write to."
            )
        else:
            text = _(
                "As at %(as_at)s: %(due)s commitments call for a reminder; %(sent)s sent, "
                "%(already)s already sent today, %(nobody)s with nobody to write to, %(failed)s failed."
            )
        return text % counts

    def as_dict(self) -> dict[str, Any]:
        """Return the summary as plain data, for a task's result."""
        return {
            "as_at": self.as_at.isoformat(),
            "due_within_days": self.due_within_days,
            "dry_run": self.dry_run,
            "counts": {
                outcome: self.count(outcome)
                for outcome in (
                    Outcome.SENT,
                    Outcome.WOULD_SEND,
                    Outcome.ALREADY_SENT,
                    Outcome.NO_RECIPIENTS,
                    Outcome.FAILED,
                )
            },
            "outcomes": [
                {
                    "commitment": o.commitment_id,
                    "kind": o.kind,
                    "recipients": list(o.recipients),
                    "outcome": o.outcome,
                }
                for o in self.outcomes
            ],
        }


# ---------------------------------------------------------------------------------------------
# Reads: what is due, and who reports on it


def reminder_kind(
    *, state: FollowUpState, due_on: date | None, as_at: date, due_within_days: int
) -> str | None:
    """Return why an open item calls for a reminder as at the date: overdue first, then due soon, then stale.

    Due soon: due on the date or within `due_within_days` days after it.
    """
    if state.overdue:
        return ReminderKind.OVERDUE
    if due_on is not None and as_at <= due_on <= as_at + timedelta(days=due_within_days):
        return ReminderKind.DUE_SOON
    if state.stale:
        return ReminderKind.STALE
    return None


def followup_reminders_due(*, as_at: date, due_within_days: int) -> list[DueReminder]:
    """Return the open commitments that are due within the days given, overdue or stale as at the date.

    Open: no report yet, or last reported neither completed nor no longer applicable. A constant
    number of queries: the commitments, their responsible entities, the memberships of those who report.
    """
    stale_before = as_at - timedelta(days=stale_after_days())
    candidates = (
        commitments_as_at(Commitment.objects.filter(review__issued_on__lte=as_at), as_at=as_at)
        .filter(open_q())
        .filter(
            # Narrows the rows read; the derived state below decides.
            Q(due_on__lte=as_at + timedelta(days=due_within_days))
            | Q(status_commented_on__lt=stale_before)
            | Q(status_commented_on__isnull=True, review__issued_on__lt=stale_before)
        )
        .select_related("review__organisation")
        .prefetch_related(*COMMITMENT_PREFETCH)
        .order_by("review__issued_on", "review_id", "order", "id")
    )
    found: list[tuple[Commitment, FollowUpState, str]] = []
    for commitment in candidates:
        state = state_of(commitment, issued_on=commitment.review.issued_on, as_at=as_at)
        kind = reminder_kind(
            state=state, due_on=commitment.due_on, as_at=as_at, due_within_days=due_within_days
        )
        if kind is not None:
            found.append((commitment, state, kind))
    recipients = reminder_recipients(commitments=[commitment for commitment, _state, _kind in found])
    return [
        DueReminder(
            commitment=commitment,
            state=state,
            kind=kind,
            reasons=_reasons(commitment=commitment, state=state, kind=kind, as_at=as_at),
            recipients=recipients.get(commitment.pk, ()),
        )
        for commitment, state, kind in found
    ]


def reminder_recipients(*, commitments: Iterable[Commitment]) -> dict[int, tuple[str, ...]]:
    """Return, by commitment, the addresses of those who report on it.

    They are the focal points and follow-up officers of its responsible entities, the follow-up
    officers of its review's organisation, and, for a coalition's review, the coalition's
    secretariat; active users only. Two queries, using the prefetched responsible entities.
    """
    commitments = list(commitments)
    responsible = {c.pk: {e.pk for e in c.responsible_entities.all()} for c in commitments}
    entities = set().union(*responsible.values()) | {
        c.review.organisation_id for c in commitments if c.review.organisation_id is not None
    }
    reporters: dict[int, set[str]] = {}
    officers: dict[int, set[str]] = {}
    memberships = Membership.objects.filter(
        entity_id__in=entities, role__in=REPORTING_ROLES, user__is_active=True
    ).exclude(user__email="")
    for entity_id, role, email in memberships.values_list("entity_id", "role", "user__email"):
        reporters.setdefault(entity_id, set()).add(email)
        if role == Role.FOLLOW_UP_OFFICER:
            officers.setdefault(entity_id, set()).add(email)
    secretariats: dict[int, set[str]] = {}
    coalition_ids = {c.review.coalition_id for c in commitments if c.review.coalition_id is not None}
    if coalition_ids:
        for coalition_id, email in (
            Membership.objects.filter(
                coalition_id__in=coalition_ids, role=Role.COALITION_SECRETARIAT, user__is_active=True
            )
            .exclude(user__email="")
            .values_list("coalition_id", "user__email")
        ):
            secretariats.setdefault(coalition_id, set()).add(email)
    result: dict[int, tuple[str, ...]] = {}
    for commitment in commitments:
        addresses: set[str] = set(secretariats.get(commitment.review.coalition_id or 0, set()))
        for entity_id in responsible[commitment.pk]:
            addresses |= reporters.get(entity_id, set())
        if commitment.review.organisation_id is not None:
            addresses |= officers.get(commitment.review.organisation_id, set())
        if addresses:
            result[commitment.pk] = tuple(sorted(addresses))
    return result


def _day(value: date) -> str:
    return date_format(value, "DATE_FORMAT")


def _reasons(*, commitment: Commitment, state: FollowUpState, kind: str, as_at: date) -> tuple[str, ...]:
    reasons = []
    due_on = commitment.due_on
    if kind == ReminderKind.OVERDUE and due_on is not None:
        reasons.append(_("It was due on %(due)s and is not reported completed.") % {"due": _day(due_on)})
    if kind == ReminderKind.DUE_SOON and due_on is not None:
        reasons.append(
            _("It is due on %(due)s, in %(days)s days.")
            % {"due": _day(due_on), "days": (due_on - as_at).days}
        )
    if state.stale:
        if state.last_reported_on is not None:
            reasons.append(
                _("Nothing has been reported since %(day)s.") % {"day": _day(state.last_reported_on)}
            )
        else:
            reasons.append(
                _("No status has been reported since the review was issued on %(day)s.")
                % {"day": _day(commitment.review.issued_on)}
            )
    return tuple(reasons)


# ---------------------------------------------------------------------------------------------
# The e-mail


def reminder_message(*, due: DueReminder, as_at: date, connection: Any = None) -> mail.EmailMessage:
    """Return the e-mail about one commitment to those who report on it."""
    commitment, review = due.commitment, due.commitment.review
    subject = _("Follow-up reminder: %(review)s — %(number)s") % {
        "review": review.title,
        "number": commitment.number,
    }
    due_text = commitment.due_text or (_day(commitment.due_on) if commitment.due_on else _("no due date"))
    responsibility = commitment.responsible_text or ", ".join(
        e.acronym for e in commitment.responsible_entities.all()
    )
    status = due.state.status_label
    if due.state.reported_on is not None:
        status = _("%(status)s (reported as at %(day)s)") % {
            "status": status,
            "day": _day(due.state.reported_on),
        }
    lines = [
        _("A commitment you report on needs your attention."),
        "",
        f"{review.title} ({review.organisation.acronym if review.organisation else review.get_kind_display()})",
        f"{commitment.number}. {commitment.text}",
        "",
        *due.reasons,
        "",
        _("Due: %(due)s") % {"due": due_text},
        _("Responsibility: %(who)s") % {"who": responsibility or "—"},
        _("Status as at %(day)s: %(status)s") % {"day": _day(as_at), "status": status},
        "",
        _("Please report its status in rcphub, the Regional Collaborative Platform's follow-up ledger."),
    ]
    return mail.EmailMessage(
        subject=subject, body="\n".join(lines), to=list(due.recipients), connection=connection
    )


# ---------------------------------------------------------------------------------------------
# The service


# Ten years ahead: beyond that a reminder says nothing useful, and dates would leave the calendar.
MAX_DUE_WITHIN_DAYS = 3650


def followup_reminders_send(
    *,
    as_at: date,
    due_within_days: int,
    dry_run: bool = False,
    on_outcome: Callable[[ReminderOutcome], None] | None = None,
) -> ReminderSummary:
    """E-mail a reminder about each open commitment due within `due_within_days` days, overdue or stale
    as at `as_at`, to those who report on it; at most one per commitment and day.

    Each reminder is recorded and sent in its own transaction: the Reminder row first (the database
    refuses a second one the same day), then the e-mail; if the e-mail fails, the row is undone and
    the next run tries again. A dry run writes and sends nothing. `on_outcome` hears of each
    commitment as it is done.
    """
    if not 0 <= due_within_days <= MAX_DUE_WITHIN_DAYS:
        raise ValueError(f"due_within_days must be between 0 and {MAX_DUE_WITHIN_DAYS}.")
    if as_at > date.max - timedelta(days=max(due_within_days, stale_after_days()) + 1):
        raise ValueError("as_at is too far in the future.")
    summary = ReminderSummary(as_at=as_at, due_within_days=due_within_days, dry_run=dry_run)
    due = followup_reminders_due(as_at=as_at, due_within_days=due_within_days)
    already = (
        set(
            Reminder.objects.filter(sent_on=as_at, commitment__in=[d.commitment for d in due]).values_list(
                "commitment_id", flat=True
            )
        )
        if dry_run
        else set()
    )
    connection = None if dry_run else mail.get_connection()
    for item in due:
        if not item.recipients:
            outcome = Outcome.NO_RECIPIENTS
        elif dry_run:
            outcome = Outcome.ALREADY_SENT if item.commitment.pk in already else Outcome.WOULD_SEND
        else:
            outcome = _record_and_send(item=item, as_at=as_at, connection=connection)
        result = ReminderOutcome(
            commitment_id=item.commitment.pk,
            review=item.commitment.review.title,
            number=item.commitment.number,
            kind=item.kind,
            recipients=item.recipients,
            outcome=outcome,
        )
        summary.outcomes.append(result)
        if on_outcome is not None:
            on_outcome(result)
    return summary


def _record_and_send(*, item: DueReminder, as_at: date, connection: Any) -> str:
    try:
        with transaction.atomic():
            Reminder.objects.create(
                commitment=item.commitment,
                sent_on=as_at,
                kind=item.kind,
                recipients="\n".join(item.recipients),
            )
            reminder_message(due=item, as_at=as_at, connection=connection).send()
    except IntegrityError:
        # The reminder of the day went out already: this run, another one, or one running alongside.
        return Outcome.ALREADY_SENT
    except OSError:  # smtplib's errors included
        logger.exception("Could not send the follow-up reminder on commitment %s", item.commitment.pk)
        return Outcome.FAILED
    return Outcome.SENT

from datetime import date
from io import StringIO

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import CommandError, call_command
from django_tasks import TaskResultStatus

from rcphub.accounts.models import Role
from rcphub.accounts.tests.factories import MembershipFactory, UserFactory
from rcphub.followup.models import Reminder
from rcphub.followup.reminders import Outcome, followup_reminders_send
from rcphub.followup.tasks import send_followup_reminders
from rcphub.followup.tests.factories import CommitmentFactory, FollowUpReportFactory, ReviewFactory
from rcphub.reference.models import Entity

pytestmark = pytest.mark.django_db

FOCAL = "focal@example.org"  # the `focal_point` fixture: UNDP, responsible for recommendation 1
OFFICER = "followup@example.org"  # the `follow_up_officer` fixture: UNICEF, the review's organisation

# As at this date (14 days ahead): recommendation 1 (due 2026-03-31) is due soon; 2 is due
# 2026-03-25 but completed; 3 was last reported 200 days before.
DUE_SOON_DAY = date(2026, 3, 20)
OVERDUE_DAY = date(2026, 4, 1)


class FailingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("The mail server is down.")


@pytest.fixture(autouse=True)
def _stale_after_180_days(settings):
    settings.RCPHUB_FOLLOWUP_STALE_DAYS = 180


@pytest.fixture
def ledger(review, focal_point, follow_up_officer, member):
    """The `review` with reports that keep 1 and 2 recent (2 completed, due 2026-03-25) and 3 stale.

    UNFPA (the `member` fixture's entity, with the role "member" only) is responsible for 3.
    """
    first, second, third = (review.commitments.get(number=n) for n in "123")
    second.due_on = date(2026, 3, 25)
    second.save()
    third.responsible_entities.set([Entity.objects.get(acronym="UNFPA")])
    for commitment, status, as_at in [
        (first, "ongoing", date(2026, 3, 1)),
        (second, "completed", date(2026, 3, 1)),
        (third, "ongoing", date(2025, 9, 1)),
    ]:
        FollowUpReportFactory(commitment=commitment, status=status, as_at=as_at, author=follow_up_officer)
    return review


def _send(as_at, days=14, **kwargs):
    return followup_reminders_send(as_at=as_at, due_within_days=days, **kwargs)


def _mails():
    """Return the e-mails sent, by the commitment number in their subject."""
    return {message.subject.rsplit("— ", 1)[1]: message for message in mail.outbox}


def test_due_soon_item_reminds_its_focal_points_and_the_organisations_follow_up_officers(ledger):
    _send(DUE_SOON_DAY)
    first = _mails()["1"]
    assert sorted(first.to) == [FOCAL, OFFICER]
    assert "It is due on" in first.body
    assert "in 11 days" in first.body
    reminder = Reminder.objects.get(commitment__number="1")
    assert (reminder.sent_on, reminder.kind, reminder.recipients) == (
        DUE_SOON_DAY,
        "due_soon",
        f"{FOCAL}\n{OFFICER}",
    )


def test_item_due_beyond_the_days_given_gets_no_reminder(ledger):
    _send(DUE_SOON_DAY, days=10)
    assert "1" not in _mails()
    assert not Reminder.objects.filter(commitment__number="1").exists()


def test_overdue_item_gets_a_reminder_saying_so(ledger):
    _send(OVERDUE_DAY)
    first = _mails()["1"]
    assert sorted(first.to) == [FOCAL, OFFICER]
    assert "It was due on" in first.body
    assert Reminder.objects.get(commitment__number="1").kind == "overdue"


def test_stale_item_reminds_the_follow_up_officers_but_not_plain_members(ledger):
    _send(DUE_SOON_DAY)
    third = _mails()["3"]
    # UNFPA is responsible, but its only person holds the role "member": no reporter there.
    assert third.to == [OFFICER]
    assert "Nothing has been reported since" in third.body
    assert Reminder.objects.get(commitment__number="3").kind == "stale"


def test_closed_items_get_no_reminder(ledger, follow_up_officer):
    first = ledger.commitments.get(number="1")
    FollowUpReportFactory(
        commitment=first, status="no_longer_applicable", as_at=date(2026, 3, 15), author=follow_up_officer
    )
    summary = _send(OVERDUE_DAY)
    # 1 no longer applicable and 2 completed, though both past their due dates.
    assert set(_mails()) == {"3"}
    assert [o.number for o in summary.outcomes] == ["3"]


def test_items_reported_after_the_date_are_judged_as_at_the_date(ledger, follow_up_officer):
    first = ledger.commitments.get(number="1")
    FollowUpReportFactory(
        commitment=first, status="completed", as_at=date(2026, 4, 2), author=follow_up_officer
    )
    _send(OVERDUE_DAY)
    assert "1" in _mails()


def test_items_of_other_entities_go_to_their_own_reporters_only(ledger):
    who_officer = UserFactory(email="who@example.org")
    MembershipFactory(user=who_officer, entity=Entity.objects.get(acronym="WHO"), role=Role.FOLLOW_UP_OFFICER)
    audit = ReviewFactory(
        kind="audit", organisation=Entity.objects.get(acronym="WHO"), visibility="internal", title="WHO audit"
    )
    item = CommitmentFactory(review=audit, number="A1", due_on=date(2026, 3, 1))
    item.responsible_entities.set([Entity.objects.get(acronym="WHO")])
    _send(OVERDUE_DAY)
    assert _mails()["A1"].to == ["who@example.org"]
    assert all("who@example.org" not in message.to for number, message in _mails().items() if number != "A1")
    assert all(FOCAL not in message.to for number, message in _mails().items() if number != "1")


def test_items_nobody_reports_on_are_counted_but_not_recorded(ledger):
    orphan = ReviewFactory(organisation=Entity.objects.get(acronym="WHO"), title="Nobody's evaluation")
    CommitmentFactory(review=orphan, number="N1", due_on=date(2026, 3, 1))
    summary = _send(OVERDUE_DAY)
    assert summary.count(Outcome.NO_RECIPIENTS) == 1
    assert "N1" not in _mails()
    assert not Reminder.objects.filter(commitment__review=orphan).exists()


def test_inactive_users_get_no_reminder(ledger, focal_point):
    focal_point.is_active = False
    focal_point.save()
    _send(OVERDUE_DAY)
    assert _mails()["1"].to == [OFFICER]


def test_running_twice_the_same_day_sends_nothing_new(ledger):
    first_run = _send(OVERDUE_DAY)
    sent = len(mail.outbox)
    assert sent == first_run.sent == 2
    second_run = _send(OVERDUE_DAY)
    assert len(mail.outbox) == sent
    assert second_run.sent == 0
    assert second_run.count(Outcome.ALREADY_SENT) == 2
    assert Reminder.objects.count() == 2


def test_the_next_day_sends_again(ledger):
    _send(OVERDUE_DAY)
    _send(date(2026, 4, 2))
    assert len(mail.outbox) == 4
    assert (
        sorted(Reminder.objects.values_list("sent_on", flat=True))
        == [OVERDUE_DAY] * 2 + [date(2026, 4, 2)] * 2
    )


def test_dry_run_sends_and_records_nothing(ledger):
    summary = _send(OVERDUE_DAY, dry_run=True)
    assert summary.count(Outcome.WOULD_SEND) == 2
    assert mail.outbox == []
    assert not Reminder.objects.exists()
    _send(OVERDUE_DAY)
    assert _send(OVERDUE_DAY, dry_run=True).count(Outcome.ALREADY_SENT) == 2


def test_a_failed_e_mail_records_nothing_so_the_next_run_tries_again(ledger, settings):
    settings.EMAIL_BACKEND = "rcphub.followup.tests.test_reminders.FailingBackend"
    summary = _send(OVERDUE_DAY)
    assert summary.count(Outcome.FAILED) == 2
    assert not Reminder.objects.exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert _send(OVERDUE_DAY).sent == 2


def test_command_prints_each_reminder_and_a_summary(ledger):
    out = StringIO()
    call_command("send_followup_reminders", "--date", "2026-04-01", "--days", "14", stdout=out)
    output = out.getvalue()
    assert f"Sent: {ledger.title} — 1 (Overdue) → {FOCAL}, {OFFICER}" in output
    assert f"Sent: {ledger.title} — 3 (No report for a long time) → {OFFICER}" in output
    assert "2 sent, 0 already sent today" in output
    assert len(mail.outbox) == 2
    again = StringIO()
    call_command("send_followup_reminders", "--date", "2026-04-01", stdout=again)
    assert "Already sent today" in again.getvalue()
    assert "0 sent, 2 already sent today" in again.getvalue()
    assert len(mail.outbox) == 2


def test_command_dry_run_says_what_it_would_send(ledger):
    out = StringIO()
    call_command("send_followup_reminders", "--date", "2026-04-01", "--dry-run", stdout=out)
    assert f"Would send: {ledger.title} — 1 (Overdue)" in out.getvalue()
    assert "Dry run as at 2026-04-01" in out.getvalue()
    assert mail.outbox == []


def test_command_refuses_a_malformed_date(ledger):
    with pytest.raises(CommandError, match="--date"):
        call_command("send_followup_reminders", "--date", "01/04/2026", stdout=StringIO())
    assert not Reminder.objects.exists()


def test_task_runs_the_same_service(ledger):
    result = send_followup_reminders.enqueue(as_at="2026-04-01", due_within_days=14)
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value["counts"]["sent"] == 2
    assert {o["kind"] for o in result.return_value["outcomes"]} == {"overdue", "stale"}
    assert len(mail.outbox) == 2
    assert Reminder.objects.count() == 2
    assert send_followup_reminders.enqueue(as_at="2026-04-01").return_value["counts"]["already_sent"] == 2


def test_coalition_review_reminds_the_coalition_secretariat(
    coalition, coalition_secretariat, follow_up_officer
):
    from rcphub.followup.reminders import reminder_recipients
    from rcphub.followup.tests.factories import build_review

    review = build_review(coalition=coalition)
    first = (
        review.commitments.prefetch_related("responsible_entities").select_related("review").get(number="1")
    )
    assert coalition_secretariat.email in reminder_recipients(commitments=[first])[first.pk]

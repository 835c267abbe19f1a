"""Background work on django-tasks' database backend: enqueued by one process, run by `db_worker`.

With RCPHUB_TASKS_BACKEND=database (here: TASKS overridden as config/settings.py sets it then) enqueuing
stores the task in the database and returns at once; the worker (`manage.py db_worker`, run here
in-process with --batch, which runs what is queued and exits) runs it and records its result.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django_tasks import TaskResultStatus, task_backends

from rcphub.followup.tasks import send_followup_reminders
from rcphub.followup.tests.test_reminders import _stale_after_180_days, ledger  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_tasks(monkeypatch):
    # The worker closes stale connections between tasks; inside the test's transaction that would close
    # the test's own connection (PostgreSQL), so it is left open here.
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    with override_settings(TASKS=DATABASE_TASKS):
        yield


def test_settings_choose_the_backend_from_the_environment():
    from config.settings import _TASK_BACKENDS, TASKS

    assert _TASK_BACKENDS["database"] == DATABASE_TASKS["default"]["BACKEND"]
    # The default: run in the process that enqueues (no worker needed).
    assert TASKS["default"]["BACKEND"] == "django_tasks.backends.immediate.ImmediateBackend"


def test_the_worker_runs_the_reminders_enqueued_in_the_database(database_tasks, ledger):  # noqa: F811
    assert type(task_backends["default"]).__name__ == "DatabaseBackend"
    result = send_followup_reminders.enqueue(as_at="2026-04-01", due_within_days=14)
    # Stored, not run: nothing is sent until a worker takes it.
    assert result.status == TaskResultStatus.READY
    assert mail.outbox == []

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=StringIO())

    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value["counts"]["sent"] == 2
    assert {o["kind"] for o in result.return_value["outcomes"]} == {"overdue", "stale"}
    assert len(mail.outbox) == 2
    # Another batch finds nothing left to run.
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=StringIO())
    assert len(mail.outbox) == 2

"""Empty the benchmark's tables fast: raw DELETE (SQLite) or one TRUNCATE … CASCADE (PostgreSQL).

The ORM's delete() would send a post_delete signal per row (the search index listens), which at
scale L takes hours; the benchmark database holds nothing else, so a raw wipe is safe.
"""

from __future__ import annotations

from typing import Any


def bench_models() -> list[type[Any]]:
    """The models whose rows the benchmark writes, children before parents."""
    from rcphub.accounts.models import Membership
    from rcphub.coalitions.models import Coalition, CoalitionMember
    from rcphub.events.models import Event
    from rcphub.followup.models import (
        Commitment,
        FollowUpReport,
        KeyAction,
        Reminder,
        Review,
        ReviewGroup,
    )
    from rcphub.followup.models import ReportingRound as FollowUpRound
    from rcphub.funding.models import Contribution, Fund, JointProgramme
    from rcphub.repository.models import KnowledgeProduct, Pledge, PledgeReport, Practice
    from rcphub.search.models import SearchDocument
    from rcphub.support.models import SupportRequest
    from rcphub.workplans.models import Activity, Output, Result, StatusReport, WorkPlan

    return [
        SearchDocument,
        FollowUpReport,
        Reminder,
        KeyAction,
        Commitment,
        FollowUpRound,
        ReviewGroup,
        Review,
        PledgeReport,
        Pledge,
        Practice,
        KnowledgeProduct,
        Event,
        SupportRequest,
        Contribution,
        JointProgramme,
        Fund,
        StatusReport,
        Activity,
        Output,
        Result,
        WorkPlan,
        Membership,
        CoalitionMember,
        Coalition,
    ]


def wipe() -> None:
    """Delete every row of the benchmark's tables (and their many-to-many tables) and its generated users.

    Call in a transaction. The users (`bench.users_data`) are deleted by address after the tables
    that refer to them are empty; BENCH_USER stays.
    """
    from django.db import connection

    from bench.users_data import USER_EMAIL_LIKE
    from rcphub.accounts.models import User

    tables: list[str] = []
    for model in bench_models():
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            if through._meta.auto_created:
                tables.append(through._meta.db_table)
        tables.append(model._meta.db_table)
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {', '.join(quote(t) for t in tables)} RESTART IDENTITY CASCADE")
        else:
            for table in tables:
                cursor.execute(f"DELETE FROM {quote(table)}")
        cursor.execute(f"DELETE FROM {quote(User._meta.db_table)} WHERE email LIKE %s", [USER_EMAIL_LIKE])

"""Many writers at once on one SQLite file, through the API, as `make run` serves them.

Run by test_sqlite_concurrency in a process of its own, with DATABASE_URL naming a fresh SQLite file:
it migrates, then THREADS signed-in members each draft PRACTICES practices through
`POST /api/v1/practices` at the same time, and prints the answers' status codes as JSON.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from collections import Counter

THREADS = 8
PRACTICES = 6


def main() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connections
    from django.test import Client

    from rcphub.accounts.models import Membership, Role, User
    from rcphub.reference.models import Entity, EntityKind

    call_command("migrate", verbosity=0)
    entity = Entity.objects.create(acronym="WRITERS", name="Writers' entity", kind=EntityKind.UN_ENTITY)
    users = []
    for n in range(THREADS):
        user = User.objects.create_user(email=f"writer{n}@example.org", password="not-used-here")
        Membership.objects.create(user=user, entity=entity, role=Role.MEMBER)
        users.append(user)
    connections.close_all()

    statuses: Counter[str] = Counter()
    errors: list[str] = []
    start = threading.Barrier(THREADS)

    def write(user: User) -> None:
        try:
            draft(user)
        except Exception as error:  # any failure in a thread is what the test looks for
            errors.append(repr(error)[:300])
        finally:
            connections.close_all()

    def draft(user: User) -> None:
        client = Client()
        start.wait()
        client.force_login(user)  # a session row written by each thread too
        for n in range(PRACTICES):
            response = client.post(
                "/api/v1/practices",
                data={"title": f"Practice {n} of {user.email}", "summary": "Drafted while others write."},
                content_type="application/json",
            )
            statuses[str(response.status_code)] += 1
            if response.status_code != 201:
                errors.append(response.content.decode()[:300])

    threads = [threading.Thread(target=write, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    from rcphub.repository.models import Practice

    print(json.dumps({"statuses": statuses, "errors": errors[:3], "practices": Practice.objects.count()}))


if __name__ == "__main__":
    sys.path.insert(0, os.getcwd())
    main()

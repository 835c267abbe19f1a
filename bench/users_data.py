"""Users of the benchmark beside BENCH_USER: S 50, M 500, L 5 000, with memberships over the
coalitions and entities in every role (DESIGN.md §2), so that permission checks meet a realistic
membership table. Their addresses are bench.user-N@example.org (`bench.wipe` deletes them)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from bench.streaming import PROGRESS, reset_sequences

USER_SCALES = {"S": 50, "M": 500, "L": 5_000}
USER_EMAIL = "bench.user-{}@example.org"
USER_EMAIL_LIKE = "bench.user-%@example.org"


def generate_users(users: int) -> dict[str, int]:
    """Write the users and their memberships (after the work-plan data); return the counts."""
    from django.db.models import Max

    from rcphub.accounts.models import Membership, Role, User
    from rcphub.coalitions.models import Coalition
    from rcphub.reference.models import Entity

    coalitions = list(Coalition.objects.order_by("pk").values_list("pk", flat=True))
    un = list(Entity.objects.filter(kind="un_entity").order_by("pk").values_list("pk", flat=True))
    others = list(Entity.objects.exclude(kind="un_entity").order_by("pk").values_list("pk", flat=True)) or un
    first = (User.objects.aggregate(top=Max("pk"))["top"] or 0) + 1

    def user_rows() -> Iterator[tuple[Any, ...]]:
        for n in range(users):
            yield (first + n, USER_EMAIL.format(n), "!", f"Bench{n}", "User", True)

    def membership_rows() -> Iterator[tuple[Any, ...]]:
        for n in range(users):
            user = first + n
            coalition = coalitions[n % len(coalitions)]
            entity = un[n % len(un)] if n % 3 else others[n % len(others)]
            # most are members of a coalition; some focal points, secretariats and follow-up officers
            yield (user, entity, coalition, Role.MEMBER)
            if n % 4 == 1:
                yield (user, entity, coalition, Role.FOCAL_POINT)
            if n % 10 == 2:
                yield (user, entity, coalitions[(n + 1) % len(coalitions)], Role.COALITION_SECRETARIAT)
            if n % 12 == 3:
                yield (user, un[n % len(un)], None, Role.FOLLOW_UP_OFFICER)
            if n % 7 == 4:
                yield (user, entity, coalitions[(n + 3) % len(coalitions)], Role.MEMBER)
            if n % 500 == 5:
                yield (user, un[n % len(un)], None, Role.PLATFORM_SECRETARIAT)

    counts = {
        "users": PROGRESS.run(
            "users", User, ("id", "email", "password", "first_name", "last_name", "is_active"), user_rows()
        )
    }
    reset_sequences([User])
    counts["memberships"] = PROGRESS.run(
        "memberships", Membership, ("user_id", "entity_id", "coalition_id", "role"), membership_rows()
    )
    return counts

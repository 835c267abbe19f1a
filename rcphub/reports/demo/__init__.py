"""Demo briefs and their published editions, read from briefs.yaml beside this module; matched by slug,
so a second run creates none.

Seeded by `manage.py seed_demo` after the other apps' demo (the coalitions and regions must exist).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings

from rcphub.accounts.models import User
from rcphub.coalitions.models import Coalition
from rcphub.core.demodata import demo_content
from rcphub.reference.models import Region
from rcphub.reports.models import Brief
from rcphub.reports.services import brief_create, edition_create, edition_publish
from rcphub.workplans.demo import PLATFORM_USER


def reports_demo_seed(*, progress: Callable[[str], None] | None = None) -> dict[str, int]:
    """Create the demo briefs that are missing; return how many were created."""
    say = progress or (lambda line: None)
    secretariat = User.objects.get(email=PLATFORM_USER)
    existing = set(Brief.objects.values_list("slug", flat=True))
    created = editions = 0
    for row in demo_content("rcphub.reports.demo", "briefs"):
        if row["slug"] in existing:
            continue
        brief = brief_create(
            user=secretariat,
            slug=row["slug"],
            title_en=row["title"]["en"],
            title_fr=row["title"].get("fr", ""),
            title_ru=row["title"].get("ru", ""),
            region=Region.objects.get(slug=row["region"]),
            coalition=Coalition.objects.get(slug=row["coalition"]) if row.get("coalition") else None,
            audience=row["audience"],
        )
        created += 1
        for entry in row.get("editions", []):
            say(f"Publishing an edition of {brief.slug} as at {entry['as_at']}…")
            edition = edition_create(
                user=secretariat,
                brief=brief,
                title_en=entry["title"]["en"],
                title_fr=entry["title"].get("fr", ""),
                title_ru=entry["title"].get("ru", ""),
                as_at=entry["as_at"],
                narrative=entry.get("narrative", {}),
            )
            edition_publish(
                user=secretariat,
                edition=edition,
                expected_version=edition.version,
                base_url=settings.SITE_URL,
            )
            editions += 1
    if created:
        say(f"Briefs: {created}, published editions: {editions}")
    return {"briefs": created, "brief_editions": editions}

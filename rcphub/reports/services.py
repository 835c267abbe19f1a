"""Writing briefs: `reports` writes only its own records, never the other apps'."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from rcphub.accounts.permissions import is_platform_secretariat
from rcphub.coalitions.models import Coalition
from rcphub.reference.models import Region
from rcphub.reports.models import Brief, BriefAudience


@transaction.atomic
def brief_create(
    *,
    user: Any,
    slug: str,
    title_en: str,
    region: Region,
    coalition: Coalition | None = None,
    audience: str = BriefAudience.PUBLIC,
    title_fr: str = "",
    title_ru: str = "",
) -> Brief:
    """Define a brief (the platform secretariat only); ValidationError names a field that is wrong."""
    if not is_platform_secretariat(user):
        raise PermissionDenied
    brief = Brief(
        slug=slug,
        title_en=title_en,
        title_fr=title_fr,
        title_ru=title_ru,
        region=region,
        coalition=coalition,
        audience=audience,
    )
    brief.full_clean()
    brief.save()
    return brief

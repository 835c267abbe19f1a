"""Writing briefs: `reports` writes only its own records, never the other apps'."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from rcphub.accounts.permissions import is_platform_secretariat
from rcphub.coalitions.models import Coalition
from rcphub.core.dates import today
from rcphub.reference.models import Region
from rcphub.reports.brief.figures import brief_date
from rcphub.reports.editions import edition_outputs
from rcphub.reports.models import Brief, BriefAudience, BriefEdition, EditionFile, EditionState
from rcphub.reports.permissions import can_edit_editions
from rcphub.reports.selectors import previous_published


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


def _check_edition_fields(*, as_at: date) -> None:
    brief_date(as_at.isoformat(), today=today())


@transaction.atomic
def edition_create(
    *,
    user: Any,
    brief: Brief,
    title_en: str,
    as_at: date,
    title_fr: str = "",
    title_ru: str = "",
    narrative: dict[str, dict[str, str]] | None = None,
) -> BriefEdition:
    """Draft the brief's next edition (the platform secretariat); ValidationError names a wrong field."""
    if not can_edit_editions(user=user):
        raise PermissionDenied
    _check_edition_fields(as_at=as_at)
    Brief.objects.select_for_update().filter(pk=brief.pk).first()  # numbers are taken one at a time
    last = BriefEdition.objects.filter(brief=brief).aggregate(n=Max("number"))["n"] or 0
    edition = BriefEdition(
        brief=brief,
        number=last + 1,
        title_en=title_en,
        title_fr=title_fr,
        title_ru=title_ru,
        as_at=as_at,
        narrative=narrative or {},
    )
    edition.full_clean()
    edition._history_user = user  # type: ignore[attr-defined]
    edition.save()
    return edition


def _refuse_published(edition: BriefEdition) -> None:
    if edition.published:
        raise ValidationError(
            {
                "state": _("Edition %(number)s is published: it is frozen and cannot change.")
                % {"number": edition.number}
            },
            code="frozen",
        )


@transaction.atomic
def edition_update(
    *, user: Any, edition: BriefEdition, expected_version: int | None, **fields: Any
) -> BriefEdition:
    """Change a draft edition's title, date or narrative; a published one is frozen."""
    if not can_edit_editions(user=user):
        raise PermissionDenied
    _refuse_published(edition)
    unknown = set(fields) - {"title_en", "title_fr", "title_ru", "as_at", "narrative"}
    if unknown:
        raise ValidationError({name: _("This field cannot be changed.") for name in sorted(unknown)})
    if "as_at" in fields:
        _check_edition_fields(as_at=fields["as_at"])
    for name, value in fields.items():
        setattr(edition, name, value)
    edition.full_clean()
    edition._history_user = user  # type: ignore[attr-defined]
    edition.save_versioned(expected_version=expected_version)
    return edition


def edition_publish(
    *, user: Any, edition: BriefEdition, expected_version: int | None, base_url: str
) -> BriefEdition:
    """Publish a draft edition: compute its figures as at its date, render its sections, PDF and Word file
    in each of its languages, and store them with the figures; from then on the edition never changes.

    The files are rendered before the transaction opens (they take seconds), then stored in one step."""
    if not can_edit_editions(user=user):
        raise PermissionDenied
    _refuse_published(edition)
    _check_edition_fields(as_at=edition.as_at)
    previous = previous_published(edition)
    figures, files = edition_outputs(edition, previous=previous, base_url=base_url)
    with transaction.atomic():
        edition.state = EditionState.PUBLISHED
        edition.figures = figures
        edition.published_at = timezone.now()
        edition.published_by = user
        edition._history_user = user  # type: ignore[attr-defined]
        edition.save_versioned(expected_version=expected_version)
        for (language, kind), content in files.items():
            stored = EditionFile(
                edition=edition, language=language, kind=kind, sha256=hashlib.sha256(content).hexdigest()
            )
            stored.file.save(
                f"{edition.brief.slug}-{edition.number}-{language}.{kind}", ContentFile(content), save=False
            )
            stored.save()
    return edition

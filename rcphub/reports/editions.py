"""A brief's editions: the page and files of an edition in each of its languages.

A draft is shown live: its figures are recomputed as at its date each time it is previewed. Publishing
(`services.edition_publish`) renders, for each language of the edition, the page's sections, the PDF
and the Word file with `edition_outputs`, and stores them with the figures; a published edition is
then shown from what was stored, never recomputed, so what was sent to Member States can always be
shown again as it was.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from rcphub.core.models import ProgressStatus
from rcphub.followup.models import FollowUpStatus
from rcphub.reference.models import GcmObjective
from rcphub.reports.brief.changes import Change, figure_changes
from rcphub.reports.brief.figures import BriefFigures, brief_figures, edition_reader
from rcphub.reports.brief.narrative import narrative_html
from rcphub.reports.brief.outputs import Heading, brief_docx, brief_pdf
from rcphub.reports.briefs import BriefPage, brief_sections
from rcphub.reports.models import Brief, BriefEdition


def heading_for(
    brief: Brief, result: BriefFigures, *, edition: BriefEdition | None = None, publishing: bool = False
) -> Heading:
    """Return what heads the brief's page and files, in the active language; a draft edition's files say
    they are a draft, unless they are being rendered to be published."""
    subtitle = _("%(region)s (%(count)s countries and territories), as at %(date)s") % {
        "region": brief.region.name,
        "count": len(result.region_countries),
        "date": date_format(result.as_at),
    }
    label = ""
    if edition is not None:
        label = _("Edition %(number)s") % {"number": edition.number}
        if not edition.published and not publishing:
            label = _("Edition %(number)s, draft: not published") % {"number": edition.number}
    return Heading(
        title=edition.title if edition else brief.title,
        subtitle=subtitle,
        as_at=result.as_at,
        internal=brief.internal,
        edition=label,
    )


def frozen_figures(figures: dict[str, Any]) -> dict[str, Any]:
    """Return the figures as JSON would hold them (dates as text, decimals as numbers)."""
    loaded: dict[str, Any] = json.loads(json.dumps(figures, cls=DjangoJSONEncoder))
    return loaded


def figure_names() -> dict[str, dict[str, str]]:
    """The words for the keys of counts by key, for `figure_changes`, in the active language."""
    from rcphub.reference.models import Country

    countries = {country.iso3: country.name for country in Country.objects.all()}
    objectives = {
        str(number): str(number) for number in GcmObjective.objects.values_list("number", flat=True)
    }
    return {
        "practices_by_country": countries,
        "practices_by_gcm_objective": objectives,
        "pledges_by_gcm_objective": objectives,
        "activities_by_status": {
            **{k: str(v).lower() for k, v in ProgressStatus.choices},
            "none": _("with no report yet"),
        },
        "commitments_by_status": {
            **{k: str(v).lower() for k, v in FollowUpStatus.choices},
            "none": _("with no report yet"),
        },
    }


def changes_since(figures: dict[str, Any], previous: BriefEdition | None) -> list[Change]:
    """Return what changed since the previous published edition, figure by figure; none without one."""
    if previous is None or previous.figures is None:
        return []
    return figure_changes(previous.figures, frozen_figures(figures), names=figure_names())


@dataclass
class EditionView:
    """A draft edition as previewed: its figures live as at its date, its narrative rendered."""

    result: BriefFigures
    page: BriefPage
    heading: Heading


def edition_preview(edition: BriefEdition, *, language: str, publishing: bool = False) -> EditionView:
    """Return the edition as it would be published now, in the language (the active one), counted for
    its readers (`edition_reader`), whoever previews it."""
    result = brief_figures(brief=edition.brief, as_at=edition.as_at, user=edition_reader(edition.brief))
    page = brief_sections(result, narrative=narrative_html(edition.narrative, language))
    heading = heading_for(edition.brief, result, edition=edition, publishing=publishing)
    return EditionView(result=result, page=page, heading=heading)


def edition_outputs(
    edition: BriefEdition, *, previous: BriefEdition | None, base_url: str
) -> tuple[dict[str, Any], dict[tuple[str, str], bytes]]:
    """Return the edition's figures and, for each of its languages, its sections (HTML), PDF and DOCX."""
    files: dict[tuple[str, str], bytes] = {}
    figures: dict[str, Any] = {}
    for language in edition.languages:
        with translation.override(language):
            view = edition_preview(edition, language=language, publishing=True)
            figures = view.result.figures
            changes = changes_since(figures, previous)
            context = {"page": view.page, "heading": view.heading, "changes": changes, "previous": previous}
            files[(language, "html")] = render_to_string("reports/_brief_sections.html", context).encode()
            files[(language, "pdf")] = brief_pdf(
                view.page, view.heading, base_url=base_url, changes=changes, previous=previous
            )
            files[(language, "docx")] = brief_docx(
                view.page, view.heading, base_url=base_url, changes=changes
            )
    return frozen_figures(figures), files

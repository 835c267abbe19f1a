"""Read-only report pages and files; each view parses the request, reads, and renders."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import override as translation_override
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rcphub.audit.services import record_export
from rcphub.core.dates import parse_query_date, today
from rcphub.core.errors import NotFound
from rcphub.core.forms import add_service_error
from rcphub.core.views import bad_query, form_page
from rcphub.followup.selectors import review_get
from rcphub.reports import exports
from rcphub.reports.brief import outputs
from rcphub.reports.brief.figures import brief_date, brief_figures
from rcphub.reports.briefs import BriefPage, brief_sections
from rcphub.reports.editions import changes_since, edition_preview, heading_for
from rcphub.reports.followup import status_filename, status_of_implementation
from rcphub.reports.forms import EditionForm
from rcphub.reports.models import Brief, BriefEdition, EditionFileKind
from rcphub.reports.permissions import can_edit_editions
from rcphub.reports.selectors import brief_get, brief_list, edition_get, edition_list, previous_published
from rcphub.reports.services import edition_create, edition_publish, edition_update


def _as_at(request: HttpRequest) -> date:
    """Return the `as_at` date of the query string, today when absent; ValidationError names the field."""
    return parse_query_date(request.GET.get("as_at"), field="as_at", default=today()) or today()


@require_GET
def followup_status(request: HttpRequest, review_pk: int) -> HttpResponse:
    """Show the review's status of implementation as at a date, with links to the files."""
    review = review_get(review_id=review_pk, user=request.user)
    try:
        as_at = _as_at(request)
    except ValidationError as error:
        return bad_query(request, error, back=reverse("reports:followup_status", args=[review.pk]))
    report = status_of_implementation(review=review, user=request.user, as_at=as_at)
    files = [
        (label, f"{reverse('reports:followup_status_file', args=[review.pk, fmt])}?as_at={as_at.isoformat()}")
        for fmt, label in (("pdf", _("PDF")), ("docx", _("Word (DOCX)")), ("xlsx", _("Excel (XLSX)")))
    ]
    return render(
        request,
        "reports/followup_status.html",
        {"report": report, "review": review, "files": files, "header": exports.table_header(report)},
    )


@require_GET
def followup_status_file(request: HttpRequest, review_pk: int, fmt: str) -> HttpResponse:
    """Send the review's status of implementation as at a date as a PDF, DOCX or XLSX file."""
    if fmt not in exports.CONTENT_TYPES:
        raise NotFound
    review = review_get(review_id=review_pk, user=request.user)
    try:
        as_at = _as_at(request)
    except ValidationError as error:
        return bad_query(request, error, back=reverse("reports:followup_status", args=[review.pk]))
    report = status_of_implementation(review=review, user=request.user, as_at=as_at)
    if fmt == "pdf":
        content = exports.status_pdf(report)
    elif fmt == "docx":
        content = exports.status_docx(report)
    else:
        content = exports.status_xlsx(report)
    response = HttpResponse(content, content_type=exports.CONTENT_TYPES[fmt])
    filename = status_filename(review=review, as_at=as_at, fmt=fmt)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def brief_list_view(request: HttpRequest) -> HttpResponse:
    """List the briefs the reader may see."""
    return render(request, "reports/brief_list.html", {"briefs": brief_list(user=request.user)})


FILE_LABELS = (
    ("pdf", _lazy("PDF")),
    ("docx", _lazy("Word (DOCX)")),
    ("xlsx", _lazy("Figures (XLSX)")),
    ("csv", _lazy("Figures (CSV)")),
    ("json", _lazy("Figures (JSON)")),
)


def _check_format(fmt: str, kind: str) -> None:
    """brief.pdf and brief.docx are the brief; figures.xlsx, .csv and .json its figures; nothing else."""
    if fmt not in (outputs.FIGURE_FORMATS if kind == "figures" else ("pdf", "docx")):
        raise NotFound


def _file_links(name: str, args: list[Any], query: str) -> list[tuple[Any, str]]:
    return [
        (
            label,
            reverse(
                f"briefs:{name}" if fmt in ("pdf", "docx") else f"briefs:{_figures_name(name)}",
                args=[*args, fmt],
            )
            + query,
        )
        for fmt, label in FILE_LABELS
    ]


def _figures_name(name: str) -> str:
    return "figures" if name == "file" else "edition_figures"


def _brief_as_at(request: HttpRequest, brief: Brief) -> date:
    return brief_date(request.GET.get("as_at"), today=today())


def _download(content: bytes, fmt: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=outputs.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _language() -> str:
    return (get_language() or "en")[:2]


@require_GET
def brief_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Show the brief as at a date (today by default), every figure linking to the records it counts."""
    brief = brief_get(slug=slug, user=request.user)
    try:
        as_at = _brief_as_at(request, brief)
    except ValidationError as error:
        return bad_query(request, error, back=reverse("briefs:detail", args=[brief.slug]))
    result = brief_figures(brief=brief, as_at=as_at, user=request.user)
    query = f"?as_at={as_at.isoformat()}"
    files = _file_links("file", [brief.slug], query)
    return render(
        request,
        "reports/brief.html",
        {
            "brief": brief,
            "result": result,
            "region": brief.region,
            "page": brief_sections(result),
            "files": files,
            "editions": [e for e in edition_list(brief=brief, user=request.user) if e.published],
            "can_draft": can_edit_editions(user=request.user),
        },
    )


@require_GET
def brief_file(request: HttpRequest, slug: str, fmt: str, kind: str = "brief") -> HttpResponse:
    """Send the live brief as at a date as PDF or Word, or its figures as XLSX, CSV or JSON."""
    _check_format(fmt, kind)
    brief = brief_get(slug=slug, user=request.user)
    try:
        as_at = _brief_as_at(request, brief)
    except ValidationError as error:
        return bad_query(request, error, back=reverse("briefs:detail", args=[brief.slug]))
    result = brief_figures(brief=brief, as_at=as_at, user=request.user)
    heading = heading_for(brief, result)
    name = outputs.filename(brief.slug, as_at, fmt, language=_language())
    record_export(request, brief, what=name, internal=brief.internal)
    return _download(_live_file(request, fmt, result, heading), fmt, name)


def _live_file(
    request: HttpRequest, fmt: str, result: Any, heading: outputs.Heading, page: BriefPage | None = None
) -> bytes:
    """A file computed now: the live brief's, or a draft edition's (`page` then holds its narrative)."""
    base_url = request.build_absolute_uri("/")
    if fmt == "pdf":
        return outputs.brief_pdf(page or brief_sections(result), heading, base_url=base_url)
    if fmt == "docx":
        return outputs.brief_docx(page or brief_sections(result), heading, base_url=base_url)
    return _figures_file(fmt, result.brief, result.as_at, result.region_codes, result.figures, heading)


def _figures_file(
    fmt: str, brief: Brief, as_at: date, region: list[str], figures: dict[str, Any], heading: outputs.Heading
) -> bytes:
    if fmt == "json":
        return outputs.figures_json(
            {
                "slug": brief.slug,
                "title": heading.title,
                "as_at": as_at,
                "audience": brief.audience,
                "internal": brief.internal,
                "region": {"name": brief.region.name, "slug": brief.region.slug, "countries": region},
                "figures": figures,
            }
        )
    if fmt == "csv":
        return outputs.figures_csv(figures)
    return outputs.figures_xlsx(figures, heading)


# ---------------------------------------------------------------------------------------------
# Editions


def _edition_crumbs(brief: Brief) -> list[tuple[str, str]]:
    return [
        (_("Regional briefs"), reverse("briefs:list")),
        (brief.title, reverse("briefs:detail", args=[brief.slug])),
    ]


@login_required
@require_http_methods(["GET", "POST"])
def edition_create_view(request: HttpRequest, slug: str) -> HttpResponse:
    """Let the platform secretariat draft the brief's next edition."""
    brief = brief_get(slug=slug, user=request.user)
    if not can_edit_editions(user=request.user):
        raise PermissionDenied
    initial: dict[str, Any] = {
        "title_en": brief.title_en,
        "title_fr": brief.title_fr,
        "title_ru": brief.title_ru,
    }
    try:
        initial["as_at"] = brief_date(request.GET.get("as_at"), today=today())
    except ValidationError:
        initial["as_at"] = today()
    form = EditionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            edition = edition_create(user=request.user, brief=brief, **form.edition_fields())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Edition %(number)s drafted. Preview it, then publish it.") % {"number": edition.number},
            )
            return redirect("briefs:edition", slug=brief.slug, number=edition.number)
    return form_page(
        request,
        form=form,
        title=_("New edition of %(brief)s") % {"brief": brief.title},
        context={"crumbs": _edition_crumbs(brief), "cancel": reverse("briefs:detail", args=[brief.slug])},
    )


@login_required
@require_http_methods(["GET", "POST"])
def edition_edit_view(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """Let the platform secretariat change a draft edition; a published one is frozen."""
    brief = brief_get(slug=slug, user=request.user)
    edition = edition_get(brief=brief, number=number, user=request.user)
    if not can_edit_editions(user=request.user):
        raise PermissionDenied
    back = reverse("briefs:edition", args=[brief.slug, edition.number])
    if edition.published:
        messages.error(request, _("A published edition is frozen and cannot change."))
        return redirect(back)
    form = EditionForm(request.POST or None, edition=edition)
    if request.method == "POST" and form.is_valid():
        try:
            edition_update(
                user=request.user,
                edition=edition,
                expected_version=form.cleaned_data.get("version"),
                **form.edition_fields(),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Edition saved."))
            return redirect(back)
    return form_page(
        request,
        form=form,
        title=_("Edition %(number)s of %(brief)s") % {"number": edition.number, "brief": brief.title},
        context={"crumbs": _edition_crumbs(brief), "cancel": back},
    )


@require_GET
def edition_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """Show an edition: a published one as it was stored, a draft as a live preview; with what changed
    since the previous published edition."""
    brief = brief_get(slug=slug, user=request.user)
    edition = edition_get(brief=brief, number=number, user=request.user)
    previous = previous_published(edition)
    language = _language()
    context: dict[str, Any] = {"brief": brief, "edition": edition, "previous": previous}
    if edition.published:
        stored = _stored(edition, language, EditionFileKind.SECTIONS)
        context["sections_html"] = stored.decode()
        context["changes"] = changes_since(edition.figures or {}, previous)
    else:
        view = edition_preview(edition, language=language)
        context.update(
            {
                "page": view.page,
                "heading": view.heading,
                "changes": changes_since(view.result.figures, previous),
            }
        )
    query = f"?lang={language}"
    context["files"] = _file_links("edition_file", [brief.slug, edition.number], query)
    context["can_edit"] = can_edit_editions(user=request.user) and not edition.published
    return render(request, "reports/edition.html", context)


def _stored(edition: BriefEdition, language: str, kind: str) -> bytes:
    """Return a stored file of a published edition in the language, or in English where it has none."""
    files = {(f.language, f.kind): f for f in edition.files.all()}
    found = files.get((language, kind)) or files.get(("en", kind))
    if found is None:
        raise NotFound
    with found.file.open("rb") as handle:
        return handle.read()


@login_required
@require_POST
def edition_publish_view(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """Publish a draft edition: its figures and files are stored and never change afterwards."""
    brief = brief_get(slug=slug, user=request.user)
    edition = edition_get(brief=brief, number=number, user=request.user)
    back = reverse("briefs:edition", args=[brief.slug, edition.number])
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = None
    try:
        edition_publish(
            user=request.user,
            edition=edition,
            expected_version=version,
            base_url=request.build_absolute_uri("/"),
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Edition %(number)s published.") % {"number": edition.number})
    return redirect(back)


@require_GET
def edition_file(request: HttpRequest, slug: str, number: int, fmt: str, kind: str = "brief") -> HttpResponse:
    """Send an edition's file: a published edition's stored PDF or Word file and its frozen figures; a
    draft's files rendered live, marked as a draft."""
    _check_format(fmt, kind)
    brief = brief_get(slug=slug, user=request.user)
    edition = edition_get(brief=brief, number=number, user=request.user)
    language = request.GET.get("lang") or _language()
    if language not in edition.languages:
        language = "en"
    name = outputs.filename(brief.slug, edition.as_at, fmt, edition=edition.number, language=language)
    record_export(request, edition, what=name, internal=brief.internal)
    if edition.published and fmt in ("pdf", "docx"):
        return _download(_stored(edition, language, fmt), fmt, name)
    with translation_override(language):
        if edition.published:
            figures = edition.figures or {}
            region = list(brief.region.countries.order_by("name_en").values_list("iso3", flat=True))
            heading = outputs.Heading(
                title=edition.title, subtitle=brief.region.name, as_at=edition.as_at, internal=brief.internal
            )
            return _download(_figures_file(fmt, brief, edition.as_at, region, figures, heading), fmt, name)
        view = edition_preview(edition, language=language)
        return _download(_live_file(request, fmt, view.result, view.heading, view.page), fmt, name)

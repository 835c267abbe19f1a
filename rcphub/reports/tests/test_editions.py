"""The brief's files and editions: the PDF, Word, XLSX, CSV and JSON read back with the page's figures;
editions drafted, previewed and published by the platform secretariat, frozen once published."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pdfplumber
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from rcphub.reports.brief.changes import figure_changes
from rcphub.reports.brief.narrative import render_narrative
from rcphub.reports.models import Brief, BriefEdition, EditionFile
from rcphub.reports.services import edition_create, edition_publish, edition_update
from rcphub.reports.tests.test_brief import AS_AT, _practice

pytestmark = pytest.mark.django_db


def _pdf_text(content: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def _docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    header = [p.text for p in document.sections[0].header.paragraphs]
    return "\n".join([*header, *(p.text for p in document.paragraphs), *cells])


def _file(client, brief, name, fmt, as_at=AS_AT):
    response = client.get(reverse(f"briefs:{name}", args=[brief.slug, fmt]) + f"?as_at={as_at.isoformat()}")
    assert response.status_code == 200, response.content[:300]
    return response


def test_every_file_of_the_brief_gives_the_figures_of_the_api(world, client):
    figures = client.get(f"/api/v1/briefs/{world.slug}?as_at={AS_AT.isoformat()}").json()["figures"]
    assert figures["practices_in_region"] == 3 and figures["pledges_in_region"] == 1

    pages = _pdf_text(_file(client, world, "file", "pdf").content)
    text = "\n".join(pages)
    assert "Published practices implemented in the region" in text
    assert f"{len(pages)} / {len(pages)}" in pages[-1]  # page numbers
    assert "Serbia" in text and "Security Council resolution" in text  # the table by country, the notes

    words = _docx_text(_file(client, world, "file", "docx").content)
    assert "Published practices implemented in the region: 3" in words
    assert "Pledges from the region: 1" in words
    assert Document(
        io.BytesIO(_file(client, world, "file", "docx").content)
    ).inline_shapes  # charts as images

    rows = list(csv.reader(io.StringIO(_file(client, world, "figures", "csv").content.decode("utf-8-sig"))))
    by_figure = {(figure, key): value for figure, key, value in rows[1:]}
    assert by_figure[("practices_in_region", "")] == "3"
    assert by_figure[("practices_by_country", "SRB")] == str(figures["practices_by_country"]["SRB"])

    sheet = load_workbook(io.BytesIO(_file(client, world, "figures", "xlsx").content)).active
    cells = {
        (row[0], row[1] or ""): row[2] for row in sheet.iter_rows(values_only=True) if row and len(row) == 3
    }
    assert cells[("practices_in_region", "")] == 3

    document = json.loads(_file(client, world, "figures", "json").content)
    assert document["figures"] == figures and document["region"]["countries"] == ["BIH", "XKX", "MNE", "SRB"]


def test_a_members_brief_says_it_is_internal_on_every_page_and_file(world, client, platform_secretariat):
    world.audience = "members"
    world.save()
    client.force_login(platform_secretariat)
    pages = _pdf_text(_file(client, world, "file", "pdf").content)
    assert all("Internal: this brief may count records that are not public" in page for page in pages)
    assert "Internal: this brief" in _docx_text(_file(client, world, "file", "docx").content)


@pytest.mark.parametrize(
    ("path", "status"),
    [("brief.xlsx", 404), ("figures.pdf", 404), ("brief.exe", 404), ("brief.pdf?as_at=2025-02-30", 400)],
)
def test_an_unknown_format_is_not_found_and_a_bad_date_names_as_at(world, client, path, status):
    response = client.get(f"/briefs/{world.slug}/{path}")
    assert response.status_code == status
    if status == 400:
        assert b"as_at" in response.content


def test_narrative_markdown_cannot_carry_html_or_scripts():
    html = render_narrative(
        "Practices **grew**.\n\n<script>alert(1)</script>\n\n[report](javascript:alert(1)) "
        '[site](https://example.org) <img src=x onerror="alert(1)"> <a href="#" onclick="x()">a</a>'
    )
    assert "<strong>grew</strong>" in html and 'href="https://example.org"' in html
    for bad in ("<script", "javascript:", "onerror", "onclick", "<img"):
        assert bad not in html
    assert render_narrative("   ") == ""


def test_changes_are_listed_figure_by_figure():
    before = {
        "practices_in_region": 63,
        "practices_by_country": {"KAZ": 3, "SRB": 2},
        "champion_countries": ["SRB"],
    }
    after = {
        "practices_in_region": 70,
        "practices_by_country": {"KAZ": 5, "SRB": 2},
        "champion_countries": ["SRB"],
    }
    changes = figure_changes(before, after, names={"practices_by_country": {"KAZ": "Kazakhstan"}})
    assert [(c.figure, c.label, c.before, c.after) for c in changes] == [
        ("practices_in_region", "Practices in the region", 63, 70),
        ("practices_by_country.KAZ", "Practices in Kazakhstan", 3, 5),
    ]


def _draft(brief, user, **fields):
    return edition_create(user=user, brief=brief, title_en="Brief, mid-2025", as_at=AS_AT, **fields)


def test_only_the_platform_secretariat_drafts_editions(
    world, client, coalition_secretariat, platform_secretariat
):
    with pytest.raises(PermissionDenied):
        _draft(world, coalition_secretariat)
    client.force_login(coalition_secretariat)
    assert client.get(reverse("briefs:edition_create", args=[world.slug])).status_code == 403
    first, second = _draft(world, platform_secretariat), _draft(world, platform_secretariat)
    assert (first.number, second.number) == (1, 2)


def test_a_draft_is_seen_by_the_secretariat_only_and_answers_like_a_missing_one(
    world, client, member, platform_secretariat
):
    draft = _draft(world, platform_secretariat)
    page = reverse("briefs:edition", args=[world.slug, draft.number])
    for user in (None, member):
        client.logout()
        if user:
            client.force_login(user)
        assert client.get(page).status_code == 404
        assert client.get(reverse("briefs:edition", args=[world.slug, 99])).status_code == 404
        assert client.get(f"/api/v1/briefs/{world.slug}/editions/{draft.number}").status_code == 404
        assert client.get(f"/api/v1/briefs/{world.slug}/editions").json() == []
    client.force_login(platform_secretariat)
    response = client.get(page)
    assert response.status_code == 200 and b"Draft: this preview" in response.content


def test_the_form_drafts_an_edition_and_names_a_bad_date(world, client, platform_secretariat):
    client.force_login(platform_secretariat)
    url = reverse("briefs:edition_create", args=[world.slug])
    response = client.post(url, {"title_en": "Brief", "as_at": "2199-01-01"})
    assert response.status_code == 200 and "after today" in response.content.decode()
    assert not BriefEdition.objects.exists()
    response = client.post(
        url,
        {
            "title_en": "Brief",
            "as_at": AS_AT.isoformat(),
            "narrative_practices_en": "Three practices, **up**.",
        },
    )
    edition = BriefEdition.objects.get()
    assert response["Location"] == reverse("briefs:edition", args=[world.slug, edition.number])
    assert edition.narrative == {"practices": {"en": "Three practices, **up**."}}
    preview = client.get(response["Location"]).content.decode()
    assert "Three practices, <strong>up</strong>." in preview
    draft_pdf = client.get(reverse("briefs:edition_file", args=[world.slug, edition.number, "pdf"]))
    text = "\n".join(_pdf_text(draft_pdf.content))
    assert "Three practices, up." in text and "draft: not published" in text


def test_a_draft_shows_what_changed_since_the_previous_published_edition(world, client, platform_secretariat):
    BriefEdition.objects.create(
        brief=world,
        number=1,
        title_en="First",
        as_at=date(2025, 4, 1),
        state="published",
        published_at="2025-04-02T10:00:00Z",
        figures={"practices_in_region": 2, "practices_by_country": {"SRB": 1}},
    )
    draft = _draft(world, platform_secretariat)
    client.force_login(platform_secretariat)
    page = client.get(reverse("briefs:edition", args=[world.slug, draft.number])).content.decode()
    assert "What changed since edition 1" in page
    assert (
        '<th scope="row">Practices in the region</th><td class="number">2</td><td class="number">3</td>'
        in page
    )
    changes = client.get(f"/api/v1/briefs/{world.slug}/editions/{draft.number}").json()["changes"]
    assert {
        "figure": "practices_in_region",
        "label": "Practices in the region",
        "before": 2,
        "after": 3,
    } in changes


class TestAPublishedEdition:
    """One edition published in English and Russian; the data then move on."""

    @pytest.fixture
    def published(self, world, platform_secretariat):
        edition = _draft(
            world,
            platform_secretariat,
            title_ru="Бюллетень, середина 2025 года",
            narrative={"practices": {"en": "Three practices.", "ru": "Три практики."}},
        )
        return edition_publish(
            user=platform_secretariat,
            edition=edition,
            expected_version=edition.version,
            base_url="http://testserver/",
        )

    def test_it_is_frozen_while_the_data_move_on(
        self, published, world, member, client, platform_secretariat
    ):
        assert published.state == "published" and published.figures["practices_in_region"] == 3
        stored = {(f.language, f.kind): f.sha256 for f in EditionFile.objects.filter(edition=published)}
        assert set(stored) == {(lang, kind) for lang in ("en", "ru") for kind in ("html", "pdf", "docx")}

        _practice(member, countries=["SRB"], published_on=date(2025, 6, 1))  # published before the as-at date
        live = client.get(f"/api/v1/briefs/{world.slug}?as_at={AS_AT.isoformat()}").json()["figures"]
        assert live["practices_in_region"] == 4

        api = client.get(f"/api/v1/briefs/{world.slug}/editions/{published.number}").json()
        assert api["figures"]["practices_in_region"] == 3 and api["state"] == "published"
        page = client.get(reverse("briefs:edition", args=[world.slug, published.number])).content.decode()
        assert 'id="figure-practices_in_region">3</a>' in page and "Three practices." in page
        pdf = client.get(
            reverse("briefs:edition_file", args=[world.slug, published.number, "pdf"]) + "?lang=ru"
        )
        text = "\n".join(_pdf_text(pdf.content))
        assert "Бюллетень, середина 2025 года" in text and "Три практики." in text and "draft" not in text
        docx = client.get(reverse("briefs:edition_file", args=[world.slug, published.number, "docx"]))
        assert "Published practices implemented in the region: 3" in _docx_text(docx.content)
        frozen = client.get(reverse("briefs:edition_figures", args=[world.slug, published.number, "json"]))
        assert json.loads(frozen.content)["figures"]["practices_in_region"] == 3
        assert stored == {
            (f.language, f.kind): f.sha256 for f in EditionFile.objects.filter(edition=published)
        }

    def test_it_refuses_every_change(self, published, world, client, platform_secretariat):
        with pytest.raises(ValidationError) as refused:
            edition_update(
                user=platform_secretariat,
                edition=published,
                expected_version=published.version,
                title_en="New",
            )
        assert "state" in refused.value.message_dict
        with pytest.raises(ValidationError):
            edition_publish(
                user=platform_secretariat, edition=published, expected_version=published.version, base_url=""
            )
        client.force_login(platform_secretariat)
        response = client.post(
            reverse("briefs:edition_edit", args=[world.slug, published.number]),
            {"title_en": "Changed", "as_at": AS_AT.isoformat()},
        )
        assert response.status_code == 302
        published.refresh_from_db()
        assert published.title_en == "Brief, mid-2025"

    def test_a_visitor_reads_it_and_finds_it_on_the_brief(self, published, world, client):
        brief_page = client.get(reverse("briefs:detail", args=[world.slug])).content.decode()
        assert reverse("briefs:edition", args=[world.slug, published.number]) in brief_page
        listed = client.get(f"/api/v1/briefs/{world.slug}/editions").json()
        assert [item["number"] for item in listed] == [published.number]


def test_a_stale_version_does_not_overwrite_a_draft(world, platform_secretariat):
    draft = _draft(world, platform_secretariat)
    stale = draft.version
    edition_update(user=platform_secretariat, edition=draft, expected_version=stale, title_en="One")
    other = BriefEdition.objects.get(pk=draft.pk)
    with pytest.raises(ValidationError):
        edition_update(user=platform_secretariat, edition=other, expected_version=stale, title_en="Two")
    assert Brief.objects.get(pk=world.pk).editions.get().title_en == "One"


def _publish(brief, user):
    edition = _draft(brief, user)
    return edition_publish(
        user=user, edition=edition, expected_version=edition.version, base_url="http://testserver/"
    )


def test_a_members_edition_counts_what_every_reader_of_it_may_see(
    world, client, platform_secretariat, member, outsider
):
    """The secretariat sees the coalition's internal UNCT training; so do the coalition's members, who
    alone read its members' brief. A platform-wide members' brief is read by members of any coalition:
    its edition leaves the coalition's internal items out, though its publisher sees them."""
    world.audience = "members"
    world.save()
    platform = Brief.objects.create(
        slug="balkans-platform", title_en="Platform brief", region=world.region, audience="members"
    )
    live = "/api/v1/briefs/{}?as_at=" + AS_AT.isoformat()
    client.force_login(platform_secretariat)
    assert client.get(live.format(platform.slug)).json()["figures"]["unct_workshops"] == 2

    assert _publish(world, platform_secretariat).figures["unct_workshops"] == 2
    assert _publish(platform, platform_secretariat).figures["unct_workshops"] == 1

    client.force_login(outsider)  # a member of another coalition
    assert client.get(reverse("briefs:edition", args=[world.slug, 1])).status_code == 404
    assert client.get(f"/api/v1/briefs/{world.slug}/editions/1").status_code == 404
    assert client.get(f"/api/v1/briefs/{platform.slug}/editions/1").json()["figures"]["unct_workshops"] == 1
    client.force_login(member)
    assert client.get(f"/api/v1/briefs/{world.slug}/editions/1").json()["figures"]["unct_workshops"] == 2

"""Fixture documents, written in code, in the layouts people send (no tests here; the interpreters reuse them).

Each builder returns the file's bytes and is cached: a PDF takes WeasyPrint a moment.
Word files carry real numbering definitions (word/numbering.xml) and real footnotes (word/footnotes.xml),
added as OPC parts with lxml, since python-docx writes neither.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from functools import cache
from html import escape
from typing import Any

import docx
import openpyxl
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


# --- Word building blocks ------------------------------------------------------------------------


def numbering_xml(
    abstracts: dict[int, list[tuple[str, str, int, str | None]]], nums: dict[int, tuple[int, dict[int, int]]]
) -> str:
    """Return a numbering.xml: abstract definitions {id: [(numFmt, lvlText, start, pStyle)]} by level,
    and instances {numId: (abstractNumId, {level: startOverride})}."""
    parts = [f"<w:numbering {W_NS}>"]
    for abstract_id, levels in abstracts.items():
        parts.append(f'<w:abstractNum w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="multilevel"/>')
        for ilvl, (fmt, text, start, style) in enumerate(levels):
            bound = f'<w:pStyle w:val="{style}"/>' if style else ""
            parts.append(
                f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{bound}'
                f'<w:lvlText w:val="{escape(text)}"/><w:lvlJc w:val="left"/></w:lvl>'
            )
        parts.append("</w:abstractNum>")
    for num_id, (abstract_id, starts) in nums.items():
        overrides = "".join(
            f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
            for ilvl, start in starts.items()
        )
        parts.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>')
    parts.append("</w:numbering>")
    return "".join(parts)


def set_numbering(document: Any, xml: str) -> None:
    """Replace the document's numbering definitions."""
    document.part.numbering_part._element = parse_xml(xml)


def number(paragraph: Any, num_id: int, ilvl: int = 0) -> Any:
    """Give a paragraph automatic numbering (list instance `num_id`, level `ilvl`)."""
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = ilvl
    numpr.get_or_add_numId().val = num_id
    return paragraph


def style_numbering(document: Any, style_name: str, num_id: int, ilvl: int) -> None:
    """Number every paragraph of a style, as Word does for numbered headings."""
    style = document.styles[style_name]
    numpr = style.element.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = ilvl
    numpr.get_or_add_numId().val = num_id


def set_footnotes(document: Any, notes: dict[int, str]) -> None:
    """Add a footnotes part holding these notes (with Word's two separator notes)."""
    body = [
        f"<w:footnotes {W_NS}>",
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>',
    ]
    for note_id, text in notes.items():
        body.append(
            f'<w:footnote w:id="{note_id}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> '
            f"{escape(text)}</w:t></w:r></w:p></w:footnote>"
        )
    body.append("</w:footnotes>")
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, "".join(body).encode(), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def footnote(paragraph: Any, note_id: int) -> Any:
    """Put a footnote reference marker at the end of a paragraph."""
    paragraph._p.append(
        parse_xml(
            f'<w:r {W_NS}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{note_id}"/></w:r>'
        )
    )
    return paragraph


def repeat_header(row: Any) -> None:
    """Mark a table row as a header repeated at the top of each page."""
    row._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {W_NS}/>"))


def merge_row(table: Any, index: int, text: str) -> None:
    """Merge a whole row into one cell holding `text` (a section heading row)."""
    cell = table.cell(index, 0).merge(table.cell(index, len(table.columns) - 1))
    cell.text = text


def docx_bytes(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _table(document: Any, header: list[str], rows: list[list[str]]) -> Any:
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    for i, name in enumerate(header):
        table.cell(0, i).text = name
    repeat_header(table.rows[0])
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    return table


# --- Work plans in Word --------------------------------------------------------------------------

RESULT_1 = "Migration governance is rights-based and gender-responsive across the region"
RESULT_2 = "Displaced people and host communities are more resilient"
OUTPUT_1_1 = "National migration strategies draw on regional evidence"
OUTPUT_1_2 = "Labour migration pathways are safer"
OUTPUT_2_1 = "Local authorities plan for displacement"
NOTES = {
    1: "Subject to funding from the Migration MPTF.",
    2: "Jointly with the Regional UN Network on Migration.",
    3: "Carried over from the 2024 work plan.",
}


@cache
def workplan_headings_docx() -> bytes:
    """Return a work plan written as numbered headings: RESULT 1. → 1.1 → i., ii., with footnotes."""
    document = docx.Document()
    set_numbering(
        document,
        numbering_xml(
            {
                1: [
                    ("decimal", "RESULT %1.", 1, "Heading1"),
                    ("decimal", "%1.%2", 1, "Heading2"),
                    ("lowerRoman", "%3.", 1, None),
                ]
            },
            {1: (1, {})},
        ),
    )
    style_numbering(document, "Heading 1", 1, 0)
    style_numbering(document, "Heading 2", 1, 1)
    set_footnotes(document, NOTES)
    document.add_heading("Work plan 2025 of the Issue-based Coalition on Large Movements of People", level=0)
    document.add_paragraph("Endorsed by the coalition's co-chairs on 14 February 2025.")
    document.add_heading(RESULT_1, level=1)
    document.add_heading(OUTPUT_1_1, level=2)
    number(
        document.add_paragraph(
            "Regional review of national migration strategies (Azerbaijan and Turkmenistan)"
        ),
        1,
        2,
    )
    footnote(number(document.add_paragraph("Peer-learning workshop for migration focal points"), 1, 2), 1)
    footnote(document.add_heading(OUTPUT_1_2, level=2), 2)
    number(document.add_paragraph("Guidance note on bilateral labour migration agreements"), 1, 2)
    document.add_heading(RESULT_2, level=1)
    document.add_heading(OUTPUT_2_1, level=2)
    footnote(
        number(document.add_paragraph("Training on area-based planning for municipalities in Ukraine"), 1, 2),
        3,
    )
    return docx_bytes(document)


@cache
def workplan_tables_docx() -> bytes:
    """Return a work plan with one table per output; numbered activities continue across the cells."""
    document = docx.Document()
    set_numbering(
        document, numbering_xml({5: [("lowerRoman", "%1.", 1, None)]}, {7: (5, {}), 8: (5, {0: 1})})
    )
    set_footnotes(document, NOTES)
    header = ["Activity", "Lead", "Partners", "Countries", "Timeline"]
    document.add_heading(f"Result 1: {RESULT_1}", level=1)
    for title, num_id, activities in (
        (
            f"Output 1.1: {OUTPUT_1_1}",
            7,
            [
                (
                    "Regional review of national migration strategies",
                    "IOM",
                    "UNDP; UNHCR",
                    "Armenia; Georgia",
                    "Q1–Q2",
                ),
                ("Peer-learning workshop for migration focal points", "UNDP", "IOM", "All", "Q3"),
                ("Data dashboard on labour migration", "ILO", "-", "Kyrgyzstan", "Q4"),
            ],
        ),
        (
            f"Output 1.2: {OUTPUT_1_2}",
            8,
            [("Guidance note on bilateral labour migration agreements", "ILO", "IOM", "Tajikistan", "Q2")],
        ),
    ):
        document.add_heading(title, level=2)
        table = _table(document, header, [["", *row[1:]] for row in activities])
        for r, (activity, *_rest) in enumerate(activities, start=1):
            cell = table.cell(r, 0)
            cell.text = ""
            number(cell.paragraphs[0], num_id, 0).add_run(activity)
        # One cell with several paragraphs: the activity and its description; one with a footnote.
        if len(activities) > 1:
            table.cell(1, 0).add_paragraph("Covers the strategies adopted since 2019.")
            footnote(table.cell(2, 0).paragraphs[0], 1)
    return docx_bytes(document)


@cache
def workplan_big_table_docx() -> bytes:
    """Return a work plan as one big table: merged rows for results, the output merged down its activities."""
    document = docx.Document()
    set_footnotes(document, NOTES)
    header = ["Output", "Activity", "Lead", "Partners"]
    rows = [
        ["", "", "", ""],
        [f"1.1 {OUTPUT_1_1}", "i. Regional review of national migration strategies", "IOM", "UNDP; UNHCR"],
        ["", "ii. Peer-learning workshop for migration focal points", "UNDP", "IOM"],
        header,  # the header typed again where the table went on to a new page
        [f"1.2 {OUTPUT_1_2}", "i. Guidance note on bilateral labour migration agreements", "ILO", "IOM"],
        ["", "", "", ""],
        [f"2.1 {OUTPUT_2_1}", "i. Training on area-based planning for municipalities", "UNDP", "UN-Habitat"],
    ]
    table = _table(document, header, rows)
    merge_row(table, 1, f"RESULT 1. {RESULT_1}")
    merge_row(table, 6, f"RESULT 2. {RESULT_2}")
    output = table.cell(2, 0).merge(table.cell(3, 0))
    output.text = f"1.1 {OUTPUT_1_1}"
    footnote(table.cell(3, 1).paragraphs[0], 2)
    return docx_bytes(document)


# --- Reviews and plans of action -----------------------------------------------------------------

STATUS_TITLE = "Progress report as at 31 December 2018"
STATUS_HEADER = ["No.", "Recommendation", "Management response", "Responsibility", "Status and comment"]


def status_rows(count: int = 4) -> list[list[str]]:
    """Return the rows of a status-of-implementation table (the review's recommendations)."""
    themes = [
        "Strengthen results-based management of the coalition's work plan",
        "Set up a joint monitoring framework with the Regional UN Network on Migration",
        "Mobilise pooled funding for cross-border activities",
        "Train UN Country Teams on the Global Compact for Migration",
        "Publish an annual progress report to Member States",
    ]
    responses = ["Accepts", "Partially accepts", "Accepts", "Does not accept", "Accepts"]
    statuses = [
        "Completed",
        "Ongoing: draft framework shared in November",
        "Not started",
        "Completed/ongoing",
        "Ongoing",
    ]
    return [
        [
            str(i),
            f"{themes[(i - 1) % 5]} ({i}).",
            responses[(i - 1) % 5],
            "IBC secretariat; UNDP" if i % 2 else "Co-chairs",
            statuses[(i - 1) % 5],
        ]
        for i in range(1, count + 1)
    ]


@cache
def status_table_docx() -> bytes:
    """Return an evaluation's status-of-implementation table in Word."""
    document = docx.Document()
    document.add_heading(STATUS_TITLE, level=1)
    document.add_paragraph("Evaluation of the Regional Collaborative Platform, issued November 2017.")
    table = _table(document, STATUS_HEADER, status_rows(4))
    cell = table.cell(2, 4)
    cell.add_paragraph("A second workshop is planned for March 2019.")
    return docx_bytes(document)


PLAN_HEADER = ["No.", "Action", "Due", "Status"]
PLAN_COMPONENTS = [
    (
        "Component 1: Coordination and coherence",
        [
            ["1.1", "Agree the coalition's terms of reference", "By end 2019", "Completed/ongoing"],
            ["1.2", "Map the entities' regional programmes", "By end March 2019", "Completed"],
        ],
    ),
    (
        "Component 2: Support to UN Country Teams",
        [
            [
                "2.1",
                "Offer a roster of experts to Resident Coordinators",
                "By mid-2020",
                "Starting 2020 following the review",
            ],
            ["2.2", "Hold joint trainings for country teams", "2019–20", "Ongoing"],
        ],
    ),
]


@cache
def plan_of_action_docx() -> bytes:
    """Return a plan of action whose components are rows merged across the table."""
    document = docx.Document()
    document.add_heading("Plan of action for the recommendations of the 2018 review", level=1)
    rows: list[list[str]] = []
    for _component, items in PLAN_COMPONENTS:
        rows.append(["", "", "", ""])
        rows.extend(items)
    table = _table(document, PLAN_HEADER, rows)
    index = 1
    for component, items in PLAN_COMPONENTS:
        merge_row(table, index, component)
        index += 1 + len(items)
    return docx_bytes(document)


def _pdf(html: str) -> bytes:
    import weasyprint

    style = (
        "<style>@page { size: A4; margin: 2cm } body { font-family: sans-serif; font-size: 10pt }"
        " h1 { font-size: 16pt } table { border-collapse: collapse; width: 100% }"
        " th, td { border: 1px solid black; padding: 3pt; vertical-align: top } tr { break-inside: avoid }</style>"
    )
    return bytes(weasyprint.HTML(string=f"<html><head>{style}</head><body>{html}</body></html>").write_pdf())


def _html_table(header: list[str], rows: list[str]) -> str:
    head = "".join(f"<th>{escape(name)}</th>" for name in header)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


@cache
def status_table_pdf(count: int = 45) -> bytes:
    """Return a status table as a PDF, long enough to go on over pages under a repeated header."""
    rows = ["<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>" for row in status_rows(count)]
    intro = "<p>Evaluation of the Regional Collaborative Platform, issued November 2017.</p>"
    return _pdf(f"<h1>{STATUS_TITLE}</h1>{intro}{_html_table(STATUS_HEADER, rows)}")


@cache
def plan_of_action_pdf() -> bytes:
    """Return the plan of action as a PDF: component rows span the table's columns."""
    rows = []
    for component, items in PLAN_COMPONENTS:
        rows.append(f'<tr><td colspan="4">{escape(component)}</td></tr>')
        rows.extend("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in item) + "</tr>" for item in items)
    return _pdf(f"<h1>Plan of action</h1>{_html_table(PLAN_HEADER, rows)}")


@cache
def scanned_pdf() -> bytes:
    """Return a PDF with no text layer, as a scanner makes (a grey page, no characters)."""
    return _pdf('<div style="width: 15cm; height: 20cm; background: #999"></div>')


# --- Spreadsheets --------------------------------------------------------------------------------

TRACKER_TITLE = "Work plan tracker 2025 – IBC on Gender Equality and Human Rights"
TRACKER_HEADER = ["Code", "Activity", "Lead", "Partners", "Start date", "End date", "Status"]


@cache
def tracker_xlsx() -> bytes:
    """Return an Excel tracker: a merged title row, a merged result row, serial dates, float codes, "-"."""
    workbook = openpyxl.Workbook()
    sheet: Any = workbook.active
    sheet.title = "Plan"
    sheet["A1"] = TRACKER_TITLE
    sheet.merge_cells("A1:G1")
    sheet.append([])
    sheet.append(TRACKER_HEADER)
    sheet.append(["RESULT 1. Gender-responsive Cooperation Frameworks"])
    sheet.merge_cells("A4:G4")
    sheet.append(
        [1.1000000000000001, "Gender scorecard roll-out", "UN Women", "UNDP; UNFPA", 45658, 45838, "Ongoing"]
    )
    sheet.append(
        [
            1.2,
            "Training for gender theme groups",
            "UNFPA",
            "-",
            datetime(2025, 3, 1),
            datetime(2025, 6, 30),
            "n/a",
        ]
    )
    sheet.append([1.3, "Regional gender statistics review", None, "–", 45717.0, None, "Not started"])
    sheet.merge_cells("C6:C7")  # UNFPA leads both
    sheet.append(
        [2.0, "Second result's first activity", "OHCHR", "UN Women; UNICEF", "2025-04-01", "-", "Completed"]
    )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


CSV_ROWS = [
    ["Код", "Мероприятие", "Ведущее агентство", "Страны"],
    ["1.1000000000000001", "Обзор национальных стратегий", "МОМ", "Казахстан; Кыргызстан"],
    ["2.0", "Семинар для координаторов", "ПРООН", "-"],
]


def tracker_csv(encoding: str = "utf-8", delimiter: str = ",", title: str | None = None) -> bytes:
    """Return a tracker as CSV in an encoding ("utf-8", "utf-8-sig", "cp1251"), with a title line if given."""
    out = io.StringIO()
    import csv

    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    if title:
        writer.writerow([title])
    writer.writerows(CSV_ROWS)
    return out.getvalue().encode(encoding)


# --- Bad files -----------------------------------------------------------------------------------


def corrupt_docx() -> bytes:
    """Return a Word file cut short (its zip directory lost)."""
    return status_table_docx()[:2000]


def zip_without_document() -> bytes:
    """Return a zip archive that is neither Word nor Excel."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "Minutes of the coalition meeting")
    return out.getvalue()


def encrypted_docx() -> bytes:
    """Return the shape of a password-protected Office file: an OLE container with an EncryptedPackage stream."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    entry = "EncryptedPackage".encode("utf-16-le").ljust(64, b"\x00")
    return header + b"\x00" * 512 + entry + b"\x00" * 448


def zip_bomb_docx(unpacked_mb: int = 30) -> bytes:
    """Return a Word file carrying a part that unpacks to `unpacked_mb` MB of zeros from a few kilobytes."""
    source = zipfile.ZipFile(io.BytesIO(status_table_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            archive.writestr(item, source.read(item.filename))
        archive.writestr("word/media/image1.bin", b"\x00" * (unpacked_mb * 1024 * 1024))
    return out.getvalue()


def xlsx_declaring_rows(rows: int = 1_000_000) -> bytes:
    """Return a small workbook whose sheet declares `rows` rows (A1:C<rows>), as a huge export does."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Code", "Activity", "Lead"])
    sheet.append(["1.1", "Gender scorecard roll-out", "UN Women"])
    source = io.BytesIO()
    workbook.save(source)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(source.getvalue())) as original,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<dimension ref="A1:C2"/>', f'<dimension ref="A1:C{rows}"/>'.encode())
            archive.writestr(item, data)
    return out.getvalue()


def xlsx_streaming_rows(rows: int) -> bytes:
    """Return a workbook with `rows` rows and no declared dimension (the row count is only found by reading)."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Plan")
    sheet.append(["Code", "Activity"])
    for i in range(rows):
        sheet.append([i, "x"])
    source = io.BytesIO()
    workbook.save(source)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(source.getvalue())) as original,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                start = data.find(b"<dimension")
                if start >= 0:
                    data = data[:start] + data[data.find(b"/>", start) + 2 :]
            archive.writestr(item, data)
    return out.getvalue()


# --- UN INFO joint work plan export --------------------------------------------------------------

UNINFO_HEADER = [
    "Country",
    "Plan name",
    "Strategic priority code",
    "Strategic priority",
    "Outcome code",
    "Outcome",
    "Output code",
    "Output",
    "Sub-Output publication status",
    "Sub-Output code",
    "Sub-Output",
    "ID",
    "Description",
    "Start date",
    "End date",
    "Status",
    "Agency abbreviations",
    "Agencies",
    "Implementation partners",
    "SDG Targets",
    "Geography",
    "Total required resources",
    "2025 Required",
    "2025 Available",
    "2025 Expenditure",
    "2026 Required",
    "2026 Available",
    "2026 Expenditure",
]
UNINFO_PLAN = "United Nations Sustainable Development Cooperation Framework 2025-2029"


@cache
def uninfo_xlsx() -> bytes:
    """Return a small UN INFO export in its layout and with its quirks: one framework, float and padded
    codes, "Outcome 1.1 : …" labels, "-" for empty, serial dates, "; " lists, budget columns by year."""
    workbook = openpyxl.Workbook()
    sheet: Any = workbook.active
    sheet.title = "export_2025-07-06"
    sheet.append(UNINFO_HEADER)
    outcome = "Outcome 1.1 : Migration is safe, orderly and regular for all"
    sheet.append(
        [
            "Kyrgyzstan",
            UNINFO_PLAN,
            "1",
            "STRATEGIC PRIORITY 1 : People",
            1.1000000000000001,
            outcome,
            "1.1.1 ",
            "Output 1.1.1 : Migration data are collected and used",
            "Yes",
            "1.1.1.1",
            "Key Activity 1.1.1.1: Labour migration survey",
            "90001",
            "-",
            45658,
            46022,
            "Implementation",
            "IOM; UNDP",
            "International Organization for Migration; United Nations Development Programme",
            "Kyrgyzstan Ministry of Labour; United Nations Development Programme",
            "10.7 Facilitate orderly, safe, regular and responsible migration; 8.8 Protect labour rights",
            "Kyrgyzstan; Osh region",
            120000,
            60000,
            50000,
            "-",
            60000,
            None,
            None,
        ]
    )
    sheet.append(
        [
            "Kyrgyzstan",
            UNINFO_PLAN,
            "1",
            "STRATEGIC PRIORITY 1 : People",
            1.1000000000000001,
            outcome,
            "1.1.1 ",
            "Output 1.1.1 : Migration data are collected and used",
            "Yes",
            "1.1.1.2",
            "1.1.1.2 - Training of statisticians on migration statistics",
            "90002",
            "Two regional trainings.",
            45717,
            45838,
            "Pipeline",
            "UNECE; Regional Statistics Unit",
            "United Nations Economic Commission for Europe",
            "-",
            "17.18 Enhance capacity-building support",
            "Kyrgyzstan",
            15000,
            15000,
            "-",
            "-",
            None,
            None,
            None,
        ]
    )
    sheet.append(
        [
            "Kyrgyzstan",
            UNINFO_PLAN,
            "2",
            "STRATEGIC PRIORITY 2 : Prosperity",
            "2.1 ",
            "Outcome 2.1 : Decent work for young women and men",
            2.1,
            "Output 2.1.1 : Youth employment services",
            "Yes",
            "2.1.1.1",
            "Key Activity 2.1.1.1: Job fairs for young people",
            "90003",
            "-",
            45658,
            45838,
            "Closed",
            "ILO",
            "International Labour Organization",
            "-",
            "8.6 By 2020, substantially reduce the proportion of youth not in employment",
            "Kyrgyzstan",
            40000,
            40000,
            40000,
            40000,
            None,
            None,
            None,
        ]
    )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# --- Review and plan-of-action variants (the interpreters' tests) --------------------------------

REVIEW_VARIANT_HEADER = ["Rec. no.", "Recommendation", "Management response", "Lead", "Status", "Comment"]


@cache
def review_variant_docx() -> bytes:
    """Return a status table with titled recommendations, separate status and comment columns, a generic
    unit ("PMU"), a row with no number, and a round announced with no date."""
    document = docx.Document()
    document.add_heading("Mid-term review of the Regional UN Network on Migration (2019)", level=0)
    document.add_heading("Status update on the recommendations", level=1)
    rows = [
        [
            "R1",
            "",
            "Accepted. The network will revise its terms of reference.",
            "IOM; UNDP",
            "Completed",
            "Revised terms adopted in May.",
        ],
        ["R2", "", "Partially accepted", "PMU", "In progress", ""],
        ["", "", "Under consideration", "UNHCR", "See annex 2", "Discussed with the co-chairs."],
        ["R4", "", "Not accepted", "", "", "No change is planned."],
    ]
    table = _table(document, REVIEW_VARIANT_HEADER, rows)
    texts = [
        ("Sharpen the network's focus", "Concentrate on three priorities agreed with Member States."),
        ("Share data across the region", "Publish the regional migration data portal."),
        ("Engage civil society", ""),
        ("Report jointly", "Issue one annual report of the network."),
    ]
    for index, (title, text) in enumerate(texts, start=1):
        cell = table.cell(index, 1)
        cell.text = title
        if text:
            cell.add_paragraph(text)
    return docx_bytes(document)


PLAN_VARIANT_HEADER = ["No.", "Action item", "Responsible", "Deadline", "Status"]


@cache
def plan_of_action_variant_docx() -> bytes:
    """Return a plan of action with a status date, an item before any component, a component with no
    number, due text that names no date, a status not read and a row with no number."""
    document = docx.Document()
    document.add_heading("Plan of action: UNECE evaluation of the SPECA programme", level=1)
    document.add_paragraph("Status as at 30 June 2019")
    rows = [
        ["0.1", "Appoint a focal point for the plan", "UNECE", "Q1 2019", "Completed"],
        ["", "", "", "", ""],
        ["A.1", "Update the programme's results framework", "UNECE; ESCAP", "Ongoing", "See annex"],
        ["", "Consult the countries on the framework", "PMU", "By end 2019", "Not started"],
        ["", "", "", "", ""],
        ["B.1", "Hold the annual SPECA forum", "ESCAP", "2019–20", "Starting 2020 following the review"],
    ]
    table = _table(document, PLAN_VARIANT_HEADER, rows)
    merge_row(table, 2, "Programme management")
    merge_row(table, 5, "Component B – Outreach")
    return docx_bytes(document)

"""The document readers: every layout people send, and every bad file refused with the file and place named."""

from __future__ import annotations

import io
import logging
from datetime import date
from pathlib import Path

import pytest
from django.test import override_settings

from rcphub.importers.readers import ReadError, Table, read_document
from rcphub.importers.readers.numbering import Numbering, format_number
from rcphub.importers.readers.sheets import normalise
from rcphub.importers.tests import documents as d

NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SAMPLES = Path(__file__).resolve().parents[4] / "shared" / "data" / "samples" / "uninfo-jwp"


@pytest.fixture(autouse=True)
def quiet_weasyprint():
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    logging.getLogger("weasyprint").setLevel(logging.WARNING)


def test_numbered_headings_recover_the_labels_word_renders():
    document = read_document(d.workplan_headings_docx(), "plan.docx")
    labelled = [(block.label, block.text[:20]) for block in document.blocks if block.label]
    assert [label for label, _ in labelled] == [
        "RESULT 1.",
        "1.1",
        "i.",
        "ii.",
        "1.2",
        "i.",
        "RESULT 2.",
        "2.1",
        "i.",
    ]
    assert [h.level for h in document.headings] == [0, 1, 2, 2, 1, 2]


def test_footnotes_are_attached_to_the_paragraph_carrying_the_marker():
    document = read_document(d.workplan_headings_docx(), "plan.docx")
    output_1_2 = next(h for h in document.headings if h.label == "1.2")
    assert document.footnote_texts(output_1_2.footnote_refs) == [d.NOTES[2]]
    assert [note.number for note in document.footnotes.values()] == [1, 2, 3]


def test_numbering_continues_across_table_cells_and_restarts_with_a_start_override():
    document = read_document(d.workplan_tables_docx(), "plan.docx")
    first, second = document.tables
    assert [row.cells[0].label for row in first.body] == ["i.", "ii.", "iii."]
    assert [row.cells[0].label for row in second.body] == ["i."]
    assert first.body[0].cells[0].paragraphs[1] == "Covers the strategies adopted since 2019."
    assert first.body[1].cells[0].footnote_refs == ["1"]
    assert first.header == ["Activity", "Lead", "Partners", "Countries", "Timeline"]
    assert first.body[0].cells[2].parts == ["UNDP", "UNHCR"]


def test_big_table_has_merged_section_rows_and_vertical_merges_resolved():
    table = read_document(d.workplan_big_table_docx(), "plan.docx").tables[0]
    sections = [row.cells[0].text for row in table.body if row.is_heading_row]
    assert sections == [f"RESULT 1. {d.RESULT_1}", f"RESULT 2. {d.RESULT_2}"]
    second_activity = table.body[2]
    assert second_activity.cells[0].covered and second_activity.cells[0].text.startswith("1.1")
    assert second_activity.cells[1].footnote_refs == ["2"]
    # The header typed again mid-table is not data.
    assert [row.texts for row in table.rows].count(["Output", "Activity", "Lead", "Partners"]) == 1
    assert str(table.body[2].where) == "table 1, row 4"


def test_plan_of_action_components_are_heading_rows_in_word_and_pdf():
    for data, name in ((d.plan_of_action_docx(), "plan.docx"), (d.plan_of_action_pdf(), "plan.pdf")):
        table = read_document(data, name).tables[0]
        assert [row.cells[0].text for row in table.body if row.is_heading_row] == [
            c for c, _ in d.PLAN_COMPONENTS
        ]
        # A PDF cell's lines are the lines as wrapped on the page.
        assert [" ".join(t.split()) for t in table.body[1].texts] == d.PLAN_COMPONENTS[0][1][0]


def test_status_table_in_word_has_cells_of_several_paragraphs():
    document = read_document(d.status_table_docx(), "status.docx")
    assert document.headings[0].text == d.STATUS_TITLE
    assert (
        document.tables[0].body[1].cells[4].paragraphs[-1] == "A second workshop is planned for March 2019."
    )


def test_pdf_table_continued_over_pages_is_one_table_without_repeated_headers():
    document = read_document(d.status_table_pdf(), "status.pdf")
    (table,) = document.tables
    assert len(table.body) == 45 and len(table.header_rows) == 1
    assert [row.cells[0].text for row in table.body] == [str(i) for i in range(1, 46)]
    assert table.body[-1].where.page > 1
    assert document.headings[0].text == d.STATUS_TITLE and document.headings[0].where.page == 1


def test_excel_tracker_title_merges_dates_codes_and_empty_marks():
    table = read_document(d.tracker_xlsx(), "tracker.xlsx").tables[0]
    assert table.title == d.TRACKER_TITLE and table.header == d.TRACKER_HEADER
    assert table.body[0].is_heading_row
    rows = [row.texts for row in table.body[1:]]
    assert [r[0] for r in rows] == ["1.1", "1.2", "1.3", "2"]
    assert rows[0][4:6] == ["2025-01-01", "2025-06-30"] and table.body[1].cells[4].value == date(2025, 1, 1)
    assert rows[1][3] == "" and rows[1][6] == ""
    assert rows[2][2] == "UNFPA" and table.body[3].cells[2].covered
    assert str(table.body[1].where) == "sheet Plan, row 5"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_in_each_encoding_and_delimiter(encoding, delimiter):
    data = d.tracker_csv(encoding, delimiter, title="План работы 2025")
    table = read_document(data, "tracker.csv").tables[0]
    assert table.title == "План работы 2025"
    assert table.header == d.CSV_ROWS[0]
    assert [row.cells[0].text for row in table.body] == ["1.1", "2"]
    assert table.body[0].cells[3].parts == ["Казахстан", "Кыргызстан"]
    assert str(table.body[0].where) == "line 3"


@pytest.mark.parametrize(
    ("value", "text"), [(1.1000000000000001, "1.1"), (2.0, "2"), ("–", ""), ("n/a", ""), (" 1.1.1 ", "1.1.1")]
)
def test_spreadsheet_values_are_normalised(value, text):
    assert normalise(value)[0] == text


def test_number_formats():
    assert [format_number(n, "lowerRoman") for n in (1, 4, 9, 14)] == ["i", "iv", "ix", "xiv"]
    assert [format_number(n, "upperLetter") for n in (1, 26, 27)] == ["A", "Z", "AA"]


def test_lvl_restart_zero_keeps_counting_and_a_bullet_is_a_bullet():
    from lxml import etree

    xml = d.numbering_xml(
        {1: [("decimal", "%1.", 1, None), ("lowerLetter", "%2)", 1, None)], 2: [("bullet", "", 1, None)]},
        {1: (1, {}), 2: (2, {})},
    )
    root = etree.fromstring(xml)
    second = next(lvl for lvl in root.iter("{*}lvl") if lvl.get(f"{{{NS}}}ilvl") == "1")
    second.append(etree.fromstring(f"<w:lvlRestart {d.W_NS} w:val='0'/>"))
    numbering = Numbering(root)

    def p(num, ilvl):
        return etree.fromstring(
            f"<w:p {d.W_NS}><w:pPr><w:numPr><w:ilvl w:val='{ilvl}'/><w:numId w:val='{num}'/></w:numPr></w:pPr></w:p>"
        )

    labels = [
        numbering.label(p(1, 0)),
        numbering.label(p(1, 1)),
        numbering.label(p(1, 0)),
        numbering.label(p(1, 1)),
    ]
    assert labels == ["1.", "a)", "2.", "b)"]
    assert numbering.label(p(2, 0)) == "•"


@pytest.mark.skipif(
    not SAMPLES.is_dir(), reason="the UN INFO samples in ../shared/data/samples/uninfo-jwp are absent"
)
def test_uninfo_samples_read_as_one_table_each():
    for path in sorted(SAMPLES.glob("*.xlsx")):
        table = read_document(path, path.name).tables[0]
        assert table.header[:4] == ["Country", "Plan name", "Strategic priority code", "Strategic priority"]
        codes = [row.cells[table.header.index("Outcome code")].text for row in table.body]
        assert not [code for code in codes if "0000000" in code], path.name
        start = table.header.index("Start date")
        assert all(not row.cells[start].text or len(row.cells[start].text) == 10 for row in table.body)


# --- Bad files: one ReadError naming the file and the place --------------------------------------


@pytest.mark.parametrize(
    ("data", "name", "words"),
    [
        (d.corrupt_docx(), "broken.docx", "damaged"),
        (d.zip_without_document(), "notes.docx", "neither a Word"),
        (d.encrypted_docx(), "secret.docx", "password-protected"),
        (d.encrypted_docx(), "secret.xlsx", "password-protected"),
        (d.zip_bomb_docx(), "bomb.docx", "zip bomb"),
        (d.status_table_docx(), "status.pdf", "named as PDF but holds Word"),
        (b"plain text", "notes.txt", "not read"),
        (b"\x00\x01\x02binary", "data.csv", "not a format"),
    ],
)
def test_bad_files_are_refused_naming_the_file(data, name, words):
    with pytest.raises(ReadError) as error:
        read_document(data, name)
    assert str(error.value).startswith(f"{name}: ") and words in str(error.value)


def test_scanned_pdf_is_refused_without_ocr():
    with pytest.raises(
        ReadError, match=r"^scan\.pdf: .*no text layer \(a scanned document\?\); rcphub does not do OCR"
    ):
        read_document(d.scanned_pdf(), "scan.pdf")


def test_file_over_the_upload_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.xlsx"
    path.write_bytes(b"x" * 2048)
    with (
        override_settings(RCPHUB_IMPORT_MAX_BYTES=1024),
        pytest.raises(ReadError, match=r"^big\.xlsx: the file is 2"),
    ):
        read_document(path)


def test_a_million_declared_rows_fail_before_reading_the_sheet():
    with pytest.raises(ReadError, match=r"^plan\.xlsx, sheet Sheet: more than 50 000 rows \(1 000 000\)"):
        read_document(d.xlsx_declaring_rows(), "plan.xlsx")


@override_settings(RCPHUB_IMPORT_MAX_ROWS=100)
def test_rows_are_counted_while_streaming_when_no_size_is_declared():
    with pytest.raises(ReadError, match=r"^plan\.xlsx, sheet Plan: more than 100 rows"):
        read_document(d.xlsx_streaming_rows(150), "plan.xlsx")
    with pytest.raises(ReadError, match=r"^plan\.csv: more than 100 rows"):
        read_document(b"".join(b"%d,x\n" % i for i in range(1_000_000)), "plan.csv")


def test_csv_in_an_unknown_encoding_names_the_line():
    data = b"Code,Activity\n1.1,Review\n" + b"1.2,Pr\xfcfung \xb15 \xb0C\n"
    with pytest.raises(ReadError, match=r"^plan\.csv, line 3: the text is neither UTF-8 nor Windows-1251"):
        read_document(io.BytesIO(data), "plan.csv")


def test_document_tables_is_empty_for_a_document_without_tables():
    document = read_document(d.workplan_headings_docx(), "plan.docx")
    assert document.tables == [] and not isinstance(document.blocks[0], Table)


def test_footnote_marker_with_no_note_is_a_warning():
    import docx

    document = docx.Document()
    d.footnote(document.add_paragraph("Regional review of national migration strategies"), 9)
    read = read_document(d.docx_bytes(document), "plan.docx")
    assert read.paragraphs[0].footnote_refs == ["9"] and read.footnote_texts(["9"]) == []
    assert [warning.message for warning in read.warnings] == ["footnote reference 9 has no note in the file."]

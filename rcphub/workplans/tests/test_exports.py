"""Export of a work plan as at a date to XLSX and CSV."""

import csv
import io
from datetime import date

import openpyxl
import pytest
from django.urls import reverse

from rcphub.workplans.exports import export_filename, export_header
from rcphub.workplans.models import Activity, WorkPlan
from rcphub.workplans.tests.factories import StatusReportFactory, build_work_plan

pytestmark = pytest.mark.django_db

AS_AT = date(2026, 6, 30)


def _activity(work_plan, code="i"):
    return Activity.objects.get(output__result__work_plan=work_plan, code=code)


def _export(client, work_plan, fmt, as_at=AS_AT):
    return client.get(reverse("workplans:export", args=[work_plan.pk, fmt]), {"as_at": as_at.isoformat()})


def _xlsx_rows(response, level="Activity"):
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return _xlsx_read(workbook, level)


def _xlsx_read(workbook, level="Activity"):
    """Return the workbook, the header and the rows of `level` (every row if None) as dicts."""
    sheet = workbook.worksheets[0]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    found = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    return workbook, rows[0], [row for row in found if level is None or row["Level"] == level]


def _csv_rows(response, level="Activity"):
    return _csv_read(b"".join(response.streaming_content), level)


def _csv_read(raw, level="Activity"):
    assert raw.startswith(b"\xef\xbb\xbf")
    reader = csv.reader(io.StringIO(raw.decode("utf-8-sig")))
    rows = list(reader)
    found = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    return rows[0], [row for row in found if level is None or row["Level"] == level]


@pytest.fixture
def reported(work_plan, coalition_secretariat):
    """Activity i: starting as at 31 March, completed as at 30 June; ii (internal): delayed as at 30 June."""
    first, internal = _activity(work_plan, "i"), _activity(work_plan, "ii")
    for activity, status, as_at, comment in [
        (first, "starting", date(2026, 3, 31), "Scoping"),
        (first, "completed", date(2026, 6, 30), "Review published"),
        (internal, "delayed", date(2026, 6, 30), "Waiting for funds"),
    ]:
        StatusReportFactory(
            activity=activity, status=status, as_at=as_at, comment=comment, author=coalition_secretariat
        )
    return work_plan


def test_xlsx_export_has_a_header_and_one_row_per_visible_activity(client, reported, member):
    client.force_login(member)
    response = _export(client, reported, "xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert 'filename="health-work-plan-2026-as-at-2026-06-30.xlsx"' in response["Content-Disposition"]
    _workbook, header, rows = _xlsx_rows(response)
    assert header == export_header()
    assert [row["Activity"] for row in rows] == ["i", "ii"]
    first = rows[0]
    assert (first["Result"], first["Output"], first["Activity title"]) == (
        "1",
        "1.1",
        "Regional review of access to primary care",
    )
    assert (first["Lead entities"], first["Partner entities"], first["Countries (ISO3)"]) == (
        "UNDP",
        "WHO",
        "SRB",
    )
    assert (first["SDG targets"], first["GCM objectives"], first["Visibility"]) == ("3.8", "15", "Public")
    assert (first["Status as at"], first["Comment"]) == ("Completed", "Review published")
    assert first["Reported on"].date() == date(2026, 6, 30)
    assert rows[1]["Visibility"] == "Internal"


def test_xlsx_export_is_formatted_and_says_what_it_is(client, reported, member):
    client.force_login(member)
    workbook, _header, _rows = _xlsx_rows(_export(client, reported, "xlsx"))
    sheet = workbook.worksheets[0]
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold
    assert sheet.column_dimensions["F"].width >= 40
    about = {row[0].value: row[1].value for row in workbook["About"].iter_rows()}
    assert about["Coalition"] == "Issue-based Coalition on Health and Well-being"
    assert about["Work plan"] == "Work plan 2026"
    assert about["Status as at"].date() == AS_AT
    assert about["Generated at"] is not None


def test_visitor_export_leaves_out_internal_activities_in_both_formats(client, reported):
    _wb, _header, rows = _xlsx_rows(_export(client, reported, "xlsx"))
    assert [row["Activity"] for row in rows] == ["i"]
    _header, rows = _csv_rows(_export(client, reported, "csv"))
    assert [row["Activity"] for row in rows] == ["i"]
    assert "Internal coordination" not in str(rows)


def test_member_csv_export_has_internal_activities_and_the_same_columns(client, reported, member):
    client.force_login(member)
    response = _export(client, reported, "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="health-work-plan-2026-as-at-2026-06-30.csv"' in response["Content-Disposition"]
    header, rows = _csv_rows(response)
    assert header == export_header()
    assert [(row["Activity"], row["Visibility"], row["Status as at"]) for row in rows] == [
        ("i", "Public", "Completed"),
        ("ii", "Internal", "Delayed"),
    ]
    assert (rows[0]["Starts on"], rows[0]["Reported on"]) == ("", "2026-06-30")


def test_export_statuses_follow_the_as_at_date(client, reported, member):
    client.force_login(member)
    _wb, _header, rows = _xlsx_rows(_export(client, reported, "xlsx", as_at=date(2026, 6, 29)))
    assert [(row["Activity"], row["Status as at"], row["Comment"]) for row in rows] == [
        ("i", "Starting", "Scoping"),
        ("ii", "No report yet", None),
    ]
    _header, rows = _csv_rows(_export(client, reported, "csv", as_at=date(2026, 3, 30)))
    assert [row["Status as at"] for row in rows] == ["No report yet", "No report yet"]


def test_csv_export_keeps_cyrillic_and_neutralises_formulas(client, work_plan, member):
    activity = _activity(work_plan)
    activity.title = '=HYPERLINK("http://example.org") Семинар для страновых команд'
    activity.save()
    client.force_login(member)
    _header, rows = _csv_rows(_export(client, work_plan, "csv"))
    assert rows[0]["Activity title"] == '\'=HYPERLINK("http://example.org") Семинар для страновых команд'
    workbook, _header, rows = _xlsx_rows(_export(client, work_plan, "xlsx"))
    assert rows[0]["Activity title"].endswith("Семинар для страновых команд")
    assert workbook.worksheets[0]["F4"].data_type == "s"  # below the result's and the output's rows


def test_export_filename_falls_back_when_the_title_has_no_ascii_slug(work_plan):
    work_plan.title = "План работы"
    assert (
        export_filename(work_plan=work_plan, as_at=AS_AT, fmt="csv")
        == "health-work-plan-as-at-2026-06-30.csv"
    )


def test_export_of_a_draft_work_plan_answers_404_to_a_visitor(client, other_coalition):
    draft = build_work_plan(coalition=other_coalition, state="draft")
    assert _export(client, draft, "xlsx").status_code == 404
    assert _export(client, draft, "csv").status_code == 404


def test_export_in_an_unknown_format_answers_404(client, work_plan):
    assert client.get(reverse("workplans:export", args=[work_plan.pk, "pdf"])).status_code == 404


def test_export_with_a_malformed_as_at_answers_400_naming_the_field(client, work_plan):
    response = client.get(reverse("workplans:export", args=[work_plan.pk, "csv"]), {"as_at": "30/06/2026"})
    assert response.status_code == 400
    assert "<code>as_at</code>" in response.content.decode()


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_is_constant_query_as_activities_grow(
    client, coalition, member, coalition_secretariat, fmt, django_assert_max_num_queries
):
    client.force_login(member)
    for n in (4, 12):
        work_plan = build_work_plan(coalition=coalition, state="endorsed", activities=n)
        WorkPlan.objects.filter(pk=work_plan.pk).update(title=f"Work plan with {n} activities")
        for activity in Activity.objects.filter(output__result__work_plan=work_plan):
            StatusReportFactory(activity=activity, as_at=date(2026, 3, 31), author=coalition_secretariat)
        with django_assert_max_num_queries(17):  # 2 of them record the export (audit)
            response = _export(client, work_plan, fmt)
            content = b"".join(response.streaming_content)
        if fmt == "xlsx":
            _wb, _header, rows = _xlsx_read(openpyxl.load_workbook(io.BytesIO(content)), None)
        else:
            _header, rows = _csv_read(content, None)
        assert len(rows) == n + 2  # the result's row, the output's, then the activities


@pytest.fixture
def structured(work_plan):
    """The work plan with footnotes on result 1 and output 1.1, an output 1.2 and a result 2 with none below."""
    from rcphub.workplans.tests.factories import OutputFactory, ResultFactory

    result = work_plan.results.get(code="1")
    result.footnotes = "Result 1 follows the regional health strategy agreed in 2025."
    result.save()
    output = result.outputs.get(code="1.1")
    output.footnotes = "Evidence from the 2025 UNCT survey."
    output.save()
    OutputFactory(result=result, code="1.2", order=2, title="Peer exchange between UN Country Teams")
    ResultFactory(work_plan=work_plan, code="2", order=2, title="Health financing reaches rural areas")
    return work_plan


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_visitor_export_has_a_row_for_every_result_and_output_in_tree_order(client, structured, fmt):
    response = _export(client, structured, fmt)
    if fmt == "xlsx":
        _wb, _header, rows = _xlsx_rows(response, level=None)
    else:
        _header, rows = _csv_rows(response, level=None)
    blank = None if fmt == "xlsx" else ""
    assert [(row["Level"], row["Result"], row["Output"], row["Activity"]) for row in rows] == [
        ("Result", "1", blank, blank),
        ("Output", "1", "1.1", blank),
        ("Activity", "1", "1.1", "i"),
        ("Output", "1", "1.2", blank),
        ("Result", "2", blank, blank),
    ]
    assert rows[0]["Footnotes"] == "Result 1 follows the regional health strategy agreed in 2025."
    assert rows[1]["Footnotes"] == "Evidence from the 2025 UNCT survey."
    assert (rows[3]["Output title"], rows[4]["Result title"]) == (
        "Peer exchange between UN Country Teams",
        "Health financing reaches rural areas",
    )
    assert "Internal coordination" not in str(rows)


def test_xlsx_export_carries_what_an_importer_needs_to_rebuild_the_tree(
    client, structured, member, coalition_secretariat
):
    activity = _activity(structured)
    activity.footnotes = "Jointly with the Ministry of Health of Serbia."
    activity.save()
    StatusReportFactory(
        activity=activity,
        status="ongoing",
        status_text="Completed/ongoing",
        as_at=date(2026, 6, 30),
        author=coalition_secretariat,
    )
    client.force_login(member)
    _wb, _header, rows = _xlsx_rows(_export(client, structured, "xlsx"), level=None)
    tree: dict = {}
    for row in rows:
        result = tree.setdefault(row["Result"], {"title": row["Result title"], "outputs": {}})
        if row["Level"] == "Result":
            result["footnotes"] = row["Footnotes"]
            continue
        output = result["outputs"].setdefault(row["Output"], {"title": row["Output title"], "activities": {}})
        if row["Level"] == "Output":
            output["footnotes"] = row["Footnotes"]
            continue
        output["activities"][row["Activity"]] = (
            row["Activity title"],
            row["Lead entities"],
            row["Partner entities"],
            row["Countries (ISO3)"],
            row["Footnotes"],
            row["Status as at"],
            row["Status as written"],
        )
    assert tree["1"]["footnotes"] == "Result 1 follows the regional health strategy agreed in 2025."
    assert tree["1"]["outputs"]["1.1"]["footnotes"] == "Evidence from the 2025 UNCT survey."
    assert tree["1"]["outputs"]["1.1"]["activities"]["i"] == (
        "Regional review of access to primary care",
        "UNDP",
        "WHO",
        "SRB",
        "Jointly with the Ministry of Health of Serbia.",
        "Ongoing",
        "Completed/ongoing",
    )
    assert list(tree["1"]["outputs"]["1.1"]["activities"]) == ["i", "ii"]
    assert tree["1"]["outputs"]["1.2"]["activities"] == {}
    assert tree["2"]["outputs"] == {}


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_is_constant_query_as_results_and_outputs_grow(
    client, coalition, visitor, fmt, django_assert_max_num_queries
):
    from rcphub.workplans.tests.factories import OutputFactory, ResultFactory

    for n in (2, 8):
        work_plan = build_work_plan(coalition=coalition, state="endorsed")
        WorkPlan.objects.filter(pk=work_plan.pk).update(title=f"Work plan with {n} results")
        for r in range(2, n + 1):
            result = ResultFactory(work_plan=work_plan, code=str(r), order=r)
            for o in range(1, 3):
                OutputFactory(result=result, code=f"{r}.{o}", order=o)
        with django_assert_max_num_queries(12):
            content = b"".join(_export(client, work_plan, fmt).streaming_content)
        rows = (
            _xlsx_read(openpyxl.load_workbook(io.BytesIO(content)), None)[2]
            if fmt == "xlsx"
            else _csv_read(content, None)[1]
        )
        # Result 1, output 1.1 and activity i; then each further result and its two outputs.
        assert len(rows) == 3 + (n - 1) * 3

"""What decoding or an attachment reader could not take from a file shows in the report's warnings
(`dim_report.parse_warnings`), not only in `staging.documents.decoded_how`: an outside trial's
spreadsheet, saved by a program that does not calculate, was read as a report with none of its
formula cells and no word of it."""
import io

import duckdb
import openpyxl

from dagster_project.ingest.scan import ingest_folder
from dagster_project.stage.write_reports import stage_pending_reports
from seed_gold import gold_values, seed_cases


def _warnings(con, name):
    return con.execute("select r.warnings from staging.reports r join staging.documents d using (report_id) "
                       "where d.source_path = ?", [name]).fetchone()[0]


def _figures(con, name):
    return {(c, a): v for c, a, v in con.execute(
        "select f.indicator_code, f.applicant_type, f.value from staging.figures f "
        "join staging.documents d using (report_id) where d.source_path = ?", [name]).fetchall()}


def test_uncalculated_formulas_and_replaced_bytes_are_report_warnings(tmp_path):
    (seed, gold), (other, other_gold) = seed_cases()[:2]
    raw = tmp_path / "raw"
    raw.mkdir()
    book = openpyxl.Workbook()
    sheet = book.active
    for line in seed.read_text(encoding="utf-8").splitlines():  # the text copy's cells, one row a line
        sheet.append([cell.strip() for cell in line.split("|")])
    sheet.append(["合计", 3, 4, "=SUM(B{0}:C{0})".format(sheet.max_row + 1)])  # written with no cached value
    buffer = io.BytesIO()
    book.save(buffer)
    (raw / "stats.xlsx").write_bytes(buffer.getvalue())
    text = other.read_text(encoding="utf-8").encode("gb18030")
    line = text.index(b"\n") + 1  # two bytes no charset reads, at the start of the second line
    (raw / "damaged.txt").write_bytes(text[:line] + b"\xff\xff" + text[line:])

    con = duckdb.connect(str(tmp_path / "wh.duckdb"))
    ingest_folder(con, raw)
    stage_pending_reports(con)
    spreadsheet = _warnings(con, "stats.xlsx")
    assert "xlsx: 1 formula cell without a stored value, read as empty" in spreadsheet
    assert f"the first Sheet!D{sheet.max_row} =SUM(B{sheet.max_row}:C{sheet.max_row})" in spreadsheet
    assert "bad bytes replaced" in _warnings(con, "damaged.txt")
    assert all(_figures(con, "stats.xlsx").get(k) == v for k, v in gold_values(gold).items())
    assert all(_figures(con, "damaged.txt").get(k) == v for k, v in gold_values(other_gold).items())

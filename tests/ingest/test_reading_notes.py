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
    assert f"the first sheet1.xml D{sheet.max_row} =SUM(B{sheet.max_row}:C{sheet.max_row})" in spreadsheet
    assert "bad bytes replaced" in _warnings(con, "damaged.txt")
    assert all(_figures(con, "stats.xlsx").get(k) == v for k, v in gold_values(gold).items())
    assert all(_figures(con, "damaged.txt").get(k) == v for k, v in gold_values(other_gold).items())


def test_a_formula_excel_calculated_to_the_empty_string_is_no_uncalculated_formula(tmp_path):
    # a reviewer's case: =IF(B3=0,"",…) saved by Excel (t="str", an empty <v>) was called uncalculated
    import zipfile

    from dagster_project.parse.attachments import read_attachment

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["本年新收政府信息公开申请数量", 20, "=IF(B1=0,\"\",B1/B1)"])
    sheet.append(["上年结转政府信息公开申请数量", 0, "=IF(B2=0,\"\",B2/B2)"])
    buffer = io.BytesIO()
    book.save(buffer)
    calculated = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(calculated, "w") as target:
        for part in source.namelist():
            data = source.read(part)
            if part == "xl/worksheets/sheet1.xml":  # the values Excel stores: 1, and the empty string
                data = data.replace(b'<c r="C1"><f>', b'<c r="C1"><f>', 1).replace(b"</f><v></v></c></row><row",
                                                                                  b"</f><v>1</v></c></row><row", 1)
                data = data.replace(b'<c r="C2">', b'<c r="C2" t="str">')
            target.writestr(part, data)
    result = read_attachment(calculated.getvalue(), "xlsx", "calculated.xlsx")
    assert result.status == "ok" and result.note is None
    assert read_attachment(buffer.getvalue(), "xlsx", "uncalculated.xlsx").note.startswith(
        "2 formula cells without a stored value, read as empty")

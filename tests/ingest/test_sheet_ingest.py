"""An Excel 97-2003 workbook goes through ingest as a spreadsheet, whatever its name: read by the .xls
reader in the reader servers (before, it was refused: no reader was installed for .xls files)."""
import shutil
from pathlib import Path

import duckdb

from dagster_project.ingest.scan import ingest_folder

FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_a_workbook_is_ingested_as_rows_of_cells_under_any_office_name(tmp_path):
    raw = tmp_path / "raw" / "a"
    raw.mkdir(parents=True)
    shutil.copy(FIXTURES / "sheet" / "pingtan_2020.xls", raw / "report.xls")
    shutil.copy(FIXTURES / "sheet" / "pingtan_2022_tables.xls", raw / "tables.doc")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    summary = ingest_folder(con, tmp_path / "raw")
    assert not summary.refused
    rows = dict(con.execute("select source_path, decoded_how from staging.documents").fetchall())
    assert rows == {"a/report.xls": "xls", "a/tables.doc": "xls"}
    texts = [text.splitlines() for (text,) in con.execute("select text from staging.documents order by source_path").fetchall()]
    assert "一、本年新收政府信息公开申请数量 | 20 | 0 | 0 | 0 | 0 | 1 | 21" in texts[0]
    assert "一、本年新收政府信息公开申请数量 | 71 | 3 | 0 | 0 | 0 | 0 | 74" in texts[1]

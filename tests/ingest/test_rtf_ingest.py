"""A Word document saved as Rich Text under a .doc name, as sites publish them, goes through ingest as
a Word document: read by the RTF reader in the reader servers, not decoded as a text of control words."""
import shutil
from pathlib import Path

import duckdb

from dagster_project.ingest.scan import ingest_folder

FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_an_rtf_named_doc_is_ingested_as_a_word_document(tmp_path):
    raw = tmp_path / "raw" / "a"
    raw.mkdir(parents=True)
    shutil.copy(FIXTURES / "word" / "pingtan_2022.rtf", raw / "report.doc")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    summary = ingest_folder(con, tmp_path / "raw")
    assert not summary.refused
    decoded_how, text = con.execute("select decoded_how, text from staging.documents").fetchone()
    assert decoded_how == "rtf" and "\\rtf1" not in text
    assert "一、本年新收政府信息公开申请数量 | 71 | 3 | 0 | 0 | 0 | 0 | 74" in text.splitlines()

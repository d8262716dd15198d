"""One document over its budget fails alone, with the reason; the rest of its batch is parsed.

The reproduction: a 10 MB line of digits never finished parsing, and the 199 other documents of
its batch waited with it.
"""
from datetime import datetime

import duckdb
import pytest

from dagster_project.stage.schema import ensure_schema
from dagster_project.stage.write_reports import ParseBudget, stage_pending_reports
from seed_gold import gold_values, seed_cases


def _document(con, rid, path, text, decoded_how="utf-8"):
    con.execute("insert into staging.documents (report_id, source_path, sha256, size_bytes, encoding, decoded_how, "
                "text, ingested_at) values (?, ?, ?, ?, 'utf-8', ?, ?, ?)",
                [rid, path, f"sha-{rid}", len(text), decoded_how, text, datetime(2026, 1, 1)])


@pytest.fixture
def con(tmp_path):
    con = duckdb.connect(str(tmp_path / "wh.duckdb"))
    ensure_schema(con)
    yield con
    con.close()


def _figures(con, rid):
    return {(c, a): v for c, a, v in con.execute(
        "select indicator_code, applicant_type, value from staging.figures where report_id = ?", [rid]).fetchall()}


def test_a_document_over_the_character_budget_fails_alone(con):
    cases = seed_cases()[:3]
    for i, (path, _) in enumerate(cases):
        _document(con, f"seed{i}", f"seeds/{path.name}", path.read_text(encoding="utf-8"))
    seed_text = cases[0][0].read_text(encoding="utf-8")
    _document(con, "huge", "bad/digits.txt", seed_text + "\n" + "1" * 10_000_000 + "\n")
    summary = stage_pending_reports(con, batch_size=200, budget=ParseBudget(max_chars=2_000_000, max_seconds=60))
    assert (summary.parsed, summary.failed) == (3, 1)
    error = con.execute("select error, parse_status from staging.parse_errors where report_id = 'huge'").fetchone()
    assert "bad/digits.txt" in error[0] and "document exceeds the parse budget of 2,000,000 characters" in error[0]
    assert error[1] == "failed"
    for i, (_, gold) in enumerate(cases):
        got = _figures(con, f"seed{i}")
        assert all(got.get(k) == v for k, v in gold_values(gold).items())


def test_a_report_padded_with_megabytes_of_blanks_is_parsed_as_the_report(con):
    # a page saved with 30 MB of blanks after its report was refused whole by the character budget
    path, gold = seed_cases()[0]
    text = path.read_text(encoding="utf-8")
    _document(con, "padded", f"seeds/padded_{path.name}", text + " " * 3_000_000 + "\n" * 10_000 + "\t \n" * 300_000)
    summary = stage_pending_reports(con, budget=ParseBudget(max_chars=2_000_000, max_seconds=60))
    assert (summary.parsed, summary.failed) == (1, 0)
    assert all(_figures(con, "padded").get(k) == v for k, v in gold_values(gold).items())


def test_a_document_over_the_time_budget_fails_alone(con):
    path, gold = seed_cases()[0]
    text = path.read_text(encoding="utf-8")
    _document(con, "good", f"seeds/{path.name}", text)
    # linear now, but 20 MB of digits still takes about 3 s: more than a 1 s budget
    _document(con, "slow", "bad/slow.txt", text + "\n" + "1" * 20_000_000 + "\n")
    summary = stage_pending_reports(con, budget=ParseBudget(max_chars=50_000_000, max_seconds=1.0))
    assert (summary.parsed, summary.failed) == (1, 1)
    error = con.execute("select error from staging.parse_errors where report_id = 'slow'").fetchone()[0]
    assert "bad/slow.txt: document exceeds the parse budget of 1 s" in error
    assert all(_figures(con, "good").get(k) == v for k, v in gold_values(gold).items())


def test_a_scan_without_text_layer_is_needs_ocr_not_a_failure(con):
    _document(con, "scan", "attachments/scan.pdf", "", decoded_how="needs_ocr: no text layer on 3 pages")
    summary = stage_pending_reports(con)
    assert (summary.needs_ocr, summary.failed) == (1, 0)
    error, status = con.execute("select error, parse_status from staging.parse_errors").fetchone()
    assert status == "needs_ocr" and error == "attachments/scan.pdf: needs OCR: no text layer on 3 pages"


def test_a_scan_is_named_once_in_its_error(con):
    # the PDF reader's reason names the file too (an outside trial saw the path three times on the console)
    _document(con, "scan", "new/scanned_report.pdf", "", decoded_how="needs_ocr: new/scanned_report.pdf: no text layer "
              "(0 characters on 1 page(s), 1 image(s)): a scanned PDF needs OCR")
    stage_pending_reports(con)
    assert con.execute("select error from staging.parse_errors").fetchone()[0] == (
        "new/scanned_report.pdf: needs OCR: no text layer (0 characters on 1 page(s), 1 image(s)): a scanned PDF needs OCR")

"""An attachment whose reader would run away is refused within the reader's limits, and the run reads
the other files: a 6 KB PDF drawing 200,000 line segments held the ingest for 21 s and 1 GB (its
2,000,000-segment sibling, 251 s and 9.7 GB), in the ingest's own threads where nothing could stop it."""
import shutil
from pathlib import Path

import duckdb

from dagster_project.ingest.reader_process import ReaderLimits
from dagster_project.ingest import scan
from dagster_project.ingest.scan import IngestOptions, ingest_folder

FIXTURES = Path(__file__).parents[1] / "fixtures"
BOMB = FIXTURES / "pdf" / "line_segments_bomb.pdf"
REPORT_PDF = FIXTURES / "pdf" / "hongze_2024.pdf"
REPORT_DOC = FIXTURES / "word" / "pingtan_2020.doc"


def _raw(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    (raw / "a").mkdir(parents=True)
    for path in (BOMB, REPORT_PDF, REPORT_DOC):
        shutil.copy(path, raw / "a" / path.name)
    return raw


def _ingest(tmp_path: Path, limits: ReaderLimits):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    summary = ingest_folder(con, _raw(tmp_path), options=IngestOptions(reader_limits=limits))
    stored = dict(con.execute("select source_path, text from staging.documents").fetchall())
    return summary, stored


def test_a_reader_over_its_time_is_refused_and_the_others_are_read(tmp_path):
    summary, stored = _ingest(tmp_path, ReaderLimits(seconds=2, memory_mb=2048))
    assert [(r.source_path, r.reason, r.category) for r in summary.refused] == [(
        "a/line_segments_bomb.pdf",
        "a/line_segments_bomb.pdf: not read: the pdf reader took more than 2 s (GOVINFO_ATTACHMENTS_READER_MAX_SECONDS)",
        "pdf: refused by reader (over 2 s)")]
    assert sorted(stored) == ["a/hongze_2024.pdf", "a/pingtan_2020.doc"]
    assert "一、本年新收政府信息公开申请数量 | 20 | 0 | 0 | 0 | 0 | 1 | 21" in stored["a/pingtan_2020.doc"]
    assert "洪泽区" in stored["a/hongze_2024.pdf"]


def test_a_reader_over_its_memory_is_refused(tmp_path):
    summary, stored = _ingest(tmp_path, ReaderLimits(seconds=120, memory_mb=400))
    assert [r.reason for r in summary.refused] == [
        "a/line_segments_bomb.pdf: not read: the pdf reader needed more than 400 MB (GOVINFO_ATTACHMENTS_READER_MAX_MB)"]
    assert sorted(stored) == ["a/hongze_2024.pdf", "a/pingtan_2020.doc"]


def test_the_readers_settings_reach_the_reader(tmp_path, monkeypatch):
    """The reader servers outlive a run in this process: the settings of the run asking are the ones read by."""
    monkeypatch.setenv("GOVINFO_ATTACHMENTS_PDF_MAX_PAGES", "1")
    _, stored = _ingest(tmp_path, ReaderLimits(seconds=2, memory_mb=2048))
    assert stored["a/hongze_2024.pdf"].count("\f") == 1


def test_a_refusal_at_a_limit_stands_until_the_limit_is_raised(tmp_path, monkeypatch):
    """Refused at a limit, the file is not read again at the same limit (its refusal stands, as every
    refusal of an unchanged file does), and is read once the limit is raised."""
    raw = tmp_path / "raw"
    (raw / "a").mkdir(parents=True)
    shutil.copy(REPORT_PDF, raw / "a" / REPORT_PDF.name)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    read, real_read = [], scan.read_document
    monkeypatch.setattr(scan, "read_document", lambda data, path, *limits: read.append(path) or real_read(data, path, *limits))
    low = IngestOptions(reader_limits=ReaderLimits(seconds=120, memory_mb=200))
    for _ in range(2):
        summary = ingest_folder(con, raw, options=low)
        assert [(r.reason, r.category) for r in summary.refused] == [(
            "a/hongze_2024.pdf: not read: the pdf reader needed more than 200 MB (GOVINFO_ATTACHMENTS_READER_MAX_MB)",
            "pdf: refused by reader (over 200 MB)")]
    assert read == ["a/hongze_2024.pdf"]  # the second run did not read it
    summary = ingest_folder(con, raw, options=IngestOptions(reader_limits=ReaderLimits(seconds=120, memory_mb=2048)))
    assert summary.refused == [] and summary.new == 1 and read == ["a/hongze_2024.pdf"] * 2
    assert "洪泽区" in con.execute("select text from staging.documents").fetchone()[0]

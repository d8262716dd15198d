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


def _workbook(rows_xml: str, extra_parts: dict[str, str] | None = None) -> bytes:
    """A minimal .xlsx of one sheet holding ``rows_xml``, and any other parts."""
    import io
    import zipfile

    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    relationships = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '</Types>',
        "_rels/.rels": f'<?xml version="1.0"?><Relationships {relationships}><Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook {ns}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0"?><Relationships {relationships}><Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0"?><worksheet {ns}><sheetData>{rows_xml}</sheetData></worksheet>',
        **(extra_parts or {}),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as workbook:
        for name, xml in parts.items():
            workbook.writestr(name, xml)
    return out.getvalue()


def _wide_workbook(rows: int) -> bytes:
    """Rows each holding a cell in column A and one in XFD, the last of 16,384: a few kilobytes of zip
    that spell out 16,382 empty cells a row (an outside trial's file: 106 KB, 491 million characters,
    stored whole, stopped every later run in DuckDB)."""
    return _workbook("".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="XFD{r}"><v>1</v></c></row>'
                             for r in range(1, rows + 1)))


def test_a_reader_text_over_the_parse_budget_is_refused_in_the_reader(tmp_path):
    """The text is judged in the reader's child, as ingest judges a text file's: it never reaches the
    ingest process or the warehouse; the refusal stands until the budget is raised."""
    raw = tmp_path / "raw"
    (raw / "a").mkdir(parents=True)
    (raw / "a" / "wide.xlsx").write_bytes(_wide_workbook(60))
    shutil.copy(REPORT_DOC, raw / "a" / REPORT_DOC.name)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    for _ in range(2):
        summary = ingest_folder(con, raw, options=IngestOptions(reader_limits=ReaderLimits(max_chars=1_000_000)))
        assert [(r.source_path, r.reason, r.category) for r in summary.refused] == [(
            "a/wide.xlsx",
            "a/wide.xlsx: not read: the xlsx reader's text runs past the parse budget of 1,000,000 characters "
            "(GOVINFO_PARSE_MAX_CHARS)",
            "xlsx: refused by reader (over 1000000 characters)")]
        assert [path for (path,) in con.execute("select source_path from staging.documents").fetchall()] == [
            "a/pingtan_2020.doc"]
    summary = ingest_folder(con, raw, options=IngestOptions(reader_limits=ReaderLimits(max_chars=4_000_000)))
    assert summary.refused == [] and summary.new == 1


def test_any_readers_text_over_the_parse_budget_is_refused(tmp_path):
    """A Word file's text (6,701 characters) over a budget of 5,000: the readers that do not stop at the
    budget themselves are judged in the child all the same."""
    raw = tmp_path / "raw"
    (raw / "a").mkdir(parents=True)
    shutil.copy(REPORT_DOC, raw / "a" / REPORT_DOC.name)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    summary = ingest_folder(con, raw, options=IngestOptions(reader_limits=ReaderLimits(max_chars=5_000)))
    assert [(r.reason, r.category) for r in summary.refused] == [(
        "a/pingtan_2020.doc: not read: the doc reader's text runs past the parse budget of 5,000 characters "
        "(GOVINFO_PARSE_MAX_CHARS)", "doc: refused by reader (over 5000 characters)")]
    assert con.execute("select count(*) from staging.documents").fetchone()[0] == 0


def test_a_part_of_unclosed_cells_is_read_within_the_limit(tmp_path):
    """A 2 KB workbook with a part of 200,000 unclosed <c> (an outside trial's file) held the .xlsx
    reader for its whole time limit: the scan for formula cells without a stored value ran each <c> to
    the end of the part. It is read now, well within 5 s."""
    raw = tmp_path / "raw"
    (raw / "a").mkdir(parents=True)
    rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>行政许可</t></is></c><c r="B1"><f>10000+690</f><v>10690</v></c></row>'
    (raw / "a" / "cells.xlsx").write_bytes(_workbook(rows, {"xl/worksheets/zz.xml": "<f" + "<c>" * 200_000}))
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    summary = ingest_folder(con, raw, options=IngestOptions(reader_limits=ReaderLimits(seconds=5)))
    assert summary.refused == []
    assert con.execute("select text from staging.documents").fetchone()[0] == "S\n行政许可 | 10690"

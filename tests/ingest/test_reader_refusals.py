"""A file an attachment reader refused is read again once the parser changed: a .doc refused before
the .doc reader existed ("legacy Word format; no converter installed") stayed refused for as long as
the file did not change, since refusals stand until their file changes."""
import shutil
from datetime import datetime
from pathlib import Path

import duckdb

from dagster_project.ingest.scan import edge_hash_of, ingest_folder
from dagster_project.run.unchanged import BUILD_STATE_DDL
from dagster_project.stage.schema import ensure_schema
from dagster_project.stage.write_reports import parser_version

DOC = Path(__file__).parents[1] / "fixtures" / "word" / "pingtan_2020.doc"


def _refused_by_an_older_reader(con, raw: Path, built_by: str) -> None:
    path = raw / "reports" / DOC.name
    data, stat = path.read_bytes(), path.stat()
    ensure_schema(con)
    con.execute("insert into staging.refused_documents (source_path, size_bytes, reason, category, refused_at, "
                "mtime_ns, edge_sha256) values (?, ?, ?, 'doc: refused by reader', ?, ?, ?)",
                [f"reports/{DOC.name}", len(data), f"reports/{DOC.name}: legacy Word format; no converter installed",
                 datetime(2026, 1, 1), stat.st_mtime_ns, edge_hash_of(data, len(data))])
    con.execute(BUILD_STATE_DDL)
    con.execute("insert into staging.build_state values (?, 0, '', ?, '')", [datetime(2026, 1, 1), built_by])


def _stored(con) -> list[str]:
    return [row[0] for row in con.execute("select source_path from staging.documents").fetchall()]


def test_a_readers_refusal_is_judged_again_after_a_parser_change(tmp_path):
    raw = tmp_path / "raw"
    (raw / "reports").mkdir(parents=True)
    shutil.copy(DOC, raw / "reports" / DOC.name)
    # built by this parser: the refusal stands and the file is not read
    same = duckdb.connect(str(tmp_path / "same.duckdb"))
    _refused_by_an_older_reader(same, raw, parser_version())
    summary = ingest_folder(same, raw)
    assert _stored(same) == [] and [r.reason for r in summary.refused] == [
        f"reports/{DOC.name}: legacy Word format; no converter installed"]
    # built by another parser: the file is read again, now by the .doc reader
    older = duckdb.connect(str(tmp_path / "older.duckdb"))
    _refused_by_an_older_reader(older, raw, "0123456789ab")
    summary = ingest_folder(older, raw)
    assert _stored(older) == [f"reports/{DOC.name}"] and summary.refused == []
    text = older.execute("select text from staging.documents").fetchone()[0]
    assert "一、本年新收政府信息公开申请数量 | 20 | 0 | 0 | 0 | 0 | 1 | 21" in text

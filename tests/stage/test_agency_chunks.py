"""The agency stage reads the reports to resolve a chunk at a time: a site's full name found in one
chunk still completes a partial name in another, and every report is resolved once."""
from __future__ import annotations

from datetime import datetime

import duckdb

from dagster_project.stage import agencies
from dagster_project.stage.schema import ensure_schema


def test_siblings_found_in_one_chunk_complete_a_report_of_another(tmp_path, monkeypatch):
    monkeypatch.setattr(agencies, "TEXT_BATCH", 1)  # one report per chunk
    con = duckdb.connect(str(tmp_path / "wh.duckdb"))
    ensure_schema(con)
    now = datetime(2026, 1, 1)
    reports = [
        ("c", "c.html", "http://www.example-town.cn/2016.html", "永嘉县北城街道办事处", "永嘉县北城街道办事处2016年报告"),
        ("d", "d.html", "http://www.example-town.cn/2017.html", "北城街道办事处", "北城街道2017年报告"),
        ("f", "f.html", "http://61.150.65.235/a.html", "区统计局", "区统计局2023年报告"),
    ]
    for rid, path, url, name, title in reports:
        con.execute("insert into staging.documents (report_id, source_path, sha256, size_bytes, text, source_url, "
                    "ingested_at) values (?, ?, 'x', 1, '', ?, ?)", [rid, path, url, now])
        con.execute("insert into staging.reports (report_id, sha256, parser_version, title, agency_name, doc_type, "
                    "template_code, parsed_at) values (?, 'x', 'v', ?, ?, 'annual_report', 'narrative', ?)",
                    [rid, title, name, now])
    assert agencies.refresh_agencies(con, tmp_path / "raw") == 2
    got = dict(con.execute("select report_id, agency_name || '|' || coalesce(adcode, '') || '|' || agency_resolution "
                           "from staging.report_agencies").fetchall())
    assert got == {"c": "永嘉县北城街道办事处|330324|full", "d": "永嘉县北城街道办事处|330324|full",
                   "f": "区统计局||partial"}
    # nothing is left behind in the connection, and a second run changes nothing
    assert con.execute("select count(*) from duckdb_tables() where temporary").fetchone()[0] == 0
    assert agencies.refresh_agencies(con, tmp_path / "raw") == 2
    assert con.execute("select count(*) from staging.report_agencies").fetchone()[0] == 3

"""The pending documents are read out of the warehouse once, into one input file per shard."""
from datetime import datetime

import duckdb
import pytest

from dagster_project.stage.schema import ensure_schema
from dagster_project.stage.shard_inputs import (DocumentsReadError, export_inputs, inputs_folder, open_documents_reader,
                                                read_batches, remove_dead_inputs, stream_documents)
from dagster_project.stage.shards import shard_of


def _warehouse(n: int):
    con = duckdb.connect()
    ensure_schema(con)
    rows = [(f"id{i:04d}", f"site/{i:04d}.html", f"sha{i}", 10 + i, None, "utf-8", "utf-8", "html",
             f"正文 {i} " * (i % 7 + 1), None, datetime(2026, 1, 1)) for i in range(n)]
    con.executemany("insert into staging.documents (report_id, source_path, sha256, size_bytes, mtime_ns, encoding, "
                    "decoded_how, reader, text, source_url, ingested_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return con


def test_each_shard_file_holds_its_pending_documents_with_their_text(tmp_path):
    con = _warehouse(300)
    pending: dict[str, list[str]] = {}
    for i in range(0, 300, 3):  # a third of the documents are pending
        pending.setdefault(shard_of(f"id{i:04d}", 4), []).append(f"id{i:04d}")
    folder = inputs_folder(tmp_path)
    files = export_inputs(con, pending, folder)
    assert sorted(files) == sorted(pending)
    for key, path in files.items():
        batches = list(read_batches(path, 7))
        assert all(len(b) == 7 for b in batches[:-1]) and 0 < len(batches[-1]) <= 7
        rows = [row for batch in batches for row in batch]
        assert sorted(r[0] for r in rows) == sorted(pending[key])
        for report_id, source_path, sha, text, url, how in rows:
            i = int(report_id[2:])
            assert (source_path, sha, text, url, how) == (f"site/{i:04d}.html", f"sha{i}", f"正文 {i} " * (i % 7 + 1),
                                                          None, "utf-8")


def test_a_dead_runs_inputs_are_removed_a_live_ones_kept(tmp_path):
    import os

    dead = tmp_path / "_inputs-999999999-abcdef.tmp"
    live = tmp_path / f"_inputs-{os.getppid()}-abcdef.tmp"
    for folder in (dead, live):
        folder.mkdir()
    remove_dead_inputs(tmp_path)
    assert not dead.exists() and live.exists()


def _long_texts(path, n: int):
    """A warehouse file whose documents hold ~50 KB of text each: reading them under a 32 MB memory
    limit runs out of memory."""
    con = duckdb.connect(str(path))
    ensure_schema(con)
    con.execute("insert into staging.documents (report_id, source_path, sha256, size_bytes, text, ingested_at) "
                "select printf('id%05d', i), printf('site/%05d.html', i), 'sha' || i, 60000, "
                "repeat('第' || i || '号报告的正文。', 1600), timestamp '2026-01-01' from range(?) t(i)", [n])
    con.execute("checkpoint")
    con.close()


def _pending(n: int) -> dict[str, list[str]]:
    pending: dict[str, list[str]] = {}
    for i in range(n):
        pending.setdefault(shard_of(f"id{i:05d}", 4), []).append(f"id{i:05d}")
    return pending


@pytest.fixture
def limits(monkeypatch):
    """Sets the documents reader's memory limit and the ceiling it may grow to, for one test."""
    from dagster_project.settings import get_settings

    def apply(documents_limit: str, ceiling: str) -> None:
        monkeypatch.setenv("GOVINFO_DOCUMENTS_DUCKDB_MEMORY_LIMIT", documents_limit)
        monkeypatch.setenv("GOVINFO_DUCKDB_MEMORY_LIMIT", ceiling)
        get_settings.cache_clear()

    yield apply
    get_settings.cache_clear()


def test_a_read_out_of_memory_goes_on_with_a_larger_limit_each_document_once(limits, tmp_path):
    n = 5000
    _long_texts(tmp_path / "wh.duckdb", n)
    limits("32MB", "1GB")
    con = open_documents_reader(tmp_path / "wh.duckdb")
    (before,) = con.execute("select current_setting('memory_limit')").fetchone()
    lines: list[str] = []
    seen: dict[str, str] = {}
    for key, (report_id, source_path, sha, text, url, how) in stream_documents(con, _pending(n), lines.append):
        assert report_id not in seen and key == shard_of(report_id, 4)
        seen[report_id] = text
    assert len(seen) == n
    assert seen["id04321"] == "第4321号报告的正文。" * 1600
    # it did run out, and went on with a doubled limit, from where it was
    assert lines and all("ran out of memory" in line for line in lines)
    assert "going on with a DuckDB memory limit of 61 MiB" in lines[0]
    assert con.execute("select current_setting('memory_limit')").fetchone()[0] == before
    con.close()


def test_a_read_that_needs_more_than_the_ceiling_names_the_setting(limits, tmp_path):
    _long_texts(tmp_path / "wh.duckdb", 2100)
    limits("16MB", "32MB")
    con = open_documents_reader(tmp_path / "wh.duckdb")
    with pytest.raises(DocumentsReadError, match="GOVINFO_DUCKDB_MEMORY_LIMIT \\(32MB\\) allows no more"):
        for _ in stream_documents(con, _pending(2100)):
            pass
    con.close()

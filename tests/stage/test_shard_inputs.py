"""The pending documents are read out of the warehouse once, into one input file per shard."""
from datetime import datetime

import duckdb

from dagster_project.stage.schema import ensure_schema
from dagster_project.stage.shard_inputs import export_inputs, inputs_folder, read_batches, remove_dead_inputs
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

"""Shards parsed in parallel processes give the same rows as one process: several shards, one process
each; one shard, its batches spread over a pool of processes."""
import json
import os
import shutil

from stagekit import SHARDS, Stage, make_raw, shard_paths

from dagster_project.stage.schema import PER_REPORT_TABLES
from dagster_project.stage.shards import shard_keys

TIMES = {"reports": "* exclude (parsed_at)", "parse_errors": "* exclude (failed_at)"}


def _rows(stage, keys=None):
    return {t: sorted(stage.parquet(t, keys, columns=TIMES.get(t, "*")), key=repr) for t in PER_REPORT_TABLES}


def test_two_processes_stage_what_one_process_stages(monkeypatch, tmp_path):
    raw = make_raw(tmp_path / "a")
    shutil.copytree(raw, tmp_path / "b" / "raw")
    one = Stage(monkeypatch, raw, tmp_path / "a" / "wh.duckdb", GOVINFO_PARSE_WORKERS=1, GOVINFO_PARSE_BATCH_SIZE=4)
    one.ingest()
    one.stage()
    expected = _rows(one)
    assert expected["figures"]

    two = Stage(monkeypatch, tmp_path / "b" / "raw", tmp_path / "b" / "wh.duckdb", GOVINFO_PARSE_WORKERS=2,
                GOVINFO_PARSE_BATCH_SIZE=4)
    two.ingest()
    two.stage()
    assert _rows(two) == expected
    # every shard was written by a worker process, not by the run's own process
    writers = {json.loads(two.store.pointer(k).read_text())["writer_pid"] for k in shard_keys(SHARDS)
               if two.store.info(k)}
    assert writers and os.getpid() not in writers
    staged = two.warehouse_rows("select * exclude (parsed_at, agency_name) from staging.reports order by report_id")
    assert staged == one.warehouse_rows("select * exclude (parsed_at, agency_name) from staging.reports order by report_id")

    # one shard alone: its batches are parsed by two processes, and its rows are the same again
    key = max(shard_keys(SHARDS), key=lambda k: len(shard_paths(two.raw, k)))
    assert two.parse_shard(key, reparse=True)["processes"] == 2
    assert _rows(two, [key]) == _rows(one, [key])

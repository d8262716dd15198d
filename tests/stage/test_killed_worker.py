"""A parse worker killed half-way leaves nothing half-written: its temporary generation is never read,
the shard keeps its previous generation whole, and the next refresh removes the leftover."""
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
from stagekit import SHARDS, Stage, make_raw, shard_paths

from dagster_project.stage.load import load_shards
from dagster_project.stage.schema import SHARD_TABLES
from dagster_project.stage.shards import shard_keys

ROOT = Path(__file__).parents[2]

# A worker in its own process: the shard is parsed, and the worker stops for good just before the
# new generation is published (the test kills it there), once its files are fully written.
WORKER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from dagster_project.resources.duckdb_file import open_warehouse
    from dagster_project.stage.parse_shard import refresh_shard
    from dagster_project.stage.shard_store import ShardStore
    from dagster_project.stage.write_reports import ParseBudget, parser_version

    warehouse, root, key, ready = sys.argv[1:5]
    store = ShardStore(Path(root), {shards})

    def publish_after_kill(key, tmp, info):
        Path(ready).write_text(str(tmp))
        time.sleep(600)

    store.publish = publish_after_kill
    con = open_warehouse(warehouse, read_only=True)
    refresh_shard(con, store, key, parser_version(), ParseBudget(), batch_size=2, reparse=True)
""").format(shards=SHARDS)


def test_a_killed_worker_leaves_the_previous_generation_whole(monkeypatch, tmp_path):
    stage = Stage(monkeypatch, make_raw(tmp_path), tmp_path / "wh.duckdb")
    stage.ingest()
    key = next(k for k in shard_keys(SHARDS) if len(shard_paths(stage.raw, k)) >= 3)
    stage.parse_shard(key)
    before = stage.store.info(key)
    old_rows = sorted(stage.parquet("figures", [key]), key=repr)
    assert old_rows

    ready = tmp_path / "ready"
    worker = subprocess.Popen([sys.executable, "-c", WORKER, str(stage.warehouse), str(stage.store.root), key,
                               str(ready)], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        deadline = time.monotonic() + 300
        while not ready.exists():
            assert worker.poll() is None, "the worker ended before reaching publish"
            assert time.monotonic() < deadline
            time.sleep(0.2)
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=30)
    finally:
        if worker.poll() is None:
            worker.kill()
    leftover = Path(ready.read_text())
    assert leftover.is_dir() and leftover.name.endswith(".tmp")
    assert sorted(p.name for p in leftover.iterdir()) == sorted(
        f"{t}.parquet" for t in SHARD_TABLES)

    # readers follow the pointer: the previous generation, whole
    assert stage.store.info(key) == before
    assert sorted(stage.parquet("figures", [key]), key=repr) == old_rows
    with duckdb.connect(str(stage.warehouse)) as con:
        loaded = load_shards(con, stage.store)
        assert loaded.reports == len(shard_paths(stage.raw, key))
        in_duckdb = sorted(con.execute("select * from staging.figures").fetchall(), key=repr)
    assert in_duckdb == old_rows

    # the next writer of the shard removes what the killed one left, and publishes
    again = stage.parse_shard(key, reparse=True)
    assert again["parsed"] + again["failed"] + again["needs_ocr"] == len(shard_paths(stage.raw, key))
    assert not leftover.exists()
    assert stage.store.info(key)["generation"] != before["generation"]
    assert sorted(p.name for p in stage.store.layout.glob(f"{key}.*")) == \
        sorted([stage.store.info(key)["generation"], f"{key}.json"])

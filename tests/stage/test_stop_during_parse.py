"""SIGTERM to a real run while its workers parse: the run and every process it started end within
seconds (not after the shards are done), and nothing is published half-written: no warehouse file,
and every shard's pointer names a whole generation."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from dagster_project.stage.schema import SHARD_TABLES
from scripts.synthetic_corpus import SyntheticCorpus

ROOT = Path(__file__).parents[2]
DOCUMENTS = 2000
SHARDS = 2
# a worker's task is a batch: one of each shard's ~1,000 documents (~6 s of parse each), so a batch
# in hand outlasts the signal by far
BATCH_SIZE = 1200
WORKERS_STOP_WITHIN_S = 5  # a worker left to finish its batch would take longer
RUN_STOP_WITHIN_S = 30


def _descendants(pid: int) -> set[int]:
    out, todo = set(), [pid]
    while todo:
        for task in Path(f"/proc/{todo.pop()}/task").glob("*"):
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
            todo += [c for c in children if c not in out]
            out.update(children)
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _forked_from_the_run(pid: int) -> bool:
    """A pool worker: forked, so it has the run's command line (the resource tracker has its own)."""
    try:
        return b"dagster_project.run" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _parse_started(logs: Path) -> bool:
    return any("documents to parse in" in p.read_text(errors="replace") for p in logs.glob("run-*.log"))


def test_sigterm_during_parse_stops_the_run_and_its_workers(tmp_path):
    raw = tmp_path / "raw"
    SyntheticCorpus().write(raw, DOCUMENTS)
    home = tmp_path / "dagster"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    warehouse = tmp_path / "wh.duckdb"
    env = {**os.environ, "GOVINFO_RAW_DIR": str(raw), "GOVINFO_WAREHOUSE": str(warehouse), "DAGSTER_HOME": str(home),
           "GOVINFO_PARSE_WORKERS": "2", "GOVINFO_PARSE_SHARDS": str(SHARDS),
           "GOVINFO_PARSE_BATCH_SIZE": str(BATCH_SIZE), "DAGSTER_DISABLE_TELEMETRY": "1", "PYTHONPATH": str(ROOT)}
    run = subprocess.Popen([sys.executable, "-m", "dagster_project.run"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        workers: set[int] = set()
        while len(workers) < 2:  # the parse has begun and its pool's processes run
            assert run.poll() is None, "the run ended before parsing"
            assert time.monotonic() < deadline, "the parse did not start"
            time.sleep(0.5)
            if _parse_started(tmp_path / "logs"):
                workers = {p for p in _descendants(run.pid) if _forked_from_the_run(p)}
        time.sleep(3)  # the read is done (~1 s) and the workers are inside their batches
        started = _descendants(run.pid)
        os.kill(run.pid, signal.SIGTERM)
        stopping = time.monotonic()
        while any(_alive(p) for p in workers) and time.monotonic() - stopping < WORKERS_STOP_WITHIN_S:
            time.sleep(0.1)
        assert not [p for p in workers if _alive(p)], "the parse workers went on after the run was stopped"
        run.wait(timeout=RUN_STOP_WITHIN_S)
        while any(_alive(p) for p in started) and time.monotonic() - stopping < RUN_STOP_WITHIN_S:
            time.sleep(0.2)
        assert not [p for p in started if _alive(p)], "processes of the run outlived it"
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
            run.wait()
    # an interruption, told from a broken step (an outside trial read exit 1, "run failed at staged_reports")
    assert run.returncode == 130
    log = next((tmp_path / "logs").glob("run-*.log")).read_text(errors="replace")
    assert "govinfo-warehouse: interrupted at " in log and "run failed at" not in log
    assert not warehouse.exists()  # the first build was not published
    layout = tmp_path / "wh.duckdb.staged" / f"shards-{SHARDS}"
    for pointer in layout.glob("*.json"):
        generation = layout / json.loads(pointer.read_text())["generation"]
        assert sorted(p.name for p in generation.iterdir()) == sorted(f"{t}.parquet" for t in SHARD_TABLES)

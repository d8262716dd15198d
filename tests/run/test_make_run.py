"""`make run` as a person uses it: a short console, a log file, a lock, atomic publish, exit codes.

One module, three real builds on four seed reports: a first build; a second one killed (SIGKILL)
during dbt while a third is refused by the lock; a last one with a read-only connection held open.
"""
import re
import signal
import time

import duckdb
import pytest

from runkit import Background, make, make_env, seed_raw, sha256, wait_for_file_line

STAGES = ["fetch", "ingest", "parse/stage", "dbt", "checks"]


@pytest.fixture(scope="module")
def first(tmp_path_factory):
    base = tmp_path_factory.mktemp("run")
    raw = seed_raw(base / "raw")
    warehouse = base / "wh" / "govinfo.duckdb"
    env = make_env(warehouse, raw, base / "dagster")
    result = make("run", env)
    return base, raw, warehouse, env, result


def test_first_run_publishes_and_exits_zero(first):
    _, _, warehouse, _, result = first
    assert result.returncode == 0, result.stdout + result.stderr
    assert warehouse.exists() and not warehouse.with_name(warehouse.name + ".building").exists()
    con = duckdb.connect(str(warehouse), read_only=True)
    assert con.execute("select count(*) from marts.dim_report").fetchone()[0] == 4
    assert con.execute("select count(*) from marts.fct_indicator_value").fetchone()[0] > 0


def test_console_is_one_line_per_stage_and_the_log_is_in_a_file(first):
    _, _, warehouse, _, result = first
    lines = (result.stdout + result.stderr).splitlines()
    assert len(lines) <= 40, "\n".join(lines)
    assert not any("DEBUG" in line or "STEP_OUTPUT" in line or "\x1b[" in line for line in lines)
    for stage in STAGES:
        assert sum(1 for line in lines if re.match(rf"\s+{re.escape(stage)}\s+done\s", line)) == 1, stage
    assert any(line.strip().startswith("documents ingested : 4:") for line in lines)
    log_line = next(line for line in lines if line.strip().startswith("log "))
    log_path = warehouse.parent / "logs" / log_line.split(":", 1)[1].strip().rsplit("/", 1)[1]
    text = log_path.read_text(encoding="utf-8")
    assert "STEP_SUCCESS" in text and re.search(r"\d+ of \d+ OK created", text)  # Dagster's and dbt's full log
    assert "\x1b[" not in text


def test_make_sql_runs_one_query_on_the_marts(first):
    _, _, warehouse, env, _ = first
    want = duckdb.connect(str(warehouse), read_only=True).execute(
        "select count(*) from marts.fct_indicator_value").fetchone()[0]
    result = make("sql", dict(env, Q="select count(*) as figures from fct_indicator_value"))
    assert result.returncode == 0, result.stderr
    assert "figures" in result.stdout and f" {want} " in result.stdout
    # read-only: a write is refused
    result = make("sql", dict(env, Q="create table marts.x as select 1"))
    assert "read-only" in (result.stdout + result.stderr).lower()


@pytest.fixture(scope="module")
def killed(first):
    """A second run killed during dbt; a third run started meanwhile hits the lock."""
    base, raw, warehouse, env, _ = first
    before = sha256(warehouse)
    (raw / "extra.txt").write_bytes((raw / sorted(p.name for p in raw.glob("*.txt"))[0]).read_bytes() + b"\n\n")
    earlier_logs = set((warehouse.parent / "logs").glob("run-*.log"))
    run = Background("run", env)
    wait_for_file_line(warehouse.parent / "logs", r"\d+ of \d+ OK created", timeout=600, skip=earlier_logs)
    started = time.monotonic()
    second = make("run", env, timeout=120)
    refused_in = time.monotonic() - started
    run_pid = run.session_pids()
    run.kill_session(signal.SIGKILL)
    return before, second, refused_in, run, run_pid


def test_a_second_run_stops_at_once_with_the_holder(killed):
    _, second, refused_in, _, pids = killed
    assert second.returncode != 0  # make's own status for a failed recipe; the run itself exits 75
    message = next(line for line in second.stderr.splitlines() if "another run" in line)
    assert re.search(r"another run holds the warehouse since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC, pid (\d+)", message)
    assert int(re.search(r"pid (\d+)", message)[1]) in pids
    assert message.endswith("run again when it has finished (nothing was changed)")
    assert refused_in < 30


def test_a_kill_during_dbt_leaves_the_published_warehouse_as_it_was(first, killed):
    _, _, warehouse, _, _ = first
    before, *_ = killed
    assert sha256(warehouse) == before
    con = duckdb.connect(str(warehouse), read_only=True)
    assert con.execute("select count(*) from marts.dim_report").fetchone()[0] == 4


def test_a_held_read_only_connection_does_not_stop_a_run(first, killed):
    _, raw, warehouse, env, _ = first
    reader = duckdb.connect(str(warehouse), read_only=True)
    assert reader.execute("select count(*) from marts.dim_report").fetchone()[0] == 4
    result = make("run", env)
    assert result.returncode == 0, result.stdout + result.stderr
    # the killed run was left STARTED in Dagster's run storage: this run marked it failed
    assert re.search(r"marked run \w{8} failed: its process is gone", result.stdout)
    assert "taking over" in result.stdout or "removing govinfo.duckdb.building" in result.stdout
    # the reader keeps its complete (old) warehouse; once closed (DuckDB shares one open database per
    # file and process), a new connection sees the new one, extra.txt included
    assert reader.execute("select count(*) from marts.dim_report").fetchone()[0] == 4
    reader.close()
    assert duckdb.connect(str(warehouse), read_only=True).execute(
        "select count(*) from marts.dim_report").fetchone()[0] == 5


def test_a_broken_pipeline_exits_non_zero_with_the_cause_last(first, tmp_path):
    _, _, warehouse, env, _ = first
    before = sha256(warehouse)
    missing = tmp_path / "no-such-folder"
    result = make("run", dict(env, GOVINFO_RAW_DIR=str(missing)))
    assert result.returncode != 0
    run_lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert str(missing) in run_lines[-1] and "does not exist" in run_lines[-1]
    assert sha256(warehouse) == before
    # the failed run's working copy is gone with it (on a full disk it kept the disk full)
    assert not [p.name for p in warehouse.parent.iterdir() if ".building" in p.name]


def test_a_damaged_warehouse_is_named_with_what_to_do(first, tmp_path):
    # a trial's truncated warehouse failed with DuckDB's own words at whichever step read a damaged block
    _, raw, warehouse, env, _ = first
    size = warehouse.stat().st_size
    for cut in (4096, size // 3):
        damaged = tmp_path / f"cut{cut}" / "govinfo.duckdb"
        damaged.parent.mkdir()
        damaged.write_bytes(warehouse.read_bytes()[:cut])
        before = sha256(damaged)
        result = make("run", dict(env, GOVINFO_WAREHOUSE=str(damaged), FORCE="1"))
        assert result.returncode != 0, result.stdout[-2000:]
        assert f"the warehouse {damaged} is damaged (a truncated or overwritten file); it was left as it was. " \
               f"Move it away and run again to build it afresh from the raw folder" in result.stdout, cut
        assert sha256(damaged) == before and "kept for inspection" not in result.stdout

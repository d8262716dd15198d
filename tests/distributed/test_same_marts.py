"""The multi-worker profile builds the same marts as the embedded default on the same documents.

Real parts: Debian's PostgreSQL holding Dagster's runs and events, Redis as the Celery broker, two
Celery workers, all started by deploy/distributed/start.sh (`make test` installs the Debian packages
through `distributed-deps`); `python -m dagster_project.run`, the embedded default of `make run`, on
the same raw folder; the marts compared by scripts/compare_marts.py (row counts and content hashes).
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import compare_marts  # noqa: E402

SEEDS = sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))
START, STOP = ROOT / "deploy" / "distributed" / "start.sh", ROOT / "deploy" / "distributed" / "stop.sh"
WORKERS = 2


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _base_env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("GOVINFO_", "DAGSTER_")) and key not in ("FORCE", "VERBOSE")}
    env.update(DAGSTER_DISABLE_TELEMETRY="1", DBT_SEND_ANONYMOUS_USAGE_STATS="False", GX_ANALYTICS_ENABLED="False")
    return env


def _read_env_file(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text().splitlines():
        if line.startswith("export "):
            key, _, value = line[len("export "):].partition("=")
            values[key] = value.strip("'")
    return values


@pytest.fixture(scope="module")
def services():
    """PostgreSQL, Redis and the workers, in a fresh folder under /tmp (the postgres user must reach it)."""
    state = Path(tempfile.mkdtemp(prefix="govinfo-dist-test-", dir="/tmp"))
    env = {**_base_env(), "GOVINFO_DIST_STATE": str(state), "GOVINFO_DIST_WORKERS": str(WORKERS),
           "GOVINFO_DIST_PG_PORT": str(_free_port()), "GOVINFO_DIST_REDIS_PORT": str(_free_port())}
    try:
        started = subprocess.run([str(START)], env=env, capture_output=True, text=True, timeout=600)
        assert started.returncode == 0, started.stdout + started.stderr
        yield {**env, **_read_env_file(state / "env.sh")}
    finally:
        subprocess.run([str(STOP), "--purge"], env=env, capture_output=True, timeout=180)


@pytest.fixture(scope="module")
def raw(tmp_path_factory):
    folder = tmp_path_factory.mktemp("raw")
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    (folder / "empty.html").write_bytes(b"")  # refused (empty): the refusals must agree too
    return folder


def _run(module: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", module], env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=1800)
    print(done.stdout[-4000:], done.stderr[-4000:], sep="\n")
    return done


def test_the_celery_workers_build_the_marts_of_the_embedded_default(services, raw, tmp_path):
    embedded_home = tmp_path / "embedded_dagster"
    embedded_home.mkdir()
    (embedded_home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    embedded = tmp_path / "embedded" / "wh.duckdb"
    distributed = tmp_path / "distributed" / "wh.duckdb"

    default = _run("dagster_project.run", {**_base_env(), "DAGSTER_HOME": str(embedded_home),
                                           "GOVINFO_RAW_DIR": str(raw), "GOVINFO_WAREHOUSE": str(embedded)})
    assert default.returncode == 0 and embedded.exists()

    multi = _run("dagster_project.run.distributed", {**services, "GOVINFO_RAW_DIR": str(raw),
                                                     "GOVINFO_WAREHOUSE": str(distributed)})
    assert multi.returncode == 0 and distributed.exists()
    assert "executor celery" in multi.stdout and "PostgresRunStorage" in multi.stdout

    # every step ran as a Celery task on one of the workers, recorded in PostgreSQL
    import psycopg2

    con = psycopg2.connect(host="127.0.0.1", port=int(services["GOVINFO_DIST_PG_PORT"]), user="govinfo",
                           dbname="dagster")
    try:
        with con.cursor() as cur:
            cur.execute("select run_id, status from runs")
            runs = cur.fetchall()
            assert [status for _, status in runs] == ["SUCCESS"]
            cur.execute("select count(*) from event_logs where run_id = %s and dagster_event_type = 'STEP_SUCCESS'",
                        [runs[0][0]])
            steps = cur.fetchone()[0]
            cur.execute("select event from event_logs where run_id = %s and dagster_event_type = 'ENGINE_EVENT' "
                        "and event like %s", [runs[0][0], "%in celery worker%"])
            delegated = [row[0] for row in cur.fetchall()]
    finally:
        con.close()
    assert steps >= 4 and len(delegated) == steps  # fetch, ingest, parse/stage, dbt and the GX checks
    names = {f"worker{i}@" for i in range(1, WORKERS + 1)}
    assert all(any(name in event for name in names) for event in delegated)

    left, right = compare_marts.digest_marts(embedded), compare_marts.digest_marts(distributed)
    lines, same = compare_marts.compare(left, right)
    print("\n".join(lines))
    assert same, "\n".join(lines)
    assert left["dim_report"].rows == len(SEEDS) and left["fct_indicator_value"].rows > 100
    assert left["refused_documents"].rows == 1
    assert compare_marts.main([str(embedded), str(distributed)]) == 0

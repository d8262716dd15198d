"""Settings and a layout `make run` cannot work with stop it before anything is run, with one line
naming the variable and its value (an outside trial of bad input got a 22-line traceback naming the
Python field, a run that refused every file as "larger than -1 bytes", and a warehouse inside the raw
folder whose own logs and files were ingested as documents at every run)."""
import subprocess
import sys

from runkit import ROOT, make_env, seed_raw, sha256

STOPPED = 78


def _run(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dagster_project.run"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)


def test_an_invalid_setting_is_named_as_the_variable_with_its_value_and_nothing_runs(tmp_path):
    raw = seed_raw(tmp_path / "raw", count=1)
    warehouse = tmp_path / "wh" / "w.duckdb"
    cases = {"GOVINFO_PARSE_SHARDS": "abc", "GOVINFO_MAX_FILE_BYTES": "-1", "GOVINFO_FETCH_MAX_RETRIES": "x",
             "GOVINFO_DUCKDB_MEMORY_LIMIT": "lots"}
    for name, value in cases.items():
        done = _run(make_env(warehouse, raw, tmp_path / "home", **{name: value}))
        assert done.returncode == STOPPED, (name, done.stderr[-1000:])
        first = done.stderr.splitlines()[0]
        assert first.startswith(f"govinfo-warehouse: setting {name}='{value}' is not valid: "), first
        assert "Traceback" not in done.stderr and not warehouse.exists()


def test_a_warehouse_inside_the_raw_folder_is_refused_before_anything_is_written(tmp_path):
    raw = seed_raw(tmp_path / "raw", count=1)
    done = _run(make_env(raw / "wh" / "w.duckdb", raw, tmp_path / "home"))
    assert done.returncode == STOPPED
    assert f"the warehouse {raw / 'wh' / 'w.duckdb'} (GOVINFO_WAREHOUSE) is inside the raw folder {raw}" in done.stderr
    assert sorted(p.name for p in raw.rglob("*")) == ["000_6af7086d6b762cad.txt"]


def test_a_dagster_home_that_is_not_a_folder_is_named(tmp_path):
    raw = seed_raw(tmp_path / "raw", count=1)
    env = make_env(tmp_path / "wh" / "w.duckdb", raw, tmp_path / "home")
    home = tmp_path / "home-file"
    home.write_text("not a folder")
    env["DAGSTER_HOME"] = str(home)
    done = _run(env)
    assert done.returncode == STOPPED
    assert f"DAGSTER_HOME={home} is not a folder: Dagster keeps its runs and events there" in done.stderr


def test_a_dagster_home_that_is_relative_or_missing_is_named(tmp_path):
    # a reviewer's cases: both passed the check, then the run failed inside Dagster with a traceback (exit 1)
    raw = seed_raw(tmp_path / "raw", count=1)
    env = make_env(tmp_path / "wh" / "w.duckdb", raw, tmp_path / "home")
    for home, problem in (("relative-home", "is not an absolute path"), (str(tmp_path / "absent"), "does not exist")):
        done = _run(dict(env, DAGSTER_HOME=home))
        assert done.returncode == STOPPED
        assert f"DAGSTER_HOME={home} {problem}: Dagster keeps its runs and events there" in done.stderr


def test_a_warehouse_that_is_a_folder_is_named_before_a_lock_or_log_is_made_beside_it(tmp_path):
    # a trial's case: DuckDB failed on the folder after the run had made its lock file and log beside it
    raw = seed_raw(tmp_path / "raw", count=1)
    folder = tmp_path / "wh"
    folder.mkdir()
    done = _run(make_env(folder, raw, tmp_path / "home"))
    assert done.returncode == STOPPED
    assert f"GOVINFO_WAREHOUSE={folder} is a folder: name the warehouse file, such as {folder / 'govinfo.duckdb'}" \
        in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "raw", "wh"] and not any(folder.iterdir())


def test_a_run_over_another_raw_folder_stops_before_it_changes_the_warehouse(tmp_path):
    # an outside trial ran with GOVINFO_WAREHOUSE alone, as the summary's hints showed it: the run read the
    # project's raw/ into a warehouse built from another folder and removed 8 of its 33 documents
    seeds = sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))
    raw, other = seed_raw(tmp_path / "raw", count=1), tmp_path / "other"
    other.mkdir()
    (other / seeds[1].name).write_bytes(seeds[1].read_bytes())
    warehouse = tmp_path / "wh" / "w.duckdb"
    built = _run(make_env(warehouse, raw, tmp_path / "home"))
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    # the hints name the raw folder with the warehouse
    assert f"GOVINFO_RAW_DIR={raw} GOVINFO_WAREHOUSE={warehouse} make dev" in built.stdout
    before = sha256(warehouse)

    stopped = _run(make_env(warehouse, other, tmp_path / "home"))
    assert stopped.returncode == STOPPED, stopped.stdout[-2000:]
    assert (f"the warehouse {warehouse} was built from the raw folder {raw}, and this run reads {other} "
            "(GOVINFO_RAW_DIR)") in stopped.stdout
    assert "GOVINFO_ALLOW_RAW_DIR_CHANGE=1" in stopped.stdout and "The warehouse was not changed." in stopped.stdout
    assert sha256(warehouse) == before and not list(other.glob("_fetched"))

    rebuilt = _run(make_env(warehouse, other, tmp_path / "home", GOVINFO_ALLOW_RAW_DIR_CHANGE="1"))
    assert rebuilt.returncode == 0, rebuilt.stdout[-2000:]
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    assert con.execute("select source_path from staging.documents").fetchall() == [(seeds[1].name,)]
    assert con.execute("select raw_dir from staging.raw_folder").fetchall() == [(str(other),)]

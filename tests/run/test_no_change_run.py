"""`make run` with nothing changed since the last build leaves the warehouse as it was, at once;
an edited document, or FORCE=1, builds again. Real builds over seed reports."""
from __future__ import annotations

import re
import shutil

import duckdb
import pytest

from dagster_project.resources.warehouse import open_warehouse
from dagster_project.run.unchanged import check_unchanged, models_digest
from runkit import ingested_warehouse, make, make_env, seed_raw, sha256

NOTHING_CHANGED = re.compile(r"nothing changed since the build of (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC); "
                             r"warehouse left as it was")


def build_state(warehouse):
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute("select built_at, documents, documents_digest, parser_version, models_digest "
                           "from staging.build_state").fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("nochange")
    raw = seed_raw(base / "raw", count=2)
    warehouse = base / "wh" / "govinfo.duckdb"
    env = make_env(warehouse, raw, base / "dagster")
    first = make("run", env)
    assert first.returncode == 0, first.stdout + first.stderr
    return raw, warehouse, env, first


def test_a_build_records_its_fingerprint(built):
    _, warehouse, _, first = built
    assert "building: no warehouse yet" in first.stdout
    [(built_at, documents, digest, parser, models)] = build_state(warehouse)
    assert documents == 2 and len(digest) == 16 and len(models) == 16
    assert re.search(rf"parser {parser}\b", first.stdout)  # the parser version the stage line names


def test_a_run_with_nothing_changed_leaves_the_warehouse_as_it_was(built):
    raw, warehouse, env, _ = built
    before = (warehouse.stat().st_mtime_ns, sha256(warehouse), build_state(warehouse))
    second = make("run", env)
    assert second.returncode == 0, second.stdout + second.stderr
    match = NOTHING_CHANGED.search(second.stdout)
    assert match, second.stdout
    assert match[1] == before[2][0][0].strftime("%Y-%m-%d %H:%M:%S UTC")
    # no stage ran: no dbt, no checks, no working copy
    assert not re.search(r"^\s+(ingest|dbt|checks)\s", second.stdout, re.M), second.stdout
    assert not warehouse.with_name(warehouse.name + ".building").exists()
    assert (warehouse.stat().st_mtime_ns, sha256(warehouse), build_state(warehouse)) == before
    # touched but not edited: the content decides, still nothing to do
    seed = sorted(raw.glob("*.txt"))[0]
    seed.write_bytes(seed.read_bytes())
    touched = make("run", env)
    assert NOTHING_CHANGED.search(touched.stdout), touched.stdout
    assert sha256(warehouse) == before[1]


def test_an_edited_seed_is_rebuilt(built):
    raw, warehouse, env, _ = built
    seed = sorted(raw.glob("*.txt"))[0]
    before = build_state(warehouse)[0]
    edited = seed.read_bytes() + "\n\n（本报告数据截至2020年12月31日。）\n".encode("utf-8")
    seed.write_bytes(edited)
    third = make("run", env)
    assert third.returncode == 0, third.stdout + third.stderr
    assert not NOTHING_CHANGED.search(third.stdout)
    assert f"building: changed file {seed.name}" in third.stdout
    assert re.search(r"^\s+dbt\s+done\s", third.stdout, re.M), third.stdout
    # the other seed is at the stat stored with the last build: ingest did not open it
    log = re.search(r"^\s+log\s+: (\S+)", third.stdout, re.M)[1]
    assert "ingest: 1 files at the stat of the last build are not opened" in open(log, encoding="utf-8").read()
    assert not list(warehouse.parent.glob("*.unchanged"))
    after = build_state(warehouse)[0]
    assert after[0] > before[0] and after[2] != before[2]  # a new build, of other documents
    con = duckdb.connect(str(warehouse), read_only=True)
    stored = con.execute("select sha256 from marts.dim_report where source_path = ?", [seed.name]).fetchone()[0]
    assert stored == sha256(seed)


def test_force_builds_when_nothing_changed(built):
    _, warehouse, env, _ = built
    before = build_state(warehouse)[0]
    forced = make("run", env, "FORCE=1")
    assert forced.returncode == 0, forced.stdout + forced.stderr
    assert "FORCE=1: the whole pipeline runs" in forced.stdout
    assert re.search(r"^\s+dbt\s+done\s", forced.stdout, re.M), forced.stdout
    assert build_state(warehouse)[0][0] > before[0]


# The decision alone, on a real warehouse file after a real ingest (no dbt): what counts as a change.

@pytest.fixture
def ingested(tmp_path):
    return ingested_warehouse(tmp_path)


def decide(ingested, parser="p1"):
    raw, warehouse, settings = ingested
    return check_unchanged(warehouse, settings, parser, models_digest(settings))


def test_the_decision_sees_each_kind_of_change(ingested):
    raw, warehouse, settings = ingested
    assert decide(ingested).unchanged
    assert decide(ingested, parser="p2").reason == "parser p1 → p2"
    first = sorted(raw.glob("*.txt"))[0]
    first.write_bytes(first.read_bytes())  # touched, same bytes
    assert decide(ingested).unchanged
    (raw / "new.txt").write_bytes(first.read_bytes() + b"\n")
    assert decide(ingested).reason == "new file new.txt"
    (raw / "new.txt").unlink()
    (raw / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))  # refused: still a change of the warehouse
    assert not decide(ingested).unchanged
    (raw / "picture.png").unlink()
    moved = shutil.move(first, raw.parent / first.name)
    assert decide(ingested).reason == "1 documents removed"
    shutil.move(moved, first)
    first.write_bytes(first.read_bytes().replace("年".encode(), "年 ".encode(), 1))
    assert decide(ingested).reason == f"changed file {first.name}"


def test_staging_written_after_the_build_is_not_taken_for_the_build(ingested):
    raw, warehouse, settings = ingested
    con = open_warehouse(warehouse)
    con.execute("delete from staging.documents where report_id = (select min(report_id) from staging.documents)")
    con.close()
    assert decide(ingested).reason == "staging differs from the recorded build"


def test_a_changed_tolerance_or_no_recorded_build_means_a_build(ingested, tmp_path):
    raw, warehouse, settings = ingested
    other = settings.model_copy(deep=True)
    other.rules.count_abs_tolerance = settings.rules.count_abs_tolerance + 1
    assert models_digest(other) != models_digest(settings)
    con = open_warehouse(warehouse)
    con.execute("drop table staging.build_state")
    con.close()
    assert decide(ingested).reason == "no recorded build"
    assert check_unchanged(tmp_path / "none.duckdb", settings, "p1", "x").reason == "no warehouse yet"

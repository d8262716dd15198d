"""The ingest asset, materialized by Dagster: counts and the first refused files in its metadata,
every refused file in the table, and a clear failure for a missing raw folder."""
import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from bad_files import REFUSED, make_bad_files
from dagster_project.assets.ingest import REFUSED_SHOWN, raw_documents
from dagster_project.resources.warehouse import WarehouseResource
from dagster_project.settings import get_settings

SEEDS = Path(__file__).parents[1] / "fixtures" / "seeds"


def _materialize(monkeypatch, raw_dir, warehouse, **env):
    monkeypatch.setenv("GOVINFO_RAW_DIR", str(raw_dir))
    monkeypatch.setenv("GOVINFO_WAREHOUSE", str(warehouse))
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    get_settings.cache_clear()
    try:
        return dg.materialize([raw_documents], resources={"warehouse": WarehouseResource(path=str(warehouse))},
                              raise_on_error=False)
    finally:
        get_settings.cache_clear()


def test_metadata_counts_refusals_and_names_the_first_ones(monkeypatch, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(SEEDS, raw / "seeds", ignore=shutil.ignore_patterns("*.json"))
    bad = make_bad_files(raw, tmp_path / "outside", count=30)
    result = _materialize(monkeypatch, raw, tmp_path / "wh.duckdb")
    assert result.success
    meta = result.asset_materializations_for_node("staging__documents")[0].metadata
    refused = sum(f.expect == REFUSED for f in bad)
    assert meta["refused"].value == refused
    assert sum(meta["refused_by_reason"].value.values()) == refused
    assert meta["refused_by_reason"].value["link outside raw"] >= 1
    shown = meta["refused_first"].value
    assert "bad/000_random.txt" in shown and f"{refused - REFUSED_SHOWN} more" in shown
    con = duckdb.connect(str(tmp_path / "wh.duckdb"), read_only=True)
    assert con.execute("select count(*) from staging.refused_documents").fetchone()[0] == refused
    con.close()


def test_a_missing_raw_folder_fails_the_asset_with_its_name(monkeypatch, tmp_path):
    result = _materialize(monkeypatch, tmp_path / "no-such-folder", tmp_path / "wh.duckdb")
    assert not result.success
    failure = next(e for e in result.all_events if e.event_type_value == "STEP_FAILURE")
    message = failure.event_specific_data.error.message
    assert f"the raw folder {tmp_path / 'no-such-folder'} does not exist" in message


def test_a_mistyped_raw_folder_does_not_empty_the_warehouse(monkeypatch, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(SEEDS, raw / "seeds", ignore=shutil.ignore_patterns("*.json"))
    assert _materialize(monkeypatch, raw, tmp_path / "wh.duckdb").success
    other = tmp_path / "other"
    other.mkdir()
    # the warehouse names the folder it was built from, and stops; a folder of the same name that lacks most
    # documents is stopped by the removal guard
    result = _materialize(monkeypatch, other, tmp_path / "wh.duckdb")
    assert not result.success
    failure = next(e for e in result.all_events if e.event_type_value == "STEP_FAILURE")
    assert f"this warehouse was built from the raw folder {raw}, and this run reads {other}" \
        in failure.event_specific_data.error.message
    for seed in list((raw / "seeds").iterdir())[:3]:
        seed.unlink()
    result = _materialize(monkeypatch, raw, tmp_path / "wh.duckdb")
    failure = next(e for e in result.all_events if e.event_type_value == "STEP_FAILURE")
    assert "would remove 3 of the 5 documents" in failure.event_specific_data.error.message
    con = duckdb.connect(str(tmp_path / "wh.duckdb"), read_only=True)
    assert con.execute("select count(*) from staging.documents").fetchone()[0] == 5
    con.close()
    # a rebuild from the other folder asked for removes what it lacks, without a second stop
    assert _materialize(monkeypatch, other, tmp_path / "wh.duckdb", GOVINFO_ALLOW_RAW_DIR_CHANGE="1").success
    con = duckdb.connect(str(tmp_path / "wh.duckdb"), read_only=True)
    assert con.execute("select count(*) from staging.documents").fetchone()[0] == 0
    assert con.execute("select raw_dir from staging.raw_folder").fetchall() == [(str(other),)]
    con.close()

"""The staging tables are loaded from the shards' Parquet: what a shard's Parquet holds is what lands
in DuckDB; loading again changes nothing; a failing document leaves its parse_errors row and the
other documents of its shard are staged."""
from stagekit import SHARDS, Stage, make_raw, shard_paths

from dagster_project.ingest.walk import report_id_for
from dagster_project.stage.load import load_shards
from dagster_project.stage.schema import PER_REPORT_TABLES
from dagster_project.stage.shards import shard_keys, shard_of

# after the load the agency stage gives each report its agency's canonical name and id (stage/agencies.py)
COLUMNS = {"reports": "* exclude (agency_name, agency_id)"}


def test_each_shards_parquet_is_what_lands_in_duckdb(monkeypatch, tmp_path):
    stage = Stage(monkeypatch, make_raw(tmp_path), tmp_path / "wh.duckdb")
    stage.ingest()
    result = stage.stage()
    documents = stage.warehouse_rows("select count(*) from staging.documents")[0][0]
    [figures] = [m for m in result.asset_materializations_for_node("staged_reports")
                 if m.asset_key.path == ["staging", "figures"]]
    assert figures.metadata["documents_parsed_this_run"].value == documents
    assert figures.metadata["reports_loaded_this_run"].value == documents
    nonempty = [k for k in shard_keys(SHARDS) if shard_paths(stage.raw, k)]
    assert sorted(k for k in shard_keys(SHARDS) if stage.store.info(k)) == nonempty
    # the run reports the partitions it parsed: the UI shows them materialized
    logged = sorted(e.event_specific_data.materialization.partition for e in result.get_asset_materialization_events()
                    if e.asset_key.path == ["parse", "shards"])
    assert logged == nonempty

    for key in nonempty:
        ids = [r for (r,) in stage.parquet("reports", [key], columns="report_id")] + \
              [r for (r,) in stage.parquet("parse_errors", [key], columns="report_id")]
        assert ids and all(shard_of(r, SHARDS) == key for r in ids)
        for table in PER_REPORT_TABLES:
            columns = COLUMNS.get(table, "*")
            in_parquet = sorted(stage.parquet(table, [key], columns=columns), key=repr)
            in_duckdb = sorted(stage.warehouse_rows(
                f"select {columns} from staging.{table} where report_id in (select unnest(?::varchar[]))", [ids]),
                key=repr)
            assert in_parquet == in_duckdb, (key, table)
            if table in ("reports", "figures"):
                assert in_parquet, (key, table)

    # nothing pending: loading the same generations again changes nothing
    import duckdb

    with duckdb.connect(str(stage.warehouse)) as con:
        assert load_shards(con, stage.store).reports == 0


def test_a_failing_document_leaves_its_error_and_its_shard_is_staged(monkeypatch, tmp_path):
    raw = make_raw(tmp_path)
    # a document over the character budget, in a shard with other documents
    key = next(k for k in shard_keys(SHARDS) if len(shard_paths(raw, k)) >= 3)
    name = next(f"bad/digits{i}.txt" for i in range(1000) if shard_of(report_id_for(f"bad/digits{i}.txt"), SHARDS) == key)
    seed = next((raw / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    (raw / name).parent.mkdir()
    (raw / name).write_text(seed + "\n" + "1" * 1_100_000 + "\n", encoding="utf-8")
    stage = Stage(monkeypatch, raw, tmp_path / "wh.duckdb", GOVINFO_PARSE_MAX_CHARS=1_000_000)
    stage.ingest()
    metadata = stage.parse_shard(key)
    assert metadata["failed"] == 1 and metadata["parsed"] == len(shard_paths(raw, key)) - 1
    [(path, error, status)] = stage.parquet("parse_errors", [key], columns="source_path, error, parse_status")
    assert path == name and status == "failed"
    assert error.startswith(f"{name}: document exceeds the parse budget of 1,000,000 characters")

    stage.stage()
    assert stage.warehouse_rows("select source_path, error from staging.parse_errors") == [(name, error)]
    staged = {p for (p,) in stage.warehouse_rows(
        "select d.source_path from staging.reports r join staging.documents d using (report_id)")}
    assert staged == {p for k in shard_keys(SHARDS) for p in shard_paths(raw, k)} - {name}
    assert stage.warehouse_rows("select count(*) from staging.figures")[0][0] > 100

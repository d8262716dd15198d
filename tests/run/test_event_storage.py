"""The run's event log with one SQLite engine per database: what a run writes through it is what a
fresh Dagster instance on the same DAGSTER_HOME (the `make dev` UI) reads. Real Dagster, real SQLite."""
from __future__ import annotations

import dagster as dg
from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage

from dagster_project.run.event_storage import ReusedEngineEventLogStorage, reuse_engines


@dg.asset
def numbers() -> list[int]:
    return [1, 2, 3]


@dg.asset_check(asset=numbers)
def numbers_add_up(numbers: list[int]) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=sum(numbers) == 6, metadata={"total": sum(numbers)})


def test_events_written_through_reused_engines_are_read_by_a_fresh_instance(tmp_path, monkeypatch):
    home = tmp_path / "dagster"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    instance = dg.DagsterInstance.get()
    assert type(instance.event_log_storage) is SqliteEventLogStorage
    assert reuse_engines(instance)
    assert isinstance(instance.event_log_storage, ReusedEngineEventLogStorage)
    assert not reuse_engines(instance)  # given once; any other storage is left alone
    job = dg.Definitions(assets=[numbers], asset_checks=[numbers_add_up]).resolve_implicit_global_asset_job_def()
    result = job.execute_in_process(instance=instance)
    assert result.success
    run_id = result.run_id
    instance.event_log_storage.dispose()

    reader = dg.DagsterInstance.from_config(str(home))
    assert type(reader.event_log_storage) is SqliteEventLogStorage
    assert reader.get_run_by_id(run_id).status == dg.DagsterRunStatus.SUCCESS
    types = [e.dagster_event.event_type_value for e in reader.all_logs(run_id) if e.dagster_event]
    assert types.count("ASSET_MATERIALIZATION") == 1 and types.count("ASSET_CHECK_EVALUATION") == 1
    materialized = reader.get_latest_materialization_event(dg.AssetKey("numbers"))
    assert materialized is not None and materialized.run_id == run_id
    key = dg.AssetCheckKey(dg.AssetKey("numbers"), "numbers_add_up")
    record = reader.event_log_storage.get_latest_asset_check_execution_by_key([key])[key]
    assert record.run_id == run_id
    evaluation = record.event.dagster_event.event_specific_data
    assert evaluation.passed and evaluation.metadata["total"].value == 6

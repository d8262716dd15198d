"""The Dagster definitions: fetch → ingest → parse/stage → dbt (staging → marts) → checks."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import dagster as dg

from .assets.dbt import warehouse_dbt_models
from .assets.dbt_cli import WarehouseDbtCli
from .assets.dbt_project import dbt_project
from .assets.fetch import fetched_documents
from .assets.ingest import attachment_pages, raw_documents, refused_documents
from .assets.stage import SHARDS, report_shards_asset, staged_reports
from .checks.reconciliation import reconciliation_checks
from .resources.warehouse import WarehouseResource
from .run.distributed.executor import job_executor
from .settings import get_settings

os.environ.setdefault("DAGSTER_DISABLE_TELEMETRY", "1")

warehouse_job = dg.define_asset_job(
    "build_warehouse",
    # every asset but the partitioned parse shards: staged_reports brings every shard up to date itself
    selection=dg.AssetSelection.all() - dg.AssetSelection.assets(SHARDS),
    description="Fetch, ingest, parse and stage every new or changed document, then dbt build and the reconciliation checks.",
    # DuckDB allows one writer: by default every step runs in this one process, one after the other;
    # GOVINFO_EXECUTOR=multiprocess|celery runs them elsewhere (run/distributed/, make run-distributed).
    executor_def=job_executor(),
)

# One partition (or a range) of the parse shards: `dagster asset materialize --select parse/shards --partition 07`.
# A run over several shards is one step that parses them in GOVINFO_PARSE_WORKERS processes.
parse_job = dg.define_asset_job(
    "parse_shards",
    selection=dg.AssetSelection.assets(SHARDS),
    description="Parse the new, changed or re-versioned documents of the selected shards into their Parquet files.",
)


def build_definitions() -> dg.Definitions:
    """The definitions for the settings in force (``GOVINFO_*`` environment variables)."""
    settings = get_settings()
    return dg.Definitions(
        assets=[fetched_documents, raw_documents, refused_documents, attachment_pages,
                report_shards_asset(settings.parse_shards), staged_reports, warehouse_dbt_models],
        asset_checks=reconciliation_checks(),
        jobs=[warehouse_job, parse_job],
        resources={
            "warehouse": WarehouseResource(path=str(settings.warehouse)),
            "dbt": WarehouseDbtCli(
                project_dir=dbt_project,
                profiles_dir=str(settings.dbt_project_dir),
                # the dbt of this environment, whether or not the environment is activated
                dbt_executable=str(Path(sys.executable).with_name("dbt")),
            ),
        },
    )


defs = build_definitions()

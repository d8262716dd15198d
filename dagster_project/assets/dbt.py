"""dbt assets: staging views, intermediate rule residuals and the marts, built by `dbt build`."""

import json
import os
from typing import Any, Mapping

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets

from ..checks.expectation_suites import preload_great_expectations
from ..resources.warehouse import WarehouseResource
from ..settings import get_settings
from ..stage.write_reports import parser_version
from .dbt_cli import build_target_path, keep_partial_parse
from .dbt_project import dbt_project
from .dbt_refresh import models_digest, plan_build
from .dbt_vars import dbt_vars
from .mart_metadata import MART_SCHEMA, column_descriptions, mart_table_metadata

INCREMENTAL_SELECTOR = "incremental_build"  # dbt/selectors.yml: --selector wins over dagster-dbt's --select


class LayeredTranslator(DagsterDbtTranslator):
    """Group dbt assets by layer (dbt_staging, dbt_intermediate, dbt_marts, dbt_reference)."""

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "seed":
            return "dbt_reference"
        fqn = dbt_resource_props.get("fqn", [])
        return f"dbt_{fqn[1]}" if len(fqn) > 2 else "dbt"

    def get_description(self, dbt_resource_props: Mapping[str, Any]) -> str:
        """The yml description only: the model's SQL is one click away in dbt docs, not a page of the UI."""
        return (dbt_resource_props.get("description") or "").strip() or \
            f"dbt {dbt_resource_props['resource_type']} {dbt_resource_props['name']}"


@dbt_assets(manifest=dbt_project.manifest_path, dagster_dbt_translator=LayeredTranslator())
def warehouse_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource):
    """`dbt build`: seeds, models and their tests, with the typed tolerance settings as vars."""
    os.environ["GOVINFO_WAREHOUSE"] = warehouse.path  # the dbt profile reads the file to build from here
    preload_great_expectations()  # this process mostly waits on dbt: the checks after it find GX imported
    settings = get_settings()
    build_vars = dbt_vars(settings)
    digest = models_digest(settings.dbt_project_dir, build_vars)
    with warehouse.connect(read_only=True) as con:
        plan = plan_build(con, digest, parser_version(), settings.dbt_full_refresh)
    # int_build_state records what this build is made of; the next build compares it
    args = ["build", "--vars", json.dumps({**build_vars, "models_digest": digest, "parser_version": plan.parser_version})]
    if plan.full_refresh:
        args.append("--full-refresh")
    else:  # seeds and the seed-only models stay as the last build wrote them (dbt/selectors.yml)
        args += ["--selector", INCREMENTAL_SELECTOR]
    context.log.info(f"dbt build: {'full refresh' if plan.full_refresh else 'incremental'} ({plan.reason})")
    # From the first mart on, events are held and yielded in their order (Dagster wants assets in
    # topological order) once dbt has released the file, the marts' with their metadata.
    held: list = []
    target = build_target_path(settings.dbt_project_dir, warehouse.path, f"build-{context.run.run_id[:8]}")
    invocation = dbt.cli(args, context=context, target_path=target)
    try:
        for event in invocation.stream():
            if held or _is_mart_event(context, event):
                held.append(event)
            else:
                yield event
    except Exception:
        yield from _with_mart_metadata(context, warehouse, held)  # what was built is still shown
        raise
    # the next build of this warehouse parses only what changed
    keep_partial_parse(invocation.target_path, settings.dbt_project_dir, warehouse.path)
    yield from _with_mart_metadata(context, warehouse, held)


def _event_asset_key(context: dg.AssetExecutionContext, event) -> dg.AssetKey | None:
    if isinstance(event, dg.Output):
        return context.asset_key_for_output(event.output_name)
    return getattr(event, "asset_key", None)


def _is_mart_event(context: dg.AssetExecutionContext, event) -> bool:
    key = _event_asset_key(context, event)
    return key is not None and key.path[0] == MART_SCHEMA


def _with_mart_metadata(context: dg.AssetExecutionContext, warehouse: WarehouseResource, events: list):
    """The held events in their order, the marts' materializations with column types, row count and preview."""
    if not events:
        return
    manifest = dbt_project.manifest_path
    descriptions = column_descriptions(str(manifest), manifest.stat().st_mtime)
    extras = {}
    with warehouse.connect(read_only=True) as con:
        for index, event in enumerate(events):
            if isinstance(event, dg.Output) and _is_mart_event(context, event):
                table = _event_asset_key(context, event).path[-1]
                try:
                    extras[index] = mart_table_metadata(con, table, descriptions.get(table, {}))
                except Exception as error:  # a preview is never worth a failed build
                    context.log.warning(f"no preview of {MART_SCHEMA}.{table}: {error}")
    for index, event in enumerate(events):
        yield event.with_metadata({**event.metadata, **extras[index]}) if index in extras else event

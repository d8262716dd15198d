"""dbt assets: staging views, intermediate rule residuals and the marts, built by `dbt build`."""

import json
import os
from typing import Any, Mapping

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets

from ..resources.warehouse import WarehouseResource
from ..settings import get_settings
from .dbt_project import dbt_project


class LayeredTranslator(DagsterDbtTranslator):
    """Group dbt assets by layer (dbt_staging, dbt_intermediate, dbt_marts, dbt_reference)."""

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "seed":
            return "dbt_reference"
        fqn = dbt_resource_props.get("fqn", [])
        return f"dbt_{fqn[1]}" if len(fqn) > 2 else "dbt"


@dbt_assets(manifest=dbt_project.manifest_path, dagster_dbt_translator=LayeredTranslator())
def warehouse_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource):
    """`dbt build`: seeds, models and their tests, with the typed tolerance settings as vars."""
    os.environ["GOVINFO_WAREHOUSE"] = warehouse.path  # the dbt profile reads the file to build from here
    rules = get_settings().rules
    dbt_vars = {"count_abs_tolerance": rules.count_abs_tolerance, "money_rel_tolerance": rules.money_rel_tolerance}
    quality = get_settings().quality
    dbt_vars |= {"report_year_min": quality.report_year_min, "report_year_max": quality.report_year_max,
                 "quality_unverified_factor": quality.unverified_factor}
    yield from dbt.cli(["build", "--vars", json.dumps(dbt_vars)], context=context).stream()
    _observe_marts(context, warehouse)


def _observe_marts(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> None:
    """Row counts and a small preview of every mart, read once dbt has released the file."""
    from .markdown import markdown_table

    with warehouse.connect(read_only=True) as con:
        tables = [row[0] for row in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts' order by 1").fetchall()]
        for table in tables:
            count = con.execute(f'select count(*) from marts."{table}"').fetchone()[0]
            preview = con.execute(f'select * from marts."{table}" limit 5')
            headers = [d[0] for d in preview.description][:8]
            rows = [row[:8] for row in preview.fetchall()]
            context.log_event(dg.AssetObservation(
                asset_key=dg.AssetKey(["marts", table]),
                metadata={"dagster/row_count": count, "preview": dg.MetadataValue.md(markdown_table(rows, headers, limit=5))},
            ))

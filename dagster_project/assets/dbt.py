"""dbt assets: staging views, intermediate rule residuals and the marts, built by `dbt build`."""

import json
from typing import Any, Mapping

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets

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
def warehouse_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource):
    """`dbt build`: seeds, models and their tests, with the typed tolerance settings as vars."""
    rules = get_settings().rules
    dbt_vars = {"count_abs_tolerance": rules.count_abs_tolerance, "money_rel_tolerance": rules.money_rel_tolerance}
    yield from dbt.cli(["build", "--vars", json.dumps(dbt_vars)], context=context).stream()

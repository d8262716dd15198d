"""What a mart's page in the Dagster UI shows after `dbt build`: row count, column types, descriptions, a preview.

dbt holds the DuckDB file while it builds, so nothing can be read while its events stream. The
materializations of the marts (and their dbt tests) are therefore held back until dbt exits and then
yielded with this metadata: ``dagster/column_schema`` with the types DuckDB reports and the
descriptions of the model's yml, ``dagster/row_count``, and a small markdown preview.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import dagster as dg

from .markdown import text_table

MART_SCHEMA = "marts"
PREVIEW_ROWS = 5
PREVIEW_COLUMNS = 10
PREVIEW_CELL_WIDTH = 24


@lru_cache(maxsize=4)
def column_descriptions(manifest_path: str, mtime: float) -> dict[str, dict[str, str]]:
    """{model name: {column: description}} of the dbt manifest (cached per manifest file version)."""
    manifest = json.loads(Path(manifest_path).read_text(encoding="utf-8"))
    return {
        node["name"]: {name: column.get("description") or "" for name, column in node.get("columns", {}).items()}
        for node in manifest.get("nodes", {}).values()
        if node.get("resource_type") in {"model", "seed", "snapshot"}
    }


def mart_table_metadata(con, table: str, descriptions: dict[str, str]) -> dict[str, Any]:
    """Row count, column schema (DuckDB types, yml descriptions) and a preview of ``marts.<table>``."""
    columns = con.execute(
        "select column_name, data_type, is_nullable from information_schema.columns "
        "where table_schema = ? and table_name = ? order by ordinal_position", [MART_SCHEMA, table]).fetchall()
    if not columns:
        return {}
    schema = dg.TableSchema(columns=[
        dg.TableColumn(name=name, type=data_type, description=descriptions.get(name) or None,
                       constraints=dg.TableColumnConstraints(nullable=nullable == "YES"))
        for name, data_type, nullable in columns
    ])
    count = con.execute(f'select count(*) from {MART_SCHEMA}."{table}"').fetchone()[0]
    shown = [name for name, _, _ in columns][:PREVIEW_COLUMNS]
    rows = con.execute(
        f'select {", ".join(chr(34) + c + chr(34) for c in shown)} from {MART_SCHEMA}."{table}" limit {PREVIEW_ROWS}').fetchall()
    preview = text_table(rows, shown, limit=PREVIEW_ROWS, width=PREVIEW_CELL_WIDTH) if rows else "no rows"
    if len(columns) > len(shown):
        preview += f"\n\nfirst {len(shown)} of {len(columns)} columns; all of them: `select * from {MART_SCHEMA}.{table}`"
    return {
        "dagster/column_schema": schema,
        "dagster/row_count": count,
        "preview": dg.MetadataValue.md(preview),
        "table": f"{MART_SCHEMA}.{table}",
    }

"""Whether a `dbt build` may be incremental (only the changed reports' rows) or must rebuild everything.

The heavy models are dbt incremental models keyed on report_id (see dbt/macros/changed_reports.sql):
an incremental build replaces the rows of the reports in ``intermediate.int_report_changes``. That is
only right while the models, seeds, macros and vars are those the stored rows were built with, and
the staged rows come from the same parser. ``intermediate.int_build_state`` records both digests of
the last complete build; when either differs, when it is missing, or when ``GOVINFO_DBT_FULL_REFRESH=1``
asks for it, the build runs with ``--full-refresh``.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..resources.duckdb_file import has_table

# What the dbt tables are computed from besides the staged rows (data tests only check them).
MODEL_INPUTS = ("models", "macros", "seeds", "dbt_project.yml")
BUILD_STATE = "intermediate.int_build_state"


@dataclass(frozen=True)
class BuildPlan:
    full_refresh: bool
    reason: str
    models_digest: str
    parser_version: str


def models_digest(dbt_project_dir: Path, build_vars: dict) -> str:
    """A digest of the dbt models, macros, seeds, dbt_project.yml and the vars of the build."""
    digest = hashlib.sha256(json.dumps(build_vars, sort_keys=True).encode())
    for name in MODEL_INPUTS:
        top = dbt_project_dir / name
        paths = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        for path in paths:
            digest.update(str(path.relative_to(dbt_project_dir)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def last_build(con) -> tuple[str, str] | None:
    """(models_digest, parser_version) of the last complete build, or None when there is none."""
    if not has_table(con, "intermediate", "int_build_state"):
        return None
    return con.execute(f"select models_digest, parser_version from {BUILD_STATE} limit 1").fetchone()


def plan_build(con, digest: str, parser: str, forced: bool) -> BuildPlan:
    """Incremental unless something the stored rows were built with changed."""
    previous = last_build(con)
    if forced:
        reason = "GOVINFO_DBT_FULL_REFRESH=1"
    elif previous is None:
        reason = "no complete build recorded"
    elif previous[0] != digest:
        reason = "dbt models, seeds, macros or vars changed"
    elif previous[1] != parser:
        reason = f"parser {previous[1] or '?'} → {parser}"
    else:
        return BuildPlan(False, "only the changed reports", digest, parser)
    return BuildPlan(True, reason, digest, parser)

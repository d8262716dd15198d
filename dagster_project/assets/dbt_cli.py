"""The dbt CLI resource of the build, without the work dagster-dbt does that this project never uses.

Before every `dbt build`, dagster-dbt's DbtCliResource runs `dbt --version` in a subprocess (a whole
dbt start-up) to learn which engine it talks to, and loads the dbt project, profile and adapter in
the Dagster process to fetch column metadata. This project runs the dbt-core of its own environment
and adds its own mart metadata (`mart_metadata.py`), so both are skipped: the version is read from
the installed package, and no in-process adapter is made. Together they took 10-30 s of every run on
a loaded machine.

After a successful build the invocation's `partial_parse.msgpack` is kept as the project's: dbt
parses the project again whenever the profile changes, and the profile holds the path of the working
copy (`<warehouse>.building`), which `make manifest` does not. The next build of the same warehouse
thus parses only what changed instead of every model and test.
"""
from __future__ import annotations

import os
from functools import cached_property
from importlib.metadata import version as installed_version
from pathlib import Path

from dagster_dbt import DbtCliResource
from packaging import version

PARTIAL_PARSE = "partial_parse.msgpack"


class WarehouseDbtCli(DbtCliResource):
    """DbtCliResource for the dbt-core installed beside this Python."""

    @cached_property
    def _cli_version(self) -> version.Version:
        return version.parse(installed_version("dbt-core"))

    def _initialize_dbt_core_adapter(self, args):  # noqa: ARG002 - no column metadata is fetched
        return None


def keep_partial_parse(invocation_target: Path, project_dir: Path) -> bool:
    """Make the invocation's parse state the project's (one rename: a reader sees the old or the new file)."""
    source = Path(invocation_target) / PARTIAL_PARSE
    if not source.is_file():
        return False
    target_dir = Path(project_dir) / "target"
    target_dir.mkdir(parents=True, exist_ok=True)
    temporary = target_dir / f".{PARTIAL_PARSE}.{os.getpid()}"
    temporary.write_bytes(source.read_bytes())
    os.replace(temporary, target_dir / PARTIAL_PARSE)
    return True

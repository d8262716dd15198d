"""The dbt CLI resource of the build, without the work dagster-dbt does that this project never uses.

Before every `dbt build`, dagster-dbt's DbtCliResource runs `dbt --version` in a subprocess (a whole
dbt start-up) to learn which engine it talks to, and loads the dbt project, profile and adapter in
the Dagster process to fetch column metadata. This project runs the dbt-core of its own environment
and adds its own mart metadata (`mart_metadata.py`), so both are skipped: the version is read from
the installed package, and no in-process adapter is made. Together they took 10-30 s of every run on
a loaded machine.

After a successful build the invocation's `partial_parse.msgpack` is kept as the project's: dbt
parses the project again whenever the profile changes, and the profile holds the path of the working
copy (`<warehouse>.building`), which `make manifest` does not. The parse state is kept per
warehouse path (``target/partial_parse/<hash of the path>.msgpack``) and put into the next build's
own target folder before dbt starts, so builds of other warehouses from the same project (tests,
benchmarks, a second warehouse) do not throw each other's state away: the next build of the same
warehouse parses only what changed instead of every model and test (about 20 s).
"""
from __future__ import annotations

import hashlib
import os
import shutil
import time
import uuid
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


def _kept(project_dir: Path, warehouse: str) -> Path:
    key = hashlib.sha256(os.fsencode(os.path.abspath(warehouse))).hexdigest()[:16]
    return Path(project_dir) / "target" / "partial_parse" / f"{key}.msgpack"


# the build folders kept for a person to read (dbt.log, run_results.json): every build writes one of about
# 12 MB, and a project run daily would fill its disk; one untouched for an hour is no build in progress
BUILD_FOLDERS_KEPT = 5
BUILD_FOLDER_IDLE_SECONDS = 3600


def _last_touched(folder: Path) -> float:
    times = [folder.stat().st_mtime]
    log = folder / "dbt.log"
    if log.exists():
        times.append(log.stat().st_mtime)
    return max(times)


def prune_build_folders(project_dir: Path, now: float | None = None) -> list[Path]:
    """Remove the build folders (``target/build-*``) beyond the newest BUILD_FOLDERS_KEPT that no build has
    touched for BUILD_FOLDER_IDLE_SECONDS (a build of another warehouse may be writing one). Returns them."""
    now = time.time() if now is None else now
    folders = []
    for folder in (Path(project_dir) / "target").glob("build-*"):
        try:
            folders.append((_last_touched(folder), folder))
        except OSError:
            continue  # removed meanwhile by another build's prune
    folders.sort(reverse=True)
    removed = []
    for touched, folder in folders[BUILD_FOLDERS_KEPT:]:
        if now - touched > BUILD_FOLDER_IDLE_SECONDS:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def build_target_path(project_dir: Path, warehouse: str, name: str) -> Path:
    """A new target folder for one dbt invocation, holding the parse state kept for ``warehouse``
    (dagster-dbt copies the project's own only into a folder that has none); the old ones beyond the
    few kept go (``prune_build_folders``)."""
    prune_build_folders(project_dir)
    target = Path(project_dir) / "target" / f"{name}-{uuid.uuid4().hex[:8]}"
    target.mkdir(parents=True, exist_ok=True)
    kept = _kept(project_dir, warehouse)
    if kept.is_file():
        shutil.copyfile(kept, target / PARTIAL_PARSE)
    return target


def keep_partial_parse(invocation_target: Path, project_dir: Path, warehouse: str) -> bool:
    """Keep the invocation's parse state for the next build of ``warehouse`` (one rename: a reader sees
    the old or the new file)."""
    source = Path(invocation_target) / PARTIAL_PARSE
    if not source.is_file():
        return False
    kept = _kept(project_dir, warehouse)
    kept.parent.mkdir(parents=True, exist_ok=True)
    temporary = kept.with_name(f".{kept.name}.{os.getpid()}")
    temporary.write_bytes(source.read_bytes())
    os.replace(temporary, kept)
    return True

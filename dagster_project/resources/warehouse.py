"""The DuckDB warehouse file. DuckDB allows one writer, so every connection is short-lived."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import dagster as dg

# The file's format and opening it live apart from Dagster (re-exported here for the assets).
from .duckdb_file import STORAGE_VERSION, open_warehouse, storage_version  # noqa: E402,F401


class WarehouseResource(dg.ConfigurableResource):
    """Opens the warehouse file; writes happen in one process (the in-process executor).

    `make run` points ``path`` at a working copy and publishes it once the run has finished
    (see `dagster_project.run.publish`), so readers of the published file never see a half-built one.
    """

    path: str

    @contextmanager
    def connect(self, read_only: bool = False,
                row_group_size: int | None = None) -> Iterator["duckdb.DuckDBPyConnection"]:  # noqa: F821
        con = open_warehouse(self.path, read_only=read_only, row_group_size=row_group_size)
        try:
            yield con
        finally:
            con.close()

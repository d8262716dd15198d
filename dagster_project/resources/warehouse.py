"""The DuckDB warehouse file. DuckDB allows one writer, so every connection is short-lived."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import dagster as dg


class WarehouseResource(dg.ConfigurableResource):
    """Opens the warehouse file; writes happen in one process (the in-process executor)."""

    path: str

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator["duckdb.DuckDBPyConnection"]:  # noqa: F821
        import duckdb

        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(self.path, read_only=read_only)
        try:
            yield con
        finally:
            con.close()

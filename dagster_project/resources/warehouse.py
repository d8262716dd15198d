"""The DuckDB warehouse file. DuckDB allows one writer, so every connection is short-lived."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import dagster as dg

# New warehouse files are written in the storage format of the DuckDB CLI that `make sql` opens
# them with (the `duckdb-cli` package, pinned in pyproject.toml, reads up to this version). The
# Python engine reads and writes that format as it is; keep the two pins and this value together.
STORAGE_VERSION = "v1.5.0"


def open_warehouse(path: str | Path, read_only: bool = False) -> "duckdb.DuckDBPyConnection":  # noqa: F821
    """A connection to ``path``; a file that does not exist yet is created in `STORAGE_VERSION`."""
    import duckdb

    path = Path(path)
    if read_only or path.exists():
        return duckdb.connect(str(path), read_only=read_only)
    path.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_VERSION})


def storage_version(con: "duckdb.DuckDBPyConnection") -> str | None:  # noqa: F821
    """The storage format of the connection's main database file, e.g. 'v1.5.0+'."""
    row = con.execute("select tags['storage_version'] from duckdb_databases() where database_name = current_database()"
                      ).fetchone()
    return row[0] if row else None


class WarehouseResource(dg.ConfigurableResource):
    """Opens the warehouse file; writes happen in one process (the in-process executor).

    `make run` points ``path`` at a working copy and publishes it once the run has finished
    (see `dagster_project.run.publish`), so readers of the published file never see a half-built one.
    """

    path: str

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator["duckdb.DuckDBPyConnection"]:  # noqa: F821
        con = open_warehouse(self.path, read_only=read_only)
        try:
            yield con
        finally:
            con.close()

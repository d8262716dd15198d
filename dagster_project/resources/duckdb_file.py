"""The warehouse file itself, without Dagster: its storage format, opening it, reading its format back.

Kept apart from the Dagster resource so that `make run` can look at the published file (has anything
changed since its build?) without importing Dagster.
"""
from __future__ import annotations

from pathlib import Path

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

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
NO_VACUUM = 0  # max_vacuum_tasks of every writing connection but ingest's (see open_warehouse)


def open_warehouse(path: str | Path, read_only: bool = False,
                   row_group_size: int | None = None) -> "duckdb.DuckDBPyConnection":  # noqa: F821
    """A connection to ``path``; a file that does not exist yet is created in `STORAGE_VERSION`.

    ``row_group_size`` (rows) applies to the row groups this connection writes. DuckDB's default
    (122,880) suits the marts; a table of long texts appended a few rows at a time wants smaller
    ones, because a checkpoint rewrites the table's last row group whole when rows were added to it
    (see ``ingest.scan``).
    """
    import duckdb

    path = Path(path)
    if row_group_size is not None:
        return _attached(path, read_only, row_group_size)
    if read_only:
        return duckdb.connect(str(path), read_only=True)
    if path.exists():
        con = duckdb.connect(str(path))
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_VERSION})
    # A checkpoint's vacuum merges row groups smaller than the connection's row group size: with
    # DuckDB's default it folds the documents' small row groups (written by ingest's connection)
    # back into one, rewriting every report text (3.4 s at 20,000 reports, at each later checkpoint
    # of the run). Only ingest's connection, whose size is the documents' own, vacuums.
    con.execute(f"set max_vacuum_tasks = {NO_VACUUM}")
    return con


def _attached(path: Path, read_only: bool, row_group_size: int) -> "duckdb.DuckDBPyConnection":  # noqa: F821
    """The file attached to an in-memory connection, the only way DuckDB takes a row group size."""
    import duckdb

    options = [f"ROW_GROUP_SIZE {int(row_group_size)}"]
    if read_only:
        options.append("READ_ONLY")
    elif not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        options.append(f"STORAGE_VERSION '{STORAGE_VERSION}'")
    con = duckdb.connect()
    try:
        con.execute(f"attach ? as warehouse ({', '.join(options)})", [str(path)])
        con.execute("use warehouse")
    except BaseException:
        con.close()
        raise
    return con


def storage_version(con: "duckdb.DuckDBPyConnection") -> str | None:  # noqa: F821
    """The storage format of the connection's main database file, e.g. 'v1.5.0+'."""
    row = con.execute("select tags['storage_version'] from duckdb_databases() where database_name = current_database()"
                      ).fetchone()
    return row[0] if row else None


def has_table(con: "duckdb.DuckDBPyConnection", schema: str, table: str) -> bool:  # noqa: F821
    """Whether the warehouse holds ``schema.table``: a warehouse built by an older version may not yet."""
    return con.execute("select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
                       [schema, table]).fetchone()[0] > 0

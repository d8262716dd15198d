"""Which raw folder a warehouse is built from, so that a run pointed at another one stops instead of
quietly rebuilding the warehouse from it.

A run reads GOVINFO_RAW_DIR and GOVINFO_WAREHOUSE separately. Set the warehouse alone (as for `make
sql` or `make dev`) and a run would read the project's own ``raw/`` into a warehouse built from
somewhere else: every document missing there is removed, and under GOVINFO_MAX_REMOVED_SHARE nothing
says so. Ingest records the folder in ``staging.raw_folder``; a later run over another folder stops
before it changes anything, unless GOVINFO_ALLOW_RAW_DIR_CHANGE=1.

The folder is compared by its real path. A project moved whole (its ``raw/`` and ``warehouse/``) stops
once too: a warehouse copied into another clone's ``warehouse/`` looks the same from inside, and
rebuilding it from that clone's ``raw/`` is the case this guards against.
"""
from __future__ import annotations

import os
from pathlib import Path

RAW_FOLDER_DDL = """
    create table if not exists staging.raw_folder (
        raw_dir varchar not null,
        recorded_at timestamp not null default current_timestamp
    )"""


def recorded(con) -> str | None:
    """The real path of the folder the warehouse was last built from, or None when it records none (a
    new warehouse, or one built before the folder was recorded)."""
    exists = con.execute("select count(*) from information_schema.tables "
                         "where table_schema = 'staging' and table_name = 'raw_folder'").fetchone()[0]
    if not exists:
        return None
    row = con.execute("select raw_dir from staging.raw_folder order by recorded_at desc limit 1").fetchone()
    return row[0] if row else None


def stored_documents(con) -> int:
    exists = con.execute("select count(*) from information_schema.tables "
                         "where table_schema = 'staging' and table_name = 'documents'").fetchone()[0]
    return con.execute("select count(*) from staging.documents").fetchone()[0] if exists else 0


def other_folder_problem(con, raw_dir: Path, warehouse: Path, allowed: bool) -> str | None:
    """Why a run over ``raw_dir`` must not build the warehouse ``con`` holds (``warehouse``, named in
    the message), or None."""
    if allowed or not Path(raw_dir).is_dir():
        return None  # (a folder that is not there is ingest's to name: it removes nothing)
    built_from = recorded(con)
    if built_from is None or built_from == os.path.realpath(raw_dir) or stored_documents(con) == 0:
        return None
    return (f"the warehouse {warehouse} was built from the raw folder {built_from}, and this run reads "
            f"{os.path.realpath(raw_dir)} (GOVINFO_RAW_DIR): it would remove every document that folder lacks. "
            f"Set GOVINFO_RAW_DIR={built_from} to go on building it, or GOVINFO_ALLOW_RAW_DIR_CHANGE=1 to rebuild "
            f"it from the new folder. Nothing was changed.")


def record(con, raw_dir: Path) -> None:
    """Store ``raw_dir`` as the folder the warehouse ``con`` holds is built from (one row)."""
    con.execute(RAW_FOLDER_DDL)
    con.execute("begin transaction")
    con.execute("delete from staging.raw_folder")
    con.execute("insert into staging.raw_folder (raw_dir) values (?)", [os.path.realpath(raw_dir)])
    con.execute("commit")

"""Which raw folder a warehouse is built from, so that a run pointed at another one stops instead of
quietly rebuilding the warehouse from it.

A run reads GOVINFO_RAW_DIR and GOVINFO_WAREHOUSE separately. Set the warehouse alone (as for `make
sql` or `make dev`) and a run would read the project's own ``raw/`` into a warehouse built from
somewhere else: every document missing there is removed, and under GOVINFO_MAX_REMOVED_SHARE nothing
says so. Ingest records the folder in ``staging.raw_folder``; a later run over another folder stops
before it changes anything, unless GOVINFO_ALLOW_RAW_DIR_CHANGE=1, which also lets that one run remove
what the new folder lacks (the removal guard would otherwise stop it next).

The folder is compared by its real path. A project moved whole (its ``raw/`` and ``warehouse/``) stops
once too: a warehouse copied into another clone's ``warehouse/`` looks the same from inside, and
rebuilding it from that clone's ``raw/`` is the case this guards against.
"""
from __future__ import annotations

import os
import shlex
from datetime import datetime, timezone
from pathlib import Path

from ..resources.duckdb_file import has_table

RAW_FOLDER_DDL = """
    create table if not exists staging.raw_folder (
        raw_dir varchar not null,
        recorded_at timestamp not null
    )"""


def recorded(con) -> str | None:
    """The real path of the folder the warehouse was built from, or None when it records none (a new
    warehouse, or one built before the folder was recorded)."""
    if not has_table(con, "staging", "raw_folder"):
        return None
    row = con.execute("select raw_dir from staging.raw_folder").fetchone()
    return row[0] if row else None


def _stores_documents(con) -> bool:
    return has_table(con, "staging", "documents") and \
        con.execute("select count(*) from staging.documents").fetchone()[0] > 0


def built_from_elsewhere(con, raw_dir: Path, fallback: str | None = None) -> str | None:
    """The folder the warehouse ``con`` holds was built from, when it holds documents and that is not
    ``raw_dir``; ``fallback`` stands for a warehouse that records none (the folder of the listing stored
    beside it by an older version)."""
    if not Path(raw_dir).is_dir():
        return None  # (a folder that is not there is ingest's to name: it removes nothing)
    built = recorded(con) or fallback
    if built is None or built == os.path.realpath(raw_dir) or not _stores_documents(con):
        return None
    return built


def other_folder_problem(built: str, raw_dir: Path, warehouse: Path | None = None) -> str:
    """The stop, named for a person: which folder, which one now, and the two ways on."""
    which = f"the warehouse {warehouse}" if warehouse is not None else "this warehouse"
    return (f"{which} was built from the raw folder {built}, and this run reads {os.path.realpath(raw_dir)} "
            f"(GOVINFO_RAW_DIR): it would remove every document that folder lacks. Set "
            f"GOVINFO_RAW_DIR={shlex.quote(built)} to go on building it, or GOVINFO_ALLOW_RAW_DIR_CHANGE=1 to rebuild it "
            f"from the new folder. The warehouse was not changed.")


def record(con, raw_dir: Path) -> None:
    """Store ``raw_dir`` as the folder the warehouse ``con`` holds is built from (one row)."""
    con.execute(RAW_FOLDER_DDL)
    con.execute("begin transaction")
    con.execute("delete from staging.raw_folder")
    con.execute("insert into staging.raw_folder values (?, ?)",
                [os.path.realpath(raw_dir), datetime.now(timezone.utc).replace(tzinfo=None)])
    con.execute("commit")

"""Atomic publish: a run builds a working copy and swaps it in whole, or leaves the published file alone.

Readers (`make sql`, notebooks, the score tool) open the published file. A run copies it to
``<warehouse>.building``, writes only there, and when every step has finished without a pipeline
failure renames the copy over the published file (`os.replace`, after an fsync). A reader thus sees
the previous complete warehouse or the new one, never a mix; a read-only connection held open keeps
the old file's inode and never blocks a run; a run that fails removes its working copy, and a killed
one leaves it for the next run to throw away.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Callable

from ..durable import fsync
from ..resources.warehouse import STORAGE_VERSION, open_warehouse, storage_version


def working_path(published: Path) -> Path:
    return published.with_name(published.name + ".building")


def wal_path(database: Path) -> Path:
    return database.with_name(database.name + ".wal")


def unchanged_path(work: Path) -> Path:
    """The run's list of files unchanged since the published build (``listing.write_unchanged``)."""
    return work.with_name(work.name + ".unchanged")


def remove_working_copy(published: Path) -> None:
    """What a run that did not publish leaves beside the warehouse (its working copy, the copy's WAL):
    nothing reads it, and on a full disk it keeps the disk full (a published run has renamed it)."""
    work = working_path(published)
    for leftover in (work, wal_path(work), unchanged_path(work)):
        try:
            leftover.unlink(missing_ok=True)
        except OSError:
            pass  # the next run removes it before it starts


def prepare_working_copy(published: Path, log: Callable[[str], None] = lambda _: None) -> Path:
    """A fresh working copy of ``published`` (or nothing, when there is no warehouse yet) to build into."""
    work = working_path(published)
    unchanged_path(work).unlink(missing_ok=True)  # describes the last run's start, never this one's
    for leftover in (work, wal_path(work)):
        if leftover.exists():
            log(f"removing {leftover.name}, left by a run that did not finish")
            leftover.unlink()
    if not published.exists():
        return work
    con = open_warehouse(published, read_only=True)
    try:
        version = storage_version(con) or ""
    finally:
        con.close()
    if version.startswith(STORAGE_VERSION):
        shutil.copyfile(published, work)
        if wal_path(published).exists():  # written in place by something else: keep what it wrote
            shutil.copyfile(wal_path(published), wal_path(work))
        return work
    # An older build in a format the SQL prompt cannot read: copy it over once, table by table.
    log(f"converting {published.name} from storage {version or '?'} to {STORAGE_VERSION}")
    import duckdb

    con = duckdb.connect()
    try:
        con.execute("attach ? as published (read_only)", [str(published)])
        con.execute(f"attach ? as work (storage_version '{STORAGE_VERSION}')", [str(work)])
        con.execute("copy from database published to work")
    finally:
        con.close()
    return work


def publish(work: Path, published: Path) -> None:
    """Make ``work`` the published warehouse in one rename."""
    con = open_warehouse(work)
    try:
        con.execute("checkpoint")  # everything in the main file: a WAL would not travel with the rename
    finally:
        con.close()
    if wal_path(work).exists():
        raise RuntimeError(f"{wal_path(work)} remains after a checkpoint; not publishing")
    fsync(work)
    # A WAL beside the published file belongs to the old file (already copied into the build);
    # left there, DuckDB would replay it onto the new one.
    wal_path(published).unlink(missing_ok=True)
    os.replace(work, published)
    fsync(published.parent)

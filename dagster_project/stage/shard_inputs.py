"""The documents a parse run needs, read out of the warehouse in one pass and cut by shard.

DuckDB stores ``staging.documents.text`` compressed (ZSTD) a whole vector of rows at a time, so
fetching a few documents' texts decompresses the texts of every vector they sit in. A shard's
documents are spread over the whole table (the shard is a hash of report_id): reading them batch
by batch decompressed the whole text column once per batch, and a worker's memory held what
DuckDB cached of it (a run's cost grew with the square of the corpus, a worker's memory with the
corpus). Here the pending documents are read once, in table order, as a stream
(:func:`stream_documents`). Several shards parsed side by side take their batches straight from the
stream (stream_shards.py); a shard parsed alone, or a run in one process, has each document
appended to its shard's input file (pickled rows, ``DOCUMENT_COLUMNS``) and reads that file front
to back, one batch in memory. The files live in a temporary folder of the shard store that the run
removes; one left by a killed run is removed by the next.
"""
from __future__ import annotations

import contextlib
import os
import pickle
import re
import shutil
import uuid
from pathlib import Path
from typing import Callable, Iterable, Iterator

import duckdb

from ..durable import pid_alive

DOCUMENT_COLUMNS = "report_id, source_path, sha256, text, source_url, decoded_how"
INPUTS_PREFIX = "_inputs-"
FETCH_ROWS = 64  # rows fetched from DuckDB at a time: bounds the texts held in memory


def open_documents_reader(warehouse: Path):
    """A read-only connection to ``warehouse`` for the one read of the pending documents, with the
    memory limit of the connections that stream ``staging.documents``."""
    from ..resources.duckdb_file import open_warehouse
    from ..resources.duckdb_memory import bound_memory
    from ..settings import get_settings

    con = open_warehouse(warehouse, read_only=True)
    try:
        bound_memory(con, get_settings())
        con.execute(f"set memory_limit = '{get_settings().documents_duckdb_memory_limit}'")
        # with DuckDB's two threads the read of 300,000 synthetic reports ran out of memory under the
        # 512 MB limit after 8,192 of them (it could not allocate 256 MiB); with one it finished
        # (300,000 in 48 s, peak 988 MiB). One thread reads 6,000 documents/s, twenty times what
        # the parse takes in
        con.execute("set threads = 1")
    except BaseException:
        con.close()
        raise
    return con


def inputs_folder(layout: Path) -> Path:
    """A new temporary folder for one run's input files (leftovers of dead runs removed first)."""
    layout.mkdir(parents=True, exist_ok=True)
    remove_dead_inputs(layout)
    folder = layout / f"{INPUTS_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:6]}.tmp"
    folder.mkdir()
    return folder


def remove_dead_inputs(layout: Path) -> None:
    pattern = re.compile(rf"^{re.escape(INPUTS_PREFIX)}(\d+)-[0-9a-f]{{6}}\.tmp$")
    for path in layout.glob(f"{INPUTS_PREFIX}*"):
        match = pattern.match(path.name)
        if match and int(match.group(1)) != os.getpid() and not pid_alive(int(match.group(1))):
            shutil.rmtree(path, ignore_errors=True)


class DocumentsReadError(RuntimeError):
    """The texts of the pending documents cannot be read within the largest memory limit allowed."""


def stream_documents(con, pending: dict[str, list[str]],
                     log: Callable[[str], None] = lambda _: None) -> Iterator[tuple[str, tuple]]:
    """(shard key, row of ``DOCUMENT_COLUMNS``) of every document ``pending`` ({shard key: report_ids})
    names, read through ``con`` in one streaming pass in table order, ``FETCH_ROWS`` rows at a time.

    When DuckDB runs out of memory (long texts need more than the connection's limit), the read goes
    on with the limit doubled, up to ``duckdb_memory_limit``, from the documents it has not yielded
    yet: each document is yielded once. The connection gets its limit back when the read ends, done,
    failed or abandoned."""
    from ..resources.duckdb_memory import size_bytes
    from ..settings import get_settings

    shard_of = {rid: key for key, ids in pending.items() for rid in ids}
    if not shard_of:
        return
    ceiling_setting = get_settings().duckdb_memory_limit
    ceiling = size_bytes(ceiling_setting)
    (original,) = con.execute("select current_setting('memory_limit')").fetchone()
    limit = start = size_bytes(original)
    yielded: set[str] = set()
    try:
        while True:
            try:
                for row in _read_documents(con, [rid for rid in shard_of if rid not in yielded]):
                    yielded.add(row[0])
                    yield shard_of[row[0]], row
                break
            except duckdb.OutOfMemoryException as error:
                if limit >= ceiling:
                    raise DocumentsReadError(
                        f"reading the texts of the pending documents ran out of DuckDB memory at "
                        f"{limit / 2**20:.0f} MiB after {len(yielded)} of {len(shard_of)} documents, and "
                        f"GOVINFO_DUCKDB_MEMORY_LIMIT ({ceiling_setting}) allows no more: the texts need more "
                        f"memory than that; raise GOVINFO_DUCKDB_MEMORY_LIMIT. "
                        f"DuckDB said: {str(error).splitlines()[0]}") from error
                limit = min(limit * 2, ceiling)
                con.execute(f"set memory_limit = '{limit // 2**20}MiB'")
                log(f"parse: the read of the documents' texts ran out of memory after {len(yielded)} of "
                    f"{len(shard_of)} documents (long texts); going on with a DuckDB memory limit of "
                    f"{limit // 2**20} MiB")
    finally:
        if limit != start:
            # a connection already closed by the caller (a failed read) has no limit to give back
            with contextlib.suppress(duckdb.ConnectionException):
                con.execute(f"set memory_limit = '{original}'")


def _read_documents(con, ids: list[str]) -> Iterator[tuple]:
    """The rows of ``DOCUMENT_COLUMNS`` of the documents ``ids``, in table order."""
    if not ids:
        return
    # The ids' join alone makes DuckDB read every stored text (5.4 s for 100 documents of 100,000).
    # Ingest appends what is new or changed, so those rows lie in the last row groups: a bound on
    # ingested_at lets the scan skip the others by their min/max (0.04 s for the same 100).
    since = con.execute("select min(ingested_at) from staging.documents where report_id in (select unnest(?::varchar[]))",
                        [ids]).fetchone()[0]
    cursor = con.execute(f"select {DOCUMENT_COLUMNS} from staging.documents "
                         f"where ingested_at >= ? and report_id in (select unnest(?::varchar[]))", [since, ids])
    while rows := cursor.fetchmany(FETCH_ROWS):
        for row in rows:
            yield tuple(row)


def export_inputs(con, pending: dict[str, list[str]], folder: Path,
                  log: Callable[[str], None] = lambda _: None) -> dict[str, Path]:
    """Write the documents ``pending`` ({shard key: report_ids}) names to ``folder/<key>.pickle``,
    reading ``staging.documents`` through ``con`` in one streaming pass. Returns the files by key."""
    paths = {key: folder / f"{key}.pickle" for key, ids in pending.items() if ids}
    if not paths:
        return {}
    files = {key: open(path, "wb") for key, path in paths.items()}
    try:
        for key, row in stream_documents(con, pending, log):
            pickle.dump(row, files[key], protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        for handle in files.values():
            handle.close()
    return paths


def read_batches(path: Path, size: int) -> Iterator[list[tuple]]:
    """The rows of an input file, ``size`` at a time, in the order they were written."""
    batch: list[tuple] = []
    with open(path, "rb") as handle:
        while True:
            try:
                batch.append(pickle.load(handle))
            except EOFError:
                break
            if len(batch) >= size:
                yield batch
                batch = []
    if batch:
        yield batch


def pending_by_key(plans: Iterable) -> dict[str, list[str]]:
    return {plan.key: plan.pending for plan in plans if plan.pending}

"""Parse many shards at once, fed by one streaming read of the warehouse: no copy of the texts on disk.

The pending documents are read once, in table order, through a read-only connection; each goes to
its shard's batch, and a full batch is a task for the pool of parse processes. A task parses its
documents and writes the batch's rows as Parquet parts into the shard's temporary generation. When
the read is done, each shard's parts and the rows it keeps from its previous generation are merged
and the generation is published (shard_store.py), one task per shard.

Parsing starts with the first batch, while the read goes on, and nothing but the batches in hand
(one open batch per shard, and a few queued per process) holds any text: the input files this
replaces were a copy of every pending text (6.7 GB at 100,000 documents, written before the first
document was parsed). A shard is published only when all its pending documents were parsed; any
failure leaves every shard's previous generation as it was, and only temporary folders behind.
"""
from __future__ import annotations

import os
import resource
import shutil
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, as_completed, wait
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from .shard_inputs import stream_documents
from .shard_store import ShardStore
from .write_reports import ParseBudget, StageSummary, _parse_one, batch_frames

PROGRESS_SECONDS = 5.0  # a progress line at most this often (each is an event Dagster stores)
QUEUED_PER_PROCESS = 2  # batches waiting for each process: it never idles, and little text is held
# documents held in open batches, per process: past it the fullest batch goes as it is (a smaller
# part). The read deals the documents out to every shard in turn, so without a bound each of the
# shards would hold a batch's texts (16 shards of 200 documents: 0.3 GB), more with more shards.
OPEN_BATCHES_PER_PROCESS = 4

_writer = None  # each process's in-memory DuckDB that types and writes its parts


def _part_writer():
    """This process's connection for writing parts (the staging tables give the column types)."""
    global _writer
    if _writer is None:
        import duckdb

        from ..resources.duckdb_memory import bound_memory
        from ..settings import get_settings
        from .agencies import HINTS_DDL
        from .schema import ensure_schema

        con = duckdb.connect()
        bound_memory(con, get_settings())
        ensure_schema(con)
        con.execute(HINTS_DDL.format(table="staging.agency_hints"))
        _writer = con
    return _writer


def parse_part(batch: list[tuple], parts: str, number: int, version: str, budget: ParseBudget) -> StageSummary:
    """A pool task: parse one batch of a shard's documents and write its rows as part ``number``."""
    from .parse_shard import _write_part

    parsed = [_parse_one(item, budget) for item in batch]
    frames, done = batch_frames(batch, parsed, version)
    del parsed
    _write_part(_part_writer(), frames, Path(parts), number)
    return done


def publish_generation(key: str, tmp: str, store_root: str, count: int, replaced: list[str],
                       info: dict) -> tuple[str, int, float]:
    """A pool task: merge the shard's parts into its new generation and publish it.
    Returns (the generation's name, its Parquet bytes, this process's peak RSS in MiB)."""
    from .parse_shard import _merge

    store = ShardStore(Path(store_root), count)
    tmp_path = Path(tmp)
    global _writer
    try:
        _merge(_part_writer(), store, key, tmp_path / "parts", tmp_path, replaced)
    finally:  # a merge fills the connection's buffers: they are not kept for the next task
        _writer.close()
        _writer = None
    shutil.rmtree(tmp_path / "parts")
    generation = store.publish(key, tmp_path, {
        **info, "written_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "writer_pid": os.getpid()})
    return generation.name, store.parquet_bytes(key), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class _Shard:
    """One shard's work in progress: its open batch, its parts, what they hold."""

    plan: object  # parse_shard.ShardPlan
    tmp: Path
    batch: list[tuple] = field(default_factory=list)
    parts: int = 0
    read: int = 0
    parsed: StageSummary = field(default_factory=StageSummary)
    started: float = field(default_factory=time.monotonic)


def stream_shards(warehouse: Path, store: ShardStore, plans: list, version: str, budget: ParseBudget,
                  batch_size: int, pool: ProcessPoolExecutor, processes: int,
                  log: Callable[[str], None], finished: Callable[[object], None]) -> None:
    """Refresh the shards of ``plans`` with ``pool``: the pending documents read from ``warehouse``
    in one pass, each full batch parsed by a process. ``finished`` gets each shard's ShardResult."""
    from ..resources.duckdb_file import open_warehouse
    from ..resources.duckdb_memory import bound_memory
    from ..settings import get_settings
    from .parse_shard import ShardResult
    from .shard_inputs import pending_by_key

    # the processes are forked now, before this process opens the warehouse: a fork copies no
    # connection, nor a lock one of DuckDB's threads holds
    for future in [pool.submit(os.getpid) for _ in range(processes)]:
        future.result()
    shards = {plan.key: _Shard(plan, store.begin(plan.key)) for plan in plans}
    for shard in shards.values():
        (shard.tmp / "parts").mkdir()
    total = sum(len(plan.pending) for plan in plans)
    running: dict[Future, str] = {}
    progress = StageSummary()
    open_limit = OPEN_BATCHES_PER_PROCESS * processes * batch_size
    held = 0  # documents in open batches
    last_log = time.monotonic()
    published: set[str] = set()

    def settle(block: bool) -> None:
        nonlocal last_log
        if not running:
            return
        done, _ = wait(list(running), timeout=None if block else 0, return_when=FIRST_COMPLETED)
        for future in done:
            shard = shards[running.pop(future)]
            summary = future.result()  # a failed task stops the whole refresh: nothing is published
            shard.parsed.add(summary)
            progress.add(summary)  # its failures are logged with its shard's result (``finished``)
        if time.monotonic() - last_log >= PROGRESS_SECONDS:
            last_log = time.monotonic()
            log(f"parse: {progress.parsed + progress.failed + progress.needs_ocr}/{total} documents, "
                f"{progress.figures} figures, {progress.failed} failed")

    def submit(shard: _Shard) -> None:
        nonlocal held
        while len(running) >= QUEUED_PER_PROCESS * processes:
            settle(block=True)
        future = pool.submit(parse_part, shard.batch, str(shard.tmp / "parts"), shard.parts, version, budget)
        running[future] = shard.plan.key
        shard.parts += 1
        shard.read += len(shard.batch)
        held -= len(shard.batch)
        shard.batch = []

    try:
        con = open_warehouse(warehouse, read_only=True)
        try:
            bound_memory(con, get_settings())
            con.execute(f"set memory_limit = '{get_settings().documents_duckdb_memory_limit}'")
            for key, row in stream_documents(con, pending_by_key(plans)):
                shard = shards[key]
                shard.batch.append(row)
                held += 1
                if len(shard.batch) >= batch_size:
                    submit(shard)
                elif held > open_limit:
                    submit(max(shards.values(), key=lambda s: len(s.batch)))
                settle(block=False)
        finally:
            con.close()
        for shard in shards.values():
            if shard.batch:
                submit(shard)
        while running:
            settle(block=True)
        publishing: dict[Future, str] = {}
        for key, shard in shards.items():
            if shard.read != len(shard.plan.pending):
                raise RuntimeError(f"shard {key}: {shard.read} of its {len(shard.plan.pending)} pending documents "
                                   f"were read from the warehouse (changed while parsing?): not published")
            info = {"shard": key, "shards": store.count, "parser_version": version,
                    "documents": shard.plan.documents, "parsed": shard.parsed.parsed, "failed": shard.parsed.failed,
                    "needs_ocr": shard.parsed.needs_ocr}
            publishing[pool.submit(publish_generation, key, str(shard.tmp), str(store.root), store.count,
                                   shard.plan.pending + shard.plan.dropped, info)] = key
        for future in as_completed(list(publishing)):
            key = publishing[future]
            shard = shards[key]
            generation, parquet_bytes, peak = future.result()
            published.add(key)
            finished(ShardResult(key, documents=shard.plan.documents, parsed=shard.parsed,
                                 dropped=len(shard.plan.dropped), parquet_bytes=parquet_bytes, generation=generation,
                                 seconds=time.monotonic() - shard.started, peak_rss_mib=peak))
    finally:
        for key, shard in shards.items():
            if key not in published:
                shutil.rmtree(shard.tmp, ignore_errors=True)


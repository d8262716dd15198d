"""Parse many shards at once, fed by one streaming read of the warehouse: no copy of the texts on disk.

The pending documents are read once, in table order, through a read-only connection; each goes to
its shard's batch, and a full batch is a task for the pool of parse processes. A task parses its
documents and writes the batch's rows as Parquet parts into the shard's temporary generation. When
the read is done, each shard's parts and the rows it keeps from its previous generation are merged
and the generation is published (shard_store.py), one task per shard.

Parsing starts with the first batch, while the read goes on, and nothing but the batches in hand
(open batches up to a bound per process, and a few queued per process) holds any text: the input files this
replaces were a copy of every pending text (6.7 GB at 100,000 documents, written before the first
document was parsed). A shard is published only when all its pending documents were parsed; a
failure or an interrupt stops the workers at once and removes the temporary generations: every shard
keeps its previous generation as it was.
"""
from __future__ import annotations

import os
import resource
import shutil
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, as_completed, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .shard_inputs import open_documents_reader, pending_by_key, stream_documents
from .shard_store import ShardStore
from .worker_pool import stop_pool
from .write_reports import ParseBudget, StageSummary, _parse_one

QUEUED_PER_PROCESS = 2  # batches waiting for each process: it never idles, and little text is held
# documents held in open batches, per process: past it the fullest batch goes as it is (a smaller
# part). The read deals the documents out to every shard in turn, so without a bound each of the
# shards would hold a batch's texts (16 shards of 200 documents: 0.3 GB), more with more shards.
OPEN_BATCHES_PER_PROCESS = 4

_writer = None  # each process's connection for writing parts, kept from batch to batch


def parse_part(batch: list[tuple], parts: str, number: int, version: str, budget: ParseBudget) -> StageSummary:
    """A pool task: parse one batch of a shard's documents and write its rows as part ``number``."""
    from .parse_shard import part_connection, write_batch

    global _writer
    _writer = _writer or part_connection()
    return write_batch(_writer, batch, [_parse_one(item, budget) for item in batch], version, Path(parts), number)


def publish_generation(plan, tmp: str, store_root: str, count: int, parsed: StageSummary,
                       version: str) -> tuple[str, int, float]:
    """A pool task: merge the shard's parts into its new generation and publish it.
    Returns (the generation's name, its Parquet bytes, this process's peak RSS in MiB)."""
    from .parse_shard import part_connection, publish_parts

    store = ShardStore(Path(store_root), count)
    mem = part_connection()  # a merge fills its connection's buffers: not kept for the next task
    try:
        generation = publish_parts(mem, store, plan, Path(tmp), parsed, version)
    finally:
        mem.close()
    return generation.name, store.parquet_bytes(plan.key), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


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
    from ..settings import get_settings
    from .parse_shard import ShardResult, check_all_read

    # the processes are forked now, before this process opens the warehouse: a fork copies no
    # connection, nor a lock one of DuckDB's threads holds
    for future in [pool.submit(os.getpid) for _ in range(processes)]:
        future.result()
    shards: dict[str, _Shard] = {}  # filled inside the try: a folder begun is removed on any failure
    total = sum(len(plan.pending) for plan in plans)
    running: dict[Future, str] = {}
    progress = StageSummary()
    open_limit = OPEN_BATCHES_PER_PROCESS * processes * batch_size
    held = 0  # documents in open batches
    last_log = time.monotonic()
    published: set[str] = set()
    progress_seconds = get_settings().progress_seconds

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
        if time.monotonic() - last_log >= progress_seconds:
            last_log = time.monotonic()
            log(f"parse: {progress.done}/{total} documents, "
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
        settle(block=False)

    try:
        for plan in plans:
            shards[plan.key] = _Shard(plan, store.begin(plan.key))
            (shards[plan.key].tmp / "parts").mkdir()
        con = open_documents_reader(warehouse)
        try:
            for key, row in stream_documents(con, pending_by_key(plans), log):
                shard = shards[key]
                shard.batch.append(row)
                held += 1
                if len(shard.batch) >= batch_size:
                    submit(shard)
                elif held > open_limit:
                    submit(max(shards.values(), key=lambda s: len(s.batch)))
        finally:
            con.close()
        for shard in shards.values():
            if shard.batch:
                submit(shard)
        while running:
            settle(block=True)
        for shard in shards.values():  # every shard complete before any is published
            check_all_read(shard.plan, shard.read)
        publishing = {pool.submit(publish_generation, shard.plan, str(shard.tmp), str(store.root), store.count,
                                  shard.parsed, version): key for key, shard in shards.items()}
        for future in as_completed(list(publishing)):
            key = publishing[future]
            shard = shards[key]
            generation, parquet_bytes, peak = future.result()
            published.add(key)
            finished(ShardResult(key, documents=shard.plan.documents, parsed=shard.parsed,
                                 dropped=len(shard.plan.dropped), parquet_bytes=parquet_bytes, generation=generation,
                                 seconds=time.monotonic() - shard.started, peak_rss_mib=peak))
    except BaseException:
        # the other tasks still write into their shards' folders: the workers are stopped before the
        # folders go (a part written after the removal left a folder behind), and at once (an
        # interrupt waits for no batch); the pool's owner finds it stopped
        stop_pool(pool)
        raise
    finally:
        for key, shard in shards.items():
            if key not in published:
                shutil.rmtree(shard.tmp, ignore_errors=True)


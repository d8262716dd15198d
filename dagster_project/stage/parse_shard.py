"""Parse one shard: its new, changed or re-versioned documents become a new Parquet generation.

A shard's generation holds the rows of every document of the shard. Refreshing it parses only the
documents whose sha256 or parser version differ from what the current generation holds (all of
them with ``reparse``), batch by batch: each batch's rows go to a part file, so memory holds one
batch, and at the end DuckDB streams the kept rows of the previous generation and the parts into
the new generation's files, which then replace the old ones at once (see shard_store.py).

Documents are read from the warehouse through any connection that can read ``staging.documents``
(a read-only one in a run), once per run (shard_inputs.py). Several shards refreshed together take
their batches straight from that read (stream_shards.py); a shard refreshed alone reads them from
its input file. Either way several processes parse side by side while no process writes the
warehouse.
"""
from __future__ import annotations

import os
import resource
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import partial
from pathlib import Path
from typing import Callable, Iterable

from .agencies import HINTS_DDL
from .schema import SHARD_TABLES, ensure_schema
from .shard_inputs import (DOCUMENT_COLUMNS, export_inputs, inputs_folder, open_documents_reader, pending_by_key,
                           read_batches)
from .shard_store import ShardStore
from .shards import shard_sql
from .stream_shards import stream_shards
from .worker_pool import worker_pool
from .write_reports import ParseBudget, StageSummary, _parse_one, batch_frames

__all__ = ["DOCUMENT_COLUMNS", "ShardPlan", "ShardResult", "plan_shard", "refresh_shard", "refresh_shards"]


@dataclass
class ShardPlan:
    """What refreshing one shard would do."""

    key: str
    documents: int
    pending: list[str] = field(default_factory=list)  # report_ids to parse, in source_path order
    dropped: list[str] = field(default_factory=list)  # in the generation, no longer in staging.documents

    @property
    def has_work(self) -> bool:
        return bool(self.pending or self.dropped)


@dataclass
class ShardResult:
    key: str
    documents: int = 0
    parsed: StageSummary = field(default_factory=StageSummary)
    dropped: int = 0
    parquet_bytes: int = 0
    generation: str | None = None
    seconds: float = 0.0
    processes: int = 1  # processes of the run that parsed the shard
    peak_rss_mib: float = 0.0  # peak resident memory of the process that wrote the shard


def generation_index(con, store: ShardStore, key: str) -> dict[str, tuple[str, str]]:
    """{report_id: (sha256, parser_version)} of the shard's current generation."""
    reports, errors = store.files("reports", [key], strict=False), store.files("parse_errors", [key], strict=False)
    if not reports:
        return {}
    rows = con.execute(
        "select report_id, sha256, parser_version from read_parquet(?) "
        "union all select report_id, sha256, parser_version from read_parquet(?)", [reports, errors]).fetchall()
    return {rid: (sha, version) for rid, sha, version in rows}


def shard_documents(con, store: ShardStore, keys: list[str]) -> dict[str, list[tuple[str, str]]]:
    """{key: [(report_id, sha256), ...] in source_path order} of the shards ``keys``, in one scan of
    staging.documents (one per shard cost 0.07 s each at 100,000 documents)."""
    wanted = {int(key): key for key in keys}
    found: dict[str, list[tuple[str, str]]] = {key: [] for key in keys}
    for shard, report_id, sha in con.execute(
            f"select {shard_sql(store.count)} as shard, report_id, sha256 from staging.documents "
            f"where {shard_sql(store.count)} in (select unnest(?::integer[])) order by source_path",
            [list(wanted)]).fetchall():
        found[wanted[shard]].append((report_id, sha))
    return found


def plan_shard(con, store: ShardStore, key: str, version: str, reparse: bool = False,
               documents: list[tuple[str, str]] | None = None) -> ShardPlan:
    """What refreshing shard ``key`` would do; ``documents`` as :func:`shard_documents` gives them."""
    if documents is None:
        documents = shard_documents(con, store, [key])[key]
    known = generation_index(con, store, key)
    pending = [rid for rid, sha in documents if reparse or known.get(rid) != (sha, version)]
    present = {rid for rid, _ in documents}
    return ShardPlan(key, len(documents), pending, sorted(set(known) - present))


def plan_shards(con, store: ShardStore, keys: list[str], version: str, reparse: bool = False) -> dict[str, ShardPlan]:
    """:func:`plan_shard` of each of ``keys``, their documents listed in one scan."""
    documents = shard_documents(con, store, keys)
    return {key: plan_shard(con, store, key, version, reparse, documents.pop(key)) for key in keys}


def _quoted(path: Path) -> str:
    """A file name as an SQL string literal (COPY takes no parameter for it)."""
    return "'" + str(path).replace("'", "''") + "'"


def _write_part(mem, frames: dict, folder: Path, number: int) -> None:
    """One batch's rows as typed Parquet parts (the in-memory staging tables give the column types)."""
    for table in SHARD_TABLES:
        frame = frames[table]
        if not len(frame):
            continue
        mem.register("incoming", frame)
        mem.execute(f"insert into staging.{table} by name select * from incoming")
        mem.unregister("incoming")
        mem.execute(f"copy staging.{table} to {_quoted(folder / f'{table}-{number:05d}.parquet')} (format parquet)")
        mem.execute(f"delete from staging.{table}")


def _merge(mem, store: ShardStore, key: str, parts: Path, tmp: Path, replaced: list[str]) -> None:
    """Each table of the new generation: the previous generation's rows not replaced, then the parts."""
    for table in SHARD_TABLES:
        sources = [f"select * from staging.{table}"]  # empty: anchors the staging table's column types
        params: list = []
        previous = store.files(table, [key], strict=False)
        if previous:
            sources.append("select * from read_parquet(?) where report_id not in (select unnest(?::varchar[]))")
            params += [previous, replaced]
        new_parts = sorted(str(p) for p in parts.glob(f"{table}-*.parquet"))
        if new_parts:
            sources.append("select * from read_parquet(?)")
            params.append(new_parts)
        target = tmp / f"{table}.parquet"
        mem.execute(f"copy ({' union all by name '.join(sources)}) to {_quoted(target)} "
                    f"(format parquet, compression zstd)", params)


def part_connection():
    """An in-memory DuckDB holding the (empty) staging tables, whose column types the parts are written in."""
    import duckdb

    from ..resources.duckdb_memory import bound_memory
    from ..settings import get_settings

    mem = duckdb.connect()
    bound_memory(mem, get_settings())
    ensure_schema(mem)
    mem.execute(HINTS_DDL.format(table="staging.agency_hints"))
    return mem


def write_batch(mem, batch: list[tuple], parsed: list[dict], version: str, parts: Path, number: int) -> StageSummary:
    """The rows of a parsed batch as part ``number`` of a shard's new generation; returns its counts."""
    frames, done = batch_frames(batch, parsed, version)
    _write_part(mem, frames, parts, number)
    return done


def check_all_read(plan: ShardPlan, read: int) -> None:
    """A shard is published only when every one of its pending documents was read and parsed."""
    if read != len(plan.pending):
        raise RuntimeError(f"shard {plan.key}: {read} of its {len(plan.pending)} pending documents were read "
                           f"from the warehouse (changed while parsing?): not published")


def publish_parts(mem, store: ShardStore, plan: ShardPlan, tmp: Path, parsed: StageSummary, version: str) -> Path:
    """Merge the shard's previous generation and the parts of ``tmp`` and publish the new generation."""
    key = plan.key
    _merge(mem, store, key, tmp / "parts", tmp, plan.pending + plan.dropped)
    shutil.rmtree(tmp / "parts")
    return store.publish(key, tmp, {
        "shard": key, "shards": store.count, "parser_version": version, "documents": plan.documents,
        "parsed": parsed.parsed, "failed": parsed.failed, "needs_ocr": parsed.needs_ocr,
        "written_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "writer_pid": os.getpid()})


def refresh_shard(con, store: ShardStore, key: str, version: str, budget: ParseBudget, batch_size: int = 200,
                  reparse: bool = False, plan: ShardPlan | None = None,
                  log: Callable[[str], None] = lambda _: None, pool: ProcessPoolExecutor | None = None,
                  inputs: Path | None = None) -> ShardResult:
    """Parse what changed in shard ``key`` and publish its new generation. The documents come from
    ``inputs`` (the shard's file of shard_inputs.export_inputs) or else are read through ``con``.
    With ``pool``, each batch's documents are parsed by its processes (one shard using every core)."""
    started = datetime.now(timezone.utc)
    plan = plan or plan_shard(con, store, key, version, reparse)
    result = ShardResult(key, documents=plan.documents, dropped=len(plan.dropped))
    if not plan.has_work:
        result.parquet_bytes = store.parquet_bytes(key)
        return result
    parse = partial(_parse_one, budget=budget)
    tmp = store.begin(key)
    mem = part_connection()
    try:
        parts = tmp / "parts"
        parts.mkdir()
        if inputs is None and plan.pending:
            inputs = export_inputs(con, {key: plan.pending}, parts, log)[key]
        done_count = 0
        for number, batch in enumerate(read_batches(inputs, batch_size) if plan.pending else ()):
            # chunks of one: a slow document delays no other document queued behind it in a chunk
            parsed = list(pool.map(parse, batch, chunksize=1)) if pool else [parse(item) for item in batch]
            result.parsed.add(write_batch(mem, batch, parsed, version, parts, number))
            del parsed
            done_count += len(batch)
            log(f"shard {key}: {done_count}/{len(plan.pending)} documents parsed")
        check_all_read(plan, done_count)
        generation = publish_parts(mem, store, plan, tmp, result.parsed, version)
        mem.close()
    except BaseException:
        mem.close()
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    result.generation = generation.name
    result.parquet_bytes = store.parquet_bytes(key)
    result.peak_rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result.seconds = (datetime.now(timezone.utc) - started).total_seconds()
    return result


def refresh_shards(warehouse: Path, store: ShardStore, keys: Iterable[str], version: str, budget: ParseBudget,
                   batch_size: int = 200, workers: int = 1, reparse: bool = False,
                   log: Callable[[str], None] = lambda _: None) -> list[ShardResult]:
    """Refresh the shards ``keys`` of the warehouse file ``warehouse`` with ``workers`` processes. The
    pending documents are read here, read-only, in one pass (no process may hold the file for writing
    meanwhile): several shards take their batches from that read as it goes (stream_shards.py); a
    single shard, or a run in this process, reads them from input files written first."""
    keys = list(keys)
    con = open_documents_reader(warehouse)
    folder = None
    try:
        plans = plan_shards(con, store, keys, version, reparse)
        to_do = sorted((p for p in plans.values() if p.has_work), key=lambda p: -len(p.pending))
        total = sum(len(p.pending) for p in to_do)
        # processes pay off past one batch of work: a small run parses here. The work of a shard is its
        # parse and the rewrite of its whole generation, so a few changed documents spread over the
        # shards of a large warehouse are still worth the processes (100 changed of 100,000: 16
        # generations rewritten, about 0.5 s each). Either way the batches are parsed by a pool of processes.
        if total <= batch_size and sum(p.documents for p in to_do) <= batch_size:
            parallel = 1
        else:
            parallel = workers if len(to_do) == 1 else min(workers, len(to_do))
        log(f"parse: {total} documents to parse in {len(to_do)} of {len(keys)} shards, "
            f"{parallel} process{'es' if parallel > 1 else ''}")
        results = {key: ShardResult(key, plans[key].documents, parquet_bytes=store.parquet_bytes(key))
                   for key in keys if not plans[key].has_work}
        so_far = StageSummary()

        def finished(result: ShardResult) -> None:
            result.processes = parallel
            results[result.key] = result
            so_far.add(result.parsed)
            for path, error in result.parsed.failures:
                log(f"parse failed: {error}")
            log(f"parse: {so_far.done}/{total} documents, {so_far.figures} figures, "
                f"{so_far.failed} failed (shard {result.key} in {result.seconds:.1f} s)")

        if parallel > 1 and len(to_do) > 1:  # several shards side by side, fed by one read (stream_shards.py)
            con.close()
            with worker_pool(parallel) as pool:
                stream_shards(warehouse, store, to_do, version, budget, batch_size, pool, parallel, log, finished)
            return [results[key] for key in keys]
        # every pending document read once, in one pass over the table, into the shards' input files
        if total:
            folder = inputs_folder(store.layout)
            inputs = export_inputs(con, pending_by_key(to_do), folder, log)
        else:
            inputs = {}
        con.close()
        with worker_pool(parallel if parallel > 1 else 0) as pool:
            for plan in to_do:
                finished(refresh_shard(None, store, plan.key, version, budget, batch_size, reparse, plan,
                                       log=log if pool else lambda _: None, pool=pool, inputs=inputs.get(plan.key)))
        return [results[key] for key in keys]
    finally:
        con.close()
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)

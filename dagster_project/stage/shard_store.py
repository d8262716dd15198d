"""Where the parsed rows of each shard live between parsing and loading: Parquet files beside the warehouse.

A shard's rows are one *generation*: a folder holding one Parquet file per staging table
(``reports``, ``figures``, ``unplaced_figures``, ``uncoded_rows``, ``parse_errors``), with exactly the
columns of that table. A pointer file ``<shard>.json`` names the shard's current generation. A worker
writes a new generation under a temporary name (``<shard>.<id>.tmp``), flushes it to disk, renames
the folder to its final name and then replaces the pointer with ``os.replace``: readers follow the
pointer only, so they see the whole previous generation or the whole new one, never a file being
written. A worker killed half-way leaves a ``.tmp`` folder that nothing reads and that the next
writer of that shard removes.

The folder is ``<warehouse>.staged/`` beside the published warehouse (a run's working copy
``<warehouse>.building`` shares it) or ``GOVINFO_STAGED_DIR``; inside, ``shards-<N>/`` keeps the
layout of one shard count apart from another (changing the count re-parses into the new layout).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import uuid
from datetime import datetime, timezone
from pathlib import Path

from ..durable import fsync, pid_alive
from .schema import PER_REPORT_TABLES, SHARD_TABLES
from .shards import shard_keys

WORKING_SUFFIX = ".building"  # the run's working copy of a warehouse (see run/publish.py)
TMP_SUFFIX = ".tmp"


def default_staged_dir(warehouse: Path) -> Path:
    """``<published warehouse>.staged``: the working copy a run builds parses into the same folder."""
    warehouse = Path(warehouse)
    name = warehouse.name.removesuffix(WORKING_SUFFIX)
    return warehouse.with_name(name + ".staged")


def staged_dir_for(warehouse: Path) -> Path:
    from ..settings import get_settings

    return get_settings().staged_dir or default_staged_dir(warehouse)


class ShardStore:
    """The Parquet generations of ``count`` shards under ``root``."""

    def __init__(self, root: Path, count: int):
        self.root = Path(root)
        self.count = int(count)
        self.layout = self.root / f"shards-{self.count}"
        self.keys = shard_keys(self.count)

    def pointer(self, key: str) -> Path:
        return self.layout / f"{key}.json"

    def info(self, key: str) -> dict | None:
        """What the pointer says of the shard's current generation, or None before its first one."""
        try:
            return json.loads(self.pointer(key).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None

    def current(self, key: str, strict: bool = True) -> Path | None:
        """The shard's current generation. A pointer naming a missing folder (removed by hand) is an
        error for a reader (``strict``); a writer treats the shard as never parsed and rewrites it."""
        info = self.info(key)
        if info is None:
            return None
        generation = self.layout / info["generation"]
        if not generation.is_dir():
            if not strict:
                return None
            raise RuntimeError(f"{self.pointer(key)} names {generation}, which is missing: "
                               f"materialize parse/shards partition {key} to parse that shard again")
        return generation

    def files(self, table: str, keys: list[str] | None = None, strict: bool = True) -> list[str]:
        """The current Parquet file of ``table`` of every shard (of ``keys``) that has one."""
        if table not in SHARD_TABLES:
            raise ValueError(f"{table} is not a table of a shard's generation")
        out = []
        for key in keys if keys is not None else self.keys:
            generation = self.current(key, strict)
            if generation is not None:
                path = generation / f"{table}.parquet"
                # generations written before agency hints existed have none: their reports are resolved at stage
                if table in PER_REPORT_TABLES or path.is_file():
                    out.append(str(path))
        return out

    def parquet_bytes(self, key: str) -> int:
        generation = self.current(key, strict=False)
        return sum(p.stat().st_size for p in generation.iterdir()) if generation else 0

    def begin(self, key: str) -> Path:
        """A new, empty temporary generation of ``key`` (leftovers of dead writers removed first)."""
        self.layout.mkdir(parents=True, exist_ok=True)
        self.remove_leftovers(key)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
        tmp = self.layout / f"{key}.{stamp}-{os.getpid()}-{uuid.uuid4().hex[:6]}{TMP_SUFFIX}"
        tmp.mkdir()
        return tmp

    def publish(self, key: str, tmp: Path, info: dict) -> Path:
        """Make ``tmp`` the current generation of ``key``: flush, rename, then replace the pointer."""
        missing = [t for t in PER_REPORT_TABLES if not (tmp / f"{t}.parquet").is_file()]
        if missing:
            raise RuntimeError(f"generation {tmp} lacks {', '.join(missing)}: not published")
        for path in tmp.iterdir():
            fsync(path)
        fsync(tmp)
        previous = self.current(key, strict=False)
        generation = tmp.with_name(tmp.name.removesuffix(TMP_SUFFIX))
        os.rename(tmp, generation)
        pointer_tmp = self.pointer(key).with_name(f"{key}.json.{os.getpid()}{TMP_SUFFIX}")
        pointer_tmp.write_text(json.dumps({**info, "generation": generation.name}, ensure_ascii=False, indent=1),
                               encoding="utf-8")
        fsync(pointer_tmp)
        os.replace(pointer_tmp, self.pointer(key))
        fsync(self.layout)
        if previous is not None and previous != generation:
            shutil.rmtree(previous, ignore_errors=True)
        return generation

    def remove_leftovers(self, key: str) -> list[Path]:
        """What writers of ``key`` that are gone left behind: temporary generations and pointers, and
        generations no pointer names (killed between renaming the folder and replacing the pointer).
        A writer still running in another process keeps its files."""
        if not self.layout.is_dir():
            return []
        info = self.info(key)
        current = info["generation"] if info else None
        written_by = re.compile(rf"^{re.escape(key)}\.(?:json\.(\d+)|\d{{8}}T\d{{6}}-(\d+)-[0-9a-f]{{6}})(?:\.tmp)?$")
        removed = []
        for path in self.layout.glob(f"{key}.*"):
            match = written_by.match(path.name)
            if match is None or path.name == current:
                continue
            pid = int(match.group(1) or match.group(2))
            if pid != os.getpid() and pid_alive(pid):
                continue
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path)
        return removed

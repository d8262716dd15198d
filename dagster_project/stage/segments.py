"""A shard's generation in segments: a change rewrites the segments its reports are in, not the shard.

A generation keeps its rows in segments of at most ``Settings.shard_segment_reports`` reports: one
Parquet file per staging table and segment, ``<table>.<segment>.parquet`` (``s000001``, ``s000002``,
…), all the rows of a report in one segment. Refreshing a shard writes new segments from

- the rows kept from the segments that hold a replaced or dropped report, and from the small ones
  (fewer than a quarter of the size: new reports arrive a few at a time, and would otherwise leave
  a trail of tiny segments), read once and written again;
- the new parts (the parsed batches), in the order they were parsed;

and every other segment enters the new generation as a hard link to its file, unread. A run that
changes a few reports of a large shard thus rewrites a few segments, not the shard's whole
generation. Segments hold distinct reports, so a reader reads the union of their files.

A generation written before segments holds one file per table, ``<table>.parquet``: one segment
named ``""``, rewritten into segments the first time one of its reports changes.
"""
from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from .schema import PER_REPORT_TABLES, SHARD_TABLES

LEGACY = ""  # the segment of a generation written before segments: <table>.parquet
_SEGMENT_FILE = re.compile(r"^(?P<table>[a-z_]+)(?:\.(?P<segment>s\d{6}))?\.parquet$")
SMALL_SHARE = 4  # a segment of fewer than size // SMALL_SHARE reports is rewritten with the changes


def segment_name(number: int) -> str:
    return f"s{number:06d}"


def segment_path(generation: Path, table: str, segment: str) -> Path:
    return generation / (f"{table}.parquet" if segment == LEGACY else f"{table}.{segment}.parquet")


def segments(generation: Path | None) -> dict[str, dict[str, Path]]:
    """{segment: {table: its file}} of a generation folder, in segment order."""
    found: dict[str, dict[str, Path]] = {}
    if generation is None or not generation.is_dir():
        return found
    for path in generation.iterdir():
        m = _SEGMENT_FILE.match(path.name)
        if m and m.group("table") in SHARD_TABLES:
            found.setdefault(m.group("segment") or LEGACY, {})[m.group("table")] = path
    return dict(sorted(found.items()))


def table_files(generation: Path, table: str) -> list[Path]:
    """The files of ``table`` in a generation, one per segment that has one, in segment order."""
    return [files[table] for files in segments(generation).values() if table in files]


def incomplete_segments(generation: Path) -> list[str]:
    """The segments of a generation that lack the file of a per-report table (never published)."""
    found = segments(generation)
    if not found:
        return ["(no segment)"]
    return [f"{segment or '<legacy>'} lacks {', '.join(t for t in PER_REPORT_TABLES if t not in files)}"
            for segment, files in found.items() if any(t not in files for t in PER_REPORT_TABLES)]


@dataclass
class SegmentPlan:
    """What the refresh of one shard writes: segments carried over as links, and new ones."""

    carried: list[str]
    rewritten: list[str]
    new: list[str]
    kept_reports: int  # of the rewritten segments, the reports written again
    new_reports: int   # reports of the parts


def _ids(con, files: dict[str, list[Path]]) -> list[tuple[str, str]]:
    """(report_id, the file it is in) of every report in ``files`` (reports and parse_errors), in
    file and row order."""
    sources, params = [], []
    for table in ("reports", "parse_errors"):
        if files.get(table):
            sources.append("select report_id, filename, file_row_number "
                           "from read_parquet(?, filename = true, file_row_number = true)")
            params.append([str(p) for p in files[table]])
    if not sources:
        return []
    return con.execute(f"select report_id, min(filename) as f from ({' union all '.join(sources)}) "
                       f"group by report_id order by f, min(file_row_number)", params).fetchall()


def _part_of(path: str) -> str:
    """``00003.parquet`` of ``…/reports-00003.parquet``: the part, whatever its table."""
    return Path(path).name.rsplit("-", 1)[1]


def write_segments(con, previous: Path | None, parts: Path, target: Path, replaced: list[str],
                   size: int) -> SegmentPlan:
    """Write into ``target`` the segments of a shard's new generation (see the module's docstring).

    ``previous``: the shard's current generation (None before its first); ``parts``: the folder of
    the new parts (``<table>-<number>.parquet``); ``replaced``: every report_id whose rows in
    ``previous`` give way (parsed again, new, or no longer a document). ``con`` holds the empty
    staging tables, which fix the column types of the files written."""
    size = max(1, int(size))
    old = segments(previous)
    gone = set(replaced)
    # reports of each old segment, and which segments must be read again
    rewrite: list[str] = []
    kept: list[tuple[str, str]] = []  # (report_id, old segment), in segment and row order
    carried: list[str] = []
    for segment, files in old.items():
        ids = _ids(con, {t: [files[t]] for t in ("reports", "parse_errors") if t in files})
        if len(ids) < size // SMALL_SHARE or any(rid in gone for rid, _ in ids):
            rewrite.append(segment)
            kept += [(rid, segment) for rid, _ in ids if rid not in gone]
        else:
            carried.append(segment)
    part_files = {t: sorted(parts.glob(f"{t}-*.parquet")) for t in SHARD_TABLES} if parts.is_dir() else {}
    # in part order (a part's reports and its failures together), so a new segment reads few parts
    incoming = sorted(((rid, _part_of(f)) for rid, f in _ids(con, part_files)), key=lambda item: item[1])
    # the new segments: numbered after every old one, ``size`` reports each (one empty segment when
    # the shard holds no report at all, so that a generation always has its tables)
    numbers = [int(s[1:]) for s in old if s != LEGACY]
    first = max(numbers, default=0) + 1
    everything = [(rid, src, False) for rid, src in kept] + [(rid, src, True) for rid, src in incoming]
    count = (len(everything) + size - 1) // size if everything else (0 if carried else 1)
    new = [segment_name(first + k) for k in range(count)]
    import pandas as pd

    groups = pd.DataFrame({"report_id": [rid for rid, _, _ in everything],
                           "grp": [k // size for k in range(len(everything))],
                           "from_part": [p for _, _, p in everything]})
    con.register("segment_of", groups)
    try:
        for k, segment in enumerate(new):
            chunk = everything[k * size:(k + 1) * size]
            olds = sorted({src for _, src, p in chunk if not p})
            part_names = sorted({src for _, src, p in chunk if p})
            for table in SHARD_TABLES:
                sources = [f"select * from staging.{table}"]  # empty: anchors the column types
                params: list = []
                old_files = [str(old[s][table]) for s in olds if table in old[s]]
                if old_files:
                    sources.append("select * from read_parquet(?) where report_id in "
                                   "(select report_id from segment_of where grp = ? and not from_part)")
                    params += [old_files, k]
                new_files = [str(parts / f"{table}-{name}") for name in part_names
                             if (parts / f"{table}-{name}").is_file()]
                if new_files:
                    sources.append("select * from read_parquet(?) where report_id in "
                                   "(select report_id from segment_of where grp = ? and from_part)")
                    params += [new_files, k]
                path = segment_path(target, table, segment)
                con.execute(f"copy ({' union all by name '.join(sources)}) to '{_escaped(path)}' "
                            f"(format parquet, compression zstd)", params)
    finally:
        con.unregister("segment_of")
    for segment in carried:
        for path in old[segment].values():
            _link(path, target / path.name)
    return SegmentPlan(carried, rewrite, new, len(kept), len(incoming))


def _escaped(path: Path) -> str:
    return str(path).replace("'", "''")  # COPY takes no parameter for its file name


def _link(source: Path, target: Path) -> None:
    """The same file under the new generation: a hard link (the files of a generation are never
    written again), or a copy where the file system has none."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)

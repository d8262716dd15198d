"""Shards of the corpus: a document belongs to one of N shards by a stable hash of its report_id.

Parse work is cut by shard (a Dagster partition each): a document always lands in the same shard
whatever else is in the folder, shards are about equal in size however the documents are spread
over sites and years, and their number stays fixed as the corpus grows (a partition per document
or per site would give 100,000 partitions, or one site holding half the work). The same hash is
written in Python and in SQL so a shard's documents are selected inside DuckDB.
"""
from __future__ import annotations

import hashlib

# The first 32 bits of sha256(report_id), modulo the shard count: the same in Python and in DuckDB.
SHARD_SQL = "(('0x' || left(sha256(report_id), 8))::ubigint % {count})"


def shard_keys(count: int) -> list[str]:
    """The partition keys: '00', '01', … (zero-padded so they sort as numbers)."""
    width = max(2, len(str(count - 1)))
    return [f"{i:0{width}d}" for i in range(count)]


def shard_index(report_id: str, count: int) -> int:
    return int(hashlib.sha256(report_id.encode("utf-8")).hexdigest()[:8], 16) % count


def shard_of(report_id: str, count: int) -> str:
    return shard_keys(count)[shard_index(report_id, count)]


def shard_sql(count: int) -> str:
    """A DuckDB expression over ``report_id`` giving the shard number (compare with ``int(key)``)."""
    return SHARD_SQL.format(count=int(count))

"""DuckDB's memory on the connections ingest, the checks and the docs open: bounded, and given back.

Without this a long-lived process keeps what DuckDB's allocator once held: an ingest of 4,000
synthetic documents (200 a transaction) left the process at 560 MiB while connected, growing with
the documents written; with the allocator's background threads and a low flush threshold it stayed
between 260 and 350 MiB from 2,000 to 4,000 documents. ``memory_limit`` bounds what a query may
hold at all (DuckDB spills to disk past it) instead of DuckDB's default of 80% of the machine.
"""
from __future__ import annotations

from ..settings import Settings


def bound_memory(con, settings: Settings) -> None:
    """Apply the memory settings to ``con`` (the allocator ones are process-wide in DuckDB)."""
    con.execute(f"set memory_limit = '{_size(settings.duckdb_memory_limit)}'")
    con.execute(f"set allocator_flush_threshold = '{_size(settings.duckdb_allocator_flush)}'")
    con.execute("set allocator_background_threads = true")


def _parts(value: str) -> tuple[str, str]:
    """(digits, unit letters) of a size such as '2GB' or '512 MiB'; anything else is refused."""
    text = value.strip()
    digits = text.rstrip("KMGTiBb ").strip()
    unit = text[len(digits):].strip()
    if not digits.replace(".", "", 1).isdigit() or not unit.isalpha():
        raise ValueError(f"not a memory size: {value!r} (e.g. '2GB', '512MiB')")
    return digits, unit


def _size(value: str) -> str:
    """A size such as '2GB' or '512 MiB' (digits, optional space, unit letters): nothing else reaches SQL."""
    _parts(value)
    return value.strip()


_UNITS = {"B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9, "TB": 10**12,
          "KIB": 2**10, "MIB": 2**20, "GIB": 2**30, "TIB": 2**40}


def size_bytes(value: str) -> int:
    """Bytes of a size as DuckDB reads it: '512MB' is 512 * 1000**2, '512MiB' 512 * 1024**2."""
    digits, unit = _parts(value)
    if unit.upper() not in _UNITS:
        raise ValueError(f"not a memory size: {value!r} (e.g. '2GB', '512MiB')")
    return int(float(digits) * _UNITS[unit.upper()])

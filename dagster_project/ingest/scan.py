"""Ingest: every document under the raw folder becomes a row of ``staging.documents``.

Only new or changed files are hashed and decoded again (size and mtime first, then sha256), so a
run over 100,000 unchanged documents costs one ``stat`` each. Files that left the folder leave the
warehouse with everything parsed from them.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from .decode import decode_bytes

DOCUMENT_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml", ".txt", ".text"}


@dataclass
class IngestSummary:
    scanned: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    bytes_read: int = 0
    encodings: dict[str, int] = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)


def report_id_for(source_path: str) -> str:
    """Stable id of a document: its path below the raw folder (a changed document keeps its id)."""
    return hashlib.sha256(source_path.encode("utf-8")).hexdigest()[:16]


def list_documents(raw_dir: Path) -> list[Path]:
    files = []
    for root, dirs, names in os.walk(raw_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and Path(name).suffix.lower() in DOCUMENT_SUFFIXES:
                files.append(Path(root) / name)
    return files


def _write_documents(con, rows: list[tuple]) -> None:
    import pandas as pd

    frame = pd.DataFrame(rows, columns=["report_id", "source_path", "sha256", "size_bytes", "mtime_ns",
                                        "encoding", "decoded_how", "text", "source_url", "ingested_at"])
    con.register("incoming_documents", frame)
    try:
        con.execute("begin transaction")
        con.execute("delete from staging.documents where report_id in (select report_id from incoming_documents)")
        con.execute("insert into staging.documents by name select * from incoming_documents")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    finally:
        con.unregister("incoming_documents")


def _forget_documents(con, source_paths: list[str]) -> None:
    from ..stage.schema import PER_REPORT_TABLES

    ids = [report_id_for(p) for p in source_paths]
    con.execute("begin transaction")
    try:
        con.execute("delete from staging.documents where report_id in (select unnest(?::varchar[]))", [ids])
        for table in PER_REPORT_TABLES:
            con.execute(f"delete from staging.{table} where report_id in (select unnest(?::varchar[]))", [ids])
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise


def ingest_folder(con, raw_dir: Path, source_urls: dict[str, str] | None = None,
                  log: Callable[[str], None] = lambda _: None, batch_size: int = 200) -> IngestSummary:
    """Scan the folder and upsert new or changed documents, ``batch_size`` at a time.

    Each batch is one transaction, so memory stays bounded by a batch and an interrupted run
    leaves every document either as it was or as it is now.
    """
    from ..stage.schema import ensure_schema

    ensure_schema(con)
    source_urls = source_urls or {}
    known = {
        row[0]: (row[1], row[2], row[3], row[4])
        for row in con.execute("select source_path, size_bytes, mtime_ns, sha256, source_url from staging.documents").fetchall()
    }
    summary = IngestSummary()
    rows: list[tuple] = []
    seen: set[str] = set()
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    for path in list_documents(raw_dir):
        rel = path.relative_to(raw_dir).as_posix()
        seen.add(rel)
        summary.scanned += 1
        try:
            stat = path.stat()
            previous = known.get(rel)
            url = source_urls.get(rel)
            if previous and previous[0] == stat.st_size and previous[1] == stat.st_mtime_ns and previous[3] == url:
                summary.unchanged += 1
                continue
            data = path.read_bytes()
            sha = hashlib.sha256(data).hexdigest()
            if previous and previous[2] == sha and previous[3] == url:
                summary.unchanged += 1  # touched, not changed: remember the new mtime only
                con.execute("update staging.documents set mtime_ns = ? where source_path = ?", [stat.st_mtime_ns, rel])
                continue
            decoded = decode_bytes(data)
            summary.bytes_read += len(data)
            summary.encodings[decoded.encoding] = summary.encodings.get(decoded.encoding, 0) + 1
            if previous:
                summary.changed += 1
            else:
                summary.new += 1
            rows.append((report_id_for(rel), rel, sha, len(data), stat.st_mtime_ns, decoded.encoding,
                         decoded.how, decoded.text, url, now))
        except OSError as exc:
            summary.errors.append((rel, f"cannot read: {exc}"))
            log(f"ingest: cannot read {rel}: {exc}")
        if len(rows) >= batch_size:
            _write_documents(con, rows)
            rows = []
            log(f"ingest: {summary.scanned} files scanned, {summary.new + summary.changed} new or changed")
    if rows:
        _write_documents(con, rows)
    removed = sorted(set(known) - seen)
    if removed:
        _forget_documents(con, removed)
    summary.removed = len(removed)
    return summary

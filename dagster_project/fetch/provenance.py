"""Append-only attempt log: `<fetch_dir>/provenance.jsonl`, one JSON line per attempt, failures included.

The log is the memory of the fetcher (validators for conditional requests) and the bridge to the
ingest stage (which URL a stored file came from). Lines are never rewritten; the latest line wins.
"""
from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

LOG_NAME = "provenance.jsonl"
FETCH_SUBDIR = "_fetched"  # mirrors Settings.fetch_dir

DOWNLOADED = "downloaded"
UNCHANGED = "unchanged"
FAILED = "failed"
REJECTED = "rejected"
ROBOTS_DISALLOWED = "robots-disallowed"
NOT_A_REPORT = "not-a-report"  # stored anyway: nothing fetched is thrown away
LISTING = "listing"  # a list page that was read for links; its bytes are not stored

STORED_OUTCOMES = frozenset({DOWNLOADED, UNCHANGED, NOT_A_REPORT})


def utc_now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


@dataclass
class ProvenanceRecord:
    url: str
    outcome: str
    kind: str = "report"  # 'report', 'listing' or 'attachment'
    final_url: str | None = None
    status: int | None = None
    reason: str | None = None
    attempts: int = 0  # HTTP attempts made; 0 when refused before any request
    retries: int = 0  # attempts - 1, the retries used
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    fetched_at: str = ""
    sha256: str | None = None
    bytes: int | None = None
    encoding: str | None = None  # detected by ingest.decode.decode_bytes
    path: str | None = None  # relative to raw_dir, posix
    listing_url: str | None = None
    title: str | None = None  # anchor text when found via a listing or on a report page
    parent_url: str | None = None  # for an attachment: the report page that links to it
    parent_path: str | None = None  # and the stored version of that page (relative to raw_dir, posix)
    agency: str | None = None
    year: int | None = None

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=False)


class ProvenanceLog:
    def __init__(self, fetch_dir: Path) -> None:
        self.path = Path(fetch_dir) / LOG_NAME
        self._lock = threading.Lock()

    def append(self, record: ProvenanceRecord) -> ProvenanceRecord:
        if not record.fetched_at:
            record.fetched_at = utc_now_iso()
        line = (record.to_json() + "\n").encode("utf-8")
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # One write of one whole line on an O_APPEND descriptor: concurrent writers cannot interleave it.
            with open(self.path, "ab") as handle:
                handle.write(line)
                handle.flush()
                os.fsync(handle.fileno())
        return record


def parse_line(raw: bytes) -> dict | None:
    """The record of one line, or None for a line torn by a crash (skipped, not fatal)."""
    try:
        record = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    return record if isinstance(record, dict) and record.get("url") else None


def read_records(fetch_dir: Path) -> Iterator[dict]:
    """Every line in order; a line torn by a crash is skipped, not fatal."""
    path = Path(fetch_dir) / LOG_NAME
    if not path.is_file():
        return
    with open(path, "rb") as handle:
        for raw in handle:
            record = parse_line(raw)
            if record is not None:
                yield record


def records_since(fetch_dir: Path, since_iso: str, block: int = 1 << 20) -> list[dict]:
    """The records fetched at or after ``since_iso``, in order, read from the end of the log back to
    the first older line: a run's own attempts cost what they are, not what the log holds.

    Runs do not overlap (the warehouse lock), so the lines of a run that started at ``since_iso``
    are the last ones, after every line of the runs before."""
    path = Path(fetch_dir) / LOG_NAME
    if not path.is_file():
        return []
    found: list[dict] = []
    with open(path, "rb") as handle:
        end = handle.seek(0, os.SEEK_END)
        rest = b""
        while end > 0:
            start = max(0, end - block)
            handle.seek(start)
            chunk = handle.read(end - start) + rest
            lines = chunk.split(b"\n")
            rest = lines.pop(0) if start > 0 else b""  # maybe a part of a line: completed by the next block
            for raw in reversed(lines):
                record = parse_line(raw) if raw.strip() else None
                if record is None or not isinstance(record.get("fetched_at"), str) or not record["fetched_at"]:
                    continue  # (a line the fetch did not write has no time to stop at)
                if record["fetched_at"] < since_iso:
                    return found[::-1]
                found.append(record)
            end = start
    return found[::-1]


def source_url_by_path(raw_dir: Path, fetch_dir: Path | None = None) -> dict[str, str]:
    """{path relative to raw_dir (posix) -> the URL it was fetched from}, for ingest's `source_url`.

    Identical bytes served by several URLs share one file; the first URL that brought them is kept,
    so the answer does not change from run to run.
    """
    from .provenance_index import load_state

    return load_state(Path(fetch_dir) if fetch_dir is not None else Path(raw_dir) / FETCH_SUBDIR).first_url

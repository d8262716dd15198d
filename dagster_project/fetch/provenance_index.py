"""What the provenance log says now, without reading it from its first line on every run.

The log only grows: one line per URL asked, on every run. Over 100,000 sources asked once a day it
gains about 100,000 lines a day, and every run read all of them three times (the fetch's validators,
ingest's source URLs, the agencies named in the manifest). The index ``_fetched/.provenance.index.json``
(hidden: no walk of the raw folder lists it) holds the answers as of a byte offset of the log, with
the log's identity (device, inode, the digest of its first 64 KiB); a reader folds in only the lines
after that offset. A log replaced, truncated or rewritten from its start is read again from its
start; the fetch only appends to it, and an edit by hand further in is not seen until the index is
deleted (it is a cache: deleting it is always safe). The fetch writes the index after each run; the
log stays the record of every attempt, never rewritten.

Beside it, ``_fetched/.provenance.digest.json`` holds the digest of what ingest reads off the log, as
of the same offset: the check whether anything changed since the last build asks for that digest
alone, and a log that has not grown since the fetch wrote it answers without reading the index.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from .provenance import LOG_NAME, STORED_OUTCOMES, parse_line

INDEX_NAME = ".provenance.index.json"
DIGEST_NAME = ".provenance.digest.json"
FORMAT = 3
HEAD_BYTES = 64 * 1024
# what the fetch reads of a URL's last stored record: where its bytes are, the validators it asks
# with, and what the manifest said of it; the rest of the line (titles, list pages, statuses) is the
# log's to keep, and would double the index's size
STORED_FIELDS = ("path", "sha256", "bytes", "encoding", "etag", "last_modified", "content_type", "fetched_at",
                 "agency", "year")


@dataclass
class ProvenanceState:
    """The log folded up to ``offset`` bytes (whole lines only)."""

    # URL -> its last record with stored bytes (its STORED_FIELDS)
    latest_stored: dict[str, dict] = field(default_factory=dict)
    first_url: dict[str, str] = field(default_factory=dict)  # stored path -> the first URL that brought it
    agency: dict[str, str] = field(default_factory=dict)  # stored path -> the last manifest agency named for it
    offset: int = 0
    # stored path of an attachment -> the URL of the report page that links to it, and the stored
    # version of that page that does (a page fetched again is another file; an older log has no path)
    page: dict[str, str] = field(default_factory=dict)
    page_path: dict[str, str] = field(default_factory=dict)

    def ingest_digest(self) -> str:
        """A digest of what ingest and staging read off the log: each stored path's URL, agency and,
        for an attachment, its page."""
        parts = [sorted(self.first_url.items()), sorted(self.agency.items())]
        if self.page:  # (a log without attachments keeps the digest it had before pages were read)
            parts += [sorted(self.page.items()), sorted(self.page_path.items())]
        payload = json.dumps(parts, ensure_ascii=True)
        return hashlib.sha256(payload.encode("ascii")).hexdigest()[:16]

    def fold(self, record: dict) -> None:
        path = record.get("path")
        if record.get("outcome") not in STORED_OUTCOMES or not isinstance(path, str) or not path:
            return
        url = record["url"]
        first = self.first_url.setdefault(path, url)
        if record.get("sha256"):
            self.latest_stored[url] = {name: value for name in STORED_FIELDS if (value := record.get(name)) is not None}
        # the agency the manifest names for the URL that brought the file, as of its last line: one
        # answer whatever order the fetch's workers wrote the lines of other URLs with the same bytes
        if url == first:
            if record.get("agency"):
                self.agency[path] = record["agency"]
            else:
                self.agency.pop(path, None)
            if record.get("kind") == "attachment" and isinstance(record.get("parent_url"), str):
                self.page[path] = record["parent_url"]
            else:
                self.page.pop(path, None)
            if path in self.page and isinstance(record.get("parent_path"), str):
                self.page_path[path] = record["parent_path"]
            else:
                self.page_path.pop(path, None)


def _identity(log: Path) -> list | None:
    try:
        with open(log, "rb") as handle:
            st = os.fstat(handle.fileno())
            head = handle.read(HEAD_BYTES)
    except OSError:
        return None
    return [st.st_dev, st.st_ino, len(head), hashlib.sha256(head).hexdigest()]


def _of_this_log(log: Path, identity: list, offset: int) -> bool:
    """The saved ``identity`` is this log's (the same file, the same start) and it is at least ``offset`` long."""
    with open(log, "rb") as handle:
        st = os.fstat(handle.fileno())
        head = handle.read(identity[2])
    return st.st_size >= offset and [st.st_dev, st.st_ino] == identity[:2] \
        and hashlib.sha256(head).hexdigest() == identity[3]


def _stored_state(fetch_dir: Path, log: Path) -> ProvenanceState:
    """The index's state when it is of this log."""
    try:
        saved = json.loads((fetch_dir / INDEX_NAME).read_text(encoding="utf-8"))
        identity, offset = saved["log"], saved["offset"]
        state = ProvenanceState(saved["latest_stored"], saved["first_url"], saved["agency"], offset, saved["page"],
                                saved["page_path"])
        if saved.get("format") != FORMAT or not _well_formed(state, identity) \
                or not _of_this_log(log, identity, offset):
            return ProvenanceState()
        return state
    except Exception:  # noqa: BLE001 - an index that cannot be used is a cache miss: the log is read whole
        return ProvenanceState()


def _well_formed(state: ProvenanceState, identity) -> bool:
    return (isinstance(state.offset, int) and state.offset >= 0
            and all(isinstance(part, dict)
                    for part in (state.latest_stored, state.first_url, state.agency, state.page, state.page_path))
            and all(isinstance(r, dict) and isinstance(r.get("path"), str) for r in state.latest_stored.values())
            and all(isinstance(v, str) for part in (state.first_url, state.agency, state.page, state.page_path)
                    for v in part.values())
            and _identity_well_formed(identity))


def _identity_well_formed(identity) -> bool:
    return isinstance(identity, list) and len(identity) == 4 and isinstance(identity[2], int) \
        and 0 <= identity[2] <= HEAD_BYTES


def load_state(fetch_dir: Path, state: ProvenanceState | None = None) -> ProvenanceState:
    """The log's state now: the index's (or ``state``, read earlier from this log), and the lines
    appended after it."""
    fetch_dir = Path(fetch_dir)
    log = fetch_dir / LOG_NAME
    if not log.is_file():
        return ProvenanceState()
    if state is None:
        state = _stored_state(fetch_dir, log)
    with open(log, "rb") as handle:
        handle.seek(state.offset)
        for raw in handle:
            if not raw.endswith(b"\n"):
                break  # a line being written (or torn by a crash): folded once it is whole
            state.offset += len(raw)
            record = parse_line(raw)
            if record is not None:
                state.fold(record)
    return state


def ingest_digest(fetch_dir: Path) -> str | None:
    """:meth:`ProvenanceState.ingest_digest` of the log now (None without a log): the saved digest
    while the log is as long as when it was saved, else read through the index."""
    fetch_dir = Path(fetch_dir)
    log = fetch_dir / LOG_NAME
    if not log.is_file():
        return None
    try:
        saved = json.loads((fetch_dir / DIGEST_NAME).read_text(encoding="ascii"))
        identity, offset, digest = saved["log"], saved["offset"], saved["digest"]
        if saved.get("format") == FORMAT and isinstance(digest, str) and isinstance(offset, int) \
                and _identity_well_formed(identity) and log.stat().st_size == offset \
                and _of_this_log(log, identity, offset):
            return digest
    except Exception:  # noqa: BLE001 - a digest file that cannot be used is a cache miss, as the index
        pass
    return load_state(fetch_dir).ingest_digest()


def save_state(fetch_dir: Path, state: ProvenanceState) -> None:
    """Write the index of ``state`` and its ingest digest (call with the state of :func:`load_state`,
    after the fetch's appends)."""
    fetch_dir = Path(fetch_dir)
    identity = _identity(fetch_dir / LOG_NAME)
    if identity is None:
        return
    header = {"format": FORMAT, "log": identity, "offset": state.offset}
    # (ASCII escapes: a line the log holds with a lone surrogate in it is written as it was read)
    _replace(fetch_dir / INDEX_NAME, json.dumps({**header, "latest_stored": state.latest_stored,
                                                 "first_url": state.first_url, "agency": state.agency,
                                                 "page": state.page, "page_path": state.page_path}))
    _replace(fetch_dir / DIGEST_NAME, json.dumps({**header, "digest": state.ingest_digest()}))


def _replace(target: Path, text: str) -> None:
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="ascii")
    os.replace(temporary, target)

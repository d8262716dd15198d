"""Ingest: every document under the raw folder becomes a row of ``staging.documents``; every file
that is not one becomes a row of ``staging.refused_documents`` with the reason.

A run first lists the folder (``stat`` only, see :mod:`.walk`), stops if that listing would remove
more than a set share of the stored documents (a mistyped ``GOVINFO_RAW_DIR`` must not empty the
warehouse), then reads only new or changed files. A file counts as unchanged when its size, mtime
and the hash of its first and last 64 KiB are those stored (an edit that keeps size and mtime is
still seen); ``GOVINFO_FULL_RESCAN=1`` hashes every file whole. What a file is comes from its bytes
(:mod:`.sniff`): text and HTML are decoded (:mod:`.decode`), PDF and office files go to their
readers (:mod:`dagster_project.parse.attachments`), everything else is refused.
"""
from __future__ import annotations

import hashlib
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator, Mapping

from .decode import decode_bytes
from .reader_process import ReaderLimits, read_attachment_within, stop_servers
from .refused import BY_A_READER, known_refusals, still_refused, write_refused
from .sniff import DAMAGED_KINDS, REFUSED_KINDS, TEXT_KINDS, sniff
from .walk import BOOKKEEPING, RawFile, Refusal, open_checked, report_id_for, walk_raw
from .web_archive import HEAD_BYTES, is_web_archive, web_archive_page

__all__ = ["IngestStopped", "IngestSummary", "ingest_folder", "report_id_for", "edge_hash"]

EDGE_BYTES = 64 * 1024
LOOKUP_FILES = 5000  # files whose stored state is read from DuckDB at a time
EXAMINE_THREADS = 2  # threads reading, hashing and decoding files while the scan writes
# what a file may hold and still hold no text: blanks, byte-order marks, a character cut short (U+FFFD)
_NO_TEXT = " \t\r\n\f\v\u3000\xa0\ufeff\ufffd\x00"
EXAMINE_AHEAD = 16  # files read ahead of the one being recorded (their bytes and text in memory)


class IngestStopped(RuntimeError):
    """The scan would do harm (a missing folder, a mass removal): nothing was written."""


@dataclass
class IngestSummary:
    scanned: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    kept: int = 0  # stored documents whose file is refused now: kept as they were stored
    bytes_read: int = 0
    encodings: dict[str, int] = field(default_factory=dict)
    refused: list[Refusal] = field(default_factory=list)

    @property
    def refused_by_reason(self) -> dict[str, int]:
        return dict(Counter(r.category for r in self.refused).most_common())

    @property
    def errors(self) -> list[tuple[str, str]]:
        return [(r.source_path, r.reason) for r in self.refused]


@dataclass(frozen=True)
class IngestOptions:
    full_rescan: bool = False
    max_removed_share: float = 0.5
    allow_mass_removal: bool = False
    max_file_bytes: int = 256 * 1024 * 1024
    batch_size: int = 200
    progress_seconds: float = 5.0  # Settings.progress_seconds
    skip: frozenset[bytes] = BOOKKEEPING
    parse_max_chars: int = 2_000_000  # Settings.parse_max_chars: a text over it is never parsed
    reader_limits: ReaderLimits = ReaderLimits()  # what one attachment's reader may take (reader_process.py)


def edge_hash(fd: int, size: int) -> str:
    """SHA-256 of the size and the first and last 64 KiB: cheap, and sees most edits that keep
    the size and the mtime (a whole-file hash of a file under 128 KiB)."""
    return _edge_digest(size, lambda offset: os.pread(fd, EDGE_BYTES, offset))


def edge_hash_of(data: bytes, size: int) -> str:
    """edge_hash of a file already read whole (``data``; ``size`` as listed)."""
    return _edge_digest(size, lambda offset: data[offset:offset + EDGE_BYTES])


def _edge_digest(size: int, read_at: Callable[[int], bytes]) -> str:
    digest = hashlib.sha256(str(size).encode())
    digest.update(read_at(0))
    if size > EDGE_BYTES:
        digest.update(read_at(max(EDGE_BYTES, size - EDGE_BYTES)))
    return digest.hexdigest()


def _read_all(fd: int, size: int) -> bytes:
    chunks, total = [], 0
    while True:
        chunk = os.read(fd, max(size - total, 0) + 65536)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)


def _write_documents(con, rows: list[tuple], replacing: bool = True) -> None:
    """One transaction: the batch's documents, the stored rows they replace removed first.

    ``replacing`` False (every row a document the warehouse does not hold, as in a first run) skips
    the delete, whose scan of ``staging.documents`` otherwise doubles the cost of each batch.
    """
    import pandas as pd

    frame = pd.DataFrame(rows, columns=["report_id", "source_path", "sha256", "edge_sha256", "size_bytes", "mtime_ns",
                                        "encoding", "decoded_how", "reader", "text", "source_url", "ingested_at"])
    con.register("incoming_documents", frame)
    try:
        con.execute("begin transaction")
        if replacing:
            con.execute("delete from staging.documents where report_id in (select report_id from incoming_documents)")
        con.execute("insert into staging.documents by name select * from incoming_documents")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    finally:
        con.unregister("incoming_documents")


def _forget_documents(con, ids: list[str]) -> None:
    from ..stage.schema import PER_REPORT_TABLES

    con.execute("begin transaction")
    try:
        con.execute("delete from staging.documents where report_id in (select unnest(?::varchar[]))", [ids])
        for table in PER_REPORT_TABLES:
            con.execute(f"delete from staging.{table} where report_id in (select unnest(?::varchar[]))", [ids])
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise


# The stored documents, those whose file is not listed now, and how many of those look moved: a file
# not stored before has their size and mtime (a move keeps both). Judged by stat, before any file is
# read, so that a reorganised raw folder does not trip the guard against a raw folder gone wrong.
MISSING_SQL = """
    with missing as (
        select d.size_bytes, d.mtime_ns from staging.documents d
        anti join ingest_listed l on l.report_id = d.report_id
    ), arrived as (
        select l.size_bytes, l.mtime_ns from ingest_listed l
        anti join staging.documents d on d.report_id = l.report_id
        where l.size_bytes is not null
    ), moved as (
        select count(*) as n from missing m semi join arrived a on a.size_bytes = m.size_bytes and a.mtime_ns = m.mtime_ns
    )
    select (select count(*) from staging.documents), (select count(*) from missing), (select n from moved)
"""


def _guard(raw_dir: Path, listed: int, known: int, removing: int, options: IngestOptions) -> None:
    if known == 0 or removing == 0 or options.allow_mass_removal:
        return
    share = removing / known
    if share > options.max_removed_share:
        raise IngestStopped(
            f"ingest stopped: the raw folder {raw_dir} lists {listed} readable files, so this run would remove "
            f"{removing} of the {known} documents stored in the warehouse ({share:.0%}, more than the "
            f"{options.max_removed_share:.0%} allowed by GOVINFO_MAX_REMOVED_SHARE). Check GOVINFO_RAW_DIR; "
            f"set GOVINFO_ALLOW_MASS_REMOVAL=1 if the removal is meant. The warehouse was not changed.")


@dataclass(frozen=True)
class _Read:
    """What one file turned out to be: a document row's fields, or a refusal."""

    encoding: str | None = None
    decoded_how: str | None = None
    reader: str | None = None
    text: str | None = None
    refusal: tuple[str, str] | None = None  # (reason, category)


def _read_web_archive(data: bytes) -> _Read:
    """The page of a web page saved as one file (MHTML), decoded with the charset its part declares."""
    page = web_archive_page(data)
    if page is None:
        return _Read(refusal=("a web page saved as one file (MHTML) holding no HTML page: nothing to read", "mhtml"))
    html, charset = page
    decoded = decode_bytes(html, charset)
    if not decoded.decodable:
        return _Read(refusal=(f"not readable as text: the HTML page of a web archive (MHTML): {decoded.how}",
                              "undecodable"))
    return _Read(decoded.encoding, f"web archive (MHTML); {decoded.how}", "html", decoded.text)


def read_document(data: bytes, source_path: str, limits: ReaderLimits = ReaderLimits()) -> _Read:
    """Sniff, then decode or hand to an attachment reader (in a child process under ``limits``); never raises."""
    kind = sniff(data, source_path)
    if kind in TEXT_KINDS and is_web_archive(data[:HEAD_BYTES]):
        return _read_web_archive(data)
    if kind in TEXT_KINDS:
        decoded = decode_bytes(data)
        if not decoded.decodable:
            return _Read(refusal=(f"not readable as text: {decoded.how}", "undecodable"))
        return _Read(decoded.encoding, decoded.how, kind, decoded.text)
    if kind in REFUSED_KINDS:
        never = "never read (a whole copy of the file is needed)" if kind in DAMAGED_KINDS else \
            "not a document, never parsed as text"
        return _Read(refusal=(f"{REFUSED_KINDS[kind]}: {never}", kind))
    from ..parse.attachments import ATTACHMENT_KINDS, STATUS_NEEDS_OCR

    if kind not in ATTACHMENT_KINDS:  # pragma: no cover - sniff names no other kind
        return _Read(refusal=(f"unknown kind {kind}", kind))
    result = read_attachment_within(data, kind, source_path, limits)
    if result.status == "refused":
        category = f"{kind}{BY_A_READER}" + (f" (over {result.limit})" if result.limit else "")
        return _Read(refusal=(result.reason or f"no reader for {kind}", category))
    if result.status == STATUS_NEEDS_OCR:
        return _Read(None, f"{STATUS_NEEDS_OCR}: {result.reason or 'no text layer'}", result.reader, "")
    # the reader's note follows the kind as decoding notes follow the charset: the stage shows both
    # in the report's warnings
    note = (result.note or "").replace("; ", ", ")  # "; " parts the notes
    return _Read(None, f"{kind}; {note}" if note else kind, result.reader, result.text)


def ingest_folder(con, raw_dir: Path, source_urls: dict[str, str] | None = None,
                  log: Callable[[str], None] = lambda _: None, batch_size: int | None = None,
                  options: IngestOptions | None = None,
                  unchanged: Mapping[bytes, tuple[int, int, int, int]] | None = None) -> IngestSummary:
    """Scan the folder and upsert new or changed documents, ``batch_size`` at a time.

    ``unchanged`` maps paths (bytes, below ``raw_dir``) to the (size, mtime_ns, device, inode) at
    which they are known not to have changed since they were stored (``run.listing``): such a file,
    still at that stat and stored with it, is not opened.

    Each batch is one transaction, so memory stays bounded by a batch and an interrupted run
    leaves every document either as it was or as it is now. Raises :class:`IngestStopped`, before
    writing anything, when the folder is missing or the scan would remove too many documents.
    """
    from ..stage.schema import ensure_schema

    options = options or IngestOptions()
    batch_size = batch_size or options.batch_size
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        raise IngestStopped(f"ingest stopped: the raw folder {raw_dir} does not exist or is not a folder "
                            f"(check GOVINFO_RAW_DIR). The warehouse was not changed.")
    ensure_schema(con)
    source_urls = source_urls or {}
    refused_before = known_refusals(con, options.reader_limits)
    files, refused = walk_raw(raw_dir, options.skip)
    # the stored documents stay in DuckDB: their state is read LOOKUP_FILES files at a time, and the
    # listing is a temporary table, so the scan holds no per-document state of the warehouse
    con.execute("create or replace temp table ingest_listed as select unnest(?::varchar[]) as report_id, "
                "unnest(?::bigint[]) as size_bytes, unnest(?::bigint[]) as mtime_ns",
                [[f.report_id for f in files], [f.size for f in files], [f.mtime_ns for f in files]])
    _keep_what_unlisted_folders_held(con, refused, log)
    # Checkpoints are DuckDB's own (every 16 MB of log, a few hundred reports): in the 2,048-row groups
    # of ingest's connection each rewrites at most the open group, and what the log holds stays small.
    # Checkpointing less often (at each doubling of the table) kept up to half the table's new texts
    # in memory between two checkpoints: 100,000 synthetic reports took 132.9 s under the 512MB
    # limit, against 97.4 s with DuckDB's checkpoints (670 MB peak instead of 821 MB).
    try:
        stored, missing, moved = con.execute(MISSING_SQL).fetchall()[0]
        if moved:
            log(f"ingest: {moved} stored document{'s' if moved > 1 else ''} not at {'their' if moved > 1 else 'its'} "
                f"path look{'' if moved > 1 else 's'} moved (a new file has the same size and modification time): "
                f"not counted as removals by GOVINFO_MAX_REMOVED_SHARE")
        _guard(raw_dir, len(files), stored, missing - moved, options)
        summary = IngestSummary(scanned=len(files) + len(refused))
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        rows: list[tuple] = []
        replacing = False  # whether a row of the pending batch replaces a stored document
        done = 0
        last_progress = time.monotonic()

        def take(f: RawFile, found: _Examined, stored: bool) -> None:
            nonlocal rows, replacing, last_progress
            outcome = _record(con, f, found, summary)
            if isinstance(outcome, Refusal):
                refused.append(outcome)
                if stored:
                    # a stored document's file that cannot be read now (permissions, an I/O error),
                    # or that now holds no document (emptied, cut short, overwritten with bytes that
                    # are no text) is bad input, not the document's new content: what it held stays
                    # until the file itself is removed
                    summary.kept += 1
                    log(f"ingest: refused {outcome.source_path}: {outcome.reason}; its stored version is kept")
                else:
                    log(f"ingest: refused {outcome.source_path}: {outcome.reason}")
                return
            if outcome is not None:
                rows.append(outcome)
                replacing = replacing or stored
            if len(rows) >= batch_size:
                _write_documents(con, rows, replacing)
                rows, replacing = [], False
                if time.monotonic() - last_progress >= options.progress_seconds:
                    last_progress = time.monotonic()
                    log(f"ingest: {done} of {len(files)} files done, {summary.new + summary.changed} new or changed")

        for start in range(0, len(files), LOOKUP_FILES):
            chunk = files[start:start + LOOKUP_FILES]
            known = _stored(con, [f.report_id for f in chunk])

            def state(f: RawFile, known=known) -> dict:
                return {"previous": known.get(f.report_id), "url": source_urls.get(f.source_path),
                        "refused_before": refused_before.get(f.source_path),
                        "unchanged_at": unchanged.get(f.rel) if unchanged else None}

            examined = _examined_in_order(chunk, lambda f: _examine(f, options=options, now=now, **state(f)),
                                          lambda f: _settled_by_stat(f, options=options, **state(f)))
            shrunk: list[tuple[RawFile, _Examined]] = []  # changed and smaller than stored: cut short?
            for f, found in zip(chunk, examined):
                done += 1
                if found.changed and found.row is not None and found.row[4] < known[f.report_id][0]:
                    shrunk.append((f, found))
                    if len(shrunk) >= batch_size:  # their texts are held: a batch at a time
                        for judged in _unless_cut_short(con, shrunk):
                            take(*judged, stored=True)
                        shrunk = []
                    continue
                take(f, found, f.report_id in known)
            for judged in _unless_cut_short(con, shrunk):
                take(*judged, stored=True)
        if rows:
            _write_documents(con, rows, replacing)
        removed = sorted(row[0] for row in con.execute(
            "select report_id from staging.documents where report_id not in (select report_id from ingest_listed)"
        ).fetchall())
    finally:
        con.execute("drop table if exists ingest_listed")
    if removed:
        _log_removed(con, removed, log)
        _forget_documents(con, removed)
    summary.removed = len(removed)
    refused.sort(key=lambda r: r.source_path)
    summary.refused = refused
    write_refused(con, refused, now)
    return summary


# removed documents named in the log, one line each, up to this many (then a count)
LOG_REMOVED_NAMES = 20


def _keep_what_unlisted_folders_held(con, refused: list[Refusal], log: Callable[[str], None]) -> None:
    """The stored documents under a folder that cannot be listed now count as listed: a permission
    problem is no removal (the folder's refusal names it)."""
    for folder in (r.source_path for r in refused if r.category == "unreadable" and r.source_path.endswith("/")):
        prefix = "" if folder == "/" else folder  # the raw folder itself
        kept = con.execute("insert into ingest_listed (report_id) select report_id from staging.documents "
                           "where starts_with(source_path, ?) and report_id not in (select report_id from ingest_listed)",
                           [prefix]).fetchall()[0][0]
        if kept:
            log(f"ingest: folder {folder} cannot be listed: its {kept} stored documents are kept")


def _log_removed(con, removed: list[str], log: Callable[[str], None]) -> None:
    paths = con.execute(
        "select gone.source_path, min(still.source_path) from staging.documents gone "
        "left join staging.documents still on still.sha256 = gone.sha256 "
        "  and still.report_id not in (select unnest($1::varchar[])) "
        "where gone.report_id in (select unnest($1::varchar[])) "
        "group by gone.source_path order by gone.source_path limit $2", [removed, LOG_REMOVED_NAMES]).fetchall()
    for path, same_bytes in paths:
        # a moved file is a removal and a new document (its id is its path): the log says where it went
        at = f"; the same bytes are at {same_bytes}" if same_bytes else ""
        log(f"ingest: removed {path} (no longer in the raw folder{at})")
    if len(removed) > len(paths):
        log(f"ingest: removed {len(removed) - len(paths)} more documents")


def _examined_in_order(files: list[RawFile], examine: Callable[[RawFile], _Examined],
                       settled: Callable[[RawFile], _Examined | None] = lambda _: None) -> Iterator[_Examined]:
    """``examine`` of each file, in order, EXAMINE_THREADS files in flight at a time (bounded memory):
    while this thread writes a batch into DuckDB (which lets go of the GIL), the next files are read,
    hashed and decoded. A file ``settled`` answers for (its stat says it is unchanged) goes to no
    thread: with every file handed to the threads, a scan of 300,000 files with 100 changed took 9.9 s,
    5.4-6.2 s without (ids computed once as well)."""
    from collections import deque
    from concurrent.futures import Future, ThreadPoolExecutor

    def value(item):
        return item.result() if isinstance(item, Future) else item

    with ThreadPoolExecutor(max_workers=EXAMINE_THREADS, thread_name_prefix="ingest-read") as pool:
        queue: deque = deque()
        try:
            for f in files:
                ready = settled(f)
                queue.append(ready if ready is not None else pool.submit(examine, f))
                if len(queue) >= EXAMINE_AHEAD:
                    yield value(queue.popleft())
            while queue:
                yield value(queue.popleft())
        except BaseException:  # an interrupt (or a failed write): the pool's exit must not wait for the readers
            for item in queue:
                if isinstance(item, Future):
                    item.cancel()
            stop_servers()
            raise


def _stored(con, ids: list[str]) -> dict[str, tuple]:
    """The stored state (size, mtime, sha256, URL, edge hash) of those of ``ids`` in staging.documents."""
    return {row[0]: row[1:] for row in con.execute(
        "select report_id, size_bytes, mtime_ns, sha256, source_url, edge_sha256 from staging.documents "
        "where report_id in (select unnest(?::varchar[]))", [ids]).fetchall()}


@dataclass(frozen=True)
class _Examined:
    """What reading one file found, before anything is counted or written (see _record)."""

    refusal: Refusal | None = None
    unchanged: bool = False
    touched: str | None = None  # same content, new mtime: the new edge hash to remember
    row: tuple | None = None
    changed: bool = False
    encoding: str | None = None


def _settled_by_stat(f: RawFile, previous, url, options: IngestOptions, refused_before: Refusal | None,
                     unchanged_at: tuple | None) -> _Examined | None:
    """What :func:`_examine` finds without opening the file: at the stat at which it is known unchanged
    (``unchanged_at``), a stored document or refusal of the same size and mtime is taken as it is."""
    if unchanged_at is None or options.full_rescan or unchanged_at != (f.size, f.mtime_ns, f.dev, f.ino):
        return None
    if previous is not None and previous[0] == f.size and previous[1] == f.mtime_ns and previous[3] == url:
        return _Examined(unchanged=True)
    if still_refused(refused_before, f.size, f.mtime_ns):
        return _Examined(refused_before)
    return None


def _examine(f: RawFile, previous, url, options: IngestOptions, now,
             refused_before: Refusal | None = None, unchanged_at: tuple | None = None) -> _Examined:
    """Read, hash, sniff and decode one file: no connection and no shared state, so files are
    examined in threads (reading a file and hashing it let other threads run) while the scan writes.

    ``unchanged_at``: the (size, mtime_ns, device, inode) at which the file is known unchanged since
    it was stored; at that stat, a stored document or refusal with the same size and mtime is taken
    as it is, without opening the file."""
    settled = _settled_by_stat(f, previous, url, options, refused_before, unchanged_at)
    if settled is not None:
        return settled
    if f.size == 0:
        return _Examined(Refusal(f.source_path, 0, "an empty file: not a document", "empty"))
    if f.size > options.max_file_bytes:
        return _Examined(Refusal(f.source_path, f.size, f"larger than {options.max_file_bytes} bytes "
                                 f"(GOVINFO_MAX_FILE_BYTES): not read", "too large"))
    try:
        fd = open_checked(f)
    except OSError as exc:
        return _Examined(Refusal(f.source_path, f.size, f"cannot be read: {exc.strerror or exc}", "unreadable"))
    try:
        if previous is None and refused_before is None:  # a new file is read whole anyway: read it once
            data = _read_all(fd, f.size)
            edge = edge_hash_of(data, f.size)
        else:
            data, edge = None, edge_hash(fd, f.size)
        same_stat = previous is not None and previous[0] == f.size and previous[1] == f.mtime_ns and previous[3] == url
        if same_stat and not options.full_rescan and previous[4] == edge:
            return _Examined(unchanged=True)
        if not options.full_rescan and still_refused(refused_before, f.size, f.mtime_ns, edge):
            return _Examined(refused_before)  # refused for its content and unchanged: not read (nor handed to a reader) again
        if data is None:
            os.lseek(fd, 0, os.SEEK_SET)
            data = _read_all(fd, f.size)
    except OSError as exc:
        return _Examined(Refusal(f.source_path, f.size, f"cannot be read: {exc.strerror or exc}", "unreadable"))
    finally:
        os.close(fd)
    sha = hashlib.sha256(data).hexdigest()
    if previous is not None and previous[2] == sha and previous[3] == url:
        return _Examined(touched=edge)  # touched, not changed: remember the new mtime and edge hash only
    read = read_document(data, f.source_path, options.reader_limits)
    if read.refusal:
        reason, category = read.refusal
        return _Examined(Refusal(f.source_path, len(data), reason, category, f.mtime_ns, edge))
    if read.text is not None and not read.text.strip(_NO_TEXT) and not _needs_ocr(read):
        # blanks, a byte-order mark, a character cut in its first bytes: an empty file in all but size
        return _Examined(Refusal(f.source_path, len(data), "no text: blank characters only", "empty", f.mtime_ns, edge))
    if previous is not None and (unread := _never_parsed(read, options)):
        # a stored document's file that now holds what the parse cannot read (a scan without a text
        # layer, a text over the parse budget) would lose every figure it held: refused, and kept
        return _Examined(Refusal(f.source_path, len(data), *unread, f.mtime_ns, edge))
    return _Examined(row=(f.report_id, f.source_path, sha, edge, len(data), f.mtime_ns, read.encoding, read.decoded_how,
                          read.reader, read.text, url, now),
                     changed=previous is not None, encoding=read.encoding or read.reader or "unknown")


def _needs_ocr(read: _Read) -> bool:
    """A scan without a text layer (read_document records it in ``decoded_how``)."""
    from ..parse.attachments import STATUS_NEEDS_OCR

    return (read.decoded_how or "").startswith(STATUS_NEEDS_OCR)


def _never_parsed(read: _Read, options: IngestOptions) -> tuple[str, str] | None:
    """(reason, category) when the parse would read nothing of this text, else None."""
    from ..parse.text.blanks import folded_blanks

    if _needs_ocr(read):
        return f"needs OCR ({read.decoded_how.split(':', 1)[-1].strip() or 'no text layer'}): the parse reads no text of it", "needs OCR"
    if len(folded_blanks(read.text or "", options.parse_max_chars)) > options.parse_max_chars:
        return (f"over the parse budget of {options.parse_max_chars:,} characters (GOVINFO_PARSE_MAX_CHARS): "
                "never parsed", "over the parse budget")
    return None


def _unless_cut_short(con, shrunk: list[tuple[RawFile, _Examined]]) -> list[tuple[RawFile, _Examined]]:
    """Changed files smaller than their stored version, each as it is or refused as cut short.

    A file whose text is the beginning of its stored text, short of what followed, was cut short (an
    interrupted copy, download or write): it is bad input, not the document's new content, so the
    stored whole keeps its place until the file is whole again or removed. Any other edit, shorter
    or not, is the document's new content. The stored texts are read in one query for the batch: a
    text read by its id alone costs a scan of the column (14 ms at 10,000 documents).
    """
    if not shrunk:
        return []
    stored = dict(con.execute("select report_id, text from staging.documents where report_id in (select unnest(?::varchar[]))",
                              [[f.report_id for f, _ in shrunk]]).fetchall())
    judged = []
    for f, found in shrunk:
        report_id, source_path, _, edge, size, mtime_ns = found.row[:6]
        head = found.row[9].rstrip().rstrip("\ufffd").rstrip()  # a cut inside a character decodes to U+FFFD
        whole = stored.get(report_id) or ""
        if head and whole.startswith(head) and whole[len(head):].strip():
            found = _Examined(Refusal(source_path, size, f"cut short: its text is the first {len(head):,} of the "
                                      f"{len(whole):,} characters of its stored version (an interrupted copy or "
                                      f"download?)", "cut short", mtime_ns, edge))
        judged.append((f, found))
    return judged


def _record(con, f: RawFile, examined: _Examined, summary: IngestSummary):
    """Count what _examine found (and remember a touched file's new state): None when unchanged,
    the document's row when new or changed, or the Refusal."""
    if examined.refusal is not None:
        return examined.refusal
    if examined.unchanged:
        summary.unchanged += 1
        return None
    if examined.touched is not None:
        summary.unchanged += 1
        con.execute("update staging.documents set mtime_ns = ?, edge_sha256 = ? where report_id = ?",
                    [f.mtime_ns, examined.touched, f.report_id])
        return None
    summary.bytes_read += examined.row[4]
    summary.encodings[examined.encoding] = summary.encodings.get(examined.encoding, 0) + 1
    if examined.changed:
        summary.changed += 1
    else:
        summary.new += 1
    return examined.row

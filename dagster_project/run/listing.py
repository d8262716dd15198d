"""The raw folder as ``stat`` sees it, kept beside the published warehouse: a run with nothing changed
is decided by one walk of ``lstat`` calls and one file read, without opening a document or DuckDB.

A listing holds, for every entry the ingest walk would look at (hidden names and the bookkeeping
files aside), its path below the raw folder and its mode, size, mtime, ctime, device and inode (for a
symbolic link, those of its target and the target's real path too). The ctime moves on every write
and cannot be set back, so an edit that restores the mtime still shows.

The file ``<warehouse>.files`` stores the listing taken at the start of the run that built the
published warehouse, with what it is only valid for: the published file's own device, inode, size
and mtime (a file replaced or written in place no longer matches), the parser and dbt digests, the
ingest options and a digest of what ingest reads off the fetch provenance log (each stored file's
URL and agency: a fetch that brought nothing new leaves it as it was). It is a cache: when it is
missing, stale or unreadable, the run falls back to comparing the folder with ``staging.documents``
by content (``unchanged.check_unchanged``), so deleting it is always safe. It is written with a temporary file
and a rename after the warehouse is published, so it never describes a warehouse it was not made for.
"""
from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

SUFFIX = ".files"
FORMAT = 2
# A record is ``<path bytes>\0<ascii stat fields>\0``: a path can hold any byte but NUL.
SEP = b"\0"


def listing_path(published: Path) -> Path:
    return published.with_name(published.name + SUFFIX)


@dataclass(frozen=True)
class Listing:
    """The stat state of a raw folder: ``body`` (the records, sorted by path) and what it depends on."""

    body: bytes
    context: dict

    def entries(self) -> dict[bytes, bytes]:
        parts = self.body.split(SEP)
        return dict(zip(parts[0:-1:2], parts[1::2]))


def _stat_fields(st: os.stat_result) -> str:
    return f"{st.st_mode:o} {st.st_size} {st.st_mtime_ns} {st.st_ctime_ns} {st.st_dev} {st.st_ino}"


def _entry_fields(path: bytes, lst: os.stat_result) -> str:
    fields = _stat_fields(lst)
    if stat.S_ISLNK(lst.st_mode):  # what the link leads to decides what ingest reads
        try:
            fields += " -> " + _stat_fields(os.stat(path)) + " " + os.path.realpath(path).hex()
        except OSError as exc:
            fields += f" -> error {exc.errno}"
    return fields


def walk_stats(raw_dir: Path, skip: frozenset[bytes]) -> bytes:
    """The records of every non-hidden entry under ``raw_dir`` except ``skip`` (paths relative to it),
    sorted by path. Folders are entered, not recorded: an added or removed file shows by itself."""
    root = os.path.realpath(os.fsencode(raw_dir))
    records: list[tuple[bytes, str]] = []
    pending = [b""]
    while pending:
        rel_dir = pending.pop()
        folder = root + b"/" + rel_dir if rel_dir else root
        try:
            with os.scandir(folder) as it:
                for entry in it:
                    name = entry.name
                    if name[:1] == b".":
                        continue
                    rel = rel_dir + b"/" + name if rel_dir else name
                    if rel in skip:
                        continue
                    try:
                        lst = entry.stat(follow_symlinks=False)
                    except OSError as exc:
                        records.append((rel, f"error {exc.errno}"))
                        continue
                    if stat.S_ISDIR(lst.st_mode):
                        pending.append(rel)
                    else:
                        records.append((rel, _entry_fields(entry.path, lst)))
        except OSError as exc:
            records.append((rel_dir + b"/", f"error {exc.errno}"))
    records.sort()
    return b"".join(rel + SEP + fields.encode() + SEP for rel, fields in records)


def _file_state(path: Path) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns]


def _provenance_digest(raw_dir: Path) -> str | None:
    """What ingest reads off the fetch provenance log (each stored file's URL and agency), as a
    digest: lines the fetch appends for URLs that brought nothing new leave it as it was."""
    from ..fetch.provenance import FETCH_SUBDIR
    from ..fetch.provenance_index import ingest_digest

    return ingest_digest(Path(raw_dir) / FETCH_SUBDIR)


def take(settings, parser: str, models: str) -> Listing:
    """The listing of ``settings.raw_dir`` now, with the context it is valid in."""
    from ..assets.ingest_options import ingest_options

    options = ingest_options(settings)
    context = {
        "format": FORMAT,
        "raw_dir": os.path.realpath(settings.raw_dir),
        "parser": parser,
        "models": models,
        "skip": sorted(name.hex() for name in options.skip),
        "max_file_bytes": options.max_file_bytes,
        "parse_max_chars": options.parse_max_chars,
        "provenance_log": _provenance_digest(settings.raw_dir),
    }
    return Listing(walk_stats(settings.raw_dir, options.skip), context)


def save(published: Path, listing: Listing) -> None:
    """Store ``listing`` as the one the published warehouse was built from (call after publishing)."""
    target = listing_path(published)
    header = json.dumps({**listing.context, "warehouse": _file_state(published)}, sort_keys=True).encode()
    temporary = target.with_name(f".{target.name}.{os.getpid()}")
    temporary.write_bytes(header + b"\n" + listing.body)
    os.replace(temporary, target)


def forget(published: Path) -> None:
    listing_path(published).unlink(missing_ok=True)


def stored_listing(published: Path) -> Listing | None:
    """The listing stored with ``published`` (its context without the file state), or None when there
    is none, it cannot be read, or it was made for another warehouse file or before the published
    file was last written."""
    try:
        header, _, body = listing_path(published).read_bytes().partition(b"\n")
        context = json.loads(header)
    except (OSError, ValueError):
        return None
    if context.pop("warehouse", None) != _file_state(published):
        return None
    return Listing(body, context)


def compare(published: Path, current: Listing) -> tuple[bool, str, list[bytes]] | None:
    """(unchanged, reason, restated) from the stored listing, or None when there is no valid one.

    ``restated`` lists the regular files whose stat moved when nothing else differs (no file added
    or removed): their content decides whether anything changed."""
    stored = stored_listing(published)
    if stored is None:
        return None
    body, context = stored.body, stored.context
    if context.get("format") != FORMAT or context.get("raw_dir") != current.context["raw_dir"]:
        return None
    if context.get("parser") != current.context["parser"]:
        return False, f"parser {context.get('parser')} → {current.context['parser']}", []
    if context.get("models") != current.context["models"]:
        return False, "dbt models, seeds, macros or expectations changed", []
    if {**context, "provenance_log": None} != {**current.context, "provenance_log": None}:
        return False, "ingest options changed", []
    # (a new fetched file names its URL in the log too: the file is the better reason to give)
    log_moved = (False, "the fetch provenance log names another URL or agency for a stored file", []) \
        if context.get("provenance_log") != current.context.get("provenance_log") else None
    if body == current.body:
        return log_moved or (True, "documents (size, mtime, ctime, inode), parser, dbt project and expectations as built", [])
    before, now = Listing(body, context).entries(), current.entries()
    shown = lambda rel: rel.decode("utf-8", "backslashreplace")  # noqa: E731
    added = sorted(set(now) - set(before))
    removed = len(set(before) - set(now))
    restated = sorted(rel for rel in now if rel in before and now[rel] != before[rel])
    if added or removed:
        # every kind said: the one line a person reads to know why the run builds (a new file named alone hid 8 removed)
        said = []
        if added:
            said.append(f"new file {shown(added[0])}" + (f" and {len(added) - 1} more" if len(added) > 1 else ""))
        if removed:
            said.append(f"{removed} file{'' if removed == 1 else 's'} removed")
        if restated:
            said.append(f"{len(restated)} known file{'' if len(restated) == 1 else 's'} touched or changed "
                        f"({shown(restated[0])}{', …' if len(restated) > 1 else ''})")
        return False, "; ".join(said), []
    if log_moved:
        return log_moved
    irregular = [rel for rel in restated if not (_regular(now[rel]) and _regular(before[rel]))]
    more = f" and {len(restated) - 1} more" if len(restated) > 1 else ""
    if irregular:
        return False, f"changed file {shown(irregular[0])}{more}", []
    return False, f"changed file {shown(restated[0])}{more}", restated


def _regular(fields: bytes) -> bool:
    return stat.S_ISREG(int(fields.split(b" ", 1)[0], 8)) if fields[:1].isdigit() else False


# -- files ingest may trust unchanged ----------------------------------------------------------------
# The ingest context of a listing: what decides how a file is read and which documents row it is
# compared with. The parser and dbt digests do not change what ingest stores.
INGEST_CONTEXT = ("format", "raw_dir", "skip", "max_file_bytes", "parse_max_chars", "provenance_log")


def unchanged_records(published: Path, current: Listing) -> bytes | None:
    """The records of ``current`` that equal those of the listing stored with ``published`` (regular
    files only), or None when there is no listing valid for that file and for how ingest reads.

    Such a file has not been written since the listing was taken at the start of the run that built
    ``published``; that run read it after, so the stored document is the file as it is now. Ingest
    takes these files as unchanged without opening them (a change run over 100,000 reports read the
    first and last 64 KiB of every one of them)."""
    stored = stored_listing(published)
    if stored is None or any(stored.context.get(key) != current.context.get(key) for key in INGEST_CONTEXT):
        return None
    before = stored.entries()
    kept = [rel + SEP + fields + SEP for rel, fields in current.entries().items()
            if before.get(rel) == fields and _regular(fields)]  # lstat's mode: a link is not regular
    return b"".join(kept)


def write_unchanged(published: Path, current: Listing | None, target: Path) -> Path | None:
    """:func:`unchanged_records` written to ``target`` (for the run's ingest), or None when there are none."""
    records = unchanged_records(published, current) if current is not None else None
    if not records:
        target.unlink(missing_ok=True)
        return None
    temporary = target.with_name(f".{target.name}.{os.getpid()}")
    temporary.write_bytes(records)
    os.replace(temporary, target)
    return target


def read_unchanged(path: Path) -> dict[bytes, tuple[int, int, int, int]]:
    """The records of :func:`write_unchanged` as ``path → (size, mtime_ns, device, inode)``."""
    entries = Listing(path.read_bytes(), {}).entries()
    unchanged = {}
    for rel, fields in entries.items():
        _mode, size, mtime, _ctime, dev, ino = fields.split(b" ")
        unchanged[rel] = (int(size), int(mtime), int(dev), int(ino))
    return unchanged

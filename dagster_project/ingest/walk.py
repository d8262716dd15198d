"""Which files under the raw folder may be read: regular files whose real path is inside it.

The walk never follows a link out of the folder and never opens anything but a regular file: a
link to ``/etc/shadow``, a dangling or looping link, a link to a folder, a fifo, a socket or a
device is refused with a reason and never read. Names are handled as bytes, so a name that is not
UTF-8 neither crashes the walk nor loses the file: its id is the hash of its bytes and it is shown
with the undecodable bytes escaped (``bad_\\xff.txt``).
"""
from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..fetch.provenance import FETCH_SUBDIR, LOG_NAME

# Bookkeeping that lives in the raw folder but is no document: the fetch manifest and the fetch
# store's attempt log (the store's temporary files are hidden, ``.tmp-*``).
BOOKKEEPING = frozenset({b"sources.csv", f"{FETCH_SUBDIR}/{LOG_NAME}".encode()})


# control characters in a name (a newline, a tab) escaped as \xNN: a name cannot break or forge a log line
_CONTROL_ESCAPES = {c: f"\\x{c:02x}" for c in [*range(32), 127]}


def display_path(rel: bytes) -> str:
    """A path to show and store: the name itself when it is UTF-8, else with bytes escaped; control
    characters escaped either way."""
    return rel.decode("utf-8", "backslashreplace").translate(_CONTROL_ESCAPES)


def report_id_for(source_path: str | bytes) -> str:
    """Stable id of a document: the hash of its path's bytes below the raw folder (a changed
    document keeps its id; a name that is not UTF-8 has one too)."""
    raw = source_path if isinstance(source_path, bytes) else os.fsencode(source_path)
    return hashlib.sha256(raw).hexdigest()[:16]


@dataclass(frozen=True)
class RawFile:
    """A regular file that may be read: ``real`` is the path to open (inside the raw folder)."""

    rel: bytes
    real: bytes
    size: int
    mtime_ns: int
    dev: int
    ino: int

    # computed once: the ingest scan asks for each file's id and path several times
    @cached_property
    def source_path(self) -> str:
        return display_path(self.rel)

    @cached_property
    def report_id(self) -> str:
        return report_id_for(self.rel)


@dataclass(frozen=True)
class Refusal:
    """A file that is not ingested, and why. ``category`` groups refusals in summaries."""

    source_path: str
    size_bytes: int | None
    reason: str
    category: str
    mtime_ns: int | None = None  # with edge_sha256: the file's state when its content was refused
    edge_sha256: str | None = None


_SPECIAL = ((stat.S_ISFIFO, "a fifo"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
            (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"))


def _special_kind(mode: int) -> str:
    for test, name in _SPECIAL:
        if test(mode):
            return name
    return "not a regular file"


def _inside(real: bytes, root: bytes) -> bool:
    return real == root or real.startswith(root.rstrip(b"/") + b"/")


# the fetch store writes a document to a temporary hidden file beside it, then renames it
_FETCH_FOLDER = FETCH_SUBDIR.encode() + b"/"
_STORE_TEMPORARY = b".tmp-"


def _hidden(rel: bytes, entry: os.DirEntry) -> Refusal:
    """A hidden file or folder (.DS_Store, .git, a report saved as .x.html): named, never read, so that
    nothing under the raw folder is left out without a word."""
    try:
        folder = entry.is_dir(follow_symlinks=False)
    except OSError:
        folder = False
    what = "hidden folder (its name starts with a dot): nothing in it is read" if folder else \
        "hidden file (its name starts with a dot): not read"
    return Refusal(display_path(rel) + ("/" if folder else ""), None, what + "; rename it to ingest it", "hidden")


def walk_raw(raw_dir: Path, skip: frozenset[bytes] = BOOKKEEPING) -> tuple[list[RawFile], list[Refusal]]:
    """Every file under ``raw_dir`` (bookkeeping aside), sorted by path: those that may be read, and
    those refused with the reason (hidden files and folders among them). Only ``lstat``/``stat``
    calls: nothing is opened."""
    root = os.path.realpath(os.fsencode(raw_dir))
    files: list[RawFile] = []
    refused: list[Refusal] = []
    pending = [b""]
    while pending:
        rel_dir = pending.pop()
        try:
            with os.scandir(os.path.join(root, rel_dir) if rel_dir else root) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            refused.append(Refusal(display_path(rel_dir) + "/", None, f"folder cannot be listed: {exc.strerror}",
                                   "unreadable"))
            continue
        subdirs = []
        for entry in entries:
            name = entry.name
            rel = rel_dir + b"/" + name if rel_dir else name
            if name.startswith(b"."):
                if not (name.startswith(_STORE_TEMPORARY) and rel.startswith(_FETCH_FOLDER)):
                    refused.append(_hidden(rel, entry))
                continue
            if rel in skip:
                continue
            outcome = _classify(root, rel, entry)
            if outcome == "dir":
                subdirs.append(rel)
            elif isinstance(outcome, RawFile):
                files.append(outcome)
            elif outcome is not None:
                refused.append(outcome)
        pending.extend(reversed(subdirs))
    files.sort(key=lambda f: f.rel)
    return files, refused


def _classify(root: bytes, rel: bytes, entry: os.DirEntry) -> RawFile | Refusal | str | None:
    path = os.path.join(root, rel)
    shown = display_path(rel)
    try:
        lst = entry.stat(follow_symlinks=False)
    except OSError as exc:
        return Refusal(shown, None, f"cannot be read: {exc.strerror}", "unreadable")
    if stat.S_ISDIR(lst.st_mode):
        return "dir"
    real = path
    st = lst
    if stat.S_ISLNK(lst.st_mode):
        try:
            st = os.stat(path)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return Refusal(shown, None, "symbolic link loop: never read", "link loop")
            if exc.errno == errno.ENOENT:
                return Refusal(shown, None, "dangling symbolic link (its target does not exist): never read",
                               "dangling link")
            return Refusal(shown, None, f"symbolic link that cannot be followed: {exc.strerror}", "unreadable")
        real = os.path.realpath(path)
        if not _inside(real, root):
            return Refusal(shown, None, "symbolic link to a path outside the raw folder: never read",
                           "link outside raw")
        if stat.S_ISDIR(st.st_mode):
            return Refusal(shown, None, "symbolic link to a folder: not followed", "link to folder")
    if not stat.S_ISREG(st.st_mode):
        return Refusal(shown, None, f"{_special_kind(st.st_mode)}, not a regular file: never read", "not a regular file")
    return RawFile(rel, real, st.st_size, st.st_mtime_ns, st.st_dev, st.st_ino)


def open_checked(f: RawFile) -> int:
    """A read-only descriptor of the file the walk saw, or OSError. The final component is not
    followed and the descriptor must still be that regular file (same device and inode), so a file
    swapped for a link or a fifo between walk and read is not read."""
    fd = os.open(f.real, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or (st.st_dev, st.st_ino) != (f.dev, f.ino):
            raise OSError(errno.ESTALE, "the file changed between listing and reading")
    except BaseException:
        os.close(fd)
        raise
    return fd

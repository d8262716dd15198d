"""Content-addressed raw store: `<fetch_dir>/<sha[:2]>/<sha256><ext>`, written once, never touched again.

The file name is derived only from the bytes and a fixed extension table, so nothing a URL or a
server says (`../`, absolute paths, odd characters) can reach a filesystem path.
"""
from __future__ import annotations

import errno
import hashlib
import os
import re
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

EXTENSIONS = (".html", ".txt", ".pdf", ".bin")
_SHA256 = re.compile(r"[0-9a-f]{64}")

_BY_CONTENT_TYPE = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "application/pdf": ".pdf",
    "application/x-pdf": ".pdf",
}
# Types that say nothing about the bytes; Chinese CMSes serve PDFs as these all the time.
_GENERIC_TYPES = {"", "application/octet-stream", "application/x-download", "application/download",
                  "application/force-download", "binary/octet-stream"}

_write_lock = threading.Lock()


@dataclass(frozen=True)
class Blob:
    sha256: str
    path: Path
    size: int
    created: bool  # False: the bytes were already stored and nothing was written


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _sniff(data: bytes) -> str:
    head = data[:1024].lstrip().lower()
    if data.startswith(b"%PDF-"):
        return ".pdf"
    if head.startswith(b"<!doctype html") or b"<html" in head:
        return ".html"
    return ".bin"


def extension_for(content_type: str, data: bytes) -> str:
    content_type = (content_type or "").split(";")[0].strip().lower()
    if content_type in _GENERIC_TYPES:
        return _sniff(data)
    return _BY_CONTENT_TYPE.get(content_type, ".bin")


def blob_path(fetch_dir: Path, sha256: str, ext: str) -> Path:
    if not _SHA256.fullmatch(sha256) or ext not in EXTENSIONS:
        raise ValueError(f"not a store name: {sha256!r}{ext!r}")
    return Path(fetch_dir) / sha256[:2] / f"{sha256}{ext}"


def find_blob(fetch_dir: Path, sha256: str) -> Path | None:
    """The stored file with these bytes, whatever extension it was first stored under."""
    if not _SHA256.fullmatch(sha256 or ""):
        return None
    for ext in EXTENSIONS:
        candidate = blob_path(fetch_dir, sha256, ext)
        if candidate.is_file():
            return candidate
    return None


def put_blob(fetch_dir: Path, data: bytes, ext: str) -> Blob:
    """Store `data` unless identical bytes are already there; an existing file is never opened for writing."""
    sha = sha256_hex(data)
    target = blob_path(fetch_dir, sha, ext)
    with _write_lock:
        existing = find_blob(fetch_dir, sha)
        if existing is not None:
            return Blob(sha, existing, len(data), created=False)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=ext)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp_name, 0o444)  # stored evidence is read-only
            _publish(tmp_name, target)
        finally:
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)
        _fsync_dir(target.parent)
    return Blob(sha, target, len(data), created=True)


def _publish(tmp_name: str, target: Path) -> None:
    # link() refuses to replace an existing name, which also holds against another process;
    # os.replace is the fallback for filesystems without hard links (checked just before, under the lock).
    try:
        os.link(tmp_name, target)
    except FileExistsError:
        return
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
        if not target.exists():
            os.replace(tmp_name, target)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

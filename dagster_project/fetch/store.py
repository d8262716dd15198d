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
from urllib.parse import urlsplit

from ..durable import fsync

EXTENSIONS = (".html", ".txt", ".pdf", ".doc", ".docx", ".wps", ".rtf", ".xls", ".xlsx", ".ofd", ".bin")
_SHA256 = re.compile(r"[0-9a-f]{64}")

_BY_CONTENT_TYPE = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "application/pdf": ".pdf",
    "application/x-pdf": ".pdf",
    "application/msword": ".doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.ms-works": ".wps",
    "application/kswps": ".wps",
    "application/vnd.ms-excel": ".xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/ofd": ".ofd",
    "application/rtf": ".rtf",
    "text/rtf": ".rtf",
}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
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


def _sniff(data: bytes, url_ext: str | None) -> str:
    head = data[:1024].lstrip().lower()
    if data.startswith(b"%PDF-"):
        return ".pdf"
    if head.startswith(b"<!doctype html") or b"<html" in head:
        return ".html"
    # Office files are zip (docx, xlsx, ofd) or OLE (doc, wps, xls) containers: the bytes say which
    # family, the link's extension which member of a zip, an OLE file's streams which of it
    if data.startswith(b"PK\x03\x04"):
        if url_ext in (".docx", ".xlsx", ".ofd"):
            return url_ext
        return ".docx" if b"word/" in data[:4096] else ".xlsx" if b"xl/" in data[:4096] else ".bin"
    if data.startswith(_OLE):
        from ..ingest.sniff import ole_kind

        return "." + ole_kind(data, url_ext or "")
    if data.startswith(b"{\\rtf"):
        return ".rtf"
    return ".bin"


def extension_for(content_type: str, data: bytes, url: str | None = None) -> str:
    """The store extension of fetched bytes: by a specific content type, else by the bytes and the URL."""
    content_type = (content_type or "").split(";")[0].strip().lower()
    url_ext = None
    if url:
        path = urlsplit(url).path.lower()
        url_ext = next((e for e in EXTENSIONS if e != ".bin" and path.endswith(e)), None)
    if content_type in _GENERIC_TYPES:
        return _sniff(data, url_ext)
    ext = _BY_CONTENT_TYPE.get(content_type)
    if ext is None:
        sniffed = _sniff(data, url_ext)  # text/plain on a PDF, application/zip on a .docx: trust the bytes
        return sniffed if sniffed != ".bin" else ".bin"
    if ext in (".html", ".txt") and (data.startswith(b"%PDF-") or data.startswith(b"PK\x03\x04") or data.startswith(_OLE)):
        return _sniff(data, url_ext)
    return ext


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
        fsync(target.parent, best_effort=True)
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



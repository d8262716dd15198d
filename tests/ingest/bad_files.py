"""A reusable set of files that must never become reports: the raw store's torture kit.

``make_bad_files(raw_dir, outside_dir, count=100)`` writes ``count`` files of every bad kind into
``raw_dir/bad/`` (random bytes, archives, images, executables, a broken PDF named .txt, empty and
NUL-filled files, links out of the folder, dangling and looping links, a fifo, a name that is not
UTF-8, …) and returns one :class:`BadFile` per file saying what the warehouse must do with it.
Links point at files in ``outside_dir`` holding :data:`OUTSIDE_MARKER`: no byte of them may reach
the warehouse. Deterministic for a given ``seed``. Used by tests/ingest and scripts/break_warehouse.py.
"""
from __future__ import annotations

import bz2
import gzip
import io
import lzma
import os
import random
import struct
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

OUTSIDE_MARKER = "OUTSIDE-THE-RAW-FOLDER-7f3a9c"
REFUSED = "refused"  # a row of refused_documents, nothing in documents
INGESTED_NOT_REPORT = "ingested, not a report"  # decodable text that is no annual report


@dataclass(frozen=True)
class BadFile:
    name: bytes  # path below raw_dir, as bytes (one name is not UTF-8)
    kind: str
    expect: str  # REFUSED or INGESTED_NOT_REPORT


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _tar(rng: random.Random) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tf:
        data = rng.randbytes(300)
        info = tarfile.TarInfo("report.txt")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def _elf(rng: random.Random) -> bytes:
    header = b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + struct.pack("<HHI", 2, 0x3E, 1)
    return header + rng.randbytes(2000)


def _pe(rng: random.Random) -> bytes:
    return b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 44 + rng.randbytes(2000)


_TEXT = "这是一段不是年度报告的说明文字，没有任何数字表格。"

# kind -> (file name suffix, content maker, expectation)
_CONTENT = {
    "random": (".txt", lambda r: r.randbytes(r.randrange(200, 20000)), REFUSED),
    "zip": (".txt", lambda r: _zip({"a.txt": r.randbytes(500)}), REFUSED),
    "zip-not-office": (".docx", lambda r: _zip({"content.xml": b"<x/>"}), REFUSED),
    "truncated-zip": (".zip", lambda r: _zip({"a.txt": r.randbytes(5000)})[:700], REFUSED),
    "gzip": (".html", lambda r: gzip.compress(_TEXT.encode() * 20), REFUSED),
    "bzip2": (".txt", lambda r: bz2.compress(r.randbytes(500)), REFUSED),
    "xz": (".txt", lambda r: lzma.compress(r.randbytes(500)), REFUSED),
    "7z": (".txt", lambda r: b"7z\xbc\xaf\x27\x1c\x00\x04" + r.randbytes(500), REFUSED),
    "rar": (".html", lambda r: b"Rar!\x1a\x07\x01\x00" + r.randbytes(500), REFUSED),
    "tar": (".txt", _tar, REFUSED),
    "png": (".txt", lambda r: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + r.randbytes(800), REFUSED),
    "jpeg": (".html", lambda r: b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + r.randbytes(800), REFUSED),
    "gif": (".txt", lambda r: b"GIF89a" + r.randbytes(400), REFUSED),
    "elf": (".txt", _elf, REFUSED),
    "pe": (".html", _pe, REFUSED),
    "pdf-broken-as-txt": (".txt", lambda r: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + r.randbytes(1500), REFUSED),
    "ole2-garbage": (".doc", lambda r: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + r.randbytes(1500), REFUSED),
    "empty": (".txt", lambda r: b"", REFUSED),
    "nul-filled": (".txt", lambda r: b"\x00" * r.randrange(100, 10000), REFUSED),
    "control-chars": (".txt", lambda r: bytes(r.choice(b"\x01\x02\x03\x04\x05\x06\x0e\x0f\x10") for _ in range(3000)),
                      REFUSED),
    "high-bytes": (".txt", lambda r: bytes(r.choice(b"\x80\x81\xff\xfe\xa0") for _ in range(3000)), REFUSED),
    "utf-32-text": (".txt", lambda r: (_TEXT * 5).encode("utf-32"), INGESTED_NOT_REPORT),
    "utf-16-text": (".txt", lambda r: (_TEXT * 5).encode("utf-16"), INGESTED_NOT_REPORT),
}
_LINKS = ("link-outside", "link-outside-dir", "dangling-link", "link-loop", "fifo", "non-utf8-name")
KINDS = tuple(_CONTENT) + _LINKS


def _outside_files(outside_dir: Path) -> tuple[Path, Path]:
    outside_dir.mkdir(parents=True, exist_ok=True)
    secret = outside_dir / "secret.txt"
    secret.write_text(
        f"{OUTSIDE_MARKER}\n2023年政府信息公开工作年度报告\n一、总体情况\n本年度主动公开政府信息123条。\n", encoding="utf-8")
    folder = outside_dir / "folder"
    folder.mkdir(exist_ok=True)
    (folder / "inside.txt").write_text(OUTSIDE_MARKER, encoding="utf-8")
    return secret, folder


def make_bad_files(raw_dir: Path, outside_dir: Path, count: int = 100, seed: int = 0) -> list[BadFile]:
    """Write ``count`` bad files (every kind at least once when count >= len(KINDS)) under
    ``raw_dir/bad/``; return what each one is and what the warehouse must make of it."""
    rng = random.Random(seed)
    secret, folder = _outside_files(Path(outside_dir))
    bad_dir = os.fsencode(Path(raw_dir) / "bad")
    os.makedirs(bad_dir, exist_ok=True)
    made: list[BadFile] = []
    for i in range(count):
        kind = KINDS[i % len(KINDS)]
        stem = f"bad/{i:03d}_{kind}".encode()
        if kind in _CONTENT:
            suffix, content, expect = _CONTENT[kind]
            name = stem + suffix.encode()
            with open(os.path.join(os.fsencode(raw_dir), name), "wb") as handle:
                handle.write(content(rng))
            made.append(BadFile(name, kind, expect))
            continue
        path_of = lambda n: os.path.join(os.fsencode(raw_dir), n)  # noqa: E731
        if kind == "link-outside":
            name = stem + b".txt"
            os.symlink(os.fsencode(secret), path_of(name))
        elif kind == "link-outside-dir":
            name = stem
            os.symlink(os.fsencode(folder), path_of(name))
        elif kind == "dangling-link":
            name = stem + b".html"
            os.symlink(b"/nonexistent/" + stem.replace(b"/", b"_"), path_of(name))
        elif kind == "link-loop":
            name = stem + b".txt"
            os.symlink(os.path.basename(name), path_of(name))  # points at itself
        elif kind == "fifo":
            name = stem + b".txt"
            os.mkfifo(path_of(name))
        else:  # non-utf8-name: a raw byte in the name, random content (refused for its bytes)
            name = stem + b"_\xff\xfe.txt"
            with open(path_of(name), "wb") as handle:
                handle.write(rng.randbytes(1000))
        made.append(BadFile(name, kind, REFUSED))
    return made

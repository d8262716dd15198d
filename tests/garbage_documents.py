"""Files that are not text: random bytes, compressed archives, images, executables, PDFs read as
bytes, empty files. Generated from a fixed seed, so every run sees the same 100 documents."""
from __future__ import annotations

import bz2
import gzip
import io
import lzma
import random
import zipfile
import zlib


def _zip(body: bytes, index: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"report{index}.txt", body)
    return buffer.getvalue()


def garbage_documents(report_text: str, count: int = 100, seed: int = 8) -> list[tuple[str, bytes]]:
    """``count`` (name, bytes) pairs; the compressed ones hold ``report_text`` (a real report)."""
    rng = random.Random(seed)
    body = report_text.encode("utf-8")
    makers = [
        ("random.html", lambda i: rng.randbytes(rng.randint(200, 20000))),
        ("gzip.txt", lambda i: gzip.compress(body + rng.randbytes(i))),
        ("zlib.txt", lambda i: zlib.compress(body + rng.randbytes(i))),
        ("bz2.html", lambda i: bz2.compress(body + rng.randbytes(i))),
        ("xz.txt", lambda i: lzma.compress(body + rng.randbytes(i))),
        ("zip.html", lambda i: _zip(body, i)),
        ("png.html", lambda i: b"\x89PNG\r\n\x1a\n" + rng.randbytes(rng.randint(500, 5000))),
        ("pdf.txt", lambda i: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n"
                              + zlib.compress(body + rng.randbytes(i)) + b"\nendstream\nendobj\n%%EOF\n"),
        ("elf.txt", lambda i: b"\x7fELF\x02\x01\x01" + bytes(9) + rng.randbytes(rng.randint(500, 5000))),
        ("empty.txt", lambda i: b"" if i % 2 else b" \n\t\n"),
        # byte pairs in the GB18030 double-byte range: decodes to valid but meaningless hanzi
        ("gb_pairs.txt", lambda i: bytes(rng.randint(0x81, 0xFE) if k % 2 == 0 else rng.randint(0x40, 0xFE)
                                         for k in range(rng.randint(400, 4000)))),
        ("passwd.txt", lambda i: "".join(f"user{k}:x:{1000 + k}:{1000 + k}::/home/user{k}:/bin/sh\n"
                                         for k in range(rng.randint(5, 40))).encode()),
    ]
    documents = []
    for index in range(count):
        kind, make = makers[index % len(makers)]
        documents.append((f"{index:03d}_{kind}", make(index)))
    return documents

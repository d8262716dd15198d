"""Legacy Word (.doc) and WPS (.wps) files.

Both are OLE compound files with no maintained pure-Python reader; the converters that read them
(LibreOffice, antiword) are not part of this project's install, so such a file is refused with the
reason and listed in ``refused_documents`` rather than read wrongly.
"""
from __future__ import annotations

from ..attachments import ReaderResult, refused

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_legacy_word(data: bytes, kind: str, name: str) -> ReaderResult:
    if data.startswith(b"PK\x03\x04"):
        # a .doc/.wps name on an OOXML body (common when sites rename files): read it as .docx
        from .docx_reader import read_docx

        return read_docx(data, name)
    what = "legacy Word format" if data.startswith(OLE_MAGIC) else f"not a Word file despite its .{kind} name"
    return refused(kind, f"{name}: {what}; no converter installed")

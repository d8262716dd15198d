"""Legacy Word (.doc) and WPS (.wps) files.

Both are OLE compound files. A Word 97-2003 document (and a .wps that WPS Office saved in Word's
binary format) has a ``WordDocument`` stream, read by ``doc_binary``: paragraphs become lines and a
table row one line of cells joined by `` | ``, as the .docx reader gives them. Kingsoft's own WPS
format, Word 6/95 files and encrypted files are refused with the reason.
"""
from __future__ import annotations

import io

from ..attachments import STATUS_OK, ReaderResult, refused
from ..compound_file import cut_short, damage_reason
from ..pdf.cells import row_line
from .paragraphs import typed_text

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_legacy_word(data: bytes, kind: str, name: str) -> ReaderResult:
    if data.startswith(b"PK\x03\x04"):
        # a .doc/.wps name on an OOXML body (common when sites rename files): read it as .docx
        from .docx_reader import read_docx

        return read_docx(data, name)
    if not data.startswith(OLE_MAGIC):
        return refused(kind, f"{name}: not a Word file despite its .{kind} name")
    return _read_word_binary(data, kind, name)


def _read_word_binary(data: bytes, kind: str, name: str) -> ReaderResult:
    import olefile

    from .doc_binary import DocFormatError, doc_lines, table_stream_name

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if not ole.exists("WordDocument"):
                what = "Kingsoft WPS format" if kind == "wps" else "an OLE file without a Word document"
                return refused(kind, f"{name}: {what}; no reader for it")
            word = ole.openstream("WordDocument").read()
            stream = table_stream_name(word)
            table = ole.openstream(stream).read() if ole.exists(stream) else b""
            data_stream = ole.openstream("Data").read() if ole.exists("Data") else b""
    except (OSError, ValueError, IndexError) as exc:  # what olefile raises on a damaged compound file
        if cut_short(data):
            return refused(kind, damage_reason(data, kind, name, exc))
        return refused(kind, f"{name}: not a readable Word file ({type(exc).__name__}: {exc})")
    try:
        rows = doc_lines(word, table, data_stream)
    except (DocFormatError, IndexError, ValueError) as exc:  # struct.error is a ValueError
        reason = str(exc) if isinstance(exc, DocFormatError) else f"damaged Word file ({type(exc).__name__}: {exc})"
        return refused(kind, f"{name}: {reason}")
    lines = []
    for paragraph, cells in rows:
        if cells is None:
            lines.extend(line for line in (typed_text(part) for part in paragraph.split("\n")) if line)
        elif line := row_line(cells):
            lines.append(line)
    if not lines:
        return refused(kind, f"{name}: Word file with no text")
    return ReaderResult("\n".join(lines), kind, STATUS_OK, None)

"""Attachments (PDF, Word, spreadsheets) turned into text the report parser reads.

Agencies publish many annual reports as attachments rather than pages. Each reader turns one
attachment into the same flattening the text parser already reads: every table row is one line with
its cells joined by `` | ``, prose stays as paragraphs, and every page starts with a marker line
(see :data:`PAGE_MARKER`) so that figures can name the page they were printed on.

``read_attachment`` never raises on a bad file: it returns a :class:`ReaderResult` whose ``status``
says what happened ('ok', 'needs_ocr' for a PDF without a text layer, 'refused' for a format no
installed reader handles or a file the reader cannot open), with the reason. It lets MemoryError
through: memory is the caller's limit (the ingest reads each file in a child process under one,
``dagster_project.ingest.reader_process``).
"""
from __future__ import annotations

from dataclasses import dataclass

ATTACHMENT_KINDS: frozenset[str] = frozenset({"pdf", "docx", "doc", "wps", "rtf", "xlsx", "xls", "ofd"})

STATUS_OK = "ok"
STATUS_NEEDS_OCR = "needs_ocr"
STATUS_REFUSED = "refused"


@dataclass(frozen=True)
class ReaderResult:
    """The text of one attachment and how it was obtained."""

    text: str
    reader: str
    status: str
    reason: str | None = None
    note: str | None = None  # what the reader could not take from a file it read (shown in the report's warnings)
    # the limit a refused read ran into ("120 s", "2048 MB", "2000000 characters" or "reader server
    # ended"): the refusal is judged again once the limit is raised (ingest/refused.py)
    limit: str | None = None


def refused(reader: str, reason: str) -> ReaderResult:
    return ReaderResult("", reader, STATUS_REFUSED, reason)


def over_parse_budget(reader: str, name: str, max_chars: int) -> ReaderResult:
    """A file whose text runs past the parse budget: never parsed, so not kept; read again once the
    budget is raised."""
    reason = (f"{name}: not read: the {reader} reader's text runs past the parse budget of {max_chars:,} "
              f"characters (GOVINFO_PARSE_MAX_CHARS)")
    return ReaderResult("", reader, STATUS_REFUSED, reason, limit=f"{max_chars} characters")


def unpacked_too_large(data: bytes, max_xml_bytes: int, max_bytes: int) -> str | None:
    """Why a zip-based attachment (.docx, .xlsx) is too large to unpack, from the sizes its directory declares
    (zipfile never unpacks a part beyond its declared size), or None: a few hundred kilobytes of a zip can hold
    gigabytes of XML, and the readers build a tree of all of it."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            xml = sum(part.file_size for part in parts if _holds_xml(archive, part))
    except (zipfile.BadZipFile, ValueError, OSError):
        return None  # not a zip: the reader says what it is
    total = sum(part.file_size for part in parts)
    if xml > max_xml_bytes:
        return f"its XML unpacks to {xml:,} bytes, more than {max_xml_bytes:,} (GOVINFO_ATTACHMENTS_ZIP_MAX_XML_BYTES)"
    if total > max_bytes:
        return f"it unpacks to {total:,} bytes, more than {max_bytes:,} (GOVINFO_ATTACHMENTS_ZIP_MAX_UNPACKED_BYTES)"
    return None


# a part named otherwise (a sheet as xl/worksheets/sheet1.bin) is XML to a reader that follows the package's
# relationships to it: a large one is judged by its first bytes (an image or a printer's settings are not)
_XML_NAMES = (".xml", ".rels")
_PEEK_FROM_BYTES = 1024 * 1024
_XML_START = (b"<", b"\xef\xbb\xbf<", b"\xff\xfe<\x00", b"\xfe\xff\x00<")


def _holds_xml(archive, part) -> bool:
    if part.filename.endswith(_XML_NAMES):
        return True
    if part.file_size < _PEEK_FROM_BYTES or part.is_dir():
        return False
    try:
        with archive.open(part) as stream:
            head = stream.read(64).lstrip(b" \t\r\n")
    except Exception:  # a part that cannot be unpacked (encrypted, damaged) is read by no reader either
        return False
    return head.startswith(_XML_START)


def read_attachment(data: bytes, kind: str, source_path: str) -> ReaderResult:
    """Read one attachment of the given kind (one of :data:`ATTACHMENT_KINDS`)."""
    kind = (kind or "").lower().lstrip(".")
    name = source_path or "attachment"
    if kind not in ATTACHMENT_KINDS:
        return refused(kind or "unknown", f"{name}: not an attachment kind ({kind or 'none'})")
    if not data:
        return refused(kind, f"{name}: empty file")
    if kind in ("docx", "xlsx") or data.startswith(b"PK\x03\x04"):  # (a .doc name on a .docx body too)
        from ..settings import get_settings

        knobs = get_settings().attachments
        too_large = unpacked_too_large(data, knobs.zip_max_xml_bytes, knobs.zip_max_unpacked_bytes)
        if too_large:
            return refused(kind, f"{name}: not read: {too_large}")
    try:
        if kind == "pdf":
            from .pdf.reader import read_pdf

            return read_pdf(data, name)
        if kind == "docx":
            from .word.docx_reader import read_docx

            return read_docx(data, name)
        if kind in ("doc", "wps"):
            from .word.legacy import read_legacy_word

            return read_legacy_word(data, kind, name)
        if kind == "rtf":
            from .word.rtf_reader import read_rtf

            return read_rtf(data, name)
        if kind == "xlsx":
            from .sheet.xlsx_reader import read_xlsx

            return read_xlsx(data, name)
        if kind == "xls":
            from .sheet.xls_reader import read_xls

            return read_xls(data, name)
    except MemoryError:  # a limit, not a damaged file: whoever set the limit says which
        raise
    except Exception as exc:  # a damaged file must not stop the run: refuse it with the reason
        return refused(kind, f"{name}: {kind} reader failed: {type(exc).__name__}: {exc}")
    return refused(kind, f"{name}: no reader installed for {kind} files")

"""What a raw file is, read off its bytes (magic numbers and content), never off its suffix alone.

Government sites serve PDFs as ``.html``, pages as ``.txt``, and folders of documents hold Word
files, archives and pictures next to reports. :func:`sniff` names the kind; ingest routes text
and HTML to the decoder, office and PDF kinds to their readers
(:mod:`dagster_project.parse.attachments`), and refuses every other kind with a reason.
"""
from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import PurePosixPath

from ..parse.compound_file import OLE2_MAGIC as _OLE2
from .decode import wide_unicode_by_content

TEXT_KINDS = frozenset({"html", "text"})
MAX_ZIP_PARTS = 10_000  # an office document holds tens of parts; listing millions took 1.26 GB here
# Kinds that are never read as documents, with the words a refusal uses for them.
REFUSED_KINDS: dict[str, str] = {
    "zip": "a zip archive holding no office document",
    "zip_many_parts": f"a zip archive of more than {MAX_ZIP_PARTS:,} parts (no office document has so many)",
    "zip_damaged_office": "a damaged office document (.docx or .xlsx): its zip is cut short or corrupt, with no "
                          "directory of its parts",
    "gzip": "a gzip archive",
    "bzip2": "a bzip2 archive",
    "xz": "an xz archive",
    "7z": "a 7-Zip archive",
    "rar": "a RAR archive",
    "zstd": "a Zstandard archive",
    "tar": "a tar archive",
    "image": "an image",
    "audio_video": "an audio or video file",
    "executable": "an executable program",
    "font": "a font file",
    "sqlite": "a SQLite database",
    "binary": "binary content (not text)",
    "empty": "an empty file",
}

# the refusals of a document damaged in transit, not of another kind of file
DAMAGED_KINDS = frozenset({"zip_damaged_office"})

_HEAD = 8192
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"),
    # (Word's Rich Text: text by its bytes, read as a Word document whatever its name, often .doc)
    (b"{\\rtf", "rtf"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "rar"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF87a", "image"),
    (b"GIF89a", "image"),
    (b"BM", "image"),
    (b"II*\x00", "image"),
    (b"MM\x00*", "image"),
    (b"\x00\x00\x01\x00", "image"),  # .ico
    (b"\x7fELF", "executable"),
    (b"MZ", "executable"),
    (b"\xcf\xfa\xed\xfe", "executable"),  # Mach-O
    (b"\xfe\xed\xfa\xcf", "executable"),
    (b"\xca\xfe\xba\xbe", "executable"),
    (b"\x00asm", "executable"),
    (b"ID3", "audio_video"),
    (b"OggS", "audio_video"),
    (b"fLaC", "audio_video"),
    (b"\x1aE\xdf\xa3", "audio_video"),  # matroska / webm
    (b"wOFF", "font"),
    (b"wOF2", "font"),
    (b"SQLite format 3\x00", "sqlite"),
)
_TEXT_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title", b"<div", b"<table", b"<p>",
                 b"<p ", b"<br")
_OLE_BY_SUFFIX = {".wps": "wps", ".xls": "xls", ".et": "xls", ".doc": "doc", ".dot": "doc"}


def ole_kind(data: bytes, suffix: str) -> str:
    """An OLE file's kind by the streams it holds (a workbook named .doc is a spreadsheet: sites
    rename files), else by its name."""
    import olefile

    try:
        with olefile.OleFileIO(data) as ole:
            streams = {entry[0].lower() for entry in ole.listdir(streams=True, storages=False) if len(entry) == 1}
    except Exception:  # damaged: the reader its name points to says why
        streams = set()
    if streams & {"workbook", "book"}:
        return "xls"
    if "worddocument" in streams:
        return "wps" if suffix == ".wps" else "doc"
    return _OLE_BY_SUFFIX.get(suffix, "doc")


def _plausible(magic: bytes, data: bytes) -> bool:
    """Short magic numbers that plain text may begin with need a second sign."""
    if magic == b"BM":  # bitmap: its DIB header size
        return len(data) >= 18 and int.from_bytes(data[14:18], "little") in (12, 40, 52, 56, 64, 108, 124)
    if magic == b"MZ":  # DOS/PE executable: binary header bytes
        return b"\x00" in data[:64]
    if magic == b"BZh":
        return data[3:4].isdigit()
    if magic == b"ID3":
        return len(data) > 4 and data[3] < 10
    return True


def _declared_parts(data: bytes) -> int | None:
    """How many entries a zip's end-of-central-directory record declares (its ZIP64 record's when it
    has one), read without listing them; None when there is no such record."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or end + 22 > len(data):
        return None
    declared = int.from_bytes(data[end + 10:end + 12], "little")
    locator = end - 20
    if declared != 0xFFFF:
        return declared
    # 0xFFFF: the count is in the ZIP64 record, which a locator just before this one points to
    if locator >= 0 and data[locator:locator + 4] == b"PK\x06\x07":
        record = int.from_bytes(data[locator + 8:locator + 16], "little")
        if data[record:record + 4] == b"PK\x06\x06":
            return int.from_bytes(data[record + 32:record + 40], "little")
    return None


_OFFICE_PARTS = (b"[Content_Types].xml", b"word/", b"xl/", b"docProps/")


def _zip_kind(data: bytes) -> str:
    # the count first: zipfile builds every entry's record to list the names, in the ingest's process
    if (_declared_parts(data) or 0) > MAX_ZIP_PARTS:
        return "zip_many_parts"
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        # the parts' own headers still name an office document's (a copy cut short lost the directory at the end)
        return "zip_damaged_office" if any(part in data[:_HEAD] for part in _OFFICE_PARTS) else "zip"
    lower = {n.lower() for n in names}
    if "word/document.xml" in lower:
        return "docx"
    if any(n.startswith("xl/") for n in lower):
        return "xlsx"
    if "ofd.xml" in lower:
        return "ofd"
    return "zip"


# every byte but the C0 controls no text encoding of Chinese documents uses (tab, newlines, ESC are used)
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32 and b != 27))


# above this share of such bytes the head is binary, NUL aside or not
_MAX_CONTROL_SHARE = 0.05


def _control_share(head: bytes) -> float:
    """Share of bytes that no text encoding of Chinese documents uses (C0 controls but tab/newlines)."""
    if not head:
        return 0.0
    # translate deletes every other byte in C: a Python loop over the bytes cost ~2 ms a document
    return len(head.translate(None, _NOT_CONTROL)) / len(head)


def sniff(data: bytes, name: str) -> str:
    """The kind of a raw file: 'html', 'text', an attachment kind (pdf, docx, doc, wps, rtf, xlsx, xls,
    ofd) or a refusal kind (a key of :data:`REFUSED_KINDS`)."""
    if not data:
        return "empty"
    head = data[:_HEAD]
    suffix = PurePosixPath(name).suffix.lower()
    if head.startswith(_OLE2):
        return ole_kind(data, suffix)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _zip_kind(data)
    # '%PDF' may follow a few bytes of junk (the spec allows the header within the first 1 KiB)
    if b"%PDF-" in head[:1024] and not head.lstrip().lower().startswith((b"<", b"\xef\xbb\xbf<")):
        return "pdf"
    for magic, kind in _MAGIC:
        if head.startswith(magic) and _plausible(magic, head):
            return kind
    if len(data) > 262 and data[257:262] == b"ustar":
        return "tar"
    if head[4:8] == b"ftyp" or (head.startswith(b"RIFF") and head[8:12] in (b"WAVE", b"AVI ", b"WEBP")):
        return "image" if head[8:12] == b"WEBP" or head[8:12] in (b"heic", b"avif", b"mif1") else "audio_video"
    if head.startswith(_TEXT_BOMS) or wide_unicode_by_content(head):
        return _markup_kind(_as_ascii(head), suffix)
    if head.count(0) > 0:
        # UTF-8 and GB text never hold NUL; a few from a sloppy converter are tolerated, and more
        # when what is left is UTF-8 (a report a tool sprinkled with NUL: decode removes them)
        if head.count(0) > max(2, len(head) // 200) and not _utf8_without_nul(head):
            return "binary"
    if _control_share(head) > _MAX_CONTROL_SHARE:
        return "binary"
    return _markup_kind(head, suffix)


def _utf8_without_nul(head: bytes) -> bool:
    """The bytes but NUL are UTF-8 text (the head may end inside a character). Random or compressed
    bytes fail within a few dozen bytes; a file mostly NUL is no text either."""
    rest = head.replace(b"\x00", b"")
    if len(rest) < len(head) // 2 or _control_share(rest) > _MAX_CONTROL_SHARE:
        return False
    for cut in range(4):
        try:
            rest[: len(rest) - cut].decode("utf-8")
            return True
        except UnicodeDecodeError:
            continue
    return False


def _as_ascii(head: bytes) -> bytes:
    """The ASCII letters of UTF-16/32 text, for the markup test."""
    return head.replace(b"\x00", b"")


def _markup_kind(head: bytes, suffix: str) -> str:
    low = head[:4096].lower()
    if any(marker in low for marker in _HTML_MARKERS):
        return "html"
    if suffix in (".html", ".htm", ".shtml", ".xhtml") and b"<" in low:
        return "html"
    return "text"

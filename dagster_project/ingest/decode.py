"""Bytes to text, for documents as Chinese government sites serve them.

Sites declare a charset in the HTTP header, in a ``<meta>`` tag, or nowhere, and the declaration
is often wrong (GB2312 declared while the bytes use GBK/GB18030 characters). GB18030 is a superset
of GB2312 and GBK, so a GB-family declaration is always decoded as GB18030.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz-gb-2312", "x-gbk", "euc-cn", "cp936"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    how: str  # 'bom', 'declared-header', 'declared-meta', 'utf-8', 'gb18030', 'detected'


def _canonical(name: str) -> str | None:
    try:
        canon = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    return "gb18030" if canon in _GB_FAMILY or name.strip().lower() in _GB_FAMILY else canon


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def declared_charset(data: bytes, header_charset: str | None = None) -> tuple[str | None, str]:
    if header_charset:
        return _canonical(header_charset), "declared-header"
    match = _META_CHARSET.search(data[:4096])
    if match:
        return _canonical(match.group(1).decode("ascii", "ignore")), "declared-meta"
    return None, ""


def decode_bytes(data: bytes, header_charset: str | None = None) -> DecodedText:
    """Decode a document; never raises. The declared charset wins only when it decodes cleanly."""
    if data.startswith(codecs.BOM_UTF8):
        return DecodedText(data[3:].decode("utf-8", "replace"), "utf-8", "bom")
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return DecodedText(data.decode("utf-16", "replace"), "utf-16", "bom")

    declared, how = declared_charset(data, header_charset)
    if declared:
        text = _try(data, declared)
        if text is not None:
            return DecodedText(text, declared, how)
    for encoding in ("utf-8", "gb18030"):
        text = _try(data, encoding)
        if text is not None:
            return DecodedText(text, encoding, encoding)

    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        encoding = _canonical(best.encoding) or best.encoding
        return DecodedText(data.decode(encoding, "replace"), encoding, "detected")
    return DecodedText(data.decode("gb18030", "replace"), "gb18030", "detected")

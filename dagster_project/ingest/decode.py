"""Bytes to text, for documents as Chinese government sites serve them.

Sites declare a charset in the HTTP header, in a ``<meta>`` tag, or nowhere, and the declaration
is often wrong (GB2312 declared while the bytes use GBK/GB18030 characters). GB18030 is a superset
of GB2312 and GBK, so a GB-family declaration is always decoded as GB18030.

The order of trust, and why:

1. a byte-order mark (UTF-8, UTF-32, UTF-16; UTF-32 first, its mark begins like UTF-16's);
2. UTF-16/UTF-32 without a mark, recognised by where their NUL bytes fall;
3. bytes that are valid UTF-8 are UTF-8: no GB text of any length is valid UTF-8 by chance, while
   GB18030 decodes almost any bytes (UTF-8 read as GB18030 is garbage without a single error);
4. the declared charset, unless it fails badly: a few bad bytes are replaced and counted, the
   codec is not switched (one stray byte used to turn a whole report into GB18030 garbage);
5. UTF-8 with a handful of bad bytes (a truncated copy, a stray byte) when the rest is plainly
   UTF-8 Chinese text; then GB18030, strict, then with a handful of bad bytes, unless it reads as
   no Chinese text while Big5 (cp950, the Traditional pages of Taiwan and Hong Kong) does: Big5
   bytes decode as GB18030 almost without an error, into characters no text uses;
6. anything else is not decodable: no guessing among exotic single-byte codecs (a truncated
   UTF-8 page used to come out as ptcp154 or cp775).

How a document was decoded, and how many bytes were replaced, is recorded in ``how``.
"""
from __future__ import annotations

import codecs
import re
import threading
from dataclasses import dataclass, replace

_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz-gb-2312", "x-gbk", "euc-cn", "cp936"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_BOMS = (  # UTF-32 before UTF-16: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
_SAMPLE = 65536


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    how: str  # 'bom', 'utf-16 by content', 'declared-header', 'declared-meta', 'utf-8', 'gb18030', …
    bad_bytes: int = 0  # bytes replaced by U+FFFD
    decodable: bool = True  # False: no codec reads these bytes with only a few errors


# -- counting the bytes a codec could not decode -------------------------------------------------

_counter = threading.local()


def _count_and_replace(exc: UnicodeDecodeError):
    _counter.bad = getattr(_counter, "bad", 0) + (exc.end - exc.start)
    return "\ufffd", exc.end


codecs.register_error("govinfo-count", _count_and_replace)


def _decode(data: bytes, encoding: str) -> tuple[str, int]:
    """The text and the number of bytes replaced."""
    _counter.bad = 0
    try:
        text = data.decode(encoding, "govinfo-count")
    except LookupError:
        return "", len(data)
    return text, _counter.bad


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


MAX_CONTROL_SHARE = 0.02  # text holds tabs and newlines, not other control characters
_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


# the control characters of _CONTROL are ASCII: in UTF-8 each is one byte, and no byte of a longer
# sequence is ASCII, so counting those bytes of the encoded sample counts the characters
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if not _CONTROL.match(chr(b)) or b >= 0x80)


def control_share(text: str) -> float:
    sample = text[:_SAMPLE]
    if not sample:
        return 0.0
    encoded = sample.encode("utf-8", "surrogatepass")
    return len(encoded.translate(None, _NOT_CONTROL_BYTES)) / len(sample)


def error_budget(size: int) -> int:
    """Bytes a document may lose before its codec counts as failing badly."""
    return max(8, size // 2000)


# -- declarations ---------------------------------------------------------------------------------

def _canonical(name: str) -> str | None:
    try:
        canon = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    return "gb18030" if canon in _GB_FAMILY or name.strip().lower() in _GB_FAMILY else canon


def declared_charset(data: bytes, header_charset: str | None = None) -> tuple[str | None, str]:
    if header_charset:
        return _canonical(header_charset), "declared-header"
    match = _META_CHARSET.search(data[:4096])
    if match:
        return _canonical(match.group(1).decode("ascii", "ignore")), "declared-meta"
    return None, ""


# -- UTF-16 / UTF-32 by content -------------------------------------------------------------------

def wide_unicode_by_content(data: bytes) -> str | None:
    """'utf-32-le/be' or 'utf-16-le/be' when the NUL bytes fall where those encodings put them.

    UTF-32 text of the Basic Multilingual Plane has two NUL bytes in every four; UTF-16 text has a
    NUL beside every ASCII character, always on the same side. GB and UTF-8 text hold no NUL.
    """
    head = data[:_SAMPLE]
    head = head[: len(head) - len(head) % 4]
    if len(head) < 8:
        return None
    lanes = [head[i::4] for i in range(4)]
    zero = [lane.count(0) / len(lane) for lane in lanes]
    if zero[2] > 0.9 and zero[3] > 0.9 and zero[0] < 0.5:
        return "utf-32-le"
    if zero[0] > 0.9 and zero[1] > 0.9 and zero[3] < 0.5:
        return "utf-32-be"
    # Chinese UTF-16 has few ASCII characters, hence few NULs, mostly on one side (the other side
    # holds the NULs of characters such as 一 U+4E00); binary data spreads them evenly
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd >= 8 and even <= odd // 3:
        return "utf-16-le"
    if even >= 8 and odd <= even // 3:
        return "utf-16-be"
    return None


# -- the decision ---------------------------------------------------------------------------------

def _how(base: str, bad: int) -> str:
    return base if not bad else f"{base}; {bad} bad byte{'s' if bad > 1 else ''} replaced"


def _plainly_utf8(text: str, bad: int) -> bool:
    """UTF-8 decoded with ``bad`` bytes replaced still reads as Chinese text (many CJK characters
    per bad byte), not as GB bytes that happened to form a few valid sequences."""
    return len(_CJK.findall(text[:_SAMPLE])) >= 20 * max(bad, 1)


# characters of every Chinese text, Simplified and Traditional alike (的 年 政府 公 信 工作 人 中 一 是 在 和 有)
_COMMON = frozenset("的年政府公信工作人中一是在和有了不")


def _common_count(text: str) -> int:
    return sum(1 for ch in text[:_SAMPLE] if ch in _COMMON)


def _reads_as_chinese(text: str) -> bool:
    """A text with Chinese characters has a few in a hundred of the commonest ones; Big5 bytes read
    as GB18030 (or the reverse) give characters no text uses. A text without Chinese reads as itself."""
    sample = text[:_SAMPLE]
    cjk = len(_CJK.findall(sample))
    if not cjk:
        return True
    common = _common_count(sample)
    # a short text (a title, a line) is Chinese with one of them; a longer one with one in a hundred
    return common >= 1 if cjk < 100 else common * 100 >= cjk


def decode_bytes(data: bytes, header_charset: str | None = None) -> DecodedText:
    """Decode a document; never raises. See the module docstring for the order of trust.

    ``decodable`` is False when every codec fails badly or the text is mostly control characters
    (binary data that happens to be valid in some codec)."""
    decoded = _decide(data, header_charset)
    # NUL bytes a sloppy converter left in a text (22\x00 1) are removed: no text holds them; a text
    # that is more than a tenth NUL is none
    nul = decoded.text.count("\x00")
    text = decoded.text.replace("\x00", "") if nul else decoded.text
    if decoded.decodable and (nul > len(decoded.text) // 10 or control_share(text) > MAX_CONTROL_SHARE):
        return DecodedText(decoded.text, decoded.encoding, f"not text: control characters ({decoded.how})",
                           decoded.bad_bytes, False)
    return replace(decoded, text=text, how=f"{decoded.how}; {nul} NUL removed") if nul else decoded


def _decide(data: bytes, header_charset: str | None) -> DecodedText:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text, bad = _decode(data[len(bom):], encoding)
            return DecodedText(text, encoding, _how("bom", bad), bad, bad <= error_budget(len(data)))

    wide = wide_unicode_by_content(data)
    if wide:
        width = 4 if "32" in wide else 2
        text, bad = _decode(data[: len(data) - len(data) % width], wide)
        bad += len(data) % width
        return DecodedText(text, wide, _how(f"{wide[:6]} by content", bad), bad, bad <= error_budget(len(data)))

    declared, declared_how = declared_charset(data, header_charset)
    text = _strict(data, "utf-8")
    if text is not None:
        return DecodedText(text, "utf-8", declared_how if declared == "utf-8" else "utf-8")

    budget = error_budget(len(data))
    if declared:
        text, bad = _decode(data, declared)
        if bad <= budget:
            return DecodedText(text, declared, _how(declared_how, bad), bad)

    utf8, utf8_bad = _decode(data, "utf-8")
    if utf8_bad <= budget and _plainly_utf8(utf8, utf8_bad):
        return DecodedText(utf8, "utf-8", _how("utf-8", utf8_bad), utf8_bad)

    gb, gb_bad = _decode(data, "gb18030")
    if gb_bad <= budget:
        if _reads_as_chinese(gb):
            return DecodedText(gb, "gb18030", _how("gb18030", gb_bad), gb_bad)
        big5, big5_bad = _decode(data, "cp950")
        # (three at least: a few characters of GB bytes may read as one or two by chance)
        if big5_bad <= budget and _common_count(big5) >= max(3, _common_count(gb) + 1) and _reads_as_chinese(big5):
            return DecodedText(big5, "cp950", _how("big5 (cp950)", big5_bad), big5_bad)
        return DecodedText(gb, "gb18030", _how("gb18030", gb_bad), gb_bad)

    text, bad, encoding = (utf8, utf8_bad, "utf-8") if utf8_bad < gb_bad else (gb, gb_bad, "gb18030")
    return DecodedText(text, encoding, f"not decodable: {bad} of {len(data)} bytes are not {encoding}"
                       f"{' (declared ' + declared + ')' if declared else ''}", bad, False)

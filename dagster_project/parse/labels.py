"""Normalising printed labels so that the same row matches however a site prints it."""
from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

from .traditional import TONED, strip_pinyin

_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|\d+[.、．]|[(（]\d+[)）]|其中[:：]?|第[一二三四五六七八九十]+[项部分]?)+"
)

# Traditional pages written with Taiwan vocabulary (資訊, 檔案, 釋出 ...) do not come back to the
# mainland terms under OpenCC t2s: 政府資訊 becomes 政府资讯, not 政府信息. These are the terms of the
# national templates that such a round trip changes, mapped back (longest first, most specific).
TAIWAN_TERMS = (
    ("资讯", "信息"),
    ("规范性档案", "规范性文件"),
    ("主动公开档案", "主动公开文件"),
    ("释出", "发布"),
    ("专案数量", "项目数量"),
    ("网路", "网络"),
    ("线上访谈", "在线访谈"),
    ("透过", "通过"),
    ("设定政府信息公开查阅点", "设置政府信息公开查阅点"),
)


# a character of each term that pages seldom hold (讯 of 资讯, 档 of 档案 …): a single character is found
# several times faster than a word, and most texts lack it
_TERM_MARKS = ("讯", "档", "档", "释", "案", "路", "谈", "透", "阅")


def mainland_terms(text: str) -> str:
    """Taiwan-vocabulary artefacts of a Traditional page (after t2s) back to the template's terms."""
    for mark, (taiwan, mainland) in zip(_TERM_MARKS, TAIWAN_TERMS):
        if mark in text and taiwan in text:
            text = text.replace(taiwan, mainland)
    return text


# Labels and cells repeat within a document and across documents (every report prints the same
# template rows): short texts are normalised once per process (at most CACHE_ENTRIES of them);
# longer ones are kept for a while by size (see below).
CACHED_CHARS = 80  # labels and cells; longer lines are prose, rarely seen twice
CACHE_ENTRIES = 1 << 15  # at most ~15 MB per cache


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, computed as NFC of NFKD: the same string by the
    definition of NFKC (the canonical composition of the compatibility decomposition; NFC of an
    already decomposed text is that composition), several times faster on Chinese text. CPython's
    NFKC runs the composition over every character once a text holds one compatibility character
    (every ，（）：；), while its NFC first checks whether anything can compose at all."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFKD", text))


def _normalise(text: str) -> str:
    text = nfkc(text.replace("\xa0", " ").replace("\u200b", "").replace("\ufeff", ""))
    return mainland_terms("".join(text.split()))  # = re.sub(r"\s+", ""), much faster on Chinese text


class _ShortMemo(dict):
    """text -> ``compute(text)``, kept for texts of at most CACHED_CHARS (emptied when it holds
    CACHE_ENTRIES). Its ``__getitem__`` is the function callers use: a text seen before (nearly
    every call: the same cells are read by several table readers) costs one dict lookup, without
    the frame of a Python function or the bookkeeping of an LRU."""

    __slots__ = ("_compute",)

    def __init__(self, compute):
        super().__init__()
        self._compute = compute

    def __missing__(self, text: str) -> str:
        value = self._compute(text)
        if len(text) <= CACHED_CHARS:
            if len(self) >= CACHE_ENTRIES:
                self.clear()
            self[text] = value
        return value


# Cells of a paragraph's length (a prose line read as a cell) are normalised by every table reader
# that walks the cells of a document (statistics table, other tables, columns, sections): the
# last LINE_ENTRIES are kept, enough for the long cells of one document (at most ~8 MB)
LINE_CHARS = 1000
LINE_ENTRIES = 2048
_normalise_line = lru_cache(maxsize=LINE_ENTRIES)(_normalise)
# the opening of a document (its first 5,000 or 6,000 characters) is normalised by several readers
# of one document (year, region summary, self-reference): the last few are kept
RECENT_CHARS = 20000
RECENT_ENTRIES = 8
_recent: dict[str, str] = {}  # text -> its label, the oldest first
# (the ingest's reader threads may label texts too: evicting the oldest entry is two steps)
_recent_lock = threading.Lock()


def _remember(text: str, label: str) -> None:
    with _recent_lock:
        if len(_recent) >= RECENT_ENTRIES:
            del _recent[next(iter(_recent))]
        _recent[text] = label


def _normalise_recent(text: str) -> str:
    label = _recent.get(text)
    if label is None:
        label = _normalise(text)
        _remember(text, label)
    return label


@lru_cache(maxsize=4)
def nfkc_text(text: str) -> str:
    """NFKC of a whole document text; the published date, the openings (:func:`nfkc_opening`), the prose
    reader and the content hash all fold the same text, so the last few results are kept (a hit costs
    one comparison)."""
    return nfkc(text)


def nfkc_opening(text: str, chars: int) -> str:
    """``nfkc(text[:chars])``, cut from the whole text's fold (:func:`nfkc_text`, which the parse makes
    anyway: the published date's, the prose reader's and the content hash's). NFKC makes, takes and
    composes no line break, so the opening's fold up to its last line break is the whole fold up to the
    line break of the same number; only the rest of that line is folded here."""
    if len(text) <= chars:
        return nfkc_text(text)
    head = text[:chars]
    cut = head.rfind("\n")
    if cut == -1:
        return nfkc(head)
    folded = nfkc_text(text)
    breaks = head.count("\n", 0, cut)
    if folded.startswith("\n", cut) and folded.count("\n", 0, cut) == breaks:
        at = cut  # (the usual case: the fold kept the length of the lines before)
    else:
        at = -1
        for _ in range(breaks + 1):
            at = folded.find("\n", at + 1)
    return folded[:at] + nfkc(head[cut:])


def _normalise_any(text: str) -> str:
    n = len(text)
    if n <= LINE_CHARS:
        return _normalise(text) if n <= CACHED_CHARS else _normalise_line(text)
    return _normalise_recent(text) if n <= RECENT_CHARS else _normalise(text)


# normalise_label(text): NFKC (full-width to half-width), no whitespace (labels break into
# 商 业 企 业), no zero-width chars, and 资讯 read as 信息 (see :data:`TAIWAN_TERMS`).
normalise_label = _ShortMemo(_normalise_any).__getitem__


def normalise_folded(text: str, folded: str) -> str:
    """``normalise_label(text)`` given ``folded``, the ``nfkc(text)`` a caller holds already (folding a
    long text twice is the cost). The same string: of the characters normalise_label takes out before
    folding, NFKC makes the no-break space a space, which str.split() takes as well; a text with a
    zero-width character, which may stand between two characters that would compose, is normalised
    from the start."""
    if "\u200b" in text or "\ufeff" in text:
        return normalise_label(text)
    if not LINE_CHARS < len(text) <= RECENT_CHARS:
        return mainland_terms("".join(folded.split()))
    label = _recent.get(text)
    if label is None:  # (kept for the other readers of the opening, as normalise_label keeps it)
        label = mainland_terms("".join(folded.split()))
        _remember(text, label)
    return label


def without_pinyin(text: str) -> str:
    """``strip_pinyin(text)``: its pattern needs a toned letter, and most pages hold none, which str.find
    tells several times faster than the pattern, tried at every bracket."""
    return strip_pinyin(text) if any(letter in text for letter in TONED) else text


def strip_numbering(label: str) -> str:
    """``(一)予以公开`` -> ``予以公开``; ``其中:涉及国家秘密`` -> ``涉及国家秘密``."""
    return _NUMBERING.sub("", label)


def _label_key(text: str) -> str:
    return strip_numbering(normalise_label(text))


# label_key(text): the normalised label without its numbering (the key rows are matched by)
label_key = _ShortMemo(_label_key).__getitem__

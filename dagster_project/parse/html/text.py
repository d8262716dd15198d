"""Text as an HTML page holds it: whitespace and CJK-spacing normalisation, and which tags end a line."""
from __future__ import annotations

import re

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u180e"), None)
_ZERO_WIDTH_RE = re.compile("[" + "".join(map(chr, _ZERO_WIDTH)) + "]")
# CJK ideographs, kana, CJK punctuation, full-width punctuation (not full-width digits/letters),
# curly quotes, ellipsis and dashes: a space between two of these is a layout artefact.
_CJK = (
    "\u2e80-\u2fff\u3001-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2018-\u201f\u2026"
)
_CJK_GAP_RE = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")

# elements that start and end a line of text (and close a paragraph for the weighting)
BLOCK_TAGS = frozenset(
    """address article aside blockquote body caption center dd details dialog dir div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li
    main menu nav ol p pre section summary table tbody thead tfoot tr td th ul""".split()
)


def normalize_text(s: str) -> str:
    """&nbsp;/full-width space -> space, zero-width characters removed, whitespace collapsed,
    spaces between two CJK characters removed, stripped."""
    if not s:
        return ""
    if _ZERO_WIDTH_RE.search(s):  # rare; translate() reads every character through a dict
        s = s.translate(_ZERO_WIDTH)
    s = " ".join(s.split())  # = re.sub(r"\s+", " ", s).strip(), much faster on Chinese text
    if " " in s:
        s = _CJK_GAP_RE.sub("", s)
    return s


# a character that source formatting puts in a whitespace-only text (see is_layout_ws)
LAYOUT_WS_RE = re.compile("[\n\r\t]")


def is_layout_ws(s: str) -> bool:
    """Whitespace-only text that comes from source formatting (newlines/tabs), not from content."""
    return s.isspace() and ("\n" in s or "\r" in s or "\t" in s)


def text_len(s: str | None) -> int:
    """Length of a text without whitespace."""
    if not s:
        return 0
    return len("".join(s.split()))

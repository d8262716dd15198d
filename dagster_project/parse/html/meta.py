"""What a page says about itself: its ``<meta>`` values, and the article title.

The title is meta ArticleTitle, or a heading of the page matched against ``<title>``, or the
heading at the main content, or the longest ``<title>`` segment (site name parts split off).
"""
from __future__ import annotations

import re

from .content import class_id_test
from .stats import TextStats
from .text import normalize_text
from .tree import text_content

_TITLE_CLASS_RE = re.compile(
    r"(?:^|[\s_\-])(?:title|tit|bt|biaoti|headline|article_?title|news_?title|detail_?title)(?:$|[\s_\-\d])",
    re.I,
)
# (?<!\s): a split starts where a run of spaces starts, not at every space of a long run (quadratic)
_TITLE_SPLIT_RE = re.compile(r"(?<!\s)\s*(?:_|\||｜|\s-\s|－|\s—\s|--)\s*")


def read_meta(root) -> dict[str, str]:
    """``<meta name=...>`` (or ``property=``) contents by name, and ``<title>`` as "title"."""
    meta: dict[str, str] = {}
    for m in root.iter("meta"):
        name = m.get("name") or m.get("property")
        if not name:
            continue
        name = name.strip()
        val = normalize_text(m.get("content") or "")
        if name not in meta or (not meta[name] and val):
            meta[name] = val
    t = root.find(".//title")
    if t is not None:
        meta["title"] = normalize_text(text_content(t))
    return meta


def _meta_get(meta: dict[str, str], *names: str) -> str:
    low = {k.lower(): v for k, v in meta.items()}
    for n in names:
        v = low.get(n.lower())
        if v:
            return v
    return ""


def _search_title(attrs: str) -> bool:
    return bool(_TITLE_CLASS_RE.search(attrs))


_names_title = class_id_test(_search_title)


_TITLE_TAGS = frozenset(("h1", "h2", "h3", "div", "p", "span", "td", "strong"))


def title_candidates(body, st: TextStats) -> list[tuple[int, str]]:
    """(position, text) of headings that may be the article title: h1/h2 and title-named blocks,
    5-150 characters, not a link (site logos)."""
    out = []
    elements, tags, L, LL = st.elements, st.tags, st.L, st.LL
    # the statistics' elements are those of ``body``, in document order
    for i, tag in enumerate(tags):
        # the numbers settle most elements without their names: link text, or at most two
        # characters (not counting whitespace), which normalise to at most three
        if tag not in _TITLE_TAGS or LL[i] > L[i] or L[i] + LL[i] <= 2:
            continue
        el = elements[i]
        if tag in ("h1", "h2") or _names_title(el.get("class"), el.get("id")):
            txt = normalize_text(text_content(el))
            if 5 <= len(txt) <= 150:
                out.append((i, txt))
    return out


def meta_title(meta: dict[str, str]) -> str:
    """The article title the page's metadata names ('' if none); when there is one it is the title."""
    return _meta_get(meta, "ArticleTitle", "articletitle", "og:title", "dc.title")


def pick_title(meta: dict[str, str], cands: list[tuple[int, str]], content_pos: int, content_end: int) -> str | None:
    """meta ArticleTitle; else a heading of the page that matches <title>; else the heading
    nearest before (or first inside) the main content when it is longer than the best <title>
    segment; else the longest <title> segment (site name parts split off)."""
    t = meta_title(meta)
    if t:
        return t
    page_title = meta.get("title", "")
    segs = [s for s in _TITLE_SPLIT_RE.split(page_title) if s] if page_title else []
    best_seg = max(segs, key=len) if segs else ""
    if page_title:
        best, best_score = None, 0.0
        for _, txt in cands:
            chars = set(txt.replace(" ", ""))
            score = sum(1 for ch in chars if ch in page_title) / max(len(chars), 1)
            if score > best_score or (score == best_score and best is not None and len(txt) > len(best)):
                best, best_score = txt, score
        if best is not None and best_score >= 0.8 and len(best) >= 0.5 * len(best_seg):
            return best
    near = None
    for pos, txt in cands:
        if pos < content_pos:
            near = txt  # the last heading before the content
        elif pos < content_end:
            if near is None:
                near = txt  # first heading inside the content
            break
    if near is not None and len(near) > len(best_seg):
        return near
    return best_seg or near

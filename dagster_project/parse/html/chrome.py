"""Removing what is not content from a page tree: invisible material, site chrome and link lists.

Dropped are non-visible material (script, style, Word ``<xml>`` islands, small ``display:none``
blocks, form controls), and site chrome that is small and holds no data table:
``nav``/``aside``/``header``/``footer``, blocks whose class/id names chrome (share, breadcrumb,
footer, related links ...), and link lists (blocks or innermost tables whose text is mostly inside
``<a>``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from .content import class_id_test, is_strong_container
from .stats import TextStats
from .text import text_len
from .tree import drop_tree, text_content

_JUNK_TAGS = (
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
    "applet", "select", "option", "button", "input", "textarea", "svg", "canvas", "map", "audio",
    "video", "head", "link", "meta", "title", "xml", "base",
)
_CHROME_TAGS = frozenset(("nav", "aside", "header", "footer", "menu"))
_CHROME_HINT_RE = re.compile(
    r"(?:^|[\s_\-])(?:share|bdshare|fenxiang|print|dayin|close|guanbi|breadcrumbs?|crumbs?|"
    r"position|location|dqwz|curpos|footer|copyright|banquan|navbar|nav|menu|sidebar|side|"
    r"related|relate|xglj|xgwz|xgxx|xgwj|prev|next|prevnext|pre_next|sxp|pager|pagination|"
    r"qrcode|ewm|erweima|toolbar|tools|comment|pinglun|search|login|header|topbar)(?:$|[\s_\-\d])",
    re.I,
)
_HIDDEN_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all", re.I)
# a page repeats a few style and class strings on hundreds of elements (Word tables), and sites
# repeat them across pages: each distinct string is tested once (these case-blind searches cost
# about 0.1 µs a character)
_STRING_CACHE = 4096


_CACHED_CHARS = 1000  # longer strings are searched each time: the cache stays small


def _search_hidden(style: str) -> bool:
    return bool(_HIDDEN_RE.search(style))


def _search_chrome(attrs: str) -> bool:
    return bool(_CHROME_HINT_RE.search(attrs))


_hides_cached = lru_cache(maxsize=_STRING_CACHE)(_search_hidden)


def _hides(style: str) -> bool:
    return _hides_cached(style) if len(style) <= _CACHED_CHARS else _search_hidden(style)


_names_chrome = class_id_test(_search_chrome)
# a style that may hide its element holds one of these (searched in Python: an XPath contains() test
# of every element's style costs more than the whole parse)
_HIDDEN_MARKS = ("none", "NONE", "None", "idden", "IDDEN", "mso-hide")


def _may_hide(style: str) -> bool:
    """Whether the style holds one of :data:`_HIDDEN_MARKS`: six substring searches cost about half
    of one search for the alternation of the marks (the regex engine tests every character against
    the set of their first letters)."""
    return ("none" in style or "NONE" in style or "None" in style or "idden" in style or "IDDEN" in style
            or "mso-hide" in style)


# the style values of the elements below the root, in document order, each knowing its element:
# libxml2 reads them without a Python object for every element of the page (el.get("style") of
# every element costs as much as the parse)
_STYLES = etree.XPath("descendant::*/@style")
_LINK_LIST_TAGS = frozenset(("ul", "ol", "dl", "div", "section", "td", "p", "span", "table", "tr", "font", "center"))
_HINT_TAGS = frozenset(("ul", "ol", "dl", "div", "section", "table", "span", "form"))


def _is_link_heavy(st: TextStats, i: int) -> bool:
    l, ll, a = st.L[i], st.LL[i], st.A[i]
    return a >= 2 and ll > 0 and ll >= 0.6 * (l + ll)


def _drop(el) -> None:
    """Remove an element and its subtree, keeping its tail text."""
    if el.getparent() is not None:
        drop_tree(el)


def strip_junk(root) -> None:
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, *_JUNK_TAGS, with_tail=False)
    # small hidden blocks (Word's mso-hide, JS widgets); large hidden blocks may be a tab holding
    # the article text, so they stay. A page repeats a few style strings on hundreds of cells: each
    # distinct one is read once.
    styles = _STYLES(root)
    hiding = {st for st in set(styles) if st and _may_hide(st) and _hides(st)}
    if not hiding:
        return
    styled = [st.getparent() for st in styles if st in hiding]
    for el in styled:
        if el.getparent() is not None:
            if el.find(".//table") is None and text_len(text_content(el)) < 300:
                _drop(el)


def strip_chrome(body, st: TextStats) -> list[tuple[object, object]]:
    """Drop nav/header/footer/aside, chrome-named blocks and link lists that are small and hold no
    data table; innermost tables that are mostly links (lists of other documents).

    Returns the ``(element, former parent)`` pairs removed (see :meth:`TextStats.without`)."""
    elements, tags, data_tables, L, A, T, end = st.elements, st.tags, st.data_tables, st.L, st.A, st.T, st.end
    total_l = max(L[st.index[body]], 1)
    to_drop = []
    i = 1 if elements and elements[0] is body else 0
    n = len(elements)
    while i < n:
        tag = tags[i]
        if tag == "table" and elements[i] in data_tables:
            if _is_link_heavy(st, i):
                to_drop.append(elements[i])
            i = end[i]  # never touch the inside of a data table
            continue
        drop = False
        if T[i] == 0:
            if tag in _CHROME_TAGS:
                # <nav>/<header>/<footer>/<aside>: chrome unless it holds most of the page
                drop = L[i] < 0.5 * total_l
            elif L[i] <= 0.15 * total_l or L[i] < 40:
                # (A first: most blocks hold fewer than the two links a link list needs)
                if A[i] >= 2 and tag in _LINK_LIST_TAGS and _is_link_heavy(st, i):
                    drop = True
                elif tag in _HINT_TAGS and _names_chrome((el := elements[i]).get("class"), el.get("id")):
                    drop = not any(is_strong_container(x) for x in el.iter(etree.Element))
        if drop:
            to_drop.append(elements[i])
            i = end[i]
        else:
            i += 1
    dropped = []
    for el in to_drop:
        parent = el.getparent()
        if parent is not None:
            dropped.append((el, parent))
        _drop(el)
    return dropped

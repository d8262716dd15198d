"""Turn an agency web page (HTML) into a structured page: metadata, main-content text, tables.

Pure functions, no Dagster.  Parsing is lxml-backed (``lxml.etree``'s HTML parser, see :mod:`.tree`); the only other dependency is
``opencc`` (opencc-python-reimplemented), loaded lazily and used only for Traditional-Chinese pages.

Pipeline of :func:`extract_page`:

1. parse (lxml), read ``<meta name=...>`` / ``<title>`` (:mod:`.meta`);
2. drop non-visible material and small site chrome that holds no data table (:mod:`.chrome`);
3. pick the main content (:mod:`.content`), reading per-element text statistics
   (:mod:`.stats`);
4. render the content: block elements become lines, innermost tables become :class:`Table`
   objects (:mod:`.grid`) and one line per row (:mod:`.render`);
5. detect Traditional Chinese and convert everything to Simplified with OpenCC ``t2s``
   (:mod:`.traditional`).
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

from lxml import etree

from .chrome import strip_chrome, strip_junk
from .content import choose_content
from .grid import Cell, Table
from .meta import meta_title, pick_title, read_meta, title_candidates
from .nesting import flatten_deep_nesting
from .render import render
from .stats import TextStats
from ..traditional import is_traditional, to_simplified

__all__ = [
    "Cell",
    "Table",
    "Page",
    "extract_page",
    "looks_like_html",
]


@dataclass
class Page:
    meta: dict[str, str] = field(default_factory=dict)
    title: str | None = None
    text: str = ""
    tables: list[Table] = field(default_factory=list)
    traditional: bool = False


# --------------------------------------------------------------------------------------------
# parsing

_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)

_local = threading.local()


def _parser():
    """One lxml parser per thread (parsers are not thread-safe).  huge_tree lifts libxml2's
    nesting limit of 256: Word pages with hundreds of unclosed <font> tags otherwise lose the
    rest of the document silently."""
    p = getattr(_local, "parser", None)
    if p is None:
        p = _local.parser = etree.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
    return p


def _document(html):
    """The root element, as ``lxml.html.document_fromstring`` gives it (plain etree elements)."""
    root = etree.fromstring(html, _parser())
    if root is None:
        raise etree.ParserError("Document is empty")
    return root


def _stopped_at_depth(parser) -> bool:
    """libxml2 said it stopped building the tree at its nesting limit (and dropped what was below)."""
    return any(e.type_name == "ERR_RESOURCE_LIMIT" and "depth" in e.message for e in parser.error_log)


def _parse(html: str):
    if isinstance(html, bytes):  # tolerate bytes: let lxml sniff the encoding
        return _document(html)
    html = _XML_DECL_RE.sub("", html, count=1)
    if "\x00" in html:
        html = html.replace("\x00", "")
    root = _document(html)
    # the wrappers are flattened only for a page libxml2 could not build whole: a scan of every
    # page's tags for their depth cost a quarter of the parse, and no other page needs it
    if _stopped_at_depth(_parser()):
        root = _document(flatten_deep_nesting(html))
    return root


# --------------------------------------------------------------------------------------------
# Traditional pages

_IDEOGRAPH_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _simplify_tables(tables: list[Table]) -> None:
    """Convert headings and cell texts in place (a cell text converts once per page)."""
    cache: dict[str, str] = {}
    for t in tables:
        if t.heading:
            t.heading = to_simplified(t.heading)
        for row in t.rows:
            for c in row:
                if c.text and _IDEOGRAPH_RE.search(c.text):
                    v = cache.get(c.text)
                    if v is None:
                        v = cache[c.text] = to_simplified(c.text)
                    c.text = v


# --------------------------------------------------------------------------------------------
# public API


def extract_page(html: str) -> Page:
    """Parse one agency web page into metadata, main-content text and tables."""
    if not html or not html.strip():
        return Page()
    try:
        root = _parse(html)
    except (etree.ParserError, ValueError):
        return Page()
    meta = read_meta(root)
    body = root.find("body")
    if body is None:
        body = root
    strip_junk(body)

    st0 = TextStats(body)
    # the headings are read only when the metadata names no title (most pages name one)
    title_cands = [] if meta_title(meta) else title_candidates(body, st0)
    st = st0.without(strip_chrome(body, st0))  # the numbers of the page without its chrome
    content, start = choose_content(body, st)
    cpos = st0.index.get(st.elements[start], 0)
    title = pick_title(meta, title_cands, cpos, st0.end[cpos])
    lines, tables = render(content, st, start)
    text = "\n".join(lines)

    probe = (title or "") + text[:20000]
    traditional = is_traditional(probe)
    if traditional:
        text = to_simplified(text)
        title = to_simplified(title) if title else title
        meta = {k: to_simplified(v) for k, v in meta.items()}
        _simplify_tables(tables)
    return Page(meta=meta, title=title, text=text, tables=tables, traditional=traditional)


_TAG_RE = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|span|table|tr|td|th|br|a|font|ul|li|h[1-6])\b",
    re.I,
)


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML document or fragment (not a plain-text rendering)."""
    if not text:
        return False
    head = text[:20000].lstrip("\ufeff \t\r\n")
    low = head[:200].lower()
    if low.startswith(("<!doctype html", "<html")) or (low.startswith("<?xml") and "<html" in head[:2000].lower()):
        return True
    n = 0
    for _ in _TAG_RE.finditer(head):
        n += 1
        if n >= 3:
            return True
    return False

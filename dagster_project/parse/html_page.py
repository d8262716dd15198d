"""Turn an agency web page (HTML) into a structured page: metadata, main-content text, tables.

Pure functions, no Dagster.  Parsing is lxml-backed (``lxml.html``); the only other dependency is
``opencc`` (opencc-python-reimplemented), loaded lazily and used only for Traditional-Chinese pages.

Pipeline of :func:`extract_page`:

1. parse (lxml), read ``<meta name=...>`` / ``<title>``;
2. drop non-visible material (script, style, comments, Word ``<xml>`` islands, small
   ``display:none`` blocks, form controls);
3. drop site chrome that is small and holds no data table: ``nav``/``aside``/``header``/``footer``,
   blocks whose class/id names chrome (share, breadcrumb, footer, related links ...), and
   link lists (blocks or innermost tables whose text is mostly inside ``<a>``);
4. pick the main content: a well-known article container (``TRS_Editor``, ``#zoom``,
   ``#UCAP-CONTENT``, ``.article_content`` ...) when one holds the article, else the deepest block
   that holds most of the paragraph-weighted text (tables weigh fully, links weigh nothing);
5. render the content: block elements become lines, innermost tables become :class:`Table`
   objects (rowspan/colspan expanded) and one line per row (cells joined by `` | ``, empty cells
   kept in place, a row ending in an empty cell terminated by ``|`` so that it reads back);
6. detect Traditional Chinese and convert everything to Simplified with OpenCC ``t2s``.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

from lxml import etree
import lxml.html

__all__ = [
    "Cell",
    "Table",
    "Page",
    "extract_page",
    "looks_like_html",
    "normalize_text",
    "normalize_cell_text",
    "is_traditional",
    "to_simplified",
]


# --------------------------------------------------------------------------------------------
# data model


@dataclass
class Cell:
    text: str  # normalised text (see normalize_cell_text)
    row: int  # position in the expanded grid
    col: int
    rowspan: int = 1  # effective span (rowspan truncated at the end of the table)
    colspan: int = 1
    is_span_copy: bool = False  # a position covered by a rowspan/colspan cell, not its origin
    is_padding: bool = False  # a position no HTML cell covers (short row): text ''


@dataclass
class Table:
    rows: list[list[Cell]]  # expanded grid, every row has the same number of columns
    heading: str = ""  # nearest text line before the table ('' if none, or a table came between)

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return len(self.rows[0]) if self.rows else 0

    def texts(self) -> list[list[str]]:
        """Grid of cell texts; span copies carry the text of their origin cell."""
        return [[c.text for c in row] for row in self.rows]

    def logical_rows(self) -> list[list[Cell]]:
        """Per grid row, the cells that start there (no span copies, no padding), in column order."""
        return [[c for c in row if not c.is_span_copy and not c.is_padding] for row in self.rows]

    def logical_texts(self) -> list[list[str]]:
        return [[c.text for c in row] for row in self.logical_rows()]


@dataclass
class Page:
    meta: dict[str, str] = field(default_factory=dict)
    title: str | None = None
    text: str = ""
    tables: list[Table] = field(default_factory=list)
    traditional: bool = False


# --------------------------------------------------------------------------------------------
# text normalisation

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u180e"), None)
_WS_RE = re.compile(r"\s+")
# CJK ideographs, kana, CJK punctuation, full-width punctuation (not full-width digits/letters),
# curly quotes, ellipsis and dashes: a space between two of these is a layout artefact.
_CJK = (
    "\u2e80-\u2fff\u3001-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2018-\u201f\u2026"
)
_CJK_GAP_RE = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")
_IDEOGRAPH_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def normalize_text(s: str) -> str:
    """&nbsp;/full-width space -> space, zero-width characters removed, whitespace collapsed,
    spaces between two CJK characters removed, stripped."""
    if not s:
        return ""
    s = s.translate(_ZERO_WIDTH)
    s = _WS_RE.sub(" ", s).strip()
    if " " in s:
        s = _CJK_GAP_RE.sub("", s)
    return s


def _is_layout_ws(s: str) -> bool:
    """Whitespace-only text that comes from source formatting (newlines/tabs), not from content."""
    return s.isspace() and ("\n" in s or "\r" in s or "\t" in s)


# --------------------------------------------------------------------------------------------
# element classes

_BLOCK_TAGS = frozenset(
    """address article aside blockquote body caption center dd details dialog dir div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li
    main menu nav ol p pre section summary table tbody thead tfoot tr td th ul""".split()
)
_JUNK_TAGS = (
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
    "applet", "select", "option", "button", "input", "textarea", "svg", "canvas", "map", "audio",
    "video", "head", "link", "meta", "title", "xml", "base",
)
_CHROME_TAGS = frozenset(("nav", "aside", "header", "footer", "menu"))
# the density pick does not descend into these: they are one paragraph, not a container
_PARAGRAPH_TAGS = frozenset(
    "p span font b strong em i u a h1 h2 h3 h4 h5 h6 li dt dd pre blockquote o:p".split()
)

# class/id values that name the article body; "strong" ones are trusted when they hold text
_STRONG_CONTAINERS = frozenset(
    s.lower()
    for s in """TRS_Editor TRS_PreAppend trs_word trs_paper_default zoom fontzoom Zoom UCAP-CONTENT
    UCAP_CONTENT ucapcontent Custom_UnionStyle article_content article-content articleContent
    article_con article-con art_con artcon art_content arc_content article_body article-body
    articleBody article_text article-text articletext detail_content detail-content
    detailContent details_content details-content xxgk_content xxgk-content xxgkcontent
    xxgk_detail main-text main_text mainText maintext news_content news-content newsContent
    newscontent news_txt content_text content-text contentText text_content text-content
    textContent con_text con-text contxt conTxt wzy_content zwnr zw_content zw-content
    zwcontent gknr gknr_content pages_content pages-content page_content page-content
    info_content info-content infoContent view_content view-content TRS_UEDITOR
    bt_content bt-content Zoom1 zoomcon zoom_con vsb_content v_news_content""".split()
)
_WEAK_CONTAINERS = frozenset(
    s.lower()
    for s in """content contents cont con article text main detail details detail_con
    main-content main_content mainContent maincontent zw nr body_content wenzhang""".split()
)
_CHROME_HINT_RE = re.compile(
    r"(?:^|[\s_\-])(?:share|bdshare|fenxiang|print|dayin|close|guanbi|breadcrumbs?|crumbs?|"
    r"position|location|dqwz|curpos|footer|copyright|banquan|navbar|nav|menu|sidebar|side|"
    r"related|relate|xglj|xgwz|xgxx|xgwj|prev|next|prevnext|pre_next|sxp|pager|pagination|"
    r"qrcode|ewm|erweima|toolbar|tools|comment|pinglun|search|login|header|topbar)(?:$|[\s_\-\d])",
    re.I,
)


def _attr_tokens(el) -> list[str]:
    toks = (el.get("class") or "").split()
    i = el.get("id")
    if i:
        toks.append(i.strip())
    return toks


def _is_strong_container(el) -> bool:
    if el.tag == "article":
        return False
    return any(t.lower() in _STRONG_CONTAINERS for t in _attr_tokens(el))


def _is_weak_container(el) -> bool:
    return el.tag in ("article", "main") or any(t.lower() in _WEAK_CONTAINERS for t in _attr_tokens(el))


def _tlen(s: str | None) -> int:
    """Length of a text without whitespace."""
    if not s:
        return 0
    return len("".join(s.split()))


# --------------------------------------------------------------------------------------------
# parsing helpers

_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_HIDDEN_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all", re.I)


_local = threading.local()


def _parser():
    """One lxml parser per thread (parsers are not thread-safe).  huge_tree lifts libxml2's
    nesting limit of 256: Word pages with hundreds of unclosed <font> tags otherwise lose the
    rest of the document silently."""
    p = getattr(_local, "parser", None)
    if p is None:
        p = _local.parser = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
    return p


def _parse(html: str):
    if isinstance(html, bytes):  # tolerate bytes: let lxml sniff the encoding
        return lxml.html.document_fromstring(html, parser=_parser())
    html = _XML_DECL_RE.sub("", html, count=1)
    if "\x00" in html:
        html = html.replace("\x00", "")
    return lxml.html.document_fromstring(html, parser=_parser())


def _read_meta(root) -> dict[str, str]:
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
        meta["title"] = normalize_text(t.text_content())
    return meta


def _meta_get(meta: dict[str, str], *names: str) -> str:
    low = {k.lower(): v for k, v in meta.items()}
    for n in names:
        v = low.get(n.lower())
        if v:
            return v
    return ""


# --------------------------------------------------------------------------------------------
# text statistics over the tree


class _Stats:
    """Per-element aggregates, computed bottom-up in one pass over the pre-order element list.

    L: non-link text length; LL: link text length; A: number of links; W: paragraph-weighted
    text (long paragraphs and data-table text count fully, short fragments a fifth, links zero);
    T: number of data tables below (or self); has_table: any table below (excluding self);
    end: index after the element's subtree in ``elements``.
    """

    __slots__ = ("L", "LL", "A", "W", "T", "has_table", "end", "elements", "index", "data_tables")

    def __init__(self, root):
        self.elements = elements = list(root.iter(etree.Element))
        n = len(elements)
        self.index = idx = {el: i for i, el in enumerate(elements)}
        L = [0] * n
        LL = [0] * n
        A = [0] * n
        W = [0.0] * n
        T = [0] * n
        P = [0] * n  # pending inline text not yet closed into a paragraph
        size = [1] * n
        has_table = [False] * n
        data_tables = set()
        block = _BLOCK_TAGS
        for i in range(n - 1, -1, -1):
            el = elements[i]
            tag = el.tag
            own = _tlen(el.text)
            l = own
            ll = 0
            a = 0
            w = 0.0
            t = 0
            p = own
            ht = False
            sz = 1
            for c in el:
                tail = _tlen(c.tail)
                l += tail
                p += tail
                ci = idx.get(c)
                if ci is None:
                    continue
                sz += size[ci]
                l += L[ci]
                ll += LL[ci]
                a += A[ci]
                w += W[ci]
                t += T[ci]
                if c.tag not in block:
                    p += P[ci]
                if has_table[ci] or c.tag == "table":
                    ht = True
            if tag == "a":  # all text inside a link is link text
                a += 1
                ll += l
                l = 0
                p = 0
            if tag == "table" and not ht and _looks_like_data_table(el):
                data_tables.add(el)
                t += 1
                w = float(l)  # data tables weigh fully
                p = 0
            elif tag in block:
                w += p if p >= 30 else p * 0.2
                p = 0
            L[i], LL[i], A[i], W[i], T[i], P[i], has_table[i], size[i] = l, ll, a, w, t, p, ht, sz
        self.L, self.LL, self.A, self.W, self.T, self.has_table = L, LL, A, W, T, has_table
        self.end = [i + size[i] for i in range(n)]
        self.data_tables = data_tables


def _looks_like_data_table(tbl) -> bool:
    """An innermost table that lays out data (>= 2 columns, no paragraph-sized cell), not a layout
    box around text."""
    ncells = 0
    nonempty = 0
    longest = 0
    multi_col = False
    for tr in tbl.iter("tr"):
        k = 0
        for td in tr:
            if td.tag in ("td", "th"):
                k += 1
                ncells += 1
                n = _tlen(td.text_content())
                if n:
                    nonempty += 1
                    longest = max(longest, n)
                if k > 1 or (td.get("colspan") or "1").strip() not in ("1", ""):
                    multi_col = True
    if longest > 1000 or (nonempty <= 2 and longest > 150):
        return False  # a box around paragraphs (e.g. spacer cell + text cell)
    return ncells >= 2 and multi_col


def _is_link_heavy(st: _Stats, i: int) -> bool:
    l, ll, a = st.L[i], st.LL[i], st.A[i]
    return a >= 2 and ll > 0 and ll >= 0.6 * (l + ll)


def _drop(el) -> None:
    """Remove an element and its subtree, keeping its tail text."""
    if el.getparent() is not None:
        el.drop_tree()


def _strip_junk(root) -> None:
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, *_JUNK_TAGS, with_tail=False)
    # small hidden blocks (Word's mso-hide, JS widgets); large hidden blocks may be a tab holding
    # the article text, so they stay
    for el in root.xpath(
        ".//*[contains(@style,'none') or contains(@style,'NONE') or contains(@style,'None')"
        " or contains(@style,'idden') or contains(@style,'IDDEN') or contains(@style,'mso-hide')]"
    ):
        st = el.get("style")
        if st and _HIDDEN_RE.search(st) and el.getparent() is not None:
            if el.find(".//table") is None and _tlen(el.text_content()) < 300:
                _drop(el)


_LINK_LIST_TAGS = frozenset(("ul", "ol", "dl", "div", "section", "td", "p", "span", "table", "tr", "font", "center"))
_HINT_TAGS = frozenset(("ul", "ol", "dl", "div", "section", "table", "span", "form"))


def _strip_chrome(body, st: _Stats) -> None:
    """Drop nav/header/footer/aside, chrome-named blocks and link lists that are small and hold no
    data table; innermost tables that are mostly links (lists of other documents)."""
    elements = st.elements
    total_l = max(st.L[st.index[body]], 1)
    to_drop = []
    i = 1 if elements and elements[0] is body else 0
    n = len(elements)
    while i < n:
        el = elements[i]
        if el in st.data_tables:
            if _is_link_heavy(st, i):
                to_drop.append(el)
            i = st.end[i]  # never touch the inside of a data table
            continue
        tag = el.tag
        drop = False
        if st.T[i] == 0 and tag in _CHROME_TAGS:
            # <nav>/<header>/<footer>/<aside>: chrome unless it holds most of the page
            drop = st.L[i] < 0.5 * total_l
        elif st.T[i] == 0 and (st.L[i] <= 0.15 * total_l or st.L[i] < 40):
            if tag in _LINK_LIST_TAGS and _is_link_heavy(st, i):
                drop = True
            elif tag in _HINT_TAGS and _CHROME_HINT_RE.search(" ".join(_attr_tokens(el))):
                drop = not any(_is_strong_container(x) for x in el.iter(etree.Element))
        if drop:
            to_drop.append(el)
            i = st.end[i]
        else:
            i += 1
    for el in to_drop:
        _drop(el)


# --------------------------------------------------------------------------------------------
# main content


def _choose_content(body, st: _Stats):
    """The main-content element, and the index (in ``st.elements``) where its text starts: an
    element extended to an ancestor to take in following tables skips what precedes the block."""
    W, T, idx = st.W, st.T, st.index
    bi = idx[body]
    # density pick: descend while one child holds >= 75% of the weight of the whole body
    total = W[bi]
    dens = body
    if total > 0:
        while True:
            nxt = None
            for c in dens:
                ci = idx.get(c)
                if ci is not None and W[ci] >= 0.75 * total:
                    if c.tag not in _PARAGRAPH_TAGS:
                        nxt = c
                    break
            if nxt is None:
                break
            dens = nxt
    dens_w = W[idx[dens]]

    def pick(cands, strong: bool):
        cands = [e for e in cands if W[idx[e]] > 0 or T[idx[e]] > 0]
        if not cands:
            return None
        kmax = max(cands, key=lambda e: (W[idx[e]], T[idx[e]]))
        wmax = W[idx[kmax]]
        if wmax < 0.5 * dens_w and not (strong and (_is_ancestor(dens, kmax) or _is_ancestor(kmax, dens))):
            return None  # a named box off to the side, much lighter than the article block
        tmax = T[idx[kmax]]
        best, best_depth = None, -1
        for e in cands:
            i = idx[e]
            if W[i] >= 0.85 * wmax and T[i] >= tmax:
                d = _depth(e)
                if d > best_depth:
                    best, best_depth = e, d
        return best

    chosen = pick([e for e in st.elements if _is_strong_container(e)], True)
    if chosen is None:
        chosen = pick([e for e in st.elements if _is_weak_container(e)], False)
        if chosen is not None and chosen is not dens and _is_ancestor(chosen, dens):
            # a page-wide "content" wrapper: the density pick (widened to take in the wrapper's
            # tables) is tighter
            tight = dens
            while tight is not chosen and T[idx[tight]] < T[idx[chosen]]:
                tight = tight.getparent()
            if W[idx[tight]] >= 0.9 * W[idx[chosen]]:
                chosen = tight
    if chosen is None:
        chosen = dens
    # data tables that follow the chosen block closely (e.g. the statistics table in a sibling
    # block after the prose): extend to the nearest ancestor holding them if it adds little other
    # text.  Tables before the block (metadata boxes: 索引号/发布机构) are left out.
    ci = idx[chosen]
    after = [t for t in st.data_tables if idx[t] >= st.end[ci]]
    if after:
        anc = chosen.getparent()
        while anc is not None and anc in idx:
            ai = idx[anc]
            inside = [t for t in after if ai < idx[t] < st.end[ai]]
            if inside:
                table_w = sum(W[idx[t]] for t in inside)
                # weight of what follows the block inside the ancestor (what precedes is skipped)
                follow_w = 0.0
                node = chosen
                while node is not anc:
                    for sib in node.itersiblings():
                        si = idx.get(sib)
                        if si is not None:
                            follow_w += W[si]
                    node = node.getparent()
                if follow_w - table_w <= 0.3 * max(W[ci], 1.0):
                    return anc, ci
                break
            anc = anc.getparent()
    return chosen, idx[chosen]


def _depth(el) -> int:
    d = 0
    p = el.getparent()
    while p is not None:
        d += 1
        p = p.getparent()
    return d


def _is_ancestor(a, b) -> bool:
    """True when a is b or an ancestor of b."""
    while b is not None:
        if b is a:
            return True
        b = b.getparent()
    return False


# --------------------------------------------------------------------------------------------
# tables

_SPAN_RE = re.compile(r"\s*(\d+)")
_MAX_COLSPAN = 1000


def _span(v: str | None, cap: int, zero_means_rest: bool) -> int:
    """A rowspan/colspan attribute value ('2', ' 3 ', '2;', garbage), capped; rowspan=0 spans to
    the end of the table, colspan=0 is 1."""
    if not v:
        return 1
    m = _SPAN_RE.match(v)
    if not m:
        return 1
    n = int(m.group(1))
    if n <= 0:
        return max(cap, 1) if zero_means_rest else 1
    return max(min(n, cap), 1)


def normalize_cell_text(el) -> str:
    """Text of a cell: all descendant text joined without separators (inline tags, <p>, <div>,
    <br> inside one cell), source-formatting whitespace dropped, then normalize_text."""
    parts = []
    for s in el.itertext():
        if s and not _is_layout_ws(s):
            parts.append(s)
    return normalize_text("".join(parts))


def _row_cells(tr):
    cells = [c for c in tr if c.tag in ("td", "th")]
    if not cells:
        cells = list(tr.iter("td", "th"))
    return cells


def _build_table(tbl, heading: str) -> Table | None:
    trs = list(tbl.iter("tr"))
    if not trs:
        return None
    nrows = len(trs)
    grid: dict[tuple[int, int], Cell] = {}
    ncols = 0
    for r, tr in enumerate(trs):
        c = 0
        for td in _row_cells(tr):
            while (r, c) in grid:
                c += 1
            rs = _span(td.get("rowspan"), nrows - r, True)
            cs = _span(td.get("colspan"), _MAX_COLSPAN, False)
            text = normalize_cell_text(td)
            for dr in range(rs):
                rr = r + dr
                for dc in range(cs):
                    pos = (rr, c + dc)
                    if pos in grid:
                        continue  # overlapping spans: the earlier cell keeps the position
                    if dr == 0 and dc == 0:
                        grid[pos] = Cell(text, rr, c, rs, cs, False)
                    else:
                        grid[pos] = Cell(text, rr, c + dc, rs, cs, True)
            c += cs
            if c > ncols:
                ncols = c
    if ncols == 0:
        return None
    rows: list[list[Cell]] = []
    for r in range(nrows):
        row = [grid.get((r, c)) for c in range(ncols)]
        if all(x is None for x in row):
            continue  # an empty <tr> that no span covers
        ri = len(rows)
        out = []
        for c, cell in enumerate(row):
            if cell is None:
                cell = Cell("", ri, c, 1, 1, False, True)
            else:
                cell.row = ri
            out.append(cell)
        rows.append(out)
    if not rows:
        return None
    return Table(rows=rows, heading=heading)


# --------------------------------------------------------------------------------------------
# rendering


def _render(content, st: _Stats, start: int) -> tuple[list[str], list[Table]]:
    """Lines of text and data tables of ``content``.  Elements wholly before
    ``st.elements[start]`` (and the text of its ancestors that precedes it) are skipped."""
    idx, ends = st.index, st.end
    lines: list[str] = []
    tables: list[Table] = []
    buf: list[str] = []
    last_text = ""

    def flush() -> None:
        nonlocal last_text
        if buf:
            s = normalize_text("".join(buf))
            buf.clear()
            if s:
                lines.append(s)
                last_text = s

    def add(s: str | None) -> None:
        if s and not _is_layout_ws(s):
            buf.append(s)

    def before_start(el) -> bool:
        i = idx.get(el)
        return i is not None and ends[i] <= start

    # stack of (element, phase): phase False = opening, True = closing
    stack: list[tuple[object, bool]] = [(content, False)]
    while stack:
        el, closing = stack.pop()
        tag = el.tag
        if closing:
            if tag in _BLOCK_TAGS:
                flush()
            if el is not content:
                add(el.tail)
            continue
        if before_start(el):
            continue  # precedes the main block (tail too)
        if tag == "br" or tag == "hr":
            flush()
            if el is not content:
                add(el.tail)
            continue
        if tag == "table" and el in st.data_tables:
            flush()
            cap = el.find("caption")
            heading = normalize_text(cap.text_content()) if cap is not None else last_text
            t = _build_table(el, heading[:300])
            if t is not None:
                tables.append(t)
                for row in t.logical_rows():
                    if any(c.text for c in row):
                        line = " | ".join(c.text for c in row)
                        # a trailing empty cell would vanish when the line is read back (text
                        # after the last '|' is a cell only when it is not empty): terminate it
                        lines.append(line + "|" if not row[-1].text else line)
                last_text = ""
            if el is not content:
                add(el.tail)
            continue
        if tag in _BLOCK_TAGS:
            flush()
        i = idx.get(el)
        if i is None or i >= start:
            add(el.text)  # an ancestor of the start element: its leading text precedes the block
        stack.append((el, True))
        for child in reversed(el):
            if isinstance(child.tag, str):
                stack.append((child, False))
    flush()
    return lines, tables


# --------------------------------------------------------------------------------------------
# title

_TITLE_CLASS_RE = re.compile(
    r"(?:^|[\s_\-])(?:title|tit|bt|biaoti|headline|article_?title|news_?title|detail_?title)(?:$|[\s_\-\d])",
    re.I,
)
_TITLE_SPLIT_RE = re.compile(r"\s*(?:_|\||｜|\s-\s|－|\s—\s|--)\s*")


def _title_candidates(body, st: _Stats) -> list[tuple[int, str]]:
    """(position, text) of headings that may be the article title: h1/h2 and title-named blocks,
    5-150 characters, not a link (site logos)."""
    out = []
    for el in body.iter("h1", "h2", "h3", "div", "p", "span", "td", "strong"):
        if el.tag in ("h1", "h2") or _TITLE_CLASS_RE.search(" ".join(_attr_tokens(el))):
            i = st.index.get(el)
            if i is None or st.LL[i] > st.L[i]:
                continue
            txt = normalize_text(el.text_content())
            if 5 <= len(txt) <= 150:
                out.append((i, txt))
    return out


def _pick_title(meta: dict[str, str], cands: list[tuple[int, str]], content_pos: int, content_end: int) -> str | None:
    """meta ArticleTitle; else a heading of the page that matches <title>; else the heading
    nearest before (or first inside) the main content when it is longer than the best <title>
    segment; else the longest <title> segment (site name parts split off)."""
    t = _meta_get(meta, "ArticleTitle", "articletitle", "og:title", "dc.title")
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


# --------------------------------------------------------------------------------------------
# Traditional Chinese

# characters used only in Traditional script (each converts under OpenCC t2s), and the
# Simplified-only counterparts; a page is Traditional when the former outnumber the latter
_TRAD_CHARS = frozenset(
    "資訊開報與際計們這會發國時對說過學實現應務將機關處號區條縣產業辦經項類種認議讀閱請數據"
    "統預決審執單總結費間門問題體個來見進動點電話網頁級規則範護權訴訟罰強許鎮鄉廳長義當從組織"
    "領導設無態圖書歷離參兩讓聽選擇責負貫徹衛醫療藥環營運輸財監檢測證農華東龍專員麼樣還陳續術"
    "語論質變興風氣車輛價門"
)
_SIMP_CHARS = frozenset(
    "资讯开报与际计们这会发国时对说过学实现应务将机关处号区条县产业办经项类种认议读阅请数据"
    "统预决审执单总结费间门问题体个来见进动点电话网页级规则范护权诉讼罚强许镇乡厅长义当从组织"
    "领导设无态图书历离参两让听选择责负贯彻卫医疗药环营运输财监检测证农华东龙专员么样还陈续术"
    "语论质变兴风气车辆价"
)

_converter = None


def _t2s():
    global _converter
    if _converter is None:
        import opencc

        _converter = opencc.OpenCC("t2s")
    return _converter


def is_traditional(text: str) -> bool:
    """Traditional-only characters (資訊開報與...) outnumber twice their Simplified forms."""
    t = s = 0
    for ch in text:
        if ch in _TRAD_CHARS:
            t += 1
        elif ch in _SIMP_CHARS:
            s += 1
    return t >= 3 and t > 2 * s


def to_simplified(text: str) -> str:
    """OpenCC t2s (character and phrase level; Taiwan terms such as 資訊 stay 资讯)."""
    return _t2s().convert(text) if text else text


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
    meta = _read_meta(root)
    body = root.find("body")
    if body is None:
        body = root
    _strip_junk(body)

    st0 = _Stats(body)
    title_cands = _title_candidates(body, st0)
    _strip_chrome(body, st0)
    st = _Stats(body)
    content, start = _choose_content(body, st)
    cpos = st0.index.get(st.elements[start], 0)
    title = _pick_title(meta, title_cands, cpos, st0.end[cpos])
    lines, tables = _render(content, st, start)
    text = "\n".join(lines)

    probe = (title or "") + text[:20000]
    traditional = is_traditional(probe)
    if traditional:
        cc = _t2s()
        text = cc.convert(text)
        title = cc.convert(title) if title else title
        meta = {k: cc.convert(v) if v else v for k, v in meta.items()}
        cache: dict[str, str] = {}
        for t in tables:
            if t.heading:
                t.heading = cc.convert(t.heading)
            for row in t.rows:
                for c in row:
                    if c.text and _IDEOGRAPH_RE.search(c.text):
                        v = cache.get(c.text)
                        if v is None:
                            v = cache[c.text] = cc.convert(c.text)
                        c.text = v
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

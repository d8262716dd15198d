"""Picking the main content of a page: the element that holds the article (and the tables after it).

A well-known article container (``TRS_Editor``, ``#zoom``, ``#UCAP-CONTENT``, ``.article_content``
...) when one holds the article, else the deepest block that holds most of the paragraph-weighted
text (tables weigh fully, links weigh nothing).
"""
from __future__ import annotations

from functools import lru_cache

from .stats import TextStats

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


def attr_tokens(el) -> list[str]:
    """The class names and the id of an element."""
    toks = (el.get("class") or "").split()
    i = el.get("id")
    if i:
        toks.append(i.strip())
    return toks


def _joined_tokens(klass: str | None, ident: str | None) -> str:
    """``" ".join(attr_tokens(el))`` from the values of the element's class and id."""
    toks = (klass or "").split()
    if ident:
        toks.append(ident.strip())
    return " ".join(toks)


def class_id_test(search):
    """``search(" ".join(attr_tokens(el)))`` as a function of the element's class and id values,
    cached: a site's pages repeat a few values on many elements, and most elements have neither
    (``search("")`` must be false)."""

    @lru_cache(maxsize=4096)
    def cached(klass: str | None, ident: str | None) -> bool:
        return search(_joined_tokens(klass, ident))

    def test(klass: str | None, ident: str | None) -> bool:
        if not klass and not ident:
            return False
        if len(klass or "") + len(ident or "") > 1000:  # rare long values are not kept in the cache
            return search(_joined_tokens(klass, ident))
        return cached(klass, ident)

    return test


def _tokens_name(tokens: list[str], names: frozenset[str]) -> bool:
    return any(t.lower() in names for t in tokens)


@lru_cache(maxsize=4096)  # a site's pages repeat the same few class and id values
def _container_names_cached(klass: str | None, ident: str | None) -> tuple[bool, bool]:
    toks = (klass or "").split()
    if ident:
        toks.append(ident.strip())
    return _tokens_name(toks, _STRONG_CONTAINERS), _tokens_name(toks, _WEAK_CONTAINERS)


def _container_names(klass: str | None, ident: str | None) -> tuple[bool, bool]:
    """Whether a class or the id (the values of an element's attributes) names a strong, and a
    weak, article container."""
    if not klass and not ident:
        return False, False
    if len(klass or "") + len(ident or "") > 1000:  # rare long values are not kept in the cache
        return _container_names_cached.__wrapped__(klass, ident)
    return _container_names_cached(klass, ident)


def is_strong_container(el) -> bool:
    if el.tag == "article":
        return False
    return any(t.lower() in _STRONG_CONTAINERS for t in attr_tokens(el))


def _is_weak_container(el) -> bool:
    return el.tag in ("article", "main") or any(t.lower() in _WEAK_CONTAINERS for t in attr_tokens(el))


def choose_content(body, st: TextStats):
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

    # one pass reads the class and id of every element pick() may take (some weight or a data
    # table) for both kinds of named container
    strong, weak = [], []
    elements, tags = st.elements, st.tags
    for i, e in enumerate(elements):
        if W[i] > 0 or T[i] > 0:
            klass, ident = e.get("class"), e.get("id")
            tag = tags[i]
            if klass or ident:  # most elements have neither
                names_strong, names_weak = _container_names(klass, ident)
                if names_strong and tag != "article":
                    strong.append(e)  # is_strong_container
                if names_weak or tag in ("article", "main"):
                    weak.append(e)  # _is_weak_container
            elif tag in ("article", "main"):
                weak.append(e)
    chosen = pick(strong, True)
    if chosen is None:
        chosen = pick(weak, False)
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

"""Per-element text statistics of a page tree (text, link text, paragraph weight, data tables).

The chrome strip, the main-content pick, the title pick and the renderer all read these numbers.
"""
from __future__ import annotations

from operator import add

from lxml import etree

from .text import BLOCK_TAGS, text_len


class TextStats:
    """Per-element aggregates, computed bottom-up in one pass over the pre-order element list.

    L: non-link text length; LL: link text length; A: number of links; W: paragraph-weighted
    text (long paragraphs and data-table text count fully, short fragments a fifth, links zero);
    T: number of data tables below (or self); has_table: any table below (excluding self);
    end: index after the element's subtree in ``elements``; tags: the elements' tags.
    """

    __slots__ = ("L", "LL", "A", "W", "T", "P", "has_table", "size", "end", "elements", "index", "data_tables", "tags")

    def __init__(self, root=None):
        if root is None:  # filled in by without()
            return
        self.elements = elements = list(root.iter(etree.Element))
        n = len(elements)
        self.index = dict(zip(elements, range(n)))
        self.L = [0] * n
        self.LL = [0] * n
        self.A = [0] * n
        self.W = [0.0] * n
        self.T = [0] * n
        self.P = [0] * n  # pending inline text not yet closed into a paragraph
        self.size = [1] * n
        self.has_table = [False] * n
        self.data_tables = set()
        self.tags = [el.tag for el in elements]
        children = list(map(len, elements))
        if sum(children) == n - 1:  # every child is an element (no comment left): the fast pass
            self._aggregate_all(children)
        else:
            self._aggregate(range(n - 1, -1, -1))
            self.end = list(map(add, range(n), self.size))

    def _aggregate_all(self, children: list[int]) -> None:
        """:meth:`_aggregate` over every element, for a tree whose children are all elements: the
        children of element ``i`` are then ``i + 1`` and each next one after the previous one's
        subtree, so the pass reads the pre-order lists alone, with the same sums in the same order."""
        elements = self.elements
        L, LL, A, W, T, P, size, has_table = self.L, self.LL, self.A, self.W, self.T, self.P, self.size, self.has_table
        block = BLOCK_TAGS
        tags = self.tags
        self.end = end = list(range(1, len(elements) + 1))
        own = [len("".join(s.split())) if (s := el.text) else 0 for el in elements]
        tails = [len("".join(s.split())) if (s := el.tail) else 0 for el in elements]
        for i in range(len(elements) - 1, -1, -1):
            tag = tags[i]
            if not children[i] and tag != "table":  # a leaf: its own text; the lists hold the rest
                l = own[i]
                if tag == "a":
                    A[i] = 1
                    LL[i] = l
                elif tag in block:
                    L[i] = l
                    W[i] = 0.0 + (l if l >= 30 else l * 0.2)
                else:
                    L[i] = P[i] = l
                continue
            l = p = own[i]
            ll = 0
            a = 0
            w = 0.0
            t = 0
            ht = False
            sz = 1
            j = i + 1
            for _ in range(children[i]):
                tail = tails[j]
                l += tail + L[j]
                p += tail + P[j]  # a block child's P is 0: its paragraph closed inside it
                sz += size[j]
                ll += LL[j]
                a += A[j]
                w += W[j]
                t += T[j]
                if has_table[j] or tags[j] == "table":
                    ht = True
                j += size[j]
            # _close, written out: this runs for every inner element of the page
            if tag == "a":
                a += 1
                ll += l
                l = 0
                p = 0
            elif tag == "table" and not ht and self._looks_like_data_table(elements[i]):
                self.data_tables.add(elements[i])
                t += 1
                w = float(l)
                p = 0
            elif tag in block:
                w += p if p >= 30 else p * 0.2
                p = 0
            L[i], LL[i], A[i], W[i], T[i], P[i] = l, ll, a, w, t, p
            has_table[i], size[i], end[i] = ht, sz, i + sz

    def _aggregate(self, order) -> None:
        """Compute the elements at ``order`` (descending indices: children before parents) from
        their own text, their children's tails and their children's numbers."""
        elements, idx = self.elements, self.index
        L, LL, A, W, T, P, size, has_table = self.L, self.LL, self.A, self.W, self.T, self.P, self.size, self.has_table
        block = BLOCK_TAGS
        for i in order:
            el = elements[i]
            tag = el.tag
            own = text_len(el.text)
            l = own
            ll = 0
            a = 0
            w = 0.0
            t = 0
            p = own
            ht = False
            sz = 1
            for c in el:
                tail = text_len(c.tail)
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
            self._close(i, tag, l, ll, a, w, t, p, ht, sz)

    def _close(self, i: int, tag: str, l: int, ll: int, a: int, w: float, t: int, p: int, ht: bool,
               sz: int) -> None:
        """Store element ``i``'s numbers from the sums over its own text and its children: a link's
        text is all link text, a data table weighs fully, a block closes its pending paragraph."""
        if tag == "a":
            a += 1
            ll += l
            l = 0
            p = 0
        if tag == "table" and not ht and self._looks_like_data_table(self.elements[i]):
            self.data_tables.add(self.elements[i])
            t += 1
            w = float(l)
            p = 0
        elif tag in BLOCK_TAGS:
            w += p if p >= 30 else p * 0.2
            p = 0
        self.L[i], self.LL[i], self.A[i], self.W[i], self.T[i], self.P[i] = l, ll, a, w, t, p
        self.has_table[i], self.size[i] = ht, sz

    def without(self, dropped: list[tuple[object, object]]) -> "TextStats":
        """The statistics of the same tree after the ``(element, former parent)`` pairs were
        removed with their subtrees (``drop_tree``), equal to computing them afresh (``self`` when
        none was).

        Only the ancestors of a removed element change (a removed element's tail moves to its
        previous sibling's tail or its parent's text, both read by the parent); every other
        element keeps its numbers, so they are copied and the ancestors alone are recomputed.
        """
        if not dropped:  # a page without chrome (one in ten): nothing changes
            return self
        old_end, old_idx = self.end, self.index
        gone = sorted(old_idx[el] for el, _ in dropped)
        kept: list[tuple[int, int]] = []  # the ranges of positions kept
        i = 0
        for g in gone + [len(self.elements)]:
            kept.append((i, g))
            i = old_end[g] if g < len(self.elements) else g
        new = TextStats()
        for name in ("elements", "L", "LL", "A", "W", "T", "P", "size", "has_table", "tags"):
            values = getattr(self, name)
            copy: list = []
            for a, b in kept:
                copy += values[a:b]
            setattr(new, name, copy)
        new.index = dict(zip(new.elements, range(len(new.elements))))
        changed: set[int] = set()
        for _, parent in dropped:
            while parent is not None and (j := new.index.get(parent)) is not None and j not in changed:
                changed.add(j)
                parent = parent.getparent()
        new.data_tables = {t for t in self.data_tables if t in new.index and new.index[t] not in changed}
        new._aggregate(sorted(changed, reverse=True))
        new.end = list(map(add, range(len(new.elements)), new.size))
        return new

    def _looks_like_data_table(self, tbl) -> bool:
        """An innermost table that lays out data (>= 2 columns, no paragraph-sized cell), not a
        layout box around text. Read when the table's cells have their numbers: a cell's text
        length is its non-link and link text (L + LL)."""
        idx, L, LL = self.index, self.L, self.LL
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
                    ti = idx[td]
                    n = L[ti] + LL[ti]
                    if n:
                        nonempty += 1
                        longest = max(longest, n)
                    if k > 1 or (td.get("colspan") or "1").strip() not in ("1", ""):
                        multi_col = True
        if longest > 1000 or (nonempty <= 2 and longest > 150):
            return False  # a box around paragraphs (e.g. spacer cell + text cell)
        return ncells >= 2 and multi_col

"""Rendering the main content as text lines, data tables as one line per row.

Block elements become lines; innermost data tables become :class:`Table` objects (rowspan/colspan
expanded) and one line per row: cells joined by `` | ``, empty cells kept in place, a row ending
in an empty cell terminated by ``|`` so that it reads back.
"""
from __future__ import annotations

from .grid import Table, build_table
from .stats import TextStats
from .text import BLOCK_TAGS, is_layout_ws, normalize_text
from .tree import text_content


def render(content, st: TextStats, start: int) -> tuple[list[str], list[Table]]:
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
        if s and not is_layout_ws(s):
            buf.append(s)

    # a walk over the pre-order positions of the content's subtree: an element closes (a block
    # ends its line, then its tail follows) when the walk reaches the end of its subtree
    elements, tags, data_tables = st.elements, st.tags, st.data_tables
    ci = idx[content]
    stop = ends[ci]
    open_: list[int] = []

    def close(j: int) -> None:
        if tags[j] in BLOCK_TAGS:
            flush()
        if j != ci:
            add(elements[j].tail)

    # add() and close() are written out in the loop below: it runs for every element of the content
    i = ci
    while i < stop:
        while open_ and ends[open_[-1]] <= i:
            j = open_.pop()
            if tags[j] in BLOCK_TAGS:
                flush()
            if j != ci and (s := elements[j].tail) and not is_layout_ws(s):
                buf.append(s)
        if ends[i] <= start:
            i = ends[i]
            continue  # precedes the main block (tail too)
        tag = tags[i]
        if tag == "br" or tag == "hr":
            flush()
            if i != ci:
                add(elements[i].tail)
            i = ends[i]
            continue
        if tag == "table" and elements[i] in data_tables:
            el = elements[i]
            flush()
            cap = el.find("caption")
            heading = normalize_text(text_content(cap)) if cap is not None else last_text
            t = build_table(el, heading[:300])
            if t is not None:
                tables.append(t)
                for row in t.logical_rows():
                    texts = [c.text for c in row]
                    if any(texts):
                        line = " | ".join(texts)
                        # a trailing empty cell would vanish when the line is read back (text
                        # after the last '|' is a cell only when it is not empty): terminate it
                        lines.append(line + "|" if not texts[-1] else line)
                last_text = ""
            if i != ci:
                add(el.tail)
            i = ends[i]
            continue
        if tag in BLOCK_TAGS:
            flush()
        # (before start: an ancestor of the start element, whose leading text precedes the block)
        if i >= start and (s := elements[i].text) and not is_layout_ws(s):
            buf.append(s)
        open_.append(i)
        i += 1
    while open_:
        close(open_.pop())
    flush()
    return lines, tables

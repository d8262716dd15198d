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

    def before_start(el) -> bool:
        i = idx.get(el)
        return i is not None and ends[i] <= start

    # stack of (element, phase): phase False = opening, True = closing
    stack: list[tuple[object, bool]] = [(content, False)]
    while stack:
        el, closing = stack.pop()
        tag = el.tag
        if closing:
            if tag in BLOCK_TAGS:
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
            heading = normalize_text(text_content(cap)) if cap is not None else last_text
            t = build_table(el, heading[:300])
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
        if tag in BLOCK_TAGS:
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

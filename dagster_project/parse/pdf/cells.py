"""Cell text of a table read from a PDF or a Word file, cleaned for the text flattening.

A cell printed on several lines (``三\\n、\\n本\\n年``) is one label; the spaces a PDF puts between
Chinese characters and digits (``2023 年``, ``总 计``) are layout, not content. A ``|`` inside a cell
would split it in the flattening, so it becomes a full-width bar.
"""
from __future__ import annotations

import re

_CJK = r"\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
_SPACE_NEXT_TO_CJK = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")


def clean_cell(text: str | None) -> str:
    """One line of cell text: joined lines, no layout spaces beside Chinese characters."""
    if not text:
        return ""
    text = text.replace("\xa0", " ").replace("|", "｜")
    text = _SPACE_NEXT_TO_CJK.sub("", text.replace("\n", " ").strip())
    return re.sub(r"\s{2,}", " ", text)


def row_line(cells: list[str | None]) -> str:
    """One table row as one line of the flattening: cells joined by `` | ``.

    ``None`` marks a position covered by a merged cell: it is not a cell of its own, so it is left
    out; an empty string is a printed empty cell and stays (the parser reads it as blank). A row
    ending in an empty cell is terminated by ``|``, as the HTML reader does: text after the last
    ``|`` is a cell only when it is not empty, and a row that lost its last cell (a blank 总计) no
    longer has a cell per column, so its figures would be placed by their sums instead of their columns.
    """
    kept = [clean_cell(c) for c in cells if c is not None]
    if not any(kept):
        return ""
    line = " | ".join(kept)
    return line + "|" if not kept[-1] else line

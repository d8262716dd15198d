"""Prose lines of a PDF joined back into paragraphs.

A PDF breaks a paragraph wherever the line is full. The report parser reads figures from sentences
("受理政府信息公开申请 21 件，均在法定期限答复"), so a line that runs to the right margin and is
followed by a line that is not indented and starts no heading is the same paragraph.
"""
from __future__ import annotations

import re

from .layout import Block

_HEADING = re.compile(r"^(第?[一二三四五六七八九十]+[、章节是]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|附件|表[一二三四\d])")
_END_OF_SENTENCE = "。！？；：”」）)"


def continues(prev: Block, nxt: Block, right_edge: float, left_edge: float) -> bool:
    """Whether ``nxt`` carries on the paragraph that ``prev`` ends."""
    char_w = max(prev.size, nxt.size, 6.0)
    reached_margin = prev.x1 >= right_edge - 1.5 * char_w
    indented = nxt.x0 > left_edge + 0.8 * char_w
    if not reached_margin or indented or _HEADING.match(nxt.text):
        return False
    # a full line ending a sentence may still end its paragraph; the next line's indent decides above
    return not (prev.text.endswith(tuple(_END_OF_SENTENCE)) and nxt.x0 > left_edge + 0.3 * char_w)


def margins(lines: list[Block]) -> tuple[float, float]:
    if not lines:
        return 0.0, 0.0
    return min(b.x0 for b in lines), max(b.x1 for b in lines)

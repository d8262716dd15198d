"""Prose lines of a PDF joined back into paragraphs.

A PDF breaks a paragraph wherever the line is full. The report parser reads figures from sentences
("受理政府信息公开申请 21 件，均在法定期限答复"), so a line that runs to the right margin and is
followed by a line that is not indented and starts no heading is the same paragraph.
"""
from __future__ import annotations

import re

from .layout import Block

HEADING = re.compile(r"^(第?[一二三四五六七八九十]+[、章节是]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|附件|表[一二三四\d])")
_END_OF_SENTENCE = "。！？；：”」）)"


# what a line may not be broken inside: a run of Latin letters and digits, with the opening brackets
# and quotes that may not end a line before it (《2020年…, “12345”)
_UNBREAKABLE = re.compile(r"[《“‘(（〈「『\[]*[A-Za-z0-9.,:/%@_\-]+|[《“‘(（〈「『\[]+")


def continues(prev: Block, nxt: Block, right_edge: float, left_edge: float) -> bool:
    """Whether ``nxt`` carries on the paragraph that ``prev`` ends.

    A line ends short of the margin where the next line's first word did not fit: a line of text
    set flush left ends before ``2013年…`` when 2013 is wider than the room left."""
    char_w = max(prev.size, nxt.size, 6.0)
    room = right_edge - prev.x1
    first = _UNBREAKABLE.match(nxt.text)
    # (digits and Latin letters take about half a character's width, brackets a whole one; six
    # characters' room at most: past that, the line ended there)
    word = min(6.0, sum(1.0 if c in "《“‘(（〈「『[" else 0.6 for c in first.group())) if first else 0.0
    reached_margin = room <= (1.5 + word) * char_w
    indented = nxt.x0 > left_edge + 0.8 * char_w
    if not reached_margin or indented or HEADING.match(nxt.text):
        return False
    # a full line ending a sentence may still end its paragraph; the next line's indent decides above
    return not (prev.text.endswith(tuple(_END_OF_SENTENCE)) and nxt.x0 > left_edge + 0.3 * char_w)


def margins(lines: list[Block]) -> tuple[float, float]:
    if not lines:
        return 0.0, 0.0
    return min(b.x0 for b in lines), max(b.x1 for b in lines)

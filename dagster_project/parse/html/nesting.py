"""Pages nested deeper than libxml2 will build: flatten the wrappers beyond a depth, keep the text.

libxml2 stops building the tree at a nesting depth of about 2,000 elements even with
``huge_tree``, and silently drops everything below; a report wrapped in 10,000 ``<div>``s came
out as a page with no text. Wrapper elements (div, span, font, …) beyond :data:`MAX_WRAPPER_DEPTH`
carry no structure the parser reads, so their tags are removed before parsing (block wrappers
leave a line break) and their content is kept. Pages within the limit are returned unchanged.
One pass over the tags: linear in the size of the page.
"""
from __future__ import annotations

import re

MAX_WRAPPER_DEPTH = 512  # well below libxml2's limit, far above any real page's nesting

_BLOCK_WRAPPERS = frozenset({"div", "section", "article", "center", "blockquote", "main", "aside",
                             "header", "footer", "nav"})
_INLINE_WRAPPERS = frozenset({"span", "font", "b", "i", "u", "s", "em", "strong", "small", "big",
                              "strike", "sub", "sup", "label", "o:p"})
_WRAPPERS = _BLOCK_WRAPPERS | _INLINE_WRAPPERS
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:]*)(?:\s[^<>]*)?(/?)>")


def flatten_deep_nesting(html: str, max_depth: int = MAX_WRAPPER_DEPTH) -> str:
    """The page with wrapper tags nested deeper than ``max_depth`` removed (their content kept)."""
    if html.count("<") <= max_depth:  # cannot nest that deep: the common case costs one count
        return html
    open_by_name: dict[str, list[bool]] = {}  # per tag name, the open wrappers: kept or dropped
    depth = 0
    pieces: list[str] = []
    last = 0
    for m in _TAG_RE.finditer(html):
        name = m.group(2).lower()
        if name not in _WRAPPERS or m.group(3):
            continue
        stack = open_by_name.setdefault(name, [])
        if m.group(1):  # a closing tag closes the latest open wrapper of its name
            if not stack:
                continue
            depth -= 1
            if stack.pop():
                continue
        else:
            depth += 1
            keep = depth <= max_depth
            stack.append(keep)
            if keep:
                continue
        between = html[last:m.start()]
        pieces.append(between)
        # one line break per run of block tags with nothing between them
        if name in _BLOCK_WRAPPERS and (between.strip() or not pieces or pieces[-2:-1] != ["<br>"]):
            pieces.append("<br>")
        last = m.end()
    if not pieces:
        return html
    pieces.append(html[last:])
    return "".join(pieces)

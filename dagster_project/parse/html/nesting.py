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


def _any_case(name: str) -> str:
    # explicit [dD][iI][vV]: re.IGNORECASE would also take look-alikes (ſ for s) that _TAG_RE does not
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in name)


# where _TAG_RE can match a wrapper tag: '<', '/'?, a wrapper's name, then space, '/' or '>'
_WRAPPER_AT_RE = re.compile(
    "<(/?)(" + "|".join(_any_case(n) for n in sorted(_WRAPPERS, key=len, reverse=True)) + r")(?=[\s/>])")


def _deeper_than(html: str, max_depth: int) -> bool:
    """Whether the pass of :func:`flatten_deep_nesting` would open a wrapper deeper than
    ``max_depth``: the same depth count, without scanning every tag's attributes by regex."""
    open_by_name: dict[str, int] = {}
    depth = 0
    find = html.find
    for m in _WRAPPER_AT_RE.finditer(html):
        end = m.end()
        if html[end] == "/":
            continue  # '<span/>' is self-closing and '<span/ x>' is no tag: _TAG_RE skips both
        gt = find(">", end)
        if gt < 0:
            return False  # no '>' left: no tag matches from here on
        if end != gt and find("<", end, gt) >= 0:
            continue  # a '<' before the '>': not a tag
        name = m.group(2).lower()
        if m.group(1):
            if open_by_name.get(name):
                open_by_name[name] -= 1
                depth -= 1
        else:
            open_by_name[name] = open_by_name.get(name, 0) + 1
            depth += 1
            if depth > max_depth:
                return True
    return False


def flatten_deep_nesting(html: str, max_depth: int = MAX_WRAPPER_DEPTH) -> str:
    """The page with wrapper tags nested deeper than ``max_depth`` removed (their content kept)."""
    if html.count("<") <= max_depth or not _deeper_than(html, max_depth):  # the common case
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

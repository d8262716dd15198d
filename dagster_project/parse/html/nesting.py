"""Pages nested deeper than libxml2 will build: flatten the wrappers beyond a depth, keep the text.

libxml2 stops building the tree at a nesting depth of 2,048 elements even with ``huge_tree``,
and drops everything below (its error log holds an ``ERR_RESOURCE_LIMIT``, "Excessive depth"); a
report wrapped in 10,000 ``<div>``s came out as a page with no text. The page reader parses a
page as it is and calls this only when libxml2 stopped there. Wrapper elements (div, span,
font, …) beyond :data:`MAX_WRAPPER_DEPTH` carry no structure the parser reads, so their tags are
removed before parsing again (block wrappers leave a line break) and their content is kept. Pages
within the limit are returned unchanged. One pass over the tags: linear in the size of the page.
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


def _names_re(names) -> str:
    """A pattern matching exactly ``names`` (any ASCII case), grouped by first letter behind a
    test of that letter: the engine tries one or two branches at a '<', not every name."""
    by_first: dict[str, list[str]] = {}
    for n in sorted(names, key=len, reverse=True):
        by_first.setdefault(n[0], []).append(n[1:])
    firsts = "".join(_any_case(first)[1:-1] for first in sorted(by_first))
    return f"(?=[{firsts}])(?:" + "|".join(
        _any_case(first) + "(?:" + "|".join(_any_case(rest) for rest in rests) + ")"
        for first, rests in sorted(by_first.items())) + ")"


_NAMES = _names_re(_WRAPPERS)
# a wrapper tag as the pass of flatten_deep_nesting takes it: '<', '/'?, a wrapper's name, then
# space or '>' ('<span/>' is self-closing and '<span/ x>' is no tag: _TAG_RE skips both), and no
# '<' before the closing '>'
_WRAPPER_TAG_RE = re.compile("<(/?)(" + _NAMES + r")(?=[\s>])[^<>]*>")
# what may open a wrapper: at least every opening tag _WRAPPER_TAG_RE matches (attributes unread)
_WRAPPER_OPEN_RE = re.compile("<(?:" + _NAMES + r")(?=[\s>])")


# what may open a wrapper (as above), or surely closes one ('</name>'): read without the attributes
_WRAPPER_EVENT_RE = re.compile("<(?:(" + _NAMES + r")(?=[\s>])|/(" + _NAMES + ")>)")


def _may_be_deeper(html: str, max_depth: int) -> bool:
    """False when no wrapper can open deeper than ``max_depth``: a depth count that never falls
    below the exact one (every tag that may open a wrapper opens one, only plain closing tags
    close), over a scan that does not read the tags' attributes."""
    open_by_name: dict[str, int] = {}
    depth = 0
    for opened, closed in _WRAPPER_EVENT_RE.findall(html):
        if opened:
            name = opened.lower()
            open_by_name[name] = open_by_name.get(name, 0) + 1
            depth += 1
            if depth > max_depth:
                return True
        else:
            name = closed.lower()
            if open_by_name.get(name):
                open_by_name[name] -= 1
                depth -= 1
    return False


def _deeper_than(html: str, max_depth: int) -> bool:
    """Whether the pass of :func:`flatten_deep_nesting` would open a wrapper deeper than
    ``max_depth``: the same depth count over the wrapper tags alone (not every tag), after a count
    of the openings that settles most pages."""
    if len(_WRAPPER_OPEN_RE.findall(html)) <= max_depth or not _may_be_deeper(html, max_depth):
        return False  # fewer openings than the limit, or a depth bound within it
    open_by_name: dict[str, int] = {}
    depth = 0
    for close, name in _WRAPPER_TAG_RE.findall(html):
        name = name.lower()
        if close:
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

"""The two ``lxml.html`` element methods the page reader uses, for plain ``lxml.etree`` elements.

Pages are parsed with a plain ``etree.HTMLParser``: ``lxml.html``'s parser gives every element a
Python class chosen by a Python lookup, which made creating element proxies (every walk over the
tree) about twice as slow. These functions behave as ``HtmlElement.text_content`` and
``HtmlElement.drop_tree`` do, on either kind of element.
"""
from __future__ import annotations

from lxml import etree

def text_content(el) -> str:
    """All text inside the element (its tail excluded): its XPath string value, read by libxml2's
    text serialiser (about twice as fast as evaluating ``string()``)."""
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def drop_tree(el) -> None:
    """Remove the element and its subtree; its tail joins the previous sibling's tail or the parent's text."""
    parent = el.getparent()
    assert parent is not None
    if el.tail:
        previous = el.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + el.tail
        else:
            previous.tail = (previous.tail or "") + el.tail
    parent.remove(el)

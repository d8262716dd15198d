"""The test of a style for the marks of hiding is the search for any of them: a mark added to
``_HIDDEN_MARKS`` without the test, or the test edited alone, fails here."""
from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from dagster_project.parse.html.chrome import _HIDDEN_MARKS, _may_hide

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _styles() -> set[str]:
    styles = set()
    for page in sorted(FIXTURES.rglob("*.htm*")):
        root = etree.fromstring(page.read_bytes(), etree.HTMLParser())
        if root is not None:
            styles.update(root.xpath("//@style"))
    return styles


def test_may_hide_is_a_search_for_the_marks():
    search = re.compile("|".join(map(re.escape, _HIDDEN_MARKS))).search
    made = [f"{a}{m}{b}" for m in _HIDDEN_MARKS for a in ("", "x;", "display:") for b in ("", ";", " x")]
    made += [m[:-1] for m in _HIDDEN_MARKS] + [m[1:] for m in _HIDDEN_MARKS] + ["nOne", "HIDDEN", "mso-Hide"]
    for style in made + sorted(_styles()):
        assert _may_hide(style) == bool(search(style)), style

"""The statistics of a page after its chrome is removed are updated, not recomputed: they must be
exactly those of the stripped tree computed afresh, on real pages that lose chrome."""
from __future__ import annotations

from pathlib import Path

import pytest

from dagster_project.parse.html.chrome import strip_chrome, strip_junk
from dagster_project.parse.html.page import _parse
from dagster_project.parse.html.stats import TextStats

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PAGES = sorted((FIXTURES / "pingtan_site/reports").glob("*.html"))[:6] + sorted((FIXTURES / "quirks").glob("*.html"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_updated_statistics_equal_fresh_ones(page):
    root = _parse(page.read_text(encoding="utf-8"))
    body = root.find("body")
    body = root if body is None else body
    strip_junk(body)
    before = TextStats(body)
    dropped = strip_chrome(body, before)
    updated, fresh = before.without(dropped), TextStats(body)
    assert updated.elements == fresh.elements
    for name in ("L", "LL", "A", "W", "T", "P", "size", "has_table", "end"):
        assert getattr(updated, name) == getattr(fresh, name), name
    assert updated.data_tables == fresh.data_tables


def test_pingtan_pages_lose_chrome():
    """The pages above do exercise the update: some of them drop chrome blocks."""
    drops = 0
    for page in PAGES:
        root = _parse(page.read_text(encoding="utf-8"))
        body = root.find("body")
        body = root if body is None else body
        strip_junk(body)
        drops += len(strip_chrome(body, TextStats(body)))
    assert drops >= 10

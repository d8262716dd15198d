"""A real report wrapped in 10,000 nested <div>s reads exactly as the page itself.

The reproduction: libxml2 stops building the tree about 2,000 elements deep (even with
huge_tree), so the wrapped page came out as "HTML page with no main-content text". The page is
flattened when libxml2 says it stopped there.
"""
import re

import pytest

from dagster_project.parse.html.nesting import MAX_WRAPPER_DEPTH, flatten_deep_nesting
from dagster_project.parse.report import parse_document
from seed_gold import gold_values, pingtan_cases

CASES = {path.stem: (path, gold) for path, gold in pingtan_cases()}


def _wrapped(html: str, depth: int) -> str:
    body = re.search(r"<body[^>]*>", html, re.I)
    end = html.lower().rindex("</body>")
    return html[:body.end()] + "<div>" * depth + html[body.end():end] + "</div>" * depth + html[end:]


def _figures(parsed) -> dict:
    return {(f.indicator_code, f.applicant_type): f.value for f in parsed.figures}


# 1,500: deeper than the flattening's limit, within libxml2's, so the tree is built whole
@pytest.mark.parametrize("depth", [1_500, 10_000])
@pytest.mark.parametrize("stem", ["202302_80629"])
def test_page_in_ten_thousand_divs_has_the_same_figures(stem, depth):
    path, gold = CASES[stem]
    html = path.read_text(encoding="utf-8")
    plain = parse_document(html, path.name)
    deep = parse_document(_wrapped(html, depth), path.name)
    assert _figures(deep) == _figures(plain)
    assert deep.meta.report_year == plain.meta.report_year == gold.get("report_year", plain.meta.report_year)
    for key, value in gold_values(gold).items():
        assert _figures(deep).get(key) == value, key


def test_pages_within_the_limit_are_untouched():
    for path, _ in list(CASES.values())[:5]:
        html = path.read_text(encoding="utf-8")
        assert flatten_deep_nesting(html) is html


def test_flattening_keeps_text_and_the_outer_wrappers():
    depth = 3 * MAX_WRAPPER_DEPTH
    html = "<html><body>" + "<div>" * depth + "表一<span>" + "x" + "</span>" + "</div>" * depth + "</body></html>"
    flat = flatten_deep_nesting(html)
    assert flat.count("<div>") == MAX_WRAPPER_DEPTH and flat.count("</div>") == MAX_WRAPPER_DEPTH
    assert "表一x" in flat and "<span>" not in flat  # the span sits below the limit too

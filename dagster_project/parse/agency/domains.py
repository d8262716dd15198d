"""Divisions a site's host name spells: www.sxjiaxian.gov.cn -> 佳县 (sx = 陕西), weibin -> 渭滨区 or 卫滨区.

A host only ever narrows a choice the page leaves open (which 迎宾路街道, which 区): several
divisions share a spelling, and mirrors serve government pages under unrelated hosts.
"""
from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

from .divisions import division_table, short_name

_GENERIC = {"www", "gov", "cn", "com", "net", "org", "m", "wap", "xxgk", "zwgk", "info", "html", "http", "https"}


@lru_cache(maxsize=None)  # a prefecture's spellings prefix every one of its counties'
def _spellings(name: str) -> frozenset[str]:
    """Every reading of the name and of its short form (宁都: ningdu and ningdou), in full and as initials."""
    from itertools import islice, product

    from pypinyin import Style, pinyin

    short = short_name(name)
    out = set()
    for form in {short, name}:
        if len(form) < 2:
            continue
        for style in (Style.NORMAL, Style.FIRST_LETTER):
            readings = pinyin(form, style=style, heteronym=True)
            out |= {"".join(r) for r in islice(product(*readings), 16)}
    return frozenset(s for s in out if len(s) >= 2)


@lru_cache(maxsize=1)
def _index() -> dict[str, set[str]]:
    table = division_table()
    index: dict[str, set[str]] = {}
    for division in table.by_code.values():
        if division.level not in ("prefecture", "county"):
            continue
        own = _spellings(division.name)
        prefixes = {""}
        for parent in table.ancestors(division):
            prefixes |= _spellings(parent.name)
        for spelling in own:
            for prefix in prefixes:
                index.setdefault(prefix + spelling, set()).add(division.code)
    return index


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    return host or None


def divisions_of_host(url: str | None) -> list:
    """The prefecture- and county-level divisions whose spelling is a label of the URL's host."""
    host = host_of(url)
    if not host or host.replace(".", "").isdigit():
        return []
    table, index = division_table(), _index()
    codes: list[str] = []
    for label in host.lower().split("."):
        if label in _GENERIC or len(label) < 2:
            continue
        for code in sorted(index.get(label, ())):
            if code not in codes:
                codes.append(code)
    return [table.by_code[c] for c in codes]

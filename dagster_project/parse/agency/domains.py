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

    out = set()
    for form in {short_name(name), name}:
        if len(form) < 2:
            continue
        for readings in _readings(form):
            out |= {"".join(r) for r in islice(product(*readings), 16)}
    return frozenset(s for s in out if len(s) >= 2)


def _readings(form: str) -> tuple[list[list[str]], list[list[str]]]:
    """pypinyin's readings of each character (heteronyms) in full and as initials. An initial is the
    first letter of the full reading, so for Chinese characters pypinyin segments the name once."""
    from pypinyin import Style, pinyin
    from pypinyin.constants import RE_HANS

    full = pinyin(form, style=Style.NORMAL, heteronym=True)
    if not RE_HANS.fullmatch(form) or any(not r for readings in full for r in readings):
        return full, pinyin(form, style=Style.FIRST_LETTER, heteronym=True)
    return full, [list(dict.fromkeys(r[0] for r in readings)) for readings in full]


@lru_cache(maxsize=1)
def _index() -> dict[str, set[str]]:
    """The prefecture- and county-level divisions by each spelling of their own name; a host label
    may also put a spelling of a division above it first (sxjiaxian: sx + jiaxian), read at look-up."""
    table = division_table()
    index: dict[str, set[str]] = {}
    for division in table.by_code.values():
        if division.level not in ("prefecture", "county"):
            continue
        for spelling in _spellings(division.name):
            index.setdefault(spelling, set()).add(division.code)
    return index


@lru_cache(maxsize=4096)
def _prefixes(code: str) -> frozenset[str]:
    """The spellings of the divisions above one (a host label's possible first part)."""
    table = division_table()
    out: set[str] = set()
    for parent in table.ancestors(table.by_code[code]):
        out |= _spellings(parent.name)
    return frozenset(out)


def _spelled_by(label: str) -> set[str]:
    """The divisions whose spelling, alone or after a spelling of a division above, is the label."""
    index = _index()
    codes = set(index.get(label, ()))
    for k in range(2, len(label) - 1):  # every spelling has two letters at least
        for code in index.get(label[k:], ()):
            if code not in codes and label[:k] in _prefixes(code):
                codes.add(code)
    return codes


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
    table = division_table()
    codes: list[str] = []
    for label in host.lower().split("."):
        if label in _GENERIC or len(label) < 2:
            continue
        for code in sorted(_spelled_by(label)):
            if code not in codes:
                codes.append(code)
    return [table.by_code[c] for c in codes]

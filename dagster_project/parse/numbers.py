"""Reading one printed figure: blanks, signs, units, approximations, notes and full-width digits."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .labels import nfkc

# Cells that mean "printed empty": blank is not zero.
BLANK_MARKERS = {"", "/", "-", "—", "——", "–", "－", "无", "\\", "——/", "／", "空", "_"}

_NUMBER = re.compile(
    r"""^(?P<sign>[+\-])?\s*
        (?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s*
        (?P<approx>余|多|左右)?\s*
        (?P<mult>万|亿)?\s*
        (?P<unit>万元|元|亿元|条|件|次|篇|个|人次|人|项|期|起|份|家|场|名|户|批)?\s*
        (?P<approx2>余|多|左右)?\s*
        (?:[（(](?P<unit2>万元|元|亿元)[）)])?\s*
        (?P<note>[（(].*[）)])?$""",
    re.X,
)


@dataclass(frozen=True)
class ParsedNumber:
    value: float
    approximate: bool
    unit: str | None  # unit printed with the figure, if any


# cells repeat within and across documents: short ones are read once per process (bounded cache)
CACHED_CHARS = 80  # labels and cells; longer lines are prose, rarely seen twice
CACHE_ENTRIES = 1 << 15  # at most ~15 MB per cache


def normalise_cell(text: str) -> str:
    text = nfkc(text.replace("\xa0", " ").replace("\u200b", ""))
    text = text.replace("\u2212", "-").replace("\ufe63", "-")  # minus signs NFKC leaves alone
    return "".join(text.split())  # = re.sub(r"\s+", ""), much faster on Chinese text


# dashes and slashes alone, however many (--, — —, ／／): printed empty
_DASHES = re.compile(r"^[-—–_/\\─━~]+$")


def _blank(cell: str) -> bool:
    return cell in BLANK_MARKERS or bool(_DASHES.match(cell))


def _is_blank(text: str) -> bool:
    return _blank(normalise_cell(text))


_is_blank_cached = lru_cache(maxsize=CACHE_ENTRIES)(_is_blank)


def is_blank(text: str) -> bool:
    return _is_blank_cached(text) if len(text) <= CACHED_CHARS else _is_blank(text)


# a figure the page garbled (l3, 3x, abc, l,OZ4: Latin letters for digits or in their place): it
# holds its cell in a table's row, unread, so that the figures after it are not read into its place
_GARBLED_FIGURE = re.compile(r"^(?=[^\u4e00-\u9fff]*[A-Za-z])[A-Za-z0-9,.]{1,8}$")


def is_garbled_figure(text: str) -> bool:
    """Read as figures are: full-width letters and digits, and blanks inside (３ｘ, 3 x), as 3x."""
    return _GARBLED_FIGURE.match(normalise_cell(text)) is not None


def parse_number(text: str) -> ParsedNumber | None:
    """The figure a cell holds, or None when the cell is blank or not a figure.

    ``+248`` is 248, ``-2`` is -2, ``309余`` is approximately 309, ``28万`` is 280000,
    ``22（其中修订16件）`` is 22. Money units are returned so the caller can convert to the
    indicator's unit (see :func:`to_unit`).
    """
    return _parse_cached(text) if len(text) <= CACHED_CHARS else _parse(text)


def _parse(text: str) -> ParsedNumber | None:
    cell = normalise_cell(text)
    if _blank(cell):
        return None
    m = _NUMBER.match(cell)
    if not m:
        return None
    value = float(m.group("num").replace(",", ""))
    if m.group("sign") == "-":
        value = -value
    unit = m.group("unit") or m.group("unit2")
    mult = m.group("mult")
    if mult == "万" and unit != "元":
        value *= 10000
    elif mult == "亿":
        value *= 100000000
    if mult == "万" and unit == "元":
        unit = "万元"
    return ParsedNumber(value, bool(m.group("approx") or m.group("approx2")), unit)


_parse_cached = lru_cache(maxsize=CACHE_ENTRIES)(_parse)  # ParsedNumber is frozen: sharing is safe


def to_unit(number: ParsedNumber, indicator_unit: str, default_unit: str | None = None) -> float:
    """Convert a parsed figure into the indicator's unit. Only money needs converting."""
    printed = number.unit or default_unit
    if indicator_unit == "万元":
        if printed == "元":
            return round(number.value / 10000, 10)
        if printed == "亿元":
            return round(number.value * 10000, 10)
    return number.value

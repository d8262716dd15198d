"""Where the tables of the 2019/2021 formats sit in the cell stream, found by their section headings."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .cells import CellToken
from ..labels import normalise_label

_T2 = re.compile(r"主动公开政府信息情况|第二十条第")
_T2_HEADING = re.compile(r"主动公开政府信息情况")
_T3 = re.compile(r"收到和处理政府信息公开申请情况")
# tolerant of typos seen in the wild (行政法复议)
_T4 = re.compile(r"政府信息公开行政.{0,2}复议[、,，]?行政.{0,2}诉讼情况|^四、.{0,16}复议.{0,4}诉讼")
_END = re.compile(r"^五、|存在的主要问题|主要问题及改进")
MAX_HEADING_CHARS = 60


@dataclass(frozen=True)
class TableRegions:
    t2: tuple[int, int] | None
    t3: tuple[int, int] | None
    t4: tuple[int, int] | None
    t3_goes_on: bool = False  # table three found by its rows only: no heading or header of it on the page


def _first(cells: list[CellToken], rx: re.Pattern, start: int) -> int | None:
    for i in range(start, len(cells)):
        norm = normalise_label(cells[i].text)
        if len(norm) <= MAX_HEADING_CHARS and rx.search(norm):
            return i
    return None


# Where a heading is worded otherwise (三、依申请公开情况) the tables start at their own cells.
_T3_CELLS = re.compile(r"^申请人情况$|本年新收政府信息公开申请数量")
_T4_CELLS = re.compile(r"^行政复议$")


def _first_followed_by(cells: list[CellToken], rx: re.Pattern, following: str, within: int, start: int) -> int | None:
    """The first cell from ``start`` that ``rx`` finds with a cell reading ``following`` among the next ``within``."""
    i = _first(cells, rx, start)
    while i is not None:
        if any(normalise_label(c.text) == following for c in cells[i + 1:i + 1 + within]):
            return i
        i = _first(cells, rx, i + 1)
    return None


def _table_four_header(cells: list[CellToken], start: int) -> int | None:
    """The 行政复议 header cell with 行政诉讼 right after it."""
    return _first_followed_by(cells, _T4_CELLS, "行政诉讼", 3, start)


# the header's second row (结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计), where a pager cut the first away
_T4_SECOND_ROW = re.compile(r"^结果维持$")


def _table_four_second_row(cells: list[CellToken], start: int) -> int | None:
    return _first_followed_by(cells, _T4_SECOND_ROW, "结果纠正", 2, start)


GoesOn = Callable[[list[CellToken], int], int | None]


def find_regions(cells: list[CellToken], table_three_goes_on: GoesOn | None = None,
                 table_two_goes_on: GoesOn | None = None) -> TableRegions:
    """``table_three_goes_on(cells, start)`` and ``table_two_goes_on``: where a table's rows go on without
    its heading and header, which a site's pager leaves on the page before (the first of its rows here),
    or None."""
    t2 = _first(cells, _T2, 0)
    # (a table two found by its section heading has one: the cells need no second scan)
    heading = t2 is not None and _T2_HEADING.search(normalise_label(cells[t2].text)) is not None
    if table_two_goes_on is not None and not heading and _first(cells, _T2_HEADING, 0) is None:
        # no section heading of table two: a row before its next 第二十条 section is the rest of a cut one
        rows = table_two_goes_on(cells, 0)
        if rows is not None and (t2 is None or rows < t2):
            t2 = rows
    t3 = _first(cells, _T3, t2 or 0)
    if t3 is None:
        t3 = _first(cells, _T3_CELLS, t2 or 0)
    goes_on = False
    if t3 is None and table_three_goes_on is not None:
        t3 = table_three_goes_on(cells, t2 or 0)
        goes_on = t3 is not None
    # without table three, table four is looked for only on the rest of a cut report (its heading or
    # header there follows no other table)
    cut = t3 is None and table_three_goes_on is not None
    t4 = _first(cells, _T4, t3 or t2 or 0) if t3 is not None or cut else None
    if (t3 is not None or cut) and t4 is None:
        t4 = _table_four_header(cells, t3 or t2 or 0)
    if (cut or goes_on) and t4 is None:
        t4 = _table_four_second_row(cells, t3 or t2 or 0)
    end = _first(cells, _END, (t4 or t3 or 0) + 1)
    stop = end if end is not None else len(cells)

    def span(a: int | None, *nexts: int | None) -> tuple[int, int] | None:
        if a is None:
            return None
        later = [n for n in nexts if n is not None and n > a]
        return (a, min(later) if later else stop)

    return TableRegions(t2=span(t2, t3, t4, stop), t3=span(t3, t4, stop), t4=span(t4, stop), t3_goes_on=goes_on)


def tables_go_on(cells: list[CellToken], table_three_goes_on: Callable[[list[CellToken], int], int | None]) -> bool:
    """Whether cells that print no label only the national forms print hold the rest of their tables: the
    rows of table three or the header of table four, where a site's pager cut the report before them."""
    return (table_three_goes_on(cells, 0) is not None or _table_four_header(cells, 0) is not None
            or _table_four_second_row(cells, 0) is not None)

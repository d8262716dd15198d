"""Table 二 of the 2019/2021 formats: items under article 20 of the Regulations (规章, 行政许可 ...).

The columns of each row are fixed by the template, so a row's figures map to codes by position
when the row is complete. A flattened row that lost cells is placed only where the figures
themselves say which column they are in: a signed figure (+248, -2) is 本年增/减, a money figure
(1243.64万元, or any figure with decimals in 采购) is the amount. Otherwise the figures are kept
as unplaced.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..catalog import unit_of
from ..text.cells import CellToken, next_filled
from ..labels import label_key, normalise_label
from ..model import Figure, UnplacedFigure
from ..numbers import ParsedNumber, is_blank, parse_number, to_unit

_ROWS = [
    ("rules", r"^规章$"),
    ("normative", r"^(?:行政)?规范性文件$"),
    ("licensing", r"^行政许可$"),
    ("other_services", r"^其他对外管理服务事项$"),
    ("penalty", r"^行政处罚$"),
    ("coercion", r"^行政强制$"),
    ("fees", r"^行政事业性收费$"),
    ("procurement", r"^政府集中采购$"),
]
_ROW_RES = [(item, re.compile(p)) for item, p in _ROWS]

COLUMNS = {
    "gov2019": {
        "rules": ("made", "new_published", "total_published"),
        "normative": ("made", "new_published", "total_published"),
        "licensing": ("prev_items", "change", "decisions"),
        "other_services": ("prev_items", "change", "decisions"),
        "penalty": ("prev_items", "change", "decisions"),
        "coercion": ("prev_items", "change", "decisions"),
        "fees": ("prev_items", "change"),
        "procurement": ("items", "amount"),
    },
    "gov2021": {
        "rules": ("made", "repealed", "in_force"),
        "normative": ("made", "repealed", "in_force"),
        "licensing": ("decisions",),
        "penalty": ("decisions",),
        "coercion": ("decisions",),
        "fees": ("amount",),
    },
}
_HEADER_WORDS = re.compile(r"信息内容|数量|件数|增|减|金额|第二十条|项目")
_BLOCK_START = re.compile(r"第二十条")
# 采购总金额（元） / 本年收费金额(单位:万元): the unit of the money column when its cells print none
_MONEY_HEADER = re.compile(r"金额[^()（）]{0,6}[(（]?(?:单位[:：])?(万元|亿元|元)")
_NOTE = re.compile(r"^[(（].*[)）]?$")
MAX_LABEL_PIECES = 8  # a row label wrapped (其他对外管理服 / 务事项) or one character per line (规 / 章)


@lru_cache(maxsize=4096)  # every report prints the same few labels: each is matched once per process
def _row_label(text: str) -> str | None:
    key = label_key(text)
    key = re.sub(r"[（(].*?[）)]?$", "", key)  # 规章(设区的市、自治州人民政府应提供相关数据) and similar asides
    for item, rx in _ROW_RES:
        if rx.search(key):
            return item
    return None


def _label_at(cells: list[CellToken], i: int) -> tuple[str, str, int] | None:
    """(item, printed label, cells used) when a row label starts at ``cells[i]``, possibly wrapped."""
    joined = ""
    for k in range(MAX_LABEL_PIECES):
        if i + k >= len(cells):
            break
        text = cells[i + k].text
        if not text or parse_number(text) is not None or is_blank(text):
            break
        joined += text
        item = _row_label(joined)
        if item:
            return item, joined, k + 1
    return None


MAX_LABEL_CHARS_OF_A_ROW = 30


def rows_go_on_at(cells: list[CellToken], start: int) -> int | None:
    """The first row of table two from ``start`` whose figures follow its label right away (规章 | 0 | 0 | 5):
    where the table goes on when a site's pager cut it inside a section (第二十条第（一）项 left on the page
    before). Each row's label names its columns, so the row reads without its section's header."""
    for i in range(start, len(cells)):
        text = cells[i].text
        if len(text) > MAX_LABEL_CHARS_OF_A_ROW or is_blank(text) or parse_number(text) is not None:
            continue
        label = _label_at(cells, i)
        if label is None:
            continue
        if parse_number(next_filled(cells, i + label[2])) is not None:
            return i
    return None



def _is_money(raw: str, number: ParsedNumber) -> bool:
    return number.unit in ("万元", "元", "亿元") or "." in normalise_label(raw)


def _is_signed(raw: str) -> bool:
    return normalise_label(raw).startswith(("+", "-")) and normalise_label(raw) not in ("-", "--")


def _place_partial(item: str, codes: tuple[str, ...], numbers: list[tuple[str, ParsedNumber]]
                   ) -> list[tuple[str, str, ParsedNumber]] | None:
    """Columns of a row that lost cells, where the figures themselves decide; None otherwise."""
    if "change" in codes:
        signed = [i for i, (raw, _) in enumerate(numbers) if _is_signed(raw)]
        if len(signed) == 1:
            k, c = signed[0], codes.index("change")
            before, after = numbers[:k], numbers[k + 1:]
            later = codes[c + 1:]
            # figures keep their order: those before the signed one sit in the columns before it,
            # those after in the columns after; a column is decided only when the counts match
            if len(before) in (0, c) and len(after) in (0, len(later)):
                return ([(col, raw, n) for col, (raw, n) in zip(codes[:c], before)]
                        + [("change", *numbers[k])]
                        + [(col, raw, n) for col, (raw, n) in zip(later, after)])
    if item == "procurement" and len(numbers) == 1 and _is_money(*numbers[0]):
        return [("amount", *numbers[0])]
    return None


_HEADERS = {
    "gov2019": re.compile(r"本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|采购项目数量"),
    "gov2021": re.compile(r"本年制发件数|本年废止件数|现行有效件数|本年处理决定数量|本年收费金额"),
}


def columns_format(cells: list[CellToken], template: str) -> str:
    """The format of this table's columns, from its own headers: a report may mix the formats
    (a 2019-format table 二 beside the 2021 rows of table 三), and table 三 decides the template."""
    joined = "\n".join(normalise_label(c.text) for c in cells if len(c.text) <= 80)
    found = [fmt for fmt, rx in _HEADERS.items() if rx.search(joined)]
    return found[0] if len(found) == 1 else template


def parse_table_two(cells: list[CellToken], template: str) -> tuple[list[Figure], list[UnplacedFigure]]:
    columns = COLUMNS.get(columns_format(cells, template), {})
    figures: list[Figure] = []
    unplaced: list[UnplacedFigure] = []
    # (item or None for a closed row, label, cells, money unit of the block, lines of the cells)
    rows: list[tuple[str | None, str, list[str], str | None, set[int]]] = []
    money_unit: str | None = None
    i = 0
    while i < len(cells):
        text = cells[i].text
        if is_blank(text) or parse_number(text) is not None:
            if rows:
                rows[-1][2].append(text)
                rows[-1][4].add(cells[i].line)
            i += 1
            continue
        label = _label_at(cells, i)
        if label:
            item, printed, used = label
            rows.append((item, printed, [], money_unit, set()))
            i += used
            continue
        norm = normalise_label(text)
        if _BLOCK_START.search(norm):
            money_unit = None
        m = _MONEY_HEADER.search(norm)
        if m:
            money_unit = m.group(1)
        if _NOTE.match(norm) and rows and rows[-1][0] and not _HEADER_WORDS.search(norm):
            i += 1  # a note printed on its own line under a figure: （其中修订16件）
            continue
        # a header, or a row this table does not know (其他主动公开文件): later figures are not ours
        rows.append((None, text, [], money_unit, set()))
        i += 1
    seen: set[str] = set()
    for item, label, pending, unit_printed, lines in rows:
        codes = columns.get(item) if item else None
        if not codes or item in seen:
            continue
        seen.add(item)
        numbers = [(raw, parse_number(raw)) for raw in pending if not is_blank(raw)]
        numbers = [(raw, n) for raw, n in numbers if n is not None]
        # Empty cells are positional only when the row kept exactly one cell per column on one
        # line: a cell-per-line flattening may have moved them to the end of the row.
        positional = len(lines) <= 1 or len(numbers) == len(pending)
        if (len(lines) <= 1 and len(pending) > len(codes)
                and all(is_blank(c) for c in pending[len(codes):])):
            # a rendered row starts at its first column, after its label: empty cells after the last are
            # padding (行政事业性收费 |  | 0 | |: a block of two columns in the four of the 2019 table's grid)
            pending = pending[:len(codes)]
        if len(pending) == len(codes) and positional:
            placed = [(code, raw, parse_number(raw)) for code, raw in zip(codes, pending)]
        elif len(numbers) == len(codes):
            placed = [(code, raw, n) for code, (raw, n) in zip(codes, numbers)]
        else:
            placed = _place_partial(item, codes, numbers) if numbers else None
            if placed is None:
                for raw, n in numbers:
                    unplaced.append(UnplacedFigure(
                        "t2", label, n.value, "|".join(f"t2.{item}.{c}" for c in codes),
                        f"{len(numbers)} figures for {len(codes)} columns", raw))
                continue
        for col, raw, number in placed:
            if number is None:
                continue
            code = f"t2.{item}.{col}"
            unit = unit_of(code)
            default = unit_printed if unit == "万元" and unit_printed else unit
            figures.append(Figure(
                indicator_code=code,
                value=to_unit(number, unit, default_unit=default),
                value_status="approximate" if number.approximate else "reported",
                evidence=f"{label} | {raw}" + (f" ({default})" if default != unit else ""),
            ))
    return figures, unplaced

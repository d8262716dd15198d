"""Table 二 of the 2019/2021 formats: items under article 20 of the Regulations (规章, 行政许可 ...).

The columns of each row are fixed by the template, so a row's figures map to codes by position
when the row is complete. A flattened row that lost cells is placed only when its figures can be
matched to columns unambiguously; otherwise the figures are kept as unplaced.
"""
from __future__ import annotations

import re

from .catalog import unit_of
from .cells import CellToken
from .labels import label_key
from .model import Figure, UnplacedFigure
from .numbers import is_blank, parse_number, to_unit

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


def _row_label(text: str) -> str | None:
    key = label_key(text)
    key = re.sub(r"[（(].*?[）)]$", "", key)  # 现行有效件数(历史累计) and similar asides
    for item, rx in _ROW_RES:
        if rx.search(key):
            return item
    return None


def parse_table_two(cells: list[CellToken], template: str) -> tuple[list[Figure], list[UnplacedFigure]]:
    columns = COLUMNS.get(template, {})
    figures: list[Figure] = []
    unplaced: list[UnplacedFigure] = []
    rows: list[tuple[str, str, list[str]]] = []
    for cell in cells:
        item = _row_label(cell.text)
        if item:
            rows.append((item, cell.text, []))
        elif rows and not _HEADER_WORDS.search(cell.text):
            rows[-1][2].append(cell.text)
    seen: set[str] = set()
    for item, label, pending in rows:
        codes = columns.get(item)
        if not codes or item in seen:
            continue
        seen.add(item)
        # Empty cells are positional only when the row kept exactly one cell per column.
        numbers = [(raw, parse_number(raw)) for raw in pending if not is_blank(raw)]
        if any(n is None for _, n in numbers):
            numbers = [(raw, n) for raw, n in numbers if n is not None]
        if len(pending) == len(codes):
            placed = [(code, raw, parse_number(raw)) for code, raw in zip(codes, pending)]
        elif len(numbers) == len(codes):
            placed = [(code, raw, n) for code, (raw, n) in zip(codes, numbers)]
        else:
            for raw, n in numbers:
                if n is not None:
                    unplaced.append(UnplacedFigure(
                        "t2", label, n.value, "|".join(f"t2.{item}.{c}" for c in codes),
                        f"{len(numbers)} figures for {len(codes)} columns", raw))
            continue
        for col, raw, number in placed:
            if number is None:
                continue
            code = f"t2.{item}.{col}"
            unit = unit_of(code)
            figures.append(Figure(
                indicator_code=code,
                value=to_unit(number, unit, default_unit=unit),
                value_status="approximate" if number.approximate else "reported",
                evidence=f"{label} | {raw}",
            ))
    return figures, unplaced

"""Table 四 of the 2019/2021 formats: administrative reviews and lawsuits, one row of fifteen cells.

Three groups of five (维持, 纠正, 其他, 尚未审结, 总计): 行政复议, 行政诉讼 未经复议直接起诉,
复议后起诉. A complete row is read by position. A flattened row that kept only three zeros is
the three totals (their parts are empty, and empty parts add up to a zero total); any other
incomplete row is kept as unplaced figures.
"""
from __future__ import annotations

from .cells import CellToken
from .labels import label_key
from .model import Figure, UnplacedFigure
from .numbers import is_blank, parse_number

GROUPS = ("t4.review", "t4.suit_direct", "t4.suit_after_review")
PARTS = ("upheld", "corrected", "other", "pending", "total")
CODES = [f"{g}.{p}" for g in GROUPS for p in PARTS]
_HEADER_KEYS = ("行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉")


def parse_table_four(cells: list[CellToken]) -> tuple[list[Figure], list[UnplacedFigure]]:
    """Reads the data cells after the last header cell of the table."""
    last_header = -1
    for i, cell in enumerate(cells):
        key = label_key(cell.text)
        if key and any(key.startswith(h) for h in _HEADER_KEYS) and len(key) <= 20:
            last_header = i
    if last_header < 0:
        return [], []
    data = [c.text for c in cells[last_header + 1:]]
    numbers = [(raw, parse_number(raw)) for raw in data if not is_blank(raw)]
    # stop at the first cell that is not a figure: the table is over
    figures_raw = []
    for raw, n in numbers:
        if n is None:
            break
        figures_raw.append((raw, n))
    explicit = []
    for raw in data:
        if not is_blank(raw) and parse_number(raw) is None:
            break
        explicit.append(raw)
    while explicit and is_blank(explicit[-1]) and len(explicit) > len(CODES):
        explicit.pop()

    figures: list[Figure] = []
    if len(explicit) == len(CODES):
        for code, raw in zip(CODES, explicit):
            n = parse_number(raw)
            if n is not None:
                figures.append(Figure(code, n.value, "total", "reported", f"表四 {code.split('.')[-1]} | {raw}"))
        return figures, []
    if len(figures_raw) == len(CODES):
        return [Figure(code, n.value, "total", "reported", f"表四 | {raw}") for code, (raw, n) in zip(CODES, figures_raw)], []
    if len(figures_raw) == len(GROUPS) and all(n.value == 0 for _, n in figures_raw):
        return [Figure(f"{g}.total", 0.0, "total", "reported", f"表四 总计 | {raw}") for g, (raw, _) in zip(GROUPS, figures_raw)], []
    return [], [UnplacedFigure("t4", "行政复议、行政诉讼", n.value, "|".join(CODES),
                               f"{len(figures_raw)} figures for {len(CODES)} cells", raw) for raw, n in figures_raw]

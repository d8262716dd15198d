"""Table 四 of the 2019/2021 formats: administrative reviews and lawsuits, one row of fifteen cells.

Three groups of five (维持, 纠正, 其他, 尚未审结, 总计): 行政复议, 行政诉讼 未经复议直接起诉,
复议后起诉. A complete row is read by position. A flattened row that lost its empty cells keeps
its figures in order; each layout of them over the fifteen cells is tried against the identity
of each group (总计 = the sum of its four parts, an empty cell counting as zero, a group left wholly
empty allowed). A figure is placed when every layout that fits puts it in the same cell; the rest
are kept as unplaced. A row that kept only three zeros is read as the three totals (their parts
are empty, and empty parts add up to a zero total).
"""
from __future__ import annotations

import itertools
import math

from ..text.cells import CellToken
from ..labels import label_key
from ..model import Figure, UnplacedFigure
from ..numbers import ParsedNumber, is_blank, is_garbled_figure, parse_number

GROUPS = ("t4.review", "t4.suit_direct", "t4.suit_after_review")
PARTS = ("upheld", "corrected", "other", "pending", "total")
CODES = [f"{g}.{p}" for g in GROUPS for p in PARTS]
_HEADER_KEYS = ("行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉")


# the header's words cut into pieces: 总 / 计 one a line, or a header row a PDF page break cut in two
# (结果 | 结果 | 其他 … on one page, 维持 | 纠正 | 结果 | 审结 | 果维持 | 果纠正 … atop the next)
_HEADER_CHARS = frozenset("".join(_HEADER_KEYS))


def _header_fragment(key: str) -> bool:
    return len(key) <= 2 or len(key) <= 4 and set(key) <= _HEADER_CHARS


def _is_figure(text: str) -> bool:
    return is_blank(text) or parse_number(text) is not None


def _data_cells(cells: list[CellToken]) -> list[CellToken]:
    """The cells of the data row: after the last header cell (a second copy of the table repeats
    the same row) and the fragments of a header broken into single characters (总 / 计), up to the
    first cell that is not a figure."""
    last = max((i for i, c in enumerate(cells)
                if (key := label_key(c.text)) and len(key) <= 20 and key.startswith(_HEADER_KEYS)), default=None)
    if last is None:
        return []
    i = last + 1
    while i < len(cells) and not _is_figure(cells[i].text) and _header_fragment(label_key(cells[i].text)):
        i += 1
    data = []
    # a garbled figure (3x, l3) holds its cell: the row goes on after it
    while i < len(cells) and (_is_figure(cells[i].text) or is_garbled_figure(cells[i].text)):
        data.append(cells[i])
        i += 1
    return data


def _fits(layout: tuple[int, ...], values: list[float]) -> bool:
    printed = dict(zip(layout, values))
    for g in range(len(GROUPS)):
        base = 5 * g
        parts = [printed[p] for p in range(base, base + 4) if p in printed]
        total = printed.get(base + 4)
        if total is None:
            if parts:
                return False  # a group that prints a part prints its total
            continue
        if not math.isclose(total, sum(parts), abs_tol=1e-9):
            return False
    return True


def _certain_cells(values: list[float]) -> dict[int, int] | None:
    """cell -> index of a figure printed there, for the cells that every fitting layout fills with
    the same value; None when no layout fits."""
    fitting = [layout for layout in itertools.combinations(range(len(CODES)), len(values)) if _fits(layout, values)]
    if not fitting:
        return None
    filled = [dict(zip(layout, range(len(values)))) for layout in fitting]
    first = filled[0]
    return {cell: i for cell, i in first.items()
            if all(cell in f and values[f[cell]] == values[i] for f in filled[1:])}


def parse_table_four(cells: list[CellToken]) -> tuple[list[Figure], list[UnplacedFigure]]:
    tokens = _data_cells(cells)
    data = [c.text for c in tokens]
    # empty cells count as positions only on a row rendered on one line (HTML): a cell-per-line
    # flattening moves them about (|||||, 0 |, 0 |, 0 |)
    explicit = list(data) if len({c.line for c in tokens}) <= 1 else [t for t in data if not is_blank(t)]
    while len(explicit) > len(CODES) and is_blank(explicit[-1]):
        explicit.pop()  # row terminators of the cell-per-line flattening
    while len(explicit) > len(CODES) and is_blank(explicit[0]):
        explicit.pop(0)
    if len(explicit) == len(CODES):
        figures = []
        for code, raw in zip(CODES, explicit):
            n = parse_number(raw)
            if n is not None:
                figures.append(Figure(code, n.value, "total", "reported", f"表四 {code.split('.')[-1]} | {raw}"))
        return figures, []
    numbers: list[tuple[str, ParsedNumber]] = [(raw, n) for raw in data if (n := parse_number(raw)) is not None]
    if not numbers:
        return [], []
    garbled = next((raw for raw in data if is_garbled_figure(raw)), None)
    if garbled is not None:
        # a figure nobody can read, in a row that lost its empty cells: neither where it stood nor
        # what it held is known, so the group totals place nothing
        return [], [UnplacedFigure("t4", "行政复议、行政诉讼", n.value, "|".join(CODES),
                                   f"the row holds a garbled cell ({garbled}): its figures' cells cannot be told", raw)
                    for raw, n in numbers]
    if len(numbers) == len(CODES):
        return [Figure(code, n.value, "total", "reported", f"表四 | {raw}") for code, (raw, n) in zip(CODES, numbers)], []
    if len(numbers) == len(GROUPS) and all(n.value == 0 for _, n in numbers):
        return [Figure(f"{g}.total", 0.0, "total", "reported", f"表四 总计 | {raw}") for g, (raw, _) in zip(GROUPS, numbers)], []
    if len(numbers) > len(CODES):
        return [], [UnplacedFigure("t4", "行政复议、行政诉讼", n.value, "|".join(CODES),
                                   f"{len(numbers)} figures for {len(CODES)} cells", raw) for raw, n in numbers]
    solved = _certain_cells([n.value for _, n in numbers])
    certain = solved or {}
    figures = [Figure(CODES[cell], numbers[i][1].value, "total", "reported",
                      f"表四 {CODES[cell].split('.', 1)[1]} | {numbers[i][0]} (placed by the group totals)")
               for cell, i in sorted(certain.items())]
    used = set(certain.values())
    reason = (f"{len(numbers)} figures for {len(CODES)} cells: the group totals do not decide its cell"
              if solved is not None else f"{len(numbers)} figures for {len(CODES)} cells fit no layout of the table")
    unplaced = [UnplacedFigure("t4", "行政复议、行政诉讼", n.value, "|".join(CODES), reason, raw)
                for i, (raw, n) in enumerate(numbers) if i not in used]
    return figures, unplaced

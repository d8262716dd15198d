"""A labelled-row table read from any text flattening: 指标 | 单位 | value columns.

Statistics tables of 2008–2018 (the national 统计指标 | 单位 | 统计数, Fujian's 指标名称 | 计量单位 |
2012年度 | 历年累计, tables with 上年数 or 本期实际 | 本年累计) reach us as a row per line
(``a | b | c``), a cell per line ending in ``|``, or a cell per line with nothing between, where
empty cells are simply gone. This module finds the header, says which value column is the year
reported on, and reads each row's unit and figures.

A row whose figures fill every value column is read by position. A row printed on one line keeps
its empty cells in place, so it is read by position too. Otherwise (a cell per line with a figure
missing) the figures' columns are unknown: the row says so and nobody guesses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..labels import normalise_label
from ..numbers import CACHE_ENTRIES, CACHED_CHARS, is_blank, parse_number
from ..text.cells import CellToken

LABEL_HEADER = re.compile(r"^(?:指标名称|统计指标|指标|项目|项目名称|内容)$")
# LABEL_HEADER's words: a normalised cell holds no whitespace, so matching it is membership
_LABEL_HEADERS = frozenset(("指标名称", "统计指标", "指标", "项目", "项目名称", "内容"))
UNIT_HEADER = re.compile(r"^(?:计量单位|单位)$")
# the column of the year reported on, and the other columns a table may print beside it
YEAR_COLUMN = re.compile(r"^(?:统计数|数量|数值|(?:19|20)\d{2}年度?(?:数|统计数)?|本年度?(?:数|统计数)?|本年累计|全年)$")
OTHER_COLUMN = re.compile(r"^(?:历年累计(?:数)?|累计(?:数)?|上年(?:度)?(?:数|同期)?|本期实际|备注|代码)$")
UNITS = {"条", "件", "次", "篇", "个", "人", "人次", "万元", "元", "项", "份", "期", "场", "家", "户", "批", "万人次"}
TABLE_END = re.compile(r"^(?:填报人|单位负责人|审核人|联系电话|填报日期|备注|注[:：]|说明[:：])")
MAX_LABEL_CHARS = 90
HEADER_SPAN = 8  # cells after the label header in which the other headers must appear


@dataclass
class Header:
    start: int  # index of the label-header cell
    end: int  # index of the first cell after the header
    columns: list[str]  # value columns as printed, in order
    year_column: int | None  # index in ``columns`` of the year reported on
    has_unit: bool


@dataclass
class Row:
    label: str
    unit: str
    line: int
    # figures by value column (None: printed empty); empty when the columns are unknown
    values: dict[str, float | None] = field(default_factory=dict)
    raw: dict[str, str] = field(default_factory=dict)
    unplaced: list[tuple[str, float]] = field(default_factory=list)  # (raw, value) of unknown column


_norm = normalise_label  # no whitespace left in it
_HAN = re.compile(r"[\u4e00-\u9fff]")


def expand_tabs(cells: list[CellToken]) -> list[CellToken]:
    """A copy pasted from a browser separates a row's cells with tabs: one cell each."""
    # (one search of the texts joined, not a generator resumed per cell: most pages hold no tab)
    if "\t" not in "\n".join([c.text for c in cells]):
        return cells
    out: list[CellToken] = []
    for cell in cells:
        if "\t" not in cell.text:
            out.append(cell)
            continue
        out.extend(CellToken(piece.strip(), cell.line) for piece in cell.text.split("\t"))
    return out


def _is_header_cell(norm: str) -> bool:
    return bool(UNIT_HEADER.match(norm) or YEAR_COLUMN.match(norm) or OTHER_COLUMN.match(norm))


def find_header(cells: list[CellToken], start: int = 0) -> Header | None:
    """The first label header (指标名称, 统计指标 …) followed by a unit header and value columns."""
    for i in range(start, len(cells)):
        if _norm(cells[i].text) not in _LABEL_HEADERS:
            continue
        columns: list[str] = []
        has_unit = False
        j = i + 1
        while j < len(cells) and j <= i + HEADER_SPAN:
            norm = _norm(cells[j].text)
            if not norm or (j == i + 1 and norm == "名称"):
                j += 1  # an empty cell, or 指标 / 名称 broken over two lines
                continue
            step = 1
            if not _is_header_cell(norm) and j + 1 < len(cells) and _is_header_cell(norm + _norm(cells[j + 1].text)):
                norm, step = norm + _norm(cells[j + 1].text), 2  # a header cell broken over two lines: 计量 / 单位
            if UNIT_HEADER.match(norm) and not columns:
                has_unit = True
            elif YEAR_COLUMN.match(norm) or OTHER_COLUMN.match(norm):
                columns.append(norm)
            else:
                break
            j += step
        if columns:
            year = [k for k, c in enumerate(columns) if YEAR_COLUMN.match(c)]
            # 本期实际 | 本年累计: the year is the cumulative column; one year-like column is the year
            return Header(i, j, columns, year[0] if len(year) == 1 else None, has_unit)
    return None


def _is_label(text: str, norm: str) -> bool:
    """``norm`` is ``_norm(text)``."""
    return (0 < len(norm) <= MAX_LABEL_CHARS and norm not in UNITS and _HAN.search(norm) is not None
            and parse_number(text) is None and not is_blank(text))


def place_values(pending: list[CellToken], header: Header, label_line: int) -> Row:
    """The unit and figures of one row from the cells after its label (its columns, or unplaced)."""
    row = Row("", "", label_line)
    if not pending:
        return row  # a label with nothing after it: in text copies, the footer links a table runs into
    ncols = len(header.columns)
    values: list[CellToken] = []
    units: list[str] = []
    for c in pending:
        norm = _norm(c.text)
        if norm in UNITS:
            units.append(norm)
        else:
            values.append(c)
    if units:
        row.unit = units[0]
    on_one_line = all(c.line == label_line for c in pending)
    texts = [c.text for c in values]
    if on_one_line and header.has_unit and not units and len(texts) == ncols + 1 and is_blank(texts[0]):
        texts = texts[1:]  # the unit cell printed empty
    filled = [t for t in texts if not is_blank(t)]
    if not (on_one_line and len(texts) == ncols):
        texts = filled if len(filled) == ncols else []
    for column, raw in zip(header.columns, texts):
        number = None if is_blank(raw) else parse_number(raw)
        if number is None and not is_blank(raw):
            continue  # words in a figure cell: not a figure
        row.values[column] = None if number is None else number.value
        row.raw[column] = raw
    if not texts:
        for raw in filled:
            number = parse_number(raw)
            if number is not None:
                row.unplaced.append((raw, number.value))
    return row


# what a cell is to read_rows, by its text: the end of the table, a row label, or neither
_END, _LABEL, _OTHER = 0, 1, 2


def _row_cell(text: str) -> tuple[int, str]:
    """(what the cell is, its normalised text): the same for a text wherever it stands."""
    norm = _norm(text)
    if TABLE_END.match(norm) or len(norm) > MAX_LABEL_CHARS or norm in _LABEL_HEADERS:
        return _END, norm
    return (_LABEL if _is_label(text, norm) else _OTHER), norm


# the cells of every table repeat the same labels and units: a short one is read once per process
_row_cell_cached = lru_cache(maxsize=CACHE_ENTRIES)(_row_cell)


def read_rows(cells: list[CellToken], header: Header) -> list[Row]:
    """The rows after ``header`` up to the end of the table."""
    return read_table(cells, header)[0]


def read_table(cells: list[CellToken], header: Header) -> tuple[list[Row], int]:
    """read_rows(), and the index of the cell the table ends at (len(cells) when it runs to the
    end): no cell before it is a label header, so the next table's header is sought from there."""
    rows: list[Row] = []
    label: CellToken | None = None
    text = ""
    pending: list[CellToken] = []

    def close() -> None:
        if label is not None:
            # (a label with nothing after it, as the footer links a table runs into, has no figure)
            row = place_values(pending, header, label.line) if pending else Row("", "", label.line)
            row.label = text
            rows.append(row)

    end = len(cells)
    for i in range(header.end, end):
        cell = cells[i]
        if not cell.text:
            if label is not None and cell.line == label.line:
                pending.append(cell)  # an explicit empty cell keeps its place on a one-line row
            continue
        kind, norm = _row_cell_cached(cell.text) if len(cell.text) <= CACHED_CHARS else _row_cell(cell.text)
        if kind == _END:
            end = i
            break
        if kind == _LABEL:
            if label is not None and not pending and norm.startswith(("(", "（")):
                text += cell.text.strip()  # a label continued on its own line: (含…)
                continue
            close()
            label, text, pending = cell, cell.text.strip(), []
        elif label is not None:
            pending.append(cell)
    close()
    return rows, end

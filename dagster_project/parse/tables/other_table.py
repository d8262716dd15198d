"""other_table: older or local statistics tables that fit no national template.

Their rows have no indicator code, so they are kept with their printed labels (row, column, unit)
rather than dropped: an analyst can still read them, and dbt maps the rows whose meaning is a
concept's (seed uncoded_row_concepts). A text copy is read with :mod:`.column_table` in whatever
flattening it has; a figure whose column cannot be told is kept under "(column unknown)".
"""
from __future__ import annotations

import re

from ..text.cells import CellToken
from .column_table import expand_tabs, find_header, read_table
from ..labels import normalise_label
from ..model import UncodedRow
from ..numbers import parse_number

_HEADER = re.compile(r"^(?:指标名称|统计指标|指标|项目|内容)$")
_UNIT_HEADER = re.compile(r"^(?:计量单位|单位)$")
_TITLE = re.compile(r"统计表|情况表")
_TITLE_WORDS = ("统计表", "情况表")  # _TITLE's words: searching for it is finding either


def _rows_from_html(tables: list) -> list[list[str]]:
    out: list[list[str]] = []
    for table in tables:
        for row in table.logical_rows():
            out.append([cell.text for cell in row])
        out.append([])  # table boundary
    return out


def _rows_from_text(cells: list[CellToken]) -> list[list[str]]:
    rows: dict[int, list[str]] = {}
    for cell in cells:
        rows.setdefault(cell.line, []).append(cell.text)
    return [r for r in rows.values() if len(r) > 1]


UNKNOWN_COLUMN = "(column unknown)"


def _uncoded_from_text(cells: list[CellToken], title: str) -> list[UncodedRow]:
    """Every flattening of a text copy (cells on one line, a cell per line, blanks gone): the rows
    of each labelled table, every value column kept under its printed name."""
    result: list[UncodedRow] = []
    cells = expand_tabs(cells)
    header = find_header(cells)
    while header is not None:
        rows, end = read_table(cells, header)
        for row in rows:
            for column, value in row.values.items():
                result.append(UncodedRow(title, row.label, column, row.unit, value, f"{row.label} | {row.raw[column]}"))
            for raw, value in row.unplaced:
                result.append(UncodedRow(title, row.label, UNKNOWN_COLUMN, row.unit, value, f"{row.label} | {raw}"))
        header = find_header(cells, end)
    return result


def parse_other_tables(cells: list[CellToken], tables: list | None = None) -> list[UncodedRow]:
    # (the length first: a long line of prose is folded for nothing)
    title = next((c.text for c in cells if len(c.text) <= 60
                  and (_TITLE_WORDS[0] in (norm := normalise_label(c.text)) or _TITLE_WORDS[1] in norm)), "")
    if not tables:
        found = _uncoded_from_text(cells, title)
        if found:
            return found
    rows = _rows_from_html(tables) if tables else _rows_from_text(cells)
    result: list[UncodedRow] = []
    header: list[str] | None = None
    unit_col: int | None = None  # the header's unit column
    for row in rows:
        if not row:
            header = None
            continue
        norm = [normalise_label(c) for c in row]
        if _HEADER.match(norm[0]):
            header = norm
            unit_col = next((i for i, h in enumerate(header) if _UNIT_HEADER.match(h)), None)
            continue
        if header is None or not norm[0] or parse_number(row[0]) is not None:
            continue
        unit = norm[unit_col] if unit_col is not None and unit_col < len(norm) else ""
        for i, raw in enumerate(row[1:], start=1):
            if i == unit_col or i >= len(header):
                continue
            number = parse_number(raw)
            result.append(UncodedRow(title, row[0].strip(), header[i], unit,
                                     None if number is None else number.value, f"{row[0].strip()} | {raw}"))
    return result

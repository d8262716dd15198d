"""A spreadsheet's sheets as lines of the flattening, whatever program wrote the file.

Each sheet is a heading line (its name) followed by one line per row, cells joined by `` | ``. A
merged cell is one cell: its value sits in its first position, and the positions it covers are no
cells of their own, so they are left out (as the PDF and Word readers leave out a merged cell's
covered positions). Empty cells at the ends of a row are dropped; an empty cell between two printed
ones stays, so the columns keep their places; a row that prints a figure keeps those of its table's
header at its end (``sheet_lines``).
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, time

from ..pdf.cells import clean_cell

# (first row, last row + 1, first column, last column + 1) of a merged cell, 0-based
MergedRange = tuple[int, int, int, int]


def cell_text(value) -> str:
    """The text a spreadsheet program shows for a stored value: whole numbers without the ``.0`` of
    a float, fractions to 15 significant digits (9116.36, not 9116.359999999999), a date without a
    midnight time."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):  # as a spreadsheet shows it: 15 significant digits, not a sum's float noise
        return format(value, ".15g")
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return clean_cell(str(value))


def covered_positions(merged: Iterable[MergedRange], max_rows: int) -> dict[int, list[tuple[int, int]]]:
    """{row: [(first, last + 1) columns covered by a merged cell]}, each merged cell's first position
    excepted, for the rows that are read."""
    covered: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for first_row, end_row, first_col, end_col in merged:
        for row in range(first_row, min(end_row, max_rows)):
            start = first_col + 1 if row == first_row else first_col
            if start < end_col:
                covered[row].append((start, end_col))
    return covered


# a table wider than this is none of the reports': its rows are not padded (a stray header cell far to the right
# would spell out thousands of empty cells on every row)
MAX_PADDED_COLUMNS = 64
_FIGURE = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?%?")


def _covered(column: int, spans) -> bool:
    return any(a <= column < b for a, b in spans)


def sheet_lines(title: str, rows: Iterable[Iterable], max_rows: int,
                merged: Iterable[MergedRange] = (), max_chars: int | None = None) -> list[str]:
    """The heading line and the row lines of one sheet; ``rows`` (from the sheet's first row and
    column) past ``max_rows`` are not read, nor rows after the lines pass ``max_chars`` characters
    with their line breaks.

    A row that prints a figure keeps its empty cells up to the last column of its table's header (the
    rows of two or more cells and no figure above it), its last one ended by ``|`` as the other readers
    end it: 1.属于国家秘密 | 14, under a header whose 总计 is six columns further, keeps 14 under 自然人."""
    covered = covered_positions(merged, max_rows)
    lines = [clean_cell(title)]
    chars = len(lines[0]) + 1
    header_end: int | None = None  # the last column of the header the rows below it fill
    after_figures = True  # the next header row starts a new header
    for n, row in enumerate(rows):
        if n >= max_rows or (max_chars is not None and chars > max_chars):
            break
        spans = covered.get(n, ())
        cells = [(c, cell_text(v)) for c, v in enumerate(row) if not _covered(c, spans)]
        filled = [i for i, (_, text) in enumerate(cells) if text]
        if not filled:
            header_end, after_figures = None, True
            continue
        last = cells[filled[-1]][0]
        if any(_FIGURE.fullmatch(text) for _, text in cells):
            after_figures = True
            kept = [text for _, text in cells[filled[0]: filled[-1] + 1]]
            if header_end is not None and last < header_end and header_end - last <= MAX_PADDED_COLUMNS:
                kept += ["" for c in range(last + 1, header_end + 1) if not _covered(c, spans)]
            line = " | ".join(kept)
            lines.append(line + "|" if not kept[-1] else line)
        else:
            if len(filled) >= 2:
                header_end = last if after_figures or header_end is None else max(header_end, last)
                after_figures = False
            lines.append(" | ".join(text for _, text in cells[filled[0]: filled[-1] + 1]))
        chars += len(lines[-1]) + 1
    return lines


def workbook_lines(sheets: Iterable[tuple[str, Iterable[Iterable], Iterable[MergedRange]]], max_rows: int,
                   max_chars: int) -> list[str] | None:
    """The lines of every sheet ((title, rows, merged ranges), one after the other), or None once they
    pass ``max_chars`` characters (the parse budget: such a text is refused, and a few kilobytes of
    sheet can spell out hundreds of megabytes of empty cells, so reading stops there)."""
    lines: list[str] = []
    chars = 0
    for title, rows, merged in sheets:
        read = sheet_lines(title, rows, max_rows, merged, max_chars - chars)
        lines.extend(read)
        chars += sum(len(line) + 1 for line in read)
        if chars > max_chars:
            return None
    return lines

"""An HTML ``<table>`` as a rectangular grid of cells: rowspan/colspan expanded, cell text normalised."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .text import LAYOUT_WS_RE, is_layout_ws, normalize_text
from .tree import text_content


@dataclass
class Cell:
    text: str  # normalised text (see normalize_cell_text)
    row: int  # position in the expanded grid
    col: int
    rowspan: int = 1  # effective span (rowspan truncated at the end of the table)
    colspan: int = 1
    is_span_copy: bool = False  # a position covered by a rowspan/colspan cell, not its origin
    is_padding: bool = False  # a position no HTML cell covers (short row): text ''


@dataclass
class Table:
    rows: list[list[Cell]]  # expanded grid, every row has the same number of columns
    heading: str = ""  # nearest text line before the table ('' if none, or a table came between)

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return len(self.rows[0]) if self.rows else 0

    def texts(self) -> list[list[str]]:
        """Grid of cell texts; span copies carry the text of their origin cell."""
        return [[c.text for c in row] for row in self.rows]

    def logical_rows(self) -> list[list[Cell]]:
        """Per grid row, the cells that start there (no span copies, no padding), in column order."""
        return [[c for c in row if not c.is_span_copy and not c.is_padding] for row in self.rows]

    def logical_texts(self) -> list[list[str]]:
        return [[c.text for c in row] for row in self.logical_rows()]


_SPAN_RE = re.compile(r"\s*(\d+)")
_MAX_COLSPAN = 1000


def _span(v: str | None, cap: int, zero_means_rest: bool) -> int:
    """A rowspan/colspan attribute value ('2', ' 3 ', '2;', garbage), capped; rowspan=0 spans to
    the end of the table, colspan=0 is 1."""
    if not v:
        return 1
    m = _SPAN_RE.match(v)
    if not m:
        return 1
    n = int(m.group(1))
    if n <= 0:
        return max(cap, 1) if zero_means_rest else 1
    return max(min(n, cap), 1)


def normalize_cell_text(el) -> str:
    """Text of a cell: all descendant text joined without separators (inline tags, <p>, <div>,
    <br> inside one cell), source-formatting whitespace dropped, then normalize_text."""
    if not len(el):  # text alone
        s = el.text
        return normalize_text(s) if s and not is_layout_ws(s) else ""
    s = text_content(el)
    if LAYOUT_WS_RE.search(s):  # some piece may be source formatting: read them one by one
        s = "".join(s for s in el.itertext() if s and not is_layout_ws(s))
    return normalize_text(s)


def _row_cells(tr):
    cells = [c for c in tr if c.tag in ("td", "th")]
    if not cells:
        cells = list(tr.iter("td", "th"))
    return cells


def build_table(tbl, heading: str) -> Table | None:
    """The expanded grid of a ``<table>`` element, or None when it has no cell."""
    trs = list(tbl.iter("tr"))
    if not trs:
        return None
    nrows = len(trs)
    grid: list[dict[int, Cell]] = [{} for _ in range(nrows)]  # per row, the cells by column
    ncols = 0
    for r, tr in enumerate(trs):
        row = grid[r]
        c = 0
        for td in _row_cells(tr):
            while c in row:
                c += 1
            rs = _span(v, nrows - r, True) if (v := td.get("rowspan")) else 1
            cs = _span(v, _MAX_COLSPAN, False) if (v := td.get("colspan")) else 1
            text = normalize_cell_text(td)
            if rs == 1 and cs == 1:  # the common cell: its position is free (c skipped the taken ones)
                row[c] = Cell(text, r, c, 1, 1, False)
            else:
                for dr in range(rs):
                    rr = r + dr
                    span_row = grid[rr]
                    for dc in range(cs):
                        cc = c + dc
                        if cc in span_row:
                            continue  # overlapping spans: the earlier cell keeps the position
                        if dr == 0 and dc == 0:
                            span_row[cc] = Cell(text, rr, c, rs, cs, False)
                        else:
                            span_row[cc] = Cell(text, rr, cc, rs, cs, True)
            c += cs
            if c > ncols:
                ncols = c
    if ncols == 0:
        return None
    rows: list[list[Cell]] = []
    for row in grid:
        if not row:
            continue  # an empty <tr> that no span covers
        ri = len(rows)
        out = []
        for c in range(ncols):
            cell = row.get(c)
            if cell is None:
                cell = Cell("", ri, c, 1, 1, False, True)
            else:
                cell.row = ri
            out.append(cell)
        rows.append(out)
    if not rows:
        return None
    return Table(rows=rows, heading=heading)

"""One PDF page as blocks in reading order: table rows and prose lines, page furniture dropped.

pdfplumber finds tables by their ruling lines, so a table keeps its rows and columns (merged cells
come back as ``None`` at the positions they cover). Many agencies draw a one-column frame around
whole paragraphs; such a "table" is prose, read as lines like the rest of the page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cells import clean_cell, row_line

# page numbers and running footers: "- 3 -", "—3—", "第 3 页", "第3页 共5页", "3 / 5", a lone "3"
_PAGE_NUMBER = re.compile(
    r"^[-—–－\s]*(第\s*)?\d{1,3}(\s*页)?(\s*[/／]\s*\d{1,3}|\s*共\s*\d{1,3}\s*页)?[-—–－\s]*$"
)
FURNITURE_BAND = 0.09  # share of the page height at the top and at the bottom where furniture lives


@dataclass
class Block:
    """A table (rows of cells, kept with their boxes) or one prose line, with its place on the page."""

    top: float
    kind: str  # 'table' | 'line'
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    size: float = 0.0
    rows: list[list[str | None]] = field(default_factory=list)
    bbox: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    header: list[list[str]] | None = None  # a continued table: the header rows of where it began


def _segments(table) -> list[tuple[list[list[str | None]], tuple[float, float, float, float]]]:
    """The parts of a ruled area that are really tables, with their boxes.

    A row with a single cell as wide as the area is a framed paragraph or a section heading, not a
    table row: it ends a segment and is read as prose with the rest of the page.
    """
    x0, _, x1, _ = table.bbox
    width = max(x1 - x0, 1.0)
    segments, rows, box = [], [], None
    for row, cells in zip(table.rows, table.extract()):
        present = [b for b in row.cells if b is not None]
        prose = len(present) == 1 and (present[0][2] - present[0][0]) >= 0.8 * width
        if prose:
            if rows:
                segments.append((rows, box))
            rows, box = [], None
            continue
        rows.append(cells)
        bx = row.bbox
        box = bx if box is None else (min(box[0], bx[0]), min(box[1], bx[1]), max(box[2], bx[2]), max(box[3], bx[3]))
    if rows:
        segments.append((rows, box))
    return segments


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def is_page_furniture(text: str, top: float, bottom: float, page_height: float) -> bool:
    """A page number or footer line near the top or bottom edge of the page."""
    band = page_height * FURNITURE_BAND
    near_edge = top < band or bottom > page_height - band
    return near_edge and bool(_PAGE_NUMBER.match(text.strip()))


def _open_edges(page) -> list[float]:
    """Where a table cut by a page break has no ruling line: the top (or bottom) of its columns.

    A row split over two pages continues at the top of the next one with its column lines but no
    line above it; closing it there lets the split row be read as a row instead of loose text.
    """
    vertical = [e for e in page.edges if e["orientation"] == "v" and e["bottom"] - e["top"] > 2]
    if not vertical:
        return []
    # full-width lines at the ends of the column lines; where a ruling line is already there they
    # merge with it (the edges are snapped), so adding them is harmless
    return [min(e["top"] for e in vertical), max(e["bottom"] for e in vertical)]


COLUMN_GAP_EM = 1.5  # default of AttachmentSettings.pdf_column_gap_em


def gap_cells(chars: list[dict], size: float, gap_em: float = COLUMN_GAP_EM) -> list[str] | None:
    """The cells of a table row printed without ruling lines, told apart by wide gaps.

    A line of a borderless table ("行政许可        550") has gaps far wider than the spacing of
    justified prose. It is a row when it splits into at least two pieces and ends in a figure;
    otherwise it is prose (None).
    """
    if not chars or size <= 0:
        return None
    pieces, current, last_x1 = [], [], None
    for char in sorted(chars, key=lambda c: c["x0"]):
        if last_x1 is not None and char["x0"] - last_x1 > gap_em * size and current:
            pieces.append("".join(current))
            current = []
        current.append(char["text"])
        last_x1 = char["x1"]
    pieces.append("".join(current))
    cells = [clean_cell(p) for p in pieces]
    cells = [c for c in cells if c]
    if len(cells) < 2 or not _is_number(cells[-1]):
        return None
    return cells


def page_blocks(page, gap_em: float = COLUMN_GAP_EM) -> list[Block]:
    """The blocks of one pdfplumber page, top to bottom."""
    blocks: list[Block] = []
    table_boxes = []
    for table in page.find_tables({"explicit_horizontal_lines": _open_edges(page)}):
        for rows, box in _segments(table):
            table_boxes.append(box)
            blocks.append(Block(top=box[1], kind="table", rows=rows, bbox=tuple(box)))
    text_page = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, table_boxes))
    for line in text_page.extract_text_lines(layout=False, strip=True, return_chars=True):
        text = clean_cell(line["text"])
        if not text or is_page_furniture(text, line["top"], line["bottom"], page.height):
            continue
        sizes = [c.get("size", 0.0) for c in line.get("chars", [])]
        size = max(sizes) if sizes else 0.0
        cells = gap_cells(line.get("chars", []), size, gap_em)
        if cells:
            blocks.append(Block(top=line["top"], kind="table", rows=[cells],
                                bbox=(line["x0"], line["top"], line["x1"], line["bottom"])))
            continue
        blocks.append(Block(top=line["top"], kind="line", text=text, x0=line["x0"], x1=line["x1"], size=size))
    blocks.sort(key=lambda b: b.top)
    return blocks


def _is_number(cell: str | None) -> bool:
    return bool(cell and _NUMBER.fullmatch(cell.strip()))


_NUMBER = re.compile(r"[-+]?\d[\d,，]*(\.\d+)?%?")


def table_lines(block: Block) -> list[str]:
    """The rows of a table as lines of the flattening.

    An empty cell left of the first column holding figures is a label position covered by a label
    printed on another row (or page): only empty cells among the figures are blanks to keep.
    """
    first_data = min((i for row in block.rows for i, c in enumerate(row) if _is_number(c)), default=None)
    lines = []
    for row in block.rows:
        figures = any(_is_number(c) for c in row)
        kept = [c for i, c in enumerate(row)
                if c is None or (c or "").strip() or (figures and first_data is not None and i >= first_data)]
        line = row_line(kept)
        if line:
            lines.append(line)
    return lines

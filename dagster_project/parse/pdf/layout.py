"""One PDF page as blocks in reading order: table rows and prose lines, page furniture dropped.

pdfplumber finds tables by their ruling lines, so a table keeps its rows and columns (merged cells
come back as ``None`` at the positions they cover). Many agencies draw a one-column frame around
whole paragraphs; such a "table" is prose, read as lines like the rest of the page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..tables.row_names import names_a_row
from .cells import clean_cell, row_line

# page numbers and running footers: "- 3 -", "—3—", "第 3 页", "第3页 共5页", "3 / 5", a lone "3"
_PAGE_NUMBER = re.compile(
    r"^[-—–－\s]*(第\s*)?\d{1,3}(\s*页)?(\s*[/／]\s*\d{1,3}|\s*共\s*\d{1,3}\s*页)?[-—–－\s]*$"
)
# a quotation mark alone on a line: a glyph of another font whose box sits between two lines of a
# paragraph; kept, it would cut the paragraph in two
_STRAY_QUOTES = re.compile(r"[“”‘’\"'「」]+")
# what a browser prints in a page's margins: a line of the page's address (and its page count, 3/16),
# or one that opens on the date and time (and the page's title)
_PRINTED_BY_BROWSER = re.compile(r"(?:https?|file)://\S*(?:\s+\d{1,4}/\d{1,4})?|\d{1,4}/\d{1,2}/\d{1,4},?\s*\d{1,2}:\d{2}.*")
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
    table row: it ends a segment and is read as prose with the rest of the page. The rest of a label
    cut into a row of its own joins its row (``continued_rows``).
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
        if not continued_rows(rows, cells):
            rows.append(cells)
        bx = row.bbox
        box = bx if box is None else (min(box[0], bx[0]), min(box[1], bx[1]), max(box[2], bx[2]), max(box[3], bx[3]))
    if rows:
        segments.append((rows, box))
    return segments


def continued_rows(rows: list[list[str | None]], cells: list[str | None]) -> bool:
    """Whether ``cells`` is the rest of the last row of ``rows``, and if so add its text there.

    A ruling line drawn across the label column alone (a paragraph border inside the cell) cuts a
    label printed over several lines into rows of their own: ``5.要求行政机`` with the row's figures,
    then ``关确认或重新`` below it. Read alone, the rest of the label would start the next row's
    label: ``当理由逾期不补正…2.申请人逾期`` took the figures of another row. The rest prints no
    figure, every column where the row above prints one is covered (``None``: a merged cell spans
    it), and it is one cell of text that names no row of the national tables itself: a row whose
    figure cell is merged with the one above (行政处罚 / 行政强制) stays a row.
    """
    if not rows:
        return False
    above = rows[-1]
    figures = [i for i, c in enumerate(above) if _is_number(c)]
    if not figures or len(cells) != len(above) or any(cells[i] is not None for i in figures):
        return False
    texts = [(i, c) for i, c in enumerate(cells) if c and c.strip()]
    if len(texts) > 1:
        return _continued_labels(above, texts, figures[0])
    if len(texts) != 1:
        return False
    i, rest = texts[0]
    if _is_number(rest) or above[i] is None or names_a_row(rest) and not _cut_item(above[i], rest):
        return False
    above[i] = f"{above[i]}\n{rest}"  # clean_cell joins the lines of a cell
    return True


def _continued_labels(above: list[str | None], texts: list[tuple[int, str]], first_figure: int) -> bool:
    """The rest of a row whose label cells were all cut (a page break inside the row: ``（四 | 1.本 | 31 | …``,
    then ``）无法提供 | 机关不掌握相关政府信息`` atop the next page): each rest is text under a label cell of the
    row above, and the last label, cut short of a row name, names one with its rest
    (1.本机关不掌握相关政府信息)."""
    if any(i >= first_figure or _is_number(rest) or above[i] is not None and _is_number(above[i]) for i, rest in texts):
        return False
    # (理结果 under the cell of 三、本年度办理结果 that spans the rows: the rest of that cell, printed on its first row)
    texts = [(i, rest) for i, rest in texts if above[i] is not None]
    if not texts:
        return False
    i, rest = texts[-1]
    if names_a_row(clean_cell(above[i])) or not names_a_row(clean_cell(f"{above[i]}\n{rest}")):
        return False
    for i, rest in texts:
        above[i] = f"{above[i]}\n{rest}"
    return True


_ITEM = re.compile(r"\s*(?:\d{1,2}\s*[.．、]|[（(][一二三四五六七八九十]{1,2}[)）])")


def _cut_item(label: str, rest: str) -> bool:
    """An item cut short of its row's name (1.申请人无正当理), which its rest completes (由逾期不补正、行政机关不再
    处理其政府信息公开申请): the rest may end like a row's name, but a cut item can only be continued."""
    return bool(_ITEM.match(label)) and not names_a_row(clean_cell(label)) and names_a_row(clean_cell(f"{label}\n{rest}"))


def completes_a_label(rows: list[list[str | None]], cells: list[str | None]) -> bool:
    """Whether ``cells``, the first row of a table on a new page whose columns are not those of the
    page before (another table begins below it there), is the rest of the last row of ``rows``, and if
    so add its text to that row's label.

    Columns cannot say it here, so the label must: the row above is an item (``5.``) whose label ends
    short of a row name (``5.要求行政机``), the rest prints no figure, and its last cell of text and the label
    together name a row of the national tables (``5.要求行政机关确认或重新出具已获取信息``). The rest
    may look like a row name of its own (``关确认或重新出具已获取信息`` ends like one), but a cut item
    above it can only be continued.
    """
    if not rows or len(cells) == len(rows[-1]):  # the same columns: continued_rows decides
        return False
    above = rows[-1]
    figures = [i for i, c in enumerate(above) if _is_number(c)]
    texts = [c for c in cells if c and c.strip()]
    # (理结果 | 开（区分处理的…）: the rest of a cell that spans the rows, then the rest of the label)
    if not figures or not texts or any(_is_number(c) for c in cells):
        return False
    texts = texts[-1:]
    labels = [i for i, c in enumerate(above[:figures[0]]) if c and c.strip()]
    if not labels:
        return False
    label = above[labels[-1]]
    if not _cut_item(label, texts[0]):
        return False
    above[labels[-1]] = f"{label}\n{texts[0]}"
    return True


def _invisible(page):
    """A test of the page's graphics: does the object paint only in white where the page is white?

    Browsers and office programs paint a text run's white background as a filled rectangle; found as
    ruling lines, those boxes made a table of each run (``2012 | 年全县共收到…``) and cut the
    sentences the prose figures are read from. White drawn over a painted area (a table of white
    cells on a dark ground) is seen, and stays a line.
    """
    painted = [(o["x0"], o["top"], o["x1"], o["bottom"]) for o in page.rects + page.curves
               if o.get("fill") and not _white(o.get("non_stroking_color"))
               and o["x1"] - o["x0"] > 2 and o["bottom"] - o["top"] > 2]

    def invisible(obj: dict) -> bool:
        if obj.get("object_type") not in ("rect", "line", "curve"):
            return False
        paints = []
        if obj.get("fill") and obj.get("object_type") != "line":
            paints.append(obj.get("non_stroking_color"))
        if obj.get("stroke") or obj.get("object_type") == "line":
            paints.append(obj.get("stroking_color"))
        if not all(_white(color) for color in paints):
            return False
        return not any(x0 <= obj["x0"] and obj["x1"] <= x1 and top <= obj["top"] and obj["bottom"] <= bottom
                       for x0, top, x1, bottom in painted)

    return invisible


def _white(color) -> bool:
    """RGB or CMYK white. A single number may be a gray or the tint of a spot color (1 = full ink),
    so it is not taken for white; nor is a missing color (black by default) or a pattern."""
    if not isinstance(color, (tuple, list)) or not all(isinstance(v, (int, float)) for v in color):
        return False
    if len(color) == 4:
        return all(v <= 0.05 for v in color)
    return len(color) == 3 and all(v >= 0.95 for v in color)


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def is_page_furniture(text: str, top: float, bottom: float, page_height: float, size: float = 0.0,
                      body_size: float = 0.0) -> bool:
    """A page number near the top or bottom edge of the page, or what a browser prints there, set
    smaller than the page's body: the date and time with the page's title at the top, its address
    and 3/16 at the bottom. Glued to the paragraphs a page break cuts, those lines stopped them from
    being joined, and a sentence cut there gave a part's count (其他应主动公开政府信息1053条) for the
    year's (2602)."""
    band = page_height * FURNITURE_BAND
    near_edge = top < band or bottom > page_height - band
    return near_edge and (bool(_PAGE_NUMBER.match(text.strip()))
                          or 0 < size < 0.8 * body_size and bool(_PRINTED_BY_BROWSER.fullmatch(text.strip())))


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


def _turned_edges(page) -> tuple[list[dict], list[dict]]:
    """The ruling lines of a page turned by its /Rotate, straightened: the lines and paths turned with
    it end a hair off straight (top 79.8999 and bottom 79.9001), and pdfplumber, which calls a line
    horizontal only when its ends are level to the last digit, took them for slanted ones: the
    columns of table three ran together (21 | 0 read as 210)."""
    horizontal, vertical = [], []
    for obj in page.lines + page.curves:
        points = obj.get("pts") or []
        for (x0, y0), (x1, y1) in zip(points, points[1:]):
            if abs(y1 - y0) < 0.5 and abs(x1 - x0) >= 0.5:
                y = (y0 + y1) / 2
                horizontal.append({"x0": min(x0, x1), "x1": max(x0, x1), "top": y, "bottom": y, "width": abs(x1 - x0),
                                   "height": 0.0, "object_type": "line"})
            elif abs(x1 - x0) < 0.5 and abs(y1 - y0) >= 0.5:
                x = (x0 + x1) / 2
                vertical.append({"x0": x, "x1": x, "top": min(y0, y1), "bottom": max(y0, y1), "width": 0.0,
                                 "height": abs(y1 - y0), "object_type": "line"})
    return horizontal, vertical


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
    invisible = _invisible(page)
    ruled = page.filter(lambda obj: not invisible(obj))
    horizontal, vertical = _turned_edges(ruled) if page.rotation % 360 else ([], [])
    settings = {"explicit_horizontal_lines": _open_edges(ruled) + horizontal, "explicit_vertical_lines": vertical}
    for table in ruled.find_tables(settings):
        for rows, box in _segments(table):
            table_boxes.append(box)
            blocks.append(Block(top=box[1], kind="table", rows=rows, bbox=tuple(box)))
    text_page = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, table_boxes))
    lines = text_page.extract_text_lines(layout=False, strip=True, return_chars=True)
    sizes_of = [max((c.get("size", 0.0) for c in line.get("chars", [])), default=0.0) for line in lines]
    body_size = sorted(sizes_of)[len(sizes_of) // 2] if sizes_of else 0.0
    for line, size in zip(lines, sizes_of):
        text = clean_cell(line["text"])
        if not text or _STRAY_QUOTES.fullmatch(text) \
                or is_page_furniture(text, line["top"], line["bottom"], page.height, size, body_size):
            continue
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

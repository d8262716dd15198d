"""Read a .docx report into the text flattening of the report parser.

The body is walked in document order, so paragraphs and tables keep their places. A table row
becomes one line with its cells joined by `` | ``; a cell merged across columns (python-docx
returns the same cell object for every grid position it covers) or down rows (``vMerge``
continuation) is printed once, like the HTML reader does, so the parser sees the printed cells.
Word has no fixed pages, so the text carries no page breaks.
"""
from __future__ import annotations

import io

from ..attachments import STATUS_OK, ReaderResult, refused
from ..pdf.cells import clean_cell

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _is_vmerge_continuation(cell) -> bool:
    tc_pr = cell._tc.tcPr
    if tc_pr is None:
        return False
    vmerge = tc_pr.find(f"{_W}vMerge")
    return vmerge is not None and vmerge.get(f"{_W}val") in (None, "continue")


def _row_cells(row, seen: set) -> list[str]:
    """The cells printed on this row; ``seen`` holds the cells of earlier rows (python-docx returns
    the top cell again for every row a vertical merge covers)."""
    cells: list[str] = []
    for cell in row.cells:
        if cell._tc in seen:
            continue  # a merged cell appears once per grid position it covers
        seen.add(cell._tc)  # the set keeps the element alive, so its identity stays unique
        if _is_vmerge_continuation(cell):
            continue  # printed on the row above
        cells.append(clean_cell("\n".join(p.text for p in cell.paragraphs)))
    return cells


def _table_lines(table) -> list[str]:
    lines = []
    seen: set = set()
    for row in table.rows:
        cells = _row_cells(row, seen)
        if any(cells):
            lines.append(" | ".join(cells))
        for cell in row.cells:  # tables nested in a cell follow their row
            for inner in cell.tables:
                lines.extend(_table_lines(inner))
    return lines


def read_docx(data: bytes, name: str) -> ReaderResult:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # not a zip, or a zip without word/document.xml
        return refused("docx", f"{name}: not a readable .docx ({type(exc).__name__}: {exc})")
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == f"{_W}p":
            text = clean_cell(Paragraph(child, document).text)
            if text:
                lines.append(text)
        elif child.tag == f"{_W}tbl":
            lines.extend(_table_lines(Table(child, document)))
    text = "\n".join(lines)
    if not text.strip():
        return refused("docx", f"{name}: .docx with no text")
    return ReaderResult(text, "docx", STATUS_OK, None)

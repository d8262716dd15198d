"""Read a .docx report into the text flattening of the report parser.

The body is walked in document order, so paragraphs and tables keep their places. A table row
becomes one line with its cells joined by `` | ``; a cell merged across columns (one ``w:tc``
with a ``gridSpan``) or down rows (``vMerge`` continuation) is printed once, like the HTML reader
does, so the parser sees the printed cells.
Word has no fixed pages, so the text carries no page breaks.
"""
from __future__ import annotations

import io

from ..attachments import STATUS_OK, ReaderResult, refused
from ..pdf.cells import row_line
from .paragraphs import typed_text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _is_vmerge_continuation(tc) -> bool:
    tc_pr = tc.tcPr
    if tc_pr is None:
        return False
    vmerge = tc_pr.find(f"{_W}vMerge")
    return vmerge is not None and vmerge.get(f"{_W}val") in (None, "continue")


def _row_cells(row) -> list:
    """The cells printed on this row, read off its own ``w:tc`` elements: a cell merged across
    columns is one element, and a vertical merge's continuation is printed on the row above.
    (python-docx's ``row.cells`` lays the row out on its grid, one entry per grid column a cell
    spans: a 40 KB file with gridSpan="2000000000" took 16 GB and never finished.)"""
    from docx.table import _Cell

    return [_Cell(tc, row) for tc in row._tr.tc_lst if not _is_vmerge_continuation(tc)]


# what a paragraph holds that is not its text as shown: properties, deleted and moved-away revisions,
# field codes, text boxes (drawn elsewhere on the page)
_NOT_SHOWN = frozenset(f"{_W}{tag}" for tag in ("pPr", "rPr", "del", "moveFrom", "instrText", "delText",
                                                  "txbxContent"))


def _hidden(run) -> bool:
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(f"{_W}val") not in ("false", "0", "off")


def paragraph_text(p) -> str:
    """The text of a ``w:p`` as Word shows it: the runs inside hyperlinks, inserted revisions
    (``w:ins``), smart tags, content controls and simple fields too (python-docx's ``Paragraph.text``
    reads runs and hyperlinks only: a figure typed as a tracked insertion was lost), and not the
    deleted revisions nor hidden runs (``w:vanish``: a hidden 99 before 12 read as 9912)."""
    out: list[str] = []

    def walk(element) -> None:
        for child in element:
            tag = child.tag
            if tag in _NOT_SHOWN or (tag == f"{_W}r" and _hidden(child)):
                continue
            if tag == f"{_W}t":
                out.append(child.text or "")
            elif tag == f"{_W}tab":
                out.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                out.append("\n")
            else:
                walk(child)

    walk(p)
    return "".join(out)


def _table_lines(table) -> list[str]:
    lines = []
    for row in table.rows:
        cells = _row_cells(row)
        line = row_line(["\n".join(paragraph_text(p._p) for p in cell.paragraphs) for cell in cells])
        if line:
            lines.append(line)
        for cell in cells:  # tables nested in a cell follow their row
            for inner in cell.tables:
                lines.extend(_table_lines(inner))
    return lines


def read_docx(data: bytes, name: str) -> ReaderResult:
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # not a zip, or a zip without word/document.xml
        return refused("docx", f"{name}: not a readable .docx ({type(exc).__name__}: {exc})")
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == f"{_W}p":
            text = typed_text(paragraph_text(child))
            if text:
                lines.append(text)
        elif child.tag == f"{_W}tbl":
            lines.extend(_table_lines(Table(child, document)))
    text = "\n".join(lines)
    if not text.strip():
        return refused("docx", f"{name}: .docx with no text")
    return ReaderResult(text, "docx", STATUS_OK, None)

"""Read an .xlsx attachment (a statistics table published as a spreadsheet) into the flattening.

Each sheet is a heading line (its name) followed by one line per row, cells joined by `` | ``.
Formulas are read as their cached values (what the agency saw); a merged cell's value sits in its
first cell, the cells it covers are empty and dropped at the ends of the row.
"""
from __future__ import annotations

import io

from ..attachments import STATUS_OK, ReaderResult, refused
from ..pdf.cells import clean_cell


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean_cell(str(value))


def read_xlsx(data: bytes, name: str) -> ReaderResult:
    import openpyxl

    from ...settings import get_settings

    max_rows = get_settings().attachments.xlsx_max_rows_per_sheet  # bounds the work on a data dump

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        return refused("xlsx", f"{name}: not a readable .xlsx ({type(exc).__name__}: {exc})")
    lines: list[str] = []
    try:
        for sheet in workbook.worksheets:
            lines.append(clean_cell(sheet.title))
            for n, row in enumerate(sheet.iter_rows(values_only=True)):
                if n >= max_rows:
                    break
                cells = [_cell_text(v) for v in row]
                while cells and not cells[-1]:
                    cells.pop()
                while cells and not cells[0]:
                    cells.pop(0)
                if cells:
                    lines.append(" | ".join(cells))
    finally:
        workbook.close()
    if len(lines) <= len(workbook.sheetnames):
        return refused("xlsx", f"{name}: spreadsheet with no cells")
    return ReaderResult("\n".join(lines), "xlsx", STATUS_OK, None)

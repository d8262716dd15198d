"""Read an .xlsx attachment (a statistics table published as a spreadsheet) into the flattening.

Each sheet is a heading line (its name) followed by one line per row, cells joined by `` | ``.
Formulas are read as their cached values (what the agency saw); a merged cell's value sits in its
first cell, the cells it covers are empty and dropped at the ends of the row. A file saved by a
program that does not calculate (a script, an export) holds formulas without cached values: those
cells are read as empty, never computed (a total computed from its parts is not a printed figure),
and the result's note counts them.
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
    return ReaderResult("\n".join(lines), "xlsx", STATUS_OK, None, _uncached_formulas(data, max_rows))


def _uncached_formulas(data: bytes, max_rows: int) -> str | None:
    """How many formula cells hold no cached value, and the first of them, or None."""
    import openpyxl

    if b"<f" not in _sheet_xml(data):
        return None
    # openpyxl gives a cell's formula or its cached value, never both: the workbook is read again
    formulas = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    values = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    missing, first = 0, None
    try:
        for with_formulas, with_values in zip(formulas.worksheets, values.worksheets):
            rows = zip(with_formulas.iter_rows(max_row=max_rows), with_values.iter_rows(max_row=max_rows, values_only=True))
            for formula_row, value_row in rows:
                for cell, value in zip(formula_row, value_row):
                    if cell.data_type == "f" and value is None:
                        missing += 1
                        first = first or f"{with_formulas.title}!{cell.coordinate} {cell.value}"
    finally:
        formulas.close()
        values.close()
    if not missing:
        return None
    return (f"{missing} formula cell{'s' if missing > 1 else ''} without a stored value, read as empty "
            f"(the file was saved by a program that does not calculate them), the first {first}")


def _sheet_xml(data: bytes) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b"".join(archive.read(part) for part in archive.namelist() if part.startswith("xl/worksheets/"))

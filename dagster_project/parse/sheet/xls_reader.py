"""Read an .xls attachment (Excel 97-2003, and WPS's .et saved that way) into the flattening.

Sites published the 2008-2018 statistics tables (政府信息公开情况统计表) as .xls files beside or
instead of the report page. Sheets become lines as ``rows`` lays them out, each cell as the value the
file stores: a formula's result as last calculated (BIFF files always store it), a date as a date.
A cell whose formula ended in an error (``#DIV/0!``) is read as empty, never as a figure.
"""
from __future__ import annotations

import io

from ..attachments import STATUS_OK, ReaderResult, over_parse_budget, refused
from ..compound_file import cut_short, damage_reason
from .rows import workbook_lines


class _Discard(io.TextIOBase):
    """xlrd's log: on a damaged file it writes its diagnostics (record dumps of kilobytes) to stdout, which
    in the reader's process is the run's console; the refusal says what failed."""

    def write(self, text: str) -> int:
        return len(text)


_DISCARD = _Discard()


def _why(exc: Exception) -> str:
    # xlrd's own checks are bare asserts: their message is empty
    return f"{type(exc).__name__}: {exc}" if str(exc).strip() else f"{type(exc).__name__}, a check of xlrd on its records"


def _values(book, sheet, max_rows: int):
    import xlrd

    for r in range(min(sheet.nrows, max_rows)):
        row = []
        for cell in sheet.row(r):
            if cell.ctype == xlrd.XL_CELL_DATE:
                try:
                    row.append(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
                except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                    row.append(cell.value)  # a number formatted as a date that is no date: the number
            elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                row.append(bool(cell.value))
            elif cell.ctype in (xlrd.XL_CELL_ERROR, xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                row.append(None)
            else:
                row.append(cell.value)
        yield row


def read_xls(data: bytes, name: str) -> ReaderResult:
    import xlrd

    from ...settings import get_settings

    max_rows = get_settings().attachments.xlsx_max_rows_per_sheet  # bounds the work on a data dump
    max_chars = get_settings().parse_max_chars  # a text past it is refused: reading on is wasted
    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True, formatting_info=True, logfile=_DISCARD)
    except Exception as exc:  # xlrd raises its own errors, and struct/index errors on damaged files
        if cut_short(data):
            return refused("xls", damage_reason(data, "xls", name, exc))
        return refused("xls", f"{name}: not a readable .xls ({_why(exc)})")

    def sheets():
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            yield sheet.name, _values(book, sheet, max_rows), sheet.merged_cells
            book.unload_sheet(index)  # one sheet in memory at a time

    try:
        lines = workbook_lines(sheets(), max_rows, max_chars)
    except Exception as exc:  # a sheet's records damaged past what xlrd reads
        return refused("xls", f"{name}: a damaged .xls: its sheets cannot be read ({_why(exc)})")
    finally:
        book.release_resources()
    if lines is None:
        return over_parse_budget("xls", name, max_chars)
    if len(lines) <= book.nsheets:
        return refused("xls", f"{name}: spreadsheet with no cells")
    return ReaderResult("\n".join(lines), "xls", STATUS_OK)

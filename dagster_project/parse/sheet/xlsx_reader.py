"""Read an .xlsx attachment (a statistics table published as a spreadsheet) into the flattening.

Sheets become lines as ``rows`` lays them out. Formulas are read as their cached values (what the
agency saw). A file saved by a program that does not calculate (a script, an export) holds formulas
without cached values: those cells are read as empty, never computed (a total computed from its
parts is not a printed figure), and the result's note counts them.
"""
from __future__ import annotations

import io
import re

from ..attachments import STATUS_OK, ReaderResult, over_parse_budget, refused
from .rows import workbook_lines


def read_xlsx(data: bytes, name: str) -> ReaderResult:
    import openpyxl

    from ...settings import get_settings

    max_rows = get_settings().attachments.xlsx_max_rows_per_sheet  # bounds the work on a data dump
    max_chars = get_settings().parse_max_chars  # a text past it is refused: reading on is wasted

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        return refused("xlsx", f"{name}: not a readable .xlsx ({type(exc).__name__}: {exc})")
    # positions as the merges name them: from the sheet's first row and column
    sheets = ((sheet.title, sheet.iter_rows(min_row=1, min_col=1, values_only=True), _merged_ranges(sheet))
              for sheet in workbook.worksheets)
    try:
        lines = workbook_lines(sheets, max_rows, max_chars)
    finally:
        workbook.close()
    if lines is None:
        return over_parse_budget("xlsx", name, max_chars)
    if len(lines) <= len(workbook.sheetnames):
        return refused("xlsx", f"{name}: spreadsheet with no cells")
    return ReaderResult("\n".join(lines), "xlsx", STATUS_OK, None, _uncached_formulas(data, max_rows))


_MERGE = re.compile(rb'<mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"')


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number - 1


def _merged_ranges(sheet) -> list[tuple[int, int, int, int]]:
    """The sheet's merged cells (0-based, ends exclusive), read off its XML: a read-only worksheet
    does not parse them."""
    source = sheet._get_source()
    try:
        xml = source.read()
    finally:
        source.close()
    return [(int(r1) - 1, int(r2), _column(c1), _column(c2) + 1) for c1, r1, c2, r2 in _MERGE.findall(xml)]


# a cell element: its attributes and what it holds (a formula <f>, its cached value <v>), which never
# runs past the next cell: an unclosed <c> then costs one step, not a scan to the end of the part (a
# 2 KB file of "<c>" repeated held the reader for its whole time limit)
_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>((?:(?!<c[\s/>]).)*?)</c>)", re.S)
_REFERENCE = re.compile(rb'\br="([A-Z]+)(\d+)"')
_FORMULA = re.compile(rb"<f\b[^>]*?(?:/>|>(.*?)</f>)", re.S)
_VALUE = re.compile(rb"<v>(.+?)</v>", re.S)
# a formula whose value is the empty string: Excel writes t="str" and an empty <v>; a program that does
# not calculate writes an empty <v> (openpyxl) or none, without that type
_STRING_TYPE = re.compile(rb'\bt="str"')


def _uncached_formulas(data: bytes, max_rows: int) -> str | None:
    """How many formula cells hold no cached value, and the first of them, or None. Read off the
    sheets' XML: openpyxl gives None both for no value and for a cached empty string."""
    import zipfile

    missing, first = 0, None
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = sorted(part for part in archive.namelist()
                        if part.startswith("xl/worksheets/") and part.endswith(".xml"))
        for part in sheets:
            xml = archive.read(part)
            if b"<f" not in xml:
                continue
            for cell in _CELL.finditer(xml):
                body = cell.group(2) or b""
                formula = _FORMULA.search(body)
                reference = _REFERENCE.search(cell.group(1))
                if formula is None or reference is None or int(reference.group(2)) > max_rows \
                        or _VALUE.search(body) or _STRING_TYPE.search(cell.group(1)):
                    continue
                missing += 1
                if first is None:
                    written = (formula.group(1) or b"").decode("utf-8", "replace")
                    first = f"{part.rsplit('/', 1)[-1]} {(reference.group(1) + reference.group(2)).decode()} ={written}"
    if not missing:
        return None
    return (f"{missing} formula cell{'s' if missing > 1 else ''} without a stored value, read as empty "
            f"(the file was saved by a program that does not calculate them), the first {first}")

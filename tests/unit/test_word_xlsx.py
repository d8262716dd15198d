"""Spreadsheet attachments (.xlsx) as rows of cells; a statistics table published as a workbook (.xls: test_sheet_xls.py)."""
from __future__ import annotations

import io

import openpyxl

from dagster_project.parse.attachments import read_attachment


def _workbook() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "2018年度统计表"
    sheet.append(["统计指标", "单位", "统计数"])
    sheet.append(["（一）主动公开政府信息数", "条", 236])
    sheet.append(["其中：主动公开规范性文件数", "条", 0.0])
    sheet.append([None, None, None])
    sheet.append(["（四）政府信息公开专项经费", "万元", 1.5])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_rows_become_lines_of_cells():
    result = read_attachment(_workbook(), "xlsx", "stats.xlsx")
    assert result.status == "ok" and result.reader == "xlsx"
    assert result.text.splitlines() == ["2018年度统计表", "统计指标 | 单位 | 统计数", "（一）主动公开政府信息数 | 条 | 236",
                                        "其中：主动公开规范性文件数 | 条 | 0", "（四）政府信息公开专项经费 | 万元 | 1.5"]


def test_a_broken_spreadsheet_is_refused():
    assert read_attachment(b"PK\x03\x04", "xlsx", "bad.xlsx").status == "refused"
    legacy = read_attachment(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "xls", "old.xls")
    assert legacy.status == "refused" and "old.xls" in legacy.reason


def _with_sheet_named_bin(padding: int) -> bytes:
    """The workbook with its sheet stored as xl/worksheets/sheet1.bin (the package's relationships lead
    there, so a reader reads it as the sheet), its XML padded by ``padding`` bytes of whitespace, and a
    2 MB image beside it."""
    import os
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(_workbook()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for part in source.infolist():
            data = source.read(part)
            if part.filename == "xl/worksheets/sheet1.xml":
                archive.writestr("xl/worksheets/sheet1.bin", data.replace(b"<sheetData>", b"<sheetData>" + b" " * padding))
                continue
            archive.writestr(part.filename, data.replace(b"worksheets/sheet1.xml", b"worksheets/sheet1.bin"))
        archive.writestr("xl/media/image1.png", b"\x89PNG\r\n\x1a\n" + os.urandom(2 * 1024 * 1024))
    return out.getvalue()


def test_a_sheet_part_not_named_xml_counts_as_xml_in_the_unpacked_size_limit():
    from dagster_project.parse.attachments import unpacked_too_large

    data = _with_sheet_named_bin(3 * 1024 * 1024)
    read = read_attachment(data, "xlsx", "raw/c/named_bin.xlsx")  # within the default limits: the sheet is read
    assert read.status == "ok" and "（一）主动公开政府信息数 | 条 | 236" in read.text
    # a hostile file held 110 MB of XML in such a part, past the 32 MB limit on XML, and was read (475 MiB)
    why = unpacked_too_large(data, max_xml_bytes=2 * 1024 * 1024, max_bytes=256 * 1024 * 1024)
    assert why is not None and why.startswith("its XML unpacks to 3,16")
    # the image is no XML: 2 MB of it and 1 MB of XML stay within a 2 MB limit on XML
    assert unpacked_too_large(_with_sheet_named_bin(1024 * 1024), 2 * 1024 * 1024, 256 * 1024 * 1024) is None

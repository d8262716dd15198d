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

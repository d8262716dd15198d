"""A Word table whose rows leave cells blank, 总计 among them: each figure stays in its column.

上海市人民政府办公厅's 2019 report fills only some applicant columns of table three and leaves the
总计 cell of most outcome rows blank (（三）1.属于国家秘密: 14 under 自然人, nothing else); its table four
prints 6 figures in 15 cells. Its page (shanghai_office_2019.html, SOURCES.md) keeps every cell, and
so does Word; but a row line ending in a blank cell lost that cell when read back, so the row no
longer had a cell per column: its figures were placed by their sums (14 became the row's 总计) or
not at all.
"""
from __future__ import annotations

from pathlib import Path

from dagster_project.parse.attachments import read_attachment
from dagster_project.parse.pdf.cells import row_line
from dagster_project.parse.report import parse_document

WORD = Path(__file__).resolve().parents[1] / "fixtures" / "word"


def _tables(report) -> dict:
    return {(f.indicator_code, f.applicant_type): f.value for f in report.figures if f.indicator_code.startswith(("t3.", "t4."))}


def test_a_docx_row_with_a_blank_total_keeps_its_figures_in_their_columns():
    result = read_attachment((WORD / "shanghai_office_2019.docx").read_bytes(), "docx", "shanghai_office_2019.docx")
    report = parse_document(result.text, "shanghai_office_2019.docx")
    got = _tables(report)
    assert got[("t3.denied.state_secret", "natural_person")] == 14
    assert ("t3.denied.state_secret", "total") not in got  # the page prints no 总计 there
    assert got[("t3.granted", "natural_person")] == 258 and got[("t3.granted", "other_org")] == 1
    assert got[("t3.unable.not_held", "legal_service_org")] == 1
    assert (got[("t4.review.upheld", "total")], got[("t4.review.total", "total")], got[("t4.suit_direct.total", "total")]) == (5, 7, 9)
    assert not report.unplaced
    # the same figures as the page itself gives
    page = parse_document((WORD / "shanghai_office_2019.html").read_text(encoding="utf-8"), "shanghai_office_2019.html")
    assert got == _tables(page) and len(got) == 41


def test_a_row_ending_in_a_blank_cell_is_terminated():
    assert row_line(["1.属于国家秘密", "14", "", "", "", "", "", ""]) == "1.属于国家秘密 | 14 |  |  |  |  |  | |"
    assert row_line(["（七）总计", "767", None, "805"]) == "（七）总计 | 767 | 805"
    assert row_line(["", None, ""]) == ""


def test_an_rtf_row_ending_in_a_blank_cell_keeps_its_seven_columns():
    cells = ["1.属于国家秘密", "14", "", "", "", "", "", ""]
    bounds = "".join(f"\\cellx{1000 * (i + 1)}" for i in range(len(cells)))
    escaped = ["".join("\\u%d?" % ord(ch) for ch in cell) for cell in cells]
    text = "".join(f"\\pard\\intbl {cell}\\cell " for cell in escaped)
    rtf = ("{\\rtf1\\ansi\\uc1 \\pard 2019\\u24180?\\par \\trowd " + bounds + " " + text + "\\row }").encode()
    lines = read_attachment(rtf, "rtf", "x.rtf").text.splitlines()
    assert "1.属于国家秘密 | 14 |  |  |  |  |  | |" in lines


def test_a_text_copy_that_lost_the_blank_cells_takes_no_lone_figure_for_a_total():
    # the same page copied as text, every blank cell gone (三、…（一）予以公开 | 258 | 12 | 1 | 1, 1.属于国家秘密 | 14):
    # 258, 12, 1, 1 do not add up, so this table leaves 总计 blank, and 14 may stand in any column
    from dagster_project.parse.html.page import extract_page
    from dagster_project.parse.tables.placement import LONE_WITHOUT_TOTALS

    page = extract_page((WORD / "shanghai_office_2019.html").read_text(encoding="utf-8"))
    text = "\n".join(" | ".join(c.strip() for c in line.split("|") if c.strip()) if "|" in line else line
                     for line in page.text.splitlines())
    assert any(line.endswith("1.属于国家秘密 | 14") for line in text.splitlines())
    report = parse_document(text, "shanghai_office_2019.txt")
    got = _tables(report)
    assert ("t3.denied.state_secret", "total") not in got and ("t3.partially_granted", "total") not in got
    assert got[("t3.total_processed", "total")] == 805 and got[("t3.new_received", "natural_person")] == 821
    lone = {(u.row_label, u.value) for u in report.unplaced if u.reason == LONE_WITHOUT_TOTALS}
    assert ("1.属于国家秘密", 14) in lone and ("3.补正后申请内容仍不明确", 25) in lone and len(lone) == 4


_T3_HEADER = ["三、收到和处理政府信息公开申请情况",
              row_line(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"]),
              row_line(["自然人", "法人或其他组织", "总计"]),
              row_line(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"])]


def _report(lines: list[str]) -> str:
    return ("2020年某某县财政局政府信息公开工作年度报告\n一、总体情况\n2020年,某某县财政局认真贯彻《条例》。\n" + "\n".join(lines)
            + "\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n无。")


def test_a_grid_one_column_wider_than_the_table_pads_every_row_at_its_end():
    # a PDF's or Word's table with an empty column after 总计: 予以公开 prints 6 under 商业企业 and nothing under 自然人
    def row(labels, values):
        return row_line(labels + values + [""])

    rows = [row(["一、本年新收政府信息公开申请数量"], ["10", "6", "0", "0", "0", "0", "16"]),
            row(["三、本年度办理结果", "（一）予以公开"], ["", "6", "0", "0", "0", "0", "6"]),
            row(["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"], ["4", "0", "0", "0", "0", "0", "4"]),
            row(["（七）总计"], ["10", "6", "0", "0", "0", "0", "16"])]
    got = _tables(parse_document(_report(_T3_HEADER + rows), "padded.txt"))
    assert got[("t3.granted", "commercial_enterprise")] == 6 and got[("t3.granted", "total")] == 6
    assert ("t3.granted", "natural_person") not in got


def test_a_misprinted_row_does_not_unsettle_the_lone_totals_of_the_others():
    # 7 + 2 is not 10: a misprint, not a table without totals (its last figure is no smaller than its parts)
    labels = ["（三）不予公开 | 1.属于国家秘密", "2.其他法律行政法规禁止公开", "5.属于三类内部事务信息", "6.属于四类过程性信息",
              "（四）无法提供 | 1.本机关不掌握相关政府信息", "（五）不予处理 | 1.信访举报投诉类申请"]
    rows = ["一、本年新收政府信息公开申请数量 | 33", "三、本年度办理结果 | （一）予以公开 | 7 | 2 | 10",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 9"] + [f"{label} | 1 | 1" for label in labels] \
        + ["（六）其他处理 | 2 | 2", "（七）总计 | 30 | 3 | 2 | 35"]
    report = parse_document(_report(_T3_HEADER + rows), "misprint.txt")
    got = _tables(report)
    assert got[("t3.partially_granted", "total")] == 9 and got[("t3.new_received", "total")] == 33
    assert [u.value for u in report.unplaced if u.row_label == "（一）予以公开"] == [7, 2, 10]


def test_a_two_column_block_of_table_two_in_a_four_column_grid():
    # the 2019 table two's fees and procurement blocks, their last column not merged: 行政事业性收费 |  | 0 | |
    from dagster_project.parse.tables.table_two import parse_table_two
    from dagster_project.parse.text.cells import cell_stream

    rows = [["第二十条第（八）项", "", "", ""], ["信息内容", "上一年项目数量", "本年增/减", ""], ["行政事业性收费", "", "0", ""],
            ["第二十条第（九）项", "", "", ""], ["信息内容", "采购项目数量", "采购总金额", ""], ["政府集中采购", "", "0", ""]]
    figures, unplaced = parse_table_two(cell_stream("\n".join(row_line(r) for r in rows)), "gov2019")
    got = {f.indicator_code: f.value for f in figures}
    assert got == {"t2.fees.change": 0, "t2.procurement.amount": 0} and not unplaced


def test_a_spreadsheet_row_keeps_its_blank_cells_up_to_its_headers_last_column(tmp_path):
    # the page's tables saved as a workbook, every cell in its column and every blank cell empty, as a
    # spreadsheet program saves them: empty cells at a row's end are no cells of the sheet
    import openpyxl

    from dagster_project.parse.html.page import extract_page

    page = extract_page((WORD / "shanghai_office_2019.html").read_text(encoding="utf-8"))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.cell(row=1, column=1, value="2019年上海市人民政府办公厅政府信息公开工作年度报告")
    at = 2
    for table in page.tables:
        for row in table.rows:
            for cell in row:
                if cell.is_span_copy:
                    continue
                sheet.cell(row=at, column=cell.col + 1, value=cell.text or None)
                if cell.rowspan > 1 or cell.colspan > 1:  # the page's merged cells, merged in the sheet
                    sheet.merge_cells(start_row=at, start_column=cell.col + 1,
                                      end_row=at + cell.rowspan - 1, end_column=cell.col + cell.colspan)
            at += 1
        at += 1  # an empty row between the tables
    book.save(tmp_path / "tables.xlsx")
    result = read_attachment((tmp_path / "tables.xlsx").read_bytes(), "xlsx", "tables.xlsx")
    assert any(line.endswith("1.属于国家秘密 | 14 |  |  |  |  |  | |") for line in result.text.splitlines())
    got = _tables(parse_document(result.text, "tables.xlsx"))
    page_figures = _tables(parse_document((WORD / "shanghai_office_2019.html").read_text(encoding="utf-8"), "x.html"))
    assert {k: v for k, v in got.items() if k[0].startswith("t3.")} == {k: v for k, v in page_figures.items() if k[0].startswith("t3.")}


def test_a_header_cell_far_to_the_right_pads_no_row():
    from dagster_project.parse.sheet.rows import MAX_PADDED_COLUMNS, sheet_lines

    far = [None] * (MAX_PADDED_COLUMNS + 10)
    lines = sheet_lines("s", [["自然人", "总计", *far, "备注"], ["1.属于国家秘密", "14"]], max_rows=10)
    assert lines[-1] == "1.属于国家秘密 | 14"
    assert sheet_lines("s", [["自然人", "法人", "总计"], ["1.属于国家秘密", "14"]], max_rows=10)[-1] == "1.属于国家秘密 | 14 | |"

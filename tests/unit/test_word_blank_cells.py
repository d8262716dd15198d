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

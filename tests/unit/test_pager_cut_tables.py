"""A site's pager can cut a long report inside a table: the first page ends on an unclosed table, the next
opens on the table's rows, with neither the section heading nor the header that mark the table. Each page is
parsed alone (the warehouse joins them as one report's parts), so the next page's rows must be read without
their heading: 平潭's real pages of the 2019 and 2021 forms, cut before each of their table rows in turn."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from dagster_project.parse.report import parse_document
from dagster_project.parse.tables.table_three import rows_go_on_at
from dagster_project.parse.text.cells import cell_stream

REPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "pingtan_site" / "reports"
PARTS = Path(__file__).resolve().parents[1] / "fixtures" / "quirks" / "report_in_parts"


def _table_figures(html: str) -> dict[tuple[str, str], float]:
    report = parse_document(html, "page")
    return {(f.indicator_code, f.applicant_type): f.value for f in report.figures if f.source == "table"}


def _cuts(html: str):
    """Both pages of every cut before a table row: the first up to the row, the next from it on."""
    body = html.index("<body")
    for match in list(re.finditer(r"<tr\b", html, re.I))[1:]:
        yield html[:match.start()], html[:body] + "<body><div><table>" + html[match.start():]


# missed table figures over every cut, as measured: before, a next page without table three's heading gave
# none of its figures (2,214 and 2,544 missed); the cuts left are those whose next page opens on a row 3.其他
# or 总计 of table three, or on table four's data row without any of its header
@pytest.mark.parametrize("page, template, missed", [("202001_80576", "gov2019", 22),
                                                    ("202202_80613", "gov2021", 36)])
def test_both_pages_of_a_cut_give_the_whole_pages_table_figures(page, template, missed):
    html = (REPORTS / f"{page}.html").read_text(encoding="utf-8")
    whole = _table_figures(html)
    lost = 0
    for first, second in _cuts(html):
        assert parse_document(second, "next").meta.template_code in (template, "narrative")
        read = [_table_figures(first), _table_figures(second)]
        for part in read:
            assert {key: whole.get(key) for key in part} == part  # nothing read otherwise, nothing extra
        lost += sum(1 for key in whole if not any(key in part for part in read))
    assert lost == missed


def test_the_next_page_of_the_2024_report_reads_table_three_on_from_its_row():
    second = (PARTS / "t20250327_97791_1.htm").read_text(encoding="utf-8")
    report = parse_document(second, "t20250327_97791_1.htm")
    assert (report.meta.report_year, report.meta.template_code, report.meta.doc_type) == (2024, "gov2021", "annual_report")
    figures = {(f.indicator_code, f.applicant_type): f.value for f in report.figures if f.source == "table"}
    assert len(figures) == 106
    assert figures[("t3.unable.not_held", "natural_person")] == 75  # （四）无法提供 1.本机关不掌握相关政府信息, the first row
    assert figures[("t3.not_processed.duplicate", "total")] == 1
    assert "table three (requests) not found" not in report.warnings


def test_a_row_label_in_prose_does_not_open_the_table():
    cells = cell_stream("我们认真做好信访举报投诉类申请的分类处理工作，全年共处理12件。\n"
                        "1.本机关不掌握相关政府信息 | 3 | 0 | 0 | 0 | 0 | 0 | 3")
    assert rows_go_on_at(cells, 0) == 1
    assert rows_go_on_at(cell_stream("总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3"), 0) is None  # also a header word of table four


# pages a reviewer wrote to attack the reading of a table's rest: each prints rows of table three without its header
MONTH = """<html><head><title>某某区2023年12月政府信息公开申请办理情况</title></head><body><div class="TRS_Editor">
<h2>某某区2023年12月政府信息公开申请办理情况</h2><p>2023年12月，我区共收到政府信息公开申请5件，办理情况如下：</p>
<table border="1"><tr><td>办理结果</td><td>件数</td></tr><tr><td>予以公开</td><td>3</td></tr><tr><td>部分公开</td><td>1</td></tr>
<tr><td>本机关不掌握相关政府信息</td><td>1</td></tr></table></div></body></html>"""
BY_DISTRICT = """<html><head><title>某某市2021年政府信息公开工作年度报告</title></head><body><div class="TRS_Editor">
<h2>某某市2021年政府信息公开工作年度报告</h2><p>现将本市2021年度政府信息公开工作情况报告如下。</p><p>一、总体情况</p>
<p>各区办理情况：</p><table border="1"><tr><td>类别</td><td>甲区</td><td>乙区</td><td>丙区</td><td>丁区</td></tr>
<tr><td>予以公开</td><td>10</td><td>20</td><td>30</td><td>40</td></tr><tr><td>部分公开</td><td>1</td><td>2</td><td>3</td><td>6</td></tr>
</table><p>二、存在的主要问题</p><p>略。</p></div></body></html>"""


def test_a_month_of_requests_is_no_report_and_no_table_three():
    # the page's year is of the 2021 form, but the page is no annual report: its rows are not the form's
    report = parse_document(MONTH, "month.html")
    assert (report.meta.doc_type, report.meta.template_code) == ("other", "narrative")
    assert [f.indicator_code for f in report.figures] == ["n.requests.received"]  # its prose: 共收到…申请5件
    assert report.unplaced == []


def test_rows_without_the_header_are_read_only_where_they_print_a_cell_per_column():
    # 1 + 2 + 3 = 6: the placement by sums would take 丁区's 6 for the row's total
    report = parse_document(BY_DISTRICT, "by_district.html")
    assert report.meta.doc_type == "annual_report"
    assert [f for f in report.figures if f.indicator_code.startswith("t3.")] == []
    assert {u.value for u in report.unplaced if u.table == "t3"} == {10, 20, 30, 40, 1, 2, 3, 6}


def test_the_rest_of_the_other_group_without_its_label_adds_no_figure_to_the_row_before():
    # a cut leaves (六)其他处理 and its first rows on the page before; 3.其他 | 1 | 1 follows two rows that print
    # no cells: its figures were read as 2.…逾期未按收费通知… (fee_unpaid)
    lines = ["某某县市场监督管理局2022年政府信息公开工作年度报告",
             "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
             "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
             "3.其他 | 1 | 1", "(七)总计 | 8 | 2 | 10", "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0"]
    report = parse_document("\n".join(lines), "next_page.txt")
    codes = {f.indicator_code for f in report.figures}
    assert not codes & {"t3.other.fee_unpaid", "t3.other.no_correction"}
    assert ("t3.carried_forward", "total", 0) in {(f.indicator_code, f.applicant_type, f.value) for f in report.figures}


def test_the_rest_of_a_section_of_table_two_is_read_by_its_row_labels():
    # the 2024 report cut after 第二十条第（一）项's header: the next page opens on 规章 and 行政规范性文件
    html = (REPORTS / "202503_97791.html").read_text(encoding="utf-8")
    cut = html.rindex("<tr", 0, html.index(">规章<"))
    second = html[:html.index("<body")] + "<body><div><table>" + html[cut:]
    figures = {(f.indicator_code, f.value) for f in parse_document(second, "next").figures}
    assert {("t2.normative.made", 62), ("t2.normative.repealed", 33), ("t2.normative.in_force", 440),
            ("t2.licensing.decisions", 4529), ("t2.fees.amount", 18651.06)} <= figures

"""Tables as real pages print them (tests/fixtures/quirks): merged cells, blank markers, units and
notes in cells, the three text flattenings of the 2021 format, and rows that lost their empty cells.

Every expected value is read off the fixture by hand; see tests/fixtures/quirks/README.md for the
real pages each excerpt is modelled on.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from dagster_project.parse.model import ParsedReport
from dagster_project.parse.report import parse_document

QUIRKS = Path(__file__).resolve().parents[1] / "fixtures" / "quirks"
ORGS = ("commercial_enterprise", "research_institution", "social_welfare_org", "legal_service_org", "other_org")


@lru_cache(maxsize=None)
def parsed(name: str) -> ParsedReport:
    return parse_document((QUIRKS / name).read_text(encoding="utf-8"), name)


def values(name: str) -> dict[tuple[str, str], float]:
    return {(f.indicator_code, f.applicant_type): f.value for f in parsed(name).figures}


def unplaced(name: str, table: str) -> list[tuple[str | None, float]]:
    return sorted(((u.indicator_code, u.value) for u in parsed(name).unplaced if u.table == table),
                  key=lambda x: (x[0] or "", x[1]))


def row(name: str, code: str) -> dict[str, float]:
    return {app: v for (c, app), v in values(name).items() if c == code}


# ---------------------------------------------------------------------------------------------
# HTML: merged cells, blank markers, split digits, notes, full-width digits, units in headers
# ---------------------------------------------------------------------------------------------

HTML2019 = "html_gov2019_spans.html"


def test_html_table_three_rowspan_colspan_matrix_with_nbsp_blanks():
    assert row(HTML2019, "t3.new_received") == {
        "natural_person": 9, "commercial_enterprise": 3, "legal_service_org": 1, "total": 13}
    assert row(HTML2019, "t3.unable.not_held") == {"natural_person": 2, "commercial_enterprise": 1, "total": 3}
    assert row(HTML2019, "t3.total_processed") == {
        "natural_person": 9, "commercial_enterprise": 3, "legal_service_org": 1, "total": 13}
    assert row(HTML2019, "t3.carried_forward") == {"natural_person": 1, "total": 1}
    # &nbsp; cells are blank, not zero
    assert row(HTML2019, "t3.denied.state_secret") == {}
    assert ("t3.new_received", "research_institution") not in values(HTML2019)
    assert parsed(HTML2019).unplaced == []


def test_html_typo_in_label_still_matches_its_row():
    # 5.属于三类内容事务信息 (内容 for 内部)
    assert row(HTML2019, "t3.denied.internal_affairs") == {"natural_person": 1, "total": 1}


def test_html_table_four_fifteen_cells_blank_parts_stay_blank():
    got = {c: v for (c, _), v in values(HTML2019).items() if c.startswith("t4.")}
    assert got == {"t4.review.upheld": 1, "t4.review.total": 1,
                   "t4.suit_direct.total": 0, "t4.suit_after_review.total": 0}


def test_html_table_two_blank_markers_signs_notes_fullwidth_and_split_digits():
    v = values(HTML2019)
    assert v[("t2.normative.made", "total")] == 2
    assert v[("t2.normative.new_published", "total")] == 2  # ２ (full width)
    assert v[("t2.normative.total_published", "total")] == 17  # <font>1</font><font>7</font>
    assert v[("t2.licensing.change", "total")] == 3  # +3
    assert v[("t2.licensing.decisions", "total")] == 1024  # 1,024
    assert v[("t2.penalty.change", "total")] == -5  # －5 (full-width minus)
    assert v[("t2.penalty.decisions", "total")] == 36  # 36（含简易程序12件）
    assert v[("t2.coercion.prev_items", "total")] == 15
    # &nbsp;, /, — and 无 are blank, not zero
    blank = {"t2.rules.made", "t2.other_services.prev_items", "t2.other_services.decisions",
             "t2.coercion.decisions", "t2.fees.prev_items", "t2.fees.change"}
    assert not blank & {c for c, _ in v}


def test_html_money_unit_in_header_converts_yuan_to_ten_thousand():
    # header 采购总金额（元）, cell 251000 -> 25.1 万元
    fig = next(f for f in parsed(HTML2019).figures if f.indicator_code == "t2.procurement.amount")
    assert fig.value == pytest.approx(25.1) and "元" in fig.evidence
    assert values(HTML2019)[("t2.procurement.items", "total")] == 4


def test_html_traditional_fee_amount_with_yuan_header():
    # 本年收費金額（單位：元） 35000 -> 3.5 万元
    assert values("html_traditional_2021.html")[("t2.fees.amount", "total")] == pytest.approx(3.5)


def test_html_statistics_table_gov2008_with_figures_in_section_rows():
    name = "html_gov2008_table.html"
    v = values(name)
    assert parsed(name).meta.template_code == "gov2008"
    assert v[("s.active.items", "total")] == 1156
    assert v[("s.active.channels.website", "total")] == 1102  # 1,102
    assert v[("s.requests", "total")] == 17  # a figure printed in the section-header row
    assert v[("s.review", "total")] == 1 and v[("s.review.upheld", "total")] == 1
    assert v[("s.suit", "total")] == 0
    assert v[("s.capacity.budget", "total")] == 2.5
    assert v[("s.meetings.trainees", "total")] == 35
    # ——, &nbsp; and / are blank
    assert not {"s.active", "s.active.channels.weibo", "s.active.channels.other", "s.suit.upheld"} & {c for c, _ in v}


# ---------------------------------------------------------------------------------------------
# The three text flattenings of a 2021-format report
# ---------------------------------------------------------------------------------------------


def test_bare_lines_2021_labels_wrapped_and_broken_into_characters():
    name = "t2021_bare_lines.txt"
    meta = parsed(name).meta
    assert (meta.template_code, meta.report_year) == ("gov2021", 2023)
    v = values(name)
    # 现行有效件数(历史累计)
    assert (v[("t2.normative.made", "total")], v[("t2.normative.repealed", "total")],
            v[("t2.normative.in_force", "total")]) == (2, 1, 15)
    assert v[("t2.licensing.decisions", "total")] == 20 and v[("t2.penalty.decisions", "total")] == 3
    assert row(name, "t3.new_received") == {"natural_person": 5, "commercial_enterprise": 1, "research_institution": 0,
                                            "social_welfare_org": 0, "legal_service_org": 0, "other_org": 0, "total": 6}
    # a label wrapped onto a second line (… 不计 / 其他情形）, 政府信 / 息) keeps its figures
    assert row(name, "t3.partially_granted") == {"natural_person": 1, "total": 1}
    assert row(name, "t3.unable.not_held") == {"natural_person": 2, "total": 2}
    # table four headers broken one character per line (结 / 果 / 维 / 持)
    assert v[("t4.review.upheld", "total")] == 1 and v[("t4.review.total", "total")] == 1
    assert v[("t4.suit_after_review.total", "total")] == 0


def test_bare_lines_2021_dropped_cells_placed_by_identities_or_kept():
    name = "t2021_bare_lines.txt"
    # 上年结转 "1 / 1": the 自然人 identities force the 1 into the 自然人 column
    assert row(name, "t3.carried_over") == {"natural_person": 1, "total": 1}
    # 予以公开 "3 / 1 / 4" and 总计 "6 / 1 / 7": the organisation figure sits in the one column whose
    # identities need it (新收 printed 1 for 商业企业, nothing is carried over or forward)
    assert row(name, "t3.granted") == {"natural_person": 3, "commercial_enterprise": 1, "total": 4}
    assert row(name, "t3.total_processed") == {"natural_person": 6, "commercial_enterprise": 1, "total": 7}
    assert unplaced(name, "t3") == []


def test_row_per_line_2021_with_empty_cells_dropped():
    name = "t2021_row_pipes.txt"
    v = values(name)
    assert parsed(name).meta.template_code == "gov2021"
    assert v[("t2.licensing.decisions", "total")] == 1208
    assert v[("t2.fees.amount", "total")] == 12.6
    assert row(name, "t3.new_received") == {"natural_person": 7, "total": 9}
    assert row(name, "t3.granted") == {"natural_person": 4, "total": 4}
    assert row(name, "t3.other.other") == {"natural_person": 1, "total": 1}
    assert row(name, "t3.carried_forward") == {app: 0 for app in ("natural_person", *ORGS, "total")}
    # 规范性文件 | 3 | 12: two figures for three columns, no figure says which
    assert sorted(u.value for u in parsed(name).unplaced if u.table == "t2") == [3, 12]
    assert not {c for c, _ in v if c.startswith("t2.normative")}
    # table four printed as three zeros: the three totals
    assert {c: x for (c, _), x in v.items() if c.startswith("t4.")} == {
        "t4.review.total": 0, "t4.suit_direct.total": 0, "t4.suit_after_review.total": 0}


def test_row_per_line_2021_labels_broken_into_single_characters_and_typos():
    name = "t2021_row_pipes.txt"
    # 商 业 企 业 / 科 研 机 构 headers do not disturb the rows; 三类内容事务信息 is read as a row label
    assert parsed(name).warnings == []
    assert row(name, "t3.unable.not_held") == {"natural_person": 2, "total": 4}


def test_cell_per_line_with_pipes_2021():
    name = "t2021_cell_pipes.txt"
    v = values(name)
    assert parsed(name).meta.template_code == "gov2021"
    assert v[("t2.licensing.decisions", "total")] == 312
    assert ("t2.penalty.decisions", "total") not in v  # printed |
    assert ("t2.fees.amount", "total") not in v  # printed —
    assert row(name, "t3.new_received") == {"natural_person": 12, "commercial_enterprise": 1, "research_institution": 0,
                                            "social_welfare_org": 0, "legal_service_org": 2, "other_org": 0, "total": 15}
    assert row(name, "t3.unable.not_held")["legal_service_org"] == 1
    t4 = [v[(f"t4.{g}.{p}", "total")] for g in ("review", "suit_direct", "suit_after_review")
          for p in ("upheld", "corrected", "other", "pending", "total")]
    assert t4 == [2, 1, 0, 0, 3, 1, 0, 0, 1, 2, 0, 0, 0, 0, 0]


def test_cell_per_line_row_that_lost_a_cell_is_not_read_by_position():
    # 行政规范性文件 | 4 | 22（其中修订3件） | ||: the empty cell may have moved to the end of the row
    name = "t2021_cell_pipes.txt"
    assert not {c for c, _ in values(name) if c.startswith("t2.normative")}
    assert sorted(u.value for u in parsed(name).unplaced if u.table == "t2") == [4, 22]


# ---------------------------------------------------------------------------------------------
# Dropped empty cells in tables two and four (cell per line, gov2019)
# ---------------------------------------------------------------------------------------------

DROPPED = "t2019_dropped_cells.txt"


def test_table_two_signed_figure_decides_the_columns_of_its_row():
    v = values(DROPPED)
    # 行政许可 | 412 | +15: the signed figure is 本年增/减, the one before it 上一年项目数量
    assert (v[("t2.licensing.prev_items", "total")], v[("t2.licensing.change", "total")]) == (412, 15)
    assert ("t2.licensing.decisions", "total") not in v
    # 其他对外管理服务事项 | -3 | 87: nothing before the change, 87 after it
    assert (v[("t2.other_services.change", "total")], v[("t2.other_services.decisions", "total")]) == (-3, 87)
    assert ("t2.other_services.prev_items", "total") not in v
    assert v[("t2.fees.change", "total")] == -2
    # 政府集中采购 | 356.8万元: a money figure is the amount
    assert v[("t2.procurement.amount", "total")] == 356.8 and ("t2.procurement.items", "total") not in v


def test_table_two_unsigned_figures_of_an_incomplete_row_are_kept_unplaced():
    # 行政处罚 | 301 | 1,120: no figure says which two of the three columns
    assert not {c for c, _ in values(DROPPED) if c.startswith("t2.penalty")}
    assert sorted(u.value for u in parsed(DROPPED).unplaced if u.table == "t2") == [301, 1120]


def test_table_four_with_fourteen_figures_keeps_only_what_the_totals_decide():
    v = {c: x for (c, _), x in values(DROPPED).items() if c.startswith("t4.")}
    # 1 0 0 1 2 … : the review group lost one part; its total (1) and the two suit groups are certain
    assert v["t4.review.total"] == 1
    assert [v[f"t4.suit_direct.{p}"] for p in ("upheld", "corrected", "other", "pending", "total")] == [2, 0, 0, 0, 2]
    assert v["t4.suit_after_review.total"] == 0
    assert not {"t4.review.upheld", "t4.review.corrected", "t4.review.other", "t4.review.pending"} & set(v)
    assert sorted(x for _, x in unplaced(DROPPED, "t4")) == [0, 0, 1]


def test_table_three_lone_figures_without_identities_to_decide_stay_unplaced():
    # every row is "n | n": 自然人 or an organisation column? the identities hold either way
    assert row(DROPPED, "t3.new_received") == {"total": 20}
    assert ("t3.granted", 12) in unplaced(DROPPED, "t3")
    assert not {app for (c, app) in values(DROPPED) if c.startswith("t3.") and app != "total"}


# ---------------------------------------------------------------------------------------------
# Two copies of the tables on one page
# ---------------------------------------------------------------------------------------------


def test_page_with_two_copies_of_the_tables_reads_each_figure_once():
    one, two = parsed("html_traditional_2021.html"), parsed("html_two_copies.html")
    got = [(f.indicator_code, f.applicant_type) for f in two.figures]
    assert len(got) == len(set(got))
    assert values("html_two_copies.html") == values("html_traditional_2021.html")
    assert two.unplaced == [] and one.unplaced == []


def test_2021_page_printing_other_handling_as_one_row_keeps_it_out_of_the_row_above():
    name = "html_2021_old_other_row.html"
    assert parsed(name).meta.template_code == "gov2021"
    assert row(name, "t3.not_processed.reconfirm")["total"] == 0  # not the (六) row's 1
    assert not {c for c, _ in values(name) if c.startswith("t3.other")}
    other = [u for u in parsed(name).unplaced if u.row_label.startswith("(六)")]
    assert [u.value for u in other] == [1, 0, 0, 0, 0, 0, 1]
    assert row(name, "t3.total_processed") == {"natural_person": 3, **{o: 0 for o in ORGS}, "total": 3}


def test_row_labels_broken_one_character_per_line_and_normative_without_xingzheng():
    # 行 / 政 / 许 / 可 on four lines (bare lines); 规 范 性 文 件 for 行政规范性文件 in a 2021 table
    assert values("t2021_bare_lines.txt")[("t2.licensing.decisions", "total")] == 20
    v = values("html_2021_old_other_row.html")
    assert (v[("t2.normative.made", "total")], v[("t2.normative.repealed", "total")],
            v[("t2.normative.in_force", "total")]) == (1, 0, 6)


# ---------------------------------------------------------------------------------------------
# Placement by the identities of all six columns (direct)
# ---------------------------------------------------------------------------------------------


def _numbers(*cells):
    from dagster_project.parse.numbers import parse_number

    return [(c, parse_number(c)) for c in cells]


def test_organisation_column_placed_where_every_layout_agrees():
    from dagster_project.parse.tables.placement import place_matrix

    # 新收 printed in full (法律服务机构 2); 予以公开 and 总计 lost their empty cells
    complete = {("t3.new_received", "natural_person"): 6, ("t3.new_received", "legal_service_org"): 2,
                ("t3.new_received", "total"): 8}
    partial = {"t3.granted": _numbers("6", "2", "8"), "t3.total_processed": _numbers("6", "2", "8")}
    figures, lost = place_matrix(partial, complete, {}, "gov2019")
    got = {(f.indicator_code, f.applicant_type): f.value for f in figures}
    assert got[("t3.granted", "legal_service_org")] == 2 and got[("t3.total_processed", "legal_service_org")] == 2
    assert got[("t3.granted", "natural_person")] == 6 and lost == []


def test_organisation_column_not_placed_when_two_layouts_fit():
    from dagster_project.parse.tables.placement import place_matrix

    # nothing printed in full: the 2 may be any of the five organisation columns
    partial = {"t3.new_received": _numbers("6", "2", "8"), "t3.granted": _numbers("6", "2", "8"),
               "t3.total_processed": _numbers("6", "2", "8")}
    figures, lost = place_matrix(partial, {}, {}, "gov2019")
    assert {f.applicant_type for f in figures} == {"natural_person", "total"}
    assert sorted(u.value for u in lost) == [2, 2, 2]
    assert all("法人或其他组织" in u.reason for u in lost)


@pytest.mark.parametrize("cell", ["--", "— —", "－－", "／", "——", "无", "\xa0", "-"])
def test_blank_markers_are_not_zero(cell):
    from dagster_project.parse.numbers import is_blank, parse_number

    assert is_blank(cell) and parse_number(cell) is None


def test_html_row_with_empty_padding_cells_after_its_last_column():
    html = ("<html><head><title>某某县2019年政府信息公开工作年度报告</title></head><body><div id='zoom'>"
            "<p>二、主动公开政府信息情况</p><table border='1'>"
            "<tr><td>信息内容</td><td>采购项目数量</td><td>采购总金额</td><td></td></tr>"
            "<tr><td>政府集中采购</td><td>35</td><td></td><td></td></tr>"
            "<tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td></td></tr>"
            "<tr><td>行政事业性收费</td><td></td><td>-2</td><td></td></tr></table>"
            "<p>三、收到和处理政府信息公开申请情况</p><p>本年新收政府信息公开申请数量为0。</p>"
            "</div></body></html>")
    v = {(f.indicator_code, f.applicant_type): f.value for f in parse_document(html, "x.html").figures}
    assert v[("t2.procurement.items", "total")] == 35 and ("t2.procurement.amount", "total") not in v
    assert v[("t2.fees.change", "total")] == -2 and ("t2.fees.prev_items", "total") not in v


def test_tables_found_by_their_own_cells_when_headings_are_worded_otherwise():
    text = (QUIRKS / "t2021_row_pipes.txt").read_text(encoding="utf-8")
    text = text.replace("三、收到和处理政府信息公开申请情况", "三、依申请公开办理情况")
    text = text.replace("四、政府信息公开行政复议、行政诉讼情况", "(四)其他事项")
    other = {(f.indicator_code, f.applicant_type): f.value for f in parse_document(text, "x.txt").figures}
    assert other == values("t2021_row_pipes.txt")


def test_table_two_columns_follow_its_own_headers_when_the_formats_are_mixed():
    # a 2020 report: table 二 in the 2019 format, table 三 already with the 2021 (六) rows
    text = "\n".join([
        "某某县2020年政府信息公开工作年度报告",
        "二、主动公开政府信息情况",
        "第二十条第(一)项",
        "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量",
        "规章 | 0 | 0 | 0",
        "规范性文件 | 4 | 4 | 31",
        "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2",
        "(六)其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
        "五、存在的主要问题及改进情况",
    ])
    p = parse_document(text, "x.txt")
    v = {(f.indicator_code, f.applicant_type): f.value for f in p.figures}
    assert p.meta.template_code == "gov2021"
    assert (v[("t2.normative.made", "total")], v[("t2.normative.new_published", "total")],
            v[("t2.normative.total_published", "total")]) == (4, 4, 31)
    assert not {c for c, _ in v if c in ("t2.normative.repealed", "t2.normative.in_force")}


def _table_four(*figures: str):
    from dagster_project.parse.text.cells import cell_stream
    from dagster_project.parse.tables.table_four import parse_table_four

    header = ("行政复议 | 行政诉讼\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉\n"
              "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n")
    found, lost = parse_table_four(cell_stream(header + " | ".join(figures)))
    return {f.indicator_code: f.value for f in found}, sorted(u.value for u in lost)


def test_table_four_row_with_zeros_dropped_places_the_totals_its_identities_force():
    # Pingtan 2023 printed 1 1 0 0 2 | 4 0 0 1 5 | 1 0 1 0 2; with its zeros left empty and dropped,
    # each group's total is the one figure that equals the sum of those before it
    found, lost = _table_four("1", "1", "2", "4", "1", "5", "1", "1", "2")
    assert found == {"t4.review.total": 2, "t4.suit_direct.total": 5, "t4.suit_after_review.total": 2}
    assert lost == [1, 1, 1, 1, 1, 4]


def test_table_four_row_of_five_figures_that_fit_any_group_is_kept_unplaced():
    # 1 0 0 0 1: a whole group, but which of the three is not printed
    found, lost = _table_four("1", "0", "0", "0", "1")
    assert found == {} and lost == [0, 0, 0, 1, 1]


def test_html_garbled_figure_cells_hold_their_columns_unread():
    # letters in table three's figure cells were dropped and the figures after them slid into their columns: the
    # 1 under 法律服务机构 was read as the row's total, the 3 under 商业企业 as 总计's total
    got = {k: v for k, v in values("html_2019_garbled_cells.html").items() if k[0].startswith("t3.")}
    assert got == {("t3.new_received", "legal_service_org"): 1, ("t3.granted", "natural_person"): 5,
                   ("t3.partially_granted", "natural_person"): 1, ("t3.unable.not_held", "natural_person"): 2,
                   ("t3.total_processed", "commercial_enterprise"): 3, ("t3.carried_forward", "total"): 1}


def test_a_garbled_cell_in_table_four_holds_its_place_and_the_row_goes_on():
    # the 6 under 未经复议直接起诉 总计 written as 3x: the row ended there, and the nine figures before
    # it were laid out by the group totals, which put 3 into that total and 0 into 复议后起诉's
    got = {code: v for (code, _), v in values("html_2021_table_four_garbled_cell.html").items() if code.startswith("t4.")}
    assert got == {"t4.review.upheld": 25, "t4.review.corrected": 3, "t4.review.other": 8, "t4.review.pending": 0,
                   "t4.review.total": 36, "t4.suit_direct.upheld": 3, "t4.suit_direct.corrected": 3,
                   "t4.suit_direct.other": 0, "t4.suit_direct.pending": 0, "t4.suit_after_review.upheld": 3,
                   "t4.suit_after_review.corrected": 0, "t4.suit_after_review.other": 0,
                   "t4.suit_after_review.pending": 0, "t4.suit_after_review.total": 3}


def test_a_garbled_cell_in_a_row_that_lost_its_empty_cells_leaves_the_row_unplaced():
    # 予以公开 | 2 | 2 | 4x (a cell per line, its empty cells moved to the end): the 2 before the
    # garbled total was read as the row's total
    assert row("t2019_cell_per_line_garbled_cell.txt", "t3.granted") == {}
    assert unplaced("t2019_cell_per_line_garbled_cell.txt", "t3").count(("t3.granted", 2.0)) == 2
    assert all("garbled cell (4x)" in u.reason for u in parsed("t2019_cell_per_line_garbled_cell.txt").unplaced
               if u.indicator_code == "t3.granted")


def test_a_garbled_cell_written_full_width_or_with_a_blank_inside_is_garbled_all_the_same():
    # a reviewer's cases: ３ｘ and 3 x were read as figures are (NFKC, blanks out) but not tested as garbled, and
    # the row ended there again: 3 read as 未经复议直接起诉's total for 6
    html = (QUIRKS / "html_2021_table_four_garbled_cell.html").read_text(encoding="utf-8")
    want = {code: v for (code, _), v in values("html_2021_table_four_garbled_cell.html").items() if code.startswith("t4.")}
    for written in ("３ｘ", "3 x", "ｌ３"):
        report = parse_document(html.replace(">3x<", f">{written}<"), "garbled.html")
        got = {f.indicator_code: f.value for f in report.figures if f.indicator_code.startswith("t4.")}
        assert got == want, written

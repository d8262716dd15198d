"""extract_page on real Pingtan pages (copied to tests/fixtures/pages/pingtan) and on synthetic
excerpts (tests/fixtures/pages/synthetic).  Expected figures are read off the documents (the
corpus gold.json values) and must come out of the right grid positions."""
from __future__ import annotations

import re
import time
from functools import lru_cache
from pathlib import Path

import pytest

from dagster_project.parse.html.page import (
    Cell,
    Page,
    Table,
    extract_page,
    looks_like_html,
)
from dagster_project.parse.html.text import normalize_text

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
PINGTAN_PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pingtan_site" / "reports"
PINGTAN = sorted(p.stem for p in PINGTAN_PAGES.glob("*.html"))


@lru_cache(maxsize=None)
def _html(rel: str) -> str:
    return (PAGES / rel).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def pingtan(folder: str) -> Page:
    return extract_page((PINGTAN_PAGES / f"{folder}.html").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def synthetic(name: str) -> Page:
    return extract_page(_html(f"synthetic/{name}.html"))


def table_with(page: Page, needle: str) -> Table:
    """The first table that has a cell containing `needle`."""
    for t in page.tables:
        if any(needle in c.text for row in t.rows for c in row):
            return t
    raise AssertionError(f"no table with {needle!r}; headings: {[t.heading for t in page.tables]}")


def row_starting(t: Table, label: str) -> list[Cell]:
    for row in t.rows:
        if row[0].text.startswith(label):
            return row
    raise AssertionError(f"no row {label!r}")


def column_of(t: Table, header: str) -> int:
    """Grid column whose header (in the first rows) is exactly `header`."""
    for row in t.rows[:4]:
        for c in row:
            if c.text == header:
                return c.col
    raise AssertionError(f"no header {header!r}")


def logical_values(t: Table, label: str) -> list[str]:
    """Origin cells of the row labelled `label`, minus the leading label cells."""
    for r, row in enumerate(t.logical_rows()):
        grid_row = t.rows[r]
        if any(c.text.startswith(label) for c in grid_row[:3]):
            return [c.text for c in row if not re.search(r"[\u4e00-\u9fff]", c.text)]
    raise AssertionError(f"no row {label!r}")


def assert_rectangular(t: Table) -> None:
    width = t.n_cols
    assert width > 0
    for r, row in enumerate(t.rows):
        assert len(row) == width
        for c, cell in enumerate(row):
            assert (cell.row, cell.col) == (r, c)


# ------------------------------------------------------------------------------------------
# metadata and title


def test_meta_pubdate_url_and_title_of_202001():
    p = pingtan("202001_80576")
    assert p.meta["PubDate"] == "2020-01-20 15:22"
    assert p.meta["Url"] == "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202001/t20200120_80576.htm"
    assert p.meta["ArticleTitle"] == "平潭综合实验区2019年度政府信息公开工作年度报告"
    assert p.meta["title"].startswith("平潭综合实验区2019年度政府信息公开工作年度报告_")
    assert p.title == "平潭综合实验区2019年度政府信息公开工作年度报告"
    assert p.traditional is False


def test_meta_of_202603_keeps_pubdate_not_url_date():
    p = pingtan("202603_105587")
    assert p.meta["PubDate"] == "2026-03-10 12:56"
    assert "t20260313" in p.meta["Url"]


def test_title_from_h1_when_no_article_title_meta():
    p = synthetic("matrix_zoom")
    assert "ArticleTitle" not in p.meta
    assert p.meta["PubDate"] == "2021-01-28 09:30"
    assert p.title == "某某市交通运输局2020年政府信息公开工作年度报告"


def test_title_from_heading_when_title_tag_is_the_site_name():
    html = (
        "<html><head><title>某某市人民政府门户网站</title></head><body>"
        "<div class='nav'><a href='/'>首页</a><a href='/zwgk'>政务公开</a></div>"
        "<h3 class='title'>通知公告</h3>"
        "<div class='box'><h1 class='article-title'>某某市2020年政府信息公开工作年度报告</h1>"
        "<div id='zoom'><p>本报告根据《中华人民共和国政府信息公开条例》编制，统计期限为2020年1月1日至12月31日。</p>"
        "<p>2020年全市主动公开政府信息3456条。</p></div></div></body></html>"
    )
    assert extract_page(html).title == "某某市2020年政府信息公开工作年度报告"


def test_title_from_title_tag_minus_site_suffix():
    html = (
        "<html><head><title>某某县2018年政府信息公开工作年度报告_某某县人民政府</title></head>"
        "<body><div class='TRS_Editor'><p>本报告根据条例编制。2018年全县主动公开政府信息120条。</p></div></body></html>"
    )
    assert extract_page(html).title == "某某县2018年政府信息公开工作年度报告"


# ------------------------------------------------------------------------------------------
# main content text


@pytest.mark.parametrize("folder", PINGTAN)
def test_text_has_no_site_chrome(folder):
    text = pingtan(folder).text
    for chrome in (
        "当前位置", "版权所有", "网站标识码", "友情链接", "IE浏览器", "闽ICP备", "扫一扫在手机上查看",
        "长者模式", "相关链接：", "来源：平潭", "文件下载", "省市政府网站",
    ):
        assert chrome not in text, chrome
    # the only report titles/years named are the page's own (no lists of other years' reports)
    years = set(re.findall(r"(\d{4})年度?政府信息公开工作年度报告", text))
    title_year = re.search(r"(\d{4})年", pingtan(folder).title).group(1)
    assert years <= {title_year}


def test_text_is_the_article_body_202302():
    text = pingtan("202302_80629").text
    assert text.startswith("本报告根据《中华人民共和国政府信息公开条例》")
    assert "2022年全区共主动公开政府信息14571条" in text
    assert "全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件" in text
    assert text.rstrip().endswith("2022年，无收取信息处理费情况。")
    # block elements become lines, table rows one per line with ' | '
    assert "一、总体情况" in text.splitlines()
    assert "一、本年新收政府信息公开申请数量 | 71 | 3 | 0 | 0 | 0 | 0 | 74" in text.splitlines()
    assert "0 | 1 | 1 | 0 | 2 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0" in text.splitlines()


def test_text_of_old_template_page_without_trs_editor_202202():
    # no TRS_Editor wrapper: the article container still excludes breadcrumb/share widgets
    text = pingtan("202202_80613").text
    assert text.startswith("根据《中华人民共和国政府信息公开条例》")
    assert "来源：平潭县人民政府" not in text
    assert "微信 微博 QQ空间" not in text
    assert "时间：2022-02-08" not in text


def test_narrative_page_201402_has_text_and_no_tables():
    p = pingtan("201402_80774")
    assert p.tables == []
    assert p.title == "平潭综合实验区地方税务局2013年信息公开年度报告"
    assert "平潭综合实验区地方税务局2013年" in p.text
    assert "一、概述" in p.text.splitlines()


def test_sidebar_prev_next_share_and_footer_excluded():
    text = synthetic("matrix_zoom").text
    for other in ("2019年政府信息公开工作年度报告", "2018年", "2017年", "2021年政府信息公开工作年度报告"):
        assert other not in text
    for chrome in ("相关报告", "上一篇", "下一篇", "分享到", "版权所有", "当前位置", "互动交流", "打印", "pageId"):
        assert chrome not in text
    assert text.startswith("本报告由某某市交通运输局")
    # the link list of other years' reports sits inside the article container itself
    assert text.splitlines()[-3:] == ["某某市交通运输局", "2021年1月28日", "往年报告："]


def test_density_fallback_without_known_container():
    # no article container (only a small "content" contact box in the sidebar, which must not
    # win): header/nav/footer tags, a sidebar of other years' reports, the article inside
    # <div id="print_area"> (a chrome-like name, but the block is large) and an old two-cell
    # layout table
    p = synthetic("density_page")
    assert p.title == "某某镇人民政府2022年度政府信息公开工作年度报告"
    assert p.tables == []
    lines = p.text.splitlines()
    assert lines[0].startswith("根据《中华人民共和国政府信息公开条例》")
    assert "一、总体情况" in lines and "五、存在的主要问题及改进情况" in lines
    assert len(lines) == 10  # one line per paragraph
    assert lines[-1].endswith("更好地服务人民群众。")
    for chrome in ("2021年度", "2020年度", "2019年度", "首页", "网站标识码", "上一篇", "关闭窗口", "浏览次数", "主办：", "联系我们", "工作时间"):
        assert chrome not in p.text, chrome


def test_old_layout_tables_page():
    p = synthetic("old_layout")
    text = p.text
    assert "2012年政府信息公开工作年度报告" not in text  # sidebar link table
    assert "2011年" not in text
    assert "版权所有" not in text and "网上办事" not in text
    assert "2013年，我局共主动公开政府信息356条" in text
    assert len(p.tables) == 1  # layout tables are not data tables
    t = p.tables[0]
    assert t.heading == "附表：政府信息公开情况统计表"
    assert t.texts()[0] == ["统计指标", "单位", "统计数"]
    assert row_starting(t, "（一）主动公开政府信息数")[2].text == "356"
    assert row_starting(t, "一、主动公开情况")[1].text == "—"


def test_header_and_footer_tags_dropped_when_article_sits_in_body():
    para1 = "2023年，本区主动公开政府信息1520条，其中规范性文件12件，政策解读36篇。"
    para2 = "2023年，本区收到政府信息公开申请18件，办结17件，结转下年度1件。"
    html = (
        "<html><body><header><p>某某区人民政府门户网站　无障碍　长者模式</p></header>"
        f"<p>{para1}</p><p>{para2}</p>"
        "<footer><p>版权所有：某某区人民政府办公室　地址：某某区府前路1号　电话：0000-12345678</p></footer>"
        "</body></html>"
    )
    assert extract_page(html).text.splitlines() == [para1, para2]


def test_layout_table_inside_article_container_is_not_a_data_table():
    para1 = "2021年，本局主动公开政府信息" + "，持续深化重点领域信息公开" * 12 + "。"
    para2 = "2021年，本局共收到政府信息公开申请3件" + "，均在法定期限内答复" * 12 + "。"
    html = (
        "<html><body><div id='zoom'><table><tr><td width='20'>&nbsp;</td><td>"
        f"<p>{para1}</p>\n<p>{para2}</p></td></tr></table></div></body></html>"
    )
    p = extract_page(html)
    assert p.tables == []
    assert p.text.splitlines() == [para1, para2]


def test_metadata_table_before_content_left_out_following_table_taken_in():
    p = synthetic("split_tables")
    assert "索引号" not in p.text and "主题分类" not in p.text
    assert len(p.tables) == 1
    t = p.tables[0]
    assert t.heading == "四、政府信息公开行政复议、行政诉讼情况"
    assert [c.text for c in t.rows[3]] == ["0"] * 5 + ["1", "0", "0", "0", "1"] + ["0"] * 5


# ------------------------------------------------------------------------------------------
# table three (the applicant matrix)


def test_table_three_202302_new_received_by_column():
    t = table_with(pingtan("202302_80629"), "一、本年新收")
    assert t.heading == "三、收到和处理政府信息公开申请情况"
    assert_rectangular(t)
    row = row_starting(t, "一、本年新收")
    assert row[column_of(t, "自然人")].text == "71"
    assert row[column_of(t, "商业企业")].text == "3"
    assert row[column_of(t, "法律服务机构")].text == "0"
    assert row[column_of(t, "总计")].text == "74"
    carried = row_starting(t, "二、上年结转")
    assert carried[column_of(t, "自然人")].text == "1"
    assert carried[column_of(t, "总计")].text == "1"


def test_table_three_rowspan_labels_202302():
    t = table_with(pingtan("202302_80629"), "一、本年新收")
    outcome_rows = [r for r in t.rows if r[0].text == "三、本年度办理结果"]
    assert len(outcome_rows) == 22  # (一)..(七): 1 + 1 + 8 + 3 + 5 + 3 + 1
    origin = [r[0] for r in outcome_rows if not r[0].is_span_copy]
    assert len(origin) == 1 and origin[0].rowspan == 22
    denied = [r for r in t.rows if r[1].text == "（三）不予公开"]
    assert [r[2].text[:2] for r in denied] == ["1.", "2.", "3.", "4.", "5.", "6.", "7.", "8."]
    assert [r[column_of(t, "自然人")].text for r in denied] == ["0", "0", "0", "0", "1", "2", "1", "0"]
    total = next(r for r in t.rows if r[1].text == "（七）总计")
    assert total[column_of(t, "自然人")].text == "72"
    assert total[column_of(t, "总计")].text == "75"


def test_table_three_label_printed_twice_202001():
    t = table_with(pingtan("202001_80576"), "一、本年新收")
    assert_rectangular(t)
    outcome = [r[0] for r in t.rows if r[0].text == "三、本年度办理结果"]
    assert len(outcome) == 20
    assert sum(1 for c in outcome if not c.is_span_copy) == 2  # two rowspan cells
    cant = next(r for r in t.rows if r[2].text.startswith("1.本机关不掌握"))
    assert cant[1].text == "（四）无法提供"
    assert cant[column_of(t, "自然人")].text == "7"
    assert cant[column_of(t, "总计")].text == "7"
    assert logical_values(t, "一、本年新收") == ["23", "0", "0", "0", "0", "0", "23"]


def test_table_three_misaligned_header_202202_does_not_crash():
    p = pingtan("202202_80613")
    t = table_with(p, "一、本年新收")
    assert_rectangular(t)
    assert t.n_cols == 11  # 自然人 colspan=2 over an empty cell, 商业企业 colspan=2
    # values follow the logical order: 7 value cells after the label cells in every data row
    data_rows = 0
    for grid_row, row in zip(t.rows, t.logical_rows()):
        values = [c for c in row if not re.search(r"[\u4e00-\u9fff]", c.text)]
        if grid_row[0].text.startswith(("一、", "二、", "三、", "四、")):
            assert len(values) == 7, [c.text for c in row]
            data_rows += 1
    assert data_rows == 25
    assert logical_values(t, "一、本年新收") == ["64", "0", "0", "2", "0", "4", "70"]
    assert logical_values(t, "四、结转下年度") == ["1", "0", "0", "0", "0", "0", "1"]


def test_labels_padded_with_nbsp_and_split_over_p_202603():
    t = table_with(pingtan("202603_105587"), "一、本年新收")
    headers = {c.text for row in t.rows[:3] for c in row}
    assert {"社会公益组织", "法律服务机构", "科研机构", "商业企业", "自然人", "总计"} <= headers
    labels = [r[2].text for r in t.rows]
    assert "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请" in labels
    assert "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请" in labels
    row = row_starting(t, "一、本年新收")
    assert row[column_of(t, "自然人")].text == "151"
    assert row[column_of(t, "总计")].text == "154"


# ------------------------------------------------------------------------------------------
# table four and table two


def test_table_four_202403_fifteen_cells_in_one_row():
    t = table_with(pingtan("202403_87885"), "未经复议直接起诉")
    assert t.heading.startswith("四、政府信息公开行政")
    assert t.n_cols == 15
    assert_rectangular(t)
    data = [r for r in t.logical_rows() if r and all(re.fullmatch(r"\d+", c.text) for c in r)]
    assert len(data) == 1
    assert [c.text for c in data[0]] == ["1", "1", "0", "0", "2", "4", "0", "0", "1", "5", "1", "0", "1", "0", "2"]
    # two header rows with colspans: grid positions carry their group
    assert [c.text for c in t.rows[0]] == ["行政复议"] * 5 + ["行政诉讼"] * 10
    assert [c.text for c in t.rows[1][5:]] == ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5
    assert t.rows[1][0].rowspan == 2 and t.rows[2][0].is_span_copy


def test_table_four_headers_split_one_char_per_p_202302():
    t = table_with(pingtan("202302_80629"), "未经复议直接起诉")
    assert [c.text for c in t.rows[2]] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3


def test_table_four_spurious_empty_row_202103():
    p = pingtan("202103_80595")
    t = table_with(p, "未经复议直接起诉")
    assert t.n_rows == 5
    assert all(c.text == "" for c in t.rows[4])
    assert "| | |" not in p.text  # empty rows are not rendered


def test_table_two_colspan_values_202001():
    t = table_with(pingtan("202001_80576"), "政府集中采购")
    assert t.heading == "二、主动公开政府信息情况"
    assert_rectangular(t)
    fees = row_starting(t, "行政事业性收费")
    assert [c.text for c in fees] == ["行政事业性收费", "35", "0", "0"]
    assert fees[2].colspan == 2 and fees[3].is_span_copy
    purchase = row_starting(t, "政府集中采购")
    assert purchase[2].text == "75394432.52元"
    assert [c.text for c in t.logical_rows()[purchase[0].row]] == ["政府集中采购", "135", "75394432.52元"]


def test_other_table_201204_local_fujian_table():
    p = pingtan("201204_80716")
    assert len(p.tables) == 1
    t = p.tables[0]
    assert t.texts()[0][:4] == ["指标名称", "计量单位", "2011年度", "历年累计"]
    assert [c.text for c in row_starting(t, "主动公开信息数")] == ["主动公开信息数", "条", "425", "1516"]


# ------------------------------------------------------------------------------------------
# synthetic cell quirks


def test_synthetic_matrix_spans_and_blank_markers():
    p = synthetic("matrix_zoom")
    t = table_with(p, "一、本年新收")
    assert t.heading == "三、收到和处理政府信息公开申请情况"
    assert_rectangular(t)
    assert t.n_cols == 10
    # labels split over <p>/<br> and padded with &nbsp; join without separator
    assert [c.text for c in t.rows[2][3:]] == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    assert t.rows[0][0].text == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    new = row_starting(t, "一、本年新收")
    # digits split by <span> join; &nbsp; padding stripped; blank markers kept raw
    assert [c.text for c in new[3:]] == ["12", "3", "", "/", "-", "—", "15"]
    carried = row_starting(t, "二、上年结转")
    assert [c.text for c in carried[3:]] == ["１", "0", "无", "0", "0", "0", "１"]  # full-width kept
    # 三、本年度办理结果 printed as two rowspan cells
    outcome = [r[0] for r in t.rows if r[0].text == "三、本年度办理结果"]
    assert [c.is_span_copy for c in outcome] == [False, True, True, True, False]
    assert outcome[0].rowspan == 4 and outcome[4].rowspan == 1
    partial = next(r for r in t.rows if r[1].text.startswith("（二）部分公开"))
    assert partial[1].text == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert partial[2].is_span_copy and partial[2].text == partial[1].text
    assert [c.text for c in t.logical_rows()[partial[0].row]] == [partial[1].text, "3", "0", "0", "0", "0", "0", "3"]
    total = next(r for r in t.rows if r[1].text == "（七）总计")
    assert total[column_of(t, "总计")].text == "14"


def test_synthetic_table_two_notes_units_and_full_width():
    t = table_with(synthetic("matrix_zoom"), "规范性文件")
    assert t.heading == "二、主动公开政府信息情况"
    # a cell written as two <p> on separate source lines joins without a separator
    assert [c.text for c in row_starting(t, "规范性文件")] == ["规范性文件", "22（其中修订16件）", "２２", "３０５件"]
    assert row_starting(t, "政府集中采购")[2].text == "1243.64万元"
    assert row_starting(t, "行政事业性收费")[2].text == "-2"


def test_synthetic_table_four_header_chars_in_p_and_br():
    t = table_with(synthetic("matrix_zoom"), "未经复议直接起诉")
    assert [c.text for c in t.rows[1][:5]] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert [c.text for c in t.rows[2][:6]] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持"]
    assert [c.text for c in t.rows[3]] == ["1", "0", "0", "0", "1", "2", "0", "0", "1", "3", "0", "0", "0", "0", "0"]


def test_text_joins_inline_digits():
    text = synthetic("matrix_zoom").text
    assert "2020年，我局主动公开政府信息123条，其中规范性文件22件。" in text.splitlines()


def test_malformed_table_is_padded_not_crashed():
    p = synthetic("malformed")
    assert len(p.tables) == 1
    t = p.tables[0]
    assert_rectangular(t)
    assert t.n_cols == 6  # the widest row
    assert [c.text for c in t.rows[0][:4]] == ["申请人情况", "申请人情况", "自然人", "总计"]  # colspan 0/abc -> 1
    assert t.rows[0][4].is_padding and t.rows[0][4].text == ""
    assert [c.text for c in t.rows[2]] == ["一、本年新收", "甲", "5", "5", "多余", "又多一格"]
    short = t.rows[3]
    assert short[0].text == "二、上年结转" and all(c.is_padding for c in short[1:])
    # rowspan=9 is cut at the end of the table
    carry = t.rows[4][0]
    assert carry.text == "四、结转下年度继续办理" and carry.rowspan == 2
    assert t.rows[5][0].is_span_copy and [c.text for c in t.rows[5][1:3]] == ["丙", "丙"]
    assert p.text.splitlines()[-1] == "文末说明"


@pytest.mark.parametrize("html", ["", "   ", "<html></html>", "<table><tr></tr></table>", "plain text only", "<?xml version='1.0' encoding='gbk'?><html><body><p>正文</p></body></html>"])
def test_degenerate_inputs(html):
    p = extract_page(html)
    assert isinstance(p, Page)
    assert all(t.n_cols > 0 for t in p.tables)


def test_deeply_nested_unclosed_font_tags_keep_the_rest_of_the_page():
    html = (
        "<html><body><div class='TRS_Editor'><p>第一段</p>"
        + "<font size='3'>" * 400
        + "<p>第二段</p><table><tr><td>总计</td><td>7</td></tr></table></div></body></html>"
    )
    p = extract_page(html)
    assert p.text.splitlines() == ["第一段", "第二段", "总计 | 7"]
    assert p.tables[0].texts() == [["总计", "7"]]


def test_xml_declaration_with_encoding_is_accepted():
    p = extract_page("<?xml version='1.0' encoding='gbk'?><html><head><title>报告</title></head><body><div id='zoom'><p>正文第一段</p></div></body></html>")
    assert p.text == "正文第一段"


# ------------------------------------------------------------------------------------------
# Traditional Chinese


def test_traditional_page_converted():
    p = synthetic("traditional")
    assert p.traditional is True
    assert "報告" not in p.text and "報告" not in p.title
    assert p.title.endswith("工作年度报告")
    assert p.meta["title"] == "某某县政府资讯公开工作年度报告"
    assert "一、总体情况" in p.text.splitlines()
    assert "与社会公众的互动交流进一步加强" in p.text
    assert "首页" not in p.text and "版权所有" not in p.text
    t = p.tables[0]
    assert t.heading == "三、收到和处理政府资讯公开申请情况"
    assert [c.text for c in t.rows[1][3:9]] == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    assert t.rows[0][9].text == "总计"
    assert row_starting(t, "四、")[0].text == "四、结转下年度继续办理"
    assert [c.text for c in row_starting(t, "一、")[3:]] == ["5", "2", "0", "0", "0", "0", "7"]


@pytest.mark.parametrize("folder", PINGTAN)
def test_simplified_pages_not_flagged_traditional(folder):
    assert pingtan(folder).traditional is False


# ------------------------------------------------------------------------------------------
# helpers


def test_normalize_text():
    assert normalize_text("\u200b（三）主动公开\xa0\xa0政府信息\u3000的主要形式 ") == "（三）主动公开政府信息的主要形式"
    assert normalize_text("申请\n  75件") == "申请 75件"
    assert normalize_text("\ufeff1 2") == "1 2"


def test_looks_like_html():
    assert looks_like_html((PINGTAN_PAGES / "202302_80629.html").read_text(encoding="utf-8"))
    assert looks_like_html("<p>本报告</p><table><tr><td>1</td></tr></table>")
    assert not looks_like_html(
        "标题: 平潭综合实验区2022年度政府信息公开工作年度报告\n"
        "《国务院办公厅关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》\n"
        "一、本年新收政府信息公开申请数量 | 71 | 3 | 0 | 0 | 0 | 0 | 74"
    )
    assert not looks_like_html("")


def test_speed_on_a_large_real_page():
    html = (PINGTAN_PAGES / "202202_80613.html").read_text(encoding="utf-8")  # 366 KB
    extract_page(html)
    t0 = time.process_time()
    for _ in range(3):
        extract_page(html)
    per_page = (time.process_time() - t0) / 3
    # CPU time, not wall time: on a loaded machine the wall clock measures the other builds.
    assert per_page < 0.5, per_page  # ~20 ms measured

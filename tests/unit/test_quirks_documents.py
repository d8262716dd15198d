"""Documents as real sites publish them (tests/fixtures/quirks): metadata from <meta> tags and the
statistics-period sentence, Traditional-Chinese pages, look-alikes that are not annual reports,
prose figures, and pages with nothing or little to read.

Every expected value is read off the fixture by hand; see tests/fixtures/quirks/README.md.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from dagster_project.parse.labels import label_key, mainland_terms
from dagster_project.parse.model import DocumentParseError, ParsedReport
from dagster_project.parse.report import parse_document

QUIRKS = Path(__file__).resolve().parents[1] / "fixtures" / "quirks"


@lru_cache(maxsize=None)
def parsed(name: str) -> ParsedReport:
    return parse_document((QUIRKS / name).read_text(encoding="utf-8"), name)


def values(name: str) -> dict[tuple[str, str], float]:
    return {(f.indicator_code, f.applicant_type): f.value for f in parsed(name).figures}


# ---------------------------------------------------------------------------------------------
# Metadata
# ---------------------------------------------------------------------------------------------


def test_metadata_from_meta_tags_and_statistics_period():
    meta = parsed("html_gov2019_spans.html").meta
    assert meta.title == "某某区农业农村局2020年政府信息公开工作年度报告"  # <meta name="ArticleTitle">
    assert meta.published_date == "2021-01-27"  # <meta name="PubDate">
    assert meta.agency_name == "某某区农业农村局"
    assert meta.report_year == 2020  # 统计期限自2020年1月1日起至2020年12月31日止
    assert meta.source_url == "http://www.example.gov.cn/art/2021/1/27/art_1229_5561.html"
    assert (meta.doc_type, meta.template_code) == ("annual_report", "gov2019")


def test_report_reposted_years_later_keeps_the_year_reported_on():
    meta = parsed("reposted_2016.html").meta
    assert meta.published_date == "2021-06-15"
    assert meta.report_year == 2016
    assert meta.doc_type == "annual_report"


def test_title_on_a_page_whose_chrome_lists_other_years():
    meta = parsed("chrome_lists_other_years.txt").meta
    assert meta.title == "某某县水利局2020年政府信息公开工作年度报告"
    assert (meta.report_year, meta.agency_name) == (2020, "某某县水利局")


def test_title_printed_with_a_label():
    # 标题: 某某县市场监督管理局2022年…
    assert parsed("t2021_row_pipes.txt").meta.title == "某某县市场监督管理局2022年政府信息公开工作年度报告"
    assert parsed("t2021_cell_pipes.txt").meta.title == "某某市司法局2021年政府信息公开工作年度报告"  # 名 称 | …


def test_region_summary_is_flagged():
    assert parsed("region_summary.txt").meta.is_region_summary is True  # 汇总南平市各县(市、区)…编制而成
    assert parsed("real_report_cites_notices.txt").meta.is_region_summary is False


# ---------------------------------------------------------------------------------------------
# Traditional Chinese
# ---------------------------------------------------------------------------------------------


def test_traditional_html_with_taiwan_vocabulary_is_read_like_a_mainland_page():
    name = "html_traditional_2021.html"  # 政府資訊公開, 規範性檔案, 現行有效件數（歷史累計）
    p = parsed(name)
    assert (p.meta.doc_type, p.meta.template_code, p.meta.report_year) == ("annual_report", "gov2021", 2021)
    assert p.meta.title == "某某市生态环境局2021年政府信息公开工作年度报告"
    v = values(name)
    assert (v[("t2.normative.made", "total")], v[("t2.normative.in_force", "total")]) == (3, 19)
    assert v[("t3.new_received", "natural_person")] == 24 and v[("t3.new_received", "total")] == 27
    assert v[("t3.unable.needs_creation", "total")] == 1
    assert v[("n.active.items", "total")] == 1024
    assert ("t2.coercion.decisions", "total") not in v  # printed -


def test_plain_text_traditional_document_is_converted():
    p = parsed("plain_traditional_2015.txt")  # 政府資訊公開工作年度報告, 釋出日期
    assert p.meta.title == "某某县人民政府2015年政府信息公开工作年度报告"
    assert (p.meta.doc_type, p.meta.report_year, p.meta.published_date) == ("annual_report", 2015, "2016-03-28")
    v = values("plain_traditional_2015.txt")
    assert v[("n.requests.received", "total")] == 12  # 十二件
    assert v[("n.review", "total")] == 2 and v[("n.suit", "total")] == 1  # 兩件, 一件
    assert v[("n.press_conferences", "total")] == 5  # 五次


def test_labels_accept_zixun_for_xinxi():
    assert label_key("一、本年新收政府资讯公开申请数量") == label_key("一、本年新收政府信息公开申请数量")
    assert label_key("规范性档案") == "规范性文件"
    assert mainland_terms("收到和处理政府资讯公开申请情况") == "收到和处理政府信息公开申请情况"


# ---------------------------------------------------------------------------------------------
# Look-alikes are doc_type 'other', classified from the title; real reports that cite them are not
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name, year", [
    ("lookalikes/notice_how_to_write.html", 2025),  # 关于做好2025年…年度报告编制和发布工作的通知
    ("lookalikes/work_points.txt", 2023),  # 关于印发2023年新余市政务公开工作要点的通知
    ("lookalikes/half_year.html", 2020),  # 2020年上半年政府信息公开工作情况
    ("lookalikes/quarterly_self_check.txt", 2020),  # 2020年四季度政务公开工作自查报告
    ("lookalikes/work_summary.html", 2019),  # 2019年政务公开工作总结
    ("lookalikes/work_points_implementation.html", 2016),  # 2016年政务公开工作要点落实情况的报告
    ("lookalikes/blank_template.html", None),  # the template's tables, not one figure
    ("lookalikes/sample_table_title.txt", None),  # 政府信息公开情况统计表(样表)
])
def test_lookalikes_are_other(name, year):
    meta = parsed(name).meta
    assert meta.doc_type == "other", meta.doc_type_reason
    assert meta.report_year == year


def test_blank_template_repost_is_other_with_its_reason():
    meta = parsed("lookalikes/blank_template.html").meta
    assert meta.doc_type == "other" and "blank template" in meta.doc_type_reason
    assert parsed("lookalikes/blank_template.html").figures == []


def test_real_report_whose_body_cites_notices_and_work_points_is_an_annual_report():
    p = parsed("real_report_cites_notices.txt")
    assert (p.meta.doc_type, p.meta.report_year, p.meta.template_code) == ("annual_report", 2016, "narrative")
    assert values("real_report_cites_notices.txt")[("n.active.items", "total")] == 4518


def test_notice_agency_is_the_issuer_not_the_subject():
    assert parsed("lookalikes/notice_how_to_write.html").meta.agency_name == "武威市人民政府办公室"


# ---------------------------------------------------------------------------------------------
# Prose figures: 余 (approximate), 万, Chinese numerals
# ---------------------------------------------------------------------------------------------


def test_prose_figures_with_approximation_wan_and_chinese_numerals():
    figs = {f.indicator_code: f for f in parsed("prose_numbers.txt").figures}
    assert figs["n.active.items"].value == 12000 and figs["n.active.items"].value_status == "approximate"  # 1.2万余条
    assert figs["n.requests.received"].value == 305  # 三百零五件
    assert figs["n.requests.closed"].value == 298  # 二百九十八件
    assert figs["n.press_conferences"].value == 23  # 二十三次
    assert (figs["n.review"].value, figs["n.suit"].value) == (12, 3)
    assert all(f.source == "prose" for f in figs.values())


# ---------------------------------------------------------------------------------------------
# Pages with little or nothing to read
# ---------------------------------------------------------------------------------------------


def test_page_with_only_an_attachment_link_is_a_narrative_report_without_figures():
    p = parsed("attachment_only.html")
    assert (p.meta.doc_type, p.meta.template_code, p.meta.report_year) == ("annual_report", "narrative", 2020)
    assert p.meta.agency_name == "某某市统计局"
    assert p.figures == []


@pytest.mark.parametrize("raw, reason", [
    ("", "empty document"),
    ("   \n\t ", "empty document"),
    ((QUIRKS / "empty_page.html").read_text(encoding="utf-8"), "no main-content text"),
    ("第一页\n第二页", "no readable text"),
])
def test_empty_page_raises_a_clear_reason(raw, reason):
    with pytest.raises(DocumentParseError, match=reason):
        parse_document(raw, "x.html")


def test_statistics_period_written_in_chinese_numerals():
    text = ("某某乡人民政府政府信息公开工作年度报告\n"
            "本报告中所列数据的统计期限为二〇二〇年一月一日至十二月三十一日。\n"
            "一、总体情况\n本乡主动公开政府信息45条,未收到政府信息公开申请。")
    assert parse_document(text, "x.txt").meta.report_year == 2020


def test_page_titled_with_the_site_name_takes_the_report_heading():
    html = ("<html><head><title>某某市人民政府</title></head><body><div id='zoom'>"
            "<p>发布时间:2021-01-20</p><p>某某市民政局2020年政府信息公开工作年度报告</p>"
            "<p>2020年,我局主动公开政府信息236条,收到政府信息公开申请5件,均已按时办结。</p>"
            "</div></body></html>")
    meta = parse_document(html, "x.html").meta
    assert meta.title == "某某市民政局2020年政府信息公开工作年度报告"
    assert (meta.doc_type, meta.report_year) == ("annual_report", 2020)


def test_interpretation_of_a_report_is_other():
    html = ("<html><head><title>一图读懂某某县2020年政府信息公开工作年度报告</title></head><body>"
            "<div id='zoom'><p>2020年,某某县主动公开政府信息2,356条,收到政府信息公开申请18件。</p></div></body></html>")
    assert parse_document(html, "x.html").meta.doc_type == "other"


@pytest.mark.parametrize("head, title, year, agency", [
    # 宿州市人民政府2016年 / 政府信息公开工作年度报告 (lfrdys copy of the 宿州 report)
    ("宿州市人民政府2016年\n政府信息公开工作年度报告\n宿州市人民政府办公室\n2017年3月\n",
     "宿州市人民政府2016年政府信息公开工作年度报告", 2016, "宿州市人民政府"),
    # 自治区人民政府办公厅2022 / (blank) / 政府信息公开工作年度报告 (a mirror of the 新疆 page)
    ("发布时间:2023-01-30   浏览次数:\n自治区人民政府办公厅2022\n\n政府信息公开工作年度报告\n",
     "自治区人民政府办公厅2022政府信息公开工作年度报告", 2022, "自治区人民政府办公厅"),
    # year first: 2024年昌吉州发改委政府信息公开工作年度报告 (cj.gov.cn); 昌吉州 is the short name of
    # 昌吉回族自治州, which the issuer's name carries, and 发改委 of 发展和改革委员会
    ("2024年昌吉州发改委政府信息公开工作年度报告\n", "2024年昌吉州发改委政府信息公开工作年度报告", 2024,
     "昌吉回族自治州发展和改革委员会"),
])
def test_title_broken_over_two_lines_or_starting_with_the_year(head, title, year, agency):
    text = head + "一、总体情况\n本年度,本机关认真贯彻落实《中华人民共和国政府信息公开条例》,扎实推进政务公开工作。\n"
    meta = parse_document(text, "x.txt").meta
    assert (meta.title, meta.report_year, meta.agency_name, meta.doc_type) == (title, year, agency, "annual_report")


def test_page_with_a_report_title_and_only_an_embedded_viewer_is_a_report():
    html = ("<html><head><title>某某县财政局2019年政府信息公开工作年度报告</title>"
            "<meta name='PubDate' content='2020-01-21'></head><body><div id='zoom'>"
            "<iframe src='/pdfjs/viewer.html?file=/attach/2020/nb2019.pdf'></iframe></div></body></html>")
    p = parse_document(html, "x.html")
    assert (p.meta.doc_type, p.meta.template_code, p.meta.report_year) == ("annual_report", "narrative", 2019)
    assert p.figures == []

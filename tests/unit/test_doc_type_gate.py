"""The gate before 'annual_report': a document is an annual report only on positive evidence, and
every look-alike is 'other' with the reason. Real look-alikes and real reports (many of them prose
reports of 乡 and 镇 from 2010-2011) are in tests/fixtures/quirks/lookalikes/; see the README there."""
from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

import pytest

from dagster_project.parse.classify import unreadable_reason
from dagster_project.parse.model import DocumentParseError, ParsedReport
from dagster_project.parse.report import parse_document

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from garbage_documents import garbage_documents  # noqa: E402
from seed_gold import pingtan_cases, seed_cases  # noqa: E402

LOOKALIKES = Path(__file__).resolve().parents[1] / "fixtures" / "quirks" / "lookalikes"


@lru_cache(maxsize=None)
def parsed(path: Path) -> ParsedReport:
    return parse_document(path.read_text(encoding="utf-8"), str(path))


# every look-alike, with the words its reason must hold
LOOK_ALIKE_REASONS = {
    "notice_how_to_write.html": "notice",
    "work_points.txt": "work points",
    "half_year.html": "half-year or quarterly",
    "quarterly_self_check.txt": "half-year or quarterly",
    "work_summary.html": "work summary",
    "work_points_implementation.html": "implementation report",
    "blank_template.html": "blank template",
    "sample_table_title.txt": "template or sample",
    "statistics_form_blank.txt": "statistics form to fill in",  # 定西市 报表: 本期实际/本年累计, 代码 01-35
    "statistics_regime.txt": "rules for statistics or reporting",  # 宁德市政府信息公开统计制度 with its 报表
    "statistics_reporting_rules.html": "rules for statistics or reporting",  # 宣城市审计局 统计报送制度 + 统计表
    "reporting_regime_of_a_township.html": "rules for statistics or reporting",  # 两家满族乡 年度报告制度
    "template_essay_placeholders.txt": "template essay with placeholders",  # 20xx年, xx乡
    "national_format_notice.html": "template or sample",  # 国办公开办函〔2021〕30号 年度报告格式
    # an outside trial: both were counted as 平潭's 2022 report, under its 办公室's name
    "cover_notice_report_attached.html": "its attachment",  # 关于公布…年度报告的公告, 全文详见附件
    "correction_notice.html": "correction notice",  # 关于…年度报告的更正说明
    "draft_for_comment.html": "draft for comment",  # …年度报告（征求意见稿）, with the final's figures
    "news_headline_with_figure.html": "news",  # 平潭发布2022年度…年度报告全年收到申请75件
}

# real reports that look like look-alikes: (file, year reported on)
REAL_REPORTS = {
    "xinghua_township_2010_prose.html": 2010,  # 兴华乡2010年政府信息公开报告: no 年度报告 in the title
    "anren_township_2010_summary_wording.html": 2010,  # 现将…总结如下 in the body
    "hongshan_township_2011_quarterly_wording.txt": 2011,  # 年度信息公开的报告; 每季度统计 in the body
    "chixi_township_2010_letterhead.txt": 2010,  # 赤政﹝2011﹞6号 letterhead, addressed to 县政府办
    "xinglian_township_2010_zongjie.html": 2010,  # 如对本总结有疑义
    "guanqian_town_2010_traditional.html": 2010,  # Traditional mirror: 館前鎮…信息公開報告
    "tangcun_town_2010_attachments.html": 2010,  # body plus .pdf/.docx attachment links
}


def test_every_look_alike_fixture_is_listed():
    files = {p.name for p in LOOKALIKES.iterdir() if p.is_file()}
    assert files == set(LOOK_ALIKE_REASONS)
    assert {p.name for p in (LOOKALIKES / "reports").iterdir()} == set(REAL_REPORTS)


@pytest.mark.parametrize("name", sorted(LOOK_ALIKE_REASONS))
def test_look_alike_is_other_with_its_reason(name):
    meta = parsed(LOOKALIKES / name).meta
    assert meta.doc_type == "other", meta.doc_type_reason
    assert LOOK_ALIKE_REASONS[name] in meta.doc_type_reason


@pytest.mark.parametrize("name", sorted(REAL_REPORTS))
def test_real_report_that_looks_like_a_look_alike_is_an_annual_report(name):
    meta = parsed(LOOKALIKES / "reports" / name).meta
    assert (meta.doc_type, meta.report_year) == ("annual_report", REAL_REPORTS[name]), meta.doc_type_reason
    assert meta.doc_type_reason.startswith("evidence: ")


def test_2010_prose_report_of_a_township_names_its_evidence():
    meta = parsed(LOOKALIKES / "reports" / "xinghua_township_2010_prose.html").meta
    assert meta.doc_type_reason == "evidence: title or heading names the annual report of a year (兴华乡2010年政府信息公开报告)"
    assert (meta.agency_name, meta.published_date) == ("兴华乡人民政府", "2011-01-01")


@pytest.mark.parametrize("path, gold", seed_cases() + pingtan_cases(), ids=lambda v: getattr(v, "name", ""))
def test_seeds_and_pingtan_pages_have_the_gold_doc_type(path, gold):
    meta = parse_document(path.read_text(encoding="utf-8"), path.name).meta
    assert meta.doc_type == gold["doc_type"], meta.doc_type_reason


def test_pingtan_list_page_is_not_a_report():
    page = Path(__file__).resolve().parents[1] / "fixtures" / "pingtan_site" / "list" / "index.html"
    meta = parse_document(page.read_text(encoding="utf-8"), "index.html").meta  # <title>政府信息公开年报_…
    assert meta.doc_type == "other" and meta.doc_type_reason.startswith("no evidence")


def test_report_with_evidence_only_in_its_body():
    # no title at all: the statistics-period sentence is the evidence
    text = ("根据《中华人民共和国政府信息公开条例》规定,本报告中所列数据的统计期限自2012年1月1日起至2012年12月31日止。\n"
            "2012年,我局主动公开政府信息120条,收到政府信息公开申请3件,均已按期答复。")
    meta = parse_document(text, "x.txt").meta
    assert meta.doc_type == "annual_report" and "statistics-period sentence" in meta.doc_type_reason


def test_document_about_disclosure_without_evidence_is_other():
    text = ("关于进一步加强政务公开工作的意见\n各乡镇、各部门:为深入推进政务公开,提高政府工作透明度,"
            "现就有关事项提出如下意见。一、提高认识。二、突出重点。三、强化保障。")
    meta = parse_document(text, "x.txt").meta
    assert meta.doc_type == "other" and meta.doc_type_reason.startswith("no evidence")


@pytest.mark.parametrize("title, doc_type", [
    ("【工作推进】某县召开2023年度政府信息公开工作年报编制和发布部署会", "other"),
    ("市政务公开办举办2022年度政府信息公开工作年度报告编制培训班", "other"),
    ("某县2023年度政府信息公开工作年报编制工作推进会议", "other"),
    # a body named 委员会 (its title ends in 报告, not in a meeting)
    ("某某经济开发区管理委员会2023年政府信息公开工作年度报告", "annual_report"),
])
def test_news_of_a_meeting_about_the_report_is_not_the_report(title, doc_type):
    body = ("根据《中华人民共和国政府信息公开条例》,本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n"
            "2023年,主动公开政府信息120条,收到政府信息公开申请3件,均已按期答复。")
    meta = parse_document(title + "\n" + body, "x.txt").meta
    assert meta.doc_type == doc_type, meta.doc_type_reason


_BODY = "2010年,我局主动公开政府信息120条,收到政府信息公开申请3件,均已按期答复。"


@pytest.mark.parametrize("text", [
    # real openings without a title line of their own (2010-2025)
    "2010年,县卫生局政府信息公开工作在县委的领导下开展,现将我局2010年度政府信息公开工作年度报告如下:\n" + _BODY,
    "根据《条例》要求,现公布某市农业农村局2010年度政府信息公开工作年度报告。\n" + _BODY,
    "一、引言 本年报是根据《某区政府信息公开规定》要求编制的2010年度政府信息公开年度报告。\n" + _BODY,
    "根据《中华人民共和国政府信息公开条例》要求,特编制完成本报告。\n" + _BODY,
    "根据《中华人民共和国政府信息公开条例》及上级有关文件要求,编制本局2010年度政府信息公开报告,并向社会公开。\n" + _BODY,
    # the title as the opening's first words
    "某县2010年政府信息公开工作年度报告(以下简称年报)根据《中华人民共和国政府信息公开条例》进行编制。\n" + _BODY,
    # the title run into the body on one line, as some text copies have it
    "2010年某区卫生局政府信息公开年报 一、概述 " + _BODY,
    # a list of links above the text is not its heading (相关解读: is not a 解读 page)
    "相关解读:\n相关文件:\n本报告依据《中华人民共和国政府信息公开条例》编制。\n" + _BODY,
    # the report published 向社会公众 (2017), a wiki copy that defines the report (2010)
    "根据《条例》第三十一条规定,现将红塔区教育局2017年度政府信息公开年度报告向社会公众公布,并接受监督。\n" + _BODY,
    "《泰安市财政局2010年信息公开工作年度报告》是泰安市财政局2010年发布的一份报告。\n一、概述\n" + _BODY,
])
def test_a_report_that_names_itself_in_its_opening_is_a_report(text):
    meta = parse_document(text, "x.txt").meta
    assert meta.doc_type == "annual_report", meta.doc_type_reason


@pytest.mark.parametrize("text", [
    "各乡镇、各部门:现将做好2010年度政府信息公开工作年度报告编制工作有关事项通知如下:\n一、高度重视。二、按时报送。",
    "现将《某县2010年政府信息公开工作年度报告》解读如下:\n一、主动公开。二、依申请公开。",
    # a notice asking others to compile theirs
    "各乡镇、各部门:请认真编制2010年度政府信息公开工作年度报告,于2011年3月31日前报送。\n一、高度重视。二、按时报送。",
    # an evaluation of disclosure work, and an English summary under a report's Chinese title
    "某市政务公开第三方评估报告(2010)\n一、评估概况。本次评估覆盖全市各部门,评估结果良好。",
    "某部2010年政府信息公开工作年度报告\n" + "Overview - The report outlines the efforts of the ministry to enhance "
    "government transparency and public engagement through information disclosure. " * 6,
    # a report on another kind of 公开 (the final accounts)
    "某市公安局某区分局2010年决算公开报告\n一、部门概况。本部门2010年决算收入合计1200万元,支出合计1180万元。",
    "关于做好2010年度政府信息公开工作年度报告 一、高度重视。各单位要把年度报告编制作为政务公开的重点工作,明确专人负责。"
    "二、按时报送。请于2011年3月31日前将年度报告报送县政务公开办公室。",
])
def test_an_opening_about_another_document_is_not_a_report(text):
    meta = parse_document(text, "x.txt").meta
    assert meta.doc_type == "other", meta.doc_type_reason


REPORT_TEXT = (Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "002_1193063268b18128.txt").read_text(encoding="utf-8")
# the ways bytes can become text before parse: ingest's own decoding aside, any of these codecs
CODECS = ("utf-8", "gb18030", "latin-1", "big5", "utf-16-le", "shift_jis")


@pytest.mark.parametrize("name, data", garbage_documents(REPORT_TEXT), ids=lambda v: v if isinstance(v, str) else "")
def test_binary_compressed_empty_and_random_content_is_never_an_annual_report(name, data):
    for codec in CODECS:
        try:
            meta = parse_document(data.decode(codec, "replace"), name).meta
        except DocumentParseError:
            continue  # empty or nothing readable: refused with its reason, not a report
        assert meta.doc_type == "other", (name, codec, meta.doc_type_reason)


def test_unreadable_reasons_name_what_is_wrong():
    # valid GB2312 level-2 characters only: text in no language a report is written in
    rare = bytes(b for k in range(300) for b in (0xD8 + k % 32, 0xA1 + k % 90)).decode("gb2312")
    assert "common ones" in unreadable_reason(rare)
    assert "replacement or control characters" in unreadable_reason(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".decode("latin-1") * 50)
    assert unreadable_reason(REPORT_TEXT) is None


def test_the_placeholder_prefilter_passes_every_line_with_a_placeholder():
    """_look_alike_body reads placeholders only in a text where _PLACEHOLDER_END finds one's end:
    no line of a fixture (real pages, the model essays among them) holds a placeholder without it."""
    from dagster_project.parse.classify import _PLACEHOLDER, _PLACEHOLDER_END

    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    lines = [line for path in sorted(fixtures.rglob("*")) if path.suffix in (".txt", ".html", ".htm")
             for line in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    with_placeholder = [line for line in lines if _PLACEHOLDER.search(line)]
    assert len(with_placeholder) >= 5  # 20xx年, xx乡, ×××局 of the model essays
    assert [line for line in with_placeholder if not _PLACEHOLDER_END.search(line)] == []
    # the xx of a link is no placeholder's end
    assert _PLACEHOLDER_END.search("http://www.gov.cn/xxgk/zfxxgkml/index.html") is None


@pytest.mark.parametrize("heading, body, doc_type", [
    # a real news item (2021): the headline over 日前…报告显示…(记者 …)
    ("2020年政府信息公开工作年度报告发布",
     "日前,贵州省人民政府正式向社会发布2020年政府信息公开工作年度报告。报告显示,2020年,全年公开7类政策文件236件。"
     "(记者 陈玲)", "other"),
    ("某市晒出2020年政府信息公开工作年报", "据悉,该市2020年主动公开政府信息1.2万条。", "other"),
    # the same headline over the report's own text stays a report
    ("2020年政府信息公开工作年度报告发布",
     "本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。2020年,主动公开政府信息120条。", "annual_report"),
])
def test_news_that_a_report_was_published_is_not_the_report(heading, body, doc_type):
    meta = parse_document(heading + "\n" + body, "x.txt").meta
    assert meta.doc_type == doc_type, meta.doc_type_reason


def test_a_platform_of_many_reports_is_not_a_report():
    # a real news page (2017) under the heading of the central government's display of reports
    text = ("2016年政府信息公开工作年度报告展示平台 来源:中国政府网\n"
            "今年是公布年报的第八年,与往年相比,此次公开不乏新特点。本报告所列数据的统计期限自2016年1月1日起至2016年12月31日止。")
    meta = parse_document(text, "x.txt").meta
    assert meta.doc_type == "other" and meta.doc_type_reason.startswith("a column or platform"), meta.doc_type_reason


def test_a_school_years_report_with_no_title_is_a_report():
    # a real university report (2014): no title line, figures counted from 9月1日 to 8月31日
    text = ("2013-2014学年度,我校认真贯彻落实《高等学校信息公开办法》,积极推进信息公开工作。现将我校信息公开工作报告如下"
            "(其中所列数据统计期限自2013年9月1日至2014年8月31日):\n一、主要工作概述\n按照教育部有关规定和要求,我校积极开展信息公开工作。\n")
    meta = parse_document(text, "x.txt").meta
    assert (meta.doc_type, meta.report_year) == ("annual_report", 2014), meta.doc_type_reason


def test_an_untitled_report_under_the_pages_fields_with_their_values_on_lines_of_their_own():
    # a second reader's eleventh round (gate_k c036, a city's 公共资源交易中心, 2024): the fields' values under their
    # labels were taken for the text's first line, so its opening section (一、总体情况) went unseen
    text = ("发布时间:\n2025-01-21 17:17\n信息来源:\n市公共资源交易中心\n一、总体情况\n"
            "2024年,市公共资源交易中心立足交易工作实际,认真开展政府信息公开工作。\n(一)主动公开情况\n"
            "2024年,市公共资源交易中心主动做好各类信息公开工作,全年主动公开信息2170条。\n(二)依申请公开情况\n"
            "2024年,中心依法依规开展依申请公开工作,收到依申请公开事项0条。\n")
    meta = parse_document(text, "x.txt").meta
    assert (meta.doc_type, meta.report_year) == ("annual_report", 2024), meta.doc_type_reason
    # the same fields with their values on their own lines are skipped as before
    assert parse_document(text.replace(":\n", ":"), "x.txt").meta.doc_type == "annual_report"


def test_a_title_without_a_year_over_the_bodys_year_reported_as_follows():
    # a second reader's twelfth round (gate_l c031): 现将2010年度市民政局政府信息公开情况报告如下, then 一、基本概况
    text = ("丽水市民政局政府信息公开工作年度报告\n发布时间:2011-04-25\n\n根据《中华人民共和国政府信息公开条例》要求,市民政局结合工作实际,"
            "较好完成了各项政府信息公开工作。现将2010年度市民政局政府信息公开情况报告如下:\n\n一、基本概况\n\n2010年,我局认真贯彻落实"
            "《政府信息公开条例》。\n")
    meta = parse_document(text, "x.txt").meta
    assert (meta.doc_type, meta.report_year) == ("annual_report", 2010), meta.doc_type_reason
    # (the whole city's bodies are no body's own year)
    other = text.replace("现将2010年度市民政局政府信息公开情况", "现将2010年度全市各单位政府信息公开情况")
    assert parse_document(other, "x.txt").meta.doc_type == "other"


def test_a_paper_that_studies_reports_is_not_a_report():
    # a second reader's twelfth round (gate_l c060): a law journal's article on 245 reports, titled after them
    text = ("政府信息公开制度运行状态考察——基于2008年至2010年245份政府信息公开工作年度报告\n\n发布日期:2012-02-02    文章来源:互联网\n"
            "【出处】《法学》2011年第10期\n【摘要】根据对88个行政机关在2008年至2010年期间公布的245份政府信息公开工作年度报告的分析,"
            "政府信息主动公开已经成为信息公开制度中的首要机制。\n【关键词】政府信息公开;年度报告\n")
    meta = parse_document(text, "x.txt").meta
    assert meta.doc_type == "other" and "a paper" in meta.doc_type_reason
    # a site's search box (关键词:) above a real report is no paper's
    report = "关键词:\n2019年西湖区政府信息公开工作年度报告\n本报告由西湖区人民政府办公室编制。\n一、总体情况\n"
    assert parse_document(report, "x.txt").meta.doc_type == "annual_report"


def test_a_site_menu_above_the_text_is_not_its_heading():
    # a real mirror of 上海市's 2010 report: the site's menu (- 政策解读) comes first
    text = ("- 政策解读\n- 经济发展\n- 社会发展\n本年度报告根据《中华人民共和国政府信息公开条例》的要求,由市政府办公厅综合各区(县)"
            "人民政府和市政府各委、办、局的政府信息公开年度报告编制而成。\n一、概述\n2010年,本市主动公开政府信息12万条。")
    meta = parse_document(text, "x.txt").meta
    assert meta.doc_type == "annual_report", meta.doc_type_reason


@pytest.mark.parametrize("text, doc_type", [
    # real openings without titles (a county hospital 2019, a street office 2014): the template's contact
    # sentence, and a compiler that did compile
    ("2019年,我院高度重视政府信息公开工作,有序推进政府信息公开。现将政府信息公开工作情况报告如下:"
     "如对本报告有任何疑问,可与太和县中医院行政办公室联系,联系电话:0558-8519669。\n"
     "一、基本情况 (一)信息发布数量增加,2019年我院主动公开医院信息213条。\n", "annual_report"),
    ("依据《中华人民共和国政府信息公开条例》要求,结合我街道2014年政府信息公开实际情况,办公室编制完成了"
     "《黎明街道信息公开2014年度工作报告》(以下简称《报告》)。\n", "annual_report"),
    # a listed company's annual report (2017) speaks of itself, but not of information disclosure
    ("凯乐科技2017年年度报告\n2017 年年度报告\n重要提示\n一、本公司董事会、监事会及董事、监事、高级管理人员保证"
     "年度报告内容的真实、准确、完整。本报告中所列数据以人民币为单位。\n", "other"),
    # a ministry's notice whose title the page cuts before 工作的通知 (2013)
    ("教育部办公厅关于做好2012-2013学年度高校信息公开工作年度报告\n2013-11-15 来源:教育部网站\n"
     "各省、自治区、直辖市教育厅(教委):为深入贯彻落实《政府信息公开条例》,请各高校编制并公布本校信息公开工作年度报告。\n",
     "other"),
])
def test_the_contact_sentence_a_compiler_a_company_report_and_a_cut_notice(text, doc_type):
    meta = parse_document(text, "x.txt").meta
    assert meta.doc_type == doc_type, meta.doc_type_reason


@pytest.mark.parametrize("text, year", [
    # real openings without titles (2019, 2009, 2016, 2021)
    ("根据《中华人民共和国政府信息公开条例》(国务院令第711号)规定,现发布《辽宁省2019年度政府信息公开工作报告》。\n一、总体情况\n", 2019),
    ("2009年年报根据《中华人民共和国政府信息公开条例》编制,由概述、主动公开政府信息情况、依申请公开政府信息情况四部分组成。\n", 2009),
    ("按照《条例》的有关规定和要求,我局对2016年政府信息公开工作进行了总结,编制了2016年度政府信息公开工作年度报告。\n一、情况概述\n", 2016),
    ("根据《条例》,2021年我局认真执行政府信息公开各相关规定,高度重视政府信息公开工作,现将工作情况报告如下:\n一、总体情况\n", 2021),
    # (2025: the opening writes the report, as others compile it; spaces of a copied PDF inside its words)
    ("依据《中华人民共和国政府信息公开条例》要求,结合 2025 年度本单位政府信息公开工 作推进落实情况和有关统计数据撰写本报告。"
     "\n一、总体情况\n", 2025),
    ("依据《中华人民共和国政府信息公开条例》第五十条规定,我镇结合2023年政府信息公开工作情况撰写此报告。\n一、总体情况\n", 2023),
    # (a Traditional mirror of prose_pages/batch_zzs/17: the work reported 做如下匯報)
    ("2023年,三門縣退役軍人事務局認真貫徹落實《中華人民共和國政府信息公開條例》文件精神,較好地完成了政務公開各項工作。"
     "現對三門縣退役軍人事務局政務(信息)公開情況做如下匯報:\n一、總體情況\n", 2023),
    # (a bureau's report written as a letter to the county's office, prose_pages/batch_zzu/04: 编写, not 编制)
    ("縣政府信息化工作辦公室:\n根據(jù)《卓尼縣人民政府辦公室轉(zhuǎn)發(fā)關于做好2021年政府信息公開工作年度報告編發(fā)工作的通知的通知》"
     "要求,我局結(jié)合招商引資工作實際,認真組織編寫了2021年政府信息公開工作年度報告,現(xiàn)將有關情況報告如下:\n一、概述\n", 2021),
    # (a county bureau's 2010 report with no title, second_readers/gate_j c053: 工作的情况)
    ("根据《中华人民共和国政府信息公开条例》和《靖宇县政府信息公开暂行办法》的要求,靖宇县交通运输局以深入开展学习实践科学发展观活动为契机,"
     "及时规范开展交通运输系统政府信息公开工作,现将我局2010年政府信息公开工作的情况报告如下:\n一、概述\n", 2010),
])
def test_more_ways_an_opening_speaks_of_itself_as_the_report(text, year):
    meta = parse_document(text, "x.txt").meta
    assert (meta.doc_type, meta.report_year) == ("annual_report", year), meta.doc_type_reason


@pytest.mark.parametrize("part", ["2023年上半年", "2023年第一季度"])
def test_the_work_of_a_part_of_the_year_reported_is_no_annual_report(part):
    text = (f"2023年,我局认真贯彻落实《中华人民共和国政府信息公开条例》。现对{part}政务公开工作情况做如下汇报:\n"
            "一、总体情况\n")
    assert parse_document(text, "x.txt").meta.doc_type == "other"


def test_the_work_told_to_a_check_is_no_annual_report():
    text = ("根据县政务公开领导小组《关于开展政务公开工作专项检查的通知》和《中华人民共和国政府信息公开条例》要求,我局开展了自查,"
            "现对我局政务公开工作情况做如下汇报:\n一、总体情况\n全年主动公开政府信息86条,受理政府信息公开申请3件。\n")
    assert parse_document(text, "x.txt").meta.doc_type == "other"


@pytest.mark.parametrize("text", [
    # a check of the disclosure work, or another report, that writes itself
    "按照市政务公开办《关于开展2023年度政府信息公开工作自查的通知》要求,我局对2023年度政府信息公开工作开展了全面自查,"
    "撰写本报告。\n一、自查情况\n(一)主动公开方面。全年主动公开政府信息120条。\n",
    "受市政务公开办委托,课题组对全市32家市直部门2023年度政府信息公开工作进行了评估,在此基础上撰写本报告。\n一、评估对象和方法\n",
    "为全面反映本公司履行社会责任情况,撰写本报告。报告期内,公司坚持信息公开透明。\n一、公司概况\n",
])
def test_a_report_written_on_a_check_or_on_other_work_is_not_the_disclosure_report(text):
    meta = parse_document(text, "x.txt").meta
    assert meta.doc_type == "other", meta.doc_type_reason


def test_another_works_report_is_not_the_disclosure_report():
    # a 法治政府建设 report that says 政务公开 before 现将…工作情况报告如下 (its words)
    text = ("2017年,我局深入推进依法行政,全面推进政务公开。现将2017年法治政府建设工作情况报告如下:\n一、主要工作\n")
    assert parse_document(text, "x.txt").meta.doc_type == "other"


def test_an_opening_section_under_a_sites_footer_and_a_work_summary_of_disclosure():
    # a real 2019 page whose site footer was copied above the text
    text = ("版权所有:中国河南省汝州市人民政府 主办单位:汝州市人民政府办公室\n地址:汝州市丹阳中路268号 邮编:467599\n"
            "网站标识码:4104820001 豫ICP备12009804号-1\n一、总体情况\n(一)主动公开情况\n"
            "2019年汝州市共主动公开信息共计20809条。\n(二)依申请公开办理情况\n2019年,汝州市共收到申请19件。\n")
    assert parse_document(text, "x.txt").meta.doc_type == "annual_report"
    # an office's own year on disclosure, worded as a summary with its figures (2016; two readers read a report)
    text = ("2016年,我办认真按照省、市、区政府的工作部署和要求,大力推进政府信息公开工作。现将2016年度我办政府信息公开工作总结如下:\n"
            "一、政府信息公开完成情况\n(一)主动公开信息情况\n截止12月31日,我办主动公开政府信息281条,其中通过网站公开258条、微信公众号20条、公告3条。\n")
    assert parse_document(text, "x.txt").meta.doc_type == "annual_report"
    # the same words without a figure: a bureau's 政务公开 work summary for its superior (2021; its reader: not a report)
    text = ("2021年,桐城市交通运输局认真贯彻落实市委、市政府的工作部署,在市政务公开办的指导下,积极推进政务公开工作有序开展。"
            "现将我局本年度政务公开工作总结如下:\n一、2021年工作完成情况\n(一)高度重视,完善制度。我局高度重视政务公开工作,年初有计划,年终有总结。\n")
    assert parse_document(text, "x.txt").meta.doc_type == "other"
    # a summary of other work is not one
    text = "2016年,我局大力推进依法行政。现将2016年度我局法治政府建设工作总结如下:\n一、主要工作\n"
    assert parse_document(text, "x.txt").meta.doc_type == "other"


def test_an_interpretation_that_says_so_is_not_the_report():
    # a real 2024 page: no title, the report named and its statistics period quoted, then 现就…进行如下解读
    text = ("《莘县王庄集镇人民政府2023年政府信息公开工作年度报告》已经编制完成并向社会公开,为方便群众看懂年报信息,"
            "进一步了解2023年政府信息公开工作,现就年报内容进行如下解读。\n一、编制背景\n"
            "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n")
    meta = parse_document(text, "x.txt").meta
    assert meta.doc_type == "other" and meta.doc_type_reason.startswith("interpretation"), meta.doc_type_reason


@pytest.mark.parametrize("text", [
    # real openings without titles (2020, 2025)
    "根据《条例》规定,按照《关于做好2020年政府信息公开工作年度报告发布和报送工作的通知》要求,现将我局2020年度信息公开工作予以报告。\n一、总体情况\n",
    "根据《中华人民共和国政府信息公开条例》要求,编制发布本年报。全文包括总体情况、主动公开政府信息情况。\n一、总体情况\n",
])
def test_a_report_that_says_it_reports_or_is_compiled_and_published(text):
    assert parse_document(text, "x.txt").meta.doc_type == "annual_report"


@pytest.mark.parametrize("text, doc_type", [
    # a real 2014 report handed in as a letter, the year's report its whole subject (渭南市水务局)
    ("渭南市水务局 关于2014年度政府信息公开年度报告的函\n市信息化办公室:\n根据《中华人民共和国政府信息公开条例》和市信息化工作"
     "领导小组办公室《关于报送2014年度政府信息公开年度报告的通知》要求,我局对全年政府信息公开工作进行了全面回顾,认真总结,"
     "现将有关工作情况汇报如下:\n一、基本情况\n", "annual_report"),
    # a real 2019 opening without title: the city hereby compiles its report (特编制《…》)
    ("根据《条例》和《辽宁省人民政府办公厅关于做好2019年度政府信息公开工作报告编制发布等工作的通知》要求,结合鞍山市2019年"
     "政府信息公开工作情况,特编制《鞍山市政府2019年度政府信息公开工作报告》,并通过市政府门户网站面向社会公开。\n", "annual_report"),
    # asking others to compile one is no compiling of one's own
    ("各县区政府办公室:\n根据《中华人民共和国政府信息公开条例》规定,请各单位认真编制《2019年度政府信息公开工作报告》,"
     "于2020年1月31日前报送市政府办公室,并向社会公开。\n", "other"),
    # a letter that asks for the reports has a verb of its own
    ("市信息化办公室关于报送2014年度政府信息公开年度报告的函\n各县市区政府:\n请于2015年3月31日前报送本单位年度报告。\n", "other"),
])
def test_a_years_report_handed_in_as_a_letter(text, doc_type):
    meta = parse_document(text, "x.txt").meta
    assert meta.doc_type == doc_type, meta.doc_type_reason


@pytest.mark.parametrize("text, doc_type", [
    # real openings (2016, 2009): the body's work reported as it says (汇报如下, 有关情况报告如下)
    ("伊春区森林经营所2016年度政务信息工作年度报告\n根据《中华人民共和国政府信息公开条例》的有关规定,森林经营所积极开展政务公开工作。"
     "现将2016年政务公开工作情况及2017年工作安排汇报如下:\n一、强化组织领导\n", "annual_report"),
    ("2009年,我局认真贯彻落实《中华人民共和国政府信息公开条例》,全面深入地开展信息公开工作。"
     "现将2009年度信息公开工作有关情况报告如下:\n一、健全信息公开制度\n", "annual_report"),
    # a real 2025 notice: a breadcrumb above it and its heading over two lines do not make a report's title
    ("攀枝花市民政局\n您当前的位置:首页 > 政府信息公开 > 通知公告\n攀枝花市民政局关于开展全市性社会组织2024年年度报告及年度检查工作的通知\n"
     "来源:攀枝花市民政局 发布时间:2025-05-09\n攀枝花市民政局\n关于开展全市性社会组织2024年年度报告\n年度检查工作的通知\n"
     "各全市性社会组织及其业务主管单位:\n进行年度报告、接受年度检查是社会组织的法定义务。\n", "other"),
])
def test_reported_as_it_says_and_a_notices_heading_over_two_lines(text, doc_type):
    meta = parse_document(text, "x.txt").meta
    assert meta.doc_type == doc_type, meta.doc_type_reason


def test_the_national_format_under_the_sites_name():
    # a real 2025 page: the site's name, then 一、总体情况 and the year's figures
    text = ("伊州区人民政府\n一、总体情况\n2025年,伊州区民政局深入贯彻《中华人民共和国政府信息公开条例》相关要求。\n"
            "(一)法定主动公开方面\n2025年以来,我局主动公开政府信息公开指南、2024年政府信息公开工作年度报告、机构概况等信息。\n"
            "(二)依申请公开方面\n2025年,我局共收到政府信息公开申请2件,均已按时答复。\n")
    meta = parse_document(text, "x.txt").meta
    assert (meta.doc_type, meta.report_year) == ("annual_report", 2025), meta.doc_type_reason


@pytest.mark.parametrize("text, doc_type", [
    # real openings (2019, 2018) without a title: the article on annual reports cited and this
    # report made (制作本报告), or the body's report named with what it holds (…报告,包括…)
    ("依据《中华人民共和国政府信息公开条例》第五十条之规定,制作本报告。\n一、总体情况\n"
     "本年度,我厅全面贯彻落实《中华人民共和国政府信息公开条例》。\n", "annual_report"),
    ("根据《中华人民共和国政府信息公开条例》要求,台州银保监分局编制了2018年度政府信息公开工作报告,包括基本情况、"
     "主动公开情况、依申请公开情况、收费及减免情况、行政复议情况等内容。现向社会公布:\n一、基本情况\n", "annual_report"),
    # a news item that others compiled theirs names no contents
    ("全市政务公开工作推进会召开\n会议指出,全市各级行政机关均编制了2018年度政府信息公开工作报告,包括主动公开、"
     "依申请公开等内容,并按时向社会公布。\n", "other"),
    # a real essay titled like a district's 2016 report, signed off by a text-generating assistant
    ("2016年度邵阳市大祥区政府信息公开工作年报\n2016年是邵阳市大祥区在政府信息公开工作中取得显著进展的一年。"
     "这一年,大祥区政府积极响应国家关于政务公开的要求。\n---\n希望这篇内容能满足您的需求!如果还有其他问题或需要进一步修改,"
     "请随时告知。\n", "other"),
    # a shared copy of a report may end with a wish, which is no assistant's offer to revise
    ("根据《中华人民共和国政府信息公开条例》要求,台州银保监分局编制了2018年度政府信息公开工作报告,包括基本情况、"
     "主动公开情况等内容。现向社会公布:\n一、基本情况\n2018年,本局主动公开政府信息120条。\n希望以上内容对您有所帮助。\n",
     "annual_report"),
    # news and superiors' summaries of many bodies' reports, and another report made under other rules
    ("全市年报工作完成\n按照省政府办公厅统一部署,全市32个市直部门和10个县区政府按时编制了2022年度政府信息公开工作年度报告,"
     "报告分为总体情况、主动公开政府信息情况等六个部分,于1月31日前全部向社会公开。\n", "other"),
    ("年报编制工作部署\n近日,市政府办公室组织各单位编制了2022年度政府信息公开工作年度报告,报告包括总体情况等内容。\n", "other"),
    ("XX县2022年法治政府建设年度报告\n根据《法治政府建设与责任落实督察工作规定》,结合工作实际,制作本报告。全面推进政务公开。\n",
     "other"),
])
def test_a_report_made_under_the_article_on_reports_and_an_assistants_essay(text, doc_type):
    meta = parse_document(text, "x.txt").meta
    assert meta.doc_type == doc_type, meta.doc_type_reason


@pytest.mark.parametrize("text, doc_type", [
    # a real 2021 opening: the year's work published, then its parts in a sentence of their own
    ("依据《中华人民共和国政府信息公开条例》精神和有关要求,现公布2021年度弋阳县高新科技产业园管理委员会信息公开年度工作情况。"
     "报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、"
     "存在的主要问题及改进情况、其他需要报告的事项共六部分组成。\n一、总体情况\n", "annual_report"),
    # a notice asking for reports of those parts, or news of a report listing them, is none
    ("关于做好2021年度政府信息公开工作年度报告编制工作的通知\n各乡镇、县直各单位:\n"
     "年度报告应包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等内容,请于1月20日前报送。\n", "other"),
    ("泰和县人民政府办公室\n各乡镇人民政府,县政府各部门:\n为做好2023年度政府信息公开工作年度报告编制发布工作,现将有关事项通知如下。"
     "报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等六部分组成。各单位于2024年1月31日前公开。\n", "other"),
    ("泰和县政务公开工作再上新台阶\n来源:泰和县融媒体中心 发布时间:2024-01-25\n近日,泰和县人民政府在县政府门户网站发布了"
     "2023年政府信息公开工作年度报告。报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等六个部分组成。\n"
     "2023年,全县主动公开政府信息12000余条,受理政府信息公开申请45件,均已按时答复。\n", "other"),
    # real openings (2023, 2013): the first section under the page's font-size buttons, and a
    # body telling its year's disclosure as it went (现将我局一年来政府信息公开情况报告如下)
    ("字号:\n大 中 小\n一、总体情况\n(一)主动公开情况\n东阿县人民政府办公室按照《中华人民共和国政府信息公开条例》第二十条规定,"
     "积极做好法定主动公开信息的公开工作。2023年县政府办公室共主动公开政府信息497条,主要包括动态要闻类信息94条。\n", "annual_report"),
    ("为提高行政效能,促进依法行政,2013年我局按照区委、区政府有关规定,着力推进政府信息公开工作。"
     "现将我局一年来政府信息公开情况报告如下: 一、基本概述 (一)组织机构建设情况。\n", "annual_report"),
    # a body's report on another matter told the same way is none, nor its 政务公开 told to an inspection
    ("2013年我局认真开展安全生产工作。现将我局一年来安全生产情况报告如下:\n一、基本情况\n", "other"),
    ("泰和县市场监督管理局关于政务公开工作情况的汇报\n尊敬的检查组各位领导:\n首先,对各位领导莅临我局检查指导工作表示热烈欢迎!"
     "现将我局一年来政务公开情况汇报如下:\n一、主要做法\n全年主动公开政府信息120条,受理政府信息公开申请3件,均已按时答复。\n二、存在问题\n",
     "other"),
    # a real 2013 opening: the body compiles its report now (现编制…年度报告。), but a school's of a 学年 is under the
    # rules for schools (doc_type_pages/batch_25/14)
    ("根据《中华人民共和国政府信息公开条例》的规定,现编制台州市安全生产监督管理局政府信息公开工作年度报告。"
     "本报告总结了2013年度市安监局面向社会公众发布安全生产信息的情况。\n一、概述\n", "annual_report"),
    ("根据教育部《高等学校信息公开办法》等要求,现编制2016至2017学年延安大学信息公开工作年度报告。\n一、概述\n", "other"),
])
def test_a_reports_parts_listed_its_first_section_under_font_buttons_and_its_work_told(text, doc_type):
    meta = parse_document(text, "x.txt").meta
    assert meta.doc_type == doc_type, meta.doc_type_reason



@pytest.mark.parametrize("text, doc_type", [
    # a real 2023 opening: the year's 政府信息公开情况 reported, then the first section
    ("根据《中华人民共和国政府信息公开条例》和省、市关于政府信息公开相关文件要求和工作部署,市城市管理局认真梳理了2023年度政府信息公开工作情况,"
     "现将2023年度政府信息公开情况报告如下。\n一、总体情况\n(一)全面提升主动公开质量和实效。\n", "annual_report"),
    # without the first section or figures after it, nothing says it is the report
    ("市城市管理局认真梳理了2023年度政府信息公开工作情况,现将2023年度政府信息公开情况报告如下。\n"
     "附件:临沂市城市管理局2023年度政府信息公开情况统计表\n", "other"),
    # a document-sharing site's bundles of model essays (…年终总结10篇, …(精选5篇)), and a third party's
    # evaluation of others' reports
    ("2020年政务公开年终总结10篇\n上传人:E**** 文档编号:156567225 上传时间:2020-12-18 格式:DOCX 页数:26\n"
     "1、2020年政务公开年终总结10篇【篇一】2020年,根据中华人民共和国政府信息公开条例,现将我局2020年度政务公开工作报告如下:"
     "一、政务服务公开情况1、主动公开信息情况。截止目前,我局已主动公开工信动态323条,文件40条。\n", "other"),
    ("2021年乡镇政府信息公开工作年度报告(精选5篇)\n【篇一】根据《中华人民共和国政府信息公开条例》要求,"
     "现将我镇2021年度政府信息公开工作年度报告如下:\n一、总体情况\n2021年,我镇主动公开政府信息120条。\n", "other"),
    ("高校信息公开情况评价报告\n本报告是对75所教育部直属高等学校信息公开情况的合规性做出的评价。\n", "other"),
    # the body's own whole year only: not a half-year, an inspection's findings, a city's summary, one kind of work
    *[(f"某县统计局政府信息公开工作情况\n根据有关要求,{sentence}\n一、总体情况\n2023年,我局主动公开政府信息60条。\n", "other")
      for sentence in ("现将2023年上半年政府信息公开情况报告如下。", "现将督查中发现的政府信息公开情况报告如下。",
                       "现将各县区2023年度政府信息公开情况报告如下。", "现将我局2023年度依申请政府信息公开情况报告如下。",
                       "现将我局2023年度重点领域政府信息公开情况报告如下。")],
    # titles of a report that go on (…年度报告(第二篇), …暨年终总结, …及社会评价报告) are no bundle, summary or evaluation
    ("某市2021年政府信息公开工作年度报告(第二篇)\n一、总体情况\n2021年,我市主动公开政府信息120条。\n", "annual_report"),
    ("某乡2021年度政府信息公开工作年度报告暨年终总结\n一、总体情况\n2021年,我乡主动公开政府信息120条。\n", "annual_report"),
    ("某市2021年政府信息公开工作年度报告及社会评价报告\n一、总体情况\n2021年,我市主动公开政府信息120条。\n", "annual_report"),
    ("平阳县水利局2020年政府信息公开工作年报暨年终总结\n一、总体情况\n2020年,我局主动公开政府信息120条。\n", "annual_report"),
    # the year, then the body (a real 2023 opening: 现将2023年区卫生健康局政府信息公开工作报告如下), not a part of its year
    ("在区委、区政府的正确领导下,区卫生健康局高度重视并积极推进政务信息公开工作,现将2023年区卫生健康局政府信息公开工作报告如下:\n"
     "一、总体情况\n(一)组织领导情况\n我局成立政府信息公开领导小组。\n", "annual_report"),
    ("某县统计局政府信息公开工作情况\n现将2023年上半年区卫生健康局政府信息公开工作报告如下:\n一、总体情况\n"
     "(一)组织领导情况\n我局成立政府信息公开领导小组。\n", "other"),
    # papers sent to an office for an appraisal (县委县政府督查室: …现将我局2023年度政府信息公开情况报告如下)
    ("平阳县水利局关于报送年度考核有关材料的函\n县委县政府督查室:\n根据年度目标考核要求,现将我局2023年度政府信息公开情况报告如下:\n"
     "一、总体情况\n2023年,我局主动公开政府信息60条。\n二、其他考核事项\n", "other"),
])
def test_the_years_disclosure_reported_and_bundles_and_evaluations(text, doc_type):
    meta = parse_document(text, "x.txt").meta
    assert meta.doc_type == doc_type, meta.doc_type_reason


def test_an_untitled_opening_whose_first_section_is_named_jiben_qingkuang():
    # prose_pages/batch_zzy/06: 现将我局2017年度政务信息公开情况报告如下,请审阅。 then 一、基本情况 (the 2008
    # format's 概述 as many bodies named it); a first section of another kind is no such opening
    page = (Path(__file__).resolve().parents[1] / "fixtures/prose_pages/batch_zzy/06.txt").read_text(encoding="utf-8")
    assert parse_document(page, "06.txt").meta.doc_type == "annual_report"
    other = page.replace("一、基本情况", "一、工作动态", 1)
    assert parse_document(other, "06.txt").meta.doc_type != "annual_report"


@pytest.mark.parametrize("title", [
    "全市各级行政机关2016年度政府信息公开工作年度报告发布情况汇总",  # the reports' publication, for many bodies
    "2023年度全区政府信息公开工作年度报告编制发布情况说明",
    "关于2018年政府信息公开工作年度报告评估问题的整改报告",  # putting right what a check found
    "政务公开办主任2019年度述职报告",  # an official's account of their own work
    "红星村2020年村务公开工作情况报告", "某厂2020年厂务公开工作报告",  # disclosure of another kind
])
def test_a_title_that_names_the_report_and_then_another_document_is_no_report(title):
    # the five false reports of a second reader's 101 cases, written before the gate was run on them
    text = (f"{title}\n根据《中华人民共和国政府信息公开条例》要求，现将有关情况报告如下：\n"
            "一、基本情况\n全年主动公开政府信息120条，受理政府信息公开申请5件。\n")
    assert parse_document(text, "x.txt").meta.doc_type != "annual_report"


def test_an_untitled_report_under_the_pages_fields_opens_with_its_first_section():
    # prose_pages/batch_x/04: 发布时间:2026-01-22 10:58 信息来源:洪江市教育局 / 一、总体情况 / …2025年,我局…
    page = (Path(__file__).resolve().parents[1] / "fixtures/prose_pages/batch_x/04.txt").read_text(encoding="utf-8")
    meta = parse_document(page, "04.txt").meta
    assert (meta.doc_type, meta.report_year) == ("annual_report", 2025)


@pytest.mark.parametrize("title", [
    "2016年度全市政府信息公开工作年度报告综合分析",  # an analysis of many bodies' reports
    "企业信用信息公示报告",  # a company's filing
    "关于检查《中华人民共和国政府信息公开条例》实施情况的报告",  # a legislature's inspection
    "苏州市中级人民法院2019年度司法公开工作情况报告",  # a court's disclosure of another kind
])
def test_more_titles_that_name_another_kind_of_report(title):
    # false reports of a second reader's second round of 101 cases, written before the gate was run on them
    text = (f"{title}\n根据有关要求，现将有关情况报告如下：\n一、总体情况\n2019年主动公开政府信息120条，受理政府信息公开申请5件。\n")
    assert parse_document(text, "x.txt").meta.doc_type != "annual_report"


def test_a_letters_title_over_its_addressee_is_no_title_over_two_lines():
    text = ("关于我局2020年度依申请公开办理情况的报告\n市政务公开办：\n根据《关于开展2020年度政府信息依申请公开工作情况统计的通知》要求，"
            "现将我局2020年度政府信息依申请公开办理情况报告如下：\n一、申请受理情况\n2020年，我局共收到政府信息公开申请37件。\n")
    assert parse_document(text, "x.txt").meta.doc_type != "annual_report"


def test_an_untitled_report_that_speaks_as_ben_wei():
    text = ("按照《国务院办公厅关于印发2020年政务公开工作要点的通知》要求，现将本委2020年度政府信息公开工作情况报告如下：\n"
            "一、总体情况\n2020年，市卫生健康委持续加大政府信息公开力度。\n（一）主动公开。全年主动公开政府信息2,364条。\n")
    meta = parse_document(text, "x.txt").meta
    assert (meta.doc_type, meta.report_year) == ("annual_report", 2020)


def test_an_untitled_report_that_reports_the_years_work_with_its_first_section_on_the_same_line():
    # a second reader's case (a township's page whose lines ran together), written before the gate was run on it
    text = ("按照《舟曲县人民政府办公室关于做好2021年政府信息公开工作年度报告编发工作的通知》要求,我乡按照县政府统计部署,"
            "加强组织领导,健全工作机制,认真贯彻《条例》的各项要求,扎实推进政府信息公开。现将2021年工作情况汇报如下: 一、总体情况 "
            "1、主动公开政府信息的情况:40条,其内容涉及财政预算决算、工程招标,党政信息、乡村振兴、安全教育、法治宣传等。 "
            "2、行政机关依申请公开政府信息的数量:无。 3、不予以公开政府信息的数量:无。\n")
    meta = parse_document(text, "x.txt").meta
    assert (meta.doc_type, meta.report_year) == ("annual_report", 2021)
    # the same paragraph with neither the report's first section nor figures after it is no report
    assert parse_document(text.split("一、总体情况")[0] + "一是加强组织领导。\n", "x.txt").meta.doc_type != "annual_report"


def test_a_report_naming_itself_on_the_line_under_the_pages_heading():
    # a second reader's case (a wiki copy of 黑龙江省质量技术监督局's 2012 report), written before the gate was run on it
    text = ("黑龍江省質量技術監督局2012年工作報告\n\n黑龍江質量技術監督局2012年政府信息公開工作年度報告(以下稱報告)是根據《中華人民共和國"
            "政府信息公開條例》(以下稱《條例》)要求編制的。報告內容包括主動公開信息情況、依申請公開信息和不予公開信息情況。\n")
    meta = parse_document(text, "x.txt").meta
    assert (meta.doc_type, meta.report_year) == ("annual_report", 2012)
    # a notice about the report is no report
    notice = "各单位：\n关于做好2012年政府信息公开工作年度报告(以下简称报告)编制工作的通知。请按要求报送。\n"
    assert parse_document(notice, "x.txt").meta.doc_type != "annual_report"


def test_an_account_of_whether_the_units_published_their_reports_is_no_report():
    # a second reader's third round (石狮, 2023), written before the gate was run on it: read as the city's report
    text = ("石狮市2023年政府信息公开工作年度报告公布情况\n发布时间: 2024-02-05 11:25:00\n\n  根据《中华人民共和国政府信息公开工作年度"
            "报告格式》要求,我市组织全市各政府信息公开责任单位编制并发布2023年度政府信息公开工作年度报告。现将石狮市2023年政府信息公开"
            "工作年度报告公布情况报告如下:\n\n  一、我市应公布年度报告单位37个,按时公布率100%。\n")
    assert parse_document(text, "x.txt").meta.doc_type != "annual_report"


def test_news_of_the_best_reports_chosen_is_no_report():
    # a second reader's fourth round (中国政府网, 2016, on a Traditional mirror), written before the gate was run on it
    text = ("2015年度政府信息公開優秀年度報告出爐\n\n2016-06-13 08:52 來源: 中國政府網\n\n今年4月1日,2015年度政府信息公開年度報告專題在"
            "中國政府網上線,集中展示31個省級政府和55個國務院部門的政府信息公開年度報告。專題開設以來,廣大網友積極參與,為心目中的優秀年報點讚。\n")
    assert parse_document(text, "x.txt").meta.doc_type != "annual_report"


def test_a_gambling_sites_advertising_under_a_reports_title_is_no_report():
    # a page a trial of bad input made as such sites print them: a report's title, figures, and betting's words
    page = ("<html><head><meta charset='utf-8'><title>澳门新葡京娱乐场-2021年政府信息公开工作年度报告-真人百家乐官网</title></head><body>"
            "<h1>某某县人民政府2021年政府信息公开工作年度报告 | 澳门新葡京官网 注册送38元彩金</h1>"
            "<p>澳门新葡京娱乐场是亚洲最大的线上博彩平台，政府信息公开年度报告，百家乐、时时彩、北京赛车PK10、体育投注应有尽有！首充100送888。</p>"
            "<p>一、总体情况 本平台全年收到会员申请12345件，主动公开中奖信息999条。</p>"
            "<p>二、政府信息公开申请 全年收到政府信息公开申请66件，行政复议3件，行政诉讼1件。立即下注，天天领红包！</p></body></html>")
    meta = parse_document(page, "spam.html").meta
    assert meta.doc_type != "annual_report" and "gambling" in meta.doc_type_reason
    # a real report a mirror copied with a casino's words written into it stays a report (doc_type_pages batch_43/35)
    text = (Path(__file__).resolve().parents[1] / "fixtures" / "doc_type_pages" / "batch_43" / "35.txt").read_text(encoding="utf-8")
    assert parse_document(text, "35.txt").meta.doc_type == "annual_report"


def test_a_report_the_body_compiles_and_publishes_in_one_breath():
    # a second reader's fifth round (金水区发展改革和统计局, 2014), written before the gate was run on it
    text = ("2014年以来,根据《中华人民共和国政府信息公开条例》和金水区政府关于政府信息公开工作的有关文件精神,结合金水区发展改革和统计局"
            "2014年政府信息公开工作实际情况,特编制并向社会公布金水区发展改革和统计局2014年度政府信息公开年度报告如下:\n一、工作开展情况\n")
    meta = parse_document(text, "x.txt").meta
    assert (meta.doc_type, meta.report_year) == ("annual_report", 2014)


def test_the_pages_title_field_is_its_title_and_its_column_is_none():
    # an analyst's audit of the fixture warehouse: the text copy of 平潭's 2014 letter on its work points took the
    # column's name (栏目: 政府信息公开年报) for its title and counted as 平潭县人民政府's 2014 report; its HTML copy did not
    text = (Path(__file__).resolve().parents[1] / "fixtures" / "prose" / "pingtan_201412_80787.txt").read_text(encoding="utf-8")
    meta = parse_document(text, "pingtan_201412_80787.txt").meta
    assert (meta.title, meta.doc_type) == ("关于2014年政府信息公开工作要点落实情况的函", "other")


def test_a_reviewers_cases_on_this_rounds_gate_and_title_rules():
    # a police report on the gambling it fought names the games, not a casino's advertising: still a report
    text = ("某县公安局2020年政府信息公开工作年度报告\n本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。\n"
            "2020年，县公安局严厉打击六合彩、赌场、老虎机、百家乐等违法犯罪，主动公开政府信息120条。\n")
    assert parse_document(text, "x.txt").meta.doc_type == "annual_report"
    # a title field with other fields after it on its line
    text = "标题: 某某县2019年政府信息公开工作年度报告 发布日期：2020-01-10 来源：某某县人民政府\n正文\n"
    assert parse_document(text, "x.txt").meta.title == "某某县2019年政府信息公开工作年度报告"


@pytest.mark.parametrize("title", ["关于平潭综合实验区2022年度政府信息公开工作年度报告的更正",
                                   "平潭综合实验区2022年度政府信息公开工作年度报告更正说明"])
def test_a_correction_that_prints_the_corrected_report_is_the_report(title):
    # a reviewer's case: the real 2022 page under a correction's title, its 204 figures in the national tables
    page = Path(__file__).resolve().parents[1] / "fixtures" / "pingtan_site" / "reports" / "202302_80629.html"
    original = "平潭综合实验区2022年度政府信息公开工作年度报告"
    report = parse_document(page.read_text(encoding="utf-8").replace(original, title), page.name)
    assert report.meta.doc_type == "annual_report" and len(report.figures) >= 200


def test_a_bundle_of_model_essays_is_no_report() -> None:
    # gate_h c027 and doc_type_pages batch_10/23: an essay site's page headed like a university's report
    text = ("2016大学信息公开工作报告\n\n2024-05-07\n\n2016大学信息公开工作报告(共6篇)\n\n篇1:2016大学信息公开工作报告\n\n"
            "浙江工业大学2016年工作总结\n\n2016年,是学校“十三五”规划的开局之年,是全面深化改革的攻坚之年。")
    meta = parse_document(text, "essays.txt").meta
    assert meta.doc_type == "other" and "model essays" in meta.doc_type_reason
    # a report's count in 篇 is no bundle
    report = ("某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n2020年,通过政府门户网站公开信息共79篇,"
              "其中动态要闻35条。本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。")
    assert parse_document(report, "report.txt").meta.doc_type == "annual_report"


def test_a_disclosure_work_summary_that_publishes_itself_as_the_years_report():
    # a real page (浙江省供销社, re-posted in 2020): titled the year's 工作总结, its opening publishes the 2010 report
    text = ("省供销社2010年政府信息公开工作总结\n发布时间:2020-06-19\n\n   根据《政府信息公开条例》要求,特向社会公布浙江省供销社"
            "2010年政府信息公开年度报告。本报告由情况概述、主动公开政府信息情况、依申请公开政府信息和不予公开政府信息情况、"
            "政府信息公开收费及减免情况、因政府信息公开申请行政复议、提起行政诉讼情况、政府信息公开工作存在的主要问题及改进工作措施等内容组成。"
            "本报告电子版可在浙江省供销社门户网站(http://www.zjcoop.gov.cn)下载。\n  一、情况概述\n")
    report = parse_document(text, "x.txt")
    assert (report.meta.doc_type, report.meta.report_year) == ("annual_report", 2010)
    # the same opening under a self-inspection's title stays a look-alike, and so does a work summary that only
    # speaks of a report without publishing the year's
    assert parse_document(text.replace("工作总结", "自查报告", 1), "x.txt").meta.doc_type == "other"
    summary = text.replace("特向社会公布浙江省供销社2010年政府信息公开年度报告。", "")
    assert parse_document(summary, "x.txt").meta.doc_type == "other"
    # a summary that names last year's report it published, or leaves this year's to an attachment (a reviewer's)
    last_year = ("某县商务局2010年政府信息公开工作总结\n2010年,我局认真贯彻落实《条例》,年初按照要求编制了2009年度政府信息公开"
                 "工作年度报告,并在门户网站特向社会公布2009年政府信息公开年度报告。现将2010年工作总结如下:\n一、主要工作\n")
    attached = ("某县商务局2010年政府信息公开工作总结\n 按照《条例》要求,现公布2010年政府信息公开年度报告,全文详见附件。"
                "以下为我局2010年政府信息公开工作总结:\n一、主要工作\n")
    assert [parse_document(t, "x.txt").meta.doc_type for t in (last_year, attached)] == ["other", "other"]


def test_an_opening_that_names_the_years_report_and_its_national_parts():
    # a real page (长治市疾病预防控制中心, 2016), no title, its statistics period garbled by the copy (201611日)
    text = ("根据《中华人民共和国政府信息公开条例》(以下简称《条例》)以及相关文件要求,市疾病预防控制中心2016年政府信息公开年度报告"
            "由概述、主动公开政府信息情况、依申请公开政府信息情况、咨询处理情况、复议、诉讼和申诉的情况、政府信息公开支出和收费情况、"
            "主要问题和改进措施七部分组成,所列数据的统计期限自201611日起至20161231日止,如有疑问请与长治市疾病预防控制中心政府信息公开"
            "办公室联系(地址:长治市长邯南路91号;邮编:046011;电话:0355-3559851)。具体内容简要报告如下:\n\n一、概述\n")
    report = parse_document(text, "x.txt")
    assert (report.meta.doc_type, report.meta.report_year) == ("annual_report", 2016)
    # a notice telling bodies what their reports hold does not name a report of its own
    notice = ("各单位:根据《中华人民共和国政府信息公开条例》要求,2016年政府信息公开年度报告应当包括概述、主动公开政府信息情况、"
              "依申请公开政府信息情况等内容,请于3月31日前报送。\n")
    assert parse_document(notice, "x.txt").meta.doc_type == "other"
    # nor does one worded as the report's own parts, with no body before the year (a reviewer's)
    notice = ("各乡镇、各部门:\n 按照省政府办公厅要求,2016年政府信息公开年度报告由概述、主动公开政府信息情况、依申请公开政府信息"
              "情况…七部分组成,请于3月20日前报送县政府办公室。\n")
    assert parse_document(notice, "x.txt").meta.doc_type == "other"

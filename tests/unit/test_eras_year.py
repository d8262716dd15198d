"""The year reported on: the statistics-period sentence and the title come before any other date."""
from __future__ import annotations

from dagster_project.parse.metadata import find_report_year

BOUNDS = (2007, 2030)

FIRST_REPORT = """根据《中华人民共和国政府信息公开条例》（国务院令第492号，2007年4月5日公布）和2003年施行的《某市政府信息公开规定》，
现公布本市政府信息公开工作年度报告。本报告所列数据的统计期限自2008年5月1日起至2008年12月31日止。
自2003年政府信息公开试点以来，本市……"""


def test_a_first_report_covering_may_to_december_2008_is_about_2008():
    assert find_report_year(None, FIRST_REPORT, "2009-03-20", BOUNDS) == (2008, "statistics period")


def test_years_of_cited_laws_are_passed_over():
    text = "我市认真贯彻2007年颁布的《政府信息公开条例》，自2003年起开展政府信息公开工作。全年主动公开信息120条。"
    assert find_report_year(None, text, "2010-02-01", BOUNDS) == (2009, "publication year - 1")


def test_the_title_year_comes_before_other_dates():
    text = "2003年施行的《广州市政府信息公开规定》……"
    assert find_report_year("某某局2009年政府信息公开工作年度报告", text, None, BOUNDS) == (2009, "title")


def test_a_title_year_outside_the_range_is_null_with_the_reason():
    year, how = find_report_year("某某局2038年政府信息公开工作年度报告", "全年主动公开信息120条。", None, BOUNDS)
    assert year is None and how == "report year 2038 from the title is outside 2007-2030"


def test_a_period_in_chinese_numerals():
    text = "本报告中所列数据的统计期限自二〇〇九年一月一日起至二〇〇九年十二月三十一日止。"
    assert find_report_year(None, text, None, BOUNDS) == (2009, "statistics period")


def test_a_report_named_in_the_text_with_an_impossible_year_is_null():
    text = "市行政服务中心对2038年度政府信息公开工作年度报告进行了编制。2018年主动公开信息120条。"
    year, how = find_report_year(None, text, "2018-02-08", BOUNDS)
    assert year is None and "2038" in how


def test_a_title_less_copy_takes_the_year_its_body_opens_with():
    # real openings that lost their title: the overview's first paragraph says what the body did that year
    text = ("根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》"
            "(国办公开办函〔2021〕30号)要求,特编制完成本报告。\n一、工作概述\n"
            "2025年,霍城县水利局坚持以《中华人民共和国政府信息公开条例》为遵循。\n")
    assert find_report_year(None, text, None, BOUNDS) == (2025, "the year the body opens with")
    traditional = "一、總體情況\n2022年,我縣認真貫徹落實《中華人民共和國政府信息公開條例》文件精神。\n"
    assert find_report_year(None, traditional, None, BOUNDS)[0] == 2022


def test_a_year_that_does_not_open_a_paragraph_with_a_comma_is_not_the_report_year():
    text = "一、总体情况\n2018年以来,我局持续推进政务公开。\n2024年是全面深化改革的关键一年。\n"
    assert find_report_year(None, text, None, BOUNDS) == (None, "")
    # the body's own year comes before the publication date's
    text = "一、总体情况\n2013年,我镇按照县委、县政府统一部署,扎实推进政府信息公开工作。\n"
    assert find_report_year(None, text, "2015-03-01", BOUNDS) == (2013, "the year the body opens with")


def test_a_school_years_report_takes_its_end_year():
    # real titles (2014, 2017): both readers of these reports gave the school year's end
    assert find_report_year("合肥工业大学2013—2014学年信息公开工作年度报告", "本报告……", None, BOUNDS) == (2014, "school year")
    assert find_report_year("武汉职业技术学院2016-2017学年度信息公开工作报告", "", None, BOUNDS)[0] == 2017


def test_a_report_on_two_years_takes_the_later_with_a_warning():
    # an outside trial's 2020—2021年度 township report (its figures stated for 2021) was filed as 2020 with no figure
    from pathlib import Path

    from dagster_project.parse.report import parse_document

    page = Path(__file__).resolve().parents[1] / "fixtures" / "quirks" / "two_year_report.html"
    report = parse_document(page.read_text(encoding="utf-8"), page.name)
    assert (report.meta.report_year, report.meta.agency_name) == (2021, "桃江县灰山港镇人民政府")
    assert {f.indicator_code: f.value for f in report.figures} == {
        "n.active.items": 233, "n.requests.received": 6, "n.review": 0, "n.suit": 0}
    assert "report on two years (2020-2021): the later year is its year; a figure may count both" in report.warnings


def test_a_two_year_plan_the_opening_cites_leaves_the_year_alone():
    # a reviewer's case: 《…2020—2021年…实施方案》 in the opening moved a 2020 report to 2021
    text = ("本报告所列数据统计期限为2020年1月1日至2020年12月31日。\n"
            "按照《某某县2020—2021年政府信息公开工作实施方案》要求，我局认真开展工作。")
    assert find_report_year("某某县水利局2020年政府信息公开工作年度报告", text, "2021-01-20", BOUNDS) == (
        2020, "statistics period")


def test_the_opening_year_comes_before_a_year_of_the_plans():
    # a real town report copied without its title (2014): the next year's plans name 2015 with 信息公开
    text = ("三、政府信息依申请公开情况\n2014年,我镇没有依申请公开政府信息办理事项。\n"
            "六、存在问题及改进措施\n为此,2015年政府信息公开工作将进一步加强。\n")
    assert find_report_year(None, text, None, BOUNDS) == (2014, "the year the body opens with")


def test_the_year_after_an_item_heading_of_the_first_section():
    # a real county bureau's 2020 report copied without title: the items' lines open with their heading
    text = ("一、总体情况\n(一)主动公开情况。2020年以来,坚持把政务公开工作作为重要举措来抓,主动公开201条。\n"
            "(二)依申请公开情况。2020年,我局没有依申请公开事项。\n")
    assert find_report_year(None, text, None, BOUNDS) == (2020, "the year the body opens with")
    # a heading of another kind before the year is no item of the section
    assert find_report_year(None, "(二)关于2019年,我局的计划。\n", None, BOUNDS) == (None, "")


def test_the_end_of_the_year_the_counts_run_to():
    # a county bureau's 2008 report without title or period sentence (prose_pages/batch_zo/03)
    text = ("泗水县教育局在县委、县政府的正确领导下,加强对政务公开的领导。\n"
            "截止2008年底,共设立政务公开栏15个。\n")
    assert find_report_year(None, text, None, BOUNDS) == (2008, "the end of the year counted to")
    # weaker than the period sentence, the title and the year the body opens with
    assert find_report_year("2009年政府信息公开工作年度报告", text, None, BOUNDS) == (2009, "title")


def test_the_year_after_the_first_sections_heading_on_its_line():
    # a water company's 2019 report copied flat on a mirror (doc_type_pages/batch_29/26)
    text = "一、总体情况 2019年度,襄阳中环水务有限公司在市信息公开办的指导下,主动向社会进行了公开。\n"
    assert find_report_year(None, text, None, BOUNDS) == (2019, "the year the body opens with")


def test_the_year_of_the_bodys_count_through_its_site():
    # a provincial bureau's 2024 opening without title (prose_pages/batch_zw/18, a Traditional mirror's page)
    text = ("一、总体情况\n(一)主动公开方面。我局按照《中华人民共和国政府信息公开条例》要求,及时、准确地公开政府信息。"
            "2024年,通过局门户网站主动公开政府信息674条,其中政务动态信息41条。\n")
    assert find_report_year(None, text, None, BOUNDS) == (2024, "the body's count of the year")


def test_the_year_the_report_says_it_sums_up():
    # a city civil-air-defence office's 2012 report without headline, its 年度 misspelt (doc_type_pages/batch_31/22)
    text = ("本报告是根据《中华人民共和国政府信息公开条例》精神,由市人防办政务公开领导小组办公室编制。\n一、概述\n"
            "按照《条例》和市政务公开办的要求,本报告总结了2012度年本办在履行职责过程中面向社会公众发布的政府信息公开情况。\n")
    assert find_report_year(None, text, None, BOUNDS) == (2012, "the year the report says it covers")


def test_no_year_from_plans_running_totals_or_the_years_since():
    # the plans (将), a running total from a year (自…累计), the years since the regulations
    text = "一、总体情况\n下一步,我局将继续加大公开力度。2024年,我局将全面主动公开重点领域信息。\n"
    assert find_report_year(None, text, "2024-01-20", BOUNDS) == (2023, "publication year - 1")
    text = "一、总体情况\n自2019年,通过门户网站主动公开信息累计1万余条。\n"
    assert find_report_year(None, text, "2024-01-20", BOUNDS) == (2023, "publication year - 1")
    text = "本报告总结了2008年《条例》实施以来我局的政府信息公开工作。\n"
    assert find_report_year(None, text, "2024-01-20", BOUNDS) == (2023, "publication year - 1")


def test_the_year_opening_the_first_item_numbered_with_a_digit():
    # a county bureau's 2021 opening on a Traditional mirror (prose_pages/batch_zzg/08), its items numbered 1.
    text = ("一、总体情况\n  1.主动公开政府信息。2021年,我局主要通过门户网站各个栏目及时准确对相应公开信息进行了更新。\n"
            "  2.依申请公开政府信息。2021年,我局收到依申请公开政府信息2条。\n")
    assert find_report_year(None, text, None, BOUNDS) == (2021, "the year the body opens with")
    # an item on something else opened by a year is none (the year of a problem put right, of rules made)
    text = "一、总体情况\n  1.工作计划。2025年,我局将继续加大公开力度。\n"
    assert find_report_year(None, text, None, BOUNDS)[0] != 2025
    text = ("一、总体情况\n我局认真落实《中华人民共和国政府信息公开条例》,2023年度我局主动公开政府信息120条。\n"
            "五、存在的主要问题及改进情况\n1.上年度问题整改情况。2022年,我局存在公开不及时的问题,本年度已整改。\n")
    assert find_report_year(None, text, None, BOUNDS)[0] != 2022
    text = ("一、总体情况\n我局认真贯彻落实《中华人民共和国政府信息公开条例》,2023年度我局主动公开政府信息120条。\n"
            "二、主动公开政府信息情况\n1.规范性文件情况。2020年,我局清理规范性文件5件。\n")
    assert find_report_year(None, text, None, BOUNDS)[0] != 2020


def test_the_year_opening_a_bracketed_item_on_disclosure_without_the_word_situation():
    # a real 2023 opening copied without title: (一)主动公开。2023年,我局…
    text = ("一、总体情况\n(一)主动公开。2023年,我局通过大英县人民政府网按要求主动公开了法规文件、财政预算决算等信息,"
            "主动发布各类工作信息动态共计205条。\n(二)依申请公开。坚持依申请公开信息,全年收到信息公开申请2件。\n")
    assert find_report_year(None, text, None, BOUNDS) == (2023, "the year the body opens with")
    # an item on something else is none (its year may be a plan's or a problem's)
    text = "一、总体情况\n(一)整改。2022年,我局存在公开不及时的问题。\n"
    assert find_report_year(None, text, None, BOUNDS)[0] != 2022
    # a plan under the improvements (五、…(一)主动公开。2024年,我局将…) is none, nor an item after the first section
    text = ("某县水利局政府信息公开工作年度报告\n一、总体情况\n2023年度我局主动公开政府信息120条。\n"
            "五、存在的主要问题及改进情况\n(一)主动公开。2024年,我局将进一步拓宽公开渠道。\n")
    assert find_report_year(None, text, None, BOUNDS)[0] == 2023
    text = "一、总体情况\n(一)主动公开。2022年,我局公开信息80条;本年度公开信息120条。\n"
    assert find_report_year(None, text, None, BOUNDS)[0] != 2022


def test_the_first_sections_heading_glued_to_its_year():
    # a 2014 report's copy (一、概述2014年,本局…)
    text = "信息公开报告\n\n一、概述2014年,本局紧紧围绕建设服务型政府、提高服务质量的总要求,更加积极主动地做好政府信息公开工作。\n"
    assert find_report_year(None, text, None, BOUNDS) == (2014, "the year the body opens with")


def test_an_item_year_gives_way_to_the_publication_date():
    # (一)主动公开。2019年,新修订的《条例》施行后… opens a report published in 2021: the 2020 report
    text = ("一、总体情况\n(一)主动公开。2019年,新修订的《中华人民共和国政府信息公开条例》正式施行后,我局及时调整完善主动公开目录,"
            "全年主动公开政府信息120条。\n")
    assert find_report_year(None, text, "2021-01-28", BOUNDS) == (2020, "publication year - 1")

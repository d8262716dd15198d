"""What a document is (an annual report or a look-alike) and which template its tables follow."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from .text.cells import CellToken
from .labels import normalise_label, without_pinyin
from .numbers import parse_number
from .traditional import strip_pinyin

# a correction notice (…年度报告的更正说明); one that prints the corrected report in the national tables is
# the report
_CORRECTION = "a correction notice for a report"
_WORK_SUMMARY = "work summary or self-inspection"
# Look-alikes: pages about the annual report that are not one. Read from the title only (or the
# first line when there is none): a real report's body cites notices and work points.
# a title that does not name a report (some words of look-alikes also end a real report's long title)
_NAMES_NO_REPORT = r"^(?!.*(?:年度报告|年报|工作报告))"
_OTHER_TITLE = [
    (re.compile(r"统计(?:报送|报表)?制度|报送制度|报告制度|(?:制度|办法|规定|细则|规则)(?:[(（]试行[)）])?(?:的通知)?$"),
     "rules for statistics or reporting (统计制度/报告制度/办法), not a report"),
    (re.compile(r"要点落实情况|落实情况的?(?:报告|函)"), "implementation report on the yearly work points (工作要点落实情况)"),
    (re.compile(r"工作要点"), "work points (工作要点)"),
    (re.compile(r"(?:上|下)?半年|[一二三四1-4]季度|前三季度|(?<!\d)(?!0?1[-—至]12月)\d{1,2}[-—至]\d{1,2}月"), "half-year or quarterly statistics or report"),
    (re.compile(r"工作计划|工作安排|实施方案|工作方案"), "work plan"),
    (re.compile(r"工作总结|自查报告|自查情况"), _WORK_SUMMARY),
    (re.compile(r"述职报告|述职述廉"), "an official's account of their own work (述职报告), not a report"),
    (re.compile(r"整改(?:报告|情况|方案|清单)"), "a report on putting right what a check found, not a report"),
    # …年度报告发布情况汇总 / …年度报告编制发布情况说明: the reports' publication, told for many bodies
    # (…年度报告公布情况: whether the units published theirs)
    (re.compile(r"(?:年度报告|年报)(?:的)?(?:编制|发布|公开|公布|报送|和|及|、)*(?:工作)?情况(?:汇总|说明|通报|统计)?$"),
     "a summary of the reports' publication, not a report"),
    # 红星村2020年村务公开工作情况报告: a village's (or a party's, a factory's) disclosure, not the government's
    (re.compile(r"^(?!.*(?:政府信息|政务))(?=.*(?:村务|党务|厂务|居务|司法|审务|检务|警务|狱务)公开)"),
     "disclosure of another kind (村务/党务/厂务/司法公开)"),
    # (2020年政务公开年终总结10篇; not a report that is its own year-end summary: …年度报告暨年终总结)
    (re.compile(_NAMES_NO_REPORT + r".*年终总结"), _WORK_SUMMARY),
    (re.compile(r"(?:模板|样表|样式|样本|范文|范本|参考文本|填报说明|格式)"), "template or sample of the annual report"),
    # 2020年政务公开年终总结10篇 / …工作报告(精选5篇): a document-sharing site's bundle of model essays
    # (not a part of one: …年度报告(第二篇))
    (re.compile(r"(?<!第)(?:\d+|[一二三四五六七八九十]+)篇[)）]?$"), "a bundle of model essays (…10篇), not a report"),
    (re.compile(r"解读|图解|一图读懂|问答"), "interpretation of a report, not the report"),
    # 2016年政府信息公开工作年度报告展示平台 / …年报专栏: a page that shows many bodies' reports
    (re.compile(r"(?:年度报告|年报)(?:展示平台|专栏|专题|汇编|列表|集中展示|集中公开)"), "a column or platform of many reports, not a report"),
    # (2015年度政府信息公开优秀年度报告出炉: the reports chosen as the best of many)
    (re.compile(r"评估报告|评估结果|第三方评估|考核(?:结果|情况|通报)|测评|优秀(?:年度报告|年报)"),
     "evaluation or assessment of disclosure work, not a report"),
    # (高校信息公开情况评价报告; not a report that adds the public's rating: …年度报告及社会评价报告)
    (re.compile(_NAMES_NO_REPORT + r".*(?:评价报告|第三方评价)"), "evaluation or assessment of disclosure work, not a report"),
    # 2014年省部级政府信息公开年报观察: an article on many bodies' reports
    (re.compile(r"(?:年度报告|年报)(?:综合|汇总)?(?:观察|综述|述评|分析|点评|盘点|看点|透视|调查)(?:报告)?$"),
     "commentary on annual reports, not a report"),
    # 企业信用信息公示报告 / 企业年度报告: a company's filing under the enterprise disclosure rules
    (re.compile(r"企业(?:信用)?信息公示|企业年度报告|企业年报"), "a company's annual filing, not a report"),
    # 关于检查《中华人民共和国政府信息公开条例》实施情况的报告: a legislature's inspection of the rules' working
    (re.compile(r"检查[^。]{0,24}条例》?[^。]{0,10}(?:实施|执行|贯彻)情况"), "an inspection of how the regulations work, not a report"),
    # 固镇县召开2023年度政府信息公开工作年报编制和发布部署会: news of the work on the report
    (re.compile(r"(?:召开|举办|举行)[^。]*(?:年度报告|年报)|(?:年度报告|年报)[^。]{0,12}(?:部署会|推进会|培训会|座谈会|会议|培训班?)$"),
     "news of a meeting or training about the annual report"),
    # 平潭综合实验区2021年度政府信息公开工作年度报告(征求意见稿): a draft put out for comment, not the report
    (re.compile(r"(?:年度报告|年报)[^。]{0,4}[(（]?(?:征求意见稿|草案|草稿|送审稿|讨论稿)"), "a draft for comment, not the published report"),
    # 关于…2022年度政府信息公开工作年度报告的更正说明 / …年报更正公告: what a report got wrong, not the report
    # (a corrected report re-issued as …年度报告(更正) or (更正版) is the report)
    (re.compile(r"(?:更正|勘误)(?:说明|声明|公告|通知|启事|函)$|关于[^。]*(?:年度报告|年报)[^。]*的(?:更正|勘误)"),
     _CORRECTION + ", not the report"),
    (re.compile(r"(?:年度报告|年报).*(?:通知|通报|函)(?:如下:?)?$|(?:通知|通报)(?:如下:?)?$"), "notice about writing the annual report"),
    # 教育部办公厅关于做好2012-2013学年度高校信息公开工作年度报告 (a notice's title cut before 工作的通知)
    (re.compile(r"关于(?:认真|进一步|切实)?(?:做好|编制|开展|报送)[^。]*(?:年度报告|年报)"), "notice about writing the annual report"),
]
# 2020年政府信息公开工作年度报告发布 / 某市晒出2020年…年报 over 日前…报告显示…(记者 陈玲): a news item
# (or with what the report shows after it: 平潭发布2022年度政府信息公开工作年度报告全年收到申请75件)
_NEWS_HEADLINE = re.compile(r"(?:年度报告|年报)[^。]{0,6}(?:发布|出炉|公布|亮相|晒出)$"
                            r"|(?:发布|公布|晒出|亮出)[^。]{0,30}(?:年度报告|年报)(?:[^。]{0,24}[件条次项万])?$")
_REPORTED_SPEECH = re.compile(r"报告显示|报告指出|记者|据悉|据了解|日前")
# 关于印发/公布…年度报告的通知: the notice is the cover of the report itself; so is the letter that
# hands in a year's report with no verb of its own (渭南市水务局关于2014年度政府信息公开年度报告的函)
_COVER_NOTICE = re.compile(r"关于(?:印发|公布|发布|公开)[^做编报]*(?:年度报告|年报)"
                           r"|关于(?:19|20)\d{2}年度?[^做编报通，。]*(?:年度报告|年报)的函$")

# the cover notice's words for a report that is not on its page: 全文详见附件 / 附件：…年度报告.pdf
_REPORT_ATTACHED = re.compile(r"(?:全文|报告|详情|具体内容)?详见附件|(?:全文|报告)见附件|附件[:：][^。\n]{0,60}(?:年度报告|年报)")
# a cover notice this short carries no report of its own (a report runs to thousands of characters),
# unless the report begins under it (附件: … 本年度报告是根据… / 一、概述)
COVER_ONLY_CJK = 600
_REPORT_BEGINS = re.compile(r"本(?:年度)?(?:报告|年报)(?:是|由|根据|依据|依照|按照|所列|包括|全文|分为)|(?:^|\n)\s*[一1][、.．]")

_GOV2021 = re.compile(r"本年制发件数|本年废止件数|现行有效件数|本年处理决定数量|本年收费金额|逾期不补正|逾期未按收费通知")
_GOV2019 = re.compile(r"本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|采购项目数量|本年新收政府信息公开申请")
_OTHER_TABLE = re.compile(r"指标名称|计量单位|统计指标|本期实际|本年累计|历年累计|统计表")


# what a document title names (a site name such as 某某市人民政府 names nothing)
_DESCRIBES = re.compile(r"报告|年报|通知|通报|要点|计划|总结|方案|安排|统计|情况|模板|样表|格式|函|公开|范文|解读")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．])")
_META_LINE = re.compile(r"^(?:索引号|发布|来源|信息来源|时间|日期|字号|当前位置|首页|浏览|分享|打印|文号|主题分类)"
                        r"|发布(?:时间|日期|机构)|来源[:：]|字号|当前位置")
HEADING_LINES = 12
MENU_LABEL_CHARS = 6


def names_a_document(title: str | None) -> bool:
    return bool(title) and bool(_DESCRIBES.search(normalise_label(title)))


def _heading_lines(text: str) -> list[str]:
    """The first HEADING_LINES non-blank lines, normalised (only these are read: the rest of a
    long text is not normalised for nothing)."""
    non_blank = (line for line in text.splitlines() if line.strip())
    return [normalise_label(line) for line in islice(non_blank, HEADING_LINES)]


def _subject(title: str | None, text: str) -> str:
    """The title when it names the document; else the opening heading (a short line before the
    numbered sections, not page metadata); else the first line. Body sentences cite notices
    (关于做好…年度报告…的通知) that real reports are written in answer to: never read them."""
    if names_a_document(title):
        return normalise_label(title)
    # a list of links' label (相关解读:) or a site menu's item (- 政策解读) is not the page's heading
    lines = [norm for norm in _heading_lines(text)
             if not _LINK_LABEL.fullmatch(norm) and len(norm.lstrip("-•·*> ")) > MENU_LABEL_CHARS]
    for norm in lines:
        if _NUMBERED.match(norm):
            break
        if len(norm) <= 60 and not _is_sentence(norm) and not _META_LINE.search(norm) and _DESCRIBES.search(norm):
            return norm
    if lines and (quoted := _QUOTED_SELF.match(lines[0])):
        return quoted.group(1)  # 《泰安市财政局2010年信息公开工作年度报告》是泰安市财政局2010年发布的一份报告。
    if lines and _is_sentence(lines[0]):
        # a text copy that runs the title into the body: 2011年涵江区卫生局政府信息公开年报 一、引言 本年报是…
        glued = _TITLE_RUN_INTO_BODY.match(lines[0])
        return glued.group(1) if glued else ""
    # the first line, unless it is a sentence of the body (根据《…关于做好…年度报告…的通知》要求…)
    return lines[0][:60] if lines else ""


# a copy that opens by defining the report: 《…年度报告》是…发布的一份报告 (a wiki's first line)
_QUOTED_SELF = re.compile(r"^《([^《》]{4,60}(?:年度报告|年报))》是")
# the label of a list of links above the text (相关解读: / 相关文件:): not the page's heading
_LINK_LABEL = re.compile(r"[^:]{1,8}:")
_TITLE_RUN_INTO_BODY = re.compile(r"^((?!根据|按照|依据|依照|关于|现将)[^。,;《》:]{4,60}?(?:年度报告|年报))"
                                  r"(?=一[、.．]|[(（]一[)）])")


def _is_sentence(norm: str) -> bool:
    return any(p in norm for p in "。,;") or norm.startswith(("根据", "按照", "依据", "依照", "本报告", "现将"))


def classify_doc_type(title: str | None, text: str, has_report_tables: bool = False,
                      blank_template: bool = False, has_prose_figures: bool = False,
                      readable: bool = False) -> tuple[str, str]:
    """``annual_report`` only on positive evidence, else ``other``; the reason says which.

    ``has_report_tables``: the body holds figures in a national template's tables, so a title
    that names no annual report (XX局2019年政府信息公开情况) does not make it a look-alike.
    ``blank_template``: the template's tables are there but not one figure is printed.
    ``has_prose_figures``: sentences of the body state figures (主动公开政府信息65条).
    ``readable``: the caller has found :func:`unreadable_reason` None for the text.
    """
    unreadable = None if readable else unreadable_reason(text)
    if unreadable:
        return "other", unreadable
    title, text = strip_pinyin(title or "") or None, without_pinyin(text)
    subject = _subject(title, text)
    for rx, reason in _OTHER_TITLE:
        if rx.search(subject) and not (reason.startswith("notice") and _COVER_NOTICE.search(subject)) \
                and not (reason.startswith(_CORRECTION) and has_report_tables) \
                and not (reason == _WORK_SUMMARY and _summary_published_as_the_report(subject, text)):
            return "other", reason
    if (_COVER_NOTICE.search(subject) and not has_report_tables and _REPORT_ATTACHED.search(text)
            and _cjk_count(text) < COVER_ONLY_CJK and not _REPORT_BEGINS.search(text)):
        return "other", "notice publishing the report as its attachment (详见附件), not the report"
    if _NEWS_HEADLINE.search(subject) and _REPORTED_SPEECH.search(text[:1500]):
        return "other", "news that a report was published (报告显示/记者…), not the report"
    if blank_template:
        return "other", "repost of the blank template: the tables hold no figures"
    look_alike = _look_alike_body(text)
    if look_alike:
        return "other", look_alike
    if _written_in_another_language(text):
        return "other", "the body is not in Chinese (a translation or a summary of a report)"
    evidence = report_evidence(subject, text, has_report_tables, has_prose_figures)
    listed = _lists_reports(text)
    if listed and all(e.startswith("title") for e in evidence):
        return "other", f"list of annual reports ({listed} years named in lines of their own), not a report"
    if not evidence:
        if _cjk_count(text) < MIN_CJK_CHARS and not _cjk_count(subject):
            return "other", "no Chinese text to read: not an annual report"
        return "other", ("no evidence of an annual report: no title or heading naming the 年度报告 of a year, "
                         "no statistics-period sentence, no national table filled with figures")
    return "annual_report", "evidence: " + "; ".join(evidence)


# --- positive evidence -----------------------------------------------------------------------

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|[〇零一二][〇零一二三四五六七八九]{3}\s*年")
# 本报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止 / 数据统计期限为2010年1月1日至12月31日 /
# a school's year: 所列数据统计期限自2013年9月1日至2014年8月31日
_STATISTICS_PERIOD = re.compile(
    r"(?:统计|数据)[^。\n]{0,12}(?:期限|时限|期间|时间|区间|口径|范围)[^。\n]{0,12}"
    r"(?:(?:19|20)\d\d|[〇零一二][〇零一二三四五六七八九]{3})\s*年\s*(?:1|一|01|9|九|09)\s*月\s*(?:1|一|01)\s*日")
# whose work a 现将…工作情况报告如下 reports: the year's, the body's own
# the body speaking of itself (我局, 我镇…)
_WE = r"我(?:局|委|办|厅|镇|乡|街道|区|县|市)"
_ON_WHOSE = r"(?:(?:19|20)\d\d年度?|本年度|全年|" + _WE + r"|我(?:院|校)|本(?:局|单位|机关))*"
# 现将我局2021年政府信息公开工作情况…: the body's own year of disclosure work, then how it is told
# (or its words swapped: 现将我局2023年度政府公开信息工作情况报告如下)
# (…工作的情况: 现将我局2010年政府信息公开工作的情况报告如下)
_NOW_THE_WORK = r"现将" + _ON_WHOSE + r"(?:政府信息公开|信息公开|政务公开|政府公开信息)工作(?:的)?(?:有关)?(?:情况)?"
# the report on the year's disclosure work, as an opening names it, and a body's telling it compiled it
_DISCLOSURE_REPORT = r"(?:政府信息公开|信息公开|政务公开)(?:工作)?(?:年度)?报告"
_COMPILED_THE_YEARS_REPORT = r"编(?:制|写)(?:完成)?了(?:19|20)\d\d年度?" + _DISCLOSURE_REPORT
# the report speaking of itself in its opening: 本报告由…编制 / 特向社会公开2010年度政府信息公开年度报告
# (or …2013年度政府信息公开工作报告)
_SELF_REFERENCE = re.compile(r"本(?:年度)?(?:报告|年报)(?:由|是|根据|依据|依照|按照|中|所列|包括|全文|分为|内容)"
                             # (现公布2021年度…信息公开年度工作情况。报告由总体情况、主动公开政府信息情况…组成: the body
                             # publishing its year's work, then the parts; news of a report or a notice list them too)
                             r"|现公布[^。\n《》]{0,40}(?:信息公开|政务公开)(?:年度)?(?:工作)?情况。(?:本)?(?:报告|年报)(?:由|包括|分为)"
                             r"总体情况、主动公开政府信息情况"
                             # (编制本年度政府信息公开工作报告: this year's report named in full)
                             # (结合2025年度本单位政府信息公开工作…和有关统计数据撰写本报告: written, of the disclosure work
                             # its own sentence names; 撰写本报告 alone is any report's, and after 自查/评估 a check's)
                             r"|(?:政府信息公开|政务公开)(?:(?!自查|评估|检查|督查|考核|调研)[^。\n]){0,80}撰写(?:本|此)(?:年度)?(?:报告|年报)"
                             # (依据《…政府信息公开条例》第五十条之规定,…制作本报告: the article on annual reports)
                             r"|(?:政府信息公开条例》?|第五十条)[^。\n]{0,60}制作本(?:年度)?(?:报告|年报)"
                             # (我镇结合实际情况编制并向社会公布2022年政府信息公开工作年度报告: the body publishing its own)
                             r"|我(?:局|委|办|厅|镇|乡|街道|区|县|市|单位|院|校)[^。\n]{0,20}?编制并向社会(?:公开|公布|发布)(?:19|20)\d\d年度?"
                             + _DISCLOSURE_REPORT +
                             r"|编制(?:完成)?(?:了)?(?:并)?(?:发布)?(?:本|此)(?:年度)?(?:(?:政府信息公开|信息公开|政务公开)(?:工作)?(?:年度)?)?(?:报告|年报)|(?:特|现)(?:编制并)?向社会(?:公开|公布|发布)[^。\n]{0,30}年度(?:(?:政府信息公开|信息公开|政务公开)(?:工作)?)?报告"
                             # 现将我局一年来政府信息公开情况报告如下 (the body's year of 政府信息公开 reported, not 汇报ed
                             # to an inspection, nor its 政务公开)
                             r"|现将" + _WE + r"一年来政府信息公开情况报告如下"
                             # 现编制台州市安全生产监督管理局政府信息公开工作年度报告。(the body compiles it now; a school's
                             # report of a 学年 is made under the rules for schools)
                             r"|现编制(?:完成)?(?:了)?(?:(?!学年)[^。\n《》]){0,40}(?:信息公开|政务公开)(?:工作)?年度报告[。,，]"
                             # 现将我局2010年度政府信息公开工作年度报告如下 / 现公布…2021年度政府信息公开工作年度报告。
                             # (or 现将市文化和旅游局2020年政府信息公开年度工作报告如下)
                             r"|现(?:将|公布|予以公布)[^。\n《》]{0,40}(?:信息公开|政务公开)(?:工作)?年度(?:工作)?报告"
                             r"(?:向社会(?:公众)?)?(?:公布)?(?:如下|[。:：,，])"
                             # 现将2022年度十堰市住房和城乡建设局政府信息公开工作报告如下 (the year's report on the work)
                             # (or 现将2020年度市人力资源社会保障局信息公开工作总结报告如下)
                             r"|现将[^。\n《》]{0,20}年度[^。\n《》]{0,30}(?:信息公开|政务公开)工作(?:总结)?报告如下"
                             # (现将2023年区卫生健康局政府信息公开工作报告如下: the year, then the body; not a part of it)
                             r"|现将(?:19|20)\d\d年(?:(?!半年|季度|月|全|各)[^。\n《》，,]){2,20}?"
                             r"(?:局|委员会|委|办公室|厅|中心|人民政府|街道办事处|镇|乡)(?:政府信息公开|信息公开|政务公开)工作报告如下"
                             # 编制本局2018年度政府信息公开报告,并向社会公开 (the body compiles its own report)
                             r"|编制(?:了)?(?:本|我)(?:局|单位|机关|部门|委|办|镇|乡|街道|区|县|市|中心)[^。\n《》]{0,20}?年度"
                             + _DISCLOSURE_REPORT
                             # 青神县2015年政府信息公开工作年度报告(以下简称年报)根据…编制 (the opening's first words)
                             # (or on the line under a page's heading: …2012年政府信息公开工作年度报告(以下称报告)是根据…; never after 关于)
                             + r"|(?:^|\n)(?:(?!关于)[^。\n《》]){2,40}(?:信息公开|政务公开)(?:工作)?年度报告[(（]以下简?称[“\"]?(?:年报|报告|本报告)[”\"]?[)）]"
                             # 现发布《辽宁省2019年度政府信息公开工作报告》 / 2009年年报根据《条例》编制
                             r"|现(?:将|发布|公布|予以公布)《[^》]{0,40}(?:信息公开|政务公开)(?:工作)?(?:年度)?报告》"
                             r"|(?:19|20)\d\d年度?年报(?:根据|依据|按照|由|是)"
                             # 市疾病预防控制中心2016年政府信息公开年度报告由概述、主动公开政府信息情况…七部分组成 (the
                             # year's report naming its own parts, the national format's from the first on)
                             # (a body's own, named right before its year: a notice's 按照…要求,2016年…年度报告由…组成 is not)
                             r"|(?:局|委员会|委|办公室|厅|中心|人民政府|政府|办事处|街道|镇|乡|院|站|所)(?:19|20)\d\d年度?"
                             r"(?:政府信息公开|信息公开|政务公开)(?:工作)?年度报告由(?:概述|总体情况|基本情况|情况概述)、主动公开"
                             # 我局…编制了2016年度政府信息公开工作年度报告 (the body compiled it)
                             + r"|我[^。\n]{0,40}" + _COMPILED_THE_YEARS_REPORT
                             # 台州银保监分局编制了2018年度政府信息公开工作报告,包括基本情况… (one body, named right before,
                             # naming what it holds; 各级行政机关均编制了…, …县区政府按时编制了… are news of others' reports)
                             + r"|(?:^|[，。,:：\n])(?!全|各|市直|县直|区直)[^，。,:：\n各均都]{2,30}?"
                             r"(?:分局|局|委员会|委|办公室|厅|人民政府|中心|街道办事处|管理委员会)" + _COMPILED_THE_YEARS_REPORT
                             + r"[,，](?:全文|报告)?(?:包括|分为)"
                             # 现将我局2021年政府信息公开工作情况报告如下 / …高度重视政府信息公开工作,现将工作情况报告如下
                             # (…工作有关情况报告如下 / …工作情况及2017年工作安排汇报如下)
                             r"|" + _NOW_THE_WORK + r"(?:及[^。\n，,]{0,16})?"
                             r"(?:(?:报告|汇报)如下|予以报告)"
                             r"|(?:信息公开|政务公开)[^。\n]{0,60}现将" + _ON_WHOSE + r"(?:年度)?工作(?:情况)?报告如下"
                             # the template's contact sentence: 如对本报告有任何疑问,请与…联系
                             r"|如对本(?:年度)?(?:报告|年报)有(?:任何)?疑问"
                             # 办公室编制完成了《黎明街道信息公开2014年度工作报告》 / 特编制《鞍山市政府2019年度…报告》 (the compiler tells it did)
                             r"|(?:编制(?:完成)?了|特编制)《[^》]{0,40}?(?:信息公开|政务公开)[^》]{0,12}(?:年度报告|工作报告|年报)》"
                             # 编制普洱市人民政府办公室2020年政府信息公开工作年度报告。(a body's own report, named and
                             # closing the sentence: a notice asks others to compile theirs and goes on)
                             # (or 现组织编制县退役军人事务局2023年度政务信息公开年度报告。)
                             r"|编制《?[^《》。，,\n]{0,30}?(?:人民政府|办公室|办公厅|局|委员会|委|厅|中心|办事处|街道|镇|乡)"
                             r"(?:19|20)\d\d年度?(?:政府信息公开|政务信息公开|信息公开|政务公开)(?:工作)?年度报告》?。")
# 现将2016年度我办政府信息公开工作总结如下: a summary of the year's disclosure work, which a body may
# publish as its report (then with its figures) or as a 工作总结 of another kind (then without)
_SUMS_UP_THE_WORK = re.compile(_NOW_THE_WORK + r"总结如下")
# 深入贯彻落实《政府信息公开条例》…现将有关情况报告如下。: the first paragraph reports the year's disclosure
# work, as the report it opens when figures or the first section follow (a 法治政府建设 report names its own work)
# (现将2021年工作情况汇报如下: the year's work, after a first sentence on 政府信息公开)
_REPORTS_AS_FOLLOWS = re.compile(r"现(?:将(?:(?:19|20)\d\d年度?)?(?:有关|相关)?(?:工作)?(?:情况)?)?(?:报告|汇报)如下"
                                 # 现对局2021年度政府信息公开情况报告如下 / 现就2020年政务公开年度工作情况报告如下
                                 # (现对三门县退役军人事务局政务(信息)公开情况做如下汇报)
                                 # (not 现对2023年上半年…, …第一季度…: a part of the year)
                                 r"|现(?:对|就)(?:(?!半年|季度)[^。,，]){0,20}?(?:信息公开|政务公开|政务[(（]信息[)）]公开)(?:年度)?(?:工作)?(?:有关)?情况"
                                 r"(?:(?:报告|汇报)如下|[做作]如下(?:报告|汇报))"
                                 # 现将2023年度政府信息公开情况报告如下: the body's own year, whole (not 上半年, 全市,
                                 # 各县区, 依申请…, 重点领域…, 督查中发现的…)
                                 r"|现将(?:我(?:局|委|办|厅|镇|乡|街道|区|县|市)|本(?:局|单位|机关|委|办|厅))?(?:19|20)\d\d年度?"
                                 # (…2012年度有关政务信息公开情况报告如下 / 现将2010年度市民政局政府信息公开情况报告如下: the
                                 # year's, then the body's own)
                                 r"(?:(?:(?!半年|季度|月|全|各)[^。\n《》，,]){2,20}?(?:局|委员会|委|办公室|厅|中心|人民政府|街道办事处|镇|乡))?"
                                 r"(?:有关)?(?:政府|政务)信息公开(?:工作)?情况报告如下")
OPENING_CHARS = 1500


def _alternatives(pattern: re.Pattern) -> list[str]:
    """The top-level alternatives of a pattern's source: split at each | outside brackets and classes."""
    source, parts, depth, start, in_class, i = pattern.pattern, [], 0, 0, False, 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    return parts + [source[start:]]


def _opens_with_a_character(alternative: str) -> bool:
    return alternative[0] not in "([\\.^$" and alternative[1:2] not in ("?", "*", "+", "{")


# _SELF_REFERENCE's alternatives (it has no groups) that open with a character, each alone: the regex
# engine scans for that character fast, where it tries a pattern of many alternatives at every
# character, and most openings that speak of themselves say one of these; then the others together
_SELF_REFERENCE_LED = tuple(re.compile(a) for a in _alternatives(_SELF_REFERENCE) if _opens_with_a_character(a))
_SELF_REFERENCE_OTHERS = re.compile("|".join(a for a in _alternatives(_SELF_REFERENCE) if not _opens_with_a_character(a)))


def _speaks_of_itself(opening: str) -> bool:
    """Whether _SELF_REFERENCE matches somewhere in the opening."""
    return any(p.search(opening) for p in _SELF_REFERENCE_LED) or _SELF_REFERENCE_OTHERS.search(opening) is not None


_DISCLOSURE_WORK = re.compile(r"信息公开|政务公开|公开工作|信息公示")


def _names_an_annual_report(subject: str) -> bool:
    """年度报告/年报 of information disclosure, or a report on it (兴华乡2010年政府信息公开报告)."""
    # 公开 of information or government affairs: 决算公开报告 (final accounts) is another report
    return _DISCLOSURE_WORK.search(subject) is not None and "报告" in subject \
        or bool(re.search(r"公开.*年报|年报.*公开", subject))


# 特向社会公布浙江省供销社2010年政府信息公开年度报告。本报告由…组成: the year's report on disclosure,
# published by the page, which then speaks of itself as it
_PUBLISHES_THE_YEARS_REPORT = re.compile(r"(?:特|现)(?:向社会)?(?:公开|公布|发布)[^。\n《》]{0,30}?((?:19|20)\d\d)年度?"
                                         r"(?:政府信息公开|信息公开|政务公开)(?:工作)?年度报告。本(?:年度)?报告(?:由|是|包括|分为)")
_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def _summary_published_as_the_report(subject: str, text: str) -> bool:
    """A page titled the year's 政府信息公开工作总结 whose opening publishes that year's annual report and
    goes on as it (特向社会公布…2010年政府信息公开年度报告。本报告由…组成): the report, re-posted under its
    site's heading. A self-inspection (自查), another year's report named by the summary, and a report
    left to an attachment stay look-alikes."""
    title_year = _TITLE_YEAR.search(subject)
    if "自查" in subject or not _DISCLOSURE_WORK.search(subject) or title_year is None:
        return False
    opening = normalise_label(text[:OPENING_CHARS])
    published = _PUBLISHES_THE_YEARS_REPORT.search(opening)
    return published is not None and published.group(1) == title_year.group(1) \
        and _REPORT_ATTACHED.search(opening) is None


def report_evidence(subject: str, text: str, has_report_tables: bool, has_prose_figures: bool = False) -> list[str]:
    """What shows a document to be an annual report on government information disclosure. A title
    without a year (政府信息公开年报: a column page) counts only with figures stated in the body."""
    evidence = []
    if _names_an_annual_report(subject) and _YEAR.search(subject):
        evidence.append(f"title or heading names the annual report of a year ({subject[:60]})")
    elif _names_an_annual_report(subject) and has_prose_figures:
        evidence.append(f"title or heading names the annual report ({subject[:60]}) and the body states figures")
    if _STATISTICS_PERIOD.search(text):
        evidence.append("statistics-period sentence")
    if has_report_tables:
        evidence.append("national tables filled with figures")
    opening = normalise_label(text[:OPENING_CHARS])
    # a report on disclosure says so in its opening; 本报告 alone is any report (a company's 年度报告)
    if _speaks_of_itself(opening) and _DISCLOSURE_WORK.search(opening):
        evidence.append("the opening speaks of itself as the report (本报告…)")
    elif has_prose_figures and _SUMS_UP_THE_WORK.search(opening):
        evidence.append("the opening sums up the year's disclosure work (…工作总结如下) and states figures")
    elif _reports_the_disclosure_work(text, has_prose_figures):
        evidence.append("the first paragraph reports the year's disclosure work (…现将有关情况报告如下)")
    if not evidence:
        split = _title_over_two_lines(text)
        if split:
            evidence.append(f"heading over two lines names the annual report of a year ({split})")
    sections = _national_sections(text)
    if len(sections) >= MIN_SECTIONS:
        evidence.append(f"the national format's section headings ({len(sections)})")
    elif sections and has_prose_figures and _OPENING_SECTION.match(_first_content_line(text)):
        evidence.append("opens with the national format's first section (一、总体情况/概述) and states figures")
    return evidence


# the sections the national formats prescribe (2008: 概述 … 收费及减免; 2019/2021: 总体情况 … 收到和处理)
_SECTION = re.compile(r"\n\s*([一二三四五六七八])[、.．]\s*(?:总体情况|概述|主动公开(?:政府)?信息|收到和处理|依申请公开"
                      r"|政府信息公开的?收费|因政府信息公开|(?:政府信息公开)?行政复议|(?:政府)?信息公开工作存在的主要问题"
                      r"|存在的主要问题|其他需要报告)")
# (一、基本情况 / 一、情况概述: the 2008 format's 概述 as many bodies named it)
_OPENING_SECTION = re.compile(r"^一[、.．]\s*(?:总体情况|概述|基本情况|基本概况|情况概述|工作概述)")
MIN_SECTIONS = 3


def _national_sections(text: str) -> set[str]:
    # a heading opens a line: after a line break, the text's first line given one (a pattern that opens
    # with ^ in multi-line mode is tried at every character; one that opens with a line break, only at those)
    return {m.group(1) for m in _SECTION.finditer("\n" + text[:SAMPLE_CHARS])}


# a site's footer copied above the text: 版权所有:… 主办单位:… / 网站标识码 … ICP备…
_FOOTER_LINE = re.compile(r"版权所有|主办单位|承办单位|运行维护|网站标识码|ICP备|公网安备|^\s*地址[:：]")


# a site's header line that is only its government's name (伊州区人民政府) above the text
_SITE_NAME_LINE = re.compile(r"^[^\s，。,:：]{2,15}(?:人民政府|政府|管理委员会)$")


_ADDRESSED_TO = re.compile(r"(?:办公室|办公厅|督查室|办|室|组|处|科|领导|同志)[:：]$")
# the work told to an inspection the body checked itself for (我局开展了自查,现对…情况做如下汇报)
_FOR_A_CHECK = re.compile(r"(?:自查|检查|督查)[^。]{0,20}现(?:对|就|将)")


def _reports_the_disclosure_work(text: str, has_prose_figures: bool) -> bool:
    """One of the first three lines names 政府信息公开 and says 现将有关情况报告如下, and figures or the
    national format's first section (一、概述) follow."""
    lines = [stripped for line in text[:OPENING_CHARS].splitlines() if (stripped := line.strip())]
    first, said = next(((i, m) for i, line in enumerate(lines) if (m := _REPORTS_AS_FOLLOWS.search(line))), (None, None))
    if first is None or first > 2 or "政府信息公开" not in lines[first]:
        return False
    if any(_ADDRESSED_TO.search(line) for line in lines[:first]) or _FOR_A_CHECK.search(lines[first]):
        return False  # a letter to an office (县委县政府督查室:): papers sent for an appraisal, not a published report
    # the first section on the next line, or on the same one where a page ran its lines together
    on_the_same_line = lines[first][said.end():].lstrip(":：。 ")
    return has_prose_figures or _OPENING_SECTION.match(on_the_same_line) is not None \
        or first + 1 < len(lines) and _OPENING_SECTION.match(lines[first + 1]) is not None


# the page's font-size buttons above the text: 字号: / 大 中 小 / 【大 中 小】
_FONT_SIZE_LINE = re.compile(r"^(?:字号|字体)[:：]?\s*(?:[【\[]?\s*[大中小]\s*[】\]]?\s*)*$|^(?:[【\[]?\s*[大中小]\s*[】\]]?\s*){3}$")


# the page's fields above an untitled text: 发布日期:2021-01-20 / 信息来源:…人民政府办公室
_FIELD_LINE = re.compile(r"(?:发布(?:日期|时间|机构|单位)|信息来源|来源|索引号|文号|(?:公文)?生成日期|成文日期|时间|日期|浏览次数|点击数)\s*[:：]")


def _first_content_line(text: str) -> str:
    """The first line that is neither blank, nor a line of a site's footer, its font-size buttons or
    the page's fields copied above the text (a field's value on the line under its label too:
    发布时间: / 2025-01-21 17:17), nor the site's name."""
    value_follows = False
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if value_follows:
            value_follows = False
            continue
        if _FIELD_LINE.match(stripped):
            value_follows = stripped.endswith((":", "："))
            continue
        if not (_FOOTER_LINE.search(line) or _SITE_NAME_LINE.match(stripped) or _FONT_SIZE_LINE.match(stripped)):
            return stripped
    return ""


def _title_over_two_lines(text: str) -> str | None:
    """道县文广新局2013年度信息公开工作 / 年度报告: a heading broken before its last words."""
    lines = _heading_lines(text)
    for first, second in zip(lines, lines[1:]):
        joined = first + second
        if _BREADCRUMB_LINE.search(first) or _NOTICE_END.search(second) or _ADDRESSED_TO.search(second):
            continue  # a site's breadcrumb above a heading; a notice's heading (…年度报告及年度检查工作的通知);
            # the office a letter is addressed to under its title (…办理情况的报告 / 市政务公开办:)
        if len(joined) <= 60 and not _is_sentence(joined) and _YEAR.search(joined) \
                and _names_an_annual_report(joined) and not _names_an_annual_report(first):
            return joined
    return None


_BREADCRUMB_LINE = re.compile(r"当前位置|您的位置|所在位置|首页\s*[>»]|[>»]\s*正文")
_NOTICE_END = re.compile(r"(?:通知|通报|函|意见|办法)$")


# --- look-alikes read off the body -------------------------------------------------------------

_LISTED_REPORT = re.compile(r"((?:19|20)\d\d)\s*年?度?[^\n。]{0,40}(?:年度报告|年报)")
MIN_LISTED_YEARS = 3
MAX_LISTED_LINE = 80


def _lists_reports(text: str) -> int:
    """How many years a list page names reports of (one short line per report); 0 below 3."""
    years = {m.group(1) for line in text.splitlines() if ("年报" in line or "年度报告" in line)
             and len(line.strip()) <= MAX_LISTED_LINE for m in _LISTED_REPORT.finditer(line)}
    return len(years) if len(years) >= MIN_LISTED_YEARS else 0


# a statistics form to fill in: 本期实际 / 本年累计 columns and row codes (代码, 甲 乙 丙)
_FORM_COLUMNS = ("本期实际", "本年累计", "上年同期")  # (found as words: faster than a pattern over the whole text)
_FORM_CODES = re.compile(r"代\s*码|行\s*次|^\s*甲\s*\|?\s*$|甲[\s|]+乙[\s|]+丙|表\s*号|制定机关|填报单位|单位负责人", re.M)
# placeholders of a model essay: 20xx年, xx乡, xxx局, ×××
_PLACEHOLDER = re.compile(r"(?:19|20)[xX×Ｘｘ]{2}\s*年|(?<![A-Za-z])[xX×Ｘｘ]{2,}(?=[\u4e00-\u9fff])|×{2,}|[○〇]{2,}[乡镇县市区局]")
MIN_PLACEHOLDERS = 2
# every placeholder holds one of these characters followed by what each branch of _PLACEHOLDER needs
# after it (年, a Chinese character, a second ×, a 乡 or 局). 二〇二〇年 has 〇, and the xx of a link
# (xxgk) is followed by a letter, so most texts stop here
_PLACEHOLDER_CHARS = "xX×Ｘｘ○〇"
_PLACEHOLDER_END = re.compile(r"[xX×Ｘｘ](?:\s*年|[\u4e00-\u9fff])|××|[○〇][乡镇县市区局]")


def _may_hold_placeholders(text: str) -> bool:
    """Whether _PLACEHOLDER_END matches somewhere: tried only where one of its characters is, found
    by str.find (a pattern that opens with a set of characters is tried at every character, slowly)."""
    for char in _PLACEHOLDER_CHARS:
        at = text.find(char)
        while at != -1:
            if _PLACEHOLDER_END.match(text, at):
                return True
            at = text.find(char, at + 1)
    return False


# an interpretation that says so in its opening: 《…年度报告》已经编制完成…现就年报内容进行如下解读
_INTERPRETS = re.compile(r"现(?:就|对|将)[^。\n]{0,40}(?:进行|作|做)(?:如下|以下)?解读")
INTERPRETATION_OPENING_CHARS = 400
# a text-generating assistant's offer to revise under an essay titled like a report (希望这篇内容能满足您的需求!
# 如果还有其他问题或需要进一步修改,请随时告知): a content farm's page, no body's report (a shared copy of a
# report may end 希望以上内容对您有所帮助, which offers nothing)
_ASSISTANT_SIGN_OFF = re.compile(r"(?:如果|如)(?:您)?(?:还)?有其他(?:问题|需要|需求)[^。!！\n]{0,16}(?:进一步修改|随时告知|随时告诉我)"
                                 r"|需要(?:我)?进一步修改")
SIGN_OFF_CHARS = 400


# a gambling site's advertising under a report's title (立即下注，注册送38元彩金，首充100送888): the words a casino
# advertises with, of at least three kinds; a police report on gambling names the games (六合彩、赌场、百家乐), not these,
# and a real report a mirror copied carries a brand or two
_BETTING = re.compile(r"下注|彩金|返水|首充|注册送|博彩平台|线上博彩|投注平台|天天领红包|日返水")
BETTING_KINDS = 3


# a document-sharing site's bundle of model essays, told by its heading (…工作报告(共6篇)) or its parts' headings
# (篇1:2016大学信息公开工作报告), not by a report's counts (公开信息共79篇)
_ESSAY_BUNDLE = re.compile(r"[(（](?:共|精选)(?:\d+|[一二三四五六七八九十]+)篇[)）]|^篇(?:\d+|[一二三四五六七八九十]+)[:：]", re.M)
ESSAY_BUNDLE_OPENING_CHARS = 2000


# a paper's abstract and key words (【摘要】…, or 摘要: with 关键词:), as a journal or a law site prints it: a study of
# reports (基于…245份政府信息公开工作年度报告), not one; a site's search box (关键词:) alone is no paper's
_PAPER_LABELS = re.compile(r"【(?:摘要|关键词|关键字)】|(?:^|\n)\s*(?:【)?(摘\s*要|关键[词字])(?:】)?\s*[:：]")


def _is_a_paper(opening: str) -> bool:
    if "【摘要】" in opening or "【关键词】" in opening or "【关键字】" in opening:
        return True
    labels = {re.sub(r"\s", "", m.group(1))[:2] for m in _PAPER_LABELS.finditer(opening) if m.group(1)}
    return {"摘要", "关键"} <= labels


def _look_alike_body(text: str) -> str | None:
    opening = text[:ESSAY_BUNDLE_OPENING_CHARS]
    if "篇" in opening and _ESSAY_BUNDLE.search(opening):  # (each match holds 篇; the pattern tries every character)
        return "a bundle of model essays (…(共6篇), 篇1:…), not a report"
    if ("摘" in opening or "关键" in opening) and _is_a_paper(opening):
        return "a paper (its abstract and key words: 【摘要】, 摘要:/关键词:), a study of reports, not a report"
    if len(set(_BETTING.findall(text))) >= BETTING_KINDS:
        return "a gambling site's advertising (its words of betting) under a report's title, not a report"
    if _INTERPRETS.search(text[:INTERPRETATION_OPENING_CHARS]):
        return "interpretation of a report (现就…进行如下解读), not the report"
    if _ASSISTANT_SIGN_OFF.search(text[-SIGN_OFF_CHARS:]):
        return "an essay signed off by a text-generating assistant (希望这篇内容能满足您的需求), not a body's report"
    if any(column in text for column in _FORM_COLUMNS) and len(_FORM_CODES.findall(text)) >= 1:
        return "statistics form to fill in (本期实际/本年累计 columns with row codes), not a report"
    placeholders = _PLACEHOLDER.findall(text) if _may_hold_placeholders(text) else []
    if len(placeholders) >= MIN_PLACEHOLDERS:
        return f"template essay with placeholders ({', '.join(sorted(set(placeholders))[:4])}), not a report"
    return None


# --- binary or undecodable content ------------------------------------------------------------

MIN_CJK_CHARS = 20
MAX_BAD_SHARE = 0.02  # replacement, control and private-use characters in a real text: ~0
MIN_COMMON_SHARE = 0.6  # GB2312 level-1 characters among the Chinese ones: ~0.97 in real text, ~0.2 in noise
_BAD = re.compile(r"[\ufffd\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff]")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# (one character, then the rest of its run: a pattern that opens with a repeat is tried at every
# character, one that opens with a set of characters is scanned for them)
_CJK_RUNS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff][\u3400-\u4dbf\u4e00-\u9fff]*")


def _chinese_characters(text: str) -> str:
    """The text's Chinese characters, in order: its runs of them joined (faster than removing the runs
    of other characters, or than listing the characters one by one)."""
    return "".join(_CJK_RUNS.findall(text))


SAMPLE_CHARS = 20000
COMMON_SAMPLE_CJK = 4000  # enough Chinese characters to tell text from noise


_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_NOT_A_LATIN_LETTER = bytes(b for b in range(256) if not (b"A"[0] <= b <= b"Z"[0] or b"a"[0] <= b <= b"z"[0]))


def _written_in_another_language(text: str) -> bool:
    """Under a Chinese title, a body of English (or another Latin-script language): many more
    Latin words than Chinese characters in the opening, and few Chinese characters at all."""
    start = text.find("\n") + 1
    if not start:
        return False
    end = start + OPENING_CHARS * 2
    # each Latin word holds two letters or more: a page with too few to make 51 words is told by a count
    # of its ASCII letters, without the pattern (tried at every character)
    if len(text[start:end].encode("ascii", "ignore").translate(None, _NOT_A_LATIN_LETTER)) < 102:
        return False
    latin = sum(1 for _ in _LATIN_WORD.finditer(text, start, end))
    if latin <= 50:  # a Chinese page: counted without listing its thousands of characters
        return False
    cjk = sum(1 for _ in _CJK.finditer(text, start, end))
    return cjk < 200 and latin > cjk


def _cjk_count(text: str) -> int:
    return len(_chinese_characters(text[:SAMPLE_CHARS]))


def _level_one() -> str:
    """The 3,755 most used characters: GB2312 level 1, the two-byte codes with lead bytes 0xB0-0xD7."""
    chars = []
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.append(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


# one character class, counted by a C scan rather than a call per character
_LEVEL_ONE = _level_one()
COMMON_CHARS = re.compile("[" + _LEVEL_ONE + "]")
_COMMON_RUNS = re.compile("[" + _LEVEL_ONE + "]+")  # removed a run at a time, not a character


def binary_reason(text: str) -> str | None:
    """Why a text is binary (replacement, control or private-use characters), or None: cheap, run
    on the raw text before any parsing."""
    sample = text[:SAMPLE_CHARS]
    bad = len(_BAD.findall(sample))
    if sample and bad / len(sample) > MAX_BAD_SHARE:
        return f"binary or undecodable content ({bad} replacement or control characters in {len(sample)})"
    return None


def unreadable_reason(text: str) -> str | None:
    """Why a text is bytes read as characters (a binary, compressed or mis-decoded file), or None.
    Run on Simplified text (Traditional characters are not GB2312 ones)."""
    return _unreadable_reason(text)


@lru_cache(maxsize=4)  # (a caller may ask before reading a page and again when it classifies it)
def _unreadable_reason(text: str) -> str | None:
    return binary_reason(text) or undecodable_reason(text)


def undecodable_reason(text: str) -> str | None:
    """:func:`unreadable_reason` of a text :func:`binary_reason` has passed (a plain-text page is the
    raw text the parser checked first): too few of its Chinese characters are common ones."""
    sample = text[:SAMPLE_CHARS]
    # the sample's first Chinese characters, in order: read off its start when that holds enough
    cjk = _chinese_characters(sample[:2 * COMMON_SAMPLE_CJK])
    if len(cjk) < COMMON_SAMPLE_CJK and len(sample) > 2 * COMMON_SAMPLE_CJK:  # else that was the whole sample
        cjk = _chinese_characters(sample)
    cjk = cjk[:COMMON_SAMPLE_CJK]
    if len(cjk) >= MIN_CJK_CHARS:
        common = (len(cjk) - len(_COMMON_RUNS.sub("", cjk))) / len(cjk)
        if common < MIN_COMMON_SHARE:
            return (f"undecodable content: only {common:.0%} of its {len(cjk)} Chinese characters are common ones "
                    "(bytes read in the wrong encoding, or not text)")
    return None


def has_figure_cells(cells: list[CellToken]) -> bool:
    return any(parse_number(c.text) is not None for c in cells)


def is_blank_template(cells: list[CellToken], regions, has_figures: bool) -> bool:
    """The national tables are printed (their row labels are there) with no figure in any cell,
    and the prose states none either: a repost of the template, not a report."""
    if has_figures:
        return False
    if regions is not None:
        spans = [r for r in (regions.t2, regions.t3, regions.t4) if r is not None]
        return bool(spans) and not any(has_figure_cells(cells[a:b]) for a, b in spans)
    from .tables.statistics_table import count_row_labels

    labels, figure_cells = count_row_labels(cells)
    return labels >= 10 and figure_cells == 0


def _short_labels(cells: list[CellToken]) -> str:
    return "\n".join([normalise_label(c.text) for c in cells if len(c.text) <= 80])


def national_template(cells: list[CellToken]) -> str | None:
    """gov2021 or gov2019 when the cells print a column or row label only that format has, else None."""
    joined = _short_labels(cells)
    if _GOV2021.search(joined):
        return "gov2021"
    if _GOV2019.search(joined):
        return "gov2019"
    return None


# the national forms by the year a report covers: the 2019 form for 2019 and 2020, the 2021 form after
FIRST_YEAR_OF_FORM = {"gov2019": 2019, "gov2021": 2021}


def national_form_of_year(year: int | None) -> str | None:
    if year is None or year < FIRST_YEAR_OF_FORM["gov2019"]:
        return None
    return "gov2021" if year >= FIRST_YEAR_OF_FORM["gov2021"] else "gov2019"


def older_template(cells: list[CellToken], gov2008_rows: int, other_table_rows: int = 0) -> str:
    """The format of cells that print no label of the national 2019/2021 tables."""
    if gov2008_rows >= 5:
        return "gov2008"
    if other_table_rows:
        return "other_table"
    joined = _short_labels(cells)
    if _OTHER_TABLE.search(joined) and re.search(r"^\d+$", joined, re.M):
        return "other_table"
    return "narrative"


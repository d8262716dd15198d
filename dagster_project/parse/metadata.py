"""Report metadata from the text (and page <meta> tags): title, agency, year reported on, date."""
from __future__ import annotations

import re

from .labels import nfkc, nfkc_opening, nfkc_text, normalise_folded, normalise_label

_YEAR = r"((?:19|20)\d{2})"
_CN_YEAR = r"(二[〇○零Ｏ][一二三四五六七八九〇○零Ｏ]{2})"
# a year in a title: 2019年, or 2022 run into the words after it (…办公厅2022政府信息公开…)
_YEAR_END = r"(?:年|(?=度|政府|政务|信息))"
_REPORT_WORDS = re.compile(r"报告|年报")
_TITLE_HINT = re.compile(r"信息公开|政务公开")
_PERIOD = re.compile(r"统计(?:数据)?的?(?:期限|时限|时间|区间|范围)[^。\n]{0,12}?" + _YEAR + r"\s*年\s*0?1\s*月\s*0?1\s*日")
# A whole calendar year written out (2019年1月1日起至2019年12月31日止, 从2012年1月1日到12月31日):
# the period the figures cover, however the sentence around it is worded (所列数据时间范围为 …).
_FULL_YEAR = re.compile(
    _YEAR + r"\s*年\s*0?1\s*月\s*0?1\s*日\s*(?:起)?\s*(?:至|到|—|-|~|－)\s*(?:(\d{4})\s*年)?\s*12\s*月\s*31\s*日"
)
_DATE_LABELLED = re.compile(
    r"(?:发布时间|发布日期|发文日期|成文日期|PubDate|时间|日期)\s*[:：|]?\s*\|?\s*" + _YEAR + r"\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
)
_CHROME_LINE = re.compile(r"^\s*(?:上一篇|下一篇|上一条|下一条|相关(?:文章|链接|信息|阅读|报告)|往年|历年|推荐|热点|猜你|延伸阅读)")
# the labels of a page's fields that follow its title (发布日期:2016-03-15, 来源:…)
_FIELD_NAMES = r"发布(?:日期|时间)|信息来源|来源|作者|编辑|浏览次数|点击数|字号"
_FIELDS_AFTER_TITLE = re.compile(r"\s+(?=(?:" + _FIELD_NAMES + r")\s*[:：])")
_RELATED_HEADING = re.compile(r"^\s*(?:相关(?:文章|链接|信息|资讯|阅读|报告|新闻)|延伸阅读|推荐阅读)\s*[:：]?\s*$")
_DATE_LINE = re.compile(r"^\s*" + _YEAR + r"\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
_DATE_SOMEWHERE = re.compile(_YEAR + r"\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")


# the first line of a title broken over two (宿州市人民政府2016年 / 政府信息公开工作年度报告)
_ENDS_WITH_YEAR = re.compile(r"(?:" + _YEAR + "|" + _CN_YEAR + r")年?度?$")
_STARTS_WITH_YEAR = re.compile(r"^(?:" + _YEAR + "|" + _CN_YEAR + r")年度?[^年\d]{2,}$")
_BREADCRUMB = re.compile(r"当前位置|首页|>|»")


def cn_year(text: str) -> int | None:
    from .chinese_numerals import parse_cn_year

    return parse_cn_year(text)


_CRUMBS_LABEL = re.compile(r"^\s*(?:当前位置|您的位置|你的位置|您当前的位置|当前所在位置|所在位置)\s*[:：]?\s*$")
_CRUMB_ITEM = re.compile(r"^[^\d|]{1,12}$")
_FIELD_FIRST = re.compile(r"^\s*(?:" + _FIELD_NAMES + r"|栏目|时间|日期)\s*[:：]")
_TITLE_FIELD = re.compile(r"^\s*(?:标题|文章标题|信息标题)\s*[:：]\s*([^\s|][^|]{3,80})$")
_COLUMN_FIELD = re.compile(r"^\s*(?:栏目|所属栏目|栏目名称)\s*[:：]")


def find_title(lines: list[str], meta: dict[str, str]) -> str | None:
    for key in ("ArticleTitle", "articletitle", "title"):
        value = (meta.get(key) or "").strip()
        if value and _REPORT_WORDS.search(value) and _TITLE_HINT.search(value):
            return re.split(r"[-_|]{1,2}\s*\S*(?:政府|网)\S*$", value)[0].strip()
    # the page's own field names its title (标题: 关于2014年政府信息公开工作要点落实情况的函), whatever it holds
    for line in lines[:10]:
        if m := _TITLE_FIELD.match(line):
            # (other fields after it on its line are no part of it; a date or a number is no title)
            value = _FIELDS_AFTER_TITLE.split(m.group(1), 1)[0]
            if sum("\u4e00" <= c <= "\u9fff" for c in value) >= 4:
                return value.strip()
    candidates = []
    head = [line.strip() for line in lines[:60] if line.strip()]
    for a, b in zip(head, head[1:]):
        if "报" not in b:
            continue  # (its second line names a 报告 or 年报; no other character folds to 报)
        # a title broken over two lines: 宿州市人民政府2016年 / 政府信息公开工作年度报告
        na, nb = normalise_label(a), normalise_label(b)
        # (or inside 政府信息公开: 天津市审计局2014年度政府 / 信息公开年度报告; or the year first on a cover:
        # 2010年广州市海珠区城市管理局 / 政府信息公开年度报告)
        if (2 <= len(na) <= 30 and nb.startswith(("政府信息公开", "政务公开", "信息公开")) and "|" not in a
                and (_ENDS_WITH_YEAR.search(na) or _STARTS_WITH_YEAR.match(na)
                     or nb.startswith("信息公开") and na.endswith("政府") and _ENDS_WITH_YEAR.search(na[:-2]))
                and _REPORT_WORDS.search(nb) and len(nb) <= 30):
            candidates.append(a + b)
    crumbs = False
    for line in lines[:60]:
        if line.lstrip().startswith(("相关", "延伸", "推荐")) and _RELATED_HEADING.match(line):
            break  # 相关资讯: what follows are links to other pages (an encyclopedia entry's related reports)
        # a breadcrumb printed one item a line (当前位置： / 首页 / 政府信息公开 / 政府信息公开年报):
        # its short items name columns; the first longer or dated line ends it (a blank line or a
        # page break does not)
        crumbs = bool(_CRUMBS_LABEL.match(line)) or crumbs and (not line.strip() or bool(_CRUMB_ITEM.match(normalise_label(line))))
        if crumbs:
            continue
        if "报" not in line:
            continue  # (a title names a 报告 or 年报, and no other character folds to 报)
        if _BREADCRUMB.search(line) or _CHROME_LINE.match(line) or _COLUMN_FIELD.match(line):
            continue  # breadcrumbs and 栏目: name the column, not the report; 上一篇/相关 name other reports
        # (a full-width bar parts cells too: a PDF or Word copy keeps a page's | in its text as ｜)
        for cell in re.split(r"[|｜]", line):
            if _FIELD_FIRST.match(cell):
                continue  # the page's fields (发布时间:2024-09-22 10:25｜栏目:信息公开年报): no title
            # a title copied with the page's fields on its line: 随州市卫计委2015年度…工作报告 发布日期:2016-03-15
            cell = (_FIELDS_AFTER_TITLE.split(cell, 1)[0] if ":" in cell or "：" in cell else cell).strip()
            norm = normalise_label(cell)
            # a sentence (请认真编制…年度报告,于…前报送。) names the report but is not its title
            if 8 <= len(norm) <= 60 and _REPORT_WORDS.search(norm) and _TITLE_HINT.search(norm) \
                    and not norm.startswith(("根据", "按照", "本报告", "依据")) and "。" not in norm:
                candidates.append(re.sub(r"^(?:(?:信息|文件)?名\s*称|(?:公报|文章|信息)?标\s*题)\s*[:：]?\s*", "", cell))
    # a catalogue cell (县区政府信息公开年度报告) names no year; the report's own title does
    dated = [c for c in candidates if re.search(_YEAR + "|" + _CN_YEAR, normalise_label(c))]
    # a page that lists other years' reports: the one whose year is the statistics period's (a choice
    # among two dated titles or more: the page's 200 lines are folded only then)
    period = _PERIOD.search(nfkc("\n".join(lines[:200]))) if len(dated) > 1 else None
    if period:
        dated = [c for c in dated if period.group(1) + "年" in normalise_label(c)] or dated
    return (dated or candidates or [None])[0]


_CN_DATE = re.compile(r"(" + _CN_YEAR[1:-1] + r"|\d{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日")
_CN_NUMERALS = "一二三四五六七八九十"
_CN_MONTH_DAY = re.compile(r"(?<![\d一二三四五六七八九十])([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日")


def _cn_small(text: str) -> int:
    from .chinese_numerals import parse_cn_number

    return parse_cn_number(text) or 0


def _has_cn_month(text: str) -> bool:
    """Whether a Chinese numeral comes before a 月: each 月 is found by str.find, where a pattern that
    opens with a set of characters is tried at every character."""
    at = text.find("月", 1)
    while at != -1:
        if text[at - 1] in _CN_NUMERALS:
            return True
        at = text.find("月", at + 1)
    return False


def digit_dates(text: str) -> str:
    """二〇二〇年一月一日至十二月三十一日 -> 2020年1月1日至12月31日, so periods read the same."""
    if not _has_cn_month(text):  # both patterns need a month in Chinese numerals
        return text

    def full(m: re.Match) -> str:
        year = m.group(1) if m.group(1).isdigit() else str(cn_year(m.group(1)) or m.group(1))
        return f"{year}年{_cn_small(m.group(2))}月{_cn_small(m.group(3))}日"

    text = _CN_DATE.sub(full, text)
    return _CN_MONTH_DAY.sub(lambda m: f"{_cn_small(m.group(1))}月{_cn_small(m.group(2))}日", text)


# A statistics period ending on 31 December: 自2008年5月1日起至2008年12月31日止 (the first reports
# began when the regulations took effect), 从2012年1月1日到12月31日, 2019年1月1日-12月31日.
_PERIOD_SPAN = re.compile(
    _YEAR + r"\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:起)?\s*(?:至|到|—|-|~|－)\s*(?:" + _YEAR
    + r"\s*年)?\s*12\s*月\s*31\s*日"
)
_STATISTICS_WORDS = re.compile(r"统计|数据|期限|时限")
# a year in the prose that names a law or its adoption, not the period reported on:
# 2007年颁布的《政府信息公开条例》, 2003年施行的《广州市政府信息公开规定》
_CITED_LAW = re.compile(r"^(?:条例|规定|办法|暂行|实施)")


_SCHOOL_YEAR = re.compile(_YEAR + r"\s*[-—–~至]\s*" + _YEAR + r"\s*学年")
# a report on two calendar years at once: 桃江县灰山港镇2020—2021年度政府信息公开工作年度报告
_TWO_YEARS = re.compile(_YEAR + r"\s*[-—–~至]\s*" + _YEAR + r"\s*年度?(?:政府|政务)?信息公开")
TWO_YEARS_HOW = "report on two years"
# a paragraph that opens with a year and a comma tells what the body did that year: 2025年,霍城县水利局坚持…
# (2018年以来 or 2024年是… do not open that way)
# the year a line opens with, or a line of the national format's first section after its item's
# heading ((二)依申请公开情况。2020年,我局没有依申请公开事项)
# (or its first section's heading on the line of an opening copied flat: 一、总体情况 2019年度,…)
# (or numbered 1. when the item is on disclosure itself: 1.主动公开政府信息。2021年,我局…; not 1.上年度问题整改情况。)
_OPENING_YEAR = re.compile(r"(?m)^[\s|]*(?:[(（][一二三四五六][)）][^。，,\n]{0,12}?情况[。.:：]?\s*"
                           r"|[1-6][.．、]\s*(?:主动公开|依申请公开)[^。，,\n]{0,10}?(?:情况|政府信息)[。.:：]?\s*"
                           r"|一[、.．]\s*(?:总体情况|概述)[ \t]+)?" + _YEAR + r"\s*年度?\s*[,，]")


# weaker, read only when the page gives no publication date: the year opening the first section's item on
# disclosure itself, its heading without 情况 ((一)主动公开。2023年,我局…主动发布…205条), or glued to the section's
# heading (一、概述2014年,本局…), in a sentence that counts what was disclosed; before the second section (a plan
# under 五、改进: (一)主动公开。2024年,我局将…), not of a plan, a time since or a comparison, nor a year the sentence
# sets against 本年度 (2019年,新修订的《条例》施行… opens a 2020 report)
_FIRST_SECTION_ITEM_YEAR = re.compile(r"(?m)^[\s|]*(?:[(（]一[)）]主动公开[。.:：]?\s*" + _YEAR + r"\s*年度?\s*[,，]"
                                      r"(?=[^。\n]{0,160}?\d+(?:余|多)?条)|一[、.．]\s*(?:总体情况|概述)" + _YEAR
                                      + r"\s*年度?\s*[,，])"
                                      r"(?![^。；;\n]{0,30}?(?:将|计划|拟|以来|较|同比|相比))(?![^。\n]{0,80}?(?:本年度|今年|本年))")
_SECOND_SECTION = re.compile(r"(?m)^[\s|]*二[、.．]")


def report_year_bounds() -> tuple[int, int]:
    from ..settings import get_settings

    quality = get_settings().quality  # the same bounds quarantine reports in dim_report
    return quality.report_year_min, quality.report_year_max


def _statistics_period(head: str) -> int | None:
    """The year of the sentence that says which period the figures cover, when it names one year."""
    for m in _PERIOD_SPAN.finditer(head):
        start, end = int(m.group(1)), int(m.group(4) or m.group(1))
        if start == end and _STATISTICS_WORDS.search(head[max(0, m.start() - 40):m.start()]):
            return start
    m = _PERIOD.search(head)
    return int(m.group(1)) if m else None


def _title_year(title: str | None) -> int | None:
    if not title:
        return None
    norm = normalise_label(title)
    m = re.search(_YEAR + _YEAR_END, norm)
    if m:
        return int(m.group(1))
    m = re.search(_CN_YEAR + r"年", norm)
    return cn_year(m.group(1)) if m and cn_year(m.group(1)) else None


def _text_years(norm: str, head_nfkc: str):
    """Years the text gives for the report, weakest last; a year citing a law is not one of them
    (``norm``: the head's normalise_label, ``head_nfkc``: its fold with dates in digits)."""
    m = _FULL_YEAR.search(head_nfkc)
    if m and (m.group(2) is None or m.group(2) == m.group(1)):
        yield int(m.group(1)), "a whole calendar year named in the text"
    patterns = (
        (_YEAR + r"年度?(?:政府|政务)?信息公开", "text"),
        # the heading of a title-less look-alike: 关于印发2023年新余市政务公开工作要点的通知
        (_YEAR + r"年度?[^,,。;;\n]{0,10}?(?:政务|政府信息|信息)公开", "text"),
        (r"[(（]" + _YEAR + r"年度[)）]", "table caption"),
        # the report saying which year it sums up (本报告总结了2012度年本办…, its 年度 misspelt)
        # (not the years since: 本报告总结了2008年《条例》实施以来…)
        (r"本(?:年度)?报告(?:总结|涵盖|反映)了?" + _YEAR + r"(?!\d)(?![^，。,;；]{0,20}?(?:以来|至今))(?!年?(?:《|起))",
         "the year the report says it covers"),
        # the body's own count of the year (2021年度我乡主动公开政府信息213条, 2024年,通过局门户网站主动公开…),
        # not a comparison (较2020年…)
        # (not its plans, 2024年,我局将…主动公开, nor a running total, 自2019年,通过…主动公开信息累计…)
        (r"(?<![较比自从])" + _YEAR + r"年度?[,，]?(?:我|本|通过)(?![^，。,;；]{0,8}?将)[^，。,;；]{0,8}?主动公开(?![^，。,;；]*累计)",
         "the body's count of the year"),
        # the end of the year the counts run to (截止2008年底, 截至2012年12月31日), the weakest
        (r"截[至止](?:到)?" + _YEAR + r"年(?:底|末|12月31日)", "the end of the year counted to"),
    )
    for pattern, how in patterns:
        for m in re.finditer(pattern, norm):
            if not _CITED_LAW.match(norm[m.end():]):
                yield int(m.group(1)), how


# 2018年度政府信息公开工作年度报告 / 2009年年报根据《条例》编制
# (not one item of a list the body published: 主动公开政府信息公开指南、2024年政府信息公开工作年度报告、机构概况)
_REPORT_NAMED = re.compile(_YEAR + r"年度?(?:(?:政府|政务)?信息公开(?:工作)?(?:年度)?(?:报告|年报)|年报)(?!、)")


def _report_named(norm: str) -> re.Match | None:
    """``_REPORT_NAMED.search(norm)``, tried only four characters ahead of each 年 (its year's digits):
    a pattern that opens with a year is tried at every character, several times slower than
    str.find finds the 年."""
    at = norm.find("年", 4)
    while at != -1:
        if m := _REPORT_NAMED.match(norm, at - 4):
            return m
        at = norm.find("年", at + 1)
    return None


def find_report_year(title: str | None, text: str, published: str | None,
                     bounds: tuple[int, int] | None = None) -> tuple[int | None, str]:
    """The year reported on and how it was found.

    The statistics-period sentence and the title come before any other date on the page (a 2008
    report cites the 2007 regulations and older local rules). A copy that lost its title falls back
    on the year its body opens with (2025年,霍城县水利局坚持…), before any other year the text names
    with 信息公开 (为此,2015年政府信息公开工作将…: the plans) and the publication year. A period
    or title year outside ``bounds`` (settings ``quality.report_year_min/max``) gives ``None`` with
    the reason instead of an impossible year; weaker hints outside the bounds are passed over.
    """
    lo, hi = bounds or report_year_bounds()
    head = text[:6000]
    folded = nfkc_opening(text, 6000)
    head_nfkc = digit_dates(folded)
    norm = normalise_folded(head, folded)
    named = _report_named(norm)
    strong = ((_statistics_period(head_nfkc), "statistics period"), (_title_year(title), "title"),
              (int(named.group(1)) if named else None, "report named in the text"))
    school = _SCHOOL_YEAR.search(normalise_label(title or "") + "\n" + head_nfkc[:1000])
    if school and int(school.group(2)) == int(school.group(1)) + 1:
        # a school's report on the year 2016-2017学年: both readers of such reports gave its end year
        strong = ((int(school.group(2)), "school year"),) + strong
    # the report's own title or heading, never a document it cites (《…2020—2021年政府信息公开工作实施方案》)
    headings = [line for line in head_nfkc[:1000].splitlines()[:5] if "《" not in line and len(line.strip()) <= 60]
    two = _TWO_YEARS.search("\n".join([normalise_label(title or ""), *headings]))
    if two and int(two.group(2)) == int(two.group(1)) + 1:
        # the later year, as a school year's: the report comes after it, and its sentences say that year
        strong = ((int(two.group(2)), f"{TWO_YEARS_HOW} ({two.group(1)}-{two.group(2)}): the later"),) + strong
    for year, how in strong:
        if year is None:
            continue
        if lo <= year <= hi:
            return year, how
        return None, f"report year {year} from the {how} is outside {lo}-{hi}"
    opening = _OPENING_YEAR.search(head_nfkc[:3000])
    if opening and lo <= int(opening.group(1)) <= hi:
        return int(opening.group(1)), "the year the body opens with"
    for year, how in _text_years(norm, head_nfkc):
        if lo <= year <= hi:
            return year, how
    if published and lo <= int(published[:4]) - 1 <= hi:
        return int(published[:4]) - 1, "publication year - 1"
    first_section = head_nfkc[:3000]
    if second := _SECOND_SECTION.search(first_section):
        first_section = first_section[:second.start()]
    item = _FIRST_SECTION_ITEM_YEAR.search(first_section)
    year = int(next(g for g in item.groups() if g)) if item else None
    if year and lo <= year <= hi:
        return year, "the year the body opens with"
    return None, ""


def find_published(text: str, meta: dict[str, str], lines: list[str] | None = None) -> str | None:
    """The page's publication date (YYYY-MM-DD), or None (``lines``: ``text.splitlines()``, when the
    caller holds them)."""
    for key in ("PubDate", "pubdate", "publishdate", "firstpublishedtime"):
        m = re.search(_YEAR + r"[-/.年](\d{1,2})[-/.月](\d{1,2})", meta.get(key) or "")
        if m:
            return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    m = _DATE_LABELLED.search(nfkc_opening(text, 3000))
    if m:
        return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    # NFKC keeps lines (no line break composes or decomposes), so a line that reads as a date
    # holds one in the folded text too: only those lines are read (none when the whole text holds
    # no date, which a line's date would be)
    whole = nfkc_text(text)
    if _DATE_SOMEWHERE.search(whole) is None:
        return None
    lines = text.splitlines() if lines is None else lines
    folded = whole.splitlines()
    candidates = (i for i, line in enumerate(folded) if _DATE_SOMEWHERE.search(line)) if len(folded) == len(lines) \
        else range(len(lines))
    for i in candidates:  # the date under the signature, the first standalone date
        m = _DATE_LINE.match(nfkc(lines[i].strip().strip("|")))
        if m:
            return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return None


def find_agency(title: str | None, text: str, meta: dict[str, str]) -> str | None:
    """The issuer's canonical name as far as the page places it (see :mod:`.agency`)."""
    from .agency import read_signals, resolve_agency

    return resolve_agency(read_signals(title, text, meta)).agency_name


# 汇总南平市各县(市、区)、市政府各有关部门…编制而成 / 综合2017年度丽水市各县(市、区)政府…: one pattern for each
# first word (a pattern that opens with a set of words is tried at every character; one that opens with a
# character is scanned for it fast)
_COMBINED_FROM_EACH = tuple(re.compile(word + r"[^。;；]{0,16}?各(?:县|区|市|乡|镇|街道|部门|级)[^。]{0,60}?(?:编制|汇总|形成|而成)")
                            for word in ("综合", "汇总", "汇集"))


def is_region_summary(text: str) -> bool:
    """A region's report that aggregates its own agencies (综合全区各镇、各部门 …)."""
    head = normalise_folded(text[:5000], nfkc_opening(text, 5000))
    return bool(
        re.search(r"综合(?:了)?(?:全[省市区县州旗]|各(?:县|区|市|乡镇|镇|部门))", head)
        or any(pattern.search(head) for pattern in _COMBINED_FROM_EACH)
        # 本报告所列数据来自全市编制发布政府信息公开工作年度报告的单位
        or re.search(r"数据来(?:自|源于)全[省市区县州]", head)
    )

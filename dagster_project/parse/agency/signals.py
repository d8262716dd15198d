"""What a page says about the body that issued it, strongest signal first.

Each candidate name keeps where it was read (``title``, ``heading``, ``sentence``, ``signature``,
``field``, ``subject``); the places the page names (breadcrumb, site header, addresses, the
sentences of the head) are kept apart, to complete a bare name (区统计局, 河包镇) later.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..labels import nfkc, nfkc_opening, strip_numbering, without_pinyin
from ..traditional import strip_pinyin
from .names import SECOND_NAME, ZONE_WORDS, clean_name

_YEAR = r"(?:19|20)\d{2}"
_CN_YEAR = r"二[〇○零Ｏ][一二三四五六七八九〇○零Ｏ]{2}"
_ANY_YEAR = r"(?:" + _YEAR + "|" + _CN_YEAR + ")"


class _FromLineStarts:
    """The matches of ``(?:^|\\n)`` + ``rest``, as ``re.compile(r"(?:^|\\n)" + rest).finditer`` gives them.
    The regex engine tries that opening at every character; a pattern that opens with a line break
    alone lets it skip from one line break to the next, so only the text's start is tried with the
    whole pattern. Given ``words``, for a pattern whose matches hold no line break after their own
    and one of the words, only the lines that hold one are tried."""

    def __init__(self, rest: str, words: tuple[str, ...] = ()):
        self._whole = re.compile(r"(?:^|\n)" + rest)
        self._after_break = re.compile(r"\n" + rest)
        self._words = words

    def finditer(self, text: str):
        if self._words:
            yield from self._in_lines_with_words(text)
            return
        first = self._whole.match(text)
        if first:
            yield first
        yield from self._after_break.finditer(text, first.end() if first else 0)

    def _in_lines_with_words(self, text: str):
        starts = set()
        for word in self._words:
            at = text.find(word)
            while at != -1:
                starts.add(text.rfind("\n", 0, at) + 1)
                at = text.find(word, at + 1)
        for start in sorted(starts):
            m = self._whole.match(text) if start == 0 else self._after_break.match(text, start - 1)
            if m:
                yield m


class _AtWords:
    """The matches of ``pattern.finditer``, for a pattern whose every match starts ``before`` characters
    ahead of one of ``words``. The regex engine tries a pattern that opens with a set of characters (现
    or 特) or with a year at every character, several times slower than str.find finds the words; the
    pattern is tried only where they are."""

    def __init__(self, pattern: re.Pattern, words: tuple[str, ...], before: int = 0):
        self.pattern, self._words, self._before = pattern, words, before

    def finditer(self, text: str):
        starts = set()
        for word in self._words:
            at = text.find(word, self._before)
            while at != -1:
                starts.add(at - self._before)
                at = text.find(word, at + 1)
        end = 0
        for start in sorted(starts):
            if start >= end and (m := self.pattern.match(text, start)):
                yield m
                end = m.end()


_YEAR_END = r"(?:年|(?=度|政府|政务|信息)|(?=[-—–~至](?:19|20)\d\d))"  # 2013-2014学年度: a school year
# a name ends with a body, or with a place (a bare 镇 or 街道 is the town's government)
SUFFIX = (r"(?:人民政府机关|人民政府|政府|管理委员会|委员会|行政公署|办事处|街道|镇|乡|苏木|局|厅|委|办公室|办公厅|研究室|参事室|办|中心|院|署|所|站|队|部|处"
          r"|馆|社|台|会|分局|实验区|新区|开发区|高新区|示范区|试验区|合作区|园区|县|区|市|州|旗|盟|省|自治区|公司|医院|学校"
          r"|大学|学院|中学|小学|支行|分行|海关)")
_ENDS_AS_NAME = re.compile(SUFFIX + "$")
# the same words for str.endswith, on a name without white space (the pattern is tried at every character)
_NAME_ENDS = tuple(SUFFIX[len("(?:"):-len(")")].split("|"))
# an internal office that compiles or answers for the body: 两城镇人民政府党政办公室 -> 两城镇人民政府
_INTERNAL_OFFICE = re.compile(
    r"(人民政府|街道办事处|街道|镇|乡|管理委员会|局|厅|委员会|委|中心|办公室|大学|学院|学校)(?:党政综合办公室|党政(?:和人大)?办公室|党政办|党政综合部|综合办公室"
    r"|基层党建办(?:公室)?|党建办(?:公室)?|综合办|政务信息公开办公室|单位办公室"
    # (平甸乡人民政府办公室政府信息公开办公室: the disclosure office inside the government's office)
    r"|办公室(?:政府信息公开|信息公开)(?:工作)?办公室"
    # (翔安区城市管理行政执法局政府信息公开办公室: the bureau's disclosure office, named in its contact sentence)
    r"|(?:政府)?信息公开(?:工作)?办公室|政务公开办公室|办公室|综合科|办"
    # 良庆区民族宗教事务局政务公开政府信息公开工作领导小组办公室
    r"|(?:政务公开)?(?:政府信息公开|信息公开)?(?:工作)?领导小组(?:办公室)?)$"
)
# a zone's party-and-government office answers for the zone (燕郊高新区党政办公室 -> 燕郊高新区)
_ZONE_OFFICE = re.compile(rf"(新区|{ZONE_WORDS})(?:党政综合办公室|党政办公室|党政办)$")


# the last characters of every internal office's name (an end anchored pattern is tried at every
# character, str.endswith looks at the end; a line break after the end would match it too)
_INTERNAL_OFFICE_ENDS = ("室", "办", "部", "科", "组", "\n")


def _without_internal_office(name: str) -> str:
    if not name.endswith(_INTERNAL_OFFICE_ENDS):
        return name
    return _ZONE_OFFICE.sub(r"\1", _INTERNAL_OFFICE.sub(r"\1", name))


# the office that compiles a government's report: 福清市政府信息公开工作办公室, 锦州市政府信息公开领导小组办公室,
# 哈尔滨市人民政府政务公开办公室, 洮北区政务公开协调办公室 -> the place's 人民政府 (a zone's, 大渡口经开区政务公开办公室,
# 黄山风景区…, is its committee's; a 新区 is most often a zone, and left unread too)
_GOVERNMENT_DISCLOSURE_OFFICE = re.compile(
    r"^(?!.*(?:开发|经开|高新|园|保税|示范|合作|试验|经济|风景|度假|管理|新)区)(?![本我该全各])(.{1,12}?[省市县区旗州])"
    r"(?:(?:人民)?政府信息(?:公开)?|(?:人民)?(?:政府)?政务公开)(?:工作)?(?:领导小组|协调)?(?:办公室|中心)$")
# 综合 as "combining" (由…办公室综合各区…情况), not the first word of a name (综合行政执法局, 综合行政服务中心);
# 汇总 before what it combines (由鹤壁市政府办公室汇总各市辖县区…编制), not 由各部门…汇总而成 (the sources)
_COMBINES = r"(?:综合(?!行政|执法|服务|管理|保障|治理|开发|试验|实验)|汇总(?=[各全]))"
# words that end the name inside a sentence: 由安康市统计局围绕…编制 / 郎溪县统计局在县委… / 由…办公室组织编制
_STOP = re.compile(r"(?:围绕|" + _COMBINES + r"|认真|负责|组织(?=$|编制|编写|撰写)|结合|根据|按照|依据|对|向(?:社会|公众|上级|全社会|[省市县区](?:政府|委))|关于|编制|联系|全年|坚持|严格|高度|深入|继续|持续|积极"
                   # (a bracket ends it, save a place's inside a branch's name: 常州工商行政管理局高新区(新北)分局)
                   r"|不断|紧紧|全面|通过|在|于|的|本年度|年度|要求|[(（](?![^()（）]{1,8}[)）](?:分局|支局|派出所))|\d"
                   # 《工业和信息化部政府信息公开工作2010年度报告》: the body, then its work
                   r"|(?:政府)?信息公开工作|政务公开工作)")
# 某某局编制2019年…: a clause ending in 编制<year>年; its matches all hold _COMPILED_YEAR's words,
# so this (slow) pattern, which tries every clause start, runs only on a head that has them
# (黄龙县市场监督管理局结合单位实际,编制本单位2022年度…: its own, with a clause on its situation between)
_OWN = r"(?:本单位|本局|本机关|本部门)?"
# (大营镇党政办公室编制了《2023年度政府信息公开工作报告》: the report's title quoted)
_CLAUSE_COMPILED = re.compile(r"(?:^|[。,，;；\n])([^。,，;；\n]{2,32}?)(?:结合[^。,，;；\n]{0,10}?实际[,，])?编制(?:了)?《?"
                              + _OWN + _ANY_YEAR + r"年")
_COMPILED_YEAR = re.compile(r"编制(?:了)?《?" + _OWN + _ANY_YEAR + r"年")
# 郑州高新区沟赵办事处向社会公布2021年度本级政府信息公开年度报告 (the opening's first words); it
# tries every line start, so it runs only on a head that has _PUBLISHES_YEAR's words
_PUBLISHES_YEAR = re.compile(r"向社会(?:公布|公开|发布)" + _ANY_YEAR)
_LINE_PUBLISHES = _FromLineStarts(r"([^\s,，。;；《》]{2,30}?)" + _PUBLISHES_YEAR.pattern)
# 鄂州市临空经济区办公室(以下简称“区办公室”)编制本报告; it tries every clause start, so it runs
# only on a head that has _SHORT_NAME_COMPILES's words (most reports say 以下简称《条例》, then no 编制)
_SHORT_NAME_COMPILES = re.compile(r"以下简称[^)）]{1,12}[)）](?:负责)?编制")  # (a literal opening is found fast)
_NAMED_SHORT_COMPILES = re.compile(r"(?:^|[由,，。;；\n])([^由\s,，。;；《》()（）]{2,30}?)[(（]" + _SHORT_NAME_COMPILES.pattern)
# 地址:浙江省永嘉县溪下乡人民政府党政综合办公室 (an address that is the body itself; an address at a
# 中心 is the building of a service hall: 地址:广德市便民服务中心; one on a road is a building's:
# 地址:海口市长滨路第二行政办公区6号楼, though a street office may be named for its road, 湖南路街道)
_ADDRESS_OF_BODY = re.compile(r"地址[:：]\s*(?![^,，。;；(（\d]*?(?:路|大道|大街|巷|弄)(?!街道|社区))([^,，。;；(（\d]{4,36})")
# 由汉台区信息中心编制,经汉台区人民政府办公室审定而成: the body that approved the report issues it, not the
# unit that wrote it (its office approves for a government, as it signs for one)
_REVIEWED_BY = re.compile(r"编制[,，]?(?:并|后)?经(?:过)?([^,，。;；]{2,30}?)(?:审定|审核|审批|批准)")
_GUIDE = re.compile(r"《([^《》]{2,30}?)(?:信息公开|政务公开)(?:工作)?(?:指南|目录|制度)》")
# a guide the report follows, cited with the rules (认真贯彻《条例》《陕西省政府信息公开指南》): its own
# (认真贯彻落实《天津港保税区管理委员会政府信息公开指南》) or another body's
_CITED = re.compile(r"(?:贯彻|根据|依据|按照|依照)[^。,，;；]*$|》[、和及与]?$")
# a body saying what it is: 绍兴市卫生健康委是主管全市医疗卫生健康事业的市政府职能部门
# (not the body that leads the area's disclosure: 区数据资源管理局是负责全区政府信息公开工作的区政府工作部门)
_SAYS_WHAT_IT_IS = _FromLineStarts(r"([^\s,，。;；《》\d]{2,30}?)是(?:主管|负责|主责)(?:(?!信息公开|政务公开)[^。\n]){2,40}?"
                                   r"的[^。\n,，]{0,8}?(?:职能部门|工作部门|组成部门|直属机构|直属特设机构|派出机构)")
# 北京市重大项目建设指挥部办公室依据《中华人民共和国政府信息公开条例》…编制本报告: the opening's first words
# (…要求,编制2017年政府信息公开工作年度报告: the year's report, named)
_COMPILES_UNDER_THE_RULES = _FromLineStarts(
    r"([^\s,，。;；《》\d]{2,30}?)(?:依据|根据|按照|依照)《[^。\n]{0,120}?编制(?:(?:本|此)(?:年度)?报告"
    r"|(?:了)?" + _ANY_YEAR + r"年度?(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?报告)", ("据《", "照《"))
_SUMS_UP = re.compile(r"(?:总结|反映(?:了)?)([^\s,，。;；《》\d]{2,30}?)(?:" + _ANY_YEAR + r"年度?)?(?:政府信息公开|政务公开)工作")
# 报告涵盖2025年1月1日至12月31日期间勐拉镇政府信息公开工作情况: the period, then the body whose work it was (one body:
# …期间昌图县人民政府及所属部门、镇政府信息公开工作 is a county's whole)
_COVERS_THE_WORK = re.compile(r"涵盖[^。,，;；]{0,30}?期间([^\s,，。;；《》()（）\d、及和与各]{2,30}?)(?:政府信息公开|政务公开)工作")
_SENTENCES = [
    # (现公开来凤经济开发区信息公开2018年度报告: the body, then the work the year's report is of)
    _AtWords(re.compile(r"(?:现|特)(?:将|向社会|予以)?(?:公布|公开|发布)《?(?:" + _ANY_YEAR + r"年度?)?(.{2,32}?)"
                        r"(?:政府信息公开|信息公开|政务公开)?(?:工作)?" + _ANY_YEAR), ("现", "特")),
    _SAYS_WHAT_IT_IS,
    _NAMED_SHORT_COMPILES,
    re.compile(r"(?:公布|公开)《?" + _ANY_YEAR + r"年度?(.{2,32}?)(?:政府信息公开|信息公开|政务公开)"),
    # (公布清远市人民政府办公室(以下简称市政府办公室)2013年政府信息公开工作年度报告: the body, its short name, its year's report)
    re.compile(r"(?:公布|公开|发布)《?([^\s,，。;；《》()（）\d]{2,30}?)[(（]以下简?称[^)）]{1,12}[)）]" + _ANY_YEAR
               + r"年度?(?:政府信息公开|信息公开|政务公开)"),
    re.compile(r"现(?:将|就)(?:" + _ANY_YEAR + r"年度?)?(.{2,32}?)(?:" + _ANY_YEAR + r"年度?)?(?:政府信息公开|信息公开|政务公开)"),
    re.compile(r"特编制(?:并(?:向社会)?(?:公布|公开|发布))?(.{2,32}?)" + _ANY_YEAR),  # (特编制并向社会公布金水区…局2014年度…)
    # 编制了若笠乡2008年政府信息公开工作年度报告: the report's title, unquoted
    re.compile(r"编制(?:了)?([^\s,，。;；《》\d]{2,30}?)" + _ANY_YEAR + r"年度?(?:政府信息公开|政务公开|信息公开)"),
    # 编制2021年铁岭市应急管理局信息公开工作年度报告: the title with its year first
    re.compile(r"编制(?:了)?" + _ANY_YEAR + r"年度?([^\s,，。;；《》\d]{2,30}?)(?:政府信息公开|政务公开|信息公开)"),
    _COMPILES_UNDER_THE_RULES,
    # 全面总结西宁市城中区人民政府礼让街街道办事处2025年政府信息公开工作情况 / 结合滨海新区政府信息公开工作情况编制
    _SUMS_UP,
    _COVERS_THE_WORK,
    # (结合县政府政务公开工作要求: the body that asks, not the one that reports; 结合…工作要点落实情况 is its own)
    re.compile(r"结合(?:" + _ANY_YEAR + r"年度?)?([^\s,，。;；《》\d]{2,30}?)(?:" + _ANY_YEAR + r"年度?)?(?:政府信息公开|政务公开)工作"
               r"(?!的?(?:有关|相关|新的?|最新)?(?:要求|部署|安排|精神|(?:要点|任务|重点)(?![^，,。;；]{0,4}?(?:落实|完成|情况|推进))))"),
    _LINE_PUBLISHES,
    _REVIEWED_BY,
    # (the name ends at 根据/按照…: 由杭州市余杭区教育局根据《…》《…》要求编制而成, titles of any length between)
    re.compile(r"由(.{2,160}?)(?:编制|编写|撰写|制作)"),
    # 由哈尔滨市人民政府政务公开办公室综合市政府、各区…的政府信息公开工作情况 (编制 beyond the opening)
    re.compile(r"由([^,，。;；]{2,40}?" + _COMBINES + r"[^,，。;；]{0,24})"),
    # 综合2017年度丽水市各县(市、区)政府和市级各部门的…报告编制而成: the place whose governments and departments
    # the report combines is the place whose government reports
    # (its governments and its departments at large: not a sector's, 各县(市、区)教育部门, nor the 政府 of 政府信息公开)
    re.compile(r"综合(?:" + _ANY_YEAR + r"年度?)?([^\s,，。;；《》\d各全]{1,10}?(?:省|自治区|市|州|盟|县|区|旗))各(?:县|区|市|乡|镇|旗)"
               r"[^,，。;；]{0,16}?(?:政府(?!信息)|(?<![\u4e00-\u9fff])各部门|[省市县区]级各部门|[省市县区]直各部门|和各部门)"),
    # 《均村乡人民政府信息公开指南》: the body's own guide or catalogue
    _GUIDE,
    _ADDRESS_OF_BODY,
    _CLAUSE_COMPILED,
    _AtWords(re.compile(r"(?:请|可)(?:与|向|直接与)(.{2,36}?)(?:联系|咨询)"), ("请", "可")),
    re.compile(r"请联系[:：]?\s*(.{2,36}?)[,，。;；(（]"),
]


def _holds_one_of(*words: str):
    return lambda text: any(word in text for word in words)


# what every match of a slow pattern holds (it tries every line or clause start, or a long capture
# after a frequent word): it runs only on an opening that has it
_NEEDS = {
    _SAYS_WHAT_IT_IS: re.compile(r"是(?:主管|负责|主责)").search,
    _NAMED_SHORT_COMPILES: _SHORT_NAME_COMPILES.search,
    _SUMS_UP: _holds_one_of("总结", "反映"),
    _COVERS_THE_WORK: _holds_one_of("涵盖"),
    _LINE_PUBLISHES: _PUBLISHES_YEAR.search,
    _CLAUSE_COMPILED: _COMPILED_YEAR.search,
}
# (paired once: a compiled pattern's hash, taken at each lookup, hashes its whole compiled code)
_SENTENCES_AND_NEEDS = [(pattern, _NEEDS.get(pattern)) for pattern in _SENTENCES]
_FOLLOWS = re.compile(r"(?:按照|参照|根据|依据|依照|对照|仿照|借鉴|学习)$")
_QUOTED_TITLE = re.compile(r"《([^《》]{2,30}?)" + _ANY_YEAR + r"年度?[^《》]{0,8}(?:政府信息公开|政务公开|信息公开)[^《》]{0,10}报告》")
# the year's work of a body named in passing: 涵盖了2020年彝良县政府信息公开工作 (weakest); 年度 is
# read whole (2017年度旗政府信息公开工作 names no 度旗)
_WORK_OF = _AtWords(re.compile(_YEAR + r"年度?(?!度)([^\s,，。;；、《》]{2,20}?)(?:政府信息公开|政务公开)工作"), ("年",), before=4)
# the labels of the page's field that names the issuer
_ISSUER_FIELD_WORDS = r"发布机构|发布单位|发文机关|发文单位|发布部门|信息来源|来源"
# (the value ends where the next field's label begins, with no space between when a PDF or Word copy
# dropped it: 来源:宣城市残疾人联合会字体:[ ])
# or a sentence: 来源:国家文化和旅游部根据《中华人民共和国政府信息公开条例》…)
_NEXT_FIELD = r"(?:字体|字号|作者|浏览|点击|发布时间|发布日期|时间|日期|打印|责任编辑)[:：]|(?:根据|按照|依据)《"
_FIELD = re.compile(
    r"(?:" + _ISSUER_FIELD_WORDS + r"|填报单位(?:\(盖章\))?)\s*[:：|]?\s*\|?\s*((?:(?!" + _NEXT_FIELD + r")[^\s|:：,，]){2,30})")
_SUBJECT_SAYS = (r"(?:" + _YEAR + r"年(?:以来|度)?|今年以来|本年度)[,，]?\s*(?:在[^,，。;；]{2,30}?(?:领导|指导|支持|引领)下[,，])*"
                 r"([^\s,，。;；]{2,25}?)(?:认真|在|坚持|严格|高度|深入|继续|持续"
                 r"|按照|围绕|全面|紧紧|积极|不断|结合|以|把|根据|进一步|大力|始终|准确"
                 # (and these after a body's name alone: 宝鸡市深化统计领域政务公开 is the city's work, of which
                 # a department may write)
                 r"|(?<=[局委办厅镇乡府处道心会室部])(?:深化|紧扣|着力|扎实|聚焦|立足|强化|切实|全力|加强|加大|推进|贯彻|落实))")
_SUBJECT = _FromLineStarts(r"\s*" + _SUBJECT_SAYS)
_A_LEVEL_ALONE = re.compile(r"(?:自治区|省|市|区|县|旗|州)(?:人民)?政府")
# a subject of several bodies, or of the party committee with the government (县委县政府, 区直各部门、各街道,
# 镇党委、镇政府): the area's work, not one issuer
_NOT_ONE_BODY = re.compile(r"各|、|(?:党|[省市县区州镇乡旗])委[、和及与]?(?:[省市县区州镇乡旗])?(?:人民)?政府")
# an opening copied flat keeps its first section's heading on the line: 一、总体情况 2022年,襄州区人民政府坚持…
# (a pattern of its own: its words lead it, where an alternative at every line start would slow the other)
# (or with no space before a year, where a PDF copy dropped it: 一、总体情况2020年,国家广播电视总局坚持…)
_SUBJECT_AFTER_HEADING = _AtWords(re.compile(r"(?:概述|总体情况|基本情况)(?:[ \t]+\s*|(?=" + _YEAR + r"年))" + _SUBJECT_SAYS),
                                  ("概", "总", "基"))
# the overview's first words when no year opens it: 一、概述 / 江坡镇高度重视政府信息公开工作
# (or under the first item's heading: 一、总体情况 / (一)组织领导 / 马家堡街道持续高度重视…)
_OVERVIEW_SUBJECT = _AtWords(re.compile(r"(?:概述|总体情况|基本情况)(?:\s*\n|[ \t]+)(?:\s*[(（][一二三四五六][)）][^\n。]{0,12}\n)?"
                                        r"\s*([^\s,，。;；]{2,25}?)(?:持续|一直)?(?:高度重视|认真贯彻|始终坚持"
                                        # (东阿县人民政府办公室按照《中华人民共和国政府信息公开条例》第二十条规定,…: the regulations,
                                        # not a superior's notice, which its office may be named as sending)
                                        r"|以习近平|坚持以|认真落实|深入贯彻|全面贯彻|(?:按照|根据|依据)《(?:中华人民共和国)?政府信息公开条例》)"),
                             ("概", "总", "基"))
# a sentence whose subject works under its superiors' lead: 泗水县教育局在县委、县政府的正确领导下 (matched on
# the sentence up to each 领导下, which holds no comma)
_LED_SUBJECT = re.compile(r"\s*(?:" + _YEAR + r"年度?[,，]\s*)?([^\s,，。;；、《》]{2,25}?)在[^,，。;；]{2,20}?的(?:正确|坚强|统一)?领导下")
_DATE_LINE = re.compile(r"^\s*" + _YEAR + r"\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*$")
# the characters whose fold (NFKC) holds 月, besides 月 itself: ⽉, ㋀ (1月)… (read off the Unicode
# database in the tests)
_MONTH_FORMS = "⽉㈪㊊㋀㋁㋂㋃㋄㋅㋆㋇㋈㋉㋊㋋🈷"


def _date_lines(lines: list[str]) -> list[int]:
    """The indexes of the lines that read as a date once folded (NFKC) (_DATE_LINE). A line's fold
    holds a 月 only where the line holds 月 or one of _MONTH_FORMS (a fold composes no 月, and keeps
    every one it decomposes to), so only those lines, one or two of a page's end, are folded."""
    joined = "\n".join(lines)
    months = [form for form in "月" + _MONTH_FORMS if form in joined]  # (a page that writes ㋀ asks for it too)
    if not months:
        return []
    return [i for i, line in enumerate(lines) if any(form in line for form in months) and _DATE_LINE.match(nfkc(line))]
_BREADCRUMB = re.compile(r"当前位置|您的位置|所在位置|首页|>|»|→")
_FIELD_LABELS = re.compile(r"索引号|文件编号|发布机构|发文机关|信息名称|公开类别|主题分类|发布时间|发文日期|生成日期|公开方式")
_ISSUER_LABEL = re.compile(r"^(?:" + _ISSUER_FIELD_WORDS + r")$")


def _values_under_their_labels(lines: list[str]) -> list[str]:
    """The page's fields laid out as a table of a row of labels over a row of values (索引号 | 公开方式 |
    发布机构 | over 116223010139324488/2010-00023 | 主动公开 | 凉州区张义镇人民政府 |): the value under an
    issuer's label."""
    values = []
    for above, below in zip(lines, lines[1:]):
        bars = above.count("|")
        if bars < 2 or below.count("|") != bars:
            continue  # (not three labels over as many cells)
        labels, cells = [c.strip() for c in above.split("|")], [c.strip() for c in below.split("|")]
        if len(labels) >= 3 and len(labels) == len(cells) and _FIELD_LABELS.search(above) \
                and not _FIELD_LABELS.search(below):
            values += [cell for label, cell in zip(labels, cells) if _ISSUER_LABEL.match(label) and cell]
    return values


# a heading that names the year's report (道县文广新局2013年度信息公开工作)
_DATED_HEADING = re.compile(r"^[^《]{2,30}?" + _ANY_YEAR + r"年度?.{0,6}(?:信息公开|政务公开)")
_SENTENCE_MARK = re.compile(r"[,，。:：]")
_UNDATED_TITLE = re.compile(r"^(?!一图|图解|解读|关于)([^《》,，。:：\d]{2,30}?)(?:政府信息公开|政务公开|信息公开)(?:工作)?年度报告$")
_GOV_SITE = re.compile(r"((?:[A-Za-z0-9-]+\.)+gov\.cn)")
# (- 项目中心; -项目中心 where a PDF copy dropped the space)
_LIST_ITEM = re.compile(r"^[-•·*](?:\s|(?=[\u4e00-\u9fff]))")
_SELF = _AtWords(re.compile(r"我(局|委|办|厅|镇|乡|街道|街|区|县|市|中心|院)|本(机关|局|委|镇|乡|街道|单位)"), ("我", "本"))


# an address read after 地址: (石城县行政中心三楼B区) ends like a place but names no body
_ADDRESS = re.compile(r"[一二三四五六七八九十\d]+[楼层]|大厦|[A-Za-z0-9]区$|\d+号|大道|行政(?:办公)?中心$")
# what no body's name holds:
# - a figure, a year, a report's or a law's words, a title's brackets (…2019年度报告, 《条例》);
# - Latin letters (图书馆VIP党政办公室), a list's or a line's marks (一级事项|二级事项);
# - a site's account links and greeting, which end like an office's name (登录个人中心, 欢迎来到莒南县人民政府门户网站),
#   its chrome (返回顶部, 长者专区, 深圳市政府网站编辑部…) or its footer (建德市新闻传媒中心主办);
# - a sentence's or a title's words (现将我委, 贯彻落实国务院办公厅, 印发市政府办公厅关于天津市政府, 一窗受理"向"前台);
# - who leads the work (由局主要领导牵头、分管领导主抓: not a 领导小组's office).
# Quotes around words may be a name's own (德清县"最多跑一次"改革办公室), and so may 协办 (宁海县科协办, 政协办).
_NOT_IN_A_NAME = re.compile(r"\d|年度|报告|公开|条例|《|》"
                            r"|[A-Za-z|【】\[\],，]|[\"“].?[\"”]"
                            r"|登录|个人中心|用户中心|会员中心|欢迎|网站$|门户网$|返回|顶部|网站(?:编辑部|首页|地图|声明|导航)|长者专区"
                            r"|(?:主|承)办$|现将|关于|印发|贯彻|落实|领导(?!小组)|牵头|主抓|分管")
# (or words a sentence joins with: 反映或直接与…联系, …的南平市人民政府)
_NOT_A_NAME_START = ("本", "我", "各", "该", "全", "根据", "按照", "依据", "为", "或", "的", "了")
# levels of government, no body (结合省市政务公开工作要求, 市县两级): the upper bodies' demands, not the issuer
_LEVELS_ONLY = re.compile(r"^(?:省|市|县|区|州|乡|镇|旗)(?:、?(?:省|市|县|区|州|乡|镇|旗))+(?:两级|三级|各级)?$")


# a zone named after its city (本溪高新技术产业开发区, 本溪经济开发区): the city's short name, then the zone's
_ZONE_AFTER_PLACE = re.compile(r"高新|经济|经开|工业园|新区|保税")


def _starts_with_place(name: str) -> bool:
    """本溪满族自治县人民政府, 全州县统计局: a division's name, not 本局 or 全县, opens the name; so does its
    short name with a level (本溪县 for 本溪满族自治县), or before a zone's words."""
    from .divisions import division_table

    table = division_table()
    by_name, by_short = table.by_name, table.by_short
    return any(by_name.get(name[:k]) or name[k - 1] in _PLACE_ENDS and by_short.get(name[:k - 1])
               for k in range(3, min(len(name), 12) + 1)) \
        or any(by_short.get(name[:k]) and _ZONE_AFTER_PLACE.match(name, k) for k in (2, 3))


# 城口县人民政府机关: the government and its office; 永定县教育局机关: the bureau and its own offices
_BODY_S_OWN_OFFICES = re.compile(r"(人民政府|局|委员会|委|厅|办公室)机关$")
_AND_ITS_OFFICE = re.compile(r"及其?办公[室厅]$")  # 阿勒泰地区行政公署及办公室: the body and its office
# 中共嵊泗县委嵊泗县人民政府办公室: the party committee's and the government's joint office, the government's
_PARTY_COMMITTEE_BEFORE = re.compile(r"^(?:中共)?([\u4e00-\u9fff]{2,8}?[省市县区旗])委(?=\1)")
# 2023年东新乡党委高度重视…: a town's or street's party committee speaks for the town in its report
_TOWN_S_PARTY_COMMITTEE = re.compile(r"(镇|乡|苏木|街道)党(?:工)?委$")
# 西咸新区空港新城管理委员会党委、管理委员会: the committee, named with its party committee
_WITH_ITS_PARTY_COMMITTEE = re.compile(r"(管理委员会|人民政府)(?:党委|党工委|党组)[、和及与](?:管理委员会|人民政府)(?:办公室)?$")
_GOVERNMENT_S_OFFICE = re.compile(r"(人民政府|管理委员会)办公[室厅]$")
_OFFICE_ENDS = ("办公室", "办公厅")
_GOVERNMENT_WORD = re.compile(r"(?:人民)?政府$")


@dataclass
class PageSignals:
    candidates: list[tuple[str, str]] = field(default_factory=list)  # (cleaned name, source)
    place_text: str = ""  # the lines that name places: breadcrumb, site header, field values, the head
    url: str | None = None
    self_word: str | None = None  # 我局 -> 局, 我镇 -> 镇: the kind of body the page speaks for
    we_words: tuple[str, ...] = ()  # every 我X the opening says (我镇, 我县): not 本乡镇 of a sentence on the towns' duties
    printed_site: str | None = None  # the government site the opening names (电子版可在…下载,网址:www.saihan.gov.cn)
    sources: dict[str, set[str]] = field(default_factory=dict)  # every kind of signal that named each candidate

    def add(self, name: str | None, source: str, signed: bool = False) -> None:
        name = clean_name(name)
        if not name:
            return  # (nothing the steps below do makes a name of an empty one)
        # (each pattern only on a name that ends, or holds, as its matches do: clean_name leaves no
        # white space, so no line break after the end)
        if name.endswith("机关"):
            name = _BODY_S_OWN_OFFICES.sub(r"\1", name)
        if name.endswith(_OFFICE_ENDS):
            name = _AND_ITS_OFFICE.sub("", name)
        if "委" in name:
            name = _PARTY_COMMITTEE_BEFORE.sub("", name)
            if name.endswith("委"):
                name = _TOWN_S_PARTY_COMMITTEE.sub(r"\1", name)
        if name.endswith(("管理委员会", "人民政府", "办公室")):
            name = _WITH_ITS_PARTY_COMMITTEE.sub(r"\1", name)
        if signed and name.endswith(_OFFICE_ENDS):  # a government's office signs for the government
            name = _GOVERNMENT_S_OFFICE.sub(r"\1", name)
        if source in ("sentence", "field"):
            name = _without_internal_office(name)
            if name.endswith(("室", "心")):
                name = _GOVERNMENT_DISCLOSURE_OFFICE.sub(r"\1人民政府", name)
        # 嘉兴市人民防空办公室(民防局) / 省政府研究室(发展研究中心): the name or its second name ends as a name
        named = SECOND_NAME.sub("", name)
        ends = named.endswith(_NAME_ENDS) or named != name and name[:-1].endswith(_NAME_ENDS)
        if 2 <= len(name) <= 32 and ends and named not in _NAME_ENDS \
                and not (name.startswith(_NOT_A_NAME_START) and not _starts_with_place(name)) \
                and not _NOT_IN_A_NAME.search(name) \
                and not _ADDRESS.search(name) and not _LEVELS_ONLY.match(_GOVERNMENT_WORD.sub("", name)) \
                and not _AN_OFFICE_ALONE.fullmatch(name):
            if all(n != name for n, _ in self.candidates):
                self.candidates.append((name, source))
            self.sources.setdefault(name, set()).add(source)


# an internal office named without its body (可与党政办联系): it names no issuer
_AN_OFFICE_ALONE = re.compile(r"党政(?:综合)?(?:办公室|办)|综合办(?:公室)?|党建办(?:公室)?")
_WORK_AFTER_THE_NAME = re.compile(r"(?:政府信息公开|信息公开|政务公开)工作$")
_PLACE_ENDS = ("省", "市", "县", "区", "州", "旗", "盟")
_BODY_END = re.compile(r"(?:局|厅|委|委员会|办公室|办|中心|院|所|站|馆)$")


# 《鹤山市公安局政府信息公开指南》: a body's name, then the 政府 of 政府信息公开
# (镇党委政府 is the town's committee and government)
_BODY_THEN_GOVERNMENT = re.compile(r"(?:[局厅办室院所站处队会馆]|(?<!党)委|中心)政府$")


def _government_whole(issuer: str) -> str:
    """某县人民|政府信息公开…: a name cut before 政府信息公开 gets its government back, and a body's
    name cut after the 政府 of 政府信息公开 loses it."""
    if _BODY_THEN_GOVERNMENT.search(issuer) or issuer.endswith("人民政府政府"):  # (《福建省人民政府政府信息公开指南》)
        return issuer[:-2]
    return issuer + "政府" if issuer.endswith("人民") else issuer


_COVER_OF_A_REPORT = re.compile(r"^[^《》]{2,30}?关于(?:发布|印发|公布|公开)?《?" + _ANY_YEAR + r"年度?((?!政府|政务|信息)[^\d年度《》]{2,20}?)"
                                r"(?:政府信息公开|政务公开|信息公开)(?:工作)?年度报告》?的(?:公告|通知|函)")
_ITS_OFFICE = re.compile(r"(?:人民政府|政府)?(?:办公厅|办公室)")


_WORK_BEFORE_YEAR = re.compile(r"(?:信息公开|政务公开)(?:工作)?$")
# 县卫生局信息公开2010年度工作报告: a sample essay's body, a level and no place (市南区, 市中区 are places)
_LEVEL_ONLY = re.compile(r"^[省市县区乡镇](?![南中北]区)")


_BEFORE_THE_YEAR = re.compile(r"^(.*?)" + _ANY_YEAR + _YEAR_END)
# (read after the title's place: a pattern of its own, not one compiled for each title)
_YEAR_THEN_A_BODY = re.compile(_ANY_YEAR + r"年度?([^\d年]{1,12}?)(?:政府信息公开|政务公开|信息公开)")


def _title_issuer(title: str) -> str:
    # a list's tag before the title (【2019】马关县交通运输局2019年…, 【置顶】) is no part of the name, unless it
    # names the body (【苑坑乡】2023年…) and the title does not name it again (【沙坪镇】沙坪镇2023年…)
    norm = "".join(nfkc(strip_pinyin(title)).split())
    norm = re.sub(r"^(?:19|20)\d\d(?=[^\d年度\-—–~至])", "", norm)  # a stray year before the title (2025湖口县大垅乡2025年度…)
    tag = re.match(r"【([^】]{1,8})】", norm)
    if tag and (not _ENDS_AS_NAME.search(tag.group(1)) or norm.startswith(tag.group(1), tag.end())):
        norm = norm[tag.end():]
    m = _BEFORE_THE_YEAR.match(norm)
    issuer = m.group(1).split("关于")[0] if m else ""  # XX办公室关于做好2025年…的通知
    # a cover notice names the report's body in the report's title (教育部办公厅关于发布《2010年教育部政府信息公开
    # 工作年度报告》的公告): the report is that body's, its office only publishes it
    # (only the body whose office the notice's issuer is: not 成都市各区县 of 成都市人民政府办公厅's notice, nor 平阳市
    # of 平阳市教育局办公室's)
    cover = _COVER_OF_A_REPORT.match(norm)
    if cover and issuer.startswith(cover.group(1)) and _ITS_OFFICE.fullmatch(issuer[len(cover.group(1)):]) \
            and (_ENDS_AS_NAME.search(cover.group(1)) or cover.group(1).endswith(_PLACE_ENDS)):
        return _government_whole(cover.group(1))
    # the year after the title: 张家口市宣化区政府信息公开工作年度报告(2019年); or after the work it reports on:
    # 中国地震局政府信息公开工作2010年度报告
    after_title = re.search(r"(?:政府)?信息公开|政务公开", issuer) \
        if "报告" in issuer or _WORK_BEFORE_YEAR.search(issuer) and not _LEVEL_ONLY.match(issuer) else None
    if after_title:
        issuer = _government_whole(issuer[:after_title.start()])
    # the year inside the name: 崇义县2015年教育局信息公开工作年度报告
    body = _YEAR_THEN_A_BODY.match(norm, len(issuer)) \
        if issuer.endswith(_PLACE_ENDS) and norm.startswith(issuer) else None
    if body and _BODY_END.search(body.group(1)) and not body.group(1).startswith(_NOT_A_NAME_START):
        issuer += body.group(1)
    if len(issuer) < 2:  # 2024年昌吉州发改委政府信息公开工作年度报告 / 2012-2013学年度中国科学院大学信息公开工作年度报告
        m = re.match(r"^" + _ANY_YEAR + r"(?:年度?|[-—–~至](?:19|20)\d\d学?年度?)(.{2,30}?)(?:政府信息公开|政务公开|信息公开)", norm)
        issuer = _government_whole(m.group(1)) if m else ""  # (2024年托克逊县夏镇人民|政府信息公开…)
    return issuer


# a government's disclosure group inside a longer capture (由南平市人民政府信息公开工作领导小组办公室根据…):
# its words would otherwise end the name at 信息公开工作, inside 人民政府
_GOVERNMENT_GROUP = re.compile(r"(人民政府)(?:政务公开)?(?:政府信息公开|信息公开)(?:工作)?领导小组(?:办公室)?")


# the government's office that combines the reports of all its parts compiles the government's own
# (由市政府办公室综合各县市区人民政府和市政府各部门的…年度报告编制而成; 松北区人民政府政府办公室
# prints the government's name twice)
_COMBINING_OFFICE = re.compile(r"^(.*?)(?:人民)?(?:政府)?政府办公[室厅]$")


# what a body combines when it compiles the area's report: the governments and departments of the
# area (综合县级单位及各乡镇街道办…, 综合各县(市)区人民政府和市政府各部门…), not the bodies of its own
# sector across the area (综合全县各中小学校, 综合各县区民政部门, 综合各乡镇规划建设站)
_COMBINES_THE_AREA = re.compile(r"(?:在)?" + _COMBINES + r"[^,，。;；]{0,20}?(?:政府(?!信息|网站|门户)|各部门|本级|委、?办、?局"
                                r"|[省市县区旗][直级](?:各)?(?:单位|部门|机关)|乡镇(?:人民政府|政府|街道|[、和及])|街道办)")
_A_DEPARTMENT = re.compile(r"(?:局|(?<!管理)委员会|委|中心)$")


def _sentence_name(captured: str) -> str:
    captured = _without_internal_office(_GOVERNMENT_GROUP.sub(r"\1", "".join(captured.split())))
    cut = _STOP.search(captured, 2)
    if not cut:
        return captured
    name = captured[:cut.start()]
    combines = re.match(r"(?:在)?" + _COMBINES, captured[cut.start():])  # 由广州市政府办公厅在综合汇总各区…
    if combines and _A_DEPARTMENT.search(name) and "政府" not in name \
            and _COMBINES_THE_AREA.match(captured, cut.start()):
        # a department charged with compiling the area's report (由县工业商贸和科技信息局综合县级单位及各乡镇…
        # 编制): the report is the government's, which the department's name does not say
        return ""
    return _COMBINING_OFFICE.sub(r"\1人民政府", name) if combines else name


def _led_subjects(body: str) -> list[str]:
    """The subjects of the sentences that say they work under their superiors' lead (_LED_SUBJECT)."""
    names, at = [], body.find("领导下")
    while at != -1:
        start = max(body.rfind("。", 0, at), body.rfind("\n", 0, at)) + 1
        m = _LED_SUBJECT.fullmatch(body, start, at + 3)
        if m and not _NOT_ONE_BODY.search(m.group(1)):  # (县委县政府在市委市政府的领导下: the area's work)
            names.append(m.group(1))
        at = body.find("领导下", at + 3)
    return names


def _inside_book_title(text: str, at: int) -> bool:
    return text.rfind("《", 0, at) > text.rfind("》", 0, at)


def _kept_lines(text: str) -> list[str]:
    """The text's lines without their edge spaces and table bars, the empty ones left out."""
    if "|" not in text:  # (most openings and ends: a strip each, where a bar costs two more)
        return [kept for line in text.splitlines() if (kept := line.strip())]
    return [kept for line in text.splitlines() if (kept := line.strip().strip("|").strip())]


def _folded_head(text: str, size: int) -> str:
    """``nfkc(without_pinyin(text[:size]))``: the folded opening (:func:`nfkc_opening`) of a head that
    holds no pinyin."""
    head = text[:size]
    plain = without_pinyin(head)
    return nfkc_opening(text, size) if plain is head else nfkc(plain)


def read_signals(title: str | None, text: str, meta: dict[str, str] | None = None) -> PageSignals:
    meta = meta or {}
    signals = PageSignals(url=meta.get("Url") or meta.get("url") or None)
    head = _folded_head(text, 4000)
    lines = _kept_lines(head)
    if title:
        signals.add(_title_issuer(title), "title")
    # the issuer's own line near the top: 桃江县松木塘镇人民政府 / 2022年政府信息公开工作年度报告,
    # or a heading that starts with it: 道县文广新局2013年度信息公开工作
    for line in lines[:12]:
        compact = "".join(line.split())
        if _BREADCRUMB.search(compact) or _FIELD_LABELS.match(compact):
            continue  # a line of the page's fields (文件编号 发布机构 高桥镇) is no heading
        # (a sentence that cites another body's notice first is no heading: 根据靖远县人民政府办公室《关于做好2008年…》)
        if _DATED_HEADING.match(compact):
            signals.add(_title_issuer(compact), "heading")
        elif m := _UNDATED_TITLE.match(compact):  # 驼峰路街道办事处政府信息公开工作年度报告
            signals.add(_government_whole(m.group(1)), "heading")
        # (衡阳市人民防空办公室(民防局): a second name in brackets)
        elif len(compact) <= 24 and _ENDS_AS_NAME.search(SECOND_NAME.sub("", compact)) and not _SENTENCE_MARK.search(compact) \
                and strip_numbering(compact) == compact and not _LIST_ITEM.match(line):
            # (二)公共查阅场所 is a section of the report; - 项目中心, an item of the site's menu
            signals.add(compact, "heading")
    body = "\n".join(lines)
    # a report's title quoted in the text: 编制《武定县人民政府办公室2020年政府信息公开工作年度报告》
    for m in _QUOTED_TITLE.finditer(body[:3000]):
        # (按照《遂昌县人民政府2018年…年度报告》的体例: another report the body follows, not its own)
        if not _FOLLOWS.search(body, max(0, m.start() - 12), m.start()):
            signals.add(m.group(1), "title")
    opening = body[:3000]
    cited: list[str] = []
    for pattern, needs in _SENTENCES_AND_NEEDS:
        if needs and not needs(opening):
            continue
        for m in pattern.finditer(opening):
            if pattern is _ADDRESS_OF_BODY and m.group(1).rstrip().endswith("中心"):
                continue
            if pattern is _GUIDE and _CITED.search(opening, max(0, m.start() - 60), m.start()):
                cited.append(m.group(1))  # its own guide or another body's: named after the other sentences
                continue
            # (公布2024年合水镇人民|政府信息公开…: the government's name cut before 政府信息公开)
            signals.add(_government_whole(_sentence_name(m.group(1))), "sentence", signed=pattern is _REVIEWED_BY)
    for name in cited:
        signals.add(_government_whole(_sentence_name(name)), "sentence")
    tail = _kept_lines(text[-3000:])
    for i in _date_lines(tail):
        if i > 0 and len(tail[i - 1]) <= 30:
            signals.add(tail[i - 1], "signature", signed=True)
    for key in ("ContentSource", "contentsource", "source"):
        signals.add(meta.get(key), "field")
    for m in _FIELD.finditer(body[:3000]):
        signals.add(m.group(1), "field")
    for value in _values_under_their_labels(lines[:20]):
        signals.add(value, "field")
    subjects = list(_SUBJECT.finditer(body[:4000]))
    if "情况" in body or "概述" in body:
        subjects = sorted(subjects + list(_SUBJECT_AFTER_HEADING.finditer(body[:4000])), key=lambda m: m.start())
    for m in subjects:
        # (今年以来,市政府高度重视…: a level's body with no place is no issuer where no numbered year leads it)
        unnumbered = any(word in m.string[m.start():m.start(1)] for word in ("今年以来", "本年度"))
        if not _NOT_ONE_BODY.search(m.group(1)) and not (unnumbered and _A_LEVEL_ALONE.match(m.group(1))):
            # (2022年,河东乡政府信息公开工作在县委…领导下: the body's name, then the work it reports on)
            signals.add(_government_whole(_WORK_AFTER_THE_NAME.sub("", m.group(1))), "subject")
    for m in _OVERVIEW_SUBJECT.finditer(body[:4000]):
        signals.add(m.group(1), "subject")
    for name in _led_subjects(body[:3000]):
        signals.add(name, "subject")
    for m in _WORK_OF.finditer(body[:3000]):
        if _inside_book_title(body, m.start()):
            continue  # 《…关于印发2022年湖北省政务公开工作要点的通知》: another body's document
        signals.add(_sentence_name(m.group(1)), "subject")  # 2025年中仓街道积极推动街道…工作: 中仓街道
    # the first word that says what kind of body speaks: 本单位 or 本机关 before 我镇 says nothing of it
    found = list(_SELF.finditer(body[:4000]))
    words = [m.group(1) or m.group(2) for m in found]
    signals.we_words = tuple(m.group(1) for m in found if m.group(1))
    signals.self_word = next((w for w in words if w not in ("单位", "机关")), words[0] if words else None)
    m = _GOV_SITE.search(opening) if "gov.cn" in opening else None  # the pattern tries every letter
    if m:
        signals.printed_site = m.group(1).lower()
    # where the page says it is: breadcrumb and header lines, the <title> (site name), the head text
    places = [line for line in lines[:15] if _BREADCRUMB.search(line) or len(line) <= 30]
    places += [meta.get("title", ""), meta.get("SiteName", ""), meta.get("ColumnName", ""), body[:2500]]
    signals.place_text = "\n".join(p for p in places if p)
    return signals

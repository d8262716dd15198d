"""Whether a name the evidence leaves partial still names one body in the whole country.

Reports join into one agency, and its reports into one series, by the canonical name, its
division and, for a name that stands for many bodies, where it was found (``agency_scope``). A name
whose place is decided is safe to join on everywhere; so is one that names a single body in any case: a
national body (教育部, 国家统计局, 国家统计局湖北调查总队) or a name that opens on a place naming one
division (常州工商行政管理局, 唐村镇人民政府, 安徽大学). The others name a kind of body found in many
places: one that opens on a bare level (区统计局, 市财政局, 自治区商务厅, 镇人民政府), on a placeholder
(某某县人民政府, XX镇), on a place that names several divisions (城关镇: 88 towns; 和平区: Tianjin's
and Shenyang's), or on no place at all (林业局, 人民政府办公室, 人民医院, 国家税务总局区税务局).
Joined on the name, two such bodies' reports become one agency: one year's report supersedes the
other's, and cross-year rules compare strangers. The stage joins such a name within one site
(:func:`names_one_body_on_a_site`: 区统计局 on a district's site), or within one document.

The division table holds today's divisions: a place renamed or merged since (邢台's 桥东区, until
2020) may name one division here and two in the years of its reports.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .divisions import division_table

_BARE_LEVEL = re.compile(r"^(?:自治区|自治州|省|市|县|区|州|旗|盟|乡|镇|街道)")
_NO_PLACE = re.compile(r"^(?:某+|[XxＸｘ×*＊]+|本|我|该)")
# the State Council's and a national body's own words; what follows them (a branch's place) is read as
# any other name (国家税务总局芜湖市镜湖区税务局: 芜湖市; 国家税务总局区税务局: none)
_NATIONAL = re.compile(
    r"^(?:中华人民共和国)?(?:国家(?!安全局).{1,12}?(?:总局|局|委员会|委|署|院|中心)"
    r"|国务院(?:[^省市县区乡镇]{0,10}?(?:办公厅|办公室|委员会|办))?|最高人民(?:法院|检察院)"
    r"|中国人民银行|中国科学院|中国社会科学院|中国(?!共产|人民政治协商|国民党|民主|致公|农工)[^省市县区乡镇]{2,12}?(?:局|委员会)"
    r"|中共中央(?:[^省市县区乡镇]{0,8}?(?:部|办公厅|委员会))?|全国[^省市县区乡镇]{1,10}?(?:委员会|总工会|妇联)"
    r"|(?:长江|黄河|淮河|海河|珠江|松辽)水利委员会|太湖流域管理局|长江(?:海事局|航务管理局)|[^省市县区乡镇]{2,4}海关$"
    # a ministry, then its office or its branch's place (教育部办公厅, 财政部北京监管局)
    r"|(?!.*(?:宣传|组织|统战|统一战线|工作部|武装|人武|政法))[^省市县区乡镇]{2,8}?部(?=[\u4e00-\u9fff]))")
# registered names: a university's, a company's (人民医院, 第一中学 and 供电公司 are in every county)
_REGISTERED = re.compile(r"^[^省市县区乡镇]{2,8}大学$|有限(?:责任)?公司$")
_NATIONAL_OFFICE = re.compile(r"(?:办公厅|办公室)?$")
# a ministry (after no place: a party committee's departments are in every county)
_MINISTRY = re.compile(r"^(?!.*(?:宣传|组织|统战|统一战线|工作部|武装|人武|政法))"
                       r".{2,10}(?<![分顶本总全内外东西南北中])(?:部|总署)(?:办公厅)?$")
# the words that end a division's own name: a whole name is a place only so (林业局 is a town-level unit's name)
_DIVISION_END = re.compile(r"(?:省|市|县|区|州|旗|盟|镇|乡|街道|苏木)$")
# a zone listed as a town-level unit under a generic name (综合保税区, 物流园区, 高新技术产业园区): one of many
_ZONE_END = re.compile(r"(?:园区|保税区|经济区|开发区|工业区|集中区|示范区|产业园|工业园|科技园|新区|试验区|实验区|合作区)$")
# a county's short name that opens a common body's name (公安县: 公安局, 公安分局)
_WORDS_NOT_PLACES = frozenset({"公安"})
_LONGEST_PLACE = 12
_LEVELS = ("province", "prefecture", "county", "town")


def names_one_body(name: str, kind: str | None = None) -> bool:
    """``name`` (canonical, its place left open by the evidence) stands for one body in the country."""
    if _NO_PLACE.match(name):
        return False
    national = _NATIONAL.match(name)
    if national:
        rest = name[national.end():]
        return _NATIONAL_OFFICE.fullmatch(rest) is not None or _one_place(rest) is True
    if _BARE_LEVEL.match(name) and not _opens_on_a_division(name):  # (市南区, 镇江市, 乡宁县 are places)
        return False
    if kind == "other" and _REGISTERED.search(name):
        return True
    placed = _one_place(name)
    if placed is not None:
        return placed
    # a prefecture's, a banner's or an autonomous county's first characters with its level (莫旗 for
    # 莫力达瓦达斡尔族自治旗, 西乌旗, 博州): one such division starts so. (A short name with its level,
    # 黔南州, is resolved in full before it comes here.)
    return any(len(_short_with_level().get((name[:k], name[k]), ())) == 1 for k in (1, 2, 3) if len(name) > k + 1) \
        or _MINISTRY.match(name) is not None


# a town or a street office named by its level alone: a county's site holds many of them
_NAMELESS_TOWN = re.compile(r"^(?:乡|镇|苏木|街道)(?:人民政府|政府|办事处|党委政府)?$|^街道办事处$")


def names_one_body_on_a_site(name: str) -> bool:
    """``name``, one that does not name one body in the country, still names one within a site (区统计局
    on a district's site), unless it is a town's or a street office's level alone (镇人民政府)."""
    return not _NAMELESS_TOWN.match(name)


def _one_place(name: str) -> bool | None:
    """Whether the longest place ``name`` opens on names one division; None when it opens on none."""
    table = division_table()
    for k in range(min(len(name), _LONGEST_PLACE), 1, -1):
        head = name[:k]
        if k == len(name) and not _DIVISION_END.search(head):
            continue
        places = table.by_name.get(head) or (None if head in _WORDS_NOT_PLACES else table.by_short.get(head))
        if places:
            # a short name is its highest division's (河北海事局: the province, not 天津's 河北区), and a
            # city without counties is listed at two levels (嘉峪关市)
            top = min(_LEVELS.index(p.level) if p.level in _LEVELS else len(_LEVELS) for p in places)
            if top == len(_LEVELS):
                return False
            highest = [p for p in places if p.level == _LEVELS[top]]
            if len(highest) != 1:
                return False
            return not (highest[0].level == "town" and _ZONE_END.search(highest[0].name)
                        and not _opens_on_a_division(highest[0].name, above_towns=True))
    return None


def _opens_on_a_division(name: str, above_towns: bool = False) -> bool:
    """The name opens on a division's full name (市南区人民政府), or, ``above_towns``, on the full or
    short name of a county or one above (北京经济技术开发区, 天津港保税区)."""
    table = division_table()
    for k in range(2, min(len(name), _LONGEST_PLACE) + 1):
        places = table.by_name.get(name[:k], []) + (table.by_short.get(name[:k], []) if above_towns else [])
        if any(not above_towns or p.level != "town" for p in places):
            return True
    return False


@lru_cache(maxsize=1)
def _short_with_level() -> dict[tuple[str, str], set[str]]:
    """{(the first 1-3 characters, the level character) -> codes} of the 州, 旗 and 自治县 above towns."""
    index: dict[tuple[str, str], set[str]] = {}
    for places in division_table().by_name.values():
        for p in places:
            if p.level != "town" and (p.name[-1] in "州旗" or p.name.endswith("自治县")):
                for k in (1, 2, 3):
                    index.setdefault((p.name[:k], p.name[-1]), set()).add(p.code)
    return index

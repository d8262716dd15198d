"""Whether a name the evidence leaves partial still names one body in the whole country.

Reports join into one agency, and its reports into one series, by the canonical name. A name
whose place is decided is safe to join on; so is one that names a single body in any case: a
national body (教育部, 国家统计局), a registered body (安徽大学, a company, a bank's branch), or a
name that opens on a place naming one division (常州工商行政管理局, 唐村镇人民政府). The others name
a kind of body found in many places: one that opens on a bare level (区统计局, 市财政局, 自治区商务厅,
镇人民政府), on a placeholder (某某县人民政府, XX镇), on a place that names several divisions
(城关镇: 88 towns; 和平区: Tianjin's and Shenyang's), or on no place at all (林业局, 人民政府办公室).
Joined on the name, two such bodies' reports become one agency: one year's report supersedes the
other's, and cross-year rules compare strangers.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .divisions import division_table

_BARE_LEVEL = re.compile(r"^(?:自治区|自治州|省|市|县|区|州|旗|盟|乡|镇|街道|某+|[XxＸｘ×*＊]+)")
# the State Council's, the national courts' and the ministries' (after no place: a party committee's
# departments are in every county): one of each in the country
_NATIONAL = re.compile(r"^(?:国家|国务院|中华人民共和国|中共中央|中央|最高人民|全国|中国(?!共产党))")
_MINISTRY = re.compile(r"^(?!.*(?:宣传|组织|统战|武装|人武|政法)).{2,10}(?<![分顶本总全内外东西南北中])(?:部|总署)(?:办公厅)?$")
_LONGEST_PLACE = 12
_LEVELS = ("province", "prefecture", "county", "town")


def names_one_body(name: str, kind: str | None) -> bool:
    """``name`` (canonical, its place left open by the evidence) stands for one body in the country."""
    if kind == "other":
        return True
    if _BARE_LEVEL.match(name):
        return False
    if _NATIONAL.match(name):
        return True
    table = division_table()
    # the longest place the name opens on, followed by the body (林业局 is a town's name too)
    for k in range(min(len(name) - 1, _LONGEST_PLACE), 1, -1):
        places = table.by_name.get(name[:k]) or table.by_short.get(name[:k])
        if places:
            # a short name is its highest division's (河北海事局: the province, not 天津's 河北区), and a
            # city without counties is listed at two levels (嘉峪关市)
            top = min(_LEVELS.index(p.level) if p.level in _LEVELS else len(_LEVELS) for p in places)
            return sum(1 for p in places if p.level == _LEVELS[top]) == 1 if top < len(_LEVELS) else False
    # a prefecture's, a banner's or an autonomous county's short form with its level (黔南州, 莫旗,
    # 西乌旗): one such division starts so
    return any(len(_short_with_level().get((name[:k], name[k]), ())) == 1 for k in (1, 2, 3) if len(name) > k + 1) \
        or _MINISTRY.match(name) is not None


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

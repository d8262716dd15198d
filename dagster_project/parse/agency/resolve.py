"""One canonical identity from a page's signals and the division table.

The canonical name is the body's own name with its place qualified down to a county-level unit:
a town or street office carries its county (永嘉县北城街道办事处), a district carries its city
(南京市鼓楼区华侨路街道办事处, or 南京市鼓楼区人民政府华侨路街道办事处 when the page names it so), a
zone its full name (福州高新区 -> 福州高新技术产业开发区). A place is taken only from the name
itself, from the page (title, breadcrumb, site header, sentences) or from the site's host when the
page leaves a choice open; a bare town or a 区统计局 the page does not place stays ``partial``
rather than guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .divisions import Division, DivisionTable, division_table, short_name
from .domains import divisions_of_host
from .names import SECOND_NAME, ZONE_WORDS, agency_kind, clean_name
from .short_forms import full_form
from .signals import PageSignals

_LEVEL_WORD = re.compile(r"^(自治区|省|市(?!场)|区(?!域)|县|旗)(?=.{2})")
_TOWN_PIECE = re.compile(r"^(.{1,12}?(?:街道|镇|乡|苏木))(?=办事处|办|人民政府|政府|$|.{1,12}$)")
_CONNECTOR = ("人民政府", "政府")  # 市南区政府珠海路街道办事处: the government's short form
_GOVERNMENT_BODY = {"", "政府", "人民政府"}
_STREET_BODY = {"", "办事处", "办"}


@dataclass(frozen=True)
class AgencyIdentity:
    agency_name: str | None  # canonical, Simplified
    printed_name: str | None  # the name as the page gives it, cleaned
    agency_kind: str | None
    parent_agency: str | None
    province: str | None
    prefecture: str | None
    county: str | None
    adcode: str | None
    agency_resolution: str  # full | partial | unresolved
    signal: str | None = None  # where the name was read

    @property
    def full(self) -> bool:
        return self.agency_resolution == "full"


UNRESOLVED = AgencyIdentity(None, None, None, None, None, None, None, None, "unresolved")


@dataclass
class _Parsed:
    places: list[tuple[str, list[Division]]]
    town_piece: str | None  # a town or street name the table does not hold
    level_word: str | None  # 区统计局: the place is only a level
    body: str


_ZONE_NAME = re.compile(r"^((?:国家)?(.{2,10}?)(?:国家级)?(?:经济技术开发区|高新技术产业开发区|经济开发区|高新区|经开区|开发区|新区"
                       r"|工业园区|综合实验区|综合试验区|试验区|保税区|示范区))(.*)$")
# (经开区 stays as printed: a national 经济技术开发区 or a province's 经济开发区, 茶陵经开区 is the latter)
_ZONE_ABBREVIATIONS = (("高新区", "高新技术产业开发区"),)
_A_BODY_IN_PLACE = re.compile(r"局|厅|委员会|办公室|政府")


def _zone_by_its_name(name: str, table: DivisionTable) -> tuple[str, Division, str] | None:
    """A zone the zone table does not hold, placed by the city or county its name begins with
    (南宁经济技术开发区 -> 南宁市): (zone name, zone, the rest of the name)."""
    m = _ZONE_NAME.match(name)
    if not m:
        return None
    zone_name, place, rest = m.group(1), m.group(2), m.group(3)
    if _A_BODY_IN_PLACE.search(place):  # 常州工商行政管理局高新区(新北)分局: a body's branch for the zone
        return None
    for short, full in _ZONE_ABBREVIATIONS:
        if zone_name.endswith(short):
            zone_name = zone_name[: -len(short)] + full
    for length in range(len(place), 1, -1):
        head = place[:length]
        options = [d for d in table.by_name.get(head, []) + table.by_short.get(head, []) if d.level in ("prefecture", "county")]
        prefectures = [d for d in options if d.level == "prefecture"]
        options = prefectures or options
        if len({d.code for d in options}) == 1:
            inside = options[0]
            zone = Division(inside.code, zone_name, "zone", inside.adcode, inside.province,
                            inside.prefecture, inside.county if inside.level == "county" else None, inside.code)
            return zone_name, zone, rest
    return None


_TOWNSHIP_ENDS = ("镇", "乡", "街道", "苏木")


def is_township(division: Division) -> bool:
    """A town-level division that is a township or a street (镇, 乡, 街道, 苏木), not one of the
    farms, forestry bureaus, zones and offices the table also lists at that level (林业局, 农场)."""
    return division.level == "town" and division.name.endswith(_TOWNSHIP_ENDS)


def _self_qualified(town: Division, table: DivisionTable) -> bool:
    """A town-level unit whose name begins with its county's (延吉市林业局, 珲春林业局)."""
    county = table.by_code.get(town.parent_code or "")
    return county is not None and (town.name.startswith(county.name) or town.name.startswith(short_name(county.name)))


_AUTONOMOUS_LEVELS = ("县", "旗", "州")


def _named(piece: str, previous: list[Division], table: DivisionTable) -> list[Division]:
    """The divisions ``piece`` names after the places ``previous`` (those of the piece before).

    A town-level unit that is not a township (林业局, 社会事务局, 农场) names a place only inside
    the place before it or when its own name says where it is: 伊春市林业局 is the city's
    bureau, not the 林业局 of 鸡东县.
    """
    found = table.by_name.get(piece)
    if not found and piece[-1:] in _AUTONOMOUS_LEVELS:
        # an autonomous unit by its short name: 张家川县 for 张家川回族自治县, 延边州 for 延边朝鲜族自治州,
        # or with its peoples left out, 耿马自治县 for 耿马傣族佤族自治县
        short = piece[:-3] if piece[:-1].endswith("自治") else piece[:-1]
        found = [d for d in table.by_short.get(short, []) if d.name.endswith("自治" + piece[-1])]
    if not found:
        return []
    if all(d.level == "town" and not is_township(d) for d in found):
        return [d for d in found
                if any(table.contains(p, d) for p in previous) or _self_qualified(d, table)]
    return list(found)


def _province_by_short_name(name: str, table: DivisionTable) -> tuple[str, list[Division]] | None:
    """新疆伊宁县人民政府, 广西融安县…, 新疆自治区…: a province by its short name, taken only when a
    prefecture or county inside it, or its 自治区, follows (湖南路街道 is a street, not 湖南; 北京大兴国际机场
    临空经济区(廊坊) is a zone in 河北 named for the airport, a town-level unit of 北京)."""
    for length in (3, 2):
        piece = name[:length]
        if table.by_name.get(piece):
            return None  # a place's own name (吉林市, 海南藏族自治州 start otherwise)
        provinces = [d for d in table.by_short.get(piece, []) if d.level == "province"]
        if len(provinces) != 1:
            continue
        rest = name[length:]
        if rest.startswith("自治区") and provinces[0].name.endswith("自治区"):
            return piece + "自治区", provinces  # 新疆自治区地方税务局
        inside = next((found for k in range(min(table.longest, len(rest)), 1, -1)
                       if (found := _named(rest[:k], [], table))), [])
        if any(d.level in ("prefecture", "county") and table.contains(provinces[0], d) for d in inside):
            return piece, provinces
    return None


def _parse(name: str, table: DivisionTable) -> _Parsed:
    level = None
    m = _LEVEL_WORD.match(name)
    if m and not _named(name[:3], [], table) and not any(name.startswith(z) for z in (m.group(1),) if z in table.zones):
        rest = name[len(m.group(1)):]
        if not any(rest.startswith(n) for n in (rest[:k] for k in range(2, 6)) if _named(n, [], table) or n in table.zones):
            level, name = m.group(1), rest
    places: list[tuple[str, list[Division]]] = []
    i = 0
    province = _province_by_short_name(name, table)
    if province:
        places, i = [province], len(province[0])
    zones, by_name = table.zones, table.by_name
    while i < len(name):
        hit = None
        previous = places[-1][1] if places else []
        for length in range(min(table.longest, len(name) - i), 1, -1):
            piece = name[i:i + length]
            if piece in zones:
                hit = (piece, [zones[piece]])
                break
            if not by_name.get(piece) and piece[-1] not in _AUTONOMOUS_LEVELS:
                continue  # (what _named finds nothing for: most pieces, tried at every length)
            found = _named(piece, previous, table)
            if found:
                hit = (piece, found)
                break
        if hit is None:
            connector = next((c for c in _CONNECTOR if name.startswith(c, i)), None)
            if places and connector and i + len(connector) < len(name):
                nxt = name[i + len(connector):]
                if any(_named(nxt[:k], previous, table) for k in range(2, min(12, len(nxt)) + 1)):
                    i += len(connector)
                    continue
            break
        places.append(hit)
        i += len(hit[0])
    if not places:
        zone = _zone_by_its_name(name, table)
        if zone:
            places, i = [(zone[0], [zone[1]])], len(name) - len(zone[2])
    body = name[i:]
    town_piece = None
    if not places or places[-1][1][0].level not in ("town",):
        # 两江新区人民政府大石坝街道办事处: a street office printed as its government's
        lead = next((c for c in _CONNECTOR if body.startswith(c) and _TOWN_PIECE.match(body[len(c):])), "")
        body = body[len(lead):]
        m = _TOWN_PIECE.match(body)
        if m and not re.search(r"[局委厅]", m.group(1)):
            town_piece, body = m.group(1), body[len(m.group(1)):]
    return _Parsed(places, town_piece, level, body)


def _supported(candidate: Division, support: list[Division], table: DivisionTable) -> bool:
    return any(s.level != "town" and table.contains(s, candidate) and s.code != candidate.code for s in support) or \
        any(s.code == candidate.code and s.level == candidate.level and candidate.level != "town" for s in support)


def _narrow(cands: list[Division], outer: list[Division], table: DivisionTable) -> list[Division]:
    if not outer:
        return cands
    return [c for c in cands if any(table.contains(o, c) for o in outer)]


# a county-level code the statistics give a development zone (呼和浩特经济技术开发区 150172): a zone's
# management committee, not a people's government
_ZONE_SUFFIX = re.compile(rf"(?:{ZONE_WORDS})$")


def _zone_county(division: Division) -> bool:
    return division.level == "county" and _ZONE_SUFFIX.search(division.name) is not None


def _qualifier(county: Division) -> str:
    if _zone_county(county) and county.prefecture and county.name.startswith(short_name(county.prefecture)):
        return county.name  # 呼和浩特经济技术开发区 names its city already
    # (怀化市洪江管理区, as the statistics name it, names its city already)
    if county.name.endswith("区") and county.prefecture and county.prefecture != county.name \
            and not county.name.startswith(county.prefecture):
        return county.prefecture + county.name
    return county.name


def _governed_by(division: Division) -> str:
    """The word for a division's government: a zone's committee, the province's office in a region
    or league (阿里地区行政公署, 兴安盟行政公署), else the people's government."""
    if division.level == "zone" or _zone_county(division):
        return "管理委员会"
    if division.level == "prefecture" and division.name.endswith(("地区", "盟")):
        return "行政公署"
    return "人民政府"


def _government(division: Division | None) -> str | None:
    if division is None:
        return None
    if division.level == "zone":
        return division.name + "管理委员会"
    if division.level == "county":
        return _qualifier(division) + _governed_by(division)
    return division.name + _governed_by(division)


def _parent_division(division: Division, table: DivisionTable) -> Division | None:
    ancestors = table.ancestors(division)
    return ancestors[0] if ancestors else None


# a zone's name (a resort or a scenic area is a zone too: 茅山旅游度假区 is run by its 管理委员会, it has no 人民政府)
_A_ZONE_PIECE = re.compile(rf"(?:新区|度假区|风景区|风景名胜区|{ZONE_WORDS})$")


def _unqualified(name: str, parsed: _Parsed) -> str:
    """The canonical form of a name no division could be found for."""
    if _A_ZONE_PIECE.search(name):
        return name + "管理委员会"
    if re.search(r"(?:镇|乡|苏木)(?:政府)?$", name):
        return re.sub(r"政府$", "", name) + "人民政府"
    if re.search(r"街道(?:办)?$", name):
        return re.sub(r"办$", "", name) + "办事处"
    if re.search(r"(?:省|市|区|县|州|旗|盟|自治区)(?:政府)?$", name) and not re.search(r"(?:局|委|办|中心)", name):
        return re.sub(r"政府$", "", name) + "人民政府"
    return name


# 南京市高淳县人民政府, 湖南省株洲县民政局: a county the table no longer holds (高淳区 since 2013) after the
# place it lay in; the body is the county's, not that place's. A 县 or 旗 ends no other word; a 市 or 区
# only before its government (徐汇区绿化和市容管理局, 大通湖区卫生健康局: words and a zone within the place)
_A_DIVISION_NOT_IN_THE_TABLE = re.compile(
    r"^([^\W\d_和与及的]{2,4}?(?:[县旗](?=人民政府|政府|[^\W\d_]{1,14}?(?:局|委员会|委|办公室|办|中心|镇|乡|街道))"
    r"|[市区](?=人民政府|政府)))")


def _names_a_county_gone(parsed: _Parsed, table: DivisionTable) -> bool:
    m = _A_DIVISION_NOT_IN_THE_TABLE.match(parsed.body)
    # (嵊泗县委嵊泗县人民政府: the committee, then the county already named)
    return m is not None and not any(table.by_name.get(m.group(1)[k:]) for k in range(len(m.group(1)) - 1))


def _complete(parsed: _Parsed, context: list[Division], host: list[Division], table: DivisionTable):
    """(most specific division, town piece, whether the place is decided) for a parsed name."""
    places = parsed.places
    if places and not parsed.town_piece and _names_a_county_gone(parsed, table):
        return None, None, False
    if places:
        chain: list[Division] = []
        outer: list[Division] = []
        for index, (piece, cands) in enumerate(places):
            narrowed = _narrow(cands, outer, table)
            if not narrowed and outer and cands[0].level == "town" and index == len(places) - 1 and len(outer) == 1:
                # a town the table holds only elsewhere (renamed, merged): the county the name gives decides
                return outer[0], piece, True
            if not narrowed and outer and cands[0].level in ("prefecture", "county"):
                return None, None, False  # (邢台市桥东区: the place the name gives is no longer in the table)
            outer = narrowed or cands
            chain = outer
        last = chain
        is_town = last[0].level == "town"
        need_support = is_town and not any(c[1][0].level in ("county", "prefecture", "zone") for c in places[:-1]) \
            and not all(_self_qualified(d, table) for d in last)
        if len(last) > 1 or need_support:
            for support in (context, host):
                picked = [c for c in last if _supported(c, support, table)]
                if len(picked) == 1:
                    return picked[0], parsed.town_piece, True
            if len(last) == 1 and not need_support:
                return last[0], parsed.town_piece, True
            if not is_town or len(places) > 1:
                return None, None, False
            # a town the table places elsewhere only (renamed, merged): the page's county decides
            parsed = _Parsed([], places[-1][0], None, parsed.body)
            return _complete(parsed, context, host, table)
        return last[0], parsed.town_piece, True
    # no place in the name: a town the table does not hold, or a level word (区统计局), or nothing
    wanted = {"区": ("区",), "县": ("县", "旗"), "旗": ("旗",), "市": ("市",), "省": ("省",), "自治区": ("自治区",)}
    # a county the name prints before its town, one the table does not hold (会理县云甸镇)
    printed_county = (m.group(1) if parsed.town_piece and (m := _A_DIVISION_NOT_IN_THE_TABLE.match(parsed.town_piece))
                      else None)
    if parsed.level_word or parsed.town_piece:
        ends = wanted.get(parsed.level_word or "", None)
        for support in (context, host):
            options = []
            for d in support:
                if d.level == "zone" or d.level == "town":
                    continue
                if ends and not d.name.endswith(ends):
                    continue
                # 市 is a prefecture, a county-level city or one of the four municipalities (上海市)
                if parsed.level_word == "市" and d.level not in ("prefecture", "county") \
                        and not (d.level == "province" and d.name.endswith("市")):
                    continue
                if parsed.town_piece and d.level != "county":
                    continue
                if printed_county and printed_county != d.name and printed_county.endswith(d.name):
                    continue  # 会理县云甸镇 is not in 理县: the page's 理县 was read inside 会理县 (会理市 since 2021)
                if all(o.code != d.code for o in options):
                    options.append(d)
            # a municipality only where the page names no prefecture or city (北京市 may be named in passing)
            options = [d for d in options if d.level != "province"] or options
            if parsed.town_piece and len(options) == 1 or parsed.level_word and options and support is context:
                return options[0], parsed.town_piece, True
            if len(options) == 1:
                return options[0], parsed.town_piece, True
    return None, None, False


# in brackets, the office that compiled the report (黔东南州人民政府(州政府办公室)) or a scope
# (海关总署(本级机关)) names no other body
_NOT_A_SECOND_NAME = re.compile(r"办公[室厅]$|办$|本级|机关$")


def _identity(printed: str, signal: str, context: list[Division], host: list[Division], table: DivisionTable) -> AgencyIdentity:
    second = SECOND_NAME.search(printed)
    if second and second.start() >= 2:
        identity = _identity(printed[:second.start()], signal, context, host, table)
        if _NOT_A_SECOND_NAME.search(second.group(1)) or not identity.agency_name:
            return replace(identity, printed_name=printed)
        return replace(identity, agency_name=f"{identity.agency_name}({full_form(second.group(1))})", printed_name=printed)
    parsed = _parse(printed, table)
    division, town_piece, decided = _complete(parsed, context, host, table)
    body = parsed.body
    if _A_ZONE_PIECE.search(body):
        body += "管理委员会"  # 临淄区齐城农业高新区: a zone named alone is its committee, as _unqualified has it
    if division is None:
        name = full_form(_unqualified(printed if not parsed.level_word else parsed.level_word + printed[len(parsed.level_word):], parsed))
        kind = agency_kind(name)
        return AgencyIdentity(name, printed, kind, None, None, None, None, None, "partial", signal)
    town = None
    if division.level == "town":
        town, division = division, table.by_code.get(division.adcode, division)
        if division.level != "county":  # a prefecture without counties (东莞市)
            pass
    unit = town is not None and not is_township(town)  # 林业局, 农场: a body of its own, no government
    if division.level == "zone" and not town_piece:  # a zone's street or town (两江新区大石坝街道) is one below
        place_name = division.name
        name = place_name + ("管理委员会" if body in _GOVERNMENT_BODY else body)
    elif unit:
        qualifier = _qualifier(division) if division.level == "county" else division.name
        name = (town.name if _self_qualified(town, table) else qualifier + town.name) + body
    elif town is not None or town_piece:
        town_name = town.name if town is not None else town_piece
        qualifier = _qualifier(division) if division.level == "county" else division.name
        default = "办事处" if town_name.endswith("街道") else "人民政府"
        own = body in (_STREET_BODY if town_name.endswith("街道") else _GOVERNMENT_BODY)
        # a street office printed as its district government's (松江区人民政府永丰街道办事处) keeps that form
        via = "人民政府" if town_name.endswith("街道") and "政府" + town_name in printed else ""
        name = qualifier + via + town_name + (default if own else body)
    else:
        qualifier = _qualifier(division) if division.level == "county" else division.name
        own = _governed_by(division)
        name = qualifier + (own if body in _GOVERNMENT_BODY or body in ("管理委员会", own) else body)
    name = full_form(name)
    kind = agency_kind(name)
    if division.level == "zone" and kind == "government":
        parent = None
    elif kind in ("township", "street_office") or unit:
        parent = _government(division)
    elif kind == "government":
        parent = _government(_parent_division(division, table)) if division.level != "zone" else None
    elif town is not None or town_piece:
        parent = name[: len(name) - len(body)] if body else None
        parent = _unqualified(parent, parsed) if parent else None
    else:
        parent = _government(division)
    prefecture = division.prefecture if division.level != "province" else None
    county = division.county if division.level in ("county", "zone") else None
    return AgencyIdentity(name, printed, kind, parent, division.province, prefecture, county, division.adcode,
                          "full" if decided else "partial", signal)


_SELF_KIND = {"局": "department", "委": "department", "厅": "department", "中心": "department", "院": "department",
              "办": "department",
              "镇": "township", "乡": "township", "街道": "street_office", "街": "street_office"}


def _core(name: str) -> str:
    name = _LEVEL_WORD.sub("", name)
    return re.sub(r"(?:人民政府|政府|办事处|管理委员会)$", "", name)


# a zone named by its kind alone, with no place before it (保税区, 高新区, 新区)
_A_ZONE_S_KIND = re.compile(rf"(?:{ZONE_WORDS}|新区)")
# a zone's abbreviation and the names it stands for: 经开区 is held in 郎溪经济开发区管理委员会
_ZONE_LONG_FORMS = (("经开区", ("经济开发区", "经济技术开发区")), ("高新区", ("高新技术产业开发区",)))


def _core_forms(core: str) -> list[str]:
    """The core, then the same words with a zone's abbreviation written out (none for no core)."""
    if not core:
        return []
    return [core] + [core[: -len(short)] + full for short, fulls in _ZONE_LONG_FORMS if core.endswith(short)
                     for full in fulls]


# the units whose work is a government's own office, information or services: they compile, publish or
# answer for its report (县政府信息中心, 信息化办公室, 行政审批局, 政务服务管理局, 大数据局)
_ANSWERS_FOR_A_GOVERNMENT = re.compile(r"办公[室厅]$|信息|政务|数据|行政审批|网站|新闻|机要|档案")


def _own_line_under_the_header(first: AgencyIdentity, candidates: list[tuple[str, str]],
                               table: DivisionTable) -> AgencyIdentity | None:
    """The site's header (北京市朝阳区人民政府, 丽水市气象局), then the body's own line above the report's
    title (朝阳区望京街道办事处, 缙云县气象局): the body within the header's place is the issuer."""
    site = table.by_code.get(first.adcode or "")
    if site is None:
        return None
    for name, signal in candidates[1:]:
        if signal != "heading" or not _parse(name, table).places:
            continue  # (a line that begins with a place: not 现发布洛浦县纳瓦乡…, a sentence's words)
        later = _identity(name, signal, [site], [], table)
        placed = table.by_code.get(later.adcode or "")
        if later.full and later.agency_name != first.agency_name and placed and table.contains(site, placed):
            return later
    return None


def _body_under_the_site(first: AgencyIdentity, candidates: list[tuple[str, str]], table: DivisionTable,
                         signals: PageSignals, speaks_as: str | None = None) -> AgencyIdentity | None:
    """A government named by a line at the top (the site's header: 天津市武清区人民政府) is not the issuer
    when the page is a body's under it. A town or street the report's own sentence names (现发布天津市
    武清区河西务镇2025年…报告) is; so is a line department a sentence names (本报告由泗县农业农村局…编制),
    while a unit of the government's office, information or services may answer for the government
    (请与青神县信息化办公室联系). A page that speaks as a department (我局, 本委) takes the department its
    sentences, fields or own line under the header name, else has no issuer. A page that speaks as a
    town or street (我乡) and never as the government's level (我县) is a town's: the first town it names
    in full, or no issuer. None: the government is the issuer."""
    if first.signal != "heading" or not first.agency_name:
        return None
    own_line = _own_line_under_the_header(first, candidates, table)
    if own_line is not None or first.agency_kind != "government":
        return own_line
    place = re.sub(r"人民政府$", "", first.agency_name)
    as_department = speaks_as == "department"
    # (speaking as a department, its name in the page's fields or its own line under the site's counts too)
    sources = ("sentence", "subject", "field", "heading") if as_department else ("sentence",)
    printed = _core(first.printed_name or "")  # 伊州区 of 伊州区人民政府, which the resolution made 哈密市伊州区
    for name, signal in candidates[1:]:
        if as_department and name[:1] in "区县市旗" and place.endswith(name[:1]) and name[1:2] not in ("委", "政"):
            name = place + name[1:]  # 发布机构:区卫生健康委员会 under 上海市宝山区人民政府: 上海市宝山区卫生健康委员会
        if signal not in sources or not (name.startswith(place[:2]) or printed and name.startswith(printed)):
            continue
        identity = _identity(name, signal, [], [], table)
        if not identity.full or not identity.agency_name.startswith(place) or identity.agency_name == first.agency_name:
            continue
        # a department a sentence names compiles or answers for the government when its work is the
        # government's office, information or services (请与青神县信息化办公室联系); a line department
        # (本报告由泗县农业农村局…编制, 请联系:北京市丰台区民政局办公室) issues its own
        line_department = identity.agency_kind == "department" and not _ANSWERS_FOR_A_GOVERNMENT.search(identity.agency_name)
        if identity.agency_kind in ("township", "street_office") or identity.agency_kind == "department" \
                and (as_department or line_department):
            return identity
    if as_department and not set(signals.we_words) & {"县", "区", "市", "省", "旗", "州"}:
        return UNRESOLVED  # 现将我局…报告如下 under the site's government, and no name of the bureau
    we = {_SELF_KIND.get(word) for word in signals.we_words}
    if candidates[0][0] != first.printed_name or not we & {"township", "street_office"} \
            or set(signals.we_words) & {"县", "区", "市"}:
        return None
    # the page speaks as a town or street under a government's line at its top (the site's banner:
    # 洛浦县人民政府), and names no town under it in a sentence
    fitting = [i for i in (_identity(n, s, [], [], table) for n, s in candidates[1:])
               if i.agency_kind in ("township", "street_office")]
    return fitting[0] if fitting and fitting[0].full else UNRESOLVED


def _speaking_at_its_site(signals: PageSignals, table: DivisionTable) -> AgencyIdentity | None:
    """A page that names no body but speaks as a place's government (我区) and names its own site
    (网址:http://www.saihan.gov.cn/): the government of the one division of that level the site spells."""
    level = signals.self_word if signals.self_word in ("区", "县", "市") else None
    if not level or not signals.printed_site:
        return None
    found = [d for d in divisions_of_host(signals.printed_site) if d.level != "zone" and d.name.endswith(level)]
    if len(found) != 1:
        return None
    return _identity(found[0].name, "site", found, [], table)


# what an abbreviation leaves out of one name: not another body joined to it (…局和…局, …国家税务局、…地方税务局), a
# word of the title's own (政府) nor a joining word alone (民族与宗教事务局 printed 民族宗教事务局: one name, two forms);
# 和 inside one name is its own (人口和计划生育局 printed 计生局, 住房和城乡建设局 printed 住建局)
_NOT_AN_ABBREVIATION = re.compile(r"[、，,()（）]|政府|^[和与及]$|[局委厅办][^局委厅办]*[和与及]|[和与及][^局委厅办]*[局委厅办]")


def _abbreviates(short: str, long: str) -> bool:
    """市城管执法局 of 市城市管理行政执法局: the long name's characters in order, some left out in the middle
    (not a unit under the body, 财政局国库支付局, nor another body's name that ends alike)."""
    if len(long) < len(short) + 2 or short[-1] != long[-1] or long.startswith(short[:-1]):
        return False
    left_out, at = [], 0
    for char in long:
        if at < len(short) and char == short[at]:
            at += 1
        else:
            left_out.append(char)
    # (not a name joined to another, …国家税务局、…地方税务局…分局, nor a word of the title's own: 政府, 与)
    return at == len(short) and not _NOT_AN_ABBREVIATION.search("".join(left_out))


def _written_out(first: AgencyIdentity, candidates: list[tuple[str, str]], table: DivisionTable,
                 context: list[Division] = (), host: list[Division] = ()) -> AgencyIdentity:
    """A department the title names by its short form (市城管执法局) and a sentence in full (本年度报告由德阳市城市
    管理行政执法局…编制), or its own line under the page's header (市烟草局 over 白银市烟草专卖局): the name
    written out, which is the official one."""
    if first.agency_kind != "department" or not first.agency_name:
        return first
    for name, signal in candidates[1:]:
        if signal not in ("sentence", "subject", "heading"):
            continue
        later = _identity(name, signal, list(context), list(host), table)
        if later.full and later.adcode == first.adcode and later.agency_kind == "department" \
                and _abbreviates(first.agency_name, later.agency_name or ""):
            return later
    return first


def _occurrences(word: str, text: str):
    """Where ``word`` is in ``text``, left to right and not overlapping, as re.finditer(re.escape(word))
    finds it, without compiling a pattern for each word."""
    if not word:
        return  # (an empty word is everywhere: no place of it says anything)
    at = text.find(word)
    while at != -1:
        yield at
        at = text.find(word, at + len(word))


def _with_the_county_printed_before(name: str, place_text: str, table: DivisionTable) -> str:
    """A bare town or street (运河街道) with the county the page prints right before it (杭州市余杭区运河街道兴旺大道1号):
    the page's own county, where the table, which holds today's divisions, may place the town in another
    one since (临平区, cut from 余杭区 in 2021); a county the table no longer holds the town in decides."""
    parsed = _parse(name, table)
    if len(parsed.places) != 1 or parsed.places[0][1][0].level != "town":
        return name
    town = parsed.places[0][0]
    if not name.startswith(town):
        return name  # (会理县云甸镇: the name prints a county the table no longer holds, 会理市 since 2021)
    for at in _occurrences(town, place_text):
        before = table.places_in(place_text[max(0, at - 8):at], ("county",))
        if before and place_text[:at].endswith(before[-1].name):
            named = before[-1].name
            ahead = place_text[:at - len(named)]
            # the county's whole name, after its prefecture or province or no other character (not 理县 of 会理县);
            # counties of one name (朝阳区 of 北京市 and of 长春市) are each tried
            if not ahead or not "\u4e00" <= ahead[-1] <= "\u9fff" \
                    or any(p and ahead.endswith(p) for d in before if d.name == named for p in (d.prefecture, d.province)):
                return named + name
    return name


# a township's or a street's own name at the end of a body's name (桃江县修山镇人民政府: 修山镇; 桃江县新市镇: 新市镇)
_TOWN_OF = re.compile(r"(?:^.*[省市县区旗州](?=[\u4e00-\u9fff]{2,}(?:镇|乡|苏木|街道)))?"
                      r"([\u4e00-\u9fff]{2,}?(?:镇|乡|苏木|街道))(?:人民政府|党委|办事处)?$")
_THE_BODY_S_OWN = ("signature", "field", "subject", "sentence")


def _title_copied_from_a_sibling(candidates: list[tuple[str, str]], signals: PageSignals) -> list[tuple[str, str]]:
    """A township's report whose title was copied from a sibling's (桃江县牛田镇2022年… over a body, a
    signature and a 来源 that all say 桃江县修山镇人民政府) is the body's: the town that two other kinds of
    signal name, where none of them names the title's town, comes first."""
    name, source = candidates[0]
    title_town = _TOWN_OF.search(name) if source in ("title", "heading") else None
    if title_town is None:
        return candidates
    towns: dict[str, set[str]] = {}
    for other, kinds in signals.sources.items():
        town = _TOWN_OF.search(other)
        own = kinds.intersection(_THE_BODY_S_OWN)
        if town and own:
            towns.setdefault(town.group(1), set()).update(own)
    if len(towns) != 1 or title_town.group(1) in towns:
        return candidates
    town, kinds = next(iter(towns.items()))
    if len(kinds) < 2 or town.endswith(title_town.group(1)) or title_town.group(1).endswith(town):
        return candidates
    body = next((c for c in candidates if c[1] in _THE_BODY_S_OWN and _TOWN_OF.search(c[0])), None)
    return [body] + [c for c in candidates if c is not body] if body else candidates


def resolve_agency(signals: PageSignals, extra: list[tuple[str, str]] = (), siblings: list[str] = (),
                   url: str | None = None) -> AgencyIdentity:
    """The identity of the issuer: the first candidate, completed with the page's places (and the
    host's); or a later candidate that names the same body in full; or, at stage, a full name
    the same site gives in another year (``siblings``) or the fetch manifest's (``extra``)."""
    table = division_table()
    candidates = list(signals.candidates) + [(clean_name(n), s) for n, s in extra if clean_name(n)]
    if not candidates:
        return _speaking_at_its_site(signals, table) or UNRESOLVED
    candidates = _title_copied_from_a_sibling(candidates, signals)
    # a name that places itself needs neither the page's places nor the host: scan those only when it does not
    first = _identity(candidates[0][0], candidates[0][1], [], [], table)
    speaks_as = _SELF_KIND.get(signals.self_word or "")
    if first.full and (not speaks_as or first.agency_kind == speaks_as or first.signal in ("title", "heading", "page")):
        under = _body_under_the_site(first, candidates, table, signals, speaks_as)
        return _written_out(first, candidates, table) if under is None else under
    context = table.places_in(signals.place_text)
    candidates = [(_with_the_county_printed_before(name, signals.place_text, table), source)
                  for name, source in candidates]
    host = divisions_of_host(url or signals.url)
    if len(host) > 1:  # weibin: 渭滨区 or 卫滨区; the page that says 渭滨 decides
        host = [d for d in host if short_name(d.name) in signals.place_text] or host
    identities = [_identity(name, source, context, host, table) for name, source in candidates]
    # 我局 / 我镇 / 我街道: the page speaks as a body of that kind; a weaker first candidate of another
    # kind (the site's 来源, a signature of the government's office) gives way to one of the right kind
    if speaks_as and identities[0].agency_kind != speaks_as and identities[0].signal not in ("title", "heading", "page"):
        fitting = [i for i in identities[1:] if i.agency_kind == speaks_as]
        if fitting:
            identities = [fitting[0]] + [i for i in identities if i is not fitting[0]]
    first = identities[0]
    if first.full:
        return _written_out(first, candidates, table, context, host)
    cores = _core_forms(_core(first.printed_name or ""))
    for later in identities[1:]:
        if later.full and any(core in later.agency_name or core in (later.printed_name or "") for core in cores):
            return later
    core = cores[0] if cores else ""
    for sibling in siblings:
        if core and core in sibling:
            found = _identity(sibling, "other years", context, host, table)
            if found.full:
                return found
    # a zone named by its kind alone (保税区, 高新区), then by a name that puts its place before those
    # words (天津港保税区管理委员会): the same zone, even where the table places neither
    if _A_ZONE_S_KIND.fullmatch(core):
        for later in identities[1:]:
            if any(later.agency_name.find(form) > 0 for form in cores):
                return later
    return first


def with_printed(identity: AgencyIdentity, printed: str) -> AgencyIdentity:
    return replace(identity, printed_name=printed)

"""The national division table (2023 统计用区划代码: province, prefecture, county, town) and the
zone table (zone -> the division that contains it), both dbt seeds, loaded once per process.

Places are found in a text by dictionary look-up at each position (no regex over thousands of
names), so scanning a page costs a few thousand set look-ups.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[3] / "dbt" / "seeds"
DIVISIONS_CSV = SEEDS / "divisions.csv"
ZONES_CSV = SEEDS / "zones.csv"
ABBREVIATIONS_CSV = SEEDS / "division_abbreviations.csv"

LEVELS = ("province", "prefecture", "county", "town")
_SHORT_SUFFIX = re.compile(
    r"(?:维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|自治州|地区|盟|自治县|自治旗|林区|特区|新区|县|区|市|旗)$"
)


@dataclass(frozen=True)
class Division:
    code: str  # 6 digits (9 for a town)
    name: str
    level: str  # province | prefecture | county | town | zone
    adcode: str  # the 6-digit code of the division (a town's county; a zone's containing division)
    province: str | None
    prefecture: str | None
    county: str | None
    parent_code: str | None

    @property
    def is_district(self) -> bool:
        return self.level == "county" and self.name.endswith("区")


# the peoples an autonomous county, banner or prefecture is named for, before its 自治县/旗/州: a
# people of two or more characters, whose 族 some names leave out (博尔塔拉蒙古自治州, 察布查尔锡伯自治县),
# listed by name, since a single character before 族 may be the place's own (黔南布依族: 南 is not a people)
_PEOPLES = re.compile(
    r"(?:(?:蒙古|维吾尔|哈萨克|柯尔克孜|塔吉克|乌孜别克|塔塔尔|俄罗斯|达斡尔|鄂温克|鄂伦春|布依|朝鲜|土家|哈尼"
    r"|傈僳|仡佬|东乡|拉祜|纳西|景颇|仫佬|布朗|撒拉|毛南|锡伯|阿昌|普米|德昂|保安|裕固|独龙|赫哲|门巴|珞巴"
    r"|基诺|高山)族?|[壮回藏苗彝侗瑶白傣黎畲水佤土羌怒京满]族|各族)+(?=自治[县州旗])")


def short_name(name: str) -> str:
    """荔湾区 -> 荔湾, 新疆维吾尔自治区 -> 新疆, 黔南布依族苗族自治州 -> 黔南; a name of two characters
    stays whole (道县). A unit named for its people alone keeps the people (鄂温克族自治旗 -> 鄂温克),
    but for 东乡族自治县: 东乡县 was also 抚州's county until 2016 (now 东乡区), and this table is today's."""
    short = _SHORT_SUFFIX.sub("", _PEOPLES.sub("", name))
    if len(short) < 2 and name not in _SHORT_NAMED_ELSEWHERE:
        short = _SHORT_SUFFIX.sub("", name).removesuffix("族")
    return short if len(short) >= 2 else name


_SHORT_NAMED_ELSEWHERE = frozenset({"东乡族自治县"})


@dataclass
class DivisionTable:
    by_code: dict[str, Division]
    by_name: dict[str, list[Division]]
    by_short: dict[str, list[Division]]  # province, prefecture and county short names
    zones: dict[str, Division]  # zone name or alias -> the zone (adcode = containing division)
    longest: int
    # first two characters of a province, prefecture, county or zone name -> the longest such name:
    # a text is scanned only where a place name can begin
    place_starts: dict[str, int]
    # the first characters of those names: the positions a scan has to look at
    place_firsts: re.Pattern | None = None

    def named(self, name: str, levels: tuple[str, ...] = LEVELS) -> list[Division]:
        return [d for d in self.by_name.get(name, []) if d.level in levels]

    def ancestors(self, division: Division) -> list[Division]:
        out, code = [], division.parent_code
        while code and code in self.by_code:
            parent = self.by_code[code]
            out.append(parent)
            code = parent.parent_code
        return out

    def contains(self, outer: Division, inner: Division) -> bool:
        """Whether ``inner`` lies in ``outer`` (a zone lies in its containing division)."""
        if outer.code == inner.code and outer.level == inner.level:
            return True
        if outer.level == "zone":
            return inner.level == "zone" and inner.name == outer.name
        chain = self.ancestors(inner) if inner.level != "zone" else (
            [self.by_code[inner.adcode]] + self.ancestors(self.by_code[inner.adcode]) if inner.adcode in self.by_code else [])
        return any(p.code == outer.code for p in chain)

    def places_in(self, text: str, levels: tuple[str, ...] = ("province", "prefecture", "county", "zone")) -> list[Division]:
        """Divisions (and zones) named in ``text``, in order, longest name first at each position."""
        found: list[Division] = []
        i, n = 0, len(text)
        firsts = self.place_firsts or re.compile("[" + "".join(sorted({re.escape(k[0]) for k in self.place_starts})) + "]")
        place_starts, zones, by_name, with_zones = self.place_starts, self.zones, self.by_name, "zone" in levels
        # the positions whose first two characters begin a name (nearly every Chinese character begins
        # one, few pairs do): one dict lookup each, where the scan below costs many
        starts = [m.start() for m in firsts.finditer(text) if place_starts.get(text[m.start():m.start() + 2], 0) > 1]
        for start in starts:
            if start < i:
                continue  # inside the name just found
            i = start
            hit = None
            longest = place_starts.get(text[i:i + 2], 0)
            for length in range(min(longest, n - i), 1, -1):
                piece = text[i:i + length]
                if piece in zones and with_zones:
                    hit = (length, [zones[piece]])
                    break
                ds = [d for d in by_name.get(piece, ()) if d.level in levels]
                if ds and length == 2 and i > 0 and (_JOINED_LEVEL.match(text, i - 1) or _JOINED_LEVELS.match(text, i)):
                    continue  # (…》和县委、县政府, 省级和县级: 和 joins levels, it names no 和县)
                if ds:
                    hit = (length, ds)
                    break
            if hit:
                found += hit[1]
                i += hit[0]
            else:
                i += 1
        return found


# inside a sentence, a word that joins, then a level's committee or government (贯彻落实《条例》和县委、县政府统一部署):
# the word is no part of a two-character county's name (和县); at a line's start, after a comma, or after the
# province or city it lies in (安徽省和县人民政府, 马鞍山市和县) it may be
_JOINED_LEVEL = re.compile(r"[\u4e00-\u9fff》」”)）](?<![省市州盟])[和及与同][县区市](?:委|政府|人民政府)")
# (and before a level's 级: 省级和县级部门, 市和县两级)
_JOINED_LEVELS = re.compile(r"[和及与同][县区市](?:两|三)?级")


def _division(row: dict) -> Division:
    return Division(row["division_code"], row["division_name"], row["division_level"], row["adcode"],
                    row["province"] or None, row["prefecture"] or None, row["county"] or None, row["parent_code"] or None)


@lru_cache(maxsize=1)
def division_table() -> DivisionTable:
    by_code: dict[str, Division] = {}
    by_name: dict[str, list[Division]] = {}
    by_short: dict[str, list[Division]] = {}
    with open(DIVISIONS_CSV, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            d = _division(row)
            if d.level != "town":
                by_code[d.code] = d
                by_short.setdefault(short_name(d.name), []).append(d)
            by_name.setdefault(d.name, []).append(d)
    # a banner's or an autonomous county's abbreviation names it as its own name does (科右前旗, 阜蒙县)
    abbreviations: list[str] = []
    with open(ABBREVIATIONS_CSV, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            by_name.setdefault(row["abbreviation"], []).append(by_code[row["division_code"]])
            abbreviations.append(row["abbreviation"])
    zones: dict[str, Division] = {}
    with open(ZONES_CSV, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            inside = by_code[row["adcode"]]
            zone = Division(row["adcode"], row["zone_name"], "zone", row["adcode"], inside.province,
                            inside.prefecture if inside.level != "province" else None,
                            inside.county if inside.level == "county" else None, row["adcode"])
            for alias in [row["zone_name"]] + [a for a in row["aliases"].split("|") if a]:
                zones[alias] = zone
    longest = max(len(k) for k in list(by_name) + list(zones))
    place_starts: dict[str, int] = {}
    for name in [d.name for d in by_code.values()] + abbreviations + list(zones):
        place_starts[name[:2]] = max(place_starts.get(name[:2], 0), len(name))
    firsts = re.compile("[" + "".join(sorted({re.escape(name[0]) for name in place_starts})) + "]")
    return DivisionTable(by_code, by_name, by_short, zones, longest, place_starts, firsts)

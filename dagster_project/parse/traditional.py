"""Traditional-Chinese text: detecting it, and converting it to Simplified with OpenCC ``t2s``.

``opencc`` (opencc-python-reimplemented) is loaded lazily, on the first conversion, and the
converter is shared by every caller.
"""
from __future__ import annotations

import re
from functools import lru_cache

# characters used only in Traditional script (each converts under OpenCC t2s), and the
# Simplified-only counterparts; a page is Traditional when the former outnumber the latter
_TRAD_CHARS = frozenset(
    "資訊開報與際計們這會發國時對說過學實現應務將機關處號區條縣產業辦經項類種認議讀閱請數據"
    "統預決審執單總結費間門問題體個來見進動點電話網頁級規則範護權訴訟罰強許鎮鄉廳長義當從組織"
    "領導設無態圖書歷離參兩讓聽選擇責負貫徹衛醫療藥環營運輸財監檢測證農華東龍專員麼樣還陳續術"
    "語論質變興風氣車輛價門"
)
_SIMP_CHARS = frozenset(
    "资讯开报与际计们这会发国时对说过学实现应务将机关处号区条县产业办经项类种认议读阅请数据"
    "统预决审执单总结费间门问题体个来见进动点电话网页级规则范护权诉讼罚强许镇乡厅长义当从组织"
    "领导设无态图书历离参两让听选择责负贯彻卫医疗药环营运输财监检测证农华东龙专员么样还陈续术"
    "语论质变兴风气车辆价"
)
# a few common Traditional forms (公開, 申請, 條, 數, 訴訟, 辦結 ...): the prose reader converts a
# text as soon as one of them appears
_TRAD_MARKS = re.compile(r"[開請動條數議訴會發佈辦資訊覆劃屬關與為區個際復]")

# Pinyin that mirrors inject after characters (監(jiān)察局, 鎮(zhèn), 申請(qǐng)): letters with tone marks
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
PINYIN_JUNK = re.compile(r"[(（]\s*[a-zA-Z" + TONED + r"]*[" + TONED + r"][a-zA-Z" + TONED + r"]*\s*[)）]")


def strip_pinyin(text: str) -> str:
    """The text without the pinyin a mirror wrote after its characters."""
    return PINYIN_JUNK.sub("", text)


_converter = None
_changing = None  # (the characters t2s rewrites alone, the phrases it rewrites that hold none of them)


def _t2s():
    global _converter, _changing
    if _converter is None:
        import opencc

        converter = opencc.OpenCC("t2s")
        _changing = _changing_entries(converter)
        _converter = converter
    return _converter


def _first_value(value: str) -> str:
    return value.split(" ")[0]  # an entry with several values ("覆 复") is converted to its first


def _changing_entries(converter) -> tuple[frozenset, re.Pattern]:
    """What a piece must hold for t2s to change it: a character it rewrites alone, or a whole
    phrase it rewrites that holds no such character (答覆 -> 答复, while 覆 alone stays 覆).

    t2s replaces dictionary entries found in the piece by their values; a piece holding no entry
    whose value differs from it comes out as it went in, however it is segmented."""
    entries = [d for group in converter._dict_chain_data for (_, _, d) in group]
    single = {k for d in entries for k, v in d.items() if len(k) == 1 and _first_value(v) != k}
    phrases = {k for d in entries for k, v in d.items()
               if len(k) > 1 and _first_value(v) != k and not any(c in single for c in k)}
    # a set, not a character class: the regex engine scans a class of 4,000 characters several
    # times slower than a set lookup per character
    return frozenset(single), re.compile("|".join(map(re.escape, sorted(phrases, key=len, reverse=True))) or "(?!)")


def _may_change(text: str) -> bool:
    """False when t2s leaves ``text`` as it is (exact for a piece, and so for a line or a text,
    which t2s converts piece by piece)."""
    chars, phrases = _changing
    return not chars.isdisjoint(text) or phrases.search(text) is not None


# counted by a character-class scan (the two sets share no character)
_TRAD_RE = re.compile("[" + "".join(sorted(_TRAD_CHARS)) + "]")
_SIMP_RE = re.compile("[" + "".join(sorted(_SIMP_CHARS)) + "]")


def is_traditional(text: str) -> bool:
    """Traditional-only characters (資訊開報與...) outnumber twice their Simplified forms."""
    t = len(_TRAD_RE.findall(text))
    if t < 3:
        return False  # a Simplified text: its Simplified forms need no count
    s = len(_SIMP_RE.findall(text))
    return t > 2 * s


def has_traditional_marks(text: str) -> bool:
    """Any of a few common Traditional forms (開, 請, 條, 數, 訴 ...) appears in the text."""
    return bool(_TRAD_MARKS.search(text))


# variant forms Traditional mirrors print that no OpenCC table maps (陜西省教育廳 for 陝西省)
_VARIANTS = str.maketrans({"陜": "陕"})
_VARIANT_RE = re.compile("[" + "".join(map(chr, _VARIANTS)) + "]")


def to_simplified(text: str) -> str:
    """OpenCC t2s (character and phrase level; Taiwan terms such as 資訊 stay 资讯).

    Only the lines holding an entry t2s rewrites go through OpenCC: t2s splits its input at
    whitespace (line breaks included) and converts the pieces one by one, so converting line by
    line gives the same text, and a Simplified page with one stray form (覆盖 is Simplified; 答覆
    is not) costs one line, or nothing.
    """
    if not text:
        return text
    if _VARIANT_RE.search(text):
        text = text.translate(_VARIANTS)
    converter = _t2s()
    if not _may_change(text):
        return text
    return "\n".join(_converted_line(converter, line) if _may_change(line) else line for line in text.split("\n"))


def _converted_line(converter, line: str) -> str:
    converted = _convert(converter, line)
    places = _ambiguous_places()
    if places is None or not places[0].search(line) or len(converted) != len(line):
        return converted
    return _keep_place_names(line, converted, *places)


def _convert(converter, line: str) -> str:
    """``converter.convert(line)``, with only the pieces that may change converted.

    OpenCC cuts its input at separators (whitespace and punctuation, ``split_chars_re``) and
    converts each piece alone; a piece holding no character t2s may rewrite comes out unchanged,
    and the others repeat from line to line and from page to page (template sentences), so each
    distinct one goes through OpenCC once (OpenCC's pure-Python matching costs milliseconds a line).
    """
    parts = converter.split_chars_re.split(line)
    for k in range(0, len(parts), 2):  # the pieces between separators
        piece = parts[k]
        if piece and _may_change(piece):
            parts[k] = _converted_piece(piece) if len(piece) <= _CACHED_PIECE else converter.convert(piece)
    return "".join(parts)


_CACHED_PIECE = 200  # longer pieces are converted each time: the cache stays small


@lru_cache(maxsize=8192)
def _converted_piece(piece: str) -> str:
    return _t2s().convert(piece)


_places = None  # (a class of the place-name characters t2s rewrites, the names that hold one)


def _ambiguous_places():
    """Place names that are Simplified as written but that t2s rewrites: 乾县 (乾 -> 干 as in 乾燥),
    乾安县, 於潜镇, 濛江乡, 藉口镇 ... (the division table, ``dbt/seeds/divisions.csv``)."""
    global _places
    if _places is None:
        from .agency.divisions import division_table, short_name

        converter = _t2s()
        table = division_table()
        # a name holding no entry t2s rewrites comes out unchanged (see _may_change): only
        # the few others go through OpenCC
        names = {n for n in table.by_name if _may_change(n) and converter.convert(n) != n}
        names |= {short_name(d.name) for d in table.by_code.values() if d.name in names and len(short_name(d.name)) >= 2}
        # a character t2s rewrites alone (乾) or only within a phrase (藉 of 藉口镇, as in 藉口 -> 借口)
        chars = {a for n in names for a, b in zip(n, converter.convert(n)) if a != b}
        if not chars:
            _places = (re.compile("(?!)"), re.compile("(?!)"))
        else:
            _places = (re.compile("[" + "".join(sorted(map(re.escape, chars))) + "]"),
                       re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True)))))
    return _places


def _keep_place_names(original: str, converted: str, chars: re.Pattern, names: re.Pattern) -> str:
    """The converted line with a place name of the division table put back where t2s rewrote one of
    its characters: 咸阳市乾县 stays 咸阳市乾县 (t2s gives 干县, which is no place), 乾縣 gives 乾县.
    A character is kept as written only inside a whole name of the table."""
    positions = [i for i, (a, b) in enumerate(zip(original, converted)) if a != b and chars.match(a)]
    if not positions:
        return converted
    hybrid = list(converted)
    for i in positions:
        hybrid[i] = original[i]
    inside = set()
    for m in names.finditer("".join(hybrid)):
        inside.update(range(m.start(), m.end()))
    out = list(converted)
    for i in positions:
        if i in inside:
            out[i] = original[i]
    return "".join(out)

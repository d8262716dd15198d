"""Report metadata from the text (and page <meta> tags): title, agency, year reported on, date."""
from __future__ import annotations

import re
import unicodedata

from .labels import normalise_label

_CN_DIGITS = {"〇": "0", "○": "0", "零": "0", "Ｏ": "0", "O": "0", "一": "1", "二": "2", "三": "3", "四": "4",
              "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_YEAR = r"((?:19|20)\d{2})"
_CN_YEAR = r"(二[〇○零Ｏ][一二三四五六七八九〇○零Ｏ]{2})"
_REPORT_WORDS = re.compile(r"报告|年报")
_TITLE_HINT = re.compile(r"信息公开|政务公开")
_PERIOD = re.compile(r"统计(?:期限|时限|时间|区间|范围)[^。\n]{0,12}?" + _YEAR + r"\s*年\s*0?1\s*月\s*0?1\s*日")
_DATE_LABELLED = re.compile(
    r"(?:发布时间|发布日期|发文日期|成文日期|PubDate|时间|日期)\s*[:：|]?\s*\|?\s*" + _YEAR + r"\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
)
_DATE_LINE = re.compile(r"^\s*" + _YEAR + r"\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
_REGION_SUFFIX = re.compile(r"(?:省|市|区|县|州|旗|盟|自治区|自治州|自治县|特别行政区)$")
_ZONE_SUFFIX = re.compile(r"(?:实验区|新区|开发区|高新区|示范区|经济区|园区|保税区|试验区|合作区)$")
_AGENCY_SUFFIX = re.compile(
    r"(?:人民政府|政府|管理委员会|管委会|行政公署|委员会|局|厅|委|办公室|办|中心|院|署|所|会|站|队|部|处|室|馆|社|台|公司)$"
)
_GOVERNMENT = re.compile(r"(?:人民政府|管理委员会|行政公署|人民政府办公室|人民政府办公厅)$")


def cn_year(text: str) -> int | None:
    digits = "".join(_CN_DIGITS.get(ch, "") for ch in text)
    return int(digits) if len(digits) == 4 else None


def canonical_agency(name: str, signed: bool = False) -> str:
    """``signed``: the name under a signature, where a government's office signs for the government."""
    name = normalise_label(name).strip("|:：,，。 ")
    if signed:
        name = re.sub(r"(人民政府|管理委员会|管委会)办公[室厅]$", r"\1", name)
    name = re.sub(r"^(?:关于|中共)", "", name)
    name = name.replace("管委会", "管理委员会")
    if _ZONE_SUFFIX.search(name):
        return name + "管理委员会"
    if _REGION_SUFFIX.search(name):
        return name + "人民政府"
    return name


def agency_kind(name: str | None) -> str | None:
    if not name:
        return None
    return "government" if _GOVERNMENT.search(name) else "department"


def find_title(lines: list[str], meta: dict[str, str]) -> str | None:
    for key in ("ArticleTitle", "articletitle", "title"):
        value = (meta.get(key) or "").strip()
        if value and _REPORT_WORDS.search(value) and _TITLE_HINT.search(value):
            return re.split(r"[-_|]{1,2}\s*\S*(?:政府|网)\S*$", value)[0].strip()
    candidates = []
    for line in lines[:60]:
        if re.search(r"当前位置|首页|>|»", line):
            continue  # breadcrumbs name the column, not the report
        for cell in line.split("|"):
            cell = cell.strip()
            norm = normalise_label(cell)
            if 8 <= len(norm) <= 60 and _REPORT_WORDS.search(norm) and _TITLE_HINT.search(norm) and not norm.startswith(("根据", "按照", "本报告", "依据")):
                candidates.append(re.sub(r"^(?:名称|标题)\s*", "", cell))
    # a catalogue cell (县区政府信息公开年度报告) names no year; the report's own title does
    dated = [c for c in candidates if re.search(_YEAR + "|" + _CN_YEAR, normalise_label(c))]
    return (dated or candidates or [None])[0]


def find_report_year(title: str | None, text: str, published: str | None) -> tuple[int | None, str]:
    head = text[:6000]
    m = _PERIOD.search(unicodedata.normalize("NFKC", head))
    if m:
        return int(m.group(1)), "statistics period"
    if title:
        norm = normalise_label(title)
        m = re.search(_YEAR + r"年", norm)
        if m:
            return int(m.group(1)), "title"
        m = re.search(_CN_YEAR + r"年", norm)
        if m and cn_year(m.group(1)):
            return cn_year(m.group(1)), "title"
    norm = normalise_label(head)
    m = re.search(_YEAR + r"年度?(?:政府|政务)?信息公开", norm)
    if m:
        return int(m.group(1)), "text"
    m = re.search(r"[(（]" + _YEAR + r"年度[)）]", norm)
    if m:
        return int(m.group(1)), "table caption"
    if published:
        return int(published[:4]) - 1, "publication year - 1"
    return None, ""


def find_published(text: str, meta: dict[str, str]) -> str | None:
    for key in ("PubDate", "pubdate", "publishdate", "firstpublishedtime"):
        m = re.search(_YEAR + r"[-/.年](\d{1,2})[-/.月](\d{1,2})", meta.get(key) or "")
        if m:
            return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    m = _DATE_LABELLED.search(unicodedata.normalize("NFKC", text[:3000]))
    if m:
        return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    for line in text.splitlines():  # the date under the signature, the first standalone date
        m = _DATE_LINE.match(unicodedata.normalize("NFKC", line.strip().strip("|")))
        if m:
            return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return None


def find_agency(title: str | None, text: str, meta: dict[str, str]) -> str | None:
    if title:
        norm = normalise_label(title)
        m = re.match(r"^(.*?)(?:" + _YEAR + r"|" + _CN_YEAR + r")年", norm)
        if m and len(canonical_agency(m.group(1))) >= 2:
            return canonical_agency(m.group(1))
    norm_text = unicodedata.normalize("NFKC", text)
    m = re.search(r"填报单位(?:\(盖章\))?\s*[:：]\s*([^\s|:：]{2,30})", norm_text)
    if m:
        return canonical_agency(m.group(1))
    m = re.search(r"由([^\s,，。、()（）]{2,30}?)(?:办公室)?(?:负责)?编制", norm_text[:3000])
    if m:
        return canonical_agency(m.group(1))
    lines = [line.strip().strip("|").strip() for line in text.splitlines()]
    for i, line in enumerate(lines):
        if _DATE_LINE.match(line) and i > 0:
            candidate = normalise_label(lines[i - 1])
            if 3 <= len(candidate) <= 30 and _AGENCY_SUFFIX.search(candidate):
                return canonical_agency(candidate, signed=True)
    for key in ("ContentSource", "contentsource", "source"):
        value = normalise_label(meta.get(key) or "")
        if 3 <= len(value) <= 30 and _AGENCY_SUFFIX.search(value):
            return canonical_agency(value)
    m = re.search(r"信息来源\s*[:：]?\s*\n?\s*([^\s|]{3,30})", norm_text[:2000])
    if m and _AGENCY_SUFFIX.search(m.group(1)):
        return canonical_agency(m.group(1))
    return None


def is_region_summary(text: str) -> bool:
    """A region's report that aggregates its own agencies (综合全区各镇、各部门 …)."""
    return bool(re.search(r"综合(?:了)?(?:全[省市区县州旗]|各(?:县|区|市|乡镇|镇|部门))", text[:5000]))

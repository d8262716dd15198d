"""The official name of a body printed in a short form: 梁山县人社局 is 梁山县人力资源和社会保障局.

A body prints its own name shortened in one year and in full in another; one canonical name keeps
its reports one series (``agency_id`` hashes the name). Only the body's last words are expanded,
each short form standing for one official name. The stage keeps the short forms a document prints
among the agency's aliases (:func:`short_forms_of`). Short forms that stand for several names
(文旅局: 文化和旅游局 or 文化广电和旅游局; 城管局) are kept as printed.
"""
from __future__ import annotations

import re

# (short form, official words) ending a name; the first that ends it is used
_SHORT_FORMS: tuple[tuple[str, str], ...] = (
    # a government's own offices: 义安区政府办, 鞍山市铁西区政府办公室, 江苏省政府办公厅
    ("政府办公室", "人民政府办公室"),
    ("政府办", "人民政府办公室"),
    ("政府办公厅", "人民政府办公厅"),
    ("政府研究室", "人民政府研究室"),
    ("人社局", "人力资源和社会保障局"),
    ("人力社保局", "人力资源和社会保障局"),
    ("人社厅", "人力资源和社会保障厅"),
    ("住建局", "住房和城乡建设局"),
    ("住建委", "住房和城乡建设委员会"),
    ("住建厅", "住房和城乡建设厅"),
    ("卫健委", "卫生健康委员会"),
    ("卫生健康委", "卫生健康委员会"),
    ("卫健局", "卫生健康局"),
    ("卫生计生委", "卫生和计划生育委员会"),
    ("卫计委", "卫生和计划生育委员会"),
    ("卫生计生局", "卫生和计划生育局"),
    ("卫计局", "卫生和计划生育局"),
    ("发改委", "发展和改革委员会"),
    ("发展改革委", "发展和改革委员会"),
    ("发改局", "发展和改革局"),
    ("安监局", "安全生产监督管理局"),
    ("质监局", "质量技术监督局"),
    ("工商局", "工商行政管理局"),
    ("环保局", "环境保护局"),
    ("食药监局", "食品药品监督管理局"),
    ("市场监管局", "市场监督管理局"),
    ("文广新局", "文化广电新闻出版局"),
    ("人防办", "人民防空办公室"),
    ("林管局", "林业管理局"),
    ("工信局", "工业和信息化局"),
    ("工信厅", "工业和信息化厅"),
    ("经信委", "经济和信息化委员会"),
    ("经信局", "经济和信息化局"),
    ("民宗局", "民族宗教事务局"),
    ("应急局", "应急管理局"),
    ("医保局", "医疗保障局"),
    ("科技局", "科学技术局"),
    ("外事办", "外事办公室"),
    ("事管局", "机关事务管理局"),
    ("管委", "管理委员会"),
)
# the central bodies' own short names, each one body's (国家民委 is the national commission; a province's
# 民委 may be its 民族宗教事务委员会, so the words alone are not expanded)
_CENTRAL_BODIES = {
    "国家民委": "国家民族事务委员会",
    "国家语委": "国家语言文字工作委员会",
    "国家网信办": "国家互联网信息办公室",
    "国家市场监管总局": "国家市场监督管理总局",
    "国家药监局": "国家药品监督管理局",
    "国家林草局": "国家林业和草原局",
    "国家中医药局": "国家中医药管理局",
    "国家外汇局": "国家外汇管理局",
    "国家移民局": "国家移民管理局",
    "国家国防科工局": "国家国防科技工业局",
    "国家粮食和储备局": "国家粮食和物资储备局",
}
# with the words a name in full has before the short form's first character (人民政府办公室 ends with
# 政府办公室, 县人民政府办 with 政府办: a name already in full stays)
_WITH_LEAD = tuple((short, full, full[: full.index(short[0])] if short[0] in full else "") for short, full in _SHORT_FORMS)
# a region's government, at the end of the name or before one of its offices (兴安盟行署外事办公室)
_REGION_OFFICE = re.compile(r"行署(?=[^区]{0,12}$)")
# a province's or a city's state-assets commission is an organ of its people's government
_ASSETS_COMMISSION = re.compile(r"^(.{2,10}?(?:省|自治区|市))国资委$")

# a field's name right before the short form: the short form is the second half of a merged body's name
_MERGED_WITH = re.compile(r"(?:教育|文化|工业|农业|商务|体育|卫生|交通|水利|旅游|广电|和|与|及)$")


def full_form(name: str) -> str:
    """``name`` with a short form of its body's words written out; the name itself when it has none."""
    if name in _CENTRAL_BODIES:
        return _CENTRAL_BODIES[name]
    m = _ASSETS_COMMISSION.match(name)
    if m and not re.search(r"[区县]", m.group(1)[2:].removesuffix("自治区")):
        return m.group(1) + "人民政府国有资产监督管理委员会"
    if name.endswith("国资委"):
        return name[: -len("国资委")] + "国有资产监督管理委员会"
    if _REGION_OFFICE.search(name):
        return _REGION_OFFICE.sub("行政公署", name, count=1)
    for short, full, lead in _WITH_LEAD:
        if name.endswith(short) and not name.endswith(full) and not (lead and name[: -len(short)].endswith(lead)):
            before = name[: -len(short)]
            if _MERGED_WITH.search(before):
                return name  # 洪洞县教育科技局: one body of two fields, named as such (not 教育科学技术局)
            return before + full
    return name


def short_forms_of(name: str) -> list[str]:
    """The short forms of an official name that a page may print (梁山县人力资源和社会保障局 -> 梁山县人社局)."""
    forms = [name[: -len(full)] + short for short, full in _SHORT_FORMS if name.endswith(full)]
    forms += [short for short, full in _CENTRAL_BODIES.items() if name == full]
    if name.endswith("国有资产监督管理委员会"):
        forms.append(re.sub(r"(?:人民政府)?国有资产监督管理委员会$", "国资委", name))
    if "行政公署" in name:
        forms.append(name.replace("行政公署", "行署", 1))
    return forms

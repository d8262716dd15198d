"""The official name of a body printed in a short form: 梁山县人社局 is 梁山县人力资源和社会保障局.

A body prints its own name shortened in one year and in full in another; one canonical name keeps
its reports one series (``agency_id`` hashes the name). Only the body's last words are expanded,
each short form standing for one official name; the printed form stays among the agency's aliases.
Short forms that stand for several names (文旅局: 文化和旅游局 or 文化广电和旅游局; 城管局) are kept.
"""
from __future__ import annotations

import re

# (short form ending the name, official words); the first that matches is used
_SHORT_FORMS: tuple[tuple[str, str], ...] = (
    # a government's own offices: 义安区政府办, 鞍山市铁西区政府办公室, 江苏省政府办公厅
    (r"(?<!人民)政府办(?:公室)?$", "人民政府办公室"),
    (r"(?<!人民)政府办公厅$", "人民政府办公厅"),
    (r"(?<!人民)政府研究室$", "人民政府研究室"),
    # a region's government, or one of its offices after it (兴安盟行署外事办公室)
    (r"行署(?=[^区]{0,12}$)", "行政公署"),
    (r"人社局$", "人力资源和社会保障局"),
    (r"人力社保局$", "人力资源和社会保障局"),
    (r"人社厅$", "人力资源和社会保障厅"),
    (r"住建局$", "住房和城乡建设局"),
    (r"住建委$", "住房和城乡建设委员会"),
    (r"住建厅$", "住房和城乡建设厅"),
    (r"卫健委$", "卫生健康委员会"),
    (r"卫健局$", "卫生健康局"),
    (r"(?:卫生计生|卫计)委$", "卫生和计划生育委员会"),
    (r"(?:卫生计生|卫计)局$", "卫生和计划生育局"),
    (r"发改委$", "发展和改革委员会"),
    (r"发改局$", "发展和改革局"),
    (r"安监局$", "安全生产监督管理局"),
    (r"市场监管局$", "市场监督管理局"),
    (r"文广新局$", "文化广电新闻出版局"),
    (r"人防办$", "人民防空办公室"),
    (r"林管局$", "林业管理局"),
    (r"工信局$", "工业和信息化局"),
    (r"工信厅$", "工业和信息化厅"),
    (r"经信委$", "经济和信息化委员会"),
    (r"经信局$", "经济和信息化局"),
    (r"民宗局$", "民族宗教事务局"),
    (r"应急局$", "应急管理局"),
    (r"医保局$", "医疗保障局"),
    (r"科技局$", "科学技术局"),
    (r"外事办$", "外事办公室"),
    (r"(?<!机关)事管局$", "机关事务管理局"),
    (r"管委$", "管理委员会"),
)
_PATTERNS = tuple((re.compile(short), full) for short, full in _SHORT_FORMS)
# a province's or a city's state-assets commission is an organ of its people's government
_ASSETS_COMMISSION = re.compile(r"^(.{2,10}?(?:省|自治区|市))国资委$")


def full_form(name: str) -> str:
    """``name`` with a short form of its body's words written out; the name itself when it has none."""
    m = _ASSETS_COMMISSION.match(name)
    if m and not re.search(r"[区县]", m.group(1)[2:].removesuffix("自治区")):
        return m.group(1) + "人民政府国有资产监督管理委员会"
    if name.endswith("国资委"):
        return name[: -len("国资委")] + "国有资产监督管理委员会"
    for pattern, full in _PATTERNS:
        expanded = pattern.sub(full, name, count=1)
        if expanded != name:
            return expanded
    return name

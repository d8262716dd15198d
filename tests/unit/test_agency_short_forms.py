"""A body printed in a short form gets its official name (one series per body); the printed form
stays an alias. Every case is a name real reports print."""
from __future__ import annotations

import pytest

from dagster_project.parse.agency import read_signals, resolve_agency
from dagster_project.parse.agency.short_forms import full_form


@pytest.mark.parametrize("printed, official", [
    ("梁山县人社局", "梁山县人力资源和社会保障局"),
    ("湖州市吴兴区人力社保局", "湖州市吴兴区人力资源和社会保障局"),
    ("天津市住建委", "天津市住房和城乡建设委员会"),
    ("上海市长宁区卫健委", "上海市长宁区卫生健康委员会"),
    # an analyst's audit of the fixture warehouse: 卫生健康委 kept as printed (prose_pages batch_o/17, batch_c/26)
    ("江苏省卫生健康委", "江苏省卫生健康委员会"),
    ("国家卫生健康委", "国家卫生健康委员会"),
    ("湖北省卫生计生委", "湖北省卫生和计划生育委员会"),
    ("吉林市安监局", "吉林市安全生产监督管理局"),
    ("牡丹江市人防办", "牡丹江市人民防空办公室"),
    ("景德镇市文广新局", "景德镇市文化广电新闻出版局"),
    ("延边州林管局", "延边州林业管理局"),
    ("烟台开发区管委", "烟台开发区管理委员会"),
    ("河南省事管局", "河南省机关事务管理局"),
    # a government's offices, and the region's office named before one of its own
    ("铜陵市义安区政府办", "铜陵市义安区人民政府办公室"),
    ("江苏省政府办公厅", "江苏省人民政府办公厅"),
    ("兴安盟行署外事办公室", "兴安盟行政公署外事办公室"),
    # a province's or a city's state-assets commission is its government's; a district's is its own
    ("浙江省国资委", "浙江省人民政府国有资产监督管理委员会"),
    ("嘉兴市国资委", "嘉兴市人民政府国有资产监督管理委员会"),
    ("广西壮族自治区国资委", "广西壮族自治区人民政府国有资产监督管理委员会"),
    ("上海市长宁区国资委", "上海市长宁区国有资产监督管理委员会"),
    # a central body's own short name (a province's 民委 may be its 民族宗教事务委员会: kept as printed)
    ("国家民委", "国家民族事务委员会"),
    ("国家药监局", "国家药品监督管理局"),
    ("国家粮食和储备局", "国家粮食和物资储备局"),
])
def test_short_forms_are_written_out(printed, official):
    assert full_form(printed) == official


@pytest.mark.parametrize("name", [
    "北京市人民政府办公厅", "平潭综合实验区管理委员会", "宁德市文化和旅游局", "福州市城市管理委员会",
    "景德镇市珠山区文广新旅局",  # a short form that stands for more than one name stays as printed
    "甘肃省民委",
])
def test_full_names_and_ambiguous_short_forms_stay(name):
    assert full_form(name) == name


def test_the_printed_short_form_is_kept_beside_the_official_name():
    identity = resolve_agency(read_signals("梁山县人社局2016年政府信息公开工作年度报告", "根据《条例》编制本报告。\n", {}))
    assert (identity.agency_name, identity.printed_name) == ("梁山县人力资源和社会保障局", "梁山县人社局")

"""Issuers named from the national division table (dbt/seeds/divisions.csv), read off reports
printed the way real ones are: the title line, the opening sentence, the signature and the date,
in Simplified characters or as a Traditional mirror prints them.

Each case was misread before: 乾县 (a Simplified place name that OpenCC t2s turns into 干县), a
county's 林业局 read as the 林业局 town-level unit of 鸡东县 and made a government, and names
beginning with 本 or 全 (本溪满族自治县, 全州县) taken for a sentence (本局, 全县).
"""
from __future__ import annotations

import pytest
from opencc import OpenCC

from dagster_project.parse.report import parse_document
from dagster_project.parse.traditional import to_simplified
from dagster_project.stage.agencies import _resolve


def report(issuer: str, year_first: bool = False) -> str:
    title = f"2022年{issuer}政府信息公开工作年度报告" if year_first else f"{issuer}2022年政府信息公开工作年度报告"
    return (f"{title}\n"
            f"根据《中华人民共和国政府信息公开条例》规定,现将{issuer}2022年政府信息公开工作情况报告如下。\n"
            "一、总体情况\n"
            "2022年,认真贯彻落实《条例》要求,主动公开政府信息120条,收到政府信息公开申请3件。\n"
            "本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n"
            f"{issuer}\n2023年1月20日\n")


def read(text: str):
    """The parser's agency, then the stage's identity of it (no host)."""
    meta = parse_document(text, "report.txt").meta
    return meta.agency_name, _resolve(meta.agency_name, meta.title, None, None, [])


CASES = [
    # printed issuer, canonical name, kind, adcode
    ("乾县人民政府", "乾县人民政府", "government", "610424"),
    ("乾县", "乾县人民政府", "government", "610424"),
    ("咸阳市乾县林业局", "乾县林业局", "department", "610424"),
    ("乾安县统计局", "乾安县统计局", "department", "220723"),
    ("临安区於潜镇人民政府", "杭州市临安区於潜镇人民政府", "township", "330112"),
    ("天水市秦州区藉口镇人民政府", "天水市秦州区藉口镇人民政府", "township", "620502"),  # t2s: 藉口 -> 借口
    ("伊春市林业局", "伊春市林业局", "department", "230700"),
    ("德化县林业局", "德化县林业局", "department", "350526"),
    ("安顺市西秀区林业局", "安顺市西秀区林业局", "department", "520402"),
    ("秀山土家族苗族自治县林业局", "秀山土家族苗族自治县林业局", "department", "500241"),
    ("海西蒙古族藏族自治州林业局", "海西蒙古族藏族自治州林业局", "department", "632800"),
    # the table lists 萝北县林业局 as a town-level unit of 萝北县: the same bureau, not a government
    ("萝北县林业局", "萝北县林业局", "department", "230421"),
    ("本溪满族自治县", "本溪满族自治县人民政府", "government", "210521"),
    ("本溪市平山区南地街道办事处", "本溪市平山区南地街道办事处", "street_office", "210502"),
    # a street office printed as its district government's keeps that form (real pages of 2020-2022)
    ("南京市鼓楼区人民政府华侨路街道办事处", "南京市鼓楼区人民政府华侨路街道办事处", "street_office", "320106"),
    ("全州县统计局", "全州县统计局", "department", "450324"),
    # a banner's or an autonomous county's abbreviation (dbt/seeds/division_abbreviations.csv)
    ("科右前旗人民政府", "科尔沁右翼前旗人民政府", "government", "152221"),
    ("阜蒙县人民政府办公室", "阜新蒙古族自治县人民政府办公室", "department", "210921"),
    ("西乌旗统计局", "西乌珠穆沁旗统计局", "department", "152526"),
    # an autonomous county or prefecture by its short name (a real 2018 opening: 张家川县胡川镇)
    ("张家川县胡川镇人民政府", "张家川回族自治县胡川镇人民政府", "township", "620525"),
    ("阿坝州人民政府办公室", "阿坝藏族羌族自治州人民政府办公室", "department", "513200"),
    # peoples of two or more characters (布依族, 朝鲜族, 土家族, 哈萨克, 达斡尔族) are no part of the short name
    ("黔南州人民政府", "黔南布依族苗族自治州人民政府", "government", "522700"),
    ("延边州林业管理局", "延边朝鲜族自治州林业管理局", "department", "222400"),
    ("湘西州人民政府", "湘西土家族苗族自治州人民政府", "government", "433100"),
    ("伊犁州人民政府", "伊犁哈萨克自治州人民政府", "government", "654000"),
    ("积石山县银川镇人民政府", "积石山保安族东乡族撒拉族自治县银川镇人民政府", "township", "622927"),
    ("鄂温克旗人民政府", "鄂温克族自治旗人民政府", "government", "150724"),
    # 江城县 is Yunnan's autonomous county; 阳江's 江城区 shares its short name
    ("江城县人民政府", "江城哈尼族彝族自治县人民政府", "government", "530826"),
    # a province by its short name before a county (a real 2023 opening: 新疆伊宁县人民政府), or before 自治区
    ("新疆伊宁县人民政府", "伊宁县人民政府", "government", "654021"),
    ("广西融安县教育局", "融安县教育局", "department", "450224"),
    ("内蒙古托克托县人民政府", "托克托县人民政府", "government", "150122"),
    ("新疆自治区地方税务局", "新疆维吾尔自治区地方税务局", "department", "650000"),
]


@pytest.mark.parametrize("printed, name, kind, adcode", CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("shape", ["title", "year_first", "traditional"])
def test_issuer_named_from_the_division_table(printed, name, kind, adcode, shape):
    text = report(printed, year_first=shape == "year_first")
    if shape == "traditional":
        text = OpenCC("s2t").convert(text)
    parsed, identity = read(text)
    assert parsed is not None
    assert (identity.agency_name, identity.agency_kind, identity.adcode, identity.agency_resolution) == \
        (name, kind, adcode, "full")


def test_dongxiang_county_stays_open_since_two_counties_bore_the_name():
    # 东乡县 is Gansu's 东乡族自治县 today and was 抚州's county until 2016 (now 东乡区), whose reports say 东乡县
    parsed, identity = read(report("东乡县人民政府"))
    assert (identity.agency_name, identity.adcode, identity.agency_resolution) == ("东乡县人民政府", None, "partial")


def test_a_zone_s_abbreviation_is_a_zone_and_gives_way_to_its_full_name():
    # 经开区 alone is a zone's committee, never a people's government
    identity = _resolve("经开区", None, None, None, [])
    assert (identity.agency_name, identity.agency_kind, identity.agency_resolution) == ("经开区管理委员会", "government", "partial")
    # a real opening (a mirror of 郎溪's zone, 2021) says 现将經開區…匯報 and 郎溪經濟開發區管委會: the two are one body
    text = ("根據《中華人民共和國政府信息公開條例》(國務院令第711號)和《國務院辦公廳政府信息與政務公開辦公室關于印發<中華人民共和國政府信息公開工作年度報告格式>的通知》(國辦公開辦函〔2021〕30號)要求,結合2021年度郎溪經濟開發區管委會信息公開工作及有關統計數據撰寫本報告。報告主要包括:總體情況、主動公開、依申請公開、政府信息管理、公開平臺建設、存在的主要問題和改正情況等內容。報告中使用數據統計期限自2021年1月1日至2021年12月31日。本報告在郎溪縣人民政府網站(http://www.jxssj.com/)制度指南公開年報和信息公開目錄中全文公開。如對報告存有疑問,可與郎溪經濟開發區管委會辦公室聯系(地址:郎溪經濟開發區管委會三樓,郵編:242100,電話:0563-7375268,電子郵箱:langxikfq@163.com。)\n"
            "一、總體情況\n"
            "2021年,郎溪經濟開發區管委會嚴格執行《中華人民共和國政府信息公開條例》,按照縣委、縣政府統一要求,認真推進政府信息公開工作,依法、規范、及時公開郎溪經開區政府信息,現將經開區2021年度政府信息公開工作開展情況匯報如下")
    parsed, identity = read(text)
    assert (identity.agency_name, identity.adcode, identity.agency_resolution) == ("郎溪经济开发区管理委员会", "341821", "full")


def test_a_zone_of_the_province_is_not_the_county_its_name_begins_with():
    # 长白山 begins with 长白 (长白朝鲜族自治县); the zones seed places the province's 长白山保护开发区
    identity = _resolve("长白山保护开发区管理委员会", None, None, None, [])
    assert (identity.adcode, identity.agency_resolution) == ("220000", "full")
    assert _resolve("长白县财政局", None, None, None, []).adcode == "220623"


def test_a_province_s_short_name_is_taken_only_before_a_place_inside_it():
    # 湖南路街道 (南京) is a street, 南京 lies in no 湖南; 北京大兴国际机场临空经济区(廊坊) is 河北's zone named
    # for the airport, which the table lists as a town-level unit of 北京's 大兴区
    for printed in ("湖南路街道办事处", "湖南南京市人民政府", "北京大兴国际机场临空经济区(廊坊)管理委员会"):
        identity = _resolve(printed, None, None, None, [])
        assert (identity.agency_name, identity.adcode, identity.agency_resolution) == (printed, None, "partial")


def test_a_district_printed_under_a_city_that_no_longer_holds_it_stays_open():
    # 邢台's 桥东区 (until 2020) and 石家庄's (until 2014): the table's only 桥东区 today is 张家口's
    for printed in ("邢台市桥东区人民政府", "石家庄市桥东区人民政府"):
        identity = _resolve(printed, None, None, None, [])
        assert (identity.agency_name, identity.adcode, identity.agency_resolution) == (printed, None, "partial")
    assert _resolve("张家口市桥东区人民政府", None, None, None, []).adcode == "130702"


def test_a_county_the_table_no_longer_holds_is_not_its_city_or_province():
    # 高淳县 (高淳区 since 2013), 株洲县 (渌口区 since 2018), 吴江市 (吴江区 since 2012): the body is the
    # county's; placed at the city or province before it, a county bureau became a province's body
    for printed in ("南京市高淳县人民政府", "湖南省株洲县民政局", "南京市溧水县卫生局", "苏州市吴江市人民政府"):
        identity = _resolve(printed, None, None, None, [])
        assert (identity.agency_name, identity.adcode, identity.agency_resolution) == (printed, None, "partial")
    # words and zones inside a place are no county (市容, 大通湖区), nor is the county named again after its committee
    for printed, adcode in (("上海市徐汇区绿化和市容管理局", "310104"), ("武汉市江夏区住房和城市更新局", "420115"),
                            ("益阳市大通湖区卫生健康和市场监督管理局", "430900"), ("嵊泗县委嵊泗县人民政府", "330922"),
                            ("南京市高淳区人民政府", "320118")):
        assert _resolve(printed, None, None, None, []).adcode == adcode, printed


def test_a_generic_unit_name_alone_is_not_placed_in_another_county():
    # 林业局 is a town-level unit of 鸡东县 in the table; a bare 林业局 names no place
    parsed, identity = read(report("林业局"))
    assert parsed == "林业局"
    assert (identity.agency_kind, identity.adcode, identity.agency_resolution) == ("department", None, "partial")


def test_a_county_bureau_of_another_county_is_not_the_unit_of_that_name():
    # 天桥岭林业局 lies in 汪清县: printed after 德化县 it is no place of 德化县's, and no government
    parsed, identity = read(report("德化县天桥岭林业局"))
    assert identity.agency_kind == "department" and identity.agency_name == "德化县天桥岭林业局"


def test_place_names_survive_t2s_and_other_characters_do_not():
    assert to_simplified("咸阳市乾县人民政府") == "咸阳市乾县人民政府"
    assert to_simplified("陝西省咸陽市乾縣林業局") == "陕西省咸阳市乾县林业局"
    assert to_simplified("乾安縣統計局於潛鎮") == "乾安县统计局於潜镇"
    assert to_simplified("天氣乾燥,於是乾隆") == "天气干燥,于是乾隆"
    assert to_simplified("秦州區藉口鎮,不找藉口") == "秦州区藉口镇,不找借口"
    assert to_simplified("陜西省教育廳") == "陕西省教育厅"  # a variant no OpenCC table maps


def test_and_before_the_county_s_committee_names_no_county_called_he():
    from dagster_project.parse.agency.divisions import division_table

    table = division_table()
    # 和 joins the committee and the government a town answers to; 和县 (Anhui) is no place of the page
    assert table.places_in("现将我镇工作落实《中华人民共和国政府信息公开条例》和县委、县政府统一部署的情况报告如下") == []
    assert [d.name for d in table.places_in("和县人民政府2023年政府信息公开工作年度报告")] == ["和县"]
    assert [d.name for d in table.places_in("安徽省马鞍山市和县教育局")] == ["安徽省", "马鞍山市", "和县"]
    assert [d.name for d in table.places_in("根据安徽省和县人民政府的部署")] == ["安徽省", "和县"]
    assert table.places_in("落实省级和县级部门、市和县两级的要求") == []
    # a real opening (a town's report reposted by a news site): the town, its county not decided
    text = ("今年以来,黑虎庙镇认真贯彻落实《中华人民共和国政府信息公开条例》和县委、县政府统一部署,不断健全完善政务信息"
            "公开工作制度。现将我镇2019年度政府信息公开工作报告如下:\n一、强化组织领导。\n")
    meta = parse_document(text, "x.txt").meta
    assert meta.agency_name == "黑虎庙镇人民政府"
    assert _resolve(meta.agency_name, meta.title, None, None, []).county is None

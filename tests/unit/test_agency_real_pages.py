"""The issuer and the title of real pages whose names took a rule of their own (tests/fixtures, SOURCES.md): each
page here once gave a wrong name or none."""
from __future__ import annotations

from pathlib import Path

import pytest

from dagster_project.parse.agency import read_signals, resolve_agency
from dagster_project.parse.report import parse_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.mark.parametrize("page, issuer", [
    ("prose_pages/batch_zh/05.txt", "广西壮族自治区人民政府"),  # not 项目中心, an item of the site's menu
    ("prose_pages/batch_zh/14.txt", "靖远县若笠乡人民政府"),  # 编制了若笠乡2008年…; not the body whose notice it cites
    ("prose_pages/batch_zh/16.txt", "广东省质量技术监督局"),  # printed 广东省质监局
    ("doc_type_pages/batch_8/22.txt", "上海市人民政府"),  # 由市政府办公厅综合…, on a page naming 上海市
    ("prose_pages/batch_zi/10.txt", "驼峰路街道办事处"),  # an undated title line
    ("prose_pages/batch_zk/06.txt", "呼和浩特市赛罕区人民政府"),  # 我区, and 网址:http://www.saihan.gov.cn/
    ("prose_pages/batch_u/02.txt", "湖北省人民政府研究室(发展研究中心)"),  # a second name in brackets
    ("doc_type_pages/batch_14/08.txt", "嘉兴市人民防空办公室(民防局)"),
    ("prose_pages/batch_s/10.txt", "黔东南苗族侗族自治州人民政府"),  # (州政府办公室) compiled it
    ("copies/batch_2/09.txt", "广德市统计局"),  # not 地址:广德市便民服务中心
    ("copies/batch_1/17.txt", "福建省人力资源和社会保障厅"),  # its 办公室 answers for it
    ("copies/batch_1/22.txt", "青岛市市南区人民政府珠海路街道办事处"),  # printed 市南区政府珠海路街道办事处
    ("copies/batch_1/05.txt", "中国人民银行合肥中心支行"),
    ("prose_pages/batch_zn/c02.txt", "天津海关"),
    # an outside trial's township report whose title was copied from a sibling's (桃江县牛田镇2022年…) over a
    # body, a signature and a 来源 that all say 修山镇: filed under 牛田镇, it superseded 牛田镇's own report
    ("quirks/township_title_copied_from_sibling.html", "桃江县修山镇人民政府"),
    ("quirks/township_sibling_own_report.html", "桃江县牛田镇人民政府"),
    ("prose_pages/batch_zm/01.txt", "襄阳市襄州区人民政府"),  # 一、总体情况 2022年,襄州区人民政府坚持… on one line
    ("prose_pages/batch_zo/03.txt", "泗水县教育局"),  # 泗水县教育局在县委、县政府的正确领导下
    ("prose_pages/batch_zzu/16.txt", "紫阳县乡村振兴局"),  # 1.主动公开。2021年,紫阳县乡村振兴局在县委、县政府的坚强领导下
    ("prose_pages/batch_zzu/10.txt", "郎溪经济开发区管理委员会"),  # 现将经开区…汇报, and 郎溪经济开发区管委会
    # the 政府 of 政府信息公开 after a body's name (《鹤山市公安局政府信息公开指南》), not a government
    ("agencies/pages/c27_hayleyrahl_heshan-gonganju.txt", "鹤山市公安局"),
    ("doc_type_pages/batch_19/28.txt", "浙江省市场监督管理局"),
    ("prose_pages/batch_ze/19.txt", "湖南省参事室"),
    # a guide cited with the rules is named after the sentence that says who compiled the report (陕西省教育厅
    # 编制了…, a mirror's 陜西); its own guide still names the zone its opening calls 保税区
    ("agencies/pages/c16_blmda_shaanxi-jiaoyuting.txt", "陕西省教育厅"),
    # an address on a road is a building's, not the body's: 地址:贺州市南环路羊角山路段贺州市生态环境局
    ("prose_pages/batch_zv/05.txt", "贺州市生态环境局"),
    ("agencies/pages/g11_mte-d_haikoushi-zhengfu_trad.txt", "海口市人民政府"),  # not 地址:海口市长滨路第二行政办公区6号楼
    # 汇总 as 综合: the government's office combining the area's work compiles the government's report
    ("agencies/pages/h10_474490_hebi-shizhengfu_trad.txt", "鹤壁市人民政府"),  # 由鹤壁市政府办公室汇总各市辖县区…编制
    ("prose_pages/batch_zb/18.txt", "许昌市人民政府"),  # not 许昌市人民政府办公室汇总全市各县
    # the title's short form, the opening's full name: 市城管执法局 / 由德阳市城市管理行政执法局…编制
    ("agencies/pages/h08_deyang_chengguanzhifaju.txt", "德阳市城市管理行政执法局"),
    # a school's 办公室 answers for it: 请与潮州广播电视大学办公室联系 (title 潮州电大…)
    ("doc_type_pages/batch_44/27.txt", "潮州广播电视大学"),
    ("prose_pages/batch_s/25.txt", "天津港保税区管理委员会"),
    # a title with the year first whose government runs into 政府信息公开, under the county's site header
    ("agencies/pages/d24_tkx_xiazhen.txt", "托克逊县夏镇人民政府"),
    ("agencies/pages/d28_hbctsy_aletai_xingshu.txt", "阿勒泰地区行政公署"),  # 现就…行政公署及办公室…报告如下
    ("agencies/pages/d17_siyang_canlian.txt", "泗阳县残疾人联合会"),  # 结合2021年泗阳县残疾人联合会…工作编制
    ("agencies/pages/e19_oubogw_dongxihuqu_sifaju.txt", "武汉市东西湖区司法局"),  # a mirror's 欧博 for the place
    ("prose_pages/batch_zp/16.txt", "本溪满族自治县南甸子镇人民政府"),  # printed 本溪县…: a short name with its level
    ("prose_pages/batch_zp/27.txt", "汉中市汉台区人民政府"),  # 由汉台区信息中心编制,经汉台区人民政府办公室审定
    ("prose_pages/batch_zq/05.txt", "天津市审计局"),  # 天津市审计局2014年度政府 / 信息公开年度报告
    ("prose_pages/batch_zr/04.txt", "耿马傣族佤族自治县人民政府"),  # printed 耿马自治县: the peoples left out
    ("prose_pages/batch_zr/15.txt", "中江县人民政府"),  # 由中江县人民政府办公室组织编制
    ("prose_pages/batch_zt/07.txt", "铁岭市应急管理局"),  # 編制2021年鐵嶺市應急管理局信息公開工作年度報告
    ("prose_pages/batch_zt/21.txt", "洪洞县教育科技局"),  # a merged body's name, not 教育科学技术局
    ("prose_pages/batch_zt/30.txt", "北京市重大项目建设指挥部办公室"),  # …依据《…条例》第五十条规定,编制本报告
    ("prose_pages/batch_zu/01.txt", "永安市安砂镇人民政府"),  # the city's office compiled it; the page speaks as 我镇
    ("prose_pages/batch_zu/23.txt", "合水镇人民政府"),  # 公布2024年合水镇人民政府信息公开工作年度报告
    ("prose_pages/batch_zu/26.txt", "怀化市洪江管理区沅江路街道办事处"),  # not 怀化市怀化市…
    ("prose_pages/batch_zp/02.txt", "北京市丰台区马家堡街道办事处"),  # 一、总体情况 / (一)组织领导 / 马家堡街道持续高度重视…
    ("prose_pages/batch_zv/26.txt", "大连市发展和改革委员会"),  # printed 市发展改革委
    ("prose_pages/batch_zw/12.txt", "山西省退役军人事务厅"),  # 2022年,山西省退役军人事务厅准确把握…
    ("prose_pages/batch_zp/25.txt", "松岭门蒙古族乡人民政府"),  # printed 网易体育:松岭门蒙古族乡人民政府
    ("prose_pages/batch_zzf/23.txt", "马关县交通运输局"),  # 【2019】马关县交通运输局2019年…: a list's tag first
    ("prose_pages/batch_zzf/11.txt", "黄龙县市场监督管理局"),  # …黄龙县市场监督管理局结合单位实际,编制本单位2022年度…
    ("prose_pages/batch_zzd/12.txt", "本溪高新技术产业开发区管理委员会"),  # 本溪 opens a zone's name, not 本局
    # 请与常州工商行政管理局高新区(新北)分局联系, not the district whose rules the page names (《新北区政府信息公开工作制度》)
    ("prose_pages/batch_zzd/29.txt", "常州工商行政管理局高新区(新北)分局"),
    ("prose_pages/batch_zzh/03.txt", "平甸乡人民政府"),  # 请与平甸乡人民政府办公室政府信息公开办公室联系
    ("prose_pages/batch_zzg/15.txt", "东阿县人民政府办公室"),  # 一、总体情况/(一)…/东阿县人民政府办公室按照《…》
    # 教育部办公厅关于发布《2010年教育部政府信息公开工作年度报告》的公告: the report is the ministry's
    ("copies/batch_5/01.txt", "教育部"),
    ("copies/batch_5/03.txt", "教育部"),  # 教育部办公厅关于2016年教育部政府信息公开工作年度报告的公告
    ("doc_type_pages/batch_15/02.txt", "渭南市水务局"),  # 渭南市水务局 关于2014年度政府信息公开年度报告的函: its own
    ("prose_pages/batch_zzq/02.txt", "国家民族事务委员会"),  # printed 国家民委, the commission's own short name
])
def test_issuer_of_a_real_page(page, issuer):
    text = (FIXTURES / page).read_text(encoding="utf-8")
    assert parse_document(text, Path(page).name).meta.agency_name == issuer


def test_a_county_banner_over_a_townships_report_is_not_its_issuer():
    # 洛浦县人民政府 heads the page (the site's banner); the text is 纳瓦乡's, speaking as 我乡, and names
    # the town in no form the resolution can place: no name rather than the county's
    text = (FIXTURES / "prose_pages/batch_zzq/12.txt").read_text(encoding="utf-8")
    assert parse_document(text, "12.txt").meta.agency_name is None
    # the county's own report under the same banner keeps it, and a town it names in full is the issuer
    county = "洛浦县人民政府\n2025年,我县收到政府信息公开申请3件。本报告由总体情况等部分组成。\n"
    assert resolve_agency(read_signals(None, county, {})).agency_name == "洛浦县人民政府"
    # the county's report that tells of the towns' own work (本乡镇, 本镇) speaks as no town
    for text in ("洛浦县人民政府\n各乡镇人民政府负责本乡镇的政府信息公开工作。2025年,我县收到政府信息公开申请13件。\n",
                 "洛浦县人民政府\n2025年,全县督促各乡镇在本镇政务公开栏公开惠民政策。本报告由总体情况等部分组成。\n"):
        assert resolve_agency(read_signals(None, text, {})).agency_name == "洛浦县人民政府", text
    town = ("洛浦县人民政府\n现发布洛浦县纳瓦乡2025年政府信息公开工作年度报告。\n"
            "2025年,我乡收到政府信息公开申请0件。\n")
    assert resolve_agency(read_signals(None, town, {})).agency_name == "洛浦县纳瓦乡人民政府"


def test_a_municipality_completes_a_bare_city_only_where_the_page_names_no_other():
    # the 2010 Shanghai report's opening (doc_type_pages/batch_8/22) names 上海市 only: 上海市人民政府.
    # The same opening as a prefecture-level city's that names 北京市 in passing first is that city's.
    opening = (FIXTURES / "doc_type_pages/batch_8/22.txt").read_text(encoding="utf-8")
    assert resolve_agency(read_signals(None, opening)).agency_name == "上海市人民政府"
    elsewhere = "学习借鉴北京市的做法。\n" + opening.replace("上海市", "廊坊市").replace("中国上海", "廊坊")
    assert resolve_agency(read_signals(None, elsewhere)).agency_name == "廊坊市人民政府"


@pytest.mark.parametrize("page, title", [
    ("prose_pages/batch_zo/20.txt", "随州市卫计委2015年度政府信息公开工作报告"),  # …发布日期:2016-03-15 on its line
    ("prose_pages/batch_zj/24.txt", "阜阳市人民防空办公室2013年政府信息公开工作年度报告"),  # …信息来源: 阜阳市国防动员办公室
    ("prose_pages/batch_zq/05.txt", "天津市审计局2014年度政府信息公开年度报告"),  # broken inside 政府信息公开
    ("doc_type_pages/batch_28/04.txt", "2010 年广州市海珠区城市管理局政府信息公开年度报告"),  # a cover: the year first
])
def test_title_of_a_real_page(page, title):
    text = (FIXTURES / page).read_text(encoding="utf-8")
    meta = parse_document(text, Path(page).name).meta
    assert (meta.title, meta.doc_type) == (title, "annual_report")


def test_a_report_named_under_related_links_is_not_the_pages_title():
    # an encyclopedia entry on a city archive bureau whose 相關資訊 list its 2011 report (doc_type_pages/batch_28/22)
    text = (FIXTURES / "doc_type_pages/batch_28/22.txt").read_text(encoding="utf-8")
    meta = parse_document(text, "22.txt").meta
    assert (meta.title, meta.doc_type) == (None, "other")


def test_a_character_a_mirror_could_not_encode_is_no_part_of_a_name():
    from dagster_project.parse.agency.names import clean_name

    assert clean_name("?江蘇省衛生健康委") == "江苏省卫生健康委"


def test_a_mirrors_spam_joined_to_a_name_by_a_separator_is_no_part_of_it():
    from dagster_project.parse.agency.names import clean_name

    # real titles (prose_pages/batch_zx/04, doc_type_pages/batch_29/18)
    assert clean_name("沙巴体育在线_欧洲杯预选赛投注:林业厅") == "林业厅"
    assert clean_name("uedbet体育_uedbet官网@:西柳镇人民政府") == "西柳镇人民政府"


def test_a_name_the_spam_wrote_over_is_no_name_and_what_follows_it_may_be():
    from dagster_project.parse.agency.names import clean_name

    # real pages (prose_pages/batch_l/28, batch_zzc/01, batch_zl/23): gambling words are no body's
    assert clean_name("北京市手机彩票网民政局") == ""
    # what follows the spam names the body with its place
    assert clean_name("开云手机官网入口·(中国)官方网站励家镇人民政府") == "励家镇人民政府"
    assert clean_name("澳門賭場办公室") == ""
    assert clean_name("开云体育官网中国人民银行扬州市中心支行") == "中国人民银行扬州市中心支行"
    # a sports bureau, a lottery centre, a chess centre, a place, Latin letters are no spam
    for name in ("淮安市体育局", "福建省福利彩票发行中心", "广州市体育彩票网点管理中心", "浙江省棋牌运动管理中心",
                 "丰台区太阳城社区居委会", "XX市互联网投诉受理中心", "西藏自治区Tibet"):
        assert clean_name(name) == name
    # a site's name after _ is no spam: the name is kept whole, as it was
    assert clean_name("杭州市钱塘区人民政府_河庄街道办事处") == "杭州市钱塘区人民政府_河庄街道办事处"


def test_a_lists_tag_before_the_title_is_dropped_unless_it_names_the_body():
    def issuer(text):
        return parse_document(text, "x.txt").meta.agency_name
    body = ("\n一、总体情况\n2023年,我乡认真贯彻落实《中华人民共和国政府信息公开条例》,全年主动公开政府信息120条。\n"
            "二、收到和处理政府信息公开申请情况\n2023年,我乡收到政府信息公开申请3件,均已按时答复。\n")
    assert issuer("泰和县人民政府\n【苑坑乡】2023年政府信息公开工作年度报告" + body) == "泰和县苑坑乡人民政府"
    assert issuer("【沙坪镇】沙坪镇2023年政府信息公开工作年度报告" + body) == "沙坪镇人民政府"
    assert issuer("【置顶】沙坪镇2023年政府信息公开工作年度报告" + body) == "沙坪镇人民政府"


def test_a_superiors_office_named_for_its_notice_is_not_the_issuer():
    # the office sent the notice the town's report follows (not 东阿县人民政府办公室按照《…条例》…, its own)
    text = ("一、总体情况\n泰和县人民政府办公室按照《关于做好2023年度政府信息公开工作年度报告编制发布工作的通知》要求,"
            "我镇认真总结全年工作。2023年,我镇主动公开政府信息120条。\n")
    assert parse_document(text, "x.txt").meta.agency_name != "泰和县人民政府办公室"



@pytest.mark.parametrize("title", [
    "成都市人民政府办公厅关于公布《2021年成都市各区县政府信息公开工作年度报告》的通知",
    "某区人民政府关于发布《2021年某区各街道政府信息公开工作年度报告》的公告",
    "某市人民政府办公室关于发布《2021年某市发展改革委、某市财政局政府信息公开工作年度报告》的公告",
    "平阳市教育局办公室关于公布《2021年平阳市政府信息公开工作年度报告》的通知",  # another body's office
])
def test_a_cover_notice_of_several_bodies_reports_names_none_of_them(title):
    # only the body whose office publishes it (教育部办公厅 … 《2010年教育部…》) takes the report from the notice
    text = title + "\n根据《中华人民共和国政府信息公开条例》,现予公布。\n一、总体情况\n2021年,主动公开政府信息120条。\n"
    name = parse_document(text, "x.txt").meta.agency_name or ""
    assert "各" not in name and "、" not in name and not name.endswith(("区县", "街道")) and name != "平阳市人民政府"


@pytest.mark.parametrize("page, issuer", [
    ("doc_type_pages/batch_39/15.txt", None),  # 返回顶部, the site's link back to the top
    ("doc_type_pages/batch_13/25.txt", None),
    ("doc_type_pages/batch_19/03.txt", None),  # 建德市新闻传媒中心主办: the footer names the site's sponsor
    ("doc_type_pages/batch_30/09.txt", None),  # 深圳市政府网站编辑部国务院办公厅
    ("doc_type_pages/batch_36/02.txt", None),  # 图书馆VIP党政办公室: a menu run into one line
    ("doc_type_pages/batch_17/27.txt", None),  # 一级事项|二级事项|三级事项|全社会: a table's header
    ("doc_type_pages/batch_16/04.txt", None),  # 皇冠体育,皇冠体育平台…区人民政府办公室: spam over the place
    ("doc_type_pages/batch_45/15.txt", None),  # 中国体育彩票市统计局: a brand written over 赣州 throughout
    ("doc_type_pages/batch_45/17.txt", None),  # 优米体育足球财政局
    ("prose_pages/batch_zo/04.txt", "市住房和城乡建设局"),  # not 英国威廉希尔公司市住房和城乡建设局
    ("doc_type_pages/batch_5/03.txt", "国务院办公厅"),  # 【发布单位】国务院办公厅: the label's bracket is no part of it
    ("doc_type_pages/batch_14/10.txt", "市市场监督管理局"),  # [发布机构]市市场监督管理局
    ("prose_pages/batch_zzg/11.txt", None),  # 由成人直播 教育局编制: the spam wrote over the place
    ("prose_pages/batch_zzl/05.txt", None),  # 西甲直播林业局
    ("doc_type_pages/batch_21/02.txt", "奉新县高新技术产业园区管理委员会"),  # not 现将我委, a sentence's words
    ("doc_type_pages/batch_29/11.txt", "广东省人民政府办公厅"),  # not …办公厅关于印发广东省, a title's words
    ("doc_type_pages/batch_35/14.txt", "广汉市西外乡人民政府"),  # not 长者专区人民政府, the site's menu
    # not 局主要领导牵头、分管领导主抓、局, from 形成了由局主要领导牵头、分管领导主抓、局综合股主管…的良好工作局面
    ("agencies/pages/a26_sjzca_changan-tongji.txt", None),
])
def test_a_sites_chrome_a_label_or_spam_is_no_name(page: str, issuer: str | None) -> None:
    path = FIXTURES / page
    assert parse_document(path.read_text(encoding="utf-8"), path.name).meta.agency_name == issuer


@pytest.mark.parametrize("signed, issuer", [
    # quotes around a campaign's words and 协办 (科协, 政协) are a body's own
    ("德清县“最多跑一次”改革办公室", "德清县“最多跑一次”改革办公室"),
    ("宁波市鄞州区“五水共治”工作领导小组办公室", "宁波市鄞州区“五水共治”工作领导小组办公室"),
    ("宁海县科协办", "宁海县科协办"), ("宁海县政协办", "宁海县政协办"),
    # what a page prints after the name is not part of it
    ("宁波市鄞州区统计局(简称“区统计局”)", "宁波市鄞州区统计局"), ("宁波市鄞州区审计局【打印】【关闭】", "宁波市鄞州区审计局"),
    ("宁波市鄞州区审计局[盖章]", "宁波市鄞州区审计局"),
])
def test_a_names_own_marks_stay_and_a_pages_buttons_go(signed: str, issuer: str) -> None:
    text = (f"2023年,本局收到政府信息公开申请3件,均已按时答复。\n{signed}\n2024年1月20日\n")
    assert resolve_agency(read_signals(None, text, {})).agency_name == issuer


def test_a_town_s_own_guide_outranks_its_county_s_site_field():
    # a guide cited after 按照 may be the body's own: named after the sentences, still before a 来源 field
    text = ("来源:宁化县人民政府 发布时间:2020-01-20\n2019年政府信息公开工作年度报告\n"
            "按照《中华人民共和国政府信息公开条例》和《石壁镇人民政府信息公开指南》要求,编制本报告。\n一、总体情况\n"
            "2019年,石壁镇认真贯彻落实《条例》,不断深化政务公开。\n")
    assert parse_document(text, "x.txt").meta.agency_name == "宁化县石壁镇人民政府"
    text = ("2020年政府信息公开工作年度报告\n发布机构:台山市人民政府\n"
            "依据《中华人民共和国政府信息公开条例》和《台山市民政局政府信息公开指南》,编制本报告。\n一、总体情况\n"
            "2020年,市民政局认真贯彻落实《条例》。\n")
    assert parse_document(text, "x.txt").meta.agency_name == "台山市民政局"


def test_a_town_s_committee_and_government_keep_the_government():
    text = "现将平安镇党委政府2021年度政府信息公开工作情况报告如下。\n一、总体情况\n2021年,平安镇坚持依法公开。\n"
    assert parse_document(text, "x.txt").meta.agency_name.endswith("政府")



def test_a_libraries_or_archives_guide_names_the_body_not_a_government():
    # the 政府 of 政府信息公开 after a 馆 (档案馆, 图书馆, 博物馆), as after a 局 (《鹤山市公安局政府信息公开指南》)
    text = ("2023年政府信息公开工作年度报告\n本报告根据《中华人民共和国政府信息公开条例》和《南通市档案馆政府信息公开指南》编制。\n"
            "一、总体情况\n2023年,主动公开政府信息12条。\n")
    assert parse_document(text, "x.txt").meta.agency_name == "南通市档案馆"


def test_the_sources_a_report_is_summed_from_are_not_its_issuer():
    # 本报告各项数据由市政府各组成部门、各镇(办、区)汇总而成: 汇总 after the sources, not before what is combined
    path = FIXTURES / "agencies/pages/e08_zyzf_zaoyangshi_shizhengfu.txt"
    name = parse_document(path.read_text(encoding="utf-8"), path.name).meta.agency_name or ""
    assert "各" not in name and "组成部门" not in name


def test_a_short_form_is_the_long_names_characters_with_some_left_out_in_the_middle():
    from dagster_project.parse.agency.resolve import _abbreviates

    assert _abbreviates("德阳市城管执法局", "德阳市城市管理行政执法局")
    assert _abbreviates("岐山县教体局", "岐山县教育体育局")
    # 和 inside the one name (a second reader's case: 昌邑区计生局 of 昌邑区人口和计划生育局, 2010)
    assert _abbreviates("吉林市昌邑区计生局", "吉林市昌邑区人口和计划生育局")
    assert not _abbreviates("吉林市昌邑区财政局", "吉林市昌邑区发改局和财政局")
    # a unit under the body, two bodies joined, the government's name inside the title, one word only
    assert not _abbreviates("某市财政局", "某市财政局国库支付局")
    assert not _abbreviates("上海市长宁区税务局", "上海市长宁区国家税务局、上海市地方税务局长宁区分局")
    assert not _abbreviates("吉林市昌邑区经济局", "吉林市昌邑区政府经济局")
    assert not _abbreviates("厦门市民族宗教事务局", "厦门市民族与宗教事务局")
